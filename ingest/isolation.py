"""Run a parser in a separate process, so a hostile file cannot take the server down.

A native reader that aborts, allocates without bound or spins forever only ends its own short-lived
child process (``python -m ingest.worker``, memory-capped); the caller gets an ``IngestError`` it can
show to the user. A fresh interpreter (not a fork) keeps the child independent of whatever program
imported Resonanz: Streamlit's threads, pytest, or a cron script.
"""

from __future__ import annotations

import marshal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from ingest.issues import IngestError, error

PARSE_TIMEOUT_SECONDS = 120.0
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class IsolatedRead:
    """A reader child started at once; the caller may work meanwhile, then ``result()`` or ``cancel()``."""

    def __init__(self, file: str, reader: str, data: bytes, timeout: float = PARSE_TIMEOUT_SECONDS) -> None:
        self.file, self.timeout = file, timeout
        self._timed_out = False
        self._output: tuple[bytes, bytes] = (b"", b"")
        self._process = subprocess.Popen(
            [sys.executable, "-m", "ingest.worker", reader], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=PROJECT_ROOT
        )
        self._thread = threading.Thread(target=self._communicate, args=(data,), daemon=True)
        self._thread.start()

    def _communicate(self, data: bytes) -> None:
        try:
            self._output = self._process.communicate(data, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self._timed_out = True
            self._process.kill()
            self._output = self._process.communicate()
        except (BrokenPipeError, ValueError):  # the child died or was cancelled while reading its input
            self._output = (b"", b"")
            self._process.wait()

    def cancel(self) -> None:
        self._process.kill()
        self._thread.join()

    def result(self) -> Any:
        self._thread.join()
        stdout, stderr = self._output
        if self._timed_out:
            message = f"Reading the file took longer than {self.timeout:.0f} s and was stopped. Check that it is a real export."
            raise IngestError([error(message, file=self.file)])
        if self._process.returncode == 0:
            return marshal.loads(stdout)  # our own child's output (plain values), never user bytes
        if self._process.returncode == 3:
            message = stderr.decode("utf-8", errors="replace").strip()[-300:]
            raise IngestError(
                [
                    error(
                        f"The file could not be read as a spreadsheet ({message}). "
                        "Check that it is not damaged or password-protected; re-save it in Excel if needed.",
                        file=self.file,
                    )
                ]
            )
        message = "The spreadsheet reader crashed on this file; it is damaged or built to attack the server. Re-save it in Excel or export it again."
        raise IngestError([error(message, file=self.file)])


def run_isolated(file: str, reader: str, data: bytes, timeout: float = PARSE_TIMEOUT_SECONDS) -> Any:
    """Run ``ingest.worker`` with ``reader`` on ``data`` and return what it read."""
    return IsolatedRead(file, reader, data, timeout).result()
