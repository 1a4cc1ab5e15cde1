"""Fixtures for the real-time tests: the Node client folder is installed once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from realtime_helpers import NodeClient, ensure_node_client


@pytest.fixture(scope="session")
def node_ready() -> None:
    try:
        ensure_node_client()
    except (RuntimeError, OSError) as error:
        pytest.skip(f"Node SignalR client unavailable: {error}")


@pytest.fixture
def node_clients(node_ready: None) -> Iterator[list[NodeClient]]:
    """Make clients with ``node_clients.append(NodeClient())``; all are closed afterwards."""
    made: list[NodeClient] = []
    yield made
    for client in made:
        client.close()
