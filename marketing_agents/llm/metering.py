"""Counting every model request made while some piece of work runs.

The writing agents report their requests in each artifact's metadata, but the LLM judge
runs inside the auditor, whose report has no place for them, so a campaign's usage left
the judge out. :func:`metering` opens a meter for the current task (a context variable,
so concurrent activities never mix their counts, and tasks or threads started from it
share it); :class:`~marketing_agents.llm.runner.ModelRunner` records every request it
sends into the open meter, failed ones included, because they were paid for.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from threading import Lock

from ..models import Usage


@dataclass
class CallMeter:
    """Requests, tokens and time spent in model requests since the meter opened."""

    calls: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    elapsed_ms: float = 0.0

    def __post_init__(self) -> None:
        self._lock = Lock()

    def add(self, tokens_in: int, tokens_out: int, elapsed_ms: float) -> None:
        with self._lock:
            self.calls += 1
            self.tokens_in += tokens_in
            self.tokens_out += tokens_out
            self.elapsed_ms = round(self.elapsed_ms + elapsed_ms, 3)

    def usage(self) -> Usage:
        """As a campaign's usage counts it (no response cache here: the judge has none)."""
        return Usage(
            llm_calls=self.calls, tokens_in=self.tokens_in, tokens_out=self.tokens_out, elapsed_ms=self.elapsed_ms
        )


_open: ContextVar[tuple[CallMeter, ...]] = ContextVar("model_call_meters", default=())


@contextmanager
def metering() -> Iterator[CallMeter]:
    """Count the model requests made inside the ``with`` block (an enclosing meter counts them too)."""
    meter = CallMeter()
    token = _open.set((*_open.get(), meter))
    try:
        yield meter
    finally:
        _open.reset(token)


def record_request(tokens_in: int, tokens_out: int, elapsed_ms: float) -> None:
    """Called by the runner for every request it sent."""
    for meter in _open.get():
        meter.add(tokens_in, tokens_out, elapsed_ms)
