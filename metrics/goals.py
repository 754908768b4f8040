"""The goals workbook: objectives, key results, manual values, accounts and tags.

Read from .xlsx (English or German sheet and column names) or the same structure as YAML, with
strict validation: unknown KPIs, departments, accounts, periods, duplicate ids, wrong types and
unknown sheets or columns are errors that name sheet, row, column and value, and nothing of a
workbook with errors is used. YAML is read safely (no aliases, no duplicate keys, only true/false
are booleans, so ``NO`` stays Norway).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import pandas as pd
import yaml

from metrics.catalog import CATALOG, MANUAL_KPIS, Impact
from metrics.dataset import TagRule, accounts_frame, manual_frame
from metrics.periods import Period, PeriodError, parse_period
from model.canonical import Platform
from model.i18n import Language, platform_name, translate
from model.issues import Issue, error

MAX_GOALS_BYTES = 5 * 1024 * 1024


class KeyResultType(StrEnum):
    COMMITTED = "committed"
    ASPIRATIONAL = "aspirational"


@dataclass(frozen=True)
class Department:
    key: str
    label_de: str
    label_en: str
    aliases: tuple[str, ...] = ()

    def label(self, language: str) -> str:
        return self.label_de if language == "de" else self.label_en


DEPARTMENTS: dict[str, Department] = {
    d.key: d
    for d in (
        Department(
            "pr",
            "Unternehmenskommunikation / PR",
            "Corporate communications / PR",
            ("pr", "kommunikation", "unternehmenskommunikation", "corporate communications", "communications"),
        ),
        Department("marketing", "Marketing", "Marketing", ("marketing",)),
        Department("sales", "Vertrieb", "Sales", ("sales", "vertrieb")),
        Department("hr", "Personal / Employer Branding", "HR / employer branding", ("hr", "personal", "employer branding", "human resources")),
        Department("service", "Kundenservice", "Customer service", ("service", "kundenservice", "customer service")),
        Department("management", "Geschäftsführung", "Management", ("management", "geschäftsführung")),
    )
}
_DEPARTMENT_ALIASES = {alias: d.key for d in DEPARTMENTS.values() for alias in (d.key, d.label_de.casefold(), d.label_en.casefold(), *d.aliases)}


def department_key(name: str) -> str | None:
    """The department key a name stands for ("Vertrieb", "Sales", "sales" -> "sales"); None if unknown."""
    return _DEPARTMENT_ALIASES.get(" ".join(str(name).split()).casefold())


@dataclass(frozen=True)
class Objective:
    id: str
    objective: str
    department: str
    level: str | None = None
    description: str = ""


@dataclass(frozen=True)
class KeyResult:
    id: str  # "<objective id>.<n>", in workbook order
    objective_id: str
    kpi: str
    period: Period
    period_text: str
    target: float
    baseline: float | None = None
    platform: str | None = None
    account: str | None = None
    tag: str | None = None
    type: KeyResultType = KeyResultType.COMMITTED


def scope_label(kr: KeyResult, language: Language) -> str:
    """What a key result counts, for people: "LinkedIn · Haberland AG · #karriere", or "all"."""
    platform = platform_name(kr.platform, language) if kr.platform else None
    return " · ".join(filter(None, [platform, kr.account, kr.tag])) or translate("filters.all", language)


@dataclass(frozen=True)
class GoalsConfig:
    objectives: tuple[Objective, ...] = ()
    key_results: tuple[KeyResult, ...] = ()
    manual_values: pd.DataFrame = field(default_factory=manual_frame)
    accounts: pd.DataFrame = field(default_factory=accounts_frame)
    tags: tuple[TagRule, ...] = ()

    def objective(self, objective_id: str) -> Objective:
        return next(o for o in self.objectives if o.id == objective_id)


class GoalsError(Exception):
    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("; ".join(str(i) for i in issues[:5]))
        self.issues = issues


# Sheet -> (English name, German name, {column: (English, German)}, required columns)
SHEETS: dict[str, tuple[str, str, dict[str, tuple[str, str]], tuple[str, ...]]] = {
    "objectives": (
        "objectives",
        "Ziele",
        {
            "id": ("id", "ID"),
            "objective": ("objective", "Ziel"),
            "department": ("department", "Abteilung"),
            "level": ("level", "Ebene"),
            "description": ("description", "Beschreibung"),
        },
        ("id", "objective", "department"),
    ),
    "key_results": (
        "key_results",
        "Kennzahlen",
        {
            "objective_id": ("objective_id", "Ziel-ID"),
            "kpi": ("kpi", "Kennzahl"),
            "platform": ("platform", "Plattform"),
            "account": ("account", "Konto"),
            "tag": ("tag", "Thema"),
            "period": ("period", "Zeitraum"),
            "baseline": ("baseline", "Ausgangswert"),
            "target": ("target", "Zielwert"),
            "type": ("type", "Typ"),
        },
        ("objective_id", "kpi", "period", "target"),
    ),
    "manual_values": (
        "manual_values",
        "Manuelle Werte",
        {
            "metric": ("metric", "Kennzahl"),
            "date": ("date", "Datum"),
            "value": ("value", "Wert"),
            "department": ("department", "Abteilung"),
            "note": ("note", "Notiz"),
        },
        ("metric", "date", "value"),
    ),
    "accounts": (
        "accounts",
        "Konten",
        {
            "platform": ("platform", "Plattform"),
            "account": ("account", "Konto"),
            "department": ("department", "Abteilung"),
            "label": ("label", "Bezeichnung"),
        },
        ("platform", "account", "department"),
    ),
    "tags": ("tags", "Themen", {"tag": ("tag", "Thema"), "department": ("department", "Abteilung"), "match": ("match", "Treffer")}, ("tag", "match")),
}
INSTRUCTION_SHEETS = {"instructions", "anleitung", "readme", "liste", "lists", "listen"}
TYPES = {
    "committed": KeyResultType.COMMITTED,
    "verbindlich": KeyResultType.COMMITTED,
    "aspirational": KeyResultType.ASPIRATIONAL,
    "ambitioniert": KeyResultType.ASPIRATIONAL,
}
LEVELS = {level.value: level.value for level in Impact}


def _normal(text: object) -> str:
    return " ".join(str(text).split()).casefold()


# ---------------------------------------------------------------- reading


def load_goals(name: str, data: bytes, fiscal_start_month: int = 1) -> GoalsConfig:
    """Read and validate a goals workbook (.xlsx) or YAML file; raises ``GoalsError`` with every problem."""
    if len(data) > MAX_GOALS_BYTES:
        raise GoalsError([error("The goals file is larger than 5 MB; a goals workbook is a few kilobytes.", file=name)])
    sheets, issues = _read_workbook(name, data) if data[:4] == b"PK\x03\x04" else _read_yaml(name, data)
    return _validate(name, sheets, fiscal_start_month, issues)


def _read_workbook(name: str, data: bytes) -> tuple[dict[str, tuple[str, list[str], list[list[Any]]]], list[Issue]]:
    """({canonical sheet: (sheet name as written, headers, rows)}, issues about unknown sheets)"""
    from openpyxl import load_workbook

    from ingest.safety import check_workbook_parts, sniff_container
    from model.issues import IngestError

    try:
        sniff_container(name, data)
        check_workbook_parts(name, data)
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except IngestError as exc:
        raise GoalsError(exc.issues) from exc
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise GoalsError([error(f"The goals workbook cannot be opened ({type(exc).__name__}). Save it again as .xlsx.", file=name)]) from exc
    sheets: dict[str, tuple[str, list[str], list[list[Any]]]] = {}
    issues = []
    for sheet in book.worksheets:
        canonical = _sheet_key(sheet.title)
        if canonical is None:
            if _normal(sheet.title) not in INSTRUCTION_SHEETS:
                issues.append(
                    error(
                        f"Unknown sheet '{sheet.title}'. Sheets are: objectives/Ziele, key_results/Kennzahlen, manual_values/Manuelle Werte, accounts/Konten, tags/Themen.",
                        file=name,
                        sheet=sheet.title,
                    )
                )
            continue
        rows = [list(r) for r in sheet.iter_rows(values_only=True, max_row=5000)]
        headers = [("" if h is None else str(h).strip()) for h in (rows[0] if rows else [])]
        sheets[canonical] = (sheet.title, headers, rows[1:])
    book.close()
    return sheets, issues


def _sheet_key(title: str) -> str | None:
    wanted = _normal(title)
    return next((key for key, (en, de, _, _) in SHEETS.items() if wanted in (_normal(en), _normal(de))), None)


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader without aliases, duplicate keys or YAML 1.1 booleans (yes/no/on/off)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.constructor.ConstructorError(None, None, "aliases (*name) are not allowed in a goals file", event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        duplicates = sorted({str(k) for k in keys if keys.count(k) > 1})
        if duplicates:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key(s) {', '.join(duplicates)}", node.start_mark)
        return super().construct_mapping(node, deep)


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _read_yaml(name: str, data: bytes) -> tuple[dict[str, tuple[str, list[str], list[list[Any]]]], list[Issue]]:
    try:
        document = yaml.load(data.decode("utf-8-sig"), Loader=_StrictLoader)
    except UnicodeDecodeError as exc:
        raise GoalsError([error("The goals file is neither an .xlsx workbook nor UTF-8 YAML.", file=name)]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise GoalsError([error(f"The YAML is not valid: {problem}.", file=name, row=mark.line + 1 if mark else None)]) from exc
    if not isinstance(document, dict):
        raise GoalsError([error("A goals YAML file is a mapping of sections (objectives, key_results, ...).", file=name)])
    sheets, issues = {}, []
    for title, rows in document.items():
        canonical = _sheet_key(str(title))
        if canonical is None:
            issues.append(error(f"Unknown section '{title}'.", file=name, sheet=str(title)))
            continue
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            issues.append(error("A section is a list of entries (- key: value).", file=name, sheet=str(title)))
            continue
        headers = list(dict.fromkeys(str(k) for row in rows for k in row))
        sheets[canonical] = (str(title), headers, [[row.get(h) for h in headers] for row in rows])
    return sheets, issues


# ---------------------------------------------------------------- validation


class _Rows:
    """Typed access to one sheet's cells; every problem becomes an issue with sheet, row, column, value."""

    def __init__(self, file: str, key: str, sheet: tuple[str, list[str], list[list[Any]]] | None, issues: list[Issue], first_row: int) -> None:
        self.file, self.key, self.issues, self.first_row = file, key, issues, first_row
        self.title, headers, rows = sheet or (SHEETS[key][0], [], [])
        columns = SHEETS[key][2]
        lookup = {_normal(name): canonical for canonical, names in columns.items() for name in names}
        self.positions: dict[str, int] = {}
        for position, header in enumerate(headers):
            if not header:
                continue
            canonical = lookup.get(_normal(header))
            if canonical is None:
                issues.append(
                    error(
                        f"Unknown column '{header}'. Columns here are: {', '.join(n[0] for n in columns.values())}.", file=file, sheet=self.title, column=header
                    )
                )
            else:
                self.positions[canonical] = position
        self.headers = headers
        missing = [c for c in SHEETS[key][3] if c not in self.positions]
        if sheet is not None and missing:
            issues.append(error(f"Required column(s) missing: {', '.join(missing)}.", file=file, sheet=self.title))
        self.rows = [(number, row) for number, row in enumerate(rows, start=first_row) if any(v not in (None, "") for v in row)]

    def cell(self, row: list[Any], column: str) -> Any:
        position = self.positions.get(column)
        if position is None or position >= len(row):
            return None
        value = row[position]
        return None if value == "" or (isinstance(value, float) and math.isnan(value)) else value

    def fail(self, number: int, column: str, value: Any, message: str) -> None:
        header = self.headers[self.positions[column]] if column in self.positions else column
        self.issues.append(error(message, file=self.file, sheet=self.title, row=number, column=header, value=None if value is None else str(value)))

    def text(self, number: int, row: list[Any], column: str, required: bool = False) -> str | None:
        value = self.cell(row, column)
        if value is None:
            if required:
                self.fail(number, column, None, "This cell must not be empty.")
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    def number(self, number: int, row: list[Any], column: str, required: bool = False) -> float | None:
        value = self.cell(row, column)
        if value is None:
            if required:
                self.fail(number, column, None, "A number is required here.")
            return None
        if isinstance(value, bool):
            self.fail(number, column, value, "This must be a number, not yes/no.")
            return None
        if isinstance(value, int | float):
            return float(value)
        text = str(value).strip().replace("\u00a0", "").replace(" ", "")
        percent = text.endswith("%")
        text = text.rstrip("%")
        if "," in text or re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text):  # German 1.234,5 or 1.500
            text = text.replace(".", "").replace(",", ".")
        try:
            parsed = float(text)
        except ValueError:
            self.fail(number, column, value, "This must be a number (for example 1234.5, 1.234,5 or 12 %).")
            return None
        return parsed / 100 if percent else parsed

    def date(self, number: int, row: list[Any], column: str) -> dt.date | None:
        value = self.cell(row, column)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
            try:
                return dt.datetime.strptime(str(value).strip(), pattern).date()
            except ValueError:
                continue
        self.fail(number, column, value, "This must be a date (YYYY-MM-DD or TT.MM.JJJJ).")
        return None

    def choice(self, number: int, row: list[Any], column: str, allowed: dict[str, str], what: str, required: bool = False) -> str | None:
        value = self.text(number, row, column, required)
        if value is None:
            return None
        found = allowed.get(_normal(value))
        if found is None:
            self.fail(number, column, value, f"Unknown {what}. Allowed: {', '.join(sorted(set(allowed.values())))}.")
        return found


