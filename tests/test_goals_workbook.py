"""Goals workbooks written by Resonanz (issue 10): they read back to the same goals, text stays text, and a
department's own workbook goes back among the other departments' goals without touching them."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace

import openpyxl
import pandas as pd
import pytest

from ingest.goals_reader import load_goals
from metrics.catalog import CATALOG, MANUAL_KPIS, Unit
from metrics.dataset import TagRule
from metrics.goals import DEPARTMENTS, GoalsConfig, KeyResult, KeyResultType, Objective, goal_changes, merge_department_goals
from metrics.goals_workbook import goals_workbook
from metrics.periods import parse_period
from metrics.scoping import department_goals
from model.canonical import Platform
from tests.conftest import ROOT

HOSTILE = ['=HYPERLINK("https://tracker.example/x","click")', "$5 instead of $10 *today*", "+49 30 1234", "-1", "@sum(A1:A2)"]
PERIODS = ["2026", "2026-Q3", "Q3/2026", "2026-04", "KW 14/2026", "2026-W14", "2026-04-01..2026-04-30", "GJ2026"]


def _every_kpi_config() -> GoalsConfig:
    """One objective per department, one key result per KPI of the catalog (percent targets above and below 100 %),
    every platform in the accounts sheet, manual values of every manual KPI, hostile texts in every text column."""
    departments = list(DEPARTMENTS)
    objectives = tuple(
        Objective(f"O-{n}", HOSTILE[n % len(HOSTILE)], key, ("input", "output", "outcome", None)[n % 4], HOSTILE[(n + 1) % len(HOSTILE)])
        for n, key in enumerate(departments)
    )
    platforms = list(Platform)
    accounts = pd.DataFrame(
        {
            "platform": [p.value for p in platforms],
            "account": [f"konto-{p.value}" for p in platforms],
            "department": [departments[n % len(departments)] for n in range(len(platforms))],
            "label": [HOSTILE[n % len(HOSTILE)] for n in range(len(platforms))],
        }
    ).astype("string")
    tags = (TagRule("karriere", "hr", ("#karriere", "Ausbildung")), TagRule("=marke", None, ("#marke",)))
    key_results, counters = [], {}
    for n, kpi in enumerate(CATALOG):
        objective = objectives[n % len(objectives)]
        counters[objective.id] = counters.get(objective.id, 0) + 1
        percent = CATALOG[kpi].unit is Unit.PERCENT
        # values as people type them (a cell keeps 16 significant digits; 0.1 + 0.2 would come back as 0.3)
        target = (0.042, 1.5, 0.3)[n % 3] if percent else (1500000.0, 0.0, 12.5)[n % 3]
        platform = platforms[n % len(platforms)].value if n % 2 else None
        text = PERIODS[n % len(PERIODS)]
        key_results.append(
            KeyResult(
                f"{objective.id}.{counters[objective.id]}",
                objective.id,
                kpi,
                parse_period(text),
                text,
                target,
                None if n % 4 == 0 else target / 2,
                platform,
                f"konto-{platform}" if platform and n % 3 == 0 else None,
                "karriere" if n % 5 == 0 else None,
                KeyResultType.ASPIRATIONAL if n % 2 else KeyResultType.COMMITTED,
            )
        )
    manual_keys = sorted(MANUAL_KPIS)
    manual = pd.DataFrame(
        {
            "metric": manual_keys,
            "date": pd.to_datetime([f"2026-0{1 + n % 9}-{10 + n}" for n in range(len(manual_keys))]).astype("datetime64[us]"),
            "value": [0.35 if CATALOG[k].unit is Unit.PERCENT else 12.0 + n for n, k in enumerate(manual_keys)],
            "department": [None if n % 3 == 0 else departments[n % len(departments)] for n in range(len(manual_keys))],
            "note": [HOSTILE[n % len(HOSTILE)] if n % 2 else None for n in range(len(manual_keys))],
        }
    ).astype({"metric": "string", "department": "string", "note": "string"})
    return GoalsConfig(objectives, tuple(key_results), manual, accounts, tags)


def _demo() -> GoalsConfig:
    return load_goals("ziele.xlsx", (ROOT / "sample_data" / "demo" / "ziele.xlsx").read_bytes())


def _same(a: GoalsConfig, b: GoalsConfig) -> None:
    assert a.objectives == b.objectives
    assert a.key_results == b.key_results
    assert a.tags == b.tags
    pd.testing.assert_frame_equal(a.accounts.reset_index(drop=True), b.accounts.reset_index(drop=True))
    by = ["metric", "date", "value"]
    pd.testing.assert_frame_equal(a.manual_values.sort_values(by).reset_index(drop=True), b.manual_values.sort_values(by).reset_index(drop=True))


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("config", [_demo, _every_kpi_config], ids=["demo", "every KPI"])
def test_a_written_workbook_reads_back_to_the_same_goals(config: Callable[[], GoalsConfig], language: str) -> None:
    goals = config()
    _same(load_goals("written.xlsx", goals_workbook(goals, language)), goals)


def test_text_is_written_as_text_never_as_a_formula() -> None:
    book = openpyxl.load_workbook(io.BytesIO(goals_workbook(_every_kpi_config(), "en")))
    kinds = {cell.data_type for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None}
    assert "f" not in kinds
    assert book["objectives"]["B2"].value == '=HYPERLINK("https://tracker.example/x","click")'


def test_percentages_are_written_as_people_read_them() -> None:
    goals = _every_kpi_config()
    book = openpyxl.load_workbook(io.BytesIO(goals_workbook(goals, "de")))
    targets = [row[7] for row in book["Kennzahlen"].iter_rows(min_row=2, values_only=True)]
    percent = [(kr.target, cell) for kr, cell in zip(goals.key_results, targets, strict=True) if CATALOG[kr.kpi].unit is Unit.PERCENT]
    # a fraction up to 100 % as a number in a % format; above, with its sign (a bare 1.5 would be read as 1.5 % written wrongly)
    assert {(target, cell) for target, cell in percent} >= {(0.042, 0.042), (1.5, "150 %")}
    assert book["Kennzahlen"]["H2"].number_format in ("General", "0.0##%")


def test_a_department_workbook_holds_its_goals_and_what_they_name() -> None:
    hr = department_goals(_demo(), frozenset({"hr"}))
    assert {o.department for o in hr.objectives} == {"hr"}
    assert {kr.objective_id for kr in hr.key_results} == {"HR-1"}
    assert set(hr.manual_values["department"]) == {"hr"}
    assert set(hr.accounts["department"]) == {"hr"}
    assert {rule.department for rule in hr.tags} <= {"hr", None}
    # every key result's account and tag is in the workbook: it reads back on its own
    _same(load_goals("hr.xlsx", goals_workbook(hr, "de")), hr)
    demo = _demo()
    marketing_account = str(demo.accounts.loc[demo.accounts["department"] == "marketing", "account"].iloc[0])
    hr_count = sum(kr.objective_id == "HR-1" for kr in demo.key_results)
    borrowed = replace(demo.key_results[-1], id=f"HR-1.{hr_count + 1}", objective_id="HR-1", account=marketing_account, tag=demo.tags[0].tag)
    hr = department_goals(replace(demo, key_results=(*demo.key_results, borrowed)), frozenset({"hr"}))
    assert marketing_account in set(hr.accounts["account"]) and demo.tags[0] in hr.tags
    _same(load_goals("hr.xlsx", goals_workbook(hr, "en")), hr)


def _hr(edit: Callable[[GoalsConfig], GoalsConfig] | None = None) -> GoalsConfig:
    """HR's own workbook as the editor downloads it, edited by ``edit``, read back as the upload."""
    own = department_goals(_demo(), frozenset({"hr"}))
    return load_goals("hr.xlsx", goals_workbook(edit(own) if edit else own, "de"))


