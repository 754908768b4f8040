"""Checks an untrusted upload before any parser touches it.

Everything here reads bytes with the standard library only and is bounded in time and memory:
size, signature, ZIP members and compression ratios, encryption, macros, DTDs and the real used
cell range of each worksheet (python-calamine aborts the whole process on a sheet that claims a
cell at XFD1048576, so such a file must never reach it).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from model.issues import Issue, UnsafeFileError, error, warning

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ZIP_MEMBERS = 2_000
MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024
MAX_COMPRESSION_RATIO = 150  # real xlsx sheets compress 5-20x; zip bombs compress 1000x and more
MAX_SHEET_ROWS = 1_048_576 - 1  # any cell on the very last Excel row is a range attack, not data
MAX_SHEET_COLUMNS = 702  # ZZ; no platform export comes near it

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
EMPTY_ZIP_SIGNATURE = b"PK\x05\x06"


class Container(StrEnum):
    XLSX = "xlsx"
    XLS = "xls"  # BIFF inside an OLE compound file
    SPREADSHEET_XML = "spreadsheetml"  # Excel 2003 XML, often saved with an .xls name
    ZIP = "zip"  # an archive of exports
    TEXT = "text"  # CSV or TSV


@dataclass(frozen=True)
class Sniffed:
    container: Container


def _fail(file: str, code: str, **params: object) -> UnsafeFileError:
    return UnsafeFileError([error(f"ingest.safety.{code}", params=params, file=file)])


def sniff_container(file: str, data: bytes) -> Container:
    """Decide by content (never by name) what kind of container the bytes are."""
    if not data:
        raise _fail(file, "empty")
    if len(data) > MAX_FILE_BYTES:
        raise _fail(file, "too_large", mb=MAX_FILE_BYTES // 1024 // 1024)
    if data.startswith(OLE_SIGNATURE):
        return _check_ole(file, data)
    if data.startswith(ZIP_SIGNATURE) or data.startswith(EMPTY_ZIP_SIGNATURE):
        return _check_zip(file, data)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        if b"urn:schemas-microsoft-com:office:spreadsheet" in data[:65536]:
            _check_no_dtd(file, data[:65536], "workbook")
            return Container.SPREADSHEET_XML
        raise _fail(file, "markup")
    if b"\x00" in data[:4096] and not _looks_utf16(data):
        raise _fail(file, "binary")
    return Container.TEXT


def _looks_utf16(data: bytes) -> bool:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    sample = data[:4096]
    # UTF-16 text without BOM: every second byte of ASCII text is NUL.
    return len(sample) >= 4 and sample[1::2].count(0) > 0.9 * len(sample[1::2])


def _check_ole(file: str, data: bytes) -> Container:
    # OLE directory entries store stream names in UTF-16LE; these names are fixed by the formats.
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        raise _fail(file, "password")
    if "_VBA_PROJECT".encode("utf-16-le") in data:
        raise _fail(file, "macros")
    if _biff_has_filepass(data):
        raise _fail(file, "password")
    return Container.XLS


def _biff_has_filepass(data: bytes) -> bool:
    # FILEPASS record (0x002F) right after the first BOF of an encrypted BIFF8 stream.
    return re.search(rb"\x09\x08\x10\x00.{16}\x2f\x00", data[:65536], re.DOTALL) is not None


def _check_zip(file: str, data: bytes) -> Container:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _fail(file, "damaged_zip", problem=exc) from exc
    if not members:
        raise _fail(file, "empty_zip")
    if len(members) > MAX_ZIP_MEMBERS:
        raise _fail(file, "zip_members", count=len(members), limit=MAX_ZIP_MEMBERS)
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise _fail(file, "zip_member_encrypted", member=member.filename)
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 1_000_000 and ratio > MAX_COMPRESSION_RATIO:
            raise _fail(file, "zip_bomb", member=member.filename, ratio=f"{ratio:.0f}")
    if total > MAX_UNCOMPRESSED_BYTES:
        raise _fail(file, "zip_total", mb=total // 1024 // 1024, limit=MAX_UNCOMPRESSED_BYTES // 1024 // 1024)
    names = {m.filename for m in members}
    if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
        if any(n.lower().endswith("vbaproject.bin") for n in names):
            raise _fail(file, "macros")
        return Container.XLSX
    return Container.ZIP


# Cell and row references beyond ZZ or row 999999 (literal-led patterns: a fast scan of large sheets).
# XML allows either quote around an attribute (and blanks around "="): ref='A1:XFD2000' in single quotes
# used to pass, and openpyxl then padded every row to 16,384 cells (658 MB for a 5 KB goals workbook).
# Led by the literal "r" rather than by a blank, so the regex engine skips ahead to each "r" instead of trying every
# byte (a 100k-row sheet: 1.1 s -> 0.3 s); the blank before the attribute name is checked per match (``_is_attribute``).
_FAR_CELL = re.compile(rb"""r\s*=\s*["']([A-Z]{3,}\d+)["']""")
_FAR_ROW = re.compile(rb"""r\s*=\s*["']([A-Z]{0,2}\d{7,})["']""")
_DIMENSION = re.compile(rb"""<(?:\w+:)?dimension\b[^>]*?\bref\s*=\s*["'][A-Z]+\d+:([A-Z]+)(\d+)["']""")


def check_workbook_parts(file: str, data: bytes) -> list[Issue]:
    """The deep checks of an .xlsx that ``sniff_container`` accepted: DTDs and the real used range; and, from the same
    scan, a warning per sheet whose formula cells hold no stored result (they are read as empty).

    They decompress every part, so the caller runs them while the isolated reader already works
    (a hostile file can at worst end that child process; these checks then say why).
    """
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(archive.namelist())
    for name in names:
        if not name.endswith((".xml", ".rels", ".vml")):
            continue
        with archive.open(name) as handle:
            head = handle.read(MAX_PROLOG_BYTES)
        _check_no_dtd(file, _prolog(file, head, name), name)
    titles = sheet_titles(archive)  # every part is free of DTDs now: safe to parse
    notes: list[Issue] = []
    for name in names:
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            sheet = titles.get(name, name.rsplit("/", 1)[-1].removesuffix(".xml"))
            with archive.open(name) as handle:
                count, first = _check_used_range(file, part_pieces(handle), sheet)
            if count:
                notes.append(warning("ingest.formulas_without_values", params={"count": count, "cell": first}, file=file, sheet=sheet))
    return notes


MAX_INDEX_BYTES = 1024 * 1024  # workbook.xml and its relations: a few kilobytes in real files


def sheet_titles(archive: zipfile.ZipFile) -> dict[str, str]:
    """{worksheet part ("xl/worksheets/sheet1.xml"): the sheet's title as the user sees it ("Ziele")}; empty when
    the index parts are missing, damaged or oversized (messages then name the part)."""
    from xml.etree import ElementTree

    relation = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    try:
        with archive.open("xl/workbook.xml") as handle:
            book = ElementTree.fromstring(handle.read(MAX_INDEX_BYTES))
        with archive.open("xl/_rels/workbook.xml.rels") as handle:
            relations = ElementTree.fromstring(handle.read(MAX_INDEX_BYTES))
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {r.get("Id"): str(r.get("Target", "")) for r in relations if r.tag.endswith("Relationship")}
    parts = {rid: target.lstrip("/") if target.startswith("/") else f"xl/{target}" for rid, target in targets.items()}
    return {parts[s.get(relation)]: str(s.get("name")) for s in book.iter() if s.tag.endswith("}sheet") and s.get(relation) in parts}


MAX_PROLOG_BYTES = 1024 * 1024  # what comes before a part's root element: a few dozen bytes in real files
_PROLOG_ITEM = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)


