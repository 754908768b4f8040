"""Bytes to raw tables: decode text, find the separator, read workbooks.

A ``RawTable`` holds every cell of one CSV file or one worksheet, untyped and without a header;
adapters find their header row and convert the columns they know. Workbooks are read by
python-calamine in an isolated child process (see ``ingest.isolation``).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

import pandas as pd

from ingest.safety import Container
from model.issues import IngestError, Issue, error, info, warning

T = TypeVar("T", str, bytes)


@dataclass(frozen=True)
class RawTable:
    """All cells of one CSV file or worksheet; column labels are positions 0..n-1."""

    file: str
    sheet: str | None
    cells: pd.DataFrame
    delimiter: str | None = None  # for text files: the separator found
    notes: tuple[Issue, ...] = field(default_factory=tuple)
    row_offset: int = 0  # lines removed before the cells (the "sep=," line), for row numbers

    @cached_property
    def head(self) -> list[list[str]]:
        """The first rows as stripped strings, for detection (computed once; every adapter looks)."""
        top = self.cells.head(40)
        return [[_cell_text(v) for v in row] for row in top.itertuples(index=False, name=None)]


def _cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


# ---------------------------------------------------------------- text files


def decode_text(file: str, data: bytes) -> tuple[str, list[Issue]]:
    """Decode an export's bytes: BOMs, UTF-16 with or without BOM, UTF-8, else Windows-1252."""
    text, notes, _ = _decode(file, data)
    return text, notes


