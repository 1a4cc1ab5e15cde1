"""The baseline auditor: a compact, deterministic set of rules behind the Auditor protocol.

What it checks, and where:

- **Required messages** ("Must include a recycling message"): every body form of the copy
  (``bodyShort``, ``bodyMedium``, ``bodyLong`` — each can be published alone), every short
  post (any variant may be the one posted), and the visible text of every poster concept
  (headline + subline + call to action). A missing message is pinned to the end of the
  field (an empty span where it should be added; for posters, the subline).
- **Avoided topics** ("Avoid plastic-related claims" → "plastic", any inflection, CamelCase
  parts included): every text field, also alt text and the image prompt. A hit inside
  the product name is still a finding: it cannot pass, a person must decide.
- **Platform limits**: each post is re-measured the platform's way (the agent's own count
  is not trusted); over the limit or over Instagram's 30 hashtags → High.
- **Unsubstantiated claims**: superlatives, "#1", guarantees, "100%", health claims and a
  generic "eco-friendly" → High unless an evidence item contains the same words
  ("eco-friendly" also passes when its sentence quotes an evidence item, i.e. it is
  qualified by a specific benefit).
- **Alt text** of each poster concept present and meaningful (≥ 5 words) → Medium.

Tone and colour contrast are not checked here; the report lists them in ``not_checked``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import ValidationError

from ..models import (
    ArtifactType,
    ArtifactVersion,
    AuditReport,
    ComplianceIssue,
    CopyData,
    Fix,
    FixKind,
    Platform,
    RulePackRef,
    Severity,
    ShortCopyData,
    Span,
    VisualData,
    utc_now,
)
from ..platforms import hashtag_spans, measure
from ..text import Constraint, banned_spans, parse_constraints, plain_text, required_present, term_spans
from .base import AuditContext
from .scoring import summarize

AGENT_NAMES = {
    ArtifactType.COPY: "Copywriter",
    ArtifactType.SHORT_COPY: "Short copy writer",
    ArtifactType.VISUAL: "Visual concept writer",
}
CAP_SUBSTANTIATION = "UK CAP Code 3.7 (substantiation)"
# term, rule id, fix kind, replacement, source
CLAIMS: tuple[tuple[str, str, FixKind, str, str], ...] = (
    ("best", "superlative", FixKind.REPLACE, "great", CAP_SUBSTANTIATION),
    ("#1", "number-one", FixKind.REMOVE, "", CAP_SUBSTANTIATION),
    ("number one", "number-one", FixKind.REMOVE, "", CAP_SUBSTANTIATION),
    ("world's first", "world-first", FixKind.REPLACE, "new", CAP_SUBSTANTIATION),
    ("guaranteed", "guarantee", FixKind.REMOVE, "", "UK CAP Code 3.53 (guarantees)"),
    ("100%", "absolute", FixKind.REMOVE, "", CAP_SUBSTANTIATION),
    ("clinically proven", "health", FixKind.REMOVE, "", "UK CAP Code 12.1 (health claims)"),
    ("cure", "health", FixKind.REMOVE, "", "UK CAP Code 12.1 (health claims)"),
    ("cures", "health", FixKind.REMOVE, "", "UK CAP Code 12.1 (health claims)"),
    ("risk-free", "guarantee", FixKind.REMOVE, "", "UK CAP Code 3.53 (guarantees)"),
    ("eco-friendly", "generic-green", FixKind.QUALIFY, "", "FTC Green Guides 16 CFR 260.4; EU Directive 2024/825"),
)
MIN_ALT_WORDS = 5


@dataclass(frozen=True)
class TextField:
    artifact: ArtifactVersion
    path: str
    text: str
    published: bool = True  # shown to the audience (image prompts are not)
    platform: Platform | None = None


def text_fields(artifact: ArtifactVersion) -> list[TextField]:
    """Every text of an artifact with its camelCase path inside ``data``."""
    a, d = artifact, artifact.data
    if a.type == ArtifactType.COPY:
        c = CopyData.model_validate(d)
        out = [TextField(a, f"headlines[{i}]", h) for i, h in enumerate(c.headlines)]
        out += [
            TextField(a, k, v)
            for k, v in (("bodyShort", c.body_short), ("bodyMedium", c.body_medium), ("bodyLong", c.body_long))
        ]
        out += [TextField(a, f"callsToAction[{i}]", t) for i, t in enumerate(c.calls_to_action)]
        return [*out, TextField(a, "toneSummary", c.tone_summary, published=False)]
    if a.type == ArtifactType.SHORT_COPY:
        s = ShortCopyData.model_validate(d)
        return [TextField(a, f"posts[{i}].text", p.text, platform=p.platform) for i, p in enumerate(s.posts)]
    out = []
    for i, k in enumerate(VisualData.model_validate(d).concepts):
        out += [
            TextField(a, f"concepts[{i}].{name}", value, published=name != "imagePrompt")
            for name, value in (
                ("headline", k.headline),
                ("subline", k.subline),
                ("callToAction", k.call_to_action),
                ("altText", k.alt_text),
                ("imagePrompt", k.image_prompt),
            )
        ]
    return out


class _Findings:
    """Collects (finding, category) pairs with their common fields filled in."""

    def __init__(self) -> None:
        self.items: list[tuple[ComplianceIssue, str]] = []

    def add(
        self,
        f: TextField,
        span: tuple[int, int],
        rule_id: str,
        severity: Severity,
        category: str,
        description: str,
        suggestion: str,
        source: str,
        fix: Fix,
    ) -> None:
        start, end = span
        self.items.append(
            (
                ComplianceIssue(
                    rule_id=rule_id,
                    artifact_type=f.artifact.type,
                    artifact_version_id=f.artifact.id,
                    field=f.path,
                    span=Span(start=start, end=end),
                    excerpt=f.text[start:end],
                    issue_description=description,
                    severity=severity,
                    suggestion=suggestion,
                    source=source,
                    fix=fix,
                ),
                category,
            )
        )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "constraint"


def _check_required(fields: list[TextField], c: Constraint, out: _Findings) -> None:
    source = f"Brief constraint: \u201c{plain_text(c.raw)}\u201d"
    by_unit: dict[str, list[TextField]] = {}
    for f in fields:
        if f.path in ("bodyShort", "bodyMedium", "bodyLong") or f.path.startswith("posts["):
            by_unit[f.path] = [f]
        elif re.fullmatch(r"concepts\[\d+\]\.(headline|subline|callToAction)", f.path):
            by_unit.setdefault(f.path.split(".")[0], []).append(f)
    for unit, group in by_unit.items():
        if any(required_present(g.text, c) for g in group) or required_present(" ".join(g.text for g in group), c):
            continue
        target = next((g for g in group if g.path.endswith(".subline")), group[0])
        out.add(
            target,
            (len(target.text), len(target.text)),
            f"brief.required.{_slug(c.phrase)}",
            Severity.HIGH,
            "clarity",
            f"{unit} does not carry the required message \u201c{c.phrase}\u201d.",
            f"Add a sentence about {c.phrase} to {target.path}.",
            source,
            Fix(kind=FixKind.ADD, replacement=c.phrase),
        )


def _check_avoided(fields: list[TextField], c: Constraint, product: str, out: _Findings) -> None:
    source = f"Brief constraint: \u201c{plain_text(c.raw)}\u201d"
    for f in fields:
        for s, e in banned_spans(f.text, c):
            in_name = (
                any(ps <= s and e <= ps + len(product) for ps, _ in term_spans(f.text, product)) if product else False
            )
            note = (
                " It is part of the product name, which agents do not change: a person must decide." if in_name else ""
            )
            out.add(
                f,
                (s, e),
                f"brief.avoid.{_slug(c.phrase)}",
                Severity.HIGH,
                "risk",
                f"\u201c{f.text[s:e]}\u201d touches the avoided topic \u201c{c.phrase}\u201d.{note}",
                f"Remove \u201c{f.text[s:e]}\u201d from {f.path}.",
                source,
                Fix(kind=FixKind.REMOVE, target=f.text[s:e]),
            )


def _supported(term: str, evidence: list[str]) -> bool:
    return any(term_spans(e, term) for e in evidence)


def _qualified(text: str, span: tuple[int, int], evidence: list[str]) -> bool:
    start = max(text.rfind(p, 0, span[0]) for p in ".!?\n") + 1
    ends = [i for i in (text.find(p, span[1]) for p in ".!?\n") if i >= 0]
    sentence = text[start : min(ends) if ends else len(text)].lower()
    return any(e.rstrip(".!").lower() in sentence for e in evidence if e.strip())


def _check_claims(fields: list[TextField], evidence: list[str], out: _Findings) -> None:
    for term, rule, kind, replacement, source in CLAIMS:
        if _supported(term, evidence):
            continue
        for f in (f for f in fields if f.published):
            for s, e in term_spans(f.text, term):
                if kind == FixKind.QUALIFY and _qualified(f.text, (s, e), evidence):
                    continue
                excerpt = f.text[s:e]
                if kind == FixKind.QUALIFY and evidence:
                    fix = Fix(kind=kind, target=excerpt, replacement=evidence[0].rstrip(".").lower())
                    ask = f"Qualify \u201c{excerpt}\u201d with the specific benefit: {evidence[0]}"
                elif kind == FixKind.REPLACE:
                    fix = Fix(kind=kind, target=excerpt, replacement=replacement)
                    ask = (
                        f"Replace \u201c{excerpt}\u201d with \u201c{replacement}\u201d (or add evidence to the brief)."
                    )
                else:
                    fix = Fix(kind=FixKind.REMOVE, target=excerpt)
                    ask = f"Remove \u201c{excerpt}\u201d (or add evidence that supports it to the brief)."
                out.add(
                    f,
                    (s, e),
                    f"claims.{rule}",
                    Severity.HIGH,
                    "regulatory",
                    f"\u201c{excerpt}\u201d is a claim the brief's evidence does not support.",
                    ask,
                    source,
                    fix,
                )


def _check_posts(fields: list[TextField], out: _Findings) -> None:
    for f in fields:
        if f.platform is None:
            continue
        m = measure(f.text, f.platform)
        if m.over_limit:
            out.add(
                f,
                (0, len(f.text)),
                f"platform.{f.platform.value.lower()}.length",
                Severity.HIGH,
                "clarity",
                f"{f.platform.value} post is {m.count} characters, over the limit of {m.limit}.",
                f"Shorten {f.path} to at most {m.limit} characters ({f.platform.value} counting).",
                f"{f.platform.value} platform limit",
                Fix(kind=FixKind.SHORTEN, max_length=m.limit),
            )
        if m.too_many_hashtags and m.max_hashtags is not None:
            tags = hashtag_spans(f.text)
            out.add(
                f,
                (tags[m.max_hashtags][0], tags[-1][1]),
                f"platform.{f.platform.value.lower()}.hashtags",
                Severity.HIGH,
                "clarity",
                f"{len(tags)} hashtags; {f.platform.value} allows {m.max_hashtags}.",
                f"Use fewer hashtags: at most {m.max_hashtags} in {f.path}.",
                f"{f.platform.value} platform limit",
                Fix(kind=FixKind.REWRITE),
            )


def _check_alt_text(fields: list[TextField], out: _Findings) -> None:
    for f in fields:
        if f.path.endswith(".altText") and len(f.text.split()) < MIN_ALT_WORDS:
            out.add(
                f,
                (0, len(f.text)),
                "accessibility.alt-text",
                Severity.MEDIUM,
                "accessibility",
                "The poster's alt text is missing or too short to describe it.",
                f"Write alt text for {f.path} that describes the poster and repeats its text.",
                "WCAG 2.2 SC 1.1.1 Non-text Content",
                Fix(kind=FixKind.REWRITE),
            )


def _feedback(issues: list[ComplianceIssue]) -> dict[ArtifactType, str]:
    by_type: dict[ArtifactType, str] = {}
    for t, name in AGENT_NAMES.items():
        mine = [i for i in issues if i.artifact_type == t]
        if mine:
            lines = [f"- {i.field} ({i.severity.value}): {i.issue_description} {i.suggestion}" for i in mine]
            by_type[t] = f"{name}: {len(mine)} change(s) needed.\n" + "\n".join(lines)
    return by_type


class BaselineAuditor:
    """Deterministic baseline rules (see the module docstring) behind the Auditor protocol."""

    name = "baseline"

    async def audit(self, context: AuditContext) -> AuditReport:
        brief, out = context.brief, _Findings()
        constraints = parse_constraints(list(brief.constraints))
        evidence = [plain_text(e) for e in brief.evidence]
        product = plain_text(brief.product)
        fields: list[TextField] = []
        for artifact in context.artifacts.values():
            try:
                fields += text_fields(artifact)
            except ValidationError as exc:
                stub = TextField(artifact, "", "")
                out.add(
                    stub,
                    (0, 0),
                    "artifact.schema",
                    Severity.CRITICAL,
                    "clarity",
                    f"The artifact's data does not match its schema: {exc.error_count()} error(s).",
                    "Regenerate the artifact.",
                    "Artifact schema",
                    Fix(kind=FixKind.REWRITE),
                )
        for c in constraints:
            if c.kind == "require":
                _check_required(fields, c, out)
            elif c.kind == "avoid":
                _check_avoided(fields, c, product, out)
        _check_claims(fields, evidence, out)
        _check_posts(fields, out)
        _check_alt_text(fields, out)
        issues = [i for i, _ in out.items]
        scores, score, status, compliant = summarize(out.items, context.threshold)
        by_type = _feedback(issues)
        not_checked = ["tone (needs the LLM judge)", "colour contrast (full rule engine)"]
        not_checked += [f"constraint not understood: {c.raw}" for c in constraints if c.kind == "other"]
        return AuditReport(
            id=context.report_id,
            campaign_id=context.campaign_id,
            revision_number=context.revision_number,
            round=context.round,
            is_compliant=compliant,
            compliance_score=score,
            status=status,
            category_scores=scores,
            issues=issues,
            feedback="\n\n".join(by_type.values()) or "No findings: every artifact meets the baseline rules.",
            feedback_by_type=by_type,
            rule_packs=[RulePackRef(id="baseline", version="1")],
            checked_by=["rules:baseline"],
            not_checked=not_checked,
            artifact_version_ids={t: a.id for t, a in context.artifacts.items()},
            created_at=utc_now(),
        )
