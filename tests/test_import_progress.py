"""The Data page's progress while an import runs: redrawn from the script's thread, with the seconds so far."""

from __future__ import annotations

import re
import time

import pytest

import ui.widgets
from model.i18n import Language


class Bar:
    def __init__(self) -> None:
        self.drawn: list[tuple[float, str]] = []

    def progress(self, value: float, text: str) -> None:
        self.drawn.append((value, text))


@pytest.fixture(autouse=True)
def german(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui.widgets, "language", lambda: Language.DE)
    monkeypatch.setattr(ui.widgets, "t", lambda key, **params: f"{params['seconds']} s")


def test_the_bar_follows_the_files_and_the_clock_while_the_work_runs() -> None:
    def work(told) -> str:
        told(1, 2, "a.csv")
        time.sleep(0.6)
        told(2, 2, "b.xlsx")
        time.sleep(0.6)
        return "done"

    bar = Bar()
    result = ui.widgets.with_progress(bar, work, lambda number, total, file: (number / 2, f"{number} von 2 ({file})"))
    assert result == "done"
    texts = [text for _, text in bar.drawn]
    assert any(text.startswith("1 von 2 (a.csv) · ") for text in texts) and any(text.startswith("2 von 2 (b.xlsx) · ") for text in texts)
    assert [value for value, _ in bar.drawn] == sorted(value for value, _ in bar.drawn)  # never backwards
    assert all(re.search(r" · \d+ s$", text) for text in texts)  # whole seconds, formatted for the reader's language


def test_an_error_of_the_work_reaches_the_page() -> None:
    def work(told) -> None:
        raise ValueError("kaputt")

    with pytest.raises(ValueError, match="kaputt"):
        ui.widgets.with_progress(Bar(), work, lambda *told: (0.0, ""))
