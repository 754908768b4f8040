"""Cached data for the pages: the engine over the current data, the goals and their report.

The engine (with its per-account indexes) is built once per data version (imports, undos, goals
uploads change it) and shared read-only by every session; a page never reloads the store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from metrics.engine import KpiEngine
from metrics.goals import GoalsConfig, goals_for
from metrics.periods import Period
from metrics.progress import GoalReport, evaluate
from metrics.scoping import Departments, of_departments, restrict_dataset, restrict_goals
from model.issues import Issue
from storage.goalsets import GoalSet, data_version
from storage.plan import all_events
from storage.queries import DatabaseReadError
from storage.settings import database_url
from storage.snapshot import read_current
from ui.resources import engine as database
from ui.state import language


@dataclass(frozen=True)
class Workspace:
    engine: KpiEngine
    goals: GoalsConfig | None
    goal_set: GoalSet | None
    goal_issues: tuple[Issue, ...]


@st.cache_resource(max_entries=3, show_spinner=False)
def _workspace(url: str, version: tuple[object, ...]) -> Workspace:
    del url, version  # the cache keys: a new data version builds a new workspace
    goal_set, goals, issues, data = read_current(database())
    return Workspace(KpiEngine(data), goals, goal_set, issues)


def forget_workspace() -> None:
    """Rebuild the engine on the next run (the editorial plan changed; imports and goals change the version key)."""
    _workspace.clear()
    _scoped.clear()


@st.cache_resource(max_entries=8, show_spinner=False)
def _scoped(url: str, version: tuple[object, ...], departments: Departments) -> Workspace:
    """The workspace as a person limited to ``departments`` may read it; shared by everyone with the same scope."""
    space = _workspace(url, version)
    if departments is None:
        return space
    data = restrict_dataset(space.engine.data, departments)
    return Workspace(KpiEngine(data), restrict_goals(space.goals, departments), space.goal_set, space.goal_issues)


def workspace() -> Workspace:
    """The data this session's person may read: every page reads through here, so department scoping is applied once."""
    from ui.identity import visible_departments  # ui.identity imports this module lazily too

    try:
        return _scoped(database_url(), data_version(database()), visible_departments())
    except DatabaseReadError as exc:  # what failed and what to do, instead of a bare exception
        st.error(exc.text(language()))
        st.stop()
        raise


def goals_for_checks() -> GoalsConfig | None:
    """Every department's goals, for permission checks only (which department an account belongs to); never shown."""
    return _workspace(database_url(), data_version(database())).goals


@st.cache_data(max_entries=16, show_spinner=False)
def _report(url: str, version: tuple[object, ...], departments: Departments, as_of: dt.date, period: Period | None = None) -> GoalReport | None:
    space = _scoped(url, version, departments)
    if not space.goals:
        return None
    return evaluate(space.engine, goals_for(space.goals, period) if period is not None else space.goals, as_of)


def goal_report(as_of: dt.date, period: Period | None = None) -> GoalReport | None:
    """The goals' report as of ``as_of``; given ``period``, of the key results whose period overlaps it
    (``metrics.goals.goals_for``, as the review pack), with their objectives' and departments' roll-ups."""
    from ui.identity import visible_departments

    return _report(database_url(), data_version(database()), visible_departments(), as_of, period)


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def is_current_goals(space: Workspace, content: bytes) -> bool:
    """Whether ``content`` is the goals workbook already in use (compared by content hash)."""
    return space.goal_set is not None and _digest(space.goal_set.content) == _digest(content)


def visible_events() -> pd.DataFrame:
    """The events drawn on charts and listed on the Plan page: those of this person's departments and company-wide ones."""
    from ui.identity import visible_departments

    events, departments = all_events(database()), visible_departments()
    return events if departments is None else of_departments(events, departments, keep_blank=True)