def _prolog(file: str, head: bytes, part: str) -> bytes:
    """The part's prolog: the declaration, comments and blanks before the first other markup.

    A DTD stands there, but not necessarily in the first 4 KB: a long comment may come first
    (``<!--xxxx...--><!DOCTYPE ...>`` is well-formed XML). A comment that does not end within
    ``MAX_PROLOG_BYTES`` could hide one beyond: refused like a DTD."""
    position = 0
    while match := _PROLOG_ITEM.match(head, position):
        position = match.end()
    if head.startswith(b"<!--", position) and len(head) >= MAX_PROLOG_BYTES:
        raise _fail(file, "dtd", part=part)
    return head[: position + 4096]


def _check_no_dtd(file: str, head: bytes, part: str) -> None:
    # A DTD can only stand in the prolog, so the start of each part is enough to find it.
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise _fail(file, "dtd", part=part)


SCAN_CHUNK_BYTES = 1024 * 1024
SCAN_OVERLAP_BYTES = 256  # longer than any reference the patterns match, so none is cut in two


def part_pieces(handle: object) -> Iterator[bytes]:
    """A part's bytes in overlapping pieces: the scan holds one megabyte, never the whole sheet (which may
    inflate to hundreds of megabytes within the ZIP limits) in the server's memory."""
    tail = b""
    while chunk := handle.read(SCAN_CHUNK_BYTES):  # type: ignore[attr-defined]
        yield tail + chunk
        tail = chunk[-SCAN_OVERLAP_BYTES:]


