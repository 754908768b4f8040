"""Resonanz on the command line: the same core as the dashboard, for automation and acceptance.

    python cli.py import [--db URL] [--json] [--platform P] [--account A] [--as-of DATE] [--lang de|en] PATH...
    python cli.py kpis   [--db URL] (--period PERIOD | --from DATE --to DATE) [--as-of DATE] [--platform P] [--account A] [--goals FILE] [--json]
    python cli.py goals  [--db URL] --goals FILE [--as-of DATE] [--json]
    python cli.py report [--db URL] --goals FILE --period PERIOD --format pptx|xlsx|pdf --out FILE
                         [--as-of DATE] [--lang de|en] [--template FILE] [--rank-by KPI]
    python cli.py demo   [--db URL]
    python cli.py plan   [--db URL] --plan FILE [--from DATE --to DATE] [--json]

Exit status: 0 when every file was handled (duplicates and unsupported files included), 1 when a
file failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import resource
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

MEMORY_ADVICE = (
    "Nothing was stored. Resonanz needs about 1 GiB of memory and, under an address-space limit, "
    "ulimit -v 4194304 (4 GiB; see README, Memory limits); run it with more."
)


MIN_ADDRESS_SPACE = 1024**3  # measured: demo, goals and reports run at 1 GiB; below ~600 MB pyarrow crashes natively


def address_space_too_small() -> bool:
    """True under an address-space limit (ulimit -v) too small to start: a native crash there prints nothing useful."""
    soft = resource.getrlimit(resource.RLIMIT_AS)[0]
    return soft != resource.RLIM_INFINITY and soft < MIN_ADDRESS_SPACE


def _refuse_too_small_address_space(command: str) -> int | None:
    if not address_space_too_small():
        return None
    print(f"resonanz: {command}: the address-space limit (ulimit -v) is below 1 GiB. {MEMORY_ADVICE}", file=sys.stderr)
    return 1


# Checked before pandas is imported: under a tiny limit the import itself dies with a bare MemoryError.
if __name__ == "__main__" and (refused := _refuse_too_small_address_space(" ".join(sys.argv[1:2]) or "cli")) is not None:
    sys.exit(refused)

# The import command's parser process starts before this process imports pandas: on two cores both
# interpreters load side by side (half a second of a command's run), and the child is warm when the first file comes.
_EARLY_PARSER = None
if __name__ == "__main__" and sys.argv[1:2] == ["import"] and "-h" not in sys.argv and "--help" not in sys.argv:
    from ingest.worker import spawn

    _EARLY_PARSER = spawn()

import pandas as pd

from ingest.goals_reader import load_goals
from ingest.isolation import parser_process
from ingest.pipeline import read_batch
from metrics import formatting
from metrics.catalog import CATALOG, Kpi, Source
from metrics.comparison import Comparison, comparison_table, comparison_windows, cut_day
from metrics.dataset import Scope
from metrics.engine import KpiEngine
from metrics.goals import DEPARTMENTS, GoalsConfig, GoalsError
from metrics.periods import Period, PeriodError, parse_period, period_between
from metrics.progress import evaluate
from metrics.views import RANK_KPIS, change_text
from model.canonical import Grain, Platform
from model.i18n import Language, translate
from model.issues import Issue
from model.results import FileResult, Status
from storage.queries import DatabaseReadError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 by itself; keep the message short
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="resonanz", description="Resonanz: social media KPI cockpit")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    imp = commands.add_parser("import", help="import exports: files, folders or .zip")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--db", help="database URL (default: DATABASE_URL, else the embedded SQLite file)")
    imp.add_argument("--json", action="store_true", help="print one JSON array with an object per file")
    imp.add_argument("--platform", choices=[str(p) for p in Platform], help="platform of files that do not name it (Meta overview files)")
    imp.add_argument("--account", help="account name for exports that do not name it")
    imp.add_argument("--as-of", type=dt.date.fromisoformat, help="day of reference for dates without a year (default: today)")
    imp.add_argument("--lang", choices=["de", "en"], default="de", help="language of the notes under each file (--json keeps English messages)")

    kpis = commands.add_parser("kpis", help="every catalog KPI for a period, with previous-period and last-year values")
    kpis.add_argument("--db")
    kpis.add_argument("--period", help="2026-Q4, 2026-11, 2026, KW 47/2026, 2026-10-01..2026-11-30, ... (or --from and --to)")
    kpis.add_argument("--from", dest="date_from", type=dt.date.fromisoformat)
    kpis.add_argument("--to", dest="date_to", type=dt.date.fromisoformat)
    kpis.add_argument("--as-of", type=dt.date.fromisoformat, help="the day of the report (default: today, or the period's end if earlier)")
    kpis.add_argument("--platform", action="append", choices=[str(p) for p in Platform], help="repeat for several")
    kpis.add_argument("--account", action="append", help="repeat for several")
    kpis.add_argument("--department", action="append", help="needs --goals for the accounts-to-departments mapping")
    kpis.add_argument("--goals", help="goals workbook or YAML: departments, tags and manual values")
    kpis.add_argument("--json", action="store_true")
    kpis.add_argument("--lang", choices=["de", "en"], default="de")

    goals = commands.add_parser("goals", help="progress of every key result of a goals workbook")
    goals.add_argument("--db")
    goals.add_argument("--goals", required=True)
    goals.add_argument("--as-of", type=dt.date.fromisoformat, help="the day of the report (default: today)")
    goals.add_argument("--json", action="store_true")
    goals.add_argument("--lang", choices=["de", "en"], default="de")

    report = commands.add_parser("report", help="the management review pack as PowerPoint, Excel or PDF")
    report.add_argument("--db")
    report.add_argument("--goals", required=True)
    report.add_argument("--period", required=True, help="2026-Q4, 2026-11, 2026, KW 47/2026, 2026-10-01..2026-11-30, ...")
    report.add_argument("--format", required=True, choices=["pptx", "xlsx", "pdf"])
    report.add_argument("--out", required=True, help="file to write")
    report.add_argument("--as-of", type=dt.date.fromisoformat, help="the day of the report (default: today, or the period's end if earlier)")
    report.add_argument("--lang", choices=["de", "en"], default="de")
    report.add_argument("--template", help="a .pptx or .potx whose masters the deck uses")
    report.add_argument("--rank-by", choices=RANK_KPIS, default="engagements", help="the KPI that ranks the top and weakest posts (as on the Content page)")

    demo = commands.add_parser("demo", help="load the demo company (sample_data/demo)")
    demo.add_argument("--db")

    role = commands.add_parser("role", help="give an e-mail address or an identity-provider group a role (the first admin before sign-in is on)")
    role.add_argument("subject", help="an e-mail address, or with --group a group name of the identity provider")
    role.add_argument("--role", required=True, choices=["admin", "editor", "viewer", "none"], help="none removes the entry")
    role.add_argument("--group", action="store_true", help="the subject is a group claim, not an e-mail address")
    role.add_argument("--department", action="append", choices=list(DEPARTMENTS), help="editor or viewer of these only (repeat; default: all)")
    role.add_argument("--db")

    plan = commands.add_parser("plan", help="store an editorial plan and match it against the published posts")
    plan.add_argument("--db")
    plan.add_argument("--plan", required=True, help="the plan as .xlsx or .csv")
    plan.add_argument("--from", dest="date_from", type=dt.date.fromisoformat, help="first day of the window (default: the plan's first day)")
    plan.add_argument("--to", dest="date_to", type=dt.date.fromisoformat, help="last day of the window (default: the plan's last day)")
    plan.add_argument("--json", action="store_true")
    return parser


def iter_files(paths: Sequence[str]) -> Iterator[tuple[str, bytes]]:
    """(display name, bytes) of every file below the given paths.

    Names are relative to the deepest folder that holds all given paths, so they keep the folders
    the files sit in: ``a/Views.csv`` and ``b/Views.csv`` stay apart, and the pipeline tells a bare
    Meta file's platform from the other files of its own folder first.
    """
    given = [Path(raw) for raw in paths]
    for raw, path in zip(paths, given, strict=True):
        if not path.exists():
            raise UsageError(f"no such file or folder: {raw}")
    base = os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p in given])
    for path in given:
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                yield Path(os.path.relpath(file, base)).as_posix(), file.read_bytes()
        elif path.is_file():
            yield Path(os.path.relpath(path, base)).as_posix(), path.read_bytes()


def _cli_actor() -> str:
    import getpass

    return f"cli:{getpass.getuser()}"


def _audit_as_local_admin(engine: object, action: str, object_type: str, object_id: str = "", details: str = "") -> None:
    """The command line acts as the named local admin: the same permission check, and an audit row naming the OS user."""
    from access.audit import audit_entry
    from access.identity import Identity
    from access.permissions import LOCAL_GRANT, Action, decide
    from storage.access import append_audit

    identity = Identity(_cli_actor(), "command line")
    decision = decide(LOCAL_GRANT, Action(action))
    append_audit(engine, audit_entry(identity, LOCAL_GRANT, Action(action), decision, object_type, object_id, None, details))  # type: ignore[arg-type]


def run_import(args: argparse.Namespace) -> int:
    from storage.engine import make_engine
    from storage.imports import store_results

    if _EARLY_PARSER is not None:
        parser_process().adopt(_EARLY_PARSER)
    items = list(iter_files(args.paths))
    results = read_batch(
        items,
        reference_date=args.as_of or dt.date.today(),
        platform=Platform(args.platform) if args.platform else None,
        account=args.account,
    )
    database = make_engine(args.db)
    for result in results:
        _audit_as_local_admin(database, "import", "file", result.file, result.account or "")
    store_results(database, results)
    if args.json:
        json.dump([r.to_dict() for r in results], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for result in results:
            print(_summary(result, Language(args.lang)))
    return EXIT_FAILED if any(r.status is Status.ERROR for r in results) else EXIT_OK


def _summary(result: FileResult, language: Language) -> str:
    data = result.to_dict()
    rows = ", ".join(f"{n} {g}" for g, n in result.rows.items()) or "no rows"
    line = f"{data['status']:<11} {result.file}: {data['platform'] or '-'} {data['report'] or ''} [{data['account'] or '-'}] {rows}"
    if data["date_from"]:
        line += f", {data['date_from']}..{data['date_to']}"
    # Every note of every file, every time: an info such as "stored as 'default'" matters most on first import.
    details = [f"    {_note(issue, language)}" for issue in result.issues]
    return "\n".join([line, *details])


def _note(issue: Issue, language: Language) -> str:
    """One note under a file, in the reader's language, with where it was found: "Hinweis: ... (Zeile 4, Spalte Datum)"."""
    where = ", ".join(
        f"{translate(label, language)} {value}"
        for label, value in (("col.sheet", issue.sheet), ("col.row", issue.row), ("col.column", issue.column))
        if value is not None
    )
    return f"{translate(f'level.{issue.level}', language)}: {issue.text(language)}" + (f" ({where})" if where else "")


