/**
 * "Check any copy": a person pastes their own text and, with the keyboard alone, gets the
 * same findings the API's audit gives, each selectable to highlight its exact words. Then
 * the campaign list (with the campaigns the other files made) as the last screen: newest
 * first, as the API lists them, and axe on it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { type AuditReport, api } from '../lib/api.ts';
import { assertAccessible } from '../lib/axe.ts';
import { assertClean, launchChromium, openPage } from '../lib/browser.ts';
import { highlightedText, shownScore, testId } from '../lib/dashboard.ts';
import { STEP_TIMEOUT_MS } from '../lib/env.ts';
import { screenshot } from '../lib/screens.ts';

const PASTED = 'EcoBottle is 100% eco-friendly and completely carbon neutral. '
  + 'It is the best bottle in the world, guaranteed. Doctors recommend it to cure headaches.';

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

test('pasted copy, checked with the keyboard alone, shows the audit\'s findings and highlights', async () => {
  const expected = await api<{ report: AuditReport }>('/api/audit', {
    method: 'POST', body: JSON.stringify({ text: PASTED, artifactType: 'Copy' }),
  });
  assert.ok(expected.report.issues.length > 0, 'the API finds something in this copy');

  const watched = await openPage(browser);
  const { page } = watched;
  await page.goto('/check');
  const box = page.getByLabel('Copy to check');
  await box.waitFor();
  await assertAccessible(page, 'check copy (empty)');
  for (let presses = 0; presses < 40 && !(await box.evaluate((el) => el === document.activeElement)); presses += 1) {
    await page.keyboard.press('Tab');
  }
  assert.ok(await box.evaluate((el) => el === document.activeElement), 'the text box is reachable with Tab');
  await page.keyboard.insertText(PASTED);
  const check = page.getByRole('button', { name: 'Check' });
  for (let presses = 0; presses < 40 && !(await check.evaluate((el) => el === document.activeElement)); presses += 1) {
    await page.keyboard.press('Tab');
  }
  assert.ok(await check.evaluate((el) => el === document.activeElement), 'the Check button is reachable with Tab');
  await page.keyboard.press('Enter');

  const cards = testId(page, 'finding');
  await cards.first().waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.equal(await cards.count(), expected.report.issues.length, 'one card per finding of the API\'s audit');
  assert.equal(await testId(page, 'audit-score').textContent(), shownScore(expected.report.complianceScore), 'the API\'s score');

  const excerpts = new Set(expected.report.issues.map((f) => f.excerpt));
  const button = cards.first().getByRole('button').first();
  await button.focus();
  await page.keyboard.press('Enter');
  const words = await highlightedText(page);
  assert.ok(excerpts.has(words), `the highlight "${words}" is one finding's exact words`);
  assert.ok(PASTED.includes(words));
  await screenshot(page, 'check-copy');
  await assertAccessible(page, 'check copy (findings)');
  await assertClean(watched);
  await watched.context.close();
});

test('the campaign list: newest first as the API lists them, with status badges', async () => {
  const listed = await api<{ items: { id: string; name: string; status: string }[] }>('/api/campaigns');
  assert.ok(listed.items.length >= 3, 'the other browser tests made campaigns');
  const watched = await openPage(browser);
  const { page } = watched;
  await page.goto('/');
  const first = listed.items[0];
  assert.ok(first !== undefined);
  await page.getByText(first.name, { exact: false }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  const links = await page.locator('a[href^="/campaigns/c-"]').evaluateAll(
    (anchors) => anchors.map((a) => (a.getAttribute('href') ?? '').replace('/campaigns/', '')));
  const shown = links.filter((id, index) => links.indexOf(id) === index);
  const expectedOrder = listed.items.map((c) => c.id).slice(0, shown.length);
  assert.deepEqual(shown, expectedOrder, 'the list is in the API\'s order (newest first)');
  const badges = await testId(page, 'status-badge').evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
  assert.deepEqual(badges.slice(0, shown.length), listed.items.slice(0, shown.length).map((c) => c.status), 'each row\'s status badge');
  // The poster thumbnails (lazy images) in view have loaded and drawn.
  await page.waitForFunction(() => {
    const inView = [...document.querySelectorAll('img')].filter((img) => img.getBoundingClientRect().top < window.innerHeight);
    return inView.length > 0 && inView.every((img) => img.complete && img.naturalWidth > 0);
  }, undefined, { timeout: STEP_TIMEOUT_MS });
  await screenshot(page, 'campaign-list');
  await assertAccessible(page, 'campaign list');
  await assertClean(watched);
  await watched.context.close();
});
