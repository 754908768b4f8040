"""The editorial plan in the database: versions, items, the user's match decisions, campaigns, events.

Every uploaded plan is a version covering its first to last planned day. The current plan is, for
each day, the items of the newest active version covering that day: a new version replaces the
older ones for its dates only, and undoing it brings them back. The same bytes again are a duplicate.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, delete, insert, select, update

from storage.schema import PLAN_TEXT_COLUMNS, campaigns, events, plan_items, plan_matches, plan_versions

ITEM_COLUMNS = ("id", "version_id", "sheet", "source_row", "planned_at", "platform", *PLAN_TEXT_COLUMNS)


@dataclass(frozen=True)
class StoredPlan:
    version_id: int
    duplicate: bool
    items: int
    date_from: dt.date
    date_to: dt.date


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def save_plan(engine: Engine, file_name: str, data: bytes, plan: pd.DataFrame) -> StoredPlan:
    """Store a validated plan frame (``ingest.plan_reader``) as a new version; the same bytes again change nothing."""
    sha256 = hashlib.sha256(data).hexdigest()
    days = plan["planned_at"].dt.date
    with engine.connect().execution_options(write=True) as connection, connection.begin():
        existing = connection.execute(select(plan_versions).where(plan_versions.c.sha256 == sha256, plan_versions.c.status == "active")).mappings().first()
        if existing is not None:
            count = len(connection.execute(select(plan_items.c.id).where(plan_items.c.version_id == existing["id"])).all())
            return StoredPlan(existing["id"], True, count, existing["date_from"], existing["date_to"])
        version = {"sha256": sha256, "file_name": file_name, "uploaded_at": _now(), "date_from": days.min(), "date_to": days.max()}
        version_id = int(connection.execute(insert(plan_versions).values(**version).returning(plan_versions.c.id)).scalar_one())
        rows = _item_rows(plan, version_id)
        if rows:
            connection.execute(insert(plan_items), rows)
    return StoredPlan(version_id, False, len(rows), version["date_from"], version["date_to"])


def _item_rows(plan: pd.DataFrame, version_id: int) -> list[dict[str, object]]:
    frame = plan.astype({c: "object" for c in PLAN_TEXT_COLUMNS if c in plan}).assign(version_id=version_id)
    frame = frame.where(frame.notna(), None)
    frame["planned_at"] = [t.to_pydatetime() for t in plan["planned_at"]]
    frame["source_row"] = plan["source_row"].astype(int).tolist()
    return frame[[c for c in ITEM_COLUMNS if c != "id"]].to_dict("records")


def undo_plan(engine: Engine, version_id: int) -> bool:
    """Mark a plan version undone (its items stay stored); the older versions count again for its days."""
    with engine.connect().execution_options(write=True) as connection, connection.begin():
        changed = connection.execute(
            update(plan_versions).where(plan_versions.c.id == version_id, plan_versions.c.status == "active").values(status="undone", undone_at=_now())
        ).rowcount
    return bool(changed)


def plan_history(engine: Engine) -> pd.DataFrame:
    """Every plan version, newest first."""
    with engine.connect() as connection:
        return pd.read_sql(select(plan_versions).order_by(plan_versions.c.id.desc()), connection)


def current_plan(engine: Engine) -> pd.DataFrame:
    """The items in force: per day, those of the newest active version covering it (ordered by time, then id)."""
    with engine.connect() as connection:
        versions = pd.read_sql(
            select(plan_versions.c.id, plan_versions.c.date_from, plan_versions.c.date_to).where(plan_versions.c.status == "active"), connection
        )
        items = pd.read_sql(select(plan_items).where(plan_items.c.version_id.in_(versions["id"].tolist() or [-1])), connection)
    items["planned_at"] = pd.to_datetime(items["planned_at"]).astype("datetime64[us]")
    for column in ("sheet", "platform", *PLAN_TEXT_COLUMNS):
        items[column] = items[column].astype("string")
    if items.empty:
        return items[list(ITEM_COLUMNS)]
    # An item is replaced when a newer active version covers its day.
    day = items["planned_at"].dt.normalize()
    pairs = items[["id", "version_id"]].assign(day=day).merge(versions, how="cross", suffixes=("", "_newer"))
    starts = pd.to_datetime(pairs["date_from"]).astype("datetime64[us]")
    ends = pd.to_datetime(pairs["date_to"]).astype("datetime64[us]")
    newer = (pairs["id_newer"] > pairs["version_id"]) & (starts <= pairs["day"]) & (pairs["day"] <= ends)
    replaced = set(pairs.loc[newer, "id"])
    current = items[~items["id"].isin(replaced)]
    return current.sort_values(["planned_at", "id"], ignore_index=True)[list(ITEM_COLUMNS)]


def update_item(engine: Engine, item_id: int, values: dict[str, object]) -> None:
    """Edit one plan item in place (the page's editor); unknown columns are refused."""
    allowed = {"planned_at", "platform", *PLAN_TEXT_COLUMNS}
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"not a plan item column: {sorted(unknown)}")
    with engine.connect().execution_options(write=True) as connection, connection.begin():
        connection.execute(update(plan_items).where(plan_items.c.id == item_id).values(**values))


