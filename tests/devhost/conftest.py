"""Fixtures: devhost in-process on a free 127.0.0.1 port, always stopped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from devhost_helpers import SAMPLE_APP, Api

from devhost import DevHost


def _host(tmp_path: Path, virtual: bool) -> DevHost:
    docs = tmp_path / "docs.db"
    return DevHost(SAMPLE_APP, tmp_path / "state", virtual_clock=virtual,
                   settings={"CosmosDBConnection": f"LocalDocumentStore={docs}"})


@pytest.fixture
def host(tmp_path: Path) -> Iterator[DevHost]:
    with _host(tmp_path, virtual=False) as h:
        yield h


@pytest.fixture
def vhost(tmp_path: Path) -> Iterator[DevHost]:
    with _host(tmp_path, virtual=True) as h:
        yield h


@pytest.fixture
def api(host: DevHost) -> Iterator[Api]:
    client = Api(host.base_url)
    yield client
    client.http.close()


@pytest.fixture
def vapi(vhost: DevHost) -> Iterator[Api]:
    client = Api(vhost.base_url)
    yield client
    client.http.close()
