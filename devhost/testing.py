"""Test helpers: devhost as a real subprocess that can be SIGKILLed and restarted."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import httpx

REPO_ROOT = Path(__file__).resolve().parent.parent


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


class DevHostProcess:
    """``python -m devhost`` on a free 127.0.0.1 port, with its log in ``state_dir``.

    ``kill()`` sends SIGKILL (a crash); ``start()`` again resumes on the same state dir
    and port. Always stopped by ``__exit__``.
    """

    def __init__(self, app_dir: str | Path, state_dir: str | Path, *,
                 port: int | None = None, virtual_clock: bool = False,
                 env: dict[str, str] | None = None, log_level: str = "info") -> None:
        self.app_dir = Path(app_dir)
        self.state_dir = Path(state_dir)
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.virtual_clock = virtual_clock
        self.env = env or {}
        self.log_level = log_level
        self.log_path = self.state_dir / "devhost.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    def command(self) -> list[str]:
        cmd = [sys.executable, "-m", "devhost", "--app", str(self.app_dir),
               "--state", str(self.state_dir), "--port", str(self.port),
               "--log-level", self.log_level]
        return cmd + (["--virtual-clock"] if self.virtual_clock else [])

    def start(self, timeout: float = 20) -> DevHostProcess:
        """Spawn and wait until ``GET /admin/host/status`` says Running."""
        self.state_dir.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, **self.env}
        env["PYTHONPATH"] = os.pathsep.join(
            [str(REPO_ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
        self._log = open(self.log_path, "ab")  # noqa: SIM115 - closed in _reap
        self.proc = subprocess.Popen(self.command(), stdout=self._log,
                                     stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"devhost exited with {self.proc.returncode}:\n{self.log()}")
            try:
                r = httpx.get(self.base_url + "/admin/host/status", timeout=1)
                if r.status_code == 200 and r.json().get("state") == "Running":
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        self.kill()
        raise TimeoutError(f"devhost not ready after {timeout}s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs, like a crashed machine."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self._reap()

    def stop(self) -> None:
        """Graceful stop (SIGINT), falling back to SIGKILL."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self._reap()

    def _reap(self) -> None:
        if self.proc is not None:
            self.proc.wait()
            self.proc = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def advance_clock(self, seconds: float) -> dict[str, Any]:
        """Move the virtual clock (the host must run with virtual_clock=True)."""
        r = httpx.post(f"{self.base_url}/runtime/webhooks/devhost/clock",
                       params={"advanceSeconds": seconds})
        r.raise_for_status()
        result: dict[str, Any] = r.json()
        return result

    def __enter__(self) -> DevHostProcess:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
