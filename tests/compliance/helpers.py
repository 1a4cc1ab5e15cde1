"""Small builders for compliance tests: artifacts and audit contexts from plain data."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from marketing_agents.compliance import build_auditor
from marketing_agents.compliance.base import AuditContext
from marketing_agents.models import (
    ArtifactMetadata,
    ArtifactType,
    ArtifactVersion,
    AuditReport,
    CampaignBrief,
    Platform,
    Severity,
    ShortCopyData,
    ShortPost,
)
from marketing_agents.platforms import measure
from marketing_agents.settings import load_settings

CAMPAIGN = "c-00000000000000aa"


def brief(**overrides: Any) -> CampaignBrief:
    values: dict[str, Any] = {
        "theme": "Summer launch of EcoBottle", "product": "EcoBottle",
        "target_audience": "Eco-conscious millennials", "tone": "Inspiring",
        "constraints": ["Must include recycling message", "Avoid plastic-related claims"],
        "evidence": ["Made from 90% recycled steel"],
    }
    values.update(overrides)
    return CampaignBrief(**values)


def version(artifact_type: ArtifactType, data: dict[str, Any]) -> ArtifactVersion:
    return ArtifactVersion(
        id=f"{CAMPAIGN}-{artifact_type.value.lower()}-v1", campaign_id=CAMPAIGN, type=artifact_type,
        version_number=1, revision_number=0, round=0, content="", data=data, metadata=ArtifactMetadata(),
        agent_name="test", created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )


def copy(**data: Any) -> ArtifactVersion:
    base: dict[str, Any] = {
        "headlines": ["Meet EcoBottle", "Summer, refilled", "Your summer bottle"],
        "bodyShort": "Meet EcoBottle. Recycle it when you are done.",
        "bodyMedium": "Meet EcoBottle, made from 90% recycled steel. Recycle it when you are done.",
        "bodyLong": "Meet EcoBottle, made from 90% recycled steel. Recycle it when you are done.",
        "callsToAction": ["Discover EcoBottle", "Find yours", "Say hello"],
        "toneSummary": "Inspiring", "keywords": ["EcoBottle"],
    }
    base.update(data)
    return version(ArtifactType.COPY, base)


def posts(*items: tuple[str, str]) -> ArtifactVersion:
    """Short copy as the writers make it: each post measured the platform's way."""
    made = []
    for name, text in items:
        size = measure(text, Platform(name))
        made.append(ShortPost(platform=Platform(name), text=text, character_count=size.count, limit=size.limit,
                              over_limit=size.over_limit, hashtags=size.hashtags))
    return version(ArtifactType.SHORT_COPY, ShortCopyData(posts=made).to_doc())


def poster(**concept: Any) -> ArtifactVersion:
    base: dict[str, Any] = {
        "headline": "Summer, refilled", "subline": "Recycle it when you are done.", "callToAction": "Find yours",
        "palette": ["#F4F9F4", "#1B4332", "#2D6A4F", "#FFFFFF"], "layout": "centred", "mood": [], "style": [],
        "imagePrompt": "a steel bottle",
        "altText": "Poster for EcoBottle with the headline “Summer, refilled” on a pale green background.",
    }
    base.update(concept)
    return version(ArtifactType.VISUAL, {"concepts": [base, dict(base)], "chosenIndex": 0})


def audit(*artifacts: ArtifactVersion, the_brief: CampaignBrief | None = None,
          settings: dict[str, str] | None = None, **kwargs: Any) -> AuditReport:
    context = AuditContext(
        report_id=f"{CAMPAIGN}-audit-r0-0", campaign_id=CAMPAIGN, brief=the_brief or brief(),
        artifacts={a.type: a for a in artifacts},
    )
    declared = load_settings(settings) if settings is not None else None
    return asyncio.run(build_auditor(declared, **kwargs).audit(context))


def learned_checker() -> str:
    """How ``checkedBy`` names the packaged learned second opinion (on by default)."""
    from marketing_agents.compliance.learned import load_model

    return f"learned:{load_model().version}"


def rule_ids(report: AuditReport) -> set[str]:
    return {i.rule_id for i in report.issues}


def rules_blocking(text: str, evidence: list[str] | None = None, prefix: str = "", product: str = "EcoBottle",
                   constraints: list[str] | None = None) -> set[str]:
    """The rules' blocking (High/Critical) rule ids on ``text`` as a Copy body, with the learned
    second opinion (which may demote them) off; only ids starting with ``prefix``. ``product``
    and ``constraints`` replace the default brief's."""
    overrides: dict[str, Any] = {"evidence": evidence or [], "product": product}
    if constraints is not None:
        overrides["constraints"] = constraints
    report = audit(copy(bodyLong=text), the_brief=brief(**overrides),
                   settings={"COMPLIANCE_SECOND_OPINION": "false"})
    return {i.rule_id for i in report.issues
            if i.severity in (Severity.HIGH, Severity.CRITICAL) and i.rule_id.startswith(prefix)}
