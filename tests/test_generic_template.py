"""The generic template (sample_data/templates) in German and English, CSV and XLSX."""

from __future__ import annotations

import csv
import io

import pandas as pd

from model.canonical import Grain
from model.i18n import Language
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
    # Written as the company's wall clock (Europe/Berlin, summer time in October): 09:30 there is 07:30 UTC
    assert posts["published_at"].tolist() == [pd.Timestamp("2026-10-01 07:30", tz="UTC"), pd.Timestamp("2026-10-03 12:00", tz="UTC")]
    assert result.totals["post"] == {"impressions": 3460, "reactions": 86, "comments": 13, "shares": 17, "clicks": 32}


def test_a_native_channel_stores_under_its_platform_and_account() -> None:
    """LinkedIn's page exports and X's exports carry no follower total: noted in the template with the platform
    as channel, it belongs to that platform's account (not to a second account under "other")."""
    data = "Kanal;Konto;Datum;Follower\nLinkedIn;haberland-antriebstechnik;01.10.2026;5230\nLinkedIn;haberland-antriebstechnik;01.11.2026;5301\n"
    result = read_one("linkedin_follower.csv", data.encode("utf-8"))
    assert (result.status, result.platform, result.report, result.account) == (Status.PARSED, "linkedin", "generic_daily", "haberland-antriebstechnik")
    daily = result.frames[Grain.DAILY]
    assert daily["platform"].tolist() == ["linkedin", "linkedin"]
    assert daily["followers"].tolist() == [5230.0, 5301.0]
    twitter = read_one("x.csv", b"channel,account,date,followers\nTwitter,HaberlandAG,2026-11-01,1702\nXING,Haberland,2026-11-01,3170\n")
    assert twitter.frames[Grain.DAILY][["platform", "account"]].values.tolist() == [["x", "HaberlandAG"], ["other", "XING: Haberland"]]
    assert twitter.platform == "other"  # rows of two platforms: the file stays the template's


def test_template_times_are_the_company_s_wall_clock_and_an_offset_is_kept() -> None:
    """A new user wrote "03.11.2026 10:00" into the template and the Content page showed 11:00: read as UTC."""
    from model.timezones import local_times

    data = "Kanal;Konto;Beitrags-ID;Veröffentlicht am;Impressionen\nXING;Beispiel;a;03.11.2026 10:00;5\nXING;Beispiel;b;03.07.2026 10:00;7\n"
    posts = read_one("vorlage.csv", data.encode("utf-8")).frames[Grain.POST]
    assert posts["published_at"].tolist() == [pd.Timestamp("2026-11-03 09:00", tz="UTC"), pd.Timestamp("2026-07-03 08:00", tz="UTC")]
    assert local_times(posts["published_at"]).dt.strftime("%H:%M").tolist() == ["10:00", "10:00"]  # as the Content page shows them
    days_only = "Kanal;Konto;Beitrags-ID;Veröffentlicht am;Impressionen\nXING;Beispiel;a;03.11.2026;5\n"  # a day without a time
    assert read_one("tage.csv", days_only.encode()).frames[Grain.POST]["published_at"].iloc[0] == pd.Timestamp("2026-11-03", tz="UTC")
    offsets = "channel,account,post_id,published_at,impressions\nXING,Beispiel,a,2026-11-03T10:00:00+00:00,5\n"
    assert read_one("offsets.csv", offsets.encode()).frames[Grain.POST]["published_at"].iloc[0] == pd.Timestamp("2026-11-03 10:00", tz="UTC")


def test_formula_cells_without_a_stored_result_are_said_not_read_as_empty_silently() -> None:
    """A new user's file written by a script: '=40+2' impressions were read as missing without a word."""
    import zipfile

    rows = [["Kanal", "Konto", "Datum", "Impressionen"], ["XING", "Beispiel", "01.11.2026", 100], ["XING", "Beispiel", "02.11.2026", "=40+2"]]
    rows.append(["XING", "Beispiel", "03.11.2026", "=1+1"])
    data = workbook_bytes(rows, title="Tage")
    result = read_one("formeln.xlsx", data)
    [said] = [i for i in result.issues if i.code == "ingest.formulas_without_values"]
    assert (said.level, said.sheet, dict(said.params)) == ("warning", "Tage", {"count": "2", "cell": "D3"})
    assert "2 Zelle(n) enthalten eine Formel ohne gespeichertes Ergebnis (zuerst D3)" in said.text(Language.DE)
    assert result.frames[Grain.DAILY]["impressions"].tolist()[0] == 100.0
    # As Excel saves it, with each result beside its formula: nothing to say
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(b"<f>40+2</f><v></v>", b"<f>40+2</f><v>42</v>").replace(b"<f>1+1</f><v></v>", b"<f>1+1</f><v>2</v>")
    saved = io.BytesIO()
    with zipfile.ZipFile(saved, "w") as target:
        for name, content in parts.items():
            target.writestr(name, content)
    recalculated = read_one("formeln.xlsx", saved.getvalue())
    assert not [i for i in recalculated.issues if i.code == "ingest.formulas_without_values"]
    assert recalculated.frames[Grain.DAILY]["impressions"].tolist() == [100.0, 42.0, 2.0]
