"""Import semantics on SQLite and PostgreSQL alike: duplicates, newest wins, undo, transactions."""

from __future__ import annotations

import threading

import pandas as pd
import pytest
from sqlalchemy import func, select

from model.canonical import Grain
from model.results import FileResult, Status
from storage.imports import import_history, store_results, undo_import
from storage.queries import current
from storage.schema import daily, imports, posts
from tests.conftest import read_files, read_one

HEADER = '"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
APRIL_12_13 = (HEADER + '"April 12","1591","7","10","1","0"\n"April 13","1154","1","5","0","0"\n').encode()
APRIL_13_14 = (HEADER + '"April 13","2000","2","6","0","1"\n"April 14","3000","3","7","1","1"\n').encode()


def imported(engine, name: str, data: bytes, **kwargs):
    [result] = store_results(engine, [read_one(name, data, **kwargs)])
    return result


def views_by_day(engine) -> dict[str, float]:
    frame = current(engine, Grain.DAILY, platform="tiktok")
    return dict(zip(frame["date"].dt.strftime("%m-%d"), frame["views"], strict=True))


def count(engine, table) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar_one()


def test_import_stores_rows_with_their_provenance(engine) -> None:
    result = imported(engine, "Overview.csv", APRIL_12_13, account="brand")
    assert result.status is Status.IMPORTED
    frame = current(engine, Grain.DAILY)
    assert frame["views"].tolist() == [1591.0, 1154.0]
    assert frame["engagements"].tolist() == [11.0, 5.0]  # likes + comments + shares
    assert frame["import_id"].tolist() == [result.import_id] * 2
    with engine.connect() as connection:
        assert connection.execute(select(daily.c.source_row).order_by(daily.c.date)).scalars().all() == [2, 3]


def test_same_bytes_twice_is_a_duplicate_and_changes_nothing(engine) -> None:
    first = imported(engine, "Overview.csv", APRIL_12_13)
    again = imported(engine, "copy of Overview.csv", APRIL_12_13)
    assert (again.status, again.import_id) == (Status.DUPLICATE, first.import_id)
    assert count(engine, daily) == 2
    assert count(engine, imports) == 1


def test_newest_import_wins_per_key_and_undo_restores_the_older_values(engine) -> None:
    imported(engine, "Overview.csv", APRIL_12_13, account="brand")
    newer = imported(engine, "Overview (1).csv", APRIL_13_14, account="brand")
    assert views_by_day(engine) == {"04-12": 1591.0, "04-13": 2000.0, "04-14": 3000.0}
    assert count(engine, daily) == 4  # the older April 13 stays stored
    assert undo_import(engine, newer.import_id)
    assert views_by_day(engine) == {"04-12": 1591.0, "04-13": 1154.0}
    history = import_history(engine)
    assert history["status"].tolist() == ["undone", "active"]
    assert not undo_import(engine, newer.import_id)  # undoing twice changes nothing


def test_a_newer_file_without_a_metric_keeps_the_older_value_of_it(engine) -> None:
    reach = b'"Date","Total Viewers","New Viewers","Returning Viewers"\n"April 12","900","1","2"\n'
    imported(engine, "Viewers.csv", reach, account="brand")
    imported(engine, "Overview.csv", APRIL_12_13, account="brand")
    day = current(engine, Grain.DAILY).iloc[0]
    assert (day["reach"], day["views"]) == (900.0, 1591.0)


def test_undone_bytes_can_be_imported_again(engine) -> None:
    first = imported(engine, "Overview.csv", APRIL_12_13)
    undo_import(engine, first.import_id)
    again = imported(engine, "Overview.csv", APRIL_12_13)
    assert again.status is Status.IMPORTED
    assert again.import_id != first.import_id
    assert count(engine, daily) == 2


def test_a_file_that_fails_while_storing_stores_nothing(engine) -> None:
    result = read_one("Overview.csv", APRIL_12_13)
    frame = result.frames[Grain.DAILY]
    result.frames[Grain.POST] = pd.DataFrame()  # nothing
    # two rows with the same key: the second insert violates the primary key mid-transaction
    result.frames[Grain.DAILY] = pd.concat([frame, frame.iloc[[0]]], ignore_index=True)
    store_results(engine, [result])
    assert result.status is Status.ERROR
    assert "nothing of it was stored" in result.issues[-1].message
    assert (count(engine, imports), count(engine, daily)) == (0, 0)


def test_two_concurrent_imports_both_succeed(engine) -> None:
    files = [("Overview.csv", APRIL_12_13, "one"), ("Overview.csv", APRIL_13_14, "two")]
    results = [read_one(name, data, account=account) for name, data, account in files]
    start = threading.Barrier(2)

    def run(result) -> None:
        start.wait()
        store_results(engine, [result])

    threads = [threading.Thread(target=run, args=(r,)) for r in results]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert [r.status for r in results] == [Status.IMPORTED, Status.IMPORTED]
    assert count(engine, daily) == 4


