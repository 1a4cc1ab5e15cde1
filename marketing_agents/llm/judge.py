"""The compliance engine's LLM judge, backed by the ``MODEL_JUDGE`` chain.

It implements :class:`marketing_agents.compliance.judge.Judge`: the request's texts go to
the model as tagged data blocks (like the agents' briefs) and the reply is validated as a
``JudgeVerdict``. Failures are raised, not hidden: the engine then records that the
judge did not run and keeps the rule findings (it never trusts the judge to remove one).
"""

from __future__ import annotations

from ..compliance.judge import JudgeRequest, JudgeVerdict
from ..prompts import load_prompt
from .messages import Message, as_data
from .runner import ModelRunner
from .settings import AgentRole, ModelSettings


def judge_messages(request: JudgeRequest) -> list[Message]:
    texts = [text.to_doc() for text in request.texts]
    rule_findings = [
        {"artifactType": i.artifact_type.value, "field": i.field, "excerpt": i.excerpt, "ruleId": i.rule_id}
        for i in request.rule_issues
    ]
    blocks = [
        ("brief", request.brief.to_doc()),
        ("constraints", request.constraints),
        ("texts", texts),
        ("rule_findings", rule_findings),
    ]
    user = "Review this campaign.\n\n" + "\n\n".join(f"<{tag}>\n{as_data(value)}\n</{tag}>" for tag, value in blocks)
    return [{"role": "system", "content": load_prompt("judge").text}, {"role": "user", "content": user}]


class ModelJudge:
    """A second opinion from a model; see ``build_model_judge``."""

    def __init__(self, runner: ModelRunner) -> None:
        self.runner = runner
        self.name = runner.settings.models[AgentRole.JUDGE]
        self.last_usage: tuple[int, int] = (0, 0)

    async def review(self, request: JudgeRequest) -> JudgeVerdict:
        completion = await self.runner.complete_json(AgentRole.JUDGE, judge_messages(request), JudgeVerdict)
        self.last_usage = (completion.tokens_in, completion.tokens_out)
        return completion.value


def build_model_judge(settings: ModelSettings, runner: ModelRunner | None = None) -> ModelJudge:
    """The judge for ``build_auditor(settings, judge=...)``; share ``runner`` with the agents if you like."""
    return ModelJudge(runner or ModelRunner(settings))
