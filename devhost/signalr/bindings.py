"""What the SignalR output binding does with a value: a message or a group action.

Shapes (keys case-insensitive, like the extension's JSON reader):
- message ``{"target", "arguments", "connectionId"?, "userId"?, "groupName"?}`` — sent to
  the connection, else the user, else the group, else everyone in the hub;
- group action ``{"action": "add"|"remove"|"removeAll", "groupName", "connectionId"|"userId"}``.
"""

from __future__ import annotations

from typing import Any

from .hub import Hubs


class BindingValueError(ValueError):
    """The value is neither a SignalR message nor a group action (the invocation fails)."""


def _lower_keys(value: dict[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in value.items()}


def check_binding_value(value: Any) -> dict[str, Any]:
    """The value with lower-cased keys, or BindingValueError; pure, so callers on any
    thread can validate before handing the value to the event loop."""
    if not isinstance(value, dict):
        raise BindingValueError(f"a SignalR binding value must be an object, not {type(value).__name__}")
    item = _lower_keys(value)
    if "target" in item:
        target, arguments = item.get("target"), item.get("arguments")
        if not isinstance(target, str) or not target:
            raise BindingValueError("a SignalR message needs a non-empty 'target'")
        if arguments is not None and not isinstance(arguments, list):
            raise BindingValueError("a SignalR message's 'arguments' must be an array")
        return item
    if "action" in item:
        action = str(item.get("action", "")).lower()
        if action not in ("add", "remove", "removeall"):
            raise BindingValueError(f"unknown group action {item.get('action')!r}; expected add, remove or removeAll")
        if not item.get("connectionid") and not item.get("userid"):
            raise BindingValueError("a group action needs 'connectionId' or 'userId'")
        if action != "removeall" and not item.get("groupname"):
            raise BindingValueError(f"group action {action!r} needs 'groupName'")
        return item
    raise BindingValueError("a SignalR binding value needs 'target' (a message) or 'action' (a group action)")


def is_message(value: dict[str, Any]) -> bool:
    return any(str(k).lower() == "target" for k in value)


def apply_binding_value(hubs: Hubs, hub: str, value: Any) -> int:
    """Apply one value; returns how many connections a message was queued for (0 for actions)."""
    item = check_binding_value(value)
    if "target" in item:
        return _message(hubs, hub, item)
    _group_action(hubs, hub, item)
    return 0


def _message(hubs: Hubs, hub: str, item: dict[str, Any]) -> int:
    target = str(item["target"])
    arguments = item.get("arguments") or []
    if item.get("connectionid"):
        conn = hubs.connection(hub, str(item["connectionid"]))
        targets = [conn] if conn is not None else []
    elif item.get("userid"):
        targets = hubs.of_user(hub, str(item["userid"]))
    elif item.get("groupname"):
        targets = hubs.of_group(hub, str(item["groupname"]))
    else:
        targets = hubs.of_hub(hub)
    return hubs.send(targets, target, arguments)


def _group_action(hubs: Hubs, hub: str, item: dict[str, Any]) -> None:
    action = str(item.get("action", "")).lower()
    group = item.get("groupname")
    connection_id, user = item.get("connectionid"), item.get("userid")
    if action == "removeall":
        if connection_id:
            hubs.remove_connection_from_all(hub, str(connection_id))
        else:
            hubs.remove_user_from_all(hub, str(user))
        return
    if action == "add":
        if connection_id:
            hubs.add_connection(hub, str(group), str(connection_id))
        else:
            hubs.add_user(hub, str(group), str(user))
    elif connection_id:
        hubs.remove_connection(hub, str(group), str(connection_id))
    else:
        hubs.remove_user(hub, str(group), str(user))
