"""Compliance engine figures: precision/recall per pack on the labelled corpora, and the
time to audit a full campaign (three artifacts) with rules only (no judge).

    python bench/audit_eval.py [--runs 300]

Precision/recall compare, per snippet, the set of rule ids reported with the labelled
set; "blocking recall" counts only labels of severity High/Critical. ``corpus.yaml`` is
the development set (rules were adjusted while looking at it); ``holdout.yaml`` was
written afterwards and never used to change a rule, so it is the honest figure.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "compliance"))

from marketing_agents.compliance.base import AuditContext  # noqa: E402
from marketing_agents.compliance.engine import RuleEngineAuditor  # noqa: E402
from marketing_agents.compliance.evaluation import Evaluation, evaluate, load_corpus  # noqa: E402
from marketing_agents.models import CampaignBrief  # noqa: E402

CORPORA = ("corpus.yaml", "holdout.yaml")


def print_evaluation(name: str, count: int, result: Evaluation) -> None:
    print(f"\n{name} ({count} snippets)")
    print(f"  {'pack':10} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}")
    for pack, t in sorted(result.per_pack.items()):
        print(f"  {pack:10} {t.precision:9.3f} {t.recall:7.3f} {t.tp:4} {t.fp:4} {t.fn:4}")
    o = result.overall
    print(f"  {'overall':10} {o.precision:9.3f} {o.recall:7.3f} {o.tp:4} {o.fp:4} {o.fn:4}")
    print(f"  recall on High/Critical labels: {result.blocking.recall:.3f} "
          f"({result.blocking.tp}/{result.blocking.tp + result.blocking.fn})")
    for miss in result.misses:
        print(f"  missed:      {miss}")
    for alarm in result.false_alarms:
        print(f"  false alarm: {alarm}")


async def campaign_context() -> AuditContext:
    from loop_helpers import AGENTS, CAMPAIGN, write

    brief = CampaignBrief(
        theme="Summer launch of EcoBottle", product="EcoBottle", target_audience="Eco-conscious millennials",
        tone="Inspiring", constraints=["Must include recycling message", "Avoid plastic-related claims"],
        evidence=["Made from 90% recycled steel"],
    )
    artifacts = {t: await write(t, brief, 0, None, None) for t in AGENTS}
    return AuditContext(report_id=f"{CAMPAIGN}-audit-bench", campaign_id=CAMPAIGN, brief=brief, artifacts=artifacts)


def time_campaign(runs: int) -> list[float]:
    context = asyncio.run(campaign_context())
    auditor = RuleEngineAuditor()
    for _ in range(5):  # warm-up: packs, regex caches, textstat's pronunciation dictionary
        asyncio.run(auditor.audit(context))
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        asyncio.run(auditor.audit(context))
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    for name in CORPORA:
        snippets = load_corpus(ROOT / "tests" / "compliance" / name)
        print_evaluation(name, len(snippets), evaluate(snippets))
    timings = time_campaign(args.runs)
    print(f"\nfull campaign audit (Copy + ShortCopy with 15 posts + Visual), rules only, {args.runs} runs:")
    print(f"  median {statistics.median(timings):.2f} ms, p95 {sorted(timings)[int(0.95 * len(timings)) - 1]:.2f} ms, "
          f"min {min(timings):.2f} ms (target < 50 ms)")


if __name__ == "__main__":
    main()
