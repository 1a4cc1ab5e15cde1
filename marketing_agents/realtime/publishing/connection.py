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

import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from ...settings import SIGNALR_CONNECTION_SETTING, ConfigError


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
    def from_environment(cls, env: Mapping[str, str] | None = None,
                         setting: str = SIGNALR_CONNECTION_SETTING) -> SignalRConnection | None:
        """The configured connection, or None when SignalR is not configured (streaming is then off)."""
        env = os.environ if env is None else env
        text = (env.get(setting) or "").strip()
        if text:
            return cls.parse(text)
        service_uri = (env.get(f"{setting}__serviceUri") or "").strip()
        return cls.from_identity_settings(setting, service_uri, env) if service_uri else None

    @classmethod
    def from_identity_settings(cls, setting: str, service_uri: str, env: Mapping[str, str]) -> SignalRConnection:
        """``<setting>__serviceUri`` / ``__credential`` / ``__clientId``: Entra ID, no key.
        ``managedidentity`` means the (user-assigned, by ``__clientId``) managed identity;
        no credential means ``DefaultAzureCredential`` (``az login`` on a laptop)."""
        split = urlsplit(service_uri)
        if split.scheme not in ("http", "https") or not split.hostname:
            raise ConfigError(f"setting {setting}__serviceUri needs an http(s)://host URL (got {service_uri!r})")
        credential = (env.get(f"{setting}__credential") or "").strip().lower()
        if credential not in ("", "managedidentity"):
            raise ConfigError(f"setting {setting}__credential={credential!r} must be managedidentity or unset")
        client_id = (env.get(f"{setting}__clientId") or "").strip() or None
        return cls(endpoint=service_uri.rstrip("/"), auth_type="azure.msi" if credential else "azure",
                   client_id=client_id)
