"""The goals workbook the dashboard works with: every upload is kept, the newest counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, func, insert, select

from storage.schema import goal_sets, imports


@dataclass(frozen=True)
class GoalSet:
    id: int
    file_name: str
    content: bytes
    uploaded_at: dt.datetime


def save_goal_set(engine: Engine, file_name: str, content: bytes) -> int:
    """Store a goals workbook (validated by the caller) as the current one."""
    with engine.connect().execution_options(write=True) as connection, connection.begin():
        values = {"file_name": file_name, "content": content, "uploaded_at": dt.datetime.now(dt.UTC).replace(tzinfo=None)}
        return int(connection.execute(insert(goal_sets).values(**values).returning(goal_sets.c.id)).scalar_one())


def current_goal_set(engine: Engine) -> GoalSet | None:
    with engine.connect() as connection:
        row = connection.execute(select(goal_sets).order_by(goal_sets.c.id.desc()).limit(1)).mappings().first()
    return GoalSet(**row) if row else None


def goal_set_by_id(engine: Engine, goal_set_id: int) -> GoalSet | None:
    """A stored goal set, current or earlier (every upload is kept)."""
    with engine.connect() as connection:
        row = connection.execute(select(goal_sets).where(goal_sets.c.id == goal_set_id)).mappings().first()
    return GoalSet(**row) if row else None


def data_version(engine: Engine) -> tuple[object, ...]:
    """Changes whenever an import, an undo or a goals upload changes what the dashboard shows."""
    with engine.connect() as connection:
        imported = connection.execute(select(func.count(), func.max(imports.c.id), func.max(imports.c.undone_at))).one()
        goals = connection.execute(select(func.max(goal_sets.c.id))).scalar()
    return (*imported, goals)
