"""The SignalR connection string, as Azure and devhost use it.

``Endpoint=https://<name>.service.signalr.net;AccessKey=<key>;Version=1.0;`` signs
tokens with the key. ``AuthType=azure.msi`` (optionally ``ClientId=``) or
``AuthType=azure`` uses Entra ID instead (managed identity / DefaultAzureCredential),
so no key is stored. ``Port=`` overrides the endpoint's port (local emulators).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from ...settings import SIGNALR_CONNECTION_SETTING, ConfigError, Settings


@dataclass(frozen=True)
class SignalRConnection:
    endpoint: str
    access_key: str | None = None
    auth_type: str | None = None  # "azure.msi", "azure", ... for Entra ID
    client_id: str | None = None

    @property
    def uses_entra_id(self) -> bool:
        return self.access_key is None

    @classmethod
    def parse(cls, text: str) -> SignalRConnection:
        parts: dict[str, str] = {}
        for item in text.split(";"):
            key, sep, value = item.partition("=")
            if sep:
                parts[key.strip().lower()] = value.strip()
        endpoint = parts.get("endpoint", "").rstrip("/")
        split = urlsplit(endpoint)
        if not endpoint or split.scheme not in ("http", "https") or not split.hostname:
            raise ConfigError(f"the SignalR connection string needs Endpoint=http(s)://host (got {endpoint!r})")
        if parts.get("port"):
            endpoint = f"{split.scheme}://{split.hostname}:{parts['port']}"
        access_key: str | None = parts.get("accesskey") or None
        auth_type: str | None = parts.get("authtype") or None
        if access_key is None and auth_type is None:
            raise ConfigError("the SignalR connection string needs AccessKey= or AuthType=azure.msi")
        client_id = parts.get("clientid") or None
        return cls(endpoint=endpoint, access_key=access_key, auth_type=auth_type, client_id=client_id)

    @classmethod
    def from_settings(cls, settings: Settings) -> SignalRConnection | None:
        """The configured connection, or None when SignalR is not configured (streaming is then off)."""
        text = settings.signalr_connection
        if not text:
            return None
        try:
            return cls.parse(text)
        except ConfigError as error:
            raise ConfigError(f"setting {SIGNALR_CONNECTION_SETTING}: {error}") from None
