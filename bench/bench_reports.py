"""Speed of the management review pack for the demo company: all three formats.

1. Cold: from the SQLite file (load the data, evaluate the goals, build the pack, write PPTX, XLSX
   and PDF), as ``cli.py report`` does it in one process.
2. Warm: the engine already in memory, as the dashboard's Review page has it.
Baseline in the same run: the PDF made the office-suite way, LibreOffice converting our PPTX
(only when ``soffice`` is installed), next to fpdf2 writing it directly.
Target: the whole cold pack in under 10 seconds. Prints medians; never fails.

    .venv/bin/python bench/bench_reports.py [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_pages import demo_database  # noqa: E402
from ingest.goals_reader import load_goals  # noqa: E402
from metrics.engine import KpiEngine  # noqa: E402
from metrics.periods import parse_period  # noqa: E402
from model.i18n import Language  # noqa: E402
from reports.pack import build_pack  # noqa: E402
from reports.render import FORMATS, render  # noqa: E402
from storage.engine import make_engine  # noqa: E402
from storage.queries import load_dataset  # noqa: E402

GOALS = ROOT / "sample_data" / "demo" / "ziele.xlsx"
PERIOD, AS_OF = parse_period("2026-Q4"), dt.date(2026, 11, 22)


def engine_from(database: Path) -> KpiEngine:
    config = load_goals(GOALS.name, GOALS.read_bytes())
    data = load_dataset(make_engine(f"sqlite:///{database}"), with_text=True)
    return KpiEngine(data.with_mapping(config.accounts, config.tags, config.manual_values))


def whole_pack(engine: KpiEngine) -> dict[str, float]:
    config = load_goals(GOALS.name, GOALS.read_bytes())
    started = time.perf_counter()
    pack = build_pack(engine, config, PERIOD, AS_OF, Language.DE)
    times = {"pack": time.perf_counter() - started}
    for kind in FORMATS:
        begun = time.perf_counter()
        render(pack, kind)
        times[kind] = time.perf_counter() - begun
    return times


def cold(database: Path) -> float:
    started = time.perf_counter()
    whole_pack(engine_from(database))
    return time.perf_counter() - started


def libreoffice_pdf(engine: KpiEngine) -> float | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    config = load_goals(GOALS.name, GOALS.read_bytes())
    deck = render(build_pack(engine, config, PERIOD, AS_OF, Language.DE), "pptx")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "pack.pptx"
        source.write_bytes(deck)
        started = time.perf_counter()
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)], capture_output=True, timeout=300, check=False)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    database = demo_database()
    cold_times = [cold(database) for _ in range(runs)]
    engine = engine_from(database)
    whole_pack(engine)  # warm-up: fonts, imports
    warm = [whole_pack(engine) for _ in range(runs)]
    median = {part: statistics.median(run[part] for run in warm) for part in warm[0]}
    print(f"demo pack, {runs} runs, medians")
    print(f"  cold (SQLite -> pack -> pptx + xlsx + pdf): {statistics.median(cold_times):6.2f} s   target < 10 s")
    print(f"  warm (engine in memory), all formats:       {sum(median.values()):6.2f} s")
    for part, seconds in median.items():
        print(f"    {part:<5} {seconds * 1000:8.0f} ms")
    office = libreoffice_pdf(engine)
    if office is not None:
        print(f"  baseline: LibreOffice PPTX -> PDF {office:6.2f} s (one run) vs fpdf2 {median['pdf']:5.2f} s ({office / median['pdf']:.0f}x)")


if __name__ == "__main__":
    main()
