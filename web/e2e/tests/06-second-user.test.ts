/**
 * A second user's view, tried locally with the user picker (GET /api/me says
 * canSwitchUser): every API call but /api/me, the SignalR negotiate included, carries the chosen id as
 * x-ms-client-principal-id, the list holds none of the first user's campaigns, and one of
 * them opened by its URL is refused, with nothing of it shown. Switching back restores
 * the first user's view.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Request } from 'playwright-core';
import { PRINCIPAL_HEADER, api } from '../lib/api.ts';
import { assertAccessible } from '../lib/axe.ts';
import { assertClean, launchChromium, openPage } from '../lib/browser.ts';
import { STEP_TIMEOUT_MS, USER } from '../lib/env.ts';

const OTHER = 'second-user-e2e';

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

test('another user, picked locally, sees none of the first user\'s campaigns', async () => {
  const mine = (await api<{ items: { id: string; name: string }[] }>('/api/campaigns')).items;
  const first = mine[0];
  assert.ok(first !== undefined, 'the first user has campaigns (made by the other browser tests)');
  const me = await api<{ userId: string; canSwitchUser: boolean }>('/api/me');
  assert.deepEqual([me.userId, me.canSwitchUser], [USER, true], 'a local host lets the picker choose');

  const watched = await openPage(browser);
  const { page } = watched;
  const sent: Request[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) sent.push(request);
  });
  await page.goto('/');
  await page.locator(`a[href="/campaigns/${first.id}"]`).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.getByLabel('Acting as (local)').fill(OTHER);
  await page.getByRole('button', { name: 'Switch user' }).click();
  await page.getByText(`now: ${OTHER}`).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  const listed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/campaigns', { timeout: STEP_TIMEOUT_MS });
  await page.reload();
  await listed;
  assert.equal(await page.locator('a[href^="/campaigns/c-"]').count(), 0, 'the second user\'s list holds none of the first user\'s');
  await assertAccessible(page, 'campaign list of a second user');

  sent.length = 0;
  watched.refusedPaths.push(`/api/campaigns/${first.id}`);
  const refused = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/campaigns/${first.id}`, { timeout: STEP_TIMEOUT_MS });
  await page.goto(`/campaigns/${first.id}`);
  const answer = await refused;
  assert.ok([403, 404].includes(answer.status()), `the API refuses the second user (${answer.status()})`);
  await page.waitForTimeout(500); // let any late render land before looking
  assert.equal(await page.getByTestId('artifact-Copy').count(), 0, 'nothing of the campaign is shown');
  assert.ok(!(await page.evaluate(() => document.body.innerText)).includes(first.name), 'not even its name');
  // GET /api/me goes without it on purpose: it asks who the host says the caller is, and
  // whether this host lets the picker choose (it would not with an identity header).
  const apiCalls = sent.filter((r) => new URL(r.url()).pathname !== '/api/me');
  assert.ok(apiCalls.length > 0);
  assert.ok(apiCalls.some((r) => new URL(r.url()).pathname === '/api/negotiate'), 'the live view negotiated SignalR');
  for (const request of apiCalls) {
    assert.equal(await request.headerValue(PRINCIPAL_HEADER), OTHER, `${request.method()} ${new URL(request.url()).pathname} acts as the picked user`);
  }

  await page.goto('/');
  await page.getByLabel('Acting as (local)').fill('');
  await page.getByRole('button', { name: 'Switch user' }).click();
  await page.locator(`a[href="/campaigns/${first.id}"]`).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await assertClean(watched);
  await watched.context.close();
});
