"""The goals workbook: objectives, key results, manual values, accounts and tags.

``ingest.goals_reader.load_goals`` reads it from .xlsx (English or German sheet and column names) or
the same structure as YAML and parses its numbers with the import's number parser; this module
holds the vocabulary and validates what the reader found, strictly: unknown KPIs, departments, accounts, periods, duplicate ids, wrong types and
unknown sheets or columns are errors that name sheet, row, column and value, and nothing of a
workbook with errors is used. YAML is read safely (no aliases, no duplicate keys, only true/false
are booleans, so ``NO`` stays Norway).
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any

import pandas as pd

from metrics.catalog import CATALOG, MANUAL_KPIS, Impact, Unit
from metrics.dataset import TagRule, accounts_frame, manual_frame
from metrics.periods import Period, PeriodError, parse_period
from model.canonical import Platform
from model.i18n import Language, platform_name, translate
from model.issues import Issue, error


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
    numbered: bool = field(default=False, compare=False)  # the id was counted by Resonanz, not written in the workbook


def scope_label(kr: KeyResult, language: Language) -> str:
    """What a key result counts, for people: "LinkedIn · Haberland AG · #karriere", or "all"."""
    platform = platform_name(kr.platform, language) if kr.platform else None
    return " · ".join(filter(None, [platform, kr.account, kr.tag])) or translate("filters.all", language)


@dataclass(frozen=True)
class WorkbookOrigin:
    """What a workbook Resonanz wrote says about itself (document properties, kept by Excel): the departments whose
    goals it holds (None: every department) and the stored goal set it was written from."""

    departments: frozenset[str] | None = None
    goal_set: int | None = None


# The document properties that carry a WorkbookOrigin, and the reader's key for them beside the sheets.
ORIGIN_PROPERTIES = {"departments": "Resonanz departments", "goal_set": "Resonanz goal set"}
ORIGIN_KEY = "_origin"


@dataclass(frozen=True)
class GoalsConfig:
    objectives: tuple[Objective, ...] = ()
    key_results: tuple[KeyResult, ...] = ()
    manual_values: pd.DataFrame = field(default_factory=manual_frame)
    accounts: pd.DataFrame = field(default_factory=accounts_frame)
    tags: tuple[TagRule, ...] = ()
    origin: WorkbookOrigin | None = field(default=None, compare=False)  # set by workbooks Resonanz wrote

    def objective(self, objective_id: str) -> Objective:
        return next(o for o in self.objectives if o.id == objective_id)


def goals_for(config: GoalsConfig, period: Period) -> GoalsConfig:
    """The goals with only the key results whose period overlaps ``period``, and their objectives: what a Q4 view
    (the Cockpit, the review pack) judges, not last year's targets."""
    results = tuple(r for r in config.key_results if r.period.start <= period.end and period.start <= r.period.end)
    kept = {r.objective_id for r in results}
    return replace(config, key_results=results, objectives=tuple(o for o in config.objectives if o.id in kept))


@dataclass(frozen=True)
class GoalChanges:
    """What a new goal set changes against the stored one, by who may change it."""

    departments: frozenset[str]  # departments whose objectives, key results or manual values differ
    shared: frozenset[str] = frozenset()  # what spans departments: SHARED_PARTS that differ

    @property
    def company_wide(self) -> bool:
        return bool(self.shared)


# The parts of a goal set that span departments (the admin's), as GoalChanges.shared names them.
SHARED_PARTS = ("first_set", "accounts", "tags", "company_values")


def _shared_changes(before: GoalsConfig, after: GoalsConfig, changed: set[str], accounts_grow: bool = True) -> frozenset[str]:
    """Which shared parts ``after`` changes; with ``accounts_grow=False`` listing fewer accounts or tag rules is no change
    (a department's workbook lists only those its key results name)."""
    if accounts_grow:
        accounts, tags = _rows(before.accounts) != _rows(after.accounts), set(before.tags) != set(after.tags)
    else:
        accounts, tags = not _rows(after.accounts) <= _rows(before.accounts), not set(after.tags) <= set(before.tags)
    return frozenset(name for name, differs in (("accounts", accounts), ("tags", tags), ("company_values", "" in changed)) if differs)


