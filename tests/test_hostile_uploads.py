"""Hostile and broken uploads: never crash, never hang, store nothing, say what is wrong and where."""

from __future__ import annotations

import random
import time

import pytest
from sqlalchemy import func, select

from ingest.isolation import ParserProcess
from model.issues import IngestError
from model.results import Status
from storage.imports import store_results
from storage.schema import daily, imports
from tests import hostile
from tests.conftest import REFERENCE_DATE, read_files, read_one

TIKTOK_HEADER_LINE = hostile.TIKTOK_HEADER
TIKTOK = hostile.TIKTOK_HEADER + '"April 12","1591","7","10","1","0"\n"April 13","1154","1","5","0","0"\n'


def errors(result) -> list[str]:
    return [i.message for i in result.issues if i.level == "error"]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("empty.csv", b"", "empty"),
        ("truncated.xlsx", hostile.tiktok_workbook()[:700], "damaged or truncated"),
        ("random.xlsx", b"\x07\x00" + random.Random(7).randbytes(4000), "binary data"),
        ("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "binary data"),
        ("password.xlsx", hostile.encrypted_workbook(), "password-protected"),
        ("macros.xlsm", hostile.macro_workbook(), "macros"),
        ("bomb.zip", hostile.zip_bomb(), "ZIP bomb"),
        ("entities.xlsx", hostile.entity_workbook(), "DTD"),
        ("huge-range.xlsx", hostile.huge_range_workbook(), "XFD1048576"),
        ("page.html", b"<html><body>Not an export</body></html>", "not a platform export"),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 40 else "",
)
def test_hostile_file_is_refused_with_a_reason_and_nothing_is_stored(name, data, expected, sqlite_engine) -> None:
    started = time.perf_counter()
    result = read_one(name, data)
    store_results(sqlite_engine, [result])
    assert time.perf_counter() - started < 20
    assert result.status is Status.ERROR
    assert any(expected in message for message in errors(result)), result.issues
    assert all(i.file == name for i in result.issues if i.level == "error")
    with sqlite_engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(imports)).scalar() == 0


def test_the_huge_range_check_names_the_sheet_and_cell() -> None:
    [issue] = [i for i in read_one("huge.xlsx", hostile.huge_range_workbook()).issues if i.level == "error"]
    assert (issue.sheet, issue.value) == ("Sheet", "XFD1048576")  # the tab's title, not the part's name


@pytest.mark.parametrize(
    ("xml", "far"),
    [
        (b'<row r="2"><c r="XFD2"/></row>', "XFD2"),
        (b"<row r = '7'><c\tr = 'AAA7'/></row>", "AAA7"),
        (b'<row r="1048576"><c r="A1048576"/></row>', "1048576"),
        (b'<row r="1048575"><c r="A1048575"/></row>', None),  # the last row but one is still data
        (b'<row r="3"><c r="ZZ3"/><x attr="ABCD12" nr="A12345678"/></row>', None),  # other attributes ending in r
    ],
)
def test_the_used_range_scan_finds_far_cells_and_rows_by_their_r_attribute(xml: bytes, far: str | None) -> None:
    from ingest.safety import _check_used_range
    from model.issues import UnsafeFileError

    if far is None:
        _check_used_range("x.xlsx", [xml], "Sheet")
        return
    with pytest.raises(UnsafeFileError) as raised:
        _check_used_range("x.xlsx", [xml], "Sheet")
    assert raised.value.issues[0].value == far


@pytest.mark.parametrize("index", ["xl/workbook.xml", "xl/_rels/workbook.xml.rels"])
def test_without_a_readable_sheet_index_the_huge_range_check_names_the_part(index: str) -> None:
    from ingest.safety import check_workbook_parts
    from model.issues import UnsafeFileError

    for broken in (None, b"<workbook"):
        with pytest.raises(UnsafeFileError) as raised:
            check_workbook_parts("huge.xlsx", hostile.rewrite_zip(hostile.huge_range_workbook(), {index: broken}))
        assert (raised.value.issues[0].sheet, raised.value.issues[0].value) == ("sheet1", "XFD1048576")


