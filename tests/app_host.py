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
def app_host(state: Path, user: str, port: int = 0, virtual_clock: bool = True,
             **extra_settings: str) -> Iterator[DevHost]:
    """devhost serving the app on a loopback port (a free one unless ``port`` is given, e.g.
    because a setting such as the SignalR connection string must name it), its state under
    ``state``; the process's shared components are rebuilt for it and dropped after."""
    settings = {
        "CosmosDBConnection": f"LocalDocumentStore={state / 'documents.sqlite'}",
        "POSTER_DIR": str(state / "posters"),
        "LOCAL_USER_ID": user,
        **extra_settings,
    }
    reset_components()
    try:
        with DevHost(ROOT, state_dir=state / "devhost", port=port, virtual_clock=virtual_clock,
                     settings=settings) as running:
            yield running
    finally:
        reset_components()
