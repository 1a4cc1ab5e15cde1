"""The client's side of live updates: a SignalR hub client (JSON hub protocol over
WebSocket) and ``follow``, the CLI's campaign watch. Used by the CLI and tests only; the
Function App never imports it (it needs ``websockets``)."""

from .hub import ConnectionLost, HubConnection, HubError, NegotiateError
from .watch import CampaignWatch, EventTracker, WatchRefused, follow, follow_async

__all__ = [
    "CampaignWatch",
    "ConnectionLost",
    "EventTracker",
    "HubConnection",
    "HubError",
    "NegotiateError",
    "WatchRefused",
    "follow",
    "follow_async",
]
