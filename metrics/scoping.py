"""What a person limited to departments may read (issue 10): one filter over the data and the goals.

A viewer or editor whose grant names departments sees only those departments' objectives, key results,
manual values and the accounts the goals map to them, with those accounts' rows; plan items, campaigns and
events of other departments are left out. The filter is applied once where the session's workspace is built
(ui/data.py), so every page (Cockpit, Goals, Channels, Content, Plan, Review) reads the same restricted data.
``None`` means every department: the data is returned unchanged (the same object, nothing copied).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from metrics.dataset import ACCOUNT_KEY, Dataset
from metrics.goals import GoalsConfig

Departments = frozenset[str] | None


def of_departments(frame: pd.DataFrame, departments: frozenset[str], keep_blank: bool = False) -> pd.DataFrame:
    """The rows whose ``department`` is one of ``departments`` (with ``keep_blank``: also rows of no department)."""
    column = frame["department"].astype("string")
    mask = column.isin(departments).fillna(False)
    if keep_blank:
        mask |= column.isna() | (column.str.strip() == "")
    return frame.loc[mask.to_numpy(dtype=bool)]


def of_accounts(frame: pd.DataFrame, accounts: pd.DataFrame, columns: list[str] = ACCOUNT_KEY) -> pd.Series:
    """Per row of ``frame``: whether its (platform, account) in ``columns`` is one of ``accounts``."""
    keys = pd.MultiIndex.from_frame(frame[columns].astype(object))
    return pd.Series(keys.isin(pd.MultiIndex.from_frame(accounts[ACCOUNT_KEY].astype(object))), index=frame.index)


def visible_accounts(data: Dataset, departments: frozenset[str]) -> pd.DataFrame:
    """(platform, account) of every account with data that the goals map to one of ``departments``."""
    known = data.known_accounts()
    return of_departments(known, departments)[ACCOUNT_KEY].reset_index(drop=True)


def _restrict_plan(plan: object, accounts: pd.DataFrame, departments: frozenset[str]) -> object:
    """Plan items of the departments (or of no department but a visible account), posts of visible accounts,
    campaigns and events of the departments or of none (company-wide: a holiday, a brand campaign)."""
    from metrics.plan import PlanData, PlanMatch

    if not isinstance(plan, PlanData):
        return plan
    items = plan.match.items
    department = items["department"].astype("string")
    own = department.isin(departments).fillna(False)
    unassigned = department.isna() & of_accounts(items, accounts)
    posts = plan.match.posts
    match = PlanMatch(items.loc[(own | unassigned).to_numpy(dtype=bool)], posts.loc[of_accounts(posts, accounts).to_numpy(dtype=bool)])
    events = None if plan.events is None else of_departments(plan.events, departments, keep_blank=True)
    return PlanData(match, of_departments(plan.campaigns, departments, keep_blank=True), events)


def restrict_dataset(data: Dataset, departments: Departments) -> Dataset:
    """``data`` as a person limited to ``departments`` may read it (None: everything)."""
    if departments is None:
        return data
    accounts = visible_accounts(data, departments)

    def rows(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.loc[of_accounts(frame, accounts).to_numpy(dtype=bool)]

    return replace(
        data,
        daily=rows(data.daily),
        posts=rows(data.posts),
        audience=rows(data.audience),
        accounts=of_departments(data.accounts, departments),
        manual=of_departments(data.manual, departments),
        tag_rules=tuple(rule for rule in data.tag_rules if rule.department is None or rule.department in departments),
        plan=_restrict_plan(data.plan, accounts, departments),
    )


def restrict_goals(goals: GoalsConfig | None, departments: Departments) -> GoalsConfig | None:
    """The objectives and key results of ``departments`` with their mapping, manual values and tags (None: all)."""
    if goals is None or departments is None:
        return goals
    objectives = tuple(o for o in goals.objectives if o.department in departments)
    ids = {o.id for o in objectives}
    return replace(
        goals,
        objectives=objectives,
        key_results=tuple(kr for kr in goals.key_results if kr.objective_id in ids),
        manual_values=of_departments(goals.manual_values, departments),
        accounts=of_departments(goals.accounts, departments),
        tags=tuple(rule for rule in goals.tags if rule.department is None or rule.department in departments),
    )


def department_goals(goals: GoalsConfig, departments: frozenset[str]) -> GoalsConfig:
    """What a department's own goals workbook holds: ``restrict_goals`` plus the accounts and tag rules its key
    results name (an HR key result may count a marketing account), so the workbook reads back on its own."""
    own = restrict_goals(goals, departments)
    assert own is not None
    named_accounts = {kr.account for kr in own.key_results if kr.account}
    named_tags = {kr.tag for kr in own.key_results if kr.tag}
    accounts = goals.accounts.loc[
        (goals.accounts["department"].isin(departments) | goals.accounts["account"].isin(named_accounts)).fillna(False).to_numpy(dtype=bool)
    ]
    tags = tuple(rule for rule in goals.tags if rule in own.tags or rule.tag in named_tags)
    return replace(own, accounts=accounts.reset_index(drop=True), tags=tags)


def visible_comments(comments: dict[str, str], goals: GoalsConfig | None) -> dict[str, str]:
    """Review comments of the key results in ``goals`` (already restricted): a comment names its key result."""
    ids = {kr.id for kr in goals.key_results} if goals is not None else set()
    return {key: text for key, text in comments.items() if key in ids}
