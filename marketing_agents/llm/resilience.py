"""Retrying one model call: which errors are worth another try, and how long to wait.

Only transient failures are retried: connection errors, timeouts (the total one and the
silence between two streamed chunks), 408, 429, 5xx, and a stream that broke (a chunk
that is not JSON, an error event, or an end without a finish reason: a cut
connection, not a bad answer to correct). A 400 or 401 will not get better by asking
again, so it moves straight to the next model of the fallback chain.

Waits follow SPEC.md section 6 (2, 4, 8, 16 s for 5 tries) unless the server says how
long with ``Retry-After``/``retry-after-ms``; either way they get jitter so that workers
told the same thing do not come back in step. Rate limits (429) do not use up the tries:
a quota is not a fault, so a call keeps waiting its turn for up to
``rate_limit_patience_seconds`` in all before it gives up, while the shared
:mod:`.limiter` slows every other caller down.
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
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception

T = TypeVar("T")

JITTER = 0.25  # up to +25 % of the wait, so that many workers do not retry in step


@dataclass(frozen=True)
class RetryPolicy:
    max_tries: int = 5
    base_seconds: float = 2.0
    max_wait_seconds: float = 60.0
    timeout_seconds: float = 60.0
    rate_limit_patience_seconds: float = 120.0


class BrokenStream(Exception):
    """A streamed reply that broke on the way (malformed chunk, error event, cut short):
    the connection failed, not the model, so it is retried like a connection error."""


class ReplyCutOff(Exception):
    """The model stopped at the ``max_tokens`` limit (``finish_reason: length``)."""

    def __init__(self, max_tokens: int, tokens_in: int, tokens_out: int) -> None:
        super().__init__(
            f"the reply was cut off at the limit of {max_tokens} output tokens (finish_reason=length); "
            "raise MODEL_MAX_OUTPUT_TOKENS if the model allows more"
        )
        self.max_tokens = max_tokens
        self.tokens_in = tokens_in
        self.tokens_out = tokens_out


class ReplyRefused(Exception):
    """The model or its content filter declined to answer; asking again will not help."""


def is_rate_limit(error: BaseException) -> bool:
    return isinstance(error, APIStatusError) and error.status_code == 429


def is_transient(error: BaseException) -> bool:
    """True for failures that another try may fix."""
    if isinstance(error, (APITimeoutError, APIConnectionError, TimeoutError, BrokenStream)):
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
        try:
            parsed = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError):
            return None
        return max(0.0, parsed.timestamp() - time.time())


def wait_before_retry(policy: RetryPolicy, error: BaseException, attempt: int) -> float:
    """Seconds to wait after failed try number ``attempt`` (1-based), jitter included."""
    asked = retry_after_seconds(error)
    if asked is not None:
        # Everyone told "1 s" must not return at the same instant: spread by a quarter
        # of the wait (or of the base back-off when the server says 0).
        delay = asked + random.uniform(0, JITTER * max(asked, policy.base_seconds))
    else:
        delay = policy.base_seconds * float(2 ** (attempt - 1)) * (1 + random.uniform(0, JITTER))
    return min(delay, policy.max_wait_seconds)


class TryCounter:
    """Counts the requests actually sent, for the artifact's ``tries`` metadata."""

    def __init__(self) -> None:
        self.tries = 0


class _Budget:
    """tenacity's stop condition for one call: ``max_tries`` failures in all, except that
    rate limits are counted in seconds waited (``rate_limit_patience_seconds``), not tries.

    tenacity computes the wait before it asks whether to stop, so the budget sees the
    sleep it is about to allow (``upcoming_sleep``)."""

    def __init__(self, policy: RetryPolicy) -> None:
        self.policy = policy
        self.failures = 0
        self.rate_limit_waited = 0.0

    def __call__(self, state: RetryCallState) -> bool:
        error = state.outcome.exception() if state.outcome is not None else None
        if error is not None and is_rate_limit(error):
            if self.rate_limit_waited + state.upcoming_sleep > self.policy.rate_limit_patience_seconds:
                return True
            self.rate_limit_waited += state.upcoming_sleep
            return False
        self.failures += 1
        return self.failures >= self.policy.max_tries


async def call_with_retries(
    call: Callable[[], Awaitable[T]],
    policy: RetryPolicy,
    counter: TryCounter | None = None,
    *,
    timeout_each_try: bool = True,
) -> T:
    """Run ``call`` with tenacity, retrying transient errors; re-raise the last one.

    Failures other than rate limits get ``max_tries`` tries in all; rate limits are
    waited out until ``rate_limit_patience_seconds`` would be exceeded. Each try gets
    ``policy.timeout_seconds`` unless the call times itself (the model runner does, so
    that waiting in the limiter's queue is not counted against the request).
    """

    async def attempt() -> T:
        if counter is not None:
            counter.tries += 1
        if timeout_each_try:
            return await asyncio.wait_for(call(), timeout=policy.timeout_seconds)
        return await call()

    def wait(state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome is not None else None
        return wait_before_retry(policy, error, state.attempt_number) if error is not None else 0.0

    retrying = AsyncRetrying(
        retry=retry_if_exception(is_transient), wait=wait, stop=_Budget(policy), reraise=True
    )
    return await retrying(attempt)
