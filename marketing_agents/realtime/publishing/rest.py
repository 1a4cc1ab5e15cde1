"""A client of the SignalR Service REST API (api-version 2022-06-01): what the app uses
to reach clients from inside a running function, where output bindings cannot help
(they are written only when the function returns).

The same code talks to Azure SignalR Service and to devhost's emulator. It authenticates
with a JWT signed by the AccessKey (audience = the request URL), or with an Entra ID
token (scope ``https://signalr.azure.com/.default``) when the connection string says
``AuthType=azure.msi``. Transient failures (network, 429, 5xx) are retried briefly;
clients drop duplicates by eventId, so a retried send is harmless.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any
from urllib.parse import quote

import httpx

from .connection import SignalRConnection
from .tokens import access_token

log = logging.getLogger(__name__)

API_VERSION = "2022-06-01"
ENTRA_SCOPE = "https://signalr.azure.com/.default"
RETRY_DELAYS = (0.1, 0.4)


class SignalRRestError(RuntimeError):
    """The service refused a call (after retries for transient failures)."""


class _EntraToken:
    """Caches an Entra ID token from azure-identity (synchronous credential, run in a thread)."""

    def __init__(self, connection: SignalRConnection) -> None:
        from azure.identity import DefaultAzureCredential, ManagedIdentityCredential

        if connection.auth_type == "azure.msi":
            self._credential: Any = ManagedIdentityCredential(client_id=connection.client_id)
        else:
            self._credential = DefaultAzureCredential()
        self._token: str | None = None
        self._expires_on = 0.0

    async def get(self) -> str:
        if self._token is None or self._expires_on - time.time() < 300:
            token = await asyncio.to_thread(self._credential.get_token, ENTRA_SCOPE)
            self._token, self._expires_on = token.token, float(token.expires_on)
        return self._token


class SignalRRestClient:
    """Send messages and manage groups of one hub."""

    def __init__(self, connection: SignalRConnection, hub: str, http: httpx.AsyncClient | None = None,
                 timeout: float = 10.0) -> None:
        self.connection = connection
        self.hub = hub.lower()
        self._own_http = http is None
        self._http = http or httpx.AsyncClient(timeout=timeout)
        self._entra = _EntraToken(connection) if connection.uses_entra_id else None

    async def __aenter__(self) -> SignalRRestClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        if self._own_http:
            await self._http.aclose()

    # ------------------------------------------------------------ messages

    async def send_to_group(self, group: str, target: str, arguments: list[Any]) -> None:
        await self._call("POST", f"groups/{quote(group, safe='')}/:send", {"target": target, "arguments": arguments})

    async def send_to_user(self, user_id: str, target: str, arguments: list[Any]) -> None:
        await self._call("POST", f"users/{quote(user_id, safe='')}/:send", {"target": target, "arguments": arguments})

    async def send_to_connection(self, connection_id: str, target: str, arguments: list[Any]) -> None:
        path = f"connections/{quote(connection_id, safe='')}/:send"
        await self._call("POST", path, {"target": target, "arguments": arguments})

    async def broadcast(self, target: str, arguments: list[Any]) -> None:
        await self._call("POST", ":send", {"target": target, "arguments": arguments})

    # ------------------------------------------------------------ groups

    async def add_connection_to_group(self, group: str, connection_id: str) -> None:
        await self._call("PUT", f"groups/{quote(group, safe='')}/connections/{quote(connection_id, safe='')}")

    async def remove_connection_from_group(self, group: str, connection_id: str) -> None:
        await self._call("DELETE", f"groups/{quote(group, safe='')}/connections/{quote(connection_id, safe='')}")

    async def add_user_to_group(self, group: str, user_id: str) -> None:
        await self._call("PUT", f"users/{quote(user_id, safe='')}/groups/{quote(group, safe='')}")

    async def remove_user_from_group(self, group: str, user_id: str) -> None:
        await self._call("DELETE", f"users/{quote(user_id, safe='')}/groups/{quote(group, safe='')}")

    # ------------------------------------------------------------ plumbing

    def url(self, path: str) -> str:
        return f"{self.connection.endpoint}/api/hubs/{quote(self.hub, safe='')}/{path}".rstrip("/")

    async def _authorization(self, url: str) -> str:
        if self._entra is not None:
            return f"Bearer {await self._entra.get()}"
        assert self.connection.access_key is not None
        return f"Bearer {access_token(self.connection.access_key, url, lifetime_seconds=300)}"

    async def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> None:
        url = self.url(path)
        for attempt in range(len(RETRY_DELAYS) + 1):
            headers = {"Authorization": await self._authorization(url)}
            try:
                response = await self._http.request(
                    method, url, params={"api-version": API_VERSION}, json=body, headers=headers
                )
            except httpx.TransportError as error:
                failure = f"{type(error).__name__}: {error}"
            else:
                if response.status_code < 400:
                    return
                failure = f"HTTP {response.status_code}: {response.text[:200]}"
                if response.status_code != 429 and response.status_code < 500:
                    raise SignalRRestError(f"{method} {url} refused: {failure}")
            if attempt < len(RETRY_DELAYS):
                await asyncio.sleep(RETRY_DELAYS[attempt])
        raise SignalRRestError(f"{method} {url} failed: {failure}")