def _target(goals: GoalsConfig) -> GoalsConfig:
    return replace(goals, key_results=(replace(goals.key_results[0], target=goals.key_results[0].target + 1000), *goals.key_results[1:]))


def _drop_objective(goals: GoalsConfig) -> GoalsConfig:
    return replace(goals, objectives=(), key_results=())


def _marketing_objective(goals: GoalsConfig) -> GoalsConfig:
    return replace(goals, objectives=(*goals.objectives, Objective("MK-9", "Neu", "marketing")))


def _take_over(goals: GoalsConfig) -> GoalsConfig:
    stolen = next(o for o in _demo().objectives if o.department == "marketing")
    return replace(goals, objectives=(*goals.objectives, replace(stolen, department="hr")))


def _company_value(goals: GoalsConfig) -> GoalsConfig:
    row = goals.manual_values.iloc[[0]].assign(department=pd.array([None], dtype="string"))
    return replace(goals, manual_values=pd.concat([goals.manual_values, row], ignore_index=True))


def _new_account(goals: GoalsConfig) -> GoalsConfig:
    extra = pd.DataFrame({"platform": ["x"], "account": ["neu"], "department": ["hr"], "label": ["neu"]}).astype("string")
    return replace(goals, accounts=pd.concat([goals.accounts, extra], ignore_index=True))


