/**
 * The live campaign's state: one pure reducer for the REST snapshot, the event log (REST
 * `GET /api/campaigns/{id}/events?after=N` and SignalR alike) and the streamed copy.
 *
 * Rules (docs/realtime.md, "A client's algorithm"):
 * - log events are delivered in `sequence` order, each `eventId` once; an early event is
 *   held until the gap before it is filled (the view then asks the log for what it missed);
 * - a chunk (`onChunkReceived`) belongs to the `onArtifactGenerated` with the same envelope
 *   sequence, which supersedes it; chunks are placed by their chunk index, never twice; a
 *   retried activity streams again under a new `streamId`, whose text replaces the old one;
 * - the shown status is that of the newest source: a status-carrying event with a higher
 *   sequence than the snapshot's, or a snapshot fetched after that event was delivered.
 * Reloading rebuilds the same state from the REST API: snapshot, then the log from 0.
 */
import type { ArtifactType, CampaignEvent, CampaignSnapshot, CampaignStatus } from "./types";
import { CAMPAIGN_STATUSES } from "./types";

export interface Stream {
  artifactType: string;
  streamId: string;
  chunks: Record<number, string>;
  /** Each placed chunk's eventId and server timestamp (the measurement hook reports them). */
  sent: Record<number, { eventId: string; timestamp: string }>;
  complete: boolean;
  aborted: boolean;
  /** Stream ids this one replaced (a retried activity): their late chunks are ignored. */
  replaced: string[];
}

export interface LiveState {
  snapshot: CampaignSnapshot | null;
  status: CampaignStatus | null;
  /** The log sequence the shown status is as of. */
  statusSequence: number;
  /** Highest sequence delivered with none missing before it. */
  lastSequence: number;
  /** Delivered log events, in sequence order. */
  log: CampaignEvent[];
  /** Events that arrived ahead of a gap, by sequence. */
  held: Record<number, CampaignEvent>;
  /** Every eventId delivered or held (chunks included). */
  seen: Record<string, true>;
  /** Open copy streams by the envelope sequence of the event that will supersede them. */
  streams: Record<number, Stream>;
  /** A delivered event changed what the snapshot holds: fetch it again. */
  snapshotStale: boolean;
}

export type LiveAction =
  | { type: "snapshot"; snapshot: CampaignSnapshot; asOf: number }
  | { type: "events"; events: readonly CampaignEvent[] }
  | { type: "chunk"; event: CampaignEvent }
  | { type: "snapshotRequested" };

export const INITIAL_LIVE: LiveState = {
  snapshot: null,
  status: null,
  statusSequence: -1,
  lastSequence: 0,
  log: [],
  held: {},
  seen: {},
  streams: {},
  snapshotStale: false,
};

const EVENTS_THAT_CHANGE_THE_SNAPSHOT = new Set([
  "onArtifactGenerated",
  "onComplianceCheckCompleted",
  "onCampaignCompleted",
  "onGenerationFailed",
  "onCampaignStatus",
]);

function asStatus(value: unknown): CampaignStatus | null {
  return typeof value === "string" && (CAMPAIGN_STATUSES as readonly string[]).includes(value)
    ? (value as CampaignStatus)
    : null;
}

/** The status reply of RequestCampaignStatus: not a log event, a snapshot as of lastSequence. */
export function isStatusReply(event: CampaignEvent): boolean {
  return event.type === "onCampaignStatus" && event.payload.reply === true;
}

function applySnapshot(state: LiveState, snapshot: CampaignSnapshot, asOf: number): LiveState {
  const newer = asOf >= state.statusSequence;
  return {
    ...state,
    snapshot,
    status: newer ? snapshot.campaign.status : state.status,
    statusSequence: newer ? asOf : state.statusSequence,
  };
}

function deliver(state: LiveState, event: CampaignEvent): LiveState {
  const status = asStatus(event.payload.status);
  const streams = { ...state.streams };
  if (event.type === "onArtifactGenerated") delete streams[event.sequence];
  const newerStatus = status !== null && event.sequence > state.statusSequence;
  return {
    ...state,
    log: [...state.log, event],
    lastSequence: event.sequence,
    status: newerStatus ? status : state.status,
    statusSequence: newerStatus ? event.sequence : state.statusSequence,
    streams,
    snapshotStale: state.snapshotStale || EVENTS_THAT_CHANGE_THE_SNAPSHOT.has(event.type),
  };
}

