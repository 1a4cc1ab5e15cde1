/**
 * A brief whose every text field carries markup — <script>, <img onerror>, <svg onload>,
 * an iframe with a javascript: URL — renders literally everywhere it appears (the list,
 * the campaign view, the artifacts the agents wrote from it) and nothing in it runs.
 *
 * The main check runs with CSP bypassed (Playwright's bypassCSP) on purpose: the policy
 * would block an injected inline handler anyway, so only with it out of the way does the
 * test show that the dashboard itself renders text as text. A second look with the real
 * policy then checks that no CSP violation was even attempted.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type Brief, createCampaign, waitForReview } from '../lib/api.ts';
import { assertAccessible } from '../lib/axe.ts';
import { assertClean, launchChromium, openPage } from '../lib/browser.ts';
import { artifact, createFromForm, waitForBadge } from '../lib/dashboard.ts';
import { STEP_TIMEOUT_MS } from '../lib/env.ts';
import { screenshot } from '../lib/screens.ts';

declare global {
  interface Window {
    __xssFired?: string[];
  }
}

const fire = (tag: string): string => `(window.__xssFired=window.__xssFired||[]).push('${tag}');alert('${tag}')`;
const SCRIPT = `<script>${fire('theme')}</script>`;
const IMG = `<img src=x onerror="${fire('product')}">`;
const SVG = `<svg onload="${fire('constraint')}"></svg>`;
const IFRAME = `"><iframe src="javascript:${fire('evidence')}"></iframe>`;
const BOLD = `<b onmouseover="${fire('name')}">Bold</b> launch`;

const hostile: Brief = {
  name: BOLD,
  theme: `Summer launch ${SCRIPT} of the reusable bottle`,
  product: `Eco${IMG}`,
  targetAudience: `Hikers ${SVG} who hate waste`,
  tone: 'Inspiring',
  constraints: [`Mention recycling ${SVG}`],
  evidence: [`Made from 90% recycled steel ${IFRAME}`],
  platforms: ['X', 'Instagram'],
};

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

async function assertInert(page: Page, where: string): Promise<void> {
  const injected = await page.evaluate(() => ({
    fired: window.__xssFired ?? [],
    scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).map((s) => s.textContent ?? ''),
    elements: [...document.querySelectorAll('img[src="x"], svg[onload], iframe, b[onmouseover], [onerror], [onload]')]
      .map((e) => e.outerHTML.slice(0, 120)),
  }));
  assert.deepEqual(injected.fired, [], `${where}: no injected code ran`);
  assert.deepEqual(injected.scripts, [], `${where}: no inline script element exists`);
  assert.deepEqual(injected.elements, [], `${where}: no element came from the brief's markup`);
}

async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

let campaignId = '';

test('a brief full of markup, typed into the form, shows literally and runs nothing', async () => {
  const watched = await openPage(browser, { bypassCSP: true });
  const { page } = watched;
  campaignId = await createFromForm(page, hostile);
  const settled = await waitForReview(campaignId);
  await waitForBadge(page, [settled.campaign.status]);
  for (const type of ['Copy', 'ShortCopy', 'Visual'] as const) await artifact(page, type).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.mouse.move(200, 150);
  await assertInert(page, 'campaign view');
  const text = await pageText(page);
  assert.ok(text.includes(BOLD), 'the name shows as typed, tags and all');
  assert.ok(text.includes(`Eco${IMG}`), 'the product shows as typed (in the view and in the copy written from it)');
  await screenshot(page, 'xss-brief-campaign');

  await page.goto('/');
  await page.getByText(BOLD).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.getByText(BOLD).first().hover();
  await assertInert(page, 'campaign list');
  await assertClean(watched); // no dialog opened, no error
  await watched.context.close();
});

test('the same campaign under the real CSP: nothing even tries to run inline code', async () => {
  const watched = await openPage(browser);
  const { page } = watched;
  await page.goto(`/campaigns/${campaignId}`);
  await artifact(page, 'Copy').waitFor({ timeout: STEP_TIMEOUT_MS });
  await assertInert(page, 'campaign view under CSP');
  await assertAccessible(page, 'campaign with a hostile brief');
  await assertClean(watched); // includes: no CSP violation reported
  await watched.context.close();
});

test('a hostile brief created through the API renders inert in the list too', async () => {
  const viaApi = await createCampaign({ ...hostile, name: `API ${BOLD}` });
  await waitForReview(viaApi);
  const watched = await openPage(browser, { bypassCSP: true });
  await watched.page.goto('/');
  await watched.page.getByText(`API ${BOLD}`).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await assertInert(watched.page, 'campaign list with two hostile campaigns');
  await assertClean(watched);
  await watched.context.close();
});
