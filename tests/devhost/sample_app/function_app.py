"""A small generic Durable Functions app that exercises devhost (nothing domain-specific)."""

import asyncio
import json
import os
import time
from datetime import timedelta

import azure.durable_functions as df
import azure.functions as func

app = df.DFApp(http_auth_level=func.AuthLevel.ANONYMOUS)
CALLS: dict[str, int] = {}        # in-process call counters, read by in-process tests


# ----------------------------------------------------------------------------- HTTP
@app.route(route="start/{name}/{instance_id?}", methods=["POST"])
@app.durable_client_input(client_name="client")
async def http_start(req: func.HttpRequest, client: df.DurableOrchestrationClient):
    body = req.get_body()
    iid = await client.start_new(req.route_params["name"],
                                 req.route_params.get("instance_id"),
                                 json.loads(body) if body else None)
    return client.create_check_status_response(req, iid)


@app.route(route="status/{instance_id}", methods=["GET"])
@app.durable_client_input(client_name="client")
async def http_status(req: func.HttpRequest, client: df.DurableOrchestrationClient):
    st = await client.get_status(req.route_params["instance_id"])
    if not st:
        return func.HttpResponse("not found", status_code=404)
    return func.HttpResponse(json.dumps(st.to_json()), mimetype="application/json")


@app.route(route="raise/{instance_id}/{event}", methods=["POST"])
@app.durable_client_input(client_name="client")
async def http_raise(req: func.HttpRequest, client: df.DurableOrchestrationClient):
    await client.raise_event(req.route_params["instance_id"], req.route_params["event"],
                             req.get_json())
    return func.HttpResponse(status_code=202)


@app.route(route="terminate/{instance_id}", methods=["POST"])
@app.durable_client_input(client_name="client")
async def http_terminate(req: func.HttpRequest, client: df.DurableOrchestrationClient):
    await client.terminate(req.route_params["instance_id"], req.params.get("reason", "stop"))
    return func.HttpResponse(status_code=202)


@app.route(route="hello/{who}", methods=["GET"])
def hello(req: func.HttpRequest) -> func.HttpResponse:
    greeting = os.environ.get("SAMPLE_GREETING", "hi")
    return func.HttpResponse(json.dumps({"greeting": f"{greeting} {req.route_params['who']}",
                                         "q": req.params.get("q")}),
                             mimetype="application/json")


