"""The campaign repository on Cosmos DB for NoSQL (the async ``azure-cosmos`` client).

Same protocol and behaviour as the local repository (one contract test suite runs
against both): point reads by id and partition key; the snapshot's version and report
reads as parallel point reads; every list a parameterised query inside the campaign's
partition, except the campaign list, a cross-partition query per owner served by a
composite index (docs/persistence.md); etag-conditional campaign replaces.

Throttling (429) is retried by the SDK's own policy; every throttled answer is logged
(cosmos_account.py), and a call still throttled after the policy gave up is
:class:`StoreUnavailable` (the API's 503), as is an unreachable account.

The client's HTTP session belongs to the event loop that created it, and a Functions
host may run invocations on more than one loop (devhost replaces a wedged worker
loop), so the repository keeps one client per running loop.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from azure.core import MatchConditions
from azure.core.exceptions import ServiceRequestError, ServiceResponseError
from azure.cosmos import PartitionKey, exceptions

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
from .base import AlreadyExists, PreconditionFailed, StoreUnavailable, check_document_size
from .cosmos_account import TOO_MANY_REQUESTS, CosmosAccount, create_client
from .cosmos_paging import query_fingerprint, unwrap_token, wrap_token
from .layout import ARTIFACTS, AUDITS, CAMPAIGNS, CONTAINERS, DATABASE, EVENTS, REVISIONS, ContainerLayout

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass
class _LoopClient:
    """The client, and its container clients, of one event loop."""

    client: Any
    containers: dict[str, Any] = field(default_factory=dict)
    ready: asyncio.Lock = field(default_factory=asyncio.Lock)


class CosmosCampaignRepository:
    """CampaignRepository on a Cosmos DB account (see the module docstring).

    ``create_layout`` creates the database and containers (with layout.py's partition
    keys and indexing policies) on first use when they are missing. It defaults to on
    for key authentication and off for Entra ID, whose data-plane roles cannot create
    containers: in Azure, infra/ creates them from the same layout.
    """

    def __init__(self, account: CosmosAccount, database: str = DATABASE, *, create_layout: bool | None = None) -> None:
        self.account = account
        self.database = database
        self.create_layout = (not account.uses_identity) if create_layout is None else create_layout
        self._clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopClient] = weakref.WeakKeyDictionary()

    # ------------------------------------------------------------------ plumbing

    async def _container(self, name: str) -> Any:
        loop = asyncio.get_running_loop()
        state = self._clients.get(loop)
        if state is None:
            state = self._clients[loop] = _LoopClient(create_client(self.account))
        if name not in state.containers:
            async with state.ready:
                if not state.containers:
                    state.containers = await self._open_containers(state.client)
        return state.containers[name]

    async def _open_containers(self, client: Any) -> dict[str, Any]:
        if not self.create_layout:
            database = client.get_database_client(self.database)
            return {name: database.get_container_client(name) for name in CONTAINERS}
        database = await self._call("create database", lambda: client.create_database_if_not_exists(self.database))
        containers: dict[str, Any] = {}
        for name, layout in CONTAINERS.items():

            async def create(layout: ContainerLayout = layout) -> Any:
                return await database.create_container_if_not_exists(
                    layout.name,
                    PartitionKey(path=layout.partition_key_path),
                    indexing_policy=layout.indexing_policy(),
                )

            container = await self._call(f"create container {name}", create)
            await self._align_indexing(database, container, layout)
            containers[name] = container
        return containers

    async def _align_indexing(self, database: Any, container: Any, layout: ContainerLayout) -> None:
        """Give a container that someone else created (the output binding's
        createIfNotExists uses the default, index-everything policy) the layout's
        indexing policy: without its composite indexes the list queries are refused."""
        properties = await self._call(f"read container {layout.name}", lambda: container.read())
        wanted = layout.indexing_policy()
        if _policy_key(properties.get("indexingPolicy") or {}) == _policy_key(wanted):
            return
        log.info("Cosmos DB: setting the indexing policy of container %s from the layout", layout.name)
        await self._call(
            f"replace container {layout.name}",
            lambda: database.replace_container(
                container,
                partition_key=PartitionKey(path=layout.partition_key_path),
                indexing_policy=wanted,
            ),
        )

    async def _call(self, what: str, operation: Callable[[], Awaitable[T]]) -> T:
        """Run one SDK call, mapping the failures every call shares: still throttled
        after the SDK's retry policy, or the account unreachable."""
        try:
            return await operation()
        except exceptions.CosmosHttpResponseError as error:
            if error.status_code == TOO_MANY_REQUESTS:
                log.warning("Cosmos DB: %s still throttled (429) after the SDK's retries", what)
                raise StoreUnavailable(f"Cosmos DB is throttling requests ({what}); retry later") from error
            raise
        except (ServiceRequestError, ServiceResponseError) as error:
            raise StoreUnavailable(f"Cosmos DB did not answer ({what}): {error}") from error

    async def _read(self, container: str, partition_key: str, doc_id: str) -> dict[str, Any] | None:
        client = await self._container(container)
        try:
            doc: dict[str, Any] = await self._call(
                f"read {container}/{doc_id}",
                lambda: client.read_item(doc_id, partition_key=partition_key),
            )
        except exceptions.CosmosResourceNotFoundError:
            return None
        return doc

    async def _query(
        self, container: str, partition_key: str, query: str, parameters: list[dict[str, Any]] | None = None
    ) -> list[dict[str, Any]]:
        """Every result of a query scoped to one partition (all pages)."""
        client = await self._container(container)

        async def run() -> list[dict[str, Any]]:
            items = client.query_items(query, parameters=parameters or [], partition_key=partition_key)
            return [item async for item in items]

        return await self._call(f"query {container} in {partition_key}", run)

    async def _upsert(self, container: str, doc: dict[str, Any]) -> None:
        check_document_size(doc, f"{container} document {doc['id']}")
        client = await self._container(container)
        await self._call(f"upsert {container}/{doc['id']}", lambda: client.upsert_item(doc))

    # ------------------------------------------------------------------ campaigns

    async def create_campaign(self, campaign: Campaign) -> str:
        doc = check_document_size(campaign.to_doc(), f"campaign {campaign.id}")
        client = await self._container(CAMPAIGNS)
        try:
            created = await self._call(f"create campaign {campaign.id}", lambda: client.create_item(doc))
        except exceptions.CosmosResourceExistsError as error:
            raise AlreadyExists(campaign.id) from error
        return str(created["_etag"])

    async def get_campaign(self, campaign_id: str) -> tuple[Campaign, str] | None:
        doc = await self._read(CAMPAIGNS, campaign_id, campaign_id)
        if doc is None:
            return None
        return Campaign.model_validate(doc), str(doc["_etag"])

    async def replace_campaign(self, campaign: Campaign, if_match: str) -> str:
        doc = check_document_size(campaign.to_doc(), f"campaign {campaign.id}")
        client = await self._container(CAMPAIGNS)
        try:
            replaced = await self._call(
                f"replace campaign {campaign.id}",
                lambda: client.replace_item(
                    campaign.id,
                    doc,
                    etag=if_match,
                    match_condition=MatchConditions.IfNotModified,
                ),
            )
        except (exceptions.CosmosAccessConditionFailedError, exceptions.CosmosResourceNotFoundError) as error:
            raise PreconditionFailed(campaign.id) from error
        return str(replaced["_etag"])

    async def list_campaigns(
        self,
        status: CampaignStatus | None = None,
        owner: str | None = None,
        page_size: int = 20,
        continuation: str | None = None,
    ) -> tuple[list[Campaign], str | None]:
        if page_size < 1:
            raise ValueError("page size must be at least 1")
        status_value = status.value if status is not None else None
        fingerprint = query_fingerprint(owner, status_value)
        sdk_token = unwrap_token(continuation, fingerprint)
        query, parameters = _campaign_list_query(owner, status_value)
        client = await self._container(CAMPAIGNS)
        items: list[Campaign] = []
        # A page of a cross-partition query may hold fewer items than asked for (even
        # none) while more follow: keep reading, never more than page_size in all.
        while True:
            try:
                docs, sdk_token = await self._call(
                    "list campaigns",
                    partial(_next_page, client, query, parameters, page_size - len(items), sdk_token),
                )
            except exceptions.CosmosHttpResponseError as error:
                if error.status_code == 400 and continuation is not None:
                    raise ValueError("invalid continuation token") from error
                raise
            items.extend(Campaign.model_validate(doc) for doc in docs)
            if not sdk_token or len(items) >= page_size:
                return items[:page_size], wrap_token(sdk_token, fingerprint)

    # ------------------------------------------------------------------ artifacts

    async def get_artifact_version(self, campaign_id: str, version_id: str) -> ArtifactVersion | None:
        doc = await self._read(ARTIFACTS, campaign_id, version_id)
        return None if doc is None else ArtifactVersion.model_validate(doc)

    async def get_artifact_versions(self, campaign_id: str, version_ids: list[str]) -> dict[str, ArtifactVersion]:
        found = await asyncio.gather(*(self.get_artifact_version(campaign_id, v) for v in version_ids))
        return {v: version for v, version in zip(version_ids, found, strict=True) if version is not None}

    async def list_artifact_versions(
        self, campaign_id: str, artifact_type: ArtifactType | None = None
    ) -> list[ArtifactVersion]:
        if artifact_type is None:
            query, parameters = "SELECT * FROM c ORDER BY c.createdAt DESC, c.versionNumber DESC", []
        else:
            query = "SELECT * FROM c WHERE c.type = @type ORDER BY c.type ASC, c.createdAt DESC, c.versionNumber DESC"
            parameters = [{"name": "@type", "value": artifact_type.value}]
        docs = await self._query(ARTIFACTS, campaign_id, query, parameters)
        return [ArtifactVersion.model_validate(doc) for doc in docs]

    # ------------------------------------------------------------------ audits

    async def get_audit_report(self, campaign_id: str, report_id: str) -> AuditReport | None:
        doc = await self._read(AUDITS, campaign_id, report_id)
        return None if doc is None else AuditReport.model_validate(doc)

    async def get_audit_reports(self, campaign_id: str, report_ids: list[str]) -> dict[str, AuditReport]:
        found = await asyncio.gather(*(self.get_audit_report(campaign_id, r) for r in report_ids))
        return {r: report for r, report in zip(report_ids, found, strict=True) if report is not None}

    async def list_audit_reports(self, campaign_id: str) -> list[AuditReport]:
        query = "SELECT * FROM c ORDER BY c.revisionNumber DESC, c.round DESC"
        return [AuditReport.model_validate(doc) for doc in await self._query(AUDITS, campaign_id, query)]

    # ------------------------------------------------------------------ revisions, events

    async def save_revision(self, revision: Revision) -> None:
        await self._upsert(REVISIONS, revision.to_doc())

    async def get_revision(self, campaign_id: str, revision_number: int) -> Revision | None:
        doc = await self._read(REVISIONS, campaign_id, revision_id(campaign_id, revision_number))
        return None if doc is None else Revision.model_validate(doc)

    async def list_events(self, campaign_id: str, after_sequence: int = 0) -> list[CampaignEvent]:
        query = "SELECT * FROM c WHERE c.sequence > @after ORDER BY c.sequence ASC"
        docs = await self._query(EVENTS, campaign_id, query, [{"name": "@after", "value": after_sequence}])
        return [CampaignEvent.model_validate(doc) for doc in docs]

    async def close(self) -> None:
        """Close this loop's client; clients of other (finished) loops are dropped."""
        loop = asyncio.get_running_loop()
        state = self._clients.pop(loop, None)
        self._clients.clear()
        if state is not None:
            await state.client.close()


