"""The Cosmos DB output binding against a real account (or an emulator), through the
``azure-cosmos`` SDK, as the Functions Cosmos DB extension does it: the connection
setting is a connection string (``AccountEndpoint=…;AccountKey=…;``) or, for Entra ID,
``<setting>__accountEndpoint``; with ``createIfNotExists`` the database and container
are created on first write with the binding's partition key; then each document is
upserted. The service's own limits (2 MB items, throttling) apply as in Azure.

devhost knows nothing of the app: database, container and partition key come from the
binding's settings only. A plain ``http://`` endpoint is accepted on loopback only (an
emulator or the test server), and then endpoint discovery is off, because such servers
advertise addresses the client cannot reach.
"""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit


class CosmosConnectionError(ValueError):
    """A connection setting that names no usable account."""


def parse_account(setting: str, value: str | None, identity_endpoint: str | None) -> tuple[str, str | None]:
    """(endpoint, key) from a connection string, or (endpoint, None) for Entra ID."""
    if value and "accountendpoint=" in value.lower():
        parts: dict[str, str] = {}
        for segment in value.split(";"):
            name, sep, item = segment.strip().partition("=")
            if sep:
                parts[name.strip().lower()] = item.strip()
        endpoint, key = parts.get("accountendpoint", ""), parts.get("accountkey", "")
        if not key:
            raise CosmosConnectionError(f"setting {setting!r} has an AccountEndpoint but no AccountKey")
        return _checked(setting, endpoint), key
    if identity_endpoint:
        return _checked(setting, identity_endpoint), None
    raise CosmosConnectionError(f"setting {setting!r} names no Cosmos DB account")


def _checked(setting: str, endpoint: str) -> str:
    parsed = urlsplit(endpoint)
    if parsed.scheme not in ("https", "http") or not parsed.hostname:
        raise CosmosConnectionError(f"setting {setting!r}: {endpoint!r} is not an account endpoint")
    if parsed.scheme == "http" and not _loopback(parsed.hostname):
        raise CosmosConnectionError(f"setting {setting!r}: plain http only for a loopback emulator")
    return endpoint


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class CosmosAccountWriter:
    """Upserts binding documents into one account; thread-safe (activities' outputs are
    applied from a thread pool). One SDK client per account, container clients cached."""

    def __init__(self, endpoint: str, key: str | None) -> None:
        try:
            from azure.cosmos import CosmosClient
        except ImportError:
            raise RuntimeError("the Cosmos DB output binding needs the azure-cosmos package") from None
        options: dict[str, Any] = {"user_agent_suffix": "devhost"}
        if urlsplit(endpoint).scheme == "http":
            options["enable_endpoint_discovery"] = False
        credential: Any = key
        if key is None:
            from azure.identity import DefaultAzureCredential

            credential = DefaultAzureCredential()
        self._client = CosmosClient(endpoint, credential=credential, **options)
        self._containers: dict[tuple[str, str], Any] = {}
        self._lock = threading.Lock()

    def upsert(self, settings: Mapping[str, Any], docs: list[dict[str, Any]]) -> None:
        container = self._container(settings)
        for doc in docs:
            container.upsert_item(doc)

    def _container(self, settings: Mapping[str, Any]) -> Any:
        database, name = str(settings["databaseName"]), str(settings["containerName"])
        with self._lock:
            found = self._containers.get((database, name))
            if found is not None:
                return found
            if _truthy(settings.get("createIfNotExists")):
                from azure.cosmos import PartitionKey

                db = self._client.create_database_if_not_exists(database)
                path = str(settings.get("partitionKey") or "/id")
                found = db.create_container_if_not_exists(name, PartitionKey(path=path))
            else:  # the extension's default: the container must exist (a write to a missing one fails)
                found = self._client.get_database_client(database).get_container_client(name)
            self._containers[(database, name)] = found
            return found

    def close(self) -> None:
        self._client.close()


def _truthy(value: Any) -> bool:
    return value is True or str(value).lower() == "true"
