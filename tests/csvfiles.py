"""Reading and writing small CSV files in tests: the independent reader the expectations are computed with."""

from __future__ import annotations

import csv
import io
from pathlib import Path


def csv_rows(path: Path) -> list[list[str]]:
    """Every row of a UTF-8 CSV file (a BOM is dropped), as the csv module reads it."""
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def csv_bytes(rows: list[list[str]]) -> bytes:
    """``rows`` as UTF-8 CSV bytes with LF line ends, quoted only where needed."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")
