"""Who may see what (issue 10): serving mode, identity, and what the app shows in each mode."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from access.identity import LOCAL_ADMIN, Identity, Mode, identity_from_claims, is_loopback, proxy_request_trusted, serving_mode
from access.permissions import Grant, Role
from ingest.goals_reader import load_goals
from metrics.goals import GoalsConfig, goal_changes
from model.i18n import Language
from storage.access import read_audit, save_grant
from storage.engine import make_engine
from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("address", "loopback"),
    [("127.0.0.1", True), ("127.0.1.1", True), ("localhost", True), ("::1", True), ("[::1]", True),
     ("0.0.0.0", False), ("", False), (None, False), ("192.168.1.20", False), ("resonanz.example", False)],
)  # fmt: skip
def test_only_loopback_addresses_count_as_local(address: str | None, loopback: bool) -> None:
    assert is_loopback(address) is loopback


def test_serving_mode() -> None:
    assert serving_mode("127.0.0.1", oidc=False, proxy=False) is Mode.LOCAL
    assert serving_mode("0.0.0.0", oidc=False, proxy=False) is Mode.REFUSED
    assert serving_mode(None, oidc=False, proxy=False) is Mode.REFUSED  # Streamlit's default: every interface
    assert serving_mode("0.0.0.0", oidc=True, proxy=False) is Mode.OIDC
    assert serving_mode("0.0.0.0", oidc=False, proxy=True) is Mode.PROXY
    assert serving_mode("127.0.0.1", oidc=True, proxy=False) is Mode.OIDC  # configured sign-in applies locally too


def test_identity_from_claims() -> None:
    assert identity_from_claims({"email": " Ana.Berg@Example.COM ", "name": "Ana Berg", "groups": ["resonanz-admin", "hr"]}) == Identity(
        "ana.berg@example.com", "Ana Berg", ("resonanz-admin", "hr")
    )
    # a proxy header carries the groups as one comma-separated string
    assert identity_from_claims({"email": "b@example.com", "groups": "marketing, hr,"}) == Identity("b@example.com", "b@example.com", ("marketing", "hr"))
    assert identity_from_claims({"name": "No Mail"}) is None
    assert identity_from_claims({}) is None


@pytest.mark.parametrize(
    ("address", "peer", "trusted", "believed"),
    [
        ("127.0.0.1", None, None, True),  # bound to loopback: only a proxy on this machine can connect
        ("127.0.0.1", "10.0.0.9", None, True),
        ("0.0.0.0", "203.0.113.7", None, False),  # reachable from the network, no proxy named: nobody
        ("0.0.0.0", None, None, False),
        ("0.0.0.0", "10.0.0.5", "10.0.0.5", True),  # the named proxy
        ("0.0.0.0", "10.0.0.6", "10.0.0.5", False),  # anyone else who reached the port
        ("0.0.0.0", "10.1.4.2", "10.0.0.5, 10.1.0.0/16", True),  # a network of proxies
        ("0.0.0.0", None, "10.0.0.5", True),  # this machine
        ("::", "2001:db8::1", "2001:db8::/64", True),
        ("0.0.0.0", "not an ip", "10.0.0.5", False),
    ],
)
def test_proxy_headers_are_believed_only_from_the_proxy(address: str, peer: str | None, trusted: str | None, believed: bool) -> None:
    assert proxy_request_trusted(address, peer, trusted) is believed


def test_a_mistyped_proxy_list_is_an_error_not_an_open_door() -> None:
    with pytest.raises(ValueError, match=r"'10\.0\.0\.300' is no IP address"):
        proxy_request_trusted("0.0.0.0", "10.0.0.5", "10.0.0.5, 10.0.0.300")


@pytest.fixture
def database(tmp_path: Path, demo_db: str, monkeypatch: pytest.MonkeyPatch) -> str:
    path = tmp_path / "access.sqlite3"
    shutil.copy(demo_db.removeprefix("sqlite:///"), path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    return f"sqlite:///{path}"


@pytest.fixture
def bound_to() -> Iterator[callable]:
    """Set server options for one AppTest (it runs in this process) and restore them afterwards."""
    before = {name: config.get_option(name) for name in ("server.address", "server.trustedUserHeaders")}

    def bind(address: str | None, headers: dict[str, str] | None = None) -> None:
        config.set_option("server.address", address)
        config.set_option("server.trustedUserHeaders", headers or {})

    yield bind
    for name, value in before.items():
        config.set_option(name, value)


def texts(app: AppTest) -> str:
    return "\n".join([e.value for e in app.error] + [e.value for e in app.info] + [m.value for m in app.markdown] + [c.value for c in app.caption])


def test_local_mode_says_so_and_shows_data(database: str, bound_to) -> None:
    bound_to("127.0.0.1")
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not app.exception, app.exception
    assert app.sidebar.info[0].value.startswith("Lokaler Einzelplatzmodus")
    assert app.title[0].value == "Cockpit"
    assert app.session_state["identity"] == LOCAL_ADMIN


def test_network_address_without_sign_in_shows_no_data(database: str, bound_to) -> None:
    bound_to("0.0.0.0")
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not app.exception, app.exception
    assert app.error[0].value.startswith("Resonanz zeigt keine Daten")
    assert "secrets.toml" in app.error[0].value and "trustedUserHeaders" in app.error[0].value
    assert not app.title and not app.metric  # no page ran
    assert app.selectbox(key="sidebar_language")  # the visitor can still read the message in English


def test_proxy_identity_is_read_from_the_mapped_headers(database: str, bound_to) -> None:
    bound_to("127.0.0.1", {"X-Forwarded-Email": "email", "X-Forwarded-Groups": "groups"})
    save_grant(make_engine(database), "group", "marketing", Grant(Role.VIEWER), by="local-admin")
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.user = {"email": "Ana@Example.com", "groups": "marketing,hr"}
    app.run()
    assert not app.exception, app.exception
    assert app.session_state["identity"] == Identity("ana@example.com", "ana@example.com", ("marketing", "hr"))
    assert "Angemeldet: ana@\u2060example\\.com" in texts(app).splitlines()  # claims as text: no mailto link; no name claim: once
    assert app.title[0].value == "Cockpit"
    assert app.session_state["grant"] == Grant(Role.VIEWER)  # from the group claim
    signed_in = read_audit(make_engine(database))
    assert signed_in[["actor", "role", "action", "object_id", "result"]].values.tolist() == [["ana@example.com", "viewer", "sign_in", "proxy", "allowed"]]


def test_reloads_within_a_working_day_add_no_sign_in_rows(database: str, bound_to) -> None:
    # Every reload or opened link is a new Streamlit session: a new user saw nine sign-in rows in 45 seconds.
    bound_to("127.0.0.1", {"X-Forwarded-Email": "email"})
    save_grant(make_engine(database), "email", "ana@example.com", Grant(Role.VIEWER), by="local-admin")
    for _ in range(3):
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        app.user = {"email": "ana@example.com"}
        app.run()
        assert app.title[0].value == "Cockpit"
    assert read_audit(make_engine(database), action="sign_in")[["actor", "role"]].values.tolist() == [["ana@example.com", "viewer"]]
    # a changed role is a new sign-in worth a row
    save_grant(make_engine(database), "email", "ana@example.com", Grant(Role.EDITOR, frozenset({"hr"})), by="local-admin")
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.user = {"email": "ana@example.com"}
    app.run()
    assert read_audit(make_engine(database), action="sign_in")["role"].tolist() == ["editor", "viewer"]


def test_unknown_person_gets_no_access_and_an_audit_row(database: str, bound_to) -> None:
    bound_to("127.0.0.1", {"X-Forwarded-Email": "email"})
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.user = {"email": "stranger@example.com"}
    app.run()
    assert app.error[0].value.startswith("Kein Zugriff: Für Ihre Anmeldung ist keine Rolle hinterlegt.")
    assert not app.title
    log = read_audit(make_engine(database))
    assert log[["actor", "action", "result"]].values.tolist() == [["stranger@example.com", "sign_in", "denied"]]
    assert pd.isna(log["role"].iloc[0])


def test_network_bound_proxy_mode_refuses_a_forged_header(database: str, bound_to, monkeypatch: pytest.MonkeyPatch) -> None:
    # Bound to every interface, anyone who reaches the port could send X-Forwarded-Email themselves.
    monkeypatch.delenv("RESONANZ_TRUSTED_PROXIES", raising=False)
    bound_to("0.0.0.0", {"X-Forwarded-Email": "email"})
    save_grant(make_engine(database), "email", "boss@example.com", Grant(Role.ADMIN), by="local-admin")
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.user = {"email": "boss@example.com"}
    app.run()
    assert not app.exception, app.exception
    assert app.error[0].value.startswith("Resonanz zeigt keine Daten: Im Proxy-Modus")
    assert "RESONANZ_TRUSTED_PROXIES" in app.error[0].value
    assert not app.title and not app.metric


def test_a_mistyped_proxy_list_says_so_in_the_user_s_language(database: str, bound_to, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESONANZ_TRUSTED_PROXIES", "10.0.0.5, 10.0.0.300")
    bound_to("0.0.0.0", {"X-Forwarded-Email": "email"})
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.user = {"email": "boss@example.com"}
    app.run()
    assert not app.exception, app.exception
    # the entry is shown as text: plain() escapes Markdown (the dots still render as dots)
    assert app.error[0].value.startswith(r"Resonanz zeigt keine Daten: RESONANZ_TRUSTED_PROXIES enthält 10\.0\.0\.300, keine IP-Adresse")
    assert not app.title and not app.metric


def test_proxy_without_identity_header_shows_no_data(database: str, bound_to) -> None:
    bound_to("127.0.0.1", {"X-Forwarded-Email": "email"})
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.user = {}  # the request bypassed the proxy: no header, nothing mapped into st.user
    app.run()
    assert app.error[0].value.startswith("Keine Identität vom Proxy erhalten")
    assert not app.title or app.title[0].value != "Cockpit"


OVERVIEW = b'"Date","Video Views","Profile Views","Likes","Comments","Shares"\n"April 12","1591","7","10","1","0"\n"April 13","1154","1","5","0","0"\n'
GRANTS = {
    "admin": Grant(Role.ADMIN),
    "editor-hr": Grant(Role.EDITOR, frozenset({"hr"})),
    "editor-marketing": Grant(Role.EDITOR, frozenset({"marketing"})),
    "editor-hr-marketing": Grant(Role.EDITOR, frozenset({"hr", "marketing"})),
    "viewer": Grant(Role.VIEWER),
}


def signed_in_app(database: str, bound_to, who: str, page: str) -> AppTest:
    """The app behind a trusted proxy, signed in as ``who`` (a key of GRANTS) with that grant in the e-mail list."""
    from storage.goalsets import save_goal_set

    bound_to("127.0.0.1", {"X-Forwarded-Email": "email"})
    database_engine = make_engine(database)
    save_goal_set(database_engine, "ziele.xlsx", (ROOT / "sample_data" / "demo" / "ziele.xlsx").read_bytes())  # maps accounts to departments
    save_grant(database_engine, "email", f"{who}@example.com", GRANTS[who], by="local-admin")
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.user = {"email": f"{who}@example.com"}
    app.run()
    app.switch_page(page).run()
    assert not app.exception, app.exception
    return app


@pytest.mark.parametrize(
    ("who", "allowed", "reason"),
    [("admin", True, ""), ("editor-hr", True, ""),
     ("editor-marketing", False, "Nicht erlaubt (Import): Die Abteilung Personal / Employer Branding gehört nicht zu Ihren Abteilungen (Marketing)."),
     ("viewer", False, "Nicht erlaubt (Import): Ihre Rolle ist Lesen.")],
)  # fmt: skip
def test_import_of_an_hr_account_by_role(database: str, bound_to, who: str, allowed: bool, reason: str) -> None:
    from storage.imports import import_history

    app = signed_in_app(database, bound_to, who, "views/data.py")
    app.file_uploader(key="data_upload_0").set_value([("Overview.csv", OVERVIEW, "text/csv")])
    app.text_input(key="data_account").input("haberland.azubis")  # the TikTok account the demo goals give to hr
    app.run()
    app.button(key="data_import").click().run()
    assert not app.exception, app.exception
    assert ("Overview.csv" in import_history(make_engine(database))["file_name"].tolist()) is allowed
    if not allowed:
        assert any(e.value.startswith(reason) for e in app.error), [e.value for e in app.error]
    log = read_audit(make_engine(database), action="import")
    assert log[["actor", "role", "object_type", "object_id", "department"]].values.tolist() == [
        [f"{who}@example.com", GRANTS[who].role.value, "file", "Overview.csv", "hr"]
    ]
    assert log["details"].iloc[0].startswith("haberland.azubis")
    assert log["result"].tolist() == ["allowed" if allowed else "denied"]


def test_an_editor_s_unreadable_export_shows_its_problem_not_a_denial_and_is_logged_as_failed(database: str, bound_to) -> None:
    # It has no account to check: the editor's permission check denied it as "no department" and hid the file's problem.
    from storage.imports import import_history

    app = signed_in_app(database, bound_to, "editor-hr", "views/data.py")
    app.file_uploader(key="data_upload_0").set_value([("Overview.xlsx", b"PK\x03\x04 not really a zip", "application/octet-stream")])
    app.run()
    app.button(key="data_import").click().run()
    assert not app.exception, app.exception
    assert not any(e.value.startswith("Nicht erlaubt") for e in app.error), [e.value for e in app.error]
    assert "Overview.xlsx" not in import_history(make_engine(database))["file_name"].tolist()
    shown = app.dataframe[0].value  # the results table lists the file with its status
    assert "Overview.xlsx" in shown.to_string()
    log = read_audit(make_engine(database), action="import")
    assert log[["object_id", "result", "reason"]].values.tolist() == [["Overview.xlsx", "failed", "ingest.safety.damaged_zip"]]


def demo_goals(edit: Callable[[object], None] | None = None) -> bytes:
    """The demo goals workbook, changed by ``edit`` (an openpyxl workbook), in new bytes."""
    import io

    import openpyxl

    book, out = openpyxl.load_workbook(ROOT / "sample_data" / "demo" / "ziele.xlsx"), io.BytesIO()
    if edit is not None:
        edit(book)
    book.save(out)  # new bytes even without an edit: the page saves only content that differs from the stored set
    return out.getvalue()


DEMO_WORKBOOK = ROOT / "sample_data" / "demo" / "ziele.xlsx"


def demo_config() -> GoalsConfig:
    return load_goals("ziele.xlsx", DEMO_WORKBOOK.read_bytes())


def upload_goals(app: AppTest, workbook: bytes) -> None:
    app.file_uploader(key="goals_upload").set_value(("neue-ziele.xlsx", workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    app.run()
    assert not app.exception, app.exception


def hr_target(book: object) -> None:
    book["Kennzahlen"]["H10"] = 25000  # HR-1 followers on TikTok: 22,000 -> 25,000  # type: ignore[index]


def pr_target(book: object) -> None:
    book["Kennzahlen"]["H2"] = 190000  # PR-1 impressions  # type: ignore[index]


def konten(book: object) -> None:
    book["Konten"]["C2"] = "marketing"  # an account to another department: spans departments  # type: ignore[index]


@pytest.mark.parametrize(("who", "allowed"), [("admin", True), ("editor-hr", False), ("viewer", False)])
def test_replacing_the_goal_set_with_shared_changes_is_the_admins(database: str, bound_to, who: str, allowed: bool) -> None:
    from storage.goalsets import current_goal_set

    app = signed_in_app(database, bound_to, who, "views/goals.py")
    upload_goals(app, demo_goals(konten))
    assert (current_goal_set(make_engine(database)).file_name == "neue-ziele.xlsx") is allowed
    log = read_audit(make_engine(database), action="goal_set")
    assert log[["actor", "object_id", "result"]].values.tolist()[0] == [f"{who}@example.com", "neue-ziele.xlsx", "allowed" if allowed else "denied"]


@pytest.mark.parametrize(
    ("who", "edit", "saved", "audit"),
    [
        ("editor-hr", hr_target, True, [["key_result", "hr", "allowed"]]),
        ("editor-marketing", hr_target, False, [["key_result", "hr", "denied"]]),
        ("editor-hr", pr_target, False, [["key_result", "pr", "denied"]]),
        ("viewer", hr_target, False, [["key_result", "hr", "denied"]]),
        ("editor-hr", None, False, []),  # the same goals: nothing to save, nothing to check
    ],
    ids=["own department", "other editor", "other department", "viewer", "unchanged"],
)
def test_an_editor_changes_the_key_results_of_their_department(database: str, bound_to, who: str, edit, saved: bool, audit: list) -> None:
    from storage.goalsets import current_goal_set

    app = signed_in_app(database, bound_to, who, "views/goals.py")
    upload_goals(app, demo_goals(edit))
    stored = current_goal_set(make_engine(database))
    # an editor of some departments: their departments' goals are taken into the stored set, which is written anew
    assert goal_changes(demo_config(), load_goals(stored.file_name, stored.content)).departments == ({"hr"} if saved else set())
    assert (stored.content == DEMO_WORKBOOK.read_bytes()) is not saved
    log = read_audit(make_engine(database))
    log = log[log["action"].isin(["key_result", "goal_set"])]
    assert log[["action", "department", "result"]].values.tolist() == audit
    if edit is None:
        assert any(i.value.startswith("Die hochgeladene Zieldatei stimmt mit den gespeicherten Zielen überein") for i in app.info), [i.value for i in app.info]


def test_admin_sees_filters_and_downloads_the_audit_log_formula_safe(database: str, bound_to) -> None:
    from access.audit import AuditEntry
    from storage.access import append_audit

    hostile = AuditEntry("=cmd|' /c calc'!A1@example.com", None, "sign_in", "denied", at=dt.datetime(2026, 12, 4, 21, 26, 45))  # a hostile actor name
    append_audit(make_engine(database), hostile)
    app = signed_in_app(database, bound_to, "admin", "views/data.py")
    assert [tab.label for tab in app.tabs][-1] == "Protokoll"
    app.selectbox(key="audit_result_de").set_value("denied").run()
    table = app.dataframe[-1].value
    columns = ["Zeit (Europe/Berlin)", "Person (E-Mail)", "Rolle", "Aktion", "Objekt", "Objekt-ID", "Abteilung", "Details", "Ergebnis", "Grund"]
    assert list(table.columns) == columns
    assert table["Zeit (Europe/Berlin)"].tolist() == ["04.12.2026 22:26:45"]  # stored in UTC, shown in the company's time zone (CET)
    assert table["Person (E-Mail)"].tolist() == ["=cmd|' /c calc'!A1@example.com"]
    assert table[["Aktion", "Ergebnis"]].values.tolist() == [["Anmeldung", "abgelehnt"]]  # labels, not the stored keys
    assert table[["Rolle", "Abteilung"]].values.tolist() == [["", ""]]  # no role, no department: blank, not "None"
    csv = app.get("download_button")[-1].proto.url  # the CSV is served by the media manager; build the bytes as the page does
    assert csv
    from reports.excel_writer import safe_csv

    assert "'=cmd" in safe_csv(table).decode("utf-8-sig")


def test_the_audit_table_reads_objects_and_reasons_in_the_chosen_language(database: str, bound_to) -> None:
    # A new user saw raw keys (goal_set, file) in the Object column and German "alle" filters after switching to English.
    from access.audit import AuditEntry
    from storage.access import append_audit

    refused = AuditEntry("hanna@example.com", "editor", "goal_set", "refused", "goal_set", "ziele-hr.xlsx", "marketing", "{}")
    append_audit(make_engine(database), replace(refused, reason="goals.workbook_of", reason_params='{"workbook": ["marketing"], "yours": ["hr"]}'))
    app = signed_in_app(database, bound_to, "admin", "views/data.py")
    app.selectbox(key="audit_result_de").set_value("refused").run()
    row = app.dataframe[-1].value.iloc[0]
    assert (row["Objekt"], row["Ergebnis"]) == ("Zieldatei", "zurückgewiesen")
    assert row["Grund"].startswith("Diese Arbeitsmappe enthält die Ziele von Marketing; Sie bearbeiten die von Personal / Employer Branding.")
    app.selectbox(key="sidebar_language").set_value(Language.EN).run()
    assert not app.exception, app.exception
    filters = {widget.key: widget for widget in app.selectbox if widget.key.startswith("audit_")}
    assert set(filters) == {"audit_action_en", "audit_result_en"}  # new widgets: their chosen label is drawn in English
    assert filters["audit_result_en"].format_func(None) == "all"
    assert "goals workbook" in app.dataframe[-1].value["Object"].tolist()  # the filter starts again at "all"


def test_editor_has_no_audit_tab(database: str, bound_to) -> None:
    app = signed_in_app(database, bound_to, "editor-hr", "views/data.py")
    assert "Protokoll" not in [tab.label for tab in app.tabs]


def test_uploading_the_stored_file_itself_says_there_is_nothing_to_save(database: str, bound_to) -> None:
    # A new user re-uploaded the byte-identical stored workbook and saw no message at all.
    app = signed_in_app(database, bound_to, "editor-hr", "views/goals.py")
    upload_goals(app, (ROOT / "sample_data" / "demo" / "ziele.xlsx").read_bytes())
    assert any(i.value.startswith("Die hochgeladene Zieldatei stimmt mit den gespeicherten Zielen überein") for i in app.info), [i.value for i in app.info]
    assert read_audit(make_engine(database), action="key_result").empty


def department_workbook(database: str, department: str, edit: Callable[[GoalsConfig], GoalsConfig] = lambda goals: goals) -> bytes:
    """A department's own goals workbook as the Goals page writes it (from the stored set), edited by ``edit``."""
    from metrics.goals import WorkbookOrigin
    from metrics.goals_workbook import goals_workbook
    from metrics.scoping import department_goals
    from storage.goalsets import current_goal_set

    stored = current_goal_set(make_engine(database))
    config = load_goals(stored.file_name, stored.content)
    origin = WorkbookOrigin(frozenset({department}), stored.id)
    return goals_workbook(edit(department_goals(config, frozenset({department}))), "de", origin)


