import { describe, expect, it } from "vitest";
import { INITIAL_LIVE, hasGap, liveReducer, openStream, streamText, type LiveAction, type LiveState } from "./live";
import type { CampaignEvent, CampaignSnapshot, CampaignStatus } from "./types";

const ID = "c-0123456789abcdef";

function ev(sequence: number, type: string, payload: Record<string, unknown> = {}): CampaignEvent {
  return {
    eventId: `${ID}-event-${String(sequence).padStart(6, "0")}`,
    campaignId: ID,
    sequence,
    type,
    timestamp: `2026-12-02T00:00:0${sequence % 10}.000000Z`,
    payload,
  };
}

function chunk(sequence: number, index: number, text: string, streamId = "s1", isComplete = false): CampaignEvent {
  return {
    eventId: `${ID}-event-${String(sequence).padStart(6, "0")}-chunk-${streamId}-${index}`,
    campaignId: ID,
    sequence,
    type: "onChunkReceived",
    timestamp: "2026-12-02T00:00:00.000000Z",
    payload: { artifactType: "Copy", sequence: index, chunk: text, isComplete, streamId },
  };
}

function snapshot(status: CampaignStatus): CampaignSnapshot {
  return {
    campaign: { id: ID, status } as CampaignSnapshot["campaign"],
    artifacts: {},
    auditReports: {},
  };
}

const run = (actions: LiveAction[], from: LiveState = INITIAL_LIVE) => actions.reduce(liveReducer, from);
const LOG = [
  ev(1, "onCampaignStarted", { status: "Generating" }),
  ev(2, "onArtifactGenerated", { artifactType: "Copy" }),
  ev(3, "onArtifactGenerated", { artifactType: "ShortCopy" }),
  ev(4, "onArtifactGenerated", { artifactType: "Visual" }),
  ev(5, "onComplianceCheckCompleted", { isCompliant: true }),
  ev(6, "onCampaignCompleted", { status: "AwaitingReview" }),
];

