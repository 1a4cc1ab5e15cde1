"""Start and stop the local Cosmos DB protocol server (``cosmos_server.js``) for tests
and ``bench/store.py``.

The server is ``@vercel/cosmosdb-server`` (npm, pinned in ``node/package.json``, its
lock file committed) behind a small launcher that fixes what the Python SDK trips on.
It keeps everything in memory, listens on 127.0.0.1 on a free port and speaks plain
HTTP: a loopback ``http://`` endpoint is the one form the app's Cosmos client accepts
without TLS (see docs/persistence.md), so no test-only switch reaches production code.
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
NODE_PACKAGE = HERE / "node"
LAUNCHER = HERE / "cosmos_server.js"
INSTALLED_MARKER = NODE_PACKAGE / "node_modules" / "@vercel" / "cosmosdb-server" / "package.json"
# The Cosmos DB emulator's published, well-known key; the test server accepts any key.
EMULATOR_KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="
START_TIMEOUT_S = 30.0
INSTALL_TIMEOUT_S = 300.0


@dataclass(frozen=True)
class CosmosServer:
    """A running server: what a client or the ``CosmosDBConnection`` setting needs."""

    endpoint: str
    key: str

    @property
    def connection_string(self) -> str:
        return f"AccountEndpoint={self.endpoint};AccountKey={self.key};"


def ensure_installed() -> None:
    """Install the pinned npm package into ``node/node_modules`` if it is missing
    (``npm ci --ignore-scripts``: exactly the lock file, no install scripts). A lock
    file serialises concurrent installs. Raises RuntimeError when node or npm is
    missing or the install fails."""
    if shutil.which("node") is None:
        raise RuntimeError("node is not installed: the Cosmos DB test server needs Node.js 20+")
    if INSTALLED_MARKER.exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is not installed: cannot install @vercel/cosmosdb-server for the tests")
    with open(NODE_PACKAGE / ".install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if INSTALLED_MARKER.exists():
            return
        result = subprocess.run(
            [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
            cwd=NODE_PACKAGE,
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT_S,
        )
        if result.returncode != 0 or not INSTALLED_MARKER.exists():
            raise RuntimeError(f"npm ci in {NODE_PACKAGE} failed ({result.returncode}): {result.stderr[-2000:]}")


@contextmanager
def cosmos_server(tmp_dir: Path | None = None) -> Iterator[CosmosServer]:
    """A fresh, empty server for the duration of the block; its log goes to
    ``tmp_dir/cosmos_server.log`` (a temporary folder when not given)."""
    ensure_installed()
    with tempfile.TemporaryDirectory(prefix="cosmos-server-") as scratch:
        log_path = Path(tmp_dir or scratch) / "cosmos_server.log"
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                ["node", str(LAUNCHER), "--host", "127.0.0.1", "--port", "0", "--no-ssl"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                env={**os.environ, "NODE_NO_WARNINGS": "1"},
            )
            try:
                port = _wait_until_ready(process, log_path)
                yield CosmosServer(endpoint=f"http://127.0.0.1:{port}/", key=EMULATOR_KEY)
            finally:
                _stop(process)


def _wait_until_ready(process: subprocess.Popen[bytes], log_path: Path) -> int:
    """The port from the launcher's ready line; RuntimeError with its log otherwise."""
    assert process.stdout is not None
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        readable, _, _ = select.select([process.stdout], [], [], 0.2)
        if readable:
            line = process.stdout.readline()
            if line:
                try:
                    ready = json.loads(line)
                except ValueError:
                    continue
                if isinstance(ready, dict) and ready.get("ready") and isinstance(ready.get("port"), int):
                    return int(ready["port"])
                continue
        if process.poll() is not None:
            break
    log = log_path.read_text(errors="replace")[-2000:] if log_path.exists() else ""
    raise RuntimeError(f"the Cosmos DB test server did not start (exit {process.poll()}): {log}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()
