"""Time from `make run` on a fresh clone to a usable dashboard.

    .venv/bin/python bench/dashboard_startup.py
    .venv/bin/python bench/dashboard_startup.py --ref h/e2e11 --timeout 900

Clones this repository (its committed ``--ref``, HEAD by default) into a temporary
folder, runs ``make run PORT=<free port>`` there exactly as a newcomer would (it creates
the venv from the pinned requirements, runs ``npm ci`` and the Vite build of web/, then
starts devhost), and polls every 0.25 s until the page is usable:

* ``GET /api/health`` answers 200 with status "ok";
* ``GET /`` answers the dashboard's index.html, and every script it loads answers 200;
* with Chromium at /usr/bin/chromium, ``chromium --headless --dump-dom`` of ``/`` shows
  the rendered app (an ``<h1>`` inside ``#root``), i.e. the JavaScript ran.

Prints the seconds to each of those, then stops the host (the process group it started)
and removes the clone (``--keep`` leaves it). Caches count: pip's and npm's caches on
this machine make a second run faster than a truly cold one; the figure says which.
Figures only; it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
POLL_SECONDS = 0.25


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def health_ok(base: str) -> bool:
    try:
        response = httpx.get(f"{base}/api/health", timeout=5)
        return response.status_code == 200 and response.json().get("status") == "ok"
    except (httpx.HTTPError, ValueError):
        return False


def page_served(base: str) -> bool:
    """index.html and every script it names answer 200."""
    try:
        index = httpx.get(f"{base}/", timeout=5)
        if index.status_code != 200 or "text/html" not in index.headers.get("content-type", ""):
            return False
        scripts = re.findall(r'<script[^>]*\bsrc="([^"]+)"', index.text)
        return bool(scripts) and all(httpx.get(f"{base}{src}", timeout=5).status_code == 200 for src in scripts)
    except httpx.HTTPError:
        return False


def page_rendered(base: str) -> bool:
    """Chromium ran the app: the dumped DOM has a heading inside the React root."""
    try:
        dumped = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                                 "--disable-background-networking", "--virtual-time-budget=5000",
                                 "--dump-dom", f"{base}/"], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return False
    return re.search(r'<div id="root">.*<h1', dumped.stdout, re.S) is not None


def main() -> int:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # each mark as it happens
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", default="HEAD", help="the committed state to clone (default HEAD)")
    parser.add_argument("--timeout", type=float, default=900, help="give up after this many seconds")
    parser.add_argument("--keep", action="store_true", help="leave the clone in place")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="dashboard-startup-"))
    clone = workdir / "repo"
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--verify", f"{args.ref}^{{commit}}"],
                            check=True, capture_output=True, text=True).stdout.strip()
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", "--no-checkout", str(ROOT), str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", commit], check=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "AzureSignalRConnectionString":
           f"Endpoint={base};AccessKey=startup-bench-access-key-0123456789abcdef;Version=1.0;"}
    log_path = workdir / "make-run.log"
    print(f"clone of {args.ref} ({commit[:10]}) in {clone}; `make run PORT={port}` (log: {log_path})")
    started = time.monotonic()
    make = subprocess.Popen(["make", "run", f"PORT={port}"], cwd=clone, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, errors="replace", start_new_session=True)
    phases: dict[str, float] = {}
    logger = threading.Thread(target=log_phases, args=(make, log_path, started, phases), daemon=True)
    logger.start()
    marks: dict[str, float] = {}
    checks = [("health ok", health_ok), ("page served", page_served)]
    if Path(CHROMIUM).is_file():
        checks.append(("page rendered in Chromium", page_rendered))
    try:
        while len(marks) < len(checks) and time.monotonic() - started < args.timeout:
            if make.poll() is not None:
                print(f"`make run` exited with {make.returncode} before the page was usable; see {log_path}")
                return 1
            name, check = checks[len(marks)]  # in order: each check only once the one before passed
            if check(base):
                marks[name] = time.monotonic() - started
                print(f"  {name}: {marks[name]:.1f} s")
                continue
            time.sleep(POLL_SECONDS)
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGTERM)
            try:
                make.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(make.pid, signal.SIGKILL)
                make.wait()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    if len(marks) < len(checks):
        print(f"not usable within {args.timeout:.0f} s (reached: {', '.join(marks) or 'nothing'})")
        return 1
    print("  phases (when each began): " + ", ".join(f"{name} {at:.1f} s" for name, at in phases.items()))
    print(f"time from `make run` on a fresh clone to a usable page: {max(marks.values()):.1f} s ({caches()})")
    return 0


# The first output line of each phase of `make run` (the Makefile's own echo of its recipes).
PHASES = (("venv and pip install", "-m venv"), ("npm ci", "npm ci"), ("Vite build", "npm run build"),
          ("devhost start", "-m devhost"))


def log_phases(make: subprocess.Popen[str], log_path: Path, started: float, phases: dict[str, float]) -> None:
    """Copy `make run`'s output to the log with elapsed times, noting when each phase began."""
    assert make.stdout is not None
    with log_path.open("w") as log:
        for line in make.stdout:
            elapsed = time.monotonic() - started
            log.write(f"[{elapsed:7.1f} s] {line}")
            log.flush()
            for name, marker in PHASES:
                if name not in phases and marker in line:
                    phases[name] = elapsed


def caches() -> str:
    """Which download caches the run could use (they make installs faster than truly cold)."""
    home = Path.home()
    found = {"pip cache": (home / ".cache" / "pip").is_dir(), "npm cache": (home / ".npm" / "_cacache").is_dir()}
    return ", ".join(f"{name} {'present' if there else 'absent'}" for name, there in found.items())


if __name__ == "__main__":
    sys.exit(main())
