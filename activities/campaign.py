"""Durable activities: the only place agents run and bindings are written.

Each activity takes one typed input (a model of ``marketing_agents.campaign.contracts``), does its
work through the library, and writes results through output bindings — Cosmos DB for
documents, SignalR for events — which the host applies only if the function
succeeds. Every document id is deterministic, so a re-run overwrites, never duplicates.
"""

from __future__ import annotations

from typing import Any

import azure.durable_functions as df
import azure.functions as func

from marketing_agents.campaign.auditing import audit_versions
from marketing_agents.campaign.contracts import (
    AuditInput,
    AuditOutput,
    CampaignUpdate,
    GenerateInput,
    GenerateOutput,
    RecordEditInput,
    StartInput,
)
from marketing_agents.campaign.documents import apply_update_stored
from marketing_agents.campaign.events import make_event, signalr_messages_json
from marketing_agents.campaign.generation import GenerationError, attach_poster, generate_version
from marketing_agents.compliance import warm_up
from marketing_agents.components import check_settings, components
from marketing_agents.edits import EditRequest, edited_data, edited_version
from marketing_agents.ids import artifact_version_id
from marketing_agents.llm.metering import metering
from marketing_agents.models import BLOCKING_SEVERITIES, ArtifactType, ArtifactVersion, CampaignStatus, Usage
from marketing_agents.protocol import (
    HUB,
    ON_ARTIFACT_GENERATED,
    ON_CAMPAIGN_STARTED,
    ON_COMPLIANCE_CHECK_COMPLETED,
)
from marketing_agents.realtime.publishing import chunk_publisher
from marketing_agents.settings import COSMOS_CONNECTION_SETTING, SIGNALR_CONNECTION_SETTING
from marketing_agents.store.base import (
    ARTIFACTS,
    AUDITS,
    DATABASE,
    EVENTS,
    PARTITION_KEY_PATHS,
    check_document_size,
)

check_settings()  # a bad setting stops the host at start-up, naming the setting
warm_up()  # the auditor's slow first loads happen now, not during a request

bp = df.Blueprint()


def cosmos_out(arg_name: str, container: str) -> Any:
    return bp.cosmos_db_output(
        arg_name=arg_name,
        connection=COSMOS_CONNECTION_SETTING,
        database_name=DATABASE,
        container_name=container,
        create_if_not_exists=True,
        partition_key=PARTITION_KEY_PATHS[container],
    )


signalr_out = bp.generic_output_binding(
    arg_name="signalr", type="signalR", hub_name=HUB, connection_string_setting=SIGNALR_CONNECTION_SETTING
)


def _document(doc: dict[str, Any], container: str) -> func.Document:
    """A binding value, refused (the activity fails, naming the document and its size)
    when it is over the size every stored document keeps below Cosmos DB's 2 MB limit."""
    return func.Document.from_dict(check_document_size(doc, f"{container} document {doc.get('id')}"))


def _documents(docs: list[dict[str, Any]], container: str) -> func.DocumentList:
    return func.DocumentList([_document(d, container) for d in docs])


def _publish(events_out: func.Out[func.DocumentList], signalr: func.Out[str], event_docs: list[Any]) -> None:
    events_out.set(_documents([e.to_doc() for e in event_docs], EVENTS))
    signalr.set(signalr_messages_json(event_docs))


@bp.activity_trigger(input_name="payload")
@cosmos_out("events_out", EVENTS)
@signalr_out
async def start_campaign(
    payload: dict[str, Any], events_out: func.Out[func.DocumentList], signalr: func.Out[str]
) -> None:
    """Announce the campaign: clients in its group learn the brief they are watching."""
    inp = StartInput.model_validate(payload)
    started = {"name": inp.campaign_name, "status": CampaignStatus.GENERATING.value}
    _publish(events_out, signalr, [make_event(inp.campaign_id, inp.sequence, ON_CAMPAIGN_STARTED, started)])


@bp.activity_trigger(input_name="payload")
@cosmos_out("events_out", EVENTS)
@signalr_out
async def update_campaign(
    payload: dict[str, Any], events_out: func.Out[func.DocumentList], signalr: func.Out[str]
) -> str:
    """Move the campaign document to the orchestration's new state and publish the
    events the orchestration numbered for it (docs/events.md).

    The campaign is written with the repository's etag check (marketing_agents.campaign.documents
    says why); an update that only carries events leaves the document alone."""
    update = CampaignUpdate.model_validate(payload)
    repository = components().repository
    if update.changes_document():
        campaign = await apply_update_stored(repository, update)
    else:
        found = await repository.get_campaign(update.campaign_id)
        if found is None:
            raise GenerationError(f"campaign {update.campaign_id} not found")
        campaign = found[0]
    if update.events:
        status = campaign.status.value  # a late write never announces anything but the stored status
        announced = [make_event(campaign.id, e.sequence, e.type, dict(e.payload, status=status)) for e in update.events]
        _publish(events_out, signalr, announced)
    return campaign.status.value


