"""Streaming long-form copy to the campaign's group while the agent writes it.

Tokens arrive one by one; sending each would flood clients and the service. A
``ChunkPublisher`` buffers them and sends what accumulated every ``interval`` seconds
(75 ms by default: smooth text, at most ~13 messages a second) through the SignalR
REST API — output bindings only apply when the activity returns, too late to stream.

Every chunk is an ``onChunkReceived`` envelope (docs/events.md): its ``sequence`` is the
sequence of the ``onArtifactGenerated`` event the same activity will publish, its
payload's ``sequence`` is the chunk index (0, 1, …) and ``streamId`` names this run of
the agent, so a client orders chunks by (sequence, payload.sequence), and discards a
stream that a retried activity replaces. The last chunk has ``isComplete: true``.

Streaming is best effort: a failing send is logged and never fails the generation (the
artifact event carries the full text anyway); after repeated failures it stops trying.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from ...ids import event_id
from ...protocol import HUB, ON_CHUNK_RECEIVED
from .connection import SignalRConnection
from .rest import SignalRRestClient

log = logging.getLogger(__name__)

# Sends one message to a group: (group, target, arguments).
GroupSender = Callable[[str, str, list[Any]], Awaitable[None]]
DEFAULT_INTERVAL = 0.075
MAX_FAILURES = 3


def _now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def chunk_envelope(campaign_id: str, event_sequence: int, artifact_type: str, index: int, chunk: str,
                   is_complete: bool, stream_id: str) -> dict[str, Any]:
    return {
        "eventId": f"{event_id(campaign_id, event_sequence)}-chunk-{stream_id}-{index:05d}",
        "campaignId": campaign_id,
        "sequence": event_sequence,
        "type": ON_CHUNK_RECEIVED,
        "timestamp": _now(),
        "payload": {
            "artifactType": artifact_type,
            "sequence": index,
            "chunk": chunk,
            "isComplete": is_complete,
            "streamId": stream_id,
        },
    }


class ChunkPublisher:
    """``async with ChunkPublisher(send, campaign_id, artifact_type, sequence) as on_chunk:``
    then pass ``on_chunk`` to the agent. Calling it only buffers (never waits on the network)."""

    def __init__(self, send: GroupSender | None, campaign_id: str, artifact_type: str, event_sequence: int,
                 interval: float = DEFAULT_INTERVAL) -> None:
        self._send = send
        self.campaign_id = campaign_id
        self.artifact_type = artifact_type
        self.event_sequence = event_sequence
        self.interval = interval
        self.stream_id = uuid.uuid4().hex[:12]
        self.sent_chunks = 0
        self._buffer: list[str] = []
        self._failures = 0
        self._wake = asyncio.Event()
        self._stopping = asyncio.Event()
        self._flusher: asyncio.Task[None] | None = None

    @property
    def enabled(self) -> bool:
        return self._send is not None and self._failures < MAX_FAILURES

    async def __aenter__(self) -> ChunkPublisher:
        if self._send is not None:
            self._flusher = asyncio.create_task(self._flush_loop())
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        if self._flusher is not None:  # let a send in flight finish: cancelling it could lose text
            self._stopping.set()
            self._wake.set()
            await self._flusher
        # The last message says the stream ended; after a failure clients drop the partial text.
        await self._publish(complete=True, aborted=exc is not None)

    async def __call__(self, text: str) -> None:
        if text and self.enabled:
            self._buffer.append(text)
            self._wake.set()

    async def _flush_loop(self) -> None:
        while not self._stopping.is_set():
            await self._wake.wait()
            self._wake.clear()
            if self._stopping.is_set():
                return
            await self._publish(complete=False)
            with contextlib.suppress(TimeoutError):  # batch what arrives meanwhile
                await asyncio.wait_for(self._stopping.wait(), self.interval)

    async def _publish(self, complete: bool, aborted: bool = False) -> None:
        if not self.enabled or (not self._buffer and not complete):
            return
        if complete and self.sent_chunks == 0 and not self._buffer:
            return  # nothing was streamed: no stream to end
        text, self._buffer = "".join(self._buffer), []
        envelope = chunk_envelope(self.campaign_id, self.event_sequence, self.artifact_type, self.sent_chunks,
                                  text, complete, self.stream_id)
        if aborted:
            envelope["payload"]["aborted"] = True
        assert self._send is not None
        try:
            await self._send(self.campaign_id, ON_CHUNK_RECEIVED, [envelope])
        except Exception as error:  # streaming is best effort; the artifact event has the full text
            self._failures += 1
            log.warning("streaming chunk %d of %s failed: %s", self.sent_chunks, self.campaign_id, error)
            return
        self.sent_chunks += 1


@contextlib.asynccontextmanager
async def chunk_publisher(campaign_id: str, artifact_type: str, event_sequence: int,
                          connection: SignalRConnection | None = None, interval: float = DEFAULT_INTERVAL) -> Any:
    """A publisher wired to ``connection``, the configured SignalR Service
    (``Components.signalr``, from ``AzureSignalRConnectionString``); without one it
    silently discards chunks, so activities need no special case."""
    if connection is None:
        async with ChunkPublisher(None, campaign_id, artifact_type, event_sequence, interval) as publisher:
            yield publisher
        return
    async with SignalRRestClient(connection, HUB) as client, ChunkPublisher(
        client.send_to_group, campaign_id, artifact_type, event_sequence, interval
    ) as publisher:
        yield publisher