def _decode(file: str, data: bytes) -> tuple[str, list[Issue], bytes | None]:
    """``decode_text`` and, where the text is UTF-8, its bytes without the BOM (they need no encoding again)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            body = data[len(bom) :]
            return _decode_strict(file, body, encoding), [], body if encoding == "utf-8" else None
    sample = data[:4096]
    if len(sample) >= 4 and sample[1::2].count(0) > 0.9 * len(sample[1::2]):
        return _decode_strict(file, data, "utf-16-le"), [], None
    if len(sample) >= 4 and sample[0::2].count(0) > 0.9 * len(sample[0::2]):
        return _decode_strict(file, data, "utf-16-be"), [], None
    try:
        return data.decode("utf-8"), [], data
    except UnicodeDecodeError:
        # German Excel saves "CSV (Trennzeichen-getrennt)" in Windows-1252.
        note = info("ingest.read.cp1252", file=file)
        return data.decode("cp1252", errors="replace"), [note], None


def _decode_strict(file: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(
            [
                error(
                    "ingest.read.bad_encoding",
                    params={"encoding": encoding.upper(), "position": exc.start},
                    file=file,
                )
            ]
        ) from exc


DELIMITERS = (",", ";", "\t", "|")
HEAD_CHARACTERS = 4 * 1024 * 1024  # the first lines, for the separator and the width: far more than 60 lines of any export


def sniff_delimiter(lines: list[str]) -> str:
    """The separator that splits the first lines into the most consistent rows of several cells."""
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter) if row]
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        modal = max(set(wide), key=wide.count)
        # Cells explained by the modal width: text cells with line breaks make few but wide records
        # (a German Excel re-save of Meta posts with ";"), while their commas make many narrow ones.
        score = (wide.count(modal) * modal, modal)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_text_table(file: str, data: bytes) -> RawTable:
    text, notes, utf8 = _decode(file, data)
    if "\x00" in text:  # no text column of PostgreSQL can hold it, and no export means it: both stores keep the same text
        notes.append(warning("ingest.read.nul_characters", params={"count": text.count("\x00")}, file=file))
        text, utf8 = text.replace("\x00", ""), None
    # Every line end reads as "\n" ("\r\n" and a lone "\r" too, in cells as well). Arrow's reader takes all three
    # as line ends and UTF-8 bytes as they came, so a UTF-8 file's text is only tidied where Python reads it (the
    # head, the pandas path) and in the cells Arrow read: copying and encoding 200 MB of text cost 0.8 s.
    carriage = "\r" in text
    if carriage and utf8 is None:
        text, carriage = _unix_newlines(text), False
    delimiter: str | None = None
    row_offset = 0
    head = _unix_newlines(text[:HEAD_CHARACTERS]) if carriage else text[:HEAD_CHARACTERS]
    first_line = head[: head.find("\n")] if "\n" in head else head
    if first_line.strip().strip('"').lower().startswith("sep=") and len(first_line.strip().strip('"')) == 5:
        delimiter = first_line.strip().strip('"')[4]  # Excel's "sep=," hint line (Meta's UTF-16 files)
        text, head = _after_first_line(text), head[len(first_line) + 1 :]
        utf8 = _after_first_line(utf8) if utf8 is not None else None
        row_offset = 1
    if not text or text.isspace():
        raise IngestError([error("ingest.read.no_rows", file=file)])
    head_lines = list(itertools.islice(io.StringIO(head), 60))
    delimiter = delimiter or sniff_delimiter(head_lines)
    widths = [len(r) for r in csv.reader(head_lines, delimiter=delimiter)]
    width = max(widths, default=1)
    cells = None
    if widths and widths[0] == width:
        cells = _read_rectangular(utf8 if utf8 is not None else text.encode("utf-8"), delimiter, width, carriage)
    if cells is not None:
        return RawTable(file=file, sheet=None, cells=cells, delimiter=delimiter, notes=tuple(notes), row_offset=row_offset)
    if carriage:
        text = _unix_newlines(text)
    try:
        cells = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            names=range(width),
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
        )
    except (pd.errors.ParserError, ValueError):
        # A row wider than the first lines: read it all with the csv module and pad.
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        width = max(len(r) for r in rows)
        cells = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype="object")
    # The separator is only a hint for the decimal mark; each number column reads its own (parsing.to_number).
    return RawTable(file=file, sheet=None, cells=cells, delimiter=delimiter, notes=tuple(notes), row_offset=row_offset)


def _unix_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _after_first_line(text: T) -> T:
    """What follows the first line end ("\r\n", "\n" or "\r"); nothing without one."""
    newline, carriage = ("\n", "\r") if isinstance(text, str) else (b"\n", b"\r")
    ends = [i for i in (text.find(newline), text.find(carriage)) if i >= 0]  # type: ignore[arg-type]
    if not ends:
        return text[:0]
    end = min(ends)
    return text[end + (2 if text[end : end + 2] == carriage + newline else 1) :]  # type: ignore[operator]


def _read_rectangular(data: bytes, delimiter: str, width: int, carriage: bool = False) -> pd.DataFrame | None:
    """The cells of a file (UTF-8 bytes) whose every line is as wide as its first, read by pyarrow's C++ reader (a
    100k-row export: 0.2 s instead of pandas' 1.1 s, and a fraction of the memory); the same frame pandas reads.
    ``carriage``: the bytes may hold "\r", which becomes "\n" in the cells, as the pandas path reads it.

    None where any line differs (title rows, blank lines, a ragged row): pandas reads those, padding short lines.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    from pyarrow import csv as arrow_csv

    names = [str(i) for i in range(width)]
    try:
        table = arrow_csv.read_csv(
            io.BytesIO(data),
            read_options=arrow_csv.ReadOptions(column_names=names, block_size=16 * 1024 * 1024),
            parse_options=arrow_csv.ParseOptions(delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False),
            convert_options=arrow_csv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False, quoted_strings_can_be_null=False
            ),
        )
    except pa.ArrowInvalid:
        return None
    if carriage:
        columns = [pc.replace_substring_regex(c, "\r\n?", "\n") if pc.any(pc.match_substring(c, "\r")).as_py() else c for c in table.columns]
        table = pa.table(columns, names=names)
    cells = table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow", na_value=float("nan"))}.get)
    cells.columns = pd.RangeIndex(width)
    return cells


# ---------------------------------------------------------------- workbooks


def read_calamine_cells(data: bytes) -> list[tuple[str, list[list[object]]]]:
    """Every sheet's cells from A1 on, row by row (xlsx, xls, xlsb, ods)."""
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return [(name, workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)) for name in workbook.sheet_names]