def hr_workbook(edit: Callable[[GoalsConfig], GoalsConfig]) -> bytes:
    """HR's own goals workbook written from the demo goals, edited by ``edit`` (no origin: as a hand-made one)."""
    from metrics.goals_workbook import goals_workbook
    from metrics.scoping import department_goals

    return goals_workbook(edit(department_goals(demo_config(), frozenset({"hr"}))), "de")


def test_an_hr_editor_downloads_hr_s_workbook_and_uploads_it_back(database: str, bound_to) -> None:
    from dataclasses import replace

    from storage.goalsets import current_goal_set

    app = signed_in_app(database, bound_to, "editor-hr", "views/goals.py")
    button = next(b for b in app.get("download_button") if b.proto.id.endswith("goals_download"))
    assert button.proto.label == "Ziele meiner Abteilungen herunterladen"
    assert any("Personal / Employer Branding" in c.value and "bleiben, wie sie sind" in c.value for c in app.caption)

    def raise_targets(goals: GoalsConfig) -> GoalsConfig:
        return replace(goals, key_results=tuple(replace(kr, target=kr.target * 2) for kr in goals.key_results))

    upload_goals(app, hr_workbook(raise_targets))
    stored = load_goals("stored.xlsx", current_goal_set(make_engine(database)).content)
    before = demo_config()
    assert goal_changes(before, stored).departments == {"hr"}
    doubled = {kr.id: kr.target for kr in before.key_results if kr.objective_id == "HR-1"}
    assert {kr.id: kr.target / 2 for kr in stored.key_results if kr.objective_id == "HR-1"} == doubled
    assert [o.id for o in stored.objectives] == [o.id for o in before.objectives]
    saved = (
        "Ziele von Personal / Employer Branding gespeichert (Ziele: 1, Schlüsselergebnisse: 4; neu: 0, geändert: 4, entfernt: 0); "
        "die anderen Abteilungen behalten ihre."
    )
    assert [s.value for s in app.success] == [saved]  # names the departments replaced, counts their goals
    assert not app.info  # the file still in the upload field is not read as a second, unchanged upload
    log = read_audit(make_engine(database), action="key_result")
    assert log[["department", "result"]].values.tolist() == [["hr", "allowed"]]