def test_a_reader_crash_stays_in_its_child_process_and_the_next_file_still_reads() -> None:
    # Bypass the range check: the parser process itself must contain what calamine does with it.
    with ParserProcess() as parser:
        with pytest.raises(IngestError) as raised:
            parser.parse("huge.xlsx", hostile.huge_range_workbook(), "xlsx", REFERENCE_DATE, timeout=60)
        assert raised.value.issues[0].file == "huge.xlsx"
        assert "crashed" in raised.value.issues[0].message
        parsed = parser.parse("Overview.xlsx", hostile.tiktok_workbook(), "xlsx", REFERENCE_DATE)
        assert (parsed.status, parsed.report) == ("parsed", "tiktok_overview")


def test_a_parse_that_hangs_is_stopped_and_reported() -> None:
    big = (hostile.TIKTOK_HEADER + '"April 12","1591","7","10","1","0"\n' * 400_000).encode()
    with ParserProcess() as parser, pytest.raises(IngestError) as raised:
        parser.parse("Overview.csv", big, "text", REFERENCE_DATE, timeout=0.05)
    assert "longer than" in raised.value.issues[0].message


def test_truncated_utf16_is_a_wrong_encoding_error() -> None:
    data = '\ufeffsep=,\n"Reach"\n"Date","Primary"\n"2025-01-01T01:00:00","5"\n'.encode("utf-16-le")
    result = read_one("Reach.csv", b"\xff\xfe" + data[2:-1], platform="facebook")
    assert result.status is Status.ERROR
    assert any("UTF-16" in m for m in errors(result))


def test_windows_1252_text_is_read_and_said() -> None:
    data = "channel;account;Datum;Impressionen\nXING;Müller GmbH;01.03.2026;1.234\n".encode("cp1252")
    result = read_one("xing.csv", data)
    assert result.status is Status.PARSED
    assert result.frames["daily"]["account"].tolist() == ["XING: Müller GmbH"]
    assert any("Windows-1252" in i.message for i in result.issues)


def test_semicolons_and_decimal_commas() -> None:
    data = "Kanal;Konto;Datum;Impressionen;Wiedergabezeit (Stunden)\nXING;Acme;01.03.2026;1.234;2,5\nXING;Acme;02.03.2026;10;0,25\n"
    result = read_one("xing.csv", data.encode())
    assert result.status is Status.PARSED, result.issues
    assert result.totals == {"daily": {"impressions": 1244, "watch_time_hours": 2.75}}
    assert (result.date_range[0].isoformat(), result.date_range[1].isoformat()) == ("2026-03-01", "2026-03-02")


def test_ragged_row_is_named() -> None:
    data = TIKTOK + '"April 14","1","2","3","4","5","surprise"\n'
    result = read_one("Overview.csv", data.encode())
    assert result.status is Status.ERROR
    [issue] = [i for i in result.issues if i.level == "error"]
    assert (issue.row, issue.value) == (4, "surprise")


def test_header_only_file_imports_nothing_and_says_so() -> None:
    result = read_one("Overview.csv", hostile.TIKTOK_HEADER.encode())
    assert result.status is Status.PARSED
    assert result.rows == {}
    assert any("no rows" in i.message for i in result.issues)


def test_non_numeric_metric_cell_names_row_column_and_value(sqlite_engine) -> None:
    data = TIKTOK + '"April 14","1.591","7","lots","1","0"\n'
    result = read_one("Overview.csv", data.encode())
    store_results(sqlite_engine, [result])
    assert result.status is Status.ERROR
    [issue] = [i for i in result.issues if i.level == "error"]
    assert (issue.file, issue.row, issue.column, issue.value) == ("Overview.csv", 4, "Likes", "lots")
    with sqlite_engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(daily)).scalar() == 0


