"""Reading an app folder the way the Functions host does: local.settings.json and host.json."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class ConfigError(Exception):
    """A problem with the app folder that deserves a one-line message, not a traceback."""


@dataclass(frozen=True)
class HostConfig:
    """The host.json settings devhost honours."""

    hub_name: str = "TestHubName"
    route_prefix: str = "api"
    max_concurrent_activities: int = 10
    raw: dict[str, Any] = field(default_factory=dict)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as ex:
        raise ConfigError(f"{path}: invalid JSON ({ex.msg} at line {ex.lineno})") from None
    except OSError as ex:
        raise ConfigError(f"{path}: {ex.strerror}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a JSON object")
    return data


def load_local_settings(app_dir: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """Copy ``Values`` into os.environ without overriding what is already set, then ``extra``.

    Like ``func start``: the shell wins over the file, so CI can override any setting;
    ``extra`` (explicit settings from the Python API) wins over both.
    Returns the values that were applied.
    """
    values: dict[str, str] = {}
    path = app_dir / "local.settings.json"
    if path.exists():
        raw = _read_json(path).get("Values") or {}
        if not isinstance(raw, dict):
            raise ConfigError(f"{path}: 'Values' must be an object")
        values = {str(k): "" if v is None else str(v) for k, v in raw.items()}
    applied = {}
    for key, value in values.items():
        if key not in os.environ:
            os.environ[key] = value
            applied[key] = value
    for key, value in (extra or {}).items():     # explicit settings always win
        os.environ[key] = applied[key] = value
    return applied


def load_host_config(app_dir: Path) -> HostConfig:
    """Read the few host.json settings that change devhost's behaviour."""
    path = app_dir / "host.json"
    if not path.exists():
        return HostConfig()
    raw = _read_json(path)
    ext = raw.get("extensions") or {}
    durable = ext.get("durableTask") or {}
    http = ext.get("http") or {}
    try:
        max_act = int(durable.get("maxConcurrentActivityFunctions", 10))
    except (TypeError, ValueError):
        raise ConfigError(f"{path}: maxConcurrentActivityFunctions must be an integer") from None
    return HostConfig(
        hub_name=str(durable.get("hubName") or "TestHubName"),
        route_prefix=str(http.get("routePrefix", "api")).strip("/"),
        max_concurrent_activities=max(1, max_act),
        raw=raw,
    )
