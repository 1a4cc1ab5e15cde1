/**
 * One campaign through the whole flow as a person does it in the browser: create from the
 * form, watch the copy stream and the three artifacts arrive, open a finding and see its
 * exact words highlighted, edit an artifact and see it audited again, request a revision
 * and compare versions, approve, and download the export. Every screen is checked with
 * axe and photographed; the REST API is the witness of what the page shows.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  type ArtifactVersion, type AuditReport, type Brief, type Finding, ARTIFACT_TYPES, IN_REVIEW, audits, latestReport, snapshot,
  versions, waitForReview, waitForSnapshot,
} from '../lib/api.ts';
import { reviewableBrief } from '../lib/briefs.ts';
import { assertAccessible } from '../lib/axe.ts';
import { type WatchedPage, assertClean, launchChromium, openPage } from '../lib/browser.ts';
import { delays, renderedChunks } from '../lib/chunks.ts';
import {
  artifact, createFromForm, highlightedText, shownScore, testId, waitForBadge, waitForText, waitInViewport,
} from '../lib/dashboard.ts';
import { ARTIFACTS, STEP_TIMEOUT_MS, USER } from '../lib/env.ts';
import { printFigure, summary } from '../lib/figures.ts';
import { screenshot } from '../lib/screens.ts';
import { type ReceivedChunk, chunkArrivals, recordChunks } from '../lib/signalr.ts';
import { readZip } from '../lib/zip.ts';

const MAX_EXCERPT = 300; // marketing_agents/compliance/engine.py: longer excerpts end in "…"

let browser: Browser;
let watched: WatchedPage;
let page: Page;
let received: ReceivedChunk[];
let campaignId = '';
let brief: Brief;

before(async () => {
  brief = await reviewableBrief();
  browser = await launchChromium();
  watched = await openPage(browser);
  page = watched.page;
  received = recordChunks(page);
});

after(async () => {
  await browser?.close();
});

/** The words a finding's excerpt stands for: all of them, or the first 299 when cut. */
function excerptMatches(highlight: string, finding: Finding): boolean {
  if (finding.excerpt.length === MAX_EXCERPT && finding.excerpt.endsWith('…')) {
    return highlight.startsWith(finding.excerpt.slice(0, -1));
  }
  return highlight === finding.excerpt;
}

async function cardFinding(card: Locator, findings: readonly Finding[]): Promise<Finding[]> {
  const text = (await card.textContent()) ?? '';
  return findings.filter((f) => text.includes(f.issueDescription) || text.includes(f.suggestion));
}

test('create a campaign from the form', async () => {
  await page.goto('/new');
  await page.getByLabel('Theme', { exact: true }).waitFor();
  await assertAccessible(page, 'create form');
  await screenshot(page, 'create-form');
  campaignId = await createFromForm(page, brief);
  const stored = (await snapshot(campaignId)).campaign.brief;
  for (const field of ['name', 'theme', 'product', 'targetAudience', 'tone'] as const) {
    assert.equal(stored[field], brief[field], `the form sent the ${field} as typed`);
  }
  assert.deepEqual(stored.constraints, brief.constraints);
  assert.deepEqual(stored.evidence, brief.evidence);
  assert.deepEqual([...stored.platforms].sort(), [...brief.platforms].sort());
});

test('the copy streams as it is written, then all three artifacts arrive', async () => {
  await page.waitForFunction(() => (document.querySelector('[data-testid="copy-stream"]')?.textContent ?? '').trim().length > 0,
    undefined, { polling: 'raf', timeout: STEP_TIMEOUT_MS });
  await screenshot(page, 'campaign-live');
  await assertAccessible(page, 'live campaign');
  const settled = await waitForReview(campaignId);
  await waitForBadge(page, [settled.campaign.status]);
  for (const type of ARTIFACT_TYPES) {
    await artifact(page, type).waitFor({ timeout: STEP_TIMEOUT_MS });
  }
  const copy = settled.artifacts.Copy?.data as { headlines: string[] };
  const firstHeadline = copy.headlines[0] ?? '';
  await waitForText(page, 'artifact-Copy', firstHeadline);
  const posts = (settled.artifacts.ShortCopy?.data as { posts: { text: string }[] }).posts;
  const shortText = (await artifact(page, 'ShortCopy').textContent()) ?? '';
  for (const post of posts) {
    const firstLine = post.text.split('\n')[0] ?? '';
    assert.ok(shortText.includes(firstLine), `the short copy shows the post "${firstLine}"`);
  }
  const visual = settled.artifacts.Visual?.data as { concepts: { altText: string }[]; chosenIndex: number };
  const alt = visual.concepts[visual.chosenIndex]?.altText ?? '';
  assert.ok((await artifact(page, 'Visual').locator('img').evaluateAll(
    (images, wanted) => images.some((img) => (img as HTMLImageElement).alt === wanted), alt)), 'the poster has its alt text');

  const mine = received.filter((c) => c.campaignId === campaignId && c.text !== ''); // not the empty end-of-stream marker
  assert.ok(mine.length > 1, `the copy came in chunks (${mine.length})`);
  const rendered = new Set((await renderedChunks(page)).map((c) => c.eventId));
  const missing = mine.filter((c) => !rendered.has(c.eventId));
  assert.deepEqual(missing.map((c) => c.eventId), [], 'every chunk received was rendered');
  await screenshot(page, 'campaign-review');
});

