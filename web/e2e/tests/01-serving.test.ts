/**
 * The dashboard as the browser gets it: same origin as the API, a strict CSP and the
 * other security headers on every dashboard response, client-side routes answered with
 * the app, an unknown file a 404 problem — and the campaign list, checked with axe.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertAccessible } from '../lib/axe.ts';
import { assertClean, launchChromium, openPage } from '../lib/browser.ts';
import { BASE_URL } from '../lib/env.ts';
import { screenshot } from '../lib/screens.ts';

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

function directives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

test('every dashboard response carries the strict CSP and security headers', async () => {
  for (const path of ['/', '/new', '/check', '/campaigns/c-0000000000000000']) {
    const response = await fetch(`${BASE_URL}${path}`);
    assert.equal(response.status, 200, `${path} answers the app`);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(response.headers.get('cache-control'), 'no-cache', `${path} is revalidated`);
    const policy = directives(response.headers.get('content-security-policy') ?? '');
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    assert.deepEqual(policy.get('script-src'), ["'self'"], 'no inline or eval script');
    assert.deepEqual(policy.get('style-src'), ["'self'"], 'no inline style');
    assert.deepEqual(policy.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(policy.get('base-uri'), ["'none'"]);
    assert.ok(policy.get('connect-src')?.includes("'self'"));
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    const html = await response.text();
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, 'index.html has no inline script');
    assert.doesNotMatch(html, /<style/i, 'index.html has no inline style');
  }
});

test('built assets are immutable and an unknown file is a 404 problem', async () => {
  const html = await (await fetch(`${BASE_URL}/`)).text();
  const script = /<script[^>]*\bsrc="([^"]+)"/.exec(html)?.[1];
  assert.ok(script?.startsWith('/assets/'), `the app's script is a built asset (${script})`);
  const asset = await fetch(`${BASE_URL}${script}`);
  assert.equal(asset.status, 200);
  assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
  const missing = await fetch(`${BASE_URL}/assets/no-such-file-0000.js`);
  assert.equal(missing.status, 404);
  assert.match(missing.headers.get('content-type') ?? '', /application\/problem\+json/);
});

test('the campaign list renders under its CSP with no serious accessibility violation', async () => {
  const watched = await openPage(browser);
  const { page } = watched;
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await assertAccessible(page, 'campaign list');
  await screenshot(page, 'campaign-list-empty');
  await assertClean(watched);
  await watched.context.close();
});
