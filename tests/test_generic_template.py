"""The generic template (sample_data/templates) in German and English, CSV and XLSX."""

from __future__ import annotations

import csv
import io

import pandas as pd

from model.canonical import Grain
from model.results import Status
from tests.conftest import ROOT, read_one
from tests.hostile import workbook_bytes

TEMPLATES = ROOT / "sample_data" / "templates"


def test_german_daily_template_with_decimal_commas() -> None:
    result = read_one("vorlage_tageswerte.csv", (TEMPLATES / "vorlage_tageswerte.csv").read_bytes())
    assert (result.status, result.platform, result.report, result.account) == (Status.PARSED, "other", "generic_daily", "XING: Beispiel GmbH")
    assert result.totals == {"daily": {"impressions": 2230, "reach": 1532, "engagements": 74, "clicks": 21, "followers_gained": 10}}
    assert result.frames[Grain.DAILY]["followers"].tolist() == [2310.0, 2314.0]  # a stock: stored per day, never totalled


def test_english_post_template_as_xlsx() -> None:
    rows = list(csv.reader(io.StringIO((TEMPLATES / "template_posts.csv").read_text(encoding="utf-8"))))
    typed = [rows[0]] + [r[:7] + [float(v) for v in r[7:]] for r in rows[1:]]
    result = read_one("template.xlsx", workbook_bytes(typed, title="Posts"))
    assert (result.status, result.report) == (Status.PARSED, "generic_posts")
    posts = result.frames[Grain.POST]
    assert posts["published_at"].tolist() == [pd.Timestamp("2026-10-01 09:30", tz="UTC"), pd.Timestamp("2026-10-03 14:00", tz="UTC")]
    assert result.totals["post"] == {"impressions": 3460, "reactions": 86, "comments": 13, "shares": 17, "clicks": 32}
