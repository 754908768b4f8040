"""Parse untrusted exports in a separate, warm process, so a hostile file cannot take the server down.

``python -m ingest.worker`` runs beside the app (or the command line) with a memory cap, and parses
one file at a time. A native reader that aborts, allocates without bound or spins forever only ends
that child: the caller gets an ``IngestError`` naming the file, and the next parse starts a fresh
child. Results come back as JSON and Arrow IPC, never pickle, so even a subverted child cannot run
code in the server. A fresh interpreter (not a fork) keeps the child independent of whatever program
imported Resonanz: Streamlit's threads, pytest, or a cron script.
"""

from __future__ import annotations

import atexit
import datetime as dt
import json
import os
import queue
import select
import struct
import subprocess
import threading
import time

import pandas as pd
import pyarrow as pa

from ingest.worker import spawn
from model.canonical import Grain, Platform, conform
from model.issues import IngestError, Issue, error

PARSE_TIMEOUT_SECONDS = 120.0
STARTUP_TIMEOUT_SECONDS = 60.0


def frame_to_table(frame: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(frame, preserve_index=False)


def frame_from_ipc(data: object, grain: Grain) -> pd.DataFrame:
    return conform(pa.ipc.open_stream(data).read_all().to_pandas(), grain)


def send_message(stream: object, header: dict[str, object], blobs: list[bytes | pa.Table]) -> None:
    """4-byte header length, JSON header, then each blob as 8-byte length and bytes (a table: its Arrow IPC stream).

    A table's stream is written straight into ``stream``, its length measured first by a writer that only counts:
    a 500k-row frame (262 MB) was built in a growing buffer, copied to bytes and joined to the message, three
    copies and a second on the parser's side."""
    encoded = json.dumps(header, ensure_ascii=False).encode("utf-8")
    _write_all(stream, struct.pack(">I", len(encoded)) + encoded)
    for blob in blobs:
        if isinstance(blob, pa.Table):
            _write_all(stream, struct.pack(">Q", _ipc_stream(pa.MockOutputStream(), blob).size()))
            _ipc_stream(pa.PythonFile(_Unclosed(stream), mode="w"), blob)
        else:
            _write_all(stream, struct.pack(">Q", len(blob)))
            _write_all(stream, blob)
    stream.flush()  # type: ignore[attr-defined]


def _ipc_stream(sink: pa.NativeFile, table: pa.Table) -> pa.NativeFile:
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink


class _Unclosed:
    """The protocol's stream for Arrow's writer, which must not close it (the next message follows)."""

    def __init__(self, stream: object) -> None:
        self._stream, self.closed = stream, False

    def write(self, data: object) -> int:
        _write_all(self._stream, data)
        return len(memoryview(data))  # type: ignore[arg-type]

    def flush(self) -> None:
        self._stream.flush()  # type: ignore[attr-defined]

    def close(self) -> None:
        self.closed = True


def _write_all(stream: object, data: object) -> None:
    """Every byte: an unbuffered pipe's ``write`` may take only part of a large block."""
    view = memoryview(data).cast("B")  # type: ignore[arg-type]
    while view:
        written = stream.write(view)  # type: ignore[attr-defined]
        view = view[written if written is not None else len(view) :]


class _Deadline(Exception):
    pass


class ParserProcess:
    """One warm parsing child; ``submit`` a file, do other work, then take its ``result``."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            self._ensure()

    def adopt(self, process: subprocess.Popen[bytes]) -> None:
        """Use a child already started by ``ingest.worker.spawn`` (it may still be importing) if none runs yet."""
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._process = process
                self._wait_until_ready()
            else:
                process.kill()
                process.wait()

    def _ensure(self) -> subprocess.Popen[bytes]:
        if self._process is None or self._process.poll() is not None:
            self._process = spawn()
            self._wait_until_ready()
        return self._process

    def _wait_until_ready(self) -> None:
        """Wait until the child's imports are done, so that "started" means "warm"."""
        try:
            _read_exact(self._process.stdout.fileno(), 1, time.monotonic() + STARTUP_TIMEOUT_SECONDS)  # type: ignore[union-attr]
        except (_Deadline, EOFError, OSError):
            self._discard()
            raise IngestError([error("ingest.parser.not_started")]) from None

    def _discard(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            for stream in (self._process.stdin, self._process.stdout):
                if stream is not None:
                    stream.close()
            self._process = None

    def close(self) -> None:
        """Stop the child (it would end by itself when its stdin closes)."""
        with self._lock:
            self._discard()

    def __enter__(self) -> ParserProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def parse(
        self,
        file: str,
        data: bytes,
        container: str,
        reference_date: dt.date,
        *,
        while_parsing: object = None,
        timeout: float = PARSE_TIMEOUT_SECONDS,
        kind: str = "export",
    ) -> ParsedFile:
        """Parse ``data`` in the child; ``while_parsing()`` runs meanwhile in this process (safety checks).

        ``kind`` is ``export`` (platform exports), ``plan`` or ``events`` (see ``ingest.plan_reader``), ``goals``
        (the goals workbook's cells, see ``ingest.goals_reader``) or ``template`` (a PowerPoint template, see
        ``ingest.templates``).

        If ``while_parsing`` raises, the child is stopped and the exception propagates.
        """
        with self._lock:
            process = self._ensure()
            try:
                header = {"file": file, "container": container, "reference_date": reference_date.isoformat(), "kind": kind}
                send_message(process.stdin, header, [data])
            except (BrokenPipeError, OSError):
                self._discard()
                raise IngestError([error("ingest.parser.crashed", file=file)]) from None
            if callable(while_parsing):
                try:
                    while_parsing()
                except BaseException:
                    self._discard()
                    raise
            try:
                return self._receive(process, time.monotonic() + timeout)
            except _Deadline:
                self._discard()
                raise IngestError([error("ingest.parser.timeout", params={"seconds": f"{timeout:.0f}"}, file=file)]) from None
            except (EOFError, OSError, ValueError):
                self._discard()
                raise IngestError([error("ingest.parser.crashed", file=file)]) from None

    def _receive(self, process: subprocess.Popen[bytes], deadline: float) -> ParsedFile:
        fd = process.stdout.fileno()  # type: ignore[union-attr]
        (length,) = struct.unpack(">I", _read_exact(fd, 4, deadline))
        header = json.loads(_read_exact(fd, length, deadline))
        frames = {}
        for grain in header["grains"]:
            (size,) = struct.unpack(">Q", _read_exact(fd, 8, deadline))
            frames[Grain(grain)] = frame_from_ipc(pa.py_buffer(_read_exact(fd, size, deadline)), Grain(grain))
        parsed = ParsedFile.from_header(header, frames)
        for name in header.get("tables", []):  # plain tables (an editorial plan), not canonical grains
            (size,) = struct.unpack(">Q", _read_exact(fd, 8, deadline))
            parsed.tables[name] = pa.ipc.open_stream(pa.py_buffer(_read_exact(fd, size, deadline))).read_all().to_pandas()
        return parsed


def _read_exact(fd: int, size: int, deadline: float) -> bytearray:
    """``size`` bytes from ``fd`` into one buffer (read in place: no chunks joined), or _Deadline / EOFError."""
    buffer = bytearray(size)
    view, done = memoryview(buffer), 0
    while done < size:
        wait = deadline - time.monotonic()
        if wait <= 0 or not select.select([fd], [], [], wait)[0]:
            raise _Deadline
        count = os.readv(fd, [view[done : done + (1 << 22)]])
        if not count:
            raise EOFError
        done += count
    return buffer


class ParsedFile:
    """What the child says about one file: status, what it is, its frames and issues."""

    def __init__(
        self,
        status: str,
        frames: dict[Grain, pd.DataFrame],
        issues: list[Issue],
        report: str | None = None,
        platform: Platform | None = None,
        account: str | None = None,
        platform_candidates: tuple[Platform, ...] = (),
    ) -> None:
        self.status, self.frames, self.issues = status, frames, issues
        self.report, self.platform, self.account, self.platform_candidates = report, platform, account, platform_candidates
        self.tables: dict[str, pd.DataFrame] = {}  # named plain tables after the grains (an editorial plan)
        self.payload: object = None  # plain JSON data (a goals workbook's cells), for uploads that are no table

    def blobs(self) -> list[pa.Table]:
        """The frames and then the tables as Arrow tables (sent as IPC streams), in the order ``header()`` names them."""
        return [frame_to_table(frame) for frame in [*self.frames.values(), *self.tables.values()]]

    def header(self) -> dict[str, object]:
        return {
            "status": self.status,
            "report": self.report,
            "platform": str(self.platform) if self.platform else None,
            "account": self.account,
            "platform_candidates": [str(p) for p in self.platform_candidates],
            "issues": [i.to_dict() for i in self.issues],
            "grains": [str(g) for g in self.frames],
            "tables": list(self.tables),
            "payload": self.payload,
        }

    @classmethod
    def from_header(cls, header: dict[str, object], frames: dict[Grain, pd.DataFrame]) -> ParsedFile:
        issues = [Issue.from_dict(i) for i in header["issues"]]  # type: ignore[union-attr]
        parsed = cls(
            status=str(header["status"]),
            frames=frames,
            issues=issues,
            report=header["report"],  # type: ignore[arg-type]
            platform=Platform(header["platform"]) if header["platform"] else None,
            account=header["account"],  # type: ignore[arg-type]
            platform_candidates=tuple(Platform(p) for p in header["platform_candidates"]),  # type: ignore[union-attr]
        )
        parsed.payload = header.get("payload")
        return parsed


class ParserPool:
    """A few warm parser processes (one per core, at most two), shared by every thread of the server."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._idle: queue.Queue[ParserProcess] = queue.Queue()
        for _ in range(size):
            self._idle.put(ParserProcess())

    def parse(self, file: str, data: bytes, container: str, reference_date: dt.date, **kwargs: object) -> ParsedFile:
        process = self._idle.get()
        try:
            return process.parse(file, data, container, reference_date, **kwargs)  # type: ignore[arg-type]
        finally:
            self._idle.put(process)

    def adopt(self, process: subprocess.Popen[bytes]) -> None:
        """Hand an early-started child (``ingest.worker.spawn``) to the first parser."""
        self._all()[0].adopt(process)

    def _all(self) -> list[ParserProcess]:
        return list(self._idle.queue)

    def start(self) -> None:
        """Start every process, side by side (each takes about a second to import pandas)."""
        threads = [threading.Thread(target=process.start) for process in self._all()]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def close(self) -> None:
        for process in self._all():
            process.close()


_PARSERS = ParserPool(max(1, min(2, os.cpu_count() or 1)))  # one per server process, like a connection pool
atexit.register(_PARSERS.close)


def parser_process() -> ParserPool:
    """The process-wide parsers (started on first use; ``start()`` them early to have them warm)."""
    return _PARSERS
