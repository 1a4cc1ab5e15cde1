"""The campaign orchestration: generate in parallel, audit, regenerate what failed, then
wait for a person's decision. Deterministic: every effect happens in an activity, and
the only inputs are the orchestration input and activity results.
"""

from __future__ import annotations

from collections.abc import Generator
from datetime import timedelta
from typing import Any

import azure.durable_functions as df

from marketing_agents.flow import (
    AuditInput,
    AuditOutput,
    CampaignUpdate,
    FlowState,
    GenerateInput,
    GenerateOutput,
    ReviewDecision,
    StartInput,
    round_status,
    types_to_regenerate,
)
from marketing_agents.ids import review_event_name
from marketing_agents.models import CampaignStatus
from marketing_agents.protocol import ON_CAMPAIGN_COMPLETED, ON_CAMPAIGN_STATUS, ON_GENERATION_FAILED

bp = df.Blueprint()

# Transient failures (a throttled store, a flaky model) are retried by the Durable
# runtime; the agents have their own retries for model calls inside one attempt.
ACTIVITY_RETRY = df.RetryOptions(first_retry_interval_in_milliseconds=2000, max_number_of_attempts=3)

Step = Generator[Any, Any, Any]


def _call(context: df.DurableOrchestrationContext, name: str, payload: Any) -> Any:
    return context.call_activity_with_retry(name, ACTIVITY_RETRY, payload.to_doc())


def _status(context: df.DurableOrchestrationContext, state: FlowState, status: CampaignStatus, **extra: Any) -> None:
    """Progress for status queries. ``sequence`` is the last event sequence reserved so
    far, so whoever adds an event from outside (cancel) can number it after them."""
    context.set_custom_status(
        {
            "status": status.value,
            "revision": state.revision_number,
            "sequence": state.sequence,
            "activeVersionIds": {t.value: v for t, v in state.active_version_ids.items()},
            **extra,
        }
    )


def _update(context: df.DurableOrchestrationContext, state: FlowState, **fields: Any) -> Any:
    event_type = fields.pop("event_type", None)
    sequence = state.next_sequences(1)[0] if event_type else None
    update = CampaignUpdate(campaign_id=state.campaign_id, event_type=event_type, event_sequence=sequence, **fields)
    return _call(context, "update_campaign", update)


def generate_and_audit(context: df.DurableOrchestrationContext, state: FlowState) -> Step:
    """Fan out the agents, fan in to the auditor, and retry what failed, up to max_rounds."""
    types = list(state.types_to_generate)
    audit: AuditOutput | None = None
    for round_number in range(state.max_rounds + 1):
        status = round_status(state.revision_number, round_number)
        yield _update(context, state, status=status, round=round_number, revision_number=state.revision_number)

        sequences = state.next_sequences(len(types))
        _status(context, state, status, round=round_number, working=[t.value for t in types])
        tasks = [
            _call(
                context,
                "generate_artifact",
                GenerateInput(
                    campaign_id=state.campaign_id,
                    artifact_type=artifact_type,
                    version_number=state.next_version_number(artifact_type),
                    revision_number=state.revision_number,
                    round=round_number,
                    previous_version_id=state.active_version_ids.get(artifact_type),
                    feedback_report_id=state.latest_audit_report_id if round_number > 0 else None,
                    use_revision=state.revision_number > 0 and round_number == 0,
                    sequence=sequence,
                ),
            )
            for artifact_type, sequence in zip(types, sequences, strict=True)
        ]
        results = yield context.task_all(tasks)
        for raw in results:
            generated = GenerateOutput.model_validate(raw)
            state.active_version_ids[generated.artifact_type] = generated.version_id
            state.usage = state.usage.plus(generated.usage)

        yield _update(
            context,
            state,
            status=CampaignStatus.AUDITING,
            active_version_ids=dict(state.active_version_ids),
            usage=state.usage,
        )
        audit_sequence = state.next_sequences(1)[0]
        _status(context, state, CampaignStatus.AUDITING, round=round_number)
        audit = AuditOutput.model_validate(
            (
                yield _call(
                    context,
                    "audit_campaign",
                    AuditInput(
                        campaign_id=state.campaign_id,
                        revision_number=state.revision_number,
                        round=round_number,
                        version_ids=dict(state.active_version_ids),
                        sequence=audit_sequence,
                    ),
                )
            )
        )
        state.latest_audit_report_id = audit.report_id
        state.compliant = audit.is_compliant
        state.usage = state.usage.plus(audit.usage)
        if audit.is_compliant:
            return audit
        types = types_to_regenerate(audit, types)
    return audit


