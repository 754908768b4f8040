"""Editorial plans (Redaktionspläne) and event lists: bytes in, one plan frame and issues out.

A plan is a CSV (UTF-8, UTF-8 with BOM or Windows-1252; ``;`` or ``,``) or a workbook with one row
per planned post. Headers are accepted in German or English, and in the layouts of the bulk-scheduling
CSVs of common publishing tools (Hootsuite, Buffer, Later); a header row may sit below title rows.
The shape a plan sheet is expected to have::

    Datum      | Uhrzeit | Kanal    | Konto    | Abteilung | Thema  | Kampagne | ... | Kernbotschaft | Hashtags       | Link | Text
    03.11.2026 | 10:00   | LinkedIn | Haberland| HR        | Azubis | Azubi26  | ... | Ausbildung    | #azubi #karriere | ...  | ...

Only the date and the channel are required. Validation is strict: every cell that cannot be read is
an error naming sheet, row, column and value, and a plan with errors stores nothing.
Runs in the parser process (``ingest.worker``) like the platform exports.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from ingest.isolation import ParsedFile
from ingest.parsing import find_header_row, is_null_cell, normalise_header, to_datetime
from ingest.readers import RawTable, read_text_table, read_workbook_tables
from ingest.safety import Container
from model.canonical import Platform
from model.issues import IngestError, Issue, error, warning

PLAN_FIELDS: tuple[str, ...] = (
    "planned_at",
    "platform",
    "account",
    "department",
    "topic",
    "campaign",
    "format",
    "owner",
    "status",
    "key_messages",
    "hashtags",
    "link",
    "text",
)
TEXT_FIELDS: tuple[str, ...] = PLAN_FIELDS[2:]

# Header spellings per field (compared normalised: case, spacing, BOMs). The English and German plan
# headers, plus the bulk-scheduling CSVs: Hootsuite ("Date and time" / "Message" / "Link"), Buffer
# ("Posting Time" / "Text" / "Tags"), Later ("Date" / "Time" / "Caption" / "Social Profile"), Ayrshare
# ("post" / "platforms" / "scheduleDate"), Oktopost ("Network" / "Message" / "LinkUrl"), SocialBee
# ("text" / "link" / "postAtSpecificTime"). A channel cell may name several channels ("twitter, facebook"):
# the item is planned on each.
HEADERS: dict[str, tuple[str, ...]] = {
    "planned_at": (
        "datum",
        "veröffentlichungsdatum",
        "veroeffentlichungsdatum",
        "geplant am",
        "termin",
        "date",
        "publish date",
        "publishing date",
        "planned date",
        "scheduled date",
        "date and time",
        "posting time",
        "publish time",
        "scheduled time",
        "date (dd/mm/yyyy hh:mm)",
        "scheduledate",
        "schedule date",
        "postatspecifictime",
    ),
    "time": ("uhrzeit", "zeit", "time", "publish at"),
    "platform": (
        "kanal",
        "plattform",
        "netzwerk",
        "channel",
        "platform",
        "network",
        "social network",
        "social profile type",
        "platforms",
        "networks",
        "kanäle",
        "kanaele",
    ),
    "account": ("konto", "profil", "account", "profile", "social profile", "page"),
    "department": ("abteilung", "bereich", "department", "team"),
    "topic": ("thema", "themen", "topic", "tag", "tags"),
    "campaign": ("kampagne", "campaign"),
    "format": ("format", "beitragsart", "content type", "post type", "media type"),
    "owner": ("verantwortlich", "verantwortliche", "autor", "owner", "responsible", "author", "assignee"),
    "status": ("status",),
    "key_messages": ("kernbotschaft", "kernbotschaften", "botschaft", "key message", "key messages", "message pillar"),
    "hashtags": ("hashtags", "hashtag"),
    "link": ("link", "url", "ziel-url", "link url", "linkurl", "target url"),
    "text": ("text", "beitragstext", "post text", "message", "caption", "copy", "content", "post"),
}
_HEADER_FIELD = {alias: field for field, aliases in HEADERS.items() for alias in aliases}

# Channel names as plans write them -> platform. XING and other channels without an adapter are ``other``.
CHANNELS: dict[str, Platform] = {
    "linkedin": Platform.LINKEDIN,
    "facebook": Platform.FACEBOOK,
    "fb": Platform.FACEBOOK,
    "instagram": Platform.INSTAGRAM,
    "ig": Platform.INSTAGRAM,
    "insta": Platform.INSTAGRAM,
    "x": Platform.X,
    "twitter": Platform.X,
    "x (twitter)": Platform.X,
    "youtube": Platform.YOUTUBE,
    "yt": Platform.YOUTUBE,
    "tiktok": Platform.TIKTOK,
    "xing": Platform.OTHER,
    "other": Platform.OTHER,
    "sonstige": Platform.OTHER,
}

_HOOTSUITE_ROW = re.compile(r"^\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$")


def parse_plan(name: str, data: bytes, container: Container) -> ParsedFile:
    """The plan in ``data`` as a ParsedFile with the table ``plan`` (see ``PLAN_FIELDS``) and issues.

    Runs inside the parser process. A plan with any error comes back with status ``error`` and no table.
    """
    try:
        frame, issues = read_plan(name, data, container)
    except IngestError as exc:
        return ParsedFile("error", {}, exc.issues, report="plan")
    except Exception as exc:  # a reader bug must not end the server; report it as this file's error
        return ParsedFile("error", {}, [error("plan.unexpected", params={"error": f"{type(exc).__name__}: {exc}"}, file=name)], report="plan")
    if any(i.level == "error" for i in issues):
        return ParsedFile("error", {}, issues, report="plan")
    parsed = ParsedFile("parsed", {}, issues, report="plan")
    parsed.tables = {"plan": frame}
    return parsed


def read_plan(name: str, data: bytes, container: Container) -> tuple[pd.DataFrame, list[Issue]]:
    """Every plan sheet of the file as one frame (columns ``PLAN_FIELDS`` + sheet, source_row) and the issues."""
    tables = [read_text_table(name, data)] if container is Container.TEXT else read_workbook_tables(name, data, container)
    frames: list[pd.DataFrame] = []
    issues: list[Issue] = [note for table in tables for note in table.notes if note.level != "info"]
    for table in tables:
        header = find_header_row(table.head, _HEADER_FIELD, minimum=2)
        if header is None:
            continue
        frame, found = _plan_sheet(table, header[0])
        frames.append(frame)
        issues += found
    if not frames and tables and tables[0].head and _HOOTSUITE_ROW.match(tables[0].head[0][0]):
        # Hootsuite's bulk file has no header and names no channel (it is chosen on upload there).
        raise IngestError([error("plan.hootsuite_headerless", params={"value": tables[0].head[0][0]}, file=name, row=1, value=tables[0].head[0][0])])
    if not frames:
        headers = ", ".join(repr(c) for c in (tables[0].head[0] if tables and tables[0].head else [])[:12])
        raise IngestError([error("plan.no_header", params={"headers": headers or "-"}, file=name)])
    plan, repeated = _without_repeated_rows(pd.concat(frames, ignore_index=True), name)
    issues += repeated
    if plan.empty and not issues:
        issues.append(error("plan.no_rows", file=name))
    return plan, issues


def _plan_sheet(table: RawTable, header_row: int) -> tuple[pd.DataFrame, list[Issue]]:
    file, sheet = table.file, table.sheet
    labels = [str(v) for v in table.cells.iloc[header_row].tolist()]
    columns: dict[str, tuple[int, str]] = {}
    for position, label in enumerate(labels):
        field = _HEADER_FIELD.get(normalise_header(label))
        if field and field not in columns:
            columns[field] = (position, label.strip())
    issues: list[Issue] = []
    for field in ("planned_at", "platform"):
        if field not in columns:
            wanted = {"planned_at": "Datum / Date", "platform": "Kanal / Channel"}[field]
            issues.append(error("plan.missing_column", params={"column": wanted}, file=file, sheet=sheet, row=header_row + 1 + table.row_offset))
    if issues:
        return pd.DataFrame(columns=[*PLAN_FIELDS, "sheet", "source_row"]), issues
    body = table.cells.iloc[header_row + 1 :]
    row_base = table.row_offset + 1  # index label i is spreadsheet row i + 1 (+ removed lines)
    blank = pd.concat([is_null_cell(body[position]) for position, _ in columns.values()], axis=1).all(axis=1)
    body = body[~blank.to_numpy()]
    out = pd.DataFrame(index=body.index)
    date_position, date_label = columns["planned_at"]
    planned, found = _plan_dates(body[date_position], date_label, file, sheet, row_base)
    issues += found
    missing_date = planned.isna() & is_null_cell(body[date_position])
    issues += _cell_errors(body[date_position][missing_date], "plan.date_missing", date_label, file, sheet, row_base)
    if "time" in columns:
        time_position, time_label = columns["time"]
        offsets, found = _times(body[time_position], time_label, file, sheet, row_base)
        issues += found
        planned = planned + offsets
    out["planned_at"] = planned.astype("datetime64[us]")
    platform_position, platform_label = columns["platform"]
    names = body[platform_position].astype("string").str.strip().str.casefold().str.split(r"\s*[,;/]\s*", regex=True)
    mapped = names.map(lambda parts: [CHANNELS.get(p) for p in parts if p], na_action="ignore")
    unknown = mapped.map(lambda found: not found or None in found, na_action="ignore").fillna(True).astype(bool)
    wrong = body[platform_position][unknown.to_numpy()]
    for label, cell in zip(wrong.index[:20], wrong.iloc[:20], strict=True):
        known, closest = ", ".join(sorted(set(CHANNELS))), _closest_channel(cell)
        code = "plan.channel_unknown_near" if closest else "plan.channel_unknown"
        issues += _cell_errors(wrong.loc[[label]], code, platform_label, file, sheet, row_base, known=known, closest=closest)
    out["platform"] = mapped.where(~unknown, None)
    for field in TEXT_FIELDS:
        if field in columns:
            values = body[columns[field][0]]
            text = values.astype("string").str.strip()
            out[field] = text.where(~is_null_cell(values)).astype("string")
        else:
            out[field] = pd.Series(pd.NA, index=body.index, dtype="string")
    out["sheet"] = pd.Series(sheet, index=body.index, dtype="string")
    out["source_row"] = (body.index.to_series() + row_base).astype("int64")
    out = out.explode("platform")  # one item per channel where a cell names several
    out["platform"] = out["platform"].astype("string")  # Platform is a StrEnum: its value
    return out[[*PLAN_FIELDS, "sheet", "source_row"]].reset_index(drop=True), issues


def _without_repeated_rows(plan: pd.DataFrame, file: str, limit: int = 20) -> tuple[pd.DataFrame, list[Issue]]:
    """A row written twice (same time, channel, account and texts) is one planned post: counted twice it would
    take a second, unrelated post of the week and overstate the plan's fulfilment. Kept once, each copy named."""
    same = plan.duplicated(subset=list(PLAN_FIELDS), keep="first")
    if not same.any():
        return plan, []
    first_row = plan.groupby(list(PLAN_FIELDS), dropna=False, sort=False)["source_row"].transform("first")
    copies = plan[same.to_numpy()]
    issues = [
        warning("plan.row_repeated", params={"first": int(first)}, file=file, sheet=sheet if isinstance(sheet, str) else None, row=int(row))
        for row, first, sheet in zip(copies["source_row"][:limit], first_row[same.to_numpy()][:limit], copies["sheet"][:limit], strict=True)
    ]
    return plan[~same.to_numpy()].reset_index(drop=True), issues


