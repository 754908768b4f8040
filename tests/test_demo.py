"""The demo company: reproducible from its generator, imported by the real adapters, its goal report pinned."""

from __future__ import annotations

import json
import os
import re

import pytest

from ingest.goals_reader import load_goals
from metrics.engine import KpiEngine
from metrics.progress import Status, evaluate
from model.canonical import Grain
from sample_data.demo import DEMO_DIR, DEMO_EXPORT_DAY, DEMO_GOALS, DEMO_GOALS_YAML
from sample_data.demo.generate import build
from sample_data.demo.plan import DEMO_EVENTS, DEMO_PLAN
from storage.engine import make_engine
from storage.queries import load_dataset
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "demo_goals.json"


def test_committed_demo_files_are_what_the_generator_writes() -> None:
    written = build()
    plan_files = {DEMO_PLAN, DEMO_EVENTS}  # written by sample_data.demo.plan, checked in tests/test_plan.py
    committed = {
        str(p.relative_to(DEMO_DIR)): p.read_bytes()
        for p in DEMO_DIR.rglob("*")
        if p.is_file() and p.suffix in {".csv", ".xlsx", ".yaml"} and p not in plan_files
    }
    assert sorted(committed) == sorted(written)
    changed = [name for name, data in written.items() if committed[name] != data]
    assert changed == [], "run: .venv/bin/python -m sample_data.demo.generate"


def test_demo_accounts_cover_six_platforms_and_xing(demo_db: str) -> None:
    data = load_dataset(make_engine(demo_db))
    accounts = sorted({(p, a) for p, a in data.known_accounts()[["platform", "account"]].itertuples(index=False)})
    assert accounts == [
        ("facebook", "Haberland Antriebstechnik"),
        ("instagram", "haberland_karriere"),
        ("linkedin", "haberland-antriebstechnik"),
        ("other", "XING: Haberland Antriebstechnik"),
        ("tiktok", "haberland.azubis"),
        ("x", "HaberlandAG"),
        ("youtube", "Haberland TV"),
    ]
    assert data.daily["date"].min().date().isoformat() == "2025-01-01"
    assert data.daily["date"].max().date() == DEMO_EXPORT_DAY


def demo_report(demo_db: str):
    config = load_goals(DEMO_GOALS.name, DEMO_GOALS.read_bytes())
    data = load_dataset(make_engine(demo_db)).with_mapping(config.accounts, config.tags, config.manual_values)
    return config, evaluate(KpiEngine(data), config, DEMO_EXPORT_DAY)


def test_demo_goal_report_matches_the_golden_file(demo_db: str) -> None:
    _, report = demo_report(demo_db)
    rows = [r.to_dict() for r in report.key_results]
    roll_ups = {
        "objectives": {k: str(v.status) for k, v in report.objectives.items()},
        "departments": {k: str(v.status) for k, v in report.departments.items()},
    }
    current = json.dumps({"as_of": DEMO_EXPORT_DAY.isoformat(), "key_results": rows, **roll_ups}, ensure_ascii=False, indent=1, sort_keys=True)
    if os.environ.get("RESONANZ_UPDATE_GOLDEN"):
        GOLDEN.write_text(current + "\n", encoding="utf-8")
    assert current + "\n" == GOLDEN.read_text(encoding="utf-8"), "if the change is intended: RESONANZ_UPDATE_GOLDEN=1 ./test tests/test_demo.py"


def test_demo_statuses_cover_every_case(demo_db: str) -> None:
    _, report = demo_report(demo_db)
    assert {r.status for r in report.key_results} == set(Status)
    assert {o.department for o in load_goals(DEMO_GOALS.name, DEMO_GOALS.read_bytes()).objectives} == {"pr", "marketing", "sales", "hr", "service"}


def test_yaml_and_workbook_goals_are_the_same() -> None:
    workbook = load_goals(DEMO_GOALS.name, DEMO_GOALS.read_bytes())
    yaml_goals = load_goals(DEMO_GOALS_YAML.name, DEMO_GOALS_YAML.read_bytes())
    assert workbook.objectives == yaml_goals.objectives
    assert workbook.key_results == yaml_goals.key_results
    assert workbook.manual_values.equals(yaml_goals.manual_values)


