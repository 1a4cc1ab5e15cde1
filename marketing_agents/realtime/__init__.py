"""Real-time: streaming from activities through the SignalR REST API, and the Python
SignalR client the CLI follows campaigns with. No Azure Functions imports.

The client side (``HubConnection``, ``follow``…) needs ``websockets``, which the Function
App does not install, so it is imported only when asked for.
"""

from typing import Any

from .connection import SignalRConnection
from .rest import SignalRRestClient, SignalRRestError
from .streaming import ChunkPublisher, chunk_envelope, chunk_publisher

_CLIENT_SIDE = {
    "HubConnection": "hubclient",
    "HubError": "hubclient",
    "NegotiateError": "hubclient",
    "CampaignWatch": "watch",
    "EventTracker": "watch",
    "WatchRefused": "watch",
    "follow": "watch",
    "follow_async": "watch",
}


def __getattr__(name: str) -> Any:
    if name in _CLIENT_SIDE:
        import importlib

        return getattr(importlib.import_module(f".{_CLIENT_SIDE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CampaignWatch",
    "ChunkPublisher",
    "EventTracker",
    "HubConnection",
    "HubError",
    "NegotiateError",
    "SignalRConnection",
    "SignalRRestClient",
    "SignalRRestError",
    "WatchRefused",
    "chunk_envelope",
    "chunk_publisher",
    "follow",
    "follow_async",
]
