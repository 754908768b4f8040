"""Shared resources: one engine per database URL and process (migrated when it is created)."""

from __future__ import annotations

import streamlit as st
from sqlalchemy import Engine

from storage.engine import make_engine
from storage.settings import database_url


@st.cache_resource(show_spinner=False)
def _engine_for(url: str) -> Engine:
    return make_engine(url)


def engine() -> Engine:
    """The engine of ``DATABASE_URL`` (or the embedded SQLite file), created once per process."""
    return _engine_for(database_url())
