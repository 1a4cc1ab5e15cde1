"""Small pieces: route templates, settings precedence, retry back-off, action flattening."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from devhost.config import ConfigError, load_host_config, load_local_settings
from devhost.durable.events import flatten
from devhost.durable.state import RetryState
from devhost.http_functions import compile_route


@pytest.mark.parametrize(("template", "path", "params"), [
    ("hello/{who}", "hello/ada", {"who": "ada"}),
    ("items/{id:int}", "items/12", {"id": "12"}),
    ("items/{id:int}", "items/x", None),
    ("a/{b?}", "a", {}),
    ("a/{b?}", "a/c", {"b": "c"}),
    ("files/{*rest}", "files/x/y.txt", {"rest": "x/y.txt"}),
    ("v{n:int}/x", "v2/x", {"n": "2"}),
    ("Campaigns/{id}", "campaigns/7", {"id": "7"}),
])
def test_route_templates(template: str, path: str, params: dict[str, str] | None) -> None:
    m = compile_route(template).fullmatch(path)
    got = None if m is None else {k: v for k, v in m.groupdict().items() if v is not None}
    assert got == params


def test_settings_do_not_override_the_environment(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "local.settings.json").write_text(json.dumps(
        {"Values": {"DEVHOST_T_A": "file", "DEVHOST_T_B": "file"}}))
    monkeypatch.setenv("DEVHOST_T_A", "shell")
    monkeypatch.delenv("DEVHOST_T_B", raising=False)
    monkeypatch.delenv("DEVHOST_T_C", raising=False)
    load_local_settings(tmp_path, {"DEVHOST_T_C": "explicit"})
    assert (os.environ["DEVHOST_T_A"], os.environ["DEVHOST_T_B"], os.environ["DEVHOST_T_C"]) \
        == ("shell", "file", "explicit")
    monkeypatch.delenv("DEVHOST_T_B")
    monkeypatch.delenv("DEVHOST_T_C")


def test_host_json(tmp_path: Path) -> None:
    assert load_host_config(tmp_path).max_concurrent_activities == 10
    (tmp_path / "host.json").write_text(json.dumps({"extensions": {
        "durableTask": {"hubName": "H", "maxConcurrentActivityFunctions": 3},
        "http": {"routePrefix": ""}}}))
    cfg = load_host_config(tmp_path)
    assert (cfg.hub_name, cfg.max_concurrent_activities, cfg.route_prefix) == ("H", 3, "")
    (tmp_path / "host.json").write_text("{")
    with pytest.raises(ConfigError, match="invalid JSON"):
        load_host_config(tmp_path)


def test_retry_backoff() -> None:
    st = RetryState.from_action({"functionName": "f", "retryOptions": {
        "firstRetryIntervalInMilliseconds": 100, "maxNumberOfAttempts": 5,
        "backoffCoefficient": 2, "maxRetryIntervalInMilliseconds": 300}})
    delays = []
    for attempt in range(1, 5):
        st.attempt = attempt
        delays.append(st.delay_ms())
    assert delays == [100, 200, 300, 300]


def test_flatten_keeps_yield_order() -> None:
    a = {"actionType": 0, "functionName": "a"}
    b = {"actionType": 5, "fireAt": "x"}
    c = {"actionType": 6, "externalEventName": "e"}
    nested = [[a, {"actionType": 12, "compoundActions": [
        b, {"actionType": 11, "compoundActions": [c]}]}]]
    assert flatten(nested) == [a, b, c]