def goal_changes(before: GoalsConfig | None, after: GoalsConfig) -> GoalChanges:
    """Which departments' goals ``after`` changes, so that an editor may replace the set for their own departments.

    A key result belongs to its objective's department, a manual value to its department (none: company-wide);
    moving an objective changes both departments. The accounts sheet and tag rules span departments.
    """
    if before is None:
        return GoalChanges(frozenset(_department_parts(after)) - {""}, frozenset({"first_set"}))
    old, new = _department_parts(before), _department_parts(after)
    changed = {d for d in old.keys() | new.keys() if old.get(d, frozenset()) != new.get(d, frozenset())}
    return GoalChanges(frozenset(changed - {""}), _shared_changes(before, after, changed))


def merge_department_goals(
    stored: GoalsConfig, upload: GoalsConfig, departments: frozenset[str], retired: frozenset[str] = frozenset()
) -> tuple[GoalsConfig, GoalChanges]:
    """The stored set with ``departments``' goals taken from ``upload``: how a department's own workbook goes back.

    For each of ``departments`` the upload's objectives, key results and manual values replace the stored ones (a
    department it leaves empty ends with none). Another department the upload leaves out keeps its stored goals;
    one it holds must hold them unchanged, else that department counts as changed and the editor's check refuses
    it (as it refuses an objective taken over from another department). Accounts and tag rules stay the stored
    ones: an upload may list fewer (a department's workbook lists its own), anything new there is company-wide.
    """
    old, new = _department_parts(stored), _department_parts(upload)
    changed = {d for d in departments if old.get(d, frozenset()) != new.get(d, frozenset())}
    changed |= {d for d, part in new.items() if d not in departments and part != old.get(d, frozenset())}
    owner = {o.id: o.department for o in stored.objectives}
    changed |= {owner[o.id] for o in upload.objectives if o.department in departments and owner.get(o.id, o.department) not in departments}
    shared = _shared_changes(stored, upload, changed, accounts_grow=False)
    taken = {o.id for o in upload.objectives if o.department in departments}
    kept = {o.id for o in stored.objectives if o.department not in departments and o.id not in taken}  # an objective moved in leaves its department
    objectives = [o for o in stored.objectives if o.id in kept] + [o for o in upload.objectives if o.id in taken]
    first_seen = {d: n for n, d in reversed(list(enumerate(o.department for o in stored.objectives)))}
    objectives.sort(key=lambda o: first_seen.get(o.department, len(first_seen) + list(DEPARTMENTS).index(o.department)))
    position = {o.id: n for n, o in enumerate(objectives)}
    key_results = [kr for kr in stored.key_results if kr.objective_id in kept] + [kr for kr in upload.key_results if kr.objective_id in taken]
    key_results.sort(key=lambda kr: position[kr.objective_id])
    key_results = _fresh_ids(stored, key_results, retired)
    manual = pd.concat(
        [
            stored.manual_values.loc[~stored.manual_values["department"].isin(departments).fillna(False).to_numpy(dtype=bool)],
            upload.manual_values.loc[upload.manual_values["department"].isin(departments).fillna(False).to_numpy(dtype=bool)],
        ],
        ignore_index=True,
    )
    merged = GoalsConfig(tuple(objectives), tuple(key_results), manual, stored.accounts, stored.tags)
    return merged, GoalChanges(frozenset(changed - {""}), shared)


def _identity(kr: KeyResult) -> tuple[object, ...]:
    """What makes a key result the same one when its target or baseline changes."""
    return (kr.objective_id, kr.kpi, kr.period_text, kr.platform, kr.account, kr.tag)


def _fresh_ids(stored: GoalsConfig, key_results: list[KeyResult], retired: frozenset[str] = frozenset()) -> list[KeyResult]:
    """A key result that would take an id in use elsewhere gets a number after every one in use, so a deleted key
    result's id, and its review comments, never pass to a new one: an id Resonanz counted (a new row, id left blank)
    that another key result of the stored set has, and any id ``retired`` (named by a review comment) that no key
    result of the stored set has any more (deleted in an earlier upload, or typed in by hand)."""
    before = {kr.id: kr for kr in stored.key_results}
    reused = {
        n
        for n, kr in enumerate(key_results)
        if (kr.numbered and kr.id in before and _identity(before[kr.id]) != _identity(kr)) or (kr.id in retired and kr.id not in before)
    }
    if not reused:
        return key_results
    highest: dict[str, int] = {}
    for identifier in (*(kr.id for kr in (*stored.key_results, *key_results)), *retired):
        prefix, _, number = identifier.rpartition(".")
        if number.isdigit():
            highest[prefix] = max(highest.get(prefix, 0), int(number))
    fresh = []
    for n, kr in enumerate(key_results):
        if n in reused:
            highest[kr.objective_id] = highest.get(kr.objective_id, 0) + 1
            kr = replace(kr, id=f"{kr.objective_id}.{highest[kr.objective_id]}")
        fresh.append(kr)
    return fresh


