"""Errors are data: every problem an import finds is an ``Issue`` the user can read."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Issue:
    level: Level
    message: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None  # 1-based row as a spreadsheet program shows it
    column: str | None = None
    value: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: (str(v) if isinstance(v, StrEnum) else v) for k, v in asdict(self).items() if v is not None}

    def __str__(self) -> str:
        where = ", ".join(
            f"{label} {value}"
            for label, value in (
                ("file", self.file),
                ("sheet", self.sheet),
                ("row", self.row),
                ("column", self.column),
                ("value", repr(self.value) if self.value is not None else None),
            )
            if value is not None
        )
        return f"{self.level}: {self.message}" + (f" ({where})" if where else "")


class IngestError(Exception):
    """A file cannot be imported; carries the issues that say why."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("; ".join(str(i) for i in issues))
        self.issues = issues


class UnsafeFileError(IngestError):
    """The file failed a safety check before any parser saw it."""


class UnsupportedFileError(IngestError):
    """Resonanz does not know this file; the issues describe what it looks like."""


def error(message: str, **where: Any) -> Issue:
    return Issue(Level.ERROR, message, **where)


def warning(message: str, **where: Any) -> Issue:
    return Issue(Level.WARNING, message, **where)


def info(message: str, **where: Any) -> Issue:
    return Issue(Level.INFO, message, **where)
