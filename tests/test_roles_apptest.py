"""Every role x the page writes, through the app behind a trusted proxy (issue 10, points 4, 5, 10).

One AppTest per role on a small seeded SQLite database: the demo goals (plus a TikTok account each for PR
and Marketing) and one day of TikTok figures per account. Each write is tried the way a person does it on
the page; the test asserts whether it happened, what the page said, and the audit row it left.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from access.permissions import Grant, Role
from ingest.pipeline import read_batch
from storage.access import load_grants, read_audit, save_grant
from storage.engine import make_engine
from storage.goalsets import save_goal_set
from storage.imports import import_history, store_results
from storage.plan import all_events
from storage.reviews import latest_review
from tests.conftest import ROOT


def overview(day: int) -> bytes:
    """A one-day TikTok overview export; each day gives new bytes (the same bytes twice are one import)."""
    return f'"Date","Video Views","Profile Views","Likes","Comments","Shares"\n"April {day}","1591","7","10","1","0"\n'.encode()


PR_ACCOUNT, MARKETING_ACCOUNT = "pr.clips", "mk.clips"  # TikTok accounts the seeded goals give to PR and Marketing
GRANTS = {
    "admin": Grant(Role.ADMIN),
    "editor-pr": Grant(Role.EDITOR, frozenset({"pr"})),
    "editor-marketing": Grant(Role.EDITOR, frozenset({"marketing"})),
    "viewer-marketing": Grant(Role.VIEWER, frozenset({"marketing"})),
}


def _goals_workbook() -> bytes:
    book = openpyxl.load_workbook(ROOT / "sample_data" / "demo" / "ziele.xlsx")
    book["Konten"].append(["tiktok", PR_ACCOUNT, "pr", "PR clips"])
    book["Konten"].append(["tiktok", MARKETING_ACCOUNT, "marketing", "Marketing clips"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Goals, one import per account, and every person of GRANTS in the e-mail list (built once, copied per test)."""
    path = tmp_path_factory.mktemp("roles") / "seed.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    save_goal_set(engine, "ziele.xlsx", _goals_workbook())
    for day, account in ((12, PR_ACCOUNT), (13, MARKETING_ACCOUNT)):
        store_results(engine, read_batch([(f"{account}/Overview.csv", overview(day))], reference_date=dt.date(2026, 11, 26), account=account))
    for who, grant in GRANTS.items():
        save_grant(engine, "email", f"{who}@example.com", grant, by="local-admin")
    engine.dispose()
    return path


