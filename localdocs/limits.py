"""What a document may be: Cosmos DB's own item rules, so the local store refuses what
the service would refuse (and cannot grow a document without bound)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

# Cosmos DB's item limit: 2 MB of the item's UTF-8 JSON (what the service measures).
MAX_ITEM_BYTES = 2 * 1024 * 1024


class DocumentError(ValueError):
    """A document the store will not take (no id, not JSON, too large)."""


class DocumentTooLargeError(DocumentError):
    """A document over :data:`MAX_ITEM_BYTES`: Cosmos DB answers 413 to it, so the local
    store refuses it the same way, before anything is written."""

    def __init__(self, doc_id: str, size: int, where: str = "") -> None:
        super().__init__(
            f"{where}document {doc_id!r} is {size:,} bytes of UTF-8 JSON, over Cosmos DB's item limit of "
            f"{MAX_ITEM_BYTES:,} bytes (2 MB): Response status code does not indicate success: "
            "RequestEntityTooLarge (413)"
        )
        self.doc_id = doc_id
        self.size = size


def item_size(doc: Mapping[str, Any]) -> int:
    """The document's size as Cosmos DB counts it: bytes of its compact UTF-8 JSON."""
    return len(_compact(doc).encode("utf-8", errors="surrogatepass"))


def _compact(doc: Mapping[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def serialize_document(doc: Mapping[str, Any], where: str = "") -> tuple[str, str]:
    """The document's id and compact JSON if Cosmos DB would take it (a JSON object with a
    non-empty string id, at most 2 MB); raises :class:`DocumentError` otherwise, the message
    starting with ``where`` (e.g. the binding that wrote it)."""
    if not isinstance(doc, Mapping):
        raise DocumentError(f"{where}a document is a JSON object, not {type(doc).__name__}")
    doc_id = doc.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        raise DocumentError(f"{where}a document needs an 'id' that is a non-empty string")
    try:
        text = _compact(doc)
    except (TypeError, ValueError) as error:
        raise DocumentError(f"{where}document {doc_id!r} is not JSON: {error}") from error
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_ITEM_BYTES:
        raise DocumentTooLargeError(doc_id, size, where)
    return doc_id, text


def check_document(doc: Mapping[str, Any], where: str = "") -> str:
    """The document's id if Cosmos DB would take the document; raises otherwise."""
    return serialize_document(doc, where)[0]


def partition_key_value(doc: Mapping[str, Any], path: str) -> Any:
    """The value at a partition key path like ``/id`` or ``/tenant/region`` (None if absent)."""
    current: Any = doc
    for part in path.strip("/").split("/"):
        if not isinstance(current, Mapping) or part not in current:
            return None
        current = current[part]
    return current
