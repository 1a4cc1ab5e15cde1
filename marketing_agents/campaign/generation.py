"""One agent run as an activity does it: gather the context from the store, let the
agent write, and shape the result as the artifact version to store."""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import Mapping

from ..agents.base import Agent, AgentContext, ChunkSink
from ..ids import artifact_version_id
from ..llm.settings import ModelSettings
from ..models import ArtifactType, ArtifactVersion, PosterConcept, Usage, VisualData
from ..poster import PosterStore, generate_background, render_poster
from ..store import CampaignRepository
from .contracts import GenerateInput


def poster_url(campaign_id: str, version_id: str, kind: str) -> str:
    """Where the API serves a stored poster (relative to the host)."""
    return f"/api/campaigns/{campaign_id}/posters/{version_id}.{kind}"


async def attach_poster(
    version: ArtifactVersion, posters: PosterStore, model_settings: ModelSettings | None
) -> ArtifactVersion:
    """Render the chosen concept to SVG and PNG (over the image model's picture when one
    is configured), store both, and point the artifact's data at them."""
    visual = version.data
    if not isinstance(visual, VisualData):
        raise GenerationError(f"{version.id} is not a visual artifact; it has no poster")
    concept = visual.concepts[min(visual.chosen_index, len(visual.concepts) - 1)]
    background = await generate_background(model_settings, concept)
    # Rendering (layout, PNG encoding) is CPU work: in a thread, so the event loop keeps answering.
    if background:
        svg, png = await asyncio.to_thread(render_poster, concept, background)
    else:
        svg, png = await asyncio.to_thread(_render_design, concept.model_dump_json())
    await posters.save(version.campaign_id, version.id, svg, png)
    data = visual.model_copy(
        update={
            "svg_url": poster_url(version.campaign_id, version.id, "svg"),
            "png_url": poster_url(version.campaign_id, version.id, "png"),
        }
    )
    return version.model_copy(update={"data": data})


@functools.lru_cache(maxsize=32)
def _render_design(concept_json: str) -> tuple[str, bytes]:
    """The renderer's own design depends only on the concept; rendering a PNG costs about
    0.1 s of CPU, so an identical concept (a retry, an unchanged revision) is not redrawn."""
    return render_poster(PosterConcept.model_validate_json(concept_json))


class GenerationError(RuntimeError):
    """The campaign or its context is missing: retrying will not help."""


async def build_agent_context(inp: GenerateInput, repository: CampaignRepository) -> AgentContext:
    found = await repository.get_campaign(inp.campaign_id)
    if found is None:
        raise GenerationError(f"campaign {inp.campaign_id} not found")
    campaign = found[0]
    previous = None
    if inp.previous_version_id:
        previous = await repository.get_artifact_version(inp.campaign_id, inp.previous_version_id)
    issues, feedback = [], None
    if inp.feedback_report_id:
        report = await repository.get_audit_report(inp.campaign_id, inp.feedback_report_id)
        if report is not None:
            issues = [i for i in report.issues if i.artifact_type == inp.artifact_type]
            feedback = report.feedback_by_type.get(inp.artifact_type) or report.feedback
    revision = None
    if inp.use_revision:
        revision = await repository.get_revision(inp.campaign_id, inp.revision_number)
    return AgentContext(
        campaign_id=inp.campaign_id,
        artifact_type=inp.artifact_type,
        brief=campaign.brief,
        revision_number=inp.revision_number,
        round=inp.round,
        previous=previous,
        audit_feedback=feedback,
        audit_issues=issues,
        revision=revision,
    )


async def generate_version(
    inp: GenerateInput,
    repository: CampaignRepository,
    agents: Mapping[ArtifactType, Agent],
    on_chunk: ChunkSink | None = None,
) -> tuple[ArtifactVersion, Usage]:
    context = await build_agent_context(inp, repository)
    agent = agents[inp.artifact_type]
    started = time.perf_counter()
    result = await agent.generate(context, on_chunk)
    elapsed_ms = (time.perf_counter() - started) * 1000
    meta = result.metadata
    if not meta.latency_ms:
        meta = meta.model_copy(update={"latency_ms": round(elapsed_ms, 3)})
    version = result.stored_as(artifact_version_id(inp.campaign_id, inp.artifact_type, inp.version_number),
                               inp.campaign_id, inp.artifact_type, inp.version_number, inp.revision_number,
                               inp.round, metadata=meta)
    usage = Usage(
        llm_calls=0 if meta.cached or (meta.offline and not meta.fallback_used) else meta.tries,
        tokens_in=meta.tokens_in,
        tokens_out=meta.tokens_out,
        cache_hits=1 if meta.cached else 0,
        elapsed_ms=round(elapsed_ms, 3),
    )
    return version, usage
