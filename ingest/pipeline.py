"""From uploaded bytes to canonical frames, one ``FileResult`` per export file.

``read_batch`` is the single entry point: it expands ZIP archives, checks each file's safety,
reads its tables, lets the registry pick an adapter per table, and finally resolves what a file
does not say by itself (a bare Meta "Views" file's platform, an account name) from the other files
of the same folder or upload. Nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import posixpath
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

import pandas as pd

from ingest.adapters.base import Context, Parsed
from ingest.isolation import ParsedFile, parser_process
from ingest.readers import RawTable, read_text_table, read_workbook_tables
from ingest.registry import best_match
from ingest.safety import Container, check_workbook_parts, sniff_container
from model.canonical import KEY_COLUMNS, Grain, Platform, conform, present_metrics
from model.issues import IngestError, Issue, Level, UnsupportedFileError, error, info, warning
from model.results import FileResult, Progress, Status

MAX_ARCHIVE_DEPTH = 2
DEFAULT_ACCOUNT = "default"


def read_batch(
    items: Iterable[tuple[str, bytes]],
    *,
    reference_date: dt.date,
    platform: Platform | None = None,
    account: str | None = None,
    progress: Progress | None = None,
) -> list[FileResult]:
    """Read every file (ZIP archives expanded) and resolve what files leave open from their siblings.

    ``progress`` is told in the calling thread as each uploaded file (a ZIP archive as one) has been read, in order."""
    items = list(items)
    # Files parse side by side in the parser processes; results keep the upload's order.
    parsed: list[list[FileResult]] = []
    with ThreadPoolExecutor(max_workers=parser_process().size) as pool:
        for number, group in enumerate(pool.map(lambda item: _read_any(item[0], item[1], reference_date, depth=0), items), start=1):
            parsed.append(group)
            if progress:
                progress(number, len(items), items[number - 1][0])
    results = [result for group in parsed for result in group]
    _resolve_platforms(results, platform)
    _resolve_accounts(results, account)
    _warn_conflicting_days(results)
    return results


def _read_any(name: str, data: bytes, reference_date: dt.date, depth: int) -> list[FileResult]:
    result = FileResult(file=name, sha256=hashlib.sha256(data).hexdigest(), size=len(data), status=Status.PARSED)
    try:
        container = sniff_container(name, data)
        if container is Container.ZIP:
            return _read_archive(result, data, reference_date, depth)
        # The deep workbook checks decompress every part: they run here while the child parses.
        notes: list[Issue] = []
        checks = (lambda: notes.extend(check_workbook_parts(name, data))) if container is Container.XLSX else None
        parsed = parser_process().parse(name, data, str(container), reference_date, while_parsing=checks)
        result.status, result.frames, result.issues = Status(parsed.status), parsed.frames, [*parsed.issues, *notes]
        result.report, result.platform, result.account = parsed.report, parsed.platform, parsed.account
        result.platform_candidates = parsed.platform_candidates
    except IngestError as exc:
        result.fail(exc.issues, Status.UNSUPPORTED if isinstance(exc, UnsupportedFileError) else Status.ERROR)
    return [result]


def parse_export(name: str, data: bytes, container: Container, reference_date: dt.date) -> ParsedFile:
    """Read one export file into canonical frames. Runs inside the parser process (ingest.worker)."""
    result = FileResult(file=name, sha256="", size=len(data), status=Status.PARSED)
    try:
        _read_export(result, data, container, reference_date)
    except IngestError as exc:
        result.fail(exc.issues, Status.UNSUPPORTED if isinstance(exc, UnsupportedFileError) else Status.ERROR)
    except Exception as exc:  # a reader bug must not end the batch; report it as this file's error
        result.fail([error("ingest.unexpected_error", params={"error": f"{type(exc).__name__}: {str(exc)[:200]}"}, file=name)])
    return ParsedFile(str(result.status), result.frames, result.issues, result.report, result.platform, result.account, result.platform_candidates)


def _read_archive(result: FileResult, data: bytes, reference_date: dt.date, depth: int) -> list[FileResult]:
    if depth >= MAX_ARCHIVE_DEPTH:
        result.fail([error("ingest.zip_too_deep", file=result.file)])
        return [result]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [m for m in archive.infolist() if not m.is_dir() and not _is_system_file(m.filename)]
        out: list[FileResult] = []
        for member in members:
            out.extend(_read_any(f"{result.file}/{member_name(member)}", archive.read(member), reference_date, depth + 1))
    if not out:
        result.fail([error("ingest.zip_empty", file=result.file)], Status.UNSUPPORTED)
        return [result]
    return out


ZIP_UTF8_FLAG = 0x800


def member_name(member: zipfile.ZipInfo) -> str:
    """The member's name as its creator meant it.

    Without the UTF-8 flag the ZIP format says CP437, so Python decodes so; but Info-ZIP and Windows
    write UTF-8 bytes without setting the flag ("دورلي-doorly" would read "╪»┘ê╪▒┘ä┘è-doorly"). Bytes
    that are valid UTF-8 are almost never meant as CP437 box-drawing characters, so they win.
    """
    if member.flag_bits & ZIP_UTF8_FLAG:
        return member.filename
    try:
        return member.filename.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return member.filename


def _is_system_file(name: str) -> bool:
    base = posixpath.basename(name)
    return name.startswith("__MACOSX/") or base.startswith(".") or base.lower() in {"thumbs.db", "desktop.ini"}


def _read_export(result: FileResult, data: bytes, container: Container, reference_date: dt.date) -> None:
    tables = [read_text_table(result.file, data)] if container is Container.TEXT else read_workbook_tables(result.file, data, container)
    context = Context(reference_date=_export_day(result.file) or reference_date, file=result.file)
    parsed: list[Parsed] = []
    skipped: list[RawTable] = []
    for table in tables:
        match = best_match(table)
        if match is None:
            skipped.append(table)
            continue
        parsed.append(match.adapter.parse(table, match, context))
    if not parsed:
        raise UnsupportedFileError([error("ingest.unknown_export", params=describe(tables, container), file=result.file)])
    _combine(result, parsed, skipped, context)


def describe(tables: list[RawTable], container: Container) -> dict[str, str]:
    """What an unknown file looks like, for the message that says so: its format, its sheets with
    their row counts, its header line and its first dates (language-neutral values)."""
    table = max(tables, key=lambda t: len(t.cells), default=None)  # the biggest sheet says most
    if table is None:
        return {"format": _format_label(container, None), "sheets": "-", "header": "-", "dates": "-"}
    header_index, header = _likely_header(table.head)
    body = [cell for row in table.head[header_index + 1 :] for cell in row if cell]
    dates = list(dict.fromkeys(cell for cell in body if _looks_like_date(cell)))[:3]
    sheets = ", ".join(f"'{t.sheet}': {len(t.cells)}" for t in tables[:8]) if container is not Container.TEXT else f"CSV: {len(table.cells)}"
    return {
        "format": _format_label(container, table.delimiter),
        "sheets": sheets + (" …" if len(tables) > 8 else ""),
        "header": " | ".join(c for c in header if c)[:200] or "-",
        "dates": ", ".join(f"'{d[:30]}'" for d in dates) or "-",
    }


# A whole cell that looks like a date in any of the shapes exports use: 2025-01-01, 1/2/2025, 02.01.2025,
# 2025-01-01T00:00:00, "8. März", "4 de enero", "June 30", "Jul 6, 2023", "Fri, Mar 21, 2025".
_DATE_LIKE = re.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:[ T].*)?"
    r"|(?:[^\W\d]{2,}\.?,? )*\d{1,2}\.?(?: de)? [^\W\d]{3,}\.?(?: (?:de )?\d{4})?"
    r"|(?:[^\W\d]{2,}\.?,? )+\d{1,2}(?:,? \d{4})?"
)


def _looks_like_date(cell: str) -> bool:
    return len(cell) <= 40 and _DATE_LIKE.fullmatch(cell) is not None


def _format_label(container: Container, delimiter: str | None) -> str:
    if container is not Container.TEXT:
        return str(container).upper()
    names = {",": ",", ";": ";", "\t": "Tab", "|": "|"}
    return f"CSV ({names.get(delimiter or ',', delimiter)})"


def _likely_header(rows: list[list[str]]) -> tuple[int, list[str]]:
    """The row among the first ten with the most filled cells (the first such row)."""
    candidates = rows[:10]
    if not candidates:
        return 0, []
    widths = [sum(1 for c in row if c) for row in candidates]
    index = widths.index(max(widths))
    return index, candidates[index]


def _combine(result: FileResult, parsed: list[Parsed], skipped: list[RawTable], context: Context) -> None:
    for table in skipped:
        result.issues.append(info("ingest.sheet_skipped", params={"sheet": table.sheet}, file=result.file, sheet=table.sheet))
    stored = [p for p in parsed if p.store]
    result.report = "+".join(dict.fromkeys(p.report for p in parsed))
    platforms = {p.platform for p in parsed if p.platform}
    result.platform = platforms.pop() if len(platforms) == 1 else None
    result.platform_candidates = next((p.platform_candidates for p in parsed if p.platform_candidates), ())
    accounts = {p.account for p in parsed if p.account}
    result.account = accounts.pop() if len(accounts) == 1 else None
    for p in parsed:
        result.issues.extend(p.issues)
    if not stored:
        result.fail([info(p.note, file=result.file) for p in parsed if p.note], Status.UNSUPPORTED)
        return
    if len(platforms) > 1:
        result.fail([error("ingest.mixed_platforms", params={"platforms": ", ".join(sorted(map(str, platforms)))}, file=result.file)])
        return
    for grain in Grain:
        frames = [p.frames[grain] for p in stored if grain in p.frames and len(p.frames[grain])]
        if frames:
            result.frames[grain] = _merge_sheets(frames, grain) if len(frames) > 1 else frames[0]
    if not result.frames:
        result.issues.append(info("ingest.no_rows", file=result.file))
    _date_audience_snapshots(result, context.reference_date)
    if any(i.level is Level.ERROR for i in result.issues):
        result.fail([])


def _merge_sheets(frames: list[pd.DataFrame], grain: Grain) -> pd.DataFrame:
    """Sheets of one workbook that describe the same days (LinkedIn's creator export: impressions on one
    sheet, new followers on another) become one row per key, each figure from the sheet that has it."""
    combined = pd.concat(frames, ignore_index=True)
    keys = [k for k in KEY_COLUMNS[grain] if k in combined.columns]
    if not combined.duplicated(keys).any():
        return combined
    return conform(combined.groupby(keys, sort=False, dropna=False).first().reset_index(), grain)


def _date_audience_snapshots(result: FileResult, reference_date: dt.date) -> None:
    audience = result.frames.get(Grain.AUDIENCE)
    if audience is None or not audience["date"].isna().any():
        return
    daily = result.frames.get(Grain.DAILY)
    day = daily["date"].max() if daily is not None and len(daily) else pd.Timestamp(reference_date)
    result.frames[Grain.AUDIENCE] = audience.assign(date=audience["date"].fillna(day))
    result.issues.append(info("ingest.audience_snapshot", params={"day": f"{day:%Y-%m-%d}"}, file=result.file))


_EXPORT_STAMP = re.compile(r"_(\d{13})\.\w+$")


def _export_day(name: str) -> dt.date | None:
    """LinkedIn names its exports <page>_<type>_<epoch milliseconds>: the day it was exported."""
    found = _EXPORT_STAMP.search(name)
    if not found:
        return None
    return dt.datetime.fromtimestamp(int(found.group(1)) / 1000, tz=dt.UTC).date()


# ---------------------------------------------------------------- resolution from siblings


def _resolve_platforms(results: list[FileResult], chosen: Platform | None) -> None:
    """Give every file that does not name its platform (bare Meta overview files) one.

    Only files that name their platform themselves count as evidence, so one guess never feeds the next.
    """
    evidence = [(r, r.platform) for r in results if r.status is Status.PARSED and r.platform is not None]
    ranges: dict[int, tuple[dt.date | None, dt.date | None]] = {}

    def days_of(r: FileResult) -> tuple[dt.date | None, dt.date | None]:
        """A file's first and last day, computed once (results are not hashable: keyed by identity)."""
        return ranges[id(r)] if id(r) in ranges else ranges.setdefault(id(r), r.date_range)

    for result in results:
        if result.status is not Status.PARSED or result.platform is not None:
            continue
        if chosen is not None and (not result.platform_candidates or chosen in result.platform_candidates):
            result.platform = chosen
        else:
            found = _platform_from_siblings(result, evidence, days_of)
            if found is None:
                result.fail([_platform_question(result, evidence)])
                continue
            result.platform, code = found
            result.issues.append(info(code, params={"platform": str(result.platform)}, file=result.file))
        for grain, frame in result.frames.items():
            result.frames[grain] = frame.assign(platform=str(result.platform))


