"""House rules that keep the code base honest."""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys

import ingest.adapters
from ingest.registry import ADAPTERS
from tests.conftest import ROOT

CORE = ("ingest", "metrics", "storage", "reports", "charts", "access")


def test_core_never_imports_streamlit() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for package in CORE
        for path in (ROOT / package).rglob("*.py")
        if re.search(r"^\s*(import streamlit|from streamlit)", path.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert offenders == []
    code = "import sys, ingest.pipeline, storage.imports, storage.queries; print('streamlit' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip() == "False"


def test_every_adapter_is_documented() -> None:
    for adapter in ADAPTERS:
        assert adapter.report and adapter.description, adapter
    for module in pkgutil.iter_modules(ingest.adapters.__path__):
        if module.name in {"base"}:
            continue
        doc = importlib.import_module(f"ingest.adapters.{module.name}").__doc__ or ""
        assert "->" in doc or "column" in doc.lower(), f"{module.name} documents no column mapping"
        assert re.search(r"time zone|UTC", doc, re.IGNORECASE), f"{module.name} documents no time zone"


def test_report_names_are_unique() -> None:
    reports = [a.report for a in ADAPTERS]
    assert len(reports) == len(set(reports))


LAYERS_THAT_MUST_NOT_REACH = {
    "model": ("ingest", "metrics", "storage", "reports", "charts", "ui", "views", "cli"),
    "metrics": ("ingest", "storage", "reports", "charts", "ui", "views"),
    "storage": ("ingest.pipeline", "reports", "charts", "ui", "views"),
    "access": ("ingest", "metrics", "storage", "reports", "charts", "ui", "views", "cli"),
}
KNOWN_EXCEPTIONS: set[str] = set()


def test_layers_speak_model_words() -> None:
    """model/ imports nothing of the project; metrics never reaches into ingest, storage never into the pipeline."""
    offenders = []
    for package, forbidden in LAYERS_THAT_MUST_NOT_REACH.items():
        for path in (ROOT / package).rglob("*.py"):
            for line in path.read_text(encoding="utf-8").splitlines():
                match = re.match(r"^\s*(?:from|import)\s+([\w.]+)", line)
                if (
                    match
                    and f"{path.relative_to(ROOT)}: {line.strip()}" not in KNOWN_EXCEPTIONS
                    and any(match.group(1) == f or match.group(1).startswith(f + ".") for f in forbidden)
                ):
                    offenders.append(f"{path.relative_to(ROOT)}: {line.strip()}")
    assert offenders == []


def test_no_page_is_reachable_outside_the_frame() -> None:
    """A pages/ folder next to app.py is Streamlit's legacy multipage discovery: its scripts would run by URL
    without app.py (no navigation labels, no language selector, no sign-in). Page scripts live in views/."""
    assert not (ROOT / "pages").exists()
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    views = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "views").glob("*.py"))
    assert views and all(f'st.Page("{view}"' in app for view in views)


MESSAGE_CALL = re.compile(r"\b(?:error|warning|info)\(\s*(f?)\"([^\"]*)\"")


def test_every_message_of_the_import_and_goals_is_a_code_with_both_languages() -> None:
    """Messages are data: ingest, storage and access issue codes of the one text table, each in German and English."""
    from model.i18n import TEXTS, Language

    problems = []
    for package in ("ingest", "storage", "access"):
        for path in (ROOT / package).rglob("*.py"):
            for prefix, text in MESSAGE_CALL.findall(path.read_text(encoding="utf-8")):
                dynamic = prefix and text.split("{", 1)[0].count(".") >= 1 and " " not in text  # a code built from parts
                if (prefix and not dynamic) or (not prefix and text not in TEXTS):
                    problems.append(f"{path.relative_to(ROOT)}: {text[:60]}")
                elif not prefix and not (TEXTS[text].get(Language.DE) and TEXTS[text].get(Language.EN)):
                    problems.append(f"{text}: a language is missing")
    assert problems == []
