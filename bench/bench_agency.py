"""Agency scale and the scaling law, on SQLite and on PostgreSQL (issue 12).

The agency of the issue: 300 accounts (50 brands on 6 platforms) with three years of daily rows, 200,000
posts and a goals workbook of 200 key results. The benchmark builds it at 1/16, 1/4 and the whole size
(the scaling law's 1x, 4x and 16x: the accounts and posts grow, the three years stay) in a SQLite file and
in a PostgreSQL database, then measures in a new process each time:

- ready: open the database, read the goals (in the parser process) and the current data, build the engine,
  as the dashboard does on its first page after a start (``ui.data._workspace``);
- key results: ``evaluate()`` of the 200 key results with the engine warm (as the Goals page reruns it);
- cockpit: the Cockpit's figures for a quarter (every card KPI with both comparisons, movers);
- pack: the review pack's content for the quarter (``reports.pack.build_pack``), without rendering.

The baseline in the same run is the naive computation (one filtered pandas pass per KPI and period) on the
same data. Medians of ``--runs`` new processes; prints a table and never fails.

    .venv/bin/python bench/bench_agency.py [--runs 5] [--scales 1 4 16] [--postgres URL | --no-postgres]

Without ``--postgres`` the throwaway server of the tests is started (``scripts/throwaway-postgres``) and
databases named ``resonanz_bench_<scale>x`` are created in it.
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
PLATFORMS = ["linkedin", "facebook", "instagram", "x", "youtube", "tiktok"]
FIRST_DAY, LAST_DAY = dt.date(2023, 12, 1), dt.date(2026, 11, 30)
QUARTER, AS_OF = "2026-Q3", dt.date(2026, 11, 15)
FULL_BRANDS, FULL_POSTS = 50, 200_000  # the agency: the 16x of the scaling law
KR_KPIS = ["impressions", "engagement_rate", "followers", "posts", "clicks", "ctr", "follower_growth", "reach", "engagements", "views"]
PERIODS = ["2026-Q3", "2026-Q4", "2026", "2026-11", "2026-10", "2026-W40", "2026-09", "2025-Q4"]


def brands(scale: int) -> int:
    return max(1, FULL_BRANDS * scale // 16)


def goals_yaml(scale: int) -> bytes:
    """200 key results on the agency's accounts, KPIs and periods, spread over five departments' objectives."""
    import yaml

    count = brands(scale)
    objectives = [{"id": f"O{b}", "objective": f"Marke {b}", "department": ["pr", "marketing", "sales", "hr", "service"][b % 5]} for b in range(count)]
    accounts = [
        {"platform": platform, "account": f"brand{b:02d}_{platform}", "department": objectives[b]["department"]} for b in range(count) for platform in PLATFORMS
    ]
    key_results = []
    for number in range(200):
        brand, kpi, platform = number % count, KR_KPIS[number % len(KR_KPIS)], PLATFORMS[(number // len(KR_KPIS)) % len(PLATFORMS)]
        rate = kpi.endswith("rate") or kpi == "ctr"
        key_results.append(
            {
                "objective_id": f"O{brand}",
                "kpi": kpi,
                "platform": platform,
                "account": f"brand{brand:02d}_{platform}" if number % 3 else None,
                "period": PERIODS[number % len(PERIODS)],
                "baseline": 0.02 if rate else 1000,
                "target": 0.03 if rate else 2000,
            }
        )
    key_results = [{k: v for k, v in kr.items() if v is not None} for kr in key_results]
    return yaml.safe_dump({"objectives": objectives, "key_results": key_results, "accounts": accounts}).encode()


def build(url: str, scale: int) -> None:
    """The agency at ``scale`` (1, 4 or 16) into the empty database at ``url``, with its goals stored."""
    from model.results import FileResult, Status
    from storage.engine import make_engine
    from storage.goalsets import save_goal_set
    from storage.imports import store_one

    engine = make_engine(url)
    rng = np.random.default_rng(scale)
    days = pd.date_range(FIRST_DAY, LAST_DAY, freq="D")
    per_account = FULL_POSTS // (FULL_BRANDS * len(PLATFORMS))
    for brand in range(brands(scale)):
        for platform in PLATFORMS:
            account = f"brand{brand:02d}_{platform}"
            frames = account_frames(account, platform, days, per_account, rng)
            store_one(engine, FileResult(f"{account}.csv", f"{account}-{scale}", 1, Status.PARSED, platform=platform, account=account, frames=frames))
    save_goal_set(engine, "agentur.yaml", goals_yaml(scale))
    engine.dispose()


def account_frames(account: str, platform: str, days: pd.DatetimeIndex, posts: int, rng: np.random.Generator) -> dict[object, pd.DataFrame]:
    """One generated account: a daily row per day and ``posts`` posts, as canonical frames (also bench_kpis)."""
    from model.canonical import Grain, conform

    n = len(days)
    impressions = rng.integers(200, 20_000, n).astype(float)
    daily = pd.DataFrame({
        "platform": platform, "account": account, "date": days, "impressions": impressions, "reach": impressions * 0.6,
        "engagements": impressions * rng.uniform(0.01, 0.05, n), "clicks": impressions * rng.uniform(0.002, 0.01, n),
        "followers": 1000 + np.cumsum(rng.integers(0, 20, n)).astype(float), "followers_gained": rng.integers(0, 20, n).astype(float),
        "source_row": np.arange(2, n + 2),
    })  # fmt: skip
    published = pd.to_datetime(rng.integers(days[0].value, days[-1].value, posts), utc=True)
    post_rows = pd.DataFrame({
        "platform": platform, "account": account, "post_id": [f"{account}-{i}" for i in range(posts)], "published_at": published,
        "text": "Beitrag #messe", "permalink": [f"https://example.com/{account}/{i}" for i in range(posts)],
        "impressions": rng.integers(100, 50_000, posts).astype(float), "reactions": rng.integers(0, 500, posts).astype(float),
        "comments": rng.integers(0, 50, posts).astype(float), "shares": rng.integers(0, 40, posts).astype(float),
        "source_row": np.arange(2, posts + 2),
    })  # fmt: skip
    return {Grain.DAILY: conform(daily, Grain.DAILY), Grain.POST: conform(post_rows, Grain.POST)}


# ---------------------------------------------------------------- measured in a new process


def ready(url: str) -> tuple[object, object, object]:
    """What the dashboard's first page after a start does before it draws (ui.data._workspace: read_current)."""
    from metrics.engine import KpiEngine
    from storage.engine import make_engine
    from storage.snapshot import read_current

    database = make_engine(url)
    _, config, _, data = read_current(database)
    return database, config, KpiEngine(data)


