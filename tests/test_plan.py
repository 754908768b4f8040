"""The editorial plan: reading plans, matching them to posts, plan KPIs, storage and ``cli.py plan``.

The golden fixture: 10 planned items and 9 published posts over two ISO weeks (2026-W45, W46).
Eight items are fulfilled (one of them a day late), two are not: item 5 (X, 06.11.) has an unrelated
post on its channel and day (the unplanned one) and item 10 (X, 13.11.) has none. By hand:
fulfilment 8/10, unplanned 1/9; W45 4/5 fulfilled, 1/5 posts unplanned; W46 4/5 and 0/4.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

from ingest.plan_reader import read_plan, read_plan_upload
from ingest.safety import Container
from metrics.plan import carries_message, fold, key_message_share, match_plan, plan_kpis_by, summarise
from model.canonical import Grain, Platform, conform
from model.issues import IngestError
from model.results import FileResult, Status
from storage.imports import store_results
from storage.plan import current_plan, decide_match, match_decisions, plan_history, save_plan, undo_plan
from tests.conftest import ROOT

PLAN_HEADER = "Datum;Uhrzeit;Kanal;Konto;Abteilung;Thema;Kampagne;Kernbotschaft;Hashtags;Link;Text"
PLAN_ROWS = (
    "02.11.2026;10:00;LinkedIn;Haberland;HR;Ausbildung;Azubi26;Ausbildung mit Zukunft;#azubi;;Azubi-Start bei Haberland",
    "03.11.2026;09:00;Facebook;Haberland;Marketing;Messe;;;#messe;;Messe Hannover: Besuchen Sie uns in Halle 7",
    "04.11.2026;12:00;Instagram;haberland;Marketing;Produktion;;;#fertigung;;Blick in die Fertigung",
    "05.11.2026;08:30;LinkedIn;Haberland;Sales;Produkt;G7;;;https://haberland.example/g7?utm_campaign=g7launch;Neues Getriebe G7 vorgestellt",
    "06.11.2026;11:00;X;Haberland;Kundenservice;Service;;;;;Servicezeiten an den Feiertagen im Dezember",
    "09.11.2026;10:00;LinkedIn;Haberland;HR;Karriere;;;;;Karriere-Tag am Standort Lüdenscheid",
    "10.11.2026;10:00;Facebook;Haberland;Sales;Kundenstory;;;#kundenstory;;Kundenstory: Windpark Nord",
    "11.11.2026;15:00;Instagram;Haberland;HR;Team;;;;;Team-Portrait Vertrieb",
    "12.11.2026;09:00;LinkedIn;Haberland;PR;Nachhaltigkeit;;;;;Nachhaltigkeitsbericht 2026 erschienen",
    "13.11.2026;16:00;X;Haberland;Marketing;Webinar;;;;;Webinar Antriebe richtig auslegen",
)
POSTS = (  # platform, post_id, published (UTC), text
    ("linkedin", "li-1", "2026-11-02 10:05", "Azubi-Start bei Haberland! Willkommen #azubi #karriere"),
    ("facebook", "fb-2", "2026-11-03 09:10", "Messe Hannover: Besuchen Sie uns in Halle 7 #messe"),
    ("instagram", "ig-3", "2026-11-05 12:00", "Ein Blick in die Fertigung #fertigung"),  # a day late
    ("linkedin", "li-4", "2026-11-05 08:30", "Das neue Getriebe G7: https://haberland.example/g7?utm_campaign=g7launch"),
    ("x", "x-11", "2026-11-06 18:00", "Glückwunsch an unsere Fußballmannschaft zum Pokalsieg!"),  # unplanned
    ("linkedin", "li-6", "2026-11-09 10:00", "Karriere-Tag am Standort Luedenscheid: kommen Sie vorbei"),
    ("facebook", "fb-7", "2026-11-10 10:00", "Kundenstory: Windpark Nord #kundenstory"),
    ("instagram", "ig-8", "2026-11-11 15:00", "Team-Portrait Vertrieb"),
    ("linkedin", "li-9", "2026-11-12 09:00", "Nachhaltigkeitsbericht 2026 erschienen"),
)


def plan_csv(rows: tuple[str, ...] = PLAN_ROWS) -> bytes:
    return ("\n".join((PLAN_HEADER, *rows)) + "\n").encode("cp1252")


def posts_frame(posts: tuple[tuple[str, str, str, str], ...] = POSTS, account: str = "Haberland") -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "platform": [p[0] for p in posts],
            "account": [account] * len(posts),
            "post_id": [p[1] for p in posts],
            "published_at": pd.to_datetime([p[2] for p in posts]),
            "text": [p[3] for p in posts],
            "permalink": [f"https://social.example/{p[1]}" for p in posts],
            "source_row": range(2, len(posts) + 2),
        }
    )
    return conform(frame, Grain.POST)


def plan_items(rows: tuple[str, ...] = PLAN_ROWS) -> pd.DataFrame:
    frame, issues = read_plan("plan.csv", plan_csv(rows), Container.TEXT)
    assert [i for i in issues if i.level == "error"] == []
    return frame.assign(id=range(1, len(frame) + 1))


def test_golden_fixture_fulfilment_and_unplanned_share() -> None:
    result = match_plan(plan_items(), posts_frame())
    summary = summarise(result, dt.date(2026, 11, 2), dt.date(2026, 11, 13))
    assert (summary.planned, summary.matched, summary.posts, summary.unplanned) == (10, 8, 9, 1)
    assert summary.fulfilment == pytest.approx(0.8)
    assert summary.unplanned_share == pytest.approx(1 / 9)
    assert summary.median_delay_days == 0.0
    matched = dict(zip(result.items["id"], result.items["post_id"], strict=True))
    assert matched == {1: "li-1", 2: "fb-2", 3: "ig-3", 4: "li-4", 5: pd.NA, 6: "li-6", 7: "fb-7", 8: "ig-8", 9: "li-9", 10: pd.NA} or (
        [matched[i] for i in (1, 2, 3, 4, 6, 7, 8, 9)] == ["li-1", "fb-2", "ig-3", "li-4", "li-6", "fb-7", "ig-8", "li-9"]
        and pd.isna(matched[5])
        and pd.isna(matched[10])
    )
    assert result.items.set_index("id").loc[3, "delay_days"] == 1
    assert result.posts.set_index("post_id")["item_id"].isna().to_dict()["x-11"]


def test_golden_fixture_per_week_and_channel_by_hand() -> None:
    result = match_plan(plan_items(), posts_frame())
    weeks = plan_kpis_by(result, dt.date(2026, 11, 2), dt.date(2026, 11, 13), "week").set_index("week")
    assert weeks.loc["2026-W45", ["planned", "matched", "posts", "unplanned"]].tolist() == [5, 4, 5, 1]
    assert weeks.loc["2026-W46", ["planned", "matched", "posts", "unplanned"]].tolist() == [5, 4, 4, 0]
    assert weeks.loc["2026-W45", "fulfilment"] == pytest.approx(0.8)
    assert weeks.loc["2026-W45", "unplanned_share"] == pytest.approx(0.2)
    assert weeks.loc["2026-W46", "unplanned_share"] == 0.0
    channels = plan_kpis_by(result, dt.date(2026, 11, 2), dt.date(2026, 11, 13), "platform").set_index("platform")
    assert channels["fulfilment"].to_dict() == {"facebook": 1.0, "instagram": 1.0, "linkedin": 1.0, "x": 0.0}
    assert channels.loc["x", "unplanned_share"] == 1.0
    departments = plan_kpis_by(result, dt.date(2026, 11, 2), dt.date(2026, 11, 13), "department").set_index("department")
    assert departments["fulfilment"].to_dict() == {"HR": 1.0, "Kundenservice": 0.0, "Marketing": pytest.approx(2 / 3), "PR": 1.0, "Sales": 1.0}
    assert departments["posts"].isna().all()  # posts have no department of their own: unknown, not 0


def test_tie_goes_to_the_smaller_time_difference_and_is_deterministic() -> None:
    items = plan_items(("02.11.2026;10:00;LinkedIn;;;;;;;;",))
    posts = posts_frame(
        (
            ("linkedin", "late", "2026-11-03 10:00", ""),
            ("linkedin", "close", "2026-11-02 11:00", ""),
            ("linkedin", "early", "2026-11-01 09:00", ""),
        )
    )
    for shuffled in (posts, posts.iloc[::-1], posts.iloc[[1, 0, 2]]):
        result = match_plan(items, shuffled.reset_index(drop=True))
        assert result.items.loc[0, "post_id"] == "close"


def test_outside_the_window_is_not_matched() -> None:
    items = plan_items(("02.11.2026;10:00;LinkedIn;;;;;;;;",))
    result = match_plan(items, posts_frame((("linkedin", "far", "2026-11-05 08:00", ""),)))
    assert pd.isna(result.items.loc[0, "post_id"])
    assert summarise(result, dt.date(2026, 11, 2), dt.date(2026, 11, 2)).posts == 0


def test_user_decisions_override_the_automatic_match() -> None:
    items = plan_items()
    decisions = pd.DataFrame({"item_id": [5, 1], "platform": ["x", pd.NA], "account": ["Haberland", pd.NA], "post_id": ["x-11", pd.NA]}).astype(
        {"platform": "string", "account": "string", "post_id": "string"}
    )
    result = match_plan(items, posts_frame(), decisions).items.set_index("id")
    assert result.loc[5, "post_id"] == "x-11" and bool(result.loc[5, "decided"])
    assert pd.isna(result.loc[1, "post_id"])  # "no post" holds even though li-1 fits
    summary = summarise(match_plan(items, posts_frame(), decisions), dt.date(2026, 11, 2), dt.date(2026, 11, 13))
    assert (summary.matched, summary.unplanned) == (8, 1)  # li-1 is now unplanned, x-11 planned


def test_umlaut_and_case_folding() -> None:
    assert fold("LÜDENSCHEID Straße") == fold("luedenscheid strasse") == "luedenscheid strasse"
    posts = posts_frame(
        (
            ("linkedin", "a", "2026-11-02 10:00", "Wir sind GRÜN unterwegs"),
            ("linkedin", "b", "2026-11-03 10:00", "Gruen und #Nachhaltig"),
            ("linkedin", "c", "2026-11-04 10:00", "Nichts davon"),
            ("linkedin", "d", "2026-12-04 10:00", "grün, aber nach der Kampagne"),
        )
    )
    assert carries_message(posts, "grün unterwegs", "").tolist() == [True, False, False, False]
    assert carries_message(posts, "Grün", "#nachhaltig").tolist() == [True, True, False, True]
    assert key_message_share(posts, dt.date(2026, 11, 1), dt.date(2026, 11, 30), "Grün", "") == pytest.approx(2 / 3)


def test_plan_reader_validates_and_names_sheet_row_column_value() -> None:
    rows = ("31.02.2026;10:00;LinkedIn;;;;;;;;a", "03.11.2026;25:00;Myspace;;;;;;;;b", ";;LinkedIn;;;;;;;;c")
    _, issues = read_plan("plan.csv", plan_csv(rows), Container.TEXT)
    errors = {(i.code, i.row, i.column, i.value) for i in issues if i.level == "error"}
    assert ("plan.channel_unknown", 3, "Kanal", "Myspace") in errors
    assert ("plan.time_unknown", 3, "Uhrzeit", "25:00") in errors
    assert ("plan.date_missing", 4, "Datum", "") in errors
    assert any(i.row == 2 and i.column == "Datum" and i.value == "31.02.2026" for i in issues if i.level == "error")


def test_english_headers_iso_dates_comma_and_utf8_bom() -> None:
    text = "Date,Channel,Account,Department,Topic,Key message,Text\n2026-11-02 10:00,LinkedIn,Haberland,HR,Azubis,Zukunft,Hallo Welt\n"
    frame, issues = read_plan("plan.csv", b"\xef\xbb\xbf" + text.encode("utf-8"), Container.TEXT)
    assert not [i for i in issues if i.level == "error"]
    row = frame.iloc[0]
    assert (row["planned_at"], row["platform"], row["department"], row["key_messages"]) == (pd.Timestamp("2026-11-02 10:00"), "linkedin", "HR", "Zukunft")


def test_buffer_and_hootsuite_bulk_csv_layouts() -> None:
    buffer = "Text,Image URL,Tags,Posting Time,Channel\nHallo #azubi,,azubi,2026-11-02 10:00,LinkedIn\n"
    frame, issues = read_plan("buffer.csv", buffer.encode(), Container.TEXT)
    assert not [i for i in issues if i.level == "error"]
    assert frame.loc[0, ["text", "platform", "planned_at"]].tolist() == ["Hallo #azubi", "linkedin", pd.Timestamp("2026-11-02 10:00")]
    hootsuite = "Date and time,Message,Link,Network\n02/11/2026 10:00,Neu im Shop,https://example.com,Facebook\n"
    frame, issues = read_plan("hootsuite.csv", hootsuite.encode(), Container.TEXT)
    assert not [i for i in issues if i.level == "error"]
    expected = ["Neu im Shop", "https://example.com", "facebook", pd.Timestamp("2026-11-02 10:00")]
    assert frame.loc[0, ["text", "link", "platform", "planned_at"]].tolist() == expected


def test_xlsx_plan_is_parsed_in_the_parser_process(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    sheet = pd.DataFrame({"Veröffentlichungsdatum": [dt.datetime(2026, 11, 2, 10)], "Kanal": ["Instagram"], "Text": ["Hallo"]})
    sheet.to_excel(path, index=False, sheet_name="Plan")
    parsed = read_plan_upload("plan.xlsx", path.read_bytes())
    assert parsed.status == "parsed", parsed.issues
    plan = parsed.tables["plan"]
    expected = [pd.Timestamp("2026-11-02 10:00"), "instagram", "Hallo", "Plan", 2]
    assert plan.loc[0, ["planned_at", "platform", "text", "sheet", "source_row"]].tolist() == expected


def test_storage_versions_replace_their_dates_and_undo_restores(sqlite_engine: Engine) -> None:
    first = plan_csv()
    stored = save_plan(sqlite_engine, "plan.csv", first, plan_items().drop(columns="id"))
    assert (stored.duplicate, stored.items, stored.date_from, stored.date_to) == (False, 10, dt.date(2026, 11, 2), dt.date(2026, 11, 13))
    again = save_plan(sqlite_engine, "plan.csv", first, plan_items().drop(columns="id"))
    assert again.duplicate and again.version_id == stored.version_id and len(plan_history(sqlite_engine)) == 1
    second_rows = ("09.11.2026;10:00;LinkedIn;;HR;;;;;;Neu geplant", "10.11.2026;10:00;LinkedIn;;HR;;;;;;Auch neu")
    second = save_plan(sqlite_engine, "plan2.csv", plan_csv(second_rows), plan_items(second_rows).drop(columns="id"))
    current = current_plan(sqlite_engine)
    # The second plan covers 09.-10.11.: it replaces items 6 and 7 of the first, the others stay.
    assert len(current) == 10 - 2 + 2
    assert sorted(current.loc[current["version_id"] == second.version_id, "text"]) == ["Auch neu", "Neu geplant"]
    assert undo_plan(sqlite_engine, second.version_id)
    assert current_plan(sqlite_engine)["text"].tolist() == plan_items()["text"].tolist()


def test_stored_decisions_round_trip(sqlite_engine: Engine) -> None:
    save_plan(sqlite_engine, "plan.csv", plan_csv(), plan_items().drop(columns="id"))
    items = current_plan(sqlite_engine)
    fifth = int(items.loc[items["text"].str.startswith("Servicezeiten"), "id"].iloc[0])
    decide_match(sqlite_engine, fifth, ("x", "Haberland", "x-11"))
    decide_match(sqlite_engine, fifth, ("x", "Haberland", "x-11"))  # deciding again replaces
    result = match_plan(items, posts_frame(), match_decisions(sqlite_engine)).items.set_index("id")
    assert result.loc[fifth, "post_id"] == "x-11"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


def _store_posts(url: str) -> None:
    from storage.engine import make_engine

    engine = make_engine(url)
    result = FileResult(file="posts.csv", sha256=hashlib.sha256(b"golden").hexdigest(), size=1, status=Status.PARSED, platform=Platform.OTHER)
    result.frames = {Grain.POST: posts_frame()}
    store_results(engine, [result])
    engine.dispose()


def test_cli_plan_contract(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'plan.sqlite3'}"
    _store_posts(url)
    plan = tmp_path / "Redaktionsplan.csv"
    plan.write_bytes(plan_csv())
    done = _cli("plan", "--db", url, "--plan", str(plan), "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert (out["planned"], out["matched"], out["posts"], out["unplanned"]) == (10, 8, 9, 1)
    assert out["fulfilment"] == 0.8 and out["unplanned_share"] == round(1 / 9, 6)
    first = out["items"][0]
    assert first == {
        "planned_at": "2026-11-02T10:00",
        "platform": "linkedin",
        "account": "Haberland",
        "text": "Azubi-Start bei Haberland",
        "post_id": "li-1",
        "permalink": "https://social.example/li-1",
    }
    assert out["items"][4]["post_id"] is None and out["items"][4]["permalink"] is None
    again = json.loads(_cli("plan", "--db", url, "--plan", str(plan), "--json").stdout)
    assert again["status"] == "duplicate" and {k: again[k] for k in ("planned", "matched", "items")} == {k: out[k] for k in ("planned", "matched", "items")}
    week = json.loads(_cli("plan", "--db", url, "--plan", str(plan), "--from", "2026-11-09", "--to", "2026-11-15", "--json").stdout)
    assert (week["planned"], week["matched"], week["posts"], week["unplanned"]) == (5, 4, 4, 0)
    from storage.access import read_audit
    from storage.engine import make_engine

    log = read_audit(make_engine(url), action="plan")  # the command line writes as the named local admin, each time
    assert log[["role", "object_type", "object_id", "result"]].values.tolist() == [["admin", "plan_file", "Redaktionsplan.csv", "allowed"]] * 3
    assert log["actor"].str.startswith("cli:").all()


def test_cli_plan_errors(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'plan.sqlite3'}"
    broken = tmp_path / "plan.csv"
    broken.write_bytes(plan_csv(("03.11.2026;10:00;Myspace;;;;;;;;b",)))
    done = _cli("plan", "--db", url, "--plan", str(broken))
    assert done.returncode == 1 and "Myspace" in done.stderr and "row 2" in done.stderr
    assert _cli("plan", "--db", url, "--plan", str(tmp_path / "none.csv")).returncode == 2
    assert _cli("plan", "--db", url, "--plan", str(broken), "--from", "2026-11-01").returncode == 2


def test_plan_kpis_in_the_catalog_through_the_engine() -> None:
    from metrics.catalog import CATALOG, Source, fact_sheet, validate_catalog
    from metrics.dataset import Dataset, Scope
    from metrics.engine import KpiEngine
    from metrics.periods import parse_period
    from metrics.plan import PLAN_KPIS, PlanData

    assert validate_catalog() == []
    for key in PLAN_KPIS:
        assert CATALOG[key].source is Source.PLAN
        assert fact_sheet(key, "de")["label"] and fact_sheet(key, "en")["description"]
    campaigns = pd.DataFrame(
        {
            "name": ["Azubi26"],
            "date_from": [dt.date(2026, 11, 1)],
            "date_to": [dt.date(2026, 11, 8)],
            "key_messages": ["Ausbildung"],
            "hashtags": ["#azubi, #messe"],
        }
    )
    engine = KpiEngine(Dataset().with_plan(PlanData(match_plan(plan_items(), posts_frame()), campaigns)))
    november = parse_period("2026-11")
    assert engine.value("plan_fulfilment", Scope(), november).value == pytest.approx(0.8)
    assert engine.value("unplanned_share", Scope(), november).value == pytest.approx(1 / 9)
    assert engine.value("plan_median_delay", Scope(), november).value == 0.0
    assert engine.value("plan_fulfilment", Scope.of(platforms=["x"]), november).value == 0.0
    assert engine.value("plan_fulfilment", Scope.of(departments=["marketing"]), november).value == pytest.approx(2 / 3)
    assert engine.value("unplanned_share", Scope.of(departments=["HR"]), november).no_data  # unplanned posts have no department
    # Campaign 01.-08.11.: posts li-1 (#azubi), fb-2 (#messe), ig-3, li-4, x-11 -> 2 of 5 carry a message.
    assert engine.value("key_message_share", Scope(), november).value == pytest.approx(2 / 5)
    assert KpiEngine(Dataset()).value("plan_fulfilment", Scope(), november).no_data  # no plan: no data, never 0


def test_the_page_renders_the_plan_in_german_and_english(tmp_path: Path, demo_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from streamlit.testing.v1 import AppTest

    from model.i18n import Language
    from storage.engine import make_engine
    from storage.plan import save_campaign, save_event

    path = tmp_path / "page.sqlite3"
    shutil.copy(demo_db.removeprefix("sqlite:///"), path)
    url = f"sqlite:///{path}"
    _store_posts(url)  # the golden posts under the account "Haberland", beside the demo company's accounts
    engine = make_engine(url)
    for version in plan_history(engine)["id"]:  # the demo company's own plan: undone, so the golden plan is alone
        undo_plan(engine, int(version))
    save_plan(engine, "plan.csv", plan_csv(), plan_items().drop(columns="id"))
    save_campaign(engine, "Azubi26", dt.date(2026, 11, 1), dt.date(2026, 11, 8), "Ausbildung", "#azubi, #messe", None)
    save_event(engine, {"date_from": dt.date(2026, 11, 4), "date_to": dt.date(2026, 11, 6), "title": "Hannover Messe", "channels": "", "colour": "#7E57C2"})
    monkeypatch.setenv("DATABASE_URL", url)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()
    app.switch_page("views/plan.py").run()
    assert not app.exception, app.exception
    assert app.title[0].value == "Redaktionsplan: Soll und Ist"
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Planerfüllung"] == "80,00 %"
    assert metrics["Anteil ungeplanter Beiträge"] == "11,11 %"
    # With the demo's campaigns (Azubi-Offensive covers all of November) every golden post is in a campaign
    # period; li-1 (#azubi) and fb-2 (#messe of Azubi26) carry a message: 2 of 9.
    assert metrics["Kernbotschafts-Anteil"] == "22,22 %"
    missed = app.dataframe[0].value
    assert "text" not in missed.columns  # labels, never stored keys
    assert sorted(missed["Text"]) == ["Servicezeiten an den Feiertagen im Dezember", "Webinar Antriebe richtig auslegen"]
    assert app.dataframe[1].value["Beitrags-ID"].tolist() == ["x-11"]
    english = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    english.run()
    english.selectbox(key="sidebar_language").set_value(Language.EN).run()
    english.switch_page("views/plan.py").run()
    assert not english.exception, english.exception
    assert english.title[0].value == "Editorial plan: planned and published"


def _events() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date_from": [dt.date(2026, 10, 28), dt.date(2026, 11, 10), dt.date(2026, 11, 20), dt.date(2026, 12, 5), dt.date(2026, 11, 12)],
            "date_to": [dt.date(2026, 11, 3), dt.date(2026, 11, 10), dt.date(2026, 12, 10), dt.date(2026, 12, 6), dt.date(2026, 11, 12)],
            "title": ["Messe", "Launch", "Kampagne", "Danach", "Nur TikTok"],
            "channels": ["", "linkedin", "", "", "tiktok"],
            "colour": ["#111111", "#222222", "#333333", "#444444", "#555555"],
        }
    )


def test_events_are_clipped_to_the_chart_window() -> None:
    import plotly.graph_objects as go

    from charts.plan import add_events

    base = go.Figure(go.Scatter(x=pd.date_range("2026-11-01", "2026-11-30"), y=list(range(30))))
    figure = add_events(base, _events(), dt.date(2026, 11, 1), dt.date(2026, 11, 30), platforms=frozenset({"linkedin"}))
    assert base.layout.shapes == ()  # the input figure is not changed
    shapes = [(s.type, s.x0, s.x1) for s in figure.layout.shapes]
    # "Messe" 28.10.-03.11. is clipped to 01.-03.11. (band to the end of 03.11.); "Launch" is a line;
    # "Kampagne" 20.11.-10.12. ends with the window; "Danach" and the TikTok-only event are not drawn.
    assert shapes[0] == ("rect", pd.Timestamp("2026-11-01"), pd.Timestamp("2026-11-04"))
    assert shapes[1][0] == "line" and shapes[1][1] == pd.Timestamp("2026-11-10").value / 1e6
    assert shapes[2] == ("rect", pd.Timestamp("2026-11-20"), pd.Timestamp("2026-12-01"))
    assert len(shapes) == 3
    assert [a.text for a in figure.layout.annotations] == ["Messe", "Launch", "Kampagne"]


def test_event_titles_are_text_not_plotly_markup() -> None:
    """Plotly renders <a href>, <b> and <br> in annotations: an uploaded event title must not become a link."""
    import plotly.graph_objects as go

    from charts.plan import add_events

    events = _events().head(2).assign(title=["<a href='https://tracker.example'>Messe</a>", "R&D <b>Tag</b>"])
    figure = add_events(go.Figure(), events, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert [a.hovertext for a in figure.layout.annotations] == [
        "&lt;a href='https://tracker.example'&gt;Messe&lt;/a&gt;",
        "R&amp;D &lt;b&gt;Tag&lt;/b&gt;",
    ]
    assert [a.text for a in figure.layout.annotations] == ["&lt;a href='https://trac…", "R&amp;D &lt;b&gt;Tag&lt;/b&gt;"]  # 22 characters at most


def test_event_labels_take_turns_in_three_rows_inside_the_plot() -> None:
    """Labels of events close together printed over each other and over the legend above the plot."""
    import plotly.graph_objects as go

    from charts.plan import add_events

    events = pd.DataFrame(
        {
            "date_from": [dt.date(2026, 11, d) for d in (2, 3, 4, 5)],
            "date_to": [dt.date(2026, 11, d) for d in (2, 3, 4, 5)],
            "title": ["A", "B", "C", "D"],
            "channels": [""] * 4,
            "colour": ["#111111"] * 4,
        }
    )
    figure = add_events(go.Figure(), events, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert [round(a.y, 2) for a in figure.layout.annotations] == [1.0, 0.92, 0.84, 1.0]
    assert {a.yanchor for a in figure.layout.annotations} == {"top"}


def test_events_csv_import_validates() -> None:
    from ingest.plan_reader import read_events

    good = "Datum;Bis;Titel;Kanäle;Farbe\n04.11.2026;06.11.2026;Hannover Messe;LinkedIn, X;#7E57C2\n12.11.2026;;Produktlaunch G7;;\n"
    frame, issues = read_events("events.csv", good.encode("utf-8"), Container.TEXT)
    assert not [i for i in issues if i.level == "error"]
    assert frame["title"].tolist() == ["Hannover Messe", "Produktlaunch G7"]
    assert frame["date_to"].tolist() == [pd.Timestamp("2026-11-06"), pd.Timestamp("2026-11-12")]  # blank end: one day
    assert frame["channels"].tolist() == ["linkedin,x", ""]
    bad = "Datum;Bis;Titel;Farbe\n04.11.2026;01.11.2026;" + "x" * 61 + ";blau\n"
    _, issues = read_events("events.csv", bad.encode("utf-8"), Container.TEXT)
    assert {(i.code, i.row, i.column) for i in issues} == {
        ("events.title_long", 2, "Titel"),
        ("events.end_before_start", 2, "Bis"),
        ("events.colour", 2, "Farbe"),
    }


def test_own_benchmark_needs_four_weeks_and_says_why() -> None:
    import plotly.graph_objects as go

    from charts.plan import add_benchmark
    from metrics.benchmark import own_benchmark

    weeks = pd.date_range("2026-08-03", periods=15, freq="W-MON")
    values = pd.Series([100.0, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1300, float("nan"), 975], index=weeks)
    benchmark = own_benchmark(values)
    # The 12 known weeks before the last: 200..1300 (the 100 falls out; the missing week is unknown, not 0); median 750.
    assert (benchmark.median, benchmark.latest, benchmark.weeks) == (750.0, 975.0, 12)
    assert benchmark.deviation == pytest.approx(0.3)
    short = own_benchmark(pd.Series([10.0, 20, 30, 40], index=weeks[:4]))
    assert short.median is None and short.weeks == 3
    figure = add_benchmark(go.Figure(), short, language="en")
    assert figure.layout.shapes == () and "only 3 weeks of history, 4 are needed" in figure.layout.annotations[0].text
    line = add_benchmark(go.Figure(), benchmark, language="de")
    assert line.layout.shapes[0].y0 == 750.0 and "+30,0 %" in line.layout.annotations[0].text


def test_pack_plan_slides_reopened_and_compared_with_the_engine() -> None:
    import io

    import openpyxl
    from pptx import Presentation
    from pypdf import PdfReader

    from ingest.goals_reader import load_goals
    from metrics.dataset import Dataset
    from metrics.engine import KpiEngine
    from metrics.periods import parse_period
    from metrics.plan import PlanData, plan_view
    from model.i18n import Language
    from reports.excel_writer import write_xlsx
    from reports.pack import build_pack
    from reports.pdf_writer import write_pdf
    from reports.pptx_writer import write_pptx

    config = load_goals("ziele.xlsx", (ROOT / "sample_data" / "demo" / "ziele.xlsx").read_bytes())
    campaigns = pd.DataFrame(
        {
            "name": ["Azubi26"],
            "date_from": [dt.date(2026, 11, 1)],
            "date_to": [dt.date(2026, 11, 8)],
            "key_messages": ["Ausbildung"],
            "hashtags": ["#azubi, #messe"],
        }
    )
    plan = PlanData(match_plan(plan_items(), posts_frame()), campaigns, _events())
    period = parse_period("2026-11")
    pack = build_pack(KpiEngine(Dataset().with_plan(plan)), config, period, dt.date(2026, 11, 30), Language.DE)
    view = plan_view(plan, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert pack.plan is not None and pack.plan.summary == view.summary
    assert pack.events["title"].tolist() == ["Messe", "Launch", "Nur TikTok", "Kampagne"]  # "Danach" (December) is not in November
    # By hand: LinkedIn W45 2 planned, 2 published; X W45 1 planned, 0 published, 1 unplanned, missed topic Service.
    expected_rows = {
        ("LinkedIn", "2026-W45"): ["2", "2", "0", "100 %", ""],
        ("X", "2026-W45"): ["1", "0", "1", "0 %", "Service"],
        ("X", "2026-W46"): ["1", "0", "0", "0 %", "Webinar"],
    }
    deck = Presentation(io.BytesIO(write_pptx(pack)))
    slides = {slide.shapes.title.text: slide for slide in deck.slides if slide.shapes.title is not None}
    soll_ist = slides["Redaktionsplan Soll/Ist · 11/2026"]
    table = next(shape.table for shape in soll_ist.shapes if shape.has_table)
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    for (channel, week), values in expected_rows.items():
        assert [row[2:] for row in cells if row[:2] == [channel, week]] == [values]
    assert cells[-1][:6] == ["Gesamt: 8/10 erschienen, 1/9 ungeplant", "", "10", "8", "1", "80 %"]
    campaign_table = next(shape.table for shape in slides["Kampagnen: Kernbotschafts-Anteil je Abteilung · 11/2026"].shapes if shape.has_table)
    campaign_cells = {row.cells[1].text: [c.text for c in row.cells] for row in campaign_table.rows}
    # Campaign 01.-08.11.: HR's li-1 carries #azubi, Marketing's fb-2 #messe and ig-3 nothing, Sales' li-4 nothing, x-11 has no plan item.
    assert campaign_cells["Marketing"] == ["Azubi26", "Marketing", "2", "1", "50 %"]
    assert campaign_cells["ohne Plan"] == ["Azubi26", "ohne Plan", "1", "0", "0 %"]
    assert "Ereignisse · 11/2026" in slides
    book = openpyxl.load_workbook(io.BytesIO(write_xlsx(pack)))
    sheet = [list(row) for row in book["Redaktionsplan Soll-Ist"].iter_rows(values_only=True)]
    assert [row[2:7] for row in sheet if row[:2] == ["X", "2026-W45"]] == [["1", "0", "1", "0 %", "Service"]]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(write_pdf(pack))).pages)
    assert "Redaktionsplan Soll/Ist · 11/2026" in text and "X 2026-W45 1 0 1 0 % Service" in text and "LinkedIn 2026-W46 2 2 0 100 %" in text
    assert "20.11.2026 10.12.2026 Kampagne" in text and "Danach" not in text


def test_demo_plan_files_are_what_the_generator_writes() -> None:
    from sample_data.demo.plan import DEMO_EVENTS, DEMO_PLAN, ITEMS, events_bytes, plan_bytes

    assert DEMO_PLAN.read_bytes() == plan_bytes()
    assert DEMO_EVENTS.read_bytes() == events_bytes()
    frame, issues = read_plan(DEMO_PLAN.name, DEMO_PLAN.read_bytes(), Container.TEXT)
    assert not [i for i in issues if i.level == "error"] and len(frame) == len(ITEMS) == 43


def test_the_demo_company_has_a_plan_with_misses_moves_and_unplanned_posts(demo_db: str) -> None:
    from metrics.plan import plan_view
    from storage.engine import make_engine
    from storage.plan import load_plan_data

    plan = load_plan_data(make_engine(demo_db))
    assert plan is not None and len(plan.campaigns) == 2 and len(plan.events) == 3
    view = plan_view(plan, dt.date(2026, 11, 1), dt.date(2026, 11, 22))
    assert view.summary.planned == 43
    assert view.misses["text"].value_counts()["Kundenprojekt: Verpackungslinie mit 30 Achsen"] == 2
    assert 0 < view.summary.matched < 43 and view.summary.unplanned > 0
    assert set(plan.match.items["delay_days"].dropna()) >= {-1, 0, 1}


def test_weekly_values_for_the_benchmark_are_full_iso_weeks() -> None:
    from metrics.benchmark import own_benchmark, weekly_values
    from metrics.dataset import Dataset, Scope
    from metrics.engine import KpiEngine

    days = pd.date_range("2026-10-01", "2026-11-30")
    # followers too: the engine's stock prefix sums fail on a dataset without any stock (reported to the lead)
    daily = conform(
        pd.DataFrame({"platform": "linkedin", "account": "a", "date": days, "impressions": 10.0, "followers": 100.0, "source_row": range(len(days))}),
        Grain.DAILY,
    )
    weekly = weekly_values(KpiEngine(Dataset(daily=daily)), "impressions", Scope(), dt.date(2026, 11, 25))
    # The last full week before Wednesday 25.11. is 16.-22.11.; 13 weeks back reach 24.08. Data start on Thursday 01.10.
    assert weekly.index[-1] == pd.Timestamp("2026-11-16") and weekly.index[0] == pd.Timestamp("2026-08-24")
    assert weekly.isna().tolist() == [True] * 5 + [False] * 8
    assert weekly.dropna().tolist() == [40.0] + [70.0] * 7
    benchmark = own_benchmark(weekly)
    assert (benchmark.median, benchmark.weeks, benchmark.deviation) == (70.0, 7, 0.0)


def test_pack_trend_names_the_events_of_its_weeks(demo_db: str) -> None:
    import io

    from pptx import Presentation
    from pypdf import PdfReader

    from ingest.goals_reader import load_goals
    from metrics.engine import KpiEngine
    from metrics.periods import parse_period
    from model.i18n import Language
    from reports.pack import build_pack
    from reports.pdf_writer import write_pdf
    from reports.plan_slides import trend_events
    from reports.pptx_writer import write_pptx
    from storage.engine import make_engine
    from storage.plan import load_plan_data
    from storage.queries import load_dataset

    config = load_goals("ziele.xlsx", (ROOT / "sample_data" / "demo" / "ziele.xlsx").read_bytes())
    database = make_engine(demo_db)
    data = load_dataset(database).with_mapping(config.accounts, config.tags, config.manual_values).with_plan(load_plan_data(database))
    pack = build_pack(KpiEngine(data), config, parse_period("2026-11"), dt.date(2026, 11, 22), Language.DE)
    weeks = list(pack.trend.index)
    # Demo events: 30.10. (KW 44, before the month's first full week: not drawn), 03.-06.11. (KW 45), 18.11. (KW 47).
    assert [(weeks[a], weeks[b], title) for a, b, title, _ in trend_events(pack)] == [
        ("KW 45", "KW 45", "Ausbildungsmesse Rosenheim"),
        ("KW 47", "KW 47", "120 Jahre Haberland"),
    ]
    deck = Presentation(io.BytesIO(write_pptx(pack)))
    trend_slide = next(
        s for s in deck.slides if s.shapes.title is not None and s.shapes.title.text == "Impressionen je Kalenderwoche und Plattform (volle Wochen)"
    )
    texts = [shape.text_frame.text for shape in trend_slide.shapes if shape.has_text_frame and shape != trend_slide.shapes.title]
    assert "Ereignisse: KW 45 Ausbildungsmesse Rosenheim · KW 47 120 Jahre Haberland" in texts
    # drawn on the chart: a line in the middle of its week's slot of the fixed plot area (x 7 %, width 90 % of the frame)
    frame = next(shape for shape in trend_slide.shapes if shape.has_chart)
    slot = frame.width * 0.9 / len(weeks)
    for title, week in (("Ausbildungsmesse Rosenheim", "KW 45"), ("120 Jahre Haberland", "KW 47")):
        line = next(shape for shape in trend_slide.shapes if shape.name == f"event: {title}")
        middle = frame.left + frame.width * 0.07 + slot * (weeks.index(week) + 0.5)
        assert abs(line.left + line.width / 2 - middle) <= 2
        assert frame.top <= line.top and line.top + line.height <= frame.top + frame.height
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(write_pdf(pack))).pages)
    assert "Ausbildungsmesse Rosenheim" in text and "120 Jahre Haberland" in text


def test_plan_kpis_as_key_results_of_a_department(tmp_path: Path) -> None:
    from ingest.goals_reader import load_goals
    from metrics.dataset import Dataset
    from metrics.engine import KpiEngine
    from metrics.plan import PlanData
    from metrics.progress import evaluate

    goals = """