def test_unknown_export_is_unsupported_and_described() -> None:
    result = read_one("budget.csv", b"Cost centre,Amount,Owner\nA1,100,Anna\n")
    assert result.status is Status.UNSUPPORTED
    assert "header line: Cost centre | Amount | Owner" in result.issues[0].message


def test_renamed_file_is_detected_by_content() -> None:
    result = read_one("holiday-photo.jpg", TIKTOK.encode())
    assert (result.status, result.platform, result.report) == (Status.PARSED, "tiktok", "tiktok_overview")


def test_zip_imports_every_export_inside_and_skips_system_files() -> None:
    archive = hostile.zip_of({"exports/Overview.csv": TIKTOK.encode(), "__MACOSX/._Overview.csv": b"junk", "exports/.DS_Store": b"junk"})
    results = read_files(("exports.zip", archive))
    assert [(r.file, r.status) for r in results] == [("exports.zip/exports/Overview.csv", Status.PARSED)]


def test_excel_resave_with_semicolons_and_german_dates_still_imports() -> None:
    data = "Date;Video Views;Profile Views;Likes;Comments;Shares\n12.04.2026;1.591;7;10;1;0\n13.04.2026;1.154;1;5;0;0\n"
    result = read_one("Overview.csv", data.encode())
    assert result.status is Status.PARSED, result.issues
    assert result.totals["daily"]["views"] == 2745
    assert result.date_range[0].isoformat() == "2026-04-12"


def test_legacy_spreadsheetml_xls_is_read() -> None:
    """Old Facebook Insights saved Excel 2003 XML under an .xls name."""
    xml = (
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Key Metrics"><Table>'
        '<Row><Cell><Data ss:Type="String">Date</Data></Cell><Cell><Data ss:Type="String">Lifetime Total Likes</Data></Cell>'
        '<Cell><Data ss:Type="String">Daily New Likes</Data></Cell><Cell><Data ss:Type="String">Daily Total Reach</Data></Cell></Row>'
        '<Row><Cell><Data ss:Type="String">01/01/2017</Data></Cell><Cell><Data ss:Type="Number">1200</Data></Cell>'
        '<Cell><Data ss:Type="Number">3</Data></Cell><Cell><Data ss:Type="Number">450</Data></Cell></Row>'
        '<Row><Cell><Data ss:Type="String">01/02/2017</Data></Cell><Cell ss:Index="3"><Data ss:Type="Number">5</Data></Cell>'
        '<Cell><Data ss:Type="Number">610</Data></Cell></Row>'
        "</Table></Worksheet></Workbook>"
    )
    result = read_one("Facebook Insights Data Export.xls", xml.encode())
    assert (result.status, result.platform, result.report) == (Status.PARSED, "facebook", "facebook_insights_page")
    assert result.totals == {"daily": {"followers_gained": 8, "reach": 1060}}
    assert result.frames["daily"]["followers"].tolist()[0] == 1200.0  # a skipped cell (ss:Index) stays missing
    assert result.frames["daily"]["followers"].isna().tolist() == [False, True]


def test_spreadsheetml_with_a_dtd_is_refused() -> None:
    xml = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'
    result = read_one("old.xls", xml.encode())
    assert result.status is Status.ERROR
    assert any("DTD" in m for m in errors(result))


def test_parallel_uploads_from_two_sessions_both_parse() -> None:
    import threading

    results: dict[str, object] = {}

    def run(name: str) -> None:
        results[name] = read_one(name, TIKTOK.encode() if name.endswith(".csv") else hostile.tiktok_workbook())

    threads = [threading.Thread(target=run, args=(name,)) for name in ("a.csv", "b.xlsx", "c.csv")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert {name: r.status for name, r in results.items()} == dict.fromkeys(("a.csv", "b.xlsx", "c.csv"), Status.PARSED)
