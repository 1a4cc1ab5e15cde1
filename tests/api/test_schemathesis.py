"""Property-based API tests: schemathesis against the real app in devhost.

Every check, every phase (examples, coverage, fuzzing, stateful with the document's
links), against the OpenAPI document the app serves. Zero failures means the server
answers what the document says, for everything the document allows and for what it
does not (malformed ids, numbers, bodies, media types, methods). The seed is committed
so CI reproduces a run; ``make fuzz`` runs the same with many more examples.

Campaigns created here start real orchestrations with the offline agents.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from devhost import DevHost
from marketing_agents.openapi import openapi_document

CONFIG = Path(__file__).with_name("schemathesis.toml")
SEED = os.environ.get("FUZZ_SEED", "20261125")
# Bounded so the suite gains about two minutes: examples per operation and a time
# budget after which fuzzing and the stateful phase stop by themselves.
MAX_EXAMPLES = os.environ.get("FUZZ_MAX_EXAMPLES", "5")
MAX_TIME = os.environ.get("FUZZ_MAX_TIME", "90")


def schemathesis_command(base_url: str, report: Path) -> list[str]:
    return [
        sys.executable, "-m", "schemathesis.cli",
        "--config-file", str(CONFIG),
        "run", f"{base_url}/api/openapi.json",
        "--url", base_url,
        "--checks", "all",
        "--phases", "examples,coverage,fuzzing,stateful",
        "--seed", SEED,
        "--max-examples", MAX_EXAMPLES,
        "--max-time", MAX_TIME,
        "--workers", "1",
        "--max-failures", "50",
        "--request-timeout", "30",
        "--no-color",
        "--report", "junit", "--report-junit-path", str(report),
    ]


def test_schemathesis_finds_nothing(host: DevHost, tmp_path: Path) -> None:
    report = tmp_path / "schemathesis.xml"
    done = subprocess.run(schemathesis_command(host.base_url, report), cwd=tmp_path, capture_output=True,
                          text=True, timeout=600, check=False)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-20000:]
    # Every operation of the document ran, except GET /api/openapi.json: schemathesis
    # leaves out the operation that serves the document it loaded.
    operations = sum(len(ops) for ops in openapi_document()["paths"].values()) - 1
    assert f"Selected: {operations}/{operations}" in output and f"Tested: {operations}" in output, output[-5000:]
