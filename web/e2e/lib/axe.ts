/**
 * axe-core in the page under test. The dashboard's CSP (`script-src 'self'`) would block
 * an inline <script> (page.addScriptTag with content), and loosening it with bypassCSP
 * would test a page the user never gets. So axe's source is evaluated through the
 * DevTools protocol (page.evaluate), which CSP does not govern, and the page keeps its
 * real policy while it is checked.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

declare global {
  interface Window {
    axe?: { run: (context: Document, options: object) => Promise<AxeResults> };
  }
}

function describe(violation: Result): string {
  const nodes = violation.nodes.slice(0, 3).map((node) => `      ${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ') ?? ''}`);
  return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.nodes.length} element(s))\n${nodes.join('\n')}`;
}

/** Runs axe on the whole page (WCAG 2.x A/AA and best practices) and fails on any
 * serious or critical violation; lesser ones are returned so the caller can print them. */
export async function assertAccessible(page: Page, screen: string): Promise<Result[]> {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) {
    await page.evaluate(AXE_SOURCE);
  }
  const results = await page.evaluate(async () => {
    if (window.axe === undefined) throw new Error('axe-core did not load');
    return window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
  });
  const blocking = results.violations.filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ''));
  if (blocking.length > 0) {
    throw new Error(`axe found serious or critical violations on the ${screen} screen:\n${blocking.map(describe).join('\n')}`);
  }
  const minor = results.violations.filter((v) => !BLOCKING_IMPACTS.has(v.impact ?? ''));
  if (minor.length > 0) {
    console.log(`axe (${screen}): ${minor.length} minor/moderate finding(s): ${minor.map((v) => v.id).join(', ')}`);
  }
  return minor;
}
