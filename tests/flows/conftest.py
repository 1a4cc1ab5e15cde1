"""The in-process host the flow tests share: devhost on the real app, virtual clock,
documents and posters in a temporary folder, one host per test module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from devhost import DevHost
from marketing_agents.components import reset_components

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevHost]:
    state = tmp_path_factory.mktemp("flow-host")
    settings = {
        "CosmosDBConnection": f"LocalDocumentStore={state / 'documents.sqlite'}",
        "POSTER_DIR": str(state / "posters"),
        "LOCAL_USER_ID": "alice",
    }
    reset_components()
    with DevHost(ROOT, state_dir=state / "devhost", port=0, virtual_clock=True, settings=settings) as running:
        yield running
    reset_components()
