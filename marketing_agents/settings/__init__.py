"""The app's settings: one declared object (:class:`Settings`, pydantic-settings) read
from the environment — under the Functions host and devhost, local.settings.json
``Values`` and the Function App's app settings — validated once, so misconfiguration
fails at start-up with the name of the setting, never at the first campaign.

``python -m marketing_agents.settings --markdown`` prints the settings tables,
``--write`` regenerates them in the README and docs, ``--check`` fails when those differ,
and ``--names`` lists the environment names with where each applies (the infrastructure
tests compare them with the Bicep app settings and local.settings.json.example)."""

from __future__ import annotations

from .catalogue import DeclaredSetting, app_settings, declared_settings, setting_names
from .choices import CacheBackend, PosterStoreKind, Provider, ResponseFormatMode, SimulationMode
from .cli import CliSettings, load_cli_settings
from .declared import (
    COSMOS_CONNECTION_SETTING,
    COSMOS_IDENTITY_ENDPOINT_SETTING,
    DEFAULT_LOCAL_STORE,
    DEFAULT_LOCAL_USER,
    LOCAL_USER_SETTING,
    SIGNALR_CONNECTION_SETTING,
    Settings,
)
from .errors import ConfigError
from .fields import Where
from .reading import load_settings

__all__ = [
    "COSMOS_CONNECTION_SETTING",
    "COSMOS_IDENTITY_ENDPOINT_SETTING",
    "DEFAULT_LOCAL_STORE",
    "DEFAULT_LOCAL_USER",
    "LOCAL_USER_SETTING",
    "SIGNALR_CONNECTION_SETTING",
    "CacheBackend",
    "CliSettings",
    "ConfigError",
    "DeclaredSetting",
    "PosterStoreKind",
    "Provider",
    "ResponseFormatMode",
    "Settings",
    "SimulationMode",
    "Where",
    "app_settings",
    "declared_settings",
    "load_cli_settings",
    "load_settings",
    "setting_names",
]
