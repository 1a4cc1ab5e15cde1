"""Fixtures for the repository contract and the Cosmos DB end-to-end tests: one local
Cosmos DB protocol server per session (tests/cosmos/server.py), and a ``backend`` that
is either the SQLite document store or that server, each reached exactly as the app
reaches it: documents written through devhost's Cosmos DB output binding, read through
the app's repository."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from devhost.bindings.cosmos import CosmosOutput
from marketing_agents.settings import load_settings
from marketing_agents.store import CampaignRepository, LocalCampaignRepository
from marketing_agents.store.cosmos import CosmosCampaignRepository
from marketing_agents.store.cosmos_account import account_from_settings
from marketing_agents.store.layout import PARTITION_KEY_PATHS
from tests.cosmos.server import CosmosServer, cosmos_server

CONNECTION_SETTING = "ContractCosmosConnection"


@pytest.fixture(scope="session")
def cosmos(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CosmosServer]:
    """The session's Cosmos DB test server. Without node or the npm package this is a
    skip locally and a failure in CI (CI=true), where both backends must run."""
    try:
        with cosmos_server(tmp_path_factory.mktemp("cosmos")) as server:
            yield server
    except RuntimeError as error:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"the Cosmos DB test server is required in CI: {error}")
        pytest.skip(f"the Cosmos DB test server is not available: {error}")


@dataclass
class Backend:
    """A repository and the binding writer that fills the same store."""

    name: str
    repository: CampaignRepository
    database: str
    output: CosmosOutput

    def write(self, container: str, *docs: dict[str, Any]) -> None:
        """Store documents as an activity's output binding does (upsert)."""
        settings = {
            "name": f"{container}_out",
            "type": "cosmosDB",
            "connection": CONNECTION_SETTING,
            "databaseName": self.database,
            "containerName": container,
            "partitionKey": PARTITION_KEY_PATHS[container],
            "createIfNotExists": True,
        }
        self.output.write(settings, list(docs))


@pytest.fixture(params=["sqlite", "cosmos"])
def backend(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Backend]:
    database = f"contract-{uuid.uuid4().hex[:12]}"  # a fresh database per test
    repository: CampaignRepository
    if request.param == "sqlite":
        path = tmp_path / "documents.sqlite"
        monkeypatch.setenv(CONNECTION_SETTING, f"LocalDocumentStore={path}")
        repository = LocalCampaignRepository(path, database=database)
    else:
        server: CosmosServer = request.getfixturevalue("cosmos")
        monkeypatch.setenv(CONNECTION_SETTING, server.connection_string)
        account = account_from_settings(load_settings({"CosmosDBConnection": server.connection_string}))
        assert account is not None
        repository = CosmosCampaignRepository(account, database=database)
    output = CosmosOutput(tmp_path)
    yield Backend(request.param, repository, database, output)
    output.close()
