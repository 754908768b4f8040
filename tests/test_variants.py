"""Metamorphic suite: every real export, re-saved the ways users re-save it, reads to the same rows.

For each file in ../shared/real_exports (ZIP archives: each member) the test derives the variants that
users produce, in memory, and requires the same canonical rows (and so the same totals), platform and
account as the original reads to:

    de_excel      German Excel "CSV (Trennzeichen-getrennt)": ';', decimal comma, TT.MM.JJJJ hh:mm, Windows-1252
    en_excel      English Excel "CSV UTF-8": ',', M/D/YYYY h:mm, BOM
    en_excel_dmy  English Excel with dates shown as 3-Jun-26 (d-mmm-yy)
    to_xlsx       CSV -> XLSX with real number and date cells (openpyxl)
    to_csv        single-sheet XLSX -> CSV as English Excel saves it
    xls_to_xlsx   legacy .xls opened in Excel and saved as .xlsx (real number and date cells)
    bom           BOM added where there is none, removed where there is one
    newlines      CRLF <-> LF
    utf16         UTF-8 -> UTF-16 (with BOM), UTF-16 -> UTF-8
    no_titles     the rows above the header line deleted (title, "sep=" hint)
    footer        a line of text without figures added below the table
    reordered     the table's columns in reverse order
    extra_column  one unknown column added to the table

Variants are generated here and never stored. Files are parsed in this process (the pipeline's
``parse_export``, not the parser process), each original once. Long digit strings (post ids) stay
text in every variant: ids that Excel destroyed are another test's subject (issue 8, class 9).

``python -m tests.test_variants`` prints how many variants of how many files read the same.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import pytest

from ingest.isolation import ParsedFile
from ingest.pipeline import member_name, parse_export
from ingest.safety import sniff_container
from tests.conftest import REAL_EXPORTS, REFERENCE_DATE

pytestmark = pytest.mark.real_exports

Cell = str | int | float | dt.date | dt.datetime | None


@dataclass(frozen=True)
class Source:
    """One export file as a grid of cells, with how its bytes were written."""

    name: str
    data: bytes
    sheets: tuple[tuple[str, tuple[tuple[Cell, ...], ...]], ...]
    workbook: bool
    encoding: str = "utf-8"  # utf-8, utf-16-le
    bom: bool = False
    newline: str = "\n"
    delimiter: str = ","
    sep_line: bool = False
    quote_all: bool = False

    @property
    def rows(self) -> tuple[tuple[Cell, ...], ...]:
        return self.sheets[0][1]

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0]


# ---------------------------------------------------------------- reading the originals (independent of ingest)


def _originals() -> list[tuple[str, bytes]]:
    if not REAL_EXPORTS.is_dir():
        return []
    out = []
    for path in sorted(p for p in REAL_EXPORTS.rglob("*") if p.is_file() and p.name != "SOURCES.tsv"):
        name = str(path.relative_to(REAL_EXPORTS))
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as archive:
                out += [(f"{name}/{member_name(m)}", archive.read(m)) for m in archive.infolist() if not m.is_dir()]
        else:
            out.append((name, path.read_bytes()))
    return out


def _decode(data: bytes) -> tuple[str, str, bool]:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8"), "utf-8", True
    if data.startswith(codecs.BOM_UTF16_LE):
        return data[2:].decode("utf-16-le"), "utf-16-le", True
    if data[1:200:2].count(0) > 0.9 * len(data[1:200:2]):
        return data.decode("utf-16-le"), "utf-16-le", False
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        return data.decode("cp1252"), "cp1252", False


def read_source(name: str, data: bytes) -> Source:
    if data[:4] in (b"PK\x03\x04", bytes.fromhex("d0cf11e0")):
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = tuple(
            (sheet, tuple(tuple(_plain(c) for c in row) for row in book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)))
            for sheet in book.sheet_names
        )
        return Source(name, data, sheets, workbook=True)
    text, encoding, bom = _decode(data)
    newline = "\r\n" if "\r\n" in text[:20000] else "\n"
    first, _, rest = text.partition("\n")
    sep_line = first.strip().strip('"').lower().startswith("sep=")
    delimiter = first.strip().strip('"')[4] if sep_line else ","
    body = rest if sep_line else text
    rows = tuple(tuple(row) for row in csv.reader(io.StringIO(body, newline=""), delimiter=delimiter))
    quote_all = body.lstrip().startswith('"')
    return Source(name, data, (("", rows),), False, encoding, bom, newline, delimiter, sep_line, quote_all)


def _plain(value: object) -> Cell:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value  # type: ignore[return-value]


# ---------------------------------------------------------------- what Excel makes of a cell

_LONG_DIGITS = re.compile(r"\d{12,}")
_INTEGER = re.compile(r"-?(?:0|[1-9]\d{0,11})")
_DECIMAL = re.compile(r"-?\d{1,12}\.\d+")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
_US = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AP]M))?)?")


def typed(cell: Cell) -> Cell:
    """A text cell as Excel types it on opening: numbers, dates (the exports' slashes are M/D/Y), else text."""
    if not isinstance(cell, str):
        return cell
    value = cell.strip()
    if _LONG_DIGITS.fullmatch(value):
        return cell  # an id: the user formatted the column as text
    if _INTEGER.fullmatch(value):
        return int(value)
    if _DECIMAL.fullmatch(value):
        number = float(value)
        return int(number) if number.is_integer() else number
    if found := _ISO.fullmatch(value):
        year, month, day, hour, minute, second = found.groups()
        return _moment(int(year), int(month), int(day), hour, minute, second, None)
    if found := _US.fullmatch(value):
        month, day, year, hour, minute, second, half = found.groups()
        return _moment(int(year), int(month), int(day), hour, minute, second, half)
    return cell


def _moment(year: int, month: int, day: int, hour: str | None, minute: str | None, second: str | None, half: str | None) -> dt.date | dt.datetime:
    if hour is None:
        return dt.date(year, month, day)
    h = int(hour) % 12 + (12 if half == "PM" else 0) if half else int(hour)
    return dt.datetime(year, month, day, h, int(minute or 0), int(second or 0))


def german(cell: Cell) -> str:
    cell = typed(cell)
    if isinstance(cell, dt.datetime):
        return cell.strftime("%d.%m.%Y %H:%M" + (":%S" if cell.second else ""))
    if isinstance(cell, dt.date):
        return cell.strftime("%d.%m.%Y")
    if isinstance(cell, float):
        return format(cell, ".15g").replace(".", ",")
    return "" if cell is None else str(cell)


def english(cell: Cell, *, dmy: bool = False) -> str:
    cell = typed(cell)
    if isinstance(cell, dt.datetime):
        return f"{cell.month}/{cell.day}/{cell.year} {cell.hour}:{cell.minute:02d}" + (f":{cell.second:02d}" if cell.second else "")
    if isinstance(cell, dt.date):
        return f"{cell.day}-{cell:%b}-{cell:%y}" if dmy else f"{cell.month}/{cell.day}/{cell.year}"
    if isinstance(cell, float):
        return format(cell, ".15g")
    return "" if cell is None else str(cell)


# ---------------------------------------------------------------- writing variants


def write_csv(
    rows: tuple[tuple[Cell, ...], ...] | list[list[str]],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    bom: bool = False,
    newline: str = "\r\n",
    quote_all: bool = False,
    sep_line: bool = False,
    pad: bool = False,
) -> bytes:
    width = max((len(r) for r in rows), default=0)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    if sep_line:
        buffer.write(f"sep={delimiter}{newline}")
    for row in rows:
        cells = ["" if c is None else str(c) for c in row]
        writer.writerow(cells + [""] * (width - len(cells)) if pad else cells)
    text = buffer.getvalue()
    prefix = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE}.get(encoding, b"") if bom else b""
    return prefix + text.encode(encoding, errors="replace")