async def _next_page(
    client: Any,
    query: str,
    parameters: list[dict[str, Any]],
    max_items: int,
    token: str | None,
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of a cross-partition query from ``token``, and the token after it."""
    pages = client.query_items(query, parameters=parameters, max_item_count=max_items).by_page(token)
    page = await anext(pages, None)
    if page is None:
        return [], None
    docs = [doc async for doc in page]
    return docs, pages.continuation_token


def _policy_key(policy: Mapping[str, Any]) -> tuple[Any, ...]:
    """What of an indexing policy the layout decides, in a comparable form (the service
    adds defaults such as the ``_etag`` exclusion, which are ignored here)."""
    included = sorted(p.get("path", "") for p in policy.get("includedPaths") or [])
    excluded = sorted(p.get("path", "") for p in policy.get("excludedPaths") or [] if p.get("path") == "/*")
    composite = sorted(
        tuple((entry.get("path"), entry.get("order", "ascending")) for entry in index)
        for index in policy.get("compositeIndexes") or []
    )
    return tuple(included), tuple(excluded), tuple(composite)


def _campaign_list_query(owner: str | None, status: str | None) -> tuple[str, list[dict[str, Any]]]:
    """The list query: equality filters lead the ORDER BY so that the matching
    composite index of layout.py serves it (Cosmos DB needs one for a multi-path ORDER BY)."""
    clauses: list[str] = []
    order: list[str] = []
    parameters: list[dict[str, Any]] = []
    for path, value in (("owner", owner), ("status", status)):
        if value is not None:
            clauses.append(f"c.{path} = @{path}")
            order.append(f"c.{path} ASC")
            parameters.append({"name": f"@{path}", "value": value})
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    order_by = ", ".join([*order, "c.createdAt DESC", "c.id DESC"])
    return f"SELECT * FROM c{where} ORDER BY {order_by}", parameters
