"""The names the app and its clients agree on, defined once.

Event types (docs/events.md, SPEC.md section 4), the SignalR hub and its methods
(docs/realtime.md) and the identity header are a contract: the orchestration and the
activities write them, the HTTP API and the hub functions answer with them, and the CLI
and the dashboard read them. Every Python side imports them from here; a rename is a
change in one place (and in the dashboard, which is TypeScript).

Pure constants on purpose: the orchestrator imports this module and must stay
deterministic. devhost never imports the app, so it keeps its own copy of the few
protocol names it needs (the header, the SignalR setting), as the real host does.
"""

from __future__ import annotations

from .models import REVISABLE_STATUSES, TERMINAL_STATUSES

# ---------------------------------------------------------------- identity

# App Service authentication (Easy Auth) puts the signed-in user's id here; devhost lets
# a request act as a given user the same way, and the CLI sends it for `--user`.
PRINCIPAL_HEADER = "x-ms-client-principal-id"

# ---------------------------------------------------------------- SignalR hub

HUB = "campaigns"

# Client -> server hub methods.
JOIN_CAMPAIGN_GROUP = "JoinCampaignGroup"
LEAVE_CAMPAIGN_GROUP = "LeaveCampaignGroup"
REQUEST_CAMPAIGN_STATUS = "RequestCampaignStatus"

# ---------------------------------------------------------------- events (server -> client)

# In the campaign's event log (`GET /api/campaigns/{id}/events`) and sent to its group.
ON_CAMPAIGN_STARTED = "onCampaignStarted"
ON_ARTIFACT_GENERATED = "onArtifactGenerated"
ON_COMPLIANCE_CHECK_COMPLETED = "onComplianceCheckCompleted"
ON_CAMPAIGN_COMPLETED = "onCampaignCompleted"
ON_GENERATION_FAILED = "onGenerationFailed"
ON_CAMPAIGN_STATUS = "onCampaignStatus"  # also the reply to RequestCampaignStatus (payload.reply)

# Sent live only, never in the log.
ON_CHUNK_RECEIVED = "onChunkReceived"  # the long copy while it is written
ON_REQUEST_REFUSED = "onRequestRefused"  # a hub method the caller may not use for that campaign

# The events the log holds; a client follows all of them.
LOG_EVENT_TYPES = (
    ON_CAMPAIGN_STARTED,
    ON_ARTIFACT_GENERATED,
    ON_COMPLIANCE_CHECK_COMPLETED,
    ON_CAMPAIGN_COMPLETED,
    ON_GENERATION_FAILED,
    ON_CAMPAIGN_STATUS,
)

# Statuses in which a campaign waits for a person or has ended: a watcher stops there.
SETTLED_STATUSES = frozenset(status.value for status in TERMINAL_STATUSES | REVISABLE_STATUSES)
