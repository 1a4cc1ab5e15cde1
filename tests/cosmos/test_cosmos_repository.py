"""What only the Cosmos DB repository has: the settings that choose it, its list
tokens bound to their filter, throttling retried and logged, the indexing policy given
to containers made by someone else."""

from __future__ import annotations

import asyncio
import json
import logging
import urllib.request
import uuid
from typing import Any

import pytest
from azure.cosmos import PartitionKey
from azure.cosmos.aio import CosmosClient

from marketing_agents.campaign.documents import new_campaign
from marketing_agents.models import CampaignBrief, CampaignStatus
from marketing_agents.settings import ConfigError, load_settings
from marketing_agents.store import LocalCampaignRepository, StoreUnavailable, repository_from_settings
from marketing_agents.store.cosmos import CosmosCampaignRepository
from marketing_agents.store.cosmos_account import CosmosAccount, account_from_settings
from marketing_agents.store.layout import CAMPAIGNS, CONTAINERS, layout_json
from tests.cosmos.server import CosmosServer

KEY = "a2V5"


def test_settings_choose_the_backend(tmp_path: Any) -> None:
    local_store = f"LocalDocumentStore={tmp_path / 'd.sqlite'}"
    local = repository_from_settings(load_settings({"CosmosDBConnection": local_store}))
    assert isinstance(local, LocalCampaignRepository)
    keyed = repository_from_settings(
        load_settings({"CosmosDBConnection": f"AccountEndpoint=https://acct.documents.azure.com:443/;AccountKey={KEY}=;"})
    )
    assert isinstance(keyed, CosmosCampaignRepository)
    assert keyed.account == CosmosAccount("https://acct.documents.azure.com:443/", f"{KEY}=")
    assert keyed.create_layout  # a key may create the layout
    identity = repository_from_settings(load_settings({"CosmosDBConnection__accountEndpoint": "https://acct.documents.azure.com"}))
    assert isinstance(identity, CosmosCampaignRepository)
    assert identity.account.uses_identity and not identity.create_layout  # infra/ creates it in Azure


@pytest.mark.parametrize(
    "value",
    [
        "AccountEndpoint=https://acct.documents.azure.com/;",  # no key
        f"AccountEndpoint=http://acct.documents.azure.com/;AccountKey={KEY};",  # plain http off loopback
        f"AccountEndpoint=ftp://x/;AccountKey={KEY};",
        "Server=somewhere",  # neither form
    ],
)
def test_a_malformed_connection_is_a_config_error(value: str) -> None:
    with pytest.raises(ConfigError, match="CosmosDBConnection"):
        repository_from_settings(load_settings({"CosmosDBConnection": value}))


def test_loopback_http_is_the_emulator_form() -> None:
    account = account_from_settings(load_settings({"CosmosDBConnection": f"AccountEndpoint=http://127.0.0.1:8081;AccountKey={KEY};"}))
    assert account is not None and account.is_local_http and account.endpoint == "http://127.0.0.1:8081/"


def test_layout_json_is_what_containers_get() -> None:
    exported = {c["name"]: c for c in json.loads(json.dumps(layout_json()))["containers"]}
    assert set(exported) == set(CONTAINERS)
    assert exported["artifacts"]["partitionKey"]["paths"] == ["/campaignId"]
    assert {"path": "/*"} in exported["artifacts"]["indexingPolicy"]["excludedPaths"]  # bodies unindexed


def repository(server: CosmosServer) -> CosmosCampaignRepository:
    account = account_from_settings(load_settings({"CosmosDBConnection": server.connection_string}))
    assert account is not None
    return CosmosCampaignRepository(account, database=f"only-{uuid.uuid4().hex[:12]}")


def throttle(server: CosmosServer, count: int) -> None:
    request = urllib.request.Request(
        f"{server.endpoint}_test/throttle", data=json.dumps({"count": count}).encode(), method="POST"
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert json.load(answer) == {"throttle": count}


def test_a_token_works_only_for_its_own_filter(cosmos: CosmosServer, ecobottle_brief: dict[str, Any]) -> None:
    repo = repository(cosmos)
    brief = CampaignBrief.model_validate(ecobottle_brief)

    async def scenario() -> None:
        try:
            for _ in range(3):
                await repo.create_campaign(new_campaign(brief, owner="alice"))
            _, token = await repo.list_campaigns(None, "alice", 1)
            assert token is not None
            with pytest.raises(ValueError, match="other filters"):
                await repo.list_campaigns(CampaignStatus.GENERATING, "alice", 1, token)
            with pytest.raises(ValueError):
                await repo.list_campaigns(None, "bob", 1, token)
        finally:
            await repo.close()

    asyncio.run(scenario())


def test_throttling_is_retried_and_logged(
    cosmos: CosmosServer, ecobottle_brief: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    repo = repository(cosmos)
    made = new_campaign(CampaignBrief.model_validate(ecobottle_brief), owner="alice")

    async def scenario() -> None:
        try:
            await repo.create_campaign(made)
            throttle(cosmos, 2)
            with caplog.at_level(logging.WARNING, logger="marketing_agents.store"):
                found = await repo.get_campaign(made.id)
            assert found is not None and found[0].id == made.id
            throttled = [r.getMessage() for r in caplog.records if "(429)" in r.getMessage()]
            assert len(throttled) == 2 and f"/docs/{made.id}" in throttled[0]
            throttle(cosmos, 1000)  # more than the SDK's policy retries
            with pytest.raises(StoreUnavailable, match="throttling"):
                await repo.get_campaign(made.id)
            throttle(cosmos, 0)
        finally:
            await repo.close()

    asyncio.run(scenario())


def test_containers_made_elsewhere_get_the_layout_indexing(
    cosmos: CosmosServer, ecobottle_brief: dict[str, Any]
) -> None:
    repo = repository(cosmos)
    made = new_campaign(CampaignBrief.model_validate(ecobottle_brief), owner="alice")

    async def scenario() -> None:
        # as the output binding's createIfNotExists leaves it: the default policy
        async with CosmosClient(cosmos.endpoint, credential=cosmos.key, enable_endpoint_discovery=False) as client:
            database = await client.create_database_if_not_exists(repo.database)
            container = await database.create_container_if_not_exists(CAMPAIGNS, PartitionKey(path="/id"))
            await container.upsert_item(made.to_doc())
            try:
                assert [c.id for c in (await repo.list_campaigns(None, "alice"))[0]] == [made.id]
            finally:
                await repo.close()
            properties = await container.read()
            wanted = CONTAINERS[CAMPAIGNS].indexing_policy()
            assert len(properties["indexingPolicy"]["compositeIndexes"]) == len(wanted["compositeIndexes"])

    asyncio.run(scenario())
