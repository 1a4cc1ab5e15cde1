"""The SignalR JSON hub protocol: frames are JSON texts each followed by the record
separator ``\\x1e``; the first record from the client is the handshake.

Message types (the ones a serverless service ever sends or handles):
1 invocation, 3 completion, 6 ping, 7 close. Stream items (2), stream invocations (4)
and cancel (5) are not used by SignalR Service in serverless mode.
"""

from __future__ import annotations

import json
from typing import Any

RECORD_SEPARATOR = "\x1e"

INVOCATION = 1
STREAM_ITEM = 2
COMPLETION = 3
STREAM_INVOCATION = 4
CANCEL_INVOCATION = 5
PING = 6
CLOSE = 7


class ProtocolError(ValueError):
    """The peer sent something that is not the JSON hub protocol."""


def encode(message: dict[str, Any]) -> str:
    """One frame: compact JSON and the record separator."""
    return json.dumps(message, separators=(",", ":")) + RECORD_SEPARATOR


class FrameReader:
    """Splits a stream of text (WebSocket frames may carry several records, or part of
    one) into complete JSON records."""

    def __init__(self) -> None:
        self._buffer = ""

    def feed(self, text: str) -> list[dict[str, Any]]:
        self._buffer += text
        *records, self._buffer = self._buffer.split(RECORD_SEPARATOR)
        messages = []
        for record in records:
            if not record.strip():
                continue
            try:
                value = json.loads(record)
            except json.JSONDecodeError as error:
                raise ProtocolError(f"a record is not valid JSON: {error.msg}") from error
            if not isinstance(value, dict):
                raise ProtocolError("a record must be a JSON object")
            messages.append(value)
        return messages


def invocation(target: str, arguments: list[Any]) -> dict[str, Any]:
    return {"type": INVOCATION, "target": target, "arguments": arguments}


def completion(invocation_id: str, result: Any = None, error: str | None = None) -> dict[str, Any]:
    """A completion carries either ``error`` or ``result`` (omitted for a void method)."""
    message: dict[str, Any] = {"type": COMPLETION, "invocationId": invocation_id}
    if error is not None:
        message["error"] = error
    elif result is not None:
        message["result"] = result
    return message


def close(error: str | None = None, allow_reconnect: bool = False) -> dict[str, Any]:
    message: dict[str, Any] = {"type": CLOSE}
    if error:
        message["error"] = error
    if allow_reconnect:
        message["allowReconnect"] = True
    return message


PING_MESSAGE: dict[str, Any] = {"type": PING}
