"""The Review page's action table (what st.data_editor hands back, as actions to store), and which parts of an
edited review its author may store: comments by their key result's department, the minutes as company-wide."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import pandas as pd

from access.permissions import Action as Permission
from storage.reviews import Action, Review
from ui.identity import authorize

ACTION_COLUMNS = ["text", "owner", "due", "done"]


def actions_from_editor(frame: pd.DataFrame) -> tuple[Action, ...]:
    """The edited rows with a text, as actions. The editor hands back dates as date, Timestamp or
    ISO text and new rows' blanks as None or NA; a row without text is an empty line, not an action."""
    rows = frame[frame["text"].fillna("").astype(str).str.strip() != ""]
    owners = rows["owner"].astype("string").fillna("").str.strip()
    dues = pd.to_datetime(rows["due"], errors="coerce")
    done = rows["done"].astype("boolean").fillna(False)
    return tuple(
        Action(text.strip(), owner, None if pd.isna(due) else due.date(), bool(finished))
        for text, owner, due, finished in zip(rows["text"].astype(str), owners, dues, done, strict=True)
    )


def _minutes(review: Review | None) -> tuple[object, ...]:
    """What the meeting as a whole wrote: date, summary, decisions, actions (without their stored ids)."""
    if review is None:
        return ("", (), ())
    return (review.summary, review.decisions, tuple((a.text, a.owner, a.due, a.done) for a in review.actions))


def changed_comments(new: Review, saved: Review | None, shown: Mapping[str, str]) -> dict[str, str]:
    """Key result id -> new comment, for every comment of the shown key results that differs from the saved one."""
    before = saved.comments if saved is not None else {}
    return {key: new.comments.get(key, "") for key in shown if new.comments.get(key, "") != before.get(key, "")}


def minutes_changed(new: Review, saved: Review | None) -> bool:
    if saved is None:
        return _minutes(new) != _minutes(None)
    return _minutes(new) != _minutes(saved) or new.held_on != saved.held_on


def authorized_review(new: Review, saved: Review | None, departments: Mapping[str, str]) -> tuple[Review | None, bool]:
    """(the review to store, whether a part was refused); None when nothing may or need be stored.

    ``departments`` maps each key result shown on the page to its department. Every changed comment is checked
    against its department; the minutes (summary, decisions, actions, date) belong to no single department, so
    only an admin changes them. A refused part keeps its saved value; comments the person cannot see are kept.
    """
    comments = dict(saved.comments) if saved is not None else {}
    refused = False
    for key, text in changed_comments(new, saved, departments).items():
        if authorize(Permission.REVIEW, departments[key], "review_comment", f"{new.period}/{key}", text[:200]):
            comments[key] = text
        else:
            refused = True
    minutes_allowed = False
    if minutes_changed(new, saved):
        minutes_allowed = authorize(Permission.REVIEW, None, "review", new.period)
        refused |= not minutes_allowed
    comments_stored = comments != (saved.comments if saved is not None else {})
    if not (minutes_allowed or comments_stored):
        return None, refused
    base = new if minutes_allowed or saved is None else saved
    if not minutes_allowed and saved is None:
        base = replace(new, summary="", decisions=(), actions=())  # a first comment opens the meeting's record only
    return replace(base, period=new.period, comments={k: c for k, c in comments.items() if c.strip()}, id=None), refused
