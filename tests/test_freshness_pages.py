"""What the engine knows about its data, shown where users look: "Daten bis" on every page, stale
accounts on the Cockpit and the Data page, "neu" / "nicht vergleichbar" instead of a percentage,
provisional and budget key results on the Goals page, the Cockpit's progress chart and in the pack."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from ingest.goals_reader import load_goals
from metrics.comparison import Comparison
from metrics.engine import KpiEngine
from metrics.periods import parse_period
from metrics.progress import ProgressKind, evaluate, progress_text
from model.i18n import Language, translate
from reports.excel_writer import write_xlsx
from reports.pack import build_pack, department_grid, kpi_grid
from sample_data.demo import DEMO_EXPORT_DAY, DEMO_GOALS_YAML
from storage.engine import make_engine
from storage.goalsets import save_goal_set
from storage.queries import load_dataset
from tests.conftest import ROOT
from tests.test_reports import pack_texts

PAGES = ["views/cockpit.py", "views/goals.py", "views/channels.py", "views/content.py", "views/review.py", "views/data.py"]
THROUGH = {Language.DE: "Daten bis 22.11.2026", Language.EN: "Data through 2026-11-22"}  # the demo's export day, DEMO_EXPORT_DAY
ACCOUNTS = [  # the demo's seven accounts, as the Data page names them
    ("Facebook", "Haberland Antriebstechnik"),
    ("Instagram", "haberland_karriere"),
    ("LinkedIn", "haberland-antriebstechnik"),
    ("TikTok", "haberland.azubis"),
    ("X", "HaberlandAG"),
    ("YouTube", "Haberland TV"),
]
# A budget (followers lost on X, lower is better, summed: at most 200 in Q4), "no net loss" (target 0)
# and a key result whose period has not started on the report day.
EXTRA_KEY_RESULTS = """
- objective_id: KS-1
  kpi: followers_lost
  platform: x
  period: 2026-Q4
  target: 200
- objective_id: KS-1
  kpi: followers_lost
  platform: x
  period: 2026-Q4
  target: 0
- objective_id: KS-1
  kpi: impressions
  platform: x
  period: 2027-Q2
  target: 1000
"""
BUDGET_GOALS = DEMO_GOALS_YAML.read_text(encoding="utf-8").replace("\nkey_results:\n", "\nkey_results:" + EXTRA_KEY_RESULTS, 1)


def _database(tmp_path: Path, demo_db: str, monkeypatch: pytest.MonkeyPatch, name: str, content: bytes) -> str:
    path = tmp_path / "app.sqlite3"
    shutil.copy(demo_db.removeprefix("sqlite:///"), path)
    url = f"sqlite:///{path}"
    save_goal_set(make_engine(url), name, content)
    monkeypatch.setenv("DATABASE_URL", url)
    return url


@pytest.fixture
def database(tmp_path: Path, demo_db: str, monkeypatch: pytest.MonkeyPatch) -> str:
    return _database(tmp_path, demo_db, monkeypatch, "ziele.xlsx", (ROOT / "sample_data" / "demo" / "ziele.xlsx").read_bytes())


@pytest.fixture
def budget_database(tmp_path: Path, demo_db: str, monkeypatch: pytest.MonkeyPatch) -> str:
    return _database(tmp_path, demo_db, monkeypatch, "goals.yaml", BUDGET_GOALS.encode())


def run(page: str = "views/cockpit.py", language: Language = Language.DE) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()
    if language is Language.EN:
        app.selectbox(key="sidebar_language").set_value(Language.EN).run()
    if page != "views/cockpit.py":
        app.switch_page(page).run()
    assert not app.exception, app.exception
    return app


def chart_texts(app: AppTest) -> str:
    """Every text of the page's Plotly figures (their JSON decoded, so umlauts read as written)."""
    return json.dumps([json.loads(chart.proto.spec) for chart in app.get("plotly_chart")], ensure_ascii=False)


def test_the_demo_export_day_is_the_one_the_texts_expect() -> None:
    assert dt.date(2026, 11, 22) == DEMO_EXPORT_DAY


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("page", PAGES)
def test_every_page_says_how_far_its_data_goes(database: str, monkeypatch: pytest.MonkeyPatch, page: str, language: Language) -> None:
    monkeypatch.setenv("RESONANZ_TODAY", "2026-11-26")
    app = run(page, language)
    assert THROUGH[language] in [c.value for c in app.caption]
    assert not app.warning  # 4 days behind: within the 7-day threshold, nobody is named