def test_an_hr_workbook_that_adds_a_marketing_objective_is_refused(database: str, bound_to) -> None:
    from dataclasses import replace

    from metrics.goals import Objective
    from storage.goalsets import current_goal_set

    app = signed_in_app(database, bound_to, "editor-hr", "views/goals.py")
    upload_goals(app, hr_workbook(lambda goals: replace(goals, objectives=(*goals.objectives, Objective("MK-9", "Neu", "marketing")))))
    assert current_goal_set(make_engine(database)).content == DEMO_WORKBOOK.read_bytes()
    assert any("Marketing" in e.value for e in app.error), [e.value for e in app.error]
    log = read_audit(make_engine(database), action="key_result")
    assert log[["department", "result"]].values.tolist() == [["marketing", "denied"]]


def stored_goals(database: str) -> GoalsConfig:
    from storage.goalsets import current_goal_set

    stored = current_goal_set(make_engine(database))
    return load_goals(stored.file_name, stored.content)


def test_the_marketing_workbook_uploaded_by_the_hr_editor_is_refused_and_hr_keeps_its_goals(database: str, bound_to) -> None:
    # A new user uploaded the marketing editor's file as the HR editor: it was saved, and every HR goal was gone.
    app = signed_in_app(database, bound_to, "editor-hr", "views/goals.py")
    upload_goals(app, department_workbook(database, "marketing"))
    assert goal_changes(demo_config(), stored_goals(database)).departments == set()
    assert any(e.value.startswith("Diese Arbeitsmappe enthält die Ziele von Marketing; Sie bearbeiten die von Personal") for e in app.error), [
        e.value for e in app.error
    ]
    log = read_audit(make_engine(database), action="goal_set")  # refused, not for want of a permission: one row saying why
    assert log[["department", "result", "reason"]].values.tolist() == [["marketing", "refused", "goals.workbook_of"]]
    assert json.loads(log.loc[0, "reason_params"]) == {"workbook": ["marketing"], "yours": ["hr"]}


