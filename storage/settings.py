"""One settings object read from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "data" / "resonanz.sqlite3"


@dataclass(frozen=True)
class Settings:
    database_url: str

    @classmethod
    def from_env(cls) -> Settings:
        return cls(database_url=os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE_PATH}")


def database_url(explicit: str | None = None) -> str:
    """``--db`` if given, else ``DATABASE_URL``, else the embedded SQLite file under data/."""
    return explicit or Settings.from_env().database_url
