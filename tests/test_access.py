"""Who may see what (issue 10): serving mode, identity, and what the app shows in each mode."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from access.identity import LOCAL_ADMIN, Identity, Mode, identity_from_claims, is_loopback, serving_mode
from access.permissions import Grant, Role
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
    bound_to("0.0.0.0", {"X-Forwarded-Email": "email", "X-Forwarded-Groups": "groups"})
    save_grant(make_engine(database), "group", "marketing", Grant(Role.VIEWER), by="local-admin")
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.user = {"email": "Ana@Example.com", "groups": "marketing,hr"}
    app.run()
    assert not app.exception, app.exception
    assert app.session_state["identity"] == Identity("ana@example.com", "ana@example.com", ("marketing", "hr"))
    assert "Angemeldet: ana@example.com (ana@example.com)" in texts(app)
    assert app.title[0].value == "Cockpit"
    assert app.session_state["grant"] == Grant(Role.VIEWER)  # from the group claim
    signed_in = read_audit(make_engine(database))
    assert signed_in[["actor", "role", "action", "object_id", "result"]].values.tolist() == [["ana@example.com", "viewer", "sign_in", "proxy", "allowed"]]


def test_unknown_person_gets_no_access_and_an_audit_row(database: str, bound_to) -> None:
    bound_to("0.0.0.0", {"X-Forwarded-Email": "email"})
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.user = {"email": "stranger@example.com"}
    app.run()
    assert app.error[0].value.startswith("Kein Zugriff: Für Ihre Anmeldung ist keine Rolle hinterlegt.")
    assert not app.title
    log = read_audit(make_engine(database))
    assert log[["actor", "action", "result"]].values.tolist() == [["stranger@example.com", "sign_in", "denied"]]
    assert pd.isna(log["role"].iloc[0])


def test_proxy_without_identity_header_shows_no_data(database: str, bound_to) -> None:
    bound_to("0.0.0.0", {"X-Forwarded-Email": "email"})
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.user = {}  # the request bypassed the proxy: no header, nothing mapped into st.user
    app.run()
    assert app.error[0].value.startswith("Keine Identität vom Proxy erhalten")
    assert not app.title or app.title[0].value != "Cockpit"