def _check_used_range(file: str, pieces: Iterable[bytes], sheet: str) -> tuple[int, str]:
    """Refuse a sheet whose declared range or any cell or row lies beyond ZZ or the last-but-one row; else the number
    of formula cells without a stored result and the first of them (``_count_unvalued``).

    Every piece is searched (a long comment may push the ``<dimension>`` past the first kilobytes)."""
    count, first, seen = 0, "", 0
    for piece in pieces:
        count, first = _count_unvalued(piece, seen, count, first)
        seen = min(len(piece), SCAN_OVERLAP_BYTES)
        dimension = _DIMENSION.search(piece) if b"dimension" in piece else None
        if dimension and (len(dimension.group(1)) > 2 or int(dimension.group(2)) > MAX_SHEET_ROWS):
            raise _huge_range(file, sheet, dimension.group(1).decode() + dimension.group(2).decode())
        # Cells before rows: a far cell names its column too ("XFD1048576", not only its row).
        for found in _FAR_CELL.finditer(piece):
            if _is_attribute(piece, found.start()):
                raise _huge_range(file, sheet, found.group(1).decode())
        for found in _FAR_ROW.finditer(piece):
            reference = found.group(1)
            if _is_attribute(piece, found.start()) and int(reference.lstrip(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ")) > MAX_SHEET_ROWS:
                raise _huge_range(file, sheet, reference.decode())
    return count, first


_FORMULA = re.compile(rb"<f[\s>/]")
_CELL_REF = re.compile(rb"""\br\s*=\s*["']([A-Z]+\d+)["']""")
_STORED_RESULT = re.compile(rb"<v>[^<]")  # a value element with content (openpyxl writes an empty <v></v>)


def _count_unvalued(piece: bytes, seen: int, count: int, first: str) -> tuple[int, str]:
    """Formula cells of a piece that hold no stored result: a file written by a script or saved without recalculation
    keeps only the formula (``<c><f>40+2</f><v></v></c>``), which Excel computes when it opens the file and a reader
    cannot; such cells were read as empty without a word (a new user's ``=40+2`` impressions). ``seen``: the bytes
    at the piece's start that the piece before held (counted there)."""
    if b"<f" not in piece:
        return count, first
    for match in _FORMULA.finditer(piece):
        if match.start() < seen:  # in the overlap: counted with the piece before
            continue
        end = piece.find(b"</c>", match.end())
        if end == -1 or _STORED_RESULT.search(piece, match.end(), end):
            continue
        count += 1
        if not first:
            start = piece.rfind(b"<c", 0, match.start())
            ref = _CELL_REF.search(piece, start, match.start()) if start != -1 else None
            first = ref.group(1).decode() if ref else "?"
    return count, first


def _is_attribute(piece: bytes, start: int) -> bool:
    """The "r" at ``start`` is an attribute's whole name (a blank before it), not the end of another name ("attr=")."""
    return start == 0 or piece[start - 1 : start].isspace()


def _huge_range(file: str, sheet: str, where: str) -> UnsafeFileError:
    return UnsafeFileError(
        [
            error(
                "ingest.safety.huge_range",
                params={"where": where, "columns": MAX_SHEET_COLUMNS},
                file=file,
                sheet=sheet,
                value=where,
            )
        ]
    )
