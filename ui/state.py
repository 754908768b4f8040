"""Session-state keys, initialised once. Widget keys are prefixed with their page."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from model.i18n import Language, translate

LANGUAGE = "language"  # the chosen language; kept apart from the widget so it survives every rerun
LANGUAGE_WIDGET = "sidebar_language"
DATA_RESULTS = "data_results"  # the last upload's results on the Data page
DATA_UPLOAD_GENERATION = "data_upload_generation"  # bumped to clear the uploader after an import
GOALS_SAVED = "goals_saved"  # the message of a goals upload just saved, shown after the rerun that loads it


def init_state() -> None:
    st.session_state.setdefault(LANGUAGE, Language.DE)
    st.session_state.setdefault(DATA_RESULTS, None)
    st.session_state.setdefault(DATA_UPLOAD_GENERATION, 0)
    st.session_state.setdefault(GOALS_SAVED, None)


def language() -> Language:
    return Language(st.session_state.get(LANGUAGE, Language.DE))


def date_widget_format() -> str:
    """How date inputs and date columns write a day: TT.MM.JJJJ in German, ISO in English."""
    return "DD.MM.YYYY" if language() is Language.DE else "YYYY-MM-DD"


def t(key: str, **values: object) -> str:
    """The UI text for ``key`` in the session's language."""
    return translate(key, language(), **values)


def remember_language() -> None:
    """on_change of the language widget."""
    st.session_state[LANGUAGE] = Language(st.session_state[LANGUAGE_WIDGET])


def labels(prefix: str) -> Callable[[object], str]:
    """A format_func for widgets: the text of "<prefix>.<value>" in the language of this run.

    Bound now, not looked up when called, so a widget keeps its labels after a language switch.
    """
    current = language()
    return lambda value: translate(f"{prefix}.{value}", current)
