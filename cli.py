"""Resonanz on the command line: the same core as the dashboard, for automation and acceptance.

    python cli.py import [--db URL] [--json] [--platform P] [--account A] [--as-of DATE] PATH...

Exit status: 0 when every file was handled (duplicates and unsupported files included), 1 when a
file failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from ingest.canonical import Platform
from ingest.pipeline import FileResult, Status, read_batch

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 by itself; keep the message short
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="resonanz", description="Resonanz: social media KPI cockpit")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    imp = commands.add_parser("import", help="import exports: files, folders or .zip")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--db", help="database URL (default: DATABASE_URL, else the embedded SQLite file)")
    imp.add_argument("--json", action="store_true", help="print one JSON array with an object per file")
    imp.add_argument("--platform", choices=[str(p) for p in Platform], help="platform of files that do not name it (Meta overview files)")
    imp.add_argument("--account", help="account name for exports that do not name it")
    imp.add_argument("--as-of", type=dt.date.fromisoformat, help="day of reference for dates without a year (default: today)")
    return parser


def iter_files(paths: Sequence[str]) -> Iterator[tuple[str, bytes]]:
    """(display name, bytes) of every file below the given paths; names keep the folder structure."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                yield str(file.relative_to(path.parent)), file.read_bytes()
        elif path.is_file():
            yield path.name, path.read_bytes()
        else:
            raise UsageError(f"no such file or folder: {raw}")


def run_import(args: argparse.Namespace) -> int:
    from storage.engine import make_engine
    from storage.imports import store_results

    items = list(iter_files(args.paths))
    results = read_batch(
        items,
        reference_date=args.as_of or dt.date.today(),
        platform=Platform(args.platform) if args.platform else None,
        account=args.account,
    )
    store_results(make_engine(args.db), results)
    if args.json:
        json.dump([r.to_dict() for r in results], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for result in results:
            print(_summary(result))
    return EXIT_FAILED if any(r.status is Status.ERROR for r in results) else EXIT_OK


def _summary(result: FileResult) -> str:
    data = result.to_dict()
    rows = ", ".join(f"{n} {g}" for g, n in result.rows.items()) or "no rows"
    line = f"{data['status']:<11} {result.file}: {data['platform'] or '-'} {data['report'] or ''} [{data['account'] or '-'}] {rows}"
    if data["date_from"]:
        line += f", {data['date_from']}..{data['date_to']}"
    details = [f"    {issue}" for issue in result.issues if issue.level != "info" or result.status is not Status.IMPORTED]
    return "\n".join([line, *details])


COMMANDS = {"import": run_import}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"resonanz: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
