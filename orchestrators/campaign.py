"""The campaign orchestration: generate in parallel, audit, regenerate what failed, then
wait for a person's decision. Deterministic: every effect happens in an activity, and
the only inputs are the orchestration input, activity results and external events.

The orchestration is the one owner of the campaign's event sequence: it numbers every
event, including the final ones (Cancelled, Failed), so nothing outside it has to guess
the next number. Cancel is an external event raced against every step; an activity
that fails for good ends the campaign ``Failed`` with its reason (docs/events.md).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import azure.durable_functions as df
from azure.durable_functions.models.Task import TaskBase

from marketing_agents.campaign.contracts import (
    AuditInput,
    AuditOutput,
    CampaignUpdate,
    EditDecision,
    FlowState,
    GenerateInput,
    GenerateOutput,
    RecordEditInput,
    ReviewDecision,
    StartInput,
    round_status,
    types_to_regenerate,
)
from marketing_agents.models import AuditSummary, CampaignStatus, audit_status_for
from marketing_agents.protocol import ON_CAMPAIGN_COMPLETED, ON_CAMPAIGN_STATUS, ON_GENERATION_FAILED

from .steps import CampaignCancelled, FlowSteps, Step, StepsFailed

bp = df.Blueprint()

Outcome = dict[str, Any] | None


@bp.orchestration_trigger(context_name="context")
def campaign_orchestrator(context: df.DurableOrchestrationContext) -> Step[Outcome]:
    """SPEC.md section 2: create → generate ∥ → audit → retry → review → approve/revise."""
    flow = FlowSteps(context, FlowState.model_validate(context.get_input()))
    try:
        return (yield from run_campaign(flow))
    except CampaignCancelled as cancelled:
        return (yield from flow.finish_cancelled(cancelled))
    except StepsFailed as failure:
        return (yield from flow.finish_failed(failure.reason, failure.steps))
    except Exception as error:  # a bug in the flow itself: still end visibly
        return (yield from flow.finish_failed(failure_reason(error), []))


def failure_reason(error: Exception) -> str:
    """The first line of a failure, without its traceback, for people to read."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:300]


def run_campaign(flow: FlowSteps) -> Step[Outcome]:
    state = flow.state
    if state.phase == "generate":
        if state.sequence == 0:
            start = StartInput(
                campaign_id=state.campaign_id, campaign_name=state.campaign_name, sequence=flow.reserve()
            )
            yield from flow.run_one("start_campaign", start, start.sequence)
        audit = yield from generate_and_audit(flow)
        yield from announce_outcome(flow, audit)
        state.phase = "review"

    decision = yield from review(flow, with_deadline=state.phase == "review")
    if decision is None:  # the deadline won
        yield from flow.update(
            CampaignUpdate(campaign_id=state.campaign_id, status=CampaignStatus.EXPIRED,
                           status_reason="review deadline passed"),
            ON_CAMPAIGN_STATUS,
            {"status": CampaignStatus.EXPIRED.value},
        )
        state.phase = "expired"
        flow.context.continue_as_new(state.to_doc())
        return None
    if decision.action == "approve":
        yield from flow.update(
            CampaignUpdate(campaign_id=state.campaign_id, status=CampaignStatus.APPROVED),
            ON_CAMPAIGN_STATUS,
            {"status": CampaignStatus.APPROVED.value, "by": decision.by},
        )
        flow.progress(CampaignStatus.APPROVED)
        return {"status": CampaignStatus.APPROVED.value, "activeVersionIds": state.to_doc()["activeVersionIds"]}
    if decision.action == "edit" and decision.edit is not None:
        yield from record_and_audit_edit(flow, decision.edit, decision.by)
        state.phase = "review"
        flow.context.continue_as_new(state.to_doc())
        return None

    state.phase = "generate"
    state.revision_number = decision.revision_number
    state.types_to_generate = list(decision.artifact_types or state.active_version_ids.keys())
    state.compliant = None
    flow.context.continue_as_new(state.to_doc())
    return None


def generate_and_audit(flow: FlowSteps) -> Step[AuditOutput]:
    """Fan out the agents, fan in to the auditor, and retry what failed, up to max_rounds.

    Round 0 needs no status write: the API already set Generating (or Revising)."""
    state = flow.state
    types = list(state.types_to_generate)
    audit: AuditOutput | None = None
    for round_number in range(state.max_rounds + 1):
        status = round_status(state.revision_number, round_number)
        if round_number > 0:
            yield from flow.update(CampaignUpdate(campaign_id=state.campaign_id, status=status, round=round_number))
        flow.progress(status, round=round_number, working=[t.value for t in types])
        results = yield from flow.run_all(
            [
                flow.generate(
                    GenerateInput(
                        campaign_id=state.campaign_id,
                        artifact_type=artifact_type,
                        version_number=state.next_version_number(artifact_type),
                        revision_number=state.revision_number,
                        round=round_number,
                        previous_version_id=state.active_version_ids.get(artifact_type),
                        feedback_report_id=state.latest_audit_report_id if round_number > 0 else None,
                        use_revision=state.revision_number > 0 and round_number == 0,
                        sequence=flow.reserve(),
                    )
                )
                for artifact_type in types
            ]
        )
        for raw in results:
            generated = GenerateOutput.model_validate(raw)
            state.active_version_ids[generated.artifact_type] = generated.version_id
            state.usage = state.usage.plus(generated.usage)

        yield from flow.update(
            CampaignUpdate(
                campaign_id=state.campaign_id,
                status=CampaignStatus.AUDITING,
                active_version_ids=dict(state.active_version_ids),
                usage=state.usage,
            )
        )
        flow.progress(CampaignStatus.AUDITING, round=round_number)
        audit = yield from audit_active_versions(flow, round_number)
        if audit.is_compliant:
            return audit
        types = types_to_regenerate(audit, types)
    assert audit is not None  # the loop runs at least once
    return audit


