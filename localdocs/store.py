"""The local document store: Cosmos DB's document semantics on one SQLite file.

Generic on purpose (it knows databases, containers, partition keys and JSON documents,
nothing of what they mean), so that devhost's Cosmos DB output binding and an app's own
repository share one schema, one upsert and one etag rule without importing each other.
The contract, including the on-disk schema, is docs/local-document-store.md.

Every method is synchronous and thread-safe: async callers run it in a thread
(``asyncio.to_thread``) so SQLite never blocks an event loop. Writes go through one
connection and ``BEGIN IMMEDIATE`` (serialised across threads and processes); reads use a
small pool of connections, so readers in several threads run in parallel (WAL mode).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import queue
import re
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .limits import partition_key_value, serialize_document
from .paging import decode_token, encode_token, query_fingerprint

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    database      TEXT NOT NULL,
    container     TEXT NOT NULL,
    partition_key TEXT NOT NULL,
    id            TEXT NOT NULL,
    body          TEXT NOT NULL,
    etag          TEXT NOT NULL,
    ts            INTEGER NOT NULL,
    seq           INTEGER NOT NULL,
    PRIMARY KEY (database, container, partition_key, id)
);
CREATE INDEX IF NOT EXISTS documents_seq ON documents (seq);
"""

SYSTEM_PROPERTIES = ("_etag", "_ts")
_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")
_READ_MANY_CHUNK = 500  # well under SQLite's bound-parameter limit
MAX_PAGE_SIZE = 1000
Document = dict[str, Any]
Scalar = str | int | float | bool | None


class StoreError(Exception):
    """Base of the store's refusals (a write's precondition did not hold)."""


class ConflictError(StoreError):
    """A create hit an existing id (Cosmos DB's 409)."""


class PreconditionFailedError(StoreError):
    """The document's etag is not the one the write was conditioned on (Cosmos DB's 412)."""


class NotFoundError(StoreError):
    """A replace of a document that does not exist (Cosmos DB's 404)."""


@dataclass(frozen=True)
class Page:
    """One page of a listing and the token of the next one (None on the last page)."""

    items: list[Document]
    continuation: str | None


def field_expression(field: str) -> str:
    """SQL for a document field (``owner``, ``brief.product``). Field names are checked,
    not quoted, because an expression index matches only the exact same expression."""
    if not _FIELD.fullmatch(field):
        raise ValueError(f"not a document field name: {field!r}")
    return f"json_extract(body, '$.{field}')"


def _partition_key(value: Any) -> str:
    return json.dumps(value)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


