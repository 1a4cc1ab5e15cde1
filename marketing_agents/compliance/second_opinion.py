"""The learned second opinion on the rules' claim findings: demote, add, never hide.

The rules read structures; the learned model (:mod:`~marketing_agents.compliance.learned`)
reads what labelled copy looked like. On copy that neither was tuned on they fail in
different places (``bench/learned_baseline.py``), so each is asked about the other's
decisions, per field and claim area (a field holds about as much text as a labelled
snippet; a whole artifact's neutral headlines would dilute what the model sees):

* **demote**: a rule's High finding in an area the model gives its field p < :data:`DEMOTE_BELOW`
  is kept, with its span and fix, at Medium, and its description says why and gives the
  probability: a reviewer sees it and decides; it no longer blocks on its own. Critical
  findings (prohibitions: banned claims, undisclosed credit terms, regardless-of-status
  lending) are never demoted: a word model's doubt is not grounds to pass them.
* **add**: in an area no High/Critical finding of the artifact covers, where the model gives
  one of its fields p >= :data:`ADD_FROM`, one High ``learned.<area>`` finding on the claim-like
  sentence of that field no rule decided that the model rates highest
  (:func:`~marketing_agents.compliance.unclassified.unclassified_claims`); without such a
  sentence nothing is added, as the judge's unanchored opinions are not.

Both cut-offs were read from the grids on the dev files of rounds 6 and 7
(``bench/learned_baseline.py --grid``); on the held-out splits, where neither was read,
the pair raised precision and lowered clean copy flagged without losing recall (TUNING-LOG).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import ArtifactType, ComplianceIssue, Fix, FixKind, IssueCategory, Severity
from .areas import area_of
from .fields import TextField
from .findings import Finding
from .learned import CLAIM_AREAS, LearnedModel, document
from .rules import Category, Scope
from .unclassified import UnclassifiedClaim, unclassified_claims

DEMOTE_BELOW = 0.2
ADD_FROM = 0.9
LEARNED_PREFIX = "learned"

AREA_WORDS = {
    "environmental": "environmental claim",
    "health": "health claim",
    "financial": "financial promotion",
    "endorsements": "endorsement or review",
    "advertising": "advertising claim",
}


def source(model: LearnedModel) -> str:
    return (f"Learned second opinion (model {model.version}: logistic regression on "
            f"{model.trained_on} labelled snippets; docs/compliance.md)")


def _demoted(finding: Finding, p: float, model: LearnedModel) -> Finding:
    issue = finding.issue
    note = (f" Second opinion: a classifier trained on {model.trained_on} labelled snippets rates a blocking "
            f"problem of this kind in this text at {p:.0%}, so the rule's High is shown as Medium for a "
            "reviewer to decide.")
    return Finding(issue.model_copy(update={"severity": Severity.MEDIUM,
                                            "issue_description": issue.issue_description + note}),
                   finding.category)


def _added(area: str, p: float, sentence: UnclassifiedClaim, target: TextField, model: LearnedModel) -> Finding:
    kind = AREA_WORDS[area]
    issue = ComplianceIssue(
        rule_id=f"{LEARNED_PREFIX}.{area}",
        artifact_type=target.artifact_type,
        artifact_version_id=target.version_id,
        field=target.path,
        span=sentence.span,
        excerpt=sentence.text,
        issue_description=(
            f"No rule identified it, but a classifier trained on {model.trained_on} labelled snippets rates "
            f"this text {p:.0%} likely to make an unsupported or misleading {kind}; this sentence is where "
            "it is most likely."),
        severity=Severity.HIGH,
        suggestion=f"Check the {kind} against the brief's evidence: substantiate or qualify it, or reword it.",
        source=source(model),
        fix=Fix(kind=FixKind.REWRITE, target=sentence.text),
        category=IssueCategory.REGULATORY,
    )
    return Finding(issue, Category.REGULATORY)


@dataclass(frozen=True)
class _Asked:
    """What the model was asked about one field and what it answered, per claim area."""

    field: TextField
    evidence: list[str]
    rated: dict[str, float]


def _ask(model: LearnedModel, fields: dict[ArtifactType, list[TextField]], evidence: list[str],
         product: str) -> dict[tuple[ArtifactType, str], _Asked]:
    """One question per customer-facing field: a field is about as much text as a labelled
    snippet, where a whole artifact is many times more (and its neutral headlines and calls
    to action would dilute a claim the model would see alone)."""
    public = Scope()  # what a customer reads; not keywords, image prompts or palettes
    flat = [f for fs in fields.values() for f in fs
            if f.text.strip() and public.covers(f.artifact_type, f.path, f.platform)]
    documents = [document(f.text, evidence, product) for f in flat]
    distinct = list(dict.fromkeys(documents))  # a poster's concepts often repeat a headline
    answers = dict(zip(distinct, model.probabilities(distinct), strict=True))
    return {(f.artifact_type, f.path): _Asked(f, evidence, answers[d]) for f, d in zip(flat, documents, strict=True)}


def _best_sentence(model: LearnedModel, area: str, asked: _Asked, findings: list[Finding],
                   product: str) -> UnclassifiedClaim | None:
    claims = unclassified_claims([asked.field], findings)
    if not claims:
        return None
    rated = model.probabilities([document(c.text, asked.evidence, product) for c in claims])
    return claims[max(range(len(claims)), key=lambda i: rated[i][area])]


def apply_second_opinion(
    model: LearnedModel,
    findings: list[Finding],
    fields: dict[ArtifactType, list[TextField]],
    evidence: list[str],
    product: str = "",
) -> list[Finding]:
    """``findings`` with the rules' High claim findings the model doubts demoted, and its
    own anchored findings where it is confident and no rule blocked. The model is asked
    about each field; a finding is judged by its field's answer, and at most one finding is
    added per artifact and area (on the field the model is surest of)."""
    asked = _ask(model, fields, evidence, product)
    out: list[Finding] = []
    blocked: set[tuple[ArtifactType, str]] = set()
    for finding in findings:
        issue = finding.issue
        area = area_of(issue.rule_id)
        answer = asked.get((issue.artifact_type, issue.field))
        p = answer.rated[area] if answer is not None and area in CLAIM_AREAS else None
        if p is not None and issue.severity == Severity.HIGH and p < DEMOTE_BELOW:
            finding = _demoted(finding, p, model)
        elif area is not None and issue.severity in (Severity.HIGH, Severity.CRITICAL):
            blocked.add((issue.artifact_type, area))
        out.append(finding)
    for area in CLAIM_AREAS:
        surest = sorted((a for a in asked.values() if a.rated[area] >= ADD_FROM),
                        key=lambda a: a.rated[area], reverse=True)
        for answer in surest:
            artifact_type = answer.field.artifact_type
            if (artifact_type, area) in blocked:
                continue
            sentence = _best_sentence(model, area, answer, out, product)
            if sentence is not None:
                out.append(_added(area, answer.rated[area], sentence, answer.field, model))
                blocked.add((artifact_type, area))
    return out
