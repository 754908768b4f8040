"""Import speed: a generated Meta Business Suite Facebook posts export, CSV and .xlsx, end to end.

For 10k and 100k rows it times the whole import (detect, safety checks, parse, validate, store into
a fresh SQLite file) and, as the baseline in the same run, plain ``pandas.read_excel(engine="openpyxl")``
reading the same .xlsx. Each measurement series runs in its own process, as the dashboard does:
the parser process is started first (the app starts it with the server); the first import is
"cold", the next ones re-import the same file after undoing it ("warm", the steady state of a
running dashboard). Prints medians and peak memory; never fails.

``--end-to-end`` times what the issue asks instead: ``cli.py import`` as a new process (start included) of the
issue's 20-column inputs (100k rows as .xlsx and CSV, 500k rows as CSV) into an empty, migrated SQLite file and a
new PostgreSQL database (the tests' throwaway server unless ``--postgres``), for this checkout and a ``--baseline``
revision (a git worktree, runs alternating), against openpyxl reading the .xlsx in the same run.

    .venv/bin/python bench/bench_import.py [--sizes 10000 100000] [--runs 4] [--baseline-runs 3]
    .venv/bin/python bench/bench_import.py --end-to-end [--baseline REV] [--postgres URL] [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import resource
import shutil
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
]  # fmt: skip
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
        ])  # fmt: skip
    return rows


# The issue's 20-column export: Business Suite's posts columns without those Resonanz has no use for.
COLUMNS_20 = [
    "Post ID", "Page ID", "Page name", "Description", "Duration (sec)", "Publish time", "Permalink", "Post type", "Views", "Reach",
    "Reactions, Comments and Shares", "Reactions", "Comments", "Shares", "Total clicks", "Link Clicks", "Other Clicks",
    "Seconds viewed", "Average Seconds viewed", "Ad impressions",
]  # fmt: skip


def write_inputs(count: int, width: int = len(HEADER)) -> tuple[Path, Path]:
    """The generated export as CSV and .xlsx: all 31 columns, or (``width=20``) the issue's 20."""
    import xlsxwriter

    OUT.mkdir(parents=True, exist_ok=True)
    suffix = "" if width == len(HEADER) else f"_{width}cols"
    csv_path, xlsx_path = OUT / f"facebook_posts_{count}{suffix}.csv", OUT / f"facebook_posts_{count}{suffix}.xlsx"
    if csv_path.exists() and xlsx_path.exists():
        return csv_path, xlsx_path
    rows = generate_rows(count)
    header = HEADER
    if width != len(HEADER):
        keep = [HEADER.index(name) for name in COLUMNS_20]
        header, rows = COLUMNS_20, [[row[i] for i in keep] for row in rows]
    with csv_path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    # shared strings, typed numbers, links left as text: what Excel saves from the CSV
    book = xlsxwriter.Workbook(str(xlsx_path), {"strings_to_urls": False, "strings_to_numbers": False})
    sheet = book.add_worksheet("Sheet1")
    sheet.write_row(0, 0, header)
    for number, row in enumerate(rows, start=1):
        sheet.write_row(number, 0, row)
    book.close()
    return csv_path, xlsx_path


def child(mode: str, path: str, runs: int) -> None:
    """One measurement series in its own process; prints seconds per run and the peak memory."""
    sys.path.insert(0, str(ROOT))
    seconds = []
    if mode == "openpyxl":
        import pandas as pd

        for _ in range(runs):
            started = time.perf_counter()
            pd.read_excel(path, engine="openpyxl")
            seconds.append(time.perf_counter() - started)
    else:
        from ingest.isolation import parser_process
        from ingest.pipeline import read_batch
        from storage.engine import make_engine
        from storage.imports import store_results, undo_import

        engine = make_engine(f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
        parser_process().start()  # the dashboard starts its parser process with the server
        data = Path(path).read_bytes()
        for _ in range(runs):
            started = time.perf_counter()
            [result] = store_results(engine, read_batch([(Path(path).name, data)], reference_date=dt.date(2026, 11, 26)))
            seconds.append(time.perf_counter() - started)
            assert result.status.value == "imported", result.issues
            undo_import(engine, result.import_id)  # so the same bytes import again, not as a duplicate
        parser_process().close()  # ended, so that its peak memory counts below
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({"seconds": seconds, "peak_mb": peak / 1024}))


def measure(mode: str, path: Path, runs: int) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--child", mode, str(path), str(runs)], capture_output=True, text=True, check=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    seconds = figures["seconds"]
    if mode == "openpyxl":
        return {"cold": statistics.median(seconds), "warm": statistics.median(seconds), "peak": figures["peak_mb"]}
    return {"cold": seconds[0], "warm": statistics.median(seconds[1:]), "peak": figures["peak_mb"]}