class DocumentStore:
    """One SQLite document store file (created, or migrated in place, on open)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._write_lock = threading.Lock()
        self._writer = _connect(self.path)
        self._writer.execute("PRAGMA journal_mode=WAL")
        self._writer.execute("PRAGMA synchronous=NORMAL")  # WAL: durable across process crashes
        self._writer.executescript(SCHEMA)
        self._readers: queue.SimpleQueue[sqlite3.Connection] = queue.SimpleQueue()
        self._all_readers: list[sqlite3.Connection] = []
        self._pool_lock = threading.Lock()
        self._closed = False

    # ------------------------------------------------------------------ writes

    def upsert(
        self, database: str, container: str, doc: Mapping[str, Any], partition_key_path: str = "/id"
    ) -> Document:
        """Replace the whole document or create it; returns it with its new _etag and _ts."""
        return self.upsert_many(database, container, [doc], partition_key_path)[0]

    def upsert_many(
        self, database: str, container: str, docs: Sequence[Mapping[str, Any]], partition_key_path: str = "/id"
    ) -> list[Document]:
        """Upsert every document in one transaction (an output binding's batch): all are
        checked before any is written, so a refused one leaves the store unchanged."""
        prepared = [_Prepared(doc, partition_key_path) for doc in docs]
        with self._transaction() as conn:
            seq = _last_seq(conn)
            for item in prepared:
                seq += 1
                item.store(conn, database, container, seq)
        return [item.body() for item in prepared]

    def create(
        self, database: str, container: str, doc: Mapping[str, Any], partition_key_path: str = "/id"
    ) -> Document:
        """Store a new document; raises :class:`ConflictError` if its id is taken."""
        item = _Prepared(doc, partition_key_path)
        with self._transaction() as conn:
            if item.current_etag(conn, database, container) is not None:
                raise ConflictError(item.doc_id)
            item.store(conn, database, container, _last_seq(conn) + 1)
        return item.body()

    def replace(
        self, database: str, container: str, doc: Mapping[str, Any], if_match: str, partition_key_path: str = "/id"
    ) -> Document:
        """Replace only if the stored etag is ``if_match``: of two writers that read the
        same version, exactly one wins and the other gets :class:`PreconditionFailedError`."""
        item = _Prepared(doc, partition_key_path)
        with self._transaction() as conn:
            current = item.current_etag(conn, database, container)
            if current is None:
                raise NotFoundError(item.doc_id)
            if current != if_match:
                raise PreconditionFailedError(item.doc_id)
            item.store(conn, database, container, _last_seq(conn) + 1)
        return item.body()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._write_lock:
            self._check_open()
            self._writer.execute("BEGIN IMMEDIATE")
            try:
                yield self._writer
            except BaseException:
                self._writer.execute("ROLLBACK")
                raise
            self._writer.execute("COMMIT")

    # ------------------------------------------------------------------ reads

    def read(self, database: str, container: str, partition_key: Any, doc_id: str) -> Document | None:
        """Point read: the document (with _etag and _ts) or None."""
        with self._reader() as conn:
            row = conn.execute(
                "SELECT body FROM documents WHERE database=? AND container=? AND partition_key=? AND id=?",
                (database, container, _partition_key(partition_key), doc_id),
            ).fetchone()
        return None if row is None else json.loads(row[0])

    def read_many(self, database: str, container: str, partition_key: Any, ids: Sequence[str]) -> dict[str, Document]:
        """Point reads of several ids of one partition in one query; missing ids are left out."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Document] = {}
        with self._reader() as conn:
            for start in range(0, len(wanted), _READ_MANY_CHUNK):
                chunk = wanted[start : start + _READ_MANY_CHUNK]
                rows = conn.execute(
                    "SELECT id, body FROM documents WHERE database=? AND container=? AND partition_key=? "
                    f"AND id IN ({', '.join('?' * len(chunk))})",
                    (database, container, _partition_key(partition_key), *chunk),
                ).fetchall()
                found.update((row[0], json.loads(row[1])) for row in rows)
        return {i: found[i] for i in wanted if i in found}

    def query(
        self,
        database: str,
        container: str,
        partition_key: Any,
        *,
        equal: Mapping[str, Scalar] | None = None,
        greater_than: tuple[str, Scalar] | None = None,
        order_by: Sequence[str] = (),
        descending: bool = False,
    ) -> list[Document]:
        """The documents of one partition whose fields equal ``equal`` (and whose field
        ``greater_than[0]`` is above ``greater_than[1]``), ordered by ``order_by``."""
        clauses = ["database=?", "container=?", "partition_key=?"]
        params: list[Any] = [database, container, _partition_key(partition_key)]
        _add_equal(clauses, params, equal)
        if greater_than is not None:
            clauses.append(f"{field_expression(greater_than[0])} > ?")
            params.append(greater_than[1])
        direction = " DESC" if descending else ""
        order = [f"{field_expression(f)}{direction}" for f in order_by] + [f"id{direction}"]
        sql = f"SELECT body FROM documents WHERE {' AND '.join(clauses)} ORDER BY {', '.join(order)}"
        with self._reader() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [json.loads(row[0]) for row in rows]

    def list_page(
        self,
        database: str,
        container: str,
        *,
        order_by: Sequence[str],
        equal: Mapping[str, Scalar] | None = None,
        descending: bool = True,
        page_size: int = 20,
        continuation: str | None = None,
    ) -> Page:
        """A page of a cross-partition listing, ordered by ``order_by`` (ties broken by
        partition key and id), filtered by ``equal``. Documents missing an ``order_by``
        field are not listed. Paging is keyset: the token resumes after the last document
        of the page, so pages stay cheap and consistent while documents are written."""
        sql, params, fingerprint = self._listing(
            database, container, order_by, equal, descending, page_size, continuation
        )
        with self._reader() as conn:
            rows = conn.execute(sql, params).fetchall()
        items = [json.loads(row[0]) for row in rows[:page_size]]
        token = encode_token(fingerprint, rows[page_size - 1][1:]) if len(rows) > page_size else None
        return Page(items, token)

    @staticmethod
    def _listing(
        database: str,
        container: str,
        order_by: Sequence[str],
        equal: Mapping[str, Scalar] | None,
        descending: bool,
        page_size: int,
        continuation: str | None,
    ) -> tuple[str, list[Any], str]:
        """The SQL and parameters of one listing page, and the query's fingerprint."""
        if not order_by:
            raise ValueError("a listing needs at least one order_by field")
        if not isinstance(page_size, int) or not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page size must be between 1 and {MAX_PAGE_SIZE}")
        shape = [database, container, sorted((equal or {}).items()), list(order_by), descending]
        fingerprint = query_fingerprint(shape)
        keys = [field_expression(f) for f in order_by]
        clauses = ["database=?", "container=?", *(f"{k} IS NOT NULL" for k in keys)]
        params: list[Any] = [database, container]
        _add_equal(clauses, params, equal)
        columns = [*keys, "partition_key", "id"]
        if continuation:
            after = decode_token(continuation, fingerprint, len(columns))
            clauses.append(f"({', '.join(columns)}) {'<' if descending else '>'} ({', '.join('?' * len(columns))})")
            params.extend(after)
        direction = " DESC" if descending else ""
        sql = (
            f"SELECT body, {', '.join(columns)} FROM documents WHERE {' AND '.join(clauses)} "
            f"ORDER BY {', '.join(c + direction for c in columns)} LIMIT ?"
        )
        return sql, [*params, page_size + 1], fingerprint

    def ensure_index(self, database: str, container: str, fields: Sequence[str]) -> str:
        """An index for listings of ``container`` filtered or ordered by ``fields`` (in that
        order: equality fields first, then the order), like a Cosmos DB composite index.
        Returns its name; idempotent."""
        expressions = [field_expression(f) for f in fields]
        digest = hashlib.sha256(json.dumps([database, container, list(fields)]).encode()).hexdigest()[:12]
        name = f"documents_by_{digest}"
        with self._transaction() as conn:
            conn.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON documents "
                f"(database, container, {', '.join(expressions)}, partition_key, id)"
            )
        return name

    @contextlib.contextmanager
    def _reader(self) -> Iterator[sqlite3.Connection]:
        self._check_open()
        try:
            conn = self._readers.get_nowait()
        except queue.Empty:
            conn = _connect(self.path)
            with self._pool_lock:
                self._all_readers.append(conn)
        try:
            yield conn
        finally:
            self._readers.put(conn)

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError(f"the document store {self.path} is closed")

    def close(self) -> None:
        with self._write_lock:
            if self._closed:
                return
            self._closed = True
            with self._pool_lock:
                for conn in self._all_readers:
                    conn.close()
            self._writer.close()


