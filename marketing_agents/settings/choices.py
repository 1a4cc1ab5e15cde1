"""The closed sets of values some settings take (re-exported where they are used, e.g.
``marketing_agents.llm.settings``)."""

from __future__ import annotations

from enum import Enum


class Provider(str, Enum):
    AZURE_OPENAI = "azure_openai"
    OPENAI = "openai"
    OPENAI_COMPATIBLE = "openai_compatible"


class CacheBackend(str, Enum):
    REDIS = "redis"
    SQLITE = "sqlite"
    MEMORY = "memory"
    NONE = "none"


class ResponseFormatMode(str, Enum):
    """``json_schema`` (structured outputs) or ``json_object`` for servers without it."""

    JSON_SCHEMA = "json_schema"
    JSON_OBJECT = "json_object"


class PosterStoreKind(str, Enum):
    LOCAL = "local"
    BLOB = "blob"


class ConnectionCredential(str, Enum):
    """``<connection>__credential`` of an identity-based connection, as the Functions extensions read it."""

    MANAGED_IDENTITY = "managedidentity"


class SimulationMode(str, Enum):
    CANNED = "canned"