def _platform_from_siblings(
    result: FileResult, evidence: list[tuple[FileResult, Platform]], days_of: Callable[[FileResult], tuple[dt.date | None, dt.date | None]]
) -> tuple[Platform, str] | None:
    """The platform of the file's siblings: those of its folder (or ZIP folder) first, then those of the
    folder that holds the ZIP, then those of the whole upload.

    Where the siblings disagree (a folder or upload with Facebook and Instagram files), the ones that
    cover exactly the same days decide: Meta Business Suite downloads a set of files for one period.
    """
    candidates = [(r, p) for r, p in evidence if p in result.platform_candidates]
    scopes = (
        (lambda r: r.folder == result.folder, "ingest.platform_from_folder"),
        (lambda r: _outer_folder(r.file) == _outer_folder(result.file), "ingest.platform_from_folder"),
        (lambda r: True, "ingest.platform_from_upload"),
    )
    for in_scope, code in scopes:
        siblings = [(r, p) for r, p in candidates if in_scope(r)]
        platforms = {p for _, p in siblings}
        if len(platforms) == 1:
            return platforms.pop(), code
        if len(platforms) > 1:
            days = days_of(result)
            same_days = {p for r, p in siblings if days[0] is not None and days_of(r) == days}
            if len(same_days) == 1:
                return same_days.pop(), "ingest.platform_from_same_days"
            return None  # the nearest siblings disagree: a wider circle must not overrule them
    return None


