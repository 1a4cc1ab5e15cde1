"""One set of setting names across the three places that hold them: the app settings
infra/ gives the Function App, the names the code reads, and local.settings.json.example.
A name one has and another lacks fails, unless it is on the explicit lists below.

The code's names are today's (constants and literal reads in marketing_agents/); when
the single settings object lands (issue 12 item 3), read them from it instead."""

from __future__ import annotations

import re
from typing import Any

from .bicep_settings import bicep_app_settings
from .conftest import ROOT
from .test_function_metadata import example_settings

# Read by the Functions host, the platform or the SDKs, not by marketing_agents.
HOST_AND_PLATFORM = {
    "FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage", "AzureWebJobsFeatureFlags",
    "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
    "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    "AZURE_CLIENT_ID",  # DefaultAzureCredential's user-assigned identity
    "OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID",  # App Service authentication's federated credential
    # The extensions' identity-based connection parts (the code reads the base names).
    "CosmosDBConnection__credential", "CosmosDBConnection__clientId",
    "AzureSignalRConnectionString__credential", "AzureSignalRConnectionString__clientId",
}
# In the example only: a laptop has no identity, no App Service authentication.
LOCAL_ONLY = {"LOCAL_USER_ID"}
# In Azure only: what the laptop gets from defaults (offline agents, local posters, no Redis).
AZURE_ONLY = {
    "CosmosDBConnection__accountEndpoint", "AzureSignalRConnectionString__serviceUri",
    "POSTER_STORE", "POSTER_BLOB_ACCOUNT_URL", "POSTER_BLOB_CONTAINER",
    "MODEL_PROVIDER", "AZURE_OPENAI_ENDPOINT", "MODEL_NAME", "MODEL_JUDGE", "MODEL_FALLBACKS",
    "MODEL_TOKENS_PER_MINUTE", "MODEL_REQUESTS_PER_MINUTE",
    "REDIS_HOST", "REDIS_PORT", "REDIS_USE_ENTRA_ID", "REDIS_USERNAME",
}
# In the Bicep or example as connection names whose value forms differ (string vs identity).
CONNECTIONS = {"CosmosDBConnection", "AzureSignalRConnectionString"}


def code_setting_names() -> set[str]:
    """Names marketing_agents reads: ``*_SETTING`` constants and quoted UPPER_CASE names
    passed to the readers (env.get, _text, number_setting, ...) or in the per-agent table."""
    names: set[str] = set()
    for path in (ROOT / "marketing_agents").rglob("*.py"):
        text = path.read_text()
        names |= set(re.findall(r'_SETTING\s*=\s*"([A-Za-z][A-Za-z0-9_]+)"', text))
        names |= set(re.findall(r'(?:env|environ)\.get\(\s*"([A-Za-z][A-Za-z0-9_]+)"', text))
        names |= set(re.findall(r'Role\.[A-Z_]+:\s*"([A-Z][A-Z0-9_]+)"', text))  # per-agent model settings
        names |= set(re.findall(r'(?:_text|_url|_flag|_choice|number_setting)\(\s*env,\s*"([A-Z][A-Z0-9_]+)"', text))
    return names


def test_the_code_reads_the_settings_names_we_expect() -> None:
    names = code_setting_names()
    assert {"CosmosDBConnection", "AzureSignalRConnectionString", "REVIEW_DEADLINE_HOURS", "MODEL_PROVIDER",
            "POSTER_STORE", "REDIS_HOST"} <= names


def test_bicep_code_and_example_agree_on_every_name(parsed_bicep: dict[str, Any]) -> None:
    code = code_setting_names()
    bicep = bicep_app_settings(parsed_bicep)
    example = set(example_settings())

    def base(name: str) -> str:
        return name.split("__", 1)[0] if name.split("__", 1)[0] in CONNECTIONS else name

    bicep_not_read = sorted(n for n in bicep - HOST_AND_PLATFORM if base(n) not in code)
    assert bicep_not_read == [], "Bicep app settings the code does not read"
    example_not_read = sorted(n for n in example - HOST_AND_PLATFORM if n not in code)
    assert example_not_read == [], "example settings the code does not read"
    only_example = sorted(n for n in example - bicep - HOST_AND_PLATFORM - LOCAL_ONLY - CONNECTIONS)
    assert only_example == [], "in local.settings.json.example but not in the Bicep (add it, or to LOCAL_ONLY)"
    only_bicep = sorted(n for n in bicep - example - HOST_AND_PLATFORM - AZURE_ONLY)
    assert only_bicep == [], "in the Bicep but not in local.settings.json.example (add it, or to AZURE_ONLY)"
    stale = sorted((LOCAL_ONLY - example) | (AZURE_ONLY - bicep))
    assert stale == [], "names on the local-only/Azure-only lists that are no longer there"
    for connection in CONNECTIONS:
        assert connection in example and any(n.startswith(f"{connection}__") for n in bicep)
