"""Shared resources: one engine per database URL and process (migrated when it is created)."""

from __future__ import annotations

import streamlit as st
from sqlalchemy import Engine

from ingest.isolation import parser_process
from storage.engine import make_engine
from storage.settings import database_url


@st.cache_resource(show_spinner=False)
def _engine_for(url: str) -> Engine:
    return make_engine(url)


def engine() -> Engine:
    """The engine of ``DATABASE_URL`` (or the embedded SQLite file), created once per process."""
    return _engine_for(database_url())


@st.cache_resource(show_spinner=False)
def warm_parser() -> bool:
    """Start the parser process with the server, so the first upload does not wait for it."""
    parser_process().start()
    return True
