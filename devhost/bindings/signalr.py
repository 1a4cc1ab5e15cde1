"""The SignalR output binding: record each message/group action and hand it to the sinks.

The host passes the sinks when it builds the log: the SignalR Service emulator's, and
optionally one a test gives (a recording sink). The log in the state database is what
``GET /runtime/webhooks/devhost/signalr/messages`` shows.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol


class SignalRSink(Protocol):
    """Receives every SignalR output binding value: a message ``{target, arguments,
    groupName|userId|connectionId?}`` or a group action ``{action, groupName,
    connectionId|userId}``. Called from worker threads; must be thread-safe."""

    def send(self, hub: str, value: dict[str, Any]) -> None: ...


class NullSink:
    """A sink that drops everything (the message log is enough)."""

    def send(self, hub: str, value: dict[str, Any]) -> None:
        return None


def to_messages(value: Any) -> list[dict[str, Any]]:
    """A binding value (JSON text, dict, or a list of them) as a list of dicts."""
    if isinstance(value, (str, bytes)):
        value = json.loads(value)
    if isinstance(value, dict):
        return [value]
    if isinstance(value, (list, tuple)):
        return [m for item in value for m in to_messages(item)]
    raise TypeError(f"cannot send {type(value).__name__} through a SignalR output binding")


class SignalRLog:
    """Appends messages to ``signalr_messages`` in the state DB, then forwards them to
    each sink, in order."""

    def __init__(self, db_path: Path, sinks: Sequence[SignalRSink] = ()) -> None:
        self.sinks: tuple[SignalRSink, ...] = tuple(sinks)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(db_path, timeout=30, isolation_level=None,
                                     check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA busy_timeout=30000")
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS signalr_messages (seq INTEGER PRIMARY KEY "
            "AUTOINCREMENT, hub TEXT NOT NULL, value TEXT NOT NULL, time TEXT NOT NULL)")

    def write(self, settings: dict[str, Any], value: Any) -> None:
        hub = str(settings.get("hubName") or "default")
        messages = to_messages(value)
        now = datetime.now(UTC).isoformat().replace("+00:00", "Z")
        with self._lock:
            self._conn.executemany(
                "INSERT INTO signalr_messages(hub, value, time) VALUES (?, ?, ?)",
                [(hub, json.dumps(m), now) for m in messages])
        for message in messages:
            for sink in self.sinks:
                sink.send(hub, message)

    def read(self, after: int = 0, limit: int = 1000) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT seq, hub, value, time FROM signalr_messages WHERE seq > ? "
                "ORDER BY seq LIMIT ?", (after, limit)).fetchall()
        return [{"seq": s, "hub": h, "value": json.loads(v), "time": t} for s, h, v, t in rows]

    def close(self) -> None:
        with self._lock:
            self._conn.close()
