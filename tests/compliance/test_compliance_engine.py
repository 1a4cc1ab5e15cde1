"""The rule engine on whole campaigns: findings point at exact text, fixes are precise,
scores and status follow SPEC.md, packs and their versions are recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import audit, brief, copy, learned_checker, poster, posts, rule_ids

from marketing_agents.compliance import RuleEngineAuditor, build_auditor
from marketing_agents.compliance.base import Auditor
from marketing_agents.compliance.packs import PackError, find_brand_kit, load_pack, packaged_packs
from marketing_agents.models import AuditStatus, FixKind, Severity

ROOT = Path(__file__).resolve().parents[2]


def test_factory_builds_an_auditor() -> None:
    auditor = build_auditor()
    assert isinstance(auditor, Auditor)
    assert isinstance(auditor, RuleEngineAuditor)


def test_clean_campaign_is_compliant_and_records_packs() -> None:
    report = audit(copy(), posts(("X", "Meet EcoBottle. Recycle it when you are done.")), poster())
    assert report.issues == []
    assert report.is_compliant and report.status is AuditStatus.PASS and report.compliance_score == 100
    packs = {p.id: p.version for p in report.rule_packs}
    assert {"default", "environmental", "general-advertising", "platform-limits", "brief"} <= set(packs)
    assert packs["environmental"] == "2.3.0"
    assert report.checked_by == ["rules", learned_checker()]


def test_every_finding_has_an_exact_span_and_a_fix() -> None:
    bad = copy(
        headlines=["The best eco-friendly bottle", "Plastic-free summer", "Lighter than glass"],
        bodyLong="Fully recyclable and carbon neutral. Keeps drinks cold 50% longer. Doctors recommend it.",
    )
    report = audit(bad, posts(("X", "Ditch single-use plastic! #1 bottle of summer.")), poster())
    assert not report.is_compliant and report.has_blocking_findings()
    assert report.compliance_score < 80
    data = {a.type: a.data for a in [bad]}
    for issue in report.issues:
        assert issue.fix is not None, issue.rule_id
        assert issue.source and issue.suggestion and issue.issue_description
        if issue.span is not None:
            text = _field_text(issue.artifact_type.value, issue.field, bad, report)
            assert text[issue.span.start : issue.span.end] == issue.excerpt
    assert data  # the copy was audited
    ids = rule_ids(report)
    assert {"ads.claim-superlative", "env.generic-claim", "brief.avoid.plastic", "ads.claim-comparison",
            "env.whole-vs-part", "env.carbon-claim", "ads.claim-number", "endorse.expert"} <= ids


def _field_text(artifact_type: str, field: str, bad_copy, report) -> str:  # type: ignore[no-untyped-def]
    if artifact_type == "Copy":
        root = bad_copy.data.to_doc()
    elif artifact_type == "ShortCopy":
        root = {"posts": [{"platform": "X", "text": "Ditch single-use plastic! #1 bottle of summer."}]}
    else:
        root = poster().data.to_doc()
    value = root
    for part in field.replace("]", "").replace("[", ".").split("."):
        value = value[int(part)] if part.isdigit() else value[part]
    return str(value)


def test_fix_kinds_are_precise() -> None:
    report = audit(
        copy(bodyLong="Our eco-friendly bottle is recyclable. The best bottle. Utilize it daily. Meet Ecobottle."),
        the_brief=brief(constraints=["Must include free shipping"]),
    )
    fixes = {i.rule_id: i.fix for i in report.issues}
    assert fixes["env.generic-claim"].kind is FixKind.QUALIFY
    assert fixes["env.generic-claim"].replacement == "made from 90% recycled steel"
    assert fixes["env.recyclable-unqualified"].kind is FixKind.QUALIFY
    assert fixes["env.recyclable-unqualified"].replacement == "where recycling facilities exist"
    assert fixes["ads.claim-superlative"].kind is FixKind.REMOVE and fixes["ads.claim-superlative"].target == "best"
    preferred = fixes["brand.preferred-terms"]
    assert preferred.kind is FixKind.REPLACE and preferred.replacement == "Use"
    assert fixes["brand.product-name"].replacement == "EcoBottle"
    add = fixes["brief.require.free-shipping"]
    assert add.kind is FixKind.ADD and "free shipping" in (add.replacement or "").lower()


def test_generic_claim_without_evidence_is_removed_not_qualified() -> None:
    report = audit(copy(bodyLong="A sustainable bottle."), the_brief=brief(evidence=[]))
    fix = next(i.fix for i in report.issues if i.rule_id == "env.generic-claim")
    assert fix is not None and fix.kind is FixKind.REMOVE and fix.target == "sustainable"


def test_qualifier_elsewhere_in_the_field_means_remove() -> None:
    text = "An eco-friendly bottle for summer. Made from 90% recycled steel."
    fix = next(i.fix for i in audit(copy(bodyLong=text)).issues if i.rule_id == "env.generic-claim")
    assert fix is not None and fix.kind is FixKind.REMOVE


def test_unsupported_claim_names_the_claim() -> None:
    report = audit(copy(bodyLong="Keeps drinks cold for 36 hours."))
    issue = next(i for i in report.issues if i.rule_id == "ads.claim-number")
    assert issue.severity is Severity.HIGH and "“36”" in issue.issue_description
    supported = audit(copy(bodyLong="Keeps drinks cold for 36 hours."),
                      the_brief=brief(evidence=["Made from 90% recycled steel", "Cold for 36 hours (lab test, 2025)"]))
    assert "ads.claim-number" not in rule_ids(supported)


def test_brief_constraints_compile_and_uncompilable_ones_are_reported() -> None:
    b = brief(constraints=["Must include recycling message", "Avoid plastic-related claims", "Keep it playful",
                           "Headlines max 4 words"])
    report = audit(copy(headlines=["Meet the bottle for every summer day", "BPA-free", "Go"],
                        bodyLong="A steel bottle.", bodyMedium="A steel bottle.", bodyShort="A steel bottle."),
                   the_brief=b)
    ids = rule_ids(report)
    assert "brief.require.recycling" in ids
    assert "brief.avoid.plastic" in ids  # BPA is a plastic-related term
    assert any(i.startswith("brief.limit.") for i in ids)
    assert report.not_checked == ["Keep it playful"]
    shorten = next(i for i in report.issues if i.rule_id.startswith("brief.limit."))
    assert shorten.fix is not None and shorten.fix.kind is FixKind.SHORTEN and shorten.field == "headlines[0]"
    assert shorten.fix.max_length == len("Meet the bottle for")


def test_required_concept_accepts_word_family() -> None:
    report = audit(copy(bodyShort="Recyclable where facilities exist.", bodyMedium="Made from recycled steel, 90%.",
                        bodyLong="Recycle it."))
    assert "brief.require.recycling" not in rule_ids(report)


def test_platform_limits_use_platform_counting() -> None:
    long_x = "Summer " * 45  # 315 characters
    report = audit(copy(), posts(("X", long_x), ("Instagram", "Hi " + " ".join(f"#t{i}x" for i in range(31)))))
    ids = rule_ids(report)
    assert "platform.x-length" in ids and "platform.instagram-hashtags" in ids
    x = next(i for i in report.issues if i.rule_id == "platform.x-length")
    assert x.fix is not None and x.fix.kind is FixKind.SHORTEN and x.fix.max_length == 280
    cjk = "夏" * 150  # 150 characters, weighted 300 on X
    assert "platform.x-length" in rule_ids(audit(copy(), posts(("X", cjk))))
    assert "platform.threads-length" not in rule_ids(audit(copy(), posts(("Threads", cjk))))


def test_accessibility_alt_text_and_contrast() -> None:
    report = audit(copy(), poster(altText="", palette=["#FFFFFF", "#A8D5BA", "#FFD166", "#FFFFFF"]))
    alt = [i for i in report.issues if i.rule_id == "a11y.alt-text"]
    assert alt and alt[0].fix is not None and alt[0].fix.kind is FixKind.ADD
    assert "Summer, refilled" in (alt[0].fix.replacement or "")
    contrast = [i for i in report.issues if i.rule_id == "a11y.contrast"]
    assert {i.field for i in contrast} == {"concepts[0].palette[1]", "concepts[0].palette[3]",
                                           "concepts[1].palette[1]", "concepts[1].palette[3]"}
    from marketing_agents.colour import contrast_ratio, parse_hex

    for issue in contrast:
        assert issue.fix is not None and issue.fix.kind is FixKind.REPLACE
        assert issue.excerpt == issue.fix.target
        bg = "#FFFFFF" if issue.field.endswith("[1]") else "#FFD166"
        assert contrast_ratio(parse_hex(issue.fix.replacement or ""), parse_hex(bg)) >= 4.5  # type: ignore[arg-type]


def test_reading_level_is_medium_and_not_blocking() -> None:
    hard = ("Notwithstanding considerable methodological heterogeneity, comprehensive evaluations demonstrate "
            "that double-walled vacuum-insulated containers substantially maintain thermoregulatory consistency "
            "during prolonged exposure to elevated ambient temperatures characteristic of midsummer recreational "
            "activities. Recycle it.")
    report = audit(copy(bodyLong=hard))
    issue = next(i for i in report.issues if i.rule_id == "brand.reading-level")
    assert issue.severity is Severity.MEDIUM
    assert report.is_compliant  # a Medium alone does not block


def test_high_finding_blocks_even_with_a_high_score() -> None:
    # the rules' High alone (the learned second opinion may demote this one: test_second_opinion.py)
    report = audit(copy(bodyLong="Recycle it. The best bottle."), settings={"COMPLIANCE_SECOND_OPINION": "false"})
    assert report.has_blocking_findings() and not report.is_compliant
    assert report.status is not AuditStatus.PASS


def test_feedback_tells_each_agent_what_to_change() -> None:
    report = audit(copy(bodyLong="Recycle it. The best bottle."), posts(("X", "Recycle it. Plastic-free fun.")))
    assert set(report.feedback_by_type) == {"Copy", "ShortCopy"} or len(report.feedback_by_type) == 2
    copy_feedback = next(v for k, v in report.feedback_by_type.items() if k.value == "Copy")
    assert "remove “best”" in copy_feedback
    assert "Not compliant" in report.feedback


def test_text_is_never_rendered_as_html() -> None:
    report = audit(copy(bodyLong="<script>alert(1)</script> The best bottle. Recycle it."))
    issue = next(i for i in report.issues if i.rule_id == "ads.claim-superlative")
    assert issue.excerpt == "best" and "<" not in report.feedback.replace("<script>", "")


def test_brand_kits_by_id_file_and_setting() -> None:
    kits = ROOT / "examples" / "brand-kits"
    settings = {"COMPLIANCE_BRAND_KITS_DIR": str(kits)}
    b = brief(brand_kit="acme-outdoor", product="TrailFox", constraints=[], evidence=[])
    report = audit(copy(bodyLong="Meet the Trailfox. Epic grip.", bodyShort="x", bodyMedium="x"), the_brief=b,
                   settings=settings)
    ids = rule_ids(report)
    assert {"brand.product-name", "brand.banned-terms", "brand.safety-disclosure"} <= ids
    assert ("acme-outdoor", "2026.1") in {(p.id, p.version) for p in report.rule_packs}
    assert "health" in {p.id for p in report.rule_packs}  # the kit includes it
    unknown = audit(copy(), the_brief=brief(brand_kit="nope"))
    assert any("nope" in n for n in unknown.not_checked)
    assert find_brand_kit(str(kits / "acme-outdoor.yaml")).id == "acme-outdoor"


def test_packs_load_from_package_data_and_bad_packs_fail_loudly(tmp_path: Path) -> None:
    packs = packaged_packs()
    assert {"default", "environmental", "general-advertising", "health", "financial", "testimonials",
            "platform-limits", "accessibility"} <= set(packs)
    for pack in packs.values():
        for rule in pack.rules:
            assert rule.source and rule.message, rule.id
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\nversion: '1'\ntitle: Bad\nkind: regulatory\nrules:\n  - id: x.y\n    kind: existence\n"
                   "    message: m\n    severity: Huge\n")
    with pytest.raises(PackError, match=r"bad\.yaml"):
        load_pack(bad)


def test_every_rule_kind_is_one_class_with_its_own_check() -> None:
    """A kind is its settings and its check in one class, listed once in the pack union."""
    from typing import get_args

    from marketing_agents.compliance.kinds import Rule
    from marketing_agents.compliance.rules import BaseRule

    kinds = get_args(get_args(Rule)[0])
    assert len(kinds) == 20  # round 6 added named-endorsement, cropped-quote, nutrition-claim, condition-of-use
    tags = [get_args(k.model_fields["kind"].annotation)[0] for k in kinds]
    assert len(set(tags)) == len(tags)
    for kind in kinds:
        assert issubclass(kind, BaseRule) and kind.check is not BaseRule.check, kind.__name__
