"""Scoring the engine against a labelled corpus: precision and recall per pack.

Each snippet of the corpus (``tests/compliance/corpus.yaml``) becomes a one-artifact
campaign; the rule ids the engine reports are compared with the labelled ones (as sets
per snippet). A rule id's pack is its prefix (``env.generic-claim`` → ``env``). Used by
the corpus test and by ``bench/audit_eval.py``, so both measure the same thing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..models import ArtifactType, CampaignBrief, Severity
from .base import ArtifactLayout, AuditContext
from .engine import RuleEngineAuditor

CAMPAIGN_ID = "c-00000000000000e1"
BLOCKING = {Severity.HIGH.value, Severity.CRITICAL.value}


@dataclass(frozen=True)
class Snippet:
    id: str
    context: AuditContext
    expected: dict[str, str]  # rule id → severity


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
    per_pack: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    overall: Tally = field(default_factory=Tally)
    blocking: Tally = field(default_factory=Tally)  # High/Critical labels only (recall)
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    clean_flagged: list[str] = field(default_factory=list)


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


def load_corpus(path: Path) -> list[Snippet]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    snippets = []
    for raw in doc["snippets"]:
        brief = CampaignBrief(
            theme="Summer launch", product=raw.get("product", "EcoBottle"), target_audience="Adults",
            tone="Warm", constraints=raw.get("constraints", []), evidence=raw.get("evidence", []),
        )
        artifact = artifact_for(raw)
        context = AuditContext(
            report_id=f"{CAMPAIGN_ID}-audit-{raw['id']}", campaign_id=CAMPAIGN_ID, brief=brief,
            texts={artifact.type: artifact},
        )
        expected = {e["rule"]: e["severity"] for e in raw.get("expect", [])}
        snippets.append(Snippet(raw["id"], context, expected))
    return snippets


def pack_of(rule_id: str) -> str:
    return rule_id.split(".", 1)[0]


def evaluate(snippets: list[Snippet], auditor: RuleEngineAuditor | None = None) -> Evaluation:
    auditor = auditor or RuleEngineAuditor()
    result = Evaluation()
    for snippet in snippets:
        found = {f.issue.rule_id for f in auditor.run_rules(snippet.context).findings}
        expected = set(snippet.expected)
        for rule in found | expected:
            tally = result.per_pack[pack_of(rule)]
            hit, predicted = rule in expected, rule in found
            for t in (tally, result.overall):
                t.tp += hit and predicted
                t.fp += predicted and not hit
                t.fn += hit and not predicted
            if hit and snippet.expected[rule] in BLOCKING:
                result.blocking.tp += predicted
                result.blocking.fn += not predicted
            if hit and not predicted:
                result.misses.append(f"{snippet.id}: {rule}")
            if predicted and not hit:
                result.false_alarms.append(f"{snippet.id}: {rule}")
        if not expected and found:
            result.clean_flagged.append(snippet.id)
    result.blocking.fp = result.overall.fp
    return result
