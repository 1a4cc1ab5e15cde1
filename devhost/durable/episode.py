"""One orchestrator episode: pick the deliverable events, replay, turn new actions into work.

This is the DTFx dispatcher's job in miniature. Task ids must match the SDK's own
sequence numbers, so ids are allocated in the order the SDK allocates them: at most one
retry-related event per episode, placed first (the SDK allocates the back-off timer or
the rescheduled attempt while processing it), then one id per new action in yield order.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from .events import ActionType, Event, EventType, action_signature, event, flatten, iso
from .state import InboxItem, InstanceState, RecordedAction, RetryState, WorkItem

MAX_CUSTOM_STATUS = 16 * 1024
OUT_OF_PROC_MARKER = "$OutOfProcData$:"

Handle = Callable[[str], str]


@dataclass
class EpisodeResult:
    """What changed, for the store to persist atomically."""

    consumed_rows: list[int] = field(default_factory=list)
    dropped_rows: list[int] = field(default_factory=list)
    history_start: int = 0
    new_history: list[str] = field(default_factory=list)
    action_start: int = 0
    new_actions: list[RecordedAction] = field(default_factory=list)
    new_work: list[WorkItem] = field(default_factory=list)
    new_timers: dict[int, str] = field(default_factory=dict)
    canceled_timers: list[int] = field(default_factory=list)
    continue_as_new: bool = False
    continue_input: str | None = None
    replay_seconds: float = 0.0


def is_retry_event(inst: InstanceState, e: Event) -> bool:
    t = e["EventType"]
    return ((t == EventType.TASK_FAILED and e["TaskScheduledId"] in inst.retry_tasks)
            or (t == EventType.TIMER_FIRED and e["TimerId"] in inst.retry_timers))


def select_batch(inst: InstanceState) -> list[InboxItem]:
    """The events to deliver now. External events wait in the inbox until the orchestrator
    has an open wait for their name, which sidesteps the SDK's mishandling of events
    raised before the wait; at most one retry event per episode keeps ids in step."""
    waits = dict(inst.waits)
    retry: list[InboxItem] = []
    starts: list[InboxItem] = []
    rest: list[InboxItem] = []
    for item in inst.inbox:
        e = item.event
        if is_retry_event(inst, e):
            if not retry:
                retry.append(item)
            continue
        if e["EventType"] == EventType.EVENT_RAISED:
            open_waits = waits.get(e["Name"], 0)
            if open_waits <= 0:
                continue
            waits[e["Name"]] = open_waits - 1
        (starts if e["EventType"] == EventType.EXECUTION_STARTED else rest).append(item)
    if not inst.history and not starts:
        return []                       # nothing can run before ExecutionStarted
    return starts + retry + rest


def _handle_retry_event(inst: InstanceState, e: Event, now: datetime,
                        result: EpisodeResult, produced: list[Event]) -> None:
    """Emulate DTFx's retry interceptor: failure -> back-off timer -> next attempt."""
    if e["EventType"] == EventType.TASK_FAILED:
        st = inst.retry_tasks.pop(e["TaskScheduledId"])
        tid = inst.allocate_id()
        fire_at = iso(now + timedelta(milliseconds=st.delay_ms()))
        inst.timers[tid] = fire_at
        inst.retry_timers[tid] = st
        result.new_timers[tid] = fire_at
        produced.append(event(EventType.TIMER_CREATED, now, tid, FireAt=fire_at))
        return
    st = inst.retry_timers.pop(e["TimerId"])
    if st.attempt >= st.max_attempts:
        return                          # the SDK raises the last failure after this timer
    rid = inst.allocate_id()
    st.attempt += 1
    inst.retry_tasks[rid] = st
    produced.append(event(EventType.TASK_SCHEDULED, now, rid, Name=st.name, Input=st.input))
    _add_work(inst, rid, st.name, st.input, result)


def _add_work(inst: InstanceState, tid: int, name: str, input_: str | None,
              result: EpisodeResult) -> None:
    item = WorkItem(inst.instance_id, inst.execution_id, tid, name, input_)
    inst.work[tid] = item
    result.new_work.append(item)


def _invoke(handle: Handle, context_json: str) -> tuple[dict[str, Any], str | None]:
    """Run the SDK replay; a failing orchestrator raises with its state after a marker."""
    try:
        return json.loads(handle(context_json)), None
    except Exception as ex:
        message = str(ex)
        head, sep, tail = message.partition("\n\n" + OUT_OF_PROC_MARKER)
        state = json.loads(tail) if sep else {"isDone": True, "actions": []}
        return state, head or type(ex).__name__


def _schedule(inst: InstanceState, action: dict[str, Any], now: datetime,
              result: EpisodeResult, produced: list[Event]) -> str | None:
    """Turn one new action into history + work; returns an error for unsupported ones."""
    kind = int(action["actionType"])
    tid: int | None = None
    if kind in (ActionType.CALL_ACTIVITY, ActionType.CALL_ACTIVITY_WITH_RETRY):
        tid = inst.allocate_id()
        name, input_ = action["functionName"], action.get("input")
        produced.append(event(EventType.TASK_SCHEDULED, now, tid, Name=name, Input=input_))
        _add_work(inst, tid, name, input_, result)
        if kind == ActionType.CALL_ACTIVITY_WITH_RETRY:
            inst.retry_tasks[tid] = RetryState.from_action(action)
    elif kind == ActionType.CREATE_TIMER:
        tid = inst.allocate_id()
        inst.timers[tid] = result.new_timers[tid] = action["fireAt"]
        produced.append(event(EventType.TIMER_CREATED, now, tid, FireAt=action["fireAt"]))
    elif kind == ActionType.WAIT_FOR_EXTERNAL_EVENT:
        name = action["externalEventName"]
        inst.waits[name] = inst.waits.get(name, 0) + 1
    elif kind != ActionType.CONTINUE_AS_NEW:
        return (f"devhost does not support orchestrator action type {kind} "
                "(sub-orchestrations, entities and durable HTTP are not implemented)")
    record = RecordedAction(kind, action_signature(action)[1], tid)
    inst.actions.append(record)
    result.new_actions.append(record)
    return None


