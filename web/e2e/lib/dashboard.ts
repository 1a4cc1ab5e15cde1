/**
 * The dashboard's screens as a person uses them, through the stable hooks of the issue 11
 * contract (labels, roles, button names, data-testids). Kept in one module so that a
 * change of markup is mended in one place, not in every test.
 */
import type { Locator, Page } from 'playwright-core';
import type { ArtifactType, Brief } from './api.ts';
import { STEP_TIMEOUT_MS } from './env.ts';

export const testId = (page: Page | Locator, id: string): Locator => page.getByTestId(id);

/** Fills one of the brief's editable lists (Constraints, Evidence): its items, one per
 * text field, adding fields with the list's "Add" button as needed. */
async function fillList(page: Page, label: string, items: readonly string[]): Promise<void> {
  const group = page.getByRole('group', { name: label, exact: true });
  for (const [index, item] of items.entries()) {
    let boxes = group.getByRole('textbox');
    if ((await boxes.count()) <= index) {
      await group.getByRole('button', { name: /^add/i }).click();
      boxes = group.getByRole('textbox');
    }
    await boxes.nth(index).fill(item);
  }
}

/** The create form, filled with ``brief`` as a person would (visible labels only). */
export async function fillBriefForm(page: Page, brief: Brief): Promise<void> {
  await page.getByLabel('Name', { exact: true }).fill(brief.name);
  await page.getByLabel('Theme', { exact: true }).fill(brief.theme);
  await page.getByLabel('Product', { exact: true }).fill(brief.product);
  await page.getByLabel('Target audience', { exact: true }).fill(brief.targetAudience);
  await page.getByLabel('Tone', { exact: true }).fill(brief.tone);
  await fillList(page, 'Constraints', brief.constraints);
  await fillList(page, 'Evidence', brief.evidence);
  const platforms = page.getByRole('group', { name: 'Platforms' });
  for (const box of await platforms.getByRole('checkbox').all()) {
    const name = (await box.getAttribute('value')) ?? (await box.evaluate((el) => el.closest('label')?.textContent?.trim() ?? ''));
    await box.setChecked(brief.platforms.includes(name));
  }
}

/** Creates the campaign from the form and returns its id (from the URL it opens). */
export async function createFromForm(page: Page, brief: Brief): Promise<string> {
  await page.goto('/new');
  await fillBriefForm(page, brief);
  await page.getByRole('button', { name: 'Create campaign' }).click();
  await page.waitForURL(/\/campaigns\/c-[0-9a-f]+$/, { timeout: STEP_TIMEOUT_MS });
  const id = /\/campaigns\/(c-[0-9a-f]+)$/.exec(page.url())?.[1];
  if (id === undefined) throw new Error(`the form did not open a campaign (at ${page.url()})`);
  return id;
}

export const artifact = (page: Page, type: ArtifactType): Locator => testId(page, `artifact-${type}`);

/** Waits until the campaign view's status badge shows one of ``statuses`` (its
 * `data-status`); liveness bound only. */
export async function waitForBadge(page: Page, statuses: readonly string[]): Promise<string> {
  await page.waitForFunction(
    (wanted) => wanted.includes(document.querySelector('[data-testid="status-badge"]')?.getAttribute('data-status') ?? ''),
    statuses,
    { timeout: STEP_TIMEOUT_MS },
  );
  return (await testId(page, 'status-badge').getAttribute('data-status')) ?? '';
}

/** A score as the dashboard prints it (one decimal, none when whole). */
export const shownScore = (score: number): string => score.toFixed(1).replace(/\.0$/, '');

/** Waits until the element with ``id`` (a data-testid) contains ``text``. */
export async function waitForText(page: Page, id: string, text: string): Promise<void> {
  await page.waitForFunction(([tid, words]) => document.querySelector(`[data-testid="${tid}"]`)?.textContent?.includes(words) ?? false,
    [id, text] as const, { timeout: STEP_TIMEOUT_MS });
}

/** Waits until the live view's connection state (the banner's `data-state`) is, or is not, ``state``. */
export async function waitForConnection(page: Page, state: string, is = true): Promise<void> {
  await page.waitForFunction(([wanted, same]) => {
    const now = document.querySelector('[data-testid="connection-banner"]')?.getAttribute('data-state') ?? '';
    return same ? now === wanted : now !== '' && now !== wanted;
  }, [state, is] as const, { timeout: STEP_TIMEOUT_MS });
}

/** Waits until ``locator``'s element is inside the viewport (e.g. after a smooth scroll). */
export async function waitInViewport(page: Page, locator: Locator): Promise<void> {
  const element = await locator.elementHandle();
  await page.waitForFunction((el) => {
    const box = (el as Element).getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  }, element, { timeout: STEP_TIMEOUT_MS });
}

/** The words of the <mark> of the selected finding, as the person sees them. */
export async function highlightedText(page: Page): Promise<string> {
  const marks = testId(page, 'highlight');
  await marks.first().waitFor({ timeout: STEP_TIMEOUT_MS });
  return (await marks.allTextContents()).join('');
}
