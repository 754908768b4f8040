"""Hostile goals workbooks (issue 10): a huge declared range is refused in either quote style, before openpyxl pads it."""

from __future__ import annotations

import tracemalloc

import pytest

from ingest.goals_reader import GoalsError, load_goals
from ingest.safety import UnsafeFileError, check_workbook_parts
from model.i18n import Language
from tests.conftest import ROOT
from tests.hostile import bomb_member, declared_range_workbook, huge_range_workbook, laughs_workbook, rewrite_zip


@pytest.mark.parametrize("quote", ['"', "'"])
def test_huge_declared_range_is_refused_in_either_quote_style(quote: str) -> None:
    data = declared_range_workbook("A1:XFD2000", quote)
    assert len(data) < 10_000
    with pytest.raises(UnsafeFileError) as raised:
        check_workbook_parts("ziele.xlsx", data)
    assert (raised.value.issues[0].sheet, raised.value.issues[0].value) == ("Ziele", "XFD2000")


def refused_with_peak(data: bytes) -> tuple[GoalsError, int]:
    """The refusal of a goals upload and this process's peak of traced memory while it was read."""
    tracemalloc.start()
    try:
        with pytest.raises(GoalsError) as raised:
            load_goals("ziele.xlsx", data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return raised.value, peak


def test_single_quoted_huge_range_does_not_blow_up_memory() -> None:
    """Before: ref='A1:XFD2000' passed the guard and openpyxl built 2,000 rows of 16,384 cells (658 MB, 4 s)."""
    raised, peak = refused_with_peak(declared_range_workbook("A1:XFD2000", "'"))
    assert [issue.value for issue in raised.issues] == ["XFD2000"]
    assert peak < 20 * 1024 * 1024


def test_single_quoted_far_cell_reference_is_refused() -> None:
    import io
    import zipfile

    data = huge_range_workbook()
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    single = sheet.replace(b' r="XFD1048576"', b" r='XFD1048576'").replace(b'ref="A1:XFD1048576"', b'ref="A1"')
    assert single != sheet
    with pytest.raises(UnsafeFileError) as raised:
        check_workbook_parts("x.xlsx", rewrite_zip(data, {"xl/worksheets/sheet1.xml": single}))
    assert raised.value.issues[0].value == "XFD1048576"


def test_a_normal_declared_range_passes() -> None:
    check_workbook_parts("ziele.xlsx", declared_range_workbook("A1:B2", "'"))


def test_rows_end_at_the_real_last_cell_not_at_the_declared_width() -> None:
    """A sheet declaring A1:XFD2000 with 4 real cells gives two rows of two values (openpyxl alone pads to 16,384)."""
    import io

    from openpyxl import load_workbook

    from ingest.goals_reader import sheet_rows

    book = load_workbook(io.BytesIO(declared_range_workbook("A1:XFD2000", "'")), read_only=True, data_only=True)
    assert book.worksheets[0].max_column == 16_384  # the claim the reader must not trust
    assert sheet_rows(book.worksheets[0], 5000) == [["objective_id", "objective"], ["O1", "Reichweite"]]


def test_a_wide_declaration_under_the_guard_limit_reads_only_the_real_cells() -> None:
    """ZZ2000 passes the guard (702 columns); the reader still returns the 2 real columns, not 702."""
    from ingest.goals_reader import read_workbook

    check_workbook_parts("ziele.xlsx", declared_range_workbook("A1:ZZ2000", '"'))
    sheets, _ = read_workbook("ziele.xlsx", declared_range_workbook("A1:ZZ2000", '"'))
    (title, headers, rows) = next(iter(sheets.values()))
    assert (title, headers, rows) == ("Ziele", ["objective_id", "objective"], [["O1", "Reichweite"]])


# ---------------------------------------------------------------- every hostile kind, through the isolated reader

GOALS = (ROOT / "sample_data" / "demo" / "ziele.xlsx").read_bytes()


def hostile_goals() -> dict[str, tuple[bytes, str, dict[str, str]]]:
    """name: (workbook, expected message code, expected parameters)."""
    return {
        "range in double quotes": (declared_range_workbook("A1:XFD2000", '"'), "ingest.safety.huge_range", {"where": "XFD2000"}),
        "range in single quotes": (declared_range_workbook("A1:XFD2000", "'"), "ingest.safety.huge_range", {"where": "XFD2000"}),
        "billion laughs": (laughs_workbook(GOALS), "ingest.safety.dtd", {"part": "xl/worksheets/sheet1.xml"}),
        # A 8 KB comment before the DTD: the check used to read only each part's first 4 KB.
        "billion laughs behind a comment": (laughs_workbook(GOALS, padding=8000), "ingest.safety.dtd", {"part": "xl/worksheets/sheet1.xml"}),
        "zip bomb": (bomb_member(GOALS, "xl/media/pad.bin"), "ingest.safety.zip_bomb", {"member": "xl/media/pad.bin", "ratio": "1029"}),
    }


@pytest.mark.parametrize("case", list(hostile_goals()))
def test_hostile_goals_workbooks_are_refused_with_memory_bounded(case: str) -> None:
    data, code, params = hostile_goals()[case]
    assert len(data) < 100_000  # a small upload...
    raised, peak = refused_with_peak(data)
    issue = raised.issues[0]
    assert (len(raised.issues), issue.code, issue.file) == (1, code, "ziele.xlsx")
    assert {k: v for k, v in issue.params if k in params} == params
    assert peak < 20 * 1024 * 1024  # ...that never grows in this process (64 MB inflated, 10^9 "lol"s, 16,384 columns)


def test_the_goals_workbook_is_read_in_the_parser_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl never runs in the server: with the in-process reader broken, the workbook still loads."""
    import ingest.goals_reader

    def broken(*_: object) -> None:
        raise AssertionError("read in the server process")

    monkeypatch.setattr(ingest.goals_reader, "read_workbook", broken)
    config = load_goals("ziele.xlsx", GOALS)
    # The demo workbook: 5 objectives, 14 key results and 91 manual values (the rows of its sheets).
    assert (len(config.objectives), len(config.key_results), len(config.manual_values), config.objectives[0].id) == (5, 14, 91, "PR-1")


def test_cells_cross_the_process_boundary_with_their_types() -> None:
    import datetime as dt

    from ingest.goals_reader import plain_value, typed_value

    cells = [
        None,
        True,
        3,
        2.5,
        "x",
        dt.datetime(2026, 1, 2, 3, 4),
        dt.date(2026, 1, 2),
        dt.time(9, 30),
        dt.timedelta(hours=2),
        [1, {"a": dt.date(2026, 3, 1)}],
    ]
    assert [typed_value(plain_value(c)) for c in cells] == cells
    assert plain_value(dt.datetime(2026, 1, 2)) == {"$": "datetime", "v": "2026-01-02T00:00:00"}


def _busy_parser_children() -> list[int]:
    """The parser processes this test process started that are reading a file now (not idle in the pool)."""
    import os
    from pathlib import Path

    from ingest.isolation import parser_process

    idle = {p._process.pid for p in parser_process()._all() if p._process is not None}
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == os.getpid() and b"ingest.worker" in (stat.parent / "cmdline").read_bytes():
                children.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return [pid for pid in children if pid not in idle]


def test_a_parser_child_that_dies_names_the_file_and_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    """A child ended by the kernel (memory) or a crash: the upload fails with a message, the next one works."""
    import os
    import signal

    import ingest.goals_reader

    def kill_the_reader(*_: object) -> None:
        for pid in _busy_parser_children():
            os.kill(pid, signal.SIGKILL)

    monkeypatch.setattr(ingest.goals_reader, "check_workbook_parts", kill_the_reader)
    with pytest.raises(GoalsError) as raised:
        load_goals("ziele.xlsx", GOALS)
    issue = raised.value.issues[0]
    assert (issue.code, issue.file) == ("ingest.parser.crashed", "ziele.xlsx")
    assert issue.text(Language.EN).endswith("Re-save it in Excel or export it again.")
    monkeypatch.undo()
    assert load_goals("ziele.xlsx", GOALS).objectives  # a fresh child reads the next upload


def _sheet_of(data: bytes) -> bytes:
    import io
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")


def test_a_declared_range_behind_a_long_comment_is_refused() -> None:
    """The dimension was looked for in the sheet's first 4 KB only: an 8 KB comment before it hid XFD2000."""
    data = declared_range_workbook("A1:XFD2000", "'")
    hidden = rewrite_zip(data, {"xl/worksheets/sheet1.xml": b"<!--" + b"x" * 8000 + b"-->" + _sheet_of(data)})
    with pytest.raises(UnsafeFileError) as raised:
        check_workbook_parts("ziele.xlsx", hidden)
    assert raised.value.issues[0].value == "XFD2000"


def test_a_row_beyond_the_limit_after_a_legal_seven_digit_row_is_refused() -> None:
    sheet = _sheet_of(declared_range_workbook("A1:B3", '"'))
    rows = b'<row r="1000000"><c r="A1000000"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>'
    data = rewrite_zip(declared_range_workbook("A1:B3", '"'), {"xl/worksheets/sheet1.xml": sheet.replace(b"</sheetData>", rows)})
    with pytest.raises(UnsafeFileError) as raised:
        check_workbook_parts("ziele.xlsx", data)
    assert raised.value.issues[0].value == "1048576"  # the row element comes before its cell


def test_the_range_scan_holds_a_megabyte_not_the_whole_sheet() -> None:
    """A 40 MB sheet (incompressible text in a comment, so within the ZIP ratio limit) is scanned in pieces."""
    import base64
    import os

    data = declared_range_workbook("A1:B3", '"')
    padding = b"<!--" + base64.b64encode(os.urandom(30_000_000)) + b"-->"
    big = rewrite_zip(data, {"xl/worksheets/sheet1.xml": _sheet_of(data).replace(b"</worksheet>", padding + b"</worksheet>")})
    tracemalloc.start()
    try:
        check_workbook_parts("ziele.xlsx", big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024  # before: the whole 40 MB sheet at once


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("ziele.xlsx", b"\x00\x01binary junk", "The file ends in .xlsx but is not an Excel workbook"),
        ("ziele.xlsx", b"objective;department\nReichweite;pr\n", "The file ends in .xlsx but is not an Excel workbook"),
        ("ziele.xlsx", b"", "The file is empty (0 bytes)"),
        ("ziele.xlsx", rewrite_zip(declared_range_workbook("A1:C9", '"'), {"xl/workbook.xml": None}), "it is damaged or not an Excel workbook"),
    ],
    ids=["binary junk", "renamed CSV", "empty", "ZIP without a workbook"],
)
def test_a_file_that_is_no_workbook_gets_a_message_about_workbooks(name: str, data: bytes, message: str) -> None:
    # A new user's junk .xlsx got a YAML parser's message in English, a ZIP "KeyError".
    with pytest.raises(GoalsError) as raised:
        load_goals(name, data)
    texts = [issue.text(Language.EN) for issue in raised.value.issues]
    assert any(message in text for text in texts), texts
    assert not any("YAML" in text or "KeyError" in text for text in texts)
