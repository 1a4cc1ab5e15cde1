"""Following one campaign live, for the CLI (``campaign watch``, ``create --watch``).

Joins the campaign's group through the hub, asks for the snapshot
(``RequestCampaignStatus``), reads the event log from the last sequence it holds, and
from then on hands every event to ``on_event`` once, in sequence order, with the
streamed copy (``onChunkReceived``) as it arrives. After a reconnect it does the same
again (rejoin, snapshot, log), so nothing is lost or repeated. It returns the final
snapshot (``GET /api/campaigns/{id}``) once the campaign waits for a person or ends.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import httpx

from ...protocol import (
    JOIN_CAMPAIGN_GROUP,
    LOG_EVENT_TYPES,
    ON_CAMPAIGN_STATUS,
    ON_CHUNK_RECEIVED,
    ON_REQUEST_REFUSED,
    PRINCIPAL_HEADER,
    REQUEST_CAMPAIGN_STATUS,
    SETTLED_STATUSES,
)
from .hub import DEFAULT_RECONNECT_DELAYS, ConnectionLost, HubConnection

log = logging.getLogger(__name__)

# Receives each envelope: log events in order, chunks, and status replies (payload.reply).
EventCallback = Callable[[dict[str, Any]], Awaitable[None] | None]


class WatchRefused(RuntimeError):
    """The user may not read this campaign (or it does not exist)."""


class EventTracker:
    """Exactly once, in order: drops seen eventIds, holds events that arrive early until
    the gap before them is filled (from the log), and says when the campaign settled."""

    def __init__(self) -> None:
        self.last_sequence = 0
        self.seen: set[str] = set()
        self.early: dict[int, dict[str, Any]] = {}
        self.status: str | None = None

    def accept(self, envelope: dict[str, Any]) -> list[dict[str, Any]]:
        """The envelopes to deliver now (possibly none, possibly several)."""
        if envelope.get("type") == ON_CHUNK_RECEIVED:
            fresh = envelope.get("eventId") not in self.seen and int(envelope.get("sequence", 0)) > self.last_sequence
            self.seen.add(str(envelope.get("eventId")))
            return [envelope] if fresh else []
        event_id, sequence = str(envelope.get("eventId")), int(envelope.get("sequence", 0))
        if event_id in self.seen or sequence <= self.last_sequence:
            return []
        self.early[sequence] = envelope
        ready = []
        while self.last_sequence + 1 in self.early:
            event = self.early.pop(self.last_sequence + 1)
            self.last_sequence += 1
            self.seen.add(str(event.get("eventId")))
            status = (event.get("payload") or {}).get("status")
            if isinstance(status, str):
                self.status = status
            ready.append(event)
        return ready

    @property
    def has_gap(self) -> bool:
        return bool(self.early)

    @property
    def settled(self) -> bool:
        return self.status in SETTLED_STATUSES and not self.early


def _envelope(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k not in ("docType", "id")}


class CampaignWatch:
    def __init__(self, base_url: str, user: str | None, campaign_id: str, on_event: EventCallback,
                 reconnect_delays: tuple[float, ...] = DEFAULT_RECONNECT_DELAYS, server_timeout: float = 30.0,
                 extra_headers: Mapping[str, str] | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.campaign_id = campaign_id
        self.on_event = on_event
        # extra_headers: the bearer token a deployed app's authentication wants, on the app's
        # own requests (negotiate, snapshot, log); the SignalR service gets its own token.
        self.headers = {**(extra_headers or {}), **({PRINCIPAL_HEADER: user} if user else {})}
        self.tracker = EventTracker()
        self.hub = HubConnection(f"{self.base_url}/api", headers=self.headers, reconnect_delays=reconnect_delays,
                                 server_timeout=server_timeout)
        self.http = httpx.AsyncClient(base_url=self.base_url, headers=self.headers, timeout=30.0)
        self.refused: str | None = None
        self.done = asyncio.Event()
        self.reconnects = 0
        self._sync_lock = asyncio.Lock()
        self._background: set[asyncio.Task[None]] = set()
        for event_type in {*LOG_EVENT_TYPES, ON_CHUNK_RECEIVED}:
            self.hub.on(event_type, self._on_message)
        self.hub.on(ON_REQUEST_REFUSED, self._on_refused)
        self.hub.on_reconnected(self._on_reconnected)
        self.hub.on_closed(self.done.set)

    async def _deliver(self, envelope: dict[str, Any]) -> None:
        for event in self.tracker.accept(envelope):
            result = self.on_event(event)
            if result is not None:
                await result
        if self.tracker.settled:
            self.done.set()

    async def _on_message(self, arguments: list[Any]) -> None:
        for envelope in arguments:
            if not isinstance(envelope, dict) or envelope.get("campaignId") != self.campaign_id:
                continue
            payload = envelope.get("payload") or {}
            if envelope.get("type") == ON_CAMPAIGN_STATUS and payload.get("reply"):
                result = self.on_event(envelope)  # the snapshot: not a log event
                if result is not None:
                    await result
                continue
            await self._deliver(envelope)
            if self.tracker.has_gap:
                task = asyncio.create_task(self.catch_up())
                self._background.add(task)
                task.add_done_callback(self._background.discard)

    async def _on_refused(self, arguments: list[Any]) -> None:
        for item in arguments:
            if isinstance(item, dict) and item.get("campaignId") == self.campaign_id:
                self.refused = str(item.get("reason") or "refused")
                self.done.set()

    async def catch_up(self) -> None:
        """Read the log from the last sequence delivered (fills gaps; after a reconnect)."""
        async with self._sync_lock:
            response = await self.http.get(f"/api/campaigns/{self.campaign_id}/events",
                                            params={"after": self.tracker.last_sequence})
            if response.status_code == 404:
                self.refused = "the campaign does not exist or you may not read it"
                self.done.set()
                return
            response.raise_for_status()
            for doc in response.json()["items"]:
                await self._deliver(_envelope(doc))

    async def sync(self) -> None:
        """Join the group, ask for the snapshot, read the log: the same on start and after a reconnect."""
        await self.hub.invoke(JOIN_CAMPAIGN_GROUP, self.campaign_id)
        if self.refused:
            return
        await self.hub.invoke(REQUEST_CAMPAIGN_STATUS, self.campaign_id)
        await self.catch_up()

    async def _on_reconnected(self) -> None:
        self.reconnects += 1
        try:
            await self.sync()
        except Exception as error:
            log.warning("resync after reconnect failed: %s", error)

    async def _until_settled(self) -> dict[str, Any]:
        """Wait for a settling event, then for the snapshot to agree: after a host restart,
        re-run activities may briefly move the document back (their events, already seen,
        are dropped as duplicates), so the snapshot is polled until it settles too."""
        await self.done.wait()
        while True:
            if self.refused:
                raise WatchRefused(f"cannot watch {self.campaign_id}: {self.refused}")
            try:
                response = await self.http.get(f"/api/campaigns/{self.campaign_id}")
            except httpx.TransportError as error:  # the host restarting: ask again (the caller's timeout bounds it)
                log.info("snapshot read failed (%s); retrying", error)
                await asyncio.sleep(0.25)
                continue
            response.raise_for_status()
            snapshot: dict[str, Any] = response.json()
            if snapshot["campaign"]["status"] in SETTLED_STATUSES or self.hub.closed.is_set():
                return snapshot
            await asyncio.sleep(0.25)

    async def run(self, timeout: float | None = None) -> dict[str, Any]:
        try:
            await self.hub.start()
            try:
                await self.sync()
            except (ConnectionLost, httpx.TransportError) as error:
                # Lost mid-sync (the host restarted, on the hub or under the log's GET): the hub
                # reconnects and _on_reconnected syncs again, or it gives up and closes, which
                # ends the wait below.
                log.info("connection lost during the first sync (%s); resyncing after the reconnect", error)
            if self.tracker.settled:
                self.done.set()
            return await asyncio.wait_for(self._until_settled(), timeout)
        finally:
            await self.hub.stop()
            await self.http.aclose()


async def follow_async(base_url: str, user: str | None, campaign_id: str, on_event: EventCallback,
                       timeout: float | None = None, **options: Any) -> dict[str, Any]:
    return await CampaignWatch(base_url, user, campaign_id, on_event, **options).run(timeout)


def follow(base_url: str, user: str | None, campaign_id: str, on_event: EventCallback,
           timeout: float | None = None, **options: Any) -> dict[str, Any]:
    """Follow the campaign until it waits for review or ends; returns the final snapshot.

    ``on_event(envelope)`` gets every log event once and in order, each ``onChunkReceived``
    as it streams, and ``onCampaignStatus`` replies (``payload.reply``, with the snapshot)
    after each (re)join. Raises WatchRefused when the user may not read the campaign,
    TimeoutError after ``timeout`` seconds, NegotiateError when the host is unreachable.
    """
    return asyncio.run(follow_async(base_url, user, campaign_id, on_event, timeout, **options))
