"""The pure decisions behind the orchestration and the campaign document."""

from __future__ import annotations

import json
from typing import Any

from marketing_agents.campaigns import apply_update, new_campaign
from marketing_agents.events import make_event, signalr_messages_json
from marketing_agents.flow import AuditOutput, CampaignUpdate, FlowState, round_status, types_to_regenerate
from marketing_agents.models import ArtifactType, CampaignBrief, CampaignStatus


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
