"""Server-to-client events: the envelope (docs/events.md) and the two forms it is
written in — a document in the ``events`` container (the per-campaign log clients
catch up from) and a SignalR output-binding message to the campaign's group."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from ..ids import event_id
from ..models import CampaignEvent, utc_now


def make_event(
    campaign_id: str,
    sequence: int,
    event_type: str,
    payload: dict[str, Any],
    timestamp: datetime | None = None,
) -> CampaignEvent:
    """The id derives from campaign and sequence, so a re-run activity re-sends the same
    event and clients (and the store) drop the duplicate."""
    identifier = event_id(campaign_id, sequence)
    return CampaignEvent(
        id=identifier,
        event_id=identifier,
        campaign_id=campaign_id,
        sequence=sequence,
        type=event_type,
        timestamp=timestamp or utc_now(),
        payload=payload,
    )


def signalr_message(event: CampaignEvent) -> dict[str, Any]:
    """The SignalR output binding's message shape, addressed to the campaign's group."""
    envelope = event.to_doc()
    envelope.pop("docType", None)
    envelope.pop("id", None)
    return {"target": event.type, "groupName": event.campaign_id, "arguments": [envelope]}


def signalr_messages_json(events: list[CampaignEvent]) -> str:
    """One message as an object, several as an array (both accepted by the binding)."""
    messages = [signalr_message(e) for e in events]
    return json.dumps(messages[0] if len(messages) == 1 else messages)