def _closest_channel(value: object) -> str:
    """The known channel names nearest to the unknown parts of a cell ("LinkdIn" -> "linkedin"); "" unless every part has one."""
    from rapidfuzz import fuzz, process

    unknown = [part for part in re.split(r"\s*[,;/]\s*", str(value).strip().casefold()) if part and part not in CHANNELS]
    found = [process.extractOne(part, list(CHANNELS), scorer=fuzz.ratio, score_cutoff=75) for part in unknown]
    return ", ".join(hit[0] for hit in found if hit) if found and all(found) else ""


# Plans are written by people: one column may mix these, and one typo must not hide the other rows.
PLAN_DATE_FORMATS = (
    "%d.%m.%Y",
    "%d.%m.%Y %H:%M",
    "%d.%m.%y",
    "%Y-%m-%d",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%d/%m/%Y",
    "%d/%m/%Y %H:%M",
)


def _plan_dates(values: pd.Series, column: str, file: str, sheet: str | None, row_base: int) -> tuple[pd.Series, list[Issue]]:
    """Dates via the shared converter (day first); where it finds no one format for the whole column,
    each cell is read with the first plan format that fits it, and each unreadable cell is named."""
    parsed, issues = to_datetime(values, column=column, file=file, sheet=sheet, row_base=row_base, day_first=True)
    if not any(i.level == "error" and i.row is None for i in issues):
        return parsed, issues
    nulls = is_null_cell(values)
    text = values.astype("string").str.strip()
    result = pd.Series(pd.NaT, index=values.index, dtype="datetime64[us]")
    native = values.map(lambda v: isinstance(v, dt.date | pd.Timestamp), na_action="ignore").fillna(False).astype(bool)
    if native.any():
        result[native] = pd.to_datetime(values[native].astype(object)).astype("datetime64[us]")
    for fmt in PLAN_DATE_FORMATS:
        todo = result.isna() & ~nulls
        if not todo.any():
            break
        result[todo] = pd.to_datetime(text[todo], format=fmt, errors="coerce").astype("datetime64[us]")
    bad = values[(result.isna() & ~nulls).to_numpy()]
    return result, _cell_errors(bad, "plan.date_unknown", column, file, sheet, row_base)