def test_a_workbook_without_hr_goals_does_not_delete_them(database: str, bound_to) -> None:
    from dataclasses import replace

    # a hand-made workbook (no origin) that holds only a changed manual value of another department's... nothing of HR
    app = signed_in_app(database, bound_to, "editor-hr", "views/goals.py")
    upload_goals(app, hr_workbook(lambda goals: replace(goals, objectives=(), key_results=(), manual_values=goals.manual_values.iloc[0:0])))
    assert goal_changes(demo_config(), stored_goals(database)).departments == set()  # nothing of HR held: HR kept
    assert any(i.value.startswith("Die hochgeladene Zieldatei stimmt mit den gespeicherten Zielen überein") for i in app.info)


def test_an_outdated_hr_workbook_does_not_undo_a_newer_hr_change(database: str, bound_to) -> None:
    from dataclasses import replace

    from metrics.goals_workbook import goals_workbook
    from storage.goalsets import save_goal_set

    app = signed_in_app(database, bound_to, "editor-hr", "views/goals.py")
    downloaded = department_workbook(database, "hr", lambda goals: replace(goals, key_results=goals.key_results[:-1]))
    # meanwhile the admin raises an HR target
    newer = demo_config()
    first_hr = next(n for n, kr in enumerate(newer.key_results) if kr.objective_id == "HR-1")
    raised = replace(newer.key_results[first_hr], target=99_999.0)
    newer = replace(newer, key_results=(*newer.key_results[:first_hr], raised, *newer.key_results[first_hr + 1 :]))
    save_goal_set(make_engine(database), "admin.xlsx", goals_workbook(newer, "de"))
    upload_goals(app, downloaded)
    assert raised in stored_goals(database).key_results  # the admin's change stays
    assert any("wurden geändert, nachdem diese Arbeitsmappe heruntergeladen wurde" in e.value for e in app.error), [e.value for e in app.error]
    assert read_audit(make_engine(database), action="key_result").empty
    refused = read_audit(make_engine(database), action="goal_set")  # nothing written, but the attempt is in the log
    assert refused[["actor", "department", "result", "reason"]].values.tolist() == [["editor-hr@example.com", "hr", "refused", "goals.changed_since_download"]]
    assert json.loads(refused.loc[0, "reason_params"])["departments"] == ["hr"]
    assert json.loads(refused.loc[0, "details"])["departments"]["hr"]["removed"]["key_results"]  # what it would have removed


