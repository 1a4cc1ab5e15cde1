"""Checking any copy a person pastes (``POST /api/audit``): the audit command's twin.

The text is laid out as artifact data exactly as ``marketing-agents audit`` lays out a
text file (compliance/cli.py): long-form copy as ``bodyLong``, one post for a platform as
``posts[0]``; poster text as one concept (first line the headline, the rest the
subline). The same rule engine audits it, with the same packs; the report is not stored.
The audited data is returned with the report, so findings' ``field`` and ``span`` index
into it exactly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import ConfigDict, StringConstraints

from ..models import (
    NOT_BLANK_PATTERN,
    WHITESPACE,
    ArtifactType,
    AuditReport,
    CampaignBrief,
    Platform,
    StrictRequest,
)
from ..problems import BadRequest
from ..settings import Settings
from .base import ArtifactLayout, AuditContext, Auditor
from .cli import CLI_CAMPAIGN
from .packs import PackError, RulePack, load_pack, packaged_packs

MAX_AUDIT_TEXT = 20_000
BRAND_KIT_ID = r"^[a-z0-9][a-z0-9_-]{0,63}$"

AuditText = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_AUDIT_TEXT, pattern=NOT_BLANK_PATTERN)
]


class AuditRequest(StrictRequest):
    """What to check: the text, what kind of artifact it is (and for a post, its
    platform), and optionally the brief whose constraints and evidence apply and a
    brand kit (by id, as ``GET /api/brand-kits`` lists them)."""

    # A post is checked against its platform's limits, so ShortCopy needs the platform.
    model_config = ConfigDict(**StrictRequest.model_config, json_schema_extra={
        "if": {"properties": {"artifactType": {"const": ArtifactType.SHORT_COPY.value}}, "required": ["artifactType"]},
        "then": {"required": ["platform"], "properties": {"platform": {"$ref": "#/components/schemas/Platform"}}},
    })

    text: AuditText
    artifact_type: ArtifactType = ArtifactType.COPY
    platform: Platform | None = None
    brief: CampaignBrief | None = None
    brand_kit: Annotated[str, StringConstraints(pattern=BRAND_KIT_ID)] | None = None


def brand_kit_dirs(settings: Settings) -> list[Path]:
    """The extra brand-kit folders the app is configured with (as the campaign auditor)."""
    return [Path(d) for d in settings.compliance_brand_kits_dir]


def brand_kits(dirs: list[Path]) -> list[RulePack]:
    """Every brand kit a brief or a check may name: the packaged ones, then the
    configured folders' (a folder's kit of the same id wins, as find_brand_kit does)."""
    kits = {p.id: p for p in packaged_packs().values() if p.kind == "brand-kit" and p.brand is not None}
    for directory in reversed(dirs):
        for path in sorted(directory.glob("*.y*ml")) if directory.is_dir() else []:
            try:
                pack = load_pack(path)
            except PackError:
                continue  # a broken file is not offered (campaigns naming it get the default kit, with a note)
            if pack.kind == "brand-kit" and pack.brand is not None:
                kits[pack.id] = pack
    return sorted(kits.values(), key=lambda p: p.id)


def _layout(artifact_type: ArtifactType, data: dict[str, Any]) -> ArtifactLayout:
    return ArtifactLayout(id=f"{CLI_CAMPAIGN}-{artifact_type.value.lower()}-v1", campaign_id=CLI_CAMPAIGN,
                          type=artifact_type, data=data)


def laid_out(request: AuditRequest) -> ArtifactLayout:
    """The text as the artifact data the rules read."""
    text = request.text.strip(WHITESPACE)
    if request.artifact_type is ArtifactType.SHORT_COPY:
        if request.platform is None:
            raise BadRequest("A ShortCopy check needs the post's platform",
                             errors=[{"field": "platform", "message": "required for ShortCopy", "type": "missing"}])
        return _layout(ArtifactType.SHORT_COPY, {"posts": [{"platform": request.platform.value, "text": text}]})
    if request.artifact_type is ArtifactType.VISUAL:
        first, _, rest = text.partition("\n")
        concept: dict[str, Any] = {"headline": first.strip(WHITESPACE)}
        if rest.strip(WHITESPACE):
            concept["subline"] = rest.strip(WHITESPACE)
        return _layout(ArtifactType.VISUAL, {"concepts": [concept], "chosenIndex": 0})
    return _layout(ArtifactType.COPY, {"bodyLong": text})


async def check_text(request: AuditRequest, threshold: float, auditor: Auditor) -> tuple[AuditReport, ArtifactLayout]:
    """Audit the text with the campaigns' auditor without its judge (``build_auditor``; the
    rules and the second opinion run in a thread, inside the engine)."""
    layout = laid_out(request)
    brief = request.brief or CampaignBrief(theme="Ad-hoc audit", product="-", target_audience="-", tone="-")
    if request.brand_kit:
        brief = brief.model_copy(update={"brand_kit": request.brand_kit})
    context = AuditContext(report_id=f"{CLI_CAMPAIGN}-audit-check", campaign_id=CLI_CAMPAIGN, brief=brief,
                           texts={layout.type: layout}, threshold=threshold)
    # The kit is found as for a campaign (the operator's COMPLIANCE_BRAND_KIT, else the one
    # the brief or the request names): an unknown kit gives the default kit and a note in
    # the report's notChecked.
    report = await auditor.audit(context)
    return report, layout
