"""The one definition of where campaign documents live in Cosmos DB for NoSQL: the
database, its containers, their partition keys and indexing policies.

The Cosmos repository creates containers from it, the activities' and the API's output
bindings take their database, container and partition key from it, and infra/ checks
its Bicep against :func:`layout_json` (docs/persistence.md explains the choices).

Every read of a campaign's documents is a point read or a query inside the campaign's
partition; only the campaign list crosses partitions (by owner, newest first), which is
what the composite indexes of ``campaigns`` serve. Bodies that are never queried
(brief, artifact content, findings, event payloads) are excluded from indexing: that
keeps writes cheap (a write's RU charge grows with the number of indexed paths).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DATABASE = "marketing"

CAMPAIGNS = "campaigns"
ARTIFACTS = "artifacts"
AUDITS = "audits"
REVISIONS = "revisions"
EVENTS = "events"


@dataclass(frozen=True)
class ContainerLayout:
    """One container: its name, partition-key path and the paths its queries use."""

    name: str
    partition_key_path: str
    # Paths that queries filter or sort on; everything else is excluded from indexing.
    indexed_paths: tuple[str, ...]
    # Each composite index: ((path, "ascending"|"descending"), ...), matching an ORDER BY.
    composite_indexes: tuple[tuple[tuple[str, str], ...], ...] = field(default=())

    def indexing_policy(self) -> dict[str, Any]:
        """The Cosmos DB indexing policy: consistent, only ``indexed_paths`` (their
        scalar values), the composite indexes the ORDER BY clauses need."""
        policy: dict[str, Any] = {
            "indexingMode": "consistent",
            "automatic": True,
            "includedPaths": [{"path": f"{path}/?"} for path in self.indexed_paths],
            "excludedPaths": [{"path": "/*"}],
        }
        if self.composite_indexes:
            policy["compositeIndexes"] = [
                [{"path": path, "order": order} for path, order in index] for index in self.composite_indexes
            ]
        return policy

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "partitionKey": {"paths": [self.partition_key_path], "kind": "Hash"},
            "indexingPolicy": self.indexing_policy(),
        }


_NEWEST_CAMPAIGN = (("/createdAt", "descending"), ("/id", "descending"))
_NEWEST_VERSION = (("/createdAt", "descending"), ("/versionNumber", "descending"))

CONTAINERS: dict[str, ContainerLayout] = {
    layout.name: layout
    for layout in (
        # One campaign per partition: point reads and etag replaces by id. The list is
        # per owner (optionally per status), newest first; the filter's equality paths
        # lead the composite indexes so each page is an index range scan.
        ContainerLayout(
            CAMPAIGNS,
            "/id",
            indexed_paths=("/owner", "/status", "/createdAt"),
            composite_indexes=(
                _NEWEST_CAMPAIGN,
                (("/owner", "ascending"), *_NEWEST_CAMPAIGN),
                (("/owner", "ascending"), ("/status", "ascending"), *_NEWEST_CAMPAIGN),
                (("/status", "ascending"), *_NEWEST_CAMPAIGN),
            ),
        ),
        # A campaign's versions: point reads by id; per type or all, newest first.
        ContainerLayout(
            ARTIFACTS,
            "/campaignId",
            indexed_paths=("/type", "/createdAt", "/versionNumber"),
            composite_indexes=(_NEWEST_VERSION, (("/type", "ascending"), *_NEWEST_VERSION)),
        ),
        # Audit reports: point reads by id; history newest first.
        ContainerLayout(
            AUDITS,
            "/campaignId",
            indexed_paths=("/revisionNumber", "/round"),
            composite_indexes=((("/revisionNumber", "descending"), ("/round", "descending")),),
        ),
        # Revision requests: point reads by their deterministic id only.
        ContainerLayout(REVISIONS, "/campaignId", indexed_paths=()),
        # The event log: a range on the per-campaign sequence number.
        ContainerLayout(EVENTS, "/campaignId", indexed_paths=("/sequence",)),
    )
}

PARTITION_KEY_PATHS: dict[str, str] = {name: layout.partition_key_path for name, layout in CONTAINERS.items()}


def partition_key_value(container: str, doc: dict[str, Any]) -> Any:
    """The partition-key value of ``doc`` in ``container`` (its top-level key path)."""
    return doc[CONTAINERS[container].partition_key_path.lstrip("/")]


def layout_json() -> dict[str, Any]:
    """The whole layout as JSON (for infra/: Bicep is checked against this)."""
    return {"database": DATABASE, "containers": [layout.to_json() for layout in CONTAINERS.values()]}
