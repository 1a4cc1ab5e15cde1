"""The language worker: app code never stalls the front, and functionTimeout is enforced.

The sample app's poisonous functions block their event loop with ``time.sleep`` (no CPU
burnt, bounded), so every test here ends by itself. Bounds are generous liveness checks.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from devhost_helpers import SAMPLE_APP, Api

from devhost import DevHost
from devhost.config import FUNCTION_TIMEOUT_SETTING, FunctionTimeout
from devhost.testing import DevHostProcess
from devhost.worker import FunctionTimeoutError, LanguageWorker, WorkerRestartedError

TIMEOUT_REASON = "Timeout value of 00:00:01 was exceeded by function: Functions.poison"
LIVENESS = 5.0     # seconds the front may take to answer while app code is stuck


@pytest.fixture
def short(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[DevHost]:
    """devhost with functionTimeout 1 s (an app setting overriding host.json, as in Azure)."""
    monkeypatch.setenv(FUNCTION_TIMEOUT_SETTING, "00:00:01")
    with DevHost(SAMPLE_APP, tmp_path / "state",
                 settings={"CosmosDBConnection": f"LocalDocumentStore={tmp_path / 'docs.db'}"}) as h:
        yield h


def _in_background(url: str) -> tuple[threading.Thread, list[httpx.Response]]:
    got: list[httpx.Response] = []

    def get() -> None:
        with contextlib.suppress(httpx.HTTPError):   # the host may stop before it answers
            got.append(httpx.get(url, timeout=30))

    thread = threading.Thread(target=get, daemon=True)
    thread.start()
    return thread, got


def test_front_answers_while_a_function_blocks_its_loop(host: DevHost) -> None:
    """The function blocks its loop for twice the liveness bound, so a front that shared
    the loop would fail every check below. (functionTimeout is 30 min here.)"""
    blocked, got = _in_background(host.base_url + f"/api/block?seconds={2 * LIVENESS}")
    time.sleep(0.3)                          # let it start blocking the worker loop
    with httpx.Client(base_url=host.base_url, timeout=LIVENESS) as c:
        assert c.get("/admin/host/status").json()["state"] == "Running"
        assert c.get("/runtime/webhooks/durabletask/instances").status_code == 200
        assert c.get("/api/hello/ada").json()["greeting"] == "hello ada"   # a sync function
        iid = Api(host.base_url).start("fan_out", [1, 2])                  # scheduler runs
        assert c.get(f"/runtime/webhooks/durabletask/instances/{iid}").status_code in (200, 202)
        assert c.post("/api/nowhere").status_code == 404
    assert blocked.is_alive() and not got, "the blocking function should still be running"


def test_poisonous_activity_times_out_is_retried_and_fails_the_orchestration(
        short: DevHost) -> None:
    api = Api(short.base_url)
    iid = api.start("poison_flow", {"seconds": 4, "attempts": 2})
    with httpx.Client(base_url=short.base_url, timeout=LIVENESS) as c:
        time.sleep(0.3)
        assert c.get("/admin/host/status").status_code == 200
    st = api.wait(iid, timeout=30)
    assert st["runtimeStatus"] == "Failed", st
    assert TIMEOUT_REASON in st["output"]
    history = api.status(iid, showHistory="true")["historyEvents"]
    failures = [e for e in history if e["EventType"] == "TaskFailed"]
    assert len(failures) == 2 and all(TIMEOUT_REASON in e["Reason"] for e in failures)
    assert short.host.invoker.worker.restarts == 2          # each attempt wedged its loop
    # the replaced worker loop serves async functions again, and the durable client works
    r = httpx.get(short.base_url + "/api/items/7", timeout=LIVENESS)
    assert r.json() == {"id": "7"}
    r = httpx.post(short.base_url + "/api/start/fan_out", json=[3], timeout=LIVENESS)
    assert r.status_code == 202
    assert api.wait(r.json()["id"])["output"]["total"] == 6


@pytest.mark.parametrize("route", ["block", "block_sync", "wait"])
def test_timed_out_http_function_is_a_500_problem(short: DevHost, route: str) -> None:
    r = httpx.get(short.base_url + f"/api/{route}", params={"seconds": 3}, timeout=30)
    assert r.status_code == 500
    assert r.headers["content-type"] == "application/problem+json"
    assert "functionTimeout (00:00:01)" in r.json()["detail"]
    # later invocations run (a fresh worker loop / thread pool where one was stuck)
    assert httpx.get(short.base_url + "/api/items/1", timeout=LIVENESS).status_code == 200
    assert httpx.get(short.base_url + "/api/hello/x", timeout=LIVENESS).status_code == 200
    restarted = short.host.invoker.worker.restarts
    assert restarted == (1 if route == "block" else 0)   # a cooperative one is just cancelled


def _pair_rows(tmp_path: Path) -> list[str]:
    path = tmp_path / "docs.db"
    if not path.exists():
        return []
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute(
            "SELECT id FROM documents WHERE container = 'pair' ORDER BY id")]


def test_cosmos_document_over_2mb_fails_the_invocation_and_writes_nothing(
        host: DevHost, tmp_path: Path) -> None:
    signalr_before = len(host.host.signalr_output_log.read())
    # 1,050,000 two-byte characters: 2.1 MB of UTF-8, though only 1.05 M characters
    r = httpx.post(host.base_url + "/api/docs_pair", json={"chars": 1_050_000}, timeout=30)
    assert r.status_code == 500 and r.headers["content-type"] == "application/problem+json"
    assert _pair_rows(tmp_path) == []                         # not even the small document
    assert len(host.host.signalr_output_log.read()) == signalr_before    # nor the SignalR message
    r = httpx.post(host.base_url + "/api/docs_pair", json={"chars": 1_000_000}, timeout=30)
    assert r.status_code == 201                               # 2,000,0xx bytes: under 2 MB
    assert _pair_rows(tmp_path) == ["big", "small"]


@pytest.mark.slow
def test_poisonous_activity_after_sigkill_reaches_the_same_failed_outcome(tmp_path: Path) -> None:
    """A crash mid-attempt re-runs the attempt on restart; the host stays responsive and the
    orchestration still ends Failed with the timeout, instead of freezing on every start."""
    proc = DevHostProcess(SAMPLE_APP, tmp_path / "state",
                          env={FUNCTION_TIMEOUT_SETTING: "00:00:01",
                               "CosmosDBConnection": f"LocalDocumentStore={tmp_path / 'docs.db'}"})
    with proc:
        api = Api(proc.base_url)
        iid = api.start("poison_flow", {"seconds": 30, "attempts": 3})
        deadline = time.monotonic() + 10
        while "Executing 'Functions.poison'" not in proc.log() and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.kill()                           # mid-attempt: its work item is still stored
        api.http.close()
        proc.start()                          # answers status while the attempt re-runs
        api = Api(proc.base_url)
        time.sleep(0.3)
        assert httpx.get(proc.base_url + "/admin/host/status", timeout=LIVENESS).status_code == 200
        assert httpx.get(proc.base_url + "/api/hello/x", timeout=LIVENESS).status_code == 200
        st = api.wait(iid, timeout=30)
        api.http.close()
    assert st["runtimeStatus"] == "Failed", st
    assert TIMEOUT_REASON in st["output"]
    log = proc.log()
    assert "Restarting the language worker" in log
    assert log.count("Timeout value of 00:00:01 exceeded by function 'Functions.poison'") >= 3


def test_a_wedged_worker_loop_is_replaced_and_its_other_invocations_fail() -> None:
    """LanguageWorker on its own: one invocation wedges the loop past its timeout; another,
    patient one on the same loop fails as on a restarted worker; later ones run again."""
    async def wedge() -> None:
        time.sleep(2)                                       # never yields

    async def scenario() -> tuple[BaseException | None, BaseException | None, object, int]:
        worker = LanguageWorker(2, wedge_grace=0.2)
        patient = asyncio.create_task(worker.run_async(
            "patient", lambda: asyncio.sleep(30), FunctionTimeout(30, "00:00:30")))
        await asyncio.sleep(0.05)
        try:
            await worker.run_async("wedger", wedge, FunctionTimeout(0.3, "00:00:00.3"))
            wedged: BaseException | None = None
        except FunctionTimeoutError as ex:
            wedged = ex
        other = (await asyncio.gather(patient, return_exceptions=True))[0]
        after = await worker.run_async("after", lambda: asyncio.sleep(0, "ok"),
                                       FunctionTimeout(5, "00:00:05"))
        restarts = worker.restarts
        await worker.shutdown_async()
        worker.shutdown()
        return wedged, other, after, restarts

    wedged, other, after, restarts = asyncio.run(scenario())
    assert str(wedged) == "Timeout value of 00:00:00.3 was exceeded by function: Functions.wedger"
    assert isinstance(other, WorkerRestartedError) and "Functions.patient" in str(other)
    assert after == "ok" and restarts == 1
