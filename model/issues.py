"""Errors are data: every problem an import finds is an ``Issue`` the user can read.

An issue carries a message code from the one text table (``model.i18n.TEXTS``, keys ``ingest.*`` and
``goals.*``) with its parameters, so the Data page shows it in the user's language and the command
line in English. ``error("ingest.dates_unknown", params={"examples": "..."}, file=..., row=...)``
builds one; a plain English sentence instead of a code is still accepted for messages not yet in
the table, and shows the same in both languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from model.i18n import TEXTS, Language, localised_param, translate


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
    code: str | None = None  # key in model.i18n.TEXTS; the message is its English text
    params: tuple[tuple[str, str], ...] = ()

    def text(self, language: Language) -> str:
        """The message in ``language`` (the English sentence where the issue has no code)."""
        if not self.code:
            return self.message
        return translate(self.code, language, **{name: localised_param(name, _visible(value), language) for name, value in self.params})

    def to_dict(self) -> dict[str, Any]:
        out = {k: (str(v) if isinstance(v, StrEnum) else v) for k, v in asdict(self).items() if v is not None and k != "params"}
        if self.params:
            out["params"] = dict(self.params)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Issue:
        """The inverse of ``to_dict`` (issues cross the parser-process boundary as JSON)."""
        params = tuple((str(k), str(v)) for k, v in dict(data.get("params") or {}).items())
        return cls(**{**data, "level": Level(data["level"]), "params": params})

    def __str__(self) -> str:
        where = ", ".join(
            f"{label} {value}"
            for label, value in (
                ("file", self.file),
                ("sheet", self.sheet),
                ("row", self.row),
                ("column", self.column),
                ("value", f"'{_visible(self.value)}'" if self.value is not None else None),
            )
            if value is not None
        )
        return f"{self.level}: {_visible(self.message)}" + (f" ({where})" if where else "")


def _visible(text: object) -> str:
    """A file's text as a reader sees it: without soft hyphens, which German YouTube exports put into headers and
    labels ("Ge\u00adsamt") and a terminal prints as "\\xad" or as stray hyphens. Matching never sees this text."""
    return str(text).replace("\u00ad", "")


class IngestError(Exception):
    """A file cannot be imported; carries the issues that say why."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("; ".join(str(i) for i in issues))
        self.issues = issues


class UnsafeFileError(IngestError):
    """The file failed a safety check before any parser saw it."""


class UnsupportedFileError(IngestError):
    """Resonanz does not know this file; the issues describe what it looks like."""


def make_issue(level: Level, code_or_message: str, params: Mapping[str, object] | None = None, **where: Any) -> Issue:
    """An issue from a text-table code and its parameters (or, for now, a plain English message)."""
    if code_or_message not in TEXTS:
        return Issue(level, code_or_message, **where)
    texts = tuple((k, str(v)) for k, v in (params or {}).items())
    english = translate(code_or_message, Language.EN, **{name: localised_param(name, value, Language.EN) for name, value in texts})
    return Issue(level, english, code=code_or_message, params=texts, **where)  # the message as the pages write it in English


def error(code_or_message: str, params: Mapping[str, object] | None = None, **where: Any) -> Issue:
    return make_issue(Level.ERROR, code_or_message, params, **where)


def warning(code_or_message: str, params: Mapping[str, object] | None = None, **where: Any) -> Issue:
    return make_issue(Level.WARNING, code_or_message, params, **where)


def info(code_or_message: str, params: Mapping[str, object] | None = None, **where: Any) -> Issue:
    return make_issue(Level.INFO, code_or_message, params, **where)
