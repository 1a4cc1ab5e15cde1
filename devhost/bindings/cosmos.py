"""The Cosmos DB output binding: upserts into the local document store or real Cosmos.

The local backend is the generic ``localdocs`` store (docs/local-document-store.md), the
same code the app's own repository reads the file with; devhost knows documents only.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from localdocs import MAX_ITEM_BYTES, DocumentStore, DocumentTooLargeError, check_document, item_size

from .cosmos_sdk import CosmosAccountWriter, parse_account

__all__ = ["MAX_ITEM_BYTES", "CosmosOutput", "DocumentTooLargeError", "check_documents", "item_size", "to_documents"]

LOCAL_PREFIX = "LocalDocumentStore="


def check_documents(binding: str, docs: list[dict[str, Any]]) -> None:
    """Reject what Cosmos DB would reject (no string id; over 2 MB: the service answers
    413 and the extension fails the invocation), for every document before any is written."""
    for doc in docs:
        check_document(doc, where=f"Cosmos DB output binding {binding!r}: ")


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


class CosmosOutput:
    """Routes a cosmosDB output binding to the backend its connection setting names."""

    def __init__(self, app_dir: Path) -> None:
        self.app_dir = app_dir
        self._local: dict[Path, DocumentStore] = {}
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
            self._local_store(conn_value[len(LOCAL_PREFIX):]).upsert_many(
                database, container, docs, pk_path)
            return
        endpoint = os.environ.get(f"{connection}__accountEndpoint")
        if (conn_value and "accountendpoint=" in conn_value.lower()) or endpoint:
            self._account(connection, conn_value, endpoint).upsert(settings, docs)
            return
        raise RuntimeError(f"Cosmos DB output binding: setting {connection!r} is not set "
                           f"(use '{LOCAL_PREFIX}<path>' or an AccountEndpoint connection)")

    def _local_store(self, raw_path: str) -> DocumentStore:
        path = Path(raw_path.strip())
        path = (path if path.is_absolute() else self.app_dir / path).resolve()
        with self._lock:
            if path not in self._local:
                self._local[path] = DocumentStore(path)
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
