"""Import speed: a generated Meta Business Suite Facebook posts export, CSV and .xlsx, end to end.

For 10k and 100k rows it times the whole import (detect, safety checks, parse, validate, store
into a fresh SQLite file) and, as the baseline in the same run, plain
``pandas.read_excel(engine="openpyxl")`` reading the same .xlsx. Every measurement runs in its own
child process so its peak memory (max RSS) is its own. Prints medians; never fails.

    .venv/bin/python bench/bench_import.py [--sizes 10000 100000] [--runs 3] [--baseline-runs 1]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
HEADER = [
    "Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time", "Caption type", "Permalink",
    "Is crosspost", "Is share", "Post type", "Languages", "Custom labels", "Funded content status", "Data comment", "Date",
    "Views", "Reach", "Reactions, Comments and Shares", "Reactions", "Comments", "Shares", "Total clicks", "Link Clicks",
    "Other Clicks", "Matched Audience Targeting Consumption (Photo Click)", "Seconds viewed", "Average Seconds viewed",
    "Estimated earnings (USD)", "Ad impressions",
]
WORDS = ["Nachhaltigkeit", "Innovation", "Team", "Kunden", "Messe", "Produkt", "Zukunft", "Ausbildung", "Karriere", "Service", "Qualität", "Energie", "digital"]


def generate_rows(count: int) -> list[list[object]]:
    rng = random.Random(count)
    rows = []
    for i in range(count):
        reactions, comments, shares = rng.randint(0, 400), rng.randint(0, 60), rng.randint(0, 40)
        link, other = rng.randint(0, 300), rng.randint(0, 200)
        text = " ".join(rng.choices(WORDS, k=rng.randint(8, 40))) + "\n\n#resonanz #demo"
        minute = i * 7
        rows.append([
            str(900000000000000 + i), "100066300057039", "Beispiel GmbH", "", text, "" if i % 3 else rng.randint(10, 300),
            f"{1 + (minute // 1440) % 12:02d}/{1 + (minute // 60) % 28:02d}/2026 {(minute // 60) % 24:02d}:{minute % 60:02d}",
            "", f"https://www.facebook.com/beispiel/posts/{900000000000000 + i}", "No", "No", rng.choice(["Photos", "Videos", "Links", "Reels"]),
            "", "", "", "", "Lifetime", rng.randint(50, 50000), rng.randint(40, 30000), reactions + comments + shares,
            reactions, comments, shares, link + other, link, other, 0, rng.randint(0, 9000), rng.randint(0, 30), "", "",
        ])
    return rows


def write_inputs(count: int) -> tuple[Path, Path]:
    import csv

    import xlsxwriter

    OUT.mkdir(parents=True, exist_ok=True)
    csv_path, xlsx_path = OUT / f"facebook_posts_{count}.csv", OUT / f"facebook_posts_{count}.xlsx"
    if csv_path.exists() and xlsx_path.exists():
        return csv_path, xlsx_path
    rows = generate_rows(count)
    with csv_path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    # shared strings, typed numbers, links left as text: what Excel saves from the CSV
    book = xlsxwriter.Workbook(str(xlsx_path), {"strings_to_urls": False, "strings_to_numbers": False})
    sheet = book.add_worksheet("Sheet1")
    sheet.write_row(0, 0, HEADER)
    for number, row in enumerate(rows, start=1):
        sheet.write_row(number, 0, row)
    book.close()
    return csv_path, xlsx_path


def child(mode: str, path: str) -> None:
    """One measurement, in its own process: prints seconds and rows."""
    sys.path.insert(0, str(ROOT))
    started = time.perf_counter()
    if mode == "openpyxl":
        import pandas as pd

        rows = len(pd.read_excel(path, engine="openpyxl"))
    else:
        import datetime as dt

        from ingest.pipeline import read_batch
        from storage.engine import make_engine
        from storage.imports import store_results

        engine = make_engine(f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
        started = time.perf_counter()  # the schema migration is not part of an import
        [result] = store_results(engine, read_batch([(Path(path).name, Path(path).read_bytes())], reference_date=dt.date(2026, 11, 26)))
        assert result.status.value == "imported", result.issues
        rows = result.rows["post"]
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    reader = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the isolated workbook reader
    print(json.dumps({"seconds": time.perf_counter() - started, "rows": rows, "peak_kb": max(own, reader)}))


def measure(mode: str, path: Path, runs: int) -> dict[str, float]:
    seconds, peaks = [], []
    for _ in range(runs):
        done = subprocess.run([sys.executable, __file__, "--child", mode, str(path)], capture_output=True, text=True, check=True)
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        seconds.append(figures["seconds"])
        peaks.append(figures["peak_kb"] / 1024)
    return {"median_s": statistics.median(seconds), "min_s": min(seconds), "peak_mb": max(peaks)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline-runs", type=int, default=3)
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    print(f"{'rows':>7} {'input':<6} {'what':<28} {'median s':>9} {'rows/s':>9} {'peak MB':>8}")
    for size in args.sizes:
        csv_path, xlsx_path = write_inputs(size)
        baseline = measure("openpyxl", xlsx_path, args.baseline_runs)
        for label, mode, path, runs in [
            ("csv", "resonanz", csv_path, args.runs), ("xlsx", "resonanz", xlsx_path, args.runs), ("xlsx", "openpyxl", xlsx_path, 0),
        ]:
            figures = baseline if mode == "openpyxl" else measure(mode, path, runs)
            what = "pandas.read_excel(openpyxl)" if mode == "openpyxl" else "Resonanz import end to end"
            print(f"{size:>7} {label:<6} {what:<28} {figures['median_s']:>9.2f} {size / figures['median_s']:>9,.0f} {figures['peak_mb']:>8.0f}")
            if label == "xlsx" and mode == "resonanz":
                speedup = baseline["median_s"] / figures["median_s"]
                print(f"{'':>7} {'':<6} {'-> faster than openpyxl read':<28} {speedup:>8.1f}x")
    print("peak MB = the larger max RSS of the importing process and of its isolated workbook reader")


if __name__ == "__main__":
    main()