function addEvents(state: LiveState, events: readonly CampaignEvent[]): LiveState {
  let next = state;
  for (const event of events) {
    if (isStatusReply(event)) {
      const snapshot = event.payload.snapshot as CampaignSnapshot | undefined;
      const asOf = typeof event.payload.lastSequence === "number" ? event.payload.lastSequence : event.sequence;
      if (snapshot && typeof snapshot === "object" && "campaign" in snapshot) next = applySnapshot(next, snapshot, asOf);
      continue;
    }
    if (!Number.isSafeInteger(event.sequence) || event.sequence < 1) continue;
    if (next.seen[event.eventId] || event.sequence <= next.lastSequence || next.held[event.sequence]) continue;
    next = {
      ...next,
      seen: { ...next.seen, [event.eventId]: true },
      held: { ...next.held, [event.sequence]: event },
    };
  }
  // Deliver what is now contiguous.
  let held = next.held;
  let upcoming = held[next.lastSequence + 1];
  while (upcoming) {
    const { [upcoming.sequence]: _delivered, ...rest } = held;
    held = rest;
    next = deliver({ ...next, held }, upcoming);
    upcoming = held[next.lastSequence + 1];
  }
  return next;
}

function addChunk(state: LiveState, event: CampaignEvent): LiveState {
  if (state.seen[event.eventId] || event.sequence <= state.lastSequence) return state;
  const p = event.payload;
  const index = p.sequence;
  const streamId = typeof p.streamId === "string" ? p.streamId : "";
  if (typeof index !== "number" || !Number.isSafeInteger(index) || index < 0 || typeof p.chunk !== "string") return state;
  const current = state.streams[event.sequence];
  if (current && current.replaced.includes(streamId)) return state;
  let stream: Stream;
  if (!current || current.streamId !== streamId) {
    stream = {
      artifactType: typeof p.artifactType === "string" ? p.artifactType : "Copy",
      streamId,
      chunks: {},
      sent: {},
      complete: false,
      aborted: false,
      replaced: current ? [...current.replaced, current.streamId] : [],
    };
  } else {
    stream = current;
  }
  if (stream.chunks[index] !== undefined) return state;
  stream = {
    ...stream,
    chunks: { ...stream.chunks, [index]: p.chunk },
    sent: { ...stream.sent, [index]: { eventId: event.eventId, timestamp: event.timestamp } },
    complete: stream.complete || p.isComplete === true,
    aborted: stream.aborted || p.aborted === true,
  };
  return {
    ...state,
    seen: { ...state.seen, [event.eventId]: true },
    streams: { ...state.streams, [event.sequence]: stream },
  };
}

export function liveReducer(state: LiveState, action: LiveAction): LiveState {
  switch (action.type) {
    case "snapshot":
      return applySnapshot(state, action.snapshot, action.asOf);
    case "events":
      return addEvents(state, action.events);
    case "chunk":
      return addChunk(state, action.event);
    case "snapshotRequested":
      return state.snapshotStale ? { ...state, snapshotStale: false } : state;
  }
}

/** The streamed text so far: chunks from index 0 up to the first one still missing. */
export function streamText(stream: Stream): string {
  let text = "";
  for (let i = 0; stream.chunks[i] !== undefined; i += 1) text += stream.chunks[i];
  return text;
}

/** The open stream of one artifact type (the newest, if several). */
export function openStream(state: LiveState, artifactType: ArtifactType): Stream | null {
  const sequences = Object.keys(state.streams).map(Number).sort((a, b) => b - a);
  for (const seq of sequences) {
    const stream = state.streams[seq];
    if (stream && stream.artifactType === artifactType) return stream;
  }
  return null;
}

/** True when an early event waits for missing ones: the view reads the log after lastSequence. */
export function hasGap(state: LiveState): boolean {
  return Object.keys(state.held).length > 0;
}
