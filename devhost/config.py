"""Reading an app folder the way the Functions host does: local.settings.json and host.json."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class ConfigError(Exception):
    """A problem with the app folder that deserves a one-line message, not a traceback."""


@dataclass(frozen=True)
class FunctionTimeout:
    """host.json ``functionTimeout``: ``seconds`` is None for "-1" (no limit); ``text`` is
    the value as the host prints it in its timeout message (``00:10:00``)."""

    seconds: float | None
    text: str


# What the real host uses when host.json has no functionTimeout and the app does not run
# on a Consumption plan, which is the case for ``func start`` on a developer's machine.
DEFAULT_FUNCTION_TIMEOUT = FunctionTimeout(30 * 60.0, "00:30:00")
# host.json values can be overridden by app settings, like the real host's configuration.
FUNCTION_TIMEOUT_SETTING = "AzureFunctionsJobHost__functionTimeout"
_TIMESPAN = re.compile(r"(?:(\d+)\.)?(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,7}))?")


@dataclass(frozen=True)
class HostConfig:
    """The host.json settings devhost honours."""

    hub_name: str = "TestHubName"
    route_prefix: str = "api"
    max_concurrent_activities: int = 10
    function_timeout: FunctionTimeout = DEFAULT_FUNCTION_TIMEOUT
    raw: dict[str, Any] = field(default_factory=dict)


def parse_function_timeout(value: Any, where: str) -> FunctionTimeout:
    """A .NET TimeSpan (``[d.]hh:mm:ss[.fffffff]``) or "-1" for unlimited, as host.json takes it."""
    text = str(value).strip()
    if text == "-1":
        return FunctionTimeout(None, "-1")
    m = _TIMESPAN.fullmatch(text)
    if m is None:
        raise ConfigError(f"{where}: functionTimeout must look like hh:mm:ss (or -1 for no limit), "
                          f"got {text!r}")
    days, hours, minutes, secs, fraction = m.groups()
    if int(hours) > 23 or int(minutes) > 59 or int(secs) > 59:
        raise ConfigError(f"{where}: functionTimeout {text!r} is not a valid time span")
    seconds = (int(days or 0) * 86400 + int(hours) * 3600 + int(minutes) * 60 + int(secs)
               + (float(f"0.{fraction}") if fraction else 0.0))
    if seconds < 1:
        raise ConfigError(f"{where}: functionTimeout must be at least 00:00:01, got {text!r}")
    return FunctionTimeout(seconds, text)


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
    raw = _read_json(path) if path.exists() else {}
    ext = raw.get("extensions") or {}
    durable = ext.get("durableTask") or {}
    http = ext.get("http") or {}
    try:
        max_act = int(durable.get("maxConcurrentActivityFunctions", 10))
    except (TypeError, ValueError):
        raise ConfigError(f"{path}: maxConcurrentActivityFunctions must be an integer") from None
    timeout = DEFAULT_FUNCTION_TIMEOUT
    if os.environ.get(FUNCTION_TIMEOUT_SETTING):
        timeout = parse_function_timeout(os.environ[FUNCTION_TIMEOUT_SETTING], FUNCTION_TIMEOUT_SETTING)
    elif "functionTimeout" in raw:
        timeout = parse_function_timeout(raw["functionTimeout"], str(path))
    return HostConfig(
        hub_name=str(durable.get("hubName") or "TestHubName"),
        route_prefix=str(http.get("routePrefix", "api")).strip("/"),
        max_concurrent_activities=max(1, max_act),
        function_timeout=timeout,
        raw=raw,
    )
