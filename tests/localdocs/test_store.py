"""The generic local document store: Cosmos DB's document semantics on SQLite."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from localdocs import (
    MAX_ITEM_BYTES,
    ConflictError,
    DocumentError,
    DocumentStore,
    DocumentTooLargeError,
    InvalidContinuationError,
    NotFoundError,
    PreconditionFailedError,
)

DB, C = "db", "things"


@pytest.fixture
def store(tmp_path: Path) -> DocumentStore:
    s = DocumentStore(tmp_path / "docs.sqlite")
    yield s
    s.close()


def test_writes_get_a_fresh_etag_and_ts_and_point_reads_return_them(store: DocumentStore) -> None:
    first = store.upsert(DB, C, {"id": "a", "pk": "p", "n": 1, "_etag": "stale"}, "/pk")
    second = store.upsert(DB, C, {"id": "a", "pk": "p", "n": 2}, "/pk")
    assert first["_etag"] != second["_etag"] and first["_etag"] != '"stale"'
    assert store.read(DB, C, "p", "a") == second and second["n"] == 2 and isinstance(second["_ts"], int)
    assert store.read(DB, C, "other", "a") is None  # the partition key is part of the address
    assert store.read(DB, "elsewhere", "p", "a") is None


def test_create_if_absent_and_replace_if_match(store: DocumentStore) -> None:
    created = store.create(DB, C, {"id": "a", "v": 1})
    with pytest.raises(ConflictError):
        store.create(DB, C, {"id": "a", "v": 9})
    replaced = store.replace(DB, C, {"id": "a", "v": 2}, created["_etag"])
    with pytest.raises(PreconditionFailedError):
        store.replace(DB, C, {"id": "a", "v": 3}, created["_etag"])
    with pytest.raises(NotFoundError):
        store.replace(DB, C, {"id": "missing"}, created["_etag"])
    assert store.read(DB, C, "a", "a") == replaced


def test_of_many_writers_with_the_same_if_match_exactly_one_wins(tmp_path: Path) -> None:
    """Two stores on one file (as devhost and the app are) and several threads each: a
    lost update is impossible."""
    path = tmp_path / "docs.sqlite"
    stores = [DocumentStore(path), DocumentStore(path)]
    etag = stores[0].create(DB, C, {"id": "a", "winner": None})["_etag"]
    barrier = threading.Barrier(8)
    won: list[int] = []
    lost: list[int] = []

    def writer(i: int) -> None:
        barrier.wait()
        try:
            stores[i % 2].replace(DB, C, {"id": "a", "winner": i}, etag)
            won.append(i)
        except PreconditionFailedError:
            lost.append(i)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(won) == 1 and len(lost) == 7
    assert stores[1].read(DB, C, "a", "a")["winner"] == won[0]
    for s in stores:
        s.close()


def test_a_batch_is_checked_whole_before_anything_is_written(store: DocumentStore) -> None:
    store.upsert(DB, C, {"id": "keep", "v": 1})
    big = {"id": "big", "text": "é" * (MAX_ITEM_BYTES // 2)}  # two bytes each: just over the limit
    with pytest.raises(DocumentTooLargeError, match=r"'big' is 2,097,1\d\d bytes .* \(413\)"):
        store.upsert_many(DB, C, [{"id": "keep", "v": 2}, big])
    assert store.read(DB, C, "keep", "keep")["v"] == 1 and store.read(DB, C, "big", "big") is None
    fits = {"id": "fits", "text": "x" * (MAX_ITEM_BYTES - 30)}
    store.upsert(DB, C, fits)
    for bad in ({"no": "id"}, {"id": 7}, {"id": ""}, {"id": "nan", "x": float("nan")}, {"id": "s", "x": {1, 2}}):
        with pytest.raises(DocumentError):
            store.upsert(DB, C, bad)


def test_read_many_and_partition_queries(store: DocumentStore) -> None:
    store.upsert_many(
        DB, C, [{"id": f"e{i}", "pk": "p", "seq": i, "kind": "odd" if i % 2 else "even"} for i in range(1, 8)], "/pk"
    )
    store.upsert(DB, C, {"id": "x", "pk": "q", "seq": 100, "kind": "odd"}, "/pk")
    assert list(store.read_many(DB, C, "p", ["e3", "nope", "e1", "e3"])) == ["e3", "e1"]
    many = store.read_many(DB, C, "p", [f"e{i}" for i in range(2000)])  # beyond one chunk of parameters
    assert len(many) == 7
    after = store.query(DB, C, "p", greater_than=("seq", 4), order_by=("seq",))
    assert [d["seq"] for d in after] == [5, 6, 7]  # numbers compare as numbers (10 > 9)
    odd = store.query(DB, C, "p", equal={"kind": "odd"}, order_by=("seq",), descending=True)
    assert [d["id"] for d in odd] == ["e7", "e5", "e3", "e1"]
    with pytest.raises(ValueError):
        store.query(DB, C, "p", order_by=("seq) --",))


def test_listing_pages_cross_partition_newest_first_without_gaps_while_written(store: DocumentStore) -> None:
    docs = [{"id": f"c{i:03}", "owner": "alice" if i % 3 else "bob", "at": f"2026-01-01T00:{i // 2:02}"}
            for i in range(60)]  # pairs share a timestamp: ties are broken by partition and id
    store.upsert_many(DB, C, docs)
    expected = sorted((d for d in docs if d["owner"] == "alice"), key=lambda d: (d["at"], d["id"]), reverse=True)
    seen: list[str] = []
    token = None
    while True:
        page = store.list_page(DB, C, order_by=("at",), equal={"owner": "alice"}, page_size=7, continuation=token)
        seen += [d["id"] for d in page.items]
        if len(seen) == 14:  # a newer document written between pages does not shift the next page
            store.upsert(DB, C, {"id": "new", "owner": "alice", "at": "2027-01-01T00:00"})
        token = page.continuation
        if token is None:
            break
    assert seen == [d["id"] for d in expected]
    assert store.list_page(DB, C, order_by=("at",), equal={"owner": "carol"}).items == []
    store.upsert(DB, C, {"id": "undated", "owner": "alice"})  # lacks the order field: not listed
    assert "undated" not in [d["id"] for d in store.list_page(DB, C, order_by=("at",), page_size=1000).items]


def test_a_continuation_token_is_opaque_and_bound_to_its_query(store: DocumentStore) -> None:
    store.upsert_many(DB, C, [{"id": f"c{i}", "owner": "alice", "at": str(i)} for i in range(5)])
    token = store.list_page(DB, C, order_by=("at",), equal={"owner": "alice"}, page_size=2).continuation
    assert token is not None
    for bad in ("garbage", "!!", token[:-3], "eyJxIjoiYSIsImsiOlsxXX0"):
        with pytest.raises(InvalidContinuationError):
            store.list_page(DB, C, order_by=("at",), equal={"owner": "alice"}, continuation=bad)
    with pytest.raises(InvalidContinuationError):  # another owner's query
        store.list_page(DB, C, order_by=("at",), equal={"owner": "bob"}, continuation=token)
    with pytest.raises(ValueError):
        store.list_page(DB, C, order_by=("at",), page_size=0)


def test_a_listing_uses_its_index(store: DocumentStore) -> None:
    name = store.ensure_index(DB, C, ["owner", "at"])
    assert store.ensure_index(DB, C, ["owner", "at"]) == name
    sql, params, _ = store._listing(DB, C, ("at",), {"owner": "alice"}, True, 20, None)
    with sqlite3.connect(store.path) as conn:
        plan = " ".join(str(row[-1]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    assert name in plan and "TEMP B-TREE" not in plan  # no sort: the index gives the order


def test_a_file_of_the_earlier_schema_opens_and_keeps_its_documents(tmp_path: Path) -> None:
    path = tmp_path / "documents.sqlite"
    with sqlite3.connect(path) as conn:  # what devhost wrote before localdocs (no seq index)
        conn.execute(
            "CREATE TABLE documents (database TEXT NOT NULL, container TEXT NOT NULL, partition_key TEXT NOT NULL, "
            "id TEXT NOT NULL, body TEXT NOT NULL, etag TEXT NOT NULL, ts INTEGER NOT NULL, seq INTEGER NOT NULL, "
            "PRIMARY KEY (database, container, partition_key, id))"
        )
        conn.execute("INSERT INTO documents VALUES ('db', 'things', '\"a\"', 'a', "
                     "'{\"id\": \"a\", \"_etag\": \"\\\"e1\\\"\", \"_ts\": 1}', '\"e1\"', 1, 41)")
    store = DocumentStore(path)
    assert store.read(DB, C, "a", "a") == {"id": "a", "_etag": '"e1"', "_ts": 1}
    store.replace(DB, C, {"id": "a", "v": 2}, '"e1"')
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT MAX(seq) FROM documents").fetchone() == (42,)
        assert conn.execute("SELECT name FROM sqlite_master WHERE name='documents_seq'").fetchone()
    store.close()
    with pytest.raises(RuntimeError, match="closed"):
        store.read(DB, C, "a", "a")


def test_reads_go_on_while_writes_are_under_way(store: DocumentStore) -> None:
    """A reader pool apart from the writer, and WAL: the API reads while devhost and this
    store's own writer are mid-write (a liveness check with a generous bound)."""
    store.upsert(DB, C, {"id": "a", "v": 1})
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE documents SET body = body WHERE id = 'a'")
    store._write_lock.acquire()  # a write of this store in another thread, waiting for the file
    try:
        result: list[object] = []
        reader = threading.Thread(target=lambda: result.append(store.read(DB, C, "a", "a")))
        reader.start()
        reader.join(timeout=5)
        assert result and result[0]["v"] == 1  # type: ignore[index]
    finally:
        store._write_lock.release()
        other.execute("ROLLBACK")
        other.close()


def test_localdocs_and_devhost_binding_know_nothing_of_the_app() -> None:
    import subprocess
    import sys

    code = ("import sys, localdocs, devhost.bindings.cosmos; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'marketing_agents', 'api', 'activities'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "[]"
