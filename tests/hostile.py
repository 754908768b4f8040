"""Builders of hostile and broken uploads, made in memory so no attack file is committed."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
from msoffcrypto.format.ooxml import OOXMLFile

TIKTOK_HEADER = '"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'


def workbook_bytes(rows: list[list[object]], title: str = "Overview") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def tiktok_workbook() -> bytes:
    return workbook_bytes([["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"], ["April 12", "1591", "7", "10", "1", "0"]])


def huge_range_workbook() -> bytes:
    """A 5 KB workbook with one cell at XFD1048576 (python-calamine aborts the process on it)."""
    book = openpyxl.Workbook()
    book.active["A1"] = "Date"
    book.active["XFD1048576"] = "x"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewrite_zip(data: bytes, change: dict[str, bytes | None]) -> bytes:
    """Copy an xlsx/zip, replacing (bytes), adding or deleting (None) members."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename in change:
                continue
            target.writestr(item, source.read(item))
        for name, content in change.items():
            if content is not None:
                target.writestr(name, content)
    return out.getvalue()


def macro_workbook() -> bytes:
    return rewrite_zip(tiktok_workbook(), {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 fake VBA project"})


def entity_workbook() -> bytes:
    data = tiktok_workbook()
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    declaration = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    sheet = b'<?xml version="1.0" encoding="UTF-8"?>' + declaration + sheet.split(b"?>", 1)[-1]
    return rewrite_zip(data, {"xl/worksheets/sheet1.xml": sheet})


def encrypted_workbook() -> bytes:
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(tiktok_workbook())).encrypt("geheim", out)
    return out.getvalue()


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Overview.csv", TIKTOK_HEADER.encode() + b"0" * 200_000_000)
    return out.getvalue()


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def declared_range_workbook(ref: str, quote: str) -> bytes:
    """A small workbook whose sheet declares ``<dimension ref=...>`` with the given quote character
    (openpyxl pads every row of a read-only sheet to the declared width: XFD is 16,384 cells a row)."""
    book = openpyxl.Workbook()
    book.active.title = "Ziele"
    book.active.append(["objective_id", "objective"])
    book.active.append(["O1", "Reichweite"])
    buffer = io.BytesIO()
    book.save(buffer)
    sheet = zipfile.ZipFile(io.BytesIO(buffer.getvalue())).read("xl/worksheets/sheet1.xml")
    declared = re.sub(rb'<dimension ref="[^"]*"\s*/>', f"<dimension ref={quote}{ref}{quote}/>".encode(), sheet)
    assert declared != sheet
    return rewrite_zip(buffer.getvalue(), {"xl/worksheets/sheet1.xml": declared})


def _laugh_entity(level: int) -> bytes:
    inner = "lol" if level == 0 else f"&lol{level - 1};" * 10
    return f'<!ENTITY lol{level} "{inner}">'.encode()


# &lol9; expands to 10^9 "lol"s (3 GB) from a few hundred bytes of DTD.
BILLION_LAUGHS = b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE lolz [' + b"".join(_laugh_entity(n) for n in range(10)) + b"]>"


def billion_laughs(root: bytes, padding: int = 0) -> bytes:
    """An XML part whose DTD expands ``&lol9;`` to 10^9 "lol"s; ``padding`` bytes of comment before the DTD
    (legal in the prolog) push it past where a check that reads only the part's start would look."""
    head, dtd = BILLION_LAUGHS.split(b"?>", 1)
    comment = b"<!--" + b"x" * padding + b"-->" if padding else b""
    return head + b"?>" + comment + dtd + root.replace(b"LAUGH", b"&lol9;")


def laughs_workbook(base: bytes, padding: int = 0) -> bytes:
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>LAUGH</t></is></c></row></sheetData></worksheet>'
    )
    return rewrite_zip(base, {"xl/worksheets/sheet1.xml": billion_laughs(sheet, padding)})


def bomb_member(base: bytes, name: str, inflated: int = 64 * 1024 * 1024) -> bytes:
    """``base`` with one more member of ``inflated`` zero bytes (a few dozen kilobytes once compressed)."""
    return rewrite_zip(base, {name: bytes(inflated)})


def pptx_template() -> bytes:
    from pptx import Presentation

    buffer = io.BytesIO()
    Presentation().save(buffer)
    return buffer.getvalue()


def laughs_template(padding: int = 0) -> bytes:
    base = pptx_template()
    layout = zipfile.ZipFile(io.BytesIO(base)).read("ppt/slideLayouts/slideLayout1.xml")
    root = layout.split(b"?>", 1)[-1].replace(b'name="Title Slide"', b'name="LAUGH"', 1)
    assert b"LAUGH" in root
    return rewrite_zip(base, {"ppt/slideLayouts/slideLayout1.xml": billion_laughs(root.strip(), padding)})
