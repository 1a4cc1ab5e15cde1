"""What an offline writer knows before writing: the brief's facts (as plain text, with
avoided topics already left out), the voice, the directives in force, and helpers to
choose deterministically and to phrase required messages."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from ...models import ArtifactMetadata, CampaignBrief
from ...text import (
    Constraint,
    banned_spans,
    capitalize_first,
    ensure_period,
    lower_first,
    parse_constraint,
    parse_constraints,
    plain_text,
    stable_hash,
    term_spans,
    word_count,
)
from ..base import AgentContext
from .editing import Editor, essential_checker
from .feedback import Directives, read_directives
from .voices import DEFAULT_VOICE, VOICE_BY_NAME, Voice, voice_for

PROMPT_VERSION = "offline-1"
# True only when no model is configured; a model-backed agent that falls back replaces it.
NO_MODEL_NOTE = "written offline from templates (no language model configured)"
T = TypeVar("T")
_STOP = frozenset(
    "a an the and or of to for with in on at by from is are be it its this that these those your you our we "
    "made make new more most very just all every into over out up who what when where how why their they "
    "them as than then so not no yes can will was were has have had do does take takes get gets keep keeps let "
    "lets one two three four five six seven eight nine ten first time week day hour hours minute minutes "
    "starting start save while about like want wants need needs".split()
)


@dataclass
class Plan:
    """The brief as facts, plus the voice, directives and notes for one generation."""

    product: str
    theme: str  # "" when the theme names an avoided topic
    audience: str  # mid-sentence form ("eco-conscious millennials"), "you" if unusable
    evidence: list[str]
    required: list[Constraint]  # the brief's "Must include" plus feedback's "mention X"
    avoid: list[Constraint]
    keywords: list[str]
    voice: Voice
    directives: Directives
    editor: Editor
    seed: str
    notes: list[str] = field(default_factory=list)

    def pick(self, options: Sequence[T], salt: str) -> T:
        return options[stable_hash(self.seed, salt) % len(options)]

    def fill(self, template: str, **extra: str) -> str | None:
        """``template`` with the plan's facts, or None when a placeholder is empty."""
        values = {
            "product": self.product,
            "theme": self.theme,
            "audience": self.audience,
            "benefit": lower_first(self.evidence[0].rstrip(".")) if self.evidence else "",
            **extra,
        }
        needed = re.findall(r"{(\w+)}", template)
        if any(not values.get(k) for k in needed):
            return None
        return capitalize_first(template.format(**values))

    def fill_all(self, templates: Sequence[str], salt: str) -> list[str]:
        """Every usable template, rotated to start at a stable-hash pick."""
        usable = [t for t in (self.fill(x) for x in templates) if t]
        if not usable:
            return []
        k = stable_hash(self.seed, salt) % len(usable)
        return usable[k:] + usable[:k]

    def required_sentences(self) -> list[str]:
        out = []
        for c in self.required:
            if c.exact:
                out.append(ensure_period(c.phrase))
            elif c.clause:
                out.append(ensure_period(f"Remember: {c.phrase}"))
            else:
                out.append(self.voice.required.format(product=self.product, concept=c.phrase))
        return out

    def offer_sentences(self) -> list[str]:
        d, out = self.directives, []
        if d.discount is not None:
            out.append(
                f"Launch offer: save {d.discount} on {self.product}."
                if d.discount
                else f"Ask about our launch discount on {self.product}."
            )
        if d.urgency:
            out.append("Don't wait: get yours today.")
        return out

    def essential(self) -> Callable[[str], bool]:
        return essential_checker(self.required, [*self.evidence, *self.offer_sentences()])

    def metadata(self, text: str, extra_notes: Sequence[str] = ()) -> ArtifactMetadata:
        d = self.directives
        notes = [*self.notes, *extra_notes]
        notes += self.editor.notes()
        notes += [f"asked: {a}" for a in d.asks]
        notes += [f"not understood (ignored): {a}" for a in d.not_understood]
        return ArtifactMetadata(
            word_count=word_count(text),
            tone=self.voice.name,
            keywords=list(self.keywords),
            model="offline",
            offline=True,
            prompt_version=PROMPT_VERSION,
            notes=notes,
        )


