"""Editorial plan page helpers: what the plan editor changed, and the plan tables as users read them."""

from __future__ import annotations

import pandas as pd

from metrics import formatting
from model.i18n import Language, platform_name, translate
from model.timezones import company_timezone

# Column of the plan frames (metrics.plan) -> its header text; the page shows labels, never these keys.
COLUMN_TEXTS = {
    "planned_at": "col.planned_at",
    "published_at": "col.published",
    "platform": "col.platform",
    "account": "col.account",
    "department": "col.department",
    "topic": "col.topic",
    "text": "col.text",
    "post_id": "col.post_id",
    "permalink": "col.link",
    "week": "col.week",
    "planned": "col.planned",
    "matched": "col.matched",
    "fulfilment": "col.fulfilment",
    "median_delay_days": "col.median_delay",
    "campaign": "col.campaign",
    "posts": "col.posts",
    "carrying": "col.carrying",
    "share": "col.share",
    "missed": "col.missed",
}
TEXT_COLUMNS = ("account", "department", "topic", "text", "campaign")


def shown(frame: pd.DataFrame, language: Language) -> pd.DataFrame:
    """A plan table for people: headers as labels, platforms by name, times in the company's zone, ISO weeks as
    "KW 45/2026", blanks as "–". Planned times are the team's local times; published times are stored in UTC."""
    out = frame.copy()
    if "planned_at" in out:
        local = pd.to_datetime(out["planned_at"]).dt.tz_localize(company_timezone(), ambiguous="NaT", nonexistent="shift_forward")
        out["planned_at"] = local.map(lambda v: formatting.datetime(v.to_pydatetime(), language), na_action="ignore").fillna("–")
    if "published_at" in out:
        out["published_at"] = out["published_at"].map(lambda v: formatting.datetime(v.to_pydatetime(), language), na_action="ignore").fillna("–")
    if "platform" in out:
        out["platform"] = out["platform"].map(lambda p: platform_name(p, language), na_action="ignore")
    if "week" in out:
        out["week"] = out["week"].map(lambda w: formatting.iso_week(w, language), na_action="ignore")
    for column in (c for c in TEXT_COLUMNS if c in out):
        out[column] = out[column].astype("string").fillna("–")
    return out.rename(columns={c: translate(k, language) for c, k in COLUMN_TEXTS.items() if c in out})


def edited_items(before: pd.DataFrame, after: pd.DataFrame) -> list[tuple[int, dict[str, object]]]:
    """(item id, all column values) of every row the data editor changed; missing cells become None."""
    old, new = before.set_index("id"), after.set_index("id")
    same = (old == new.reindex(old.index)) | (old.isna() & new.reindex(old.index).isna())
    changed = old.index[~same.all(axis=1).to_numpy()]
    rows = new.loc[changed].astype(object)
    rows = rows.where(rows.notna(), None)
    return [(int(item_id), values) for item_id, values in zip(changed, rows.to_dict("records"), strict=True)]
