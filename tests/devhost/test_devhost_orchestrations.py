"""Durable semantics through the management API, against the sample app."""

from __future__ import annotations

import json
import sys

from devhost_helpers import WEBHOOK, Api

from devhost import DevHost


def _events(st: dict, kind: str) -> list[dict]:
    return [e for e in st.get("historyEvents", []) if e["EventType"] == kind]


def test_fan_out_fan_in(api: Api) -> None:
    iid = api.start("fan_out", [1, 2, 3, 4])
    st = api.wait(iid)
    assert st["runtimeStatus"] == "Completed"
    assert st["output"] == {"parts": [2, 4, 6, 8], "total": 20}
    assert st["customStatus"] == {"stage": "done"}
    assert st["input"] == [1, 2, 3, 4]


def test_retry_succeeds_after_failures(api: Api) -> None:
    iid = api.start("retry_flow", {"key": "r-ok", "fail_times": 2, "attempts": 4})
    st = api.wait(iid)
    assert st["output"] == {"result": "ok after 3", "after": 42}
    full = api.status(iid, showHistory="true")
    ids = [e["EventId"] for e in full["historyEvents"]
           if e["EventType"] in ("TaskScheduled", "TimerCreated")]
    assert ids == list(range(len(ids)))           # ids allocated like the SDK's sequence
    assert len(_events(full, "TimerCreated")) == 2


def test_retry_exhausted_raises_in_orchestrator(api: Api) -> None:
    iid = api.start("retry_flow", {"key": "r-bad", "fail_times": 99, "attempts": 3})
    st = api.wait(iid)
    assert st["runtimeStatus"] == "Completed"
    assert "flaky failure 3" in st["output"]["error"]
    assert sys.modules["function_app"].CALLS["r-bad"] == 3


def test_event_beats_timer_and_timer_is_canceled(vhost: DevHost, vapi: Api) -> None:
    iid = vapi.start("race", {"timeout": 3600})
    vapi.wait_for(iid, lambda st: _events(st, "TimerCreated"))
    assert vapi.raise_event(iid, "approval", {"ok": True}).status_code == 202
    st = vapi.wait(iid)
    assert st["output"]["decision"] == {"ok": True}
    assert vhost.host.store.conn.execute("SELECT COUNT(*) FROM timers").fetchone()[0] == 0


def test_timer_wins_when_clock_advances(vhost: DevHost, vapi: Api) -> None:
    iid = vapi.start("race", {"timeout": 3600})
    vapi.wait_for(iid, lambda st: _events(st, "TimerCreated"))
    vhost.clock.advance(1800)
    assert vapi.status(iid)["runtimeStatus"] == "Running"
    vhost.clock.advance(1801)
    st = vapi.wait(iid)
    assert st["output"]["decision"] == "timeout"
    assert st["runtimeStatus"] == "Completed"


def test_event_raised_before_the_wait_is_delivered(api: Api) -> None:
    iid = api.start("wait_after_work", {"seconds": 0.3})
    assert api.raise_event(iid, "go", "first").status_code == 202
    assert api.raise_event(iid, "go", "second").status_code == 202
    st = api.wait(iid)
    assert st["runtimeStatus"] == "Completed", st
    assert st["output"] == {"slow": 0.3, "events": ["first", "second"]}


def test_continue_as_new_carries_buffered_events(api: Api) -> None:
    iid = api.start("counter", {"n": 0, "seen": []})
    api.raise_event(iid, "extra", {"x": 1})           # buffered across executions
    st = api.wait(iid)
    assert st["runtimeStatus"] == "Completed", st
    assert st["output"] == {"n": 3, "seen": [0, 2, 4], "extra": {"x": 1}}
    history = api.status(iid, showHistory="true")["historyEvents"]
    assert len(_events({"historyEvents": history}, "ExecutionStarted")) == 1


def test_terminate(api: Api) -> None:
    iid = api.start("forever")
    api.wait_for(iid, lambda st: _events(st, "TaskCompleted"))
    r = api.http.post(f"{WEBHOOK}/instances/{iid}/terminate", params={"reason": "enough"})
    assert r.status_code == 202
    st = api.status(iid)
    assert st["runtimeStatus"] == "Terminated" and st["output"] == "enough"
    assert api.raise_event(iid, "never", 1).status_code == 410
    assert api.http.post(f"{WEBHOOK}/instances/{iid}/terminate").status_code == 410


def test_nondeterminism_fails_the_instance(api: Api) -> None:
    iid = api.start("nondeterministic")
    st = api.wait(iid)
    assert st["runtimeStatus"] == "Failed"
    assert "Non-Deterministic" in st["output"]


def test_orchestrator_exception_fails_with_message(api: Api) -> None:
    st = api.wait(api.start("failing"))
    assert st["runtimeStatus"] == "Failed"
    assert "orchestrator gave up" in st["output"]


def test_management_errors_and_queries(api: Api) -> None:
    r = api.http.post(f"{WEBHOOK}/orchestrators/nope")
    assert r.status_code == 400 and "nope" in r.json()["ExceptionMessage"]
    assert api.http.get(f"{WEBHOOK}/instances/missing").status_code == 404
    assert api.raise_event("missing", "x", 1).status_code == 404
    done = api.start("fan_out", [1], instance_id="fixed-id")
    assert api.wait(done)["runtimeStatus"] == "Completed"
    running = api.start("forever")
    api.wait_for(running, lambda st: st["runtimeStatus"] == "Running")
    assert api.http.post(f"{WEBHOOK}/orchestrators/forever/{running}").status_code == 409
    listed = api.http.get(f"{WEBHOOK}/instances",
                          params={"runtimeStatus": "Running"}).json()
    assert [s["instanceId"] for s in listed] == [running]
    assert len(api.http.get(f"{WEBHOOK}/instances/").json()) == 2
    again = api.start("fan_out", [5], instance_id="fixed-id")   # replaces a finished one
    assert api.wait(again)["output"]["total"] == 10
    assert api.http.delete(f"{WEBHOOK}/instances/fixed-id").json() == {"instancesDeleted": 1}
    assert api.http.get(f"{WEBHOOK}/instances/fixed-id").status_code == 404


def test_history_timestamps_strictly_increase(api: Api) -> None:
    iid = api.start("retry_flow", {"key": "ts", "fail_times": 1, "attempts": 2})
    api.wait(iid)
    raw = api.status(iid, showHistory="true")["historyEvents"]
    stamps = [e["Timestamp"] for e in raw]
    assert all(s.endswith("Z") for s in stamps)
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert json.dumps(raw)  # serialisable