@pytest.mark.parametrize(
    ("edit", "departments", "company_wide"),
    [
        (None, set(), False),
        (_target, {"hr"}, False),
        (_drop_objective, {"hr"}, False),  # HR may end with no goals
        (_marketing_objective, {"marketing"}, False),  # the editor's check refuses it
        (_take_over, {"hr", "marketing"}, False),  # an objective of marketing moved into HR changes marketing
        (_company_value, set(), True),
        (_new_account, set(), True),
    ],
    ids=["unchanged", "target", "objectives removed", "other department", "taken over", "company-wide value", "new account"],
)
def test_a_department_workbook_goes_back_without_touching_the_others(edit, departments: set[str], company_wide: bool) -> None:
    stored = _demo()
    merged, changes = merge_department_goals(stored, _hr(edit), frozenset({"hr"}))
    assert (set(changes.departments), changes.company_wide) == (departments, company_wide)
    assert goal_changes(stored, merged).departments <= changes.departments  # the merge changes no department it does not report
    for department in set(DEPARTMENTS) - {"hr"} - changes.departments:  # those the editor's check refuses
        assert [o for o in merged.objectives if o.department == department] == [o for o in stored.objectives if o.department == department]
    if edit is _target:
        assert (
            merged.key_results[[kr.objective_id for kr in merged.key_results].index("HR-1")].target
            == stored.key_results[[kr.objective_id for kr in stored.key_results].index("HR-1")].target + 1000
        )
    if edit is _drop_objective:
        assert "HR-1" not in {o.id for o in merged.objectives} and "HR-1" not in {kr.objective_id for kr in merged.key_results}
    # the merged set is stored as a workbook: it reads back to itself
    _same(load_goals("merged.xlsx", goals_workbook(merged, "de")), merged)


def test_a_whole_workbook_from_an_hr_editor_counts_only_its_real_changes() -> None:
    stored = _demo()
    _, changes = merge_department_goals(stored, load_goals("all.xlsx", goals_workbook(_target(stored), "en")), frozenset({"hr"}))
    first_department = next(o.department for o in stored.objectives if o.id == stored.key_results[0].objective_id)
    assert set(changes.departments) == {first_department}