def test_a_marketing_change_in_between_is_kept_when_hr_saves_its_workbook(database: str, bound_to) -> None:
    from dataclasses import replace

    from metrics.goals_workbook import goals_workbook
    from storage.goalsets import save_goal_set

    def drop_last(goals: GoalsConfig) -> GoalsConfig:
        return replace(goals, key_results=goals.key_results[:-1])

    app = signed_in_app(database, bound_to, "editor-hr", "views/goals.py")
    downloaded = department_workbook(database, "hr", drop_last)
    newer = demo_config()
    renamed = replace(next(o for o in newer.objectives if o.department == "marketing"), objective="Reichweite 2027")
    newer = replace(newer, objectives=tuple(renamed if o.id == renamed.id else o for o in newer.objectives))
    save_goal_set(make_engine(database), "admin.xlsx", goals_workbook(newer, "de"))
    upload_goals(app, downloaded)
    after = stored_goals(database)
    assert renamed in after.objectives  # marketing's change in between is kept
    assert sum(kr.objective_id == "HR-1" for kr in after.key_results) == sum(kr.objective_id == "HR-1" for kr in newer.key_results) - 1
    details = read_audit(make_engine(database), action="key_result")["details"].tolist()
    dropped = [kr for kr in newer.key_results if kr.objective_id == "HR-1"][-1]
    nothing = {"objectives": [], "key_results": [], "manual_values": []}
    assert [json.loads(d) for d in details] == [
        {"added": nothing, "removed": nothing | {"key_results": [f"{dropped.id} {dropped.kpi} {dropped.period_text} {dropped.target:g}"]}, "changed": []}
    ]


