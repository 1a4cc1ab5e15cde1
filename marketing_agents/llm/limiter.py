"""One client-side limiter per model deployment, shared by every agent and the judge.

A deployment's quota (requests and tokens per minute) belongs to the deployment, not to
whichever agent happens to ask, so the three writers and the judge of one process must
queue at one door. Without it they retry at the same instant and a quota turns into a
storm of 429s; with it the app slows down instead of failing:

- at most ``max_concurrency`` requests are in flight (lowered after a 429, raised again
  one step per success: additive increase, multiplicative decrease);
- requests and tokens per minute are token buckets (``0`` = no limit). A request's
  tokens are estimated as the prompt's length plus its ``max_tokens`` (what Azure OpenAI
  itself counts against the quota) and corrected with the usage the server reports;
- a 429 closes the door for everyone until the server's ``Retry-After`` has passed;
- waiters are served first come, first served.

The limiter is shared across event loops and threads (hosts may run each activity in a
fresh loop), so its state sits behind a ``threading.Lock`` and each waiter is woken on
its own loop with ``call_soon_threadsafe``.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .messages import Message

# Quotas are enforced over short windows (Azure OpenAI checks requests per minute over
# 1 or 10 seconds), and a bucket lets through its capacity plus its refill within any
# window: requests therefore go out evenly spaced (a bucket of one), tokens may burst
# by one second's worth.
TOKEN_BURST_SECONDS = 1.0
CHARS_PER_TOKEN = 4  # a deliberately rough estimate, corrected by the reported usage
TOKENS_PER_MESSAGE = 4


@dataclass(frozen=True)
class Limits:
    """What one deployment allows this process (``0`` per minute = no limit)."""

    max_concurrency: int = 4
    requests_per_minute: float = 0.0
    tokens_per_minute: float = 0.0


@dataclass
class LimiterStats:
    """Counters for benchmarks and logs."""

    granted: int = 0
    rate_limited: int = 0
    waited_seconds: float = 0.0


def estimate_tokens(messages: Sequence[Message], max_tokens: int) -> int:
    """Tokens a request may use: its prompt (roughly) plus the room it asks for."""
    chars = sum(len(message.get("content", "")) for message in messages)
    return math.ceil(chars / CHARS_PER_TOKEN) + TOKENS_PER_MESSAGE * len(messages) + max_tokens


class _Bucket:
    """A token bucket refilled continuously; a cost larger than the whole bucket may
    go once the bucket is full, leaving it in debt, so no request waits forever."""

    def __init__(self, per_minute: float, burst_seconds: float, now: float) -> None:
        self.rate = per_minute / 60.0
        self.capacity = max(1.0, self.rate * burst_seconds)
        self.level = self.capacity
        self.stamp = now

    def _refill(self, now: float) -> None:
        self.level = min(self.capacity, self.level + (now - self.stamp) * self.rate)
        self.stamp = now

    def delay(self, cost: float, now: float) -> float:
        self._refill(now)
        missing = min(cost, self.capacity) - self.level
        return 0.0 if missing <= 0 else missing / self.rate

    def take(self, cost: float) -> None:
        self.level -= cost

    def give_back(self, amount: float) -> None:
        self.level = min(self.capacity, self.level + amount)


@dataclass
class _Waiter:
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[None] | None = None


@dataclass
class Permit:
    """One granted request; hand it back with :meth:`DeploymentLimiter.release`."""

    tokens: int
    granted_at: float
    released: bool = field(default=False)


class DeploymentLimiter:
    """The door in front of one deployment (see the module docstring)."""

    def __init__(self, key: str, limits: Limits, clock: Callable[[], float] = time.monotonic) -> None:
        self.key = key
        self.limits = limits
        self.stats = LimiterStats()
        self._clock = clock
        self._lock = threading.Lock()
        self._queue: deque[_Waiter] = deque()
        self._in_flight = 0
        self._allowed = float(limits.max_concurrency)
        self._closed_until = 0.0
        now = clock()
        rpm, tpm = limits.requests_per_minute, limits.tokens_per_minute
        self._requests = _Bucket(rpm, 0.0, now) if rpm else None
        self._tokens = _Bucket(tpm, TOKEN_BURST_SECONDS, now) if tpm else None

    async def acquire(self, tokens: int) -> Permit:
        """Wait for this request's turn; cancellation leaves the queue cleanly."""
        waiter = _Waiter(asyncio.get_running_loop())
        started = self._clock()
        with self._lock:
            self._queue.append(waiter)
        try:
            while True:
                with self._lock:
                    delay = self._delay(waiter, tokens)
                    if delay == 0.0:
                        return self._grant(tokens, started)
                    waiter.future = waiter.loop.create_future()
                    future = waiter.future
                await asyncio.wait([future], timeout=delay)
        except BaseException:
            with self._lock:
                if waiter in self._queue:
                    self._queue.remove(waiter)
                self._wake_head()
            raise

    def release(self, permit: Permit, used_tokens: int | None = None, rate_limited_for: float | None = None) -> None:
        """The request is over: correct the token estimate, and after a 429 close the
        door for everyone for ``rate_limited_for`` seconds and halve the concurrency."""
        with self._lock:
            if permit.released:
                return
            permit.released = True
            self._in_flight -= 1
            if self._tokens is not None:
                if used_tokens is not None:
                    self._tokens.give_back(permit.tokens - used_tokens)
                elif rate_limited_for is not None:  # refused requests use no quota
                    self._tokens.give_back(permit.tokens)
            if rate_limited_for is not None:
                self.stats.rate_limited += 1
                self._allowed = max(1.0, self._allowed / 2)
                self._closed_until = max(self._closed_until, self._clock() + rate_limited_for)
            else:
                self._allowed = min(float(self.limits.max_concurrency), self._allowed + 1)
            self._wake_head()

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def _delay(self, waiter: _Waiter, tokens: int) -> float | None:
        """0 = go now, a number = try again after that many seconds, None = wait to be woken."""
        if not self._queue or self._queue[0] is not waiter:
            return None
        if self._in_flight >= max(1, math.floor(self._allowed)):
            return None
        now = self._clock()
        delays = [self._closed_until - now]
        if self._requests is not None:
            delays.append(self._requests.delay(1, now))
        if self._tokens is not None:
            delays.append(self._tokens.delay(tokens, now))
        longest = max(delays)
        return 0.0 if longest <= 0 else longest

    def _grant(self, tokens: int, started: float) -> Permit:
        self._queue.popleft()
        self._in_flight += 1
        if self._requests is not None:
            self._requests.take(1)
        if self._tokens is not None:
            self._tokens.take(tokens)
        now = self._clock()
        self.stats.granted += 1
        self.stats.waited_seconds += now - started
        self._wake_head()
        return Permit(tokens=tokens, granted_at=now)

    def _wake_head(self) -> None:
        """Tell the first waiter to look again (on its own loop); drop waiters whose loop is gone."""
        while self._queue:
            head = self._queue[0]
            future = head.future
            if future is None:
                return  # it is evaluating right now and will see the new state
            try:
                head.loop.call_soon_threadsafe(_set_done, future)
                return
            except RuntimeError:  # its event loop was closed without cancelling it
                self._queue.popleft()


def _set_done(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


_registry: dict[tuple[str, str], DeploymentLimiter] = {}
_registry_lock = threading.Lock()


def limiter_for(endpoint: str, deployment: str, limits: Limits) -> DeploymentLimiter:
    """The process's one limiter for ``deployment`` at ``endpoint`` (made on first use)."""
    key = (endpoint.rstrip("/"), deployment)
    with _registry_lock:
        limiter = _registry.get(key)
        if limiter is None or limiter.limits != limits:
            limiter = _registry[key] = DeploymentLimiter(f"{key[0]}#{deployment}", limits)
        return limiter
