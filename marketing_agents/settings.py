"""Application settings read from the environment (local.settings.json ``Values`` under
the Functions host and devhost), validated once so misconfiguration fails at start-up
with the name of the setting, never at the first campaign."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

COSMOS_CONNECTION_SETTING = "CosmosDBConnection"
SIGNALR_CONNECTION_SETTING = "AzureSignalRConnectionString"
DEFAULT_LOCAL_STORE = ".devhost/documents.sqlite"
# Who a request without an App Service identity acts as (local development only).
LOCAL_USER_SETTING = "LOCAL_USER_ID"
DEFAULT_LOCAL_USER = "local-user"


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names it."""


@dataclass(frozen=True)
class AppSettings:
    review_deadline: timedelta
    compliance_threshold: float
    max_regeneration_rounds: int
    local_user: str


def number_setting(env: Mapping[str, str], name: str, default: float, low: float, high: float) -> float:
    """A numeric setting within bounds; blank means the default; a bad value names the setting."""
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError as error:
        raise ConfigError(f"setting {name}={raw!r} is not a number") from error
    if not low <= value <= high:
        raise ConfigError(f"setting {name}={raw!r} must be between {low:g} and {high:g}")
    return value


def local_user(env: Mapping[str, str] | None = None) -> str:
    """The local dev user: ``LOCAL_USER_ID``, or ``local-user`` when unset or blank."""
    env = os.environ if env is None else env
    return env.get(LOCAL_USER_SETTING, "").strip() or DEFAULT_LOCAL_USER


# Headers only App Service authentication sets (it strips them from what clients send);
# the dashboard's local user picker sends the principal id alone.
APP_SERVICE_AUTH_HEADERS = ("x-ms-client-principal", "x-ms-client-principal-idp")
# Set on every App Service / Functions instance in Azure, never by devhost or Core Tools.
AZURE_INSTANCE_SETTING = "WEBSITE_INSTANCE_ID"


def identity_source(headers: Mapping[str, str], env: Mapping[str, str] | None = None) -> str:
    """``appService`` when the identity comes from App Service authentication (or the app
    runs in Azure, where only that may set it), else ``local`` (devhost, Core Tools)."""
    env = os.environ if env is None else env
    lowered = {k.lower() for k in headers}
    if any(h in lowered for h in APP_SERVICE_AUTH_HEADERS) or env.get(AZURE_INSTANCE_SETTING, "").strip():
        return "appService"
    return "local"


def load_settings(env: Mapping[str, str] | None = None) -> AppSettings:
    env = os.environ if env is None else env
    hours = number_setting(env, "REVIEW_DEADLINE_HOURS", 72.0, 0.001, 24.0 * 30)
    return AppSettings(
        review_deadline=timedelta(hours=hours),
        compliance_threshold=number_setting(env, "COMPLIANCE_THRESHOLD", 80.0, 0.0, 100.0),
        max_regeneration_rounds=int(number_setting(env, "MAX_REGENERATION_ROUNDS", 5, 0, 10)),
        local_user=local_user(env),
    )
