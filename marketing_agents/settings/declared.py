"""Every setting the app reads, declared once: environment name (exact case, as the
Functions host passes app settings and local.settings.json ``Values``), type, default,
bounds, meaning, and where it applies. Modules get their settings from this object (via
``marketing_agents.components``), never from the environment; the README and docs
tables are generated from it (``python -m marketing_agents.settings --write``).

Rules that tie several settings together (a provider needs its endpoint, blob posters
need an account) stay with the code that builds the thing they configure
(``llm.settings``, ``poster.store``, ``store``); ``components.check_settings`` runs
them all at start-up."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from pydantic import field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict

from .choices import (
    CacheBackend,
    ConnectionCredential,
    PosterStoreKind,
    Provider,
    ResponseFormatMode,
    SimulationMode,
)
from .fields import Where, setting
from .sources import environment_source

COSMOS_CONNECTION_SETTING = "CosmosDBConnection"
COSMOS_IDENTITY_ENDPOINT_SETTING = f"{COSMOS_CONNECTION_SETTING}__accountEndpoint"
SIGNALR_CONNECTION_SETTING = "AzureSignalRConnectionString"
LOCAL_USER_SETTING = "LOCAL_USER_ID"
DEFAULT_LOCAL_USER = "local-user"
DEFAULT_LOCAL_STORE = ".devhost/documents.sqlite"
DEFAULT_AZURE_API_VERSION = "2024-10-21"
DEFAULT_CACHE_PATH = ".devhost/agent-cache.sqlite"
DEFAULT_AZURE_REDIS_PORT = 10000
DEFAULT_POSTER_DIR = ".devhost/posters"
DEFAULT_POSTER_CONTAINER = "posters"
OFFLINE_PROVIDER_WORDS = frozenset({"none", "offline"})

CommaList = Annotated[tuple[str, ...], NoDecode]  # "a, b,c" in the environment, not JSON

_LOWERCASED = ("MODEL_PROVIDER", "MODEL_RESPONSE_FORMAT", "AGENT_CACHE_BACKEND", "POSTER_STORE", "SIMULATED_AGENTS",
               f"{SIGNALR_CONNECTION_SETTING}__credential")


class Settings(BaseSettings):
    """The app's settings. A blank value means the default, as it always has."""

    model_config = SettingsConfigDict(
        case_sensitive=True, env_ignore_empty=True, extra="ignore", frozen=True
    )

    # --- the campaign flow -------------------------------------------------------------
    review_deadline_hours: float = setting(
        72.0, name="REVIEW_DEADLINE_HOURS", where=Where.BOTH, group="campaign", ge=0.001, le=24.0 * 30,
        meaning="how long a review may wait before the campaign is `Expired`")
    compliance_threshold: float = setting(
        80.0, name="COMPLIANCE_THRESHOLD", where=Where.BOTH, group="campaign", ge=0.0, le=100.0,
        meaning="minimum audit score to be compliant (and no High/Critical finding)")
    max_regeneration_rounds: int = setting(
        5, name="MAX_REGENERATION_ROUNDS", where=Where.BOTH, group="campaign", ge=0, le=10,
        meaning="audit-driven regeneration rounds before `NeedsAttention`")
    local_user: str = setting(
        DEFAULT_LOCAL_USER, name=LOCAL_USER_SETTING, where=Where.LOCAL, group="campaign",
        meaning="the user of requests without an identity header (in Azure, App Service authentication "
        "sets `x-ms-client-principal-id`)")

    # --- persistence ---------------------------------------------------------------------
    cosmos_connection: str | None = setting(
        None, name=COSMOS_CONNECTION_SETTING, where=Where.LOCAL, group="store", secret=True,
        values="`LocalDocumentStore=PATH` or `AccountEndpoint=…;AccountKey=…;`",
        default_text=f"required unless `{COSMOS_IDENTITY_ENDPOINT_SETTING}` is set",
        meaning="where documents live: the SQLite local document store (the example's "
        f"`LocalDocumentStore={DEFAULT_LOCAL_STORE}`), or Cosmos DB with a key (e.g. the emulator); "
        "the Cosmos DB output bindings read it too")
    cosmos_account_endpoint: str | None = setting(
        None, name=COSMOS_IDENTITY_ENDPOINT_SETTING, where=Where.AZURE, group="store",
        values="`https://ACCOUNT.documents.azure.com:443/`",
        meaning="Cosmos DB with Entra ID (`DefaultAzureCredential`; the managed identity in Azure), "
        f"used when `{COSMOS_CONNECTION_SETTING}` is unset; the bindings' identity-based form")

    # --- live updates --------------------------------------------------------------------
    signalr_connection: str | None = setting(
        None, name=SIGNALR_CONNECTION_SETTING, where=Where.BOTH, group="realtime", secret=True,
        values="`Endpoint=…;AccessKey=…;Version=1.0;` or `Endpoint=…;AuthType=azure.msi;…`",
        default_text="unset: no chunk streaming",
        meaning="SignalR Service (devhost's emulator locally): the SignalR bindings and the chunk "
        "stream (docs/realtime.md)")
    signalr_service_uri: str | None = setting(
        None, name=f"{SIGNALR_CONNECTION_SETTING}__serviceUri", where=Where.AZURE, group="realtime",
        values="`https://NAME.service.signalr.net`",
        meaning=f"SignalR Service with Entra ID, used when `{SIGNALR_CONNECTION_SETTING}` is unset; the "
        "extension's identity-based form")
    signalr_credential: ConnectionCredential | None = setting(
        None, name=f"{SIGNALR_CONNECTION_SETTING}__credential", where=Where.AZURE, group="realtime",
        default_text="`DefaultAzureCredential`",
        meaning="with `__serviceUri`: `managedidentity` for the app's managed identity")
    signalr_client_id: str | None = setting(
        None, name=f"{SIGNALR_CONNECTION_SETTING}__clientId", where=Where.AZURE, group="realtime",
        default_text="the system-assigned identity",
        meaning="with `__credential=managedidentity`: the client id of the user-assigned identity")

    # --- the dashboard (a test setting: the app ships its build in web/dist) ---------------
    dashboard_dist: str | None = setting(
        None, name="DASHBOARD_DIST", where=Where.TESTS, group="testing", values="a folder, relative to the app",
        default_text="`web/dist`",
        meaning="the dashboard build served at `/` (tests serve a build they write; the app ships `web/dist`)")

    # --- compliance ----------------------------------------------------------------------
    compliance_brand_kits_dir: CommaList = setting(
        (), name="COMPLIANCE_BRAND_KITS_DIR", where=Where.BOTH, group="compliance",
        values="comma-separated directories",
        meaning="extra directories of `<id>.yaml` brand kits, looked up by the brief's `brandKit`")
    compliance_brand_kit: str | None = setting(
        None, name="COMPLIANCE_BRAND_KIT", where=Where.BOTH, group="compliance", values="brand kit id or file",
        meaning="a brand kit applied to every campaign")
    compliance_second_opinion: bool = setting(
        True, name="COMPLIANCE_SECOND_OPINION", where=Where.BOTH, group="compliance",
        meaning="ask the learned classifier built by `make model` about the rules' claim findings "
                "(docs/compliance.md); `false`: rules only")

    # --- the model -----------------------------------------------------------------------
    model_provider: Provider | None = setting(
        None, name="MODEL_PROVIDER", where=Where.BOTH, group="model",
        default_text="offline", values="`azure_openai`, `openai`, `openai_compatible`; empty, `none` or `offline`",
        meaning="who writes: a model API, or the built-in offline agents")
    azure_openai_endpoint: str | None = setting(
        None, name="AZURE_OPENAI_ENDPOINT", where=Where.BOTH, group="model", values="http(s) URL",
        meaning="Azure OpenAI resource endpoint (required for `azure_openai`)")
    azure_openai_api_version: str = setting(
        DEFAULT_AZURE_API_VERSION, name="AZURE_OPENAI_API_VERSION", where=Where.BOTH, group="model",
        meaning="Azure OpenAI data-plane API version")
    model_api_key: str | None = setting(
        None, name="MODEL_API_KEY", where=Where.LOCAL, group="model", secret=True,
        meaning="API key. Required for `openai`; for `azure_openai` leave it out to use Entra ID; "
        "optional for `openai_compatible`")
    openai_api_key: str | None = setting(
        None, name="OPENAI_API_KEY", where=Where.LOCAL, group="model", secret=True,
        meaning="accepted instead of `MODEL_API_KEY` for `openai`")
    model_base_url: str | None = setting(
        None, name="MODEL_BASE_URL", where=Where.BOTH, group="model", values="http(s) URL",
        meaning="base URL ending in `/v1` (required for `openai_compatible`, optional for `openai`)")
    model_name: str | None = setting(
        None, name="MODEL_NAME", where=Where.BOTH, group="model",
        meaning="model (or Azure deployment) of every role without a model of its own (`MODEL_COPYWRITER` …)")
    model_copywriter: str | None = setting(
        None, name="MODEL_COPYWRITER", where=Where.BOTH, group="model", default_text="`MODEL_NAME`",
        meaning="the copywriter's model; required unless `MODEL_NAME` is set")
    model_short_copy: str | None = setting(
        None, name="MODEL_SHORT_COPY", where=Where.BOTH, group="model", default_text="`MODEL_NAME`",
        meaning="the short-copy writer's model; required unless `MODEL_NAME` is set")
    model_visual: str | None = setting(
        None, name="MODEL_VISUAL", where=Where.BOTH, group="model", default_text="`MODEL_NAME`",
        meaning="the visual concept writer's model; required unless `MODEL_NAME` is set")
    model_judge: str | None = setting(
        None, name="MODEL_JUDGE", where=Where.BOTH, group="model", default_text="`MODEL_NAME`",
        meaning="the auditor's LLM judge's model; required unless `MODEL_NAME` is set")
    model_fallbacks: CommaList = setting(
        (), name="MODEL_FALLBACKS", where=Where.BOTH, group="model", values="comma-separated models",
        meaning="models tried, in order, after a role's own model fails")
    model_image: str | None = setting(
        None, name="MODEL_IMAGE", where=Where.BOTH, group="model", default_text="none: the renderer's own design",
        meaning="image model (`images.generate`) whose picture becomes the poster background")
    model_timeout_seconds: float = setting(
        60.0, name="MODEL_TIMEOUT_SECONDS", where=Where.BOTH, group="model", ge=0.01, le=600.0,
        meaning="total time one request may take (one try; a streamed reply included; time queued in the "
        "limiter not counted)")
    model_read_timeout_seconds: float = setting(
        20.0, name="MODEL_READ_TIMEOUT_SECONDS", where=Where.BOTH, group="model", ge=0.01, le=600.0,
        meaning="longest silence allowed before the first and between two chunks of a streamed reply; a "
        "stalled stream is dropped and retried instead of waited out")
    model_max_output_tokens: int = setting(
        4096, name="MODEL_MAX_OUTPUT_TOKENS", where=Where.BOTH, group="model", ge=16, le=200_000,
        meaning="`max_tokens` of a request; a reply cut at the limit (`finish_reason: length`) is asked once "
        "more with twice the room, then reported")
    model_max_tries: int = setting(
        5, name="MODEL_MAX_TRIES", where=Where.BOTH, group="model", ge=1, le=10,
        meaning="tries per model for transient errors other than rate limits")
    model_retry_base_seconds: float = setting(
        2.0, name="MODEL_RETRY_BASE_SECONDS", where=Where.BOTH, group="model", ge=0.0, le=60.0,
        meaning="first back-off wait; doubles each try (2, 4, 8, 16 s) plus up to 25 % jitter. Tests set it "
        "to `0.01`")
    model_retry_max_wait_seconds: float = setting(
        60.0, name="MODEL_RETRY_MAX_WAIT_SECONDS", where=Where.BOTH, group="model", ge=0.0, le=600.0,
        meaning="cap on one wait, including a server's `Retry-After`")
    model_response_format: ResponseFormatMode = setting(
        ResponseFormatMode.JSON_SCHEMA, name="MODEL_RESPONSE_FORMAT", where=Where.BOTH, group="model",
        meaning="`json_schema` (structured outputs) or `json_object` for servers without it")
    model_temperature: float | None = setting(
        None, name="MODEL_TEMPERATURE", where=Where.BOTH, group="model", ge=0.0, le=2.0,
        default_text="the server's", meaning="sampling temperature")

    # --- the model limiter (one per deployment, shared by the agents and the judge) ---------
    model_rate_limit_patience_seconds: float = setting(
        120.0, name="MODEL_RATE_LIMIT_PATIENCE_SECONDS", where=Where.BOTH, group="limiter", ge=0.0, le=3600.0,
        meaning="how long in all one request keeps waiting out 429s (they do not use up `MODEL_MAX_TRIES`) "
        "before its model counts as failed")
    model_max_concurrency: int = setting(
        4, name="MODEL_MAX_CONCURRENCY", where=Where.BOTH, group="limiter", ge=1, le=256,
        meaning="requests in flight at once per model deployment, for the whole process (agents and judge "
        "together); halved after a 429, regained one per success")
    model_requests_per_minute: float = setting(
        0.0, name="MODEL_REQUESTS_PER_MINUTE", where=Where.BOTH, group="limiter", ge=0.0, le=1_000_000.0,
        meaning="client-side pace per deployment, requests evenly spaced; set it a little under the "
        "deployment's quota. `0` = no pace (429s alone slow the app down)")
    model_tokens_per_minute: float = setting(
        0.0, name="MODEL_TOKENS_PER_MINUTE", where=Where.BOTH, group="limiter", ge=0.0, le=1_000_000_000.0,
        meaning="client-side token budget per deployment (prompt estimate + `max_tokens`, corrected by the "
        "reported usage). `0` = none")

    # --- the response cache --------------------------------------------------------------
    agent_cache_backend: CacheBackend | None = setting(
        None, name="AGENT_CACHE_BACKEND", where=Where.BOTH, group="cache",
        default_text="`redis` when Redis is configured, else `sqlite`",
        meaning="where model responses are cached: `memory` is this process only, `none` turns it off")
    agent_cache_ttl_seconds: int = setting(
        3600, name="AGENT_CACHE_TTL_SECONDS", where=Where.BOTH, group="cache", ge=0, le=30 * 24 * 3600,
        meaning="how long a response is reused; `0` disables the cache")
    agent_cache_path: str = setting(
        DEFAULT_CACHE_PATH, name="AGENT_CACHE_PATH", where=Where.LOCAL, group="cache",
        meaning="the SQLite cache file")
    redis_url: str | None = setting(
        None, name="REDIS_URL", where=Where.LOCAL, group="cache", secret=True,
        values="`redis://`, `rediss://` or `unix://` URL", meaning="Redis with a password in the URL")
    redis_host: str | None = setting(
        None, name="REDIS_HOST", where=Where.AZURE, group="cache",
        meaning="Azure Managed Redis with Entra ID: TLS to `REDIS_HOST:REDIS_PORT`, token for "
        "`https://redis.azure.com/.default`")
    redis_port: int = setting(
        DEFAULT_AZURE_REDIS_PORT, name="REDIS_PORT", where=Where.AZURE, group="cache", ge=1, le=65535,
        meaning="the port of `REDIS_HOST`")
    redis_use_entra_id: bool = setting(
        False, name="REDIS_USE_ENTRA_ID", where=Where.AZURE, group="cache",
        meaning="authenticate to `REDIS_HOST` with an Entra ID token (needs `REDIS_HOST`)")
    redis_username: str | None = setting(
        None, name="REDIS_USERNAME", where=Where.AZURE, group="cache", default_text="from the token",
        meaning="the Redis user: the identity's object id")

    # --- posters -------------------------------------------------------------------------
    poster_store: PosterStoreKind = setting(
        PosterStoreKind.LOCAL, name="POSTER_STORE", where=Where.BOTH, group="posters",
        meaning="where rendered posters live: local files or Blob Storage")
    poster_dir: str = setting(
        DEFAULT_POSTER_DIR, name="POSTER_DIR", where=Where.LOCAL, group="posters",
        meaning="folder of the local poster files")
    poster_blob_account_url: str | None = setting(
        None, name="POSTER_BLOB_ACCOUNT_URL", where=Where.AZURE, group="posters",
        values="`https://<account>.blob.core.windows.net`",
        meaning="the poster account, with the managed identity (*Storage Blob Data Contributor*)")
    poster_blob_connection_string: str | None = setting(
        None, name="POSTER_BLOB_CONNECTION_STRING", where=Where.LOCAL, group="posters", secret=True,
        meaning="alternative to the account URL (e.g. Azurite)")
    poster_blob_container: str = setting(
        DEFAULT_POSTER_CONTAINER, name="POSTER_BLOB_CONTAINER", where=Where.BOTH, group="posters",
        meaning="container of the poster blobs")

    # --- tests and benchmarks --------------------------------------------------------------
    agents_wrapper: str | None = setting(
        None, name="AGENTS_WRAPPER", where=Where.TESTS, group="testing", values="`package.module:function`",
        meaning="wraps the built agents and auditor (e.g. `marketing_agents.testing.simulated:simulated`, "
        "which uses the three settings below)")
    simulated_latency_ms: float = setting(
        0.0, name="SIMULATED_LATENCY_MS", where=Where.TESTS, group="testing", ge=0.0, le=600_000.0,
        meaning="with the simulated agents: every agent call and audit first waits this many milliseconds")
    simulated_chunk_ms: float = setting(
        0.0, name="SIMULATED_CHUNK_MS", where=Where.TESTS, group="testing", ge=0.0, le=10_000.0,
        meaning="with the simulated agents: a streaming agent waits this many milliseconds after each chunk")
    simulated_agents: SimulationMode | None = setting(
        None, name="SIMULATED_AGENTS", where=Where.TESTS, group="testing", values="empty or `canned`",
        meaning="with the simulated agents: `canned` answers each distinct input once and replays it")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, environment_source(settings_cls, env_settings)

    @model_validator(mode="before")
    @classmethod
    def _blank_means_default(cls, data: Any) -> Any:
        """Trim text; a blank value is as if unset (local.settings.json keeps empty entries)."""
        if not isinstance(data, dict):
            return data
        trimmed = {key: value.strip() if isinstance(value, str) else value for key, value in data.items()}
        trimmed = {key: value for key, value in trimmed.items() if value != ""}
        for name in _LOWERCASED:
            if isinstance(trimmed.get(name), str):
                trimmed[name] = trimmed[name].lower()
        if trimmed.get("MODEL_PROVIDER") in OFFLINE_PROVIDER_WORDS:
            del trimmed["MODEL_PROVIDER"]
        return trimmed

    @field_validator("compliance_brand_kits_dir", "model_fallbacks", mode="before")
    @classmethod
    def _comma_list(cls, value: Any) -> Any:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return value

    @field_validator("azure_openai_endpoint", "model_base_url", "signalr_service_uri")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL")
        return value

    @field_validator("poster_blob_account_url")
    @classmethod
    def _https_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith("https://"):
            raise ValueError("must be an https URL")
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must start with redis://, rediss:// or unix://")
        return value

    @property
    def review_deadline(self) -> timedelta:
        return timedelta(hours=self.review_deadline_hours)
