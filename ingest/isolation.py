"""Run a parser in a separate process, so a hostile file cannot take the server down.

A native reader that aborts, allocates without bound or spins forever only ends its own short-lived
child process (``python -m ingest.worker``, memory-capped); the caller gets an ``IngestError`` it can
show to the user. A fresh interpreter (not a fork) keeps the child independent of whatever program
imported Resonanz: Streamlit's threads, pytest, or a cron script.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

from ingest.issues import IngestError, error

PARSE_TIMEOUT_SECONDS = 120.0
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def run_isolated(file: str, reader: str, data: bytes, timeout: float = PARSE_TIMEOUT_SECONDS) -> Any:
    """Run ``ingest.worker`` with ``reader`` on ``data`` and return what it read."""
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "ingest.worker", reader],
            input=data,
            capture_output=True,
            timeout=timeout,
            cwd=PROJECT_ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise IngestError([error(f"Reading the file took longer than {timeout:.0f} s and was stopped. Check that it is a real export.", file=file)]) from exc
    if completed.returncode == 0:
        return pickle.loads(completed.stdout)  # our own child's output, never user bytes
    if completed.returncode == 3:
        message = completed.stderr.decode("utf-8", errors="replace").strip()[-300:]
        raise IngestError(
            [
                error(
                    f"The file could not be read as a spreadsheet ({message}). "
                    "Check that it is not damaged or password-protected; re-save it in Excel if needed.",
                    file=file,
                )
            ]
        )
    raise IngestError(
        [error("The spreadsheet reader crashed on this file; it is damaged or built to attack the server. Re-save it in Excel or export it again.", file=file)]
    )
