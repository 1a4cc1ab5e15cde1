"""Running activity work items: the worker's converters, bounded concurrency, timing logs."""

from __future__ import annotations

import asyncio
import logging
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime

from azure.functions.durable_functions import ActivityTriggerConverter
from azure.functions.meta import Datum

from ..app_loader import FunctionIndex
from ..invoke import Invoker
from ..worker import FunctionTimeoutError, WorkerRestartedError
from .events import Event, EventType, event
from .state import WorkItem

log = logging.getLogger("devhost")

Done = Callable[[WorkItem, Event], None]


def failure_reason(name: str, ex: BaseException) -> str:
    """TaskFailed's Reason, as the extension words it: the host's own failures (a timeout, a
    restarted worker) carry their message alone, the app's exceptions their type too."""
    if isinstance(ex, (FunctionTimeoutError, WorkerRestartedError)):
        return f"Activity function '{name}' failed: {ex}"
    return f"Activity function '{name}' failed: {type(ex).__name__}: {ex}"


def failure_details(ex: BaseException) -> str | None:
    """The traceback tail of the app's exception; the host's own failures have none."""
    if isinstance(ex, (FunctionTimeoutError, WorkerRestartedError)):
        return None
    return "".join(traceback.format_exception(ex, limit=-3))


class ActivityRunner:
    """Runs activities concurrently up to host.json's maxConcurrentActivityFunctions."""

    def __init__(self, index: FunctionIndex, invoker: Invoker, max_concurrent: int) -> None:
        self.index = index
        self.invoker = invoker
        self.max_concurrent = max_concurrent
        self._semaphore: asyncio.Semaphore | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    def submit(self, work: WorkItem, done: Done) -> None:
        """Start the activity in the background; ``done`` gets TaskCompleted/TaskFailed."""
        task = asyncio.get_running_loop().create_task(self._run(work, done))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, work: WorkItem, done: Done) -> None:
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(self.max_concurrent)
        async with self._semaphore:
            done(work, await self.execute(work))

    async def execute(self, work: WorkItem) -> Event:
        """Invoke one activity and turn its outcome into the history event DTFx records."""
        now = datetime.now(UTC)
        fn = self.index.activities.get(work.name)
        if fn is None:
            return event(EventType.TASK_FAILED, now, TaskScheduledId=work.task_id,
                         Reason=f"The function '{work.name}' doesn't exist, is disabled, or "
                                "is not an activity function.", Details=None)
        log.info("Executing 'Functions.%s' (Reason='(null)', Id=%s:%s)", work.name,
                 work.instance_id, work.task_id)
        t0 = time.perf_counter()
        try:
            value = ActivityTriggerConverter.decode(
                Datum(type="json", value=work.input or "null"), trigger_metadata=None)
            result = await self.invoker.call(fn, {fn.trigger.name: value})
            output = ActivityTriggerConverter.encode(result, expected_type=None).value
        except Exception as ex:
            ms = (time.perf_counter() - t0) * 1000
            log.info("Executed 'Functions.%s' (Failed, Id=%s:%s, Duration=%.0fms): %s: %s",
                     work.name, work.instance_id, work.task_id, ms, type(ex).__name__, ex)
            return event(EventType.TASK_FAILED, datetime.now(UTC), TaskScheduledId=work.task_id,
                         Reason=failure_reason(work.name, ex), Details=failure_details(ex))
        ms = (time.perf_counter() - t0) * 1000
        log.info("Executed 'Functions.%s' (Succeeded, Id=%s:%s, Duration=%.0fms)",
                 work.name, work.instance_id, work.task_id, ms)
        return event(EventType.TASK_COMPLETED, datetime.now(UTC), TaskScheduledId=work.task_id,
                     Result=output)

    async def drain(self) -> None:
        """Cancel running async activities (host shutdown); their work is re-run on restart."""
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
