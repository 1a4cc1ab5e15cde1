"""Continuation tokens of the campaign list on Cosmos DB, opaque and safe for the API.

The SDK's token (a JSON document describing where the query stopped) is wrapped with
the query it belongs to, so a token replayed against another filter, edited, or made
up is refused as a client error (``ValueError`` → 400) instead of reaching the
service, which would answer 400 or, worse, silently restart the listing.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json

TOKEN_VERSION = 1
# A cross-partition ORDER BY token grows with the partitions it spans; far below this.
MAX_TOKEN_CHARS = 16_384


def query_fingerprint(*parts: str | None) -> str:
    """A short digest of the query's parameters (its filter), bound into the token."""
    text = json.dumps(list(parts), separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def wrap_token(sdk_token: str | None, fingerprint: str) -> str | None:
    if not sdk_token:
        return None
    envelope = {"v": TOKEN_VERSION, "q": fingerprint, "c": sdk_token}
    return base64.urlsafe_b64encode(json.dumps(envelope, separators=(",", ":")).encode()).decode().rstrip("=")


def unwrap_token(token: str | None, fingerprint: str) -> str | None:
    """The SDK token inside ``token``; ValueError when it is not one this listing made."""
    if not token:
        return None
    if len(token) > MAX_TOKEN_CHARS:
        raise ValueError("invalid continuation token")
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        envelope = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError) as error:
        raise ValueError("invalid continuation token") from error
    if not isinstance(envelope, dict) or envelope.get("v") != TOKEN_VERSION or not isinstance(envelope.get("c"), str):
        raise ValueError("invalid continuation token")
    if envelope.get("q") != fingerprint:
        raise ValueError("the continuation token belongs to a listing with other filters")
    return str(envelope["c"])
