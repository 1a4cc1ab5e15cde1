"""The rule engine auditor: packs → findings → scores → report (and the judge, if any).

Deterministic rules run first and synchronously (a whole campaign in a few
milliseconds); the optional LLM judge runs second and can only add verified findings.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..models import ArtifactType, AuditReport, ComplianceIssue, RulePackRef, audit_status_for, utc_now
from .base import AuditContext
from .constraints import compile_brief
from .feedback import feedback_by_type, feedback_text, sort_key
from .fields import TextField, artifact_fields, artifact_text
from .findings import Finding, RuleContext, with_category
from .judge import Judge, JudgeRequest, JudgeText, JudgeVerdict, verify_and_merge
from .learned import LearnedModel
from .ownership import drop_restated_claims
from .packs import RulePack, brief_text, find_brand_kit, select_packs
from .refiling import refile_claims
from .scoring import summarize
from .second_opinion import apply_second_opinion
from .unclassified import unclassified_claims

RULES_CHECKER = "rules"
LEARNED_CHECKER = "learned"
MAX_ISSUES_PER_TYPE = 60  # findings listed per artifact type; the rest are counted
MAX_EXCERPT_CHARS = 300


@dataclass
class RuleRun:
    """The outcome of the deterministic pass, before any judge."""

    findings: list[Finding]
    packs: list[RulePackRef]
    uncompiled: list[str]
    fields: list[TextField]
    elapsed_ms: float
    checked_by: list[str]


def _dedupe(findings: Iterable[Finding]) -> list[Finding]:
    seen: set[tuple[str, str, str, int, int]] = set()
    out = []
    for f in findings:
        i = f.issue
        key = (i.rule_id, i.artifact_version_id, i.field, i.span.start if i.span else -1, i.span.end if i.span else -1)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def covered_findings(packs: list[RulePack], findings: list[Finding]) -> list[Finding]:
    """Findings of rules whose ``covers_rules`` name other rules: a brief that says "No
    medical claims" is broken by every health finding, in that finding's words and span."""
    out = []
    for pack in packs:
        for rule in pack.rules:
            prefixes = tuple(getattr(rule, "covers_rules", ()))
            if not prefixes:
                continue
            for f in findings:
                if f.issue.rule_id.startswith(prefixes) and f.issue.rule_id != rule.id:
                    issue = f.issue.model_copy(update={
                        "rule_id": rule.id, "severity": rule.severity, "source": rule.source,
                        "issue_description": f"{rule.message} {f.issue.issue_description}",
                    })
                    out.append(Finding(issue, rule.category))
    return out


