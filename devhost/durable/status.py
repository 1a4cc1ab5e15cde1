"""Instance status JSON in the shape the SDK's DurableOrchestrationStatus.from_json reads."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from .events import EventType, parse_iso
from .scheduler import Scheduler
from .state import InstanceState

HIDDEN_EVENTS = {EventType.ORCHESTRATOR_STARTED, EventType.ORCHESTRATOR_COMPLETED}


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _row_of(inst: InstanceState) -> dict[str, Any]:
    return {"id": inst.instance_id, "name": inst.name, "status": inst.status,
            "input": inst.input, "output": inst.output, "custom_status": inst.custom_status,
            "created": inst.created, "updated": inst.updated}


def history_for_display(events: list[str], show_output: bool) -> list[dict[str, Any]]:
    """The history as the management API shows it: named event types, no episode markers."""
    out = []
    for raw in events:
        e = json.loads(raw)
        kind = e.pop("EventType")
        if kind in HIDDEN_EVENTS:
            continue
        e.pop("IsPlayed", None)
        entry: dict[str, Any] = {"EventType": EventType.NAMES.get(kind, str(kind)), **e}
        if not show_output:
            entry.pop("Result", None)
        out.append(entry)
    return out


def status_json(row: dict[str, Any], show_input: bool = True,
                history: list[str] | None = None, show_output: bool = False) -> dict[str, Any]:
    status: dict[str, Any] = {
        "name": row["name"], "instanceId": row["id"], "runtimeStatus": row["status"],
        "input": _loads(row["input"]) if show_input else None,
        "customStatus": _loads(row["custom_status"]), "output": _loads(row["output"]),
        "createdTime": row["created"], "lastUpdatedTime": row["updated"],
    }
    if history is not None:
        status["historyEvents"] = history_for_display(history, show_output)
    return status


def get_status(scheduler: Scheduler, iid: str, show_history: bool = False,
               show_output: bool = False, show_input: bool = True) -> dict[str, Any] | None:
    """Live state for active instances (the loop's view), the database for the rest."""
    inst = scheduler.active.get(iid)
    row = _row_of(inst) if inst is not None else scheduler.store.instance_row(iid)
    if row is None:
        return None
    history = None
    if show_history:
        history = list(inst.history) if inst is not None else scheduler.store.history(iid)
    return status_json(row, show_input, history, show_output)


def list_statuses(scheduler: Scheduler, statuses: list[str] | None = None,
                  created_from: datetime | None = None, created_to: datetime | None = None,
                  prefix: str | None = None, show_input: bool = False) -> list[dict[str, Any]]:
    rows = {r["id"]: r for r in scheduler.store.instance_rows(statuses)}
    for inst in scheduler.active.values():
        if not statuses or inst.status in statuses:
            rows[inst.instance_id] = _row_of(inst)
    out = []
    for row in sorted(rows.values(), key=lambda r: r["created"]):
        created = parse_iso(row["created"])
        if created_from and created < created_from:
            continue
        if created_to and created > created_to:
            continue
        if prefix and not row["id"].startswith(prefix):
            continue
        out.append(status_json(row, show_input))
    return out
