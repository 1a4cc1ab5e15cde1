/**
 * The chunk-delay figure: for each streamed chunk, the server's send time (the event's
 * `timestamp`, read off the page's WebSocket frames) against the moment the dashboard
 * rendered it (`window.__chunkLog`, the contract's measurement hook: performance.now()
 * and the chunk's event id for every onChunkReceived it renders). Same machine, same
 * clock: the page's performance.timeOrigin + now is epoch time.
 */
import type { Page } from 'playwright-core';
import type { ReceivedChunk } from './signalr.ts';

export interface RenderedChunk {
  eventId: string;
  /** Epoch milliseconds when the page rendered it. */
  renderedAt: number;
}

interface ChunkLogEntry {
  eventId?: unknown;
  at?: unknown;
  renderedAt?: unknown;
  t?: unknown;
}

declare global {
  interface Window {
    __chunkLog?: ChunkLogEntry[];
  }
}

/** The chunks the page says it rendered, in epoch milliseconds. */
export async function renderedChunks(page: Page): Promise<RenderedChunk[]> {
  const { origin, entries } = await page.evaluate(() => ({
    origin: performance.timeOrigin,
    entries: (window.__chunkLog ?? []).map((e) => ({ eventId: e.eventId, at: e.renderedAt ?? e.at ?? e.t })),
  }));
  return entries
    .filter((e): e is { eventId: string; at: number } => typeof e.eventId === 'string' && typeof e.at === 'number')
    .map((e) => ({ eventId: e.eventId, renderedAt: origin + e.at }));
}

export interface ChunkDelays {
  /** Server send → rendered on screen. */
  total: number[];
  /** Server send → the page's WebSocket got it. */
  delivery: number[];
  /** The page got it → rendered. */
  render: number[];
}

/** The delays of every received chunk the page rendered (ms), each chunk once. */
export function delays(received: readonly ReceivedChunk[], rendered: readonly RenderedChunk[],
  arrivals: ReadonlyMap<string, number>): ChunkDelays {
  const sent = new Map(received.map((c) => [c.eventId, c.sentAt]));
  const out: ChunkDelays = { total: [], delivery: [], render: [] };
  const seen = new Set<string>();
  for (const chunk of rendered) {
    const at = sent.get(chunk.eventId);
    if (at === undefined || seen.has(chunk.eventId)) continue;
    seen.add(chunk.eventId);
    out.total.push(chunk.renderedAt - at);
    const arrived = arrivals.get(chunk.eventId);
    if (arrived !== undefined) {
      out.delivery.push(arrived - at);
      out.render.push(chunk.renderedAt - arrived);
    }
  }
  return out;
}
