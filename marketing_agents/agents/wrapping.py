"""The one extension point of the wiring: a setting naming a function that wraps the
agents and the auditor a host builds.

Tests and benchmarks use it to put simulated agents in front of the real ones (a fixed
latency, replayed answers: ``marketing_agents.testing.simulated``) in a host process they
start, without the production wiring knowing anything about simulation. In Azure it is
unset, and the agents are exactly the ones ``build_agents`` and ``build_auditor`` make.

``AGENTS_WRAPPER=package.module:factory``: ``factory(settings)`` takes what it needs from
the declared settings (it is called at start-up by ``check_settings``, so a bad one stops
the host, naming it) and returns ``wrap(agents, auditor) -> (agents, auditor)``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping

from ..compliance.base import Auditor
from ..models import ArtifactType
from ..settings import ConfigError, Settings
from .base import Agent

AGENTS_WRAPPER_SETTING = "AGENTS_WRAPPER"

Agents = Mapping[ArtifactType, Agent]
Wrap = Callable[[Agents, Auditor], tuple[Agents, Auditor]]
WrapFactory = Callable[[Settings], Wrap]


def agents_wrapper(settings: Settings) -> Wrap | None:
    """The wrap the setting names, built from ``settings``; None when the setting is unset."""
    factory = _factory(settings.agents_wrapper or "")
    return None if factory is None else factory(settings)


def _factory(reference: str) -> WrapFactory | None:
    if not reference:
        return None
    problem = f"setting {AGENTS_WRAPPER_SETTING}={reference!r}"
    module_name, sep, attribute = (part.strip() for part in reference.partition(":"))
    if not sep or not module_name or not attribute:
        raise ConfigError(f"{problem} must name a function as package.module:function")
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise ConfigError(f"{problem}: cannot import {module_name!r} ({error})") from error
    factory = getattr(module, attribute, None)
    if not callable(factory):
        raise ConfigError(f"{problem}: {module_name} has no function {attribute!r}")
    return factory