def _goals(path: str | None) -> GoalsConfig | None:
    if path is None:
        return None
    file = Path(path)
    if not file.is_file():
        raise UsageError(f"no such goals file: {path}")
    try:
        return load_goals(file.name, file.read_bytes())
    except GoalsError as exc:
        raise FailedError("\n".join(str(i) for i in exc.issues)) from exc


def _kpi_engine(db: str | None, config: GoalsConfig | None) -> KpiEngine:
    from storage.engine import make_engine
    from storage.plan import load_plan_data
    from storage.queries import load_dataset

    database = make_engine(db)
    with_text = bool(config and config.tags)  # text only for tag rules
    data = load_dataset(database, with_text=with_text)
    plan = load_plan_data(database, data.posts if with_text else None)  # matching needs the texts
    if config is not None:
        data = data.with_mapping(config.accounts, config.tags, config.manual_values)
    return KpiEngine(data.with_plan(plan))


def _kpis_period(args: argparse.Namespace) -> Period:
    """--period, or --from and --to (a whole month, quarter, year or ISO week is recognised as one)."""
    if args.period is not None:
        if args.date_from or args.date_to:
            raise UsageError("give either --period or --from and --to")
        try:
            return parse_period(args.period)
        except PeriodError as exc:
            raise UsageError(str(exc)) from exc
    if args.date_from is None or args.date_to is None:
        raise UsageError("give --period, or --from and --to")
    if args.date_to < args.date_from:
        raise UsageError("--to is before --from")
    return period_between(args.date_from, args.date_to)


