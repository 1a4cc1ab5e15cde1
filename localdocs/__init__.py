"""A local document store with Cosmos DB's document semantics, on SQLite.

Knows documents and nothing else: devhost's Cosmos DB output binding writes through it
and an app's local repository reads and conditionally writes through it, so both agree
on one file without importing each other (docs/local-document-store.md).
"""

from .limits import (
    MAX_ITEM_BYTES,
    DocumentError,
    DocumentTooLargeError,
    check_document,
    item_size,
    partition_key_value,
    serialize_document,
)
from .paging import InvalidContinuationError
from .store import (
    SCHEMA,
    ConflictError,
    Document,
    DocumentStore,
    NotFoundError,
    Page,
    PreconditionFailedError,
    StoreError,
)

__all__ = [
    "MAX_ITEM_BYTES",
    "SCHEMA",
    "ConflictError",
    "Document",
    "DocumentError",
    "DocumentStore",
    "DocumentTooLargeError",
    "InvalidContinuationError",
    "NotFoundError",
    "Page",
    "PreconditionFailedError",
    "StoreError",
    "check_document",
    "item_size",
    "partition_key_value",
    "serialize_document",
]