def _times(values: pd.Series, column: str, file: str, sheet: str | None, row_base: int) -> tuple[pd.Series, list[Issue]]:
    """Clock times ("10:00", "9.30", workbook times or day fractions) as offsets from midnight; blank is 00:00."""
    nulls = is_null_cell(values)
    native = values.map(lambda v: isinstance(v, dt.time | dt.datetime | float | int), na_action="ignore").fillna(False).astype(bool) & ~nulls
    seconds = pd.Series(0.0, index=values.index)
    for label in values.index[native.to_numpy()]:  # workbook cells: a handful per plan, typed by the reader
        value = values[label]
        if isinstance(value, dt.datetime):
            value = value.time()
        seconds[label] = value.hour * 3600 + value.minute * 60 + value.second if isinstance(value, dt.time) else float(value) % 1 * 86400
    text = values[~native & ~nulls].astype("string").str.strip()
    parts = text.str.extract(_TIME)
    parsed = parts[0].astype("Float64") * 3600 + parts[1].astype("Float64") * 60 + parts[2].fillna("0").astype("Float64")
    valid = parsed.notna() & (parts[0].astype("Float64") < 24) & (parts[1].astype("Float64") < 60)
    seconds[text.index[valid.to_numpy(dtype=bool, na_value=False)]] = parsed[valid.fillna(False)].astype("float64")
    bad = values[text.index[~valid.to_numpy(dtype=bool, na_value=False)]]
    return pd.to_timedelta(seconds.round(), unit="s"), _cell_errors(bad, "plan.time_unknown", column, file, sheet, row_base)


