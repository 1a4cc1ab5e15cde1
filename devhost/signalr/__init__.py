"""A local Azure SignalR Service (serverless mode) that the official clients accept:
two-step negotiate, the JSON hub protocol over WebSocket, groups and users, the REST
API, output bindings, and upstream delivery to ``signalRTrigger`` functions."""

from .auth import ConnectionString, TokenError
from .emulator import BindingSink, SignalREmulator, client_connection_info, connection_info_for_binding
from .loop import ServerLoop
from .upstream import InvokeTrigger, TriggerRoute, trigger_payload

__all__ = [
    "BindingSink",
    "ConnectionString",
    "InvokeTrigger",
    "ServerLoop",
    "SignalREmulator",
    "TokenError",
    "TriggerRoute",
    "client_connection_info",
    "connection_info_for_binding",
    "trigger_payload",
]
