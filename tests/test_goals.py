"""The goals workbook and YAML: English and German, strict validation, safe YAML, the template."""

from __future__ import annotations

import io
from collections.abc import Callable

import openpyxl
import pytest

from ingest.goals_reader import load_goals
from metrics.goals import GoalsConfig, GoalsError, KeyResultType
from metrics.goals_workbook import goals_template
from model.i18n import Language
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
    assert ("Notizen", None, None, "Notizen") in found


def test_percent_targets_must_be_fractions_or_percent_signs() -> None:
    key_results = [KEY_RESULTS_DE[0], ["HR-1", "engagement_rate", "", "", "", "2026", "", "4", ""]]
    assert ("Kennzahlen", 2, "Zielwert", "4") in issues_of(german_workbook(key_results=key_results))


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
        ("de", ["Anleitung", "Listen", "Ziele", "Kennzahlen", "Manuelle Werte", "Konten", "Themen"]),
        ("en", ["Instructions", "Lists", "objectives", "key_results", "manual_values", "accounts", "tags"]),
    ],
)
def test_blank_template_opens_on_its_instructions_and_reads_back_empty(language, sheets) -> None:
    data = goals_template(language)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert (book.sheetnames, book.active.title) == (sheets, sheets[0])
    config = load_goals("template.xlsx", data)
    assert (config.objectives, config.key_results) == ((), ())


def _list_column(book: openpyxl.Workbook, sheet: str, header: str) -> list[str]:
    column = next(c for c in book[sheet].iter_cols(values_only=True) if c[0] == header)
    return [v for v in column[1:] if v is not None]


def test_the_german_template_speaks_german_and_its_drop_down_values_are_accepted_back() -> None:
    book = openpyxl.load_workbook(io.BytesIO(goals_template("de")))
    assert book["Anleitung"]["A1"].value.startswith("So füllen Sie die Ziele-Arbeitsmappe aus")
    kpis, departments = _list_column(book, "Listen", "Kennzahl"), _list_column(book, "Listen", "Abteilung")
    platforms, types = _list_column(book, "Listen", "Plattform"), _list_column(book, "Listen", "Typ")
    assert {"Impressionen", "Interaktionsrate", "Bewerbungen"} <= set(kpis) and "impressions" not in kpis
    assert "Personal / Employer Branding" in departments and "hr" not in departments
    assert ("LinkedIn" in platforms, types) == (True, ["verbindlich", "ambitioniert"])
    # Fill the template with its own drop-down values and read it back.
    book["Ziele"].append(["HR-1", "Arbeitgebermarke", "Personal / Employer Branding", "outcome", ""])
    book["Kennzahlen"].append(["HR-1", "Interaktionsrate", "LinkedIn", "", "", "2026-Q3", "", "4,2 %", "verbindlich"])
    book["Kennzahlen"].append(["HR-1", "Impressionen", "", "", "", "2026", "", "1.500.000", "ambitioniert"])
    book["Manuelle Werte"].append(["Bewerbungen", "31.03.2026", "12", "", "Bewerbermanagement"])
    buffer = io.BytesIO()
    book.save(buffer)
    config = load_goals("vorlage.xlsx", buffer.getvalue())
    assert config.objectives[0].department == "hr"
    rate, impressions = config.key_results
    assert (rate.kpi, rate.platform, rate.target, rate.type) == ("engagement_rate", "linkedin", pytest.approx(0.042), KeyResultType.COMMITTED)
    assert (impressions.kpi, impressions.target, impressions.type) == ("impressions", 1_500_000, KeyResultType.ASPIRATIONAL)
    assert config.manual_values[["metric", "value"]].values.tolist() == [["applications", 12.0]]
    assert config.manual_values["department"].isna().all()  # blank: the whole company's value


