"""The upload-to-chart path in a real browser: Debian's Chromium driven by Playwright against ``streamlit run``.

A fresh database (the first start loads the demo company), then: upload a real X export on the Data
page, find its figures on the Cockpit, switch to English, and save a screenshot of every page into
screenshots/ (git-ignored).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REAL_EXPORTS, ROOT, require

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = ROOT / "screenshots"
X_EXPORT = REAL_EXPORTS / "x_twitter" / "hestey-star" / "account_analytics_content_2026-07-06_2026-08-02.csv"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require(Path(CHROMIUM).exists(), f"{CHROMIUM} is not installed (apt-get install chromium)")
    require(X_EXPORT.exists(), f"{X_EXPORT} not found")
    port = free_port()
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('browser') / 'browser.sqlite3'}", "RESONANZ_TODAY": "2026-11-26"}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                break
        except OSError:
            time.sleep(0.3)
    yield url
    process.terminate()
    process.wait(timeout=20)


def choose(page, label: str, option: str) -> None:
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option, exact=True).click()


def settle(page) -> None:
    """Wait until Streamlit has finished the current run (its 'running' indicator is gone)."""
    page.wait_for_timeout(300)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="detached", timeout=60_000)


def navigate(page, name: str) -> None:
    page.get_by_test_id("stSidebarNavItems").get_by_role("link", name=name, exact=True).click()


def metric(page, label: str) -> str:
    """The value of the card labelled ``label`` (with or without its Σ/◆ marks)."""
    import re

    card = page.locator('[data-testid="stMetric"]').filter(has=page.get_by_text(re.compile(rf"^{re.escape(label)}( [Σ◆]+)?$"))).first
    return card.locator('[data-testid="stMetricValue"]').inner_text()


def test_upload_then_cockpit_then_english_with_screenshots(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    SCREENSHOTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.goto(server)
        expect(page.get_by_text("Die Datenbank war leer")).to_be_visible(timeout=120_000)  # first start: the demo company

        navigate(page, "Daten")
        page.locator('input[type="file"]').first.set_input_files(str(X_EXPORT))
        page.get_by_role("button", name="Importieren").click()
        expect(page.get_by_text("1 importiert, 0 schon vorhanden")).to_be_visible(timeout=60_000)
        page.screenshot(path=SCREENSHOTS / "browser-data-imported.png", full_page=True)

        navigate(page, "Cockpit")
        choose(page, "Zeitraum", "Letztes Quartal")
        page.get_by_role("combobox", name="Konten").click()
        page.keyboard.type("HestysInvest")
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        # 201 posts of July 2026: 25,433 impressions, read from posts (X exported no daily figures)
        expect(page.locator('[data-testid="stMetricValue"]').first).to_have_text("25.433", timeout=60_000)
        assert metric(page, "Impressionen") == "25.433"
        settle(page)
        page.screenshot(path=SCREENSHOTS / "browser-cockpit-de.png", full_page=True)

        choose(page, "Sprache", "English")
        # X exported post figures only: the card says so with its mark
        expect(page.get_by_text("Impressions ◆", exact=True).first).to_be_visible(timeout=30_000)
        assert metric(page, "Impressions") == "25,433"
        settle(page)
        page.screenshot(path=SCREENSHOTS / "browser-cockpit-en.png", full_page=True)

        for name in ("Goals", "Channels", "Content", "Data"):
            navigate(page, name)
            expect(page.locator("h1").first).to_be_visible(timeout=60_000)
            settle(page)
            page.screenshot(path=SCREENSHOTS / f"browser-{name.lower()}-en.png", full_page=True)
        browser.close()
    assert len(list(SCREENSHOTS.glob("browser-*.png"))) >= 7


def test_review_pack_downloads_from_the_browser(server: str, tmp_path: Path) -> None:
    import io

    from playwright.sync_api import expect, sync_playwright
    from pptx import Presentation
    from pptx.enum.chart import XL_CHART_TYPE

    SCREENSHOTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.goto(server)
        expect(page.locator('[data-testid="stMetricValue"]').first).to_be_visible(timeout=120_000)
        navigate(page, "Management-Review")
        page.get_by_role("button", name="Pack erstellen").click()
        expect(page.get_by_text("Pack für Q4 2026 erstellt")).to_be_visible(timeout=60_000)
        settle(page)
        page.screenshot(path=SCREENSHOTS / "browser-review-de.png", full_page=True)
        with page.expect_download() as download:
            page.get_by_role("button", name="PPTX ⬇").click()
        assert download.value.suggested_filename == "resonanz-review-Q4-2026.pptx"
        target = tmp_path / download.value.suggested_filename
        download.value.save_as(target)
        browser.close()
    deck = Presentation(io.BytesIO(target.read_bytes()))
    assert deck.slides[1].shapes.title.text == "Zusammenfassung: Ziele und Status"
    kinds = [shape.chart.chart_type for slide in deck.slides for shape in slide.shapes if shape.has_chart]
    assert kinds.count(XL_CHART_TYPE.BAR_CLUSTERED) == 13  # a bullet per Q4 key result
    assert kinds.count(XL_CHART_TYPE.LINE_MARKERS) == 1 and kinds.count(XL_CHART_TYPE.BAR_STACKED) == 1  # trend, status
    assert kinds.count(XL_CHART_TYPE.LINE) == 8  # a sparkline per KPI tile that has a day line (not the post count or the growth)


NAVIGATION_DE = ["Cockpit", "Ziele", "Kanäle", "Inhalte", "Redaktionsplan", "Management-Review", "Daten"]


def test_every_page_by_its_url_passes_through_the_frame(server: str) -> None:
    """A bookmark, a shared link or a reload of /goals used to run pages/goals.py on its own (legacy multipage
    discovery): the sidebar listed file names ('app, channels, ...') and the language selector was gone."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        for path in ("", "goals", "channels", "content", "plan", "review", "data"):  # the Cockpit is the default page, at "/"
            for attempt in ("open", "reload"):
                if attempt == "open":
                    page.goto(f"{server}/{path}")
                else:
                    page.reload()
                navigation = page.get_by_test_id("stSidebarNavItems")
                expect(navigation).to_be_visible(timeout=120_000)
                settle(page)
                labels = [text.split("\n")[-1].strip() for text in navigation.get_by_role("link").all_inner_texts()]  # after the icon
                assert labels == NAVIGATION_DE, (path, attempt, labels)
                assert page.get_by_text("Page not found").count() == 0, (path, attempt)  # a real URL, not a fallback
                expect(page.get_by_role("combobox", name="Sprache")).to_be_visible(timeout=60_000)  # CI on a loaded machine: 5 s were not enough
                expect(page.get_by_text("Lokaler Einzelplatzmodus", exact=False)).to_be_visible()  # the sign-in's word on every page
        browser.close()


