"""The orchestration dispatcher: one loop owns all instance state and the state database.

Every change (client commands, activity results, fired timers, episodes) is applied in
rounds; a round commits once, so an episode's consumed inbox, new history and new work
land together, and many instances share one fsync. Work and timers are started only
after the commit that recorded them, so a crash can lose nothing that was acknowledged.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import json
import logging
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from ..app_loader import FunctionIndex
from ..clock import Clock
from .activities import ActivityRunner
from .episode import run_episode, select_batch
from .events import Event, EventType, event, install_fast_timestamps, iso, parse_iso
from .state import ACTIVE, InstanceState, WorkItem
from .store import StateStore

log = logging.getLogger("devhost")
EPISODES_PER_ROUND = 64   # bounds how long one round holds the event loop


class ClientError(Exception):
    """A management request that cannot be honoured; ``status`` is the HTTP code."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


Command = Callable[[], Any]


class Scheduler:
    """Owns the active instances, runs episodes, dispatches activities and timers."""

    def __init__(self, index: FunctionIndex, store: StateStore, clock: Clock,
                 activities: ActivityRunner, timer_limits: tuple[str, str] | None = None) -> None:
        install_fast_timestamps()
        self.index = index
        self.store = store
        self.clock = clock
        self.activities = activities
        self.timer_limits = timer_limits
        self.active: dict[str, InstanceState] = {}
        self._ready: dict[str, None] = {}
        self._commands: list[tuple[Command, asyncio.Future[Any]]] = []
        self._completions: list[tuple[WorkItem, Event]] = []
        self._timers: list[tuple[datetime, str, str, int]] = []
        self._dispatch: list[WorkItem] = []
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        clock.on_change(self._wake_threadsafe)

    # ------------------------------------------------------------------ lifecycle
    async def start(self) -> None:
        """Resume every Pending/Running instance, then start the dispatch loop."""
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        last = self.store.last_update()
        if last:
            self.clock.observe(parse_iso(last))
        for inst in self.store.load_active():
            self.active[inst.instance_id] = inst
            self._ready[inst.instance_id] = None
            self._dispatch.extend(inst.work.values())
            for tid, fire_at in inst.timers.items():
                self._arm(inst, tid, fire_at)
        if self.active:
            log.info("Resuming %d orchestration instance(s)", len(self.active))
        self._task = asyncio.create_task(self._run())
        self._wake.set()

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        await self.activities.drain()

    def _wake_threadsafe(self) -> None:
        if self._loop is not None and self._wake is not None:
            self._loop.call_soon_threadsafe(self._wake.set)

    async def submit(self, command: Command) -> Any:
        """Run ``command`` inside the next round's transaction; resolve after its commit."""
        assert self._loop is not None and self._wake is not None
        future: asyncio.Future[Any] = self._loop.create_future()
        self._commands.append((command, future))
        self._wake.set()
        return await future

    # ------------------------------------------------------------------ the loop
    async def _run(self) -> None:
        assert self._wake is not None
        while True:
            timeout = self._next_timer_delay()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout)
            self._wake.clear()
            try:
                self._round()
            except Exception:
                log.exception("devhost scheduler round failed")
            if self._ready:
                self._wake.set()
            await asyncio.sleep(0)

    def _next_timer_delay(self) -> float | None:
        if not self._timers or self.clock.virtual:
            return None
        return max(0.0, (self._timers[0][0] - self.clock.peek()).total_seconds())

    def _round(self) -> None:
        commands, self._commands = self._commands, []
        completions, self._completions = self._completions, []
        outcomes: list[tuple[asyncio.Future[Any], Any, BaseException | None]] = []
        finished: list[str] = []
        try:
            self._apply(commands, completions, outcomes, finished)
        except BaseException as ex:
            for _, future in commands:
                if not future.done():
                    future.set_exception(RuntimeError(f"devhost state update failed: {ex}"))
            raise
        for future, value, error in outcomes:
            if future.done():
                continue
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(value)
        for iid in finished:
            inst = self.active.get(iid)
            if inst is not None and inst.status not in ACTIVE:
                del self.active[iid]
        dispatch, self._dispatch = self._dispatch, []
        for work in dispatch:
            self.activities.submit(work, self._on_activity_done)

    def _apply(self, commands: list[tuple[Command, asyncio.Future[Any]]],
               completions: list[tuple[WorkItem, Event]],
               outcomes: list[tuple[asyncio.Future[Any], Any, BaseException | None]],
               finished: list[str]) -> None:
        """Everything of one round, in one transaction."""
        with self.store.transaction():
            for command, future in commands:
                try:
                    outcomes.append((future, command(), None))
                except ClientError as ex:
                    outcomes.append((future, None, ex))
            for work, result in completions:
                self._record_completion(work, result)
            self._fire_due_timers()
            for _ in range(EPISODES_PER_ROUND):
                if not self._ready:
                    break
                iid = next(iter(self._ready))
                del self._ready[iid]
                inst = self.active.get(iid)
                if inst is not None and inst.status in ACTIVE and select_batch(inst):
                    self._episode(inst)
                    if inst.status not in ACTIVE:
                        finished.append(iid)
                    elif select_batch(inst):
                        self._ready[iid] = None

    def _on_activity_done(self, work: WorkItem, result: Event) -> None:
        self._completions.append((work, result))
        if self._wake is not None:
            self._wake.set()

    def _record_completion(self, work: WorkItem, result: Event) -> None:
        """Recorded only now, after the activity's bindings were applied: at-least-once."""
        self.store.delete_work(work.instance_id, work.task_id)
        inst = self.active.get(work.instance_id)
        if (inst is None or inst.execution_id != work.execution_id
                or inst.work.pop(work.task_id, None) is None):
            return                                  # stale: terminated, replaced, continued
        inst.inbox.append(self.store.new_inbox_item(inst.instance_id, result))
        self._ready[inst.instance_id] = None

    def _arm(self, inst: InstanceState, tid: int, fire_at: str) -> None:
        heapq.heappush(self._timers, (parse_iso(fire_at), inst.instance_id,
                                      inst.execution_id, tid))

    def _fire_due_timers(self) -> None:
        now = self.clock.peek()
        while self._timers and self._timers[0][0] <= now:
            _, iid, execution_id, tid = heapq.heappop(self._timers)
            inst = self.active.get(iid)
            if inst is None or inst.execution_id != execution_id or tid not in inst.timers:
                continue                                # canceled or stale
            fire_at = inst.timers.pop(tid)
            self.store.delete_timers(iid, [tid])
            fired = event(EventType.TIMER_FIRED, self.clock.now(), TimerId=tid, FireAt=fire_at)
            inst.inbox.append(self.store.new_inbox_item(iid, fired))
            self._ready[iid] = None

    # ------------------------------------------------------------------ episodes
    def _episode(self, inst: InstanceState) -> None:
        fn = self.index.orchestrators.get(inst.name)
        if fn is None:
            inst.status = "Failed"
            inst.output = json.dumps(f"The orchestrator '{inst.name}' is not registered")
            self.store.save_instance(inst)
            return
        t0 = time.perf_counter()
        try:
            result = run_episode(inst, fn.user_function, self.clock.now, self.timer_limits)
        except Exception as ex:    # a devhost bug must not take other instances down
            log.exception("devhost failed to run an episode of %s", inst.instance_id)
            inst.status = "Failed"
            inst.output = json.dumps(f"devhost internal error: {type(ex).__name__}: {ex}")
            self._end_execution(inst)
            return
        iid = inst.instance_id
        self.store.delete_inbox(result.consumed_rows + result.dropped_rows)
        self.store.append_history(iid, result.history_start, result.new_history)
        self.store.append_actions(iid, result.action_start, result.new_actions)
        self.store.add_work(result.new_work)
        self.store.add_timers(iid, result.new_timers)
        self.store.delete_timers(iid, result.canceled_timers)
        self._dispatch.extend(result.new_work)
        for tid, fire_at in result.new_timers.items():
            self._arm(inst, tid, fire_at)
        ms = (time.perf_counter() - t0) * 1000
        if result.continue_as_new:
            self._continue_as_new(inst, result.continue_input)
        elif inst.status not in ACTIVE:
            self._end_execution(inst)
        else:
            self.store.save_instance(inst)
        log.info("Executed 'Functions.%s' (%s, Id=%s, Duration=%.0fms)", inst.name,
                 "Failed" if inst.status == "Failed" else "Succeeded", iid, ms)

    def _end_execution(self, inst: InstanceState) -> None:
        """A finished instance keeps its history and row; pending work is forgotten."""
        self.store.end_execution(inst.instance_id)
        inst.inbox.clear()
        inst.work.clear()
        inst.timers.clear()
        self.store.save_instance(inst)

    def _continue_as_new(self, inst: InstanceState, input_: str | None) -> None:
        """Fresh history and bookkeeping; buffered external events carry over."""
        self.store.clear_execution(inst.instance_id, keep_events=True)
        carried = [i for i in inst.inbox if i.event["EventType"] == EventType.EVENT_RAISED]
        fresh = InstanceState(inst.instance_id, inst.name, uuid.uuid4().hex, input_,
                              status="Running", custom_status=inst.custom_status,
                              created=inst.created, updated=iso(self.clock.now()))
        fresh.inbox = carried
        self._start_event(fresh)
        self.active[inst.instance_id] = fresh
        self.store.save_instance(fresh)
        self._ready[inst.instance_id] = None

    def _start_event(self, inst: InstanceState) -> None:
        started = event(EventType.EXECUTION_STARTED, self.clock.now(), Name=inst.name,
                        Version="", Input=inst.input,
                        OrchestrationInstance={"InstanceId": inst.instance_id,
                                               "ExecutionId": inst.execution_id})
        inst.inbox.append(self.store.new_inbox_item(inst.instance_id, started))

    # ------------------------------------------------------------------ commands
    def cmd_start(self, name: str, input_: str | None, instance_id: str | None) -> str:
        if name not in self.index.orchestrators:
            raise ClientError(400, f"The function '{name}' doesn't exist, is disabled, or "
                                   "is not an orchestrator function.")
        iid = instance_id or uuid.uuid4().hex
        if iid in self.active and self.active[iid].status in ACTIVE:
            raise ClientError(409, f"An orchestration with instance ID '{iid}' already "
                                   "exists and is running.")
        if self.store.instance_row(iid) is not None:
            self.store.purge(iid)                     # replace a finished instance
        now = iso(self.clock.now())
        inst = InstanceState(iid, name, uuid.uuid4().hex, input_, created=now, updated=now)
        self._start_event(inst)
        self.store.save_instance(inst)
        self.active[iid] = inst
        self._ready[iid] = None
        log.info("Started orchestration '%s' (Id=%s)", name, iid)
        return iid

    def _require_active(self, iid: str) -> InstanceState:
        inst = self.active.get(iid)
        if inst is not None and inst.status in ACTIVE:
            return inst
        if self.store.instance_row(iid) is None:
            raise ClientError(404, f"No instance with ID '{iid}' found.")
        raise ClientError(410, f"Instance with ID '{iid}' is gone: either completed or failed.")

    def cmd_raise(self, iid: str, name: str, data: str | None) -> None:
        inst = self._require_active(iid)
        raised = event(EventType.EVENT_RAISED, self.clock.now(), Name=name, Input=data)
        inst.inbox.append(self.store.new_inbox_item(iid, raised))
        self._ready[iid] = None

    def cmd_terminate(self, iid: str, reason: str) -> None:
        inst = self._require_active(iid)
        now = self.clock.now()
        terminated = json.dumps(event(EventType.EXECUTION_TERMINATED, now, Input=reason))
        self.store.append_history(iid, len(inst.history), [terminated])
        inst.history.append(terminated)
        inst.status, inst.output, inst.updated = "Terminated", json.dumps(reason), iso(now)
        self._end_execution(inst)
        del self.active[iid]
        self._ready.pop(iid, None)
        log.info("Terminated orchestration '%s' (Id=%s): %s", inst.name, iid, reason)

    def cmd_purge(self, iid: str) -> int:
        self.active.pop(iid, None)
        self._ready.pop(iid, None)
        return 1 if self.store.purge(iid) else 0
