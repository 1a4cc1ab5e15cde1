"""The in-memory state of one orchestration instance between episodes.

History is the source of truth for the SDK; the rest (next task id, outstanding timers,
retries and waits, recorded action signatures) is the host-side bookkeeping DTFx keeps,
persisted alongside so a restarted host continues with the same task ids.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .events import Event

TERMINAL = frozenset({"Completed", "Failed", "Terminated"})
ACTIVE = frozenset({"Pending", "Running"})


@dataclass
class RetryState:
    """A CallActivityWithRetry in flight: what to reschedule and how long to back off."""

    name: str
    input: str | None
    attempt: int
    max_attempts: int
    first_ms: float
    coefficient: float = 1.0
    max_interval_ms: float | None = None

    def delay_ms(self) -> float:
        """DTFx back-off after the ``attempt``-th failure: first * coeff^(attempt-1), capped."""
        delay = self.first_ms * (self.coefficient ** (self.attempt - 1))
        if self.max_interval_ms is not None:
            delay = min(delay, self.max_interval_ms)
        return delay

    @classmethod
    def from_action(cls, action: dict[str, Any]) -> RetryState:
        opts = action.get("retryOptions") or {}
        max_interval = opts.get("maxRetryIntervalInMilliseconds")
        return cls(name=action["functionName"], input=action.get("input"), attempt=1,
                   max_attempts=int(opts.get("maxNumberOfAttempts", 1)),
                   first_ms=float(opts.get("firstRetryIntervalInMilliseconds", 1000)),
                   coefficient=float(opts.get("backoffCoefficient", 1.0)),
                   max_interval_ms=None if max_interval is None else float(max_interval))


@dataclass
class RecordedAction:
    """One action the orchestrator scheduled: its signature and the task id it got."""

    action_type: int
    name: str | None
    task_id: int | None


@dataclass
class InboxItem:
    """A history event waiting to be delivered; ``row`` is its inbox table key."""

    row: int
    event: Event


@dataclass
class WorkItem:
    """An activity to run (or re-run after a crash) for one execution of an instance."""

    instance_id: str
    execution_id: str
    task_id: int
    name: str
    input: str | None


@dataclass
class InstanceState:
    """Everything the scheduler needs to run the next episode of an instance."""

    instance_id: str
    name: str
    execution_id: str
    input: str | None
    status: str = "Pending"
    output: str | None = None
    custom_status: str | None = None
    created: str = ""
    updated: str = ""
    history: list[str] = field(default_factory=list)   # event JSON, IsPlayed=true
    inbox: list[InboxItem] = field(default_factory=list)
    actions: list[RecordedAction] = field(default_factory=list)
    next_id: int = 0
    timers: dict[int, str] = field(default_factory=dict)         # task id -> FireAt
    retry_tasks: dict[int, RetryState] = field(default_factory=dict)
    retry_timers: dict[int, RetryState] = field(default_factory=dict)
    waits: dict[str, int] = field(default_factory=dict)          # event name -> open waits
    work: dict[int, WorkItem] = field(default_factory=dict)

    def allocate_id(self) -> int:
        """The next task id, in the same order the SDK's sequence number advances."""
        self.next_id += 1
        return self.next_id - 1

    def runtime_json(self) -> str:
        """The bookkeeping not derivable from rows (ids, retries, waits) as one small blob."""
        def retry(d: dict[int, RetryState]) -> dict[str, Any]:
            return {str(k): vars(v) for k, v in d.items()}
        return json.dumps({"next_id": self.next_id, "waits": self.waits,
                           "retry_tasks": retry(self.retry_tasks),
                           "retry_timers": retry(self.retry_timers)})

    def load_runtime(self, blob: str | None) -> None:
        if not blob:
            return
        data = json.loads(blob)
        self.next_id = int(data.get("next_id", 0))
        self.waits = {str(k): int(v) for k, v in data.get("waits", {}).items()}
        self.retry_tasks = {int(k): RetryState(**v) for k, v in data.get("retry_tasks", {}).items()}
        self.retry_timers = {int(k): RetryState(**v)
                             for k, v in data.get("retry_timers", {}).items()}
