/**
 * "Apply fix" as a person uses it: a finding whose fix is mechanical (it carries a
 * `replacement`) is selected, its fix put into the draft, the draft saved, and the
 * campaign audited again. The words that draw such a finding are put into the copy first
 * through the API (the product name written in the wrong case, which the product-name
 * rule answers with the name as the brand writes it), so the test does not depend on what
 * the offline agents happen to write. The REST API is the witness: a new version written
 * by the person, the span's words replaced and nothing else changed, and the finding gone
 * from the new report.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  type ArtifactVersion, type Finding, type Snapshot, IN_REVIEW, api, createCampaign, exampleBrief, latestReport, snapshot,
  waitForReview, waitForSnapshot,
} from '../lib/api.ts';
import { assertAccessible } from '../lib/axe.ts';
import { type WatchedPage, assertClean, launchChromium, openPage } from '../lib/browser.ts';
import { artifact, shownScore, testId, waitForBadge, waitForText } from '../lib/dashboard.ts';
import { STEP_TIMEOUT_MS, USER } from '../lib/env.ts';
import { screenshot } from '../lib/screens.ts';

const FIELD = 'bodyShort';

let browser: Browser;
let watched: WatchedPage;
let page: Page;
let campaignId = '';
let planted: ArtifactVersion;
let finding: Finding;

/** The name in the wrong case: what the product-name rule must flag. */
function miscased(name: string): string {
  const lower = name.toLowerCase();
  return lower !== name ? lower : name.toUpperCase();
}

/** ``text`` with the code points [start, end) replaced, as the auditor counts offsets. */
function replaceCodePoints(text: string, start: number, end: number, replacement: string): string {
  const chars = Array.from(text);
  return [...chars.slice(0, start), replacement, ...chars.slice(end)].join('');
}

/** Review again with a new active Copy version, audited by the latest report. */
const reviewedCopyOtherThan = (id: string, previous: string) => waitForSnapshot(id,
  (s: Snapshot) => IN_REVIEW.has(s.campaign.status) && s.artifacts.Copy !== undefined && s.artifacts.Copy.id !== previous
    && latestReport(s).artifactVersionIds.Copy === s.artifacts.Copy.id,
  'review with the edited copy audited');

before(async () => {
  const brief = exampleBrief('ecobottle');
  const product = brief.product;
  campaignId = await createCampaign({ ...brief, name: `${brief.name} (apply fix)` });
  const first = await waitForReview(campaignId);
  const agents = first.artifacts.Copy;
  assert.ok(agents !== undefined, 'the agents wrote the copy');
  const wrong = miscased(product);
  const data = { ...agents.data, [FIELD]: `Meet the ${wrong}, made for hikers who refill it at every stream.` };
  await api(`/api/campaigns/${campaignId}/edits`, {
    method: 'POST',
    body: JSON.stringify({ artifactType: 'Copy', data, basedOnVersionId: agents.id, comment: 'product name in the wrong case' }),
  });
  const withMistake = await reviewedCopyOtherThan(campaignId, agents.id);
  planted = withMistake.artifacts.Copy as ArtifactVersion;
  const fixable = latestReport(withMistake).issues.filter((f) =>
    f.artifactVersionId === planted.id && f.field === FIELD && f.span !== null && typeof f.replacement === 'string');
  const found = fixable.find((f) => f.excerpt === wrong);
  assert.ok(found !== undefined,
    `the miscased name "${wrong}" draws a finding with a mechanical fix (fixable: ${JSON.stringify(fixable.map((f) => [f.ruleId, f.excerpt]))})`);
  assert.equal(found.replacement, product, 'its fix is the name as the brand writes it');
  finding = found;

  browser = await launchChromium();
  watched = await openPage(browser);
  page = watched.page;
});

after(async () => {
  await browser?.close();
});

test('Apply fix puts the finding\'s replacement into the draft, Save edit makes it a version by the person', async () => {
  await page.goto(`/campaigns/${campaignId}`);
  const status = (await snapshot(campaignId)).campaign.status;
  await waitForBadge(page, [status]);
  const card = testId(page, 'finding').filter({ hasText: finding.issueDescription });
  await card.first().waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.equal(await card.count(), 1, 'one card for the planted finding');
  await card.getByRole('button').first().click();
  assert.equal((await testId(page, 'highlight').allTextContents()).join(''), finding.excerpt, 'the finding marks its words');
  await card.getByRole('button', { name: 'Apply fix' }).click();

  const span = finding.span;
  assert.ok(span !== null);
  const before = String((planted.data as Record<string, unknown>)[FIELD]);
  const expected = replaceCodePoints(before, span.start, span.end, finding.replacement ?? '');
  assert.notEqual(expected, before);
  const copyCard = artifact(page, 'Copy');
  const box = copyCard.getByLabel('Short body', { exact: true });
  await box.waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.equal(await box.inputValue(), expected, 'the draft holds the text with the span replaced');
  await box.scrollIntoViewIfNeeded();
  await screenshot(page, 'campaign-fix-applied');
  await assertAccessible(page, 'editor with a fix applied');
  await copyCard.getByRole('button', { name: 'Save edit' }).click();

  const after = await reviewedCopyOtherThan(campaignId, planted.id);
  const fixed = after.artifacts.Copy as ArtifactVersion;
  assert.equal(fixed.agentName, USER, 'the new version is written by the person');
  assert.equal(fixed.metadata.editedBy, USER);
  assert.ok(fixed.versionNumber > planted.versionNumber, 'a new version number');
  const fixedData = fixed.data as Record<string, unknown>;
  assert.equal(fixedData[FIELD], expected, 'the words at the span are replaced');
  for (const [key, value] of Object.entries(planted.data)) {
    if (key !== FIELD) assert.deepEqual(fixedData[key], value, `${key} is as it was`);
  }

  const report = latestReport(after);
  const same = report.issues.filter((f) => f.ruleId === finding.ruleId && f.artifactType === 'Copy' && f.field === FIELD);
  assert.deepEqual(same.map((f) => f.excerpt), [], `the new report has no ${finding.ruleId} finding in ${FIELD}`);

  // The page shows the same: the saved text, the new score, and no card for the finding.
  await waitForBadge(page, [after.campaign.status]);
  await waitForText(page, 'artifact-Copy', expected);
  await waitForText(page, 'audit-score', shownScore(report.complianceScore));
  await page.waitForFunction((description) => ![...document.querySelectorAll('[data-testid="finding"]')]
    .some((el) => el.textContent?.includes(description)), finding.issueDescription, { timeout: STEP_TIMEOUT_MS });
  await copyCard.getByRole('button', { name: 'Versions' }).click();
  await waitForText(page, 'version-list-Copy', `v${fixed.versionNumber}`);
  await assertClean(watched);
});
