"""Client invocations and connection events, delivered to the app's ``signalRTrigger``
functions the way the service's upstream and the Functions extension do.

The app declares triggers by hub, category (``messages`` or ``connections``) and event
(the hub method name, or ``connected``/``disconnected``). The function receives the
extension's invocation context as JSON — ``Arguments``, ``Error``, ``Category``,
``Event``, ``Hub``, ``ConnectionId``, ``UserId``, ``Headers``, ``Query``, ``Claims`` —
and what it returns is the invocation's result.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .hub import Connection

# devhost provides this: run the named function with the trigger payload, apply its
# output bindings if it succeeds, and return its return value (raise if it failed).
InvokeTrigger = Callable[[str, dict[str, Any]], Awaitable[Any]]

MESSAGES = "messages"
CONNECTIONS = "connections"


@dataclass(frozen=True)
class TriggerRoute:
    """One ``signalRTrigger`` function: which hub, category and event it answers."""

    function_name: str
    hub: str
    category: str
    event: str

    @classmethod
    def from_settings(cls, function_name: str, settings: Mapping[str, Any]) -> TriggerRoute:
        """From the binding settings as the app declares them (``hubName``, ``category``, ``event``)."""
        lowered = {str(k).lower(): v for k, v in settings.items()}
        return cls(
            function_name=function_name,
            hub=str(lowered.get("hubname") or ""),
            category=str(lowered.get("category") or MESSAGES),
            event=str(lowered.get("event") or ""),
        )

    def matches(self, hub: str, category: str, event: str) -> bool:
        return (
            self.hub.lower() in (hub.lower(), "*")
            and self.category.lower() == category.lower()
            and self.event.lower() in (event.lower(), "*")
        )


class TriggerTable:
    def __init__(self, routes: Iterable[TriggerRoute] = ()) -> None:
        self.routes = list(routes)

    def find(self, hub: str, category: str, event: str) -> TriggerRoute | None:
        found = [r for r in self.routes if r.matches(hub, category, event)]
        found.sort(key=lambda r: r.event == "*")  # an exact event wins over the wildcard
        return found[0] if found else None


def trigger_payload(conn: Connection, category: str, event: str, arguments: list[Any] | None = None,
                    error: str | None = None) -> dict[str, Any]:
    return {
        "Arguments": list(arguments or []),
        "Error": error,
        "Category": category,
        "Event": event,
        "Hub": conn.hub,
        "ConnectionId": conn.id,
        "UserId": conn.user_id,
        "Headers": dict(conn.headers),
        "Query": dict(conn.query),
        "Claims": dict(conn.claims),
    }


def as_result(value: Any) -> Any:
    """A function's return value as the completion result: JSON text is decoded (Python
    functions return strings), bytes are text, ``None`` means a void method."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    get_body = getattr(value, "get_body", None)  # an HttpResponse-like value
    if callable(get_body):
        return as_result(get_body())
    return value
