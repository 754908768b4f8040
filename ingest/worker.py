"""The parser process: ``python -m ingest.worker`` reads export files from stdin and answers each.

Request: 4-byte length, JSON header {file, container, reference_date}, 8-byte length, the bytes.
Answer: 4-byte length, JSON header (status, report, platform, account, issues, grains), then per
grain an 8-byte length and an Arrow IPC stream. See ``ingest.isolation`` for the parent side.
The process caps its own memory; a hostile file can end it, never the app.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

MEMORY_LIMIT_BYTES = 4 * 1024**3
READY = b"R"
PIPE_BYTES = 1 << 20
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def spawn() -> subprocess.Popen[bytes]:
    """Start a parser process; it says ``READY`` on its stdout once warm. Light on imports, so a command can start
    its parser before importing pandas itself (both interpreters load side by side; see ``cli.py``)."""
    process = subprocess.Popen([sys.executable, "-m", "ingest.worker"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=PROJECT_ROOT, bufsize=0)
    for pipe in (process.stdin, process.stdout):
        _widen(pipe.fileno())  # type: ignore[union-attr]
    return process


def _widen(fd: int) -> None:
    """A pipe of 1 MB where the system allows it (Linux: 64 KB by default): a 200 MB export or frame crosses in
    fewer, larger steps."""
    try:
        import fcntl

        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    except (ImportError, OSError):  # not Linux, or a lower system limit: the default size works, only slower
        pass


def _read(stream: object, size: int) -> bytes:
    data = stream.read(size)  # type: ignore[attr-defined]
    if len(data) < size:
        raise EOFError
    return data


WARM_UP_CSV = (
    b'"Post ID","Page ID","Page name","Description","Publish time","Permalink","Post type","Views","Reach","Reactions"\n'
    b'"1","2","Warm-up","Text","01/02/2026 10:00","https://example.invalid/1","Photos","10","8","1"\n'
)


def _warm_up(parse_export: object, container: object) -> None:
    """Parse a two-line export once, so the first real upload does not pay pandas' first-call costs."""
    parse_export("warm-up.csv", WARM_UP_CSV, container.TEXT, dt.date(2026, 1, 3))  # type: ignore[attr-defined, operator]


def _parse(header: dict[str, str], data: bytes, parse_export: Any, parse_plan: Any, parse_events: Any, container: Any) -> Any:
    """One request by its kind (the readers of goals and templates load on first use: most runs never need them)."""
    kind, file = header.get("kind"), header["file"]
    if kind == "goals":
        from ingest.goals_reader import parse_goals_in_worker

        return parse_goals_in_worker(file, data)
    if kind == "template":
        from ingest.templates import inspect_template_in_worker

        return inspect_template_in_worker(file, data)
    if kind == "plan":
        return parse_plan(file, data, container(header["container"]))
    if kind == "events":
        return parse_events(file, data, container(header["container"]))
    return parse_export(file, data, container(header["container"]), dt.date.fromisoformat(header["reference_date"]))


def memory_limit() -> int:
    """The child's address-space cap: ours, or the one the parent already runs under if that is lower
    (``ulimit -v``): a limit above the inherited hard limit would raise, and the child would not start."""
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    return MEMORY_LIMIT_BYTES if hard == resource.RLIM_INFINITY else min(MEMORY_LIMIT_BYTES, hard)


def main() -> int:
    limit = memory_limit()
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    # The protocol owns the real stdout; anything a library prints goes to stderr instead.
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    from ingest.isolation import send_message
    from ingest.pipeline import parse_export
    from ingest.plan_reader import parse_events, parse_plan
    from ingest.safety import Container

    _warm_up(parse_export, Container)
    answers.write(READY)  # imports done and code paths warm: the parent may send files
    answers.flush()
    requests = sys.stdin.buffer
    while True:
        try:
            (length,) = struct.unpack(">I", _read(requests, 4))
        except EOFError:
            return 0
        header = json.loads(_read(requests, length))
        (size,) = struct.unpack(">Q", _read(requests, 8))
        data = _read(requests, size)
        try:
            parsed = _parse(header, data, parse_export, parse_plan, parse_events, Container)
        except MemoryError:
            # The cap stopped an allocation: say so (the parent then names the file and what to do).
            # Dropping the half-built objects frees their memory for the next file.
            from ingest.isolation import ParsedFile
            from model.issues import error

            issue = error("ingest.parser.memory", params={"gb": f"{limit / 1024**3:.1f}"}, file=header["file"])
            parsed = ParsedFile("error", {}, [issue], report=header.get("kind"))
        send_message(answers, parsed.header(), parsed.blobs())


if __name__ == "__main__":
    sys.exit(main())
