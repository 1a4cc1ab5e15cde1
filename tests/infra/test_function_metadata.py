"""What the real Functions host would load. The app is indexed as the Python worker
indexes a v2 app (a fresh import of function_app, ``get_functions()``, each function's
raw binding JSON) in a process that has ONLY the app settings infra/ gives the Function
App in Azure (no devhost or local-only setting), and every binding is checked against
what its extension requires; every connection setting a binding names is configured
both in local.settings.json.example and in the Bicep; host.json declares the extension
bundle and the Durable task hub."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from marketing_agents.protocol import HUB
from marketing_agents.store.layout import CONTAINERS, DATABASE

from .bicep_settings import bicep_app_settings
from .conftest import ROOT

# Plausible Azure values for each app setting infra/ sets (the Bicep holds expressions).
AZURE_VALUES = {
    "AzureWebJobsStorage__accountName": "stexample",
    "AzureWebJobsStorage__credential": "managedidentity",
    "AzureWebJobsStorage__clientId": "00000000-0000-0000-0000-000000000001",
    "APPLICATIONINSIGHTS_CONNECTION_STRING": "InstrumentationKey=00000000-0000-0000-0000-000000000002;"
                                             "IngestionEndpoint=https://example.in.applicationinsights.azure.com/",
    "APPLICATIONINSIGHTS_AUTHENTICATION_STRING": "ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD",
    "AZURE_CLIENT_ID": "00000000-0000-0000-0000-000000000001",
    "OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID": "00000000-0000-0000-0000-000000000001",
    "CosmosDBConnection__accountEndpoint": "https://cosmos-example.documents.azure.com:443/",
    "CosmosDBConnection__credential": "managedidentity",
    "CosmosDBConnection__clientId": "00000000-0000-0000-0000-000000000001",
    "AzureSignalRConnectionString__serviceUri": "https://sigr-example.service.signalr.net",
    "AzureSignalRConnectionString__credential": "managedidentity",
    "AzureSignalRConnectionString__clientId": "00000000-0000-0000-0000-000000000001",
    "POSTER_STORE": "blob",
    "POSTER_BLOB_ACCOUNT_URL": "https://stexample.blob.core.windows.net/",
    "POSTER_BLOB_CONTAINER": "posters",
    "REVIEW_DEADLINE_HOURS": "72",
    "COMPLIANCE_THRESHOLD": "80",
    "MAX_REGENERATION_ROUNDS": "5",
    "MODEL_PROVIDER": "azure_openai",
    "AZURE_OPENAI_ENDPOINT": "https://oai-example.openai.azure.com/",
    "MODEL_NAME": "gpt-4o",
    "MODEL_JUDGE": "gpt-4o-mini",
    "MODEL_FALLBACKS": "gpt-4o-mini",
    "MODEL_TOKENS_PER_MINUTE": "45000",
    "MODEL_REQUESTS_PER_MINUTE": "270",
    "REDIS_HOST": "redis-example.eastus.redis.azure.net",
    "REDIS_PORT": "10000",
    "REDIS_USE_ENTRA_ID": "true",
    "REDIS_USERNAME": "00000000-0000-0000-0000-000000000003",
}

# What each extension requires of a binding (name and direction are checked for all).
REQUIRED = {
    "httpTrigger": ("in", {"authLevel"}),
    "http": ("out", set()),
    "orchestrationTrigger": ("in", set()),
    "activityTrigger": ("in", set()),
    "durableClient": ("in", set()),
    "cosmosDB": ("out", {"databaseName", "containerName", "connection"}),
    "signalR": ("out", {"hubName", "connectionStringSetting"}),
    "signalRConnectionInfo": ("in", {"hubName", "connectionStringSetting"}),
    "signalRTrigger": ("in", {"hubName", "category", "event", "connectionStringSetting"}),
}
TRIGGERS = {"httpTrigger", "orchestrationTrigger", "activityTrigger", "signalRTrigger"}
CONNECTION_PROPERTIES = ("connection", "connectionStringSetting")


@pytest.fixture(scope="module")
def azure_env(parsed_bicep: dict[str, Any]) -> dict[str, str]:
    names = bicep_app_settings(parsed_bicep)
    unknown = sorted(names - set(AZURE_VALUES))
    assert unknown == [], f"give these Bicep app settings a sample value in AZURE_VALUES: {unknown}"
    env = {name: AZURE_VALUES[name] for name in names}
    # The process basics only: nothing of the developer's or CI's environment leaks in.
    env.update({key: os.environ[key] for key in ("PATH", "HOME", "LANG", "SYSTEMROOT") if key in os.environ})
    return env


@pytest.fixture(scope="module")
def functions(azure_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    workdir = tmp_path_factory.mktemp("azure-cwd")  # no local.settings.json, no .devhost here
    done = subprocess.run([sys.executable, str(Path(__file__).with_name("index_app.py"))], env=azure_env,
                          cwd=workdir, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, f"the app does not load with only the Azure settings:\n{done.stderr[-4000:]}"
    result: list[dict[str, Any]] = json.loads(done.stdout)["functions"]
    return result


def example_settings() -> dict[str, str]:
    values: dict[str, str] = json.loads((ROOT / "local.settings.json.example").read_text())["Values"]
    return values


def configured(name: str, settings: set[str]) -> bool:
    """A connection is configured by its own name or by its identity-based ``name__*`` settings."""
    return name in settings or any(s.startswith(f"{name}__") for s in settings)


def test_the_app_indexes_with_only_the_azure_settings(functions: list[dict[str, Any]]) -> None:
    names = [fn["name"] for fn in functions]
    assert len(names) == len(set(names)), "function names are unique"
    assert {"campaign_orchestrator", "negotiate", "create_campaign"} <= set(names)


def test_every_binding_has_what_its_extension_requires(functions: list[dict[str, Any]]) -> None:
    problems: list[str] = []
    for fn in functions:
        bindings = fn["bindings"]
        triggers = [b for b in bindings if b["type"] in TRIGGERS]
        if len(triggers) != 1:
            problems.append(f"{fn['name']}: {len(triggers)} triggers")
        for binding in bindings:
            kind = binding["type"]
            where = f"{fn['name']}.{binding.get('name')} ({kind})"
            if kind not in REQUIRED:
                problems.append(f"{where}: no extension known for this binding type")
                continue
            direction, required = REQUIRED[kind]
            if str(binding.get("direction", "")).lower() != direction:
                problems.append(f"{where}: direction {binding.get('direction')!r}, not {direction}")
            if not binding.get("name"):
                problems.append(f"{where}: no name")
            missing = sorted(p for p in required if not binding.get(p))
            if missing:
                problems.append(f"{where}: missing {missing}")
            in_layout = binding.get("databaseName") == DATABASE and binding.get("containerName") in CONTAINERS
            if kind == "cosmosDB" and not in_layout:
                problems.append(f"{where}: {binding.get('databaseName')}/{binding.get('containerName')} "
                                "is not in marketing_agents/store/layout.py")
            if kind.startswith("signalR") and binding.get("hubName") != HUB:
                problems.append(f"{where}: hub {binding.get('hubName')!r}, not {HUB!r}")
            if kind == "signalRTrigger" and binding.get("category") not in ("messages", "connections"):
                problems.append(f"{where}: category {binding.get('category')!r}")
            if kind == "httpTrigger" and str(binding.get("authLevel")).lower() != "anonymous":
                problems.append(f"{where}: authLevel {binding.get('authLevel')!r} (App Service authentication "
                                "fronts the app; a function key would lock out browsers)")
    assert problems == []


def test_the_orchestration_clients_and_the_hub_methods_are_there(functions: list[dict[str, Any]]) -> None:
    by_type: dict[str, list[dict[str, Any]]] = {}
    for fn in functions:
        for binding in fn["bindings"]:
            by_type.setdefault(binding["type"], []).append(binding)
    assert by_type.get("durableClient"), "the API starts orchestrations through the durable client binding"
    events = {(b["category"], b["event"]) for b in by_type.get("signalRTrigger", [])}
    assert {("messages", "JoinCampaignGroup"), ("messages", "LeaveCampaignGroup"),
            ("messages", "RequestCampaignStatus")} <= events


def test_every_setting_a_binding_names_is_configured_locally_and_in_azure(
        functions: list[dict[str, Any]], parsed_bicep: dict[str, Any]) -> None:
    local = set(example_settings())
    azure = bicep_app_settings(parsed_bicep)
    named = {binding[prop] for fn in functions for binding in fn["bindings"]
             for prop in CONNECTION_PROPERTIES if binding.get(prop)}
    assert named, "the bindings name their connections"
    assert sorted(n for n in named if not configured(n, local)) == [], "missing in local.settings.json.example"
    assert sorted(n for n in named if not configured(n, azure)) == [], "missing in the Bicep app settings"


def test_host_json_declares_the_extension_bundle_and_the_task_hub() -> None:
    host = json.loads((ROOT / "host.json").read_text())
    assert host["version"] == "2.0"
    bundle = host["extensionBundle"]
    assert bundle["id"] == "Microsoft.Azure.Functions.ExtensionBundle"
    assert bundle["version"].startswith("[4."), "bundle v4: Durable, Cosmos DB v4 (connection=) and SignalR"
    durable = host["extensions"]["durableTask"]
    assert durable["hubName"] and durable["hubName"].isalnum()
    assert 3 <= len(durable["hubName"]) <= 45  # the storage provider's limit on task hub names