def decide_match(engine: Engine, item_id: int, post: tuple[str, str, str] | None) -> None:
    """The user's decision for an item: this post (platform, account, post_id), or ``None``: no post fulfils it."""
    platform, account, post_id = post if post is not None else (None, None, None)
    with engine.connect().execution_options(write=True) as connection, connection.begin():
        connection.execute(delete(plan_matches).where(plan_matches.c.item_id == item_id))
        connection.execute(insert(plan_matches).values(item_id=item_id, platform=platform, account=account, post_id=post_id, decided_at=_now()))


def forget_decision(engine: Engine, item_id: int) -> None:
    """Back to the automatic match for this item."""
    with engine.connect().execution_options(write=True) as connection, connection.begin():
        connection.execute(delete(plan_matches).where(plan_matches.c.item_id == item_id))


def match_decisions(engine: Engine) -> pd.DataFrame:
    """The user's decisions: item_id, platform, account, post_id (missing: "no post")."""
    with engine.connect() as connection:
        frame = pd.read_sql(select(plan_matches.c.item_id, plan_matches.c.platform, plan_matches.c.account, plan_matches.c.post_id), connection)
    return frame.astype({"platform": "string", "account": "string", "post_id": "string"})


def save_campaign(engine: Engine, name: str, date_from: dt.date, date_to: dt.date, key_messages: str, hashtags: str, department: str | None = None) -> int:
    values = {"name": name, "date_from": date_from, "date_to": date_to, "key_messages": key_messages, "hashtags": hashtags, "department": department}
    with engine.connect().execution_options(write=True) as connection, connection.begin():
        return int(connection.execute(insert(campaigns).values(**values).returning(campaigns.c.id)).scalar_one())


def all_campaigns(engine: Engine) -> pd.DataFrame:
    with engine.connect() as connection:
        return pd.read_sql(select(campaigns).order_by(campaigns.c.date_from, campaigns.c.id), connection)


def save_event(engine: Engine, values: dict[str, object]) -> int:
    """Store an event (validated by ``metrics.plan.event_issues``)."""
    with engine.connect().execution_options(write=True) as connection, connection.begin():
        return int(connection.execute(insert(events).values(**values).returning(events.c.id)).scalar_one())


def delete_event(engine: Engine, event_id: int) -> None:
    with engine.connect().execution_options(write=True) as connection, connection.begin():
        connection.execute(delete(events).where(events.c.id == event_id))


def all_events(engine: Engine) -> pd.DataFrame:
    with engine.connect() as connection:
        return pd.read_sql(select(events).order_by(events.c.date_from, events.c.id), connection)


def load_plan_data(engine: Engine, posts: pd.DataFrame | None = None) -> object | None:
    """The current plan matched against the stored posts, with the campaigns (``metrics.plan.PlanData``);
    None when no plan is stored, so the plan KPIs say "no data". ``posts``: the current posts with their texts when
    the caller has read them already (reading them again took 0.6 of the dashboard's 4 s cold start)."""
    from metrics.plan import PlanData, match_plan
    from model.canonical import Grain
    from storage.queries import current

    items = current_plan(engine)
    campaign_rows, event_rows = all_campaigns(engine), all_events(engine)
    if items.empty and campaign_rows.empty and event_rows.empty:
        return None
    stored_posts = current(engine, Grain.POST) if posts is None else posts
    return PlanData(match_plan(items, stored_posts, match_decisions(engine)), campaign_rows, event_rows)