objectives:
- {id: HR-1, objective: Plan einhalten, department: hr}
- {id: KS-1, objective: Plan einhalten, department: service}
key_results:
- {objective_id: HR-1, kpi: plan_fulfilment, period: 2026-11, baseline: 0.5, target: 0.9}
- {objective_id: KS-1, kpi: plan_fulfilment, period: 2026-11, baseline: 0.5, target: 0.9}
- {objective_id: KS-1, kpi: plan_median_delay, period: 2026-11, target: 0}
"""
    config = load_goals("goals.yaml", goals.encode())
    campaigns = pd.DataFrame(columns=["name", "date_from", "date_to", "key_messages", "hashtags"])
    engine = KpiEngine(Dataset().with_plan(PlanData(match_plan(plan_items(), posts_frame()), campaigns)))
    report = evaluate(engine, config, dt.date(2026, 11, 30))
    actual = {(r.key_result.objective_id, r.key_result.kpi): r.actual for r in report.key_results}
    # HR's items 1, 6 and 8 were all published; customer service's only item (5, "Kundenservice") was not.
    assert actual[("HR-1", "plan_fulfilment")] == 1.0
    assert actual[("KS-1", "plan_fulfilment")] == 0.0
    assert math.isnan(actual[("KS-1", "plan_median_delay")])  # no fulfilled item: no delay, not 0
    assert {str(r.status) for r in report.key_results if r.key_result.objective_id == "HR-1"} == {"achieved"}


def test_ayrshare_oktopost_layouts_and_several_channels_in_one_cell() -> None:
    ayrshare = 'post,platforms,mediaUrls,scheduleDate\n"Neu im Shop","twitter, facebook",,2026-11-02T10:00:00\n'
    frame, issues = read_plan("ayrshare.csv", ayrshare.encode(), Container.TEXT)
    assert not [i for i in issues if i.level == "error"], issues
    assert frame[["platform", "text", "source_row"]].values.tolist() == [["x", "Neu im Shop", 2], ["facebook", "Neu im Shop", 2]]
    oktopost = "Network;Message;LinkUrl;Datum\nLinkedIn;Hallo;https://example.com/a;02.11.2026\nLinkedIn/Myspace;b;;03.11.2026\n"
    frame, issues = read_plan("oktopost.csv", oktopost.encode(), Container.TEXT)
    assert [(i.code, i.row, i.value) for i in issues if i.level == "error"] == [("plan.channel_unknown", 3, "LinkedIn/Myspace")]


def test_headerless_hootsuite_file_says_what_is_missing() -> None:
    with pytest.raises(IngestError) as caught:
        read_plan("bulk.csv", b"02/11/2026 10:00,Neu im Shop,https://example.com\n", Container.TEXT)
    assert [(i.code, i.row, i.value) for i in caught.value.issues] == [("plan.hootsuite_headerless", 1, "02/11/2026 10:00")]


def test_plan_tables_are_shown_with_labels_names_local_times_and_calendar_weeks() -> None:
    import pandas as pd

    from model.i18n import Language
    from ui.plan import shown

    misses = pd.DataFrame(
        {
            "planned_at": pd.to_datetime(["2026-11-06 10:00"]),  # the team's local time, as the plan writes it
            "platform": ["linkedin"],
            "account": pd.array([pd.NA], dtype="string"),
            "department": ["Vertrieb"],
            "week": ["2026-W45"],
        }
    )
    german = shown(misses, Language.DE)
    assert list(german.columns) == ["Geplant für", "Plattform", "Konto", "Abteilung", "Woche"]
    assert german.iloc[0].tolist() == ["06.11.2026 10:00", "LinkedIn", "–", "Vertrieb", "KW 45/2026"]
    posts = pd.DataFrame({"published_at": pd.to_datetime(["2026-11-04 08:00"]).tz_localize("UTC"), "platform": ["x"]})
    english = shown(posts, Language.EN)
    assert english.iloc[0].tolist() == ["2026-11-04 09:00", "X"]  # 08:00 UTC is 09:00 in Berlin (CET)
    assert list(english.columns) == ["Published", "Platform"]


def test_a_repeated_plan_row_counts_once_and_is_named() -> None:
    """A plan row written twice took a second, unrelated post of the week (shared #service) and overstated fulfilment."""
    from ingest.plan_reader import read_plan_upload

    csv = (
        "Datum;Uhrzeit;Kanal;Text\n"
        "16.11.2026;10:00;X;Neue Ersatzteil-Hotline #service\n"
        "16.11.2026;10:00;X;Neue Ersatzteil-Hotline #service\n"
        ";;;\n"
        "17.11.2026;11:00;X;Wartungstipp #service\n"
    ).encode("cp1252")
    parsed = read_plan_upload("plan.csv", csv)
    assert parsed.status == "parsed"
    assert parsed.tables["plan"]["source_row"].tolist() == [2, 5]
    assert [(i.code, i.level.value, i.row, dict(i.params)["first"]) for i in parsed.issues] == [("plan.row_repeated", "warning", 3, "2")]


@pytest.mark.parametrize(
    ("cell", "code", "closest"),
    [("LinkdIn", "plan.channel_unknown_near", "linkedin"), ("Instgram, X", "plan.channel_unknown_near", "instagram"), ("Myspace", "plan.channel_unknown", "")],
)
def test_an_unknown_channel_names_the_nearest_known_one(cell: str, code: str, closest: str) -> None:
    from ingest.plan_reader import read_plan_upload

    parsed = read_plan_upload("plan.csv", f"Datum;Kanal;Text\n16.11.2026;{cell};Hallo\n".encode())
    [issue] = parsed.issues
    assert (parsed.status, issue.code, issue.row, issue.column, dict(issue.params)["closest"]) == ("error", code, 2, "Kanal", closest)


def test_plan_tables_read_as_people_write() -> None:
    """Plan versions, events and posts on the page: labels, company time, dates, status words, no invented time of day."""
    from model.i18n import Language
    from ui.plan import shown

    versions = pd.DataFrame(
        {
            "id": [2],
            "file_name": ["plan_kw47.csv"],
            "uploaded_at": [pd.Timestamp("2026-11-20 09:15:42.123456")],
            "date_from": [dt.date(2026, 11, 16)],
            "date_to": [dt.date(2026, 11, 22)],
            "status": ["active"],
            "undone_at": [None],
        }
    )
    assert shown(versions, Language.DE).iloc[0].to_dict() == {
        "Nr.": 2,
        "Datei": "plan_kw47.csv",
        "Importiert am": "20.11.2026 10:15",
        "Von": "16.11.2026",
        "Bis": "22.11.2026",
        "Status": "aktiv",
        "Rückgängig am": "–",
    }
    events = pd.DataFrame({"title": ["Messe"], "channels": ["linkedin,x"], "date_from": [dt.date(2026, 11, 3)], "date_to": [dt.date(2026, 11, 3)]})
    assert shown(events, Language.EN).iloc[0].tolist() == ["Messe", "LinkedIn, X", "2026-11-03", "2026-11-03"]
    posts = pd.DataFrame({"published_at": [pd.Timestamp("2026-11-04 00:00"), pd.Timestamp("2026-11-04 09:30")], "median_delay_days": [None, 1.5]})
    assert shown(posts, Language.DE).values.tolist() == [["04.11.2026", "–"], ["04.11.2026 10:30", "1,5"]]  # a date-only export has no time
