"""Editorial plan page helpers: what the plan editor changed, and the plan tables as users read them."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from metrics import formatting
from model.i18n import Language, platform_name, translate
from model.timezones import company_timezone, has_time_of_day

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
    # plan versions, campaigns, events
    "file_name": "col.file",
    "uploaded_at": "col.imported_at",
    "date_from": "col.from",
    "date_to": "col.to",
    "status": "col.status",
    "undone_at": "col.undone_at",
    "title": "col.title",
    "name": "col.campaign",
    "description": "col.description",
    "category": "col.category",
    "channels": "col.channels",
    "colour": "col.colour",
    "key_messages": "col.key_messages",
    "hashtags": "col.tags",
    "id": "col.id",
}
TEXT_COLUMNS = ("account", "department", "topic", "text", "campaign", "title", "name", "description", "category", "key_messages", "hashtags", "file_name")
DATE_COLUMNS = ("date_from", "date_to")
UTC_TIME_COLUMNS = ("uploaded_at", "undone_at")  # stored in UTC, shown in the company's zone


def shown(frame: pd.DataFrame, language: Language) -> pd.DataFrame:
    """A plan table for people: headers as labels, platforms by name, times in the company's zone, ISO weeks as
    "KW 45/2026", blanks as "–". Planned times are the team's local times; published times are stored in UTC."""
    out = frame.copy()
    if "planned_at" in out:
        local = pd.to_datetime(out["planned_at"]).dt.tz_localize(company_timezone(), ambiguous="NaT", nonexistent="shift_forward")
        out["planned_at"] = local.map(lambda v: formatting.datetime(v.to_pydatetime(), language), na_action="ignore").fillna("–")
    if "published_at" in out:
        published = pd.to_datetime(out["published_at"])
        stamp = _texts(published, lambda v: formatting.datetime(v.to_pydatetime(), language))
        day = _texts(published, lambda v: formatting.date(v.date(), language))
        # A date-only export stores midnight UTC: shown as "01:00" in Berlin it would invent a time of day.
        out["published_at"] = stamp.where(has_time_of_day(published), day)
    for column in (c for c in UTC_TIME_COLUMNS if c in out):
        out[column] = _texts(pd.to_datetime(out[column]), lambda v: formatting.datetime(v.to_pydatetime(), language))
    for column in (c for c in DATE_COLUMNS if c in out):
        out[column] = _texts(pd.to_datetime(out[column]), lambda v: formatting.date(v.date(), language))
    if "status" in out:
        out["status"] = out["status"].map(lambda v: translate(f"plan.status.{v}", language), na_action="ignore")
    if "channels" in out:
        out["channels"] = out["channels"].map(lambda v: _channel_names(v, language), na_action="ignore").fillna(translate("plan.all_channels", language))
    if "median_delay_days" in out:
        out["median_delay_days"] = _texts(out["median_delay_days"], lambda v: formatting.number(v, language, digits=1))
    for column in (c for c in ("fulfilment", "share") if c in out):
        out[column] = pd.to_numeric(out[column]) * 100  # a ProgressColumn of 0..100 with "%.0f %%": no locale-bound decimal point
    if "platform" in out:
        out["platform"] = out["platform"].map(lambda p: platform_name(p, language), na_action="ignore")
    if "week" in out:
        out["week"] = out["week"].map(lambda w: formatting.iso_week(w, language), na_action="ignore")
    for column in (c for c in TEXT_COLUMNS if c in out):
        out[column] = out[column].astype("string").fillna("–")
    return out.rename(columns={c: translate(k, language) for c, k in COLUMN_TEXTS.items() if c in out})


def _texts(values: pd.Series, text: Callable[[object], str]) -> pd.Series:
    """Each value as display text, "–" where missing (an object column: all-missing input stays text, not NaT)."""
    return values.astype(object).map(lambda v: "–" if pd.isna(v) else text(v)).astype(object)


def _channel_names(value: str, language: Language) -> str:
    """An event's channels ("linkedin,x") by name; blank: every channel."""
    names = [platform_name(part.strip(), language) for part in str(value).split(",") if part.strip()]
    return ", ".join(names) or translate("plan.all_channels", language)


