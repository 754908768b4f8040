"""Small display helpers shared by the pages: KPI values, status badges, fact sheets."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import streamlit as st

from metrics import formatting
from metrics.catalog import CATALOG, fact_sheet
from metrics.dataset import Scope
from metrics.engine import KpiEngine
from metrics.goals import DEPARTMENTS
from metrics.periods import Period
from metrics.views import account_list, data_through_text, held_back_text, stale_text
from model.i18n import platform_name
from model.results import Progress
from ui.state import language, t

Result = TypeVar("Result")
REDRAW_SECONDS = 0.25


def with_progress(bar: object, work: Callable[[Progress], Result], step: Callable[[int, int, str], tuple[float, str]], *, since: float | None = None) -> Result:
    """Run ``work`` (core code: it only calls the ``Progress`` it is given) in a thread and redraw ``bar`` (an
    ``st.progress``) from this one, the script's, which alone may draw: every quarter second the fraction and text
    ``step`` makes of the last file reported, and the seconds so far, in the reader's language (a large file is read
    in one step of many seconds; the clock shows it is alive). ``since``: the clock's start (``time.monotonic()``) when
    the work continues an earlier one on the same bar."""
    told: list[tuple[int, int, str]] = [(0, 0, "")]
    started = time.monotonic() if since is None else since
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(work, lambda *args: told.append(args))
        while True:
            try:
                return future.result(timeout=REDRAW_SECONDS)
            except TimeoutError:
                fraction, text = step(*told[-1])
                seconds = formatting.number(time.monotonic() - started, language())
                bar.progress(min(max(fraction, 0.0), 1.0), text=f"{text} · {t('progress.elapsed', seconds=seconds)}")  # type: ignore[attr-defined]


BADGE_COLOURS = {"achieved": "green", "on_track": "green", "at_risk": "orange", "off_track": "red", "no_data": "gray"}


# Every ASCII character Markdown, Streamlit's directives (:red[..], :material/x:) or its LaTeX ($..$)
# give a meaning; CommonMark lets a backslash escape any of them.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|$:<>~=&])")
# GitHub-flavoured Markdown links bare addresses after escaping (https://…, www.…, a@b.c): an invisible
# word joiner inside each keeps the text as written but no longer an address.
WORD_JOINER = "\u2060"
BARE_ADDRESS = re.compile(r"(?<=:)(?=//)|(?<=[wW]{3})(?=\.)|(?<=@)")


def plain(text: object) -> str:
    """Text from an upload or a workbook (post text, account, file or objective name) for st.markdown:
    shown as written, never as Markdown, LaTeX, an image or a link ("$5 instead of $10", "*today*",
    "![x](https://tracker.example/p.png)"). Line breaks become spaces (one line in a list)."""
    if text is None or (isinstance(text, float) and text != text):
        return ""
    one_line = " ".join(str(text).split())
    return MARKDOWN_SPECIAL.sub(r"\\\1", BARE_ADDRESS.sub(WORD_JOINER, one_line))


def department_names(keys: Iterable[str]) -> str:
    """Departments by their labels ("Marketing, Personal / Employer Branding"), never their keys."""
    current = language()
    return ", ".join(DEPARTMENTS[k].label(current) if k in DEPARTMENTS else str(k) for k in keys)


def number_row(headers: list[str], cells: list[str]) -> str:
    """A one-row Markdown table of formatted figures under their headers (labels of ours, escaped all the same)."""
    line = lambda items: "| " + " | ".join(plain(item) for item in items) + " |"  # noqa: E731
    return "\n".join([line(headers), "|" + "---:|" * len(headers), line(cells)])


def value(key: str, number: float | None) -> str:
    return formatting.kpi_value(number, CATALOG[key].unit.value, language())


def label(key: str) -> str:
    return CATALOG[key].label(language())


def badge(status: str) -> str:
    """Markdown for a coloured status badge (st.markdown renders :color-badge[...])."""
    return f":{BADGE_COLOURS.get(status, 'gray')}-badge[{t(f'status.{status}')}]"


def fact_sheet_popover(key: str) -> None:
    sheet = fact_sheet(key, language())
    with st.popover(f"{t('channels.fact_sheet')}: {sheet['label']}", icon=":material/info:"):
        st.markdown(f"**{sheet['label']}** · {sheet['impact']}")
        st.write(sheet["description"])
        st.markdown(f"`{sheet['formula']}`  \n{sheet['aggregation']} · {sheet['direction']}")
        st.caption(f"{t('col.platform')}: {sheet['platforms']}")
        if sheet["caveat"]:
            st.info(sheet["caveat"])
        st.caption(sheet["missing"])


def kpi_labels() -> Callable[[str], str]:
    """A format_func showing KPI labels in this run's language (bound now, see ``ui.state.labels``)."""
    current = language()
    return lambda key: CATALOG[key].label(current)


def department_labels() -> Callable[[str], str]:
    current = language()
    return lambda key: DEPARTMENTS[key].label(current) if key in DEPARTMENTS else str(key)


def platform_labels() -> Callable[[object], str]:
    """For the upload's platform choice: "detect automatically" for None, else the platform's name."""
    automatic = t("data.platform.auto")
    current = language()
    return lambda platform: automatic if platform is None else platform_name(platform, current)


def marker(non_additive: bool, from_posts: tuple[str, ...], carried: tuple[str, ...] = ()) -> str:
    """The marks behind a number: Σ for a sum of non-additive figures, ◆ for figures from posts, → for a follower total
    carried forward past the stale threshold (the pack's marks, ``reports.pack.MARKERS``)."""
    return ("Σ" if non_additive else "") + ("◆" if from_posts else "") + ("→" if carried else "")


def marker_notes(non_additive: bool, from_posts: tuple[str, ...], carried: tuple[str, ...] = ()) -> list[str]:
    """One line per mark, for a tooltip: what it means and, for ◆ and →, which accounts."""
    notes = [t("marker.non_additive")] if non_additive else []
    if from_posts:
        notes.append(t("marker.from_posts", accounts=account_list(from_posts, language())))
    if carried:
        notes.append(t("marker.carried", accounts=account_list(carried, language())))
    return notes


def freshness(
    engine: KpiEngine, scope: Scope, period: Period | None, today: dt.date, *, name_stale: bool = False, cut: bool | None = None, upload_here: bool = False
) -> None:
    """The caption "Daten bis 22.11.2026" for the page's selection; where asked, the accounts whose last export is older
    than the stale threshold ("LinkedIn acme: letzter Export bis 14.11.2026"); and, for a page that counts every
    account to that day (``cut``) or each to its own (``cut=False``), the accounts that end earlier than the others.
    ``upload_here``: the page itself takes uploads (the Data page), so the advice points below, not to it."""
    held = held_back_text(engine, scope, period, today, language(), cut=cut, account_text=plain) if cut is not None and period is not None else ""
    if held and cut is False:
        # Each account counts to its own day: one "Daten bis" (the earliest) above "längstens bis …" contradicted it.
        st.caption(held)
    elif text := data_through_text(engine, scope, period, today, language()):
        st.caption(text)
    if held and cut:
        st.info(held, icon=":material/event_busy:")
    if name_stale and (stale := engine.stale_accounts(today, scope, period=period)):
        advice = "freshness.upload_here" if upload_here else "freshness.upload_elsewhere"  # the Data page uploads itself
        st.warning(stale_text(stale, language(), account_text=plain, advice=advice), icon=":material/schedule:")  # names from uploads: as written
