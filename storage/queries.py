"""Reading the current data: the newest import's value per key and metric."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from ingest.canonical import KEY_COLUMNS, Grain, conform
from metrics.dataset import Dataset
from storage.schema import FACT_TABLES


def current(engine: Engine, grain: Grain, platform: str | None = None, account: str | None = None) -> pd.DataFrame:
    """The current canonical frame of ``grain``.

    Several imports may hold the same key (overlapping exports). For each key and each column the
    newest import's non-missing value wins, so a newer file that lacks a metric does not erase what an
    older file said about it; undoing the newer import brings the older values back.
    """
    table = FACT_TABLES[str(grain)]
    query = select(table)
    if platform:
        query = query.where(table.c.platform == platform)
    if account:
        query = query.where(table.c.account == account)
    with engine.connect() as connection:
        stored = pd.read_sql(query.order_by(table.c.import_id.desc()), connection)
    keys = list(KEY_COLUMNS[grain])
    if stored.empty:
        return conform(stored, grain).assign(import_id=pd.Series(dtype="int64"))
    if grain is Grain.POST:
        stored["published_at"] = pd.to_datetime(stored["published_at"]).dt.tz_localize("UTC")
    if "date" in stored:
        stored["date"] = pd.to_datetime(stored["date"])
    newest = stored.groupby(keys, sort=True, dropna=False).first().reset_index()
    return conform(newest, grain).assign(import_id=newest["import_id"].to_numpy())


def load_dataset(engine: Engine) -> Dataset:
    """The current data of every grain, ready for the metrics engine (accounts and tags come from the goals)."""
    return Dataset(
        daily=current(engine, Grain.DAILY).drop(columns="import_id"),
        posts=current(engine, Grain.POST).drop(columns="import_id"),
        audience=current(engine, Grain.AUDIENCE).drop(columns="import_id"),
    )
