"""The components one host process shares — settings, repository, agents, auditor,
poster store, SignalR connection — built once, lazily, from the declared settings (the
composition root; called "components" so that "service" keeps its one Functions meaning).
Activities and HTTP functions ask for them here, so tests and devhost configure them only
through settings, as in Azure.

This is the production wiring and nothing else: it knows no test doubles. The one
extension point is ``AGENTS_WRAPPER`` (``marketing_agents.agents.wrapping``), a setting
naming a function that wraps the agents and the auditor built here; only tests and
benchmarks set it (e.g. to ``marketing_agents.testing.simulated``'s simulated agents)."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass

from .agents.base import Agent
from .compliance.base import Auditor
from .llm.settings import ModelSettings, load_model_settings
from .models import ArtifactType
from .poster.store import PosterStore
from .realtime.publishing.connection import SignalRConnection
from .settings import Settings, load_settings
from .store import CampaignRepository, repository_from_settings


@dataclass
class Components:
    settings: Settings
    repository: CampaignRepository
    agents: Mapping[ArtifactType, Agent]
    auditor: Auditor
    posters: PosterStore
    model_settings: ModelSettings | None
    signalr: SignalRConnection | None  # None: SignalR is not configured, chunks are not streamed


_lock = threading.Lock()
_components: Components | None = None


def build_components(env: Mapping[str, str] | None = None) -> Components:
    """Read and validate every setting from ``env`` (None: the process environment) and
    build the services; raises ConfigError naming a bad one."""
    from .agents.registry import build_agents
    from .agents.wrapping import agents_wrapper
    from .compliance import build_auditor
    from .llm.judge import build_model_judge
    from .poster import build_poster_store

    settings = load_settings(env)
    model_settings = load_model_settings(settings)
    judge = build_model_judge(model_settings) if model_settings is not None else None
    agents: Mapping[ArtifactType, Agent] = build_agents(model_settings)
    auditor: Auditor = build_auditor(settings, judge=judge)
    wrap = agents_wrapper(settings)  # an explicit extension point for tests and benchmarks only
    if wrap is not None:
        agents, auditor = wrap(agents, auditor)
    return Components(
        settings=settings,
        repository=repository_from_settings(settings),
        agents=agents,
        auditor=auditor,
        posters=build_poster_store(settings),
        model_settings=model_settings,
        signalr=SignalRConnection.from_settings(settings),
    )


def check_settings(env: Mapping[str, str] | None = None) -> None:
    """Validate every setting without connecting anywhere, so that a host fails at
    start-up with the setting's name rather than at the first campaign."""
    from .agents.wrapping import agents_wrapper
    from .poster import build_poster_store
    from .store import local_store_path

    settings = load_settings(env)
    load_model_settings(settings)
    local_store_path(settings)
    build_poster_store(settings)
    agents_wrapper(settings)
    SignalRConnection.from_settings(settings)


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
