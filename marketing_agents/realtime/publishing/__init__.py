"""The app's side of live updates: reach clients through Azure SignalR Service (or
devhost's emulator) from inside a running function, where output bindings cannot help.
No Azure Functions imports, no ``websockets``."""

from .connection import SignalRConnection
from .rest import SignalRRestClient, SignalRRestError
from .streaming import ChunkPublisher, chunk_envelope, chunk_publisher

__all__ = [
    "ChunkPublisher",
    "SignalRConnection",
    "SignalRRestClient",
    "SignalRRestError",
    "chunk_envelope",
    "chunk_publisher",
]
