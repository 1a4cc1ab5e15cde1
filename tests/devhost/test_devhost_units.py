"""Small pieces: route templates, settings precedence, retry back-off, action flattening."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from devhost.config import (
    FUNCTION_TIMEOUT_SETTING,
    ConfigError,
    load_host_config,
    load_local_settings,
    parse_function_timeout,
)
from devhost.durable.events import flatten
from devhost.durable.state import RetryState
from devhost.http_functions import compile_route
from devhost.route_templates import route_precedence


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


@pytest.mark.parametrize("ordered", [
    ["campaigns/new", "campaigns/{id:guid}", "campaigns/{id}", "campaigns/{*rest}"],
    ["campaigns/{id}", "campaigns/{id}/events", "{*path}"],   # 1.4 < 1.41 < 5
    ["a/b", "a/b/c", "a/{x}", "a/{x}/c", "a/{*rest}", "{x}/b", "{*path}"],
    ["v{n:int}/x", "{v}/x", "{*path}"],
    ["health", "openapi.json", "{name}", "{*path}"],
])
def test_route_precedence_like_aspnet_core(ordered: list[str]) -> None:
    """Each list is in ASP.NET Core's inbound order (ComputeInbound's decimals, one digit
    per segment, ascending); every shuffle must sort back to it."""
    shuffled = ordered[:]
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert sorted(shuffled, key=lambda t: (route_precedence(t), t.lower())) == ordered


def test_catch_all_function_is_tried_after_every_other_route() -> None:
    import azure.functions as func

    from devhost.app_loader import index_functions
    from devhost.http_functions import HttpFunctions

    app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)

    @app.route(route="{*path}")           # registered first on purpose
    def fallback(req: func.HttpRequest) -> str:
        return "fallback"

    @app.route(route="campaigns/{id}", methods=["GET"])
    def campaign(req: func.HttpRequest) -> str:
        return "campaign"

    http = HttpFunctions(index_functions(app), invoker=None, hub="h")  # type: ignore[arg-type]
    found = http.match("campaigns/7", "GET")
    assert not isinstance(found, set) and found[0].function.name == "campaign"
    found = http.match("campaigns/7", "DELETE")      # the catch-all takes other methods
    assert not isinstance(found, set) and found[0].function.name == "fallback"
    found = http.match("anything/else", "TRACE")
    assert not isinstance(found, set) and found[1] == {"path": "anything/else"}


@pytest.mark.parametrize(("value", "seconds"), [
    ("00:10:00", 600), ("00:00:01", 1), ("01:00:00", 3600), ("1.02:00:00", 93600),
    ("00:00:01.5", 1.5), ("-1", None)])
def test_function_timeout_values(value: str, seconds: float | None) -> None:
    timeout = parse_function_timeout(value, "host.json")
    assert (timeout.seconds, timeout.text) == (seconds, value)


@pytest.mark.parametrize("value", ["10", "00:60:00", "00:00:00", "abc", "", "0.5"])
def test_function_timeout_rejects_what_the_host_rejects(value: str) -> None:
    with pytest.raises(ConfigError, match="functionTimeout"):
        parse_function_timeout(value, "host.json")


def test_function_timeout_from_host_json_and_the_app_setting(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FUNCTION_TIMEOUT_SETTING, raising=False)
    assert load_host_config(tmp_path).function_timeout.text == "00:30:00"   # local default
    (tmp_path / "host.json").write_text(json.dumps({"functionTimeout": "00:10:00"}))
    assert load_host_config(tmp_path).function_timeout.seconds == 600
    monkeypatch.setenv(FUNCTION_TIMEOUT_SETTING, "00:00:02")
    assert load_host_config(tmp_path).function_timeout.seconds == 2