def departments_held(config: GoalsConfig) -> frozenset[str]:
    """The departments a goal set holds objectives, key results or manual values of."""
    return frozenset(_department_parts(config)) - {""}


def change_details(before: GoalsConfig | None, after: GoalsConfig, department: str) -> str:
    """The audit log's details of a change to one department's goals, as JSON: the objectives, key results (id, KPI,
    period, target) and manual values added and removed, and under "changed" each objective or key result that keeps
    its id with what differs as [before, after] (a baseline or type changed reads as such, not as a removal)."""
    old = _department_parts(before).get(department, frozenset()) if before is not None else frozenset()
    new = _department_parts(after).get(department, frozenset())
    old_by_id = {(type(i), i.id): i for i in old - new if isinstance(i, Objective | KeyResult)}
    new_by_id = {(type(i), i.id): i for i in new - old if isinstance(i, Objective | KeyResult)}
    kept = old_by_id.keys() & new_by_id.keys()

    def listed(items: frozenset[object]) -> dict[str, list[str]]:
        items = frozenset(i for i in items if not (isinstance(i, Objective | KeyResult) and (type(i), i.id) in kept))
        objectives = sorted(i.id for i in items if isinstance(i, Objective))
        key_results = sorted(f"{i.id} {i.kpi} {i.period_text} {i.target:g}" for i in items if isinstance(i, KeyResult))
        manual = sorted(_manual_text(i) for i in items if isinstance(i, tuple))
        return {"objectives": objectives, "key_results": key_results, "manual_values": manual}

    changed = [_differences(old_by_id[key], new_by_id[key]) for key in sorted(kept, key=lambda key: (key[0].__name__ != "Objective", key[1]))]
    return json.dumps({"added": listed(new - old), "removed": listed(old - new), "changed": changed}, ensure_ascii=False)


def _differences(before: Objective | KeyResult, after: Objective | KeyResult) -> dict[str, object]:
    """What differs between two versions of one objective or key result: {"kind", "id", field: [before, after], ...}."""
    skipped = {"id", "period"}  # the period is compared as written (period_text)
    differing: dict[str, object] = {"kind": "objective" if isinstance(after, Objective) else "key_result", "id": after.id}
    for item in fields(after):
        old, new = getattr(before, item.name), getattr(after, item.name)
        if item.name not in skipped and item.compare and old != new:
            differing[item.name] = [_plain(old), _plain(new)]
    return differing


def _plain(value: object) -> object:
    return value if value is None or isinstance(value, bool | int | float | str) else str(value)


def _manual_text(row: tuple[object, ...]) -> str:
    metric, day, value = row[:3]
    shown_day = day.strftime("%Y-%m-%d") if hasattr(day, "strftime") else str(day)
    return f"{metric} {shown_day} {value:g}" if isinstance(value, float | int) else f"{metric} {shown_day} {value}"


def _rows(frame: pd.DataFrame) -> frozenset[tuple[object, ...]]:
    """A frame's rows as comparable tuples (missing as None: NaN never equals NaN)."""
    cells = frame.astype(object).where(frame.notna(), None)
    return frozenset(cells.itertuples(index=False, name=None))


def _department_parts(config: GoalsConfig) -> dict[str, frozenset[object]]:
    department_of = {o.id: o.department for o in config.objectives}
    parts: dict[str, set[object]] = {}
    for objective in config.objectives:
        parts.setdefault(objective.department, set()).add(objective)
    for key_result in config.key_results:
        parts.setdefault(department_of.get(key_result.objective_id, ""), set()).add(key_result)
    manual = config.manual_values
    for department, rows in manual.groupby(manual["department"].fillna(""), sort=False):
        parts.setdefault(str(department), set()).update(_rows(rows))
    return {department: frozenset(items) for department, items in parts.items()}


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
            "id": ("id", "ID"),  # optional, last: Resonanz writes it, so comments stay with their key result
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


