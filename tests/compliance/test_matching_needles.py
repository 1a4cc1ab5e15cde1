"""The needle prefilter (matching.needles / viable) may skip an expression only where it
cannot match: checked for every expression of every packaged pack and of the claim rules,
against the texts of a labelled corpus and a few of our own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from marketing_agents.compliance.claims import PATTERNS
from marketing_agents.compliance.evaluation import load_corpus
from marketing_agents.compliance.matching import (
    Gated,
    alternatives,
    compile_pattern,
    find,
    has_needles,
    needles,
    viable,
)
from marketing_agents.compliance.packs import packaged_packs

CORPUS = Path(__file__).parent / "corpora" / "dev-fresh5a.yaml"
OWN_TEXTS = [
    "Lost 3 kg in 2 weeks! Our customers saved £40 a month.",
    "Recyclable where facilities exist; check locally. Made from 90% recycled steel.",
    "The UK's No. 1 broadband — twice as fast as the big six, guaranteed or your money back.",
    "FREE delivery* when you spend £30. *Members only.",
    "Download speeds of 900 Mbps; it accelerates to 60 in 4 seconds and cuts bills by 30%.",
    "Visibly smoother skin in just 7 days, and the battery lasts up to 40 hours.",
]


def _strings(value: Any, key: str = "") -> list[str]:
    """Every string held under a key naming expressions (``patterns``, ``if_patterns``, …)."""
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(v, k)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v, key)]
    if isinstance(value, str) and (key.endswith("patterns") or key in ("exceptions", "unless", "all_of")):
        return [value]
    return []


def _expressions() -> list[str]:
    found = {p for pack in packaged_packs().values() for rule in pack.rules for p in _strings(rule.model_dump())}
    found |= {part for pattern in PATTERNS.values() for part in alternatives(pattern)}
    return sorted(found)


def _texts() -> list[str]:
    texts = list(OWN_TEXTS)
    for snippet in load_corpus(CORPUS):
        texts += [layout_text for layout_text in _layout_texts(snippet.context.layouts())]
    return texts


def _layout_texts(layouts: dict[Any, Any]) -> list[str]:
    from marketing_agents.compliance.fields import artifact_fields

    return [f.text for layout in layouts.values() for f in artifact_fields(layout)]


def test_the_packs_have_expressions_to_check() -> None:
    assert len(_expressions()) > 200


def test_no_expression_that_matches_a_text_is_skipped_by_its_needles() -> None:
    texts = _texts()
    skipped_wrongly = []
    for pattern in _expressions():
        regex = compile_pattern(pattern)
        required = needles(pattern)
        for text in texts:
            if regex.search(text) and not has_needles(text.lower().__contains__, required):
                skipped_wrongly.append((pattern[:80], text[:80]))
    assert skipped_wrongly == []


def test_needles_are_a_conjunction_of_sets() -> None:
    required = needles(r"\b(?:lost|made) \d+ ?(?:kg|lbs)\b")
    assert frozenset({"lost", "made"}) in required and frozenset({"kg", "lbs"}) in required
    assert has_needles("we lost 3 kg".__contains__, required)
    assert not has_needles("we made a cake".__contains__, required)  # one set present is not enough
    assert needles(r"\d+%?") == ()  # nothing to read off: the expression always runs


@pytest.mark.parametrize("text", OWN_TEXTS)
def test_find_over_viable_expressions_equals_find_over_all(text: str) -> None:
    expressions = _expressions()
    terms, live = viable(text.lower(), ["guaranteed", "free"], expressions)
    assert find(text, terms, live) == find(text, ["guaranteed", "free"], expressions)
    assert len(live) < len(expressions) / 4  # and most expressions are skipped


def test_gated_figure_shapes_find_what_their_expressions_find() -> None:
    from marketing_agents.compliance.figures import _shapes

    shapes = _shapes()
    gated = [value for value in vars(shapes).values() if isinstance(value, Gated)]
    assert len(gated) >= 4
    befores = [text[max(0, i - 200) : i] for text in _texts() for i, ch in enumerate(text) if ch.isdigit()]
    assert len(befores) > 300  # the text before every figure of the corpus: how the shapes are searched
    for shape in gated:
        found = [b for b in befores if shape.regex.search(b)]
        assert found, shape.regex.pattern[:60]  # the corpus exercises every shape
        assert [b for b in befores if shape.search(b)] == found
