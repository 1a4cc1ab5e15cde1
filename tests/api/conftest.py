"""The real app in devhost for the API tests, one host per test module (tests/app_host.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from devhost import DevHost
from tests.app_host import app_host


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevHost]:
    with app_host(tmp_path_factory.mktemp("api-host"), user="api-tester") as running:
        yield running
