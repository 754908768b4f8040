"""Shared resources: one engine per database URL and process (migrated when it is created)."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator

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


class _PageWarmup:
    """Pages and the warm-up never import at once: two threads importing one package at the same time can see each
    other's half-imported modules. Many pages may run together (one per session); the warm-up waits until none runs,
    and a page that starts meanwhile waits for the warm-up to end."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._pages = 0
        self._warming = False

    @contextlib.contextmanager
    def page(self) -> Iterator[None]:
        with self._changed:
            self._changed.wait_for(lambda: not self._warming, timeout=60)
            self._pages += 1
        try:
            yield
        finally:
            with self._changed:
                self._pages -= 1
                self._changed.notify_all()

    def warm(self, work: Callable[[], None]) -> None:
        with self._changed:
            self._changed.wait_for(lambda: self._pages == 0)
            self._warming = True
        try:
            work()
        finally:
            with self._changed:
                self._warming = False
                self._changed.notify_all()


_WARMUP = _PageWarmup()
# After the first page: right after it, the warm-up's imports took the processor from the browser still drawing that
# page and from the server still sending it (a restart's first page 3.5 -> 4.4 s on two cores); a reader's first
# click comes later than this.
WARMUP_DELAY_SECONDS = 1.5


@st.cache_resource(show_spinner=False)
def warm_pages() -> bool:
    """Once per process, a moment after the first page: import and build in a thread what the other pages need the
    first time (the Review page's pack writers, 0.35 s of imports; plotly's validators, which build themselves on the
    first chart of a kind: the first visit of the Goals page took 0.6 s where later ones take 0.15 s)."""
    timer = threading.Timer(WARMUP_DELAY_SECONDS, _WARMUP.warm, args=(_prepare_pages,))
    timer.daemon = True  # a server stopping does not wait for it
    timer.start()
    return True


def page_run() -> contextlib.AbstractContextManager[None]:
    """Around a page's run: it waits while the warm-up imports (at most once per process, about half a second)."""
    return _WARMUP.page()


def _prepare_pages() -> None:
    try:
        import datetime as dt

        import pandas as pd
        import plotly.io as pio

        import reports.render  # noqa: F401 - fpdf, python-pptx, fontTools
        from charts.figures import goal_path
        from charts.plan import add_events

        days = pd.date_range("2026-01-01", periods=3)
        path = goal_path(days, pd.Series([1.0, 2.0], index=days[:2]), 0.0, 3.0, 3.0, accumulating=True, language="de", title="", y_title="")
        first, last = dt.date(2026, 1, 1), dt.date(2026, 1, 3)
        events = pd.DataFrame({"date_from": [first] * 2, "date_to": [first, last], "title": ["Messe", "Kampagne"], "channels": "", "colour": "#1F5F8B"})
        pio.to_json(add_events(path, events, first, last))  # a day's line and a range's band, each with its label
    except Exception:  # a warm-up only: the page builds what it needs itself, and says what failed
        logging.getLogger(__name__).exception("preparing the pages failed")
