"""The app renders in AppTest, and an upload through the Data page reaches the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ingest.canonical import Grain
from storage.engine import make_engine
from storage.queries import current
from tests.conftest import ROOT
from ui.i18n import Language

OVERVIEW = b'"Date","Video Views","Profile Views","Likes","Comments","Shares"\n"April 12","1591","7","10","1","0"\n"April 13","1154","1","5","0","0"\n'


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'app.sqlite3'}")
    test = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    test.run()
    assert not test.exception
    return test


def test_data_page_renders_in_german_by_default(app: AppTest) -> None:
    assert app.title[0].value == "Daten importieren"
    assert app.button(key="data_import").disabled


def test_upload_imports_and_shows_the_result(app: AppTest, tmp_path: Path) -> None:
    app.file_uploader(key="data_upload_0").set_value([("Overview.csv", OVERVIEW, "text/csv"), ("Overview copy.csv", OVERVIEW, "text/csv")])
    app.text_input(key="data_account").input("acme")
    app.run()
    app.button(key="data_import").click().run()
    assert not app.exception
    assert "1 importiert, 1 Duplikate" in app.success[0].value
    table = app.dataframe[0].value
    assert table["Status"].tolist() == ["importiert", "Duplikat"]
    assert table["Zeilen"].tolist() == ["2 Tage", "2 Tage"]
    stored = current(make_engine(f"sqlite:///{tmp_path / 'app.sqlite3'}"), Grain.DAILY)
    assert stored["views"].sum() == 2745
    assert set(stored["account"]) == {"acme"}


def test_broken_upload_shows_where_and_stores_nothing(app: AppTest, tmp_path: Path) -> None:
    app.file_uploader(key="data_upload_0").set_value(("Overview.csv", OVERVIEW + b'"April 14","viel","1","1","1","1"\n', "text/csv"))
    app.run()
    app.button(key="data_import").click().run()
    assert "1 fehlerhaft" in app.error[0].value
    issues = app.dataframe[1].value
    row = issues[issues["Stufe"] == "Fehler"].iloc[0]
    assert (row["Zeile"], row["Spalte"], row["Wert"]) == (4, "Video Views", "viel")
    assert current(make_engine(f"sqlite:///{tmp_path / 'app.sqlite3'}"), Grain.DAILY).empty


def test_english_and_undo(app: AppTest, tmp_path: Path) -> None:
    app.selectbox(key="sidebar_language").set_value(Language.EN).run()
    assert app.title[0].value == "Import data"
    app.file_uploader(key="data_upload_0").set_value(("Overview.csv", OVERVIEW, "text/csv"))
    app.run()
    app.button(key="data_import").click().run()
    assert "1 imported" in app.success[0].value
    app.checkbox(key="data_undo_confirm").check()
    app.button[-1].click().run()
    assert not app.exception
    assert current(make_engine(f"sqlite:///{tmp_path / 'app.sqlite3'}"), Grain.DAILY).empty