def write_xlsx(sheets: list[tuple[str, list[list[Cell]]]], *, from_text: bool = False) -> bytes:
    """A workbook as Excel saves it; text from a CSV is typed as Excel types it on opening."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(re.sub(r"[\[\]:*?/\\]", "_", title)[:31] or "Sheet1")
        for row in rows:
            sheet.append([typed(c) if from_text else c for c in row])
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, dt.datetime):
                    cell.number_format = "m/d/yyyy h:mm:ss"
                elif isinstance(cell.value, dt.date):
                    cell.number_format = "m/d/yyyy"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _text_rows(rows: tuple[tuple[Cell, ...], ...], render: Callable[[Cell], str]) -> list[list[str]]:
    return [[render(c) for c in row] for row in rows]


def _as_source_csv(source: Source, rows: list[list[Cell]] | tuple[tuple[Cell, ...], ...]) -> bytes:
    """Rows written back the way the original file was written."""
    return write_csv(
        rows,  # type: ignore[arg-type]
        delimiter=source.delimiter,
        encoding=source.encoding,
        bom=source.bom,
        newline=source.newline,
        quote_all=source.quote_all,
        sep_line=source.sep_line,
    )


# ---------------------------------------------------------------- table shape: title rows, header, body


def _filled(row: tuple[Cell, ...] | list[Cell]) -> int:
    return sum(1 for c in row if c not in (None, ""))


def header_index(rows: tuple[tuple[Cell, ...], ...]) -> int:
    """The first row among the first ten with the most filled cells: the header line."""
    widths = [_filled(r) for r in rows[:10]]
    return widths.index(max(widths)) if widths else 0


def is_plain_table(rows: tuple[tuple[Cell, ...], ...]) -> bool:
    """One header of contiguous names, and a body without blank lines or cells right of the header."""
    if not rows:
        return False
    top = header_index(rows)
    header = list(rows[top])
    while header and header[-1] in (None, ""):
        header.pop()
    if len(header) < 2 or any(c in (None, "") for c in header):
        return False
    body = list(rows[top + 1 :])
    while body and _filled(body[-1]) == 0:
        body.pop()
    return bool(body) and all(_filled(r) > 0 and _filled(r[len(header) :]) == 0 for r in body)


def _table(rows: tuple[tuple[Cell, ...], ...]) -> tuple[list[list[Cell]], list[list[Cell]], int]:
    top = header_index(rows)
    width = _filled(rows[top])
    table = [list(r[:width]) + [""] * (width - len(r[:width])) for r in rows[top:] if _filled(r)]
    return [list(r) for r in rows[:top]], table, width


def reordered(rows: tuple[tuple[Cell, ...], ...]) -> list[list[Cell]]:
    titles, table, _ = _table(rows)
    return titles + [row[::-1] for row in table]


def with_extra_column(rows: tuple[tuple[Cell, ...], ...]) -> list[list[Cell]]:
    titles, table, _ = _table(rows)
    return titles + [table[0] + ["Internal note"]] + [row + ["checked"] for row in table[1:]]


def with_footer(rows: tuple[tuple[Cell, ...], ...]) -> list[list[Cell]]:
    return [list(r) for r in rows] + [["Source: the platform's analytics page, exported by the social media team"]]


def without_titles(rows: tuple[tuple[Cell, ...], ...]) -> list[list[Cell]]:
    return [list(r) for r in rows[header_index(rows) :]]


# ---------------------------------------------------------------- the variants of one file

Variant = tuple[str, bytes, bool]  # file name, bytes, text may lose characters (Windows-1252)


def _each_sheet(source: Source, change: Callable[[tuple[tuple[Cell, ...], ...]], list[list[Cell]]]) -> list[tuple[str, list[list[Cell]]]]:
    """The change applied to every sheet that is one plain table (a footer: to every sheet with rows)."""
    applies = (lambda rows: bool(rows)) if change is with_footer else is_plain_table
    return [(title, change(rows) if applies(rows) else [list(r) for r in rows]) for title, rows in source.sheets]


def variants(source: Source) -> dict[str, Callable[[], Variant]]:
    """Name -> builder of every variant that applies to the file."""
    out: dict[str, Callable[[], Variant]] = {}
    rows = source.rows
    plain = [title for title, sheet_rows in source.sheets if is_plain_table(sheet_rows)]
    titled = header_index(rows) > 0 or source.sep_line
    if not source.workbook:
        csv_name = source.stem + ".csv"
        out["de_excel"] = lambda: (csv_name, write_csv(_text_rows(rows, german), delimiter=";", encoding="cp1252", pad=True), True)
        out["en_excel"] = lambda: (csv_name, write_csv(_text_rows(rows, english), bom=True, pad=True), False)
        if any(isinstance(typed(c), dt.date) and not isinstance(typed(c), dt.datetime) for r in rows[:50] for c in r):
            out["en_excel_dmy"] = lambda: (csv_name, write_csv(_text_rows(rows, functools.partial(english, dmy=True)), bom=True, pad=True), False)
        out["to_xlsx"] = lambda: (source.stem + ".xlsx", write_xlsx([(Path(source.stem).name, [list(r) for r in rows])], from_text=True), False)
        out["bom"] = lambda: (source.name, _as_source_csv(replace(source, bom=not source.bom), rows), False)
        out["newlines"] = lambda: (source.name, _as_source_csv(replace(source, newline="\n" if source.newline == "\r\n" else "\r\n"), rows), False)
        out["utf16"] = lambda: (
            source.name,
            _as_source_csv(replace(source, encoding="utf-8" if source.encoding == "utf-16-le" else "utf-16-le", bom=True), rows),
            False,
        )
        if titled and plain:
            out["no_titles"] = lambda: (source.name, _as_source_csv(replace(source, sep_line=False), without_titles(rows)), False)
        out["footer"] = lambda: (source.name, _as_source_csv(source, with_footer(rows)), False)
        if plain:
            out["reordered"] = lambda: (source.name, _as_source_csv(source, reordered(rows)), False)
            out["extra_column"] = lambda: (source.name, _as_source_csv(source, with_extra_column(rows)), False)
        return out
    xlsx_name = source.stem + ".xlsx"
    if source.data[:4] != b"PK\x03\x04":
        out["xls_to_xlsx"] = lambda: (xlsx_name, write_xlsx([(t, [list(r) for r in s]) for t, s in source.sheets]), False)
    if len(source.sheets) == 1:
        out["to_csv"] = lambda: (source.stem + ".csv", write_csv(_text_rows(rows, english), bom=True, pad=True), False)
    if any(header_index(s) > 0 and is_plain_table(s) for _, s in source.sheets):
        out["no_titles"] = lambda: (xlsx_name, write_xlsx(_each_sheet(source, without_titles)), False)
    out["footer"] = lambda: (xlsx_name, write_xlsx(_each_sheet(source, with_footer)), False)
    if plain:
        out["reordered"] = lambda: (xlsx_name, write_xlsx(_each_sheet(source, reordered)), False)
        out["extra_column"] = lambda: (xlsx_name, write_xlsx(_each_sheet(source, with_extra_column)), False)
    return out


# ---------------------------------------------------------------- parsing and comparing


@functools.cache
def _sources() -> dict[str, Source]:
    return {name: read_source(name, data) for name, data in _originals()}


@functools.cache
def parsed_original(name: str) -> ParsedFile:
    return _parse(name, _sources()[name].data)


def _parse(name: str, data: bytes) -> ParsedFile:
    return parse_export(name, data, sniff_container(name, data), REFERENCE_DATE)


def _cp1252(frame: pd.DataFrame) -> pd.DataFrame:
    """What survives a Windows-1252 save: characters outside it become '?'."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_string_dtype(out[column]) and not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = (
                out[column].map(lambda v: v.encode("cp1252", errors="replace").decode("cp1252") if isinstance(v, str) else v).astype(out[column].dtype)
            )
    return out