def cockpit(engine: object, config: object, report: object) -> int:
    """The Cockpit's figures after a change of the period: the cards with both comparisons and the movers (the goal
    report is cached per day, as on the page)."""
    from metrics.comparison import Comparison
    from metrics.dataset import Scope
    from metrics.periods import parse_period
    from metrics.views import kpi_cards, top_movers

    period = parse_period(QUARTER)
    cards = kpi_cards(engine, Scope(), period, Comparison.PREVIOUS, AS_OF, config, report)  # type: ignore[arg-type]
    movers = top_movers(engine, Scope(), period, Comparison.PREVIOUS, AS_OF)  # type: ignore[arg-type]
    return len(cards) + len(movers)


def pack(database: object, config: object, engine: object) -> int:
    from metrics.periods import parse_period
    from model.i18n import Language
    from reports.pack import build_pack, review_of

    period = parse_period(QUARTER)
    review, carried = review_of(database, period)  # type: ignore[arg-type]
    build_pack(engine, config, period, AS_OF, Language.DE, review, carried)  # type: ignore[arg-type]
    return 1


def naive(engine: object) -> float:
    """The baseline: one filtered pandas pass per platform KPI and period (quarter, previous, last year)."""
    from metrics.catalog import CATALOG, Aggregation, Source
    from metrics.periods import parse_period

    data, period, total = engine.data, parse_period(QUARTER), 0.0  # type: ignore[attr-defined]
    for item in (i for i in CATALOG.values() if i.source is Source.PLATFORM):
        for p in (period, period.previous(), period.last_year()):
            daily = data.daily[(data.daily["date"] >= pd.Timestamp(p.start)) & (data.daily["date"] <= pd.Timestamp(p.end))]
            if item.aggregation is Aggregation.RATIO:
                total += float(daily[list(item.numerator)].sum().sum() / max(daily[list(item.denominator)].sum().sum(), 1))
            elif item.numerator:
                total += float(daily[[m for m in item.numerator if m in daily]].sum().sum())
    return total