def announce_outcome(flow: FlowSteps, audit: AuditOutput) -> Step[None]:
    """AwaitingReview when compliant, NeedsAttention when the rounds ran out."""
    state = flow.state
    if state.compliant:
        outcome, event, reason = CampaignStatus.AWAITING_REVIEW, ON_CAMPAIGN_COMPLETED, None
    else:
        outcome, event = CampaignStatus.NEEDS_ATTENTION, ON_GENERATION_FAILED
        reason = (
            f"still not compliant after {state.max_rounds} regeneration rounds "
            f"(score {audit.score:.0f}, {audit.blocking_findings} blocking findings)"
        )
    yield from enter_review(flow, outcome, reason, event, audit)


def audit_active_versions(flow: FlowSteps, round_number: int, edit_number: int = 0) -> Step[AuditOutput]:
    """Audit the campaign's active versions and keep the report's verdict and usage."""
    state = flow.state
    audit_input = AuditInput(
        campaign_id=state.campaign_id,
        revision_number=state.revision_number,
        round=round_number,
        edit_number=edit_number,
        version_ids=dict(state.active_version_ids),
        sequence=flow.reserve(),
    )
    audit = AuditOutput.model_validate((yield from flow.run_one("audit_campaign", audit_input, audit_input.sequence)))
    state.latest_audit_report_id = audit.report_id
    state.compliant = audit.is_compliant
    state.usage = state.usage.plus(audit.usage)
    return audit


def enter_review(flow: FlowSteps, outcome: CampaignStatus, reason: str | None, event: str, audit: AuditOutput,
                 **announced: str) -> Step[None]:
    """Back in review with the latest report and a fresh review deadline, announced as ``event``."""
    state = flow.state
    report_id = audit.report_id
    deadline = flow.context.current_utc_datetime + timedelta(seconds=state.review_deadline_seconds)
    flow.progress(outcome, reportId=report_id)
    yield from flow.update(
        CampaignUpdate(
            campaign_id=state.campaign_id,
            status=outcome,
            status_reason=reason,
            latest_audit_report_id=report_id,
            latest_audit=AuditSummary(report_id=report_id, compliance_score=audit.score,
                                      status=audit_status_for(audit.score)),
            usage=state.usage,
            review_deadline=deadline.isoformat(),
        ),
        event,
        {"status": outcome.value, "reportId": report_id, "reason": reason, **announced},
    )


def record_and_audit_edit(flow: FlowSteps, edit: EditDecision, by: str) -> Step[None]:
    """A person's edit: announce Auditing, store the edit as the artifact's next version
    (written by that person), audit the active versions at once, and return to review —
    AwaitingReview when compliant, else NeedsAttention. A person's words are never
    regenerated automatically; the report says what to change."""
    state = flow.state
    state.edit_number = edit.edit_number
    announced = {"status": CampaignStatus.AUDITING.value, "editedBy": by, "artifactType": edit.artifact_type.value,
                 "editNumber": edit.edit_number}
    yield from flow.update(CampaignUpdate(campaign_id=state.campaign_id, status=CampaignStatus.AUDITING),
                           ON_CAMPAIGN_STATUS, announced)
    flow.progress(CampaignStatus.AUDITING, edit=edit.edit_number)
    record = RecordEditInput(
        campaign_id=state.campaign_id,
        artifact_type=edit.artifact_type,
        version_number=state.next_version_number(edit.artifact_type),
        revision_number=state.revision_number,
        edit_number=edit.edit_number,
        data=edit.data,
        based_on_version_id=edit.based_on_version_id,
        by=by,
        comment=edit.comment,
        sequence=flow.reserve(),
    )
    recorded = GenerateOutput.model_validate((yield from flow.run_one("record_edit", record, record.sequence)))
    state.active_version_ids[recorded.artifact_type] = recorded.version_id
    yield from flow.update(
        CampaignUpdate(campaign_id=state.campaign_id, active_version_ids=dict(state.active_version_ids))
    )
    audit = yield from audit_active_versions(flow, 0, edit.edit_number)
    if audit.is_compliant:
        outcome, reason = CampaignStatus.AWAITING_REVIEW, None
    else:
        outcome = CampaignStatus.NEEDS_ATTENTION
        reason = (f"not compliant after the edit by {by} (score {audit.score:.0f}, "
                  f"{audit.blocking_findings} blocking findings)")
    yield from enter_review(flow, outcome, reason, ON_CAMPAIGN_STATUS, audit, editedBy=by)


def review(flow: FlowSteps, with_deadline: bool) -> Step[ReviewDecision | None]:
    """Wait for the person's decision, raced against cancel and (unless the campaign
    already expired) the review deadline; the losing timer is cancelled."""
    decision = flow.review_decision()
    contenders: list[TaskBase] = [decision, flow.cancel]
    timer = None
    if with_deadline:
        deadline = flow.context.current_utc_datetime + timedelta(seconds=flow.state.review_deadline_seconds)
        timer = flow.context.create_timer(deadline)
        contenders.append(timer)
    winner = yield flow.context.task_any(contenders)
    if timer is not None and winner is not timer:
        timer.cancel()
    if winner is flow.cancel:
        raise CampaignCancelled([])
    if winner is decision:
        return ReviewDecision.model_validate(decision.result)
    return None
