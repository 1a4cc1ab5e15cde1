"""The campaign repository protocol: every read and the API's conditional writes.

Activities write through Cosmos DB output bindings (the host applies them when the
function succeeds); the HTTP API reads through this repository and uses its
``replace_campaign(..., if_match=etag)`` for human decisions (approve, revise,
cancel), so two concurrent decisions cannot both win.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from ..models import (
    ArtifactType,
    ArtifactVersion,
    AuditReport,
    Campaign,
    CampaignEvent,
    CampaignStatus,
    Revision,
)

# The layout (database, containers, partition keys, indexing) is defined once, in
# layout.py; re-exported here for the code that imports it from base.
from .layout import ARTIFACTS as ARTIFACTS
from .layout import AUDITS as AUDITS
from .layout import CAMPAIGNS as CAMPAIGNS
from .layout import DATABASE as DATABASE
from .layout import EVENTS as EVENTS
from .layout import PARTITION_KEY_PATHS as PARTITION_KEY_PATHS
from .layout import REVISIONS as REVISIONS


class StoreError(Exception):
    """Base of repository errors that the API turns into problem+json."""


class PreconditionFailed(StoreError):
    """The document changed since it was read (etag mismatch)."""


class AlreadyExists(StoreError):
    """A create hit an existing id."""


class StoreUnavailable(StoreError):
    """The store could not answer (throttled past the retry policy, unreachable): a
    transient condition the API reports as 503, never as a stored-data problem."""


class DocumentTooLarge(StoreError):
    """A document is over :data:`MAX_DOCUMENT_BYTES`: storing it would fail in Cosmos DB
    (or, locally, let the store grow without bound), so it is refused by name and size."""

    def __init__(self, what: str, size: int) -> None:
        super().__init__(
            f"{what} is {size:,} bytes, over the {MAX_DOCUMENT_BYTES:,}-byte limit of a stored document; "
            "it was not stored"
        )
        self.what = what
        self.size = size


# Cosmos DB refuses items over 2 MB (measured on its own serialisation, with system
# properties added): every document a campaign writes stays comfortably below that.
MAX_DOCUMENT_BYTES = 1_500_000


def document_size(doc: dict[str, Any]) -> int:
    """Bytes of ``doc`` as compact UTF-8 JSON, the form stores measure."""
    return len(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass"))


def check_document_size(doc: dict[str, Any], what: str) -> dict[str, Any]:
    """``doc`` unchanged if it fits in a stored document; raises :class:`DocumentTooLarge`
    naming ``what`` (e.g. "artifact version c-1:Copy:v3") and its size otherwise."""
    size = document_size(doc)
    if size > MAX_DOCUMENT_BYTES:
        raise DocumentTooLarge(what, size)
    return doc


class CampaignPage(Protocol):
    items: list[Campaign]
    continuation: str | None


class CampaignRepository(Protocol):
    """Reads and conditional writes of campaign documents."""

    async def create_campaign(self, campaign: Campaign) -> str:
        """Store a new campaign; returns its etag. Raises AlreadyExists."""
        ...

    async def get_campaign(self, campaign_id: str) -> tuple[Campaign, str] | None:
        """Point read: the campaign and its etag, or None."""
        ...

    async def replace_campaign(self, campaign: Campaign, if_match: str) -> str:
        """Replace only if unchanged since read; returns the new etag. Raises PreconditionFailed."""
        ...

    async def list_campaigns(
        self,
        status: CampaignStatus | None = None,
        owner: str | None = None,
        page_size: int = 20,
        continuation: str | None = None,
    ) -> tuple[list[Campaign], str | None]:
        """Newest first; returns a page and the continuation token of the next one."""
        ...

    async def get_artifact_version(self, campaign_id: str, version_id: str) -> ArtifactVersion | None: ...

    async def get_artifact_versions(self, campaign_id: str, version_ids: list[str]) -> dict[str, ArtifactVersion]:
        """Parallel point reads; missing ids are left out."""
        ...

    async def list_artifact_versions(
        self, campaign_id: str, artifact_type: ArtifactType | None = None
    ) -> list[ArtifactVersion]:
        """Newest first."""
        ...

    async def get_audit_report(self, campaign_id: str, report_id: str) -> AuditReport | None: ...

    async def get_audit_reports(self, campaign_id: str, report_ids: list[str]) -> dict[str, AuditReport]: ...

    async def list_audit_reports(self, campaign_id: str) -> list[AuditReport]:
        """Newest first."""
        ...

    async def save_revision(self, revision: Revision) -> None:
        """Idempotent upsert (the id derives from campaign and revision number)."""
        ...

    async def get_revision(self, campaign_id: str, revision_number: int) -> Revision | None: ...

    async def list_events(self, campaign_id: str, after_sequence: int = 0) -> list[CampaignEvent]:
        """Events in sequence order, after the given sequence number."""
        ...

    async def close(self) -> None: ...
