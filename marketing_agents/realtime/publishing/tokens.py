"""Access tokens for Azure SignalR Service: HS256 JWTs signed with the AccessKey of the
connection string (no JWT library needed at runtime). The audience is the URL called."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def sign_hs256(claims: dict[str, Any], key: str) -> str:
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    body = _b64(json.dumps(claims, separators=(",", ":")).encode())
    signature = hmac.new(key.encode(), f"{header}.{body}".encode(), hashlib.sha256).digest()
    return f"{header}.{body}.{_b64(signature)}"


def access_token(key: str, audience: str, user_id: str | None = None, lifetime_seconds: int = 3600,
                 now: float | None = None) -> str:
    """A token for ``audience`` (the REST URL, or the client URL for a client token)."""
    issued = int(time.time() if now is None else now)
    claims: dict[str, Any] = {"aud": audience, "iat": issued, "nbf": issued, "exp": issued + lifetime_seconds}
    if user_id:
        claims["nameid"] = user_id
    return sign_hs256(claims, key)
