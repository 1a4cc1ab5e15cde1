"""Compliance engine figures on the labelled corpora, and the time to audit a full campaign.

    python bench/audit_eval.py [--runs 300] [--judge] [--second-opinion] [--split dev|test|holdout|all]
                                [--corpus FILE] [--id-prefix PREFIX] [--perturb campaign|evidence]
                                [--model FILE]

For each split (``tests/compliance/corpora/dev.yaml``, the split the rules are tuned on,
and ``test.yaml`` and ``holdout.yaml`` when present, each written independently and never used to
tune a rule) it
prints: blocking recall/precision by area (a (snippet, area) unit is caught by any
High/Critical finding of that area), the share of clean snippets flagged High/Critical,
rule-id precision/recall per pack, the confusion of severities (highest expected vs
highest found per unit), and every miss and false alarm. Scoring is defined in
``tests/compliance/corpora/FORMAT.md``.

``--judge`` adds the LLM judge built from the MODEL_* settings (MODEL_PROVIDER, MODEL_JUDGE
or MODEL_NAME, …) to every audit, so the same figures show what the model adds.
``--second-opinion`` adds the learned second opinion (the model ``make model`` builds,
docs/compliance.md), as the product's auditor runs by default; without it the figures are
the rules' alone; ``--model FILE`` asks a model built from fewer files instead (to score the
second opinion on a file it was not trained on). The timing is of the same auditor without
the judge. ``--perturb`` scores each snippet changed in a way that must not change its labels
(``marketing_agents/compliance/perturb.py``: inside a campaign-shaped artifact, or with
unrelated evidence in the brief).
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

from marketing_agents.compliance.base import ArtifactLayout, AuditContext  # noqa: E402
from marketing_agents.compliance.engine import RuleEngineAuditor  # noqa: E402
from marketing_agents.compliance.evaluation import (  # noqa: E402
    SEVERITY_ORDER,
    UNLABELLED,
    Evaluation,
    evaluate,
    load_corpus,
)
from marketing_agents.compliance.learned import LearnedModel, ModelUnavailable, load_model, read_model  # noqa: E402
from marketing_agents.compliance.perturb import PERTURBATIONS  # noqa: E402
from marketing_agents.models import CampaignBrief  # noqa: E402

CORPORA = ROOT / "tests" / "compliance" / "corpora"
SPLITS = {"dev": CORPORA / "dev.yaml", "test": CORPORA / "test.yaml", "holdout": CORPORA / "holdout.yaml"}


def print_evaluation(name: str, result: Evaluation) -> None:
    b = result.blocking
    print(f"\n== {name} split: {result.snippets} snippets, {result.clean} clean")
    print(f"  blocking (High/Critical) recall {b.recall:.3f} ({b.tp}/{b.tp + b.fn}), precision {b.precision:.3f} "
          f"({b.tp}/{b.tp + b.fp}); clean flagged High/Critical {result.clean_flagged_rate:.1%} "
          f"({len(result.clean_flagged)}/{result.clean})   [targets: >= 0.95, >= 0.9, <= 5%]")
    print(f"\n  {'area':14} {'recall':>7} {'precision':>9} {'caught':>8} {'wrongly blocked':>16}")
    for area, t in sorted(result.per_area.items()):
        print(f"  {area:14} {t.recall:7.3f} {t.precision:9.3f} {t.tp:>4}/{t.tp + t.fn:<3} {t.fp:16}")
    print_rule_ids(result)
    print("\n  severity confusion per unit (rows: expected, columns: found)")
    print("  " + " " * 10 + "".join(f"{s:>10}" for s in SEVERITY_ORDER))
    for expected in SEVERITY_ORDER:
        row = [result.confusion.get((expected, found), 0) for found in SEVERITY_ORDER]
        print(f"  {expected:>10}" + "".join(f"{n:10}" for n in row))
    false_alarms = result.false_alarms if result.has_rule_labels else [
        line for line in result.false_alarms if not line.endswith(UNLABELLED)]
    for label, lines in (("missed", result.misses), ("false alarm", false_alarms),
                         ("clean flagged", result.clean_flagged), ("clean, lesser finding", result.clean_noted),
                         ("judge", result.judge_notes)):
        for line in lines:
            print(f"  {label}: {line}")


def print_rule_ids(result: Evaluation) -> None:
    """Rule-id precision/recall per pack, or "n/a" for a split whose expectations name no
    rule (every finding would count as a false alarm and precision would read 0)."""
    if not result.has_rule_labels:
        print("\n  rule ids  n/a (no rule labels)")
        return
    print(f"\n  rule ids  {'pack':10} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}")
    for pack, t in sorted(result.per_pack.items()):
        print(f"            {pack:10} {t.precision:9.3f} {t.recall:7.3f} {t.tp:4} {t.fp:4} {t.fn:4}")
    o = result.overall
    print(f"            {'overall':10} {o.precision:9.3f} {o.recall:7.3f} {o.tp:4} {o.fp:4} {o.fn:4}")


async def campaign_context() -> AuditContext:
    """A full campaign as the offline agents write it (Copy, ShortCopy, Visual)."""
    from marketing_agents.agents.base import AgentContext
    from marketing_agents.agents.offline import OfflineCopywriter, OfflineShortCopyWriter, OfflineVisualConceptWriter

    campaign = "c-00000000000000be"
    brief = CampaignBrief(
        theme="Summer launch of EcoBottle", product="EcoBottle", target_audience="Eco-conscious millennials",
        tone="Inspiring", constraints=["Must include recycling message", "Avoid plastic-related claims"],
        evidence=["Made from 90% recycled steel"],
    )
    texts = {}
    for agent in (OfflineCopywriter(), OfflineShortCopyWriter(), OfflineVisualConceptWriter()):
        context = AgentContext(campaign_id=campaign, artifact_type=agent.artifact_type, brief=brief)
        result = await agent.generate(context)
        texts[agent.artifact_type] = ArtifactLayout(
            id=f"{campaign}-{agent.artifact_type.value.lower()}-v1", campaign_id=campaign,
            type=agent.artifact_type, data=result.data,
        )
    return AuditContext(report_id=f"{campaign}-audit-bench", campaign_id=campaign, brief=brief, texts=texts)


def time_campaign(runs: int, auditor: RuleEngineAuditor) -> list[float]:
    context = asyncio.run(campaign_context())
    for _ in range(5):  # warm-up: packs, regex caches, textstat's pronunciation dictionary
        asyncio.run(auditor.audit(context))
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        asyncio.run(auditor.audit(context))
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def learned_model(path: Path | None) -> LearnedModel:
    try:
        return read_model(path) if path is not None else load_model()
    except ModelUnavailable as error:
        sys.exit(f"audit_eval: {error}")


def judged_auditor(second_opinion: LearnedModel | None) -> RuleEngineAuditor:
    from marketing_agents.llm.judge import build_model_judge
    from marketing_agents.llm.settings import load_model_settings
    from marketing_agents.settings import ConfigError, load_settings

    try:
        settings = load_model_settings(load_settings())
    except ConfigError as error:
        sys.exit(f"audit_eval: {error}")
    if settings is None:
        sys.exit("audit_eval: --judge needs a model: set MODEL_PROVIDER and MODEL_JUDGE (or MODEL_NAME)")
    return RuleEngineAuditor(judge=build_model_judge(settings), second_opinion=second_opinion)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300, help="timed full-campaign audits (0: no timing)")
    parser.add_argument("--judge", action="store_true", help="add the LLM judge from the MODEL_* settings")
    parser.add_argument("--second-opinion", action="store_true",
                        help="add the learned second opinion (the model make model builds)")
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--corpus", type=Path, help="score this corpus file instead of the splits")
    parser.add_argument("--model", type=Path, metavar="FILE",
                        help="the second opinion from this model file (learned_build --corpora DIR --out FILE), "
                             "e.g. one trained without a first-sight file")
    parser.add_argument("--perturb", choices=sorted(PERTURBATIONS),
                        help="score every snippet changed in a way that must not change its labels")
    parser.add_argument("--id-prefix", default="",
                        help="score only snippets whose id starts with this (a fresh batch, scored before tuning)")
    args = parser.parse_args()
    second_opinion = learned_model(args.model) if args.second_opinion or args.model else None
    auditor = judged_auditor(second_opinion) if args.judge else RuleEngineAuditor(second_opinion=second_opinion)
    checkers = "rules" + (" + second opinion" if second_opinion else "") + (" + judge" if args.judge else "")
    splits = {args.corpus.stem: args.corpus} if args.corpus else SPLITS
    for name, path in splits.items():
        if args.split not in ("all", name) and not args.corpus:
            continue
        if not path.exists():
            print(f"\n== {name} split: {path} not present")
            continue
        try:
            snippets = load_corpus(path)
        except (OSError, ValueError, KeyError, TypeError) as error:
            sys.exit(f"audit_eval: {path}: {error}")
        snippets = [snippet for snippet in snippets if snippet.id.startswith(args.id_prefix)]
        if not snippets:
            sys.exit(f"audit_eval: {path}: no snippet id starts with {args.id_prefix!r}")
        if args.perturb:
            snippets = [PERTURBATIONS[args.perturb](snippet) for snippet in snippets]
            name = f"{name}, perturbed: {args.perturb}"
        print_evaluation(f"{name} ({checkers})", evaluate(snippets, auditor))
    if args.runs > 0:
        timings = time_campaign(args.runs, RuleEngineAuditor(second_opinion=second_opinion))
        p95 = sorted(timings)[int(0.95 * len(timings)) - 1]
        print(f"\nfull campaign audit (Copy + ShortCopy + Visual as the offline agents write them), "
              f"{checkers.removesuffix(' + judge')}, {args.runs} runs:")
        print(f"  median {statistics.median(timings):.2f} ms, p95 {p95:.2f} ms, min {min(timings):.2f} ms "
              "(target < 50 ms)")


if __name__ == "__main__":
    main()
