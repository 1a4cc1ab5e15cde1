"""The judge on the claims the rules could not classify, through the real openai SDK and
the project's fake OpenAI server: what it is sent (claims with spans), what of its answer
is kept (verified spans, repaired when off, dropped when the excerpt is not in the text),
and the evaluation harness scoring rules + judge with any configured model."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from marketing_agents.compliance.base import ArtifactLayout, AuditContext
from marketing_agents.compliance.engine import RuleEngineAuditor
from marketing_agents.compliance.evaluation import evaluate, load_corpus
from marketing_agents.llm.judge import build_model_judge
from marketing_agents.models import ArtifactType, CampaignBrief

from .conftest import model_settings
from .fake_openai import FakeOpenAI, Reply

ROOT = Path(__file__).resolve().parents[2]
CAMPAIGN = "c-00000000000000c1"
TEXT = "Meet EcoBottle. Our tonic sharpens your mind in minutes. Doctors recommend it."


def claims_sent(body: dict[str, Any]) -> list[dict[str, Any]]:
    user = body["messages"][1]["content"]
    block = user.split("<unclassified_claims>\n")[1].split("\n</unclassified_claims>")[0]
    return list(json.loads(block))


def judge_of_sharpening(body: dict[str, Any]) -> Reply:
    """A stand-in model: flags each unclassified claim about sharpening the mind, with a
    span that is off by two characters (as models' offsets often are), plus one invented
    excerpt that must be dropped and one repeat of a rule finding that must be dropped."""
    findings = []
    for claim in claims_sent(body):
        text, start = claim["text"], claim["span"]["start"]
        if "sharpens" in text:
            offset = text.index("sharpens your mind")
            findings.append({
                "artifactType": claim["artifactType"], "field": claim["field"], "excerpt": "sharpens your mind",
                "span": {"start": start + offset + 2, "end": start + offset + 20},
                "issueDescription": "Cognitive health claim without evidence", "severity": "High",
                "suggestion": "Remove it", "category": "regulatory", "area": "health", "constraint": None,
                "fix": None,
            })
            findings.append({**findings[-1], "excerpt": "cures everything", "span": None})
            findings.append({**findings[-1], "excerpt": "Doctors recommend", "span": None})
    return Reply(json.dumps({"findings": findings, "checkedConstraints": []}))


def context(text: str) -> AuditContext:
    layout = ArtifactLayout(id=f"{CAMPAIGN}-copy-v1", campaign_id=CAMPAIGN, type=ArtifactType.COPY,
                            data={"bodyLong": text})
    brief = CampaignBrief(theme="Summer", product="EcoBottle", target_audience="Adults", tone="Warm")
    return AuditContext(report_id=f"{CAMPAIGN}-audit-1", campaign_id=CAMPAIGN, brief=brief,
                        texts={ArtifactType.COPY: layout})


def test_the_judge_gets_the_unclassified_claims_and_its_spans_are_verified(fake: FakeOpenAI) -> None:
    fake.responder = judge_of_sharpening
    auditor = RuleEngineAuditor(judge=build_model_judge(model_settings(fake, MODEL_JUDGE="judge")))
    report = asyncio.run(auditor.audit(context(TEXT)))

    sent = claims_sent(fake.chat_requests()[0])
    assert [c["text"] for c in sent] == ["Our tonic sharpens your mind in minutes."]  # the rest is decided
    assert TEXT[sent[0]["span"]["start"]:sent[0]["span"]["end"]] == sent[0]["text"]

    judged = [i for i in report.issues if i.rule_id.startswith("judge.")]
    assert [i.rule_id for i in judged] == ["judge.health"]  # invented and repeated excerpts dropped
    span = judged[0].span
    assert span is not None and TEXT[span.start:span.end] == "sharpens your mind" == judged[0].excerpt
    assert "endorse.expert" in {i.rule_id for i in report.issues}
    assert any(c.startswith("judge:") for c in report.checked_by)


CORPUS = """\
version: 2
split: dev
labelled_by: test
snippets:
  - id: t-cognitive
    area: health
    industry: supplements
    text: Our tonic sharpens your mind in minutes.
    expect: [{severity: High}]
  - id: t-clean
    area: health
    industry: drinks
    text: Meet us at the beach this weekend.
    expect: []
"""


def test_the_harness_scores_rules_plus_judge(fake: FakeOpenAI, tmp_path: Path) -> None:
    fake.responder = judge_of_sharpening
    path = tmp_path / "corpus.yaml"
    path.write_text(CORPUS, encoding="utf-8")
    snippets = load_corpus(path)

    rules_only = evaluate(snippets)
    assert rules_only.blocking.recall == 0.0  # no rule knows "sharpens your mind"
    judged = evaluate(snippets, RuleEngineAuditor(judge=build_model_judge(model_settings(fake, MODEL_JUDGE="j"))))
    assert judged.blocking.recall == 1.0 and judged.blocking.precision == 1.0 and judged.clean_flagged == []
    assert judged.confusion[("High", "High")] == 1


def test_the_bench_runs_the_judge_from_the_model_settings(fake: FakeOpenAI, tmp_path: Path) -> None:
    fake.responder = judge_of_sharpening
    path = tmp_path / "probe.yaml"
    path.write_text(CORPUS, encoding="utf-8")
    env = {**os.environ, "MODEL_PROVIDER": "openai_compatible", "MODEL_BASE_URL": fake.base_url,  # type: ignore[attr-defined]
           "MODEL_NAME": "any-model", "AGENT_CACHE_BACKEND": "none", "MODEL_RETRY_BASE_SECONDS": "0.01"}
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "audit_eval.py"), "--judge", "--corpus", str(path),
                           "--runs", "0"], env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "probe (rules + judge) split: 2 snippets" in done.stdout
    assert "recall 1.000 (1/1)" in done.stdout
    assert {body["model"] for body in fake.chat_requests()} == {"any-model"}


def test_the_bench_says_when_no_model_is_configured() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODEL_")}
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "audit_eval.py"), "--judge", "--runs", "0"],
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "--judge needs a model" in done.stderr