test('the list shows the campaign\'s score, band and poster without reading its snapshot', async () => {
  const settled = await snapshot(campaignId);
  const listed = latestReport(settled);
  // Leave the campaign's page first: a fetch it still had in flight (a resync on a late event)
  // is that page's, not the list's, and was counted against the list under load in CI.
  await page.goto('about:blank');
  const asked: string[] = [];
  const onRequest = (request: { url: () => string }) => { asked.push(new URL(request.url()).pathname); };
  page.on('request', onRequest);
  try {
    await page.goto('/');
    const row = page.locator('li.row').filter({ has: page.locator(`a[href="/campaigns/${campaignId}"]`) });
    await row.waitFor({ timeout: STEP_TIMEOUT_MS });
    await row.getByTestId('row-score').waitFor({ timeout: STEP_TIMEOUT_MS });
    const score = (await row.getByTestId('row-score').textContent()) ?? '';
    assert.ok(score.includes(shownScore(listed.complianceScore)), `the row shows the report's score (${score})`);
    assert.match(score, new RegExp(listed.status, 'i'), 'and its band');
    const poster = row.getByTestId('row-poster');
    await page.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      await poster.elementHandle(), { timeout: STEP_TIMEOUT_MS });
    const snapshotPath = `/api/campaigns/${encodeURIComponent(campaignId)}`;
    assert.deepEqual(asked.filter((path) => path === snapshotPath), [], 'the list read no snapshot');
    await assertAccessible(page, 'campaign list');
  } finally {
    page.off('request', onRequest);
    await page.goto(`/campaigns/${encodeURIComponent(campaignId)}`);
  }
});

let report: AuditReport;

test('selecting a finding highlights exactly its words', async () => {
  report = latestReport(await snapshot(campaignId));
  assert.ok(report.issues.length > 0, 'the chosen brief draws at least one finding');
  await testId(page, 'audit-score').waitFor();
  assert.equal(await testId(page, 'audit-score').textContent(), shownScore(report.complianceScore), 'the scorecard shows the report\'s score');
  assert.match((await testId(page, 'audit-band').textContent()) ?? '', new RegExp(report.status, 'i'));
  const cards = testId(page, 'finding');
  assert.equal(await cards.count(), report.issues.length, 'one card per finding');
  const withSpans = report.issues.filter((f) => f.span !== null && f.excerpt !== '');
  let checked = 0;
  for (const card of (await cards.all()).slice(0, 4)) {
    const candidates = (await cardFinding(card, report.issues)).filter((f) => withSpans.includes(f));
    if (candidates.length === 0) continue;
    await card.getByRole('button').first().click();
    const words = await highlightedText(page);
    assert.ok(candidates.some((f) => excerptMatches(words, f)), `the highlight "${words}" is the finding's excerpt`);
    assert.ok(await testId(page, 'highlight').first().evaluate((el) => el.tagName === 'MARK'), 'the highlight is a <mark>');
    await waitInViewport(page, testId(page, 'highlight').first()); // selecting scrolls the words into view
    checked += 1;
  }
  assert.ok(checked > 0, 'at least one finding with a span was selected');
  await screenshot(page, 'campaign-finding-highlighted');
  await assertAccessible(page, 'campaign review with a finding selected');
});

let edited: ArtifactVersion;
let agentsCopy: ArtifactVersion;
const NEW_BODY = 'EcoBottle is for hikers. It keeps drinks cold. It is made from recycled steel. Recycle it.';

