"""How the campaign orchestration runs its steps: each activity call raced against the
cancel event, parallel steps settled one by one (not fail-fast, so the flow knows which
of the event numbers it reserved were used), and the two ways a campaign ends early —
cancelled or failed — written by the orchestration itself with numbers it owns.

Every reserved event number is used exactly once: by the step's own event (its
activity's output binding, applied before the activity completes) when it succeeds,
or by the orchestration's ``onGenerationFailed`` event for that step when it fails for
good. So the log has no holes and nobody has to read it to find one.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import Any, TypeVar

import azure.durable_functions as df
from azure.durable_functions.models.Task import TaskBase, TaskState

from marketing_agents.campaign.contracts import (
    CANCEL_EVENT,
    CampaignUpdate,
    CancelNotice,
    EventDraft,
    FlowState,
    GenerateInput,
)
from marketing_agents.ids import review_event_name
from marketing_agents.models import ArtifactType, CamelModel, CampaignStatus
from marketing_agents.protocol import ON_CAMPAIGN_STATUS, ON_GENERATION_FAILED

T = TypeVar("T")
# A step of the orchestrator generator: it yields SDK tasks and returns T. The SDK sends
# back untyped JSON results (dicts, lists, the winning task of task_any), which is the
# one Any here; each result is validated into its model where it is received.
Step = Generator[TaskBase, Any, T]

# Transient failures (a throttled store, a flaky model) are retried by the Durable
# runtime; the agents have their own retries for model calls inside one attempt.
ACTIVITY_RETRY = df.RetryOptions(first_retry_interval_in_milliseconds=2000, max_number_of_attempts=3)


@dataclass
class PendingStep:
    """One scheduled activity and the event number it will publish under, if any."""

    task: TaskBase
    activity: str
    sequence: int | None = None
    artifact_type: ArtifactType | None = None

    @property
    def failed(self) -> bool:
        return bool(self.task.state is TaskState.FAILED)

    def failure_reason(self) -> str:
        text = str(self.task.result).strip()
        return (text.splitlines()[0] if text else f"{self.activity} failed")[:300]


class CampaignCancelled(Exception):
    """The cancel event won a race; ``in_flight`` are the steps it interrupted."""

    def __init__(self, in_flight: list[PendingStep]) -> None:
        super().__init__("cancelled")
        self.in_flight = in_flight


class StepsFailed(Exception):
    """At least one step of a group failed after its retries (the others have settled)."""

    def __init__(self, steps: list[PendingStep]) -> None:
        self.steps = steps
        self.reason = next(s.failure_reason() for s in steps if s.failed)
        super().__init__(self.reason)


class FlowSteps:
    """One execution of the campaign orchestration: its context, its state, the cancel
    wait shared by every race (one outstanding wait per event name, as the SDK needs)."""

    def __init__(self, context: df.DurableOrchestrationContext, state: FlowState) -> None:
        self.context = context
        self.state = state
        self.cancel: TaskBase = context.wait_for_external_event(CANCEL_EVENT)

    # ------------------------------------------------------------------ numbering

    def reserve(self) -> int:
        return self.state.next_sequences(1)[0]

    def event(self, event_type: str, payload: dict[str, Any]) -> EventDraft:
        return EventDraft(type=event_type, sequence=self.reserve(), payload=payload)

    # ------------------------------------------------------------------ steps

    def step(self, activity: str, payload: CamelModel, sequence: int | None = None) -> PendingStep:
        task = self.context.call_activity_with_retry(activity, ACTIVITY_RETRY, payload.to_doc())
        return PendingStep(task=task, activity=activity, sequence=sequence)

    def generate(self, inp: GenerateInput) -> PendingStep:
        pending = self.step("generate_artifact", inp, inp.sequence)
        pending.artifact_type = inp.artifact_type
        return pending

    def run_all(self, steps: list[PendingStep]) -> Step[list[Any]]:
        """Every step's result, in order, once all have settled; cancel interrupts."""
        yield from self._settle(steps, cancellable=True)
        if any(s.failed for s in steps):
            raise StepsFailed(steps)
        return [s.task.result for s in steps]

    def run_one(self, activity: str, payload: CamelModel, sequence: int | None = None) -> Step[Any]:
        return (yield from self.run_all([self.step(activity, payload, sequence)]))[0]

    def update(
        self, update: CampaignUpdate, event_type: str | None = None, payload: dict[str, Any] | None = None
    ) -> Step[None]:
        """Write the campaign document (etag'd, in ``update_campaign``), optionally
        announcing the change with one event numbered here."""
        if event_type is None:
            yield from self.run_one("update_campaign", update)
            return
        announced = self.event(event_type, payload or {})
        announcing = update.model_copy(update={"events": [announced]})
        yield from self.run_one("update_campaign", announcing, announced.sequence)

    def _settle(self, steps: list[PendingStep], cancellable: bool) -> Step[None]:
        pending = [s for s in steps if s.task.state is TaskState.RUNNING]
        while pending:
            contenders = [s.task for s in pending] + ([self.cancel] if cancellable else [])
            winner = yield self.context.task_any(contenders)
            if winner is self.cancel:
                raise CampaignCancelled(steps)
            pending = [s for s in pending if s.task is not winner]

    def review_decision(self) -> TaskBase:
        name = review_event_name(self.state.revision_number, self.state.edit_number)
        return self.context.wait_for_external_event(name)

    def progress(self, status: CampaignStatus, **extra: Any) -> None:
        """Progress for status queries (small: ids and names only)."""
        self.context.set_custom_status(
            {
                "status": status.value,
                "revision": self.state.revision_number,
                "activeVersionIds": {t.value: v for t, v in self.state.active_version_ids.items()},
                **extra,
            }
        )

    # ------------------------------------------------------------------ endings

    def failure_events(self, steps: list[PendingStep]) -> list[EventDraft]:
        """The event of each failed step, under the number that step had reserved."""
        return [
            EventDraft(
                type=ON_GENERATION_FAILED,
                sequence=s.sequence,
                payload={
                    "step": s.activity,
                    "artifactType": s.artifact_type.value if s.artifact_type else None,
                    "reason": s.failure_reason(),
                },
            )
            for s in steps
            if s.failed and s.sequence is not None
        ]

    def finish_cancelled(self, cancelled: CampaignCancelled) -> Step[dict[str, Any]]:
        """The API has written Cancelled; announce it now, then let the interrupted steps
        end (their late results are ignored) so that every number they hold is used."""
        notice = CancelNotice.model_validate(self.cancel.result)
        self.progress(CampaignStatus.CANCELLED, reason=notice.reason)
        yield from self._ending(
            CampaignUpdate(
                campaign_id=self.state.campaign_id,
                status=CampaignStatus.CANCELLED,
                status_reason=notice.reason,
                events=[self.event(ON_CAMPAIGN_STATUS, {"status": CampaignStatus.CANCELLED.value,
                                                        "reason": notice.reason})],
            )
        )
        yield from self._settle(cancelled.in_flight, cancellable=False)
        holes = self.failure_events(cancelled.in_flight)
        if holes:
            yield from self._ending(CampaignUpdate(campaign_id=self.state.campaign_id, events=holes))
        return {"status": CampaignStatus.CANCELLED.value, "reason": notice.reason}

    def finish_failed(self, reason: str, steps: list[PendingStep]) -> Step[dict[str, Any]]:
        """``Failed`` with the reason: the failed steps' own events, then the campaign's."""
        self.progress(CampaignStatus.FAILED, reason=reason)
        events = self.failure_events(steps)
        events.append(self.event(ON_GENERATION_FAILED, {"status": CampaignStatus.FAILED.value, "reason": reason}))
        yield from self._ending(
            CampaignUpdate(
                campaign_id=self.state.campaign_id, status=CampaignStatus.FAILED, status_reason=reason, events=events
            )
        )
        return {"status": CampaignStatus.FAILED.value, "reason": reason}

    def _ending(self, update: CampaignUpdate) -> Step[None]:
        """The last writes are not raced against cancel: the campaign is ending anyway."""
        yield self.context.call_activity_with_retry("update_campaign", ACTIVITY_RETRY, update.to_doc())
