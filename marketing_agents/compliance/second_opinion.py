"""The learned second opinion on the rules' claim findings: demote, promote, add, never hide.

The rules read structures; the learned model (:mod:`~marketing_agents.compliance.learned`)
reads what labelled copy looked like. On copy that neither was tuned on they fail in
different places (``bench/learned_baseline.py``), so each is asked about the other's
decisions, per field and claim area (a field holds about as much text as a labelled
snippet; a whole artifact's neutral headlines would dilute what the model sees):

* **demote**: a rule's High finding in an area the model gives its field p < :data:`DEMOTE_BELOW`
  (< :data:`DEMOTE_GENERAL_BELOW` for the general advertising claims,
  :data:`~marketing_agents.compliance.ownership.GENERAL_RULES`, half the rules named in the rules'
  wrong blocks on the dev folds of rounds 6-8),
  when no claim area of the field reaches :data:`NO_AREA_FROM`, is kept, with its span and fix,
  at Medium, and its description says why and gives the probability: a reviewer sees it and
  decides; it no longer blocks on its own. Critical
  findings (prohibitions: banned claims, undisclosed credit terms, regardless-of-status
  lending) are never demoted: a word model's doubt is not grounds to pass them.
* **promote**: a rule's Medium claim finding in an area the model gives its field
  p >= :data:`PROMOTE_FROM` (the classifiers' own decision cut) is raised to High, with its
  span and fix, one per artifact and area, and its description says why: two readers that
  see a problem of the same kind in the same text ("last chance" in copy the model reads as
  pressure selling; a "free" offer whose conditions are missing) are one a reviewer blocks.
* **add**: in an area no High/Critical finding of the artifact covers, one High
  ``learned.<area>`` finding on the claim sentence
  (:func:`~marketing_agents.compliance.unclassified.claim_sentences`: claim-like, or one a
  rule's finding lies on) that the model rates highest among those where the sentence or its
  field has p >= :data:`ADD_FROM` (a body holding claims of several areas dilutes each in the
  field's answer; a sentence alone may miss the condition beside it); without such a sentence
  nothing is added, as the judge's unanchored opinions are not. A sentence a rule decided is a
  candidate too: the rule read it as one kind of claim and may have missed another kind in it
  ("Dentists recommend it: it reverses gum disease" is a disease claim to the rules and an
  endorsement to a reviewer).

The add cut-off was read from the grids on the dev files of rounds 6 and 7
(``bench/learned_baseline.py --grid``). The demote cut-off was chosen on the product's
auditor over two dev folds, each scored with a model trained without it
(``bench/audit_eval.py --corpus dev-fresh7a.yaml --model …``): at 0.2 it unblocked 14 of the
150 right blocks on the files the rules were tuned on (6a/6b), at 0.1 4, and on the files
neither had seen (7a/7b) 0.1 kept three more right blocks for five more wrong ones (two of
them on clean snippets). A wrongly passed violation is the worse error for a reviewer who
trusts the audit. Promotion and anchoring on decided sentences were measured the same way on
three folds (6a/6b, 7a/7b, 8a/8b, each with a model trained without it; TUNING-LOG.md, "Round
9"): together they caught 2 of 138 and 4 of 138 more blocking units on 7a/7b and 8a/8b, with
precision within a point (0.785 to 0.782, 0.775 to 0.782), and cost one wrong block on 6a/6b.
A bolder veto for every rule or a lower add cut-off bought recall or precision on one fold with
the other, or with the fold the rules were tuned on, and was not taken; a bolder veto (0.3) for
the general advertising claims alone removed 5 and 3 wrong blocks (2 and 2 clean snippets
flagged) on 7a/7b and 8a/8b for one right block there and two on 6a/6b, and was.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..models import ArtifactType, ComplianceIssue, Fix, FixKind, IssueCategory, Severity
from .areas import area_of
from .fields import TextField
from .findings import Finding
from .learned import CLAIM_AREAS, LearnedModel, content_words, document, product_words
from .ownership import GENERAL_RULES
from .rules import Category, Scope
from .unclassified import UnclassifiedClaim, claim_sentences

LEARNED_PREFIX = "learned"


@dataclass(frozen=True)
class Policy:
    """The cut-offs at which the model's answers change a report (the module's docstring
    says where each was chosen); the benchmarks and tests try others. ``promote_from`` above 1
    never promotes."""

    demote_below: float = 0.1
    no_area_from: float = 0.5  # the classifiers' own decision cut: at or above it, a text has a blocking problem
    add_from: float = 0.9
    promote_from: float = 0.5  # the classifiers' decision cut, as no_area_from
    demote_general_below: float = 0.3  # the general advertising claims' (ownership.GENERAL_RULES)


DEFAULT_POLICY = Policy()
DEMOTE_BELOW = DEFAULT_POLICY.demote_below
DEMOTE_GENERAL_BELOW = DEFAULT_POLICY.demote_general_below
ADD_FROM = DEFAULT_POLICY.add_from
NO_AREA_FROM = DEFAULT_POLICY.no_area_from
PROMOTE_FROM = DEFAULT_POLICY.promote_from

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


def _doubted(p: float, answer: dict[str, float] | None, policy: Policy, rule_id: str = "") -> bool:
    """Whether the model doubts a rule's finding: its area is rated below
    :data:`DEMOTE_BELOW` (:data:`DEMOTE_GENERAL_BELOW` for a general advertising claim: a
    number, superlative, comparison, proof word, absolute, guarantee or undisclosed condition,
    the rules least often right on copy they were not tuned on) and no claim area reaches
    :data:`NO_AREA_FROM`. Rules and labellers
    file some claims under different areas ("boosts your child's IQ by 20 points" is a number
    to the rules and a health claim to a reviewer); a text the model finds wrong in any area
    is not one it vouches for."""
    below = policy.demote_general_below if rule_id in GENERAL_RULES else policy.demote_below
    return p < below and answer is not None and max(answer.values()) < policy.no_area_from


def _demoted(finding: Finding, p: float, model: LearnedModel) -> Finding:
    issue = finding.issue
    note = (f" Second opinion: a classifier trained on {model.trained_on} labelled snippets rates a blocking "
            f"problem of this kind in this text at {p:.0%}, so the rule's High is shown as Medium for a "
            "reviewer to decide.")
    return Finding(issue.model_copy(update={"severity": Severity.MEDIUM,
                                            "issue_description": issue.issue_description + note}),
                   finding.category)


def _promoted(finding: Finding, p: float, model: LearnedModel) -> Finding:
    issue = finding.issue
    note = (f" Second opinion: a classifier trained on {model.trained_on} labelled snippets rates a blocking "
            f"problem of this kind in this text at {p:.0%}, so the rule's Medium is raised to High.")
    return Finding(issue.model_copy(update={"severity": Severity.HIGH,
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
class _Answers:
    """The model's answers for one audit: per customer-facing field, and per claim-like
    sentence no rule decided, grouped by artifact."""

    fields: dict[tuple[ArtifactType, str], dict[str, float]]
    claims: dict[ArtifactType, list[tuple[UnclassifiedClaim, dict[str, float]]]]


def _restates_evidence(sentence: str, evidence: list[str], product: str) -> bool:
    """Whether every word family and number of ``sentence`` is in one evidence item ("Rated
    4.7 stars by 12,000 users" beside that very item): the brief substantiates it, and the
    rules, which check claims against the evidence, have passed it. A word model cannot tell
    a supported rating from an invented one, so it is not asked to add a finding there."""
    ignored, stated = _evidence_words(tuple(evidence), product)
    words = content_words(sentence, ignored)
    return bool(words) and any(words <= item for item in stated)


@lru_cache(maxsize=64)
def _evidence_words(evidence: tuple[str, ...], product: str) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """The product's words and each evidence item's word families, read once per brief rather
    than once per sentence asked about."""
    ignored = product_words(product)
    return ignored, tuple(frozenset(content_words(item, ignored)) for item in evidence)


def _unstated(field: TextField, evidence: list[str], product: str) -> str:
    """The field's text without the sentences an evidence item states (:func:`_restates_evidence`):
    what the model is asked about. Its answer for a field is a reason to add a finding on one of
    the field's sentences, and a substantiated "Rated 4.7 stars by 12,000 users" made the model
    sure of an endorsement problem that it then anchored on the sentence beside it."""
    if not evidence:
        return field.text
    spans = list(field.sentence_spans())
    kept = [(start, end) for start, end in spans if not _restates_evidence(field.text[start:end], evidence, product)]
    if len(kept) == len(spans):
        return field.text
    return " ".join(field.text[start:end].strip() for start, end in kept)


def _ask(model: LearnedModel, fields: dict[ArtifactType, list[TextField]], findings: list[Finding],
         evidence: list[str], product: str, audience: str) -> _Answers:
    """One batch of questions: each customer-facing field (about as much text as a labelled
    snippet, where a whole artifact is many times more and its neutral headlines and calls
    to action would dilute a claim the model would see alone) and each unclassified claim."""
    public = Scope()  # what a customer reads; not keywords, image prompts or palettes
    read = {t: [f for f in fs if f.text.strip() and public.covers(f.artifact_type, f.path, f.platform)]
            for t, fs in fields.items()}
    flat = [f for fs in read.values() for f in fs]
    claims = {t: [c for c in claim_sentences(fs, findings) if not _restates_evidence(c.text, evidence, product)]
              for t, fs in read.items()}
    field_documents = [document(_unstated(f, evidence, product), evidence, product, audience) for f in flat]
    claim_documents = {t: [document(c.text, evidence, product, audience) for c in cs] for t, cs in claims.items()}
    # distinct texts once: a poster's concepts often repeat a headline, a one-sentence field is its claim
    distinct = list(dict.fromkeys([*field_documents, *(d for ds in claim_documents.values() for d in ds)]))
    answers = dict(zip(distinct, model.probabilities(distinct), strict=True))
    return _Answers(
        {(f.artifact_type, f.path): answers[d] for f, d in zip(flat, field_documents, strict=True)},
        {t: [(c, answers[d]) for c, d in zip(cs, claim_documents[t], strict=True)] for t, cs in claims.items()},
    )


def apply_second_opinion(
    model: LearnedModel,
    findings: list[Finding],
    fields: dict[ArtifactType, list[TextField]],
    evidence: list[str],
    product: str = "",
    policy: Policy = DEFAULT_POLICY,
    audience: str = "",
) -> list[Finding]:
    """``findings`` with the rules' High claim findings the model doubts demoted, and its
    own anchored findings where it is confident and no rule blocked. The model is asked
    about each field and each claim-like sentence no rule decided: a finding is judged by its
    field's answer; a sentence is added when it, or its field, is rated at least
    :data:`ADD_FROM` (a field holding several claims of different areas dilutes each, a
    sentence alone may miss the condition next to it), at most one per artifact and area."""
    asked = _ask(model, fields, findings, evidence, product, audience)
    out: list[Finding] = []
    blocked: set[tuple[ArtifactType, str]] = set()
    for finding in findings:
        issue = finding.issue
        area = area_of(issue.rule_id)
        answer = asked.fields.get((issue.artifact_type, issue.field))
        p = answer[area] if answer is not None and area in CLAIM_AREAS else None
        if p is not None and issue.severity == Severity.HIGH and _doubted(p, answer, policy, issue.rule_id):
            finding = _demoted(finding, p, model)
        elif area is not None and issue.severity in (Severity.HIGH, Severity.CRITICAL):
            blocked.add((issue.artifact_type, area))
        out.append(finding)
    for index, finding in enumerate(out):  # one rule's Medium per artifact and area, where the model is sure
        issue = finding.issue
        area = area_of(issue.rule_id)
        answer = asked.fields.get((issue.artifact_type, issue.field))
        if (issue.severity == Severity.MEDIUM and area in CLAIM_AREAS and answer is not None
                and answer[area] >= policy.promote_from and (issue.artifact_type, area) not in blocked
                and not issue.rule_id.startswith(LEARNED_PREFIX)):
            out[index] = _promoted(finding, answer[area], model)
            blocked.add((issue.artifact_type, area))
    for artifact_type, artifact_fields in fields.items():
        for area in CLAIM_AREAS:
            if (artifact_type, area) in blocked:
                continue
            # (the sentence's own p, the higher of it and its field's): confident when either is
            candidates = [(own[area], max(own[area], asked.fields.get((artifact_type, claim.field), {}).get(area, 0.0)),
                           claim) for claim, own in asked.claims[artifact_type]]
            confident = [candidate for candidate in candidates if candidate[1] >= policy.add_from]
            if confident:
                _, p, claim = max(confident, key=lambda candidate: candidate[:2])
                field = next(f for f in artifact_fields if f.path == claim.field)
                out.append(_added(area, p, claim, field, model))
    return out
