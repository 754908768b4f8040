"""Reading the goals workbook (.xlsx) or its YAML twin: the one entry point is ``load_goals``.

Bytes in, a validated ``GoalsConfig`` out (or ``GoalsError`` with every problem). This module reads
the sheets and parses the number cells with the import's own number parser
(``ingest.parsing.to_number``: thousands and decimal marks inferred per column from the marks
that can be read only one way, else the sheet names' language decides, ``%`` honoured), so "10,000" in an English workbook is 10000
and "1.234,5" in a German one 1234.5; ``metrics.goals.validate_goals`` checks the result.

A workbook passes the same safety checks as an export (signature, ZIP parts, macros, used range)
before openpyxl sees it, and openpyxl (or the YAML parser) reads it only in the isolated parser process
(``ingest.isolation``, ``kind="goals"``): a hostile workbook can end that child, never the server. The
child sends the cells back as plain JSON; the numbers are parsed and validated here. YAML is read safely: no aliases, no duplicate keys, and only true/false
are booleans (YAML 1.1 would read the country code ``NO`` as false).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import TYPE_CHECKING, Any

import pandas as pd
import yaml

from ingest.parsing import to_number
from ingest.safety import check_workbook_parts, sniff_container
from metrics.goals import (
    INSTRUCTION_SHEETS,
    NUMBER_COLUMNS,
    ORIGIN_KEY,
    ORIGIN_PROPERTIES,
    SHEETS,
    GoalsConfig,
    GoalsError,
    NumberCell,
    RawSheets,
    column_key,
    is_german_sheet,
    sheet_key,
    validate_goals,
)
from model.issues import IngestError, Issue, error

if TYPE_CHECKING:
    from ingest.isolation import ParsedFile

MAX_GOALS_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
_SHEET_NAMES = ", ".join(f"{en}/{de}" for en, de, _, _ in SHEETS.values())


def load_goals(name: str, data: bytes, fiscal_start_month: int = 1) -> GoalsConfig:
    """Read and validate a goals workbook (.xlsx) or YAML file; raises ``GoalsError`` with every problem."""
    if len(data) > MAX_GOALS_BYTES:
        raise GoalsError([error("goals.too_large", file=name)])
    sheets, issues = read_goals_isolated(name, data)
    return validate_goals(name, parse_numbers(sheets), fiscal_start_month, issues)


def read_goals_isolated(name: str, data: bytes) -> tuple[RawSheets, list[Issue]]:
    """The raw sheets of a goals workbook or YAML file, read in the parser process.

    The cheap checks (signature, ZIP members and ratios) run here first; the deep ones (DTDs, used
    range) run here while the child reads. A child that runs out of memory or time or crashes becomes a
    ``GoalsError`` naming the file, and nothing is stored (the caller stores only a validated set).
    """
    from ingest.isolation import parser_process
    from ingest.safety import Container

    if not data:
        raise GoalsError([error("goals.empty", file=name)])
    is_workbook = data[:4] == b"PK\x03\x04"
    if not is_workbook and name.lower().endswith((".xlsx", ".xlsm", ".xltx")):  # else it would be read as YAML and say so
        raise GoalsError([error("goals.not_xlsx", file=name)])
    try:
        container = sniff_container(name, data) if is_workbook else Container.TEXT
        checks = (lambda: check_workbook_parts(name, data)) if is_workbook else None
        parsed = parser_process().parse(name, data, str(container), dt.date.today(), while_parsing=checks, kind="goals")
    except IngestError as exc:
        raise GoalsError(exc.issues) from exc
    if parsed.status == "error":
        raise GoalsError(parsed.issues)
    return sheets_from_plain(parsed.payload), parsed.issues


def parse_goals_in_worker(name: str, data: bytes) -> ParsedFile:
    """The child's side (``ingest.worker``): read the file into plain sheets, or say why not."""
    from ingest.isolation import ParsedFile

    try:
        sheets, issues = read_workbook(name, data) if data[:4] == b"PK\x03\x04" else read_yaml(name, data)
    except GoalsError as exc:
        return ParsedFile("error", {}, exc.issues, report="goals")
    parsed = ParsedFile("ok", {}, issues, report="goals")
    parsed.payload = sheets_to_plain(sheets)
    return parsed


