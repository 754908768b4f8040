"""Bulk reads from the SQLite file through ADBC, in a child process: ``python -m storage.loader``.

ADBC reads rows straight into Arrow columns, several times faster than Python's sqlite3 module.
It brings its own copy of SQLite, and two copies of SQLite in one process must never open the
same database file: closing a file in one copy drops the POSIX locks the other holds, which can
corrupt the database. So the app's process keeps Python's sqlite3 (through SQLAlchemy) and bulk
reads run here. Request: ``{"path": file, "queries": [SQL, ...]}`` as JSON on stdin, read after the imports, so
a process can be started ahead of the read (``storage.queries.warm_loader``); answers: each result as an 8-byte
length and an Arrow IPC stream.

Memory: the driver reserves every column's buffers for a whole batch up front. A batch of a billion
rows (to get one batch per query) reserved 270 GB of address space: harmless without a limit (the
pages are never touched), but under any ``ulimit -v`` (even 16 GiB) the allocation failed and the
driver crashed with a segmentation fault. So each query first counts its rows and the batch is
exactly that large: still one batch, and the reservation is what the rows need.
"""

from __future__ import annotations

import json
import struct
import sys


def main() -> int:
    import adbc_driver_sqlite.dbapi
    import pyarrow as pa

    request = json.loads(sys.stdin.buffer.read() or b"null")
    if request is None:  # a spare the server did not need (it closed the pipe on shutdown)
        return 0
    out = sys.stdout.buffer
    with adbc_driver_sqlite.dbapi.connect(request["path"], autocommit=True) as connection, connection.cursor() as cursor:
        for sql in request["queries"]:
            # The driver infers each column's type from its first batch: one batch for all rows, so
            # that a column empty at first cannot clash with later values.
            cursor.execute(f"SELECT COUNT(*) FROM ({sql})")
            rows = cursor.fetchone()[0]
            cursor.adbc_statement.set_options(**{"adbc.sqlite.query.batch_rows": str(max(int(rows), 1))})
            cursor.execute(sql)
            table = cursor.fetch_arrow_table()
            # Metrics a platform never exports are empty columns: the reader adds them back as missing.
            empty = [name for name, column in zip(table.column_names, table.columns, strict=True) if table.num_rows and column.null_count == table.num_rows]
            table = table.drop_columns(empty)
            sink = pa.BufferOutputStream()
            with pa.ipc.new_stream(sink, table.schema) as writer:
                writer.write_table(table)
            data = sink.getvalue()
            out.write(struct.pack(">Q", data.size))
            out.write(memoryview(data))  # no copy of a buffer that may hold hundreds of megabytes
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
