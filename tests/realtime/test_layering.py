"""The Function App loads only its half of live updates: the publishing side (httpx),
never the client side (``websockets``, which Azure does not install for the app), and
no test helper (simulated agents) unless a setting names one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
import function_app  # everything the Functions host loads
print(json.dumps(sorted(sys.modules)))
"""


def loaded_by_the_function_app(tmp_path: Path) -> set[str]:
    env = {**os.environ, "CosmosDBConnection": f"LocalDocumentStore={tmp_path / 'documents.sqlite'}",
           "POSTER_DIR": str(tmp_path / "posters"), "PYTHONPATH": str(ROOT)}
    env.pop("AGENTS_WRAPPER", None)
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_function_app_never_imports_the_client_side_or_test_helpers(tmp_path: Path) -> None:
    modules = loaded_by_the_function_app(tmp_path)
    assert "marketing_agents.realtime.publishing.streaming" in modules  # the probe saw the app's side
    assert not {m for m in modules if m == "websockets" or m.startswith("websockets.")}
    assert not {m for m in modules if m.startswith("marketing_agents.realtime.client")}
    assert not {m for m in modules if m.startswith("marketing_agents.testing")}