def _validate(file: str, sheets: dict[str, tuple[str, list[str], list[list[Any]]]], fiscal_start_month: int, issues: list[Issue]) -> GoalsConfig:
    first_row = 2  # row 1 holds the headers in a workbook; YAML entries count from 2 as well, consistently
    if "objectives" not in sheets or "key_results" not in sheets:
        raise GoalsError([*issues, error("A goals file needs the sheets objectives (Ziele) and key_results (Kennzahlen).", file=file)])
    reader: Callable[[str], _Rows] = lambda key: _Rows(file, key, sheets.get(key), issues, first_row)  # noqa: E731
    departments = {**_DEPARTMENT_ALIASES}
    platforms = {p.value: p.value for p in Platform} | {"twitter": "x"}

    accounts_sheet = reader("accounts")
    account_rows = []
    for number, row in accounts_sheet.rows:
        platform = accounts_sheet.choice(number, row, "platform", platforms, "platform", required=True)
        account = accounts_sheet.text(number, row, "account", required=True)
        department = accounts_sheet.choice(number, row, "department", departments, "department", required=True)
        account_rows.append({"platform": platform, "account": account, "department": department, "label": accounts_sheet.text(number, row, "label") or account})
    accounts = pd.DataFrame(account_rows, columns=["platform", "account", "department", "label"]).astype("string") if account_rows else accounts_frame()
    known_accounts = set(accounts["account"].dropna())

    tags_sheet = reader("tags")
    tag_rules = []
    for number, row in tags_sheet.rows:
        tag = tags_sheet.text(number, row, "tag", required=True)
        department = tags_sheet.choice(number, row, "department", departments, "department")
        match = tags_sheet.text(number, row, "match", required=True)
        if tag and match:
            tag_rules.append(TagRule(tag, department, tuple(t.strip() for t in match.split(",") if t.strip())))
    known_tags = {rule.tag for rule in tag_rules}
    if len(known_tags) != len(tag_rules):
        issues.append(error("A tag is defined twice; give each tag one row with all its hashtags and keywords.", file=file, sheet=tags_sheet.title))

    objectives_sheet = reader("objectives")
    objectives, seen = [], {}
    for number, row in objectives_sheet.rows:
        identifier = objectives_sheet.text(number, row, "id", required=True)
        if identifier in seen:
            objectives_sheet.fail(number, "id", identifier, f"The id is used twice (also in row {seen[identifier]}).")
        seen[identifier] = number
        name = objectives_sheet.text(number, row, "objective", required=True)
        department = objectives_sheet.choice(number, row, "department", departments, "department", required=True)
        level = objectives_sheet.choice(number, row, "level", LEVELS, "level (input, output, outcome, outflow)")
        if identifier and name and department:
            objectives.append(Objective(identifier, name, department, level, objectives_sheet.text(number, row, "description") or ""))

    kr_sheet = reader("key_results")
    key_results, counters = [], {}
    kpis = {key: key for key in CATALOG}
    for number, row in kr_sheet.rows:
        objective_id = kr_sheet.text(number, row, "objective_id", required=True)
        if objective_id and objective_id not in seen:
            kr_sheet.fail(number, "objective_id", objective_id, "No objective has this id.")
        kpi_key = kr_sheet.choice(number, row, "kpi", kpis, "KPI", required=True)
        platform = kr_sheet.choice(number, row, "platform", platforms, "platform")
        account = kr_sheet.text(number, row, "account")
        if account and known_accounts and account not in known_accounts:
            kr_sheet.fail(number, "account", account, "This account is not in the accounts sheet.")
        tag = kr_sheet.text(number, row, "tag")
        if tag and tag not in known_tags:
            kr_sheet.fail(number, "tag", tag, "This tag is not in the tags sheet.")
        period_text = kr_sheet.text(number, row, "period", required=True)
        period = None
        if period_text:
            try:
                period = parse_period(period_text, fiscal_start_month)
            except PeriodError as exc:
                kr_sheet.fail(number, "period", period_text, str(exc))
        baseline = kr_sheet.number(number, row, "baseline")
        target = kr_sheet.number(number, row, "target", required=True)
        kind = kr_sheet.choice(number, row, "type", TYPES, "type (committed/verbindlich, aspirational/ambitioniert)") or KeyResultType.COMMITTED
        if kpi_key and CATALOG[kpi_key].unit.value == "percent" and target is not None and target > 1.5:
            kr_sheet.fail(number, "target", target, "Percentages are written as 12 % or 0.12.")
        if objective_id in seen and kpi_key and period and target is not None:
            counters[objective_id] = counters.get(objective_id, 0) + 1
            key_results.append(
                KeyResult(
                    f"{objective_id}.{counters[objective_id]}",
                    objective_id,
                    kpi_key,
                    period,
                    period_text or "",
                    target,
                    baseline,
                    platform,
                    account,
                    tag,
                    KeyResultType(kind),
                )
            )

    manual_sheet = reader("manual_values")
    manual_rows = []
    for number, row in manual_sheet.rows:
        metric = manual_sheet.choice(number, row, "metric", {k: k for k in MANUAL_KPIS}, "manual KPI", required=True)
        day = manual_sheet.date(number, row, "date")
        value = manual_sheet.number(number, row, "value", required=True)
        department = manual_sheet.choice(number, row, "department", departments, "department")
        if metric and day and value is not None:
            manual_rows.append(
                {"metric": metric, "date": pd.Timestamp(day), "value": value, "department": department, "note": manual_sheet.text(number, row, "note")}
            )
    manual = (
        manual_frame()
        if not manual_rows
        else pd.DataFrame(manual_rows).astype({"metric": "string", "date": "datetime64[us]", "value": "float64", "department": "string", "note": "string"})
    )

    if issues:
        raise GoalsError(issues)
    return GoalsConfig(tuple(objectives), tuple(key_results), manual, accounts, tuple(tag_rules))