def test_a_refused_shared_change_names_what_changed(database: str, bound_to) -> None:
    app = signed_in_app(database, bound_to, "editor-hr", "views/goals.py")
    upload_goals(app, demo_goals(konten))
    assert "Geändert wurde: das Blatt Konten." in [w.value for w in app.warning]


def test_an_admin_uploading_hr_s_workbook_replaces_hr_s_goals_only(database: str, bound_to) -> None:
    # A new user's admin uploaded the HR workbook an editor had mailed: every other department's goals were gone.
    from dataclasses import replace

    app = signed_in_app(database, bound_to, "admin", "views/goals.py")
    upload_goals(app, department_workbook(database, "hr", lambda goals: replace(goals, key_results=goals.key_results[1:])))
    after = stored_goals(database)
    assert goal_changes(demo_config(), after).departments == {"hr"}
    assert len(after.objectives) == len(demo_config().objectives)


def test_a_marketing_row_in_hr_s_workbook_is_refused_not_taken_as_marketing_s_goals(database: str, bound_to) -> None:
    # The editor of HR and marketing added one marketing value to HR's workbook: marketing's objective was deleted.
    from dataclasses import replace

    import pandas as pd

    def marketing_value(goals: GoalsConfig) -> GoalsConfig:
        row = pd.DataFrame({"metric": ["leads"], "date": [pd.Timestamp("2026-11-21")], "value": [9.0], "department": ["marketing"], "note": [None]})
        return replace(goals, manual_values=pd.concat([goals.manual_values, row.astype(goals.manual_values.dtypes.to_dict())], ignore_index=True))

    app = signed_in_app(database, bound_to, "editor-hr-marketing", "views/goals.py")
    upload_goals(app, department_workbook(database, "hr", marketing_value))
    assert goal_changes(demo_config(), stored_goals(database)).departments == set()
    assert any(
        e.value.startswith("Diese Arbeitsmappe enthält die Ziele von Personal / Employer Branding, aber auch Änderungen für Marketing") for e in app.error
    ), [e.value for e in app.error]


