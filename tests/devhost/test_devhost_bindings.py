"""Cosmos DB and SignalR output bindings from activities."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

import httpx
from devhost_helpers import SAMPLE_APP, Api

from devhost import DevHost


class RecordingSink:
    """A SignalRSink that remembers what it was sent."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sent: list[tuple[str, dict[str, Any]]] = []

    def send(self, hub: str, value: dict[str, Any]) -> None:
        with self.lock:
            self.sent.append((hub, value))


def test_cosmos_applied_only_on_success_and_signalr_recorded(tmp_path: Path) -> None:
    sink = RecordingSink()
    docs = tmp_path / "docs.db"
    with DevHost(SAMPLE_APP, tmp_path / "state", signalr_sink=sink,
                 settings={"CosmosDBConnection": f"LocalDocumentStore={docs}"}) as host:
        api = Api(host.base_url)
        ok = api.start("save_and_notify", {"id": "d1"})
        bad = api.start("save_and_notify", {"id": "d2", "fail": True})
        assert api.wait(ok)["output"] == "d1"
        assert api.wait(bad)["output"] is None
        messages = httpx.get(host.base_url + "/runtime/webhooks/devhost/signalr/messages",
                             params={"after": 0}).json()
        later = httpx.get(host.base_url + "/runtime/webhooks/devhost/signalr/messages",
                          params={"after": messages[0]["seq"]}).json()
        api.http.close()
    with sqlite3.connect(docs) as conn:
        rows = conn.execute("SELECT database, container, partition_key, id, body, etag, seq "
                            "FROM documents").fetchall()
    assert len(rows) == 1
    database, container, pk, doc_id, body, etag, seq = rows[0]
    assert (database, container, pk, doc_id) == ("sample", "saved", '"saved"', "d1")
    assert json.loads(body)["_etag"] == etag and etag.startswith('"') and seq == 1
    assert len(messages) == 4 and len(later) == 3
    assert {m["hub"] for m in messages} == {"updates"}
    by_id = {m["value"]["groupName"]: m for m in messages if "target" in m["value"]}
    assert by_id["d1"]["value"]["arguments"] == [{"id": "d1", "saved": "d1"}]
    assert by_id["d2"]["value"]["arguments"] == [{"id": "d2", "saved": None}]
    assert sorted(v["groupName"] for _, v in sink.sent if v.get("action") == "add") == \
        ["d1", "d2"]
    assert len(sink.sent) == 4
