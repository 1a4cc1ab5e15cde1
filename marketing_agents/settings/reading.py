"""Read the settings object, turning pydantic's validation errors into one line that
names each bad setting (never a trace, never a secret's value)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

from pydantic import ValidationError
from pydantic.fields import FieldInfo

from .declared import Settings
from .errors import ConfigError
from .sources import reading

_NOT_A_NUMBER = {"float_parsing", "float_type", "finite_number"}
_NOT_WHOLE = {"int_parsing", "int_type", "int_from_float", "int_parsing_size"}
_BOUNDS = {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Every setting from ``env`` (None: the process environment), validated; raises
    ConfigError naming each bad one."""
    try:
        with reading(env):
            return Settings()
    except ValidationError as error:
        raise ConfigError("; ".join(_describe(e) for e in error.errors())) from None


def field_by_name() -> dict[str, FieldInfo]:
    """The declared fields keyed by their environment name."""
    return {info.alias or name: info for name, info in Settings.model_fields.items()}


def _describe(error: Any) -> str:
    name = str(error["loc"][0]) if error["loc"] else "?"
    info = field_by_name().get(name)
    secret = info is not None and isinstance(info.json_schema_extra, dict) and info.json_schema_extra.get("secret")
    shown = f"setting {name}" if secret else f"setting {name}={error['input']!r}"
    return f"{shown} {_problem(error, info)}"


def _problem(error: Any, info: FieldInfo | None) -> str:
    kind = error["type"]
    if kind in _NOT_A_NUMBER:
        return "is not a number"
    if kind in _NOT_WHOLE:
        return "is not a whole number"
    if kind in _BOUNDS and info is not None:
        low, high = _bounds(info)
        return f"must be between {low:g} and {high:g}"
    if kind == "bool_parsing":
        return "must be true or false"
    if kind == "enum" and info is not None:
        return f"must be one of: {', '.join(_choices(info))}"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    return str(error["msg"])


def _bounds(info: FieldInfo) -> tuple[float, float]:
    low, high = float("-inf"), float("inf")
    for item in info.metadata:
        low = getattr(item, "ge", low)
        high = getattr(item, "le", high)
    return low, high


def _choices(info: FieldInfo) -> list[str]:
    kinds = [info.annotation, *getattr(info.annotation, "__args__", ())]
    for kind in kinds:
        if isinstance(kind, type) and issubclass(kind, Enum):
            return [str(member.value) for member in kind]
    return []
