"""The upload rules of goals workbooks (metrics.goal_upload), decided without a page: a table of who uploads what."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from ingest.goals_reader import load_goals
from metrics.goal_upload import ChangeCounts, PermissionCheck, StoredSet, Uploader, decide_upload
from metrics.goals import GoalsConfig, KeyResultType, WorkbookOrigin, change_details, goal_changes
from metrics.scoping import department_goals

DEMO = load_goals("ziele.xlsx", (Path(__file__).resolve().parents[1] / "sample_data" / "demo" / "ziele.xlsx").read_bytes())
ADMIN = Uploader(None, admin=True)
HR_EDITOR = Uploader(frozenset({"hr"}), admin=False)
STORED_ID, SAVED_ON = 7, dt.date(2026, 12, 3)


def stored(goals: GoalsConfig = DEMO, earlier: dict[int, GoalsConfig] | None = None) -> StoredSet:
    return StoredSet(goals, STORED_ID, SAVED_ON, (earlier or {}).get)


def with_target(goals: GoalsConfig, key_result_id: str, target: float) -> GoalsConfig:
    return replace(goals, key_results=tuple(replace(kr, target=target) if kr.id == key_result_id else kr for kr in goals.key_results))


def same_goals(a: GoalsConfig, b: GoalsConfig) -> bool:
    changes = goal_changes(a, b)
    return not changes.departments and not changes.shared and a.objectives == b.objectives and a.key_results == b.key_results


def hr_workbook(goals: GoalsConfig = DEMO, goal_set: int | None = STORED_ID) -> GoalsConfig:
    return replace(department_goals(goals, frozenset({"hr"})), origin=WorkbookOrigin(frozenset({"hr"}), goal_set))


def test_the_first_set_is_the_whole_set_s_check_naming_that_it_is_the_first() -> None:
    decision = decide_upload(DEMO, None, HR_EDITOR)
    assert (decision.goals, decision.as_uploaded, decision.refusal) == (DEMO, True, None)
    [check] = decision.checks
    assert check.department is None and check.denied_hint is not None and check.denied_hint.params == {"parts": ["first_set"]}


def test_an_admin_s_whole_workbook_replaces_the_set_as_uploaded() -> None:
    upload = with_target(DEMO, "PR-1.1", 190_000.0)
    decision = decide_upload(upload, stored(), ADMIN)
    assert decision.as_uploaded and decision.goals is upload and decision.replaced == {"pr"}
    [check] = decision.checks
    details = json.loads(check.details)
    assert details["departments"]["pr"]["changed"] == [{"kind": "key_result", "id": "PR-1.1", "target": [180_000.0, 190_000.0]}]


def test_the_same_goals_uploaded_again_change_nothing_and_need_no_check() -> None:
    for upload, uploader in ((DEMO, ADMIN), (hr_workbook(), HR_EDITOR), (hr_workbook(), ADMIN)):
        decision = decide_upload(upload, stored(), uploader)
        assert decision.unchanged and decision.goals is None and decision.checks == ()


def test_an_hr_editor_s_workbook_is_merged_into_the_stored_set_with_one_check_for_hr() -> None:
    upload = hr_workbook(with_target(DEMO, "HR-1.1", 23_000.0))
    decision = decide_upload(upload, stored(), HR_EDITOR)
    assert decision.refusal is None and not decision.as_uploaded and decision.replaced == {"hr"}
    assert decision.goals is not None and same_goals(decision.goals, with_target(DEMO, "HR-1.1", 23_000.0))  # every other department kept
    assert [check.department for check in decision.checks] == ["hr"]
    assert decision.counts == ChangeCounts(added=0, changed=1, removed=0)  # the success message says so


@pytest.mark.parametrize(
    ("uploader", "upload", "reason", "params"),
    [
        (HR_EDITOR, replace(department_goals(DEMO, frozenset({"marketing"})), origin=WorkbookOrigin(frozenset({"marketing"}), STORED_ID)),
         "goals.workbook_of", {"workbook": ["marketing"], "yours": ["hr"]}),
        (Uploader(frozenset({"hr", "marketing"}), admin=False),
         replace(hr_workbook(), objectives=(*hr_workbook().objectives, DEMO.objectives[1]),
                 key_results=(*hr_workbook().key_results, replace(DEMO.key_results[3], target=1.0))),
         "goals.outside_workbook", {"workbook": ["hr"], "others": ["marketing"]}),
    ],
    ids=["another-department-s-workbook", "a-marketing-row-in-hr-s-workbook"],
)  # fmt: skip
def test_a_workbook_that_would_mix_departments_is_refused(uploader: Uploader, upload: GoalsConfig, reason: str, params: dict) -> None:
    decision = decide_upload(upload, stored(), uploader)
    assert decision.goals is None and decision.checks == ()
    assert decision.refusal is not None and (decision.refusal.key, dict(decision.refusal.params)) == (reason, params)


def test_an_outdated_workbook_is_refused_when_its_departments_changed_since_and_taken_when_others_did() -> None:
    written_from = {3: DEMO}
    hr_changed = with_target(DEMO, "HR-1.2", 1.0)  # saved after the HR workbook was downloaded from set 3
    upload = hr_workbook(with_target(DEMO, "HR-1.1", 23_000.0), goal_set=3)
    decision = decide_upload(upload, stored(hr_changed, written_from), HR_EDITOR)
    assert decision.refusal is not None and decision.refusal.key == "goals.changed_since_download"
    assert dict(decision.refusal.params) == {"departments": ["hr"], "date": "2026-12-03"}
    assert json.loads(decision.details)["departments"]["hr"]["changed"][0]["id"] == "HR-1.1"  # the audit row says what it would have done
    marketing_changed = with_target(DEMO, "MK-1.1", 1.0)
    taken = decide_upload(upload, stored(marketing_changed, written_from), HR_EDITOR)
    assert taken.refusal is None and taken.goals is not None and same_goals(taken.goals, with_target(marketing_changed, "HR-1.1", 23_000.0))


def test_an_admin_s_outdated_whole_workbook_names_the_shared_parts_changed_since() -> None:
    fewer_tags = replace(DEMO, tags=DEMO.tags[:-1])
    upload = replace(with_target(DEMO, "PR-1.1", 1.0), origin=WorkbookOrigin(None, 3))
    decision = decide_upload(upload, stored(fewer_tags, {3: DEMO}), ADMIN)
    assert decision.refusal is not None and dict(decision.refusal.params) == {"departments": ["*"], "date": "2026-12-03"}


def test_a_workbook_from_a_goal_set_that_is_gone_counts_every_replaced_department_as_changed() -> None:
    decision = decide_upload(hr_workbook(with_target(DEMO, "HR-1.1", 5.0), goal_set=2), stored(), HR_EDITOR)
    assert decision.refusal is not None and decision.refusal.params["departments"] == ["hr"]


def test_an_editor_s_change_of_the_accounts_sheet_is_the_whole_set_s_check() -> None:
    upload = replace(DEMO, accounts=DEMO.accounts.iloc[:-1])
    [check] = decide_upload(upload, stored(), Uploader(None, admin=False)).checks  # an editor of every department
    assert check == PermissionCheck(None, check.details, check.denied_hint)
    assert check.denied_hint is not None and check.denied_hint.params == {"parts": ["accounts"]}


def test_a_baseline_or_type_change_is_listed_as_changed_not_as_removed_and_added() -> None:
    key_result = next(kr for kr in DEMO.key_results if kr.id == "HR-1.3")
    edited = replace(key_result, baseline=95.0, type=KeyResultType.ASPIRATIONAL)
    after = replace(DEMO, key_results=tuple(edited if kr.id == "HR-1.3" else kr for kr in DEMO.key_results))
    details = json.loads(change_details(DEMO, after, "hr"))
    nothing = {"objectives": [], "key_results": [], "manual_values": []}
    changed = {"kind": "key_result", "id": "HR-1.3", "baseline": [90.0, 95.0], "type": ["committed", "aspirational"]}
    assert details == {"added": nothing, "removed": nothing, "changed": [changed]}
