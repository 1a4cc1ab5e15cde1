"""The SignalR connection string, as Azure and devhost use it.

``Endpoint=https://<name>.service.signalr.net;AccessKey=<key>;Version=1.0;`` signs
tokens with the key. ``AuthType=azure.msi`` (optionally ``ClientId=``) or
``AuthType=azure`` uses Entra ID instead (managed identity / DefaultAzureCredential),
so no key is stored. ``Port=`` overrides the endpoint's port (local emulators).

The identity-based form the Functions SignalR extension reads in Azure is accepted too:
no ``AzureSignalRConnectionString`` but ``AzureSignalRConnectionString__serviceUri``
(with ``__credential=managedidentity`` and ``__clientId`` for a user-assigned identity),
so the app's own publishing and the extension's bindings share one set of settings.
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
        """The configured connection, or None when SignalR is not configured (streaming is then off).
        The connection string wins; else ``__serviceUri`` means Entra ID: the managed identity
        (user-assigned by ``__clientId``) with ``__credential=managedidentity``, otherwise
        ``DefaultAzureCredential`` (``az login`` on a laptop)."""
        text = settings.signalr_connection
        if text:
            try:
                return cls.parse(text)
            except ConfigError as error:
                raise ConfigError(f"setting {SIGNALR_CONNECTION_SETTING}: {error}") from None
        if settings.signalr_service_uri is None:
            return None
        managed = settings.signalr_credential is not None
        return cls(endpoint=settings.signalr_service_uri.rstrip("/"), auth_type="azure.msi" if managed else "azure",
                   client_id=settings.signalr_client_id)
