"""Shared fixtures: the repository root on sys.path (like the Functions host, which runs
the app from its folder) and example briefs."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def ecobottle_brief() -> dict[str, Any]:
    return json.loads((ROOT / "examples" / "briefs" / "ecobottle.json").read_text())
