"""Scoring the engine against a labelled corpus (format: ``tests/compliance/corpora/FORMAT.md``).

Each snippet becomes a one-artifact campaign. Two kinds of figures come out, so that a
corpus written without knowing our rule ids can still be scored:

* **by area** (environmental, health, …): a unit is a (snippet, area) pair; a blocking
  unit (a High/Critical expectation) is *caught* when any High/Critical finding of that
  area is reported, whichever rule or judge reported it. These are the targets.
* **by rule id**, per pack, over the expectations that name a rule (as version 1 did).

Used by the corpus tests and by ``bench/audit_eval.py``, so both measure the same thing.
"""

from __future__ import annotations

import asyncio
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..models import ArtifactType, CampaignBrief, ComplianceIssue, Severity
from .areas import AREA_NAMED_PREFIXES, AREAS, area_of
from .base import ArtifactLayout, AuditContext
from .engine import RuleEngineAuditor

CAMPAIGN_ID = "c-00000000000000e1"
BLOCKING = {Severity.HIGH.value, Severity.CRITICAL.value}
SEVERITY_ORDER = ["none", Severity.LOW.value, Severity.MEDIUM.value, Severity.HIGH.value, Severity.CRITICAL.value]

UNLABELLED = " (rule not labelled)"  # the tail of a false alarm that is only a rule id nobody labelled


class CorpusError(ValueError):
    """A corpus file breaks the format; the message names the snippet."""


@dataclass(frozen=True)
class Expectation:
    severity: str
    area: str
    rule: str | None = None


@dataclass(frozen=True)
class Snippet:
    id: str
    context: AuditContext
    expectations: tuple[Expectation, ...]
    area: str
    industry: str

    @property
    def expected(self) -> dict[str, str]:
        """Labelled rule ids → severity (the expectations that name a rule)."""
        return {e.rule: e.severity for e in self.expectations if e.rule}

    @property
    def clean(self) -> bool:
        return not self.expectations


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Evaluation:
    snippets: int = 0
    per_pack: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    overall: Tally = field(default_factory=Tally)  # rule ids
    rule_labels: int = 0  # expectations that name a rule; 0: the rule-id figures mean nothing
    blocking: Tally = field(default_factory=Tally)  # (snippet, area) units, High/Critical
    per_area: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (expected, found) per unit
    clean: int = 0
    clean_flagged: list[str] = field(default_factory=list)  # clean snippets with a High/Critical finding
    clean_noted: list[str] = field(default_factory=list)  # clean snippets with any lesser finding
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    judge_notes: list[str] = field(default_factory=list)  # snippets on which the judge failed

    @property
    def has_rule_labels(self) -> bool:
        """Whether any expectation names a rule: a corpus labelled by area and severity
        only (as a reviewer who does not know our rule ids writes it) has no rule-id figures."""
        return self.rule_labels > 0

    @property
    def clean_flagged_rate(self) -> float:
        return len(self.clean_flagged) / self.clean if self.clean else 0.0


def artifact_for(raw: dict[str, Any]) -> ArtifactLayout:
    kind = raw.get("as", "copy")
    if kind == "post":
        artifact_type = ArtifactType.SHORT_COPY
        data: dict[str, Any] = {"posts": [{"platform": raw["platform"], "text": raw["text"]}]}
    elif kind == "poster":
        artifact_type = ArtifactType.VISUAL
        data = {"concepts": [dict(raw["concept"])], "chosenIndex": 0}
    else:
        artifact_type = ArtifactType.COPY
        data = {"bodyLong": raw["text"]}
    return ArtifactLayout(
        id=f"{CAMPAIGN_ID}-{artifact_type.value.lower()}-v1", campaign_id=CAMPAIGN_ID, type=artifact_type, data=data,
    )


