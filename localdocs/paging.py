"""Continuation tokens of cross-partition listings: opaque to clients, keyset inside.

A token carries the sort key of the last document of a page and a fingerprint of the
query it belongs to, so the next page starts right after that document however many
documents were written meanwhile (no offset to scan past, no row skipped or repeated
by an insert), and a token of one query cannot be replayed against another."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
from collections.abc import Sequence
from typing import Any

# SQLite integers are signed 64-bit; a larger one in a token would overflow the binding.
_MAX_INT = 2**63 - 1


class InvalidContinuationError(ValueError):
    """A continuation token that this store did not issue for this query."""

    def __init__(self) -> None:
        super().__init__("invalid continuation token")


def query_fingerprint(shape: Sequence[Any]) -> str:
    """A short digest of what identifies a query (container, filters, order)."""
    text = json.dumps(list(shape), sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def encode_token(fingerprint: str, key: Sequence[Any]) -> str:
    payload = json.dumps({"q": fingerprint, "k": list(key)}, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_token(token: str, fingerprint: str, key_length: int) -> list[Any]:
    """The sort key a token carries; raises :class:`InvalidContinuationError` for anything
    else (garbage, another query's token, values SQLite cannot bind)."""
    try:
        raw = base64.urlsafe_b64decode(token.encode("ascii") + b"=" * (-len(token) % 4))
        payload = json.loads(raw)
    except (ValueError, UnicodeError, binascii.Error) as error:
        raise InvalidContinuationError() from error
    if not isinstance(payload, dict) or payload.get("q") != fingerprint:
        raise InvalidContinuationError()
    key = payload.get("k")
    if not isinstance(key, list) or len(key) != key_length or not all(_bindable(v) for v in key):
        raise InvalidContinuationError()
    return key


def _bindable(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return -_MAX_INT - 1 <= value <= _MAX_INT
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, str)