def _hashable_brief(brief: CampaignBrief) -> str:
    doc = brief.to_doc()
    return "|".join(f"{k}={doc[k]}" for k in sorted(doc))


def _blocker(text: str, avoid: Sequence[Constraint], terms: Sequence[str], product: str) -> str | None:
    """The avoided topic or removed term ``text`` mentions (outside the product name), if any."""
    stripped = re.sub(re.escape(product), " ", text, flags=re.I) if product else text
    hit = next((c.phrase for c in avoid if banned_spans(stripped, c)), None)
    return hit or next((t for t in terms if term_spans(stripped, t)), None)


def make_plan(context: AgentContext) -> Plan:
    brief = context.brief
    d = read_directives(context)
    constraints = parse_constraints(list(brief.constraints))
    avoid = [c for c in constraints if c.kind == "avoid"]
    required = [c for c in constraints if c.kind == "require"]
    for extra in d.add:
        c = parse_constraint(f"include {extra}")
        if c.kind == "require" and all(c.phrase.lower() != r.phrase.lower() for r in required):
            required.append(c)
    product = plain_text(brief.product)
    left_out: dict[str, list[str]] = {}

    def usable(text: str, what: str = "") -> bool:
        blocker = _blocker(text, avoid, d.remove, product)
        if blocker and what:
            left_out.setdefault(blocker, []).append(what)
        return blocker is None

    theme = plain_text(brief.theme)
    theme = theme.rstrip(".!") if usable(theme, "theme") else ""
    audience = plain_text(brief.target_audience)
    audience = lower_first(audience.rstrip(".")) if usable(audience, "target audience") else "you"
    evidence = [ensure_period(e) for e in (plain_text(x) for x in brief.evidence) if e and usable(e, "evidence")]
    keywords = [product]
    source = " ".join([theme, audience if audience != "you" else "", *evidence])
    for w in re.findall(r"[^\W\d_][\w'’-]*", source):
        lw = w.lower().strip("'’-")
        if len(lw) > 3 and lw not in _STOP and lw not in (k.lower() for k in keywords) and usable(lw):
            keywords.append(lw)
    notes = [NO_MODEL_NOTE]
    if brief.language.split("-")[0] != "en":
        notes.append(f"brief language is '{brief.language}' but the offline templates are English only")
    tone_voice = voice_for(brief.tone)
    if d.tone:
        voice = VOICE_BY_NAME[d.tone]
        notes.append(f"voice changed to {voice.name} as asked (brief tone: {plain_text(brief.tone)})")
    elif tone_voice:
        voice = tone_voice
    else:
        voice = DEFAULT_VOICE
        notes.append(f"tone '{plain_text(brief.tone)}' matched no offline voice; used {voice.name}")
    for c in constraints:
        if c.kind == "other":
            notes.append(f"constraint not understood offline (not applied): {c.raw}")
    for term, whats in left_out.items():
        notes.append(f"applied: avoided '{term}' by not quoting the brief's {' and '.join(dict.fromkeys(whats))}")
    editor = Editor(product, remove=d.remove, replace=d.replace, qualify=d.qualify, avoid=avoid)
    editor.avoided_at_source.update(t.lower() for t in left_out)
    return Plan(
        product=product,
        theme=theme,
        audience=audience,
        evidence=evidence,
        required=required,
        avoid=avoid,
        keywords=keywords[:8],
        voice=voice,
        directives=d,
        editor=editor,
        seed=_hashable_brief(brief),
        notes=notes,
    )


def hashtag(words: str) -> str:
    """``#CamelCase`` of the words (letters and digits only), or "" if nothing is left."""
    parts = re.findall(r"[^\W_]+", words)
    return "#" + "".join(p[:1].upper() + p[1:] for p in parts) if parts else ""
