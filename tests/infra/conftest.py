"""Fixtures for the infrastructure checks: the infra venv's tools (``make infra-tools``)
and every Bicep file of infra/ parsed once per session."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
INFRA = ROOT / "infra"
INFRA_VENV = Path(os.environ.get("INFRA_VENV", ROOT / ".venv-infra"))


def infra_tool(name: str) -> Path:
    """A program of the infra venv; a missing venv fails (CI must run these checks)."""
    path = INFRA_VENV / "bin" / name
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make infra-tools` (checkov and pycep-parser, requirements-infra.txt)")
    return path


@pytest.fixture(scope="session")
def parsed_bicep() -> dict[str, Any]:
    """``{path under infra/: pycep JSON}`` for every .bicep file (parse errors included)."""
    script = Path(__file__).with_name("parse_bicep.py")
    done = subprocess.run([str(infra_tool("python")), str(script), str(INFRA)], capture_output=True, text=True,
                          timeout=300, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        pytest.fail(f"parse_bicep.py failed ({done.returncode}): {done.stderr[-2000:]}")
    parsed: dict[str, Any] = json.loads(done.stdout)
    return parsed