def _platform_question(result: FileResult, evidence: list[tuple[FileResult, Platform]]) -> Issue:
    names = " / ".join(str(p) for p in result.platform_candidates) or "?"
    seen = sorted({str(p) for r, p in evidence if p in result.platform_candidates})
    return error(
        "ingest.platform_undecided",
        params={"candidates": names, "siblings": ", ".join(seen) or "-"},
        file=result.file,
    )


_NAME_HINTS = (
    re.compile(r"^(?P<account>.+?)[\s_-]*_(?:content|followers|visitors)_\d{13}\.\w+$"),  # LinkedIn
    re.compile(r"^(?:daily_)?tweet_activity_metrics_(?P<account>.+?)_\d{8}_\d{8}"),  # X legacy
    re.compile(r"^(?P<account>[A-Za-z0-9_]{1,15})_account_(?:overview_analytics|analytics_content)(?=[_.])"),  # X, handle put first by the user
)


# YouTube Studio names its download "<report> <start>_<end> <channel>.zip".
_ARCHIVE_HINT = re.compile(r"^.+? \d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2} (?P<account>.+)\.zip$", re.IGNORECASE)


def _account_from_name(name: str) -> str | None:
    """The account a file's own name carries: its base name, else the name of the ZIP it came in."""
    base = posixpath.basename(name)
    for pattern in _NAME_HINTS:
        found = pattern.match(base)
        if found:
            return found.group("account").strip()
    for part in reversed(name.split("/")[:-1]):
        found = _ARCHIVE_HINT.match(part)
        if found:
            return found.group("account").strip()
    return None