HOSTILE_TEXTS = (
    b"channel,account,post_id,published_at,text,impressions,engagements\n"
    b'Blog,*acme* $1,w1,2026-11-20 10:00,"$5 instead of $10",100,0\n'
    b'Blog,*acme* $1,w2,2026-11-20 11:00,"*today* only",100,1\n'
    b'Blog,*acme* $1,w3,2026-11-20 12:00,"![x](https://tracker.example/p.png)",100,2\n'
    b'Blog,*acme* $1,w4,2026-11-20 13:00,"<img src=https://tracker.example/i.png> [click](https://tracker.example/l)",100,3\n'
)


def test_texts_from_uploads_stay_text_and_no_request_leaves_the_app(server: str, tmp_path: Path) -> None:
    """A post text holding a Markdown image made every browser opening the Content page ask tracker.example (issue 10)."""
    from playwright.sync_api import expect, sync_playwright

    upload = tmp_path / "hostile.csv"
    upload.write_bytes(HOSTILE_TEXTS)
    own_host = server.split("/")[2]
    hosts: set[str] = set()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
        page.goto(f"{server}/data")
        expect(page.locator('input[type="file"]').first).to_be_attached(timeout=120_000)  # alone, this test meets the first start
        page.locator('input[type="file"]').first.set_input_files(str(upload))
        page.get_by_role("button", name="Importieren").click()
        expect(page.get_by_text("1 importiert", exact=False).first).to_be_visible(timeout=60_000)
        for path in ("", "goals", "channels", "content", "plan", "review"):
            page.goto(f"{server}/{path}")
            expect(page.get_by_test_id("stSidebarNavItems")).to_be_visible(timeout=120_000)
            settle(page)
            if path == "content":
                written = page.get_by_test_id("stMarkdownContainer")  # the list of weakest posts, not the table's hidden grid cells
                shown = "![x](https:\u2060//tracker.example/p.png)"  # as written; the invisible joiner keeps Markdown from linking it
                expect(written.filter(has_text=shown).first).to_be_visible(timeout=30_000)
                expect(written.filter(has_text="$5 instead of $10").first).to_be_visible()
                assert page.locator("img[src*='tracker.example']").count() == 0
                assert page.locator("a[href*='tracker.example']").count() == 0
                page.screenshot(path=SCREENSHOTS / "browser-content-hostile-texts.png", full_page=True)
        browser.close()
    assert hosts == {own_host}, hosts
