"""First start: an empty database gets the demo company, so a newcomer sees a populated cockpit."""

from __future__ import annotations

import streamlit as st
from sqlalchemy import func, select

from storage.goalsets import save_goal_set
from storage.schema import imports
from ui.resources import engine
from ui.state import t

DEMO_LOADED = "demo_loaded"  # session flag: say once that the demo was loaded


@st.cache_resource(show_spinner=False)
def _ensure_demo(url: str) -> set[str]:
    """Load the demo into an empty database, once per process and database. The answer is shared by every session:
    it holds "unannounced" until the first session has said that the demo was loaded."""
    database = engine()
    with database.connect() as connection:
        if connection.execute(select(func.count()).select_from(imports)).scalar():
            return set()
    from sample_data.demo import DEMO_GOALS, load_demo  # the import pipeline: only a new database needs it at start

    load_demo(database)
    save_goal_set(database, DEMO_GOALS.name, DEMO_GOALS.read_bytes())
    return {"unannounced"}


def ensure_data(url: str) -> None:
    with st.spinner(t("cockpit.loading_demo")):
        loaded = _ensure_demo(url)
    if "unannounced" in loaded:
        # Said once, in the session that waited for it; later sessions (and the same one after a change of page)
        # no longer hear "the database was empty" when it has long held the user's own data.
        loaded.discard("unannounced")
        st.session_state[DEMO_LOADED] = True


def is_demo(space: object) -> bool:
    """True while the demo company's data is what the dashboard shows."""
    accounts = space.engine.data.known_accounts()["account"]  # type: ignore[attr-defined]
    return bool(accounts.eq("haberland-antriebstechnik").any())
