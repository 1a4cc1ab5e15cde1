"""What the browser tests need on disk before they start: the dashboard's build (web/dist,
made by ``make web`` exactly as ``make run`` makes it) and the e2e suite's own npm packages
(web/e2e, installed from its lock file with ``npm ci``). Both are no-ops when up to date."""

from __future__ import annotations

import gzip
import subprocess
from pathlib import Path

INSTALL_TIMEOUT_SECONDS = 600


class BuildError(RuntimeError):
    """A build or install step failed; the message carries the tail of its output."""


def _run(command: list[str], cwd: Path, what: str) -> None:
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=INSTALL_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired as error:
        raise BuildError(f"{what} did not finish in {INSTALL_TIMEOUT_SECONDS} s") from error
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-30:])
        raise BuildError(f"{what} failed (exit {done.returncode}):\n{tail}")


def build_dashboard(root: Path) -> Path:
    """web/dist, built by the Makefile's ``web`` target (npm ci + vite build when stale)."""
    if not (root / "web" / "package.json").is_file():
        raise BuildError("web/package.json is missing: there is no dashboard to build")
    _run(["make", "--no-print-directory", "web"], root, "`make web`")
    dist = root / "web" / "dist"
    if not (dist / "index.html").is_file():
        raise BuildError("`make web` left no web/dist/index.html")
    return dist


def e2e_dependencies(e2e_dir: Path) -> None:
    """``npm ci`` in web/e2e when its node_modules is missing or older than the lock file.
    No install script runs (--ignore-scripts): playwright-core never downloads a browser;
    the tests drive the system's Chromium."""
    marker = e2e_dir / "node_modules" / ".package-lock.json"
    lock = e2e_dir / "package-lock.json"
    if marker.is_file() and marker.stat().st_mtime >= lock.stat().st_mtime:
        return
    _run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], e2e_dir, "`npm ci` in web/e2e")


def typecheck_e2e(e2e_dir: Path) -> None:
    """The suite is TypeScript run by tsx, which strips types without checking them: tsc
    checks them first, so a type error fails the test rather than hiding."""
    _run(["npm", "run", "--silent", "typecheck"], e2e_dir, "tsc on web/e2e")


def js_shipped(dist: Path) -> str:
    """The JavaScript a first visit downloads, raw and gzip-compressed (level 9), for the
    closing note's figure."""
    files = sorted((dist / "assets").glob("*.js"))
    raw = sum(f.stat().st_size for f in files)
    packed = sum(len(gzip.compress(f.read_bytes(), compresslevel=9)) for f in files)
    return f"{len(files)} file(s), {raw / 1024:.1f} KiB raw, {packed / 1024:.1f} KiB gzip"
