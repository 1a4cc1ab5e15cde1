"""The dashboard end to end in a real browser: the app on devhost (tests/app_host.py) with
slow simulated agents, so a campaign is observably "mid-way" for a few seconds, and the
node suite in web/e2e (playwright-core driving Debian's headless Chromium, axe-core in each
page) run against it with BASE_URL. Its output is streamed to the terminal as it runs (the
figures it prints — chunk delay, JS shipped — are for the closing note, never asserted).

Without Chromium or node this is a skip with the reason on a laptop, and a failure in CI
(CI=true), where the browser tests must run. Screenshots land in tests/web/artifacts/ and,
with E2E_UPDATE_SCREENSHOTS=1 after a passing run, are copied to docs/screenshots/."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from marketing_agents.testing.simulated import simulated_settings
from tests.app_host import app_host
from tests.web.dashboard_build import BuildError, build_dashboard, e2e_dependencies, js_shipped, typecheck_e2e

ROOT = Path(__file__).resolve().parents[2]
E2E_DIR = ROOT / "web" / "e2e"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SCREENSHOTS_DOC = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ACCESS_KEY = "e2e-dashboard-access-key-0123456789abcdefghij"
USER = "e2e-user"
# Each agent call and audit waits this long first, so a test can reload or drop the
# connection while a campaign is still being written (marketing_agents/testing/simulated.py).
AGENT_LATENCY_MS = 700
CHUNK_PACE_MS = 60  # the copy streams over a second or two, as a model's would
# The screens the README shows (docs/screenshots/); every screenshot stays in ARTIFACTS.
DOC_SCREENS = ("campaign-list", "create-form", "campaign-live", "campaign-finding-highlighted", "campaign-edit",
               "campaign-diff", "campaign-approved", "connection-lost", "check-copy")
SUITE_TIMEOUT_SECONDS = 900  # liveness only: a hung browser must not hang the suite

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def unavailable(reason: str) -> None:
    """Skip on a developer's machine; fail in CI, where the browser tests must run."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"the dashboard's browser tests are required in CI: {reason}")
    pytest.skip(f"the dashboard's browser tests cannot run here: {reason}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def restored_environ() -> Iterator[None]:
    """devhost copies its settings into os.environ for the app; put them back afterwards so
    no later test in this process runs with simulated agents."""
    saved = dict(os.environ)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def stream(process: subprocess.Popen[str], log_path: Path) -> None:
    """Copy the suite's output to the terminal (line by line, as it comes) and to a log."""
    assert process.stdout is not None
    with log_path.open("w", encoding="utf-8") as log:
        for line in process.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            log.write(line)


def run_suite(base_url: str, log_path: Path) -> int:
    env = {
        **os.environ,
        "BASE_URL": base_url,
        "E2E_USER": USER,
        "E2E_ARTIFACTS": str(ARTIFACTS),
        "CHROMIUM_PATH": CHROMIUM,
        "FORCE_COLOR": "0",
    }
    # Its own process group: on a hang, npm, node and Chromium all go, not just npm.
    process = subprocess.Popen(["npm", "test", "--silent"], cwd=E2E_DIR, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace",
                               start_new_session=True)
    reader = threading.Thread(target=stream, args=(process, log_path), daemon=True)
    reader.start()
    try:
        code = process.wait(timeout=SUITE_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        reader.join(timeout=5)
        pytest.fail(f"the browser suite did not finish in {SUITE_TIMEOUT_SECONDS} s (see {log_path})")
    reader.join(timeout=10)
    return code


def update_screenshots() -> list[str]:
    """With E2E_UPDATE_SCREENSHOTS=1, the main screens this run saw become docs/screenshots/."""
    if os.environ.get("E2E_UPDATE_SCREENSHOTS") != "1":
        return []
    SCREENSHOTS_DOC.mkdir(parents=True, exist_ok=True)
    copied = []
    for name in DOC_SCREENS:
        shot = ARTIFACTS / f"{name}.png"
        if shot.is_file():
            shutil.copy2(shot, SCREENSHOTS_DOC / shot.name)
            copied.append(shot.name)
    return copied


def test_dashboard_in_headless_chromium(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not Path(CHROMIUM).is_file():
        unavailable(f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium; .ci/run does it)")
    if shutil.which("node") is None or shutil.which("npm") is None:
        unavailable("node and npm are not installed")
    try:
        build_dashboard(ROOT)
        e2e_dependencies(E2E_DIR)
        typecheck_e2e(E2E_DIR)
    except BuildError as error:
        pytest.fail(str(error))

    if ARTIFACTS.exists():
        shutil.rmtree(ARTIFACTS)
    ARTIFACTS.mkdir(parents=True)
    port = free_port()
    settings = {
        "AzureSignalRConnectionString": f"Endpoint=http://127.0.0.1:{port};AccessKey={ACCESS_KEY};Version=1.0;",
        **simulated_settings(latency_ms=AGENT_LATENCY_MS, chunk_ms=CHUNK_PACE_MS),
    }
    with capsys.disabled(), restored_environ(), \
            app_host(tmp_path / "state", user=USER, port=port, virtual_clock=False, **settings) as host:
        print(f"\n[dashboard e2e] devhost at {host.base_url}; screenshots in {ARTIFACTS}")
        print(f"[dashboard e2e] figure: JavaScript shipped {js_shipped(ROOT / 'web' / 'dist')}")
        code = run_suite(host.base_url, ARTIFACTS / "e2e.log")
        if code == 0:
            copied = update_screenshots()
            if copied:
                print(f"[dashboard e2e] docs/screenshots updated: {', '.join(copied)}")
    assert code == 0, f"the browser suite failed (exit {code}); its output is above and in {ARTIFACTS / 'e2e.log'}"