TIMED_COMMAND = """
import resource, subprocess, sys, time
started = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def timed_command(command: list[str], cwd: Path) -> tuple[float, float]:
    """Seconds and the peak memory (MB, the largest process: the command or its parser child) of one command run."""
    done = subprocess.run([sys.executable, "-c", TIMED_COMMAND, *command], cwd=cwd, check=True, capture_output=True, text=True)
    seconds, peak = done.stdout.split()
    return float(seconds), float(peak)


def openpyxl_read(path: Path) -> float:
    """pandas.read_excel(engine="openpyxl") reading the file, in a process of its own."""
    code = "import sys, time, pandas as pd; t = time.perf_counter(); pd.read_excel(sys.argv[1], engine='openpyxl'); print(time.perf_counter() - t)"
    return float(subprocess.run([sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True).stdout)


def fresh_store(store: str, folder: Path, server: str | None) -> str:
    """An empty, migrated database: a new SQLite file, or a new database on the PostgreSQL server."""
    sys.path.insert(0, str(ROOT))
    from storage.engine import make_engine

    if store == "SQLite":
        url = f"sqlite:///{folder / f'import-{time.monotonic_ns()}.sqlite3'}"
    else:
        sys.path.insert(0, str(ROOT / "bench"))
        from bench_agency import postgres_database

        url = postgres_database(server or "", "resonanz_bench_import")
    make_engine(url).dispose()  # the schema is there, as in a dashboard's store: the run times the import only
    return url


def end_to_end(args: argparse.Namespace) -> None:
    """``cli.py import`` of the issue's inputs, process start included, into SQLite and PostgreSQL, for this checkout and
    a baseline revision (runs alternating), against openpyxl only reading the .xlsx in the same run."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_agency import postgres_server
    from bench_demo import worktree

    folder = Path(tempfile.mkdtemp(prefix="resonanz-import-"))
    trees = {"this checkout": ROOT}
    if args.baseline:
        trees[f"baseline {args.baseline}"] = worktree(args.baseline, folder)
    server = postgres_server(args.postgres)
    stores = ["SQLite"] + (["PostgreSQL"] if server else [])
    inputs = [("xlsx", write_inputs(100_000, 20)[1]), ("csv", write_inputs(100_000, 20)[0]), ("csv", write_inputs(500_000, 20)[0])]
    try:
        read = [openpyxl_read(inputs[0][1]) for _ in range(args.baseline_runs)]
        print(f"pandas.read_excel(openpyxl) of the 100k .xlsx: median {statistics.median(read):.2f} s ({', '.join(f'{r:.2f}' for r in read)})")
        print(f"{'input':<22} {'store':<11} {'tree':<22} {'median s':>9} {'x openpyxl':>10} {'peak MB':>8}  runs")
        for label, path in inputs:
            rows = "500k" if "500000" in path.name else "100k"
            for store in stores:
                figures: dict[str, list[tuple[float, float]]] = {tree: [] for tree in trees}
                for _ in range(args.runs):
                    for tree, where in trees.items():
                        url = fresh_store(store, folder, server)
                        figures[tree].append(timed_command([sys.executable, "cli.py", "import", "--db", url, "--as-of", "2026-11-26", str(path)], where))
                for tree, runs in figures.items():
                    median = statistics.median(s for s, _ in runs)
                    print(
                        f"{rows + ' ' + label + ' (20 cols)':<22} {store:<11} {tree:<22} {median:>9.2f} {statistics.median(read) / median:>9.1f}x "
                        f"{max(p for _, p in runs):>8.0f}  {', '.join(f'{s:.2f}' for s, _ in runs)}"
                    )
    finally:
        if args.baseline:
            subprocess.run(["git", "worktree", "remove", "--force", str(trees[f"baseline {args.baseline}"])], cwd=ROOT, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=4, help="imports per series: the first cold, the rest warm")
    parser.add_argument("--baseline-runs", type=int, default=3)
    parser.add_argument("--end-to-end", action="store_true", help="cli.py import, process start included, SQLite and PostgreSQL")
    parser.add_argument("--baseline", help="with --end-to-end: a git revision to compare with, runs alternating")
    parser.add_argument("--postgres", help="with --end-to-end: a PostgreSQL server URL (default: the tests' throwaway server)")
    parser.add_argument("--child", nargs=3)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return
    if args.end_to_end:
        end_to_end(args)
        return
    print(f"{'rows':>7} {'input':<5} {'what':<30} {'cold s':>7} {'warm s':>7} {'rows/s':>8} {'x openpyxl':>10} {'peak MB':>8}")
    for size in args.sizes:
        csv_path, xlsx_path = write_inputs(size)
        baseline = measure("openpyxl", xlsx_path, args.baseline_runs)
        for label, path in (("csv", csv_path), ("xlsx", xlsx_path)):
            figures = measure("resonanz", path, args.runs)
            print(
                f"{size:>7} {label:<5} {'Resonanz import end to end':<30} {figures['cold']:>7.2f} {figures['warm']:>7.2f} "
                f"{size / figures['warm']:>8,.0f} {baseline['warm'] / figures['warm']:>9.1f}x {figures['peak']:>8.0f}"
            )
        print(
            f"{size:>7} {'xlsx':<5} {'pandas.read_excel(openpyxl)':<30} {baseline['cold']:>7.2f} {baseline['warm']:>7.2f} "
            f"{size / baseline['warm']:>8,.0f} {'1.0x':>10} {baseline['peak']:>8.0f}"
        )
    print("cold = first import after the parser process started; warm = median of the re-imports after it (undo, import again);")
    print("openpyxl: median of its runs. x openpyxl = openpyxl read / warm import. peak MB = max RSS of importing process or parser.")


if __name__ == "__main__":
    main()