# ---------------------------------------------------------------- sheets and cells

# What the reader (ingest.goals_reader) hands over: {canonical sheet: (sheet name as written, headers, rows)}.
RawSheets = dict[str, tuple[str, list[str], list[list[Any]]]]
# The cells of these columns are numbers; the reader parses them with the import's number parser.
NUMBER_COLUMNS: dict[str, tuple[str, ...]] = {"key_results": ("baseline", "target"), "manual_values": ("value",)}


@dataclass(frozen=True)
class NumberCell:
    """A number cell as the reader parsed it: the value (NaN when unreadable), the text as written, and
    whether it carried a % sign (the value is then already divided by 100)."""

    value: float
    text: str
    percent: bool = False
    typed: bool = False  # a number cell of the workbook (or YAML), not text


def sheet_key(title: str) -> str | None:
    """The canonical sheet of an English or German sheet (or YAML section) name; None for others."""
    wanted = _normal(title)
    return next((key for key, (en, de, _, _) in SHEETS.items() if wanted in (_normal(en), _normal(de))), None)


def is_german_sheet(key: str, title: str) -> bool:
    return _normal(title) == _normal(SHEETS[key][1]) and _normal(title) != _normal(SHEETS[key][0])


def column_key(key: str, header: str) -> str | None:
    """The canonical column of a sheet's English or German header; None for unknown headers."""
    wanted = _normal(header)
    return next((canonical for canonical, names in SHEETS[key][2].items() if wanted in (_normal(n) for n in names)), None)


# ---------------------------------------------------------------- validation

MAX_PERCENT_WITHOUT_SIGN = 1.0  # a rate written without % above this is a percentage meant as a fraction


def choices(language: Language) -> dict[str, list[str]]:
    """The values the workbook's drop-downs offer, as people write them in ``language``."""
    return {
        "kpi": sorted((item.label(language) for item in CATALOG.values()), key=str.casefold),
        "department": [d.label(language) for d in DEPARTMENTS.values()],
        "platform": [platform_name(p.value, language) for p in Platform],
        "type": ["verbindlich", "ambitioniert"] if language == Language.DE else ["committed", "aspirational"],
        "level": [level.value for level in Impact],
        "metric": sorted((CATALOG[key].label(language) for key in MANUAL_KPIS), key=str.casefold),
    }


def _accepted(pairs: dict[str, str]) -> dict[str, str]:
    return {_normal(name): key for name, key in pairs.items()}


# Every accepted spelling (id, German and English label) -> the stored key.
KPI_NAMES = _accepted({name: key for key, item in CATALOG.items() for name in (key, item.label_de, item.label_en)})
MANUAL_NAMES = {name: key for name, key in KPI_NAMES.items() if key in MANUAL_KPIS}
PLATFORM_NAMES = _accepted(
    {name: p.value for p in Platform for name in (p.value, platform_name(p.value, Language.DE), platform_name(p.value, Language.EN))} | {"twitter": "x"}
)
DEPARTMENT_NAMES = _DEPARTMENT_ALIASES
TYPE_NAMES = _accepted({name: str(kind) for name, kind in TYPES.items()})
LEVEL_NAMES = _accepted(LEVELS)  # input, output, outcome, outflow: the same words in German (DPRG/ICV)


