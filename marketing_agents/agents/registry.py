"""Which agent writes which artifact type.

``build_agents`` is the one place the app asks for its agents. Today it returns the
offline agents; model-backed agents (chosen from settings such as the model endpoint)
will be returned from here too, keeping the offline ones as their last fallback.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..models import ArtifactType
from .base import Agent
from .offline import OfflineCopywriter, OfflineShortCopyWriter, OfflineVisualConceptWriter


def offline_agents() -> dict[ArtifactType, Agent]:
    """The built-in deterministic writers, one per artifact type."""
    return {
        ArtifactType.COPY: OfflineCopywriter(),
        ArtifactType.SHORT_COPY: OfflineShortCopyWriter(),
        ArtifactType.VISUAL: OfflineVisualConceptWriter(),
    }


def build_agents(settings: Mapping[str, str] | None = None) -> dict[ArtifactType, Agent]:
    """The agents to use for ``settings`` (app settings / environment). For now always
    the offline agents; ``settings`` is accepted so callers need not change later."""
    del settings  # not used yet: no model-backed agents exist
    return offline_agents()
