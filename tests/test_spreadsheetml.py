"""Legacy Facebook Insights SpreadsheetML ("Excel 2003 XML" under an .xls name) (issue 8, class 5).

The post-level workbook is derived in the test from facebook/vicvisual's post-level CSV (with its
description row), as Facebook wrote it in 2017: a "Key Metrics" sheet and breakdown sheets.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

from model.canonical import Grain
from model.issues import Level
from model.results import Status
from tests.conftest import read_one
from tests.csvfiles import csv_rows

POST_LEVEL = "facebook/vicvisual/Facebook Insights Data Export (Post Level) - Visualization Studio VIC - 2014-08-24 - 2015-02-19.csv"
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
POSTED = re.compile(r"^(\d\d)/(\d\d)/(\d{4}) (\d\d):(\d\d):(\d\d) ([AP])M$")  # 02/19/2015 11:45:22 PM


def _cell(value: str) -> str:
    if posted := POSTED.match(value):
        month, day, year, hour, minute, second, noon = posted.groups()
        hour = f"{int(hour) % 12 + (12 if noon == 'P' else 0):02d}"
        return f'<Cell ss:StyleID="s21"><Data ss:Type="DateTime">{year}-{month}-{day}T{hour}:{minute}:{second}.000</Data></Cell>'
    if NUMBER.match(value):
        return f'<Cell><Data ss:Type="Number">{value}</Data></Cell>'
    return f'<Cell><Data ss:Type="String">{escape(value)}</Data></Cell>' if value else "<Cell/>"


def _sheet(name: str, rows: list[list[str]]) -> str:
    body = "".join("<Row>" + "".join(_cell(v) for v in row) + "</Row>" for row in rows)
    return f'<Worksheet ss:Name="{name}"><Table>{body}</Table></Worksheet>'


def _workbook(*sheets: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
        + "".join(sheets)
        + "</Workbook>"
    ).encode("utf-8")


def _breakdown() -> str:
    return _sheet("Lifetime Post Stories by act...", [["Post ID", "comment", "like"], ["", "Lifetime: stories", ""], ["1_2", "1", "4"]])


def test_legacy_post_level_spreadsheetml_reads_like_the_csv(real_exports: Path) -> None:
    rows = csv_rows(real_exports / POST_LEVEL)
    assert rows[1][8].startswith("Lifetime:")  # the description row under the header
    original = read_one(POST_LEVEL, (real_exports / POST_LEVEL).read_bytes())
    result = read_one("Facebook Insights Data Export (Post Level) - Visualization Studio VIC.xls", _workbook(_sheet("Key Metrics", rows), _breakdown()))
    assert (result.status, result.platform, result.report) == (Status.PARSED, original.platform, original.report), [str(i) for i in result.issues]
    assert len(result.frames[Grain.POST]) == len(rows) - 2 == 98
    assert result.totals == original.totals
    assert result.frames[Grain.POST]["post_id"].tolist() == original.frames[Grain.POST]["post_id"].tolist()
    assert result.frames[Grain.POST]["published_at"].tolist() == original.frames[Grain.POST]["published_at"].tolist()


def test_invalid_xml_characters_are_dropped_with_a_warning(real_exports: Path) -> None:
    rows = csv_rows(real_exports / POST_LEVEL)
    first, second = rows[2][2], rows[3][2]
    rows[2][2] = first[:5] + "\x0b" + first[5:]  # a vertical tab pasted into a post, as in a 2 MB page-level export
    rows[3][2] = second + "@REF@"
    data = _workbook(_sheet("Key Metrics", rows)).replace(b"@REF@", b"&#x1;")  # and as a character reference
    result = read_one("Facebook Insights Data Export (Post Level).xls", data)
    assert result.status is Status.PARSED, [str(i) for i in result.issues]
    [note] = [i for i in result.issues if i.code == "ingest.xml_invalid_characters"]
    assert note.level is Level.WARNING and dict(note.params)["count"] == "2"
    assert result.frames[Grain.POST]["text"].iloc[:2].tolist() == [first.strip(), second.strip()]
    assert len(result.frames[Grain.POST]) == 98