@pytest.mark.parametrize("key", ["PR-1.1", "HR-1.3", "KS-1.1"])
def test_demo_key_results_by_hand(demo_db: str, key: str) -> None:
    """Three demo key results recomputed from the committed export files."""
    _, report = demo_report(demo_db)
    result = next(r for r in report.key_results if r.key_result.id == key)
    if key == "HR-1.3":  # applications, 2026-Q3 (over): manual values of July, August, September: 30 + m % 5 + 8
        assert result.actual == sum(30 + m % 5 + 8 for m in (19, 20, 21)) and result.status is Status.ACHIEVED
    elif key == "KS-1.1":  # response time: the last value before the export day (October: 6.5 - 0.12 x 22)
        assert result.actual == pytest.approx(3.86) and result.status is Status.ACHIEVED
    else:  # LinkedIn impressions Q4 so far: the 'Impressions (total)' column of the Q4 content export
        import openpyxl

        content = sorted((DEMO_DIR / "exports" / "linkedin").glob("*_content_*"))[-1]  # the newest quarter: Q4 2026
        book = openpyxl.load_workbook(content, read_only=True)
        header, *rows = list(book["Metrics"].iter_rows(min_row=2, values_only=True))
        book.close()
        column = header.index("Impressions (total)")
        assert result.actual == sum(row[column] for row in rows if row[0] >= "10/01/2026")


def _platform_headers() -> frozenset[str]:
    """Every header the native adapters know (normalised): table columns, Meta's tables, LinkedIn's demographic sheets."""
    from ingest.adapters import linkedin, meta
    from ingest.adapters.base import TableAdapter
    from ingest.parsing import normalise_header
    from ingest.registry import ADAPTERS

    names = [
        alias
        for adapter in ADAPTERS
        if isinstance(adapter, TableAdapter) and adapter.report.split("_")[0] != "generic"
        for c in adapter.columns
        for alias in c.aliases
    ]
    tables = [meta.POST_HEADERS, meta.FACEBOOK_HEADERS, meta.INSTAGRAM_HEADERS]
    names += [s for table in tables for headers in table.values() for s in meta.all_spellings(headers)]
    names += [s for headers, _ in meta.OVERVIEW_TITLES.values() for s in meta.all_spellings(headers)]
    names += [s for headers in (meta.DATE_HEADERS, meta.VALUE_HEADERS) for s in meta.all_spellings(headers)]
    names += [s for table in (linkedin.DIMENSION_HEADERS, linkedin.DEMOGRAPHIC_VALUE_HEADERS) for spellings in table.values() for s in spellings]
    return frozenset(normalise_header(n) for n in names)


def test_the_generator_holds_no_platform_header_of_its_own() -> None:
    """Headers come from the adapters' definitions: no string in the generator's source is a platform header."""
    import ast
    import inspect

    from ingest.parsing import normalise_header
    from sample_data.demo import generate

    known = _platform_headers()
    assert normalise_header("Impressions (total)") in known and normalise_header("Difference in followers from previous day") in known
    strings = {node.value for node in ast.walk(ast.parse(inspect.getsource(generate))) if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    # Canonical targets ("post_id", "_account_id") name columns, they are no headers; "Video" is a LinkedIn
    # content type (a cell value) that spells YouTube's id column in German; "New followers" is the name of a LinkedIn sheet.
    headers = {s for s in strings if not re.fullmatch(r"_?[a-z0-9_]+", s)} - {"Video", "New followers"}
    assert sorted(s for s in headers if normalise_header(s) in known) == []


def test_every_header_the_generator_writes_is_read_by_its_adapter() -> None:
    """A fresh run, imported folder by folder as the demo is: every file recognised, every header cell read."""
    from ingest.pipeline import read_batch
    from sample_data.demo import NAMED_ON_UPLOAD

    batches: dict[str, list[tuple[str, bytes]]] = {}
    for name, data in build().items():
        if name.startswith("exports/"):
            relative = name.removeprefix("exports/")
            batches.setdefault(relative.split("/")[0], []).append((relative, data))
    results = [r for folder, items in batches.items() for r in read_batch(items, reference_date=DEMO_EXPORT_DAY, account=NAMED_ON_UPLOAD.get(folder))]
    assert len(results) == sum(len(items) for items in batches.values()) == 184
    assert [r.file for r in results if r.status.value != "parsed" or not r.report] == []
    unread = [(r.file, i.params) for r in results for i in r.issues if i.code == "ingest.columns_not_read"]
    assert unread == []
    # The follower totals: Business Suite's Followers overview per quarter for Facebook and Instagram, TikTok's
    # FollowerHistory, XING's and (noted from the profiles in the generic template) LinkedIn's and X's.
    daily = [(r, r.frames[Grain.DAILY]) for r in results if Grain.DAILY in r.frames]
    totals = sorted((str(r.platform), r.file.rsplit("/", 1)[-1]) for r, frame in daily if frame["followers"].notna().any())
    assert totals == sorted(
        [(p, "Followers.csv") for p in ("facebook", "instagram") for _ in range(8)]
        + [("other", f"xing_tageswerte_{year}.csv") for year in (2025, 2026)]
        + [("linkedin", "linkedin_follower.csv"), ("x", "x_follower.csv")]
        + [("tiktok", "FollowerHistory.csv")]
    )
