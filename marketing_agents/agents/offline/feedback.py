"""Turn the auditor's fixes and a person's plain-language feedback into directives.

Machine-readable fixes (``ComplianceIssue.fix``) are followed exactly. Free text (a
revision's feedback and specific changes, or an issue's suggestion when it carries no
fix) is split into clauses and matched against the asks an offline writer can honour:
shorten, a tone change, mention/include X, remove/avoid X, replace X with Y, add a
discount or urgency, fewer/no hashtags, no emoji. A clause that matches none is recorded
as not understood, so the artifact's notes say honestly what was ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...models import ArtifactType, ComplianceIssue, FixKind
from ...text import plain_text
from ..base import AgentContext

_QUOTED = re.compile(r"[\"“‘']([^\"”’']{1,80})[\"”’']")
_SPLIT = re.compile(
    r"[;\n!?]+|\.(?:\s+|$)|,\s*(?:and\s+)?|\s+and\s+(?=(?:make|add|remove|use|drop|mention|include|avoid|"
    r"shorten|keep|give|say|don't|do not|no|replace|cut|be)\b)",
    re.IGNORECASE,
)
_TONES = (
    ("warm", r"\bless (?:formal|serious|corporate)\b"),
    (
        "energetic",
        r"\b(?:energetic|exciting|excited|excitement|punchier|punchy|lively|dynamic|bolder|bold|more energy|hype)\b",
    ),
    ("professional", r"\b(?:formal|professional|serious|corporate|businesslike)\b"),
    ("playful", r"\b(?:playful|fun|funnier|cheeky|witty)\b"),
    ("luxurious", r"\b(?:luxurious|premium|elegant|upscale|classier)\b"),
    ("calm", r"\b(?:calmer|calm|softer|gentler|relaxed)\b"),
    ("inspiring", r"\b(?:inspiring|inspirational|uplifting)\b"),
    ("warm", r"\b(?:warmer|warm|friendlier|friendly|more personal|casual)\b"),
)
_NO_TAGS = re.compile(r"\b(?:no|without|remove|drop|lose|skip|delete|get rid of)\b.*\bhash ?tags?\b", re.I)
_FEWER_TAGS = re.compile(r"\b(?:fewer|less|too many|reduce|cut|limit)\b.*\bhash ?tags?\b", re.I)
_NO_EMOJI = re.compile(r"\b(?:no|without|remove|drop|lose)\b.*\bemojis?\b", re.I)
_SHORTEN = re.compile(
    r"\b(?:shorten|shorter|more concise|concise|too long|tighten|trim|cut (?:it |this |them )?down|"
    r"less wordy|briefer|condense|fewer words)\b",
    re.I,
)
_REPLACE = re.compile(r"\b(?:replace|swap|change)\s+(.+?)\s+(?:with|to|for|into)\s+(.+)$", re.I)
_INSTEAD = re.compile(r"\b(?:use|say|write)\s+(.+?)\s+instead of\s+(.+)$", re.I)
_REMOVE = re.compile(
    r"\b(?:remove|delete|drop|avoid|lose|strip|take out|get rid of|don'?t say|do not say|don'?t use|"
    r"do not use|don'?t mention|do not mention|never say|never mention|stop saying|no more|without|no)\s+"
    r"(?:the\s+(?:words?|terms?|phrases?)\s+|the\s+|any\s+|all\s+|mentions? of\s+)*(.+)$",
    re.I,
)
_DISCOUNT = re.compile(r"\b(?:discount|% off|percent off|promo(?:tion)?|coupon|sale|deal|offer)\b", re.I)
_PERCENT = re.compile(r"(\d{1,2})\s*(?:%|percent)", re.I)
_URGENCY = re.compile(r"\b(?:urgency|urgent|hurry|limited[- ]time|act now|fomo|scarcity)\b", re.I)
_MENTION = re.compile(
    r"\b(?:mention|include|add|talk about|reference|highlight|emphasi[sz]e|say something about|cover|"
    r"feature|stress)\s+(?:a\s+|an\s+|the\s+|our\s+|some\s+|more\s+about\s+|something about\s+)*(.+)$",
    re.I,
)


@dataclass
class Directives:
    """What to change, whatever asked for it; ``applied``/``not_understood`` feed the notes."""

    remove: list[str] = field(default_factory=list)
    replace: dict[str, str] = field(default_factory=dict)
    qualify: dict[str, str] = field(default_factory=dict)
    add: list[str] = field(default_factory=list)
    shorten: bool = False
    field_limits: dict[str, int] = field(default_factory=dict)
    tone: str | None = None
    discount: str | None = None  # "" = a discount without a number, "20%" = with one
    urgency: bool = False
    hashtags: str | None = None  # "none" | "fewer"
    no_emoji: bool = False
    asks: list[str] = field(default_factory=list)  # what was asked, in words
    not_understood: list[str] = field(default_factory=list)

    def changes_wording(self) -> bool:
        return bool(self.tone)


def _term(text: str) -> str:
    quoted = _QUOTED.search(text)
    term = quoted.group(1) if quoted else text
    return term.strip(" .,:;!?\"'“”‘’").strip()


def _add_unique(items: list[str], value: str) -> None:
    if value and value.lower() not in (i.lower() for i in items):
        items.append(value)


def parse_free_text(ask: str, d: Directives) -> None:
    """Apply one free-text ask to ``d``; unknown clauses go to ``d.not_understood``."""
    for clause in (c.strip() for c in _SPLIT.split(plain_text(ask)) if c and c.strip()):
        understood = False
        special = False
        if _NO_TAGS.search(clause):
            d.hashtags, understood, special = "none", True, True
        elif _FEWER_TAGS.search(clause):
            d.hashtags = d.hashtags or "fewer"
            understood = special = True
        if _NO_EMOJI.search(clause):
            d.no_emoji, understood, special = True, True, True
        if _SHORTEN.search(clause):
            d.shorten, understood = True, True
        for tone, pattern in _TONES:
            if re.search(pattern, clause, re.I):
                d.tone, understood = tone, True
                break
        removing = re.match(
            r"^(?:please\s+)?(?:remove|delete|drop|no|don|do not|never|stop|without|lose)\b", clause, re.I
        )
        if _DISCOUNT.search(clause) and not removing:
            pct = _PERCENT.search(clause)
            d.discount = f"{pct.group(1)}%" if pct else (d.discount or "")
            understood = special = True
        if _URGENCY.search(clause) and not removing:
            d.urgency, understood, special = True, True, True
        if special:
            d.asks.append(clause)
            continue
        if m := (_REPLACE.search(clause) or _INSTEAD.search(clause)):
            old, new = (m.group(1), m.group(2)) if m.re is _REPLACE else (m.group(2), m.group(1))
            d.replace[_term(old)] = _term(new)
            understood = True
        elif m := _REMOVE.search(clause):
            _add_unique(d.remove, _term(m.group(1)))
            understood = True
        elif (m := _MENTION.search(clause)) and not _SHORTEN.search(clause):
            _add_unique(d.add, _term(m.group(1)))
            understood = True
        (d.asks if understood else d.not_understood).append(clause)


def _own(issue: ComplianceIssue, artifact_type: ArtifactType) -> bool:
    return issue.artifact_type == artifact_type


def read_directives(context: AgentContext) -> Directives:
    """Everything in force for this artifact: audit fixes first, then the person's asks.

    Term-level fixes (remove, replace, qualify, add) apply whichever artifact they were
    found in, so that a word flagged in the copy does not reappear in the posts; field
    fixes (shorten, rewrite) apply to their own artifact only.
    """
    d = Directives()
    for issue in context.audit_issues:
        fix = issue.fix
        if fix is None or fix.kind == FixKind.REWRITE:
            if _own(issue, context.artifact_type):
                parse_free_text(issue.suggestion or issue.issue_description, d)
                if fix is not None and fix.target:
                    # a sentence to reword (the judge's, the learned second opinion's): the
                    # templates cannot reword it, so it is left out, and a field left empty
                    # is written again from the plain templates
                    _add_unique(d.remove, fix.target)
            continue
        if fix.kind == FixKind.REMOVE and fix.target:
            _add_unique(d.remove, fix.target)
        elif fix.kind == FixKind.REPLACE and fix.target:
            d.replace[fix.target] = fix.replacement or ""
        elif fix.kind == FixKind.QUALIFY and fix.target and fix.replacement:
            d.qualify[fix.target] = fix.replacement
        elif fix.kind == FixKind.ADD and fix.replacement:
            _add_unique(d.add, fix.replacement)
        elif fix.kind == FixKind.SHORTEN and _own(issue, context.artifact_type):
            limit = fix.max_length or 0
            d.field_limits[issue.field] = min(limit, d.field_limits.get(issue.field, limit))
    if not context.audit_issues and context.audit_feedback:
        parse_free_text(context.audit_feedback, d)
    if context.revision is not None:
        for ask in [context.revision.user_feedback, *context.revision.specific_changes]:
            parse_free_text(ask, d)
    return d