@pytest.fixture
def database(seeded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    path = tmp_path / "roles.sqlite3"
    shutil.copy(seeded, path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    return f"sqlite:///{path}"


@pytest.fixture
def behind_proxy() -> Iterator[None]:
    """Proxy mode as the README sets it up: bound to 127.0.0.1 behind the proxy, identity from the X-Forwarded-Email header."""
    before = {name: config.get_option(name) for name in ("server.address", "server.trustedUserHeaders")}
    config.set_option("server.address", "127.0.0.1")
    config.set_option("server.trustedUserHeaders", {"X-Forwarded-Email": "email"})
    yield
    for name, value in before.items():
        config.set_option(name, value)


def sign_in(who: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.user = {"email": f"{who}@example.com"}
    return app.run()


def errors(app: AppTest) -> list[str]:
    return [e.value for e in app.error]


def last_row(database: str, action: str) -> list[object]:
    log = read_audit(make_engine(database), action=action)
    row = log.iloc[0]
    return [row["actor"], row["role"], row["action"], None if pd.isna(row["department"]) else row["department"], row["result"]]


def button(app: AppTest, label: str) -> object:  # AppTest's Button type is not public
    return next(b for b in app.button if b.label == label)


# who -> expected result of each write
EXPECTED = {
    #                   import pr   comment  minutes   event pr  roles tab
    "admin": ("allowed", "allowed", "allowed", "allowed", True),
    "editor-pr": ("allowed", "allowed", "denied", "allowed", False),
    "editor-marketing": ("denied", "allowed", "denied", "denied", False),
    "viewer-marketing": ("denied", "denied", "denied", "denied", False),
}
FIRST_KEY_RESULT = {"admin": "PR-1.1", "editor-pr": "PR-1.1", "editor-marketing": "MK-1.1", "viewer-marketing": "MK-1.1"}


def _import_pr_file(app: AppTest, database: str, who: str, expected: str) -> None:
    app.switch_page("views/data.py").run()
    app.file_uploader(key="data_upload_0").set_value([("Overview.csv", overview(14), "text/csv")])
    app.text_input(key="data_account").input(PR_ACCOUNT)
    app.run()
    app.button(key="data_import").click().run()
    assert not app.exception, app.exception
    stored = import_history(make_engine(database))["file_name"].tolist()
    assert ("Overview.csv" in stored) is (expected == "allowed")
    assert last_row(database, "import") == [f"{who}@example.com", GRANTS[who].role.value, "import", "pr", expected]
    if who == "editor-marketing":
        assert "Nicht erlaubt (Import): Die Abteilung Unternehmenskommunikation / PR gehört nicht zu Ihren Abteilungen (Marketing)." in errors(app)
    if who == "viewer-marketing":
        assert any(e.startswith("Nicht erlaubt (Import): Ihre Rolle ist Lesen.") for e in errors(app))


def _review(app: AppTest, database: str, who: str, comment: str, minutes: str) -> None:
    app.switch_page("views/review.py").run()
    key_result = FIRST_KEY_RESULT[who]
    shown = sorted(w.key.removeprefix("comment_") for w in app.text_input if w.key and w.key.startswith("comment_"))
    prefix = {"admin": None, "editor-pr": "PR-", "editor-marketing": "MK-", "viewer-marketing": "MK-"}[who]
    assert shown and all(prefix is None or k.startswith(prefix) for k in shown), shown  # only the own departments' key results
    if prefix is None:
        assert {k[:3] for k in shown} >= {"PR-", "MK-", "HR-"}
    app.text_input(key=f"comment_{key_result}").input("Ziel erreicht")
    next(a for a in app.text_area if a.label == "Kernaussage für die Geschäftsführung").input(f"Kernaussage von {who}")
    button(app, "Review speichern").click().run()
    assert not app.exception, app.exception
    log = read_audit(make_engine(database), action="review")
    rows = {r.object_type: [r.actor, r.role, None if pd.isna(r.department) else r.department, r.result] for r in log.itertuples()}
    department = "pr" if key_result.startswith("PR") else "marketing"
    assert rows["review_comment"] == [f"{who}@example.com", GRANTS[who].role.value, department, comment]
    assert rows["review"][2:] == [None, minutes]  # the minutes belong to no single department
    review = latest_review(make_engine(database))
    if comment == "denied" and minutes == "denied":
        assert review is None
        viewer = "Nicht erlaubt (Review-Protokoll): Ihre Rolle ist Lesen. Für Änderungen braucht es die Rolle Bearbeiten für die Abteilung; "
        assert viewer + "eine Administratorin oder ein Administrator vergibt sie." in errors(app)
        return
    assert review.comments == {key_result: "Ziel erreicht"}
    assert review.summary == (f"Kernaussage von {who}" if minutes == "allowed" else "")
    if minutes == "denied":
        assert any(e.startswith("Nicht erlaubt (Review-Protokoll): Das betrifft keine einzelne Ihrer Abteilungen") for e in errors(app)), errors(app)


def _event(app: AppTest, database: str, who: str, expected: str) -> None:
    app.switch_page("views/plan.py").run()
    app.text_input(key="plan_event_title").input("Messe Hannover")
    app.text_input(key="plan_event_department").input("pr")
    button(app, "Ereignis anlegen").click().run()
    assert not app.exception, app.exception
    assert ("Messe Hannover" in all_events(make_engine(database))["title"].tolist()) is (expected == "allowed")
    assert last_row(database, "plan") == [f"{who}@example.com", GRANTS[who].role.value, "plan", "pr", expected]


@pytest.mark.parametrize("who", list(EXPECTED))
def test_every_write_by_role(database: str, behind_proxy: None, who: str) -> None:
    imported, comment, minutes, event, roles_tab = EXPECTED[who]
    app = sign_in(who)
    assert not app.exception, app.exception
    assert app.session_state["grant"] == GRANTS[who]
    _import_pr_file(app, database, who, imported)
    _review(app, database, who, comment, minutes)
    _event(app, database, who, event)
    app.switch_page("views/data.py").run()
    assert ("Rollen" in [tab.label for tab in app.tabs]) is roles_tab  # others never see the roles tab
    history = next(d.value for d in app.dataframe if "Importiert am" in d.value.columns)
    seen = {"admin": [PR_ACCOUNT, MARKETING_ACCOUNT, PR_ACCOUNT], "editor-pr": [PR_ACCOUNT, PR_ACCOUNT]}.get(who, [MARKETING_ACCOUNT])
    assert history["Konto"].tolist() == seen  # newest first; the import history shows the own departments' accounts only
    _undo_oldest_visible_import(app, database, who)


def _undo_oldest_visible_import(app: AppTest, database: str, who: str) -> None:
    """Undo the seeded import of the first account this person sees: allowed for editors of its department."""
    app.selectbox(key=next(w.key for w in app.selectbox if w.key and w.key.startswith("data_undo_id_"))).set_value(1 if who in ("admin", "editor-pr") else 2)
    app.checkbox(key="data_undo_confirm").check()
    button(app, "Import rückgängig machen").click().run()
    assert not app.exception, app.exception
    expected = "denied" if who == "viewer-marketing" else "allowed"
    department = "pr" if who in ("admin", "editor-pr") else "marketing"
    assert last_row(database, "undo_import") == [f"{who}@example.com", GRANTS[who].role.value, "undo_import", department, expected]
    status = import_history(make_engine(database)).set_index("id").loc[1 if department == "pr" else 2, "status"]
    assert status == ("active" if expected == "denied" else "undone")


def test_a_viewer_limited_to_marketing_sees_only_marketing(database: str, behind_proxy: None) -> None:
    app = sign_in("viewer-marketing")
    app.switch_page("views/goals.py").run()
    assert not app.exception, app.exception
    headers = [h.value for h in app.header]
    assert headers == ["Marketing"]  # of the demo's five departments
    # the goals workbook of their department only (the stored one holds every department's), to read: no upload hint
    assert "Die Arbeitsmappe enthält die Ziele, Schlüsselergebnisse und manuellen Werte von Marketing." in [c.value for c in app.caption]
    app.switch_page("views/data.py").run()
    mapping = app.dataframe[-1].value  # the mapping tab: accounts with data the viewer may see
    assert mapping["Konto"].tolist() == [MARKETING_ACCOUNT]
    app.switch_page("views/review.py").run()
    app.button(key="review_build").click().run()  # reading, but leaves a trace: the pack is given out
    assert not app.exception, app.exception
    log = read_audit(make_engine(database), action="pack_download")
    assert log[["actor", "role", "object_type", "result"]].values.tolist() == [["viewer-marketing@example.com", "viewer", "pack", "allowed"]]
    assert log["details"].iloc[0] == "de; marketing"


def test_unknown_person_reaches_no_page(database: str, behind_proxy: None) -> None:
    app = sign_in("stranger")
    assert errors(app)[0].startswith("Kein Zugriff")
    assert not app.title and not app.button  # no page ran: no write can even be tried
    log = read_audit(make_engine(database))
    assert log[["actor", "action", "result"]].values.tolist() == [["stranger@example.com", "sign_in", "denied"]]


def test_admin_manages_roles_and_cannot_remove_the_last_admin(database: str, behind_proxy: None) -> None:
    app = sign_in("admin")
    app.switch_page("views/data.py").run()
    app.selectbox(key="roles_kind").set_value("email")
    app.text_input(key="roles_subject").input("Neu@Example.com")
    app.selectbox(key="roles_role").set_value(Role.EDITOR)
    app.multiselect(key="roles_departments").set_value(["hr", "pr"])
    button(app, "Speichern").click().run()
    assert not app.exception, app.exception
    by_email, _, _ = load_grants(make_engine(database))
    assert by_email["neu@example.com"] == Grant(Role.EDITOR, frozenset({"hr", "pr"}))
    log = read_audit(make_engine(database), action="roles")
    assert log[["actor", "object_id", "result"]].values.tolist() == [["admin@example.com", "email:neu@example.com", "allowed"]]
    assert log["details"].iloc[0] == '{"before": null, "after": {"role": "editor", "departments": ["hr", "pr"]}}'
    saved = "Gespeichert: neu@example.com hat jetzt die Rolle Bearbeiten, Abteilungen: Personal / Employer Branding, Unternehmenskommunikation / PR."
    assert [m.value for m in app.success] == [saved]
    # The next entry starts empty: a group saved without picking departments must not inherit HR and PR.
    assert app.text_input(key="roles_subject").value == ""
    assert app.multiselect(key="roles_departments").value == []
    app.selectbox(key="roles_kind").set_value("group")
    app.text_input(key="roles_subject").input("resonanz-viewers")
    app.selectbox(key="roles_role").set_value(Role.VIEWER)
    button(app, "Speichern").click().run()
    assert load_grants(make_engine(database))[1]["resonanz-viewers"] == Grant(Role.VIEWER)

    # The only admin by e-mail demotes themself: refused with the reason, and logged as denied.
    app.selectbox(key="roles_kind").set_value("email")
    app.text_input(key="roles_subject").input("admin@example.com")
    app.selectbox(key="roles_role").set_value(Role.VIEWER)
    app.multiselect(key="roles_departments").set_value([])
    button(app, "Speichern").click().run()
    assert any(e.startswith("Nicht gespeichert: admin@example.com ist der letzte Administrator-Eintrag per E-Mail.") for e in errors(app)), errors(app)
    assert load_grants(make_engine(database))[0]["admin@example.com"] == Grant(Role.ADMIN)
    log = read_audit(make_engine(database), action="roles")
    assert log[["object_id", "result"]].iloc[0].tolist() == ["email:admin@example.com", "denied"]  # newest first
    change = '{"before": {"role": "admin", "departments": null}, "after": {"role": "viewer", "departments": null}}'
    assert log["details"].iloc[0] == change  # the reason stands apart, as a key with its parameters
    assert (log["reason"].iloc[0], log["reason_params"].iloc[0]) == ("roles.last_admin", '{"subject": "admin@example.com"}')

    # The default for unknown people: none -> viewer of marketing.
    app.selectbox(key="roles_default_role").set_value(Role.VIEWER)
    app.multiselect(key="roles_default_departments").set_value(["marketing"])
    next(b for b in app.button if b.label == "Speichern" and b.form_id == "roles_default_form").click().run()
    assert load_grants(make_engine(database))[2] == Grant(Role.VIEWER, frozenset({"marketing"}))
    stranger = sign_in("stranger")
    assert stranger.session_state["grant"] == Grant(Role.VIEWER, frozenset({"marketing"}))
