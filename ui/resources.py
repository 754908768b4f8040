"""Shared resources: one engine per database URL and process (migrated when it is created)."""

from __future__ import annotations

import logging
import threading

import streamlit as st
from sqlalchemy import Engine

from ingest.isolation import parser_process
from model.issues import IngestError
from storage.engine import make_engine
from storage.queries import warm_loader
from storage.settings import database_url


@st.cache_resource(show_spinner=False)
def _engine_for(url: str) -> Engine:
    return make_engine(url)


def engine() -> Engine:
    """The engine of ``DATABASE_URL`` (or the embedded SQLite file), created once per process."""
    return _engine_for(database_url())


@st.cache_resource(show_spinner=False)
def warm_parser() -> bool:
    """Start the parser process with the server, so the first upload (and the goals workbook) does not wait for it,
    and a reader process for the first bulk read of the SQLite file (from then on one stays ready). Neither is waited
    for: the parser processes take about a second to import pandas, which the first page would otherwise wait out."""
    warm_loader()
    threading.Thread(target=_start_parser, name="warm-parser", daemon=True).start()
    return True


def _start_parser() -> None:
    try:
        parser_process().start()
    except IngestError:  # the first parse tries again and says so to its user
        logging.getLogger(__name__).exception("the parser process did not start")
