"""Connections, groups and users of the emulated service, and delivery to them.

Each connection has one outgoing queue drained by one writer task, so messages reach a
client in the order the service accepted them, a slow client never holds up the others,
and the writer doubles as the keep-alive: when nothing was sent for ``ping_interval``
seconds it sends a ping. All methods run on the server's event loop (no locks needed).

Group membership of connections dies with the connection (clients rejoin after a
reconnect, as with the real service). Membership of *users* outlives connections and,
when a state file is given, the process: the real service keeps it too.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import protocol

log = logging.getLogger("devhost.signalr")

SendText = Callable[[str], Awaitable[None]]
CloseTransport = Callable[[], Awaitable[None]]
MAX_QUEUED_MESSAGES = 10_000
MAX_RECORDS_PER_FRAME = 64


@dataclass
class Connection:
    """One client connection after a completed handshake."""

    id: str
    hub: str
    user_id: str | None
    send_text: SendText
    close_transport: CloseTransport
    claims: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    ping_interval: float = 15.0
    queue: asyncio.Queue[str | None] = field(default_factory=asyncio.Queue)
    writer: asyncio.Task[None] | None = None
    closed: bool = False

    def start(self) -> None:
        self.writer = asyncio.get_running_loop().create_task(self._write_loop(), name=f"signalr-writer-{self.id}")

    def enqueue(self, frame: str) -> None:
        if self.closed:
            return
        if self.queue.qsize() >= MAX_QUEUED_MESSAGES:
            log.warning("connection %s is not reading; closing it", self.id)
            self.queue.put_nowait(protocol.encode(protocol.close("Client is too slow", allow_reconnect=True)))
            self.queue.put_nowait(None)
            self.closed = True
            return
        self.queue.put_nowait(frame)

    def finish(self, last_frame: str | None = None) -> None:
        """Send ``last_frame`` (a close message) after what is queued, then close."""
        if self.closed:
            return
        if last_frame:
            self.queue.put_nowait(last_frame)
        self.queue.put_nowait(None)
        self.closed = True

    async def _write_loop(self) -> None:
        ping = protocol.encode(protocol.PING_MESSAGE)
        try:
            while True:
                try:
                    frame = await asyncio.wait_for(self.queue.get(), self.ping_interval)
                except TimeoutError:
                    frame = ping
                if frame is None:
                    break
                # Records queued meanwhile go in the same WebSocket frame (the protocol
                # allows several records per frame): far fewer sends under load.
                batch, done = [frame], False
                while not self.queue.empty() and len(batch) < MAX_RECORDS_PER_FRAME:
                    more = self.queue.get_nowait()
                    if more is None:
                        done = True
                        break
                    batch.append(more)
                await self.send_text("".join(batch))
                if done:
                    break
        except Exception as error:  # a broken socket ends this connection only
            log.debug("writer of %s stopped: %s", self.id, error)
        finally:
            self.closed = True
            with contextlib.suppress(Exception):
                await self.close_transport()


class UserGroupStore:
    """User → group membership, in SQLite when a path is given (else in memory)."""

    def __init__(self, path: Path | None = None) -> None:
        self._db = sqlite3.connect(str(path) if path else ":memory:", isolation_level=None, check_same_thread=False)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS signalr_user_groups (hub TEXT NOT NULL, user_id TEXT NOT NULL, "
            "group_name TEXT NOT NULL, PRIMARY KEY (hub, user_id, group_name))"
        )

    def load(self) -> dict[tuple[str, str], set[str]]:
        found: dict[tuple[str, str], set[str]] = defaultdict(set)
        for hub, user, group in self._db.execute("SELECT hub, user_id, group_name FROM signalr_user_groups"):
            found[(hub, user)].add(group)
        return found

    def add(self, hub: str, user: str, group: str) -> None:
        self._db.execute("INSERT OR IGNORE INTO signalr_user_groups VALUES (?, ?, ?)", (hub, user, group))

    def remove(self, hub: str, user: str, group: str | None) -> None:
        if group is None:
            self._db.execute("DELETE FROM signalr_user_groups WHERE hub = ? AND user_id = ?", (hub, user))
        else:
            self._db.execute(
                "DELETE FROM signalr_user_groups WHERE hub = ? AND user_id = ? AND group_name = ?", (hub, user, group)
            )

    def close(self) -> None:
        self._db.close()


class Hubs:
    """Every hub's connections and groups; delivery and group management."""

    def __init__(self, user_groups: UserGroupStore | None = None) -> None:
        self.connections: dict[str, Connection] = {}
        self._groups: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._connection_groups: dict[str, set[str]] = defaultdict(set)
        self._store = user_groups or UserGroupStore()
        self._user_groups = self._store.load()

    # ------------------------------------------------------------ connections

    def register(self, conn: Connection) -> None:
        self.connections[conn.id] = conn
        if conn.user_id:
            for group in self._user_groups.get((conn.hub, conn.user_id), ()):
                self._join(conn, group)
        conn.start()

    def unregister(self, conn: Connection) -> None:
        self.connections.pop(conn.id, None)
        for group in self._connection_groups.pop(conn.id, set()):
            members = self._groups.get((conn.hub, group))
            if members is not None:
                members.discard(conn.id)
                if not members:
                    del self._groups[(conn.hub, group)]
        conn.finish()

    def close_connection(self, hub: str, connection_id: str, reason: str | None = None) -> bool:
        conn = self.connections.get(connection_id)
        if conn is None or conn.hub != hub:
            return False
        conn.finish(protocol.encode(protocol.close(reason)))
        return True

    def close_all(self, reason: str, allow_reconnect: bool) -> list[Connection]:
        closing = list(self.connections.values())
        frame = protocol.encode(protocol.close(reason, allow_reconnect))
        for conn in closing:
            conn.finish(frame)
        return closing

    # ------------------------------------------------------------ lookups

    def of_hub(self, hub: str) -> list[Connection]:
        return [c for c in self.connections.values() if c.hub == hub]

    def of_user(self, hub: str, user: str) -> list[Connection]:
        return [c for c in self.connections.values() if c.hub == hub and c.user_id == user]

    def of_group(self, hub: str, group: str) -> list[Connection]:
        return [self.connections[i] for i in self._groups.get((hub, group), ()) if i in self.connections]

    def connection(self, hub: str, connection_id: str) -> Connection | None:
        conn = self.connections.get(connection_id)
        return conn if conn is not None and conn.hub == hub else None

    def group_exists(self, hub: str, group: str) -> bool:
        return bool(self._groups.get((hub, group)))

    # ------------------------------------------------------------ delivery

    def send(self, targets: list[Connection], target: str, arguments: list[Any]) -> int:
        """Encode once, queue for every target; returns how many connections it was queued for."""
        frame = protocol.encode(protocol.invocation(target, arguments))
        for conn in targets:
            conn.enqueue(frame)
        return len(targets)

    # ------------------------------------------------------------ groups

    def _join(self, conn: Connection, group: str) -> None:
        self._groups[(conn.hub, group)].add(conn.id)
        self._connection_groups[conn.id].add(group)

    def _leave(self, conn: Connection, group: str) -> None:
        members = self._groups.get((conn.hub, group))
        if members is not None:
            members.discard(conn.id)
            if not members:
                del self._groups[(conn.hub, group)]
        self._connection_groups[conn.id].discard(group)

    def add_connection(self, hub: str, group: str, connection_id: str) -> bool:
        conn = self.connection(hub, connection_id)
        if conn is None:
            return False
        self._join(conn, group)
        return True

    def remove_connection(self, hub: str, group: str, connection_id: str) -> None:
        conn = self.connection(hub, connection_id)
        if conn is not None:
            self._leave(conn, group)

    def remove_connection_from_all(self, hub: str, connection_id: str) -> None:
        conn = self.connection(hub, connection_id)
        if conn is not None:
            for group in list(self._connection_groups.get(conn.id, ())):
                self._leave(conn, group)

    def add_user(self, hub: str, group: str, user: str) -> None:
        self._user_groups.setdefault((hub, user), set()).add(group)
        self._store.add(hub, user, group)
        for conn in self.of_user(hub, user):
            self._join(conn, group)

    def remove_user(self, hub: str, group: str, user: str) -> None:
        self._user_groups.get((hub, user), set()).discard(group)
        self._store.remove(hub, user, group)
        for conn in self.of_user(hub, user):
            self._leave(conn, group)

    def remove_user_from_all(self, hub: str, user: str) -> None:
        self._user_groups.pop((hub, user), None)
        self._store.remove(hub, user, None)
        for conn in self.of_user(hub, user):
            for group in list(self._connection_groups.get(conn.id, ())):
                self._leave(conn, group)

    def user_in_group(self, hub: str, group: str, user: str) -> bool:
        return group in self._user_groups.get((hub, user), set()) or any(
            group in self._connection_groups.get(c.id, ()) for c in self.of_user(hub, user)
        )

    def close(self) -> None:
        self._store.close()
