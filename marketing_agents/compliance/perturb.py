"""Labelled snippets changed in ways that must not change their labels.

A corpus snippet is one piece of copy with a brief; a campaign's artifact holds that piece
among headlines, calls to action and other posts, and a real brief lists evidence about
more than the one claim. A compliance check that generalises gives the same answer either
way. ``bench/audit_eval.py --perturb`` scores these variants beside the corpus itself, and
the corpus tests hold the product's auditor to them: they are how the learned second
opinion was found to need a field, not an artifact, as its unit (docs/compliance.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..models import ArtifactType
from .evaluation import Snippet

# What a campaign says beside any claim: nothing a reviewer would block, in any area.
UNRELATED_EVIDENCE = ("Family business, based in Leeds", "Available in three colours")


def in_a_campaign(snippet: Snippet) -> Snippet:
    """The snippet inside an artifact as the writers make it: plain headlines, calls to
    action and keywords beside the copy; two plain posts beside the post."""
    product = snippet.context.brief.product
    texts = {}
    for artifact_type, layout in snippet.context.texts.items():
        data = dict(layout.data)
        if artifact_type is ArtifactType.COPY:
            data.setdefault("headlines", [f"Meet {product}", "New this season", f"Say hello to {product}"])
            data.setdefault("callsToAction", ["Find out more", "Shop now", "Learn more"])
            data.setdefault("toneSummary", "Warm and friendly")
            data.setdefault("keywords", [product])
        elif artifact_type is ArtifactType.SHORT_COPY:
            data["posts"] = [*data.get("posts", []),
                             {"platform": "LinkedIn", "text": f"Meet {product}. Find out more on our site."},
                             {"platform": "Instagram", "text": f"Say hello to {product}, new this season."}]
        texts[artifact_type] = layout.model_copy(update={"data": data})
    return replace(snippet, context=snippet.context.model_copy(update={"texts": texts}))


def in_a_paragraph(snippet: Snippet) -> Snippet:
    """The copy's text between two plain sentences of the same body, as a body holds a claim
    among other sentences. Posts, posters and snippets whose brief has constraints are left
    as they are: added words would change what a platform's limit, a poster's layout or a
    word limit says."""
    if snippet.context.brief.constraints:
        return snippet
    product = snippet.context.brief.product
    texts = {}
    for artifact_type, layout in snippet.context.texts.items():
        data = dict(layout.data)
        if artifact_type is ArtifactType.COPY:
            data["bodyLong"] = f"Meet {product}. {data['bodyLong']} Find out more on our site."
        texts[artifact_type] = layout.model_copy(update={"data": data})
    return replace(snippet, context=snippet.context.model_copy(update={"texts": texts}))


def with_unrelated_evidence(snippet: Snippet) -> Snippet:
    """The snippet with a brief that also states facts about nothing the copy claims."""
    brief = snippet.context.brief
    wider = brief.model_copy(update={"evidence": [*brief.evidence, *UNRELATED_EVIDENCE]})
    return replace(snippet, context=snippet.context.model_copy(update={"brief": wider}))


PERTURBATIONS: dict[str, Callable[[Snippet], Snippet]] = {
    "campaign": in_a_campaign,
    "paragraph": in_a_paragraph,
    "evidence": with_unrelated_evidence,
}
