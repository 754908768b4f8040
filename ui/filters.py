"""The shared sidebar filters: period preset, comparison, platforms, accounts, departments.

The chosen values live in session state under ``filter_*`` keys, apart from their widgets, so they
stay the same on every page.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

import streamlit as st

from metrics.comparison import Comparison, base_period, comparison_windows, cut_day
from metrics.dataset import Scope
from metrics.goals import DEPARTMENTS
from metrics.periods import Period
from metrics.views import Preset, preset_period
from ui.data import Workspace
from ui.state import date_widget_format, labels, language, t
from ui.widgets import department_labels

FILTERS = {"preset": Preset.THIS_QUARTER, "comparison": Comparison.PREVIOUS, "platforms": [], "accounts": [], "departments": [], "custom": None}


@dataclass(frozen=True)
class Selection:
    period: Period
    comparison: Comparison
    comparison_period: Period  # the base as the cards count it: cut like for like at data_through
    scope: Scope
    today: dt.date
    data_through: dt.date  # min(today, the scope's data through): the day the figures are counted to


def today() -> dt.date:
    """The day the dashboard reports for; RESONANZ_TODAY pins it (tests, or a report as of a past day)."""
    pinned = os.environ.get("RESONANZ_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def widget_key(name: str) -> str:
    """Widgets whose option labels follow the language get a key per language: a switch then starts
    them afresh from the remembered value instead of matching an old label against new ones."""
    return f"sidebar_{name}_{language()}"


def _remember(name: str) -> None:
    st.session_state[f"filter_{name}"] = st.session_state[widget_key(name)]


def sidebar(space: Workspace) -> Selection:
    for name, default in FILTERS.items():
        st.session_state.setdefault(f"filter_{name}", default)
    accounts = space.engine.known_accounts
    with st.sidebar:
        st.subheader(t("filters.title"))
        presets = list(Preset)
        st.selectbox(
            t("filters.period"),
            presets,
            index=presets.index(st.session_state["filter_preset"]),
            key=widget_key("preset"),
            format_func=labels("preset"),
            on_change=_remember,
            args=("preset",),
        )
        if st.session_state["filter_preset"] is Preset.CUSTOM:
            default = st.session_state["filter_custom"] or (today() - dt.timedelta(days=29), today())
            st.date_input(t("filters.range"), value=default, key=widget_key("custom"), on_change=_remember, args=("custom",), format=date_widget_format())
        comparisons = list(Comparison)
        st.radio(
            t("filters.comparison"),
            comparisons,
            index=comparisons.index(st.session_state["filter_comparison"]),
            key=widget_key("comparison"),
            format_func=labels("comparison"),
            on_change=_remember,
            args=("comparison",),
            horizontal=True,
        )
        platforms = sorted(set(accounts["platform"]))
        st.multiselect(
            t("filters.platforms"),
            platforms,
            default=[p for p in st.session_state["filter_platforms"] if p in platforms],
            key=widget_key("platforms"),
            format_func=labels("platform"),
            on_change=_remember,
            args=("platforms",),
            placeholder=t("filters.all"),
        )
        names = sorted(set(accounts["account"]))
        st.multiselect(
            t("filters.accounts"),
            names,
            default=[a for a in st.session_state["filter_accounts"] if a in names],
            key=widget_key("accounts"),
            on_change=_remember,
            args=("accounts",),
            placeholder=t("filters.all"),
        )
        departments = [d for d in DEPARTMENTS if d in set(accounts["department"].dropna())] or list(DEPARTMENTS)
        st.multiselect(
            t("filters.departments"),
            departments,
            default=[d for d in st.session_state["filter_departments"] if d in departments],
            key=widget_key("departments"),
            format_func=department_labels(),
            on_change=_remember,
            args=("departments",),
            placeholder=t("filters.all"),
        )
    custom = st.session_state["filter_custom"]
    custom_range = tuple(custom) if isinstance(custom, (list, tuple)) and len(custom) == 2 else None
    period = preset_period(Preset(st.session_state["filter_preset"]), today(), custom_range)  # type: ignore[arg-type]
    comparison = Comparison(st.session_state["filter_comparison"])
    scope = Scope.of(st.session_state["filter_platforms"], st.session_state["filter_accounts"], st.session_state["filter_departments"])
    cut = cut_day(space.engine, scope, period, today())
    base = comparison_windows(period, comparison, cut)[1] or base_period(period, comparison)
    return Selection(period, comparison, base, scope, today(), cut)