def same_reading(original: ParsedFile, variant: ParsedFile, *, lossy_text: bool) -> None:
    errors = [str(i) for i in variant.issues if i.level == "error"]
    assert variant.status == original.status, errors
    assert (variant.platform, variant.account, variant.platform_candidates) == (original.platform, original.account, original.platform_candidates)
    assert variant.frames.keys() == original.frames.keys()
    for grain, frame in original.frames.items():
        expected = frame.drop(columns=["source_row"]).reset_index(drop=True)
        got = variant.frames[grain].drop(columns=["source_row"]).reset_index(drop=True)
        if lossy_text:
            expected, got = _cp1252(expected), _cp1252(got)
        pd.testing.assert_frame_equal(got, expected, check_exact=False, rtol=1e-9)


CASES = [(name, kind) for name, source in _sources().items() for kind in variants(source)]


def test_every_real_export_has_variants(real_exports: Path) -> None:
    files = {name for name, _ in CASES}
    assert files == set(_sources()) and len(files) >= 80


@pytest.mark.parametrize(("name", "kind"), CASES, ids=[f"{kind}:{name}" for name, kind in CASES])
def test_variant_reads_like_the_original(name: str, kind: str) -> None:
    original = parsed_original(name)
    # The original must be read (or recognised and deliberately not stored, like LinkedIn's competitor export).
    assert original.status == "parsed" or (original.status == "unsupported" and original.report), [str(i) for i in original.issues]
    variant_name, data, lossy = variants(_sources()[name])[kind]()
    variant = _parse(variant_name, data)
    if kind == "no_titles":
        variant = _platform_chosen(original, variant)
    same_reading(original, variant, lossy_text=lossy)


