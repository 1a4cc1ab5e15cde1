"""The services one host process shares — repository, agents, auditor — built once,
lazily, from the environment. Activities and HTTP functions ask for them here, so
tests and devhost configure them only through settings, as in Azure."""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass

from .agents.base import Agent
from .compliance.base import Auditor
from .latency import simulated_latency, with_latency
from .models import ArtifactType
from .settings import AppSettings, load_settings
from .store import CampaignRepository, repository_from_settings


@dataclass
class Services:
    settings: AppSettings
    repository: CampaignRepository
    agents: Mapping[ArtifactType, Agent]
    auditor: Auditor


_lock = threading.Lock()
_services: Services | None = None


def build_services(env: Mapping[str, str] | None = None) -> Services:
    """Validate every setting and build the services; raises ConfigError naming a bad one."""
    from .agents.registry import build_agents
    from .compliance import build_auditor

    env = os.environ if env is None else env
    settings = load_settings(env)
    agents, auditor = with_latency(build_agents(env), build_auditor(env), simulated_latency(env))
    return Services(settings=settings, repository=repository_from_settings(env), agents=agents, auditor=auditor)


def reset_services() -> None:
    """Forget the built services (tests that change settings within one process)."""
    global _services
    with _lock:
        _services = None


def services() -> Services:
    global _services
    if _services is None:
        with _lock:
            if _services is None:
                _services = build_services()
    return _services