def test_posts_keep_text_and_utc_publish_time(engine) -> None:
    content = (
        '"Time","Video title","Video link","Post time","Total likes","Total comments","Total shares","Total views"\n'
        '"February 28","Ümlaut & emoji 🚀","https://www.tiktok.com/@acme/video/123","July 16","5","1","0","100"\n'
    ).encode()
    imported(engine, "Content.csv", content)
    post = current(engine, Grain.POST).iloc[0]
    assert (post["account"], post["post_id"], post["text"]) == ("acme", "123", "Ümlaut & emoji 🚀")
    # export day "February 28" is 2026-02-28 (before the reference 2026-11-26); July 16 is the last one before it
    assert post["published_at"] == pd.Timestamp("2025-07-16", tz="UTC")
    assert count(engine, posts) == 1


def test_batch_of_files_in_one_upload_resolves_meta_platform_from_siblings(engine) -> None:
    def overview(title: str, value: int) -> bytes:
        return f'sep=,\n"{title}"\n"Date","Primary"\n"2025-01-01T01:00:00","{value}"\n'.encode("utf-16")

    results = store_results(engine, read_files(("export/Reach.csv", overview("Facebook reach", 5)), ("export/Views.csv", overview("Views", 40))))
    assert [(r.platform, r.status) for r in results] == [("facebook", Status.IMPORTED)] * 2
    day = current(engine, Grain.DAILY).iloc[0]
    assert (day["reach"], day["impressions"]) == (5.0, 40.0)


def test_bare_meta_file_alone_asks_for_the_platform(engine) -> None:
    data = 'sep=,\n"Views"\n"Date","Primary"\n"2025-01-01T01:00:00","40"\n'.encode("utf-16")
    result = imported(engine, "Views.csv", data)
    assert result.status is Status.ERROR
    assert result.issues[-1].code == "ingest.platform_undecided" and "Facebook / Instagram" in result.issues[-1].message
    assert imported(engine, "Views.csv", data, platform="instagram").platform == "instagram"


@pytest.mark.parametrize("grain", list(Grain))
def test_empty_store_gives_empty_canonical_frames(engine, grain) -> None:
    assert current(engine, grain).empty


def test_migrations_build_exactly_the_declared_schema(engine) -> None:
    """Alembic's revisions and storage/schema.py must not drift apart (a new table needs both)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from storage.schema import metadata

    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []


def test_the_start_s_head_revision_is_alembic_s() -> None:
    # make_engine skips Alembic when the database is at head_revision(): it must be the head Alembic upgrades to.
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from storage.engine import MIGRATIONS, head_revision

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert head_revision() == ScriptDirectory.from_config(config).get_current_head()


def test_a_database_one_revision_behind_is_migrated_on_open(tmp_path) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect, text

    from storage.engine import MIGRATIONS, head_revision, make_engine

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect().execution_options(write=True) as connection, connection.begin():
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")  # as the previous release left it
    assert "audit_log" not in inspect(make_engine(url, migrate_schema=False)).get_table_names()
    reopened = make_engine(url)
    assert {"audit_log", "role_assignments"} <= set(inspect(reopened).get_table_names())
    with reopened.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()


def test_a_reader_started_ahead_serves_the_next_read_and_another_stands_by(demo_db: str) -> None:
    from storage import queries
    from storage.engine import make_engine
    from storage.queries import load_dataset

    cold = load_dataset(make_engine(demo_db))  # no spare: a reader started for this read
    queries.warm_loader()
    spare = queries._spare
    try:
        warm = load_dataset(make_engine(demo_db))
        assert spare is not None and spare.returncode == 0  # it answered this read
        assert queries._spare is not None and queries._spare is not spare and queries._spare.poll() is None
        pd.testing.assert_frame_equal(warm.daily, cold.daily)
        pd.testing.assert_frame_equal(warm.posts, cold.posts)
    finally:
        queries._spare_wanted = False
        standing = queries._take_loader()
        assert standing.communicate(b"", timeout=60)[0] == b"" and standing.returncode == 0  # an unused spare ends quietly


def stored_posts(engine, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame``'s posts stored as one import, read back by post id."""
    from model.canonical import Platform, conform

    result = FileResult(
        file="posts.csv", sha256="ab" * 32, size=1, status=Status.PARSED, platform=Platform.OTHER, frames={Grain.POST: conform(frame, Grain.POST)}
    )
    [stored] = store_results(engine, [result])
    assert stored.status is Status.IMPORTED, stored.issues
    return current(engine, Grain.POST).sort_values("post_id")