describe("live reducer", () => {
  it("orders by sequence whatever the arrival order", () => {
    const state = run([{ type: "events", events: [LOG[3]!, LOG[0]!, LOG[2]!, LOG[1]!, LOG[5]!, LOG[4]!] }]);
    expect(state.log.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(state.lastSequence).toBe(6);
    expect(state.status).toBe("AwaitingReview");
    expect(hasGap(state)).toBe(false);
  });

  it("drops an eventId it has seen, from the log or live", () => {
    const state = run([
      { type: "events", events: LOG.slice(0, 3) },
      { type: "events", events: [LOG[1]!, LOG[2]!] },
      { type: "events", events: LOG },
      { type: "events", events: [LOG[4]!] },
    ]);
    expect(state.log.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("holds an early event until the gap is filled by a resync", () => {
    let state = run([{ type: "events", events: LOG.slice(0, 2) }, { type: "events", events: [LOG[4]!] }]);
    expect(state.lastSequence).toBe(2);
    expect(hasGap(state)).toBe(true);
    expect(state.log).toHaveLength(2);
    // The view reads GET /events?after=2 and gets 3..6 (5 again, which is dropped).
    state = liveReducer(state, { type: "events", events: LOG.slice(2) });
    expect(state.log.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(hasGap(state)).toBe(false);
  });

  it("rebuilds the same state from snapshot + full log as live delivery did", () => {
    const live = run([
      { type: "snapshot", snapshot: snapshot("Generating"), asOf: 0 },
      { type: "events", events: [LOG[0]!] },
      { type: "chunk", event: chunk(2, 0, "Hello ") },
      { type: "events", events: [LOG[2]!, LOG[1]!] },
      { type: "events", events: LOG.slice(3) },
    ]);
    const reload = run([
      { type: "snapshot", snapshot: snapshot("AwaitingReview"), asOf: 0 },
      { type: "events", events: LOG },
    ]);
    expect(reload.log).toEqual(live.log);
    expect(reload.status).toBe(live.status);
    expect(reload.streams).toEqual(live.streams);
  });

  it("keeps a newer event's status over a snapshot requested before it", () => {
    let state = run([{ type: "events", events: LOG.slice(0, 5) }]);
    const asOf = state.lastSequence; // the fetch starts as of sequence 5
    state = liveReducer(state, { type: "events", events: [ev(6, "onCampaignStatus", { status: "Cancelled" })] });
    state = liveReducer(state, { type: "snapshot", snapshot: snapshot("Generating"), asOf });
    expect(state.status).toBe("Cancelled");
    expect(state.snapshot?.campaign.status).toBe("Generating");
    state = liveReducer(state, { type: "snapshot", snapshot: snapshot("Cancelled"), asOf: 6 });
    expect(state.status).toBe("Cancelled");
  });

  it("takes the status reply of RequestCampaignStatus as a snapshot, not a log event", () => {
    const reply: CampaignEvent = {
      ...ev(6, "onCampaignStatus", { reply: true, status: "AwaitingReview", lastSequence: 6, snapshot: snapshot("AwaitingReview") }),
      eventId: `${ID}-status-6`,
    };
    const state = run([{ type: "events", events: [reply] }]);
    expect(state.log).toHaveLength(0);
    expect(state.status).toBe("AwaitingReview");
    expect(state.lastSequence).toBe(0);
  });

  it("marks the snapshot stale when an event changes it, until it is asked for", () => {
    let state = run([{ type: "events", events: [LOG[0]!] }]);
    expect(state.snapshotStale).toBe(false);
    state = liveReducer(state, { type: "events", events: [LOG[1]!] });
    expect(state.snapshotStale).toBe(true);
    state = liveReducer(state, { type: "snapshotRequested" });
    expect(state.snapshotStale).toBe(false);
  });
});

describe("streamed copy", () => {
  const started = run([{ type: "events", events: [LOG[0]!] }]);

  it("places chunks by index and never twice", () => {
    const state = run(
      [
        { type: "chunk", event: chunk(2, 1, "world") },
        { type: "chunk", event: chunk(2, 0, "Hello, ") },
        { type: "chunk", event: chunk(2, 0, "Hello, ") },
        { type: "chunk", event: chunk(2, 2, "!", "s1", true) },
      ],
      started,
    );
    const stream = openStream(state, "Copy");
    expect(stream && streamText(stream)).toBe("Hello, world!");
    expect(stream?.complete).toBe(true);
  });

  it("shows only the text up to a missing chunk", () => {
    const state = run([{ type: "chunk", event: chunk(2, 0, "A") }, { type: "chunk", event: chunk(2, 2, "C") }], started);
    expect(streamText(openStream(state, "Copy")!)).toBe("A");
  });

  it("drops the text of a retried stream and ignores its late chunks", () => {
    const state = run(
      [
        { type: "chunk", event: chunk(2, 0, "old ", "s1") },
        { type: "chunk", event: chunk(2, 0, "new ", "s2") },
        { type: "chunk", event: chunk(2, 1, "late", "s1") },
        { type: "chunk", event: chunk(2, 1, "text", "s2") },
      ],
      started,
    );
    expect(streamText(openStream(state, "Copy")!)).toBe("new text");
  });

  it("is superseded by its onArtifactGenerated; later chunks of it are ignored", () => {
    const state = run(
      [
        { type: "chunk", event: chunk(2, 0, "Hello") },
        { type: "events", events: [LOG[1]!] },
        { type: "chunk", event: chunk(2, 1, " again") },
      ],
      started,
    );
    expect(openStream(state, "Copy")).toBeNull();
  });

  it("ignores malformed chunks", () => {
    const bad = { ...chunk(2, 0, "x"), payload: { sequence: -1, chunk: "x", streamId: "s1" } };
    const worse = { ...chunk(2, 0, "x"), payload: { sequence: 0, chunk: 42, streamId: "s1" } };
    const state = run([{ type: "chunk", event: bad }, { type: "chunk", event: worse }], started);
    expect(state.streams).toEqual({});
  });
});
