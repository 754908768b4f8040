"""Hostile PowerPoint templates and editorial plan files (issue 10): refused before or in the isolated parser,
with a message naming the file, nothing stored, and this process' memory bounded."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable

import pytest

from ingest.plan_reader import read_plan_upload
from ingest.templates import check_template
from model.i18n import Language
from model.issues import Issue
from tests.hostile import bomb_member, declared_range_workbook, laughs_template, laughs_workbook, pptx_template, tiktok_workbook


def bounded(call: Callable[[], list[Issue]]) -> tuple[list[Issue], int]:
    """The issues ``call`` returns and the peak of memory it took in this process."""
    tracemalloc.start()
    try:
        issues = call()
        return issues, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


HOSTILE_TEMPLATES = {
    "billion laughs": (lambda: laughs_template(), "ingest.safety.dtd", {"part": "ppt/slideLayouts/slideLayout1.xml"}),
    "billion laughs behind a comment": (lambda: laughs_template(padding=8000), "ingest.safety.dtd", {"part": "ppt/slideLayouts/slideLayout1.xml"}),
    "zip bomb": (lambda: bomb_member(pptx_template(), "ppt/media/pad.bin"), "ingest.safety.zip_bomb", {"member": "ppt/media/pad.bin", "ratio": "1029"}),
    # A workbook is no deck: the child opens it as the pack writer would and says so.
    "a workbook as template": (lambda: tiktok_workbook(), "template.unusable", {}),
}


@pytest.mark.parametrize("case", list(HOSTILE_TEMPLATES))
def test_hostile_templates_are_refused_with_memory_bounded(case: str) -> None:
    build, code, params = HOSTILE_TEMPLATES[case]
    data = build()
    assert len(data) < 100_000
    issues, peak = bounded(lambda: check_template("vorlage.pptx", data))
    assert [(i.code, i.file) for i in issues] == [(code, "vorlage.pptx")]
    assert {k: v for k, v in issues[0].params if k in params} == params
    assert peak < 20 * 1024 * 1024


def test_a_workbook_as_template_says_what_to_give_instead() -> None:
    (issue,) = check_template("ziele.xlsx", tiktok_workbook())
    assert issue.text(Language.EN) == (
        "No pack can be built on this template (The template is not a PowerPoint file. Give a .pptx or .potx saved by PowerPoint.). "
        "Save it again in PowerPoint or choose another; without a template the pack uses the standard layout."
    )


def test_a_real_template_passes() -> None:
    assert check_template("vorlage.pptx", pptx_template()) == []


@pytest.mark.parametrize(
    "data",
    [b"not a deck", bytes(range(256)) * 12, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)],  # text, binary noise, an old .ppt (OLE)
    ids=["text", "binary", "ole"],
)
def test_what_is_no_zip_is_no_template(data: bytes) -> None:
    # Random bytes once got the export sniffer's "not a CSV or Excel export": the template has its own words.
    assert [i.code for i in check_template("vorlage.pptx", data)] == ["template.not_pptx"]


HOSTILE_PLANS = {
    "range in double quotes": (lambda: declared_range_workbook("A1:XFD2000", '"'), "ingest.safety.huge_range", {"where": "XFD2000"}),
    "range in single quotes": (lambda: declared_range_workbook("A1:XFD2000", "'"), "ingest.safety.huge_range", {"where": "XFD2000"}),
    "billion laughs": (lambda: laughs_workbook(tiktok_workbook()), "ingest.safety.dtd", {"part": "xl/worksheets/sheet1.xml"}),
    "billion laughs behind a comment": (lambda: laughs_workbook(tiktok_workbook(), padding=8000), "ingest.safety.dtd", {"part": "xl/worksheets/sheet1.xml"}),
    "zip bomb": (lambda: bomb_member(tiktok_workbook(), "xl/media/pad.bin"), "ingest.safety.zip_bomb", {"member": "xl/media/pad.bin", "ratio": "1029"}),
}


@pytest.mark.parametrize("kind", ["plan", "events"])
@pytest.mark.parametrize("case", list(HOSTILE_PLANS))
def test_hostile_plan_and_event_files_are_refused_with_memory_bounded(case: str, kind: str) -> None:
    build, code, params = HOSTILE_PLANS[case]
    data = build()
    parsed = None

    def read() -> list[Issue]:
        nonlocal parsed
        parsed = read_plan_upload("redaktionsplan.xlsx", data, kind=kind)
        return parsed.issues

    issues, peak = bounded(read)
    assert parsed is not None and (parsed.status, parsed.frames, parsed.tables) == ("error", {}, {})  # nothing to store
    assert [(i.code, i.file) for i in issues] == [(code, "redaktionsplan.xlsx")]
    assert {k: v for k, v in issues[0].params if k in params} == params
    assert peak < 20 * 1024 * 1024
