"""Model-backed agents: the ``openai`` SDK against Azure OpenAI, OpenAI or any
OpenAI-compatible server, with retries, a fallback chain, a response cache and the
offline agents as the last resort. See docs/models.md for the settings.
"""

from .agents import ModelAgent, build_model_agents
from .cache import build_response_cache
from .client import build_chat_client
from .runner import AllModelsFailed, Completion, ModelRunner
from .settings import AgentRole, ConfigError, ModelSettings, load_model_settings

__all__ = [
    "AgentRole",
    "AllModelsFailed",
    "Completion",
    "ConfigError",
    "ModelAgent",
    "ModelRunner",
    "ModelSettings",
    "build_chat_client",
    "build_model_agents",
    "build_response_cache",
    "load_model_settings",
]