def _outer_folder(name: str) -> str:
    """The folder on disk that holds the file, or the ZIP archive it came in."""
    parts = name.split("/")
    archive = next((i for i, part in enumerate(parts[:-1]) if part.lower().endswith(".zip")), len(parts) - 1)
    return "/".join(parts[:archive])


def _same_account(a: str, b: str) -> bool:
    """Handles and page names compare without case, spaces and separators (X handles ignore case)."""
    return _account_key(a) == _account_key(b)


def _account_key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


Own = tuple[str | None, Counter[str]]  # a file's own account (its content's), and how many rows name each account
MAIN_ACCOUNT_SHARE = 0.8  # a download whose rows name several accounts is the one most rows name, if it holds this share


def _resolve_accounts(results: list[FileResult], chosen: str | None) -> None:
    """Name every file's account: the user's choice, else the file's own evidence, else its siblings.

    Own evidence is the content (a column or a title naming the account), then the file's own name;
    it always beats the siblings. Content and name that disagree ask the user.
    """
    # What each file's content names, taken before any file is given an account: one guess never feeds the next.
    own = {id(r): (r.account, _accounts_in_rows(r)) for r in results}
    for result in results:
        if result.status is not Status.PARSED:
            continue
        if chosen:
            result.account = chosen
        elif result.account is None:
            named_in_rows = any(f["account"].notna().all() and len(f) for f in result.frames.values())
            if not named_in_rows:
                result.account = _account_of(result, results, own)
                if result.account is None:
                    continue
        else:
            from_name = _account_from_name(result.file)
            if from_name and not _same_account(from_name, result.account):
                result.fail([error("ingest.account_conflict", params={"content": result.account, "name": from_name}, file=result.file)])
                continue
        for grain, frame in result.frames.items():
            if chosen:
                accounts = pd.Series(chosen, index=frame.index, dtype="string")
            else:
                accounts = frame["account"].fillna(result.account) if result.account else frame["account"]
            result.frames[grain] = frame.assign(account=accounts)
            _check_keys(result, grain)


