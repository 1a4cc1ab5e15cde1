"""The model-backed agents' view of the settings: the declared settings
(``marketing_agents.settings``) checked together — a provider needs its endpoint or key,
every role needs a model — into one :class:`ModelSettings`. Every misconfiguration
raises :class:`ConfigError` naming the setting, so a wrong value stops the host at
start-up instead of failing the first campaign. ``load_model_settings`` returns
``None`` when no model is configured: the offline agents then do the writing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from ..settings import CacheBackend, ConfigError, Provider, ResponseFormatMode, Settings
from ..settings.declared import DEFAULT_AZURE_API_VERSION, DEFAULT_AZURE_REDIS_PORT, DEFAULT_CACHE_PATH

__all__ = [
    "AgentRole",
    "CacheBackend",
    "ConfigError",
    "ModelSettings",
    "Provider",
    "ResponseFormatMode",
    "load_model_settings",
]

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
ROLE_FIELD = {
    AgentRole.COPYWRITER: "model_copywriter",
    AgentRole.SHORT_COPY: "model_short_copy",
    AgentRole.VISUAL: "model_visual",
    AgentRole.JUDGE: "model_judge",
}


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


def _models(settings: Settings) -> dict[AgentRole, str]:
    models: dict[AgentRole, str] = {}
    for role, setting in ROLE_SETTING.items():
        name = getattr(settings, ROLE_FIELD[role]) or settings.model_name
        if name is None:
            raise ConfigError(
                f"setting {setting} is required (or MODEL_NAME as the default for every agent) "
                "when MODEL_PROVIDER is set"
            )
        models[role] = name
    return models


def _redis(settings: Settings) -> RedisSettings:
    if settings.redis_use_entra_id and settings.redis_host is None:
        raise ConfigError("setting REDIS_HOST is required when REDIS_USE_ENTRA_ID is true")
    return RedisSettings(
        settings.redis_url, settings.redis_host, settings.redis_port, settings.redis_use_entra_id,
        settings.redis_username,
    )


def _cache(settings: Settings, redis: RedisSettings) -> CacheBackend:
    redis_configured = redis.url is not None or redis.host is not None
    backend = settings.agent_cache_backend or (CacheBackend.REDIS if redis_configured else CacheBackend.SQLITE)
    if backend is CacheBackend.REDIS and not redis_configured:
        raise ConfigError("setting AGENT_CACHE_BACKEND=redis needs REDIS_URL or REDIS_HOST")
    return backend


def _api_key(settings: Settings, provider: Provider) -> str | None:
    if provider is Provider.AZURE_OPENAI and settings.azure_openai_endpoint is None:
        raise ConfigError("setting AZURE_OPENAI_ENDPOINT is required when MODEL_PROVIDER=azure_openai")
    if provider is Provider.OPENAI_COMPATIBLE and settings.model_base_url is None:
        raise ConfigError("setting MODEL_BASE_URL is required when MODEL_PROVIDER=openai_compatible")
    if provider is Provider.OPENAI:
        api_key = settings.model_api_key or settings.openai_api_key
        if api_key is None:
            raise ConfigError("setting MODEL_API_KEY is required when MODEL_PROVIDER=openai")
        return api_key
    return settings.model_api_key


def _check_no_stray_model_settings(settings: Settings) -> None:
    stray = {"MODEL_NAME": settings.model_name, "MODEL_BASE_URL": settings.model_base_url,
             "MODEL_FALLBACKS": settings.model_fallbacks or None,
             **{ROLE_SETTING[role]: getattr(settings, field) for role, field in ROLE_FIELD.items()}}
    for setting, value in stray.items():
        if value is not None:
            raise ConfigError(
                f"setting {setting} is set but MODEL_PROVIDER is not: set MODEL_PROVIDER "
                "(azure_openai, openai or openai_compatible) or remove it"
            )


def load_model_settings(settings: Settings) -> ModelSettings | None:
    """The model settings, checked together; ``None`` means run the offline agents."""
    provider = settings.model_provider
    if provider is None:
        _check_no_stray_model_settings(settings)
        return None
    api_key = _api_key(settings, provider)
    redis = _redis(settings)
    return ModelSettings(
        provider=provider,
        models=_models(settings),
        fallbacks=settings.model_fallbacks,
        base_url=settings.model_base_url,
        api_key=api_key,
        azure_endpoint=settings.azure_openai_endpoint,
        azure_api_version=settings.azure_openai_api_version,
        timeout_seconds=settings.model_timeout_seconds,
        read_timeout_seconds=settings.model_read_timeout_seconds,
        max_output_tokens=settings.model_max_output_tokens,
        max_tries=settings.model_max_tries,
        retry_base_seconds=settings.model_retry_base_seconds,
        retry_max_wait_seconds=settings.model_retry_max_wait_seconds,
        rate_limit_patience_seconds=settings.model_rate_limit_patience_seconds,
        max_concurrency=settings.model_max_concurrency,
        requests_per_minute=settings.model_requests_per_minute,
        tokens_per_minute=settings.model_tokens_per_minute,
        response_format=settings.model_response_format,
        temperature=settings.model_temperature,
        image_model=settings.model_image,
        cache_backend=_cache(settings, redis),
        cache_ttl_seconds=settings.agent_cache_ttl_seconds,
        cache_path=settings.agent_cache_path,
        redis=redis,
    )