def english_workbook(key_results: list[list], manual: list[list] | None = None) -> bytes:
    book = openpyxl.Workbook()
    book.active.title = "objectives"
    book.active.append(["id", "objective", "department"])
    book.active.append(["M-1", "Reach", "Marketing"])
    sheet = book.create_sheet("key_results")
    sheet.append(["objective_id", "kpi", "period", "baseline", "target"])
    for row in key_results:
        sheet.append(row)
    if manual:
        sheet = book.create_sheet("manual_values")
        sheet.append(["metric", "date", "value"])
        for row in manual:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_english_workbook_numbers_go_through_the_import_parser() -> None:
    rows = [
        ["M-1", "impressions", "2026", "", "10,000"],  # thousands comma, not 10
        ["M-1", "Impressions", "2026", "", "1,234.5"],  # English label; not 1.2345
        ["M-1", "engagement_rate", "2026", "", "1.2 %"],
        ["M-1", "Engagement rate", "2026", "0.9%", 0.012],
    ]
    first, second, third, fourth = load_goals("goals.xlsx", english_workbook(rows)).key_results
    assert (first.target, second.target, second.kpi) == (10_000, 1234.5, "impressions")
    assert (third.target, fourth.baseline, fourth.target) == (pytest.approx(0.012), pytest.approx(0.009), 0.012)


@pytest.mark.parametrize(
    ("cells", "targets"),
    [
        (["10,000", "2,500"], [10_000, 2_500]),  # English sheet names: a comma before three digits groups thousands
        (["1.000.000", "10.000"], [1_000_000, 10_000]),  # two groups of three can only be German thousands
        (["3,5 %", "1.000"], [0.035, 1_000]),  # a comma before one digit is a decimal comma: the column is German
        (["1,234.5", "10,000"], [1234.5, 10_000]),
    ],
)
def test_a_columns_marks_are_inferred_from_the_cells_that_can_be_read_one_way_only(cells, targets) -> None:
    rows = [["M-1", "impressions" if "%" not in cell else "engagement_rate", "2026", "", cell] for cell in cells]
    assert [kr.target for kr in load_goals("goals.xlsx", english_workbook(rows)).key_results] == pytest.approx(targets)


def test_a_rate_above_one_without_percent_sign_is_an_error_with_a_hint_in_both_languages() -> None:
    with pytest.raises(GoalsError) as raised:
        load_goals("goals.xlsx", english_workbook([["M-1", "engagement_rate", "2026", "", 1.2]], manual=[["awareness", "2026-03-31", "35"]]))
    target, awareness = raised.value.issues
    assert (target.code, target.sheet, target.row, target.column, target.value) == ("goals.percent_hint", "key_results", 2, "target", "1.2")
    assert "Write 1.2% or 0.012" in target.text(Language.EN)
    assert "Schreiben Sie 1,2 % oder 0,012" in target.text(Language.DE)
    assert (awareness.code, awareness.sheet, awareness.column, awareness.value) == ("goals.percent_hint", "manual_values", "value", "35")


def test_german_labels_of_kpis_departments_platforms_levels_and_types_are_accepted() -> None:
    objectives = [OBJECTIVES_DE[0], ["HR-1", "Arbeitgebermarke", "Personal / Employer Branding", "Outcome", ""]]
    key_results = [
        KEY_RESULTS_DE[0],
        ["HR-1", "Impressionen", "LinkedIn", "", "", "2026", "", "10.000", "Verbindlich"],
        ["HR-1", "Interaktionsrate", "Sonstige", "", "", "2026", "", "2,5 %", "ambitioniert"],
        ["HR-1", "New followers", "Twitter", "", "", "2026", "", "12", "aspirational"],
    ]
    config = load_goals("ziele.xlsx", german_workbook(objectives, key_results))
    assert (config.objectives[0].department, config.objectives[0].level) == ("hr", "outcome")
    got = [(kr.kpi, kr.platform, kr.target, kr.type.value) for kr in config.key_results]
    assert got == [
        ("impressions", "linkedin", 10_000, "committed"),
        ("engagement_rate", "other", pytest.approx(0.025), "aspirational"),
        ("followers_gained", "x", 12, "aspirational"),
    ]


def test_every_goals_message_is_german_and_english_and_names_the_cell() -> None:
    from model.i18n import TEXTS

    key_results = [KEY_RESULTS_DE[0], ["HR-1", "Glück", "", "", "", "Sommer", "", "viele", ""]]
    with pytest.raises(GoalsError) as raised:
        load_goals("ziele.xlsx", german_workbook(key_results=key_results))
    issues = raised.value.issues
    assert {i.code for i in issues} == {"goals.unknown_kpi", "goals.bad_period", "goals.not_a_number"}
    assert all((i.sheet, i.row) == ("Kennzahlen", 2) and i.column and i.value for i in issues)
    german = {i.code: i.text(Language.DE) for i in issues}
    assert german["goals.unknown_kpi"].startswith("Unbekannte Kennzahl") and "Impressionen" in german["goals.unknown_kpi"]
    assert german["goals.not_a_number"].startswith("Keine lesbare Zahl")
    goal_codes = [key for key in TEXTS if key.startswith(("goals.", "progress."))]
    assert all(TEXTS[key].get(Language.DE) and TEXTS[key].get(Language.EN) for key in goal_codes)


