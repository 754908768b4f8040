"""Every page renders in AppTest on the demo company; uploads and goals workbooks go through the pages."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from model.canonical import Grain
from model.i18n import Language
from storage.engine import make_engine
from storage.goalsets import save_goal_set
from storage.queries import current
from tests.conftest import ROOT

OVERVIEW = b'"Date","Video Views","Profile Views","Likes","Comments","Shares"\n"April 12","1591","7","10","1","0"\n"April 13","1154","1","5","0","0"\n'
PAGES = ["views/cockpit.py", "views/goals.py", "views/channels.py", "views/content.py", "views/review.py", "views/data.py"]


@pytest.fixture
def database(tmp_path: Path, demo_db: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A copy of the demo database (with its goals), as the first start leaves it."""
    path = tmp_path / "app.sqlite3"
    shutil.copy(demo_db.removeprefix("sqlite:///"), path)
    url = f"sqlite:///{path}"
    save_goal_set(make_engine(url), "ziele.xlsx", (ROOT / "sample_data" / "demo" / "ziele.xlsx").read_bytes())
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def run(page: str | None = None) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()
    if page and page != "views/cockpit.py":  # the cockpit is the default page
        app.switch_page(page).run()
    assert not app.exception, app.exception
    return app


ENGLISH_TITLES = {
    "views/cockpit.py": "Cockpit",
    "views/goals.py": "Objectives and key results",
    "views/channels.py": "Channels",
    "views/content.py": "Content",
    "views/review.py": "Management review",
    "views/data.py": "Import data",
}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_german_and_english(database: str, page: str) -> None:
    app = run(page)
    assert app.title[0].value
    english = run()
    english.selectbox(key="sidebar_language").set_value(Language.EN).run()  # the language lives in app.py's sidebar
    if page != "views/cockpit.py":
        english.switch_page(page).run()
    assert not english.exception, english.exception
    assert english.title[0].value == ENGLISH_TITLES[page]


def test_cockpit_shows_cards_objectives_and_movers(database: str) -> None:
    app = run()
    assert app.title[0].value == "Cockpit"
    labels = [m.label.rstrip(" Σ◆") for m in app.metric]
    assert {"Impressionen", "Reichweite", "Interaktionen", "Interaktionsrate", "Follower", "Beiträge"} <= set(labels)
    impressions = next(m for m in app.metric if m.label.startswith("Impressionen"))
    assert impressions.value.replace(".", "").isdigit()  # German thousands separators, no decimals
    assert any("Unternehmenskommunikation" in m.value for m in app.markdown)


