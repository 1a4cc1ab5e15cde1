"""How far a learned text classifier gets on copy nobody tuned on, beside the rules.

Seven rounds of rules written from labelled dev files reach 0.97-1.00 recall on the files they
were tuned on and 0.71-0.84 on each next batch of first-sight copy (TUNING-LOG.md). This bench
asks what a plain learned baseline does on the same first-sight batches: for each batch it
trains, per claim area, a logistic regression over word (1-2) and character (3-5) n-grams of the
snippet's text and evidence, on the files written *before* that batch only, and scores it the
way the engine is scored (FORMAT.md: a unit is a (snippet, area) pair, blocking when labelled
High/Critical). Beside it, with the same units:

* ``rules``: the current rule engine (tuned on every dev batch except the newest, which the
  bench marks "first sight");
* ``learned``: the classifier alone, blocking at p >= 0.5 (the default cut, not tuned);
* ``rules, learned veto``: a rule's block kept only when the classifier gives it p >= 0.2;
* ``rules or learned``: a rule's block, or the classifier's at p >= 0.9.

The two cuts of the combinations were read from the grids on the round 6 and 7 first-sight
batches (``--grid`` prints them), so on those batches they are fitted, not first sight. The
classifier and what it reads are the product's (``marketing_agents/compliance/learned.py``,
``learned_build.snippet_document``); the product's second opinion (``second_opinion.py``)
asks it per field and per unclassified claim sentence, demotes below 0.1 (chosen on the
product's auditor: docs/compliance.md) and never demotes a Critical finding, so
``bench/audit_eval.py --second-opinion`` (or ``--model FILE``) gives its own figures.

Only the five claim areas a text classifier can see are scored (environmental, health,
financial, endorsements, advertising): constraints, platform limits, brand and accessibility
depend on the brief or the artifact's shape, and the rules decide them. A clean snippet counts
as flagged when it is blocked in one of those five areas.

    .venv/bin/python bench/learned_baseline.py              # every dev batch after the first files
    .venv/bin/python bench/learned_baseline.py --grid       # and the cut grids
    .venv/bin/python bench/learned_baseline.py --held-out   # and test/holdout, trained on all dev files (lead only)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marketing_agents.compliance.areas import area_of  # noqa: E402
from marketing_agents.compliance.engine import RuleEngineAuditor  # noqa: E402
from marketing_agents.compliance.evaluation import BLOCKING, load_corpus  # noqa: E402
from marketing_agents.compliance.learned import CLAIM_AREAS as AREAS  # noqa: E402
from marketing_agents.compliance.learned import TrainingExample  # noqa: E402
from marketing_agents.compliance.learned import train as train_model  # noqa: E402
from marketing_agents.compliance.learned_build import snippet_document, with_padded_copies  # noqa: E402

CORPORA = ROOT / "tests" / "compliance" / "corpora"
# Dev files in the order they were written (FORMAT.md); each batch is scored after training on
# the files before it. A new dev file is added here, after the others.
WRITTEN_IN_ORDER = (
    ("dev",),
    ("dev-fresh",),
    ("dev-fresh2",),
    ("dev-fresh3a", "dev-fresh3b", "dev-fresh3c", "dev-fresh3d"),
    ("dev-fresh4a", "dev-fresh4b"),
    ("dev-fresh5a", "dev-fresh5b"),
    ("dev-fresh6a", "dev-fresh6b"),
    ("dev-fresh7a", "dev-fresh7b"),
    ("dev-fresh8a", "dev-fresh8b"),
    # round 9: seventeen files written to train on, then the two first-sight files, scored last
    tuple(f"dev-fresh9{letter}" for letter in "cdefghijklmnopqrs"),
    ("dev-fresh9a", "dev-fresh9b"),
    # round 10: six files written to train on (10c environmental, 10d health, 10e financial, 10f
    # endorsements and pricing, 10g constraints, 10h overlooked industries), then the first-sight pair
    tuple(f"dev-fresh10{letter}" for letter in "cdefgh"),
    ("dev-fresh10a", "dev-fresh10b"),
    # round 11: four files written to train on (11c financial, 11d advertising, 11e whole-campaign copy,
    # 11f health and environmental paraphrase), then the first-sight pair
    tuple(f"dev-fresh11{letter}" for letter in "cdef"),
    ("dev-fresh11a", "dev-fresh11b"),
    # round 12: six files (12c advertising, 12d financial, 12e endorsements, 12f environmental and health;
    # 12a and 12b, written as first sight, demoted to training once the tuner saw their misses' ids),
    # then the first-sight pair
    tuple(f"dev-fresh12{letter}" for letter in "abcdef"),
    ("dev-fresh12g", "dev-fresh12h"),
    # round 13: four training files (13c advertising, 13d posters, posts and brief constraints, 13e
    # endorsements and health, 13f whole-campaign long copy), written while the rules changed, then
    # the first-sight pair
    tuple(f"dev-fresh13{letter}" for letter in "cdef"),
    ("dev-fresh13a", "dev-fresh13b"),
)
# Files no rule tuner has seen (each round's first-sight files; FORMAT.md): the bench says
# "first sight" for the rules there, "tuned on it" elsewhere.
# Round 10 tuned the brief-constraint compiler and the alt-text severity on the constraint and
# accessibility snippets of every earlier dev file; round 11 tuned on round 10's first-sight pair,
# round 12 on round 11's files and on 12a-12f, round 13 on 12g/12h and every earlier dev file.
RULES_NEVER_TUNED_ON = frozenset({"dev-fresh13a", "dev-fresh13b"})
FIRST_BATCH = 4  # dev-fresh4a/4b: the first batch with some thousand snippets written before it
HELD_OUT = ("test", "holdout")
VETO_BELOW, ADD_FROM, LEARNED_CUT = 0.2, 0.9, 0.5

Unit = tuple[str, str]  # (snippet id, area)


@dataclass(frozen=True)
class Example:
    id: str
    document: str
    clean: bool
    expected: frozenset[str]  # areas labelled High/Critical
    rules: frozenset[str]  # areas the rules block


def examples(name: str, auditor: RuleEngineAuditor) -> list[Example]:
    """The file's snippets as the product's classifier reads them, and what the rules block."""
    out = []
    for snippet in load_corpus(CORPORA / f"{name}.yaml"):
        found = auditor.run_rules(snippet.context).findings
        out.append(Example(
            id=snippet.id,
            document=snippet_document(snippet),
            clean=snippet.clean,
            expected=frozenset(e.area for e in snippet.expectations if e.severity in BLOCKING),
            rules=frozenset(a for f in found if f.issue.severity.value in BLOCKING and (a := area_of(f.issue.rule_id))),
        ))
    return out


def learned_probabilities(train: list[Example], test: list[Example]) -> dict[Unit, float]:
    """p(blocking) per (snippet, area) of ``test`` from the product's classifier
    (:func:`~marketing_agents.compliance.learned.train`, on each snippet alone and padded, as
    ``make model`` builds it) fitted on ``train`` only."""
    labelled = [TrainingExample(e.document, e.expected) for e in train]
    model = train_model(with_padded_copies(labelled), [], snippets=len(labelled))
    rated = model.probabilities([e.document for e in test])
    return {(example.id, area): p[area] for example, p in zip(test, rated, strict=True) for area in AREAS}


def score(test: list[Example], blocks: Callable[[Example, str], bool]) -> str:
    tp = fp = fn = clean = clean_flagged = 0
    for example in test:
        flagged = False
        for area in AREAS:
            expected, found = area in example.expected, blocks(example, area)
            tp, fp, fn = tp + (expected and found), fp + (found and not expected), fn + (expected and not found)
            flagged = flagged or found
        if example.clean:
            clean += 1
            clean_flagged += flagged
    recall, precision = tp / max(1, tp + fn), tp / max(1, tp + fp)
    return (f"recall {recall:.3f} ({tp}/{tp + fn}), precision {precision:.3f} ({tp}/{tp + fp}), "
            f"clean flagged {clean_flagged / max(1, clean):.1%} ({clean_flagged}/{clean})")


def report(label: str, train: list[Example], test: list[Example], grid: bool, rules_tuned_on_it: bool) -> None:
    p = learned_probabilities(train, test)
    print(f"\n== {label}: trained on {len(train)} snippets, scored on {len(test)}")
    rules = "rules (tuned on it)" if rules_tuned_on_it else "rules (first sight)"
    print(f"  {rules:26} {score(test, lambda e, a: a in e.rules)}")
    print(f"  {'learned (p >= 0.5)':26} {score(test, lambda e, a: p[(e.id, a)] >= LEARNED_CUT)}")
    print(f"  {'rules, learned veto < 0.2':26} "
          f"{score(test, lambda e, a: a in e.rules and p[(e.id, a)] >= VETO_BELOW)}")
    print(f"  {'rules or learned >= 0.9':26} {score(test, lambda e, a: a in e.rules or p[(e.id, a)] >= ADD_FROM)}")
    if grid:
        for cut in (0.05, 0.1, 0.2, 0.3, 0.4):
            print(f"    veto < {cut:<4}  {score(test, lambda e, a, c=cut: a in e.rules and p[(e.id, a)] >= c)}")
        for cut in (0.6, 0.7, 0.8, 0.9, 0.95):
            print(f"    add >= {cut:<4}  {score(test, lambda e, a, c=cut: a in e.rules or p[(e.id, a)] >= c)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grid", action="store_true", help="print the veto and add cut grids")
    parser.add_argument("--held-out", action="store_true", help="also test.yaml and holdout.yaml (lead only)")
    args = parser.parse_args()
    listed = {name for batch in WRITTEN_IN_ORDER for name in batch}
    unlisted = sorted(p.stem for p in CORPORA.glob("*.yaml") if p.stem not in listed and p.stem not in HELD_OUT)
    if unlisted:
        raise SystemExit(f"add {', '.join(unlisted)} to WRITTEN_IN_ORDER in bench/learned_baseline.py")
    auditor = RuleEngineAuditor()
    batches = [[x for name in batch for x in examples(name, auditor)] for batch in WRITTEN_IN_ORDER]
    for index in range(FIRST_BATCH, len(batches)):
        train = [x for batch in batches[:index] for x in batch]
        report(" + ".join(WRITTEN_IN_ORDER[index]) + " (first sight for the classifier)", train, batches[index],
               args.grid, rules_tuned_on_it=not set(WRITTEN_IN_ORDER[index]) <= RULES_NEVER_TUNED_ON)
    if args.held_out:
        every_dev = [x for batch in batches for x in batch]
        for name in HELD_OUT:
            report(f"{name} (held out)", every_dev, examples(name, auditor), args.grid, rules_tuned_on_it=False)


if __name__ == "__main__":
    main()
