"""The Cosmos DB output binding: upserts into the local document store or real Cosmos.

The local backend follows docs/local-document-store.md exactly, because the app's own
repository reads the same SQLite file.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .cosmos_sdk import CosmosAccountWriter, parse_account

DOCUMENTS_SCHEMA = """
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
"""

LOCAL_PREFIX = "LocalDocumentStore="
# Cosmos DB's item limit: 2 MB of the item's UTF-8 JSON (what the service measures).
MAX_ITEM_BYTES = 2 * 1024 * 1024


class DocumentTooLargeError(ValueError):
    """A document over Cosmos DB's item size limit: the service answers 413 and the
    extension fails the invocation, so devhost fails it the same way, before any write."""


def item_size(doc: Mapping[str, Any]) -> int:
    """The document's size as Cosmos DB counts it: bytes of its UTF-8 JSON."""
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    return len(text.encode("utf-8", errors="surrogatepass"))


def check_documents(binding: str, docs: list[dict[str, Any]]) -> None:
    """Reject what Cosmos DB would reject, for every document before any is written."""
    for doc in docs:
        if "id" not in doc:
            raise ValueError(f"Cosmos DB output binding {binding!r}: a document needs an 'id'")
        size = item_size(doc)
        if size > MAX_ITEM_BYTES:
            raise DocumentTooLargeError(
                f"Cosmos DB output binding {binding!r}: document {str(doc['id'])!r} is "
                f"{size:,} bytes of UTF-8 JSON, over Cosmos DB's item limit of "
                f"{MAX_ITEM_BYTES:,} bytes (2 MB): Response status code does not indicate "
                f"success: RequestEntityTooLarge (413)")


def to_documents(value: Any) -> list[dict[str, Any]]:
    """A binding value (func.Document, dict, JSON text, or a list of them) as dicts."""
    if isinstance(value, (str, bytes)):
        value = json.loads(value)
    if isinstance(value, Mapping):
        return [dict(value)]
    if isinstance(value, (list, tuple)) or hasattr(value, "__iter__"):
        docs: list[dict[str, Any]] = []
        for item in value:
            docs.extend(to_documents(item))
        return docs
    raise TypeError(f"cannot write {type(value).__name__} to a Cosmos DB output binding")


def partition_key_value(doc: Mapping[str, Any], path: str) -> Any:
    """The value at a partition key path like ``/id`` or ``/tenant/region`` (None if absent)."""
    current: Any = doc
    for part in path.strip("/").split("/"):
        if not isinstance(current, Mapping) or part not in current:
            return None
        current = current[part]
    return current


class LocalDocumentStore:
    """Writer side of the local document store; thread-safe (activities run in threads)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path, timeout=30, isolation_level=None,
                                     check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA busy_timeout=30000")
        self._conn.executescript(DOCUMENTS_SCHEMA)

    def upsert(self, database: str, container: str, docs: list[dict[str, Any]],
               partition_key_path: str = "/id") -> None:
        """Replace whole documents (the output binding's semantics), one transaction."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                (seq,) = self._conn.execute(
                    "SELECT COALESCE(MAX(seq), 0) FROM documents").fetchone()
                for doc in docs:
                    seq += 1
                    self._upsert_one(database, container, doc, partition_key_path, seq)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _upsert_one(self, database: str, container: str, doc: dict[str, Any],
                    pk_path: str, seq: int) -> None:
        if "id" not in doc:
            raise ValueError("a Cosmos DB document needs an 'id'")
        etag, ts = f'"{uuid.uuid4()}"', int(time.time())
        body = {**doc, "_etag": etag, "_ts": ts}
        pk = json.dumps(partition_key_value(doc, pk_path))
        self._conn.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(database, container, partition_key, id) DO UPDATE SET "
            "body = excluded.body, etag = excluded.etag, ts = excluded.ts, seq = excluded.seq",
            (database, container, pk, str(doc["id"]), json.dumps(body), etag, ts, seq))

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class CosmosOutput:
    """Routes a cosmosDB output binding to the backend its connection setting names."""

    def __init__(self, app_dir: Path) -> None:
        self.app_dir = app_dir
        self._local: dict[Path, LocalDocumentStore] = {}
        self._remote: dict[tuple[str, str | None], CosmosAccountWriter] = {}
        self._lock = threading.Lock()

    def prepare(self, settings: Mapping[str, Any], value: Any) -> list[dict[str, Any]]:
        """The binding value as documents, checked as Cosmos DB would (raises if not)."""
        docs = to_documents(value)
        check_documents(str(settings.get("name") or "cosmosDB"), docs)
        return docs

    def write(self, settings: Mapping[str, Any], value: Any) -> None:
        docs = self.prepare(settings, value)
        if not docs:
            return
        connection = str(settings.get("connection") or settings.get("connectionStringSetting")
                         or "CosmosDBConnection")
        database, container = settings["databaseName"], settings["containerName"]
        pk_path = str(settings.get("partitionKey") or "/id")
        conn_value = os.environ.get(connection)
        if conn_value and conn_value.startswith(LOCAL_PREFIX):
            self._local_store(conn_value[len(LOCAL_PREFIX):]).upsert(
                database, container, docs, pk_path)
            return
        endpoint = os.environ.get(f"{connection}__accountEndpoint")
        if (conn_value and "accountendpoint=" in conn_value.lower()) or endpoint:
            self._account(connection, conn_value, endpoint).upsert(settings, docs)
            return
        raise RuntimeError(f"Cosmos DB output binding: setting {connection!r} is not set "
                           f"(use '{LOCAL_PREFIX}<path>' or an AccountEndpoint connection)")

    def _local_store(self, raw_path: str) -> LocalDocumentStore:
        path = Path(raw_path.strip())
        path = (path if path.is_absolute() else self.app_dir / path).resolve()
        with self._lock:
            if path not in self._local:
                self._local[path] = LocalDocumentStore(path)
            return self._local[path]

    def _account(self, connection: str, conn_value: str | None,
                 endpoint: str | None) -> CosmosAccountWriter:
        """The SDK writer of the account the setting names (devhost/bindings/cosmos_sdk.py)."""
        account = parse_account(connection, conn_value, endpoint)
        with self._lock:
            if account not in self._remote:
                self._remote[account] = CosmosAccountWriter(*account)
            return self._remote[account]

    def close(self) -> None:
        for store in self._local.values():
            store.close()
        for writer in self._remote.values():
            writer.close()