def _expectation(raw: dict[str, Any], default_area: str, snippet_id: str) -> Expectation:
    severity = raw.get("severity")
    if severity not in SEVERITY_ORDER[1:]:
        raise CorpusError(f"{snippet_id}: expectation severity must be Low, Medium, High or Critical")
    rule = raw.get("rule")
    area = raw.get("area") or (area_of(rule) if rule else None) or default_area
    if area not in AREAS:
        raise CorpusError(f"{snippet_id}: unknown area {area!r}")
    return Expectation(severity=severity, area=area, rule=rule)


def _strings(raw: dict[str, Any], key: str, snippet_id: str) -> list[str]:
    """A list of strings; a YAML flow list split at a comma (``[a, 2025]``) is an error."""
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CorpusError(f"{snippet_id}: {key} must be a list of strings (quote items that contain commas)")
    return value


def _corpus_document(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise CorpusError(f"{path.name}: not YAML ({str(error).splitlines()[0]})") from None
    except UnicodeDecodeError:
        raise CorpusError(f"{path.name}: not UTF-8 text") from None


def is_first_sight(path: Path) -> bool:
    """Whether a corpus file is marked ``first_sight: true`` (FORMAT.md): kept from tuning
    and from the learned model's training, to measure both on copy neither has seen."""
    doc = _corpus_document(path)
    return isinstance(doc, dict) and doc.get("first_sight") is True


def load_corpus(path: Path) -> list[Snippet]:
    """The snippets of a corpus file (FORMAT.md); :class:`CorpusError` names the file and
    the snippet for anything malformed, so that a tool reading it can say so in one line."""
    doc = _corpus_document(path)
    raws = doc.get("snippets") if isinstance(doc, dict) else None
    if not isinstance(raws, list):
        raise CorpusError(f"{path.name}: a corpus is a mapping with a list of snippets")
    snippets = []
    for number, raw in enumerate(raws, start=1):
        try:
            snippets.append(_snippet(raw))
        except CorpusError as error:
            raise CorpusError(f"{path.name}: {error}") from None
        except (KeyError, TypeError, AttributeError, ValueError) as error:  # a missing field, a wrong shape
            detail = f"missing {error}" if isinstance(error, KeyError) else str(error).splitlines()[0]
            raise CorpusError(f"{path.name}: snippet {number}: {detail}") from None
    return snippets


def _snippet(raw: Any) -> Snippet:
    if not isinstance(raw, dict):
        raise CorpusError("a snippet is a mapping (id, area, text, expect)")
    sid = str(raw["id"])
    area = raw.get("area")
    if area not in AREAS:
        raise CorpusError(f"{sid}: area must be one of {', '.join(AREAS)}")
    brief = CampaignBrief(
        theme="Summer launch", product=raw.get("product", "EcoBottle"), target_audience="Adults",
        tone="Warm", constraints=_strings(raw, "constraints", sid), evidence=_strings(raw, "evidence", sid),
    )
    artifact = artifact_for(raw)
    context = AuditContext(
        report_id=f"{CAMPAIGN_ID}-audit-{sid}", campaign_id=CAMPAIGN_ID, brief=brief,
        texts={artifact.type: artifact},
    )
    expectations = tuple(_expectation(e, area, sid) for e in raw.get("expect") or [])
    return Snippet(sid, context, expectations, area, str(raw.get("industry", "")))


def pack_of(rule_id: str) -> str:
    return rule_id.split(".", 1)[0]


def _rank(severity: str) -> int:
    return SEVERITY_ORDER.index(severity)


def _highest(severities: list[str]) -> str:
    return max(severities, key=_rank, default="none")


def evaluate(snippets: list[Snippet], auditor: RuleEngineAuditor | None = None) -> Evaluation:
    """Score ``auditor`` (the packaged rules by default) on ``snippets``. With a judge
    on the auditor every snippet gets a full audit (rules, then the judge), in one event
    loop so that a model client's connections are reused."""
    auditor = auditor or RuleEngineAuditor()
    if auditor.judge is not None:
        return asyncio.run(evaluate_with_judge(snippets, auditor))
    result = Evaluation(snippets=len(snippets))
    for snippet in snippets:
        score_snippet(result, snippet, [f.issue for f in auditor.run_rules(snippet.context).findings])
    return result


async def evaluate_with_judge(snippets: list[Snippet], auditor: RuleEngineAuditor) -> Evaluation:
    result = Evaluation(snippets=len(snippets))
    for snippet in snippets:
        report = await auditor.audit(snippet.context)
        score_snippet(result, snippet, list(report.issues))
        result.judge_notes += [f"{snippet.id}: {note}" for note in report.not_checked if "judge" in note]
    return result


def score_snippet(result: Evaluation, snippet: Snippet, issues: list[ComplianceIssue]) -> None:
    _score_rules(result, snippet, issues)
    _score_areas(result, snippet, issues)
    if snippet.clean:
        result.clean += 1
        if any(i.severity.value in BLOCKING for i in issues):
            result.clean_flagged.append(f"{snippet.id}: " + ", ".join(sorted({i.rule_id for i in issues})))
        elif issues:
            result.clean_noted.append(f"{snippet.id}: " + ", ".join(sorted({i.rule_id for i in issues})))


def _score_rules(result: Evaluation, snippet: Snippet, issues: list[ComplianceIssue]) -> None:
    expected = snippet.expected
    result.rule_labels += len(expected)
    # The judge's and the learned second opinion's findings name an area, not a rule.
    found = {i.rule_id for i in issues if i.rule_id.partition(".")[0] not in AREA_NAMED_PREFIXES}
    low_only = {r for r in found if all(i.severity is Severity.LOW for i in issues if i.rule_id == r)}
    for rule in found | set(expected):
        hit, predicted = rule in expected, rule in found
        if predicted and not hit and rule in low_only:
            continue  # unlabelled Low remarks are not false alarms (FORMAT.md, scoring 4)
        tally = result.per_pack[pack_of(rule)]
        for t in (tally, result.overall):
            t.tp += hit and predicted
            t.fp += predicted and not hit
            t.fn += hit and not predicted
        if predicted and not hit:
            result.false_alarms.append(f"{snippet.id}: {rule}{UNLABELLED}")
        if hit and not predicted:
            result.misses.append(f"{snippet.id}: {rule} (labelled rule not reported)")


def _score_areas(result: Evaluation, snippet: Snippet, issues: list[ComplianceIssue]) -> None:
    found_by_area: dict[str, list[ComplianceIssue]] = defaultdict(list)
    for issue in issues:
        area = area_of(issue.rule_id)
        if area is not None:
            found_by_area[area].append(issue)
    expected_by_area: dict[str, list[str]] = defaultdict(list)
    for e in snippet.expectations:
        expected_by_area[e.area].append(e.severity)
    for area in set(found_by_area) | set(expected_by_area):
        expected = _highest(expected_by_area.get(area, []))
        found_issues = found_by_area.get(area, [])
        found = _highest([i.severity.value for i in found_issues])
        result.confusion[(expected, found)] += 1
        tally = result.per_area[area]
        should_block, blocked = expected in BLOCKING, found in BLOCKING
        for t in (tally, result.blocking):
            t.tp += should_block and blocked
            t.fn += should_block and not blocked
            t.fp += blocked and not should_block
        if should_block and not blocked:
            seen = f" (found {found}: {', '.join(sorted({i.rule_id for i in found_issues}))})" if found_issues else ""
            result.misses.append(f"{snippet.id} [{area}, expected {expected}]{seen}")
        if blocked and not should_block:
            rules = ", ".join(sorted({i.rule_id for i in found_issues if i.severity.value in BLOCKING}))
            result.false_alarms.append(f"{snippet.id} [{area}, expected {expected}] blocked by {rules}")
