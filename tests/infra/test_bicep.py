"""infra/ as Azure would deploy it: every Bicep file parses (pycep-parser), the modules
main.bicep names exist, and the properties the issue requires are there — Flex
Consumption with Python 3.11 and the identity, no key-based access anywhere, Cosmos DB
laid out as marketing_agents/store/layout.py says, SignalR serverless with its upstream
at the extension's webhook, App Service authentication on every route but that webhook,
and the least-privilege roles."""

from __future__ import annotations

import json
from typing import Any

from marketing_agents.store.layout import layout_json

from .conftest import INFRA


def resources(parsed: dict[str, Any], file: str) -> dict[str, dict[str, Any]]:
    return {name: res for name, res in parsed[file]["resources"].items()}


def of_type(parsed: dict[str, Any], file: str, type_: str) -> dict[str, Any]:
    found = [res for res in resources(parsed, file).values() if res["type"] == type_ and not res["existing"]]
    assert len(found) == 1, f"{file}: expected one {type_}, found {len(found)}"
    return found[0]["config"]


def test_every_bicep_file_parses(parsed_bicep: dict[str, Any]) -> None:
    assert "main.bicep" in parsed_bicep
    errors = {path: value["error"] for path, value in parsed_bicep.items() if "error" in value}
    assert errors == {}


def test_every_module_main_names_exists_and_parses(parsed_bicep: dict[str, Any]) -> None:
    modules = parsed_bicep["main.bicep"]["modules"]
    assert modules, "main.bicep declares its resources in modules"
    for name, module in modules.items():
        path = module["detail"]["path"]
        assert (INFRA / path).is_file(), f"module {name}: {path} is missing"
        assert path in parsed_bicep and "error" not in parsed_bicep[path]


def test_function_app_is_flex_consumption_python_311_with_the_user_assigned_identity(
        parsed_bicep: dict[str, Any]) -> None:
    plan = of_type(parsed_bicep, "modules/functionapp.bicep", "Microsoft.Web/serverfarms")
    assert plan["sku"] == {"tier": "FlexConsumption", "name": "FC1"}
    site = of_type(parsed_bicep, "modules/functionapp.bicep", "Microsoft.Web/sites")
    assert site["identity"]["type"] == "UserAssigned"
    config = site["properties"]["functionAppConfig"]
    assert config["runtime"] == {"name": "python", "version": "3.11"}
    storage = config["deployment"]["storage"]
    assert storage["type"] == "blobContainer"
    assert storage["authentication"]["type"] == "UserAssignedIdentity"
    assert set(config["scaleAndConcurrency"]) >= {"instanceMemoryMB", "maximumInstanceCount"}
    assert site["properties"]["httpsOnly"] is True


def test_no_service_accepts_keys(parsed_bicep: dict[str, Any]) -> None:
    storage = of_type(parsed_bicep, "modules/storage.bicep", "Microsoft.Storage/storageAccounts")["properties"]
    assert storage["allowSharedKeyAccess"] is False and storage["allowBlobPublicAccess"] is False
    cosmos = of_type(parsed_bicep, "modules/cosmos.bicep", "Microsoft.DocumentDB/databaseAccounts")["properties"]
    assert cosmos["disableLocalAuth"] is True
    signalr = of_type(parsed_bicep, "modules/signalr.bicep", "Microsoft.SignalRService/signalR")["properties"]
    assert signalr["disableLocalAuth"] is True
    openai = of_type(parsed_bicep, "modules/openai.bicep", "Microsoft.CognitiveServices/accounts")["properties"]
    assert openai["disableLocalAuth"] is True
    redis = of_type(parsed_bicep, "modules/redis.bicep", "Microsoft.Cache/redisEnterprise/databases")["properties"]
    assert redis["accessKeysAuthentication"] == "Disabled"
    insights = of_type(parsed_bicep, "modules/monitoring.bicep", "Microsoft.Insights/components")["properties"]
    assert insights["DisableLocalAuth"] is True


def test_no_app_setting_carries_a_key() -> None:
    """No listKeys, account key or SAS reaches an app setting (the SignalR upstream URL's
    system key is the service's configuration, not an app setting)."""
    for path in ("main.bicep", "modules/functionapp.bicep"):
        text = (INFRA / path).read_text()
        for forbidden in ("listKeys(", "AccountKey=", "AccessKey=", "primaryKey", "SharedAccessSignature", "listKeys"):
            assert forbidden not in text, f"{path} contains {forbidden}"


