"""The labelled corpus: recall on High/Critical labels and precision overall, and the
clean counter-examples must stay clean. Figures per pack: ``python bench/audit_eval.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from marketing_agents.compliance.evaluation import evaluate, load_corpus

HERE = Path(__file__).resolve().parent


@pytest.mark.parametrize("name, min_recall", [("corpus.yaml", 0.95), ("holdout.yaml", 0.9)])
def test_corpus(name: str, min_recall: float) -> None:
    snippets = load_corpus(HERE / name)
    result = evaluate(snippets)
    assert result.blocking.recall >= min_recall, result.misses
    assert result.overall.precision >= 0.9, result.false_alarms
    assert result.clean_flagged == []


def test_corpus_is_big_enough_and_covers_every_pack() -> None:
    snippets = load_corpus(HERE / "corpus.yaml")
    assert len(snippets) >= 60
    packs = {rule.split(".")[0] for s in snippets for rule in s.expected}
    assert {"env", "ads", "health", "fin", "endorse", "platform", "brand", "brief", "a11y"} <= packs
    assert sum(1 for s in snippets if not s.expected) >= 15


def test_excerpts_are_exact_on_the_whole_corpus() -> None:
    from marketing_agents.compliance.engine import RuleEngineAuditor
    from marketing_agents.compliance.fields import artifact_fields

    auditor = RuleEngineAuditor()
    for snippet in load_corpus(HERE / "corpus.yaml"):
        texts = {f.path: f.text for a in snippet.context.texts.values() for f in artifact_fields(a)}
        for finding in auditor.run_rules(snippet.context).findings:
            issue = finding.issue
            if issue.span is not None:
                assert texts[issue.field][issue.span.start : issue.span.end] == issue.excerpt, snippet.id
