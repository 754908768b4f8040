"""Suspicious overlaps (issue 8, class 10): a newer import that lowers a post's lifetime counters still
wins, and the import says which posts and figures it lowered. Expected figures read with the csv module."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from model.canonical import Grain
from model.i18n import Language
from model.results import FileResult, Status
from storage.imports import store_results, undo_import
from storage.queries import current
from storage.schema import imports
from tests.conftest import read_files, read_one
from tests.csvfiles import csv_bytes, csv_rows

JANUARY = "facebook/leonmpofu/Jan-14-2025_Apr-14-2025_1396269028466733.csv"
MARCH = "facebook/leonmpofu/Mar-18-2025_Apr-14-2025_553302954456165.csv"
VIEWS, REACH = 17, 18  # the first "Views" and "Reach" columns of both exports


def _lowered(result: FileResult) -> dict[str, str] | None:
    found = [dict(i.params) for i in result.issues if i.code == "storage.counters_lowered"]
    assert len(found) <= 1
    return found[0] if found else None


def test_a_newer_export_with_zero_views_wins_and_is_reported(real_exports: Path, engine) -> None:
    rows = csv_rows(real_exports / JANUARY)
    zeroed = [i for i, r in enumerate(rows) if i and int(r[VIEWS]) > 0][:14]
    variant = [[*r[:VIEWS], "0", *r[VIEWS + 1 :]] if i in zeroed else r for i, r in enumerate(rows)]
    lost = sum(int(rows[i][VIEWS]) for i in zeroed)
    [older] = store_results(engine, read_files((JANUARY, (real_exports / JANUARY).read_bytes())))
    assert _lowered(older) is None  # nothing stored before: nothing to compare
    [newer] = store_results(engine, [read_one("Jan-14-2025_Apr-14-2025 again.csv", csv_bytes(variant))])
    assert newer.status is Status.IMPORTED
    params = _lowered(newer)
    assert params is not None
    assert params["count"] == "14"
    assert params["summary"] == f"impressions {lost} -> 0 (14)"
    assert params["posts"].startswith(f"{rows[zeroed[0]][0]} (impressions {int(rows[zeroed[0]][VIEWS])} -> 0)")
    [warned] = [i for i in newer.issues if i.code == "storage.counters_lowered"]
    german = warned.text(Language.DE)  # the reader's metric names and numbers, not the stored keys
    german_number = "{:,}".format
    assert f"(Summe vorher → nachher, in Klammern die Zahl der Beiträge): Impressionen {german_number(lost).replace(',', '.')} → 0 (14)" in german
    assert f"{rows[zeroed[0]][0]} (Impressionen {german_number(int(rows[zeroed[0]][VIEWS])).replace(',', '.')} → 0)" in german
    assert "impressions" not in german and "->" not in german
    # Newest still wins; the warning is kept with the import; undo restores the older figures.
    assert current(engine, Grain.POST)["impressions"].sum() == 15982 - lost
    with engine.connect() as connection:
        stored = connection.execute(select(imports.c.issues_json).where(imports.c.id == newer.import_id)).scalar_one()
    assert "storage.counters_lowered" in stored
    assert undo_import(engine, newer.import_id)
    assert current(engine, Grain.POST)["impressions"].sum() == 15982


def test_the_real_march_export_lowers_views_of_the_overlapping_posts(real_exports: Path, engine) -> None:
    january, march = csv_rows(real_exports / JANUARY), csv_rows(real_exports / MARCH)
    before = {r[0]: r for r in january[1:]}
    expected: dict[str, tuple[int, float, float]] = {}
    for column, name in ((VIEWS, "impressions"), (REACH, "reach")):
        pairs = [(float(before[r[0]][column]), float(r[column])) for r in march[1:] if r[0] in before and r[column] and before[r[0]][column]]
        down = [(old, new) for old, new in pairs if new < old]
        if down:
            expected[name] = (len(down), sum(o for o, _ in down), sum(n for _, n in down))
    assert expected["impressions"][0] > 0  # every Views value of the March export is 0
    store_results(engine, read_files((JANUARY, (real_exports / JANUARY).read_bytes())))
    [result] = store_results(engine, read_files((MARCH, (real_exports / MARCH).read_bytes())))
    summary = _lowered(result)["summary"]
    for name, (posts, old, new) in expected.items():
        assert f"{name} {old:.0f} -> {new:.0f} ({posts})" in summary


def test_growing_counters_say_nothing(real_exports: Path, engine) -> None:
    rows = csv_rows(real_exports / JANUARY)
    grown = [r if not i else [*r[:VIEWS], str(int(r[VIEWS]) + 5), *r[VIEWS + 1 :]] for i, r in enumerate(rows)]
    store_results(engine, read_files((JANUARY, (real_exports / JANUARY).read_bytes())))
    [result] = store_results(engine, [read_one("grown.csv", csv_bytes(grown))])
    assert result.status is Status.IMPORTED and _lowered(result) is None
