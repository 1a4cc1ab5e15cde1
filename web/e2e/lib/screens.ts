/** Screenshots of the main screens, saved with the test output (tests/web/artifacts/);
 * the pytest entry copies the main ones to docs/screenshots/ when E2E_UPDATE_SCREENSHOTS=1.
 * Each is the viewport (1400×1000) as the person sees it at that step — the view scrolls
 * to what the step is about — not the whole page, which runs to several screens. */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from './env.ts';

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = resolve(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  return path;
}
