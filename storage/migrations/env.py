"""Alembic environment: runs on the connection handed over by ``storage.engine.migrate``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from storage.schema import metadata
from storage.settings import database_url

connection = context.config.attributes.get("connection")


def run(conn) -> None:  # noqa: ANN001 - alembic passes a Connection
    context.configure(connection=conn, target_metadata=metadata, render_as_batch=conn.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    run(connection)
else:  # the alembic command line
    with create_engine(database_url()).connect() as conn:
        run(conn)
        conn.commit()
