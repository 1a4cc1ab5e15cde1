"""The learned second opinion: what it may demote, what it may add, and how the auditor
runs without it. The cut-off logic is tested against a model whose probabilities the test
sets (a real :class:`LearnedModel` fitted on a few snippets, with ``probabilities``
overridden); the packaged model itself is tested on the corpora and in the auditor."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from helpers import CAMPAIGN, audit, brief, copy

from marketing_agents.compliance import build_auditor, learned
from marketing_agents.compliance.base import AuditContext
from marketing_agents.compliance.engine import RuleEngineAuditor
from marketing_agents.compliance.evaluation import load_corpus
from marketing_agents.compliance.fields import artifact_fields
from marketing_agents.compliance.learned import CLAIM_AREAS, LearnedModel, ModelUnavailable, TrainingExample, train
from marketing_agents.compliance.learned_build import main as build_main
from marketing_agents.compliance.second_opinion import (
    ADD_FROM,
    DEMOTE_BELOW,
    DEMOTE_GENERAL_BELOW,
    NO_AREA_FROM,
    PROMOTE_FROM,
    apply_second_opinion,
)
from marketing_agents.models import ArtifactType, Severity
from marketing_agents.settings import load_settings

CORPORA = Path(__file__).resolve().parent / "corpora"


def _tiny_model() -> LearnedModel:
    """A real fitted model (vectorisers and classifiers) on a few made-up documents."""
    texts = ["cures colds overnight", "planet-kind packaging", "guaranteed returns", "doctors recommend it",
             "the best bottle ever", "a plain steel bottle", "a cold drink for hot days", "summer is here"]
    examples = [TrainingExample(t, frozenset({area})) for t, area in zip(texts, CLAIM_AREAS, strict=False)]
    examples += [TrainingExample(t, frozenset()) for t in texts[5:]] * 2
    return train(examples, ["made-up"])


@dataclass(frozen=True)
class FixedModel(LearnedModel):
    """The tiny model, answering the probabilities the test chose (0.3 for an area it did
    not choose: no blocking problem, not doubted either)."""

    fixed: dict[str, float] = field(default_factory=dict)
    exactly: dict[str, dict[str, float]] = field(default_factory=dict)  # a text's own answer

    def probabilities(self, documents: Sequence[str]) -> list[dict[str, float]]:
        answers = []
        for doc in documents:
            text = doc.partition(" || evidence:")[0]
            chosen = self.exactly.get(text, self.fixed)
            answers.append({area: chosen.get(area, 0.3) for area in CLAIM_AREAS})
        return answers


def fixed(exactly: dict[str, dict[str, float]] | None = None, **probabilities: float) -> FixedModel:
    base = _tiny_model()
    return FixedModel(base.version, base.trained_on, base.sources, base.words, base.chars, base.classifiers,
                      fixed=probabilities, exactly=exactly or {})


def context(**copy_fields: str) -> AuditContext:
    return AuditContext(report_id=f"{CAMPAIGN}-audit-r0-0", campaign_id=CAMPAIGN, brief=brief(evidence=[]),
                        artifacts={ArtifactType.COPY: copy(**copy_fields)})


HEALTH_CLAIM = "Meet EcoBottle. Water from it boosts your immunity."


def _rules_and_fields(ctx: AuditContext):  # type: ignore[no-untyped-def]
    run = RuleEngineAuditor().run_rules(ctx)
    fields = {t: artifact_fields(a) for t, a in ctx.layouts().items()}
    return run.findings, fields


def test_a_doubted_high_claim_finding_is_kept_at_medium_with_the_reason() -> None:
    findings, fields = _rules_and_fields(context(bodyShort=HEALTH_CLAIM))
    highs = [f for f in findings if f.issue.rule_id.startswith("health.") and f.issue.severity is Severity.HIGH]
    assert highs, [f.issue.rule_id for f in findings]
    out = apply_second_opinion(fixed(health=DEMOTE_BELOW / 2), findings, fields, [])
    by_id = {(f.issue.rule_id, f.issue.excerpt): f.issue for f in out}
    for high in highs:
        kept = by_id[(high.issue.rule_id, high.issue.excerpt)]
        assert kept.severity is Severity.MEDIUM
        assert kept.span == high.issue.span and kept.fix == high.issue.fix
        assert "Second opinion" in kept.issue_description and f"{DEMOTE_BELOW / 2:.0%}" in kept.issue_description
    assert len(out) == len(findings)  # nothing hidden


def test_a_text_the_model_finds_wrong_in_another_area_is_not_demoted() -> None:
    """Rules and reviewers file some claims under different areas; the model must doubt
    every area before it vouches for the text."""
    findings, fields = _rules_and_fields(context(bodyShort=HEALTH_CLAIM))
    out = apply_second_opinion(fixed(health=DEMOTE_BELOW / 2, advertising=NO_AREA_FROM), findings, fields, [])
    assert [f.issue.severity for f in out] == [f.issue.severity for f in findings]
    out = apply_second_opinion(fixed(health=DEMOTE_BELOW / 2, advertising=NO_AREA_FROM - 0.01), findings, fields, [])
    assert any(f.issue.severity is Severity.MEDIUM and f.issue.rule_id.startswith("health.") for f in out)


def test_a_general_advertising_claim_is_demoted_on_less_doubt_than_a_specific_one() -> None:
    """The general claims (a guarantee, a number, a superlative) are the rules least often
    right on copy they were not tuned on; a specific health finding needs the model surer."""
    between = (DEMOTE_BELOW + DEMOTE_GENERAL_BELOW) / 2
    general, general_fields = _rules_and_fields(context(bodyShort="Meet EcoBottle. Satisfaction guaranteed."))
    assert [f.issue.rule_id for f in general if f.issue.severity is Severity.HIGH] == ["ads.guarantee"]
    out = apply_second_opinion(fixed(advertising=between), general, general_fields, [])
    assert [f.issue.severity for f in out if f.issue.rule_id == "ads.guarantee"] == [Severity.MEDIUM]
    out = apply_second_opinion(fixed(advertising=DEMOTE_GENERAL_BELOW), general, general_fields, [])
    assert [f.issue.severity for f in out if f.issue.rule_id == "ads.guarantee"] == [Severity.HIGH]
    specific, specific_fields = _rules_and_fields(context(bodyShort=HEALTH_CLAIM))
    out = apply_second_opinion(fixed(health=between), specific, specific_fields, [])
    assert [f.issue.severity for f in out] == [f.issue.severity for f in specific]


def test_confidence_at_the_cut_off_does_not_demote() -> None:
    findings, fields = _rules_and_fields(context(bodyShort=HEALTH_CLAIM))
    out = apply_second_opinion(fixed(health=DEMOTE_BELOW), findings, fields, [])
    assert [f.issue.severity for f in out] == [f.issue.severity for f in findings]


def test_critical_findings_are_never_demoted() -> None:
    snippets = {s.id: s for s in load_corpus(CORPORA / "dev.yaml")}
    auditor = RuleEngineAuditor()
    for snippet in snippets.values():
        run = auditor.run_rules(snippet.context)
        if any(f.issue.severity is Severity.CRITICAL for f in run.findings):
            break
    else:
        pytest.fail("no dev snippet has a Critical finding")
    fields = {t: artifact_fields(a) for t, a in snippet.context.layouts().items()}
    doubt_everything = fixed(**dict.fromkeys(CLAIM_AREAS, 0.0))
    out = apply_second_opinion(doubt_everything, run.findings, fields, list(snippet.context.brief.evidence))
    criticals = [f.issue.rule_id for f in run.findings if f.issue.severity is Severity.CRITICAL]
    assert criticals == [f.issue.rule_id for f in out if f.issue.severity is Severity.CRITICAL]


def test_a_confident_opinion_adds_a_finding_on_an_exact_claim_sentence() -> None:
    text = "Meet EcoBottle. It is the kindest bottle for the whole planet. Summer is here."
    ctx = context(bodyShort=text, bodyMedium="Meet EcoBottle.", bodyLong="Meet EcoBottle.")
    findings, fields = _rules_and_fields(ctx)
    findings = [f for f in findings if f.issue.field != "bodyShort"]  # as if no rule saw the sentence
    out = apply_second_opinion(fixed(environmental=ADD_FROM), findings, fields, [])
    added = [f.issue for f in out if f.issue.rule_id == "learned.environmental"]
    assert len(added) == 1
    issue = added[0]
    assert issue.severity is Severity.HIGH and issue.field == "bodyShort" and issue.span is not None
    assert text[issue.span.start : issue.span.end] == issue.excerpt
    assert "planet" in issue.excerpt and "90%" in issue.issue_description


def test_a_confident_sentence_is_added_though_its_field_is_not() -> None:
    """A body holding claims of several areas dilutes each in the field's answer; the
    sentence asked alone can still be confident."""
    claim = "It is the kindest bottle for the whole planet."
    text = f"Meet EcoBottle. {claim} Summer is here."
    ctx = context(bodyShort=text, bodyMedium="Meet EcoBottle.", bodyLong="Meet EcoBottle.")
    findings, fields = _rules_and_fields(ctx)
    findings = [f for f in findings if f.issue.field != "bodyShort"]
    model = fixed({claim: {"environmental": ADD_FROM + 0.05}}, environmental=0.3)
    out = apply_second_opinion(model, findings, fields, [])
    added = [f.issue for f in out if f.issue.rule_id.startswith("learned.")]
    assert [(i.rule_id, i.excerpt) for i in added] == [("learned.environmental", claim)]
    assert f"{ADD_FROM + 0.05:.0%}" in added[0].issue_description
    quiet = fixed({claim: {"environmental": ADD_FROM - 0.05}}, environmental=0.3)
    assert not [f for f in apply_second_opinion(quiet, findings, fields, []) if f.issue.rule_id.startswith("learned.")]


def test_a_sentence_the_evidence_states_is_not_added() -> None:
    """The rules have checked it against the brief; a word model cannot tell a supported
    rating from an invented one."""
    rating = "Rated 4.7 stars by 12,000 users on the App Store."
    ctx = AuditContext(report_id=f"{CAMPAIGN}-audit-r0-0", campaign_id=CAMPAIGN,
                       brief=brief(evidence=["Rated 4.7 stars by 12,000 users on the App Store"]),
                       artifacts={ArtifactType.COPY: copy(bodyShort=f"Meet EcoBottle. {rating}")})
    findings, fields = _rules_and_fields(ctx)
    sure = fixed({rating: {"endorsements": 0.99}}, endorsements=0.3)
    out = apply_second_opinion(sure, findings, fields, list(ctx.brief.evidence), "EcoBottle")
    assert not [f for f in out if f.issue.rule_id.startswith("learned.")]
    invented = "Rated 4.9 stars by 50,000 users on the App Store."
    ctx2 = ctx.model_copy(update={"artifacts": {ArtifactType.COPY: copy(bodyShort=f"Meet EcoBottle. {invented}")}})
    findings, fields = _rules_and_fields(ctx2)
    findings = [f for f in findings if f.issue.field != "bodyShort"]  # as if no rule saw it
    sure = fixed({invented: {"endorsements": 0.99}}, endorsements=0.3)
    out = apply_second_opinion(sure, findings, fields, list(ctx.brief.evidence), "EcoBottle")
    assert [f.issue.excerpt for f in out if f.issue.rule_id == "learned.endorsements"] == [invented]


def test_nothing_is_added_where_a_rule_already_blocks_or_below_the_cut_off() -> None:
    findings, fields = _rules_and_fields(context(bodyShort=HEALTH_CLAIM))
    assert any(f.issue.rule_id.startswith("health.") and f.issue.severity is Severity.HIGH for f in findings)
    out = apply_second_opinion(fixed(health=0.99), findings, fields, [])
    assert not [f for f in out if f.issue.rule_id == "learned.health"]  # a rule blocks already
    below = apply_second_opinion(fixed(environmental=ADD_FROM - 0.01), findings, fields, [])
    assert not [f for f in below if f.issue.rule_id.startswith("learned.")]


def test_nothing_is_added_without_a_claim_like_sentence_a_customer_reads() -> None:
    plain = "Meet EcoBottle. Summer is here."
    findings, fields = _rules_and_fields(context(bodyShort=plain, bodyMedium=plain, bodyLong=plain,
                                                 headlines=["Meet EcoBottle", "Summer", "Hello"],
                                                 callsToAction=["Find yours", "Say hello", "Look"],
                                                 keywords=["eco-conscious", "planet-safe", "healthiest"],
                                                 toneSummary="Green, natural and the best"))
    out = apply_second_opinion(fixed(**dict.fromkeys(CLAIM_AREAS, 1.0)), findings, fields, [])
    assert not [f for f in out if f.issue.rule_id.startswith("learned.")]


MEDIUM_CLAIM = "Meet EcoBottle. Hurry, last chance to get yours."


def _medium_claim_findings():  # type: ignore[no-untyped-def]
    findings, fields = _rules_and_fields(context(bodyShort=MEDIUM_CLAIM))
    mediums = [f for f in findings if f.issue.rule_id.startswith("ads.") and f.issue.severity is Severity.MEDIUM]
    assert mediums and not [f for f in findings if f.issue.severity.value in ("High", "Critical")], \
        [(f.issue.rule_id, f.issue.severity) for f in findings]
    return findings, fields


def test_a_rule_medium_the_model_rates_blocking_is_raised_to_high_with_the_reason() -> None:
    findings, fields = _medium_claim_findings()
    out = apply_second_opinion(fixed(advertising=PROMOTE_FROM), findings, fields, [])
    raised = [f.issue for f in out if f.issue.rule_id.startswith("ads.") and f.issue.severity is Severity.HIGH]
    assert len(raised) == 1  # one per artifact and area: the model judged the field, not each remark
    before = next(f.issue for f in findings if f.issue.rule_id == raised[0].rule_id)
    assert raised[0].span == before.span and raised[0].fix == before.fix
    assert "Second opinion" in raised[0].issue_description and f"{PROMOTE_FROM:.0%}" in raised[0].issue_description
    assert not [f for f in out if f.issue.rule_id.startswith("learned.")]  # the rule's finding blocks; none added
    assert len(out) == len(findings)


def test_a_rule_medium_below_the_cut_off_or_of_another_area_stays_medium() -> None:
    findings, fields = _medium_claim_findings()
    for model in (fixed(advertising=PROMOTE_FROM - 0.01), fixed(health=0.99, advertising=0.3)):
        out = apply_second_opinion(model, findings, fields, [])
        assert [f.issue.severity for f in out if f.issue.rule_id.startswith("ads.")] == \
            [f.issue.severity for f in findings if f.issue.rule_id.startswith("ads.")]


def test_a_confident_area_no_rule_saw_lands_on_a_sentence_another_rule_decided() -> None:
    """A rule that reads a sentence as one kind of claim may miss another kind in it: the
    model's confident area is anchored on that sentence when no undecided one is left."""
    findings, fields = _medium_claim_findings()
    decided = {f.issue.excerpt for f in findings if f.issue.field == "bodyShort"}
    out = apply_second_opinion(fixed(endorsements=ADD_FROM), findings, fields, [])
    added = [f.issue for f in out if f.issue.rule_id == "learned.endorsements"]
    assert len(added) == 1 and added[0].field == "bodyShort" and added[0].span is not None
    assert MEDIUM_CLAIM[added[0].span.start:added[0].span.end] == added[0].excerpt
    assert any(excerpt in added[0].excerpt for excerpt in decided)


