"""Real-time: streaming from activities through the SignalR REST API, and the Python
SignalR client the CLI follows campaigns with. No Azure Functions imports."""

from .connection import SignalRConnection
from .hubclient import HubConnection, HubError, NegotiateError
from .rest import SignalRRestClient, SignalRRestError
from .streaming import ChunkPublisher, chunk_envelope, chunk_publisher
from .watch import CampaignWatch, EventTracker, WatchRefused, follow, follow_async

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