# Cells cross the process boundary as JSON (never pickle: a subverted child must not run code here).
# JSON has no dates or times, so those travel tagged: {"$": "datetime", "v": "2026-01-01T00:00:00"}.
_TAGGED: dict[str, tuple[type, Any, Any]] = {
    "datetime": (dt.datetime, dt.datetime.isoformat, dt.datetime.fromisoformat),
    "date": (dt.date, dt.date.isoformat, dt.date.fromisoformat),
    "time": (dt.time, dt.time.isoformat, dt.time.fromisoformat),
    "timedelta": (dt.timedelta, dt.timedelta.total_seconds, lambda seconds: dt.timedelta(seconds=seconds)),
}


def plain_value(value: object) -> object:
    """``value`` as JSON data (dates tagged, containers recursively, anything else unknown as text)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    for tag, (kind, encode, _) in _TAGGED.items():  # datetime before date: a datetime is a date too
        if isinstance(value, kind):
            return {"$": tag, "v": encode(value)}
    if isinstance(value, list | tuple):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {"$": "dict", "v": [[plain_value(k), plain_value(v)] for k, v in value.items()]}
    return str(value)


def typed_value(value: object) -> object:
    """The inverse of ``plain_value``."""
    if isinstance(value, list):
        return [typed_value(v) for v in value]
    if isinstance(value, dict):
        if value.get("$") == "dict":
            return {typed_value(k): typed_value(v) for k, v in value["v"]}
        return _TAGGED[value["$"]][2](value["v"])
    return value


def sheets_to_plain(sheets: RawSheets) -> dict[str, object]:
    return {key: [title, headers, [[plain_value(cell) for cell in row] for row in rows]] for key, (title, headers, rows) in sheets.items()}


def sheets_from_plain(payload: object) -> RawSheets:
    return {key: (title, headers, [[typed_value(cell) for cell in row] for row in rows]) for key, (title, headers, rows) in dict(payload or {}).items()}


def read_workbook(name: str, data: bytes) -> tuple[RawSheets, list[Issue]]:
    """({canonical sheet: (sheet name as written, headers, rows)}, issues about unknown sheets)."""
    from openpyxl import load_workbook

    try:
        sniff_container(name, data)
        check_workbook_parts(name, data)
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except IngestError as exc:
        raise GoalsError(exc.issues) from exc
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise GoalsError([error("goals.cannot_open", {"kind": type(exc).__name__}, file=name)]) from exc
    sheets: RawSheets = {}
    issues = []
    for sheet in book.worksheets:
        canonical = sheet_key(sheet.title)
        if canonical is None:
            if " ".join(sheet.title.split()).casefold() not in INSTRUCTION_SHEETS:
                issues.append(error("goals.unknown_sheet", {"sheets": _SHEET_NAMES}, file=name, sheet=sheet.title, value=sheet.title))
            continue
        rows = sheet_rows(sheet, MAX_ROWS)
        headers = [("" if h is None else str(h).strip()) for h in (rows[0] if rows else [])]
        sheets[canonical] = (sheet.title, headers, rows[1:])
    stated = {p.name: p.value for p in book.custom_doc_props.props if p.name in ORIGIN_PROPERTIES.values() and isinstance(p.value, str | int)}
    if stated:  # a workbook Resonanz wrote: the departments it holds and the goal set it came from
        sheets[ORIGIN_KEY] = ("", list(stated), [[str(v)[:200] if isinstance(v, str) else v for v in stated.values()]])
    book.close()
    return sheets, issues


def sheet_rows(sheet: Any, max_rows: int) -> list[list[object]]:
    """A read-only openpyxl sheet's values, at most ``max_rows`` rows, each as wide as the widest real row.

    openpyxl pads every row to the width the sheet declares (``<dimension ref="A1:XFD2000">``: 16,384
    cells a row). The declaration is the file's claim, not its content, so it is dropped: each row then
    ends at its own last cell, and the rows are padded only to the widest of those (the safety check has
    already refused real cells beyond column ZZ).
    """
    sheet.reset_dimensions()
    rows = [list(r) for r in sheet.iter_rows(values_only=True, max_row=max_rows)]
    width = max(map(len, rows), default=0)
    return [row + [None] * (width - len(row)) for row in rows]


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader without aliases, duplicate keys or YAML 1.1 booleans (yes/no/on/off)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.constructor.ConstructorError(None, None, "aliases (*name) are not allowed in a goals file", event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        duplicates = sorted({str(k) for k in keys if keys.count(k) > 1})
        if duplicates:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key(s) {', '.join(duplicates)}", node.start_mark)
        return super().construct_mapping(node, deep)


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def read_yaml(name: str, data: bytes) -> tuple[RawSheets, list[Issue]]:
    """The same structure as the workbook: a mapping of sections, each a list of entries."""
    try:
        document = yaml.load(data.decode("utf-8-sig"), Loader=_StrictLoader)
    except UnicodeDecodeError as exc:
        raise GoalsError([error("goals.not_yaml", file=name)]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise GoalsError([error("goals.yaml_invalid", {"problem": problem}, file=name, row=mark.line + 1 if mark else None)]) from exc
    if not isinstance(document, dict):
        raise GoalsError([error("goals.yaml_not_mapping", file=name)])
    sheets: RawSheets = {}
    issues = []
    for title, rows in document.items():
        canonical = sheet_key(str(title))
        if canonical is None:
            issues.append(error("goals.unknown_section", {"sheets": _SHEET_NAMES}, file=name, sheet=str(title), value=str(title)))
            continue
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            issues.append(error("goals.section_not_list", file=name, sheet=str(title)))
            continue
        headers = list(dict.fromkeys(str(k) for row in rows for k in row))
        sheets[canonical] = (str(title), headers, [[row.get(h) for h in headers] for row in rows])
    return sheets, issues


def parse_numbers(sheets: RawSheets) -> RawSheets:
    """The sheets with every cell of a number column parsed into a ``NumberCell`` (empty cells stay None).

    Typed numbers pass as they are; text goes through the import's parser, one column at a time so
    its marks are inferred together; the German sheet names make the decimal comma the default
    ("1.500" is 1500 there). Unreadable text becomes NaN, and validation names the cell.
    """
    parsed: RawSheets = {}
    for key, (title, headers, rows) in sheets.items():
        rows = [list(row) for row in rows]
        for position, header in enumerate(headers if key in NUMBER_COLUMNS else ()):
            if column_key(key, header) not in NUMBER_COLUMNS.get(key, ()):
                continue
            cells = pd.Series([row[position] if position < len(row) else None for row in rows], dtype=object)
            for index, cell in _number_cells(cells, "," if is_german_sheet(key, title) else ".", header, title).items():
                rows[index][position] = cell
        parsed[key] = (title, headers, rows)
    return parsed


# Marks that can only be read one way: a separator followed by 1-2 or 4+ digits is a decimal mark
# ("3,5", "0.0395"); two or more groups of three are thousands ("1.000.000"). "10,000" is ambiguous.
_COMMA_EVIDENCE = r"^[+-]?\d*,(?:\d{1,2}|\d{4,})\s*%?$|^[+-]?\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?\s*%?$"
_POINT_EVIDENCE = r"^[+-]?\d*\.(?:\d{1,2}|\d{4,})\s*%?$|^[+-]?\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?\s*%?$"


def _column_decimal(text: pd.Series, default: str) -> str:
    """The decimal mark a column's cells show unambiguously, else the sheet language's (``default``)."""
    comma, point = text.str.contains(_COMMA_EVIDENCE, regex=True).any(), text.str.contains(_POINT_EVIDENCE, regex=True).any()
    return default if comma == point else "," if comma else "."


def _number_cells(cells: pd.Series, default: str, column: str, sheet: str) -> dict[int, NumberCell]:
    numbers = cells.map(lambda v: isinstance(v, int | float) and not isinstance(v, bool))
    texts = cells.map(lambda v: isinstance(v, str) and bool(v.strip()))
    out = {int(i): NumberCell(float(v), str(v), typed=True) for i, v in cells[numbers].items()}
    text = cells[texts].astype("string").str.strip()
    if not text.empty:
        decimal = _column_decimal(text, default)
        values, _ = to_number(text, decimal=decimal, column=column, file="", sheet=sheet, row_base=2)  # validation words the problems
        percent = text.str.endswith("%").to_numpy(dtype=bool)
        out |= {int(i): NumberCell(float(v), str(t), bool(p)) for i, v, t, p in zip(text.index, values, text, percent, strict=True)}
    return out
