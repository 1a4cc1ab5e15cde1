/** Screenshots of the main screens, saved with the test output (tests/web/artifacts/);
 * the pytest entry copies them to docs/screenshots/ when E2E_UPDATE_SCREENSHOTS=1. */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from './env.ts';

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = resolve(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
