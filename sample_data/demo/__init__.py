"""The demo company: Haberland Antriebstechnik GmbH, a fictional German drive-technology maker.

Its exports (written by ``generate.py`` in the platforms' native formats) and its goals workbook
live beside this file. ``load_demo`` imports them through the same pipeline as any upload.
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import Engine

from ingest.pipeline import read_batch
from model.results import FileResult
from storage.imports import store_results

DEMO_DIR = Path(__file__).resolve().parent
DEMO_EXPORTS = DEMO_DIR / "exports"
DEMO_GOALS = DEMO_DIR / "ziele.xlsx"
DEMO_GOALS_YAML = DEMO_DIR / "goals.yaml"
DEMO_EXPORT_DAY = dt.date(2026, 11, 22)  # the day the demo's exports were "downloaded"
# YouTube exports name no channel; the demo's uploads name it, as a user would on the Data page.
NAMED_ON_UPLOAD = {"youtube": "Haberland TV"}


def demo_files() -> dict[str, list[tuple[str, bytes]]]:
    """Export files per upload batch (a folder per platform), names relative to the exports folder."""
    batches: dict[str, list[tuple[str, bytes]]] = {}
    for path in sorted(p for p in DEMO_EXPORTS.rglob("*") if p.is_file()):
        relative = path.relative_to(DEMO_EXPORTS)
        batches.setdefault(relative.parts[0], []).append((str(relative), path.read_bytes()))
    return batches


def load_demo(engine: Engine) -> list[FileResult]:
    """Import the demo company's exports (files already imported are reported as duplicates)."""
    results: list[FileResult] = []
    # A pipeline: one thread reads the folders in turn (in the parser processes) while this one stores the folder
    # read before; each side used to wait for the other (the first start's import: 8.8 -> see README, Speed).
    with ThreadPoolExecutor(max_workers=1) as reader:
        batches = [
            reader.submit(read_batch, items, reference_date=DEMO_EXPORT_DAY, account=NAMED_ON_UPLOAD.get(folder)) for folder, items in demo_files().items()
        ]
        for batch in batches:
            results += store_results(engine, batch.result())
    from sample_data.demo.plan import load_demo_plan  # the editorial plan, campaigns and events (area I)

    load_demo_plan(engine)
    return results
