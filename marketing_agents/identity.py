"""Where the caller's identity comes from: App Service authentication in Azure, or the
local stand-in (devhost, Core Tools), so that the dashboard offers to switch users only
where the identity is not a signed-in person's."""

from __future__ import annotations

from collections.abc import Mapping

from .settings import Settings

# Headers only App Service authentication sets (it strips them from what clients send);
# the dashboard's local user picker sends the principal id alone.
APP_SERVICE_AUTH_HEADERS = ("x-ms-client-principal", "x-ms-client-principal-idp")


def identity_source(headers: Mapping[str, str], settings: Settings) -> str:
    """``appService`` when the identity comes from App Service authentication (or the app
    runs in Azure, where only that may set it), else ``local`` (devhost, Core Tools)."""
    lowered = {k.lower() for k in headers}
    if any(h in lowered for h in APP_SERVICE_AUTH_HEADERS) or settings.azure_instance_id:
        return "appService"
    return "local"
