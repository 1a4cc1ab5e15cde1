"""The pure decisions behind the orchestration and the campaign document."""

from __future__ import annotations

import json
from typing import Any

from marketing_agents.campaign.auditing import link_reports
from marketing_agents.campaign.contracts import (
    AuditOutput,
    CampaignUpdate,
    EventDraft,
    FlowState,
    round_status,
    types_to_regenerate,
)
from marketing_agents.campaign.documents import apply_update, new_campaign
from marketing_agents.campaign.events import make_event, signalr_messages_json
from marketing_agents.models import (
    ArtifactMetadata,
    ArtifactType,
    ArtifactVersion,
    AuditReport,
    AuditStatus,
    CampaignBrief,
    CampaignStatus,
    CategoryScores,
    utc_now,
)
from tests.unit.artifact_samples import DATA


def test_sequences_and_version_numbers_survive_serialisation() -> None:
    state = FlowState(campaign_id="c-0123456789abcdef")
    assert state.next_sequences(3) == [1, 2, 3]
    assert state.next_version_number(ArtifactType.COPY) == 1
    restored = FlowState.model_validate(json.loads(json.dumps(state.to_doc())))  # continue_as_new round trip
    assert restored.next_sequences(1) == [4]
    assert restored.next_version_number(ArtifactType.COPY) == 2
    assert restored.next_version_number(ArtifactType.VISUAL) == 1


def test_round_status() -> None:
    assert round_status(0, 0) == CampaignStatus.GENERATING
    assert round_status(2, 0) == CampaignStatus.REVISING
    assert round_status(0, 3) == CampaignStatus.REGENERATING


def test_only_types_with_findings_regenerate() -> None:
    audit = AuditOutput(
        report_id="r", is_compliant=False, score=50, types_with_findings=[ArtifactType.VISUAL], blocking_findings=1
    )
    assert types_to_regenerate(audit, [ArtifactType.COPY, ArtifactType.VISUAL]) == [ArtifactType.VISUAL]
    unattributed = audit.model_copy(update={"types_with_findings": []})
    assert types_to_regenerate(unattributed, [ArtifactType.COPY]) == [ArtifactType.COPY]


def test_late_orchestration_write_never_undoes_a_final_decision(ecobottle_brief: dict[str, Any]) -> None:
    campaign = new_campaign(CampaignBrief.model_validate(ecobottle_brief), owner="alice")
    cancelled = campaign.model_copy(update={"status": CampaignStatus.CANCELLED})
    late = CampaignUpdate(campaign_id=campaign.id, status=CampaignStatus.AUDITING, round=1)
    after = apply_update(cancelled, late)
    assert after.status == CampaignStatus.CANCELLED and after.round == 1
    moving = apply_update(campaign, late)
    assert moving.status == CampaignStatus.AUDITING


def test_event_envelope_and_signalr_shape() -> None:
    event = make_event("c-0123456789abcdef", 7, "onCampaignStarted", {"name": "x"})
    again = make_event("c-0123456789abcdef", 7, "onCampaignStarted", {"name": "x"})
    assert event.event_id == again.event_id  # a re-run activity re-sends the same id
    message = json.loads(signalr_messages_json([event]))
    assert message["target"] == "onCampaignStarted" and message["groupName"] == "c-0123456789abcdef"
    envelope = message["arguments"][0]
    assert {"eventId", "campaignId", "sequence", "type", "timestamp", "payload"} <= set(envelope)
    several = json.loads(signalr_messages_json([event, make_event("c-0123456789abcdef", 8, "t", {})]))
    assert isinstance(several, list) and len(several) == 2


def _version(type_: ArtifactType, number: int) -> ArtifactVersion:
    return ArtifactVersion(
        id=f"c-0123456789abcdef-{type_.value.lower()}-v{number}",
        campaign_id="c-0123456789abcdef",
        type=type_,
        version_number=number,
        revision_number=0,
        round=number - 1,
        content="x",
        data=DATA[type_],
        metadata=ArtifactMetadata(model="offline"),
        agent_name="a",
        created_at=utc_now(),
    )


def _report(round_number: int, judged: list[ArtifactVersion], revision: int = 0) -> AuditReport:
    return AuditReport(
        id=f"report-{revision}-{round_number}",
        campaign_id="c-0123456789abcdef",
        revision_number=revision,
        round=round_number,
        is_compliant=False,
        compliance_score=50,
        status=AuditStatus.FAIL,
        category_scores=CategoryScores(),
        artifact_version_ids={v.type: v.id for v in judged},
        created_at=utc_now(),
    )


def test_a_version_links_to_the_latest_report_that_judged_it() -> None:
    copy1, copy2, visual1 = (
        _version(ArtifactType.COPY, 1),
        _version(ArtifactType.COPY, 2),
        _version(ArtifactType.VISUAL, 1),
    )
    reports = [_report(1, [copy2, visual1]), _report(0, [copy1, visual1]), _report(0, [copy2], revision=1)]
    linked = {
        v.id: v.audit_report_id for v in link_reports([copy1, copy2, visual1, _version(ArtifactType.COPY, 3)], reports)
    }
    assert linked == {
        copy1.id: "report-0-0",
        copy2.id: "report-1-0",
        visual1.id: "report-0-1",
        "c-0123456789abcdef-copy-v3": None,
    }


def test_an_update_that_only_announces_leaves_the_document_alone() -> None:
    event = EventDraft(type="onGenerationFailed", sequence=4, payload={"reason": "x"})
    assert not CampaignUpdate(campaign_id="c-0123456789abcdef", events=[event]).changes_document()
    assert CampaignUpdate(campaign_id="c-0123456789abcdef", round=2).changes_document()
