"""Writing goals workbooks: the blank template, and a goal set as people edit it.

A department's own workbook (issue 10): an editor limited to some departments downloads the objectives, key
results and manual values of those departments (with the accounts and tag rules they refer to), edits them in
Excel and uploads them again; ``metrics.goals.merge_department_goals`` puts them back among the other
departments' goals, and the merged set is stored as a workbook written here. What is written here reads back
through ``ingest.goals_reader.load_goals`` to the same ``GoalsConfig`` (tested for every KPI, in both languages).

Text is written as text (``write_string``): an objective named "=HYPERLINK(...)" stays a name, never a formula.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

import pandas as pd

from metrics.catalog import CATALOG, Unit
from metrics.goals import DEPARTMENTS, ORIGIN_PROPERTIES, SHEETS, GoalsConfig, KeyResultType, WorkbookOrigin, choices
from model.i18n import Language, platform_name


@dataclass(frozen=True)
class _Percent:
    """A value of a percentage KPI (0.042 for 4.2 %)."""

    value: float


Cell = str | float | dt.date | _Percent | None
Rows = dict[str, list[dict[str, Cell]]]
MIN_DROP_DOWN_ROWS = 500  # rows below the data that still offer the drop-down lists


def goals_template(language: str = "de") -> bytes:
    """A blank goals workbook that opens on its instructions, with headers and drop-down lists, all in ``language``.

    The drop-downs offer the labels people read in that language (``Impressionen``, ``Personal /
    Employer Branding``, ``verbindlich``); the reader accepts them back, as well as ids and the other
    language's labels.
    """
    return goals_workbook(GoalsConfig(), language)


def goals_workbook(config: GoalsConfig, language: str = "de", origin: WorkbookOrigin | None = None) -> bytes:
    """``config`` as a goals workbook in ``language``: the template's sheets, drop-downs and instructions, filled.

    ``origin`` goes into the document properties (Excel keeps them): the departments the workbook holds and the
    goal set it was written from, so that its upload replaces those departments only and notices newer goals."""
    import xlsxwriter

    german = language == "de"
    lang = Language.DE if german else Language.EN
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties({"title": "Resonanz goals", "created": dt.datetime(2026, 1, 1)})  # fixed: same goals, same bytes
    if origin is not None:
        departments = "*" if origin.departments is None else ",".join(sorted(origin.departments, key=list(DEPARTMENTS).index))
        book.set_custom_property(ORIGIN_PROPERTIES["departments"], departments)
        if origin.goal_set is not None:
            book.set_custom_property(ORIGIN_PROPERTIES["goal_set"], str(origin.goal_set))
    formats = {
        "header": book.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1}),
        "date": book.add_format({"num_format": "dd.mm.yyyy" if german else "yyyy-mm-dd"}),
        "percent": book.add_format({"num_format": "0.0##%"}),
    }
    help_sheet = book.add_worksheet("Anleitung" if german else "Instructions")
    help_sheet.set_column(0, 0, 120)
    for row, line in enumerate(_INSTRUCTIONS_DE if german else _INSTRUCTIONS_EN):
        help_sheet.write_string(row, 0, line)
    help_sheet.activate()
    lists = book.add_worksheet("Listen" if german else "Lists")
    values = choices(lang)
    for column, (name, entries) in enumerate(values.items()):
        lists.write_string(0, column, _LIST_HEADERS[name][1] if german else _LIST_HEADERS[name][0], formats["header"])
        for row, entry in enumerate(entries, start=1):
            lists.write_string(row, column, entry)
    content = _sheet_rows(config, lang)
    for key, (english, german_name, columns, _) in SHEETS.items():
        sheet = book.add_worksheet(german_name if german else english)
        rows = content[key]
        last_row = len(rows) + MIN_DROP_DOWN_ROWS
        for position, (canonical, (header_en, header_de)) in enumerate(columns.items()):
            sheet.write_string(0, position, header_de if german else header_en, formats["header"])
            sheet.set_column(position, position, 40 if canonical in ("objective", "description") else 22)
            source = {("key_results", "kpi"): "kpi", ("manual_values", "metric"): "metric"}.get((key, canonical), canonical)
            if source in values:
                letter = chr(ord("A") + list(values).index(source))
                reference = f"='{lists.name}'!${letter}$2:${letter}${len(values[source]) + 1}"
                sheet.data_validation(1, position, last_row, position, {"validate": "list", "source": reference})
            for number, row in enumerate(rows, start=1):
                _write(sheet, number, position, row.get(canonical), formats, german)
        sheet.freeze_panes(1, 0)
    book.close()
    return buffer.getvalue()


def _write(sheet: Any, row: int, column: int, cell: Cell, formats: dict[str, Any], german: bool) -> None:
    if cell is None:
        return
    if isinstance(cell, _Percent):
        if abs(cell.value) <= 1:
            sheet.write_number(row, column, cell.value, formats["percent"])
        else:  # a typed 1.5 would be read as "150 % written without its sign" and refused: write the sign
            text = f"{cell.value * 100:.15g}"
            sheet.write_string(row, column, f"{text.replace('.', ',')} %" if german else f"{text}%")
    elif isinstance(cell, dt.date):
        sheet.write_datetime(row, column, dt.datetime.combine(cell, dt.time()), formats["date"])
    elif isinstance(cell, float | int):
        sheet.write_number(row, column, cell)
    else:
        sheet.write_string(row, column, cell)


def _sheet_rows(config: GoalsConfig, language: Language) -> Rows:
    """Every sheet's rows as people write them in ``language``: labels for KPIs, departments, platforms and types."""
    department = lambda key: None if _missing(key) else DEPARTMENTS[key].label(language) if key in DEPARTMENTS else str(key)  # noqa: E731
    platform = lambda key: None if _missing(key) else platform_name(str(key), language)  # noqa: E731
    committed, aspirational = choices(language)["type"]
    return {
        "objectives": [
            {"id": o.id, "objective": o.objective, "department": department(o.department), "level": o.level, "description": o.description or None}
            for o in config.objectives
        ],
        "key_results": [
            {
                "objective_id": kr.objective_id,
                "kpi": CATALOG[kr.kpi].label(language),
                "platform": platform(kr.platform),
                "account": kr.account,
                "tag": kr.tag,
                "period": kr.period_text,
                "baseline": _number(kr.kpi, kr.baseline),
                "target": _number(kr.kpi, kr.target),
                "type": aspirational if kr.type is KeyResultType.ASPIRATIONAL else committed,
                "id": kr.id,  # kept on the next upload: a review comment stays with its key result when rows are deleted
            }
            for kr in config.key_results
        ],
        "manual_values": [
            {
                "metric": CATALOG[row["metric"]].label(language),
                "date": pd.Timestamp(row["date"]).date(),
                "value": _number(row["metric"], row["value"]),
                "department": department(row["department"]),
                "note": None if _missing(row["note"]) else str(row["note"]),
            }
            for row in config.manual_values.to_dict("records")
        ],
        "accounts": [
            {"platform": platform(row["platform"]), "account": str(row["account"]), "department": department(row["department"]), "label": _text(row["label"])}
            for row in config.accounts.to_dict("records")
        ],
        "tags": [{"tag": rule.tag, "department": department(rule.department), "match": ", ".join(rule.terms)} for rule in config.tags],
    }


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _text(value: object) -> str | None:
    return None if _missing(value) else str(value)


