"""The review log: what a management review meeting commented, decided and assigned."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Engine, insert, select, update

from storage.schema import review_actions, review_comments, review_decisions, reviews


@dataclass(frozen=True)
class Action:
    text: str
    owner: str = ""
    due: dt.date | None = None
    done: bool = False
    id: int | None = None
    review_id: int | None = None


@dataclass(frozen=True)
class Review:
    held_on: dt.date
    period: str  # as written, e.g. 2026-Q4
    summary: str = ""
    comments: dict[str, str] = field(default_factory=dict)  # key result id -> comment
    decisions: tuple[str, ...] = ()
    actions: tuple[Action, ...] = ()
    id: int | None = None


def save_review(engine: Engine, review: Review) -> int:
    """Store a review meeting with its comments, decisions and actions, in one transaction."""
    with engine.connect().execution_options(write=True) as connection, connection.begin():
        values = {"held_on": review.held_on, "period": review.period, "summary": review.summary, "created_at": dt.datetime.now(dt.UTC).replace(tzinfo=None)}
        review_id = int(connection.execute(insert(reviews).values(**values).returning(reviews.c.id)).scalar_one())
        comments = [{"review_id": review_id, "key_result": k, "comment": c} for k, c in review.comments.items() if c.strip()]
        decisions = [{"review_id": review_id, "position": n, "text": d} for n, d in enumerate(review.decisions, start=1) if d.strip()]
        actions = [{"review_id": review_id, "text": a.text, "owner": a.owner, "due": a.due, "done": a.done} for a in review.actions if a.text.strip()]
        for table, rows in ((review_comments, comments), (review_decisions, decisions), (review_actions, actions)):
            if rows:
                connection.execute(insert(table), rows)
    return review_id


def load_review(engine: Engine, review_id: int) -> Review | None:
    with engine.connect() as connection:
        row = connection.execute(select(reviews).where(reviews.c.id == review_id)).mappings().first()
        if row is None:
            return None
        comments = dict(
            connection.execute(select(review_comments.c.key_result, review_comments.c.comment).where(review_comments.c.review_id == review_id)).all()
        )
        decisions = tuple(
            connection.execute(select(review_decisions.c.text).where(review_decisions.c.review_id == review_id).order_by(review_decisions.c.position)).scalars()
        )
        actions = tuple(
            Action(**a)
            for a in connection.execute(select(review_actions).where(review_actions.c.review_id == review_id).order_by(review_actions.c.id)).mappings()
        )
    return Review(row["held_on"], row["period"], row["summary"], comments, decisions, actions, row["id"])


def commented_key_results(engine: Engine) -> frozenset[str]:
    """The ids of every key result a review comment names: ids a new key result must not take."""
    with engine.connect() as connection:
        return frozenset(connection.execute(select(review_comments.c.key_result).distinct()).scalars())


def review_index(engine: Engine) -> list[tuple[int, dt.date, str]]:
    """(id, held_on, period text) of every review, newest meeting first."""
    with engine.connect() as connection:
        rows = connection.execute(select(reviews.c.id, reviews.c.held_on, reviews.c.period).order_by(reviews.c.held_on.desc(), reviews.c.id.desc()))
        return [(int(r.id), r.held_on, r.period) for r in rows]


def latest_review(engine: Engine) -> Review | None:
    with engine.connect() as connection:
        review_id = connection.execute(select(reviews.c.id).order_by(reviews.c.held_on.desc(), reviews.c.id.desc()).limit(1)).scalar()
    return load_review(engine, review_id) if review_id else None


def open_actions(engine: Engine, before: dt.date | None = None) -> tuple[Action, ...]:
    """Actions not done yet from reviews held before ``before`` (all if None): they carry into the next pack."""
    query = select(review_actions).join(reviews, reviews.c.id == review_actions.c.review_id).where(review_actions.c.done.is_(False))
    if before is not None:
        query = query.where(reviews.c.held_on < before)
    with engine.connect() as connection:
        return tuple(Action(**a) for a in connection.execute(query.order_by(review_actions.c.due, review_actions.c.id)).mappings())


def mark_done(engine: Engine, action_id: int, done: bool = True) -> None:
    with engine.connect().execution_options(write=True) as connection, connection.begin():
        connection.execute(update(review_actions).where(review_actions.c.id == action_id).values(done=done))
