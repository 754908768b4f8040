"""KPI speed for an agency-sized database: 50 brands on 6 platforms (300 accounts), three years of
daily rows (~330k) and 500k posts.

Measures computing every catalog KPI for a quarter with both comparisons (previous quarter, same
quarter last year) plus every key result of a 40-key-result goals workbook:
- in memory: the data and the engine's per-account indexes already built (as the dashboard caches
  them), every computed period forgotten before each run;
- cold: a new process that opens the SQLite file, loads the current data and computes;
- baseline: the same KPIs the naive way, one filtered pandas pass per KPI and period.
Prints medians and peak memory; never fails.

    .venv/bin/python bench/bench_kpis.py [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
DB = OUT / "agency.sqlite3"
PLATFORMS = ["linkedin", "facebook", "instagram", "x", "youtube", "tiktok"]
FIRST_DAY, LAST_DAY = dt.date(2023, 12, 1), dt.date(2026, 11, 30)
QUARTER = "2026-Q3"
AS_OF = dt.date(2026, 11, 15)


def build_database() -> None:
    from bench_agency import account_frames  # the same generated accounts as the agency benchmark

    from model.results import FileResult, Status
    from storage.engine import make_engine
    from storage.imports import store_one

    OUT.mkdir(parents=True, exist_ok=True)
    DB.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{DB}")
    rng = np.random.default_rng(7)
    days = pd.date_range(FIRST_DAY, LAST_DAY, freq="D")
    for brand in range(50):
        for platform in PLATFORMS:
            account = f"brand{brand:02d}_{platform}"
            frames = account_frames(account, platform, days, 500_000 // 300, rng)
            store_one(engine, FileResult(f"{account}.csv", f"{brand}-{platform}", 1, Status.PARSED, platform=platform, account=account, frames=frames))


def goals_yaml() -> bytes:
    objectives = [{"id": f"O{b}", "objective": f"Brand {b}", "department": ["pr", "marketing", "sales", "hr", "service"][b % 5]} for b in range(10)]
    kpis = ["impressions", "engagement_rate", "followers", "posts", "clicks", "ctr", "follower_growth", "applause_rate"]
    key_results = []
    for number in range(40):
        brand, kpi = number % 10, kpis[number % len(kpis)]
        key_results.append(
            {
                "objective_id": f"O{brand}",
                "kpi": kpi,
                "platform": PLATFORMS[number % 6],
                "account": f"brand{brand:02d}_{PLATFORMS[number % 6]}",
                "period": ["2026-Q4", "2026", "2026-11"][number % 3],
                "baseline": 0.02 if kpi.endswith("rate") or kpi == "ctr" else 1000,
                "target": 0.03 if kpi.endswith("rate") or kpi == "ctr" else 2000,
            }
        )
    import yaml

    return yaml.safe_dump({"objectives": objectives, "key_results": key_results}).encode()


def prepare(data: object) -> tuple[object, object]:
    """What the dashboard keeps in memory: the goals and an engine with its account indexes."""
    from ingest.goals_reader import load_goals
    from metrics.engine import KpiEngine

    config = load_goals("agency.yaml", goals_yaml())
    return config, KpiEngine(data.with_mapping(config.accounts, config.tags, config.manual_values))  # type: ignore[attr-defined]


def compute(config: object, engine: object) -> int:
    """Every catalog KPI for the quarter with both comparisons, and the 40 key results."""
    from metrics.catalog import CATALOG, Source
    from metrics.comparison import comparison_table
    from metrics.dataset import Scope
    from metrics.periods import parse_period
    from metrics.progress import evaluate

    engine.clear_cache()  # type: ignore[attr-defined]  # nothing computed before counts
    keys = [k for k, item in CATALOG.items() if item.source is Source.PLATFORM]
    table = comparison_table(engine, Scope(), parse_period(QUARTER), AS_OF, keys)  # type: ignore[arg-type]
    report = evaluate(engine, config, AS_OF)  # type: ignore[arg-type]
    return len(table) + len(report.key_results)


def naive(data: object) -> int:
    """The baseline: one filtered pandas pass per KPI and period, nothing shared."""
    from metrics.catalog import CATALOG, Aggregation, Source
    from metrics.periods import parse_period

    period = parse_period(QUARTER)
    values = 0
    for item in CATALOG.values():
        if item.source is not Source.PLATFORM:
            continue
        for p in (period, period.previous(), period.last_year()):
            daily = data.daily[(data.daily["date"] >= pd.Timestamp(p.start)) & (data.daily["date"] <= pd.Timestamp(p.end))]  # type: ignore[attr-defined]
            posts = data.posts[
                (data.posts["published_at"] >= pd.Timestamp(p.start, tz="UTC"))
                & (data.posts["published_at"] < pd.Timestamp(p.end, tz="UTC") + pd.Timedelta(days=1))
            ]  # type: ignore[attr-defined]
            if item.aggregation is Aggregation.RATIO:
                values += float(daily[list(item.numerator)].sum().sum() / daily[list(item.denominator)].sum().sum())
            elif item.aggregation is Aggregation.LAST:
                values += float(daily.sort_values("date").groupby(["platform", "account"])[list(item.numerator)].last().sum().sum())
            elif item.aggregation in (Aggregation.COUNT, Aggregation.PER_POST):
                values += len(posts) + float(posts[list(item.numerator)].sum().sum() if item.numerator else 0)
            else:
                metric = list(item.numerator)
                values += float(daily[metric].sum().sum() if daily[metric].notna().any().any() else posts[metric].sum().sum())
    return values


def child(mode: str, runs: int) -> None:
    from storage.engine import make_engine
    from storage.queries import load_dataset

    seconds = []
    if mode == "cold":
        started = time.perf_counter()
        # the goals workbook has no tag rules, so the posts' texts are not needed (as the CLI does)
        compute(*prepare(load_dataset(make_engine(f"sqlite:///{DB}", migrate_schema=False), with_text=False)))
        seconds.append(time.perf_counter() - started)
    else:
        data = load_dataset(make_engine(f"sqlite:///{DB}", migrate_schema=False))
        prepared = prepare(data)
        for _ in range(runs):
            started = time.perf_counter()
            compute(*prepared) if mode == "memory" else naive(data)
            seconds.append(time.perf_counter() - started)
    print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def measure(mode: str, runs: int) -> tuple[float, float]:
    if mode == "cold":
        figures = [
            json.loads(subprocess.run([sys.executable, __file__, "--child", mode, "1"], capture_output=True, text=True, check=True).stdout.splitlines()[-1])
            for _ in range(runs)
        ]
        return statistics.median(f["seconds"][0] for f in figures), max(f["peak_mb"] for f in figures)
    figures = json.loads(
        subprocess.run([sys.executable, __file__, "--child", mode, str(runs)], capture_output=True, text=True, check=True).stdout.splitlines()[-1]
    )
    return statistics.median(figures["seconds"]), figures["peak_mb"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", nargs=2)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    if args.rebuild or not DB.exists():
        started = time.perf_counter()
        build_database()
        print(f"built {DB.name} in {time.perf_counter() - started:.0f} s")
    print(f"{'what':<62} {'median s':>9} {'peak MB':>8}")
    for mode, what in (
        ("memory", "Resonanz, data and indexes in memory (as the dashboard)"),
        ("cold", "Resonanz, cold: new process, load SQLite, index, compute"),
        ("naive", "baseline: one filtered pandas pass per KPI and period"),
    ):
        seconds, peak = measure(mode, args.runs if mode != "cold" else 3)
        print(f"{what:<62} {seconds:>9.2f} {peak:>8.0f}")
    print("work: 27 platform KPIs x (quarter, previous quarter, same quarter last year) + 40 key results, 300 accounts, 330k daily rows, 500k posts")


if __name__ == "__main__":
    main()
