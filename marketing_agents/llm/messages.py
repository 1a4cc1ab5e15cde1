"""Chat messages for one artifact: fixed instructions first, user content as data.

The brief, the previous artifact, the person's revision notes and the auditor's
findings are all content written by someone other than us, so each goes into its own
tagged block as JSON. ``<`` and ``>`` are escaped inside the JSON, so no text in a brief
can close its block or forge another one: a brief that says "ignore your instructions"
stays a (strange) brief.
"""

from __future__ import annotations

import json
from typing import Any

from ..agents.base import AgentContext
from ..models import ArtifactType
from ..prompts import Prompt, load_prompt

Message = dict[str, str]


def as_data(value: Any) -> str:
    """JSON with ``<``, ``>`` and ``&`` escaped, safe to place between tags."""
    text = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _block(tag: str, value: Any) -> str:
    return f"<{tag}>\n{as_data(value)}\n</{tag}>"


def system_message(task: Prompt) -> str:
    return f"{load_prompt('system').text}\n\n{task.text}"


def user_message(context: AgentContext) -> str:
    """The campaign data for this artifact, each source in its own block."""
    brief = context.brief
    parts = ["Write the artifact for this campaign.", _block("brief", brief.to_doc())]
    if context.artifact_type is ArtifactType.SHORT_COPY:
        parts.append(_block("platforms", [p.value for p in brief.requested_platforms()]))
    if context.previous is not None:
        parts.append("This is a new version of the artifact below: keep what works, change what is asked.")
        parts.append(_block("previous_artifact", context.previous.data.to_doc()))
    if context.revision is not None:
        request = {
            "feedback": context.revision.user_feedback,
            "specificChanges": context.revision.specific_changes,
        }
        parts.append(_block("revision_request", request))
    if context.audit_issues or context.audit_feedback:
        findings = {
            "feedback": context.audit_feedback or "",
            "issues": [
                {
                    "field": issue.field,
                    "excerpt": issue.excerpt,
                    "problem": issue.issue_description,
                    "severity": issue.severity.value,
                    "fix": issue.suggestion,
                }
                for issue in context.audit_issues
                if issue.artifact_type is context.artifact_type
            ],
        }
        parts.append(_block("audit_findings", findings))
    return "\n\n".join(parts)


def build_messages(task: Prompt, context: AgentContext) -> list[Message]:
    return [
        {"role": "system", "content": system_message(task)},
        {"role": "user", "content": user_message(context)},
    ]


def schema_reminder(schema: dict[str, Any]) -> str:
    """For servers without structured outputs (``json_object``): the schema in words."""
    return "Reply with one JSON object that matches this JSON schema:\n" + json.dumps(schema)


def correction_message(error: str) -> str:
    """Sent with the rejected reply so the model can fix exactly what was wrong."""
    return (
        "Your reply was rejected because it is not valid for the required format:\n"
        f"{error[:2000]}\nReply again with the complete, corrected JSON object only."
    )
