"""The claims the rules could not classify: what the LLM judge is asked about.

A sentence is claim-like when its structure is that of a claim — a claim verb (cure,
protect, boost, reduce, guarantee, recommend …), a comparative or superlative, a figure,
an absolute ("never", "always", "only", "100%"), or an evaluative word of a regulated
area (natural, green, healthy, safe, clinically …) — and no rule finding lies on it.
Those sentences, with their exact spans, are what a model can add to the rules; the
rules have already decided everything else. The list is bounded so that no text can
grow the judge's prompt without limit.
"""

from __future__ import annotations

from pydantic import Field

from ..models import ArtifactType, CamelModel, Span
from .fields import TextField
from .findings import Finding
from .morphology import Token, tokens

MAX_CLAIMS = 40
MAX_CLAIM_CHARS = 400

CLAIM_VERBS = frozenset(
    "cure treat heal prevent relieve soothe fight beat combat clear ease reverse eliminate banish stop remedy "
    "protect guard defend boost support strengthen improve enhance restore repair detox cleanse purify balance "
    "reduce lower cut slash save earn guarantee promise prove recommend endorse approve certify outperform "
    "outlast last beat kill block absorb burn melt shed lose gain double triple transform revolutionise "
    "revolutionize offset neutralise neutralize regenerate replenish nourish hydrate energise energize sharpen "
    "calm relax rejuvenate revitalise revitalize revive awaken unlock supercharge fuel power".split()
)
CUES = frozenset(
    "natural organic green eco sustainable sustainably planet earth climate carbon environment environmental "
    "nature ocean recyclable compostable biodegradable renewable toxin toxic chemical chemicals pure clean "
    "healthy health healthier safe safer wellness immune immunity clinically clinical scientifically doctor "
    "doctors expert experts dermatologist proven tested study studies science research guaranteed guarantee "
    "risk-free free never always only every all 100 percent best most least fastest strongest lightest "
    "unbeatable unrivalled unmatched leading first ultimate perfect miracle instant instantly permanent "
    "forever zero".split()
)
_COMPARATIVE_ENDINGS = ("er", "est")
_NOT_COMPARATIVE = frozenset(
    "other another over under after ever never either neither rather whether together water summer winter "
    "weather number order paper member customer partner corner letter matter better-known interest "
    "forest honest modest west east best-before".split()
)


class UnclassifiedClaim(CamelModel):
    """A claim-like sentence no rule decided, where it is and why it looks like a claim."""

    artifact_type: ArtifactType
    field: str
    span: Span
    text: str
    cues: list[str] = Field(default_factory=list)


def claim_cues(toks: tuple[Token, ...]) -> list[str]:
    """The words of a sentence that make it look like a claim (empty: it does not)."""
    cues: list[str] = []
    for t in toks:
        if not t.is_word:
            if t.text[:1].isdigit() or t.text in ("%", "#"):
                cues.append(t.text)
            continue
        if t.lemma in CLAIM_VERBS or t.lower in CUES or t.lemma in CUES or _comparative(t):
            cues.append(t.lower)
    return list(dict.fromkeys(cues))


def _comparative(t: Token) -> bool:
    """"lighter", "greenest", "more", "than": the words of a comparison or superlative."""
    if t.lower in ("more", "less", "fewer", "than"):
        return True
    return (t.lower.endswith(_COMPARATIVE_ENDINGS) and len(t.lower) > 4 and t.lower not in _NOT_COMPARATIVE
            and not t.text[:1].isupper())


def _covered(field: TextField, start: int, end: int, findings: list[Finding]) -> bool:
    for f in findings:
        i = f.issue
        if (i.artifact_type, i.field) != (field.artifact_type, field.path) or i.span is None:
            continue
        if i.span.start < end and start < i.span.end:
            return True
    return False


def unclassified_claims(fields: list[TextField], findings: list[Finding]) -> list[UnclassifiedClaim]:
    """Claim-like sentences of ``fields`` on which no finding lies, at most
    :data:`MAX_CLAIMS`, each at most :data:`MAX_CLAIM_CHARS` long (its span is exact)."""
    return _claims(fields, findings, with_decided=False)


def claim_sentences(fields: list[TextField], findings: list[Finding]) -> list[UnclassifiedClaim]:
    """The claim-like sentences of ``fields`` and those a finding lies on, decided or not
    (bounded as :func:`unclassified_claims`): where a reader of the whole field (the learned
    second opinion) can anchor what it finds. A rule that saw a sentence in one area may have
    missed what it claims in another ("Dentists recommend it: it reverses gum disease" is a
    disease claim to the rules and an endorsement too)."""
    return _claims(fields, findings, with_decided=True)


def _claims(fields: list[TextField], findings: list[Finding], with_decided: bool) -> list[UnclassifiedClaim]:
    out: list[UnclassifiedClaim] = []
    for field in fields:
        for start, end in field.sentence_spans():
            if len(out) >= MAX_CLAIMS:
                break
            while start < end and field.text[start].isspace():
                start += 1
            while end > start and field.text[end - 1].isspace():
                end -= 1
            if end - start < 3:
                continue
            decided = _covered(field, start, end, findings)
            if decided and not with_decided:
                continue
            end = min(end, start + MAX_CLAIM_CHARS)
            sentence = field.text[start:end]
            cues = claim_cues(tokens(sentence))
            if cues or decided:
                out.append(UnclassifiedClaim(artifact_type=field.artifact_type, field=field.path,
                                             span=Span(start=start, end=end), text=sentence, cues=cues[:8]))
    return out
