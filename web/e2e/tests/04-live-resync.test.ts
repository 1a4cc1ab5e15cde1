/**
 * The live view stays true to the event log when the page loses it: a reload while the
 * agents are still writing, and a dropped connection (the socket closed and the network
 * gone while a revision runs, so every event of it is missed) — the banner says so, and on
 * reconnect the view resyncs with no duplicate and no missing item. The host runs slow
 * simulated agents, so "mid-campaign" lasts a few seconds.
 *
 * The witness is the REST event log: the timeline's entries (each carrying its event's
 * `data-sequence`) must be exactly the log's sequences, each once.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import {
  ARTIFACT_TYPES, type Brief, IN_REVIEW, api, createCampaign, events, exampleBrief, snapshot, waitForReview, waitForSnapshot,
} from '../lib/api.ts';
import { assertAccessible } from '../lib/axe.ts';
import { assertClean, launchChromium, openPage } from '../lib/browser.ts';
import { artifact, testId, waitForBadge, waitForConnection, waitForText } from '../lib/dashboard.ts';
import { STEP_TIMEOUT_MS } from '../lib/env.ts';
import { screenshot } from '../lib/screens.ts';

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/** The event sequences the timeline shows, in page order (duplicates kept, to be caught). */
async function timelineSequences(page: Page): Promise<number[]> {
  return page.locator('[data-testid="timeline"] [data-sequence]').evaluateAll(
    (items) => items.map((item) => Number(item.getAttribute('data-sequence'))));
}

/** Waits until the timeline shows exactly the REST log's sequences, each once; fails with
 * the difference if it never does. */
async function assertTimelineMatchesLog(page: Page, campaignId: string, when: string): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let shown: number[] = [];
  let logged: number[] = [];
  while (Date.now() < deadline) {
    logged = (await events(campaignId)).map((e) => e.sequence);
    shown = await timelineSequences(page);
    if (JSON.stringify([...shown].sort((a, b) => a - b)) === JSON.stringify(logged)) break;
    await page.waitForTimeout(200);
  }
  const duplicates = shown.filter((s, i) => shown.indexOf(s) !== i);
  assert.deepEqual(duplicates, [], `${when}: no timeline entry twice`);
  assert.deepEqual(logged.filter((s) => !shown.includes(s)), [], `${when}: no event of the log missing`);
  assert.deepEqual(shown.filter((s) => !logged.includes(s)), [], `${when}: nothing shown that the log lacks`);
}

/** Every artifact the snapshot has is shown, with its active version's first words. */
async function assertArtifactsMatchSnapshot(page: Page, campaignId: string): Promise<void> {
  const current = await snapshot(campaignId);
  for (const type of ARTIFACT_TYPES) {
    if (current.artifacts[type] === undefined) continue;
    await artifact(page, type).waitFor({ timeout: STEP_TIMEOUT_MS });
  }
  const copy = current.artifacts.Copy?.data as { headlines?: string[] } | undefined;
  const headline = copy?.headlines?.[0];
  if (headline !== undefined) {
    await waitForText(page, 'artifact-Copy', headline);
  }
}

const brief = (name: string): Brief => ({ ...exampleBrief('brewhaus'), name });

test('a reload mid-campaign shows the same state as the event log', async () => {
  const watched = await openPage(browser);
  const { page } = watched;
  const id = await createCampaign(brief('Reload mid-campaign'));
  await page.goto(`/campaigns/${id}`);
  // Mid-campaign: the first artifact is in, the campaign is not settled yet.
  const mid = await waitForSnapshot(id, (s) => Object.keys(s.artifacts).length > 0, 'a first artifact');
  assert.ok(!['AwaitingReview', 'NeedsAttention'].includes(mid.campaign.status), `still running (${mid.campaign.status})`);
  await page.reload();
  await testId(page, 'timeline').waitFor({ timeout: STEP_TIMEOUT_MS });
  await assertTimelineMatchesLog(page, id, 'right after the reload');
  await assertArtifactsMatchSnapshot(page, id);
  await screenshot(page, 'campaign-after-reload');
  const settled = await waitForReview(id);
  await waitForBadge(page, [settled.campaign.status]);
  await assertTimelineMatchesLog(page, id, 'settled after the reload');
  await assertArtifactsMatchSnapshot(page, id);
  await assertAccessible(page, 'campaign after reload');
  await assertClean(watched);
  await watched.context.close();
});

test('a dropped connection shows the banner, and the view resyncs on reconnect', async () => {
  const watched = await openPage(browser);
  const { page, context } = watched;
  const sockets: WebSocketRoute[] = [];
  let down = false;
  await page.routeWebSocket(/\/client\/?\?/, (socket) => {
    if (down) {
      void socket.close({ code: 4000, reason: 'network down (test)' });
      return;
    }
    socket.connectToServer();
    sockets.push(socket);
  });
  const id = await createCampaign(brief('Connection drop'));
  await page.goto(`/campaigns/${id}`);
  await waitForReview(id);
  await waitForConnection(page, 'connected');
  assert.ok(sockets.length > 0, 'the page follows the campaign over a WebSocket');
  const before = (await events(id)).length;

  watched.networkDown = true;
  down = true;
  await context.setOffline(true);
  for (const socket of sockets.splice(0)) await socket.close({ code: 4000, reason: 'network down (test)' });
  await waitForConnection(page, 'connected', false);
  assert.ok(await testId(page, 'connection-banner').isVisible(), 'the banner tells the person');
  await screenshot(page, 'connection-lost');
  await assertAccessible(page, 'connection lost banner');
  // While the page is cut off, a revision (asked for by someone else) runs: every event of
  // it is one the page cannot have received, so only a resync can show it.
  await api(`/api/campaigns/${id}/revisions`, { method: 'POST', body: JSON.stringify({ feedback: 'Shorter sentences, please.' }) });
  await waitForSnapshot(id, (s) => s.campaign.revisionNumber === 1 && IN_REVIEW.has(s.campaign.status), 'the revised review');
  assert.ok((await events(id)).length > before, 'events happened while the page was offline');

  await context.setOffline(false);
  down = false;
  await waitForConnection(page, 'connected');
  watched.networkDown = false;
  await assertTimelineMatchesLog(page, id, 'after the reconnect');
  const settled = await snapshot(id);
  await waitForBadge(page, [settled.campaign.status]);
  await assertArtifactsMatchSnapshot(page, id);
  await assertClean(watched);
  await watched.context.close();
});
