"""First-start work and many key results, end to end through the command line, against a baseline.

1. ``cli.py demo``: the demo company's 184 export files read (in the parser processes), checked and
   stored into a new SQLite file, process start included: the work of the dashboard's first start.
2. ``cli.py goals`` with 200 and 5,000 key results on the demo database (the demo's 14 key results
   over eight periods, so many of them ask for the same values, as a goals workbook with the same
   KPIs per department and period does), and ``evaluate()`` of them alone in a warm process with the
   engine built, as the Goals page reruns it (200 only), and of 200 key results that share no value (every KPI
   on every platform over the periods).

Each figure is measured for this checkout and for a baseline revision (``--baseline``, a git
revision checked out into a temporary worktree and run with the same Python), runs alternating, so
both meet the same machine load. Prints medians; never fails.

    .venv/bin/python bench/bench_demo.py [--runs 5] [--baseline 0858811]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PERIODS = ["2026-Q4", "2026-Q3", "2026", "2026-11", "2026-10", "2025-Q4", "2026-W40", "2026-09"]


def goals_file(count: int, folder: Path) -> Path:
    """``count`` key results: the demo's own, repeated over eight periods."""
    goals = yaml.safe_load((ROOT / "sample_data" / "demo" / "goals.yaml").read_text(encoding="utf-8"))
    own = goals["key_results"]
    key_results = []
    for number in range(count):
        key_result = {k: v for k, v in own[number % len(own)].items() if k != "id"}
        key_result["period"] = PERIODS[(number // len(own)) % len(PERIODS)]
        key_results.append(key_result)
    path = folder / f"goals{count}.yaml"
    path.write_text(yaml.safe_dump({**goals, "key_results": key_results}, allow_unicode=True), encoding="utf-8")
    return path


def distinct_goals_file(count: int, folder: Path) -> Path:
    """``count`` key results that share no value: every catalog KPI on every platform (and on all of them) over the
    eight periods, spread over the demo's objectives, so the engine computes each one afresh."""
    from itertools import product

    sys.path.insert(0, str(ROOT))
    from metrics.catalog import CATALOG, Source

    goals = yaml.safe_load((ROOT / "sample_data" / "demo" / "goals.yaml").read_text(encoding="utf-8"))
    objectives = [o["id"] for o in goals["objectives"]]
    kpis = [key for key, item in CATALOG.items() if item.source is not Source.MANUAL]
    platforms = [None, "linkedin", "instagram", "facebook", "tiktok", "youtube", "x"]
    combinations = list(product(PERIODS, platforms, kpis))[:count]
    key_results = [
        {"objective_id": objectives[n % len(objectives)], "kpi": kpi, "period": period, "target": 1.0 if CATALOG[kpi].unit.value != "percent" else 0.5}
        | ({"platform": platform} if platform else {})
        for n, (period, platform, kpi) in enumerate(combinations)
    ]
    path = folder / f"distinct{count}.yaml"
    path.write_text(yaml.safe_dump({**goals, "key_results": key_results}, allow_unicode=True), encoding="utf-8")
    return path


def timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def demo_load(tree: Path, folder: Path) -> float:
    database = folder / f"demo-{time.monotonic_ns()}.sqlite3"
    try:
        return timed([sys.executable, "cli.py", "demo", "--db", f"sqlite:///{database}"], tree)
    finally:
        database.unlink(missing_ok=True)


def goals_run(tree: Path, database: Path, goals: Path) -> float:
    return timed([sys.executable, "cli.py", "goals", "--db", f"sqlite:///{database}", "--goals", str(goals), "--as-of", "2026-11-22"], tree)


EVALUATE = """
import datetime as dt, statistics, sys, time
import cli
from ingest.goals_reader import load_goals
from metrics.progress import evaluate
goals = open(sys.argv[2], "rb").read()
config = load_goals("goals.yaml", goals)
engine = cli._kpi_engine(sys.argv[1], config)
times = []
for _ in range(5):
    engine.clear_cache()
    started = time.perf_counter()
    evaluate(engine, config, dt.date(2026, 11, 22))
    times.append(time.perf_counter() - started)
print(statistics.median(times))
"""


def evaluate_in_process(tree: Path, database: Path, goals: Path) -> float:
    """evaluate() alone, in a warm process with the engine built, as the Goals page reruns it (median of five)."""
    done = subprocess.run([sys.executable, "-c", EVALUATE, f"sqlite:///{database}", str(goals)], cwd=tree, check=True, capture_output=True, text=True)
    return float(done.stdout.strip().splitlines()[-1])


def worktree(revision: str, folder: Path) -> Path:
    path = folder / "baseline"
    subprocess.run(["git", "worktree", "add", "--detach", "-q", str(path), revision], cwd=ROOT, check=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline", default="0858811", help="git revision to compare with")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="resonanz-bench-"))
    baseline = worktree(args.baseline, folder)
    trees = {"this checkout": ROOT, f"baseline {args.baseline}": baseline}
    try:
        database = folder / "demo.sqlite3"
        subprocess.run([sys.executable, "cli.py", "demo", "--db", f"sqlite:///{database}"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        work = {"cli.py demo (first start's import)": lambda tree: demo_load(tree, folder)}
        for count in (200, 5000):
            goals = goals_file(count, folder)
            work[f"cli.py goals, {count:,} key results"] = lambda tree, goals=goals: goals_run(tree, database, goals)
            if count == 200:  # the figure; at 5,000 the baseline's five evaluations take minutes per run
                work[f"evaluate() of {count:,} key results"] = lambda tree, goals=goals: evaluate_in_process(tree, database, goals)
                distinct = distinct_goals_file(count, folder)
                work[f"evaluate() of {count:,} distinct ones"] = lambda tree, goals=distinct: evaluate_in_process(tree, database, goals)
        print(f"{'what':<38} {'tree':<20} {'median':>8}  runs")
        for name, run in work.items():
            times: dict[str, list[float]] = {label: [] for label in trees}
            for _ in range(args.runs):
                for label, tree in trees.items():
                    times[label].append(run(tree))
            for label, seconds in times.items():
                print(f"{name:<38} {label:<20} {statistics.median(seconds):>7.2f}s  {', '.join(f'{s:.2f}' for s in seconds)}")
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(baseline)], cwd=ROOT, check=False)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
