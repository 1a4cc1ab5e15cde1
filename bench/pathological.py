"""Hostile-input benchmark: every CPU step of a campaign on inputs of growing size.

For each kind of hostile brief (one unbroken word, many short words, emoji, combining
marks, right-to-left text, zero-width characters, a figure or a sentence end every few
characters, claims every few words with no sentence end) and each size, runs the three
offline writers, the product's audit (rules and the learned second opinion) and the poster
renderer, and prints each step's time and its
ratio to the smallest size. Linear work shows ratios near the size ratio (or flat,
where the work is bounded); anything super-linear stands out. Figures only, no assertions.

    .venv/bin/python bench/pathological.py [--sizes 250,500,1000,2000] [--kinds word,words]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marketing_agents.agents.base import AgentContext  # noqa: E402
from marketing_agents.agents.registry import offline_agents  # noqa: E402
from marketing_agents.compliance import build_auditor  # noqa: E402
from marketing_agents.compliance.base import AuditContext  # noqa: E402
from marketing_agents.compliance.constraints import compile_brief  # noqa: E402
from marketing_agents.models import (  # noqa: E402
    LONG_TEXT,
    ArtifactType,
    ArtifactVersion,
    CampaignBrief,
    PosterConcept,
    VisualData,
)
from marketing_agents.poster import render_poster  # noqa: E402

CLAIMS = ("free gift with every order, save 50% on the £3 booking fee, guaranteed results, clinically proven, "
          "the best price in town, eco-friendly and planet-safe, up to 70% off, ")

KINDS: dict[str, Callable[[int], str]] = {
    "word": lambda n: "0" * n,
    "words": lambda n: ("go " * n)[:n].strip() or "go",
    "emoji": lambda n: "\U0001f600" * n,
    "combining": lambda n: ("e\u0301" * n)[:n],
    "rtl": lambda n: ("\u05e9\u05dc\u05d5\u05dd " * n)[:n].strip(),
    "zero-width": lambda n: "a" + "\u200b" * (n - 1),
    "figures": lambda n: ("9 in 10 " * n)[:n].strip() or "9",  # a figure every few characters
    "sentences": lambda n: ("Go. " * n)[:n].strip() or "Go.",  # a sentence every few characters
    "spaces": lambda n: "a" + " " * max(n - 2, 0) + "b",  # one run of spaces between two words
    # claims every few words and no sentence end: every candidate asks for its sentence and exceptions
    "claims": lambda n: (CLAIMS * (n // len(CLAIMS) + 1))[:n].strip() or "free",
}


def brief(theme: str) -> CampaignBrief:
    """The example brief with a hostile theme; past the API's bound (2,000 characters) it
    is built unvalidated, standing for text that reaches the engine some other way."""
    fields = dict(
        theme=theme,
        product="EcoBottle",
        target_audience="eco-conscious millennials",
        tone="friendly",
        constraints=["Must include recycling message", "Avoid plastic-related claims"],
        evidence=["Made from 90% recycled steel"],
    )
    if len(theme) <= LONG_TEXT:
        return CampaignBrief.model_validate(fields)
    return CampaignBrief.model_construct(**fields)  # type: ignore[arg-type]


def timed(step: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = step()
    return time.perf_counter() - started, result


def run(theme: str) -> dict[str, float]:
    """Seconds per CPU step for a brief whose theme is ``theme``."""
    figures: dict[str, float] = {}
    campaign_brief = brief(theme)
    versions: dict[ArtifactType, ArtifactVersion] = {}
    for artifact_type, agent in offline_agents().items():
        context = AgentContext(campaign_id="bench", artifact_type=artifact_type, brief=campaign_brief)
        seconds, result = timed(lambda: asyncio.run(agent.generate(context)))  # noqa: B023
        figures[artifact_type.value] = seconds
        versions[artifact_type] = result.stored_as(f"bench-{artifact_type.value}", "bench", artifact_type)
    auditor = build_auditor()
    audit_context = AuditContext(report_id="r", campaign_id="bench", brief=campaign_brief, artifacts=versions)
    figures["audit"], report = timed(lambda: asyncio.run(auditor.audit(audit_context)))
    for artifact_type, agent in offline_agents().items():  # one regeneration round, with the findings
        context = AgentContext(
            campaign_id="bench",
            artifact_type=artifact_type,
            brief=campaign_brief,
            round=1,
            previous=versions[artifact_type],
            audit_issues=[i for i in report.issues if i.artifact_type == artifact_type],
            audit_feedback=report.feedback_by_type.get(artifact_type),
        )
        figures[f"{artifact_type.value} round 1"], _ = timed(lambda: asyncio.run(agent.generate(context)))  # noqa: B023
    concept = VisualData.model_validate(versions[ArtifactType.VISUAL].data).concepts[0]
    figures["poster"], _ = timed(lambda: render_poster(concept))
    hostile = PosterConcept(
        headline=theme,
        subline=theme,
        call_to_action=theme,
        palette=["#000000", "#FFFFFF"],
        layout="",
        image_prompt="",
        alt_text=theme,
    )
    figures["poster(all text hostile)"], _ = timed(lambda: render_poster(hostile))
    # the brief's constraints read by the compiler in each of its shapes, the hostile text inside them
    part = theme[:200]
    constraints = [f"Never say '{part}' - {part}; never {part}", f"Every post must carry '{part}' whenever {part}",
                   f"If you mention {part}, add '{part}'", f"Don't mention {part} in any post, {part}"]
    figures["brief constraints"], _ = timed(lambda: compile_brief(constraints))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="250,500,1000,2000")
    parser.add_argument("--kinds", default=",".join(KINDS))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    run(KINDS["word"](10))  # warm up fonts, rule packs and caches
    for kind in args.kinds.split(","):
        print(f"\n{kind}: theme of {', '.join(map(str, sizes))} characters (seconds, ×first size)")
        rows = {size: run(KINDS[kind](size)) for size in sizes}
        first = rows[sizes[0]]
        for step in first:
            cells = [f"{rows[s][step]:8.3f}s ×{rows[s][step] / max(first[step], 1e-9):6.1f}" for s in sizes]
            print(f"  {step:26} " + "  ".join(cells))


if __name__ == "__main__":
    main()