def _check_determinism(inst: InstanceState, flat: list[dict[str, Any]]) -> str | None:
    """DTFx-style: replay must reproduce every action recorded in earlier episodes."""
    for i, recorded in enumerate(inst.actions):
        replayed = action_signature(flat[i]) if i < len(flat) else None
        if replayed != (recorded.action_type, recorded.name):
            return (f"Non-Deterministic workflow detected: action #{i} was "
                    f"{(recorded.action_type, recorded.name)} in history, replay produced "
                    f"{replayed}")
    return None


def run_episode(inst: InstanceState, handle: Handle, stamp: Callable[[], datetime],
                timer_limits: tuple[str, str] | None = None) -> EpisodeResult:
    """Deliver the next batch of events to the orchestrator and record what it did.

    ``stamp`` hands out strictly increasing instants; delivered events are re-stamped so
    history timestamps increase in history order, as the SDK assumes.
    """
    now = stamp()
    batch = select_batch(inst)
    result = EpisodeResult(history_start=len(inst.history), action_start=len(inst.actions))
    taken = {item.row for item in batch}
    inst.inbox = [item for item in inst.inbox if item.row not in taken]
    result.consumed_rows = [item.row for item in batch]
    produced: list[Event] = []
    for item in batch:
        e = item.event
        if is_retry_event(inst, e):
            _handle_retry_event(inst, e, now, result, produced)
        elif e["EventType"] == EventType.TASK_COMPLETED:
            inst.retry_tasks.pop(e["TaskScheduledId"], None)
        elif e["EventType"] == EventType.EVENT_RAISED:
            inst.waits[e["Name"]] = inst.waits.get(e["Name"], 0) - 1
    new_events = [event(EventType.ORCHESTRATOR_STARTED, now)] + [i.event for i in batch]
    for e in new_events[1:]:
        e["Timestamp"] = iso(stamp())
    new_json = [json.dumps(e) for e in new_events]
    context = {"instanceId": inst.instance_id, "isReplaying": False, "parentInstanceId": None,
               "input": inst.input, "upperSchemaVersion": 1, "upperSchemaVersionNew": 2}
    if timer_limits:
        context["maximumShortTimerDuration"], context["longRunningTimerIntervalDuration"] = \
            timer_limits
    head = json.dumps(context)
    context_json = head[:-1] + ', "history": [' + ", ".join(inst.history + new_json) + "]}"
    t0 = time.perf_counter()
    state, error = _invoke(handle, context_json)
    result.replay_seconds = time.perf_counter() - t0

    flat = flatten(state.get("actions") or [])
    if error is None:
        error = _check_determinism(inst, flat)
    if error is None:
        for action in flat[len(inst.actions):]:
            error = _schedule(inst, action, now, result, produced)
            if error:
                break
    if error is None:
        for i, action in enumerate(flat[:len(inst.actions)]):
            tid = inst.actions[i].task_id
            if (action.get("isCanceled") and action["actionType"] == ActionType.CREATE_TIMER
                    and tid in inst.timers):
                del inst.timers[tid]
                result.canceled_timers.append(tid)
        if result.canceled_timers:
            canceled = set(result.canceled_timers)
            dropped = [i for i in inst.inbox if i.event.get("TimerId") in canceled
                       and i.event["EventType"] == EventType.TIMER_FIRED]
            result.dropped_rows = [i.row for i in dropped]
            inst.inbox = [i for i in inst.inbox if i not in dropped]

    custom = state.get("customStatus")
    if custom is not None:
        custom_json = json.dumps(custom)
        if error is None and len(custom_json.encode("utf-16-le")) > MAX_CUSTOM_STATUS * 2:
            error = "The custom status payload exceeds 16 KB; keep custom status small"
        else:
            inst.custom_status = custom_json
    for e in new_events:
        e["IsPlayed"] = True
    for e in produced:
        e["Timestamp"] = iso(stamp())
    stored = [json.dumps(e) for e in new_events + produced]
    stored.append(json.dumps(event(EventType.ORCHESTRATOR_COMPLETED, stamp())))
    inst.history.extend(stored)
    result.new_history = stored
    inst.updated = iso(now)
    if inst.status == "Pending":
        inst.status = "Running"
    if error is not None:
        inst.status = "Failed"
        inst.output = json.dumps(f"Orchestrator function '{inst.name}' failed: {error}")
    elif state.get("isDone"):
        can = [a for a in flat if a["actionType"] == ActionType.CONTINUE_AS_NEW]
        if can:
            result.continue_as_new = True
            result.continue_input = can[-1].get("input")
        elif not inst.timers:    # DTFx keeps the instance Running until its timers end
            inst.status = "Completed"
            inst.output = json.dumps(state.get("output"))
    return result