# Characters XML 1.0 forbids, raw or as references: C0 controls but tab, line feed, carriage return.
# Old Facebook Insights exports carry them where a post's text had them (a pasted vertical tab).
_INVALID_XML_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]|&#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F])|0*(?:[0-8]|1[1-24-9]|2[0-9]|3[01]));")


def without_invalid_xml_characters(data: bytes) -> tuple[bytes, int]:
    """The XML without the characters XML forbids, and how many were dropped.

    Byte-wise: in UTF-8 and the single-byte encodings these bytes are never part of another character.
    (The container check finds SpreadsheetML by its namespace in 8-bit text, so UTF-16 never comes here.)
    """
    return _INVALID_XML_BYTES.subn(b"", data)


_INVALID_XML_BYTES = re.compile(_INVALID_XML_TEXT.pattern.encode("ascii"))


def read_spreadsheetml_cells(data: bytes) -> list[tuple[str, list[list[object]]]]:
    """Excel 2003 XML ("SpreadsheetML"), which old Facebook Insights saved with an .xls name.

    Number cells become floats and DateTime cells (``2015-02-19T23:45:22.000``) datetimes, as a binary
    workbook's cells do; everything else stays text.
    """
    from defusedxml import ElementTree

    ns = {"ss": "urn:schemas-microsoft-com:office:spreadsheet"}
    index_attr = "{urn:schemas-microsoft-com:office:spreadsheet}Index"
    type_attr = "{urn:schemas-microsoft-com:office:spreadsheet}Type"
    name_attr = "{urn:schemas-microsoft-com:office:spreadsheet}Name"
    root = ElementTree.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    sheets: list[tuple[str, list[list[object]]]] = []
    for worksheet in root.findall("ss:Worksheet", ns):
        rows: list[list[object]] = []
        for row in worksheet.findall("ss:Table/ss:Row", ns):
            if row.get(index_attr):
                rows.extend([] for _ in range(int(row.get(index_attr)) - 1 - len(rows)))
            cells: list[object] = []
            for cell in row.findall("ss:Cell", ns):
                if cell.get(index_attr):
                    cells.extend("" for _ in range(int(cell.get(index_attr)) - 1 - len(cells)))
                datum = cell.find("ss:Data", ns)
                text = "" if datum is None else "".join(datum.itertext())
                cells.append(_typed(text, datum.get(type_attr) if datum is not None else None))
            rows.append(cells)
        sheets.append((worksheet.get(name_attr) or f"Sheet{len(sheets) + 1}", rows))
    return sheets


def _typed(text: str, kind: str | None) -> object:
    if not text or kind not in ("Number", "DateTime"):
        return text
    try:
        return float(text) if kind == "Number" else dt.datetime.fromisoformat(text)
    except ValueError:
        return text  # left to the column's converter, which names the cell


def read_workbook_tables(file: str, data: bytes, container: Container) -> list[RawTable]:
    """All sheets of a workbook. Call it only inside the parser process (``ingest.worker``)."""
    notes: tuple[Issue, ...] = ()
    if container is Container.SPREADSHEET_XML:
        data, dropped = without_invalid_xml_characters(data)
        if dropped:
            notes = (warning("ingest.xml_invalid_characters", params={"count": dropped}, file=file),)
    try:
        sheets = read_spreadsheetml_cells(data) if container is Container.SPREADSHEET_XML else read_calamine_cells(data)
    except Exception as exc:  # the readers raise many types for damaged files; all mean the same to the user
        detail = f"{type(exc).__name__}: {str(exc)[:200]}"
        raise IngestError([error("ingest.workbook_unreadable", params={"detail": detail}, file=file)]) from exc
    # The note rides on the first sheet, so it is said once (Facebook's first sheet is the one read).
    return [RawTable(file=file, sheet=name, cells=_cells(rows), notes=notes if i == 0 else ()) for i, (name, rows) in enumerate(sheets)]


def _cells(rows: list[list[object]]) -> pd.DataFrame:
    width = max(map(len, rows), default=0)
    if any(len(r) != width for r in rows):  # SpreadsheetML rows end at their last cell
        rows = [r + [""] * (width - len(r)) for r in rows]
    return pd.DataFrame(rows, dtype=object) if width else pd.DataFrame(dtype=object)