@app.route(route="items/{id:int}/{tail?}", methods=["GET"])
async def item(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(json.dumps(dict(req.route_params)), mimetype="application/json")


@app.route(route="boom")
def boom(req: func.HttpRequest) -> func.HttpResponse:
    raise RuntimeError("secret internal detail")


@app.route(route="docs", methods=["POST"])
@app.cosmos_db_output(arg_name="doc", database_name="sample", container_name="http",
                      connection="CosmosDBConnection")
def write_doc(req: func.HttpRequest, doc: func.Out[func.Document]) -> func.HttpResponse:
    body = req.get_json()
    doc.set(func.Document.from_dict(body))
    if body.get("fail"):
        raise ValueError("failing after set: the document must not be written")
    return func.HttpResponse(status_code=201)


# ----------------------------------------------------------------------------- orchestrators
@app.orchestration_trigger(context_name="context")
def fan_out(context: df.DurableOrchestrationContext):
    values = context.get_input() or [1, 2, 3]
    context.set_custom_status({"stage": "fanning out"})
    parts = yield context.task_all([context.call_activity("double", v) for v in values])
    total = yield context.call_activity(add, parts)
    context.set_custom_status({"stage": "done"})
    return {"parts": parts, "total": total}


@app.orchestration_trigger(context_name="context")
def retry_flow(context: df.DurableOrchestrationContext):
    spec = context.get_input()
    opts = df.RetryOptions(first_retry_interval_in_milliseconds=spec.get("interval_ms", 20),
                           max_number_of_attempts=spec["attempts"])
    try:
        result = yield context.call_activity_with_retry("flaky", opts, spec)
    except Exception as ex:  # the orchestrator sees the last failure
        return {"error": str(ex).split("\n")[0]}
    after = yield context.call_activity("double", 21)
    return {"result": result, "after": after}


@app.orchestration_trigger(context_name="context")
def race(context: df.DurableOrchestrationContext):
    deadline = context.current_utc_datetime + timedelta(seconds=context.get_input()["timeout"])
    timer = context.create_timer(deadline)
    approval = context.wait_for_external_event("approval")
    winner = yield context.task_any([approval, timer])
    if winner == approval:
        timer.cancel()
        decision = approval.result
    else:
        decision = "timeout"
    done = yield context.call_activity("double", 1)
    return {"decision": decision, "done": done, "now": context.current_utc_datetime.isoformat()}


@app.orchestration_trigger(context_name="context")
def wait_after_work(context: df.DurableOrchestrationContext):
    slow = yield context.call_activity("slow", {"seconds": context.get_input()["seconds"]})
    first = yield context.wait_for_external_event("go")
    second = yield context.wait_for_external_event("go")
    return {"slow": slow, "events": [first, second]}


@app.orchestration_trigger(context_name="context")
def counter(context: df.DurableOrchestrationContext):
    state = context.get_input() or {"n": 0, "seen": []}
    if state["n"] >= 3:
        extra = yield context.wait_for_external_event("extra")
        return {**state, "extra": extra}
    doubled = yield context.call_activity("double", state["n"])
    context.continue_as_new({"n": state["n"] + 1, "seen": state["seen"] + [doubled]})


@app.orchestration_trigger(context_name="context")
def forever(context: df.DurableOrchestrationContext):
    yield context.call_activity("double", 1)
    yield context.wait_for_external_event("never")
    return "unreachable"


@app.orchestration_trigger(context_name="context")
def nondeterministic(context: df.DurableOrchestrationContext):
    name = "add" if context.is_replaying else "double"
    yield context.call_activity(name, 1 if name == "double" else [1])
    return "should not complete"


@app.orchestration_trigger(context_name="context")
def failing(context: df.DurableOrchestrationContext):
    yield context.call_activity("double", 1)
    raise ValueError("orchestrator gave up")


@app.orchestration_trigger(context_name="context")
def save_and_notify(context: df.DurableOrchestrationContext):
    spec = context.get_input()
    try:
        saved = yield context.call_activity("save_doc", spec)
    except Exception:
        saved = None
    yield context.call_activity("notify", {"id": spec["id"], "saved": saved})
    return saved


@app.orchestration_trigger(context_name="context")
def slow_batch(context: df.DurableOrchestrationContext):
    spec = context.get_input()
    results = yield context.task_all([
        context.call_activity("slow_save", {"id": f"{context.instance_id}-{i}", "value": i,
                                            "seconds": spec["seconds"]})
        for i in range(3)])
    audit = yield context.call_activity("slow_save", {"id": f"{context.instance_id}-audit",
                                                      "value": 100, "seconds": 0.05})
    return sum(results) + audit


# ----------------------------------------------------------------------------- activities
@app.activity_trigger(input_name="value")
def double(value: int) -> int:
    return value * 2


@app.activity_trigger(input_name="values")
async def add(values: list) -> int:
    await asyncio.sleep(0)
    return sum(values)


@app.activity_trigger(input_name="spec")
def flaky(spec: dict) -> str:
    key = spec["key"]
    CALLS[key] = CALLS.get(key, 0) + 1
    if CALLS[key] <= spec["fail_times"]:
        raise ConnectionError(f"flaky failure {CALLS[key]}")
    return f"ok after {CALLS[key]}"


@app.activity_trigger(input_name="spec")
async def slow(spec: dict) -> float:
    await asyncio.sleep(spec["seconds"])
    return spec["seconds"]


@app.activity_trigger(input_name="spec")
@app.cosmos_db_output(arg_name="doc", database_name="sample", container_name="saved",
                      connection="CosmosDBConnection", partition_key="/kind")
def save_doc(spec: dict, doc: func.Out[func.Document]) -> str:
    doc.set(func.Document.from_dict({"id": spec["id"], "kind": "saved"}))
    if spec.get("fail"):
        raise RuntimeError("save failed after set")
    return spec["id"]


@app.activity_trigger(input_name="payload")
@app.generic_output_binding(arg_name="msg", type="signalR", hub_name="updates",
                            connection_string_setting="AzureSignalRConnectionString")
def notify(payload: dict, msg: func.Out[str]) -> None:
    msg.set(json.dumps([
        {"target": "saved", "arguments": [payload], "groupName": payload["id"]},
        {"action": "add", "groupName": payload["id"], "userId": "u1"},
    ]))


@app.activity_trigger(input_name="spec")
@app.cosmos_db_output(arg_name="doc", database_name="sample", container_name="batch",
                      connection="CosmosDBConnection")
def slow_save(spec: dict, doc: func.Out[func.Document]) -> int:
    time.sleep(spec["seconds"])
    doc.set(func.Document.from_dict({"id": spec["id"], "value": spec["value"],
                                     "pid": os.getpid()}))
    return spec["value"]


# ----------------------------------------------------------------------------- poison (timeouts)
@app.activity_trigger(input_name="spec")
async def poison(spec: dict) -> str:
    time.sleep(spec["seconds"])           # blocks its event loop: never yields
    return "survived"


@app.orchestration_trigger(context_name="context")
def poison_flow(context: df.DurableOrchestrationContext):
    spec = context.get_input()
    opts = df.RetryOptions(first_retry_interval_in_milliseconds=20,
                           max_number_of_attempts=spec["attempts"])
    result = yield context.call_activity_with_retry("poison", opts, spec)
    return result


@app.route(route="block", methods=["GET"])
async def block(req: func.HttpRequest) -> func.HttpResponse:
    time.sleep(float(req.params["seconds"]))          # blocks its event loop
    return func.HttpResponse("unblocked")


@app.route(route="block_sync", methods=["GET"])
def block_sync(req: func.HttpRequest) -> func.HttpResponse:
    time.sleep(float(req.params["seconds"]))
    return func.HttpResponse("unblocked")


@app.route(route="wait", methods=["GET"])
async def wait(req: func.HttpRequest) -> func.HttpResponse:
    await asyncio.sleep(float(req.params["seconds"]))  # yields: cancellable
    return func.HttpResponse("waited")


# ----------------------------------------------------------------------------- routing precedence
@app.route(route="prec/new", methods=["GET"])
def prec_literal(req: func.HttpRequest) -> str:
    return "literal"


@app.route(route="prec/{id:int}", methods=["GET"])
def prec_constrained(req: func.HttpRequest) -> str:
    return "constrained"


@app.route(route="prec/{id}", methods=["GET", "PUT"])
def prec_parameter(req: func.HttpRequest) -> str:
    return "parameter"


@app.route(route="prec/{*rest}", methods=["DELETE"])
def prec_catch_all(req: func.HttpRequest) -> str:
    return "catch-all"


# ----------------------------------------------------------------------------- big documents
@app.route(route="docs_pair", methods=["POST"])
@app.cosmos_db_output(arg_name="small", database_name="sample", container_name="pair",
                      connection="CosmosDBConnection")
@app.cosmos_db_output(arg_name="big", database_name="sample", container_name="pair",
                      connection="CosmosDBConnection")
@app.generic_output_binding(arg_name="msg", type="signalR", hub_name="updates",
                            connection_string_setting="AzureSignalRConnectionString")
def docs_pair(req: func.HttpRequest, small: func.Out[func.Document], big: func.Out[func.Document],
              msg: func.Out[str]) -> func.HttpResponse:
    spec = req.get_json()
    small.set(func.Document.from_dict({"id": "small", "v": 1}))
    big.set(func.Document.from_dict({"id": "big", "text": "é" * spec["chars"]}))
    msg.set(json.dumps({"target": "pair", "arguments": [spec["chars"]]}))
    return func.HttpResponse(status_code=201)
