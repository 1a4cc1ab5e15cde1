"""Clocks that stamp history and fire durable timers.

The SDK derives ``current_utc_datetime`` from history timestamps, and replay needs them
strictly increasing, so every clock hands out monotonically increasing instants. The
virtual clock lets tests jump over long timers without sleeping.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

_TICK = timedelta(microseconds=1)


class Clock:
    """The real UTC clock, bumped by a microsecond when two readings would tie."""

    virtual = False

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last = datetime(1970, 1, 1, tzinfo=UTC)
        self._listeners: list[Callable[[], None]] = []

    def _read(self) -> datetime:
        return datetime.now(UTC)

    def now(self) -> datetime:
        """A fresh timestamp, strictly later than any handed out before."""
        with self._lock:
            t = max(self._read(), self._last + _TICK)
            self._last = t
            return t

    def peek(self) -> datetime:
        """The current time without reserving it (for due-timer checks)."""
        with self._lock:
            return max(self._read(), self._last)

    def observe(self, t: datetime) -> None:
        """Never hand out a time before ``t`` (the last time recorded before a restart)."""
        with self._lock:
            self._last = max(self._last, t)

    def on_change(self, callback: Callable[[], None]) -> None:
        """Register a callback run after the clock jumps (virtual clocks only)."""
        self._listeners.append(callback)

    def advance(self, seconds: float) -> datetime:
        raise RuntimeError("the real clock cannot be advanced; start devhost with --virtual-clock")


class VirtualClock(Clock):
    """A clock that moves only when told to (plus a microsecond per reading)."""

    virtual = True

    def __init__(self, start: datetime | None = None) -> None:
        super().__init__()
        self._now = start or datetime.now(UTC).replace(microsecond=0)

    def _read(self) -> datetime:
        return self._now

    def observe(self, t: datetime) -> None:
        """Resume virtual time where the previous run of the host left it."""
        super().observe(t)
        with self._lock:
            self._now = max(self._now, t)

    def advance(self, seconds: float) -> datetime:
        """Jump forward and let the host fire every timer that became due."""
        if seconds < 0:
            raise ValueError("the virtual clock only moves forward")
        with self._lock:
            self._now = max(self._now, self._last) + timedelta(seconds=seconds)
            now = self._now
        for callback in list(self._listeners):
            callback()
        return now
