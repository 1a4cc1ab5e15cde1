/**
 * One campaign, live: the REST snapshot and event log, then SignalR (official client, with
 * automatic reconnect) for what happens next. On every (re)connection it rejoins the
 * campaign's group, asks for the status reply and reads the log after the last sequence it
 * holds, so nothing is missed or shown twice (the reducer drops seen eventIds). While the
 * connection is down, it reads the log every few seconds instead.
 */
import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from "@microsoft/signalr";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { api, errorText } from "./api";
import { identityHeaders } from "./identity";
import { INITIAL_LIVE, hasGap, liveReducer, type LiveState } from "./live";
import type { CampaignEvent } from "./types";
import { RUNNING_STATUSES } from "./types";

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "disconnected";

const LOG_EVENTS = [
  "onCampaignStarted",
  "onArtifactGenerated",
  "onComplianceCheckCompleted",
  "onCampaignCompleted",
  "onGenerationFailed",
  "onCampaignStatus",
] as const;

export interface ChunkLogEntry {
  renderedAt: number;
  eventId: string;
  sequence: number;
  chunkIndex: number;
  timestamp: string;
}

declare global {
  interface Window {
    /** Measurement hook (e2e): one entry per onChunkReceived the view rendered. */
    __chunkLog?: ChunkLogEntry[];
  }
}

export interface LiveCampaign {
  state: LiveState;
  connection: ConnectionState;
  loadError: string | null;
  refused: string | null;
  /** Read the snapshot and the log again (after an action of the person's). */
  refresh: () => void;
  reconnect: () => void;
}

function isEvent(value: unknown): value is CampaignEvent {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.eventId === "string" && typeof v.sequence === "number" && typeof v.type === "string"
    && typeof v.payload === "object" && v.payload !== null;
}

export function useLiveCampaign(campaignId: string): LiveCampaign {
  const [state, dispatch] = useReducer(liveReducer, INITIAL_LIVE);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [loadError, setLoadError] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const hubRef = useRef<HubConnection | null>(null);
  const readingLog = useRef(false);

  const loadSnapshot = useCallback(async () => {
    const asOf = stateRef.current.lastSequence;
    try {
      const snapshot = await api.snapshot(campaignId);
      dispatch({ type: "snapshot", snapshot, asOf });
      setLoadError(null);
    } catch (error) {
      setLoadError(errorText(error));
    }
  }, [campaignId]);

  const readLog = useCallback(async () => {
    if (readingLog.current) return;
    readingLog.current = true;
    try {
      const events = await api.events(campaignId, stateRef.current.lastSequence);
      dispatch({ type: "events", events });
    } catch (error) {
      setLoadError(errorText(error));
    } finally {
      readingLog.current = false;
    }
  }, [campaignId]);

  const resync = useCallback(async () => {
    await loadSnapshot();
    await readLog();
  }, [loadSnapshot, readLog]);

  const joined = useCallback(
    async (hub: HubConnection) => {
      await hub.invoke("JoinCampaignGroup", campaignId);
      await hub.invoke("RequestCampaignStatus", campaignId);
      await readLog();
    },
    [campaignId, readLog],
  );

  const startHub = useCallback(async () => {
    const hub = hubRef.current;
    if (!hub || hub.state !== HubConnectionState.Disconnected) return;
    setConnection("connecting");
    try {
      await hub.start();
      setConnection("connected");
      await joined(hub);
    } catch {
      setConnection("disconnected");
    }
  }, [joined]);

  useEffect(() => {
    void resync();
    const hub = new HubConnectionBuilder()
      .withUrl("/api", { headers: identityHeaders() })
      .withAutomaticReconnect()
      .configureLogging(LogLevel.Warning)
      .build();
    hubRef.current = hub;
    for (const name of LOG_EVENTS) {
      hub.on(name, (event: unknown) => {
        if (isEvent(event) && event.campaignId === campaignId) dispatch({ type: "events", events: [event] });
      });
    }
    hub.on("onChunkReceived", (event: unknown) => {
      if (isEvent(event) && event.campaignId === campaignId) dispatch({ type: "chunk", event });
    });
    hub.on("onRequestRefused", (info: unknown) => {
      const reason = typeof info === "object" && info !== null ? (info as { reason?: unknown }).reason : null;
      setRefused(typeof reason === "string" ? reason : "The live feed was refused for this campaign.");
    });
    hub.onreconnecting(() => setConnection("reconnecting"));
    hub.onreconnected(() => {
      setConnection("connected");
      void joined(hub).then(loadSnapshot);
    });
    hub.onclose(() => setConnection("disconnected"));
    void startHub();
    return () => {
      hubRef.current = null;
      void hub.stop();
    };
  }, [campaignId, joined, loadSnapshot, resync, startHub]);

  // Events that change the artifacts or the report: read the snapshot again (once per burst).
  useEffect(() => {
    if (!state.snapshotStale) return;
    const timer = window.setTimeout(() => {
      dispatch({ type: "snapshotRequested" });
      void loadSnapshot();
    }, 120);
    return () => window.clearTimeout(timer);
  }, [state.snapshotStale, loadSnapshot]);

  // An event arrived ahead of one we have not seen: read the log for the missing ones.
  useEffect(() => {
    if (hasGap(state)) void readLog();
  }, [state, readLog]);

  // Without a live connection, keep the view current from the log while the campaign runs;
  // a closed connection is retried too.
  const running = state.status !== null && RUNNING_STATUSES.includes(state.status);
  useEffect(() => {
    if (connection === "connected") return;
    const timer = window.setInterval(() => {
      if (running) void readLog();
      if (connection === "disconnected") void startHub();
    }, 3000);
    return () => window.clearInterval(timer);
  }, [connection, running, readLog, startHub]);

  // The browser is back online: reconnect now rather than at the automatic reconnect's next
  // back-off step (10 s, then 30 s), and read what was missed meanwhile.
  useEffect(() => {
    const onOnline = () => {
      const hub = hubRef.current;
      if (!hub) return;
      void readLog();
      if (hub.state === HubConnectionState.Reconnecting) void hub.stop().then(startHub);
      else if (hub.state === HubConnectionState.Disconnected) void startHub();
    };
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [readLog, startHub]);

  // Measurement hook: when a chunk is on screen, note the time with its event id.
  const logged = useRef(new Set<string>());
  useEffect(() => {
    const log = (window.__chunkLog ??= []);
    const now = performance.now();
    for (const [seq, stream] of Object.entries(state.streams)) {
      for (const [index, sent] of Object.entries(stream.sent)) {
        if (logged.current.has(sent.eventId)) continue;
        logged.current.add(sent.eventId);
        log.push({ renderedAt: now, eventId: sent.eventId, sequence: Number(seq), chunkIndex: Number(index), timestamp: sent.timestamp });
      }
    }
  }, [state.streams]);

  return {
    state,
    connection,
    loadError,
    refused,
    refresh: () => void resync(),
    reconnect: () => void startHub(),
  };
}