def test_cosmos_layout_is_the_code_layout(parsed_bicep: dict[str, Any]) -> None:
    assert json.loads((INFRA / "cosmos-layout.json").read_text()) == layout_json(), (
        "infra/cosmos-layout.json differs from marketing_agents/store/layout.py: regenerate it with "
        "python -c 'import json; from marketing_agents.store.layout import layout_json; "
        "print(json.dumps(layout_json(), indent=2))' > infra/cosmos-layout.json")
    main = parsed_bicep["main.bicep"]
    assert "cosmos-layout.json" in json.dumps(main["variables"]["layout"])
    containers = resources(parsed_bicep, "modules/cosmos.bicep")["containers"]
    assert containers["type"] == "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers"
    loop = json.dumps(containers["config"]["loop_type"])
    assert "\"operand_1\": \"layout\", \"operand_2\": \"containers\"" in loop
    resource = containers["config"]["config"]["properties"]["resource"]
    assert set(resource) == {"id", "partitionKey", "indexingPolicy"}


def test_cosmos_is_serverless_by_default(parsed_bicep: dict[str, Any]) -> None:
    assert parsed_bicep["main.bicep"]["parameters"]["cosmosServerless"]["default"] is True
    text = (INFRA / "modules" / "cosmos.bicep").read_text()
    assert "EnableServerless" in text


def test_signalr_is_serverless_with_its_upstream_at_the_extension_webhook(parsed_bicep: dict[str, Any]) -> None:
    props = of_type(parsed_bicep, "modules/signalr.bicep", "Microsoft.SignalRService/signalR")["properties"]
    assert {"flag": "ServiceMode", "value": "Serverless"} in props["features"]
    (template,) = props["upstream"]["templates"]
    assert "/runtime/webhooks/signalr?code=${extensionKey}" in template["urlTemplate"]
    assert template["urlTemplate"].startswith("https://")
    key = of_type(parsed_bicep, "modules/functionapp.bicep", "Microsoft.Web/sites/host/systemkeys")
    assert "signalRKeyName" in json.dumps(key)
    assert parsed_bicep["modules/functionapp.bicep"]["variables"]["signalRKeyName"]["value"] == "signalr_extension"


def test_app_service_authentication_fronts_every_route_but_the_signalr_webhook(
        parsed_bicep: dict[str, Any]) -> None:
    configs = [res["config"] for res in resources(parsed_bicep, "modules/functionapp.bicep").values()
               if res["type"] == "Microsoft.Web/sites/config"]
    (auth,) = [c for c in configs if c["name"] == "authsettingsV2"]
    props = auth["properties"]
    assert props["platform"]["enabled"] is True
    assert props["globalValidation"]["requireAuthentication"] is True
    assert props["globalValidation"]["excludedPaths"] == ["/runtime/webhooks/signalr"]
    assert props["identityProviders"]["azureActiveDirectory"]["enabled"] is True


def test_the_identity_gets_each_data_role_it_needs(parsed_bicep: dict[str, Any]) -> None:
    text = (INFRA / "modules" / "roles.bicep").read_text() + (INFRA / "modules" / "signalr.bicep").read_text()
    roles = {
        "b7e6dc6d-f1e8-4753-8033-0f276bb0955b": "Storage Blob Data Owner",
        "974c5e8b-45b9-4653-ba55-5f855dd0fb88": "Storage Queue Data Contributor",
        "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3": "Storage Table Data Contributor",
        "420fcaa2-552c-430f-98ca-3264be4806c7": "SignalR App Server",
        "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd": "Cognitive Services OpenAI User",
        "3913510d-42f4-4e42-8a64-420c390055eb": "Monitoring Metrics Publisher",
        "00000000-0000-0000-0000-000000000002": "Cosmos DB Built-in Data Contributor",
    }
    missing = [name for guid, name in roles.items() if guid not in text]
    assert missing == []
    assigned = [res for res in resources(parsed_bicep, "modules/roles.bicep").values() if not res["existing"]]
    assert len(assigned) >= 6
    signalr_role = of_type(parsed_bicep, "modules/signalr.bicep", "Microsoft.Authorization/roleAssignments")
    assert signalr_role["scope"] == "signalR"
    # Nothing broader than data roles: no Owner, Contributor or account-key role.
    for broad in ("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "b24988ac-6180-42a0-ab88-20f7382dd24c",
                  "17d1049b-9a84-46fb-8f53-869881c3d3ab"):
        assert broad not in text
