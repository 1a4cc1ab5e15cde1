"""Where the settings object reads its values: the process environment (under the
Functions host and devhost the ``Values`` of local.settings.json become environment
variables), or an explicit mapping that a test, a benchmark or a host process passes in.

Both go through pydantic-settings' environment source, so a mapping is read exactly as
the environment would be (the same case-sensitive names, the same parsing); the mapping
is handed over in a context variable because pydantic-settings builds its sources in a
class method that takes no per-call argument."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from pydantic_settings import EnvSettingsSource, PydanticBaseSettingsSource
from pydantic_settings.sources.utils import parse_env_vars

if TYPE_CHECKING:
    from pydantic_settings import BaseSettings

_given: ContextVar[Mapping[str, str] | None] = ContextVar("marketing_agents_settings_source", default=None)


class MappingSettingsSource(EnvSettingsSource):
    """pydantic-settings' environment source over a given mapping instead of os.environ."""

    def __init__(self, settings_cls: type[BaseSettings], values: Mapping[str, str]) -> None:
        self._values = values  # read by _load_env_vars, which the base class calls from __init__
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return parse_env_vars(self._values, self.case_sensitive, self.env_ignore_empty, self.env_parse_none_str)


@contextmanager
def reading(values: Mapping[str, str] | None) -> Iterator[None]:
    """Within this block a settings object is built from ``values`` (None: the environment)."""
    token = _given.set(values)
    try:
        yield
    finally:
        _given.reset(token)


def environment_source(
    settings_cls: type[BaseSettings], env_settings: PydanticBaseSettingsSource
) -> PydanticBaseSettingsSource:
    """The source for the current read: the given mapping, else the real environment."""
    values = _given.get()
    return env_settings if values is None else MappingSettingsSource(settings_cls, values)