def _cell_errors(bad: pd.Series, code: str, column: str, file: str, sheet: str | None, row_base: int, limit: int = 20, **params: str) -> list[Issue]:
    return [
        error(code, params={"value": str(v)[:80], **params}, file=file, sheet=sheet, row=row_base + int(label), column=column, value=str(v)[:80])
        for label, v in zip(bad.index[:limit], bad.iloc[:limit], strict=True)
    ]


# ---------------------------------------------------------------- events

EVENT_FIELDS: tuple[str, ...] = ("date_from", "date_to", "title", "description", "category", "department", "channels", "colour")
EVENT_HEADERS: dict[str, tuple[str, ...]] = {
    "date_from": ("datum", "von", "beginn", "start", "date", "from", "start date"),
    "date_to": ("bis", "ende", "end", "to", "end date"),
    "title": ("titel", "ereignis", "title", "event"),
    "description": ("beschreibung", "description"),
    "category": ("kategorie", "category"),
    "department": ("abteilung", "department"),
    "channels": ("kanäle", "kanaele", "kanal", "channels", "channel"),
    "colour": ("farbe", "colour", "color"),
}
_EVENT_FIELD = {alias: field for field, aliases in EVENT_HEADERS.items() for alias in aliases}
TITLE_MAX = 60
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def read_events(name: str, data: bytes, container: Container) -> tuple[pd.DataFrame, list[Issue]]:
    """Events (date or range, title up to 60 characters, ...) from a CSV or workbook; strict like plans.

    A blank end date means a one-day event; channels are comma-separated (blank: every channel).
    """
    tables = [read_text_table(name, data)] if container is Container.TEXT else read_workbook_tables(name, data, container)
    for table in tables:
        header = find_header_row(table.head, _EVENT_FIELD, minimum=2)
        if header is not None:
            return _event_sheet(table, header[0])
    raise IngestError([error("events.no_header", file=name)])