class _Rows:
    """Typed access to one sheet's cells; every problem becomes an issue with sheet, row, column, value."""

    def __init__(self, file: str, key: str, sheet: tuple[str, list[str], list[list[Any]]] | None, issues: list[Issue], first_row: int) -> None:
        self.file, self.key, self.issues, self.first_row = file, key, issues, first_row
        self.title, headers, rows = sheet or (SHEETS[key][0], [], [])
        columns = SHEETS[key][2]
        self.positions: dict[str, int] = {}
        unknown: list[str] = []
        for position, header in enumerate(headers):
            if not header:
                continue
            canonical = column_key(key, header)
            if canonical is None:
                unknown.append(str(header))
            else:
                self.positions[canonical] = position
        self.headers = headers
        missing = [c for c in SHEETS[key][3] if c not in self.positions]
        for header in unknown:
            issues.append(_unknown_column(file, self.title, key, header, missing))
        if sheet is not None and missing:
            names = ", ".join(f"{columns[c][0]}/{columns[c][1]}" for c in missing)
            issues.append(error("goals.missing_columns", {"columns": names}, file=file, sheet=self.title))
        # A missing column is said once for the sheet, not again as an empty cell in every row (a typo gave 24 errors).
        self.missing = frozenset(missing) if sheet is not None else frozenset()
        self.rows = [(number, row) for number, row in enumerate(rows, start=first_row) if any(v not in (None, "") for v in row)]

    def cell(self, row: list[Any], column: str) -> Any:
        position = self.positions.get(column)
        if position is None or position >= len(row):
            return None
        value = row[position]
        if isinstance(value, NumberCell) and not value.text.strip():
            return None
        return None if value == "" or (isinstance(value, float) and math.isnan(value)) else value

    def fail(self, number: int, column: str, value: Any, code: str, params: dict[str, object] | None = None) -> None:
        if value is None and column in self.missing:
            return
        header = self.headers[self.positions[column]] if column in self.positions else column
        shown = value.text if isinstance(value, NumberCell) else value
        self.issues.append(error(code, params, file=self.file, sheet=self.title, row=number, column=header, value=None if shown is None else str(shown)))

    def text(self, number: int, row: list[Any], column: str, required: bool = False) -> str | None:
        value = self.cell(row, column)
        if value is None:
            if required:
                self.fail(number, column, None, "goals.empty_cell")
            return None
        if isinstance(value, NumberCell):
            return value.text.strip()
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    def number(self, number: int, row: list[Any], column: str, required: bool = False) -> NumberCell | None:
        """The parsed number cell; the reader has parsed it (a plain number passes through as it is)."""
        value = self.cell(row, column)
        if value is None:
            if required:
                self.fail(number, column, None, "goals.number_required")
            return None
        if isinstance(value, bool):
            self.fail(number, column, value, "goals.not_yes_no")
            return None
        if isinstance(value, int | float):
            return NumberCell(float(value), str(value), typed=True)
        if not isinstance(value, NumberCell) or value.value != value.value:
            self.fail(number, column, value, "goals.not_a_number")
            return None
        return value

    def percent_number(self, number: int, row: list[Any], column: str, percent: bool, required: bool = False) -> float | None:
        """A number; for a percentage KPI a value above 1 must carry its % sign (1.2 is not 120 %)."""
        cell = self.number(number, row, column, required)
        if cell is None:
            return None
        if percent and not cell.percent and abs(cell.value) > MAX_PERCENT_WITHOUT_SIGN:
            # A typed number is written back in each language's marks; text stays as the user wrote it.
            written_de, written_en = (decimal_text(cell.value, ","), decimal_text(cell.value, ".")) if cell.typed else (cell.text.strip(),) * 2
            fraction = decimal_text(cell.value / 100, ".")
            params = {"written_de": written_de, "written_en": written_en, "fraction_de": fraction.replace(".", ","), "fraction_en": fraction}
            self.fail(number, column, cell, "goals.percent_hint", params)
            return None
        return cell.value

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
        self.fail(number, column, value, "goals.not_a_date")
        return None

    def choice(self, number: int, row: list[Any], column: str, allowed: dict[str, str], what: str, required: bool = False) -> str | None:
        """A value from a closed list (id, German or English label); an unknown one is an issue listing the allowed."""
        value = self.text(number, row, column, required)
        if value is None:
            return None
        found = allowed.get(_normal(value))
        if found is None:
            self.fail(
                number, column, value, f"goals.unknown_{what}", {"de": ", ".join(choices(Language.DE)[what]), "en": ", ".join(choices(Language.EN)[what])}
            )
        return found