def review(context: df.DurableOrchestrationContext, state: FlowState, with_deadline: bool) -> Step:
    """Wait for the person's decision, raced against the review deadline."""
    decision_task = context.wait_for_external_event(review_event_name(state.revision_number))
    if not with_deadline:
        decision = yield decision_task
        return ReviewDecision.model_validate(decision)
    deadline = context.current_utc_datetime + timedelta(seconds=state.review_deadline_seconds)
    timer = context.create_timer(deadline)
    winner = yield context.task_any([decision_task, timer])
    if winner == decision_task:
        timer.cancel()
        return ReviewDecision.model_validate(decision_task.result)
    return None


@bp.orchestration_trigger(context_name="context")
def campaign_orchestrator(context: df.DurableOrchestrationContext) -> Step:
    """SPEC.md section 2: create → generate ∥ → audit → retry → review → approve/revise.
    An activity that still fails after its retries fails the campaign visibly
    (``Failed`` with the reason) instead of leaving it ``Generating`` for ever."""
    state = FlowState.model_validate(context.get_input())
    try:
        return (yield from run_campaign(context, state))
    except Exception as error:
        reason = failure_reason(error)
        _status(context, state, CampaignStatus.FAILED, reason=reason)
        yield _update(
            context,
            state,
            status=CampaignStatus.FAILED,
            status_reason=reason,
            event_type=ON_GENERATION_FAILED,
            event_payload={"status": CampaignStatus.FAILED.value, "reason": reason},
            fill_sequence_gaps=True,
        )
        return {"status": CampaignStatus.FAILED.value, "reason": reason}


def failure_reason(error: Exception) -> str:
    """The first line of an activity failure, without its traceback, for people to read."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:300]


def run_campaign(context: df.DurableOrchestrationContext, state: FlowState) -> Step:
    if state.phase == "generate":
        if state.sequence == 0:
            yield _call(
                context,
                "start_campaign",
                StartInput(campaign_id=state.campaign_id, sequence=state.next_sequences(1)[0]),
            )
        audit = yield from generate_and_audit(context, state)
        deadline = context.current_utc_datetime + timedelta(seconds=state.review_deadline_seconds)
        if state.compliant:
            outcome, event = CampaignStatus.AWAITING_REVIEW, ON_CAMPAIGN_COMPLETED
            reason = None
        else:
            outcome, event = CampaignStatus.NEEDS_ATTENTION, ON_GENERATION_FAILED
            reason = (
                f"still not compliant after {state.max_rounds} regeneration rounds "
                f"(score {audit.score:.0f}, {audit.blocking_findings} blocking findings)"
            )
        announce = _update(
            context,
            state,
            status=outcome,
            status_reason=reason,
            latest_audit_report_id=state.latest_audit_report_id,
            usage=state.usage,
            review_deadline=deadline.isoformat(),
            event_type=event,
            event_payload={"status": outcome.value, "reportId": audit.report_id, "reason": reason},
        )
        _status(context, state, outcome, reportId=state.latest_audit_report_id)
        yield announce
        state.phase = "review"

    decision = yield from review(context, state, with_deadline=state.phase == "review")
    if decision is None:  # the deadline won
        yield _update(
            context,
            state,
            status=CampaignStatus.EXPIRED,
            status_reason="review deadline passed",
            event_type=ON_CAMPAIGN_STATUS,
            event_payload={"status": CampaignStatus.EXPIRED.value},
        )
        state.phase = "expired"
        context.continue_as_new(state.to_doc())
        return None
    if decision.action == "approve":
        yield _update(
            context,
            state,
            status=CampaignStatus.APPROVED,
            event_type=ON_CAMPAIGN_STATUS,
            event_payload={"status": CampaignStatus.APPROVED.value, "by": decision.by},
        )
        _status(context, state, CampaignStatus.APPROVED)
        return {"status": CampaignStatus.APPROVED.value, "activeVersionIds": state.to_doc()["activeVersionIds"]}

    state.phase = "generate"
    state.revision_number = decision.revision_number
    state.types_to_generate = list(decision.artifact_types or state.active_version_ids.keys())
    state.compliant = None
    context.continue_as_new(state.to_doc())
    return None
