"""The review pack: every generated file is reopened and its numbers compared with the metrics engine.

PowerPoint through python-pptx, Excel through openpyxl, PDF through pypdf's text extraction; the
review log on both storage backends; the CLI's exit codes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import math
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pypdf import PdfReader
from sqlalchemy import Engine

from ingest.goals_reader import load_goals
from metrics import formatting
from metrics.catalog import CATALOG
from metrics.comparison import comparison_table
from metrics.dataset import Scope
from metrics.engine import KpiEngine
from metrics.goals import DEPARTMENTS
from metrics.periods import parse_period
from metrics.progress import evaluate
from model.canonical import Platform
from model.i18n import Language, translate
from reports.excel_writer import safe_csv, write_xlsx
from reports.pack import PACK_KPIS, Pack, build_pack, change_text, department_grid, goals_for, kpi_markers, review_of, summary_grid
from reports.pdf_writer import _nice_ceiling, write_pdf
from reports.pptx_writer import TemplateError, write_pptx
from storage.engine import make_engine
from storage.queries import load_dataset
from storage.reviews import Action, Review, latest_review, load_review, mark_done, open_actions, save_review
from tests.conftest import ROOT

GOALS = ROOT / "sample_data" / "demo" / "ziele.xlsx"
Q4 = parse_period("2026-Q4")
AS_OF = dt.date(2026, 11, 22)  # the demo company's export day
HOSTILE_TEXTS = ['=HYPERLINK("http://evil.example","click")', "+1+1", "-2+3", "@SUM(A1:A2)"]


@pytest.fixture(scope="module")
def config():
    return load_goals(GOALS.name, GOALS.read_bytes())


@pytest.fixture(scope="module")
def kpi_engine(demo_db: str, config) -> KpiEngine:
    data = load_dataset(make_engine(demo_db), with_text=True)
    return KpiEngine(data.with_mapping(config.accounts, config.tags, config.manual_values))


@pytest.fixture(scope="module")
def review() -> Review:
    return Review(
        dt.date(2026, 11, 24),
        "2026-Q4",
        "LinkedIn trägt, Facebook bleibt hinter Plan.",
        {"MK-1.1": "=Budget verdoppeln"},
        ("Facebook-Budget umschichten",),
        (Action("Messe-Kampagne planen", "Anna", dt.date(2026, 12, 5)),),
    )


@pytest.fixture(scope="module")
def packs(kpi_engine: KpiEngine, config, review: Review) -> dict[Language, Pack]:
    carried = (Action("Redaktionsplan Q1 abstimmen", "Ben", dt.date(2026, 11, 30), id=7),)
    return {language: build_pack(kpi_engine, config, Q4, AS_OF, language, review, carried) for language in Language}


def expected_kpi_texts(kpi_engine: KpiEngine, language: Language) -> dict[str, list[str]]:
    """What the engine computes for Q4 up to the export day, formatted as the pack must show it."""
    table = comparison_table(kpi_engine, Scope(), Q4, AS_OF, PACK_KPIS)
    return {
        f"{CATALOG[row.kpi].label(language.value)} {kpi_markers(row)}".strip(): [
            formatting.kpi_value(row.value, CATALOG[row.kpi].unit.value, language),
            formatting.kpi_value(row.previous, CATALOG[row.kpi].unit.value, language),
            change_text(row.change_previous, row.status_previous, language),
            formatting.kpi_value(row.last_year, CATALOG[row.kpi].unit.value, language),
            change_text(row.change_last_year, row.status_last_year, language),
        ]
        for row in table.itertuples(index=False)
    }


def deck_of(data: bytes) -> Presentation:
    return Presentation(io.BytesIO(data))


def title_of(slide) -> str:
    return slide.shapes.title.text if slide.shapes.title is not None else ""


def tables_of(slide) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in shape.table.rows] for shape in slide.shapes if shape.has_table]


# --- the pack's content --------------------------------------------------------------------------


def test_pack_holds_only_key_results_of_the_period(config) -> None:
    q4 = [kr.id for kr in goals_for(config, Q4).key_results]
    assert len(q4) == len(config.key_results) - 1
    assert "HR-1.3" not in q4  # applications in 2026-Q3: a Q4 review does not show them
    q3 = [kr.id for kr in goals_for(config, parse_period("2026-Q3")).key_results]
    assert q3 == ["PR-1.3", "MK-1.2", "VT-1.1", "VT-1.2", "HR-1.1", "HR-1.3"]  # Q3 and the year's targets
    assert goals_for(config, parse_period("2025-Q4")).key_results == ()
    assert goals_for(config, parse_period("2025-Q4")).objectives == ()


def test_weekly_trend_keeps_full_calendar_weeks_with_their_sums(packs: dict[Language, Pack], demo_db: str) -> None:
    trend = packs[Language.DE].trend
    # 1 October 2026 is a Thursday and 22 November a Sunday: KW 41 (5 October) to KW 47 are whole
    assert list(trend.index) == [f"KW {week}" for week in range(41, 48)]
    assert packs[Language.EN].trend.index[0] == "W41"
    daily = load_dataset(make_engine(demo_db), with_text=False).daily
    week = daily[(daily["platform"] == "linkedin") & daily["date"].between("2026-11-16", "2026-11-22")]
    assert trend.loc["KW 47", "linkedin"] == pytest.approx(week["impressions"].sum())


def test_status_counts_are_the_key_results_statuses(packs: dict[Language, Pack], kpi_engine: KpiEngine, config) -> None:
    report = evaluate(kpi_engine, goals_for(config, Q4), AS_OF)
    counted = packs[Language.EN].status_counts
    assert int(counted.to_numpy().sum()) == len(report.key_results)
    assert int(counted["off_track"].sum()) == sum(str(r.status) == "off_track" for r in report.key_results)


def test_summary_says_why_each_objective_has_its_status(packs: dict[Language, Pack], kpi_engine: KpiEngine, config) -> None:
    report = {r.key_result.id: r for r in evaluate(kpi_engine, goals_for(config, Q4), AS_OF).key_results}
    rows = {row[1].split(" ")[0]: row for row in summary_grid(packs[Language.EN]).rows}
    forecast = formatting.kpi_value(report["MK-1.1"].forecast, CATALOG["impressions"].unit.value, Language.EN)
    assert rows["MK-1"][2:5:2] == ["off track", f"MK-1.1 Impressions: forecast {forecast} against target 410,000"]
    # PR-1 is on track as a whole; the awareness survey (at risk, 34 % forecast for a 35 % target) is why not better
    assert rows["PR-1"][2:5:2] == ["on track", "PR-1.3 Awareness: forecast 34.00% against target 35.00%"]
    pr = department_grid(packs[Language.EN], packs[Language.EN].departments[0])
    assert [row[0] for row in pr.rows[1:]] == ["PR-1.1 Impressions (LinkedIn)", "PR-1.2 Engagement rate (LinkedIn)", "PR-1.3 Awareness (all)"]


# --- PowerPoint -----------------------------------------------------------------------------------


DEPARTMENT_TITLES = ["Unternehmenskommunikation / PR", "Marketing", "Vertrieb", "Personal / Employer Branding", "Kundenservice"]


def test_pptx_slides_numbers_and_native_charts(packs: dict[Language, Pack], kpi_engine: KpiEngine, config) -> None:
    pack = packs[Language.DE]
    deck = deck_of(write_pptx(pack))
    titles = [title_of(s) for s in deck.slides]
    assert titles[:7] == ["Social Media Management-Review", "Zusammenfassung: Ziele und Status", *DEPARTMENT_TITLES]
    assert titles[7] == "KPI-Überblick · Q4 2026"
    assert titles[10:12] == ["Top- und schwächste Beiträge · Q4 2026", "Kommentare, Entscheidungen und Maßnahmen"]  # best and worst on one slide
    appendix = ["Zusammenfassung: Ziele und Status", "KPI-Überblick · Q4 2026", *DEPARTMENT_TITLES]
    assert titles[12:] == [f"Anhang: {name}" for name in appendix]  # the full tables after the pictures

    kpi_rows = tables_of(deck.slides[13])[0]
    assert kpi_rows[0] == ["Kennzahl", "Wert", "Vorperiode", "Δ Vorperiode", "Vorjahr", "Δ Vorjahr"]
    assert {row[0]: row[1:] for row in kpi_rows[1:]} == expected_kpi_texts(kpi_engine, Language.DE)

    # every key result's actual, target and status in the appendix, as the goal engine computed them
    report = evaluate(kpi_engine, goals_for(config, Q4), AS_OF)
    shown = {row[0].split(" ")[0]: row for slide in list(deck.slides)[13:] for table in tables_of(slide) for row in table[1:]}
    for result in report.key_results:
        unit = CATALOG[result.key_result.kpi].unit.value
        row = shown[result.key_result.id]
        assert row[3] == formatting.kpi_value(result.actual, unit, Language.DE)
        assert row[5] == formatting.kpi_value(result.key_result.target, unit, Language.DE)
        assert row[8] == translate(f"status.{result.status}", Language.DE)
    assert shown["MK-1"][8] == "nicht auf Kurs"  # the objective row carries its roll-up

    charts = [shape.chart for slide in deck.slides for shape in slide.shapes if shape.has_chart]
    kinds = [c.chart_type for c in charts]
    assert kinds.count(XL_CHART_TYPE.BAR_CLUSTERED) == len(report.key_results)  # one bullet chart per key result
    sparklines = [XL_CHART_TYPE.LINE] * sum(len(line) > 1 for line in pack.sparklines.values())  # one per KPI tile with a line
    assert [k for k in kinds if k != XL_CHART_TYPE.BAR_CLUSTERED] == [*sparklines, XL_CHART_TYPE.LINE_MARKERS, XL_CHART_TYPE.BAR_STACKED]
    assert not [shape for slide in deck.slides for shape in slide.shapes if shape.shape_type == 13]  # no pictures
    trend = pack.trend
    line = next(c for c in charts if c.chart_type == XL_CHART_TYPE.LINE_MARKERS)
    assert list(line.plots[0].categories) == list(trend.index)
    linkedin = next(s for s in line.series if s.name == "LinkedIn")
    assert list(linkedin.values) == pytest.approx(list(trend["linkedin"]))


def test_kpi_overview_tiles_carry_the_cockpit_numbers_and_a_sparkline_each(packs: dict[Language, Pack], kpi_engine: KpiEngine) -> None:
    """Tile value and change from the Cockpit's comparison; each sparkline the engine's day values up to data through."""
    from metrics.views import Comparison, _paired_daily_totals, kpi_cards

    pack = packs[Language.DE]
    deck = deck_of(write_pptx(pack))
    slide = next(s for s in deck.slides if title_of(s) == "KPI-Überblick · Q4 2026")
    cards = kpi_cards(kpi_engine, Scope(), Q4, Comparison.PREVIOUS, AS_OF, keys=PACK_KPIS).set_index("kpi")  # the Cockpit's cards
    texts = [shape.text_frame.text.split("\n") for shape in slide.shapes if shape.has_text_frame and shape.text_frame.text.count("\n") == 2]
    assert len(texts) == len(PACK_KPIS)
    for key, (label, value, change) in zip(PACK_KPIS, texts, strict=True):
        card = cards.loc[key]
        assert label.startswith(CATALOG[key].label("de"))
        assert value == formatting.kpi_value(card["value"], CATALOG[key].unit.value, Language.DE)
        assert change == f"Δ Vorperiode {change_text(card['change'], card['change_status'], Language.DE)}"
    lines = {shape.name.split(": ")[1]: list(shape.chart.plots[0].series[0].values) for shape in slide.shapes if shape.has_chart}
    days = pd.date_range("2026-10-01", "2026-11-22")  # Q4 up to the export day, the data's last day
    for key in ("impressions", "engagements", "views", "followers"):  # flows and a stock: the engine's day totals
        assert lines[key] == pytest.approx(list(kpi_engine.daily_totals(key, Scope(), Q4).reindex(days).dropna()))
    assert sum(lines["impressions"]) == pytest.approx(cards.loc["impressions", "value"])  # the days add up to the tile
    top, bottom = _paired_daily_totals(kpi_engine, "engagements", "impressions", Scope(), Q4)  # accounts with both, as the card pairs them
    rate = top / bottom
    assert lines["engagement_rate"] == pytest.approx(list(rate.reindex(days).dropna()))  # a ratio of the day's sums
    assert top.sum() / bottom.sum() == pytest.approx(cards.loc["engagement_rate", "value"])  # whose days add up to the tile
    # A count of posts and the follower growth have no day series: their tiles have no line (growth's tile drew the
    # follower total, the Follower tile's line, which a new user took for the net growth)
    assert "posts" not in lines and "follower_growth" not in lines
    assert all(not shape.chart.value_axis.visible and not shape.chart.has_legend for shape in slide.shapes if shape.has_chart)
    # the PDF page draws the same tiles: label, value and change in its text
    page = next(p for p in PdfReader(io.BytesIO(write_pdf(pack))).pages if p.extract_text().startswith("KPI-Überblick"))
    text = page.extract_text()
    assert all(value in text and change in text for _, value, change in texts)


def bullets_of(slide) -> dict[str, dict[str, float | None]]:
    """A department slide's bullet charts: key result id -> {series name: value}."""
    found = {}
    for shape in slide.shapes:
        if shape.has_chart and shape.chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED:
            plot = shape.chart.plots[0]
            found[plot.categories[0].split(" ")[0]] = {series.name: series.values[0] for series in plot.series}
    return found


