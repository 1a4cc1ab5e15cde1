"""The labelled corpora (format: ``corpora/FORMAT.md``). The DEV split carries the
targets of issue 13 (the rules are tuned on it); the TEST split, written by someone who
never saw the rules being tuned, is only reported, above a floor set at merge.
Figures per pack and area: ``python bench/audit_eval.py``."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest

from marketing_agents.compliance import build_auditor
from marketing_agents.compliance.engine import RuleEngineAuditor
from marketing_agents.compliance.evaluation import AREAS, Evaluation, evaluate, load_corpus
from marketing_agents.compliance.fields import artifact_fields
from marketing_agents.compliance.perturb import PERTURBATIONS

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from audit_eval import print_rule_ids  # the harness's own table

CORPORA = Path(__file__).resolve().parent / "corpora"
DEV = CORPORA / "dev.yaml"
TEST = CORPORA / "test.yaml"
HOLDOUT = CORPORA / "holdout.yaml"

# The held-out split's floor: a regression guard set just under the figures measured when
# the rules were merged (docs/compliance.md, "How well it generalises"), NOT the targets
# (recall 0.95, precision 0.9, clean flagged 5%), which the rules do not reach on copy
# they were not tuned on. Raise it when the rules improve; never tune on this split.
TEST_FLOOR = {"blocking_recall": 0.78, "blocking_precision": 0.94, "clean_flagged_rate": 0.05}
# The second held-out split (round 4, two more independent writers), held to its own floor.
HOLDOUT_FLOOR = {"blocking_recall": 0.75, "blocking_precision": 0.88, "clean_flagged_rate": 0.10}
# The product's auditor (rules and the learned second opinion, docs/compliance.md), held to
# floors just under what it measured when the model was first packaged.
SECOND_OPINION_FLOORS = {
    # round 12 (TUNING-LOG.md): test 0.830 / 0.941 / 5.6%, holdout 0.803 / 0.894 / 8.3%. The rules did
    # not move on test and lost one holdout unit to a wrong block; the model retrained on eight more
    # files (880 snippets) caught one more unit on each split and flagged one more clean snippet on
    # test and three more on holdout (round 11: 0.824 / 0.955 / 4.2% and 0.796 / 0.914 / 4.8%).
    # The floors follow the measurement down; nothing was tuned on these splits.
    "test": {"blocking_recall": 0.82, "blocking_precision": 0.93, "clean_flagged_rate": 0.06},
    "holdout": {"blocking_recall": 0.79, "blocking_precision": 0.88, "clean_flagged_rate": 0.09},
}


def summary(name: str, result: Evaluation) -> str:
    b = result.blocking
    return (f"{name}: {result.snippets} snippets; blocking recall {b.recall:.3f} ({b.tp}/{b.tp + b.fn}), "
            f"precision {b.precision:.3f}; clean flagged High/Critical {result.clean_flagged_rate:.1%} "
            f"({len(result.clean_flagged)}/{result.clean}); rule ids precision {result.overall.precision:.3f} "
            f"recall {result.overall.recall:.3f}")


@pytest.fixture(scope="module")
def dev() -> Evaluation:
    return evaluate(load_corpus(DEV))


def test_dev_split_meets_the_targets(dev: Evaluation) -> None:
    print(summary("dev", dev))
    assert dev.blocking.recall >= 0.95, dev.misses
    assert dev.blocking.precision >= 0.9, dev.false_alarms
    assert dev.clean_flagged_rate <= 0.05, dev.clean_flagged
    assert dev.overall.precision >= 0.9, dev.false_alarms
    assert dev.overall.recall >= 0.9, dev.misses


def test_dev_split_is_big_varied_and_a_third_clean() -> None:
    snippets = load_corpus(DEV)
    assert len(snippets) >= 200
    assert len({s.industry for s in snippets}) >= 10
    clean = sum(1 for s in snippets if s.clean)
    assert 0.25 <= clean / len(snippets) <= 0.45
    covered = {e.area for s in snippets for e in s.expectations}
    assert set(AREAS) <= covered
    assert len({s.id for s in snippets}) == len(snippets)


@pytest.mark.parametrize("path, floor", [(TEST, TEST_FLOOR), (HOLDOUT, HOLDOUT_FLOOR)], ids=["test", "holdout"])
def test_held_out_split_figures(path: Path, floor: dict[str, float]) -> None:
    if not path.exists():
        pytest.skip(f"{path.name} is not in this tree")
    result = evaluate(load_corpus(path))
    # Aggregates only: the snippets a held-out split misses are not shown to whoever tunes
    # rules (bench/audit_eval.py --split test|holdout lists them for the person who evaluates).
    print(summary(path.stem, result))
    assert result.blocking.recall >= floor["blocking_recall"]
    assert result.blocking.precision >= floor["blocking_precision"]
    assert result.clean_flagged_rate <= floor["clean_flagged_rate"]


@cache
def product_figures(path: Path, perturbation: str | None = None) -> Evaluation:
    """The product's auditor (rules and the learned second opinion) on a split, perhaps perturbed."""
    auditor = build_auditor()
    assert isinstance(auditor, RuleEngineAuditor) and auditor.second_opinion is not None, auditor
    snippets = load_corpus(path)
    if perturbation is not None:
        snippets = [PERTURBATIONS[perturbation](s) for s in snippets]
    return evaluate(snippets, auditor)


