"""The feedback each agent receives: one numbered, precise change per finding.

Scores live in :mod:`.scoring`; this module turns findings into words an agent (or a
person) can act on: "posts[2].text: remove “best”", "bodyLong: add “…”". Each line
mirrors the finding's machine-readable ``fix``, so model-backed agents read the same
change the offline agents apply.
"""

from __future__ import annotations

from collections import defaultdict

from ..models import ALL_ARTIFACT_TYPES, ArtifactType, ComplianceIssue, FixKind, Severity

SEVERITY_ORDER = {Severity.CRITICAL: 0, Severity.HIGH: 1, Severity.MEDIUM: 2, Severity.LOW: 3}


def sort_key(issue: ComplianceIssue) -> tuple[int, int, str, int]:
    return (
        SEVERITY_ORDER[issue.severity],
        ALL_ARTIFACT_TYPES.index(issue.artifact_type),
        issue.field,
        issue.span.start if issue.span else -1,
    )


def _instruction(issue: ComplianceIssue) -> str:
    """One precise change request, phrased for a writer (human or model)."""
    fix = issue.fix
    where = f"{issue.field}"
    if fix is None or fix.kind is FixKind.REWRITE:
        detail = f"rewrite {issue.excerpt!r}" if issue.excerpt else "rewrite it"
        return f"{where}: {detail}. {issue.suggestion}".strip()
    if fix.kind is FixKind.REMOVE:
        return f"{where}: remove “{fix.target}” (everywhere it appears)."
    if fix.kind is FixKind.REPLACE:
        return f"{where}: replace “{fix.target}” with “{fix.replacement}”."
    if fix.kind is FixKind.ADD:
        return f"{where}: add “{fix.replacement}”."
    if fix.kind is FixKind.SHORTEN:
        return f"{where}: shorten to at most {fix.max_length} characters without cutting a word."
    return f"{where}: keep “{fix.target}” but qualify it: “{fix.target} {fix.replacement}”."


def feedback_by_type(issues: list[ComplianceIssue]) -> dict[ArtifactType, str]:
    """For each artifact with findings, the numbered list of changes to make."""
    lines: dict[ArtifactType, list[str]] = defaultdict(list)
    seen: set[tuple[ArtifactType, str]] = set()
    for issue in sorted(issues, key=sort_key):
        text = _instruction(issue)
        key = (issue.artifact_type, text)
        if key in seen:
            continue
        seen.add(key)
        lines[issue.artifact_type].append(f"[{issue.severity.value}] {text} Why: {issue.issue_description}")
    return {
        t: "\n".join(f"{i}. {line}" for i, line in enumerate(lines[t], start=1))
        for t in ALL_ARTIFACT_TYPES
        if t in lines
    }


def feedback_text(per_type: dict[ArtifactType, str], compliant: bool, score: float, threshold: float) -> str:
    if not per_type:
        return f"Compliant (score {score:g}). No changes needed."
    head = (
        f"Compliant with suggestions (score {score:g})."
        if compliant
        else f"Not compliant (score {score:g}, threshold {threshold:g}). Make these changes:"
    )
    parts = [head] + [f"{t.value}:\n{text}" for t, text in per_type.items()]
    return "\n\n".join(parts)
