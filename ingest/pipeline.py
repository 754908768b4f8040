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
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

import pandas as pd

from ingest.adapters.base import Context, Parsed
from ingest.isolation import ParsedFile, parser_process
from ingest.readers import RawTable, read_text_table, read_workbook_tables
from ingest.registry import best_match
from ingest.safety import Container, check_workbook_parts, sniff_container
from model.canonical import KEY_COLUMNS, Grain, Platform, conform, present_metrics
from model.issues import IngestError, Level, UnsupportedFileError, error, info, warning
from model.results import FileResult, Status

MAX_ARCHIVE_DEPTH = 2
DEFAULT_ACCOUNT = "default"


def read_batch(
    items: Iterable[tuple[str, bytes]],
    *,
    reference_date: dt.date,
    platform: Platform | None = None,
    account: str | None = None,
) -> list[FileResult]:
    """Read every file (ZIP archives expanded) and resolve what files leave open from their siblings."""
    items = list(items)
    # Files parse side by side in the parser processes; results keep the upload's order.
    with ThreadPoolExecutor(max_workers=parser_process().size) as pool:
        parsed = list(pool.map(lambda item: _read_any(item[0], item[1], reference_date, depth=0), items))
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
        checks = (lambda: check_workbook_parts(name, data)) if container is Container.XLSX else None
        parsed = parser_process().parse(name, data, str(container), reference_date, while_parsing=checks)
        result.status, result.frames, result.issues = Status(parsed.status), parsed.frames, parsed.issues
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
        result.fail([error(f"Unexpected error while reading the file ({type(exc).__name__}: {exc}). Please report it with the file.", file=name)])
    return ParsedFile(str(result.status), result.frames, result.issues, result.report, result.platform, result.account, result.platform_candidates)


def _read_archive(result: FileResult, data: bytes, reference_date: dt.date, depth: int) -> list[FileResult]:
    if depth >= MAX_ARCHIVE_DEPTH:
        result.fail([error("ZIP archives nested this deep are not opened. Unpack the inner archive first.", file=result.file)])
        return [result]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [m for m in archive.infolist() if not m.is_dir() and not _is_system_file(m.filename)]
        out: list[FileResult] = []
        for member in members:
            out.extend(_read_any(f"{result.file}/{member.filename}", archive.read(member), reference_date, depth + 1))
    if not out:
        result.fail([error("The ZIP archive holds no export files.", file=result.file)], Status.UNSUPPORTED)
        return [result]
    return out


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
        raise UnsupportedFileError(
            [
                error(
                    f"Resonanz does not know this export. It looks like: {describe(tables)}. "
                    "If it comes from a platform Resonanz supports, download the export again unchanged; "
                    "for other channels use the generic template.",
                    file=result.file,
                )
            ]
        )
    _combine(result, parsed, skipped, context)


def describe(tables: list[RawTable]) -> str:
    """A short description of what the tables look like, for the 'unsupported' message."""
    parts = []
    for table in tables[:5]:
        rows = [r for r in table.head if any(r)]
        header = max(rows[:10], key=lambda r: sum(1 for c in r if c), default=[])
        cells = ", ".join(c for c in header if c)[:160]
        where = f"sheet '{table.sheet}'" if table.sheet else ("CSV" if table.delimiter else "table")
        parts.append(f"{where} with {len(table.cells)} rows, columns: {cells or '(none)'}")
    return "; ".join(parts) or "no tables"


def _combine(result: FileResult, parsed: list[Parsed], skipped: list[RawTable], context: Context) -> None:
    for table in skipped:
        result.issues.append(info(f"The sheet '{table.sheet}' was not recognised and is skipped.", file=result.file, sheet=table.sheet))
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
        result.fail([error("The workbook mixes sheets of different platforms. Upload each platform's export separately.", file=result.file)])
        return
    for grain in Grain:
        frames = [p.frames[grain] for p in stored if grain in p.frames and len(p.frames[grain])]
        if frames:
            result.frames[grain] = _merge_sheets(frames, grain) if len(frames) > 1 else frames[0]
    if not result.frames:
        result.issues.append(info("The export holds no rows for its period.", file=result.file))
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
    result.issues.append(info(f"The audience figures have no date; stored as the snapshot of {day:%Y-%m-%d}.", file=result.file))


_EXPORT_STAMP = re.compile(r"_(\d{13})\.\w+$")