@pytest.mark.parametrize("path", [TEST, HOLDOUT], ids=["test", "holdout"])
def test_held_out_split_figures_with_the_second_opinion(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path.name} is not in this tree")
    result = product_figures(path)
    print(summary(f"{path.stem} with the second opinion", result))
    floor = SECOND_OPINION_FLOORS[path.stem]
    assert result.blocking.recall >= floor["blocking_recall"]
    assert result.blocking.precision >= floor["blocking_precision"]
    assert result.clean_flagged_rate <= floor["clean_flagged_rate"]


@pytest.mark.parametrize("perturbation", sorted(PERTURBATIONS))
@pytest.mark.parametrize("path", [TEST, HOLDOUT], ids=["test", "holdout"])
def test_the_product_auditor_gives_the_same_answers_to_label_preserving_changes(path: Path, perturbation: str) -> None:
    """A snippet inside a campaign-shaped artifact, between plain sentences of its body, or
    with unrelated evidence in its brief, must be judged as it is alone: an artifact-level
    learned opinion lost 6-7 points of recall inside campaigns, an all-evidence one 2 with
    unrelated evidence (perturb.py). Two units either way is what a thresholded classifier
    moves when padding shifts an answer near a cut-off (the model is trained on padded
    copies to keep that small: learned_build.with_padded_copies); the failures this test
    exists for moved nine or ten."""
    if not path.exists():
        pytest.skip(f"{path.name} is not in this tree")
    plain, changed = product_figures(path), product_figures(path, perturbation)
    print(summary(f"{path.stem}, {perturbation}", changed))
    assert abs(changed.blocking.tp - plain.blocking.tp) <= 2
    assert abs(changed.blocking.fp - plain.blocking.fp) <= 2
    assert abs(len(changed.clean_flagged) - len(plain.clean_flagged)) <= 2


def test_excerpts_are_exact_on_the_whole_dev_split() -> None:
    auditor = RuleEngineAuditor()
    for snippet in load_corpus(DEV):
        texts = {f.path: f.text for a in snippet.context.texts.values() for f in artifact_fields(a)}
        for finding in auditor.run_rules(snippet.context).findings:
            issue = finding.issue
            if issue.span is not None:
                assert texts[issue.field][issue.span.start : issue.span.end] == issue.excerpt, snippet.id


def test_a_split_without_rule_labels_has_no_rule_id_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A corpus labelled by area and severity only (a reviewer who does not know our rule
    ids) must not report rule-id precision 0: the harness prints "n/a" for it."""
    corpus = tmp_path / "areas-only.yaml"
    corpus.write_text(
        "version: 2\nsplit: dev\nsnippets:\n"
        "  - {id: a-1, area: environmental, industry: household, text: Our planet-positive bottle., "
        "expect: [{severity: High}]}\n"
        "  - {id: a-2, area: health, industry: drinks, text: A cold drink for hot days., expect: []}\n",
        encoding="utf-8",
    )
    result = evaluate(load_corpus(corpus))
    assert not result.has_rule_labels and result.blocking.tp == 1
    assert evaluate(load_corpus(DEV)[:40]).has_rule_labels
    print_rule_ids(result)
    assert "n/a (no rule labels)" in capsys.readouterr().out
