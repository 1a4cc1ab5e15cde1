"""Which agent writes which artifact type.

``build_agents`` is the one place the app asks for its agents: model-backed ones when
a model is configured, with the offline ones as their last fallback; otherwise the
offline agents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import ArtifactType
from .base import Agent
from .offline import OfflineCopywriter, OfflineShortCopyWriter, OfflineVisualConceptWriter

if TYPE_CHECKING:
    from ..llm.settings import ModelSettings


def offline_agents() -> dict[ArtifactType, Agent]:
    """The built-in deterministic writers, one per artifact type."""
    return {
        ArtifactType.COPY: OfflineCopywriter(),
        ArtifactType.SHORT_COPY: OfflineShortCopyWriter(),
        ArtifactType.VISUAL: OfflineVisualConceptWriter(),
    }


def build_agents(model_settings: ModelSettings | None = None) -> dict[ArtifactType, Agent]:
    """Model-backed agents when a model is configured (docs/models.md), each with its
    offline twin as the last fallback; the offline agents alone otherwise."""
    from ..llm import build_model_agents

    if model_settings is None:
        return offline_agents()
    return build_model_agents(model_settings, offline_agents())