test('an edit by the person becomes a new version and is audited again', async () => {
  const before = await snapshot(campaignId);
  const active = before.artifacts.Copy;
  assert.ok(active !== undefined);
  const reportsBefore = (await audits(campaignId)).length;
  const copyCard = artifact(page, 'Copy');
  await copyCard.getByRole('button', { name: 'Edit' }).click();
  const data = active.data as Record<string, unknown>;
  const bodyShort = String(data.bodyShort);
  let target: Locator | undefined;
  for (const candidate of await copyCard.getByRole('textbox').all()) {
    if ((await candidate.inputValue()) === bodyShort) target = candidate;
  }
  assert.ok(target !== undefined, 'the short body is editable in place');
  const newBody = NEW_BODY;
  agentsCopy = active;
  await target.fill(newBody);
  await screenshot(page, 'campaign-edit');
  await assertAccessible(page, 'artifact editor');
  await page.getByRole('button', { name: 'Save edit' }).click();

  const after = await waitForSnapshot(campaignId,
    (s) => IN_REVIEW.has(s.campaign.status) && s.artifacts.Copy?.id !== active.id
      && latestReport(s).artifactVersionIds.Copy === s.artifacts.Copy?.id, 'review with the edited copy audited');
  edited = after.artifacts.Copy as ArtifactVersion;
  assert.equal(edited.agentName, USER, 'the new version is written by the person');
  assert.equal((edited.data as Record<string, unknown>).bodyShort, newBody);
  assert.ok((await audits(campaignId)).length > reportsBefore, 'a new audit report');
  await waitForBadge(page, [after.campaign.status]);
  await waitForText(page, 'artifact-Copy', newBody);
  await waitForText(page, 'audit-score', shownScore(latestReport(after).complianceScore));
  await copyCard.getByRole('button', { name: 'Versions' }).click();
  await waitForText(page, 'version-list-Copy', USER); // the person is named as the version's author
  await screenshot(page, 'campaign-edited');
});


test('a revision request brings new versions, and two versions can be compared', async () => {
  const before = await snapshot(campaignId);
  const form = page.getByRole('form', { name: 'Request a revision' });
  await form.getByLabel('Feedback').fill('Keep every sentence short and end with a clear call to action.');
  await form.scrollIntoViewIfNeeded();
  await screenshot(page, 'revision-form');
  await form.getByRole('button', { name: 'Request revision' }).click();
  const revised = await waitForSnapshot(campaignId,
    (s) => IN_REVIEW.has(s.campaign.status) && s.campaign.revisionNumber > before.campaign.revisionNumber, 'the revised review');
  await waitForBadge(page, [revised.campaign.status]);
  const copyVersions = await versions(campaignId, 'Copy');
  assert.ok(copyVersions.length >= 3, 'agent, person, revision');
  for (const type of ARTIFACT_TYPES) {
    assert.equal(revised.artifacts[type]?.revisionNumber, revised.campaign.revisionNumber, `a new ${type} version for the revision`);
  }
  await page.waitForFunction((n) => (document.querySelectorAll('[data-testid="version-list-Copy"] li').length) >= n,
    copyVersions.length, { timeout: STEP_TIMEOUT_MS });
  await waitForText(page, 'version-list-Copy', `revision ${revised.campaign.revisionNumber}`);
  // The agent's version against the person's edit: the words the person wrote are the
  // inserted ones, the sentence they replaced the deleted ones.
  const copyCard = artifact(page, 'Copy');
  await copyCard.getByLabel(/^Older .*version/).selectOption({ label: `v${agentsCopy.versionNumber}` });
  await copyCard.getByLabel(/^Newer .*version/).selectOption({ label: `v${edited.versionNumber}` });
  await copyCard.getByRole('button', { name: 'Compare' }).click();
  const diff = testId(page, 'diff-view');
  await diff.waitFor({ timeout: STEP_TIMEOUT_MS });
  const added = (await diff.locator('ins').allTextContents()).join(' ');
  const removed = (await diff.locator('del').allTextContents()).join(' ');
  const words = (text: string): string[] => text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3);
  const oldBody = String((agentsCopy.data as Record<string, unknown>).bodyShort);
  const insertedExpected = words(NEW_BODY).filter((w) => !words(oldBody).includes(w));
  const deletedExpected = words(oldBody).filter((w) => !words(NEW_BODY).includes(w));
  assert.ok(insertedExpected.length > 0 && deletedExpected.length > 0);
  for (const word of insertedExpected) assert.ok(words(added).includes(word), `"${word}" is marked inserted`);
  for (const word of deletedExpected) assert.ok(words(removed).includes(word), `"${word}" is marked deleted`);
  for (const word of words(added)) assert.ok(words(NEW_BODY).includes(word) || edited.content.includes(word), `inserted "${word}" is the person's`);
  await diff.scrollIntoViewIfNeeded();
  await screenshot(page, 'campaign-diff');
  await assertAccessible(page, 'version diff');
});

