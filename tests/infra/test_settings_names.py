"""One set of setting names across the three places that hold them: the app settings
infra/ gives the Function App, the settings object (marketing_agents/settings, each
setting declared with where it applies) and local.settings.json.example. A name one has
and another lacks fails, unless the declaration or the explicit lists below say why."""

from __future__ import annotations

from typing import Any

from marketing_agents.settings import Where, app_settings

from .bicep_settings import bicep_app_settings
from .test_function_metadata import example_settings

# Read by the Functions host, the platform, the extensions or the Azure SDKs, not by the
# app's settings object (so not declared there).
HOST_AND_PLATFORM = {
    "FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage", "AzureWebJobsFeatureFlags",
    "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
    "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    "AZURE_CLIENT_ID",  # DefaultAzureCredential's user-assigned identity
    "OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID",  # App Service authentication's federated credential
    "CosmosDBConnection__credential", "CosmosDBConnection__clientId",  # the Cosmos DB extension's
}

# Declared for Azure but left at their defaults by infra/ (the default is right there).
NOT_SET_IN_AZURE = {
    # Azure uses the identity-based __serviceUri form instead of a connection string.
    "AzureSignalRConnectionString",
    # Model tuning: the defaults are the tested ones; per-agent models default to MODEL_NAME.
    "MODEL_COPYWRITER", "MODEL_SHORT_COPY", "MODEL_VISUAL", "MODEL_TEMPERATURE", "MODEL_RESPONSE_FORMAT",
    "MODEL_TIMEOUT_SECONDS", "MODEL_READ_TIMEOUT_SECONDS", "MODEL_MAX_OUTPUT_TOKENS", "MODEL_MAX_TRIES",
    "MODEL_RETRY_BASE_SECONDS", "MODEL_RETRY_MAX_WAIT_SECONDS", "MODEL_RATE_LIMIT_PATIENCE_SECONDS",
    "MODEL_MAX_CONCURRENCY", "AZURE_OPENAI_API_VERSION",
    "MODEL_BASE_URL",  # openai_compatible servers only
    "MODEL_IMAGE",  # no image model is deployed by infra/
    # The cache: Redis when REDIS_HOST is set, else SQLite; one-hour entries.
    "AGENT_CACHE_BACKEND", "AGENT_CACHE_TTL_SECONDS",
    # Brand kits come with the brief unless an operator sets one.
    "COMPLIANCE_BRAND_KIT", "COMPLIANCE_BRAND_KITS_DIR",
    # The learned second opinion is on by default wherever its model was packaged.
    "COMPLIANCE_SECOND_OPINION",
}

# Declared for a laptop but left at their defaults by the example (offline agents, local
# posters, SQLite cache: `make run` needs no model, key or account).
NOT_SET_LOCALLY = {
    "MODEL_PROVIDER", "MODEL_NAME", "MODEL_JUDGE", "MODEL_FALLBACKS", "MODEL_COPYWRITER", "MODEL_SHORT_COPY",
    "MODEL_VISUAL", "MODEL_IMAGE", "MODEL_TEMPERATURE", "MODEL_RESPONSE_FORMAT", "MODEL_TIMEOUT_SECONDS",
    "MODEL_READ_TIMEOUT_SECONDS", "MODEL_MAX_OUTPUT_TOKENS", "MODEL_MAX_TRIES", "MODEL_RETRY_BASE_SECONDS",
    "MODEL_RETRY_MAX_WAIT_SECONDS", "MODEL_RATE_LIMIT_PATIENCE_SECONDS", "MODEL_MAX_CONCURRENCY",
    "MODEL_REQUESTS_PER_MINUTE", "MODEL_TOKENS_PER_MINUTE", "MODEL_BASE_URL", "MODEL_API_KEY", "OPENAI_API_KEY",
    "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_VERSION",
    "AGENT_CACHE_BACKEND", "AGENT_CACHE_TTL_SECONDS", "AGENT_CACHE_PATH", "REDIS_URL",
    "POSTER_STORE", "POSTER_DIR", "POSTER_BLOB_CONTAINER", "POSTER_BLOB_CONNECTION_STRING",
    "COMPLIANCE_BRAND_KIT", "COMPLIANCE_BRAND_KITS_DIR", "COMPLIANCE_SECOND_OPINION",
}

IN_AZURE = (Where.AZURE, Where.BOTH)
LOCALLY = (Where.LOCAL, Where.BOTH)


def declared() -> dict[str, Where]:
    return {s.name: s.where for s in app_settings()}


def test_bicep_settings_object_and_example_agree_on_every_name(parsed_bicep: dict[str, Any]) -> None:
    where = declared()
    bicep = bicep_app_settings(parsed_bicep)
    example = set(example_settings())

    assert sorted(bicep - HOST_AND_PLATFORM - set(where)) == [], "Bicep app settings the settings object lacks"
    assert sorted(example - HOST_AND_PLATFORM - set(where)) == [], "example settings the settings object lacks"
    assert sorted(n for n in bicep if n in where and where[n] not in IN_AZURE) == [], (
        "Bicep sets settings declared local-only or test-only")
    assert sorted(n for n in example if n in where and where[n] not in LOCALLY) == [], (
        "the example sets settings declared Azure-only or test-only")
    assert sorted(n for n, w in where.items() if w in IN_AZURE and n not in bicep | NOT_SET_IN_AZURE) == [], (
        "declared for Azure but neither in the Bicep nor on NOT_SET_IN_AZURE")
    assert sorted(n for n, w in where.items() if w in LOCALLY and n not in example | NOT_SET_LOCALLY) == [], (
        "declared for a laptop but neither in local.settings.json.example nor on NOT_SET_LOCALLY")


def test_the_explicit_lists_are_not_stale(parsed_bicep: dict[str, Any]) -> None:
    where = declared()
    bicep = bicep_app_settings(parsed_bicep)
    example = set(example_settings())
    assert sorted(NOT_SET_IN_AZURE & bicep) == [] and sorted(NOT_SET_LOCALLY & example) == []
    assert sorted((NOT_SET_IN_AZURE | NOT_SET_LOCALLY) - set(where)) == [], "listed names that are not declared"
    assert sorted(HOST_AND_PLATFORM & set(where)) == [], "host settings that the app now declares"