def test_texts_that_look_like_markers_and_missing_values_are_stored_as_they_are(engine) -> None:
    # PostgreSQL receives the rows as CSV through COPY: an empty text must stay empty, a missing one NULL,
    # and quotes, separators, line breaks, backslashes and "\N" must be text, not syntax.

    texts = ["", None, "\\N", 'sagt "hallo",\tdann\r\nneue Zeile', "$5 statt $10 *fett*", "Ümlaut 🚀"]
    frame = pd.DataFrame(
        {
            "platform": "other",
            "account": "blog",
            "post_id": [f"p{i}" for i in range(len(texts))],
            "published_at": pd.to_datetime(["2026-03-01 09:30:15.250", None, *(f"2026-03-0{d} 08:00:00" for d in range(2, 6))], utc=True, format="ISO8601"),
            "text": pd.Series(texts, dtype="str"),
            "impressions": [1.5, None, 0.0, 1e15, 1 / 3, 7.0],
            "source_row": range(2, 2 + len(texts)),
        }
    )
    back = stored_posts(engine, frame)
    assert [None if pd.isna(t) else t for t in back["text"]] == texts
    assert back["impressions"].tolist()[0] == 1.5 and pd.isna(back["impressions"].tolist()[1])
    assert back["impressions"].tolist()[2:] == [0.0, 1e15, 1 / 3, 7.0]
    assert back["published_at"].iloc[0] == pd.Timestamp("2026-03-01 09:30:15.250", tz="UTC")
    assert pd.isna(back["published_at"].iloc[1])


def test_reading_and_storing_tell_their_progress_file_by_file(engine) -> None:
    from ingest.pipeline import read_batch
    from tests.conftest import REFERENCE_DATE

    files = [("a/Overview.csv", APRIL_12_13), ("b/Overview.csv", APRIL_13_14), ("broken.xlsx", b"PK\x03\x04 not a workbook")]
    read: list[tuple[int, int, str]] = []
    stored: list[tuple[int, int, str]] = []
    results = read_batch(files, reference_date=REFERENCE_DATE, progress=lambda *told: read.append(told))
    store_results(engine, results, progress=lambda *told: stored.append(told))
    assert read == [(1, 3, "a/Overview.csv"), (2, 3, "b/Overview.csv"), (3, 3, "broken.xlsx")]  # in the upload's order
    assert stored == [(1, 3, "a/Overview.csv"), (2, 3, "b/Overview.csv"), (3, 3, "broken.xlsx")]


def test_a_nul_character_deep_in_a_csv_is_dropped_so_both_stores_take_the_file(engine) -> None:
    # Byte 0 in the first 4 KB marks a binary file (refused); further down it is a damaged cell that PostgreSQL's
    # text columns cannot hold: it is dropped with a warning, and the file stores alike on both stores.
    rows = "".join(f'"XING","Acme","p{i}","2026-03-01","Text {i}","10"\n' for i in range(200))
    data = ('"Kanal","Konto","Beitrags-ID","Veröffentlicht am","Text","Impressionen"\n' + rows).encode() + b'"XING","Acme","px","2026-03-02","a\x00b","10"\n'
    result = imported(engine, "xing.csv", data)
    assert result.status is Status.IMPORTED
    assert [i.code for i in result.issues] == ["ingest.read.nul_characters"]
    assert current(engine, Grain.POST).set_index("post_id").loc["px", "text"] == "ab"


def test_rows_sent_to_postgresql_in_slices_arrive_whole(engine, monkeypatch: pytest.MonkeyPatch) -> None:
    # COPY receives the CSV in slices (the server reads one while the next is written): a slice boundary must not
    # lose, repeat or split a row, also where a text holds line breaks and quotes.
    import storage.imports

    monkeypatch.setattr(storage.imports, "COPY_SLICE_ROWS", 2)
    texts = ["eins", 'zwei "mit"\nUmbruch', "", None, "fünf,\r\nsechs", "sieben"]
    frame = pd.DataFrame(
        {
            "platform": "other", "account": "blog", "post_id": [f"p{i}" for i in range(len(texts))],
            "published_at": pd.to_datetime([f"2026-03-0{d + 1} 08:00:00" for d in range(len(texts))], utc=True),
            "text": pd.Series(texts, dtype="str"), "impressions": [float(i) for i in range(len(texts))], "source_row": range(2, 2 + len(texts)),
        }
    )  # fmt: skip
    back = stored_posts(engine, frame)
    assert [None if pd.isna(t) else t for t in back["text"]] == texts
    assert back["impressions"].tolist() == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