def test_key_results_keep_their_ids_when_a_row_above_is_deleted() -> None:
    # A new user deleted HR's first key result: the review comment of HR-1.4 moved to another key result,
    # because ids were row positions. Written workbooks carry the ids; a new row gets a number not in use.
    demo = _demo()
    hr = department_goals(demo, frozenset({"hr"}))
    kept = hr.key_results[1:]
    extra = replace(hr.key_results[0], id="", target=123.0)  # a new row, id left blank
    book = openpyxl.load_workbook(io.BytesIO(goals_workbook(replace(hr, key_results=(*kept, extra)), "de")))
    book["Kennzahlen"]["J5"] = None  # the new row's id cell: blank, as a user leaves it
    buffer = io.BytesIO()
    book.save(buffer)
    back = load_goals("hr.xlsx", buffer.getvalue())
    assert [kr.id for kr in back.key_results[:-1]] == [kr.id for kr in kept] == ["HR-1.2", "HR-1.3", "HR-1.4"]
    assert back.key_results[-1].id == "HR-1.5"  # after the highest number written, not the deleted HR-1.1
    merged, _ = merge_department_goals(demo, back, frozenset({"hr"}))
    by_id = {kr.id: kr for kr in merged.key_results}
    assert all(by_id[kr.id] == kr for kr in kept)


def test_a_workbook_without_ids_numbers_key_results_per_objective_as_before() -> None:
    ids = [kr.id for kr in _demo().key_results]
    assert ids[:3] == ["PR-1.1", "PR-1.2", "PR-1.3"] and len(set(ids)) == len(ids)


def test_an_id_written_twice_is_refused_with_both_rows() -> None:
    from metrics.goals import GoalsError

    hr = department_goals(_demo(), frozenset({"hr"}))
    twice = replace(hr, key_results=(hr.key_results[0], replace(hr.key_results[1], id=hr.key_results[0].id), *hr.key_results[2:]))
    with pytest.raises(GoalsError) as raised:
        load_goals("hr.xlsx", goals_workbook(twice, "en"))
    assert any(i.code == "goals.duplicate_id" and i.row == 3 and i.value == "HR-1.1" for i in raised.value.issues)


def test_a_new_row_never_takes_the_id_of_a_deleted_key_result() -> None:
    # A new user deleted HR-1.4 (the highest) and added a key result with a blank id: it became HR-1.4 and took over
    # the deleted one's review comment. The merge gives it a number after every one the stored set used.
    demo = _demo()
    hr = department_goals(demo, frozenset({"hr"}))
    last = hr.key_results[-1]
    new = replace(last, id="", kpi="views", target=500000.0)
    back = load_goals("hr.xlsx", goals_workbook(replace(hr, key_results=(*hr.key_results[:-1], new)), "de"))
    assert back.key_results[-1].id == last.id and back.key_results[-1].numbered  # counted by the reader alone
    merged, _ = merge_department_goals(demo, back, frozenset({"hr"}))
    ids = {kr.kpi: kr.id for kr in merged.key_results if kr.objective_id == "HR-1"}
    assert ids["views"] == "HR-1.5" and last.id not in ids.values()


def test_an_id_a_review_comment_names_is_never_taken_by_a_new_key_result() -> None:
    # A third new user deleted HR-1.4 in one upload and added a blank-id row in the next: it became HR-1.4 again and
    # took the deleted one's comment. Ids named by review comments count as used; a typed-in retired id as well.
    demo = _demo()
    hr = department_goals(demo, frozenset({"hr"}))
    last = hr.key_results[-1]
    after_first, _ = merge_department_goals(demo, replace(hr, key_results=hr.key_results[:-1]), frozenset({"hr"}))
    assert last.id not in {kr.id for kr in after_first.key_results}
    own = department_goals(after_first, frozenset({"hr"}))
    blank = replace(last, id="", kpi="views")
    typed = replace(last, id=last.id, kpi="reach")  # someone types the retired id in by hand
    for new in (blank, typed):
        back = load_goals("hr.xlsx", goals_workbook(replace(own, key_results=(*own.key_results, new)), "de"))
        merged, _ = merge_department_goals(after_first, back, frozenset({"hr"}), retired=frozenset({last.id}))
        ids = {kr.kpi: kr.id for kr in merged.key_results if kr.objective_id == "HR-1"}
        assert ids[new.kpi] == "HR-1.5" and last.id not in ids.values()
