"""Loading ``function_app.py`` by path and indexing its functions, like the real host.

Discovery reads ``app._function_builders`` and builds each one, because
``app.get_functions()`` registers names globally and may be called only once per app.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import azure.functions as func

from .config import ConfigError

OUT = 1  # azure.functions.decorators.core.BindingDirection.OUT


@dataclass(frozen=True)
class Binding:
    """One binding of a function, with the host.json-style settings as a plain dict."""

    name: str
    type: str
    direction: int
    settings: dict[str, Any]


@dataclass(frozen=True)
class FunctionInfo:
    """What the host needs to invoke one function."""

    name: str
    trigger: Binding
    bindings: tuple[Binding, ...]
    user_function: Callable[..., Any]

    @property
    def output_bindings(self) -> list[Binding]:
        """Output bindings set through ``func.Out`` parameters (``$return`` excluded)."""
        return [b for b in self.bindings if b.direction == OUT and b.name != "$return"]


@dataclass
class FunctionIndex:
    """The app's functions grouped by trigger type."""

    http: dict[str, FunctionInfo] = field(default_factory=dict)
    orchestrators: dict[str, FunctionInfo] = field(default_factory=dict)
    activities: dict[str, FunctionInfo] = field(default_factory=dict)
    signalr_triggers: dict[str, FunctionInfo] = field(default_factory=dict)
    other: dict[str, FunctionInfo] = field(default_factory=dict)

    def all(self) -> list[FunctionInfo]:
        groups = (self.http, self.orchestrators, self.activities, self.signalr_triggers,
                  self.other)
        return [f for group in groups for f in group.values()]


def _plain(value: Any) -> Any:
    """Enums (BindingDirection, HttpMethod, AuthLevel) to their values; recurse lists."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return getattr(value, "value", value)


def _binding(b: Any) -> Binding:
    settings = {k: _plain(v) for k, v in b.get_dict_repr().items()}
    return Binding(name=b.name, type=str(b.type), direction=int(_plain(b.direction)),
                   settings=settings)


def import_app_module(app_dir: Path) -> Any:
    """Import ``app_dir/function_app.py`` with app_dir on sys.path (its sibling imports work)."""
    path = app_dir / "function_app.py"
    if not path.is_file():
        raise ConfigError(f"no function_app.py in {app_dir}")
    folder = str(app_dir.resolve())
    if folder not in sys.path:
        sys.path.insert(0, folder)
    spec = importlib.util.spec_from_file_location("function_app", path)
    if spec is None or spec.loader is None:
        raise ConfigError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["function_app"] = module
    try:
        spec.loader.exec_module(module)
    except Exception as ex:  # the app's own start-up checks (settings) or a bug in it
        sys.modules.pop("function_app", None)
        logging.getLogger("devhost").debug("importing %s failed", path, exc_info=True)
        raise ConfigError(
            f"cannot load {path.name}: {type(ex).__name__}: {ex} (--log-level debug shows the traceback)"
        ) from None
    return module


def find_app(module: Any) -> Any:
    """The module's FunctionApp (DFApp): ``app`` if present, else the first one found."""
    candidate = getattr(module, "app", None)
    if isinstance(candidate, func.FunctionRegister):
        return candidate
    for value in vars(module).values():
        if isinstance(value, func.FunctionRegister):
            return value
    raise ConfigError(f"{module.__file__}: no FunctionApp instance found")


def index_functions(app: Any) -> FunctionIndex:
    """Build every registered function and group it by trigger type."""
    index = FunctionIndex()
    groups = {"httpTrigger": index.http, "orchestrationTrigger": index.orchestrators,
              "activityTrigger": index.activities, "signalRTrigger": index.signalr_triggers}
    for builder in app._function_builders:
        fn = builder.build(app.auth_level)
        trigger = fn.get_trigger()
        info = FunctionInfo(
            name=fn.get_function_name(),
            trigger=_binding(trigger),
            bindings=tuple(_binding(b) for b in fn.get_bindings()),
            user_function=fn.get_user_function(),
        )
        groups.get(info.trigger.type, index.other)[info.name] = info
    return index


def load_app(app_dir: Path) -> FunctionIndex:
    """Import the app and index it."""
    return index_functions(find_app(import_app_module(app_dir)))