@bp.activity_trigger(input_name="payload")
@cosmos_out("artifact_out", ARTIFACTS)
@cosmos_out("events_out", EVENTS)
@signalr_out
async def generate_artifact(
    payload: dict[str, Any],
    artifact_out: func.Out[func.Document],
    events_out: func.Out[func.DocumentList],
    signalr: func.Out[str],
) -> dict[str, Any]:
    """Run one agent and store its output as a new artifact version."""
    inp = GenerateInput.model_validate(payload)
    svc = components()
    # Chunks stream to the campaign group now (REST API); the bindings below apply at return.
    async with chunk_publisher(inp.campaign_id, inp.artifact_type.value, inp.sequence, svc.signalr) as on_chunk:
        version, usage = await generate_version(inp, svc.repository, svc.agents, on_chunk)
    if version.type == ArtifactType.VISUAL:
        version = await attach_poster(version, svc.posters, svc.model_settings)
    return _store_version(version, usage, inp.sequence, artifact_out, events_out, signalr)


def _store_version(
    version: ArtifactVersion,
    usage: Usage,
    sequence: int,
    artifact_out: func.Out[func.Document],
    events_out: func.Out[func.DocumentList],
    signalr: func.Out[str],
) -> dict[str, Any]:
    """Write a new version (size-checked) and announce it with ``onArtifactGenerated``."""
    artifact_out.set(_document(version.to_doc(), ARTIFACTS))
    payload = {
        "artifactType": version.type.value,
        "versionId": version.id,
        "versionNumber": version.version_number,
        "round": version.round,
        "revisionNumber": version.revision_number,
        "agentName": version.agent_name,
        "model": version.metadata.model,
        "content": version.content,
    }
    if version.metadata.edited_by:
        payload["editedBy"] = version.metadata.edited_by
    _publish(events_out, signalr, [make_event(version.campaign_id, sequence, ON_ARTIFACT_GENERATED, payload)])
    return GenerateOutput(
        version_id=version.id, artifact_type=version.type, version_number=version.version_number, usage=usage
    ).to_doc()


@bp.activity_trigger(input_name="payload")
@cosmos_out("artifact_out", ARTIFACTS)
@cosmos_out("events_out", EVENTS)
@signalr_out
async def record_edit(
    payload: dict[str, Any],
    artifact_out: func.Out[func.Document],
    events_out: func.Out[func.DocumentList],
    signalr: func.Out[str],
) -> dict[str, Any]:
    """Store a person's edit as the artifact's next version (validated again here, as
    agent output is; a Visual edit's poster is rendered again from the edited concept)."""
    inp = RecordEditInput.model_validate(payload)
    request = EditRequest(artifact_type=inp.artifact_type, data=inp.data, based_on_version_id=inp.based_on_version_id)
    version = edited_version(
        artifact_version_id(inp.campaign_id, inp.artifact_type, inp.version_number),
        inp.campaign_id, inp.artifact_type, inp.version_number, inp.revision_number,
        edited_data(request), inp.by, inp.comment,
    )
    if version.type == ArtifactType.VISUAL:
        svc = components()
        version = await attach_poster(version, svc.posters, None)  # the renderer's design; no model picture
    return _store_version(version, Usage(), inp.sequence, artifact_out, events_out, signalr)


@bp.activity_trigger(input_name="payload")
@cosmos_out("report_out", AUDITS)
@cosmos_out("events_out", EVENTS)
@signalr_out
async def audit_campaign(
    payload: dict[str, Any],
    report_out: func.Out[func.Document],
    events_out: func.Out[func.DocumentList],
    signalr: func.Out[str],
) -> dict[str, Any]:
    """Audit the active versions together and store the report (once: the report names
    the versions it judged, so the versions are not rewritten to point back at it)."""
    inp = AuditInput.model_validate(payload)
    svc = components()
    with metering() as judge_calls:  # the LLM judge's requests count in the campaign's usage
        report = await audit_versions(inp, svc.repository, svc.auditor, svc.settings.compliance_threshold)
    report_out.set(_document(report.to_doc(), AUDITS))
    summary = {
        "reportId": report.id,
        "round": report.round,
        "revisionNumber": report.revision_number,
        "isCompliant": report.is_compliant,
        "complianceScore": report.compliance_score,
        "status": report.status.value,
        "issueCount": len(report.issues) + report.issues_omitted,
        "issues": [i.to_doc() for i in report.issues[:20]],
    }
    _publish(events_out, signalr, [make_event(inp.campaign_id, inp.sequence, ON_COMPLIANCE_CHECK_COMPLETED, summary)])
    return AuditOutput(
        report_id=report.id,
        is_compliant=report.is_compliant,
        score=report.compliance_score,
        types_with_findings=report.types_with_findings(),
        blocking_findings=sum(1 for i in report.issues if i.severity in BLOCKING_SEVERITIES),
        usage=judge_calls.usage(),
    ).to_doc()
