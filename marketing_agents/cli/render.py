"""Terminal rendering of campaigns, audits and events with rich.

User text (briefs, copy, findings) is always wrapped in ``Text`` so rich never reads
it as markup.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..protocol import ON_ARTIFACT_GENERATED, ON_COMPLIANCE_CHECK_COMPLETED

SEVERITY_STYLE = {"Critical": "bold red", "High": "red", "Medium": "yellow", "Low": "cyan"}
STATUS_STYLE = {
    "Approved": "bold green",
    "AwaitingReview": "green",
    "NeedsAttention": "bold yellow",
    "Cancelled": "dim",
    "Expired": "dim",
    "Failed": "bold red",
}


def status_text(status: str) -> Text:
    return Text(status, style=STATUS_STYLE.get(status, "bold blue"))


def campaign_header(campaign: dict[str, Any]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_row("Campaign", Text(f"{campaign['name']}  ({campaign['id']})"))
    grid.add_row("Status", status_text(campaign["status"]))
    if campaign.get("statusReason"):
        grid.add_row("Reason", Text(campaign["statusReason"]))
    grid.add_row("Revision / round", Text(f"{campaign['revisionNumber']} / {campaign['round']}"))
    usage = campaign.get("usage") or {}
    grid.add_row(
        "Usage",
        Text(
            f"{usage.get('llmCalls', 0)} model calls, {usage.get('tokensIn', 0)}+{usage.get('tokensOut', 0)} tokens, "
            f"{usage.get('cacheHits', 0)} cache hits, {usage.get('elapsedMs', 0):.0f} ms agent time"
        ),
    )
    approval = campaign.get("approval")
    if approval:
        grid.add_row("Approved", Text(f"by {approval['approvedBy']} at {approval['approvedAt']}"))
    return grid


def artifacts_table(artifacts: dict[str, Any]) -> Table:
    table = Table(title="Active versions", expand=True)
    for column in ("Type", "Version", "Agent / model", "Words", "Notes"):
        table.add_column(column)
    for artifact_type, version in artifacts.items():
        meta = version.get("metadata", {})
        # a person's edit has no model (metadata.model is null, editedBy names the person)
        model = (meta.get("model") or ("edited" if meta.get("editedBy") else "?")) + (
            " (cached)" if meta.get("cached") else "")
        if meta.get("fallbackUsed"):
            model += " (fallback)"
        table.add_row(
            Text(artifact_type),
            Text(f"v{version['versionNumber']} r{version['revisionNumber']}.{version['round']}"),
            Text(f"{version['agentName']} / {model}"),
            Text(str(meta.get("wordCount", ""))),
            Text("; ".join(meta.get("notes", []))[:120]),
        )
    return table


def findings_table(issues: list[dict[str, Any]], title: str = "Findings") -> Table:
    table = Table(title=title, expand=True)
    for column in ("Severity", "Rule", "Where", "Excerpt", "Suggestion"):
        table.add_column(column, overflow="fold")
    for issue in issues:
        table.add_row(
            Text(issue["severity"], style=SEVERITY_STYLE.get(issue["severity"], "")),
            Text(issue["ruleId"]),
            Text(f"{issue['artifactType']}.{issue['field']}"),
            Text(issue.get("excerpt", "")),
            Text(issue.get("suggestion", "")),
        )
    return table


def audit_summary(report: dict[str, Any]) -> Text:
    verdict = "compliant" if report["isCompliant"] else "not compliant"
    style = "green" if report["isCompliant"] else "yellow"
    return Text(
        f"Audit {report['id']}: score {report['complianceScore']:.0f} ({report['status']}), {verdict}, "
        f"{len(report.get('issues', []))} finding(s)",
        style=style,
    )


def print_snapshot(console: Console, snapshot: dict[str, Any], show_content: bool = True) -> None:
    campaign = snapshot["campaign"]
    console.print(Panel(campaign_header(campaign), title="Marketing Agents"))
    artifacts = snapshot.get("artifacts", {})
    if artifacts:
        console.print(artifacts_table(artifacts))
    if show_content:
        for artifact_type, version in artifacts.items():
            console.print(Panel(Text(version["content"]), title=f"{artifact_type} v{version['versionNumber']}"))
    report_id = campaign.get("latestAuditReportId")
    report = snapshot.get("auditReports", {}).get(report_id) if report_id else None
    if report:
        console.print(audit_summary(report))
        if report.get("issues"):
            console.print(findings_table(report["issues"]))


def campaigns_table(items: list[dict[str, Any]]) -> Table:
    table = Table(title="Campaigns", expand=True)
    table.add_column("Id", no_wrap=True)
    for column in ("Name", "Status", "Revision", "Updated"):
        table.add_column(column)
    for campaign in items:
        table.add_row(
            Text(campaign["id"]),
            Text(campaign["name"]),
            status_text(campaign["status"]),
            Text(str(campaign["revisionNumber"])),
            Text(campaign["updatedAt"]),
        )
    return table


def event_line(event: dict[str, Any]) -> Text:
    payload = event.get("payload", {})
    kind = event["type"]
    if kind == ON_ARTIFACT_GENERATED:
        detail = (
            f"{payload.get('artifactType')} v{payload.get('versionNumber')} "
            f"by {payload.get('agentName')} ({payload.get('model') or 'edited by hand'})"
        )
    elif kind == ON_COMPLIANCE_CHECK_COMPLETED:
        verdict = "compliant" if payload.get("isCompliant") else "not compliant"
        detail = f"score {payload.get('complianceScore', 0):.0f}, {verdict}, {payload.get('issueCount', 0)} finding(s)"
    else:
        detail = " ".join(f"{k}={v}" for k, v in payload.items() if v is not None and k != "content")
    return Text(f"#{event['sequence']:>3} {kind:<28} {detail}")


def render_progress(events: list[dict[str, Any]], status: str) -> Group:
    lines = [event_line(e) for e in events[-14:]]
    return Group(Text("Status: ").append(status_text(status)), *lines)