def child(url: str, runs: int) -> None:
    from metrics.progress import evaluate

    started = time.perf_counter()
    database, config, engine = ready(url)
    figures: dict[str, object] = {"ready": time.perf_counter() - started}
    report = evaluate(engine, config, AS_OF)  # type: ignore[arg-type]
    for name, work in (
        ("key_results", lambda: evaluate(engine, config, AS_OF)),  # type: ignore[arg-type]
        ("cockpit", lambda: cockpit(engine, config, report)),
        ("pack", lambda: pack(database, config, engine)),
        ("naive", lambda: naive(engine)),
    ):
        seconds = []
        for _ in range(runs):
            engine.clear_cache()  # type: ignore[attr-defined]  # as after a filter change to a new period
            began = time.perf_counter()
            work()
            seconds.append(time.perf_counter() - began)
        figures[name] = statistics.median(seconds)
    figures["rows"] = [len(engine.data.daily), len(engine.data.posts), len(config.key_results)]  # type: ignore[attr-defined]
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))


def measure(url: str, runs: int) -> dict[str, object]:
    """Medians over ``runs`` new processes (each: ready once, the rest three times warm)."""
    results = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, __file__, "--child", url], capture_output=True, text=True, check=True, cwd=ROOT)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(r[key] for r in results) if key != "rows" else results[0][key] for key in results[0]}


def postgres_server(url: str | None) -> str | None:
    if url:
        return url
    started = subprocess.run([str(ROOT / "scripts" / "throwaway-postgres")], capture_output=True, text=True, check=False)
    return started.stdout.strip() or None


def postgres_database(server: str, name: str) -> str:
    """A fresh database ``name`` on ``server`` (dropped first): the benchmark's own, never the tests'."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(make_url(server).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--postgres", help="a PostgreSQL server URL (default: the tests' throwaway server)")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(args.child, 3)
        return
    OUT.mkdir(parents=True, exist_ok=True)
    server = None if args.no_postgres else postgres_server(args.postgres)
    print(f"{'scale':>5} {'store':<10} {'daily rows':>10} {'posts':>7} {'ready':>7} {'200 KRs':>8} {'cockpit':>8} {'pack':>7} {'naive':>7} {'peak MB':>8}")
    for scale in args.scales:
        targets = {"SQLite": f"sqlite:///{OUT / f'agency-{scale}x.sqlite3'}"}
        if server:
            targets["PostgreSQL"] = postgres_database(server, f"resonanz_bench_{scale}x")
        for store, url in targets.items():
            if store == "SQLite":
                (OUT / f"agency-{scale}x.sqlite3").unlink(missing_ok=True)
            began = time.perf_counter()
            build(url, scale)
            built = time.perf_counter() - began
            f = measure(url, args.runs)
            daily, posts, _ = f["rows"]  # type: ignore[misc]
            print(
                f"{scale:>4}x {store:<10} {daily:>10,} {posts:>7,} {f['ready']:>6.2f}s {f['key_results']:>7.3f}s {f['cockpit']:>7.3f}s "
                f"{f['pack']:>6.2f}s {f['naive']:>6.2f}s {f['peak_mb']:>8.0f}   (built in {built:.0f} s)",
                flush=True,
            )
    print("medians of", args.runs, "new processes; ready = database open, goals and data read, engine built; the rest with the engine warm")


if __name__ == "__main__":
    main()
