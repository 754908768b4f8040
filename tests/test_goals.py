"""The goals workbook and YAML: English and German, strict validation, safe YAML, the template."""

from __future__ import annotations

import io

import openpyxl
import pytest

from metrics.goals import GoalsError, KeyResultType, goals_template, load_goals
from tests.hostile import workbook_bytes

OBJECTIVES_DE = [["ID", "Ziel", "Abteilung", "Ebene", "Beschreibung"], ["HR-1", "Arbeitgebermarke stärken", "Personal", "outflow", "Azubis"]]
KEY_RESULTS_DE = [
    ["Ziel-ID", "Kennzahl", "Plattform", "Konto", "Thema", "Zeitraum", "Ausgangswert", "Zielwert", "Typ"],
    ["HR-1", "followers", "tiktok", "", "", "KW 14/2026", "1.000", "1.500", "verbindlich"],
    ["HR-1", "engagement_rate", "", "", "", "Q3/2026", "3,5 %", "4,2 %", "ambitioniert"],
]


def german_workbook(objectives=OBJECTIVES_DE, key_results=KEY_RESULTS_DE, extra: dict | None = None) -> bytes:
    book = openpyxl.Workbook()
    book.active.title = "Ziele"
    for row in objectives:
        book.active.append(row)
    sheet = book.create_sheet("Kennzahlen")
    for row in key_results:
        sheet.append(row)
    for name, rows in (extra or {}).items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_german_workbook_with_german_numbers_and_periods() -> None:
    config = load_goals("ziele.xlsx", german_workbook())
    assert [(o.id, o.department, o.level) for o in config.objectives] == [("HR-1", "hr", "outflow")]
    first, second = config.key_results
    assert (first.id, first.kpi, first.platform, first.period.start.isoformat()) == ("HR-1.1", "followers", "tiktok", "2026-03-30")
    assert (first.baseline, first.target) == (1000, 1500)  # German thousands: 1.000 and 1.500
    assert (second.baseline, second.target, second.type) == (pytest.approx(0.035), pytest.approx(0.042), KeyResultType.ASPIRATIONAL)


def issues_of(data: bytes, name: str = "ziele.xlsx") -> list[tuple]:
    with pytest.raises(GoalsError) as raised:
        load_goals(name, data)
    return [(i.sheet, i.row, i.column, i.value) for i in raised.value.issues]


def test_every_problem_is_named_with_sheet_row_column_and_value() -> None:
    key_results = [
        KEY_RESULTS_DE[0],
        ["HR-1", "happiness", "", "", "", "2026", "", "10", ""],  # unknown KPI
        ["HR-1", "followers", "myspace", "", "", "2026", "", "10", ""],  # unknown platform
        ["HR-9", "followers", "", "", "", "2026", "", "10", ""],  # unknown objective
        ["HR-1", "followers", "", "", "", "Sommer 2026", "", "10", ""],  # unknown period
        ["HR-1", "followers", "", "", "", "2026", "", "viele", ""],  # not a number
        ["HR-1", "followers", "", "", "", "2026", "", "10", "vielleicht"],  # unknown type
    ]
    objectives = [*OBJECTIVES_DE, ["HR-1", "Doppelt", "Einkauf", "", ""]]  # duplicate id, unknown department
    found = issues_of(german_workbook(objectives, key_results))
    assert ("Kennzahlen", 2, "Kennzahl", "happiness") in found
    assert ("Kennzahlen", 3, "Plattform", "myspace") in found
    assert ("Kennzahlen", 4, "Ziel-ID", "HR-9") in found
    assert ("Kennzahlen", 5, "Zeitraum", "Sommer 2026") in found
    assert ("Kennzahlen", 6, "Zielwert", "viele") in found
    assert ("Kennzahlen", 7, "Typ", "vielleicht") in found
    assert ("Ziele", 3, "ID", "HR-1") in found
    assert ("Ziele", 3, "Abteilung", "Einkauf") in found


def test_unknown_columns_sheets_accounts_and_tags_are_errors() -> None:
    key_results = [[*KEY_RESULTS_DE[0], "Kommentar"], ["HR-1", "followers", "tiktok", "unbekannt", "Sport", "2026", "", "10", "", "x"]]
    extra = {
        "Konten": [["Plattform", "Konto", "Abteilung"], ["tiktok", "azubis", "hr"]],
        "Themen": [["Thema", "Treffer"], ["Ausbildung", "#ausbildung"]],
        "Notizen": [["egal"]],
    }
    found = issues_of(german_workbook(key_results=key_results, extra=extra))
    assert ("Kennzahlen", None, "Kommentar", None) in found
    assert ("Kennzahlen", 2, "Konto", "unbekannt") in found
    assert ("Kennzahlen", 2, "Thema", "Sport") in found
    assert ("Notizen", None, None, None) in found


def test_percent_targets_must_be_fractions_or_percent_signs() -> None:
    key_results = [KEY_RESULTS_DE[0], ["HR-1", "engagement_rate", "", "", "", "2026", "", "4", ""]]
    assert ("Kennzahlen", 2, "Zielwert", "4.0") in issues_of(german_workbook(key_results=key_results))


YAML = """
objectives:
  - id: NO
    objective: Norway stays Norway
    department: sales
key_results:
  - objective_id: NO
    kpi: leads
    period: 2026-Q1
    target: 10
"""


def test_yaml_with_english_names_and_no_that_stays_a_string() -> None:
    config = load_goals("goals.yaml", YAML.encode())
    assert config.objectives[0].id == "NO"
    assert config.key_results[0].objective_id == "NO"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: &a [1, 2]\nb: [*a, *a, *a]\n", "aliases"),
        ("objectives: []\nobjectives: []\n", "duplicate key"),
        ("objectives: [\n", "not valid"),
        ("- just\n- a list\n", "mapping of sections"),
        ("objectives:\n  - id: A\n    objective: x\n    department: pr\n    colour: blue\nkey_results: []\n", "Unknown column 'colour'"),
    ],
)
def test_unsafe_or_broken_yaml_is_refused(text, message) -> None:
    with pytest.raises(GoalsError) as raised:
        load_goals("goals.yaml", text.encode())
    assert message in str(raised.value)


def test_hostile_workbook_is_refused_before_parsing() -> None:
    from tests.hostile import huge_range_workbook, macro_workbook

    for data, message in ((macro_workbook(), "macros"), (huge_range_workbook(), "XFD1048576")):
        with pytest.raises(GoalsError) as raised:
            load_goals("z.xlsx", data)
        assert any(message in i.message for i in raised.value.issues)


@pytest.mark.parametrize(
    ("language", "sheets"),
    [
        ("de", ["Listen", "Ziele", "Kennzahlen", "Manuelle Werte", "Konten", "Themen", "Anleitung"]),
        ("en", ["Lists", "objectives", "key_results", "manual_values", "accounts", "tags", "Instructions"]),
    ],
)
def test_blank_template_is_generated_and_reads_back_empty(language, sheets) -> None:
    data = goals_template(language)
    assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames == sheets
    config = load_goals("template.xlsx", data)
    assert (config.objectives, config.key_results) == ((), ())


def test_a_workbook_without_objectives_sheet_says_which_sheets_it_needs() -> None:
    with pytest.raises(GoalsError) as raised:
        load_goals("x.xlsx", workbook_bytes([["a"]], title="Tabelle1"))
    assert "Unknown sheet 'Tabelle1'" in raised.value.issues[0].message
