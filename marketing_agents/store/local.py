"""The campaign repository on the local document store (``localdocs``, SQLite).

Reads and writes the same file that devhost's Cosmos DB output bindings write to, through
the same generic store (docs/local-document-store.md), so what the activities store
through bindings is what the API reads here. Every store call runs in a thread
(``asyncio.to_thread``): SQLite never blocks the event loop the API serves from. The
campaign list has an index on (owner, createdAt), the local twin of Cosmos DB's
composite index for the same query.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from localdocs import (
    ConflictError,
    DocumentStore,
    DocumentTooLargeError,
    NotFoundError,
    PreconditionFailedError,
)

from ..ids import revision_id
from ..models import (
    ArtifactType,
    ArtifactVersion,
    AuditReport,
    Campaign,
    CampaignEvent,
    CampaignStatus,
    Revision,
)
from .base import (
    ARTIFACTS,
    AUDITS,
    CAMPAIGNS,
    DATABASE,
    EVENTS,
    PARTITION_KEY_PATHS,
    REVISIONS,
    AlreadyExists,
    DocumentTooLarge,
    PreconditionFailed,
    check_document_size,
)

T = TypeVar("T")
# The campaign list: per owner, newest first (ties by id), as in Cosmos DB.
LIST_FILTER_FIELDS = ("owner",)
LIST_ORDER = ("createdAt",)


class LocalCampaignRepository:
    """CampaignRepository over a local document store file."""

    def __init__(self, path: str | Path, database: str = DATABASE) -> None:
        self.path = Path(path)
        self.database = database
        self.store = DocumentStore(self.path)
        self.store.ensure_index(database, CAMPAIGNS, [*LIST_FILTER_FIELDS, *LIST_ORDER])

    async def _run(self, call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return await asyncio.to_thread(call, *args, **kwargs)

    async def _read(self, container: str, partition_key: str, doc_id: str) -> dict[str, Any] | None:
        return await self._run(self.store.read, self.database, container, partition_key, doc_id)

    async def _read_many(self, container: str, partition_key: str, ids: list[str]) -> dict[str, dict[str, Any]]:
        return await self._run(self.store.read_many, self.database, container, partition_key, ids)

    def _write(self, container: str, doc: dict[str, Any], *, if_match: str | None = None, create: bool = False) -> str:
        """One write with the repository's own size rule first (tighter than Cosmos DB's)."""
        what = f"{container} document {doc['id']}"
        check_document_size(doc, what)
        pk_path = PARTITION_KEY_PATHS[container]
        try:
            if create:
                stored = self.store.create(self.database, container, doc, pk_path)
            elif if_match is not None:
                stored = self.store.replace(self.database, container, doc, if_match, pk_path)
            else:
                stored = self.store.upsert(self.database, container, doc, pk_path)
        except ConflictError as error:
            raise AlreadyExists(doc["id"]) from error
        except (PreconditionFailedError, NotFoundError) as error:  # changed, or gone, since it was read
            raise PreconditionFailed(doc["id"]) from error
        except DocumentTooLargeError as error:
            raise DocumentTooLarge(what, error.size) from error
        return str(stored["_etag"])

    # ------------------------------------------------------------------ campaigns

    async def create_campaign(self, campaign: Campaign) -> str:
        return await self._run(self._write, CAMPAIGNS, campaign.to_doc(), create=True)

    async def get_campaign(self, campaign_id: str) -> tuple[Campaign, str] | None:
        found = await self._read(CAMPAIGNS, campaign_id, campaign_id)
        if found is None:
            return None
        return Campaign.model_validate(found), str(found["_etag"])

    async def replace_campaign(self, campaign: Campaign, if_match: str) -> str:
        return await self._run(self._write, CAMPAIGNS, campaign.to_doc(), if_match=if_match)

    async def list_campaigns(
        self,
        status: CampaignStatus | None = None,
        owner: str | None = None,
        page_size: int = 20,
        continuation: str | None = None,
    ) -> tuple[list[Campaign], str | None]:
        equal: dict[str, Any] = {}
        if owner is not None:
            equal["owner"] = owner
        if status is not None:
            equal["status"] = status.value
        # A bad token raises InvalidContinuationError, a ValueError: the API's 400.
        page = await self._run(
            self.store.list_page,
            self.database,
            CAMPAIGNS,
            order_by=LIST_ORDER,
            equal=equal,
            descending=True,
            page_size=page_size,
            continuation=continuation,
        )
        return [Campaign.model_validate(d) for d in page.items], page.continuation

    # ------------------------------------------------------------------ artifacts

    async def get_artifact_version(self, campaign_id: str, version_id: str) -> ArtifactVersion | None:
        found = await self._read(ARTIFACTS, campaign_id, version_id)
        return None if found is None else ArtifactVersion.model_validate(found)

    async def get_artifact_versions(self, campaign_id: str, version_ids: list[str]) -> dict[str, ArtifactVersion]:
        found = await self._read_many(ARTIFACTS, campaign_id, version_ids)
        return {i: ArtifactVersion.model_validate(d) for i, d in found.items()}

    async def list_artifact_versions(
        self, campaign_id: str, artifact_type: ArtifactType | None = None
    ) -> list[ArtifactVersion]:
        equal = None if artifact_type is None else {"type": artifact_type.value}
        docs = await self._run(self.store.query, self.database, ARTIFACTS, campaign_id, equal=equal)
        versions = [ArtifactVersion.model_validate(d) for d in docs]
        # Sorted on the parsed values: ISO text drops zero microseconds, so it is not ordered.
        return sorted(versions, key=lambda v: (v.created_at, v.version_number), reverse=True)

    # ------------------------------------------------------------------ audits

    async def get_audit_report(self, campaign_id: str, report_id: str) -> AuditReport | None:
        found = await self._read(AUDITS, campaign_id, report_id)
        return None if found is None else AuditReport.model_validate(found)

    async def get_audit_reports(self, campaign_id: str, report_ids: list[str]) -> dict[str, AuditReport]:
        found = await self._read_many(AUDITS, campaign_id, report_ids)
        return {i: AuditReport.model_validate(d) for i, d in found.items()}

    async def list_audit_reports(self, campaign_id: str) -> list[AuditReport]:
        docs = await self._run(self.store.query, self.database, AUDITS, campaign_id)
        reports = [AuditReport.model_validate(d) for d in docs]
        return sorted(reports, key=lambda r: (r.revision_number, r.round), reverse=True)

    # ------------------------------------------------------------------ revisions, events

    async def save_revision(self, revision: Revision) -> None:
        await self._run(self._write, REVISIONS, revision.to_doc())

    async def get_revision(self, campaign_id: str, revision_number: int) -> Revision | None:
        found = await self._read(REVISIONS, campaign_id, revision_id(campaign_id, revision_number))
        return None if found is None else Revision.model_validate(found)

    async def list_events(self, campaign_id: str, after_sequence: int = 0) -> list[CampaignEvent]:
        docs = await self._run(
            self.store.query,
            self.database,
            EVENTS,
            campaign_id,
            greater_than=("sequence", after_sequence),
            order_by=("sequence",),
        )
        return [CampaignEvent.model_validate(d) for d in docs]

    async def close(self) -> None:
        self.store.close()