def _unknown_column(file: str, title: str, key: str, header: str, missing: list[str]) -> Issue:
    """An unknown column's error; one that looks like a missing required column's name (a typo) names that column."""
    columns = SHEETS[key][2]
    names = {name.casefold(): column for column in missing for name in columns[column]}
    close = difflib.get_close_matches(header.strip().casefold(), list(names), n=1, cutoff=0.75)
    if close:
        english, german = columns[names[close[0]]]
        return error("goals.unknown_column_like", {"column": header, "en": english, "de": german}, file=file, sheet=title, column=header)
    allowed = ", ".join(f"{en}/{de}" for en, de in columns.values())
    return error("goals.unknown_column", {"column": header, "allowed": allowed}, file=file, sheet=title, column=header)


def _with_ids(read: list[tuple[int, str | None, KeyResult]], sheet: _Rows) -> list[KeyResult]:
    """Key results with their ids: the one written in the id column, else "<objective id>.<n>" counted per objective
    in workbook order (as before the column existed), after the highest number written for that objective, so that
    a new row never takes the id (and the review comments) of a row that stays."""
    taken: dict[str, int] = {}
    for number, given, _ in read:
        if given in taken:
            sheet.fail(number, "id", given, "goals.duplicate_id", {"row": taken[given]})
        elif given:
            taken[given] = number
    counters: dict[str, int] = {}
    for _, given, kr in read:
        prefix, _, suffix = (given or "").rpartition(".")
        if prefix == kr.objective_id and suffix.isdigit():
            counters[kr.objective_id] = max(counters.get(kr.objective_id, 0), int(suffix))
    numbered = []
    for _, given, kr in read:
        identifier = given
        while not identifier or (identifier in taken and identifier != given):
            counters[kr.objective_id] = counters.get(kr.objective_id, 0) + 1
            identifier = f"{kr.objective_id}.{counters[kr.objective_id]}"
        numbered.append(replace(kr, id=identifier, numbered=not given))
    return numbered


def decimal_text(value: float, decimal: str) -> str:
    """1.2 -> "1.2" or "1,2"; 0.012 -> "0.012" (no float noise, no trailing zeros)."""
    return f"{value:.8f}".rstrip("0").rstrip(".").replace(".", decimal)


