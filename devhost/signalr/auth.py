"""Access tokens the way Azure SignalR Service checks them: JWTs signed (HS256) with the
connection string's AccessKey, whose audience is the URL being called.

Two audiences exist: the client URL (``<endpoint>/client/?hub=<hub>``) for client
negotiate and WebSocket, and the REST URL for the data-plane API. A forged, expired or
wrongly addressed token is refused.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt

DEFAULT_ACCESS_KEY = "local-dev-access-key-change-me-0123456789"
# Claim types the service and its SDKs use for the user id, most common first.
USER_ID_CLAIMS = (
    "nameid",
    "asrs.s.uid",
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier",
    "sub",
)
LEEWAY_SECONDS = 5


class TokenError(Exception):
    """The request's token is missing or not acceptable; answered with 401."""


@dataclass(frozen=True)
class ConnectionString:
    """``Endpoint=...;AccessKey=...;Version=1.0;[Port=...]`` — the parts the service needs."""

    endpoint: str
    access_key: str

    @classmethod
    def parse(cls, text: str | None) -> ConnectionString:
        parts: dict[str, str] = {}
        for item in (text or "").split(";"):
            key, sep, value = item.partition("=")
            if sep:
                parts[key.strip().lower()] = value.strip()
        endpoint = parts.get("endpoint", "http://127.0.0.1:7071").rstrip("/")
        if parts.get("port"):
            split = urlsplit(endpoint)
            endpoint = f"{split.scheme}://{split.hostname}:{parts['port']}"
        return cls(endpoint=endpoint, access_key=parts.get("accesskey") or DEFAULT_ACCESS_KEY)


def issue(access_key: str, audience: str, user_id: str | None = None, lifetime_seconds: int = 3600,
          extra_claims: dict[str, Any] | None = None) -> str:
    """A token like the SignalRConnectionInfo binding issues for a client."""
    now = int(time.time())
    claims: dict[str, Any] = {"aud": audience, "iat": now, "nbf": now, "exp": now + lifetime_seconds}
    if user_id:
        claims["nameid"] = user_id
    claims.update(extra_claims or {})
    return jwt.encode(claims, access_key, algorithm="HS256")


def bearer(authorization: str | None) -> str | None:
    if authorization and authorization[:7].lower() == "bearer ":
        return authorization[7:].strip() or None
    return None


def verify(access_key: str, token: str | None) -> dict[str, Any]:
    """The token's claims if its signature and lifetime are valid (audience checked by the caller)."""
    if not token:
        raise TokenError("an access token is required")
    try:
        claims: dict[str, Any] = jwt.decode(
            token, access_key, algorithms=["HS256"], leeway=LEEWAY_SECONDS,
            options={"verify_aud": False, "require": ["exp"]},
        )
    except jwt.ExpiredSignatureError as error:
        raise TokenError("the access token has expired") from error
    except jwt.PyJWTError as error:
        raise TokenError(f"the access token is not valid: {error}") from error
    return claims


def _audiences(claims: dict[str, Any]) -> list[str]:
    aud = claims.get("aud")
    if isinstance(aud, str):
        return [aud]
    return [a for a in aud or [] if isinstance(a, str)]


def check_client_audience(claims: dict[str, Any], hub: str) -> None:
    """The audience must be this service's client URL for this hub. The host part is not
    compared: loopback is reached as 127.0.0.1 or localhost alike."""
    for aud in _audiences(claims):
        split = urlsplit(aud)
        hubs = parse_qs(split.query).get("hub", [])
        if split.path.rstrip("/") == "/client" and any(h.lower() == hub.lower() for h in hubs):
            return
    raise TokenError(f"the access token is not for hub {hub!r}")


def check_rest_audience(claims: dict[str, Any], path: str) -> None:
    """The audience must be the URL of the REST call (without query), as the service's SDKs sign it."""
    wanted = path.rstrip("/").lower()
    for aud in _audiences(claims):
        if urlsplit(aud).path.rstrip("/").lower() == wanted:
            return
    raise TokenError("the access token's audience is not this URL")


def user_id(claims: dict[str, Any]) -> str | None:
    for name in USER_ID_CLAIMS:
        value = claims.get(name)
        if isinstance(value, str) and value:
            return value
    return None


def string_claims(claims: dict[str, Any]) -> dict[str, str]:
    """Claims as the trigger payload carries them: type → value, as text."""
    return {k: v if isinstance(v, str) else str(v) for k, v in claims.items()}
