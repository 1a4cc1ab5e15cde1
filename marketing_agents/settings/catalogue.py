"""The declared settings as records — environment name, where it applies, group, type,
default and meaning — for the generated tables and the infrastructure tests."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from types import NoneType, UnionType
from typing import Any, Union, get_args, get_origin

from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings

from .cli import CliSettings
from .declared import Settings
from .fields import Where


@dataclass(frozen=True)
class DeclaredSetting:
    name: str  # the environment variable, exact case
    field: str  # the attribute on the settings object
    where: Where
    group: str
    values: str  # what text it accepts
    default: str  # what applies when it is unset, as shown in the docs
    meaning: str
    secret: bool


def declared_settings(objects: Iterable[type[BaseSettings]] = (Settings, CliSettings)) -> list[DeclaredSetting]:
    """Every declared setting of ``objects`` (default: the app's and the CLI's), in declaration order."""
    return [_record(field, info) for cls in objects for field, info in cls.model_fields.items()]


def app_settings() -> list[DeclaredSetting]:
    """The settings the app reads (the Function App's, devhost's and Core Tools' concern)."""
    return declared_settings((Settings,))


def setting_names(where: Iterable[Where] | None = None) -> list[str]:
    """The app's environment names, optionally only those that apply in ``where``."""
    wanted = set(Where) if where is None else set(where)
    return [s.name for s in app_settings() if s.where in wanted]


def _record(field: str, info: FieldInfo) -> DeclaredSetting:
    extra: dict[str, Any] = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    assert info.alias is not None and info.description, f"setting {field} must declare its name and meaning"
    return DeclaredSetting(
        name=info.alias,
        field=field,
        where=Where(extra["where"]),
        group=str(extra["group"]),
        values=str(extra.get("values") or _values(info)),
        default=str(extra.get("default_text") or _default(info.default)),
        meaning=info.description,
        secret=bool(extra.get("secret")),
    )


def _values(info: FieldInfo) -> str:
    kind = _without_none(info.annotation)
    low = high = None
    for item in info.metadata:
        low = getattr(item, "ge", low)
        high = getattr(item, "le", high)
    bounds = f" {low:g}–{high:g}" if low is not None and high is not None else ""
    if kind is bool:
        return "`true` or `false`"
    if kind is int:
        return f"whole number{bounds}"
    if kind is float:
        return f"number{bounds}"
    if isinstance(kind, type) and issubclass(kind, Enum):
        return ", ".join(f"`{member.value}`" for member in kind)
    return "text"


def _default(value: Any) -> str:
    if value is None or value == ():
        return "–"
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, float):
        return f"`{value:g}`"
    return f"`{value}`"


def _without_none(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, UnionType):
        rest = [arg for arg in get_args(annotation) if arg is not NoneType]
        return rest[0] if len(rest) == 1 else annotation
    return annotation