def test_department_slides_carry_a_bullet_chart_and_the_comment_per_key_result(packs: dict[Language, Pack], kpi_engine: KpiEngine, config) -> None:
    deck = deck_of(write_pptx(packs[Language.DE]))
    report = evaluate(kpi_engine, goals_for(config, Q4), AS_OF)
    by_department: dict[str, list] = {}
    for result in report.key_results:
        by_department.setdefault(DEPARTMENTS[result.objective.department].label("de"), []).append(result)
    for slide in list(deck.slides)[2:7]:
        results = by_department[title_of(slide)]
        bullets = bullets_of(slide)
        assert sorted(bullets) == sorted(r.key_result.id for r in results)  # charts counted per department slide
        for result in results:
            bars = bullets[result.key_result.id]
            expected = {"Ist": result.actual, "Soll heute": result.expected, "Prognose": result.forecast, "Ziel": result.key_result.target}
            for name, value in expected.items():
                assert bars[name] == (None if value != value else pytest.approx(value)), (result.key_result.id, name)
        # the headline counts on-track and achieved key results, counted here from the statuses
        good = sum(str(r.status) in ("on_track", "achieved") for r in results)
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame and shape != slide.shapes.title]
        assert texts[0].startswith(f"{good} von {len(results)} Schlüsselergebnissen auf Kurs"), texts[0]
        notes = slide.notes_slide.notes_text_frame.text
        for result in results:
            assert f"Ist {formatting.kpi_value(result.actual, CATALOG[result.key_result.kpi].unit.value, Language.DE)}" in notes
            assert CATALOG[result.key_result.kpi].label("de") + ":" in notes  # its definition from the fact sheet
    marketing = deck.slides[3]
    texts = [shape.text_frame.text for shape in marketing.shapes if shape.has_text_frame]
    assert "=Budget verdoppeln" in texts  # the review's comment beside MK-1.1's bullet
    assert marketing.notes_slide.notes_text_frame.text.startswith("1 von 3 Schlüsselergebnissen auf Kurs; Impressionen (Facebook) 45 % hinter Plan")


