"""The claim-structure layer on its own: the lemmatiser, negation scope, and the shipped
rules on wordings that appear in no list (conditions known only by their word formation,
professions known only by their suffix, coined green compounds)."""

from __future__ import annotations

import pytest

from marketing_agents.compliance.base import ArtifactLayout, AuditContext
from marketing_agents.compliance.engine import RuleEngineAuditor
from marketing_agents.compliance.morphology import inflections, lemma, negated, tokens
from marketing_agents.models import ArtifactType, CampaignBrief

CAMPAIGN = "c-00000000000000d1"


def rule_ids(text: str, evidence: list[str] | None = None) -> set[str]:
    layout = ArtifactLayout(id=f"{CAMPAIGN}-copy-v1", campaign_id=CAMPAIGN, type=ArtifactType.COPY,
                            data={"bodyLong": text})
    brief = CampaignBrief(theme="Launch", product="Zylo", target_audience="Adults", tone="Warm",
                          evidence=evidence or [])
    ctx = AuditContext(report_id=f"{CAMPAIGN}-audit-1", campaign_id=CAMPAIGN, brief=brief,
                       texts={ArtifactType.COPY: layout})
    return {f.issue.rule_id for f in RuleEngineAuditor().run_rules(ctx).findings}


@pytest.mark.parametrize("word, expected", [
    ("cures", "cure"), ("hangovers", "hangover"), ("allergies", "allergy"), ("headaches", "headache"),
    ("beaches", "beach"), ("fought", "fight"), ("children", "child"), ("arthritis", "arthritis"),
    ("stress", "stress"), ("Doctors", "doctor"), ("vets", "vet"),
])
def test_lemma(word: str, expected: str) -> None:
    assert lemma(word) == expected


def test_inflections_cover_regular_verb_forms() -> None:
    assert {"stops", "stopped", "stopping"} <= inflections("stop")
    assert {"soothes", "soothed", "soothing"} <= inflections("soothe")
    assert {"relieves", "relieved", "relieving"} <= inflections("relieve")


@pytest.mark.parametrize("text, word, is_negated", [
    ("This balm does not treat eczema", "treat", True),
    ("It isn't a cure", "cure", True),
    ("Not intended to diagnose, treat, cure or prevent any disease", "prevent", True),
    ("No added sugar, cures colds fast", "cures", False),
    ("Our gummies cure colds", "cure", False),
])
def test_negation_scope(text: str, word: str, is_negated: bool) -> None:
    toks = tokens(text)
    index = next(i for i, t in enumerate(toks) if t.lower == word)
    assert negated(toks, index) is is_negated


@pytest.mark.parametrize("text", [
    "Soothes tendinitis after a long run.",       # -itis
    "Relieves neuralgia in minutes.",             # -algia
    "Eases nerve pain while you sleep.",          # head noun "pain"
    "Helps fight off sinus congestion.",          # lexicon, multi-word verb
    "Say goodbye to psoriasis flare-ups.",        # phrase verb
    "Lowers your risk of osteoporosis.",          # "lower * risk of"
])
def test_disease_claims_with_conditions_nobody_listed(text: str) -> None:
    assert "health.disease-claim" in rule_ids(text)


@pytest.mark.parametrize("text", [
    "The lid prevents spills and leaks.",
    "A screen protector that protects against scratches.",
    "Keeps drinks cold all afternoon.",
    "A self-healing coating for your bike frame.",
    "Treat yourself this weekend.",
    "It will not cure anything, but it tastes great.",
])
def test_claim_verbs_with_ordinary_objects_are_not_claims(text: str) -> None:
    assert "health.disease-claim" not in rule_ids(text)


def test_an_evidenced_condition_is_substantiated() -> None:
    assert "health.disease-claim" not in rule_ids("Helps prevent cavities.", ["Fluoride 1450 ppm prevents cavities"])


@pytest.mark.parametrize("text", [
    "Podiatrists recommend our insoles.",                 # profession by suffix
    "Recommended by the Royal Sleep Society.",            # organisation, passive
    "Trusted by physiotherapists across the country.",
    "Cyclists swear by it.",
])
def test_endorsements_by_groups(text: str) -> None:
    assert "endorse.expert" in rule_ids(text)


def test_own_staff_and_documented_groups_are_not_third_party_endorsements() -> None:
    assert "endorse.expert" not in rule_ids("Our chefs recommend the risotto.")
    assert "endorse.expert" not in rule_ids("Podiatrists recommend our insoles.",
                                            ["Survey of 120 podiatrists, 2025: 84% recommend"])


@pytest.mark.parametrize("text, flagged", [
    ("Ocean-kind sunscreen.", True),
    ("A reef friendly formula.", True),
    ("Our planet positive packaging.", True),
    ("Forest-smart furniture.", True),
    ("Switch to Eco mode on the motorway.", False),
    ("Now in sea green.", False),
])
def test_green_word_formation(text: str, flagged: bool) -> None:
    assert ("env.generic-claim" in rule_ids(text)) is flagged