def _event_sheet(table: RawTable, header_row: int) -> tuple[pd.DataFrame, list[Issue]]:
    file, sheet = table.file, table.sheet
    labels = [str(v).strip() for v in table.cells.iloc[header_row].tolist()]
    columns: dict[str, tuple[int, str]] = {}
    for position, label in enumerate(labels):
        field = _EVENT_FIELD.get(normalise_header(label))
        if field and field not in columns:
            columns[field] = (position, label)
    missing = [f for f in ("date_from", "title") if f not in columns]
    if missing:
        return pd.DataFrame(columns=list(EVENT_FIELDS)), [
            error("events.missing_column", params={"column": {"date_from": "Datum / Date", "title": "Titel / Title"}[m]}, file=file, sheet=sheet)
            for m in missing
        ]
    body = table.cells.iloc[header_row + 1 :]
    body = body[~pd.concat([is_null_cell(body[p]) for p, _ in columns.values()], axis=1).all(axis=1).to_numpy()]
    row_base = table.row_offset + 1
    out = pd.DataFrame(index=body.index)
    issues: list[Issue] = []
    for field in ("date_from", "date_to"):
        if field in columns:
            parsed, found = _plan_dates(body[columns[field][0]], columns[field][1], file, sheet, row_base)
            issues += found
            out[field] = parsed.dt.normalize()
    out["date_to"] = out["date_to"].fillna(out["date_from"]) if "date_to" in out else out["date_from"]
    for field in ("title", "description", "category", "department", "channels", "colour"):
        values = body[columns[field][0]] if field in columns else pd.Series("", index=body.index)
        out[field] = values.astype("string").str.strip().where(~is_null_cell(values), "").astype("string")
    title_position, title_label = columns["title"]
    issues += _cell_errors(body[title_position][out["title"].eq("").to_numpy()], "events.title_missing", title_label, file, sheet, row_base)
    issues += _cell_errors(body[title_position][out["title"].str.len().gt(TITLE_MAX).to_numpy()], "events.title_long", title_label, file, sheet, row_base)
    backwards = (out["date_to"] < out["date_from"]).fillna(False).to_numpy(dtype=bool)
    if "date_to" in columns:
        issues += _cell_errors(body[columns["date_to"][0]][backwards], "events.end_before_start", columns["date_to"][1], file, sheet, row_base)
    if "colour" in columns:
        bad_colour = out["colour"].ne("") & ~out["colour"].str.match(_COLOUR).fillna(False)
        issues += _cell_errors(body[columns["colour"][0]][bad_colour.to_numpy()], "events.colour", columns["colour"][1], file, sheet, row_base)
    out["colour"] = out["colour"].where(out["colour"].ne(""), "#888888")
    channels = out["channels"].str.split(r"\s*[,;]\s*", regex=True)
    known = channels.map(lambda names: all(n.casefold() in CHANNELS for n in names if n), na_action="ignore").fillna(True).astype(bool)
    if "channels" in columns:
        issues += _cell_errors(
            body[columns["channels"][0]][~known.to_numpy()],
            "plan.channel_unknown",
            columns["channels"][1],
            file,
            sheet,
            row_base,
            known=", ".join(sorted(set(CHANNELS))),
        )
    out["channels"] = channels.map(
        lambda names: ",".join(sorted({str(CHANNELS[n.casefold()]) for n in names if n and n.casefold() in CHANNELS})), na_action="ignore"
    ).astype("string")
    return out[list(EVENT_FIELDS)].reset_index(drop=True), issues