def test_a_workbook_without_objectives_sheet_says_which_sheets_it_needs() -> None:
    with pytest.raises(GoalsError) as raised:
        load_goals("x.xlsx", workbook_bytes([["a"]], title="Tabelle1"))
    first = raised.value.issues[0]
    assert (first.code, first.sheet, first.value) == ("goals.unknown_sheet", "Tabelle1", "Tabelle1")
    assert "objectives/Ziele, key_results/Kennzahlen" in first.message


def _demo_yaml_with(edit: Callable[[dict], None] | None = None) -> GoalsConfig:
    import yaml

    from sample_data.demo import DEMO_GOALS_YAML

    goals = yaml.safe_load(DEMO_GOALS_YAML.read_text(encoding="utf-8"))
    if edit is not None:
        edit(goals)
    return load_goals("goals.yaml", yaml.safe_dump(goals, allow_unicode=True).encode())


def _move_hr_objective(goals: dict) -> None:
    next(o for o in goals["objectives"] if o["id"] == "HR-1")["department"] = "marketing"


def _sales_manual_value(goals: dict) -> None:
    next(v for v in goals["manual_values"] if v["department"] == "sales")["value"] = 99


def _service_target(goals: dict) -> None:
    next(k for k in goals["key_results"] if k["objective_id"] == "KS-1")["target"] = 3


def _tag(goals: dict) -> None:
    goals["tags"][0]["match"] = "#lehre"


def _account(goals: dict) -> None:
    goals["accounts"][0]["department"] = "hr"


@pytest.mark.parametrize(
    ("edit", "departments", "company_wide"),
    [
        (None, set(), False),
        (_service_target, {"service"}, False),
        (_sales_manual_value, {"sales"}, False),
        (_move_hr_objective, {"hr", "marketing"}, False),  # the objective and its key results leave HR and join marketing
        (_tag, set(), True),
        (_account, set(), True),
    ],
    ids=["same", "target", "manual value", "moved objective", "tag rule", "account mapping"],
)
def test_goal_changes_by_department(edit, departments: set[str], company_wide: bool) -> None:
    from metrics.goals import goal_changes

    changes = goal_changes(_demo_yaml_with(), _demo_yaml_with(edit))
    assert (set(changes.departments), changes.company_wide) == (departments, company_wide)


def test_the_first_goal_set_is_company_wide() -> None:
    from metrics.goals import goal_changes

    changes = goal_changes(None, _demo_yaml_with())
    assert changes.company_wide and changes.departments == {"pr", "marketing", "sales", "hr", "service"}


@pytest.mark.parametrize(
    ("header", "meant_en", "meant_de"),
    [("Zielwer", "target", "Zielwert"), ("Kenzahl", "kpi", "Kennzahl"), ("objectiv_id", "objective_id", "Ziel-ID"), ("Zeitraumm", "period", "Zeitraum")],
)
def test_a_typo_in_a_required_header_is_one_error_naming_the_column_meant_not_one_per_row(header: str, meant_en: str, meant_de: str) -> None:
    # A new user's YAML with one mistyped column got 24 errors, one per row: the typo and the missing column are said once.
    canonical = {"target": 7, "kpi": 1, "objective_id": 0, "period": 5}[meant_en]
    headers = [header if n == canonical else name for n, name in enumerate(KEY_RESULTS_DE[0])]
    rows = [headers, *KEY_RESULTS_DE[1:] * 12]  # 24 rows
    with pytest.raises(GoalsError) as raised:
        load_goals("ziele.xlsx", german_workbook(key_results=rows))
    texts = [issue.text(Language.EN) for issue in raised.value.issues]
    assert texts == [
        f"Unknown column '{header}': did you mean '{meant_en}' (German '{meant_de}')? Please correct the header.",
        f"Required column(s) missing: {meant_en}/{meant_de}.",
    ]
