"""Names shared by the app's hub functions, the streaming code and the clients."""

from __future__ import annotations

HUB = "campaigns"

# Client -> server hub methods (SPEC.md section 4).
JOIN_CAMPAIGN_GROUP = "JoinCampaignGroup"
LEAVE_CAMPAIGN_GROUP = "LeaveCampaignGroup"
REQUEST_CAMPAIGN_STATUS = "RequestCampaignStatus"

# Server -> client messages that are not in the event log.
ON_CHUNK_RECEIVED = "onChunkReceived"
ON_CAMPAIGN_STATUS = "onCampaignStatus"
ON_REQUEST_REFUSED = "onRequestRefused"  # a hub method the caller may not use for that campaign

# Events the campaign log holds (docs/events.md); a client follows all of them.
LOG_EVENT_TYPES = (
    "onCampaignStarted",
    "onArtifactGenerated",
    "onComplianceCheckCompleted",
    "onCampaignCompleted",
    "onGenerationFailed",
    "onCampaignStatus",
)

# Statuses in which a campaign waits for a person or has ended: a watcher stops there.
SETTLED_STATUSES = frozenset({"AwaitingReview", "NeedsAttention", "Approved", "Cancelled", "Expired", "Failed"})

PRINCIPAL_HEADER = "x-ms-client-principal-id"
