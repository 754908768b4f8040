"""What one imported file became: the result type that ingest fills, storage stores and the
command line and the Data page report."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

import pandas as pd

from model.canonical import STOCK_METRICS, Grain, Platform, present_metrics
from model.issues import Issue

# Told after each file of an upload: (files done, files in all, the file's name); reading and storing both report.
Progress = Callable[[int, int, str], None]


class Status(StrEnum):
    PARSED = "parsed"  # read, not yet stored
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    UNSUPPORTED = "unsupported"
    ERROR = "error"


@dataclass
class FileResult:
    file: str
    sha256: str
    size: int
    status: Status
    platform: Platform | None = None
    report: str | None = None
    account: str | None = None
    frames: dict[Grain, pd.DataFrame] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    import_id: int | None = None
    platform_candidates: tuple[Platform, ...] = ()

    @property
    def folder(self) -> str:
        return posixpath.dirname(self.file)

    @property
    def rows(self) -> dict[str, int]:
        return {str(g): len(f) for g, f in self.frames.items() if len(f)}

    @property
    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        days = [f["date"] for g, f in self.frames.items() if g is not Grain.POST and len(f)]
        days += [f["published_at"].dt.tz_convert(None) for g, f in self.frames.items() if g is Grain.POST and len(f)]
        joined = pd.concat(days).dropna() if days else pd.Series(dtype="datetime64[us]")
        if joined.empty:
            return None, None
        return joined.min().date(), joined.max().date()

    @property
    def totals(self) -> dict[str, dict[str, float]]:
        """Grain -> metric -> sum over the grain's rows; stocks and missing metrics left out."""
        out: dict[str, dict[str, float]] = {}
        for grain, frame in self.frames.items():
            if not len(frame):
                continue
            if grain is Grain.AUDIENCE:
                counts = frame[frame["unit"] == "count"]
                sums = counts.groupby("metric")["value"].sum(min_count=1).dropna()
            else:
                sums = frame[[m for m in present_metrics(frame) if m not in STOCK_METRICS]].sum(min_count=1).dropna()
            out[str(grain)] = {k: _plain(v) for k, v in sums.items()}
        return out

    def to_dict(self) -> dict[str, object]:
        start, end = self.date_range
        return {
            "file": self.file,
            "status": str(self.status),
            "platform": str(self.platform) if self.platform else None,
            "report": self.report,
            "account": self.account or self.accounts_in_rows(),
            "rows": self.rows,
            "date_from": start.isoformat() if start else None,
            "date_to": end.isoformat() if end else None,
            "import_id": self.import_id,
            "totals": self.totals,
            "issues": [i.to_dict() for i in self.issues],
        }

    def accounts_in_rows(self) -> str | None:
        """Where one export holds several accounts (Instagram collaborations), their names."""
        names = sorted({str(a) for f in self.frames.values() for a in f["account"].dropna().unique()})
        return ", ".join(names) or None

    def fail(self, issues: Iterable[Issue], status: Status = Status.ERROR) -> None:
        """Mark the file as not importable; its frames are dropped so nothing of it is stored."""
        self.issues.extend(issues)
        self.status = status
        self.frames = {}


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(float(value), 6)


# ---------------------------------------------------------------- batch