def test_an_admin_s_outdated_whole_workbook_does_not_undo_a_newer_change(database: str, bound_to) -> None:
    from dataclasses import replace

    from metrics.goals import WorkbookOrigin
    from metrics.goals_workbook import goals_workbook
    from storage.goalsets import current_goal_set, save_goal_set

    app = signed_in_app(database, bound_to, "admin", "views/goals.py")
    base = current_goal_set(make_engine(database))
    old = demo_config()
    downloaded = goals_workbook(
        replace(old, objectives=(replace(old.objectives[0], objective="Umbenannt"), *old.objectives[1:])), "de", WorkbookOrigin(None, base.id)
    )
    first_hr = next(n for n, kr in enumerate(old.key_results) if kr.objective_id == "HR-1")
    newer = replace(old, key_results=(*old.key_results[:first_hr], replace(old.key_results[first_hr], target=1.0), *old.key_results[first_hr + 1 :]))
    save_goal_set(make_engine(database), "hr-editor.xlsx", goals_workbook(newer, "de"))
    upload_goals(app, downloaded)
    assert stored_goals(database).key_results[first_hr].target == 1.0
    assert any("wurden geändert, nachdem diese Arbeitsmappe heruntergeladen wurde" in e.value for e in app.error), [e.value for e in app.error]
    refused = read_audit(make_engine(database), action="goal_set")
    assert refused[["actor", "result", "reason"]].values.tolist() == [["admin@example.com", "refused", "goals.changed_since_download"]]


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "goals.empty"), (b"PK\x03\x04 not really a zip", "ingest.safety.damaged_zip"), (b"objectives:\n  - id: [unclosed", "goals.yaml_invalid")],
    ids=["empty", "broken-zip", "broken-yaml"],
)
def test_an_unreadable_goals_upload_leaves_a_failed_audit_row_and_stores_nothing(database: str, bound_to, content: bytes, reason: str) -> None:
    from storage.goalsets import current_goal_set

    app = signed_in_app(database, bound_to, "editor-hr", "views/goals.py")
    before = current_goal_set(make_engine(database)).id
    name = "ziele.yaml" if content.startswith(b"objectives") else "ziele.xlsx"
    app.file_uploader(key="goals_upload").set_value((name, content, "application/octet-stream")).run()
    assert not app.exception, app.exception
    assert current_goal_set(make_engine(database)).id == before
    failed = read_audit(make_engine(database), action="goal_set")
    assert failed[["actor", "object_id", "result", "reason"]].values.tolist() == [["editor-hr@example.com", name, "failed", reason]]
    problems = json.loads(failed.loc[0, "details"])
    assert problems and all(problem["file"] == name for problem in problems)  # the first problems, each naming the file