def _account_of(result: FileResult, results: list[FileResult], own: dict[int, Own]) -> str | None:
    """The account of a file whose content does not name it: its own name, then its siblings, else 'default'.

    Siblings whose rows name several accounts (a posts export with a collaboration post of another account) give
    the one most rows name when it holds ``MAIN_ACCOUNT_SHARE`` of them: the download's own account. None (the file
    has failed with the question) where the siblings name accounts but none can be taken safely."""
    siblings, named_elsewhere = _sibling_accounts(result, results, own)
    from_name = _account_from_name(result.file)
    if from_name:
        # The siblings' spelling of the same handle, so "kaiadevintern" and "KaiaDevIntern" are one account.
        return next((a for a in [*siblings, *named_elsewhere] if _same_account(a, from_name)), from_name)
    platform = str(result.platform)
    if len(siblings) == 1:
        [account] = siblings
        # A browser's upload has no folder: its files are one upload, not one folder (a new user read "Ordner" there).
        code = "ingest.account_from_siblings" if _outer_folder(result.file) else "ingest.account_from_upload"
        result.issues.append(info(code, params={"platform": platform, "account": account}, file=result.file))
        return account
    if siblings:
        main, rows = siblings.most_common(1)[0]
        if rows >= MAIN_ACCOUNT_SHARE * siblings.total():
            others = ", ".join(sorted(set(siblings) - {main}))
            params = {"platform": platform, "account": main, "others": others, "rows": rows, "total": siblings.total()}
            result.issues.append(info("ingest.account_from_siblings_main", params=params, file=result.file))
            return main
    if (named_elsewhere and not siblings) or (siblings and not _outer_folder(result.file)):
        # Other downloads name this platform's accounts, or the siblings name several: "default" would file the
        # file beside them unseen (and count the same account twice, once under each name).
        accounts = ", ".join(sorted({*siblings, *named_elsewhere}))
        result.fail([error("ingest.account_undecided", params={"platform": platform, "accounts": accounts}, file=result.file)])
        return None
    result.issues.append(info("ingest.account_default", params={"account": DEFAULT_ACCOUNT}, file=result.file))
    return DEFAULT_ACCOUNT


def _sibling_accounts(result: FileResult, results: list[FileResult], own: dict[int, Own]) -> tuple[Counter[str], set[str]]:
    """(the accounts the file may take from its siblings with their rows, accounts of the platform named nearby
    that it may not take).

    In a folder on disk (the user's grouping) the other files of the same platform count as before: those of the
    same folder (or ZIP folder), else those of the folder that holds the ZIP, whether their content or their file
    name names the account. In a flat upload (a browser upload, files given one by one) nothing says the files
    belong together: a ZIP's files are one download, but across the upload only the content of a file whose days
    overlap counts, never a name, which names its own file (a LinkedIn page export) or its own ZIP (a YouTube
    Studio download) only.
    """
    same_platform = [r for r in results if r is not result and r.platform == result.platform and r.status is Status.PARSED]
    near = [r for r in same_platform if r.folder == result.folder]
    outer = [r for r in same_platform if _outer_folder(r.file) == _outer_folder(result.file)]
    if _outer_folder(result.file):
        return _named_accounts(near, own) or _named_accounts(outer, own), set()
    if result.folder and (in_zip := _named_accounts(near, own)):
        return in_zip, set()
    with_content = [r for r in outer if own[id(r)][0] or own[id(r)][1]]  # the few that name one: days read for those only
    by_content = _named_accounts(_same_time(result, with_content), own, by_name=False)
    return by_content, set(_named_accounts(outer, own)) - set(by_content)