def edited_items(before: pd.DataFrame, after: pd.DataFrame) -> list[tuple[int, dict[str, object]]]:
    """(item id, all column values) of every row the data editor changed; missing cells become None."""
    old, new = before.set_index("id"), after.set_index("id")
    same = (old == new.reindex(old.index)) | (old.isna() & new.reindex(old.index).isna())
    changed = old.index[~same.all(axis=1).to_numpy()]
    rows = new.loc[changed].astype(object)
    rows = rows.where(rows.notna() & rows.ne(""), None)  # a cleared cell is "no value", as in the upload
    return [(int(item_id), values) for item_id, values in zip(changed, rows.to_dict("records"), strict=True)]


EDITOR_HIDDEN = ["version_id", "sheet", "source_row"]


def editable_items(items: pd.DataFrame) -> pd.DataFrame:
    """The current plan for the data editor: blank texts as empty cells (not "None"), stored keys kept for saving."""
    out = items.drop(columns=EDITOR_HIDDEN)
    text = [c for c in out.columns if c not in ("id", "planned_at", "platform")]
    out[text] = out[text].astype("string").fillna("")
    return out


def editor_columns(language: Language) -> dict[str, object]:
    """Headers as labels, times in the language's pattern, the platform as a choice of the stored keys."""
    import streamlit as st

    from model.canonical import Platform

    def tr(key: str) -> str:
        return translate(key, language)

    pattern = "DD.MM.YYYY HH:mm" if language is Language.DE else "YYYY-MM-DD HH:mm"
    columns: dict[str, object] = {c: st.column_config.TextColumn(tr(k)) for c, k in COLUMN_TEXTS.items() if c not in ("planned_at", "platform", "id")}
    columns["id"] = st.column_config.NumberColumn(tr("col.id"), format="%d")
    columns["planned_at"] = st.column_config.DatetimeColumn(tr("col.planned_at"), format=pattern)
    columns["platform"] = st.column_config.SelectboxColumn(tr("col.platform"), options=[p.value for p in Platform], required=True)
    columns["text"] = st.column_config.TextColumn(tr("col.text"), width="large")
    for column, key in (("format", "col.format"), ("owner", "col.owner"), ("status", "col.status"), ("link", "col.link")):
        columns[column] = st.column_config.TextColumn(tr(key))  # the plan's own words in these cells, kept as written
    return columns


def item_label(items: pd.DataFrame, language: Language) -> Callable[[int], str]:
    """'16.11.2026 10:00 · X · Neue Hotline …' for the item picker."""
    by_id = items.set_index("id")

    def text(item_id: int) -> str:
        item = by_id.loc[item_id]
        when = formatting.date(item["planned_at"].date(), language) + f" {item['planned_at']:%H:%M}"
        words = "" if pd.isna(item["text"]) else str(item["text"])[:60]
        return f"{when} · {platform_name(item['platform'], language)} · {words}"

    return text


def matched_post_label(plan: object, item_id: int, language: Language) -> str:
    """The post an item is matched to, as people know it: day, platform and the start of its text; "–" for none."""
    items = plan.match.items.set_index("id")  # type: ignore[attr-defined]
    if item_id not in items.index or pd.isna(items.loc[item_id, "post_id"]):
        return "–"
    item = items.loc[item_id]
    posts = plan.match.posts  # type: ignore[attr-defined]
    post = posts[(posts["platform"] == item["post_platform"]) & (posts["account"] == item["post_account"]) & (posts["post_id"] == item["post_id"])]
    text = "" if post.empty or pd.isna(post["text"].iloc[0]) else str(post["text"].iloc[0])[:80]
    published = shown(pd.DataFrame({"published_at": [item["published_at"]]}), language).iloc[0, 0]
    return f"{published} · {platform_name(item['post_platform'], language)} · {item['post_account']} · {text}"


def message_first() -> dict[str, object]:
    """Import messages: the message gets the room, a long cell value does not push it out of sight."""
    import streamlit as st

    from ui.state import t

    return {t("col.value"): st.column_config.TextColumn(width="small"), t("col.message"): st.column_config.TextColumn(width="large")}