def _number(kpi: str, value: float | None) -> float | _Percent | None:
    if _missing(value):
        return None
    return _Percent(float(value)) if CATALOG[kpi].unit is Unit.PERCENT else float(value)


_LIST_HEADERS = {
    "kpi": ("kpi", "Kennzahl"),
    "department": ("department", "Abteilung"),
    "platform": ("platform", "Plattform"),
    "type": ("type", "Typ"),
    "level": ("level", "Ebene"),
    "metric": ("metric", "Kennzahl (manuell)"),
}
_INSTRUCTIONS_DE = (
    "So füllen Sie die Ziele-Arbeitsmappe aus (Auswahllisten auf dem Blatt Listen; Kennzahlen und Abteilungen dürfen deutsch, englisch oder als ID stehen):",
    "Ziele: je Zeile ein Unternehmensziel mit ID, Ziel, Abteilung (z. B. Personal / Employer Branding, Vertrieb) und Ebene (input, output, outcome, outflow).",
    "Kennzahlen: je Zeile ein Schlüsselergebnis: Ziel-ID, Kennzahl (z. B. Impressionen, Interaktionsrate), optional Plattform/Konto/Thema (leer = alle), Zeitraum, Ausgangswert, Zielwert, Typ (verbindlich oder ambitioniert).",
    "ID (letzte Spalte der Kennzahlen): bei neuen Zeilen leer lassen, Resonanz nummeriert je Ziel (HR-1.1, HR-1.2, ...). Vorhandene IDs nicht ändern: an ihnen hängen die Kommentare der Management-Reviews.",
    "Zeiträume: 2026, 2026-Q3 oder Q3/2026, 2026-04, 2026-W14 oder KW 14/2026, 2026-04-01..2026-04-30, GJ2026 (Geschäftsjahr).",
    "Zahlen mit Dezimalkomma (1.234,5) oder Dezimalpunkt (1,234.5). Prozentwerte mit %-Zeichen (1,2 %) oder als Bruch (0,012); 1,2 ohne % wird abgelehnt.",
    "Weniger ist besser (z. B. verlorene Follower): Der Zielwert ist ein Budget; Resonanz zeigt, wie viel davon verbraucht ist. Ein Zielwert 0 heißt: gar nicht.",
    "Manuelle Werte: Kennzahlen, die keine Plattform liefert (Bewerbungen, Leads, Bekanntheit, ...), mit Datum, Wert, Abteilung (leer = ganzes Unternehmen) und Quelle als Notiz.",
    "Konten: welche Abteilung welches Konto verantwortet. Themen: Hashtags oder Stichwörter (durch Komma getrennt), die Beiträge einem Thema zuordnen.",
)
_INSTRUCTIONS_EN = (
    "How to fill in the goals workbook (drop-down values on the sheet Lists; KPIs and departments may be written in English, German or as ids):",
    "objectives: one company objective per row with id, objective, department (e.g. HR / employer branding, Sales) and level (input, output, outcome, outflow).",
    "key_results: one key result per row: objective_id, KPI (e.g. Impressions, Engagement rate), optional platform/account/tag (blank = all), period, baseline, target, type (committed or aspirational).",
    "id (the last column of key_results): leave it blank in new rows, Resonanz numbers them per objective (HR-1.1, HR-1.2, ...). Do not change existing ids: the management reviews' comments are attached to them.",
    "Periods: 2026, 2026-Q3, 2026-04, 2026-W14, 2026-04-01..2026-04-30, FY2026 (fiscal year).",
    "Numbers with a decimal point (1,234.5) or a decimal comma (1.234,5). Percentages with a % sign (1.2%) or as a fraction (0.012); 1.2 without % is refused.",
    "Lower is better (e.g. followers lost): the target is a budget; Resonanz shows how much of it is used. A target of 0 means none at all.",
    "manual_values: KPIs no platform exports (applications, leads, awareness, ...) with date, value, department (blank = the whole company) and the source as a note.",
    "accounts: which department owns which account. tags: hashtags or keywords (comma-separated) that assign posts to a topic.",
)
