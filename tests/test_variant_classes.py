"""One focused test per class of re-save that ``tests/test_variants.py`` found read differently.

Each builds a small file as a user's re-save leaves it (columns reordered, one column added, a note
below the table, seconds dropped where they were 0) and checks the canonical values against figures
written here by hand.
"""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from ingest.isolation import ParsedFile
from ingest.parsing import to_datetime
from ingest.pipeline import parse_export
from ingest.safety import sniff_container
from model.canonical import Grain
from tests.conftest import REFERENCE_DATE


def _parse(name: str, data: bytes) -> ParsedFile:
    return parse_export(name, data, sniff_container(name, data), REFERENCE_DATE)


def _csv(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _xlsx(sheets: dict[str, list[list[object]]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _codes(parsed: ParsedFile) -> list[str]:
    return [i.code for i in parsed.issues]


def _errors(parsed: ParsedFile) -> list[str]:
    return [str(i) for i in parsed.issues if i.level == "error"]


# ---------------------------------------------------------------- Meta overview: Date/Primary by name


def test_meta_overview_columns_reordered_and_one_added() -> None:
    original = _parse("Reach.csv", _csv('"Facebook reach"', '"Date","Primary"', '"2025-01-01T00:00:00","12"', '"2025-01-02T00:00:00","30"'))
    resaved = _parse("Reach.csv", _csv("Facebook reach,,", "Primary,Internal note,Date", "12,checked,2025-01-01T00:00:00", "30,checked,2025-01-02T00:00:00"))
    for parsed in (original, resaved):
        assert parsed.status == "parsed" and str(parsed.platform) == "facebook", _errors(parsed)
        daily = parsed.frames[Grain.DAILY]
        assert daily["reach"].tolist() == [12, 30]
        assert daily["date"].dt.strftime("%Y-%m-%d").tolist() == ["2025-01-01", "2025-01-02"]
    note = next(i for i in resaved.issues if i.code == "ingest.columns_not_read")
    assert dict(note.params)["columns"] == "Internal note"


def test_meta_overview_two_unknown_columns_are_another_table() -> None:
    parsed = _parse("Reach.csv", _csv("Facebook reach,,,", "Date,Primary,Note,Other", "2025-01-01T00:00:00,12,a,b"))
    assert parsed.report != "meta_overview_reach"


# ---------------------------------------------------------------- Meta audience file: a note below the table


def test_meta_audience_note_below_the_countries_is_no_section() -> None:
    lines = ("Age & gender", ",Women,Men", "18-24,10.5,4.5", "25-34,60,25", "", "Germany,Austria", "70,30", "Source: exported by the social media team")
    plain, noted = _parse("Audience.csv", _csv(*lines[:-1])), _parse("Audience.csv", _csv(*lines))
    assert "ingest.caption_rows_dropped" in _codes(noted)
    for parsed in (plain, noted):
        audience = parsed.frames[Grain.AUDIENCE]
        countries = audience[audience["dimension"] == "country"].set_index("bucket")["value"]
        assert countries.to_dict() == {"Germany": 0.7, "Austria": 0.3}
        assert len(audience) == 6  # 4 age-gender shares and 2 countries


# ---------------------------------------------------------------- YouTube audience and chart tables by name


def test_youtube_city_table_reordered_with_footer() -> None:
    header = "Cities,City name,Views,Watch time (hours)"
    rows = ('0x1:0x2,"New York, NY, USA",2015,387.5', '0x3:0x4,"Aberdeen, UK",55,5.5')
    original = _parse("Table data.csv", _csv(header, *rows, "Showing top 500 results,,,"))
    reordered = _parse(
        "Table data.csv",
        _csv(
            "Watch time (hours),Views,City name,Cities", '387.5,2015,"New York, NY, USA",0x1:0x2', '5.5,55,"Aberdeen, UK",0x3:0x4', ",,,Showing top 500 results"
        ),
    )
    for parsed in (original, reordered):
        audience = parsed.frames[Grain.AUDIENCE]
        assert audience.set_index("bucket")["value"].to_dict() == {"New York, NY, USA": 2015, "Aberdeen, UK": 55}, _errors(parsed)
        assert set(audience["dimension"]) == {"city"}
        assert "ingest.caption_rows_dropped" in _codes(parsed)


def test_youtube_chart_columns_reordered() -> None:
    original = _parse("Chart data.csv", _csv("Date,Subscription status,Views", "2023-11-28,Subscribed,27", "2023-11-28,Not subscribed,90"))
    reordered = _parse("Chart data.csv", _csv("Views,Subscription status,Date", "27,Subscribed,2023-11-28", "90,Not subscribed,2023-11-28"))
    for parsed in (original, reordered):
        audience = parsed.frames[Grain.AUDIENCE]
        assert audience.set_index("bucket")["value"].to_dict() == {"Subscribed": 27, "Not subscribed": 90}, _errors(parsed)
        assert set(audience["dimension"]) == {"subscription_status"}


def test_youtube_total_row_label_found_in_the_id_column_of_a_reordered_table() -> None:
    header = "Views,Video title,Content"
    parsed = _parse("Table data.csv", _csv(header, "100,,Total", "60,First,abcdefghijk", "40,Second,bcdefghijkl"))
    posts = parsed.frames[Grain.POST]
    assert posts.set_index("post_id")["views"].to_dict() == {"abcdefghijk": 60, "bcdefghijkl": 40}
    assert "ingest.total_row_dropped" in _codes(parsed)


# ---------------------------------------------------------------- LinkedIn demographic sheets


def test_linkedin_demographic_sheet_reordered_with_added_column_and_footer() -> None:
    data = _xlsx({"Location": [["Internal note", "Total followers", "Location"], ["ok", 12, "Berlin"], ["ok", 3, "Cairo"], [None, None, "Source: page admin"]]})
    parsed = _parse("company_followers_1.xlsx", data)
    audience = parsed.frames[Grain.AUDIENCE]
    assert audience.set_index("bucket")["value"].to_dict() == {"Berlin": 12, "Cairo": 3}, _errors(parsed)
    assert set(audience["dimension"]) == {"location"} and set(audience["metric"]) == {"followers"}
    assert {"ingest.columns_not_read", "ingest.caption_rows_dropped"} <= set(_codes(parsed))


def test_linkedin_creator_demographics_reordered_and_top_posts_footer() -> None:
    url = "https://www.linkedin.com/feed/update/urn:li:activity:7438811255978700800"
    data = _xlsx(
        {
            "TOP POSTS": [
                ["Post URL", "Post publish date", "Engagements", None, "Post URL", "Post publish date", "Impressions"],
                [url, "3/15/2026", 401, None, url, "3/15/2026", 9253],
                ["Source: the social media team", None, None, None, None, None, None],
            ],
            "DEMOGRAPHICS": [["Percentage", "Value", "Top Demographics"], [0.25, "Data Analyst", "Job titles"], [0.5, "Egypt", "Locations"]],
        }
    )
    parsed = _parse("Content_2026-03-23.xlsx", data)
    posts = parsed.frames[Grain.POST]
    assert posts[["post_id", "impressions", "engagements"]].values.tolist() == [["urn:li:activity:7438811255978700800", 9253, 401]], _errors(parsed)
    audience = parsed.frames[Grain.AUDIENCE]
    assert audience.set_index("bucket")[["dimension", "value"]].to_dict("index") == {
        "Data Analyst": {"dimension": "job_title", "value": 0.25},
        "Egypt": {"dimension": "location", "value": 0.5},
    }


# ---------------------------------------------------------------- TikTok shares


def test_tiktok_gender_with_added_column_footer_and_placeholder() -> None:
    parsed = _parse(
        "FollowerGender.csv", _csv("Gender,Distribution,Internal note", "Female,60%,ok", "Male,40%,ok", "Other,undefined,ok", "Source: TikTok Studio,,")
    )
    audience = parsed.frames[Grain.AUDIENCE].set_index("bucket")["value"]
    # The placeholder keeps its bucket as missing; the note line is no bucket.
    assert audience.index.tolist() == ["Female", "Male", "Other"], _errors(parsed)
    assert audience.iloc[:2].tolist() == [0.6, 0.4] and pd.isna(audience["Other"])
    assert "ingest.caption_rows_dropped" in _codes(parsed)


# ---------------------------------------------------------------- dates with and without seconds


def test_times_with_seconds_in_some_cells_only() -> None:
    cells = pd.Series(["19.02.2015 23:45:22", "19.02.2015 12:20"])
    parsed, issues = to_datetime(cells, column="Posted", file="f.csv", sheet=None, row_base=2)
    assert not issues
    assert parsed.dt.strftime("%Y-%m-%d %H:%M:%S").tolist() == ["2015-02-19 23:45:22", "2015-02-19 12:20:00"]
    us = pd.Series(["2/19/2015 23:45:22", "2/19/2015 3:32"])
    parsed, issues = to_datetime(us, column="Posted", file="f.csv", sheet=None, row_base=2)
    assert not issues
    assert parsed.dt.strftime("%Y-%m-%d %H:%M:%S").tolist() == ["2015-02-19 23:45:22", "2015-02-19 03:32:00"]


# ---------------------------------------------------------------- legacy Facebook Insights description row


def test_legacy_insights_description_row_in_a_reordered_file() -> None:
    header = ["Lifetime Post Total Impressions", "Lifetime Post Total Reach", "Posted", "Post Message", "Permalink", "Post ID"]
    description = [
        "Lifetime: The number of impressions of your Page post. (Total Count)",
        "Lifetime: The total number of people (Unique Users)",
        "",
        "",
        "",
        "",
    ]
    rows = [["120", "80", "2015-02-19 23:45:22", "Hello", "https://www.facebook.com/1/posts/2", "1_2"]]
    data = _csv(*(",".join(f'"{c}"' for c in r) for r in [header, description, *rows]))
    parsed = _parse("Facebook Insights Data Export (Post Level) - Page - 2015-02-19.csv", data)
    posts = parsed.frames[Grain.POST]
    assert posts[["post_id", "impressions", "reach"]].values.tolist() == [["1_2", 120, 80]], _errors(parsed)
    assert "ingest.meta_legacy_description_row" in _codes(parsed)


def test_meta_audience_without_any_one_cell_line() -> None:
    """No title and no note: the search for one-cell lines finds none (pandas' all-missing float column)."""
    parsed = _parse("Audience.csv", _csv(",Women,Men", "18-24,10.5,4.5", "25-34,60,25", "", "Germany,Austria", "70,30"))
    audience = parsed.frames[Grain.AUDIENCE]
    assert audience[audience["dimension"] == "country"].set_index("bucket")["value"].to_dict() == {"Germany": 0.7, "Austria": 0.3}, _errors(parsed)