# --- the packaged model in the auditor -------------------------------------------------


@pytest.fixture
def model_at(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Let a test point the loader elsewhere; the cache is emptied before and after."""
    learned.load_model.cache_clear()
    yield
    monkeypatch.undo()
    learned.load_model.cache_clear()


def test_the_default_auditor_asks_the_packaged_model() -> None:
    model = learned.load_model()
    assert model.trained_on >= 2000 and all(name.startswith("dev") for name in model.sources)
    report = audit(copy())
    assert f"learned:{model.version}" in report.checked_by
    assert not [n for n in report.not_checked if "second opinion" in n]


def test_the_setting_turns_the_second_opinion_off() -> None:
    report = audit(copy(), settings={"COMPLIANCE_SECOND_OPINION": "false"})
    assert report.checked_by == ["rules"]
    assert not [n for n in report.not_checked if "second opinion" in n]


def test_without_a_built_model_the_rules_run_and_every_report_says_so(
    model_at: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(learned, "MODEL_PATH", tmp_path / "absent.joblib")
    auditor = build_auditor(load_settings({}))
    ctx = context(bodyShort=HEALTH_CLAIM)
    report = asyncio.run(auditor.audit(ctx))
    assert report.checked_by == ["rules"]
    assert any("no model built (make model)" in n for n in report.not_checked)
    assert any(i.rule_id.startswith("health.") for i in report.issues)


def test_a_damaged_or_foreign_model_file_is_not_loaded(
    model_at: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    damaged = tmp_path / "damaged.joblib"
    damaged.write_bytes(b"\x80\x04not a pickle")
    monkeypatch.setattr(learned, "MODEL_PATH", damaged)
    with pytest.raises(ModelUnavailable, match="cannot be read"):
        learned.load_model()
    learned.load_model.cache_clear()
    foreign = tmp_path / "foreign.joblib"
    learned.joblib.dump({"format": learned.FORMAT, "sklearn": "0.0", "model": None}, foreign)
    monkeypatch.setattr(learned, "MODEL_PATH", foreign)
    with pytest.raises(ModelUnavailable, match="another version"):
        learned.load_model()


def test_the_build_cli_reads_dev_files_only_and_fails_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build_main(["--corpora", str(tmp_path), "--out", str(tmp_path / "m.joblib")]) == 2
    assert capsys.readouterr().err.strip() == f"error: no dev*.yaml corpus to train on in {tmp_path}"
    (tmp_path / "dev-bad.yaml").write_text("version: 2\nsnippets: [1, 2]\n", encoding="utf-8")
    assert build_main(["--corpora", str(tmp_path), "--out", str(tmp_path / "m.joblib")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and not (tmp_path / "m.joblib").exists()
    (tmp_path / "dev-bad.yaml").write_bytes(b"\xff\xfe not text")
    assert build_main(["--corpora", str(tmp_path), "--out", str(tmp_path / "m.joblib")]) == 2
    assert capsys.readouterr().err == "error: dev-bad.yaml: not UTF-8 text\n"
    nowhere = tmp_path / "no-such-dir" / "m.joblib"
    assert build_main(["--corpora", str(CORPORA), "--out", str(nowhere)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: cannot write {nowhere}") and err.count("\n") == 1


def test_first_sight_files_are_not_trained_on(tmp_path: Path) -> None:
    from marketing_agents.compliance.learned_build import dev_files

    (tmp_path / "dev-a.yaml").write_text("version: 2\nsplit: dev\nsnippets: []\n", encoding="utf-8")
    (tmp_path / "dev-b.yaml").write_text("version: 2\nsplit: dev\nfirst_sight: true\nsnippets: []\n",
                                         encoding="utf-8")
    (tmp_path / "test.yaml").write_text("version: 2\nsplit: test\nsnippets: []\n", encoding="utf-8")
    assert [p.name for p in dev_files(tmp_path)] == ["dev-a.yaml"]
    assert learned.load_model().sources == tuple(p.name for p in dev_files(CORPORA))


@pytest.mark.parametrize("text", [
    "", "One.", "One. Two! Three? Four", "Ends with a newline.\n\nThen more…", ". " * 50, "No end at all",
    "Quoted end.\" Next (aside.) Last!!! ", "e.g. 3.5 mg. Done.", "\n\n\n",
])
def test_sentence_spans_are_what_sentence_bounds_gives_at_each_sentence(text: str) -> None:
    """The one-pass split unclassified_claims reads (the second opinion asks about every
    claim sentence) is the per-position one the rules use, without its quadratic rescans."""
    from marketing_agents.compliance.fields import TextField

    field = TextField(ArtifactType.COPY, "v", "bodyLong", text)
    expected, pos = [], 0
    while pos < len(text):
        start, end = field.sentence_bounds(pos, pos)
        expected.append((start, end))
        pos = max(end, pos + 1)
    assert list(field.sentence_spans()) == expected


def test_the_product_name_is_not_what_the_model_reads() -> None:
    """A name's green or health words are not a claim the copy makes (learned.without_product)."""
    doc = learned.document("Meet GreenLeaf Matcha. greenleaf matcha is whisked by hand.",
                           ["GreenLeaf Matcha is whisked by hand in Uji"], "GreenLeaf Matcha")
    assert "greenleaf" not in doc.lower() and doc.lower().count(learned.PRODUCT_MARK) == 3
    masked = learned.without_product("EcoBottles and an EcoBottle", "EcoBottle")
    assert masked == f"EcoBottles and an {learned.PRODUCT_MARK}"  # a whole name only
    assert learned.without_product("anything", "  ") == "anything"


def test_the_build_trains_on_each_snippet_alone_and_between_plain_sentences() -> None:
    from marketing_agents.compliance.learned_build import PLAIN_CLOSINGS, with_padded_copies

    examples = [TrainingExample(f"claim {i} || evidence: item {i}", frozenset({"health"})) for i in range(20)]
    padded = with_padded_copies(examples)
    assert padded[::2] == examples and len(padded) == 40
    for original, copy_ in zip(examples, padded[1::2], strict=True):
        text, _, evidence = copy_.document.partition(" || evidence: ")
        assert original.document.partition(" || evidence: ")[0] in text and evidence == original.document.split(": ")[1]
        assert copy_.blocking_areas == original.blocking_areas and text.endswith(PLAIN_CLOSINGS)
    assert with_padded_copies(examples) == padded  # the same files give the same model
    # the perturbation checks' own sentences are never among those trained on
    import inspect

    from marketing_agents.compliance import learned_build, perturb
    checks = inspect.getsource(perturb)
    assert not [s for s in (*learned_build.PLAIN_OPENINGS, *PLAIN_CLOSINGS) if s.format(product="") in checks]


def test_quotations_of_the_audience_are_not_what_the_model_reads() -> None:
    audience = "Eco-conscious millennials who hike, commute and hate waste"
    mark = learned.AUDIENCE_MARK
    assert learned.without_audience("Made for eco-conscious millennials who hike, commute and hate waste.",
                                    audience) == f"Made for {mark}."
    assert learned.without_audience("For eco-conscious millennials.", audience) == f"For {mark}."  # a compound
    for kept in ("Kind to the planet and cuts waste.", "Eco-conscious packaging.", "Who hates plastic?"):
        assert learned.without_audience(kept, audience) == kept
    assert learned.without_audience("good for the planet", "people who care about the planet") == "good for the planet"
    # bounded: an audience is read to its first MAX_AUDIENCE_WORDS words, each run masked once
    assert learned.without_audience("x " * 5000, "x " * 5000).count(mark) == 5000 // learned.MAX_AUDIENCE_WORDS


def test_a_field_is_asked_about_without_the_sentences_its_evidence_states() -> None:
    """A substantiated rating lifted the field's answer, which then anchored a finding on
    the sentence beside it (the offline FinTrack campaign)."""
    from marketing_agents.compliance.fields import TextField
    from marketing_agents.compliance.second_opinion import _unstated

    evidence = ["Rated 4.7 stars by 12,000 users on the App Store"]
    field = TextField(ArtifactType.SHORT_COPY, "v1", "posts[0].text",
                      "Good decisions start with clear information. Rated 4.7 stars by 12,000 users on the App Store. "
                      "Learn more.")
    assert _unstated(field, evidence, "FinTrack") == "Good decisions start with clear information. Learn more."
    assert _unstated(field, [], "FinTrack") == field.text
    rating = "Rated 4.7 stars by 12,000 users on the App Store."
    sure = fixed({f"Good decisions start with clear information. {rating} Learn more.": {"endorsements": 0.99}},
                 endorsements=0.3)
    out = apply_second_opinion(sure, [], {ArtifactType.SHORT_COPY: [field]}, evidence, "FinTrack")
    assert not [f for f in out if f.issue.rule_id.startswith("learned.")]


def test_the_word_by_word_character_features_are_the_fitted_vectorisers() -> None:
    """learned.CharFeatures adds up each word's known n-grams instead of asking the fitted
    vectoriser; every document of every corpus file, and white space and scripts that split
    words differently, must give the same matrix."""
    model = learned.load_model()
    documents = [field.text for path in sorted(CORPORA.glob("*.yaml")) for snippet in load_corpus(path)
                 for layout in snippet.context.layouts().values() for field in artifact_fields(layout)]
    documents += ["", " ", "a", "İstanbul ÇAĞ\u00a0x\u2003y\u3000z", "tab\tand\nnew\r\nline\x0bv\x1cfs",
                  "emoji 🙂🙂 zero\u200bwidth", "x" * 3000, "word " * 500, "Ünïcödé ＦＵＬＬ ｗｉｄｔｈ"]
    expected = model.chars.transform(documents)
    got = learned.CharFeatures(model.chars)(documents)
    assert got.shape == expected.shape
    assert abs(got - expected).max() < 1e-12
    assert (got != 0).sum() == (expected != 0).sum()
    with pytest.raises(ValueError, match="char_wb"):
        learned.CharFeatures(model.words)
