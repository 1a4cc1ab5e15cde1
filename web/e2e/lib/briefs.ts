/**
 * Choosing the flow test's brief under the rules as they are. The offline agents write
 * deterministically from the brief (their choices are seeded by its text) and the rules are
 * deterministic, so a brief that, created through the API, lands in review compliant with
 * at least one non-blocking finding that points at words does the same when typed into the
 * form. Probing for one keeps the browser test true when the rule packs change, instead of
 * hard-wiring which example happens to draw a finding today.
 */
import { type Brief, type Snapshot, createCampaign, exampleBrief, latestReport, waitForReview } from './api.ts';

const EXAMPLES = ['ecobottle', 'brewhaus', 'fintrack'];
const VARIANTS = ['', ' (second draft)', ' (third draft)'];

function suitable(s: Snapshot): boolean {
  if (s.campaign.status !== 'AwaitingReview') return false;
  const report = latestReport(s);
  const blocking = report.issues.some((f) => f.severity === 'High' || f.severity === 'Critical');
  return report.isCompliant && !blocking && report.issues.some((f) => f.span !== null && f.excerpt !== '');
}

export async function reviewableBrief(): Promise<Brief> {
  const tried: string[] = [];
  for (const variant of VARIANTS) {
    for (const example of EXAMPLES) {
      const brief = exampleBrief(example);
      const candidate = { ...brief, name: `${brief.name}${variant}` };
      const id = await createCampaign(candidate);
      const settled = await waitForReview(id);
      if (suitable(settled)) return candidate;
      tried.push(`${candidate.name}: ${settled.campaign.status}, score ${latestReport(settled).complianceScore}`);
    }
  }
  throw new Error(`no example brief lands in review compliant with a non-blocking finding:\n  ${tried.join('\n  ')}`);
}