def parse_events(name: str, data: bytes, container: Container) -> ParsedFile:
    """Events for the parser process: the table ``events`` or the errors."""
    try:
        frame, issues = read_events(name, data, container)
    except IngestError as exc:
        return ParsedFile("error", {}, exc.issues, report="events")
    if any(i.level == "error" for i in issues):
        return ParsedFile("error", {}, issues, report="events")
    parsed = ParsedFile("parsed", {}, issues, report="events")
    parsed.tables = {"events": frame}
    return parsed


# ---------------------------------------------------------------- templates

TEMPLATE_HEADERS = {
    "de": (
        "Datum",
        "Uhrzeit",
        "Kanal",
        "Konto",
        "Abteilung",
        "Thema",
        "Kampagne",
        "Format",
        "Verantwortlich",
        "Status",
        "Kernbotschaft",
        "Hashtags",
        "Link",
        "Text",
    ),
    "en": ("Date", "Time", "Channel", "Account", "Department", "Topic", "Campaign", "Format", "Owner", "Status", "Key message", "Hashtags", "Link", "Text"),
}
TEMPLATE_EXAMPLE = {
    "de": (
        "02.11.2026",
        "10:00",
        "LinkedIn",
        "",
        "HR",
        "Ausbildung",
        "",
        "Bild",
        "",
        "geplant",
        "Ausbildung mit Zukunft",
        "#azubi",
        "",
        "Beispielzeile: löschen oder überschreiben",
    ),
    "en": (
        "2026-11-02",
        "10:00",
        "LinkedIn",
        "",
        "HR",
        "Apprenticeships",
        "",
        "Image",
        "",
        "planned",
        "Training with a future",
        "#apprentice",
        "",
        "Example row: delete or overwrite",
    ),
}


def plan_template(language: str, file_format: str = "xlsx") -> bytes:
    """A blank plan in German or English (.xlsx with one example row, or a UTF-8 CSV with BOM and ``;``)."""
    import io

    frame = pd.DataFrame([TEMPLATE_EXAMPLE[language]], columns=list(TEMPLATE_HEADERS[language]))
    if file_format == "csv":
        return frame.to_csv(sep=";", index=False).encode("utf-8-sig")
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False, sheet_name="Redaktionsplan" if language == "de" else "Editorial plan", engine="xlsxwriter")
    return buffer.getvalue()


def read_plan_upload(name: str, data: bytes, kind: str = "plan") -> ParsedFile:
    """Check an uploaded plan's (or, with ``kind="events"``, event list's) bytes here and parse it in the
    parser process (the entry point for pages and CLI)."""
    from ingest.isolation import parser_process
    from ingest.safety import check_workbook_parts, sniff_container

    try:
        container = sniff_container(name, data)
        if container is Container.ZIP:
            raise IngestError([error("plan.zip", file=name)])
        checks = (lambda: check_workbook_parts(name, data)) if container is Container.XLSX else None
        return parser_process().parse(name, data, str(container), dt.date.today(), while_parsing=checks, kind=kind)
    except IngestError as exc:
        return ParsedFile("error", {}, exc.issues, report=kind)