class RuleEngineAuditor:
    """Implements :class:`~marketing_agents.compliance.base.Auditor` with rule packs.

    ``second_opinion`` is the learned model that demotes the rules' doubtful claim findings
    and adds its confident ones (:mod:`.second_opinion`); ``notes`` are said in every
    report's ``notChecked`` (what this auditor was built without, such as that model)."""

    name = "rule-engine"

    def __init__(
        self,
        brand_kit: RulePack | None = None,
        brand_kit_dirs: Iterable[Path] = (),
        judge: Judge | None = None,
        second_opinion: LearnedModel | None = None,
        notes: Iterable[str] = (),
    ) -> None:
        self.brand_kit = brand_kit
        self.brand_kit_dirs = list(brand_kit_dirs)
        self.judge = judge
        self.second_opinion = second_opinion
        self.notes = list(notes)

    def _kit_for(self, context: AuditContext) -> tuple[RulePack, list[str]]:
        if self.brand_kit is not None:
            return self.brand_kit, []
        try:
            return find_brand_kit(context.brief.brand_kit, self.brand_kit_dirs), []
        except ValueError as error:  # an unknown kit must not stop the audit, but is reported
            return find_brand_kit(None), [f"brand kit: {error}; the default kit was used"]

    def run_rules(self, context: AuditContext) -> RuleRun:
        """The deterministic pass alone (what the benchmark times)."""
        started = time.perf_counter()
        kit, notes = self._kit_for(context)
        layouts = context.layouts()
        fields = {t: artifact_fields(a) for t, a in layouts.items()}
        everything = brief_text(context.brief) + "\n" + "\n".join(artifact_text(f) for f in fields.values())
        brief_pack, uncompiled = compile_brief(list(context.brief.constraints))
        packs, active = select_packs(kit, everything)
        packs.append(brief_pack)
        active.add(brief_pack.id)
        assert kit.brand is not None
        rule_context = RuleContext(
            artifacts=layouts,
            fields=fields,
            evidence=list(context.brief.evidence),
            product_names=[context.brief.product, *kit.brand.product_names],
            audience=context.brief.target_audience,
        )
        findings: list[Finding] = []
        for pack in packs:
            found = [with_category(f, pack.kind) for rule in pack.rules for f in rule.check(rule_context)]
            if found:
                active.add(pack.id)
            findings += found
        covered = covered_findings(packs, findings)
        if covered:
            active.add(brief_pack.id)
        findings += covered
        flat = [f for fs in fields.values() for f in fs]
        findings = _dedupe(drop_restated_claims(findings, flat))
        findings = refile_claims(findings, rule_context.product_names, rule_context.evidence)
        checked_by = [RULES_CHECKER]
        if self.second_opinion is not None:
            findings = apply_second_opinion(self.second_opinion, findings, fields, rule_context.evidence,
                                            context.brief.product, audience=context.brief.target_audience)
            checked_by.append(f"{LEARNED_CHECKER}:{self.second_opinion.version}")
        refs = [p.ref() for p in packs if p.id in active]
        elapsed = (time.perf_counter() - started) * 1000
        return RuleRun(findings, refs, notes + uncompiled, flat, elapsed, checked_by)

    async def audit(self, context: AuditContext) -> AuditReport:
        # The rules and the report are CPU work (regexes over every field): off the event
        # loop, so the host answers other requests while a long campaign is audited.
        run = await asyncio.to_thread(self.run_rules, context)
        findings, not_checked, checked_by = run.findings, list(run.uncompiled), list(run.checked_by)
        if self.judge is not None:
            findings, not_checked, used = await self._ask_judge(context, run)
            if used:
                checked_by.append(f"judge:{self.judge.name}")
            findings = [with_category(f, None) for f in findings]  # the judge's own findings
        return await asyncio.to_thread(build_report, context, findings, run.packs, checked_by,
                                       [*self.notes, *not_checked])

    async def _ask_judge(self, context: AuditContext, run: RuleRun) -> tuple[list[Finding], list[str], bool]:
        assert self.judge is not None
        constraints = [c for c in run.uncompiled if not c.startswith("brand kit:")]
        request = JudgeRequest(
            brief=context.brief,
            texts=[JudgeText(artifact_type=f.artifact_type, field=f.path, text=f.text) for f in run.fields],
            constraints=constraints,
            rule_issues=[f.issue for f in run.findings],
            claims=unclassified_claims(run.fields, run.findings),
        )
        try:
            verdict: JudgeVerdict = await self.judge.review(request)
        except Exception as error:
            note = f"LLM judge {self.judge.name} failed ({type(error).__name__}); rules only"
            return run.findings, [*run.uncompiled, note], False
        merged, _ = verify_and_merge(run.findings, verdict, run.fields, self.judge.name)
        checked = set(verdict.checked_constraints)
        remaining = [c for c in run.uncompiled if c not in checked]
        return merged, remaining, True


def build_report(
    context: AuditContext,
    findings: list[Finding],
    packs: list[RulePackRef],
    checked_by: list[str],
    not_checked: list[str],
) -> AuditReport:
    """Scores, status, compliance and feedback for ``findings``."""
    scores, score, _, compliant = summarize([(f.issue, f.category.value) for f in findings], context.threshold)
    issues, omitted = bounded_issues([f.issue for f in findings])
    per_type = feedback_by_type(issues)
    return AuditReport(
        id=context.report_id,
        campaign_id=context.campaign_id,
        revision_number=context.revision_number,
        round=context.round,
        is_compliant=compliant,
        compliance_score=score,
        status=audit_status_for(score),
        category_scores=scores,
        issues=issues,
        issues_omitted=omitted,
        feedback=feedback_text(per_type, compliant, score, context.threshold),
        feedback_by_type=per_type,
        rule_packs=packs,
        checked_by=checked_by,
        not_checked=not_checked,
        artifact_version_ids={t: a.id for t, a in context.layouts().items()},
        created_at=utc_now(),
    )


def _short_excerpt(issue: ComplianceIssue) -> ComplianceIssue:
    """The issue with its excerpt cut to :data:`MAX_EXCERPT_CHARS` (a length finding quotes
    the whole post); the span still points at the full text in the artifact."""
    if len(issue.excerpt) <= MAX_EXCERPT_CHARS:
        return issue
    return issue.model_copy(update={"excerpt": issue.excerpt[: MAX_EXCERPT_CHARS - 1] + "…"})


def bounded_issues(issues: Iterable[ComplianceIssue]) -> tuple[list[ComplianceIssue], int]:
    """The issues a report lists, most severe first, and how many were left out.

    Scores count every finding; the report lists at most :data:`MAX_ISSUES_PER_TYPE` per
    artifact type (its most severe), so every artifact with findings stays in the report
    and gets feedback, and no text, however repetitive, can grow a report without bound."""
    kept: list[ComplianceIssue] = []
    per_type: Counter[ArtifactType] = Counter()
    omitted = 0
    for issue in sorted(issues, key=sort_key):
        per_type[issue.artifact_type] += 1
        if per_type[issue.artifact_type] > MAX_ISSUES_PER_TYPE:
            omitted += 1
        else:
            kept.append(_short_excerpt(issue))
    return kept, omitted
