"""Dashboard speed with the demo company loaded.

1. Each page's rerun after a filter change, measured with Streamlit's AppTest (median of the runs
   after a warm-up; the engine and goal report are cached as in the running app).
2. Cold start: ``streamlit run`` on a database that holds the demo company, to the first rendered
   Cockpit (a KPI value visible) in Debian's Chromium; median of three starts, as a restart (the snapshots of an
   earlier run there), as the first start after new data (none there) and as the first start ever (a new database
   file: the dashboard loads the demo company first).
Prints medians; never fails.

    .venv/bin/python bench/bench_pages.py [--runs 7] [--database URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAGES = ["views/cockpit.py", "views/goals.py", "views/channels.py", "views/content.py", "views/review.py", "views/plan.py", "views/data.py"]
RANKS = ["engagements", "engagement_rate", "impressions", "views"]  # the Review page's ranking (metrics.views.RANK_KPIS)
PRESETS = ["this_quarter", "last_month", "last_quarter", "year_to_date"]


def demo_database() -> Path:
    from sample_data.demo import DEMO_GOALS, load_demo
    from storage.engine import make_engine
    from storage.goalsets import save_goal_set

    path = ROOT / "bench" / "out" / "demo.sqlite3"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(f"sqlite:///{path}")
        load_demo(engine)
        save_goal_set(engine, DEMO_GOALS.name, DEMO_GOALS.read_bytes())
        engine.dispose()
    return path


def page_reruns(url: str, runs: int) -> dict[str, float]:
    from streamlit.testing.v1 import AppTest

    os.environ["DATABASE_URL"] = url
    medians = {}
    for page in PAGES:
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        app.run()
        if page != "views/cockpit.py":
            app.switch_page(page).run()
        seconds = []
        for number in range(runs + 1):
            if page == "views/data.py":  # no period filter there: a change of the account field instead
                app.text_input(key="data_account").input(f"account {number}")
            elif page == "views/review.py":  # the quarter is chosen on the page: a change of the posts' ranking
                app.radio(key="review_rank_by").set_value(RANKS[number % len(RANKS)])
            elif page == "views/plan.py":  # a change of the plan's window (the plan has no sidebar period); no plan: a rerun
                windows = [widget for widget in app.date_input if widget.key == "plan_window"]
                if windows:
                    start, end = windows[0].value
                    windows[0].set_value((start + dt.timedelta(days=number + 1), end))
            else:
                app.selectbox(key="sidebar_preset_de").set_value(PRESETS[number % len(PRESETS)])
            started = time.perf_counter()
            app.run()
            if number:  # the first run after the switch warms the period caches of the new preset
                seconds.append(time.perf_counter() - started)
            assert not app.exception, app.exception
        medians[page] = statistics.median(seconds)
    return medians


def first_visits(url: str) -> dict[str, float]:
    """Each page's first visit after a start (a page switch in a new process, the Cockpit drawn first and four seconds
    given to the warm-up that follows it, as a reader's first click takes): what a new server costs a reader once."""
    from streamlit.testing.v1 import AppTest

    os.environ["DATABASE_URL"] = url
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()
    time.sleep(4.0)
    seconds = {}
    for page in PAGES[1:]:
        started = time.perf_counter()
        app.switch_page(page).run()
        seconds[page] = time.perf_counter() - started
        assert not app.exception, app.exception
    return seconds


def snapshots_of(copy: Path) -> None:
    """What a server that ran before leaves beside the database: the data and goals snapshots (storage.snapshot)."""
    from storage.engine import make_engine
    from storage.goalsets import current_goal_set
    from storage.snapshot import load_dataset_snapshot, load_goal_set

    engine = make_engine(f"sqlite:///{copy}")
    load_dataset_snapshot(engine)
    goal_set = current_goal_set(engine)
    if goal_set is not None:
        load_goal_set(engine, goal_set)
    engine.dispose()


def cold_start(database: Path | None, restart: bool = True) -> float:
    """``streamlit run`` to the first rendered Cockpit; ``restart``: the snapshots of an earlier run are there (a
    restart of the server), else not (the first start after new data). ``database`` None: the first start ever, on a
    new database file, which the dashboard fills with the demo company before it shows the Cockpit."""
    from playwright.sync_api import sync_playwright

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    copy = Path(tempfile.mkdtemp()) / "cold.sqlite3"
    if database is not None:
        shutil.copy(database, copy)
    if database is not None and restart:
        snapshots_of(copy)
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{copy}"}
    log = copy.with_suffix(".log")
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT,
        env=environment,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            )
            page = browser.new_page()
            while True:
                try:
                    page.goto(f"http://127.0.0.1:{port}/", timeout=2000)
                    break
                except Exception:  # the server is not listening yet
                    if server.poll() is not None or time.perf_counter() - started > 120:  # say why instead of waiting forever
                        raise RuntimeError(f"the server did not start: {log.read_text(errors='replace')[-2000:]}") from None
                    time.sleep(0.1)
            page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=120_000)
            seconds = time.perf_counter() - started
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--database", help="page reruns only, on this database URL (e.g. bench_agency.py's, in SQLite or PostgreSQL)")
    args = parser.parse_args()
    database = demo_database()
    print(f"{'page':<22} {'median rerun after a filter change':>36}")
    for page, seconds in page_reruns(args.database or f"sqlite:///{database}", args.runs).items():
        print(f"{page:<22} {seconds * 1000:>33.0f} ms")
    if args.database:
        return
    for page, seconds in first_visits(f"sqlite:///{database}").items():
        print(f"first visit after a start (a page switch): {page:<20} {seconds * 1000:>6.0f} ms")
    kinds = [(database, True, "a restart (snapshots there)"), (database, False, "the first start after new data (no snapshots)")]
    kinds.append((None, False, "the first start ever (new database, demo loaded)"))
    for source, restart, what in kinds:
        starts = [cold_start(source, restart) for _ in range(3)]
        shown = ", ".join(f"{s:.2f}" for s in starts)
        print(f"cold start to the first rendered Cockpit in Chromium, {what}: median {statistics.median(starts):.2f} s ({shown})")


if __name__ == "__main__":
    main()
