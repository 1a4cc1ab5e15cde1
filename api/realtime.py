"""The real-time side of the API: ``POST /api/negotiate`` and the hub methods clients
call on the SignalR hub ``campaigns`` (serverless mode, ``signalRTrigger`` functions).

- ``negotiate`` returns the SignalRConnectionInfo binding's ``{url, accessToken}`` for the
  caller (user id from App Service authentication's ``x-ms-client-principal-id``; devhost
  fills it the same way, with the local dev user when the header is absent).
- ``JoinCampaignGroup(campaignId)`` adds the connection to the campaign's group (a group
  action of the output binding) only if the invocation's user may read the campaign —
  the same rule as the HTTP reads (``CampaignCommands.readable``). Otherwise the
  connection gets ``onRequestRefused`` and is not added.
- ``LeaveCampaignGroup(campaignId)`` removes the connection from the group.
- ``RequestCampaignStatus(campaignId)`` answers that connection with ``onCampaignStatus``
  carrying the snapshot (as ``GET /api/campaigns/{id}``) and the last event sequence, so a
  reconnecting client resyncs and then reads the log from there.

Hub methods are void: what they decide reaches the client as messages, which works the
same against Azure SignalR Service (where a Python trigger's return value is not
relayed) and devhost. The messages are written by the output binding before the
invocation completes, so a client that awaited the invocation has them already.
"""

from __future__ import annotations

import json
from typing import Any

import azure.durable_functions as df
import azure.functions as func

from marketing_agents.campaign.commands import CampaignCommands
from marketing_agents.components import components
from marketing_agents.models import utc_now
from marketing_agents.problems import NotFound, ServiceUnavailable
from marketing_agents.protocol import (
    HUB,
    JOIN_CAMPAIGN_GROUP,
    LEAVE_CAMPAIGN_GROUP,
    ON_CAMPAIGN_STATUS,
    ON_REQUEST_REFUSED,
    PRINCIPAL_HEADER,
    REQUEST_CAMPAIGN_STATUS,
)
from marketing_agents.settings import SIGNALR_CONNECTION_SETTING

from .http import log, problem_response

bp = df.Blueprint()
ANONYMOUS = func.AuthLevel.ANONYMOUS


def _hub_method(event: str) -> Any:
    return bp.generic_trigger(
        arg_name="invocation",
        type="signalRTrigger",
        hub_name=HUB,
        category="messages",
        event=event,
        connection_string_setting=SIGNALR_CONNECTION_SETTING,
    )


signalr_out = bp.generic_output_binding(
    arg_name="signalr", type="signalR", hub_name=HUB, connection_string_setting=SIGNALR_CONNECTION_SETTING
)


class Invocation:
    """The trigger payload (the extension's invocation context) in the few terms we use."""

    def __init__(self, raw: Any) -> None:
        if isinstance(raw, (bytes, bytearray)):
            raw = raw.decode("utf-8")
        if isinstance(raw, str):
            raw = json.loads(raw)
        if not isinstance(raw, dict):
            raise ValueError("the SignalR invocation context is not an object")
        lowered = {str(k).lower(): v for k, v in raw.items()}
        self.connection_id = str(lowered.get("connectionid") or "")
        self.user_id = str(lowered.get("userid") or "")
        self.event = str(lowered.get("event") or "")
        arguments = lowered.get("arguments") or []
        self.campaign_id = str(arguments[0]) if arguments and isinstance(arguments[0], (str, int)) else ""


def _service() -> CampaignCommands:
    svc = components()
    return CampaignCommands(svc.repository, svc.settings)


def _to_connection(inv: Invocation, target: str, argument: dict[str, Any]) -> dict[str, Any]:
    return {"target": target, "connectionId": inv.connection_id, "arguments": [argument]}


def _refusal(inv: Invocation, reason: str) -> dict[str, Any]:
    """Told to the caller only; the reason does not say whether the campaign exists."""
    log.info("refused %s(%s) for user %r", inv.event, inv.campaign_id, inv.user_id)
    return _to_connection(inv, ON_REQUEST_REFUSED, {"campaignId": inv.campaign_id, "method": inv.event,
                                                      "reason": reason})


async def _may_read(inv: Invocation) -> bool:
    if not inv.user_id or not inv.campaign_id:
        return False
    try:
        await _service().readable(inv.campaign_id, inv.user_id)
    except NotFound:
        return False
    return True


NOT_READABLE = "no such campaign, or you may not read it"


@bp.route(route="api/negotiate", methods=["POST"], auth_level=ANONYMOUS)
@bp.generic_input_binding(
    arg_name="connection_info",
    type="signalRConnectionInfo",
    hub_name=HUB,
    connection_string_setting=SIGNALR_CONNECTION_SETTING,
    user_id="{headers." + PRINCIPAL_HEADER + "}",
)
def negotiate(req: func.HttpRequest, connection_info: str) -> func.HttpResponse:
    """The SignalR client's first call: where the service is and a token for this user."""
    if not connection_info:
        unavailable = ServiceUnavailable(f"SignalR is not configured (setting {SIGNALR_CONNECTION_SETTING})")
        return problem_response(unavailable, req.url.split("?", 1)[0])
    return func.HttpResponse(connection_info, mimetype="application/json")


@_hub_method(JOIN_CAMPAIGN_GROUP)
@signalr_out
async def join_campaign_group(invocation: str, signalr: func.Out[str]) -> None:
    inv = Invocation(invocation)
    if not await _may_read(inv):
        signalr.set(json.dumps(_refusal(inv, NOT_READABLE)))
        return
    signalr.set(json.dumps({"action": "add", "groupName": inv.campaign_id, "connectionId": inv.connection_id}))


@_hub_method(LEAVE_CAMPAIGN_GROUP)
@signalr_out
async def leave_campaign_group(invocation: str, signalr: func.Out[str]) -> None:
    inv = Invocation(invocation)
    if inv.campaign_id:
        signalr.set(json.dumps({"action": "remove", "groupName": inv.campaign_id, "connectionId": inv.connection_id}))


@_hub_method(REQUEST_CAMPAIGN_STATUS)
@signalr_out
async def request_campaign_status(invocation: str, signalr: func.Out[str]) -> None:
    inv = Invocation(invocation)
    if not await _may_read(inv):
        signalr.set(json.dumps(_refusal(inv, NOT_READABLE)))
        return
    service = _service()
    # The last sequence is read first: the snapshot is then at least that new, and the
    # client reads the log after it (applying an event twice is harmless; missing one is not).
    last_sequence = await service.next_sequence(inv.campaign_id) - 1
    snapshot = (await service.snapshot(inv.campaign_id, inv.user_id)).to_doc()
    envelope = {
        "eventId": f"{inv.campaign_id}-status-{last_sequence:06d}",
        "campaignId": inv.campaign_id,
        "sequence": last_sequence,
        "type": ON_CAMPAIGN_STATUS,
        "timestamp": utc_now().isoformat().replace("+00:00", "Z"),
        "payload": {
            "reply": True,
            "status": snapshot["campaign"]["status"],
            "lastSequence": last_sequence,
            "snapshot": snapshot,
        },
    }
    signalr.set(json.dumps(_to_connection(inv, ON_CAMPAIGN_STATUS, envelope)))