def test_a_new_quarter_without_data_still_says_how_far_the_data_goes(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESONANZ_TODAY", "2027-01-05")  # Q1 2027: no export reaches it yet
    app = run()
    assert THROUGH[Language.DE] in [c.value for c in app.caption]


def _as_read(markdown: str) -> str:
    """A warning's Markdown as the reader sees it: account names from uploads come escaped (ui.widgets.plain)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


@pytest.mark.parametrize(
    ("language", "named", "last_day", "stale_column"),
    [
        (Language.DE, "LinkedIn haberland-antriebstechnik: letzter Export bis 22.11.2026", "22.11.2026", "Veraltet"),
        (Language.EN, "LinkedIn haberland-antriebstechnik: last export through 2026-11-22", "2026-11-22", "Outdated"),
    ],
)
def test_stale_accounts_are_named_on_the_cockpit_and_the_data_page(
    database: str, monkeypatch: pytest.MonkeyPatch, language: Language, named: str, last_day: str, stale_column: str
) -> None:
    monkeypatch.setenv("RESONANZ_TODAY", "2026-12-01")  # 9 days after the last export: more than 7
    cockpit = run(language=language)
    warning = _as_read(cockpit.warning[0].value)
    assert named in warning
    assert all(f"{platform} {account}:" in warning for platform, account in ACCOUNTS)

    data = run("views/data.py", language)
    assert named in _as_read(data.warning[0].value)
    # where to upload: the Data page from the Cockpit, its own upload tab on the Data page (a user read "upload on the
    # Data page" while on it)
    advice = {Language.DE: ("auf der Seite Daten hoch.", "unten im Reiter „Hochladen“ hoch."), Language.EN: ("on the Data page.", "in the 'Upload' tab.")}
    assert (warning.endswith(advice[language][0]), _as_read(data.warning[0].value).endswith(advice[language][1])) == (True, True)
    table = next(frame.value for frame in data.dataframe if stale_column in frame.value.columns)
    assert len(table) == 7  # every account, the XING one included
    assert set(table.iloc[:, 2]) == {last_day}
    assert set(table.iloc[:, 3]) == {9}
    assert table[stale_column].all()
    assert set(zip(table.iloc[:, 0], table.iloc[:, 1], strict=True)) >= set(ACCOUNTS)


def test_the_stale_threshold_is_configurable(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESONANZ_TODAY", "2026-11-26")
    monkeypatch.setenv("RESONANZ_STALE_DAYS", "3")  # 4 days behind is now too old
    app = run()
    assert "X HaberlandAG: letzter Export bis 22.11.2026" in app.warning[0].value


@pytest.mark.parametrize(("language", "text"), [(Language.DE, "nicht vergleichbar"), (Language.EN, "not comparable")])
def test_cockpit_cards_say_not_comparable_instead_of_a_percentage(database: str, monkeypatch: pytest.MonkeyPatch, language: Language, text: str) -> None:
    monkeypatch.setenv("RESONANZ_TODAY", "2026-11-26")
    app = run(language=language)
    app.radio(key=f"sidebar_comparison_{language.value}").set_value(Comparison.LAST_YEAR).run()
    assert not app.exception, app.exception
    label = {Language.DE: "Interaktionen", Language.EN: "Engagements"}[language]
    card = next(m for m in app.metric if m.label.rstrip(" Σ◆") == label)
    assert card.delta == text
    assert text in card.proto.help  # the tooltip says why
    impressions = next(m for m in app.metric if m.label.startswith({Language.DE: "Impressionen", Language.EN: "Impressions"}[language]))
    assert impressions.delta.startswith("+") and impressions.delta.endswith("%")  # a comparable change stays a number


def test_a_not_comparable_change_is_the_same_on_the_cockpit_the_pack_and_the_cli(database: str, demo_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESONANZ_TODAY", "2026-11-26")
    app = run()
    app.radio(key="sidebar_comparison_de").set_value(Comparison.LAST_YEAR).run()
    cockpit = next(m for m in app.metric if m.label.rstrip(" Σ◆") == "Interaktionen").delta

    config = load_goals("ziele.xlsx", (ROOT / "sample_data" / "demo" / "ziele.xlsx").read_bytes())
    engine = KpiEngine(load_dataset(make_engine(database)).with_mapping(config.accounts, config.tags, config.manual_values))
    pack = build_pack(engine, config, parse_period("2026-Q4"), dt.date(2026, 11, 26), Language.DE)
    row = pack.kpis.set_index("kpi").loc["engagements"]
    grid = kpi_grid(pack)
    pack_text = next(r for r in grid.rows if r[0].rstrip(" Σ◆→") == "Interaktionen")[5]  # the last-year change column

    command = [sys.executable, "cli.py", "kpis", "--db", demo_db, "--period", "2026-Q4", "--as-of", "2026-11-26"]
    listed = json.loads(subprocess.run([*command, "--json"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True).stdout)
    cli = next(k for k in listed["kpis"] if k["kpi"] == "engagements")
    text = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=True).stdout
    line = next(line for line in text.splitlines() if line.strip().startswith("Interaktionen "))

    shown = (cockpit, row["status_last_year"], pack_text, cli["status_last_year"])
    assert shown == ("nicht vergleichbar", "not_comparable", "nicht vergleichbar", "not_comparable")
    assert cli["change_last_year"] is None
    assert line.endswith("nicht vergleichbar") and "%" in line  # the previous-quarter change is a number, last year's is not


PROVISIONAL = {"PR-1.1", "PR-1.2", "MK-1.1", "MK-1.2", "VT-1.2", "HR-1.1", "HR-1.2", "HR-1.4", "KS-1.2"}  # ended 31.12.2026, data to 22.11.


@pytest.mark.parametrize(("language", "mark", "note"), [
    (Language.DE, "(vorläufig)", "vorläufig: Der Zeitraum ist vorbei, die Daten reichen bis 22.11.2026"),
    (Language.EN, "(provisional)", "provisional: the period has ended, the data runs through 2026-11-22"),
])  # fmt: skip
def test_provisional_key_results_are_marked_on_goals_and_the_cockpit_chart(
    database: str, monkeypatch: pytest.MonkeyPatch, language: Language, mark: str, note: str
) -> None:
    monkeypatch.setenv("RESONANZ_TODAY", "2027-01-05")  # Q4 2026 has ended, the exports stop on 22.11.
    cockpit = run(language=language)
    cockpit.selectbox(key=f"sidebar_preset_{language.value}").set_value("last_quarter").run()  # the Cockpit shows Q4's key results
    drawn = chart_texts(cockpit)
    assert drawn.count(mark) == len(PROVISIONAL)
    assert f"PR-1.1 {'Impressionen' if language is Language.DE else 'Impressions'} · LinkedIn {mark}" in drawn
    goals = run("views/goals.py", language)
    assert sum(m.value.endswith(mark) for m in goals.markdown) == len(PROVISIONAL)
    assert sum(c.value == note for c in goals.caption) == len(PROVISIONAL)


def budget_report(database: str, as_of: dt.date):
    config = load_goals("goals.yaml", BUDGET_GOALS.encode())
    engine = KpiEngine(load_dataset(make_engine(database), with_text=True).with_mapping(config.accounts, config.tags, config.manual_values))
    report = evaluate(engine, config, as_of)
    budget = next(r for r in report.key_results if r.key_result.kpi == "followers_lost" and r.key_result.target == 200)
    zero = next(r for r in report.key_results if r.key_result.kpi == "followers_lost" and r.key_result.target == 0)
    return engine, config, budget, zero


@pytest.mark.parametrize(("language", "used", "zero", "not_started"), [
    (Language.DE, "Budget verbraucht", "Zielwert 0: kein Anteil berechenbar, es zählt der Status", "Der Zeitraum hat noch nicht begonnen."),
    (Language.EN, "Budget used", "Target 0: no share to compute, the status tells", "The period has not started."),
])  # fmt: skip
def test_budget_zero_target_and_not_started_key_results_say_what_their_number_is(
    budget_database: str, monkeypatch: pytest.MonkeyPatch, language: Language, used: str, zero: str, not_started: str
) -> None:
    monkeypatch.setenv("RESONANZ_TODAY", "2026-11-26")
    _, _, budget, _ = budget_report(budget_database, dt.date(2026, 11, 26))
    assert budget.progress_kind is ProgressKind.BUDGET and budget.actual > 0
    percent = round(budget.actual / 200 * 100)  # followers lost so far out of a budget of 200
    expected = f"{used} {percent} %" if language is Language.DE else f"{used} {percent}%"
    assert progress_text(budget, language) == expected

    goals = run("views/goals.py", language)
    bars = [p.proto.text for p in goals.get("progress")]
    assert expected in bars
    assert not any(text.startswith({Language.DE: "Zielerreichung", Language.EN: "Progress"}[language]) and "followers" in text for text in bars)
    captions = [c.value for c in goals.caption]
    assert zero in bars + captions and not_started in captions  # a zero target's score (met or not) is drawn with its reason
    cockpit = run(language=language)
    assert expected in chart_texts(cockpit)


@pytest.mark.parametrize("language", list(Language))
def test_pack_writers_show_provisional_budget_and_zero_target_texts(budget_database: str, language: Language) -> None:
    as_of = dt.date(2027, 1, 5)
    engine, config, budget, zero = budget_report(budget_database, as_of)
    assert budget.provisional and budget.progress_kind is ProgressKind.BUDGET and zero.progress_kind is ProgressKind.ZERO_TARGET
    pack = build_pack(engine, config, parse_period("2026-Q4"), as_of, language)
    used, zero_text = progress_text(budget, language), progress_text(zero, language)
    assert used.startswith({Language.DE: "Budget verbraucht ", Language.EN: "Budget used "}[language])
    mark = {Language.DE: "(vorläufig)", Language.EN: "(provisional)"}[language]
    service = next(d for d in pack.departments if d.key == "service")
    rows = department_grid(pack, service).rows
    budget_row = next(r for r in rows if r[0].startswith(budget.key_result.id + " "))
    assert (budget_row[7], budget_row[8].endswith(mark)) == (used, True)
    assert next(r for r in rows if r[0].startswith(zero.key_result.id + " "))[7] == zero_text

    texts = pack_texts(pack)
    assert used in texts["pptx"] and zero_text in texts["pptx"]
    assert any(text.endswith(mark) for text in texts["pptx"])
    pdf = "".join(texts["pdf"])  # words of a narrow table column wrap across lines in the PDF: compare without spaces
    assert used.replace(" ", "") in pdf and mark.replace(" ", "") in pdf
    sheet = openpyxl.load_workbook(io.BytesIO(write_xlsx(pack)))[translate("goals.title", language)[:31]]  # the key results sheet
    written = {row[2]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert written[budget.key_result.id][13] == used
    assert written[budget.key_result.id][11].endswith(mark)
    assert written[zero.key_result.id][13] == zero_text


@pytest.mark.parametrize(("language", "column", "text"), [
    (Language.DE, "Interaktionen ggü. Vorjahr", "neu"),
    (Language.EN, "Engagements vs. Last year", "new"),
])  # fmt: skip
def test_channels_show_the_cockpits_change_statuses_per_account(
    database: str, monkeypatch: pytest.MonkeyPatch, language: Language, column: str, text: str
) -> None:
    from metrics.comparison import compare
    from metrics.dataset import Scope

    monkeypatch.setenv("RESONANZ_TODAY", "2026-11-26")
    app = run("views/channels.py", language)
    app.radio(key=f"sidebar_comparison_{language.value}").set_value(Comparison.LAST_YEAR).run()
    assert not app.exception, app.exception
    table = next(frame.value for frame in app.dataframe if column in frame.value.columns)
    config = load_goals("ziele.xlsx", (ROOT / "sample_data" / "demo" / "ziele.xlsx").read_bytes())
    engine = KpiEngine(load_dataset(make_engine(database)).with_mapping(config.accounts, config.tags, config.manual_values))
    statuses = [
        str(compare(engine, "engagements", Scope.of(accounts=account), parse_period("2026-Q4"), Comparison.LAST_YEAR, dt.date(2026, 11, 26)).status)
        for account in table.iloc[:, 1]
    ]
    shown = dict(zip(statuses, table[column], strict=True))
    assert shown["new"] == text  # an account without last year's figures: no base, no percentage
    assert all(cell.endswith("%") for cell, status in zip(table[column], statuses, strict=True) if status == "change")
    assert not any(cell.endswith("%") for cell, status in zip(table[column], statuses, strict=True) if status != "change")


def _old_tiktok_account(url: str, account: str = "alt.konto", month: str = "October", exported: dt.date = dt.date(2026, 11, 26)) -> None:
    """A TikTok account beside the demo whose export ends on the 15th of ``month`` before ``exported`` (by default
    15.10.2026, five weeks before the others)."""
    from ingest.pipeline import read_batch
    from storage.imports import store_results

    rows = "".join(f'"{month} {day}","1000","7","10","1","0"\n' for day in range(1, 16))
    export = ('"Date","Video Views","Profile Views","Likes","Comments","Shares"\n' + rows).encode()
    [result] = store_results(make_engine(url), read_batch([("Overview.csv", export)], reference_date=exported, account=account))
    assert result.status.value == "imported"


@pytest.mark.parametrize("language", list(Language))
def test_the_cockpit_names_the_account_that_holds_its_figures_back_and_channels_says_they_count_further(
    database: str, monkeypatch: pytest.MonkeyPatch, language: Language
) -> None:
    """The Cockpit counts every account to the scope's data through (15.10.2026 here); Channels and Content count each
    account to its own last day. Both say so, naming the account, so their totals differing is explained where seen."""
    monkeypatch.setenv("RESONANZ_TODAY", "2026-11-26")
    _old_tiktok_account(database)
    held = {
        Language.DE: "Kennzahlen, für die TikTok alt.konto Daten hat, zählen hier alle Konten nur bis 15.10.2026: So weit reichen "
        "diese Daten; die übrigen Konten reichen bis 22.11.2026.",
        Language.EN: "KPIs that TikTok alt.konto has data for count every account here only up to 2026-10-15: that is as far as "
        "this data goes; the other accounts reach 2026-11-22.",
    }
    own = {
        Language.DE: "Jedes Konto zählt hier bis zu seinem letzten Tag mit Daten, längstens bis 22.11.2026; TikTok alt.konto nur bis 15.10.2026.",
        Language.EN: "Each account counts here up to its own last day with data, at most 2026-11-22; TikTok alt.konto only up to 2026-10-15.",
    }
    cockpit = run(language=language)
    assert [_as_read(i.value).startswith(held[language]) for i in cockpit.info].count(True) == 1
    for page in ("views/channels.py", "views/content.py"):
        captions = [_as_read(c.value) for c in run(page, language).caption]
        assert any(c.startswith(own[language]) for c in captions), captions
        assert not any(c.startswith(("Daten bis", "Data through")) for c in captions)  # no earliest day above "at most"


def test_without_an_account_that_ends_early_no_page_explains_anything(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESONANZ_TODAY", "2026-11-26")
    assert not [i for i in run().info if "zählen hier alle Konten nur bis" in i.value]
    assert not [c for c in run("views/channels.py").caption if "Jedes Konto zählt hier" in c.value]


def test_an_account_given_up_before_the_period_is_no_source_of_the_pack_and_not_late(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen in a user's run: a channel whose data ended in 2025 was listed among the Q4 2026 pack's sources and as a
    missing export. It is neither, as it holds the period's data through back neither (metrics.freshness)."""
    monkeypatch.setenv("RESONANZ_TODAY", "2026-12-01")
    _old_tiktok_account(database, "alt.2025", "May", dt.date(2025, 6, 1))  # 01.-15.05.2025
    engine = KpiEngine(load_dataset(make_engine(database)))
    assert ("tiktok", "alt.2025") in {(s.platform, s.account) for s in engine.stale_accounts(dt.date(2026, 12, 1))}  # the Data page lists it
    config = load_goals("goals.yaml", DEMO_GOALS_YAML.read_bytes())
    pack = build_pack(engine, config, parse_period("2026-Q4"), dt.date(2026, 12, 1), Language.DE)
    assert "alt.2025" not in {s.account for s in pack.sources} | {s.account for s in pack.stale}
    assert {s.platform for s in pack.sources} == {"facebook", "instagram", "linkedin", "tiktok", "x", "youtube", "other"}
    assert len(pack.stale) == 7  # the demo's accounts, 9 days behind
    from reports.pack import kpi_notes

    [late] = [note for note in kpi_notes(pack) if note.startswith("Ältere Daten")]
    assert late.endswith("letzter Export bis 22.11.2026.")  # management reads who is late, no upload advice
    assert all("alt.2025" not in w.value for w in run().warning)  # nor on the Cockpit for this quarter


def test_a_key_result_judged_before_the_report_day_says_why_on_the_goals_page(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen in a user's run: an old TikTok account beside the demo's made HR-1.1 (followers on TikTok, 2026) judged as of
    its last day, while the Goals page said "Daten bis 22.11.2026" and nothing about it."""
    from ingest.pipeline import read_batch
    from storage.imports import store_results

    monkeypatch.setenv("RESONANZ_TODAY", "2026-11-26")
    rows = "".join(f'"February {day}","{5000 + day}","1"\n' for day in range(1, 28))
    history = ('"Date","Followers","Difference in followers from previous day"\n' + rows).encode()
    batch = read_batch([("FollowerHistory.csv", history)], reference_date=dt.date(2026, 3, 1), account="alt.konto")
    [stored] = store_results(make_engine(database), batch)
    assert stored.status.value == "imported"
    app = run("views/goals.py")
    judged = [_as_read(c.value) for c in app.caption if "Beurteilt zum" in c.value]
    assert judged == [
        "Beurteilt zum 27.02.2026: So weit reichen die Daten von TikTok alt.konto; die übrigen Konten reichen bis 22.11.2026. "
        "Ist, Soll und Prognose gelten für diesen Tag."
    ]
