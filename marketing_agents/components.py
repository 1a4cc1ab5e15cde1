"""The components one host process shares — settings, repository, agents, auditor,
poster store — built once, lazily, from the environment (the composition root; called
"components" so that "service" keeps its one Functions meaning). Activities and HTTP functions ask for them here, so
tests and devhost configure them only through settings, as in Azure.

This is the production wiring and nothing else: it knows no test doubles. The one
extension point is ``AGENTS_WRAPPER`` (``marketing_agents.agents.wrapping``), a setting
naming a function that wraps the agents and the auditor built here; only tests and
benchmarks set it (e.g. to ``marketing_agents.testing.simulated``'s simulated agents)."""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass

from .agents.base import Agent
from .compliance.base import Auditor
from .llm.settings import ModelSettings, load_model_settings
from .models import ArtifactType
from .poster.store import PosterStore
from .settings import AppSettings, load_settings
from .store import CampaignRepository, repository_from_settings


@dataclass
class Components:
    settings: AppSettings
    repository: CampaignRepository
    agents: Mapping[ArtifactType, Agent]
    auditor: Auditor
    posters: PosterStore
    model_settings: ModelSettings | None


_lock = threading.Lock()
_components: Components | None = None


def build_components(env: Mapping[str, str] | None = None) -> Components:
    """Validate every setting and build the services; raises ConfigError naming a bad one."""
    from .agents.registry import build_agents
    from .agents.wrapping import agents_wrapper
    from .compliance import build_auditor
    from .llm.judge import build_model_judge
    from .poster import build_poster_store

    env = os.environ if env is None else env
    settings = load_settings(env)
    model_settings = load_model_settings(env)
    judge = build_model_judge(model_settings) if model_settings is not None else None
    agents: Mapping[ArtifactType, Agent] = build_agents(env)
    auditor: Auditor = build_auditor(env, judge=judge)
    wrap = agents_wrapper(env)  # an explicit extension point for tests and benchmarks only
    if wrap is not None:
        agents, auditor = wrap(agents, auditor)
    return Components(
        settings=settings,
        repository=repository_from_settings(env),
        agents=agents,
        auditor=auditor,
        posters=build_poster_store(env),
        model_settings=model_settings,
    )


def check_settings(env: Mapping[str, str] | None = None) -> None:
    """Validate every setting without connecting anywhere, so that a host fails at
    start-up with the setting's name rather than at the first campaign."""
    from .agents.wrapping import agents_wrapper
    from .poster import build_poster_store
    from .store import local_store_path

    env = os.environ if env is None else env
    load_settings(env)
    load_model_settings(env)
    local_store_path(env)
    build_poster_store(env)
    agents_wrapper(env)


def reset_components() -> None:
    """Forget the built services (tests that change settings within one process)."""
    global _components
    with _lock:
        _components = None


def components() -> Components:
    global _components
    if _components is None:
        with _lock:
            if _components is None:
                _components = build_components()
    return _components
