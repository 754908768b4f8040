"""The pages' warm-up (ui.resources) and the pages never import at once: two threads importing one package at the
same time can see each other's half-imported modules (it happened with plotly and pandas)."""

from __future__ import annotations

import threading

from ui.resources import _PageWarmup


def test_the_warm_up_waits_until_no_page_runs() -> None:
    warmup, log = _PageWarmup(), []
    inside, release = threading.Event(), threading.Event()

    def page() -> None:
        with warmup.page():
            log.append("page in")
            inside.set()
            release.wait(10)
            log.append("page out")

    reading = threading.Thread(target=page)
    reading.start()
    inside.wait(10)
    warming = threading.Thread(target=warmup.warm, args=(lambda: log.append("warm-up"),))
    warming.start()
    warming.join(0.3)
    assert log == ["page in"]  # still waiting for the page
    release.set()
    reading.join(10)
    warming.join(10)
    assert log == ["page in", "page out", "warm-up"]


def test_a_page_waits_while_the_warm_up_imports_and_pages_run_together() -> None:
    warmup, log = _PageWarmup(), []
    working, release = threading.Event(), threading.Event()

    def work() -> None:
        log.append("warm-up in")
        working.set()
        release.wait(10)
        log.append("warm-up out")

    warming = threading.Thread(target=warmup.warm, args=(work,))
    warming.start()
    working.wait(10)
    both_inside = threading.Barrier(2, timeout=10)

    def page(name: str) -> None:
        with warmup.page():
            log.append(name)
            both_inside.wait()  # two sessions' pages run at the same time

    readers = [threading.Thread(target=page, args=(name,)) for name in ("page a", "page b")]
    for reader in readers:
        reader.start()
    readers[0].join(0.3)
    assert log == ["warm-up in"]  # both pages wait
    release.set()
    for reader in readers:
        reader.join(10)
    warming.join(10)
    assert log[:2] == ["warm-up in", "warm-up out"] and sorted(log[2:]) == ["page a", "page b"]
