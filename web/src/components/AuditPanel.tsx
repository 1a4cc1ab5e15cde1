/**
 * The audit at a glance (score, band, category scores), what blocks approval, and the
 * findings grouped by artifact and severity. Selecting a finding marks its exact words in
 * the artifact and shows the suggestion and its source; regulatory findings are labelled
 * apart from brand style advice.
 */
import { findingKey, findingKind, fixReplacement, groupFindings, isBlocking } from "../lib/findings";
import type { AuditReport, ComplianceIssue, CategoryScores } from "../lib/types";
import { ARTIFACT_LABEL, BandBadge, formatScore } from "./common";

const CATEGORY_LABEL: Record<keyof CategoryScores, string> = {
  regulatory: "Regulatory",
  risk: "Risk",
  accessibility: "Accessibility",
  clarity: "Clarity",
  tone: "Tone",
};

export function Scorecard({ report }: { report: AuditReport }) {
  const band = report.status;
  return (
    <div className="scorecard">
      <div className={`score score-${band.toLowerCase()}`}>
        <span className="score-value" data-testid="audit-score">{formatScore(report.complianceScore)}</span>
        <span className="score-of">/ 100</span>
      </div>
      <div>
        <BandBadge band={band} testId="audit-band" />
        <p className="muted small">
          {report.isCompliant ? "Compliant" : "Not compliant"} · revision {report.revisionNumber}, round {report.round}
          {report.checkedBy.length > 0 ? ` · checked by ${report.checkedBy.join(", ")}` : ""}
        </p>
        {report.notChecked.length > 0 && <p className="muted small">Not checked: {report.notChecked.join("; ")}</p>}
      </div>
      <dl className="categories">
        {(Object.keys(CATEGORY_LABEL) as (keyof CategoryScores)[]).map((key) => {
          const value = report.categoryScores[key];
          return (
            <div key={key} className="category">
              <dt>{CATEGORY_LABEL[key]}</dt>
              <dd>
                <meter min={0} max={100} low={60} high={80} optimum={100} value={value} aria-label={`${CATEGORY_LABEL[key]} score`} />
                <span>{formatScore(value)}</span>
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}

function FindingCard({ issue, index, selected, onSelect, onApplyFix, canFix, stale }: {
  issue: ComplianceIssue;
  index: number;
  selected: boolean;
  onSelect: (key: string | null) => void;
  onApplyFix: ((issue: ComplianceIssue) => void) | null;
  canFix: boolean;
  stale: boolean;
}) {
  const key = findingKey(issue, index);
  const kind = findingKind(issue);
  const replacement = canFix ? fixReplacement(issue) : null;
  const detailsId = `finding-${index}-details`;
  return (
    <li className={`finding finding-${issue.severity.toLowerCase()}${selected ? " finding-selected" : ""}`} data-testid="finding">
      <div className="finding-head">
        <span className={`sev sev-${issue.severity.toLowerCase()}`}>{issue.severity}</span>
        <span className={`kind kind-${kind.toLowerCase().replace(/\s+/g, "-")}`}>{kind}</span>
        {isBlocking(issue) && <span className="tag tag-bad">Blocks approval</span>}
      </div>
      <button
        type="button"
        className="finding-select"
        aria-pressed={selected}
        aria-controls={detailsId}
        onClick={() => onSelect(selected ? null : key)}
      >
        “{issue.excerpt || issue.field}”
        <span className="muted small"> in {issue.field}</span>
      </button>
      <p>{issue.issueDescription}</p>
      <div id={detailsId} hidden={!selected} className="finding-details">
        {issue.suggestion && <p><strong>Suggestion:</strong> {issue.suggestion}</p>}
        {issue.source && <p className="muted small"><strong>Source:</strong> {issue.source}</p>}
        <p className="muted small">Rule <code>{issue.ruleId}</code>{stale ? " · about an earlier version" : ""}</p>
        {replacement !== null && onApplyFix && (
          <button type="button" className="btn btn-small" onClick={() => onApplyFix(issue)}>
            Apply fix
          </button>
        )}
        {replacement !== null && (
          <span className="muted small"> {replacement === "" ? "removes these words" : `replaces them with “${replacement}”`}</span>
        )}
      </div>
    </li>
  );
}

/** Blocking findings, one line per artifact and rule (a rule often fires in many places). */
function blockingSummary(blocking: ComplianceIssue[]): { key: string; issue: ComplianceIssue; count: number }[] {
  const lines = new Map<string, { key: string; issue: ComplianceIssue; count: number }>();
  for (const issue of blocking) {
    const key = `${issue.artifactType}:${issue.ruleId}`;
    const line = lines.get(key);
    if (line) line.count += 1;
    else lines.set(key, { key, issue, count: 1 });
  }
  return [...lines.values()];
}

export function Findings({ report, selected, onSelect, onApplyFix, canFix, activeVersionIds }: {
  report: AuditReport;
  selected: string | null;
  onSelect: (key: string | null) => void;
  onApplyFix: ((issue: ComplianceIssue) => void) | null;
  /** Whether this finding's fix can be applied now (in review, to the active version's words). */
  canFix: (issue: ComplianceIssue) => boolean;
  /** The campaign's active versions (findings about other versions are marked so); null on the check page. */
  activeVersionIds: Partial<Record<string, string>> | null;
}) {
  const groups = groupFindings(report.issues);
  const blocking = report.issues.filter(isBlocking);
  return (
    <div className="findings">
      {blocking.length > 0 ? (
        <div className="blocking" role="note">
          <strong>{blocking.length} finding{blocking.length === 1 ? "" : "s"} block approval</strong> (High or Critical):
          <ul>
            {blockingSummary(blocking).map((line) => (
              <li key={line.key}>
                {ARTIFACT_LABEL[line.issue.artifactType]}: {line.issue.issueDescription.split(/(?<=\.)\s/)[0]}
                {line.count > 1 ? ` (${line.count} places)` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted">Nothing blocks approval.</p>
      )}
      {report.issues.length === 0 && <p>No findings. </p>}
      {groups.map((group) => (
        <section key={`${group.artifactType}-${group.severity}`} aria-label={`${ARTIFACT_LABEL[group.artifactType]}, ${group.severity}`}>
          <h3 className="group-title">
            {ARTIFACT_LABEL[group.artifactType]} · {group.severity} ({group.items.length})
          </h3>
          <ul className="finding-list">
            {group.items.map(({ issue, index }) => (
              <FindingCard
                key={index}
                issue={issue}
                index={index}
                selected={selected === findingKey(issue, index)}
                onSelect={onSelect}
                onApplyFix={onApplyFix}
                canFix={canFix(issue)}
                stale={activeVersionIds !== null && activeVersionIds[issue.artifactType] !== issue.artifactVersionId}
              />
            ))}
          </ul>
        </section>
      ))}
      {report.issuesOmitted > 0 && <p className="muted">{report.issuesOmitted} less severe findings were not listed.</p>}
    </div>
  );
}
