"""Model settings read from the environment, validated once at start-up.

Under the Functions host (and devhost) the ``Values`` of local.settings.json become
environment variables, so one reader serves Azure, the laptop and the tests. Every
misconfiguration raises :class:`ConfigError` naming the setting, so a wrong value stops
the host at start-up instead of failing the first campaign. ``load_model_settings``
returns ``None`` when no model is configured: the offline agents then do the writing.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import TypeVar

from ..settings import ConfigError, number_setting

__all__ = [
    "AgentRole",
    "CacheBackend",
    "ConfigError",
    "ModelSettings",
    "Provider",
    "ResponseFormatMode",
    "load_model_settings",
]

E = TypeVar("E", bound=Enum)

DEFAULT_AZURE_API_VERSION = "2024-10-21"
DEFAULT_CACHE_PATH = ".devhost/agent-cache.sqlite"
DEFAULT_AZURE_REDIS_PORT = 10000


class Provider(str, Enum):
    AZURE_OPENAI = "azure_openai"
    OPENAI = "openai"
    OPENAI_COMPATIBLE = "openai_compatible"


class AgentRole(str, Enum):
    """Who asks the model: each role may use its own model or deployment."""

    COPYWRITER = "copywriter"
    SHORT_COPY = "short_copy"
    VISUAL = "visual"
    JUDGE = "judge"


ROLE_SETTING = {
    AgentRole.COPYWRITER: "MODEL_COPYWRITER",
    AgentRole.SHORT_COPY: "MODEL_SHORT_COPY",
    AgentRole.VISUAL: "MODEL_VISUAL",
    AgentRole.JUDGE: "MODEL_JUDGE",
}


class CacheBackend(str, Enum):
    REDIS = "redis"
    SQLITE = "sqlite"
    MEMORY = "memory"
    NONE = "none"


class ResponseFormatMode(str, Enum):
    """``json_schema`` (structured outputs) or ``json_object`` for servers without it."""

    JSON_SCHEMA = "json_schema"
    JSON_OBJECT = "json_object"


@dataclass(frozen=True)
class RedisSettings:
    url: str | None = None
    host: str | None = None
    port: int = DEFAULT_AZURE_REDIS_PORT
    use_entra_id: bool = False
    username: str | None = None


@dataclass(frozen=True)
class ModelSettings:
    """Everything the model-backed agents, the judge and the response cache need."""

    provider: Provider
    models: Mapping[AgentRole, str]
    fallbacks: tuple[str, ...] = ()
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    azure_endpoint: str | None = None
    azure_api_version: str = DEFAULT_AZURE_API_VERSION
    timeout_seconds: float = 60.0
    read_timeout_seconds: float = 20.0
    max_output_tokens: int = 4096
    max_tries: int = 5
    retry_base_seconds: float = 2.0
    retry_max_wait_seconds: float = 60.0
    rate_limit_patience_seconds: float = 120.0
    max_concurrency: int = 4
    requests_per_minute: float = 0.0
    tokens_per_minute: float = 0.0
    response_format: ResponseFormatMode = ResponseFormatMode.JSON_SCHEMA
    temperature: float | None = None
    image_model: str | None = None
    cache_backend: CacheBackend = CacheBackend.SQLITE
    cache_ttl_seconds: int = 3600
    cache_path: str = DEFAULT_CACHE_PATH
    redis: RedisSettings = field(default_factory=RedisSettings)

    @property
    def endpoint(self) -> str:
        """Where the deployments live: with a model name, what one rate limit applies to."""
        return self.azure_endpoint or self.base_url or "https://api.openai.com/v1"

    def chain_for(self, role: AgentRole) -> list[str]:
        """The role's model followed by the fallback chain, without repeats."""
        chain: list[str] = []
        for name in (self.models[role], *self.fallbacks):
            if name not in chain:
                chain.append(name)
        return chain


def _text(env: Mapping[str, str], name: str) -> str | None:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return None
    return raw.strip()


def _flag(env: Mapping[str, str], name: str) -> bool:
    raw = (_text(env, name) or "false").lower()
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"setting {name}={raw!r} must be true or false")


def _choice(env: Mapping[str, str], name: str, kind: type[E], default: E | None) -> E | None:
    raw = _text(env, name)
    if raw is None:
        return default
    try:
        return kind(raw.lower())
    except ValueError as error:
        allowed = ", ".join(str(member.value) for member in kind)
        raise ConfigError(f"setting {name}={raw!r} must be one of: {allowed}") from error


def _url(env: Mapping[str, str], name: str) -> str | None:
    value = _text(env, name)
    if value is not None and not value.startswith(("http://", "https://")):
        raise ConfigError(f"setting {name}={value!r} must be an http(s) URL")
    return value


def _models(env: Mapping[str, str]) -> dict[AgentRole, str]:
    default = _text(env, "MODEL_NAME")
    models: dict[AgentRole, str] = {}
    for role, setting in ROLE_SETTING.items():
        name = _text(env, setting) or default
        if name is None:
            raise ConfigError(
                f"setting {setting} is required (or MODEL_NAME as the default for every agent) "
                "when MODEL_PROVIDER is set"
            )
        models[role] = name
    return models


def _redis(env: Mapping[str, str]) -> RedisSettings:
    url = _text(env, "REDIS_URL")
    if url is not None and not url.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError(f"setting REDIS_URL={url!r} must start with redis://, rediss:// or unix://")
    host = _text(env, "REDIS_HOST")
    use_entra_id = _flag(env, "REDIS_USE_ENTRA_ID")
    if use_entra_id and host is None:
        raise ConfigError("setting REDIS_HOST is required when REDIS_USE_ENTRA_ID is true")
    port = int(number_setting(env, "REDIS_PORT", DEFAULT_AZURE_REDIS_PORT, 1, 65535))
    return RedisSettings(url, host, port, use_entra_id, _text(env, "REDIS_USERNAME"))