class _Prepared:
    """A document checked and serialised once, outside the write lock."""

    def __init__(self, doc: Mapping[str, Any], partition_key_path: str) -> None:
        if isinstance(doc, Mapping):  # what is not a mapping, serialize_document refuses by name
            doc = {k: v for k, v in doc.items() if k not in SYSTEM_PROPERTIES}
        self.doc_id, text = serialize_document(doc)
        self.partition_key = _partition_key(partition_key_value(doc, partition_key_path))
        self.etag = f'"{uuid.uuid4()}"'
        self.ts = int(time.time())
        self.text = f'{text[:-1]},"_etag":{json.dumps(self.etag)},"_ts":{self.ts}}}'

    def current_etag(self, conn: sqlite3.Connection, database: str, container: str) -> str | None:
        row = conn.execute(
            "SELECT etag FROM documents WHERE database=? AND container=? AND partition_key=? AND id=?",
            (database, container, self.partition_key, self.doc_id),
        ).fetchone()
        return None if row is None else str(row[0])

    def store(self, conn: sqlite3.Connection, database: str, container: str, seq: int) -> None:
        conn.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(database, container, partition_key, id) DO UPDATE SET "
            "body = excluded.body, etag = excluded.etag, ts = excluded.ts, seq = excluded.seq",
            (database, container, self.partition_key, self.doc_id, self.text, self.etag, self.ts, seq),
        )

    def body(self) -> Document:
        result: Document = json.loads(self.text)
        return result


def _last_seq(conn: sqlite3.Connection) -> int:
    (seq,) = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM documents").fetchone()
    return int(seq)


def _add_equal(clauses: list[str], params: list[Any], equal: Mapping[str, Scalar] | None) -> None:
    for field, value in sorted((equal or {}).items()):
        if value is None:
            clauses.append(f"{field_expression(field)} IS NULL")
        else:
            clauses.append(f"{field_expression(field)} = ?")
            params.append(value)
