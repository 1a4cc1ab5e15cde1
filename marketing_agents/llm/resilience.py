"""Retrying one model call: which errors are worth another try, and how long to wait.

Only transient failures are retried (connection errors, timeouts, 408, 429, 5xx): a 400
or 401 will not get better by asking again, so it moves straight to the next model of
the fallback chain. Waits follow SPEC.md section 6 (2, 4, 8, 16 s with jitter for 5
tries) unless the server says how long with ``Retry-After``/``retry-after-ms``, which
wins. The base is a setting so tests can shrink the waits without changing the shape.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from openai import APIConnectionError, APIStatusError, APITimeoutError
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt
from tenacity.wait import wait_base

T = TypeVar("T")

JITTER = 0.25  # up to +25 % of the base delay, so that many workers do not retry in step


@dataclass(frozen=True)
class RetryPolicy:
    max_tries: int = 5
    base_seconds: float = 2.0
    max_wait_seconds: float = 60.0
    timeout_seconds: float = 60.0


def is_transient(error: BaseException) -> bool:
    """True for failures that another try may fix."""
    if isinstance(error, (APITimeoutError, APIConnectionError, TimeoutError)):
        return True
    if isinstance(error, APIStatusError):
        return error.status_code in (408, 429) or error.status_code >= 500
    return False


def retry_after_seconds(error: BaseException | None) -> float | None:
    """The wait the server asked for, from ``retry-after-ms`` or ``Retry-After``."""
    if not isinstance(error, APIStatusError):
        return None
    headers = error.response.headers
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return max(0.0, float(millis) / 1000.0)
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if raw is None:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(raw) if raw else None
        if parsed is None:
            return None
        return max(0.0, parsed.timestamp() - time.time())


class BackoffWait(wait_base):
    """Exponential back-off with jitter, overridden by the server's Retry-After."""

    def __init__(self, policy: RetryPolicy) -> None:
        self.policy = policy

    def __call__(self, retry_state: RetryCallState) -> float:
        error = retry_state.outcome.exception() if retry_state.outcome else None
        asked = retry_after_seconds(error)
        if asked is not None:
            return min(asked, self.policy.max_wait_seconds)
        delay = self.policy.base_seconds * float(2 ** (retry_state.attempt_number - 1))
        delay *= 1 + random.uniform(0, JITTER)
        return min(delay, self.policy.max_wait_seconds)


class TryCounter:
    """Counts the requests actually sent, for the artifact's ``tries`` metadata."""

    def __init__(self) -> None:
        self.tries = 0


async def call_with_retries(call: Callable[[], Awaitable[T]], policy: RetryPolicy, counter: TryCounter) -> T:
    """Run ``call`` with a per-try timeout, retrying transient errors; re-raise the last."""

    async def one_try() -> T:
        counter.tries += 1
        return await asyncio.wait_for(call(), timeout=policy.timeout_seconds)

    retrying = AsyncRetrying(
        stop=stop_after_attempt(policy.max_tries),
        wait=BackoffWait(policy),
        retry=retry_if_exception(is_transient),
        reraise=True,
    )
    return await retrying(one_try)