def _platform_chosen(original: ParsedFile, variant: ParsedFile) -> ParsedFile:
    """A deleted title line ("Facebook reach") may have been the file's only word on its platform.

    The bare file then asks which platform it is (its siblings in the upload, or the user's choice,
    answer); that choice is made here as the batch would make it, and the rows must then be the same.
    """
    if original.platform is None or variant.platform is not None or original.platform not in variant.platform_candidates:
        return variant
    frames = {
        grain: frame.assign(platform=pd.Series(str(original.platform), index=frame.index, dtype=frame["platform"].dtype))
        for grain, frame in variant.frames.items()
    }
    return ParsedFile(variant.status, frames, variant.issues, variant.report, original.platform, variant.account, original.platform_candidates)


def tally() -> tuple[int, int, int, int, dict[str, list[str]]]:
    """(variants that read the same, variants, files all of whose variants pass, files), failures by kind."""
    passed_by_file: dict[str, bool] = {}
    failures: dict[str, list[str]] = {}
    passed = 0
    for name, kind in CASES:
        try:
            test_variant_reads_like_the_original(name, kind)
        except AssertionError as exc:
            failures.setdefault(kind, []).append(f"{name}: {str(exc).splitlines()[0][:160] if str(exc) else 'assertion'}")
            passed_by_file[name] = False
        else:
            passed += 1
            passed_by_file.setdefault(name, True)
    return passed, len(CASES), sum(passed_by_file.values()), len(passed_by_file), failures


if __name__ == "__main__":
    ok, total, files_ok, files, failed = tally()
    print(f"{ok} of {total} variants of {files} files read like their originals; all variants pass for {files_ok} files")
    for kind, names in sorted(failed.items()):
        print(f"\n{kind}: {len(names)} failing")
        for line in names:
            print("   ", line)
