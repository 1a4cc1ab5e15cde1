"""The real app in an in-process devhost for tests: virtual clock, documents and posters
in a temporary folder, requests acting as one local user."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from devhost import DevHost
from marketing_agents.components import reset_components

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def app_host(state: Path, user: str, **extra_settings: str) -> Iterator[DevHost]:
    """devhost serving the app on a free loopback port, its state under ``state``; the
    process's shared components are rebuilt for it and dropped after."""
    settings = {
        "CosmosDBConnection": f"LocalDocumentStore={state / 'documents.sqlite'}",
        "POSTER_DIR": str(state / "posters"),
        "LOCAL_USER_ID": user,
        **extra_settings,
    }
    reset_components()
    try:
        with DevHost(ROOT, state_dir=state / "devhost", port=0, virtual_clock=True, settings=settings) as running:
            yield running
    finally:
        reset_components()
