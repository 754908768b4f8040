"""Hostile goals workbooks (issue 10): a huge declared range is refused in either quote style, before openpyxl pads it."""

from __future__ import annotations

import tracemalloc

import pytest

from ingest.goals_reader import GoalsError, load_goals
from ingest.safety import UnsafeFileError, check_workbook_parts
from tests.hostile import declared_range_workbook, huge_range_workbook, rewrite_zip


@pytest.mark.parametrize("quote", ['"', "'"])
def test_huge_declared_range_is_refused_in_either_quote_style(quote: str) -> None:
    data = declared_range_workbook("A1:XFD2000", quote)
    assert len(data) < 10_000
    with pytest.raises(UnsafeFileError) as raised:
        check_workbook_parts("ziele.xlsx", data)
    assert (raised.value.issues[0].sheet, raised.value.issues[0].value) == ("sheet1", "XFD2000")


def test_single_quoted_huge_range_does_not_blow_up_memory() -> None:
    """Before: ref='A1:XFD2000' passed the guard and openpyxl built 2,000 rows of 16,384 cells (658 MB, 4 s)."""
    data = declared_range_workbook("A1:XFD2000", "'")
    tracemalloc.start()
    try:
        with pytest.raises(GoalsError) as raised:
            load_goals("ziele.xlsx", data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [issue.value for issue in raised.value.issues] == ["XFD2000"]
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