# ---------------------------------------------------------------- template


def goals_template(language: str = "de") -> bytes:
    """A blank goals workbook with headers, drop-down lists and an instruction sheet."""
    import xlsxwriter

    german = language == "de"
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties({"title": "Resonanz goals", "created": dt.datetime(2026, 1, 1)})
    bold = book.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1})
    lists = book.add_worksheet("Listen" if german else "Lists")
    choices = {
        "kpi": sorted(CATALOG),
        "department": sorted(DEPARTMENTS),
        "platform": [p.value for p in Platform],
        "type": ["verbindlich", "ambitioniert"] if german else ["committed", "aspirational"],
        "level": [lvl.value for lvl in Impact],
        "metric": sorted(MANUAL_KPIS),
    }
    for column, (name, values) in enumerate(choices.items()):
        lists.write(0, column, name, bold)
        lists.write_column(1, column, values)
    for key, (english, german_name, columns, _) in SHEETS.items():
        sheet = book.add_worksheet(german_name if german else english)
        for position, (canonical, (header_en, header_de)) in enumerate(columns.items()):
            sheet.write(0, position, header_de if german else header_en, bold)
            sheet.set_column(position, position, 22)
            source = "kpi" if (key, canonical) == ("key_results", "kpi") else "metric" if (key, canonical) == ("manual_values", "metric") else canonical
            if source in choices:
                column_letter = chr(ord("A") + list(choices).index(source))
                sheet.data_validation(
                    1,
                    position,
                    500,
                    position,
                    {"validate": "list", "source": f"='{lists.name}'!${column_letter}$2:${column_letter}${len(choices[source]) + 1}"},
                )
        sheet.freeze_panes(1, 0)
    help_sheet = book.add_worksheet("Anleitung" if german else "Instructions")
    help_sheet.set_column(0, 0, 120)
    for row, line in enumerate(_INSTRUCTIONS_DE if german else _INSTRUCTIONS_EN):
        help_sheet.write(row, 0, line)
    book.close()
    return buffer.getvalue()


