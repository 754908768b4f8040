"""The Review page's action table: what st.data_editor hands back, as actions to store."""

from __future__ import annotations

import pandas as pd

from storage.reviews import Action

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