def _cache(env: Mapping[str, str], redis: RedisSettings) -> CacheBackend:
    redis_configured = redis.url is not None or redis.host is not None
    default = CacheBackend.REDIS if redis_configured else CacheBackend.SQLITE
    backend = _choice(env, "AGENT_CACHE_BACKEND", CacheBackend, default)
    assert backend is not None
    if backend is CacheBackend.REDIS and not redis_configured:
        raise ConfigError("setting AGENT_CACHE_BACKEND=redis needs REDIS_URL or REDIS_HOST")
    return backend


def _provider_settings(env: Mapping[str, str], provider: Provider) -> dict[str, str | None]:
    api_key = _text(env, "MODEL_API_KEY")
    base_url = _url(env, "MODEL_BASE_URL")
    endpoint = _url(env, "AZURE_OPENAI_ENDPOINT")
    if provider is Provider.AZURE_OPENAI and endpoint is None:
        raise ConfigError("setting AZURE_OPENAI_ENDPOINT is required when MODEL_PROVIDER=azure_openai")
    if provider is Provider.OPENAI_COMPATIBLE and base_url is None:
        raise ConfigError("setting MODEL_BASE_URL is required when MODEL_PROVIDER=openai_compatible")
    if provider is Provider.OPENAI:
        api_key = api_key or _text(env, "OPENAI_API_KEY")
        if api_key is None:
            raise ConfigError("setting MODEL_API_KEY is required when MODEL_PROVIDER=openai")
    return {"api_key": api_key, "base_url": base_url, "azure_endpoint": endpoint}


def _check_no_stray_model_settings(env: Mapping[str, str]) -> None:
    for setting in ("MODEL_NAME", *ROLE_SETTING.values(), "MODEL_BASE_URL", "MODEL_FALLBACKS"):
        if _text(env, setting) is not None:
            raise ConfigError(
                f"setting {setting} is set but MODEL_PROVIDER is not: set MODEL_PROVIDER "
                "(azure_openai, openai or openai_compatible) or remove it"
            )


def load_model_settings(env: Mapping[str, str] | None = None) -> ModelSettings | None:
    """Read and validate the model settings; ``None`` means run the offline agents."""
    env = os.environ if env is None else env
    provider_raw = (_text(env, "MODEL_PROVIDER") or "").lower()
    if provider_raw in {"", "none", "offline"}:
        _check_no_stray_model_settings(env)
        return None
    provider = _choice(env, "MODEL_PROVIDER", Provider, None)
    assert provider is not None
    connection = _provider_settings(env, provider)
    fallbacks = tuple(name.strip() for name in (_text(env, "MODEL_FALLBACKS") or "").split(",") if name.strip())
    temperature = _text(env, "MODEL_TEMPERATURE")
    redis = _redis(env)
    response_format = _choice(env, "MODEL_RESPONSE_FORMAT", ResponseFormatMode, ResponseFormatMode.JSON_SCHEMA)
    assert response_format is not None
    return ModelSettings(
        provider=provider,
        models=_models(env),
        fallbacks=fallbacks,
        base_url=connection["base_url"],
        api_key=connection["api_key"],
        azure_endpoint=connection["azure_endpoint"],
        azure_api_version=_text(env, "AZURE_OPENAI_API_VERSION") or DEFAULT_AZURE_API_VERSION,
        timeout_seconds=number_setting(env, "MODEL_TIMEOUT_SECONDS", 60.0, 0.01, 600.0),
        read_timeout_seconds=number_setting(env, "MODEL_READ_TIMEOUT_SECONDS", 20.0, 0.01, 600.0),
        max_output_tokens=int(number_setting(env, "MODEL_MAX_OUTPUT_TOKENS", 4096, 16, 200_000)),
        max_tries=int(number_setting(env, "MODEL_MAX_TRIES", 5, 1, 10)),
        retry_base_seconds=number_setting(env, "MODEL_RETRY_BASE_SECONDS", 2.0, 0.0, 60.0),
        retry_max_wait_seconds=number_setting(env, "MODEL_RETRY_MAX_WAIT_SECONDS", 60.0, 0.0, 600.0),
        rate_limit_patience_seconds=number_setting(env, "MODEL_RATE_LIMIT_PATIENCE_SECONDS", 120.0, 0.0, 3600.0),
        max_concurrency=int(number_setting(env, "MODEL_MAX_CONCURRENCY", 4, 1, 256)),
        requests_per_minute=number_setting(env, "MODEL_REQUESTS_PER_MINUTE", 0.0, 0.0, 1_000_000.0),
        tokens_per_minute=number_setting(env, "MODEL_TOKENS_PER_MINUTE", 0.0, 0.0, 1_000_000_000.0),
        response_format=response_format,
        temperature=None if temperature is None else number_setting(env, "MODEL_TEMPERATURE", 0, 0, 2),
        image_model=_text(env, "MODEL_IMAGE"),
        cache_backend=_cache(env, redis),
        cache_ttl_seconds=int(number_setting(env, "AGENT_CACHE_TTL_SECONDS", 3600, 0, 30 * 24 * 3600)),
        cache_path=_text(env, "AGENT_CACHE_PATH") or DEFAULT_CACHE_PATH,
        redis=redis,
    )
