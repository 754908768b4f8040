"""Sign-in through a real OpenID Connect provider, in a real browser (issue 10).

The test starts ``oidc-provider-mock`` (a local OpenID Connect provider from PyPI) and ``streamlit run``
with an ``[auth]`` section pointing at it, then signs in as people the database knows and does not know.
Nothing here leaves 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from access.permissions import Grant, Role
from storage.access import save_grant
from storage.engine import make_engine
from tests.conftest import ROOT, require
from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, NAVIGATION_DE, SCREENSHOTS, free_port, settle

VIEWER = {"sub": "anna", "email": "Anna.Berg@haberland.example", "name": "Anna Berg"}
STRANGER = {"sub": "max", "email": "max@elsewhere.example", "name": "Max Fremd"}


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args!r} ended with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(url)


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-W", "ignore", "-m", "oidc_provider_mock", "--port", str(port), "--user-claims", json.dumps(VIEWER),
         "--user-claims", json.dumps(STRANGER)],
        env={**os.environ, "AUTHLIB_INSECURE_TRANSPORT": "1"}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    # AUTHLIB_INSECURE_TRANSPORT: plain http on 127.0.0.1, which the provider allows only when told.
    url = f"http://127.0.0.1:{port}"
    _wait_until_up(f"{url}/.well-known/openid-configuration", process)
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def signed_in_server(provider: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require(Path(CHROMIUM).exists(), f"{CHROMIUM} is not installed (apt-get install chromium)")
    folder = tmp_path_factory.mktemp("signin")
    database = f"sqlite:///{folder / 'signin.sqlite3'}"
    environment = {**os.environ, "DATABASE_URL": database, "RESONANZ_TODAY": "2026-11-26"}
    subprocess.run([sys.executable, "cli.py", "demo"], cwd=ROOT, env=environment, check=True, capture_output=True)
    engine = make_engine(database)
    save_grant(engine, "email", VIEWER["email"], Grant(Role.VIEWER), by="test")  # stored lower-case: the claim's case must not matter
    engine.dispose()
    port = free_port()
    app = f"http://127.0.0.1:{port}"
    secrets = folder / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "{app}/oauth2callback"\n'
        'cookie_secret = "a-test-secret-that-is-long-enough-0123456789"\n'
        'client_id = "resonanz"\n'
        'client_secret = "resonanz-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false", "--secrets.files", str(secrets)],
        cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    _wait_until_up(f"{app}/_stcore/health", process)
    yield app
    process.terminate()
    process.wait(timeout=20)


def _sign_in(page, app: str, subject: str) -> None:
    from playwright.sync_api import expect

    page.goto(app)
    button = page.get_by_role("button", name="Anmelden")
    expect(button).to_be_visible(timeout=120_000)
    button.click()
    page.get_by_placeholder("sub").fill(subject)  # the provider's own form
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{app}/**", timeout=60_000)


def test_a_known_viewer_signs_in_and_reads_a_stranger_is_turned_away(signed_in_server: str, provider: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    hosts: set[str] = set()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        viewer = browser.new_context(viewport={"width": 1440, "height": 1000})
        page = viewer.new_page()
        # The provider's own form asks a CDN for its style sheet: not ours to judge, and this machine is offline.
        viewer.route(lambda url: not url.startswith("http://127.0.0.1:"), lambda route: route.abort())
        page.on("request", lambda request: None if request.frame.url.startswith(provider) else hosts.add(request.url.split("/")[2]))
        _sign_in(page, signed_in_server, VIEWER["sub"])
        navigation = page.get_by_test_id("stSidebarNavItems")
        expect(navigation).to_be_visible(timeout=120_000)
        settle(page)
        expect(page.get_by_text("Angemeldet: Anna Berg (anna.berg@\u2060haberland.example)")).to_be_visible()
        expect(page.get_by_role("button", name="Abmelden")).to_be_visible()
        labels = [text.split("\n")[-1].strip() for text in navigation.get_by_role("link").all_inner_texts()]
        assert labels == NAVIGATION_DE  # a viewer gets the reading pages, no admin page
        expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=60_000)  # the Cockpit's figures
        page.goto(f"{signed_in_server}/data")  # a deep link keeps the session's sign-in
        expect(page.get_by_role("heading", name="Daten importieren")).to_be_visible(timeout=120_000)
        settle(page)
        assert page.get_by_role("link", name="anna.berg@haberland.example").count() == 0  # a claim is shown as text, not as a mailto link
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SCREENSHOTS / "browser-signin-viewer.png", full_page=True)
        viewer.close()

        stranger = browser.new_context(viewport={"width": 1440, "height": 1000})
        page = stranger.new_page()
        _sign_in(page, signed_in_server, STRANGER["sub"])
        expect(page.get_by_text("Kein Zugriff: Für Ihre Anmeldung ist keine Rolle hinterlegt.", exact=False)).to_be_visible(timeout=120_000)
        assert page.get_by_test_id("stMetric").count() == 0  # not one figure for someone without a role
        stranger.close()
        browser.close()
    assert hosts == {signed_in_server.split("/")[2], provider.split("/")[2]}, hosts  # the app and the sign-in, nothing else
