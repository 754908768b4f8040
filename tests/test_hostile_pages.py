"""Hostile uploads through the pages (issue 10): the page says why, stores nothing and keeps running."""

from __future__ import annotations

import re

from storage.access import read_audit
from storage.engine import make_engine
from storage.goalsets import current_goal_set
from tests.conftest import ROOT
from tests.hostile import bomb_member, laughs_template, laughs_workbook
from tests.test_app import database, goal_set_count, run  # noqa: F401  (database is a fixture)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_a_billion_laughs_goals_workbook_is_refused_on_the_page_and_nothing_is_stored(database: str) -> None:  # noqa: F811
    before, stored = goal_set_count(database), current_goal_set(make_engine(database))
    hostile = laughs_workbook((ROOT / "sample_data" / "demo" / "ziele.xlsx").read_bytes())
    app = run("views/goals.py")
    app.file_uploader(key="goals_upload").set_value(("ziele.xlsx", hostile, XLSX)).run()
    assert not app.exception, app.exception
    assert app.error[0].value.startswith("Die Arbeitsmappe wurde nicht übernommen")
    message = app.table[0].value.iloc[0]["Meldung"]
    assert "xl/worksheets/sheet1.xml" in message and "DTD" in message
    assert goal_set_count(database) == before
    assert current_goal_set(make_engine(database)) == stored
    assert read_audit(make_engine(database), action="goal_set")["result"].tolist() == ["failed"]


def test_a_zip_bomb_goals_workbook_is_refused_on_the_page(database: str) -> None:  # noqa: F811
    before = goal_set_count(database)
    hostile = bomb_member((ROOT / "sample_data" / "demo" / "ziele.xlsx").read_bytes(), "xl/media/pad.bin")
    app = run("views/goals.py")
    app.file_uploader(key="goals_upload").set_value(("ziele.xlsx", hostile, XLSX)).run()
    assert not app.exception, app.exception
    assert "xl/media/pad.bin" in app.table[0].value.iloc[0]["Meldung"]
    assert goal_set_count(database) == before


def test_a_hostile_template_is_refused_before_the_pack_is_built(database: str) -> None:  # noqa: F811
    app = run("views/review.py")
    app.file_uploader(key="review_template").set_value(("vorlage.pptx", laughs_template(), "application/vnd.ms-powerpoint"))
    app.button(key="review_build").click().run()
    assert not app.exception, app.exception
    shown = re.sub(r"\\(.)", r"\1", app.error[0].value).replace("\u2060", "")  # as the reader sees it (plain() escapes Markdown)
    assert shown.startswith("Die Vorlage ist nicht nutzbar: vorlage.pptx: Der Arbeitsmappen-Teil „ppt/slideLayouts/slideLayout1.xml“ deklariert eine DTD")
    assert "review_files" not in app.session_state  # no pack was built on it
    failed = read_audit(make_engine(database), result="failed")  # the attempt is in the audit log, with why
    assert failed[["action", "object_type", "object_id"]].values.tolist() == [["pack_download", "template", "vorlage.pptx"]]
    assert failed.loc[0, "reason"].startswith("ingest.safety")


def test_a_mistyped_review_period_is_answered_in_german_and_shown_as_written(database: str) -> None:  # noqa: F811
    app = run("views/review.py")
    app.text_input[0].set_value("$5 *Q5* 2026").run()
    assert not app.exception, app.exception
    [shown] = [e.value for e in app.error]
    assert shown.startswith("„\\$5 \\*Q5\\* 2026“ ist kein Zeitraum")  # escaped: no LaTeX, no italics
    assert "2026-Q4, 2026-11" in shown and "There is no" not in shown
