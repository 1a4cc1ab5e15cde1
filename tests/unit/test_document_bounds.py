"""Every document a campaign writes has a size bound below Cosmos DB's 2 MB item limit,
and what could grow without bound (findings, notes) is capped where it is made."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest

from marketing_agents.compliance import build_auditor
from marketing_agents.compliance import engine as engine_module
from marketing_agents.compliance.base import AuditContext
from marketing_agents.compliance.engine import MAX_EXCERPT_CHARS, MAX_ISSUES_PER_TYPE, bounded_issues
from marketing_agents.models import (
    MAX_NOTES,
    ArtifactMetadata,
    ArtifactType,
    ArtifactVersion,
    CampaignBrief,
    ComplianceIssue,
    CopyData,
    Severity,
    utc_now,
)
from marketing_agents.store import MAX_DOCUMENT_BYTES, DocumentTooLarge, LocalCampaignRepository, check_document_size
from marketing_agents.store.base import document_size


def big_version(characters: int) -> ArtifactVersion:
    return ArtifactVersion(
        id="c-1:Copy:v1",
        campaign_id="c-1",
        type=ArtifactType.COPY,
        version_number=1,
        revision_number=0,
        round=0,
        content="é" * characters,  # two bytes each in UTF-8
        data=CopyData(
            headlines=["One", "Two", "Three"], body_short="Short.", body_medium="Medium.", body_long="Long.",
            calls_to_action=["Go", "Look", "Buy"], tone_summary="Calm",
        ),
        metadata=ArtifactMetadata(),
        agent_name="test",
        created_at=utc_now(),
    )


def test_a_document_over_the_bound_is_refused_by_name_and_size() -> None:
    assert MAX_DOCUMENT_BYTES < 2 * 1024 * 1024
    doc = big_version(MAX_DOCUMENT_BYTES // 2 + 10).to_doc()
    with pytest.raises(DocumentTooLarge) as raised:
        check_document_size(doc, "artifact version c-1:Copy:v1")
    message = str(raised.value)
    assert "artifact version c-1:Copy:v1" in message and f"{document_size(doc):,} bytes" in message
    small = big_version(1000).to_doc()
    assert check_document_size(small, "artifact version") is small


def test_the_local_repository_refuses_an_oversized_write_and_keeps_the_stored_one(tmp_path: Path) -> None:
    from marketing_agents.campaign.documents import new_campaign

    async def run() -> None:
        repository = LocalCampaignRepository(tmp_path / "documents.sqlite")
        brief = CampaignBrief(theme="Summer", product="EcoBottle", target_audience="Hikers", tone="Calm")
        campaign = new_campaign(brief, owner="alice")
        etag = await repository.create_campaign(campaign)
        huge = campaign.model_copy(update={"status_reason": "x" * (MAX_DOCUMENT_BYTES + 1)})
        with pytest.raises(DocumentTooLarge, match=f"campaigns document {campaign.id}"):
            await repository.replace_campaign(huge, etag)
        stored = await repository.get_campaign(campaign.id)
        assert stored is not None and stored[0].status_reason is None and stored[1] == etag
        await repository.close()

    asyncio.run(run())


def issue(i: int, severity: Severity, artifact_type: ArtifactType = ArtifactType.SHORT_COPY) -> ComplianceIssue:
    return ComplianceIssue(
        rule_id="claims.superlative",
        artifact_type=artifact_type,
        artifact_version_id="v",
        field=f"posts[{i}].text",
        excerpt="best " * 200,
        issue_description="An unsupported superlative.",
        severity=severity,
    )


def test_a_report_lists_the_most_severe_findings_of_each_artifact_and_counts_the_rest() -> None:
    many = [issue(i, Severity.LOW) for i in range(500)] + [issue(i, Severity.HIGH) for i in range(5)]
    many.append(issue(0, Severity.LOW, ArtifactType.VISUAL))
    kept, omitted = bounded_issues(many)
    assert len(kept) == MAX_ISSUES_PER_TYPE + 1 and omitted == len(many) - len(kept)
    assert [i.severity for i in kept[:5]] == [Severity.HIGH] * 5
    assert any(i.artifact_type is ArtifactType.VISUAL for i in kept)  # every artifact keeps its feedback
    assert all(len(i.excerpt) <= MAX_EXCERPT_CHARS for i in kept)


def test_an_audit_of_repetitive_text_stays_bounded_and_runs_off_the_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("#best! 100% guaranteed " * 90)[:1999]
    brief = CampaignBrief(theme="Summer", product="EcoBottle", target_audience="Hikers", tone="Calm")
    version = big_version(0).model_copy(
        update={
            "data": CopyData(
                headlines=[text] * 3,
                body_short=text,
                body_medium=text,
                body_long=text,
                calls_to_action=[text] * 3,
                tone_summary="calm",
            ),
            "content": text,
        }
    )
    threads: list[int] = []
    real = engine_module.build_report

    def recording(*args: Any) -> Any:
        threads.append(threading.get_ident())
        return real(*args)

    monkeypatch.setattr(engine_module, "build_report", recording)
    context = AuditContext(report_id="r", campaign_id="c-1", brief=brief, artifacts={ArtifactType.COPY: version})

    async def run() -> tuple[Any, int]:
        return await build_auditor().audit(context), threading.get_ident()

    report, loop_thread = asyncio.run(run())
    assert report.issues_omitted > 0 and len(report.issues) <= MAX_ISSUES_PER_TYPE
    assert document_size(report.to_doc()) < MAX_DOCUMENT_BYTES // 10
    assert threads and threads[0] != loop_thread


def test_notes_past_the_bound_are_counted_not_kept() -> None:
    metadata = ArtifactMetadata(notes=[f"note {i}" for i in range(500)], keywords=[f"k{i}" for i in range(99)])
    assert len(metadata.notes) == MAX_NOTES and metadata.notes[-1].startswith("… and 441 more")
    assert len(metadata.keywords) == 20
