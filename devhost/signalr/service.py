"""What the client endpoint and the REST API read of the service that owns them.

`SignalREmulator` builds both and passes itself in; they depend on this shape, not on the
emulator module, so the import graph runs one way (emulator → clients, rest → service).
"""

from __future__ import annotations

from typing import Protocol

from .hub import Hubs
from .upstream import InvokeTrigger, TriggerTable


class ServiceState(Protocol):
    """The emulator's settings and shared state, as its endpoints see them."""

    access_key: str
    hubs: Hubs
    triggers: TriggerTable
    invoke_trigger: InvokeTrigger | None
    ping_interval: float
    client_timeout: float
    handshake_timeout: float
    token_ttl: float
    closing: bool

    def attach_loop(self) -> None:
        """Remember the serving event loop (binding values from worker threads go there)."""