_INSTRUCTIONS_DE = (
    "Ziele: je Zeile ein Unternehmensziel mit ID, Abteilung (pr, marketing, sales, hr, service, management) und Ebene (input, output, outcome, outflow).",
    "Kennzahlen: je Zeile ein Schlüsselergebnis: Ziel-ID, Kennzahl aus dem Katalog, optional Plattform/Konto/Thema (leer = alle), Zeitraum, Ausgangswert, Zielwert, Typ.",
    "Zeiträume: 2026, 2026-Q3 oder Q3/2026, 2026-04, 2026-W14 oder KW 14/2026, 2026-04-01..2026-04-30, GJ2026 (Geschäftsjahr).",
    "Prozentwerte als 12 % oder 0,12. Zahlen mit Dezimalkomma (1.234,5) oder Dezimalpunkt.",
    "Manuelle Werte: Kennzahlen, die keine Plattform liefert (applications, leads, awareness, ...), mit Datum, Wert, Abteilung und Quelle als Notiz.",
    "Konten: welche Abteilung welches Konto verantwortet. Themen: Hashtags oder Stichwörter (durch Komma getrennt), die Beiträge einem Thema zuordnen.",
)
_INSTRUCTIONS_EN = (
    "objectives: one company objective per row with id, department (pr, marketing, sales, hr, service, management) and level (input, output, outcome, outflow).",
    "key_results: one key result per row: objective_id, a KPI of the catalog, optional platform/account/tag (blank = all), period, baseline, target, type.",
    "Periods: 2026, 2026-Q3, 2026-04, 2026-W14, 2026-04-01..2026-04-30, FY2026 (fiscal year).",
    "Percentages as 12 % or 0.12.",
    "manual_values: KPIs no platform exports (applications, leads, awareness, ...) with date, value, department and the source as a note.",
    "accounts: which department owns which account. tags: hashtags or keywords (comma-separated) that assign posts to a topic.",
)
