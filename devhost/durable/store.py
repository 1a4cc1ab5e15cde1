"""SQLite persistence of orchestration state (WAL), written in one transaction per round.

History events are rows (append-only), so an episode writes only what it added; the
instance row carries status, output and a small bookkeeping blob. Work items and timers
are rows too, so a restarted host knows what to re-run and re-arm.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .events import Event
from .state import ACTIVE, InboxItem, InstanceState, RecordedAction, WorkItem

SCHEMA = """
CREATE TABLE IF NOT EXISTS instances (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, execution_id TEXT NOT NULL,
    status TEXT NOT NULL, input TEXT, output TEXT, custom_status TEXT,
    created TEXT NOT NULL, updated TEXT NOT NULL, runtime TEXT);
CREATE INDEX IF NOT EXISTS instances_status ON instances(status);
CREATE TABLE IF NOT EXISTS history (
    instance_id TEXT NOT NULL, seq INTEGER NOT NULL, event TEXT NOT NULL,
    PRIMARY KEY (instance_id, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actions (
    instance_id TEXT NOT NULL, idx INTEGER NOT NULL, action_type INTEGER NOT NULL,
    name TEXT, task_id INTEGER, PRIMARY KEY (instance_id, idx)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS inbox (
    id INTEGER PRIMARY KEY, instance_id TEXT NOT NULL, event TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS inbox_instance ON inbox(instance_id);
CREATE TABLE IF NOT EXISTS work (
    instance_id TEXT NOT NULL, execution_id TEXT NOT NULL, task_id INTEGER NOT NULL,
    name TEXT NOT NULL, input TEXT, PRIMARY KEY (instance_id, task_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS timers (
    instance_id TEXT NOT NULL, timer_id INTEGER NOT NULL, fire_at TEXT NOT NULL,
    PRIMARY KEY (instance_id, timer_id)) WITHOUT ROWID;
"""

_INSERTS = {
    "inbox": "INSERT INTO inbox(id, instance_id, event) VALUES (?, ?, ?)",
    "history": "INSERT INTO history VALUES (?, ?, ?)",
    "actions": "INSERT INTO actions VALUES (?, ?, ?, ?, ?)",
    "work": "INSERT OR REPLACE INTO work VALUES (?, ?, ?, ?, ?)",
    "timers": "INSERT OR REPLACE INTO timers VALUES (?, ?, ?)",
}
_DELETES = {
    "inbox": "DELETE FROM inbox WHERE id = ?",
    "inbox_all": "DELETE FROM inbox WHERE instance_id = ?",
    "actions_all": "DELETE FROM actions WHERE instance_id = ?",
    "work_all": "DELETE FROM work WHERE instance_id = ?",
    "timers_all": "DELETE FROM timers WHERE instance_id = ?",
    "work": "DELETE FROM work WHERE instance_id = ? AND task_id = ?",
    "timers": "DELETE FROM timers WHERE instance_id = ? AND timer_id = ?",
}


def connect(path: Path) -> sqlite3.Connection:
    """Open a WAL database that tolerates other writers (readers, the SignalR log)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


class StateStore:
    """The orchestration tables. Used from the scheduler's event-loop thread only."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = connect(path)
        self.conn.executescript(SCHEMA)
        row = self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM inbox").fetchone()
        self._next_inbox = int(row[0]) + 1
        self._reset_buffers()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic commit; WAL + synchronous=NORMAL keeps it cheap."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.flush()
        except BaseException:
            self._reset_buffers()
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # ------------------------------------------------------------------ writes
    # Writes are buffered per table and flushed with one executemany each at commit (or
    # before a bulk delete): a round touching hundreds of instances costs a handful of
    # statements, and the sqlite module's per-call GIL hand-offs stay rare.

    def _reset_buffers(self) -> None:
        self._instances: dict[str, tuple[Any, ...]] = {}
        self._inserts: dict[str, list[tuple[Any, ...]]] = {t: [] for t in _INSERTS}
        self._deletes: dict[str, list[tuple[Any, ...]]] = {t: [] for t in _DELETES}

    def flush(self) -> None:
        """Write buffered rows: inserts first (a row may be added and consumed in one round)."""
        if self._instances:
            self.conn.executemany("INSERT OR REPLACE INTO instances VALUES (?,?,?,?,?,?,?,?,?,?)",
                                  list(self._instances.values()))
        for table, sql in _INSERTS.items():
            if self._inserts[table]:
                self.conn.executemany(sql, self._inserts[table])
        for table, sql in _DELETES.items():
            if self._deletes[table]:
                self.conn.executemany(sql, self._deletes[table])
        self._reset_buffers()

    def new_inbox_item(self, instance_id: str, e: Event) -> InboxItem:
        item = InboxItem(self._next_inbox, e)
        self._next_inbox += 1
        self._inserts["inbox"].append((item.row, instance_id, json.dumps(e)))
        return item

    def delete_inbox(self, rows: Iterable[int]) -> None:
        self._deletes["inbox"].extend((r,) for r in rows)

    def save_instance(self, inst: InstanceState) -> None:
        self._instances[inst.instance_id] = (
            inst.instance_id, inst.name, inst.execution_id, inst.status, inst.input,
            inst.output, inst.custom_status, inst.created, inst.updated, inst.runtime_json())

    def append_history(self, instance_id: str, start: int, events: list[str]) -> None:
        self._inserts["history"].extend(
            (instance_id, start + i, e) for i, e in enumerate(events))

    def append_actions(self, instance_id: str, start: int, actions: list[RecordedAction]) -> None:
        self._inserts["actions"].extend(
            (instance_id, start + i, a.action_type, a.name, a.task_id)
            for i, a in enumerate(actions))

    def add_work(self, items: Iterable[WorkItem]) -> None:
        self._inserts["work"].extend(
            (w.instance_id, w.execution_id, w.task_id, w.name, w.input) for w in items)

    def delete_work(self, instance_id: str, task_id: int) -> None:
        self._deletes["work"].append((instance_id, task_id))

    def add_timers(self, instance_id: str, timers: dict[int, str]) -> None:
        self._inserts["timers"].extend((instance_id, t, f) for t, f in timers.items())

    def delete_timers(self, instance_id: str, timer_ids: Iterable[int]) -> None:
        self._deletes["timers"].extend((instance_id, t) for t in timer_ids)

    def end_execution(self, instance_id: str) -> None:
        """Drop a finished execution's pending rows; its history stays for status queries."""
        for table in ("inbox_all", "actions_all", "work_all", "timers_all"):
            self._deletes[table].append((instance_id,))

    def clear_execution(self, instance_id: str, keep_events: bool) -> None:
        """Forget an execution's history and pending work (continue_as_new, replacement).
        With ``keep_events`` the buffered external events stay in the inbox."""
        self.flush()
        for table in ("history", "actions", "work", "timers"):
            self.conn.execute(f"DELETE FROM {table} WHERE instance_id = ?", (instance_id,))
        if keep_events:
            self.conn.execute("DELETE FROM inbox WHERE instance_id = ? AND "
                              "json_extract(event, '$.EventType') != 15", (instance_id,))
        else:
            self.conn.execute("DELETE FROM inbox WHERE instance_id = ?", (instance_id,))

    def purge(self, instance_id: str) -> bool:
        self.clear_execution(instance_id, keep_events=False)
        cur = self.conn.execute("DELETE FROM instances WHERE id = ?", (instance_id,))
        return cur.rowcount > 0

    # ------------------------------------------------------------------ reads
    def instance_row(self, instance_id: str) -> dict[str, Any] | None:
        self.flush()                     # inside a round, see this round's own writes
        cur = self.conn.execute("SELECT * FROM instances WHERE id = ?", (instance_id,))
        row = cur.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cur.description], row, strict=True))

    def instance_rows(self, statuses: list[str] | None = None) -> list[dict[str, Any]]:
        sql, args = "SELECT * FROM instances", []
        if statuses:
            sql += f" WHERE status IN ({','.join('?' * len(statuses))})"
            args = list(statuses)
        cur = self.conn.execute(sql + " ORDER BY created", args)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]

    def last_update(self) -> str | None:
        """The latest instance update time, so clocks resume after it on restart."""
        row = self.conn.execute("SELECT MAX(updated) FROM instances").fetchone()
        return None if row is None else row[0]

    def history(self, instance_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT event FROM history WHERE instance_id = ? ORDER BY seq", (instance_id,))]

    def load_active(self) -> list[InstanceState]:
        """Rebuild every Pending/Running instance, for resuming after a restart."""
        out = []
        for row in self.instance_rows(sorted(ACTIVE)):
            iid = row["id"]
            inst = InstanceState(iid, row["name"], row["execution_id"], row["input"],
                                 row["status"], row["output"], row["custom_status"],
                                 row["created"], row["updated"])
            inst.load_runtime(row["runtime"])
            inst.history = self.history(iid)
            inst.actions = [RecordedAction(t, n, tid) for t, n, tid in self.conn.execute(
                "SELECT action_type, name, task_id FROM actions WHERE instance_id = ? "
                "ORDER BY idx", (iid,))]
            inst.inbox = [InboxItem(r, json.loads(e)) for r, e in self.conn.execute(
                "SELECT id, event FROM inbox WHERE instance_id = ? ORDER BY id", (iid,))]
            inst.work = {tid: WorkItem(iid, ex, tid, n, i) for ex, tid, n, i in self.conn.execute(
                "SELECT execution_id, task_id, name, input FROM work WHERE instance_id = ?",
                (iid,))}
            inst.timers = {tid: f for tid, f in self.conn.execute(
                "SELECT timer_id, fire_at FROM timers WHERE instance_id = ?", (iid,))}
            out.append(inst)
        return out
