"""Settings come from the declared settings object only: no module of the app reads the
process environment itself (``os.environ``, ``os.getenv``, ``os.environb`` — however
imported). pydantic-settings reads it, inside ``marketing_agents.settings``."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP_CODE = [ROOT / "function_app.py", *(p for d in ("marketing_agents", "api", "activities", "orchestrators")
                                        for p in sorted((ROOT / d).rglob("*.py")))]
ENVIRONMENT = {"environ", "environb", "getenv", "getenvb", "putenv", "unsetenv"}
# Each exception with its reason.
ALLOWED = {
    # Writes PYTHONIOENCODING for the devhost child process `marketing-agents serve` starts;
    # it reads no setting.
    "marketing_agents/cli/__init__.py",
}


def environment_uses(source: str) -> list[str]:
    """Where ``source`` touches the process environment: ``os.<name>``, ``from os import <name>``."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in ENVIRONMENT and isinstance(node.value, ast.Name) \
                and node.value.id in {"os", "posix", "nt"}:
            found.append(f"line {node.lineno}: {node.value.id}.{node.attr}")
        if isinstance(node, ast.ImportFrom) and node.module in {"os", "posix", "nt"}:
            found += [f"line {node.lineno}: from {node.module} import {a.name}" for a in node.names
                      if a.name in ENVIRONMENT]
    return found


def test_the_checker_finds_every_form() -> None:
    source = "import os\nfrom os import getenv as g\nx = os.environ.get('A')\ny = os.getenv('B')\n"
    assert len(environment_uses(source)) == 3
    assert environment_uses("settings.environment = 1\nenv.get('x')\n") == []


def test_no_app_module_reads_the_environment() -> None:
    offenders = {}
    for path in APP_CODE:
        relative = path.relative_to(ROOT).as_posix()
        uses = environment_uses(path.read_text(encoding="utf-8"))
        if uses and relative not in ALLOWED:
            offenders[relative] = uses
    assert offenders == {}, "read settings through marketing_agents.settings (docs/settings.md)"
    assert all((ROOT / allowed).is_file() for allowed in ALLOWED)