def run_kpis(args: argparse.Namespace) -> int:
    period = _kpis_period(args)
    as_of = args.as_of or min(dt.date.today(), period.end)
    config = _goals(args.goals)
    engine = _kpi_engine(args.db, config)
    scope = Scope.of(platforms=args.platform or (), accounts=args.account or (), departments=args.department or ())
    # The one comparison of metrics.comparison (like for like as of data through), as the pack and the Cockpit.
    table = comparison_table(engine, scope, period, as_of, [k for k, item in CATALOG.items() if item.source is Source.PLATFORM or config is not None])
    cut = cut_day(engine, scope, period, as_of)
    (_, previous), (window, last_year) = (comparison_windows(period, c, cut) for c in (Comparison.PREVIOUS, Comparison.LAST_YEAR))
    rows = [
        {
            "kpi": row.kpi,
            "label_de": CATALOG[row.kpi].label_de,
            "label_en": CATALOG[row.kpi].label_en,
            "unit": str(CATALOG[row.kpi].unit),
            "value": _plain(row.value),
            "previous": _plain(row.previous),
            "last_year": _plain(row.last_year),
            "change_previous": _plain(row.change_previous),
            "change_last_year": _plain(row.change_last_year),
            "status_previous": row.status_previous,
            "status_last_year": row.status_last_year,
            "data_through": row.data_through.isoformat(),
            "non_additive": row.non_additive,
            "from_posts": list(row.from_posts),
            "carried": list(row.carried),
        }
        for row in table.itertuples(index=False)
    ]
    if args.json:
        header = {
            "from": period.start.isoformat(),
            "to": period.end.isoformat(),
            "as_of": as_of.isoformat(),
            "data_through": cut.isoformat(),  # min(as_of, the scope's data through): the day the figures run to
            "counted_to": window.end.isoformat() if window else None,
            "previous_from": previous.start.isoformat() if previous else None,
            "previous_to": previous.end.isoformat() if previous else None,
            "last_year_from": last_year.start.isoformat() if last_year else None,
            "last_year_to": last_year.end.isoformat() if last_year else None,
        }
        json.dump({**header, "scope": scope.describe(), "kpis": rows}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    language = Language(args.lang)
    print(f"{period.label(args.lang)}  ({scope.describe()})  {translate('freshness.through', language, date=formatting.date(cut, language))}")
    for row in rows:
        item = CATALOG[row["kpi"]]
        figures = "   ".join(f"{show(row[column], item, language):>14}" for column in ("value", "previous", "last_year"))
        # The changes as the pack and the Cockpit show them: a percentage, or "neu" / "nicht vergleichbar".
        changes = "   ".join(
            f"{change_text(math.nan if row[change] is None else row[change], row[status], language):>18}"
            for change, status in (("change_previous", "status_previous"), ("change_last_year", "status_last_year"))
        )
        print(f"  {item.label(args.lang):<34} {figures}   {changes}")
    return EXIT_OK


def run_goals(args: argparse.Namespace) -> int:
    config = _goals(args.goals)
    assert config is not None
    report = evaluate(_kpi_engine(args.db, config), config, args.as_of or dt.date.today())
    rows = [
        {
            **r.to_dict(),
            "objective_status": str(report.objectives[r.key_result.objective_id].status),
            "department_status": str(report.departments[r.objective.department].status),
        }
        for r in report.key_results
    ]
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    language = Language(args.lang)
    for department, roll_up in report.departments.items():
        print(f"{DEPARTMENTS[department].label(args.lang)}: {roll_up.status}")
        for objective in (o for o in config.objectives if o.department == department):
            print(f"  {objective.id} {objective.objective}: {report.objectives[objective.id].status}")
            for r in (r for r in report.key_results if r.key_result.objective_id == objective.id):
                item = CATALOG[r.key_result.kpi]
                figures = f"{show(r.actual, item, language):>12} / {show(r.key_result.target, item, language):>12}"
                provisional = f" ({translate('kr.provisional', language, date=formatting.date(r.data_through, language))})" if r.provisional else ""
                print(f"    {r.key_result.id:<6} {item.label(args.lang):<30} {figures}  {r.status}{provisional}")
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    from reports.pack import build_pack, review_of
    from reports.pptx_writer import TemplateError
    from reports.render import render
    from storage.engine import make_engine
    from storage.plan import load_plan_data
    from storage.queries import load_dataset

    try:
        period = parse_period(args.period)
    except PeriodError as exc:
        raise UsageError(str(exc)) from exc
    template = None
    if args.template:
        if not Path(args.template).is_file():
            raise UsageError(f"no such template: {args.template}")
        template = Path(args.template).read_bytes()
        from ingest.templates import check_template

        if problems := check_template(Path(args.template).name, template):  # opened in the isolated parser first
            raise FailedError(f"{args.template}: " + "; ".join(issue.text(Language.EN) for issue in problems))
    config = _goals(args.goals)
    assert config is not None
    as_of = args.as_of or min(dt.date.today(), period.end)
    database = make_engine(args.db)
    data = load_dataset(database, with_text=True).with_mapping(config.accounts, config.tags, config.manual_values)
    data = data.with_plan(load_plan_data(database, data.posts))
    review, carried = review_of(database, period)
    pack = build_pack(KpiEngine(data), config, period, as_of, Language(args.lang), review, carried, rank_by=args.rank_by)
    try:
        content = render(pack, args.format, template)
    except TemplateError as exc:
        raise FailedError(f"{args.template}: {exc}") from exc
    Path(args.out).write_bytes(content)
    _audit_as_local_admin(database, "pack_download", "pack", args.period, f"{args.format}; {args.out}")  # the pack names every department's figures
    print(f"{args.out}: {args.format}, {period.label(args.lang)}, as of {as_of:%Y-%m-%d}, {len(content):,} bytes")
    return EXIT_OK


def run_demo(args: argparse.Namespace) -> int:
    from sample_data.demo import DEMO_EXPORT_DAY, DEMO_EXPORTS, DEMO_GOALS, load_demo
    from storage.engine import make_engine
    from storage.goalsets import current_goal_set, save_goal_set

    database = make_engine(args.db)
    _audit_as_local_admin(database, "import", "demo", str(DEMO_EXPORTS.name))
    results = load_demo(database)
    for result in results:
        print(_summary(result, Language.DE))
    print(f"Demo company loaded from {DEMO_EXPORTS} (exported {DEMO_EXPORT_DAY:%Y-%m-%d}).")
    if current_goal_set(database) is None:  # as the dashboard's first start does; a stored goal set stays
        _audit_as_local_admin(database, "goal_set", "goal_set", DEMO_GOALS.name)
        save_goal_set(database, DEMO_GOALS.name, DEMO_GOALS.read_bytes())
        print(f"Demo goals stored from {DEMO_GOALS}.")
    return EXIT_FAILED if any(r.status is Status.ERROR for r in results) else EXIT_OK


def run_role(args: argparse.Namespace) -> int:
    from access.identity import EMAIL
    from access.permissions import Grant, Role, role_change_details
    from storage.access import load_grants, save_grant
    from storage.engine import make_engine

    kind = "group" if args.group else "email"
    subject = args.subject.strip() if args.group else args.subject.strip().lower()
    if kind == "email" and not EMAIL.match(subject):
        raise UsageError(f"{args.subject!r} is no e-mail address (a group needs --group)")
    if args.role in ("admin", "none") and args.department:
        raise UsageError(f"--department goes with editor or viewer, not {args.role}")
    grant = None if args.role == "none" else Grant(Role(args.role), frozenset(args.department) if args.department else None)
    database = make_engine(args.db)
    by_email, by_group, _ = load_grants(database)
    before = (by_group if args.group else by_email).get(subject)
    _audit_as_local_admin(database, "roles", "role_assignment", f"{kind}:{subject}", role_change_details(before, grant))
    save_grant(database, kind, subject, grant, by=_cli_actor())
    print(f"{kind} {subject}: {args.role}" + (f" ({', '.join(sorted(args.department))})" if args.department else ""))
    return EXIT_OK


def run_plan(args: argparse.Namespace) -> int:
    from ingest.plan_reader import read_plan_upload
    from metrics.plan import match_plan, plan_window, summarise
    from storage.engine import make_engine
    from storage.plan import current_plan, match_decisions, save_plan
    from storage.queries import current

    if (args.date_from is None) != (args.date_to is None):
        raise UsageError("--from and --to go together")
    if args.date_from and args.date_to < args.date_from:
        raise UsageError("--to is before --from")
    file = Path(args.plan)
    if not file.is_file():
        raise UsageError(f"no such plan file: {args.plan}")
    data = file.read_bytes()
    parsed = read_plan_upload(file.name, data)
    if parsed.status != "parsed":
        raise FailedError("\n".join(str(i) for i in parsed.issues))
    database = make_engine(args.db)
    _audit_as_local_admin(database, "plan", "plan_file", file.name)
    stored = save_plan(database, file.name, data, parsed.tables["plan"])
    items = current_plan(database)
    result = match_plan(items, current(database, Grain.POST), match_decisions(database))
    window = (args.date_from, args.date_to) if args.date_from else plan_window(items) or (stored.date_from, stored.date_to)
    summary = summarise(result, *window)
    in_window = result.items[(result.items["planned_at"].dt.date >= window[0]) & (result.items["planned_at"].dt.date <= window[1])]
    listed = [
        {
            "planned_at": _iso_time(row.planned_at),
            "platform": row.platform,
            "account": _text(row.account),
            "text": _text(row.text),
            "post_id": _text(row.post_id),
            "permalink": _text(row.permalink),
        }
        for row in in_window.itertuples(index=False)
    ]
    out = {
        "file": file.name,
        "status": "duplicate" if stored.duplicate else "imported",
        "plan_version": stored.version_id,
        "from": window[0].isoformat(),
        "to": window[1].isoformat(),
        "planned": summary.planned,
        "matched": summary.matched,
        "posts": summary.posts,
        "unplanned": summary.unplanned,
        "fulfilment": None if summary.fulfilment is None else round(summary.fulfilment, 6),
        "unplanned_share": None if summary.unplanned_share is None else round(summary.unplanned_share, 6),
        "median_delay_days": summary.median_delay_days,
        "items": listed,
        "issues": [i.to_dict() for i in parsed.issues],
    }
    if args.json:
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    percent = lambda v: "-" if v is None else f"{v:.1%}"  # noqa: E731
    print(f"{out['status']:<11} {file.name}: plan version {stored.version_id}, {stored.items} items, {stored.date_from}..{stored.date_to}")
    print(
        f"{window[0]}..{window[1]}: {summary.matched}/{summary.planned} planned posts published ({percent(summary.fulfilment)}), "
        f"{summary.unplanned}/{summary.posts} posts unplanned ({percent(summary.unplanned_share)})"
    )
    for item in listed:
        print(f"  {item['planned_at']:<19} {item['platform']:<9} {item['post_id'] or 'MISSING':<24} {(item['text'] or '')[:60]}")
    return EXIT_OK


def _iso_time(value: object) -> str:
    """A planned time as ISO 8601: the date alone where the plan gives no clock time."""
    stamp = pd.Timestamp(value)
    return stamp.date().isoformat() if stamp == stamp.normalize() else stamp.isoformat(timespec="minutes")


def _text(value: object) -> str | None:
    return None if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)


def _plain(value: float) -> float | None:
    return None if value != value else round(float(value), 6)


def show(value: float | None, item: Kpi, language: Language) -> str:
    return formatting.kpi_value(value, item.unit.value, language)


class FailedError(Exception):
    pass


COMMANDS = {"import": run_import, "kpis": run_kpis, "goals": run_goals, "report": run_report, "demo": run_demo, "plan": run_plan, "role": run_role}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if (refused := _refuse_too_small_address_space(args.command)) is not None:
        return refused
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"resonanz: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except FailedError as exc:
        print(f"resonanz: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except DatabaseReadError as exc:  # the bulk reader's child process failed: the message says what failed and what to do
        print(f"resonanz: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except MemoryError:  # pyarrow's ArrowMemoryError too: a traceback would tell an operator nothing
        print(f"resonanz: {args.command}: out of memory. {MEMORY_ADVICE}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