def test_the_admin_s_download_uploaded_again_unchanged_saves_nothing(database: str, bound_to) -> None:
    from metrics.goals import WorkbookOrigin
    from metrics.goals_workbook import goals_workbook
    from storage.goalsets import current_goal_set

    app = signed_in_app(database, bound_to, "admin", "views/goals.py")
    before = current_goal_set(make_engine(database))
    upload_goals(app, goals_workbook(demo_config(), "en", WorkbookOrigin(None, before.id)))  # as the page writes it
    assert current_goal_set(make_engine(database)).id == before.id
    assert any(i.value.startswith("Die hochgeladene Zieldatei stimmt mit den gespeicherten Zielen überein") for i in app.info)


def test_the_same_stamped_workbook_uploaded_twice_says_nothing_to_save(database: str, bound_to) -> None:
    # A third new user's second upload of a saved file was refused as "changed since the download".
    from dataclasses import replace

    app = signed_in_app(database, bound_to, "editor-hr", "views/goals.py")
    workbook = department_workbook(database, "hr", lambda goals: replace(goals, key_results=goals.key_results[:-1]))
    upload_goals(app, workbook)
    app.run()  # the saved file is still in the upload field: read again on the next rerun, as a second upload of it
    assert not app.exception, app.exception
    assert not app.error, [e.value for e in app.error]
    assert any(i.value.startswith("Die hochgeladene Zieldatei stimmt mit den gespeicherten Zielen überein") for i in app.info)


def test_the_audit_names_the_id_a_new_key_result_is_stored_under(database: str, bound_to) -> None:
    from dataclasses import replace

    app = signed_in_app(database, bound_to, "editor-hr", "views/goals.py")
    last = [kr for kr in demo_config().key_results if kr.objective_id == "HR-1"][-1]
    upload_goals(
        app, department_workbook(database, "hr", lambda goals: replace(goals, key_results=(*goals.key_results[:-1], replace(last, id="", kpi="views"))))
    )
    stored = {kr.kpi: kr.id for kr in stored_goals(database).key_results if kr.objective_id == "HR-1"}
    details = json.loads(read_audit(make_engine(database), action="key_result")["details"].iloc[-1])
    assert stored["views"] == "HR-1.5"
    assert [entry.split()[0] for entry in details["added"]["key_results"]] == ["HR-1.5"]