def test_pptx_title_names_data_through_and_sources_and_every_slide_has_notes(packs: dict[Language, Pack], kpi_engine: KpiEngine) -> None:
    deck = deck_of(write_pptx(packs[Language.DE]))
    title = deck.slides[0].placeholders[1].text_frame.text.split("\n")
    assert title[:2] == ["Q4 2026 · Stand 22.11.2026", "Daten bis 22.11.2026"]
    accounts = kpi_engine.accounts_in(Scope())
    platforms = sorted({str(p) for p in accounts["platform"]})
    assert len(title) == 2 + len(platforms)  # one line of sources per platform
    assert "Quellen – Facebook: " in "\n".join(title) and "\nLinkedIn: " in "\n".join(title)  # "Quellen" once
    assert all(slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip() for slide in deck.slides)


def test_a_department_with_many_key_results_is_split_over_slides(packs: dict[Language, Pack]) -> None:
    pack = packs[Language.EN]
    marketing = next(d for d in pack.departments if d.key == "marketing")
    objective = marketing.objectives[0]
    lines = tuple(dataclasses.replace(objective.key_results[0], comment=f"Kommentar {n}") for n in range(1, 7))
    many = dataclasses.replace(objective, key_results=lines)  # 6 key results: more than one slide holds
    crowded = dataclasses.replace(pack, departments=(dataclasses.replace(marketing, objectives=(many,)),))
    deck = deck_of(write_pptx(crowded))
    titles = [title_of(s) for s in deck.slides]
    assert titles[2:4] == ["Marketing (1/2)", "Marketing (2/2)"]
    counts = [sum(shape.has_chart for shape in deck.slides[n].shapes) for n in (2, 3)]
    assert counts == [4, 2]  # KEY_RESULTS_PER_SLIDE bullet charts, the rest on the next slide
    headline = "0 of 6 key results on track; Impressions (Facebook) 45% behind pace"
    for number, slide in enumerate(list(deck.slides)[2:4]):
        texts = [shape for shape in slide.shapes if shape.has_text_frame and shape != slide.shapes.title]
        assert texts[0].text_frame.text.startswith(headline)  # every part carries the headline
        charts = [shape for shape in slide.shapes if shape.has_chart]
        comments = {shape.text_frame.text: shape for shape in texts[1:]}
        for position, chart in enumerate(charts):  # the comment of each key result level with its bullet chart, right of it
            comment = comments[f"Kommentar {number * 4 + position + 1}"]
            assert comment.top == chart.top and comment.left > chart.left + chart.width
    pdf = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(write_pdf(crowded))).pages[2:4]]
    assert pdf[0].startswith("Marketing (1/2) " + headline) and pdf[1].startswith("Marketing (2/2) " + headline)
    assert [pdf[0].count("Kommentar"), pdf[1].count("Kommentar")] == [4, 2]


def test_no_slide_text_below_12_pt(packs: dict[Language, Pack]) -> None:
    deck = deck_of(write_pptx(packs[Language.DE]))
    sizes = [
        run.font.size.pt
        for slide in deck.slides
        for shape in slide.shapes
        for frame in ([shape.text_frame] if shape.has_text_frame else [c.text_frame for row in shape.table.rows for c in row.cells] if shape.has_table else [])
        for paragraph in frame.paragraphs
        for run in paragraph.runs
        if run.font.size is not None
    ]
    assert sizes and min(sizes) >= 12
    charts = [shape.chart for slide in deck.slides for shape in slide.shapes if shape.has_chart]
    assert all(chart.font.size.pt >= 12 for chart in charts)


def test_pptx_review_slide_has_comments_decisions_and_carried_actions(packs: dict[Language, Pack]) -> None:
    deck = deck_of(write_pptx(packs[Language.EN]))
    slide = next(s for s in deck.slides if title_of(s) == "Commentary, decisions and actions")
    text = "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    assert "Commentary\n• LinkedIn trägt, Facebook bleibt hinter Plan.\n• MK-1.1 Impressions: =Budget verdoppeln" in text
    assert "• Facebook-Budget umschichten" in text
    assert "• Messe-Kampagne planen (Anna, Due 2026-12-05)" in text
    assert "Open actions from earlier reviews\n• Redaktionsplan Q1 abstimmen (Ben, Due 2026-11-30)" in text


