"""The blind second labellings under corpora/agreement/ (bench/label_agreement.py) label
every snippet of their writer's file, once, with that file's texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marketing_agents.compliance.evaluation import load_corpus

CORPORA = Path(__file__).parent / "corpora"
SECONDS = sorted((CORPORA / "agreement").glob("*.second.yaml"))


def test_there_is_a_second_labelling() -> None:
    assert SECONDS


@pytest.mark.parametrize("second", SECONDS, ids=lambda p: p.name)
def test_a_second_labelling_labels_each_snippet_of_its_reference_once(second: Path) -> None:
    stem = second.name.removesuffix(".second.yaml")
    ids: dict[str, str] = json.loads((CORPORA / "agreement" / f"{stem}.ids.json").read_text())
    reference = {s.id: s for s in load_corpus(CORPORA / f"{stem}.yaml")}
    labelled = load_corpus(second)
    assert sorted(ids[s.id] for s in labelled) == sorted(reference)
    for snippet in labelled:
        original = reference[ids[snippet.id]]
        assert snippet.context.layouts().keys() == original.context.layouts().keys()
        assert snippet.context.brief.evidence == original.context.brief.evidence
