"""devhost as a subprocess: the CLI, crash (SIGKILL) and resume on the same state dir."""

from __future__ import annotations

import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from devhost_helpers import SAMPLE_APP, Api

from devhost.testing import REPO_ROOT, DevHostProcess

pytestmark = pytest.mark.slow


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "devhost", *args], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=30)


def test_cli_help_and_one_line_errors(tmp_path: Path) -> None:
    r = _cli("--help")
    assert r.returncode == 0 and "--virtual-clock" in r.stdout and "--state" in r.stdout
    r = _cli("--app", str(tmp_path / "nowhere"))
    assert r.returncode == 2 and "no function_app.py" in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1

    app = tmp_path / "app"
    app.mkdir()
    shutil.copy(SAMPLE_APP / "function_app.py", app)
    (app / "local.settings.json").write_text('{"Values": {"A": 1,}}')
    r = _cli("--app", str(app), "--port", "0")
    assert r.returncode == 2 and "local.settings.json: invalid JSON" in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1

    (app / "local.settings.json").unlink()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = _cli("--app", str(app), "--port", str(port), "--state", str(tmp_path / "s"))
    assert r.returncode == 2 and "already in use" in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def _documents(path: Path) -> list[tuple[str, int, int]]:
    if not path.exists():
        return []
    try:
        with sqlite3.connect(path) as conn:
            rows = conn.execute("SELECT id, json_extract(body, '$.value'), "
                                "json_extract(body, '$.pid') FROM documents "
                                "WHERE container = 'batch'").fetchall()
    except sqlite3.OperationalError:       # created but the table is not there yet
        return []
    return [(str(i), int(v), int(p)) for i, v, p in rows]


def test_sigkill_mid_orchestration_then_resume(tmp_path: Path) -> None:
    docs = tmp_path / "docs.db"
    proc = DevHostProcess(SAMPLE_APP, tmp_path / "state", virtual_clock=True,
                          env={"CosmosDBConnection": f"LocalDocumentStore={docs}"})
    with proc:
        api = Api(proc.base_url)
        batch = [api.start("slow_batch", {"seconds": 0.8}) for _ in range(4)]
        waiting = api.start("wait_after_work", {"seconds": 0.01})
        assert api.raise_event(waiting, "go", "before crash").status_code == 202
        timed = api.start("race", {"timeout": 600})
        deadline = time.monotonic() + 10
        while not _documents(docs) and time.monotonic() < deadline:
            time.sleep(0.02)
        before = {i: api.status(i)["runtimeStatus"] for i in batch}
        proc.kill()
        api.http.close()
        written_before = _documents(docs)
        assert written_before, "the crash should happen after some activities finished"
        assert set(before.values()) == {"Running"}
        assert len(written_before) < 16

        proc.start()
        api = Api(proc.base_url)
        assert api.raise_event(waiting, "go", "after crash").status_code == 202
        proc.advance_clock(601)
        results = [api.wait(i, timeout=20) for i in batch]
        assert [r["output"] for r in results] == [103] * 4, results
        assert api.wait(waiting)["output"]["events"] == ["before crash", "after crash"]
        assert api.wait(timed)["output"]["decision"] == "timeout"
        api.http.close()

    rows = _documents(docs)
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)) == 16           # exactly one document per id
    expected = {f"{i}-{n}" for i in batch for n in ("0", "1", "2", "audit")}
    assert set(ids) == expected
    assert len({pid for _, _, pid in rows}) == 2     # written by both host processes