def validate_goals(file: str, sheets: RawSheets, fiscal_start_month: int = 1, issues: list[Issue] | None = None) -> GoalsConfig:
    """Validate the sheets a reader found (ingest.goals_reader reads them); raises ``GoalsError`` with every problem."""
    issues = list(issues or [])
    first_row = 2  # row 1 holds the headers in a workbook; YAML entries count from 2 as well, consistently
    if "objectives" not in sheets or "key_results" not in sheets:
        raise GoalsError([*issues, error("goals.needs_sheets", file=file)])
    reader: Callable[[str], _Rows] = lambda key: _Rows(file, key, sheets.get(key), issues, first_row)  # noqa: E731

    accounts_sheet = reader("accounts")
    account_rows = []
    for number, row in accounts_sheet.rows:
        platform = accounts_sheet.choice(number, row, "platform", PLATFORM_NAMES, "platform", required=True)
        account = accounts_sheet.text(number, row, "account", required=True)
        department = accounts_sheet.choice(number, row, "department", DEPARTMENT_NAMES, "department", required=True)
        account_rows.append({"platform": platform, "account": account, "department": department, "label": accounts_sheet.text(number, row, "label") or account})
    accounts = pd.DataFrame(account_rows, columns=["platform", "account", "department", "label"]).astype("string") if account_rows else accounts_frame()
    known_accounts = set(accounts["account"].dropna())

    tags_sheet = reader("tags")
    tag_rules = []
    for number, row in tags_sheet.rows:
        tag = tags_sheet.text(number, row, "tag", required=True)
        department = tags_sheet.choice(number, row, "department", DEPARTMENT_NAMES, "department")
        match = tags_sheet.text(number, row, "match", required=True)
        if tag and match:
            tag_rules.append(TagRule(tag, department, tuple(t.strip() for t in match.split(",") if t.strip())))
    known_tags = {rule.tag for rule in tag_rules}
    if len(known_tags) != len(tag_rules):
        twice = sorted({rule.tag for rule in tag_rules if sum(r.tag == rule.tag for r in tag_rules) > 1})
        issues.append(error("goals.duplicate_tag", {"tag": ", ".join(twice)}, file=file, sheet=tags_sheet.title, value=", ".join(twice)))

    objectives_sheet = reader("objectives")
    objectives, seen = [], {}
    for number, row in objectives_sheet.rows:
        identifier = objectives_sheet.text(number, row, "id", required=True)
        if identifier in seen:
            objectives_sheet.fail(number, "id", identifier, "goals.duplicate_id", {"row": seen[identifier]})
        seen[identifier] = number
        name = objectives_sheet.text(number, row, "objective", required=True)
        department = objectives_sheet.choice(number, row, "department", DEPARTMENT_NAMES, "department", required=True)
        level = objectives_sheet.choice(number, row, "level", LEVEL_NAMES, "level")
        if identifier and name and department:
            objectives.append(Objective(identifier, name, department, level, objectives_sheet.text(number, row, "description") or ""))

    kr_sheet = reader("key_results")
    read: list[tuple[int, str | None, KeyResult]] = []  # (row, id as written, key result with a placeholder id)
    for number, row in kr_sheet.rows:
        objective_id = kr_sheet.text(number, row, "objective_id", required=True)
        if objective_id and objective_id not in seen:
            kr_sheet.fail(number, "objective_id", objective_id, "goals.unknown_objective")
        kpi_key = kr_sheet.choice(number, row, "kpi", KPI_NAMES, "kpi", required=True)
        platform = kr_sheet.choice(number, row, "platform", PLATFORM_NAMES, "platform")
        account = kr_sheet.text(number, row, "account")
        if account and known_accounts and account not in known_accounts:
            kr_sheet.fail(number, "account", account, "goals.unknown_account")
        tag = kr_sheet.text(number, row, "tag")
        if tag and tag not in known_tags:
            kr_sheet.fail(number, "tag", tag, "goals.unknown_tag")
        period_text = kr_sheet.text(number, row, "period", required=True)
        period = None
        if period_text:
            try:
                period = parse_period(period_text, fiscal_start_month)
            except PeriodError:
                kr_sheet.fail(number, "period", period_text, "goals.bad_period")
        percent = bool(kpi_key) and CATALOG[kpi_key].unit is Unit.PERCENT
        baseline = kr_sheet.percent_number(number, row, "baseline", percent)
        target = kr_sheet.percent_number(number, row, "target", percent, required=True)
        kind = kr_sheet.choice(number, row, "type", TYPE_NAMES, "type") or KeyResultType.COMMITTED
        given = kr_sheet.text(number, row, "id")
        if objective_id in seen and kpi_key and period and target is not None:
            read.append(
                (
                    number,
                    given,
                    KeyResult(
                        "",
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
                    ),
                )
            )
    key_results = _with_ids(read, kr_sheet)

    manual_sheet = reader("manual_values")
    manual_rows = []
    for number, row in manual_sheet.rows:
        metric = manual_sheet.choice(number, row, "metric", MANUAL_NAMES, "metric", required=True)
        day = manual_sheet.date(number, row, "date")
        value = manual_sheet.percent_number(number, row, "value", bool(metric) and CATALOG[metric].unit is Unit.PERCENT, required=True)
        department = manual_sheet.choice(number, row, "department", DEPARTMENT_NAMES, "department")
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
    return GoalsConfig(tuple(objectives), tuple(key_results), manual, accounts, tuple(tag_rules), workbook_origin(sheets.get(ORIGIN_KEY)))


def workbook_origin(properties: tuple[str, list[str], list[list[Any]]] | None) -> WorkbookOrigin | None:
    """The origin a workbook's document properties state; None without them. Anything unreadable there counts as
    unstated: the properties only narrow what an upload may do, the permission checks decide."""
    if not properties or not properties[2]:
        return None
    stated = dict(zip(properties[1], properties[2][0], strict=False))
    departments = stated.get(ORIGIN_PROPERTIES["departments"])
    keys = None
    if isinstance(departments, str) and departments.strip() != "*":
        found = {department_key(part) for part in departments.split(",")}
        keys = None if None in found or not found else frozenset(k for k in found if k)
    goal_set = stated.get(ORIGIN_PROPERTIES["goal_set"])
    number = int(goal_set) if isinstance(goal_set, int | float) and not isinstance(goal_set, bool) else None
    if isinstance(goal_set, str) and goal_set.strip().isdigit():
        number = int(goal_set)
    return WorkbookOrigin(keys, number)
