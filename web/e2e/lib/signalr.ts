/**
 * The SignalR messages the page receives, read off its WebSocket frames (SignalR's JSON
 * hub protocol: records ending in U+001E). The chunk events carry the server's send
 * time (`timestamp`), which the chunk-delay figure compares with the page's render time.
 */
import type { Page } from 'playwright-core';

const RECORD_SEPARATOR = '\u001e';
const INVOCATION = 1;

export interface ReceivedChunk {
  eventId: string;
  campaignId: string;
  /** The server's time when it sent the chunk (ms since the epoch). */
  sentAt: number;
  /** The index of this chunk in its stream. */
  index: number;
  text: string;
}

interface Invocation {
  type: number;
  target?: string;
  arguments?: unknown[];
}

interface ChunkEnvelope {
  eventId: string;
  campaignId: string;
  timestamp: string;
  payload: { sequence: number; chunk: string };
}

function isChunkEnvelope(value: unknown): value is ChunkEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ChunkEnvelope>;
  return typeof candidate.eventId === 'string' && typeof candidate.timestamp === 'string' && typeof candidate.payload === 'object';
}

/** Starts recording every onChunkReceived the page's hub connections get; the returned
 * array fills as frames arrive (across reconnects and reloads). */
export function recordChunks(page: Page): ReceivedChunk[] {
  const received: ReceivedChunk[] = [];
  page.on('websocket', (socket) => {
    socket.on('framereceived', (frame) => {
      const text = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8');
      for (const record of text.split(RECORD_SEPARATOR)) {
        if (record.trim() === '') continue;
        let message: Invocation;
        try {
          message = JSON.parse(record) as Invocation;
        } catch {
          continue; // not a JSON hub message (e.g. the handshake answer is `{}`; binary protocol unused)
        }
        if (message.type !== INVOCATION || message.target !== 'onChunkReceived') continue;
        const envelope = message.arguments?.[0];
        if (!isChunkEnvelope(envelope)) continue;
        received.push({
          eventId: envelope.eventId,
          campaignId: envelope.campaignId,
          sentAt: Date.parse(envelope.timestamp),
          index: envelope.payload.sequence,
          text: envelope.payload.chunk,
        });
      }
    });
  });
  return received;
}

/**
 * Script run in every page before its own: each hub WebSocket message is noted with the
 * page's performance.now() the moment it arrives, before the SignalR client handles it
 * (this listener is added in the constructor, ahead of the client's `onmessage`). With it
 * the chunk delay splits into server → browser and browser → screen. A string, not a
 * function, so the test runner's transpiler adds nothing the page lacks.
 */
export const RECEIVE_TIMES_SCRIPT = `(() => {
  const Native = window.WebSocket;
  const received = (window.__wsChunkReceived = []);
  const pattern = /"eventId":"([^"]+-chunk-[^"]+)"/g;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string') return;
        const at = performance.now();
        for (const match of event.data.matchAll(pattern)) received.push({ eventId: match[1], at });
      });
    }
  };
})();`;

declare global {
  interface Window {
    __wsChunkReceived?: { eventId: string; at: number }[];
  }
}

/** When the page received each chunk (epoch ms), by event id. */
export async function chunkArrivals(page: Page): Promise<Map<string, number>> {
  const { origin, entries } = await page.evaluate(() => ({ origin: performance.timeOrigin, entries: window.__wsChunkReceived ?? [] }));
  return new Map(entries.map((e) => [e.eventId, origin + e.at]));
}
