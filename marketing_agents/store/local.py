"""The campaign repository on the local document store (SQLite).

Reads and writes the same file that devhost's Cosmos DB output bindings write to
(contract: docs/local-document-store.md), so what the activities store through
bindings is what the API reads here. Queries are small and indexed; each call opens
no new connection (one per repository, WAL mode, serialized by a lock).
"""

from __future__ import annotations

import base64
import json
import sqlite3
import threading
import time
import uuid
from pathlib import Path
from typing import Any

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
    REVISIONS,
    AlreadyExists,
    PreconditionFailed,
    check_document_size,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    database      TEXT NOT NULL,
    container     TEXT NOT NULL,
    partition_key TEXT NOT NULL,
    id            TEXT NOT NULL,
    body          TEXT NOT NULL,
    etag          TEXT NOT NULL,
    ts            INTEGER NOT NULL,
    seq           INTEGER NOT NULL,
    PRIMARY KEY (database, container, partition_key, id)
);
CREATE INDEX IF NOT EXISTS documents_seq ON documents (seq);
"""


def _pk(value: str) -> str:
    return json.dumps(value)


class LocalCampaignRepository:
    """CampaignRepository over a SQLite document store file."""

    def __init__(self, path: str | Path, database: str = DATABASE) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.database = database
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # WAL: durable across process crashes
        self._db.execute("PRAGMA busy_timeout=30000")
        self._db.executescript(SCHEMA)
        self._db.commit()

    # ------------------------------------------------------------------ primitives

    def _read(self, container: str, partition_key: str, doc_id: str) -> tuple[dict[str, Any], str] | None:
        with self._lock:
            row = self._db.execute(
                "SELECT body, etag FROM documents WHERE database=? AND container=? AND partition_key=? AND id=?",
                (self.database, container, _pk(partition_key), doc_id),
            ).fetchone()
        if row is None:
            return None
        return json.loads(row[0]), row[1]

    def _query(self, container: str, partition_key: str) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._db.execute(
                "SELECT body FROM documents WHERE database=? AND container=? AND partition_key=?",
                (self.database, container, _pk(partition_key)),
            ).fetchall()
        return [json.loads(r[0]) for r in rows]

    def _write(
        self,
        container: str,
        partition_key: str,
        doc: dict[str, Any],
        *,
        if_match: str | None = None,
        create_only: bool = False,
    ) -> str:
        check_document_size(doc, f"{container} document {doc['id']}")
        etag = f'"{uuid.uuid4()}"'
        now = int(time.time())
        body = dict(doc, _etag=etag, _ts=now)
        with self._lock:
            cur = self._db.cursor()
            try:
                cur.execute("BEGIN IMMEDIATE")
                row = cur.execute(
                    "SELECT etag FROM documents WHERE database=? AND container=? AND partition_key=? AND id=?",
                    (self.database, container, _pk(partition_key), doc["id"]),
                ).fetchone()
                if create_only and row is not None:
                    raise AlreadyExists(doc["id"])
                if if_match is not None and (row is None or row[0] != if_match):
                    raise PreconditionFailed(doc["id"])
                seq = cur.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents").fetchone()[0]
                cur.execute(
                    "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        self.database,
                        container,
                        _pk(partition_key),
                        doc["id"],
                        json.dumps(body),
                        etag,
                        now,
                        seq,
                    ),
                )
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
        return etag

    # ------------------------------------------------------------------ campaigns

    async def create_campaign(self, campaign: Campaign) -> str:
        return self._write(CAMPAIGNS, campaign.id, campaign.to_doc(), create_only=True)

    async def get_campaign(self, campaign_id: str) -> tuple[Campaign, str] | None:
        found = self._read(CAMPAIGNS, campaign_id, campaign_id)
        if found is None:
            return None
        return Campaign.model_validate(found[0]), found[1]

    async def replace_campaign(self, campaign: Campaign, if_match: str) -> str:
        return self._write(CAMPAIGNS, campaign.id, campaign.to_doc(), if_match=if_match)

    async def list_campaigns(
        self,
        status: CampaignStatus | None = None,
        owner: str | None = None,
        page_size: int = 20,
        continuation: str | None = None,
    ) -> tuple[list[Campaign], str | None]:
        offset = _decode_token(continuation)
        clauses = ["database=?", "container=?"]
        params: list[Any] = [self.database, CAMPAIGNS]
        if status is not None:
            clauses.append("json_extract(body, '$.status')=?")
            params.append(status.value)
        if owner is not None:
            clauses.append("json_extract(body, '$.owner')=?")
            params.append(owner)
        sql = (
            f"SELECT body FROM documents WHERE {' AND '.join(clauses)} "
            "ORDER BY json_extract(body, '$.createdAt') DESC, id DESC LIMIT ? OFFSET ?"
        )
        with self._lock:
            rows = self._db.execute(sql, (*params, page_size + 1, offset)).fetchall()
        items = [Campaign.model_validate(json.loads(r[0])) for r in rows[:page_size]]
        token = _encode_token(offset + page_size) if len(rows) > page_size else None
        return items, token

    # ------------------------------------------------------------------ artifacts

    async def get_artifact_version(self, campaign_id: str, version_id: str) -> ArtifactVersion | None:
        found = self._read(ARTIFACTS, campaign_id, version_id)
        return None if found is None else ArtifactVersion.model_validate(found[0])

    async def get_artifact_versions(self, campaign_id: str, version_ids: list[str]) -> dict[str, ArtifactVersion]:
        found: dict[str, ArtifactVersion] = {}
        for version_id in version_ids:
            version = await self.get_artifact_version(campaign_id, version_id)
            if version is not None:
                found[version_id] = version
        return found

    async def list_artifact_versions(
        self, campaign_id: str, artifact_type: ArtifactType | None = None
    ) -> list[ArtifactVersion]:
        versions = [ArtifactVersion.model_validate(d) for d in self._query(ARTIFACTS, campaign_id)]
        if artifact_type is not None:
            versions = [v for v in versions if v.type == artifact_type]
        return sorted(versions, key=lambda v: (v.created_at, v.version_number), reverse=True)

    # ------------------------------------------------------------------ audits

    async def get_audit_report(self, campaign_id: str, report_id: str) -> AuditReport | None:
        found = self._read(AUDITS, campaign_id, report_id)
        return None if found is None else AuditReport.model_validate(found[0])

    async def get_audit_reports(self, campaign_id: str, report_ids: list[str]) -> dict[str, AuditReport]:
        found: dict[str, AuditReport] = {}
        for report_id in report_ids:
            report = await self.get_audit_report(campaign_id, report_id)
            if report is not None:
                found[report_id] = report
        return found

    async def list_audit_reports(self, campaign_id: str) -> list[AuditReport]:
        reports = [AuditReport.model_validate(d) for d in self._query(AUDITS, campaign_id)]
        return sorted(reports, key=lambda r: (r.revision_number, r.round), reverse=True)

    # ------------------------------------------------------------------ revisions, events

    async def save_revision(self, revision: Revision) -> None:
        self._write(REVISIONS, revision.campaign_id, revision.to_doc())

    async def get_revision(self, campaign_id: str, revision_number: int) -> Revision | None:
        from ..ids import revision_id

        found = self._read(REVISIONS, campaign_id, revision_id(campaign_id, revision_number))
        return None if found is None else Revision.model_validate(found[0])

    async def list_events(self, campaign_id: str, after_sequence: int = 0) -> list[CampaignEvent]:
        with self._lock:
            rows = self._db.execute(
                "SELECT body FROM documents WHERE database=? AND container=? AND partition_key=? "
                "AND CAST(json_extract(body, '$.sequence') AS INTEGER) > ? "
                "ORDER BY CAST(json_extract(body, '$.sequence') AS INTEGER)",
                (self.database, EVENTS, _pk(campaign_id), after_sequence),
            ).fetchall()
        return [CampaignEvent.model_validate(json.loads(r[0])) for r in rows]

    async def close(self) -> None:
        with self._lock:
            self._db.close()


def _encode_token(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode()


def _decode_token(token: str | None) -> int:
    """Continuation tokens are opaque to clients; a bad one is a client error."""
    if not token:
        return 0
    try:
        offset = json.loads(base64.urlsafe_b64decode(token.encode()))["o"]
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError("invalid continuation token") from error
    if not isinstance(offset, int) or not 0 <= offset <= 2**53 - 1:  # SQLite integers are 64-bit
        raise ValueError("invalid continuation token")
    return offset
