"""The SDK's real DurableOrchestrationClient against devhost over HTTP."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import azure.durable_functions as df
import httpx
from azure.durable_functions.models.utils import http_utils
from devhost_helpers import Api

from devhost import DevHost
from devhost.management import client_binding


def test_http_trigger_drives_the_client(host: DevHost, api: Api) -> None:
    with httpx.Client(base_url=host.base_url, timeout=10) as c:
        r = c.post("/api/start/wait_after_work", json={"seconds": 0.01})
        assert r.status_code == 202
        links = r.json()
        assert r.headers["Location"] == links["statusQueryGetUri"]
        assert links["statusQueryGetUri"].startswith(host.base_url)
        iid = links["id"]
        st = c.get(f"/api/status/{iid}").json()
        assert st["name"] == "wait_after_work" and st["instanceId"] == iid
        assert c.post(f"/api/raise/{iid}/go", json={"n": 1}).status_code == 202
        assert c.post(f"/api/raise/{iid}/go", json={"n": 2}).status_code == 202
        assert api.wait(iid)["output"]["events"] == [{"n": 1}, {"n": 2}]
        assert c.get("/api/status/unknown").status_code == 404

        r = c.post("/api/start/forever/my-id")
        assert r.json()["id"] == "my-id"
        api.wait_for("my-id", lambda s: s["runtimeStatus"] == "Running")
        assert c.post("/api/terminate/my-id", params={"reason": "bye"}).status_code == 202
        st = c.get("/api/status/my-id").json()
        assert st["runtimeStatus"] == "Terminated" and st["output"] == "bye"


def test_client_from_outside_the_host(host: DevHost) -> None:
    async def scenario() -> dict[str, Any]:
        http_utils._client_session = None       # the SDK caches one session per process
        client = df.DurableOrchestrationClient(client_binding(host.base_url, "SampleHub"))
        iid = await client.start_new("race", client_input={"timeout": 60})
        await client.raise_event(iid, "approval", {"by": "sdk"})
        for _ in range(200):
            st = await client.get_status(iid, show_history=True)
            if st.runtime_status == df.OrchestrationRuntimeStatus.Completed:
                break
            await asyncio.sleep(0.02)
        running = await client.get_status_by(
            runtime_status=[df.OrchestrationRuntimeStatus.Completed])
        try:
            await client.raise_event(iid, "approval", {})
            gone = ""
        except Exception as ex:
            gone = str(ex)
        purged = await client.purge_instance_history(iid)
        session = http_utils._client_session
        if session is not None:
            await session.close()
        http_utils._client_session = None
        return {"status": st, "running": running, "gone": gone, "purged": purged}

    out = asyncio.run(scenario())
    st = out["status"]
    assert st.output["decision"] == {"by": "sdk"}
    assert st.created_time is not None and st.last_updated_time is not None
    assert any(e["EventType"] == "EventRaised" for e in st.historyEvents)
    assert [s.instance_id for s in out["running"]] == [st.instance_id]
    assert "is gone" in out["gone"]
    assert out["purged"].instances_deleted == 1
    assert json.dumps(st.to_json())
