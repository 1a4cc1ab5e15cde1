"""Which Cosmos DB account the ``CosmosDBConnection`` setting names, and an async client
for it: the key from a connection string, or Entra ID (``DefaultAzureCredential``)
for the identity-based form ``CosmosDBConnection__accountEndpoint``, the same two forms
the Functions Cosmos DB extension accepts for the output bindings.

A plain ``http://`` endpoint is accepted only on a loopback address: that is a local
emulator or the test server (Azure endpoints are always HTTPS), and for it endpoint
discovery is off, because such servers advertise regional addresses the client cannot
reach. Nothing else about local servers reaches production code; for the Cosmos DB
emulator's self-signed HTTPS certificate, trust it in the OS store or point
``SSL_CERT_FILE`` at it (docs/persistence.md).
"""

from __future__ import annotations

import ipaddress
import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..settings import COSMOS_CONNECTION_SETTING, ConfigError, Settings

log = logging.getLogger(__name__)

TOO_MANY_REQUESTS = 429


@dataclass(frozen=True)
class CosmosAccount:
    """An account endpoint and how to authenticate to it (key, or Entra ID when None)."""

    endpoint: str
    key: str | None

    @property
    def uses_identity(self) -> bool:
        return self.key is None

    @property
    def is_local_http(self) -> bool:
        return urlsplit(self.endpoint).scheme == "http"


def parse_connection_string(value: str) -> dict[str, str]:
    """``Name=value;`` pairs (names case-insensitive, as the SDK reads them); values
    may contain ``=`` (base64 keys end with it)."""
    parts: dict[str, str] = {}
    for segment in value.split(";"):
        segment = segment.strip()
        if not segment:
            continue
        name, sep, item = segment.partition("=")
        if not sep or not name.strip():
            raise ConfigError(f"setting {COSMOS_CONNECTION_SETTING}: {segment[:40]!r} is not Name=value")
        parts[name.strip().lower()] = item.strip()
    return parts


def account_from_settings(settings: Settings) -> CosmosAccount | None:
    """The account the settings name, or None when they name no Cosmos account (the
    local document store). Raises ConfigError for a malformed value."""
    value = settings.cosmos_connection or ""
    identity_endpoint = settings.cosmos_account_endpoint or ""
    if value and "accountendpoint=" in value.lower():
        parts = parse_connection_string(value)
        endpoint, key = parts.get("accountendpoint", ""), parts.get("accountkey", "")
        if not key:
            raise ConfigError(f"setting {COSMOS_CONNECTION_SETTING} has an AccountEndpoint but no AccountKey")
        return CosmosAccount(_checked_endpoint(endpoint), key)
    if not value and identity_endpoint:
        return CosmosAccount(_checked_endpoint(identity_endpoint), None)
    return None


def _checked_endpoint(endpoint: str) -> str:
    parsed = urlsplit(endpoint)
    if parsed.scheme not in ("https", "http") or not parsed.hostname:
        raise ConfigError(f"setting {COSMOS_CONNECTION_SETTING}: {endpoint!r} is not an https:// account endpoint")
    if parsed.scheme == "http" and not _is_loopback(parsed.hostname):
        raise ConfigError(
            f"setting {COSMOS_CONNECTION_SETTING}: plain http is accepted only for a local emulator on a "
            f"loopback address, not {parsed.hostname!r}"
        )
    return endpoint if endpoint.endswith("/") else endpoint + "/"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def log_throttling(response: Any) -> None:
    """The client's raw response hook: it sees every HTTP answer, retried ones included,
    so each 429 is logged with what was throttled and the wait the service asked for."""
    http = response.http_response
    if http.status_code == TOO_MANY_REQUESTS:
        log.warning(
            "Cosmos DB throttled %s %s (429); the SDK retries after %s ms",
            http.request.method,
            urlsplit(http.request.url).path,
            http.headers.get("x-ms-retry-after-ms", "?"),
        )


def create_client(account: CosmosAccount) -> Any:
    """An ``azure.cosmos.aio.CosmosClient`` for ``account``; the caller closes it. Its
    retry policy is the SDK's: 429 (throttled) answers are retried after the service's
    retry-after, up to 9 times within 30 s; :func:`log_throttling` logs each one."""
    from azure.cosmos.aio import CosmosClient

    options: dict[str, Any] = {"user_agent_suffix": "marketing-agents", "raw_response_hook": log_throttling}
    if account.is_local_http:
        options["enable_endpoint_discovery"] = False
    credential: Any
    if account.uses_identity:
        from azure.identity.aio import DefaultAzureCredential

        credential = DefaultAzureCredential()
    else:
        credential = account.key
    return CosmosClient(account.endpoint, credential=credential, **options)