def _same_time(result: FileResult, siblings: list[FileResult]) -> list[FileResult]:
    """The siblings whose days overlap the file's: a download's files cover one period (a TikTok overview of April
    2026 is no part of a download whose posts end in February). An audience snapshot, dated by the import day, and
    a file without days overlap every sibling."""
    first, last = result.date_range
    if first is None or last is None or set(result.frames) <= {Grain.AUDIENCE}:
        return siblings
    return [r for r in siblings if (days := r.date_range)[0] is None or (days[0] <= last and first <= days[1])]  # type: ignore[operator]


def _named_accounts(siblings: list[FileResult], own: dict[int, Own], by_name: bool = True) -> Counter[str]:
    """The accounts the siblings name, each with the rows that name it (a file naming one account: all its rows)."""
    accounts: Counter[str] = Counter()
    for r in siblings:
        account, in_rows = own[id(r)]
        named = account or (_account_from_name(r.file) if by_name else None)
        accounts.update({named: sum(r.rows.values()) or 1} if named else in_rows)
    del accounts[DEFAULT_ACCOUNT], accounts[""]
    return accounts


def _accounts_in_rows(result: FileResult) -> Counter[str]:
    counts: Counter[str] = Counter()
    for frame in result.frames.values():
        if "account" in frame:
            counts.update(frame["account"].dropna().astype(str).value_counts().to_dict())
    return counts


def _check_keys(result: FileResult, grain: Grain) -> None:
    frame = result.frames[grain]
    if frame[list(KEY_COLUMNS[grain])].isna().any().any():
        result.fail([error("ingest.keys_missing", file=result.file)])


def _warn_conflicting_days(results: list[FileResult]) -> None:
    """Two files of one upload with different values for the same account, day and metric.

    The later file wins (it is imported later), which is right for a newer download of the same
    export and wrong for two different exports: say so, so the user can check (Meta names the
    Facebook and the Instagram "Content interactions" files alike).
    """
    daily = []
    for result in results:
        frame = result.frames.get(Grain.DAILY) if result.status is Status.PARSED else None
        if frame is not None and len(frame):
            accounts = set(frame[["platform", "account"]].drop_duplicates().itertuples(index=False, name=None))
            daily.append((result, frame, set(present_metrics(frame)), accounts, frame["date"].min(), frame["date"].max()))
    keys = ["platform", "account", "date"]
    guessed = {id(result) for result, *_ in daily if _guessed_default(result)}  # before any of them fails
    for later_index, (later, later_frame, later_metrics, later_accounts, later_start, later_end) in enumerate(daily):
        for earlier, earlier_frame, earlier_metrics, earlier_accounts, earlier_start, earlier_end in daily[:later_index]:
            shared = sorted(later_metrics & earlier_metrics)
            if not shared or not later_accounts & earlier_accounts or later_end < earlier_start or earlier_end < later_start:
                continue
            joined = earlier_frame[keys + shared].merge(later_frame[keys + shared], on=keys, suffixes=("_a", "_b"))
            differing = [m for m in shared if ((joined[f"{m}_a"] - joined[f"{m}_b"]).abs() > 1e-9).any()]
            if not differing:
                continue
            params = {"other": earlier.file, "metrics": ", ".join(differing), "days": len(joined)}
            if id(later) in guessed and id(earlier) in guessed:
                # Neither names its account and nothing groups them: two accounts' files would merge into one.
                for result, other in ((earlier, later), (later, earlier)):
                    result.fail([error("ingest.account_undecided_conflict", params={**params, "other": other.file}, file=result.file)])
            else:
                later.issues.append(warning("ingest.conflicting_days", params=params, file=later.file))


def _guessed_default(result: FileResult) -> bool:
    """A file of a flat upload stored under the default account because nothing named one."""
    return not _outer_folder(result.file) and any(i.code == "ingest.account_default" for i in result.issues)