def _export_day(name: str) -> dt.date | None:
    """LinkedIn names its exports <page>_<type>_<epoch milliseconds>: the day it was exported."""
    found = _EXPORT_STAMP.search(name)
    if not found:
        return None
    return dt.datetime.fromtimestamp(int(found.group(1)) / 1000, tz=dt.UTC).date()


# ---------------------------------------------------------------- resolution from siblings


def _resolve_platforms(results: list[FileResult], chosen: Platform | None) -> None:
    for result in results:
        if result.status is not Status.PARSED or result.platform is not None:
            continue
        if chosen is not None and (not result.platform_candidates or chosen in result.platform_candidates):
            result.platform = chosen
        else:
            siblings = {r.platform for r in results if r.folder == result.folder and r.platform in result.platform_candidates}
            if len(siblings) == 1:
                result.platform = siblings.pop()
                result.issues.append(info(f"The file does not name its platform; the other Meta files of its folder are {result.platform}.", file=result.file))
            else:
                names = " or ".join(str(p) for p in result.platform_candidates) or "a platform"
                result.fail(
                    [
                        error(
                            f"The file does not say whether it is {names}. Upload it together with the other files of the same export, or choose the platform.",
                            file=result.file,
                        )
                    ]
                )
                continue
        for grain, frame in result.frames.items():
            result.frames[grain] = frame.assign(platform=str(result.platform))


_NAME_HINTS = (
    re.compile(r"^(?P<account>.+?)[\s_-]*_(?:content|followers|visitors)_\d{13}\.\w+$"),  # LinkedIn
    re.compile(r"^(?:daily_)?tweet_activity_metrics_(?P<account>.+?)_\d{8}_\d{8}"),  # X legacy
)


def _account_from_name(name: str) -> str | None:
    base = posixpath.basename(name)
    for pattern in _NAME_HINTS:
        found = pattern.match(base)
        if found:
            return found.group("account").strip()
    return None


def _resolve_accounts(results: list[FileResult], chosen: str | None) -> None:
    for result in results:
        if result.status is not Status.PARSED:
            continue
        if chosen:
            result.account = chosen
        elif result.account is None:
            named_in_rows = any(f["account"].notna().all() and len(f) for f in result.frames.values())
            if named_in_rows:
                result.account = None
            else:
                result.account = _sibling_account(result, results) or _account_from_name(result.file)
                if result.account is None:
                    result.account = DEFAULT_ACCOUNT
                    result.issues.append(
                        info(
                            f"The export does not name its account; stored as '{DEFAULT_ACCOUNT}'. Choose the account when uploading to name it.",
                            file=result.file,
                        )
                    )
        for grain, frame in result.frames.items():
            if chosen:
                accounts = pd.Series(chosen, index=frame.index, dtype="string")
            else:
                accounts = frame["account"].fillna(result.account) if result.account else frame["account"]
            result.frames[grain] = frame.assign(account=accounts)
            _check_keys(result, grain)


def _sibling_account(result: FileResult, results: list[FileResult]) -> str | None:
    accounts = {
        r.account
        for r in results
        if r is not result and r.folder == result.folder and r.platform == result.platform and r.account and r.account != DEFAULT_ACCOUNT
    }
    if len(accounts) == 1:
        account = accounts.pop()
        result.issues.append(info(f"The export does not name its account; the other {result.platform} files of its folder are '{account}'.", file=result.file))
        return account
    return None


def _check_keys(result: FileResult, grain: Grain) -> None:
    frame = result.frames[grain]
    if frame[list(KEY_COLUMNS[grain])].isna().any().any():
        result.fail([error("Some rows lack a platform or account after reading; nothing was stored.", file=result.file)])


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
    for later_index, (later, later_frame, later_metrics, later_accounts, later_start, later_end) in enumerate(daily):
        for earlier, earlier_frame, earlier_metrics, earlier_accounts, earlier_start, earlier_end in daily[:later_index]:
            shared = sorted(later_metrics & earlier_metrics)
            if not shared or not later_accounts & earlier_accounts or later_end < earlier_start or earlier_end < later_start:
                continue
            joined = earlier_frame[keys + shared].merge(later_frame[keys + shared], on=keys, suffixes=("_a", "_b"))
            differing = [m for m in shared if ((joined[f"{m}_a"] - joined[f"{m}_b"]).abs() > 1e-9).any()]
            if differing:
                later.issues.append(
                    warning(
                        f"'{earlier.file}' of the same upload has other {', '.join(differing)} values for {len(joined)} of the same days; "
                        "this file is imported later and wins. Check that both really belong to this account.",
                        file=later.file,
                    )
                )