test('approve, and the approval record says who, which versions and which score', async () => {
  const approve = page.getByRole('button', { name: 'Approve' });
  const report = latestReport(await snapshot(campaignId));
  const blocking = report.issues.filter((f) => f.severity === 'High' || f.severity === 'Critical');
  assert.deepEqual(blocking.map((f) => f.ruleId), [], 'nothing blocks approval of the revised campaign');
  assert.ok(await approve.isEnabled(), 'Approve is enabled');
  await page.getByLabel('Approval comment (optional)').fill('Ready to ship.');
  await approve.click();
  const approved = await waitForSnapshot(campaignId, (s) => s.campaign.status === 'Approved', 'Approved');
  const record = testId(page, 'approval-record');
  await record.waitFor({ timeout: STEP_TIMEOUT_MS });
  const text = (await record.textContent()) ?? '';
  assert.ok(text.includes(USER), 'the record names the approver');
  assert.ok(text.includes(shownScore(latestReport(approved).complianceScore)), 'the record shows the score');
  assert.ok(text.includes('Ready to ship.'), 'the record shows the comment');
  for (const id of Object.values(approved.campaign.activeVersionIds)) assert.ok(text.includes(id), `the record names version ${id}`);
  await screenshot(page, 'campaign-approved');
  await assertAccessible(page, 'approved campaign');
});

test('the export downloads as a zip with everything the contract lists', async () => {
  const final = await snapshot(campaignId);
  const download = page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS });
  await page.getByRole('button', { name: 'Download export' }).or(page.getByRole('link', { name: 'Download export' })).click();
  const file = await download;
  assert.match(file.suggestedFilename(), new RegExp(`-${campaignId}\\.zip$`));
  const path = resolve(ARTIFACTS, 'export.zip');
  await file.saveAs(path);
  const zip = await readZip(path);
  const visual = final.artifacts.Visual as ArtifactVersion;
  const reports = await audits(campaignId);
  const expected = ['README.txt', 'brief.json', 'copy.md', 'short-copy.csv', `poster/${visual.id}.svg`, `poster/${visual.id}.png`,
    'poster/alt-text.txt', 'approval.json', ...reports.map((r) => `audits/${r.id}.json`)];
  for (const name of expected) assert.ok(zip.names.includes(name), `the export has ${name} (it has ${zip.names.join(', ')})`);

  assert.deepEqual(JSON.parse(await zip.text('brief.json')), final.campaign.brief);
  const copy = final.artifacts.Copy?.data as { headlines: string[] };
  assert.ok((await zip.text('copy.md')).includes(copy.headlines[0] ?? '?'), 'copy.md is the active copy');
  const csv = (await zip.text('short-copy.csv')).replace(/\r\n/g, '\n').trimEnd().split('\n');
  assert.equal(csv[0], 'platform,variant,text,length,limit,hashtags');
  assert.ok(csv.length > 1, 'the CSV has the posts');
  const png = await zip.bytes(`poster/${visual.id}.png`);
  assert.deepEqual([...png.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the PNG is a PNG');
  assert.match(await zip.text(`poster/${visual.id}.svg`), /<svg[\s>]/);
  const data = visual.data as { concepts: { altText: string }[]; chosenIndex: number };
  assert.ok((await zip.text('poster/alt-text.txt')).includes(data.concepts[data.chosenIndex]?.altText ?? '?'));
  for (const r of reports) assert.equal(JSON.parse(await zip.text(`audits/${r.id}.json`)).id, r.id);
  const approval = JSON.parse(await zip.text('approval.json')) as Record<string, unknown>;
  assert.deepEqual(approval, { approved: true, ...final.campaign.approval }, 'approval.json is the approval record');
});

test('figures: chunk delay from server send to render', async () => {
  const measured = delays(received, await renderedChunks(page), await chunkArrivals(page));
  printFigure('chunk delay, server send → browser render', summary(measured.total));
  printFigure('  of which server send → page received', summary(measured.delivery));
  printFigure('  of which page received → rendered', summary(measured.render));
  await assertClean(watched);
});