def test_cockpit_judges_only_the_key_results_of_the_shown_period(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new user saw a Q1 2025 goal and its key results on the Q4 2026 Cockpit (the review pack left it out)."""

    def bullets(app: AppTest) -> str:
        return "".join(chart.proto.spec for chart in app.get("plotly_chart"))

    q4 = run()  # RESONANZ_TODAY is in Q4 2026: the Q4 and the 2026 key results, not the Q3 applications (HR-1.3)
    assert "Interaktionen" in bullets(q4) and "Bewerbungen" not in bullets(q4)
    q4.selectbox(key="sidebar_preset_de").set_value("last_quarter").run()
    assert "Bewerbungen" in bullets(q4)
    monkeypatch.setenv("RESONANZ_TODAY", "2028-01-10")  # a quarter no key result is set for
    later = run()
    assert any("Kein Schlüsselergebnis gilt für" in i.value for i in later.info), [i.value for i in later.info]
    assert not any("Unternehmenskommunikation" in m.value for m in later.markdown)  # no department roll-up either
    assert any("Unternehmenskommunikation" in m.value for m in q4.markdown)


def test_filters_are_kept_across_pages(database: str) -> None:
    app = run()
    app.selectbox(key="sidebar_preset_de").set_value("last_month").run()
    app.switch_page("views/channels.py").run()
    assert app.selectbox(key="sidebar_preset_de").value == "last_month"
    assert "10/2026" in app.caption[0].value or "/" in app.caption[0].value  # the channel page shows last month


def test_upload_imports_and_shows_the_result(database: str) -> None:
    app = run("views/data.py")
    app.file_uploader(key="data_upload_0").set_value([("Overview.csv", OVERVIEW, "text/csv"), ("Overview copy.csv", OVERVIEW, "text/csv")])
    app.text_input(key="data_account").input("acme")
    app.run()
    app.button(key="data_import").click().run()
    assert not app.exception
    assert "1 importiert, 1 schon vorhanden" in app.success[0].value
    table = app.dataframe[0].value
    assert table["Status"].tolist() == ["importiert", "Duplikat"]
    assert table["Zeilen"].tolist() == ["2 Tage", "2 Tage"]
    stored = current(make_engine(database), Grain.DAILY, account="acme")
    assert stored["views"].sum() == 2745


def test_broken_upload_shows_where_and_stores_nothing(database: str) -> None:
    app = run("views/data.py")
    app.file_uploader(key="data_upload_0").set_value(("Overview.csv", OVERVIEW + b'"April 14","viel","1","1","1","1"\n', "text/csv"))
    app.run()
    app.button(key="data_import").click().run()
    assert "1 fehlerhaft" in app.error[0].value
    issues = app.dataframe[1].value
    row = issues[issues["Stufe"] == "Fehler"].iloc[0]
    assert (row["Zeile"], row["Spalte"], row["Wert"]) == ("4", "Video Views", "viel")
    assert current(make_engine(database), Grain.DAILY, account="default").empty


def test_every_message_of_an_import_can_be_read_in_full(database: str) -> None:
    """A new user could not read what to do: the grid cut the messages off after about 60 characters."""
    from ui.state import DATA_RESULTS

    app = run("views/data.py")
    bare = "Datum,Primário\n2025-05-01,10\n2025-05-02,12\n".encode("utf-16")  # a bare Meta overview: no platform, no account
    broken = OVERVIEW + b'"April 14","viel","1","1","1","1"\n'
    app.file_uploader(key="data_upload_0").set_value([("Visualizações.csv", bare, "text/csv"), ("Overview.csv", broken, "text/csv")])
    app.run()
    app.button(key="data_import").click().run()
    results = app.session_state[DATA_RESULTS]
    expected = [(r.file, i.text(Language.DE)) for r in results for i in r.issues if i.level == "error"]
    assert len(expected) == 2 and max(len(text) for _, text in expected) > 120
    from ui.widgets import plain

    shown = [e.value for e in app.error]
    for file, text in expected:
        assert f"**{plain(file)}**: {plain(text)}" in shown, (file, shown)  # the whole message, escaped as upload text
    assert app.expander[-1].label.startswith("Meldungen im Wortlaut")


def test_an_account_given_up_long_ago_neither_dates_nor_warns_the_data_page(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new user imported a 2014 Facebook export: the Data page said "Daten bis 20.02.2015" and named it as late on
    every visit, with 15 other historical accounts. The demo's first screen named its seven accounts as late without
    saying why."""
    monkeypatch.setenv("RESONANZ_TODAY", "2026-12-05")
    app = run("views/data.py")
    old = b"Kanal;Konto;Datum;Impressionen\nBlog;Archiv;01.02.2014;5\nBlog;Archiv;02.02.2014;7\n"
    app.file_uploader(key="data_upload_0").set_value(("archiv.csv", old, "text/csv"))
    app.run()
    app.button(key="data_import").click().run()
    assert "1 importiert" in app.success[0].value
    page = run("views/data.py")
    assert "Daten bis 22.11.2026" in [c.value for c in page.caption]
    warnings = " ".join(w.value for w in page.warning)
    assert "Archiv" not in warnings and "HaberlandAG" in warnings  # the demo's accounts are 13 days late, the archive given up
    cockpit = run()  # the demo's accounts are named as late, and its note says why: its exports end on 22.11.
    assert "Archiv" not in cockpit.warning[0].value and "HaberlandAG" in cockpit.warning[0].value
    said = "Ihre Exporte reichen bis 22.11.2026; liegt das mehr als 7 Tage zurück, nennt Resonanz ihre Konten als veraltet"
    assert any(said in i.value for i in cockpit.info)


def test_goals_workbook_with_errors_is_shown_in_place(database: str) -> None:
    app = run("views/goals.py")
    broken = b"objectives:\n  - {id: A, objective: x, department: einkauf}\nkey_results: []\n"
    app.file_uploader(key="goals_upload").set_value(("ziele.yaml", broken, "application/x-yaml")).run()
    assert not app.exception
    assert app.error[0].value.startswith("Die Arbeitsmappe wurde nicht übernommen")
    issues = app.table[0].value
    assert (issues.iloc[0]["Zeile"], issues.iloc[0]["Wert"]) == ("2", "einkauf")
    assert issues.iloc[0]["Meldung"].startswith("Unbekannte Abteilung. Erlaubt sind: Unternehmenskommunikation / PR, Marketing")  # German, whole


NEW_GOALS = b"""Ziele:
  - {ID: NEU-1, Ziel: Neue Reichweite, Abteilung: Marketing}
Kennzahlen:
  - {Ziel-ID: NEU-1, Kennzahl: Impressionen, Zeitraum: 2026-Q4, Zielwert: "1.000.000"}
"""


def goal_set_count(database: str) -> int:
    from sqlalchemy import func, select

    from storage.schema import goal_sets

    with make_engine(database).connect() as connection:
        return int(connection.execute(select(func.count()).select_from(goal_sets)).scalar_one())


def test_a_goals_upload_is_saved_once_and_shown_at_once(database: str) -> None:
    before = goal_set_count(database)
    app = run("views/goals.py")
    assert not any("NEU-1" in s.value for s in app.subheader)
    app.file_uploader(key="goals_upload").set_value(("ziele.yaml", NEW_GOALS, "application/x-yaml")).run()
    assert not app.exception, app.exception
    assert app.success[0].value == "Ziele gespeichert (Ziele: 1, Schlüsselergebnisse: 1; neu: 1, geändert: 0, entfernt: 14)."  # the demo's 14 key results
    objectives = [s.value for s in app.subheader if " · " in s.value]
    assert objectives == [r"NEU\-1 · Neue Reichweite"]  # the new goals at once, no reload (upload text escaped, shown as written)
    assert goal_set_count(database) == before + 1
    # Reruns (two filter changes) keep the uploaded file in the widget: nothing is saved again.
    app.selectbox(key="sidebar_preset_de").set_value("last_month").run()
    app.selectbox(key="sidebar_preset_de").set_value("this_quarter").run()
    assert not app.exception, app.exception
    assert goal_set_count(database) == before + 1
    assert not app.success  # the message was for the upload, not for every rerun


def test_english_and_undo(database: str) -> None:
    app = run()
    app.selectbox(key="sidebar_language").set_value(Language.EN).run()
    app.switch_page("views/data.py").run()
    assert app.title[0].value == "Import data"
    app.file_uploader(key="data_upload_0").set_value(("Overview.csv", OVERVIEW, "text/csv"))
    app.run()
    app.button(key="data_import").click().run()
    assert "1 imported" in app.success[0].value
    undo_choices = next(w for w in app.selectbox if w.key and w.key.startswith("data_undo_id_"))
    undone = undo_choices.value
    app.checkbox(key="data_undo_confirm").check()
    next(b for b in app.button if b.label == "Undo import").click().run()
    assert not app.exception
    assert current(make_engine(database), Grain.DAILY, account="default").empty
    # Seen in a user's run: the undone import was still offered, and the tick stayed for the next undo.
    assert f"Import {undone} was undone." in [s.value for s in app.success]
    assert all(undone not in w.options and str(undone) not in " ".join(w.options) for w in app.selectbox if w.key and w.key.startswith("data_undo_id_"))
    assert not app.checkbox(key="data_undo_confirm").value
    app.run()
    assert f"Import {undone} was undone." not in [s.value for s in app.success]  # said once


def test_review_page_saves_the_meeting_and_builds_the_pack(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from storage.reviews import Review, latest_review

    monkeypatch.setenv("RESONANZ_TODAY", "2026-11-26")
    app = run("views/review.py")
    assert app.text_input(key="comment_MK-1.1").label == "MK-1.1 Impressionen · nicht auf Kurs"
    assert [t.label for t in app.text_input if t.key and t.key.startswith("comment_")][-1].startswith("KS-1.2")
    app.text_area[0].set_value("Facebook bleibt hinter Plan.")
    app.text_input(key="comment_MK-1.1").set_value("Budget zu spät freigegeben")
    app.text_area[1].set_value("Budget umschichten\n\nZweite Entscheidung")
    next(b for b in app.button if b.label == "Review speichern").click().run()
    assert not app.exception, app.exception
    assert app.success[0].value.startswith("Review ")
    saved = latest_review(make_engine(database))
    assert saved is not None
    assert (saved.period, saved.summary, saved.comments, saved.decisions) == (
        "2026-Q4",
        "Facebook bleibt hinter Plan.",
        {"MK-1.1": "Budget zu spät freigegeben"},
        ("Budget umschichten", "Zweite Entscheidung"),
    )
    # a saved meeting with actions comes back into the form (the action table's dates included)
    from storage.reviews import Action, save_review

    save_review(make_engine(database), Review(saved.held_on, "Q4/2026", "Zweite Fassung", {}, (), (Action("Kampagne", "Anna", dt.date(2026, 12, 5)),)))
    app = run("views/review.py")
    assert not app.exception, app.exception
    assert app.text_area[0].value == "Zweite Fassung"
    assert app.radio(key="review_rank_by").options == ["Interaktionen", "Interaktionsrate", "Impressionen", "Videoaufrufe"]
    app.radio(key="review_rank_by").set_value("impressions")
    next(b for b in app.button if b.label == "Pack erstellen").click().run()
    assert not app.exception, app.exception
    assert [b.label for b in app.get("download_button")] == ["PPTX ⬇", "XLSX ⬇", "PDF ⬇"]
    from pptx import Presentation

    deck = Presentation(io.BytesIO(app.session_state["review_files"]["files"]["pptx"]))
    top = next(s for s in deck.slides if s.shapes.title is not None and s.shapes.title.text.startswith("Top- und schwächste Beiträge"))
    table = next(shape.table for shape in top.shapes if shape.has_table)
    assert table.cell(0, 4).text == "Impressionen"  # the chosen KPI ranks the pack's top posts
    assert app.dataframe[-1].value.iloc[1, 1].startswith("MK-1 ")  # the summary preview: Marketing's objective


def test_review_page_refuses_an_unknown_period(database: str) -> None:
    app = run("views/review.py")
    app.text_input[0].set_value("2026-Q5").run()
    assert not app.exception, app.exception
    assert "„2026-Q5“ ist kein Zeitraum" in app.error[0].value.replace("\\", "")  # as read: the user's text comes escaped


def test_a_stored_workbook_that_no_longer_passes_is_named_with_its_problems(database: str) -> None:
    rate_without_percent = (
        b"objectives:\n  - {id: A, objective: x, department: pr}\nkey_results:\n  - {objective_id: A, kpi: engagement_rate, period: 2026, target: 1.2}\n"
    )
    save_goal_set(make_engine(database), "alt.yaml", rate_without_percent)
    app = run("views/goals.py")
    assert app.error[0].value.startswith("Die gespeicherte Ziele-Arbeitsmappe alt.yaml lässt sich nicht mehr lesen")
    issue = app.table[0].value.iloc[0]
    assert (issue["Zeile"], issue["Spalte"], issue["Wert"]) == ("2", "target", "1.2")
    assert "Schreiben Sie 1,2 % oder 0,012" in issue["Meldung"]


def test_cockpit_marks_sums_of_unique_counts_and_post_figures(database: str) -> None:
    app = run()
    reach = next(m for m in app.metric if m.label.startswith("Reichweite"))
    assert reach.label == "Reichweite Σ"
    assert "nicht additiver Werte" in reach.proto.help
    impressions = next(m for m in app.metric if m.label.startswith("Impressionen"))
    assert "◆" in impressions.label  # the demo's YouTube channel has video figures only, no daily impressions
    assert "YouTube: " in impressions.proto.help
    assert next(m for m in app.metric if m.label.startswith("Beiträge")).label == "Beiträge"  # a count of posts needs no mark
    assert any("Σ = Summe nicht additiver Werte" in c.value for c in app.caption)


HOSTILE_POSTS = (
    b"channel,account,post_id,published_at,text,impressions,engagements\n"
    b'Blog,*acme* $1,h1,2026-11-20 10:00,"$5 instead of $10",100,0\n'
    b'Blog,*acme* $1,h2,2026-11-20 11:00,"*today* only",100,1\n'
    b'Blog,*acme* $1,h3,2026-11-20 00:00,"![x](https://tracker.example/p.png)",100,2\n'
)


def _with_hostile_posts(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The Data page after importing ``HOSTILE_POSTS`` on 2026-11-26."""
    monkeypatch.setenv("RESONANZ_TODAY", "2026-11-26")
    app = run("views/data.py")
    app.file_uploader(key="data_upload_0").set_value(("hostile.csv", HOSTILE_POSTS, "text/csv"))
    app.run()
    app.button(key="data_import").click().run()
    assert "1 importiert" in app.success[0].value
    return app


def test_upload_text_is_shown_as_written_not_as_markdown(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    app = _with_hostile_posts(monkeypatch)
    app.switch_page("views/content.py").run()
    assert not app.exception
    bodies = [m.value for m in app.markdown]
    flop = [b for b in bodies if "Blog" in b]
    assert any(r"\$5 instead of \$10" in b for b in flop)
    assert any(r"\*today\* only" in b for b in flop)
    assert any("\\!\\[x\\]\\(https\\:\u2060//tracker\\.example/p\\.png\\)" in b for b in flop)  # no image, and no autolink either
    assert all(r"\*acme\* \$1" in b for b in flop)  # the account, too
    assert not any("![x](" in b or "*today*" in b for b in bodies)
    table = app.dataframe[0].value
    ours = table[table["account"] == "Blog: *acme* $1"].set_index("text")
    assert ours.loc["$5 instead of $10", "time"] == "10:00"  # the template's time is the company's clock: shown as written
    assert ours.loc["![x](https://tracker.example/p.png)", "time"] == "–"  # a date without a time
    assert any("ohne Uhrzeit" in c.value for c in app.caption)


def test_a_stale_account_from_an_upload_is_named_as_written_not_as_markdown(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The "older data" warning on the Data page is Markdown: an account named "*acme* $1" was set in italics and LaTeX.
    app = _with_hostile_posts(monkeypatch)
    # its daily figures too: a channel with posts only is no late export (it may just not have posted since)
    app.file_uploader(key="data_upload_1").set_value(("hostile-days.csv", b"channel,account,date,impressions\nBlog,*acme* $1,2026-11-20,5\n", "text/csv"))
    app.run()
    app.button(key="data_import").click().run()
    monkeypatch.setenv("RESONANZ_TODAY", "2027-01-20")  # two months on: every account's last export is old
    app.run()
    [stale] = [w.value for w in app.warning if "letzter Export bis" in w.value]
    assert r"Sonstige Blog\: \*acme\* \$1: letzter Export bis 20.11.2026" in stale
    assert "*acme* $1" not in stale


def test_a_file_wide_issue_shows_a_blank_row_not_none() -> None:
    from model.i18n import Language
    from model.issues import error
    from ui.imports import issues_from

    table = issues_from([error("ingest.zip_empty", file="leer.zip"), error("ingest.zip_empty", file="b.zip", row=7)], Language.DE)
    assert table["Zeile"].tolist() == ["", "7"]


def test_the_issue_table_lists_errors_first_then_warnings_then_notes() -> None:
    # A new user's run: one file's error sat below a hundred notes of other files on the Data page.
    from model.i18n import Language
    from model.issues import error, info, warning
    from ui.imports import issues_from

    found = [
        info("ingest.zip_empty", file="a.zip"),
        warning("ingest.zip_empty", file="b.zip"),
        error("ingest.zip_empty", file="c.zip"),
        info("ingest.zip_empty", file="d.zip"),
        error("ingest.zip_empty", file="e.zip"),
    ]
    table = issues_from(found, Language.DE)
    assert table["Datei"].tolist() == ["c.zip", "e.zip", "b.zip", "a.zip", "d.zip"]
    assert table["Stufe"].tolist()[:3] == ["Fehler", "Fehler", "Warnung"]


def test_many_key_results_draw_their_paths_on_request(database: str) -> None:
    # 200 key results drew 200 path charts on every rerun (2.3 s at agency scale): beyond 30 they wait for the switch.
    import yaml

    from sample_data.demo import DEMO_GOALS_YAML

    goals = yaml.safe_load(DEMO_GOALS_YAML.read_text(encoding="utf-8"))
    periods = ["2026-Q4", "2026-Q3", "2026"]
    goals["key_results"] = [kr | {"period": period} for period in periods for kr in goals["key_results"]]  # 42 key results
    save_goal_set(make_engine(database), "viele.yaml", yaml.safe_dump(goals, allow_unicode=True).encode())
    app = run("views/goals.py")
    assert not app.get("plotly_chart")
    assert any(c.value.startswith("42 Schlüsselergebnisse: Die Verläufe erscheinen ab 30 erst auf Wunsch") for c in app.caption)
    app.toggle(key="goals_show_paths").set_value(True).run()
    assert not app.exception, app.exception
    assert len(app.get("plotly_chart")) >= 20  # every key result with data has its path (the others have none)


def test_the_first_start_says_once_that_the_demo_was_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A new user saw "the database was empty" in every new session until the server restarted, long after importing
    # 300k rows of their own: the session that waited for the demo says it, later ones do not.
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'new.sqlite3'}")
    said = "Die Datenbank war leer: Die Demo-Firma wurde geladen."
    first = run()
    assert said in [element.value for element in first.success] + [element.value for element in first.info]
    second = run()
    assert said not in [element.value for element in second.success] + [element.value for element in second.info]
    assert second.metric, "the second session shows the Cockpit's cards"


def test_the_content_page_offers_formats_by_their_names(database: str) -> None:
    """The demo writes Meta's "Photos", "IG image", "IG reel": the filter and the chart name one format each."""
    app = run("views/content.py")
    options = app.multiselect(key="content_formats_de").options
    assert {"Bild", "Reel", "Video"} <= set(options) and not {"Photos", "IG image", "IG reel", "Videos"} & set(options)
    assert len(options) == len(set(options))
