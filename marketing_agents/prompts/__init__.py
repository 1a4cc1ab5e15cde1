"""Versioned prompt files for the model-backed agents.

Prompts are data, not code: each lives in a file named ``{name}.v{N}.md`` beside this
module (shipped as package data), and ``PROMPT_VERSIONS`` says which version is live.
Changing a prompt means adding a new version file, so an artifact's metadata
(``promptVersion``) and the response cache key always say exactly which words produced
an answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

PROMPT_DIR = Path(__file__).resolve().parent

PROMPT_VERSIONS: dict[str, int] = {
    "system": 1,
    "copywriter": 1,
    "short_copy": 2,
    "visual": 2,
    "judge": 2,
}


@dataclass(frozen=True)
class Prompt:
    name: str
    version: int
    text: str

    @property
    def label(self) -> str:
        """``name/vN``, as recorded in artifact metadata."""
        return f"{self.name}/v{self.version}"


@cache
def load_prompt(name: str, version: int | None = None) -> Prompt:
    """The prompt ``name`` at ``version`` (default: the live version)."""
    if version is None:
        if name not in PROMPT_VERSIONS:
            raise KeyError(f"unknown prompt {name!r}")
        version = PROMPT_VERSIONS[name]
    path = PROMPT_DIR / f"{name}.v{version}.md"
    return Prompt(name=name, version=version, text=path.read_text(encoding="utf-8").strip())