def corporate_template(as_potx: bool) -> bytes:
    """A 4:3 deck with one example slide, as a user's corporate template would be."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = 9144000, 6858000
    deck.slides.add_slide(deck.slide_layouts[0]).shapes.title.text = "Beispielfolie"
    out = io.BytesIO()
    deck.save(out)
    if not as_potx:
        return out.getvalue()
    source, potx = zipfile.ZipFile(io.BytesIO(out.getvalue())), io.BytesIO()
    with zipfile.ZipFile(potx, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"presentationml.presentation.main+xml", b"presentationml.template.main+xml")
            target.writestr(item, content)
    return potx.getvalue()


@pytest.mark.parametrize("as_potx", [False, True])
def test_pptx_uses_a_corporate_template_and_drops_its_example_slides(packs: dict[Language, Pack], as_potx: bool) -> None:
    deck = deck_of(write_pptx(packs[Language.EN], corporate_template(as_potx)))
    assert (deck.slide_width, deck.slide_height) == (9144000, 6858000)
    assert title_of(deck.slides[0]) == "Social media management review"
    assert "Beispielfolie" not in [title_of(s) for s in deck.slides]
    key_results = sum(len(o.key_results) for d in packs[Language.EN].departments for o in d.objectives)
    sparklines = sum(len(line) > 1 for line in packs[Language.EN].sparklines.values())
    assert sum(shape.has_chart for slide in deck.slides for shape in slide.shapes) == 2 + key_results + sparklines  # trend, status, bullets, KPI tiles


THEME_ACCENTS = ["7A1F5C", "0E7C7B", "D4A017", "3B3B98", "5C8001", "B33F00"]


def themed_template() -> bytes:
    """A corporate template whose theme names its own fonts (Georgia headings, Verdana body) and accent colours."""
    import re

    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    deck = Presentation()
    theme = deck.slide_masters[0].part.part_related_by(RT.THEME)
    xml = theme.blob.decode()
    xml = xml.replace('<a:majorFont><a:latin typeface="Calibri"/>', '<a:majorFont><a:latin typeface="Georgia"/>')
    xml = xml.replace('<a:minorFont><a:latin typeface="Calibri"/>', '<a:minorFont><a:latin typeface="Verdana"/>')
    for number, colour in enumerate(THEME_ACCENTS, start=1):
        xml = re.sub(rf'<a:accent{number}><a:srgbClr val="\w+"/>', f'<a:accent{number}><a:srgbClr val="{colour}"/>', xml)
    theme._blob = xml.encode()
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def test_pptx_takes_a_templates_theme_fonts_and_accents_but_keeps_status_colours(packs: dict[Language, Pack]) -> None:
    from charts.theme import PLATFORM_COLOURS, STATUS_COLOURS
    from reports.pptx_writer import template_palette

    pack = packs[Language.DE]
    deck = deck_of(write_pptx(pack, themed_template()))
    palette = template_palette(deck)
    assert (palette.heading_font, palette.body_font, palette.series) == ("Georgia", "Verdana", tuple(f"#{c}" for c in THEME_ACCENTS))
    slides = list(deck.slides)
    assert {run.font.name for s in slides if s.shapes.title is not None for p in s.shapes.title.text_frame.paragraphs for run in p.runs} == {"Georgia"}
    body = {
        run.font.name
        for s in slides
        for shape in s.shapes
        if shape.has_text_frame and shape != s.shapes.title
        for p in shape.text_frame.paragraphs
        for run in p.runs
    }
    assert body == {"Verdana"}
    charts = [shape.chart for s in slides for shape in s.shapes if shape.has_chart]
    assert {chart.font.name for chart in charts} == {"Verdana"}
    kpis = next(s for s in slides if title_of(s).startswith("KPI-Überblick"))
    sparkline_colours = {str(shape.chart.plots[0].series[0].format.line.color.rgb) for shape in kpis.shapes if shape.has_chart}
    assert sparkline_colours == {THEME_ACCENTS[0]}  # accent 1
    trend = next(c for c in charts if c.chart_type == XL_CHART_TYPE.LINE_MARKERS)
    assert [str(series.format.line.color.rgb) for series in trend.series] == THEME_ACCENTS[: len(pack.trend.columns)]  # accents in platform order
    marketing = slides[3]
    bullet = next(shape.chart for shape in marketing.shapes if shape.has_chart)
    colours = {series.name: str(series.format.fill.fore_color.rgb) for series in bullet.plots[0].series}
    assert colours["Ziel"] == THEME_ACCENTS[0]
    assert colours["Ist"] == STATUS_COLOURS["off_track"].lstrip("#")  # MK-1.1 off track: the status colour stays
    status = next(c for c in charts if c.chart_type == XL_CHART_TYPE.BAR_STACKED)
    assert [str(series.format.fill.fore_color.rgb) for series in status.plots[0].series] == [STATUS_COLOURS[s].lstrip("#") for s in pack.status_counts.columns]
    # without a template: the dashboard's fonts (none set) and colours
    default = deck_of(write_pptx(pack))
    plain_trend = next(shape.chart for s in default.slides for shape in s.shapes if shape.has_chart and shape.chart.chart_type == XL_CHART_TYPE.LINE_MARKERS)
    assert [str(series.format.line.color.rgb) for series in plain_trend.series] == [PLATFORM_COLOURS[p].lstrip("#") for p in pack.trend.columns]
    assert plain_trend.font.name is None


def test_pptx_finds_the_title_only_layout_by_its_placeholders(packs: dict[Language, Pack]) -> None:
    template = Presentation()
    master = template.slide_masters[0]
    title_only = next(layout for layout in master.slide_layouts if layout.name == "Title Only")
    master.slide_layouts.remove(title_only)  # a corporate template without one
    reordered = io.BytesIO()
    template.save(reordered)
    deck = deck_of(write_pptx(packs[Language.EN], reordered.getvalue()))
    assert deck.slides[0].slide_layout.name == "Title Slide"
    assert deck.slides[2].slide_layout.name == "Title and Content"  # a title-led layout, not the title slide
    assert title_of(deck.slides[2]) == "Corporate communications / PR"
    default = deck_of(write_pptx(packs[Language.EN]))
    assert [default.slides[0].slide_layout.name, default.slides[2].slide_layout.name] == ["Title Slide", "Title Only"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7 not a deck", "not a PowerPoint file"),
        (b"PK\x03\x04 truncated", "damaged or truncated"),
        (Path(GOALS).read_bytes(), "not a PowerPoint file"),
    ],
)
def test_unusable_templates_are_refused_with_a_message(packs: dict[Language, Pack], data: bytes, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        write_pptx(packs[Language.EN], data)


# --- Excel and CSV --------------------------------------------------------------------------------


def with_hostile_posts(pack: Pack) -> Pack:
    posts = pack.posts.copy()
    posts.loc[posts.index[: len(HOSTILE_TEXTS)], "text"] = HOSTILE_TEXTS
    return dataclasses.replace(pack, posts=posts)


def test_xlsx_numbers_formats_frozen_headers_and_inert_text(packs: dict[Language, Pack], kpi_engine: KpiEngine, config) -> None:
    pack = with_hostile_posts(packs[Language.DE])
    book = openpyxl.load_workbook(io.BytesIO(write_xlsx(pack)))
    assert book.sheetnames == ["Übersicht", "KPI-Überblick", "Ziele und Schlüsselergebnisse", "Beiträge"]
    kpis = book["KPI-Überblick"]
    assert kpis.freeze_panes == "A2"
    table = comparison_table(kpi_engine, Scope(), Q4, AS_OF, PACK_KPIS)
    for row, item in enumerate(table.itertuples(index=False), start=2):
        assert kpis.cell(row, 1).value == f"{CATALOG[item.kpi].label_de} {kpi_markers(item)}".strip()
        assert kpis.cell(row, 2).value == pytest.approx(item.value)
        assert kpis.cell(row, 2).data_type == "n"
        if item.status_previous == "change":
            assert kpis.cell(row, 4).value == pytest.approx(item.change_previous)
        else:  # no number where the comparison says why there is none
            assert kpis.cell(row, 4).value == change_text(item.change_previous, item.status_previous, Language.DE)
    assert kpis.cell(2, 1).value == "Impressionen ◆"  # YouTube's impressions come from its posts
    notes = [kpis.cell(r, 1).value for r in range(len(table) + 3, kpis.max_row + 1)]
    assert notes[0] == "Daten bis 22.11.2026" and any(n.startswith("◆ Aus Beitragswerten") for n in notes)
    rate = next(r for r in range(2, kpis.max_row + 1) if kpis.cell(r, 1).value == "Interaktionsrate")
    assert kpis.cell(rate, 2).number_format == "0.00%"
    assert kpis.cell(2, 2).number_format == "#,##0"

    results = book["Ziele und Schlüsselergebnisse"]
    assert results.freeze_panes == "A2"
    written = {row[2]: row for row in results.iter_rows(min_row=2, values_only=True)}
    assert written["MK-1.1"][12] == "=Budget verdoppeln"
    for result in evaluate(kpi_engine, goals_for(config, Q4), AS_OF).key_results:
        actual, target = written[result.key_result.id][7], written[result.key_result.id][6]
        assert target == pytest.approx(result.key_result.target)
        assert actual == (None if result.actual != result.actual else pytest.approx(result.actual))

    posts = book["Beiträge"]
    assert posts.freeze_panes == "A2"
    texts = [posts.cell(row, 5) for row in range(2, 2 + len(HOSTILE_TEXTS))]
    assert [c.value for c in texts] == HOSTILE_TEXTS
    assert {c.data_type for c in texts} == {"s"}  # strings, never formulas ("f")
    assert posts.cell(2, 1).number_format == "dd.mm.yyyy hh:mm"
    assert not any(cell.hyperlink for row in posts.iter_rows() for cell in row)


def test_xlsx_in_english_uses_english_sheet_names_and_dates(packs: dict[Language, Pack]) -> None:
    book = openpyxl.load_workbook(io.BytesIO(write_xlsx(packs[Language.EN])))
    assert book.sheetnames == ["Overview", "KPI overview", "Objectives and key results", "Posts"]
    assert book["Posts"].cell(2, 1).number_format == "yyyy-mm-dd hh:mm"


def chart_series(data: bytes) -> list[tuple[str, str, list[float]]]:
    """Every chart of a workbook as (chart type, series name reference, cached values), read from its XML."""
    import re

    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(n for n in archive.namelist() if n.startswith("xl/charts/chart")):
            xml = archive.read(name).decode()
            kind = re.search(r"<c:(barChart|lineChart)>", xml).group(1)
            for series in re.findall(r"<c:ser>(.*?)</c:ser>", xml, re.S):
                reference = re.search(r"<c:tx><c:strRef><c:f>(.*?)</c:f>", series).group(1)
                values = re.search(r"<c:val>(.*?)</c:val>", series, re.S).group(1)
                points = {int(i): float(v) for i, v in re.findall(r'<c:pt idx="(\d+)"><c:v>(.*?)</c:v>', values)}
                count = int(re.search(r'<c:ptCount val="(\d+)"', values).group(1))
                found.append((kind, reference, [points.get(i, math.nan) for i in range(count)]))
    return found


def test_xlsx_overview_has_native_charts_of_status_and_trend(packs: dict[Language, Pack], kpi_engine: KpiEngine, config) -> None:
    pack = packs[Language.DE]
    data = write_xlsx(pack)
    book = openpyxl.load_workbook(io.BytesIO(data))
    overview = book["Übersicht"]
    assert overview["A2"].value == "Daten bis 22.11.2026"
    # the status table, counted here from the goal engine's key results
    report = evaluate(kpi_engine, goals_for(config, Q4), AS_OF)
    counted: dict[tuple[str, str], int] = {}
    for result in report.key_results:
        name = DEPARTMENTS[result.objective.department].label("de")
        counted[name, translate(f"status.{result.status}", Language.DE)] = counted.get((name, translate(f"status.{result.status}", Language.DE)), 0) + 1
    header_row = next(r for r in range(1, overview.max_row + 1) if overview.cell(r, 1).value == "Abteilung")
    statuses = [overview.cell(header_row, c).value for c in range(2, 7)]
    table = {
        (overview.cell(r, 1).value, status): overview.cell(r, c).value
        for r in range(header_row + 1, header_row + 1 + len(pack.status_counts))
        for c, status in enumerate(statuses, start=2)
    }
    assert {k: v for k, v in table.items() if v} == counted
    series = chart_series(data)
    bars = [s for s in series if s[0] == "barChart"]
    lines = [s for s in series if s[0] == "lineChart"]
    assert len(bars) == 5 and len(lines) == len(pack.trend.columns)
    for column, (_, _, values) in enumerate(bars, start=2):  # each status's counts per department
        assert values == [overview.cell(r, column).value for r in range(header_row + 1, header_row + 1 + len(pack.status_counts))]
    for (_, _, values), platform in zip(lines, pack.trend.columns, strict=True):
        assert values == pytest.approx(list(pack.trend[platform]), nan_ok=True)


def test_csv_export_defuses_formula_like_text() -> None:
    frame = pd.DataFrame({"text": [*HOSTILE_TEXTS, "Guten Tag", None], "impressions": [-5, 1, 2, 3, 4, 5]})
    lines = safe_csv(frame).decode("utf-8-sig").splitlines()
    assert lines[1:] == [
        '"\'=HYPERLINK(""http://evil.example"",""click"")";-5',  # quoted by the CSV rules, still inert
        "'+1+1;1",
        "'-2+3;2",
        "'@SUM(A1:A2);3",
        "Guten Tag;4",
        ";5",
    ]


# --- PDF ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", list(Language))
def test_pdf_text_carries_the_engine_numbers(packs: dict[Language, Pack], kpi_engine: KpiEngine, language: Language) -> None:
    reader = PdfReader(io.BytesIO(write_pdf(packs[language])))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert translate("report.title", language) in text
    for label, figures in expected_kpi_texts(kpi_engine, language).items():
        assert label in text
        assert figures[0] in text
    deck = deck_of(write_pptx(packs[language]))
    assert len(reader.pages) == len(deck.slides) == 19  # title, summary, 5 departments, KPIs, 2 charts, top and worst posts on one, review, 7 appendix tables
    for page, slide in zip(reader.pages[1:], list(deck.slides)[1:], strict=True):  # the same slides in the same order
        assert page.extract_text().replace("\n", " ").startswith(title_of(slide)), title_of(slide)


def test_pdf_department_pages_show_the_headline_and_every_bullet_value(packs: dict[Language, Pack], kpi_engine: KpiEngine, config) -> None:
    reader = PdfReader(io.BytesIO(write_pdf(packs[Language.DE])))
    report = evaluate(kpi_engine, goals_for(config, Q4), AS_OF)
    for page, department in zip(reader.pages[2:7], packs[Language.DE].departments, strict=True):
        text = " ".join(page.extract_text().split())
        for result in (r for r in report.key_results if r.objective.department == department.key):
            unit = CATALOG[result.key_result.kpi].unit.value
            assert f"Ist {formatting.kpi_value(result.actual, unit, Language.DE)}" in text
            assert f"Ziel {formatting.kpi_value(result.key_result.target, unit, Language.DE)}" in text
            assert f"Prognose {formatting.kpi_value(result.forecast, unit, Language.DE)}" in text
    marketing = " ".join(reader.pages[3].extract_text().split())
    assert "1 von 3 Schlüsselergebnissen auf Kurs; Impressionen (Facebook) 45 % hinter Plan, Prognose 224.709 von 410.000" in marketing
    assert "=Budget verdoppeln" in marketing


def test_pdf_pages_render_to_images_with_nothing_in_the_margins(packs: dict[Language, Pack]) -> None:
    """Every page as a PNG in screenshots/ (to look at); no ink in the outer 12 mm left and right: nothing cut off."""
    from PIL import Image

    folder = ROOT / "screenshots"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("pack-*.png"):
        old.unlink()
    source = folder / "pack.pdf"
    source.write_bytes(write_pdf(packs[Language.DE]))
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(source), str(folder / "pack")], check=True)
    pages = sorted(folder.glob("pack-*.png"))
    assert len(pages) == len(PdfReader(source).pages)
    for path in pages:
        image = Image.open(path).convert("L")
        margin = round(image.width * 12 / 297)  # 12 mm of the A4 landscape width (the pages keep 15)
        for box in ((0, 0, margin, image.height), (image.width - margin, 0, image.width, image.height)):
            assert image.crop(box).getextrema()[0] > 200, (path.name, box)  # only white (anti-aliasing aside)


def test_pdf_tables_wrap_only_at_spaces_and_no_text_below_12_pt(packs: dict[Language, Pack]) -> None:
    """Every word of the appendix tables is on its page whole (a word broken over two lines would be two words there)."""
    import re

    pack = packs[Language.DE]
    reader = PdfReader(io.BytesIO(write_pdf(pack)))
    sizes = {float(size) for page in reader.pages for size in re.findall(rb"/F\w* ([\d.]+) Tf", page.get_contents().get_data())}
    assert sizes and min(sizes) >= 12  # the footer included
    pages = {page.extract_text().split("\n")[0]: set(page.extract_text().split()) for page in reader.pages}
    for department in pack.departments:
        grid = department_grid(pack, department)
        words = pages[f"Anhang: {department.label}"]
        for text in [*grid.header, *(cell for row in grid.rows for cell in row)]:
            for word in text.split():
                assert word in words, (department.label, word)
    assert {"Zeitraum", "Prognose", "Fortschritt", "Zielerreichung"} <= pages["Anhang: Marketing"]  # once broken as "Zeitrau m"
    assert "Unternehmenskommunikation" in pages["Anhang: Zusammenfassung: Ziele und Status"]  # the longest department word, whole


def test_pdf_shortens_a_word_longer_than_its_column_with_an_ellipsis(packs: dict[Language, Pack]) -> None:
    from reports.pack import Grid
    from reports.pdf_writer import CELL_PADDING, _Document

    document = _Document(packs[Language.DE])
    word = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen"
    grid = Grid(["A", "B"], [[f"kurz {word} kurz", "x"]], [None], widths=(0.1, 0.9))
    widths = document.column_widths(grid)
    assert sum(widths) == pytest.approx(267.0)
    assert widths[0] == pytest.approx(267.0 * 0.3)  # widened for the long word, up to 30 % of the page
    fitted = document.fit_words(grid.rows[0][0], widths[0] - CELL_PADDING, bold=False)
    first, cut, last = fitted.split(" ")
    assert (first, last) == ("kurz", "kurz") and cut.endswith("…") and word.startswith(cut[:-1])
    longer = cut[:-1] + word[len(cut) - 1] + "…"
    assert document.word_width(cut, bold=False) <= widths[0] - CELL_PADDING < document.word_width(longer, bold=False)  # the longest that fits
    document.add_page()
    document.output()  # fpdf2 closes its font files when it writes the document


def test_nice_axis_ceiling() -> None:
    assert [_nice_ceiling(v) for v in (26_782, 0, 9.5, 101)] == [30_000, 1.0, 10, 200]


# --- review log -----------------------------------------------------------------------------------


def test_review_log_round_trip_and_open_actions_carry_over(engine: Engine) -> None:
    october = Review(
        dt.date(2026, 10, 20),
        "Q3/2026",
        "Q3 abgeschlossen",
        {"PR-1.1": "Messe zahlt ein"},
        ("Mehr Video",),
        (Action("Videoplan", "Ben", dt.date(2026, 11, 1)), Action("Erledigtes", "Cem", done=True)),
    )
    first = save_review(engine, october)
    november = Review(dt.date(2026, 11, 24), "2026-Q4", "Q4 läuft", {}, ("Budget umschichten", " "), (Action("Kampagne", "Anna", dt.date(2026, 12, 5)),))
    second = save_review(engine, november)

    loaded = load_review(engine, first)
    assert loaded is not None
    assert (loaded.held_on, loaded.period, loaded.summary, loaded.comments, loaded.decisions) == (
        dt.date(2026, 10, 20),
        "Q3/2026",
        "Q3 abgeschlossen",
        {"PR-1.1": "Messe zahlt ein"},
        ("Mehr Video",),
    )
    assert [(a.text, a.owner, a.due, a.done) for a in loaded.actions] == [("Videoplan", "Ben", dt.date(2026, 11, 1), False), ("Erledigtes", "Cem", None, True)]
    latest = latest_review(engine)
    assert latest is not None and latest.id == second and latest.decisions == ("Budget umschichten",)

    # the Q4 pack carries October's open action, not its done one nor November's own
    review, carried = review_of(engine, parse_period("2026-Q4"))
    assert review is not None and review.id == second
    assert [a.text for a in carried] == ["Videoplan"]
    assert review_of(engine, parse_period("2026-Q3"))[0].id == first  # "Q3/2026" is the same period
    mark_done(engine, carried[0].id)
    assert review_of(engine, parse_period("2026-Q4"))[1] == ()
    assert [a.text for a in open_actions(engine)] == ["Kampagne"]


# --- command line ---------------------------------------------------------------------------------


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_cli_report_writes_each_format(tmp_path: Path, writable_demo_db: str, kpi_engine: KpiEngine) -> None:
    common = ["report", "--db", writable_demo_db, "--goals", str(GOALS), "--period", "2026-Q4", "--as-of", "2026-11-22"]
    for kind in ("pptx", "xlsx", "pdf"):
        out = tmp_path / f"pack.{kind}"
        done = cli(*common, "--format", kind, "--out", str(out), "--lang", "en")
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 10_000
    deck = deck_of((tmp_path / "pack.pptx").read_bytes())
    appendix = next(s for s in deck.slides if title_of(s) == "Appendix: KPI overview · Q4 2026")
    rows = {row[0]: row[1:] for row in tables_of(appendix)[0][1:]}
    assert rows == expected_kpi_texts(kpi_engine, Language.EN)
    assert "Impressions" in PdfReader(tmp_path / "pack.pdf").pages[7].extract_text()


def test_cli_report_usage_and_template_errors(tmp_path: Path, writable_demo_db: str) -> None:
    common = ["report", "--db", writable_demo_db, "--goals", str(GOALS), "--format", "pptx", "--out", str(tmp_path / "x.pptx")]
    bad_period = cli(*common, "--period", "2026-Q5")
    assert bad_period.returncode == 2
    assert "2026-Q5" in bad_period.stderr
    no_goals = cli("report", "--db", writable_demo_db, "--goals", str(tmp_path / "missing.xlsx"), "--period", "2026-Q4", "--format", "pdf", "--out", "x.pdf")
    assert no_goals.returncode == 2
    bad_template = cli(*common, "--period", "2026-Q4", "--template", str(GOALS))
    assert bad_template.returncode == 1
    assert "not a PowerPoint file" in bad_template.stderr
    assert not (tmp_path / "x.pptx").exists()


def test_actions_from_the_editor_keep_rows_with_text_and_read_every_date_form() -> None:
    from ui.reviews import actions_from_editor

    edited = pd.DataFrame(
        {
            "text": ["Videoplan ", None, "  ", "Kampagne", "Newsletter"],
            "owner": ["Ben", None, "Cem", pd.NA, " Anna "],
            "due": [dt.date(2026, 12, 5), None, None, "2026-12-24", pd.Timestamp("2027-01-08")],
            "done": [True, None, False, pd.NA, False],
        },
        dtype=object,
    )
    assert actions_from_editor(edited) == (
        Action("Videoplan", "Ben", dt.date(2026, 12, 5), True),
        Action("Kampagne", "", dt.date(2026, 12, 24), False),
        Action("Newsletter", "Anna", dt.date(2027, 1, 8), False),
    )


# --- labels, not stored keys ----------------------------------------------------------------------

STORED_KEYS = {str(p) for p in Platform} | set(DEPARTMENTS) | {"instagram_posts", "facebook_posts", "linkedin_content_posts", "youtube_table_videos"}


def pack_texts(pack: Pack) -> dict[str, list[str]]:
    """Every text a reader sees in each format: table cells, slide texts, chart series, PDF words."""
    deck = deck_of(write_pptx(pack))
    slides = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame]
    slides += [cell.text for slide in deck.slides for shape in slide.shapes if shape.has_table for row in shape.table.rows for cell in row.cells]
    slides += [s.name for slide in deck.slides for shape in slide.shapes if shape.has_chart for s in shape.chart.plots[0].series]
    book = openpyxl.load_workbook(io.BytesIO(write_xlsx(pack)))
    cells = [str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    words = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(write_pdf(pack))).pages).split()
    return {"pptx": slides, "xlsx": cells, "pdf": words}


@pytest.mark.parametrize("language", list(Language))
def test_no_stored_key_in_any_pack_format(packs: dict[Language, Pack], language: Language) -> None:
    for kind, texts in pack_texts(packs[language]).items():
        # PDF text comes as words: there a department key can be an ordinary word ("Customer service").
        keys = STORED_KEYS - set(DEPARTMENTS) if kind == "pdf" else STORED_KEYS
        leaked = sorted({text for text in texts if text.strip(" ·:,()") in keys})
        assert leaked == [], (kind, leaked)
    book = openpyxl.load_workbook(io.BytesIO(write_xlsx(packs[language])))
    platforms = {row[1] for row in book[book.sheetnames[3]].iter_rows(min_row=2, values_only=True)}
    assert platforms <= {"LinkedIn", "Facebook", "Instagram", "X", "YouTube", "TikTok", "Sonstige", "Other"}


def test_executive_summary_has_a_tile_per_department_with_its_status_colour_score_and_risks(packs: dict[Language, Pack], kpi_engine: KpiEngine, config) -> None:
    from charts.theme import STATUS_COLOURS

    deck = deck_of(write_pptx(packs[Language.DE]))
    slide = deck.slides[1]
    report = evaluate(kpi_engine, goals_for(config, Q4), AS_OF)
    bars = [shape for shape in slide.shapes if shape.shape_type == 1]  # autoshapes: the tiles' coloured bars
    assert len(bars) == len(report.departments)
    for bar, (key, roll_up) in zip(bars, report.departments.items(), strict=True):
        name, state = bar.text_frame.text.split("\n")
        assert name == DEPARTMENTS[key].label("de")
        assert state == f"{translate(f'status.{roll_up.status}', Language.DE)} · {formatting.percent(roll_up.score, Language.DE, digits=0)}"
        assert str(bar.fill.fore_color.rgb) == STATUS_COLOURS[str(roll_up.status)].lstrip("#").upper()
    texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame and shape.shape_type != 1 and shape != slide.shapes.title]
    marketing = texts[1].split("\n")
    assert marketing[0] == "=Budget verdoppeln"  # the review's word on the department leads its tile
    # its risks: the key results off track, at risk or without data, most severe first (counted here)
    risky = [r for r in report.key_results if r.objective.department == "marketing" and str(r.status) in ("off_track", "at_risk", "no_data")]
    assert len(marketing) - 1 == min(3, len(risky))
    assert marketing[1].startswith("• MK-1.1 Impressionen: Prognose")


@pytest.mark.parametrize("rank_by", ["impressions", "engagement_rate"])
def test_top_posts_ranked_by_a_chosen_kpi_with_the_worst_three(kpi_engine: KpiEngine, config, rank_by: str) -> None:
    from metrics.views import post_table
    from reports.pack import short

    pack = build_pack(kpi_engine, config, Q4, AS_OF, Language.EN, rank_by=rank_by)
    posts = post_table(kpi_engine, Scope(), Q4.until(AS_OF) or Q4).dropna(subset=[rank_by])
    values = sorted(posts[rank_by], reverse=True)
    unit = CATALOG[rank_by].unit.value
    deck = deck_of(write_pptx(pack))
    slide = next(s for s in deck.slides if title_of(s) == "Top and weakest posts · Q4 2026")  # one slide: the best and the worst beside them
    rows = tables_of(slide)[0]
    assert rows[0][4] == CATALOG[rank_by].label("en")
    assert [rows[1][0], rows[7][0]] == ["Top 5", "Weakest 3"] and not any(rows[1][1:] + rows[7][1:])  # heading rows
    top, worst = rows[2:7], rows[8:]
    assert [row[4] for row in top] == [formatting.kpi_value(v, unit, Language.EN) for v in values[:5]]
    assert [row[4] for row in worst] == [formatting.kpi_value(v, unit, Language.EN) for v in values[::-1][:3]]  # lowest first
    links = list(posts.sort_values([rank_by, "published_at"], ascending=False, kind="stable")["permalink"].head(5))  # ties: newest first
    shown = [short(link.removeprefix("https://").removeprefix("www."), 45) if isinstance(link, str) else "" for link in links]
    assert [row[4 + 1] for row in top] == shown  # the address without "https://www.", ...
    cells = [next(shape for shape in slide.shapes if shape.has_table).table.cell(row, 5) for row in range(2, 7)]
    opened = [cell.text_frame.paragraphs[0].runs[0].hyperlink.address if cell.text else None for cell in cells]
    assert opened == [link if isinstance(link, str) else None for link in links]  # ... whose click opens the whole one
    assert any(isinstance(link, str) and link.startswith("https://") for link in links)
    notes = slide.notes_slide.notes_text_frame.text.split("\n")
    assert notes[0] == "Top 5" and notes[6] == "Weakest 3"  # the notes name the sections as the table does


RANKED = pd.DataFrame(
    {
        "post_id": ["a", "b", "c", "d", "e"],
        "published_at": pd.to_datetime(["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05"], utc=True),
        "engagements": [10, 30, 30, 5, 1],
        "impressions": [100, 1000, 200, math.nan, 50],
        "views": [50, math.nan, 500, 20, 80],
    }
).assign(engagement_rate=lambda f: f["engagements"] / f["impressions"])


@pytest.mark.parametrize(
    ("by", "top", "weakest"),
    [
        ("engagements", ["c", "b"], ["e", "d"]),  # c and b tie at 30: the newer (c) first
        ("engagement_rate", ["c", "a"], ["e", "b"]),  # 0.15, 0.10 | 0.02, 0.03; d has no impressions, so no rate
        ("impressions", ["b", "c"], ["e", "a"]),  # 1000, 200 | 50, 100
        ("views", ["c", "e"], ["d", "a"]),  # 500, 80 | 20, 50; b has no views
    ],
)
def test_posts_ranked_by_each_kpi_best_first_weakest_lowest_first(by: str, top: list[str], weakest: list[str]) -> None:
    from metrics.views import RANK_KPIS, top_and_weakest

    assert by in RANK_KPIS
    best, worst = top_and_weakest(RANKED, by, top=2, weakest=2)
    assert (list(best["post_id"]), list(worst["post_id"])) == (top, weakest)
    five, none = top_and_weakest(RANKED, by, top=5, weakest=3)  # the rest after the top five is empty: no post in both lists
    assert len(five) == len(RANKED.dropna(subset=[by])) and none.empty


def test_cli_report_ranks_top_posts_by_the_chosen_kpi(tmp_path: Path, writable_demo_db: str, kpi_engine: KpiEngine) -> None:
    from metrics.views import post_table

    common = ["report", "--db", writable_demo_db, "--goals", str(GOALS), "--period", "2026-Q4", "--as-of", "2026-11-22", "--format", "pptx", "--lang", "en"]
    done = cli(*common, "--out", str(tmp_path / "pack.pptx"), "--rank-by", "engagement_rate")
    assert done.returncode == 0, done.stderr
    deck = deck_of((tmp_path / "pack.pptx").read_bytes())
    top = next(tables_of(s)[0] for s in deck.slides if title_of(s) == "Top and weakest posts · Q4 2026")
    rates = sorted(post_table(kpi_engine, Scope(), Q4.until(AS_OF) or Q4)["engagement_rate"].dropna(), reverse=True)[:5]
    assert top[0][4] == "Engagement rate"
    assert [row[4] for row in top[2:7]] == [formatting.kpi_value(v, "percent", Language.EN) for v in rates]
    wrong = cli(*common, "--out", str(tmp_path / "x.pptx"), "--rank-by", "reach")
    assert wrong.returncode == 2 and "--rank-by" in wrong.stderr


def test_event_boxes_line_for_one_week_band_for_several() -> None:
    from reports.pptx_writer import TREND_PLOT, event_boxes

    box = (1000, 2000, 10000, 5000)  # frame: plot area x 1000 + 700 = 1700, width 9000, 4 weeks: slots of 2250
    boxes = event_boxes(box, [(1, 1, "Messe", "#888888"), (2, 3, "Kampagne", "#888888")], 4)
    assert TREND_PLOT == (0.07, 0.04, 0.9, 0.7)
    messe, kampagne = boxes
    assert messe[0] == "Messe" and abs(messe[1] + messe[3] / 2 - (1700 + 2250 * 1.5)) <= 1  # the middle of week 2
    assert kampagne == ("Kampagne", 1700 + 2250 * 2, 2000 + 200, 4500, 3500)  # weeks 3 and 4, the plot's height


def test_the_packs_notes_name_accounts_as_people_read_them(packs: dict[Language, Pack]) -> None:
    """Seen in a user's run: "◆ From post figures: x/HaberlandAG, youtube/Haberland TV" under the KPI table."""
    from reports.pack import kpi_notes

    [posts] = [note for note in kpi_notes(packs[Language.DE]) if note.startswith("◆")]
    assert "YouTube: Haberland TV" in posts and "youtube/" not in posts and "x/" not in posts
    from metrics.views import account_list

    assert account_list(["youtube/Haberland TV", "x/HaberlandAG", "x/HaberlandAG", "other/a/b"], Language.DE) == (
        "Sonstige: a/b, X: HaberlandAG, YouTube: Haberland TV"
    )
