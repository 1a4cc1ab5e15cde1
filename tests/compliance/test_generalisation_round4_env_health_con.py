"""Round 4, environmental / health / brief constraints: the classes, each with twins that
must not change. Wordings here are our own, in other industries than the dev snippets that
exposed each class; they vary the class, not the sentence."""

from __future__ import annotations

import pytest

from tests.compliance.test_generalisation import found

# --- health: a condition named by its symptom (an adjective of a symptom before a body part);
# FTC Health Products Compliance Guidance 2.1 (implied disease claims), CAP 12.2, 15.6

@pytest.mark.parametrize("text", [
    "Zylo tea soothes a churning stomach after a big meal.",
    "One patch eases creaky knees on the morning dog walk.",
    "Zylo lozenges calm a scratchy throat in minutes.",
    "Our cat chews settle a dodgy tummy after a change of food.",
    "Zylo nasal spray clears a stuffy nose before bed.",
])
def test_a_condition_named_by_its_symptom_is_a_disease_claim(text: str) -> None:
    assert "health.disease-claim" in found(text)


@pytest.mark.parametrize("text", [
    "Zylo socks keep tired feet dry on long hikes.",
    "A pillow that supports your neck while you read.",
    "Zylo balm softens dry skin on elbows and heels.",
    "Zylo is not a treatment for an upset stomach; see a pharmacist if it persists.",
])
def test_an_everyday_body_benefit_or_a_negation_is_not(text: str) -> None:
    assert "health.disease-claim" not in found(text)


# --- health: a condition resolved without a claim verb (the condition is the subject of a
# resolving predicate); CAP 12.2, 15.6; Reg. 1169/2011 art. 7(3)

@pytest.mark.parametrize("text", [
    "Three drops a day and the tinnitus fades away.",
    "With Zylo insoles the plantar fasciitis simply disappears.",
    "Give your dog one chew and the itching stops.",
    "Rub it in at night and the eczema never comes back.",
])
def test_a_condition_resolved_as_the_subject_is_a_disease_claim(text: str) -> None:
    assert "health.disease-claim" in found(text)


@pytest.mark.parametrize("text", [
    "Three drops a day and the squeak in your hinges disappears.",
    "Eczema won't disappear overnight, so talk to your GP about a plan.",
    "Run the rinse cycle and the smell stops.",
])
def test_a_non_medical_subject_or_a_negated_resolution_is_not(text: str) -> None:
    assert "health.disease-claim" not in found(text)


# --- health: problem and solution (the condition named in one sentence, its cure in the next
# by a pronoun, a resolved sign or a restored outcome); FTC HPCG 2.1 (net impression)

@pytest.mark.parametrize("text", [
    "Migraine on the way? Zylo spray stops it before it starts.",
    "Suffer from hay fever? One tablet and it's gone for the day.",
    "Aching hips on cold mornings? Zylo capsules get you walking again.",
    "Cholesterol creeping up at your last check-up? Zylo oats bring it back to normal.",
    "Lying awake at 3am? Two Zylo gummies and you'll sleep through the night.",
])
def test_a_problem_named_and_then_solved_is_a_disease_claim(text: str) -> None:
    assert "health.disease-claim" in found(text)


@pytest.mark.parametrize("text", [
    "Stains on your whites? Zylo powder lifts them in one wash.",
    "Takes the headache out of planning a wedding. Zylo sorts it all.",
    "Feeling the cold? Our fleece beats it on every walk.",
    "Arthritis making jars hard to open? The Zylo opener grips them for you.",
])
def test_a_non_medical_problem_or_a_product_for_the_condition_is_not(text: str) -> None:
    assert "health.disease-claim" not in found(text)


# --- health: a condition that is a cosmetic's documented function is its lawful purpose
# (Commission Recommendation 2006/647/EC on sunscreen efficacy; Reg. 1223/2009 art. 20)

@pytest.mark.parametrize("text, evidence", [
    ("Zylo Sun SPF30 helps prevent sunburn when applied generously.", ["SPF 30 tested to ISO 24444"]),
    ("Zylo toothpaste with fluoride helps prevent cavities.", ["Contains 1450 ppm fluoride"]),
    ("Zylo shampoo helps control dandruff from the first wash.", ["Anti-dandruff shampoo with 1% piroctone olamine"]),
])
def test_a_documented_cosmetic_function_is_not_a_disease_claim(text: str, evidence: list[str]) -> None:
    assert "health.disease-claim" not in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Zylo Sun helps prevent sunburn all day.", []),
    ("Zylo mouthwash helps prevent cavities.", ["Alcohol-free; contains xylitol"]),
])
def test_the_same_claim_without_the_function_on_file_is(text: str, evidence: list[str]) -> None:
    assert "health.disease-claim" in found(text, evidence)


def test_the_cold_is_the_weather_and_a_cold_the_illness() -> None:
    assert "health.disease-claim" not in found("Our fleece beats the cold on every walk.")
    assert "health.disease-claim" in found("Zylo fights off a cold in a day.")
    assert "health.disease-claim" in found("Zylo fights the common cold.")


# --- environmental: a claim the brief's own facts, or the copy's own words, contradict
# (16 CFR 260.3, 260.7(d), 260.8, 260.9(b), 260.14; CAP 11.3): each claim with its own facts

@pytest.mark.parametrize("text, evidence", [
    ("Our PLA-lined cups are plastic-free.", []),
    ("Plastic-free toothbrush heads for the whole family.", ["Bristles are nylon 6.12"]),
    ("Zero-emission deliveries across the city.", ["Electric vans; lifecycle emissions not yet measured"]),
    ("The Zylo bottle is refillable, so keep it for life.", ["Refills are not yet sold anywhere"]),
    ("Zylo nappies break down in months, not centuries.", ["Used nappies go to landfill with household waste"]),
    ("Toss the Zylo pouch on your compost heap when you're done.", ["Certified EN 13432 industrially compostable"]),
    ("Every Zylo sofa removes plastic from the ocean.", ["Fabric uses ocean-bound plastic collected on land"]),
    ("With Zylo Energy your kettle runs on sunshine.", ["Supply matched annually with REGO certificates"]),
])
def test_a_claim_contradicted_by_its_own_facts_blocks(text: str, evidence: list[str]) -> None:
    assert "env.contradicted-claim" in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Plastic-free toothbrush heads, except the nylon bristles.", ["Bristles are nylon 6.12"]),
    ("Zero tailpipe emissions on every delivery.", ["Electric vans; lifecycle emissions not yet measured"]),
    ("The Zylo bottle is refillable, so keep it for life.", ["Refills sold in every store"]),
    ("Industrially compostable pods: use your council's food-waste bin.",
     ["Certified EN 13432 industrially compostable"]),
    ("Our tariff is matched to renewable generation with REGO certificates.",
     ["Supply matched annually with REGO certificates"]),
    ("The box is plastic-free: card and paper tape only.", ["Box is cardboard with no plastic window"]),
])
def test_the_same_claim_qualified_or_true_does_not(text: str, evidence: list[str]) -> None:
    assert "env.contradicted-claim" not in found(text, evidence)


# --- environmental: no impact in other words (16 CFR 260.4(b); EU 2024/825 Annex I 4a)

@pytest.mark.parametrize("text", [
    "Guilt-free motoring for the whole family.",
    "Holidays, guilt-free: book the Zylo coast trip.",
    "Zylo knitwear, designed with the planet in mind.",
    "A washing-up liquid the fish would never mind.",
    "The planet will thank you for switching to Zylo.",
    "The airline that's cleaning up its act.",
])
def test_no_impact_said_in_other_words_is_a_generic_claim(text: str) -> None:
    assert "env.generic-claim" in found(text)


@pytest.mark.parametrize("text", [
    "Guilt-free snacks with half the sugar of the original.",
    "Made with your comfort in mind.",
    "Your grandchildren will thank you for starting a pension.",
    "Our tailor never minds a late fitting.",
])
def test_guilt_free_food_comfort_in_mind_and_people_are_not(text: str) -> None:
    assert "env.generic-claim" not in found(text)


# --- environmental: neutrality by compensation in other words (EU 2024/825 Annex I 4c; 16 CFR 260.5)

@pytest.mark.parametrize("text", [
    "Zylo Rail cancels out every gram of carbon your trip emits.",
    "Each parcel's CO2 is balanced out by our partners.",
    "We neutralise the footprint of every order.",
])
def test_neutrality_in_other_words_is_a_carbon_claim(text: str) -> None:
    assert "env.carbon-claim" in found(text)


@pytest.mark.parametrize("text", [
    "Our forests absorb carbon every year, and we publish how much.",
    "We don't cancel out our emissions; we cut them, 12% since 2022.",
])
def test_absorption_facts_and_denials_are_not(text: str) -> None:
    assert "env.carbon-claim" not in found(text)


# --- environmental: comparisons with no basis of any resource (16 CFR 260.3(d); CAP 11.1)

@pytest.mark.parametrize("text", [
    "Zylo jeans use less water.",
    "The Zylo boiler burns less fuel.",
    "Grown with fewer pesticides.",
])
def test_a_resource_comparison_without_a_basis_blocks(text: str) -> None:
    assert "env.comparative-claim" in found(text)


@pytest.mark.parametrize("text", [
    "Zylo jeans use 40% less water than our 2022 jeans (LCA, 2024).",
    "Pasta that needs less water to cook than you'd think.",
])
def test_a_comparison_with_its_basis_is_not(text: str) -> None:
    assert "env.comparative-claim" not in found(text)


# --- environmental: a future claim needs a published, verified plan; evidence that says there
# is none is none (EU 2024/825 art. 1(2)(b)); a validated target is substantiated

def test_a_future_claim_with_no_plan_blocks_and_a_validated_one_does_not() -> None:
    assert "env.future-claim" in found("We'll be net zero by 2035.", ["No published transition plan; target only"])
    clean = found("Our target: net zero in our own operations by 2035, validated by the SBTi; our plan is public.",
                  ["SBTi validation letter 2025", "Transition plan published; annual assurance by an auditor"])
    assert not clean & {"env.future-claim", "env.carbon-claim"}


def test_a_compostable_claim_sent_to_the_council_is_qualified() -> None:
    assert "env.compostable-unqualified" not in found(
        "Compostable liners: check whether your council collects them with food waste.")
    assert "env.compostable-unqualified" in found("Compostable liners for every kitchen caddy.")


# --- health: the claim-verb family widened as a class (treatment in any phrasal verb, a claim
# noun after the condition, diagnosis verbs, a body part's "problems"); CAP 12.2, 15.6

@pytest.mark.parametrize("text", [
    "Zylo gummies wipe out jet lag after a long-haul flight.",
    "A herbal tea that takes the edge off period pain.",
    "Could Zylo help your psoriasis too?",
    "Zylo: migraine relief in a roll-on.",
    "The hay fever fix your garden deserves.",
    "Zylo Watch detects heart problems before you feel a thing.",
    "Zylo drops send hay fever packing.",
    "Zylo spray stops a cold sore in its tracks.",
])
def test_treatment_in_any_wording_is_a_disease_claim(text: str) -> None:
    assert "health.disease-claim" in found(text)


@pytest.mark.parametrize("text", [
    "Our app helps you spot problems with your boiler early.",
    "Got a problem with your order? We fix it fast.",
    "Thermal gloves with cold protection to minus 20.",
    "The ultimate stain remover and odour killer.",
    "Helps people with arthritis open jars easily.",
    "Zylo stops spills in their tracks.",
])
def test_the_same_verbs_and_nouns_on_ordinary_objects_are_not(text: str) -> None:
    assert "health.disease-claim" not in found(text)


# --- health: weight loss in any verb; the typical result disclosed beside a quoted testimonial;
# the authorised meal-replacement wording (CAP 13; Reg. 432/2012)

@pytest.mark.parametrize("text", [
    "Shift half a stone before your holiday with Zylo tea.",
    "Zylo capsules: whittle away a dress size by summer.",
    "“I lost 4 stone in 10 weeks!” — Dan, Zylo member",
])
def test_weight_loss_in_any_verb_or_an_undisclosed_testimonial_blocks(text: str) -> None:
    assert "health.weight-loss" in found(text)


@pytest.mark.parametrize("text", [
    "“I lost 4 stone in a year,” says Dan. Dan's result is not typical: members lose 5 kg on average.",
    "Replacing one daily meal of an energy-restricted diet with a Zylo shake contributes to the maintenance "
    "of weight after weight loss.",
])
def test_a_disclosed_typical_result_or_the_authorised_wording_does_not(text: str) -> None:
    assert "health.weight-loss" not in found(text)


@pytest.mark.parametrize("text", [
    "Zylo elderberry: your flu-season shield.",
    "A daily shot that's your germ defence all winter.",
])
def test_a_shield_against_the_seasons_illnesses_is_an_immunity_claim(text: str) -> None:
    assert "health.unauthorised-claim" in found(text)


def test_protection_of_things_in_winter_is_not() -> None:
    assert "health.unauthorised-claim" not in found("Winter protection for your car's paintwork.")


# --- brief constraints: a banned kind of language in any words (the form, not the claim), a
# banned name as its abbreviation or in full, a house spelling, the rationale after a colon

def brief_found(text: str, constraints: list[str], evidence: list[str] | None = None) -> set[str]:
    """Rule ids of the blocking findings on ``text`` under a brief with ``constraints``."""
    from marketing_agents.compliance.base import ArtifactLayout, AuditContext
    from marketing_agents.compliance.engine import RuleEngineAuditor
    from marketing_agents.models import ArtifactType, CampaignBrief

    campaign = "c-00000000000000d4"
    layout = ArtifactLayout(id=f"{campaign}-copy-v1", campaign_id=campaign, type=ArtifactType.COPY,
                            data={"bodyLong": text})
    brief = CampaignBrief(theme="Launch", product="Zylo", target_audience="Adults", tone="Warm",
                          evidence=evidence or [], constraints=constraints)
    ctx = AuditContext(report_id=f"{campaign}-audit-1", campaign_id=campaign, brief=brief,
                       texts={ArtifactType.COPY: layout})
    return {f.issue.rule_id for f in RuleEngineAuditor().run_rules(ctx).findings
            if f.issue.severity.value in ("High", "Critical")}


def _brief(found_ids: set[str]) -> bool:
    return any(r.startswith("brief.") for r in found_ids)


@pytest.mark.parametrize("text, constraints", [
    ("The comfiest sofa in the showroom.", ["Avoid superlatives"]),
    ("Coffee so smooth that no one can match it.", ["No superlatives"]),
    ("The winter range won't stick around for long.", ["No urgency"]),
    ("Only 3 left in your size.", ["Avoid urgency or scarcity language"]),
    ("Each bar is loaded with fibre and iron.", ["No nutrition claims"]),
    ("Half what you'd pay for a taxi.", ["Don't mention price"]),
    ("Ride further on a tank of petrol than in any electric vehicle.", ["Do not mention EVs"]),
    ("Our new flavor of the month is here.", ["UK spelling throughout"]),
    ("Personalize your mug in the app.", ["Use British English spelling"]),
])
def test_a_banned_kind_of_language_in_other_words_breaks_the_brief(text: str, constraints: list[str]) -> None:
    assert _brief(brief_found(text, constraints))


@pytest.mark.parametrize("text, constraints", [
    ("A sofa you'll sink into after a long day.", ["Avoid superlatives"]),
    ("Take your time: the winter range is here all season.", ["No urgency"]),
    ("Crunchy, salty and made for sharing.", ["No nutrition claims"]),
    ("Our new flavour of the month is here.", ["UK spelling throughout"]),
    ("Sized to fit every kitchen.", ["British spelling throughout"]),
    ("Tastes of real berries: bright, sharp and sweet.", ["No health claims: keep it to taste and lifestyle"]),
])
def test_the_same_copy_within_the_brief_does_not(text: str, constraints: list[str]) -> None:
    assert not _brief(brief_found(text, constraints))


def test_a_rationale_after_the_colon_is_not_a_list_of_words_to_avoid_and_the_body_is_personified() -> None:
    broken = brief_found("Ready for your morning routine. Your knees will thank you.",
                         ["No health claims: it's a supplement, keep it to taste and lifestyle"])
    assert _brief(broken)


# --- health: a nutrition claim in any words that the product's own figures do not meet
# (Reg. 1924/2006 art. 8 and Annex; CAP 15.1)

@pytest.mark.parametrize("text, evidence", [
    ("Hardly any sugar, all of the crunch.", ["7.5 g sugars per 100 g"]),
    ("A soda with next to no sugar.", ["4 g sugar per 100 ml"]),
    ("Zero sugar, full flavour.", ["1.2g sugars per 100ml"]),
])
def test_a_nutrition_claim_the_figures_do_not_meet_blocks(text: str, evidence: list[str]) -> None:
    assert "health.nutrition-claim" in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Hardly any sugar, all of the crunch.", ["3.1 g sugars per 100 g"]),
    ("A soda with next to no sugar.", ["2.2 g sugar per 100 ml"]),
    ("Zero sugar, full flavour.", []),
])
def test_one_that_meets_them_or_has_no_figures_on_file_does_not(text: str, evidence: list[str]) -> None:
    assert "health.nutrition-claim" not in found(text, evidence)


# --- health: sunscreen absolutes (Commission Recommendation 2006/647/EC points 10-11)

@pytest.mark.parametrize("text", [
    "Complete sun block for beach days.",
    "Zylo Kids SPF 50: no need to reapply after swimming.",
    "One application in the morning and forget about it until dusk.",
    "Our face SPF blocks 100% of UVA rays.",
])
def test_total_protection_or_no_reapplication_blocks(text: str) -> None:
    assert "health.sun-protection-absolute" in found(text)


@pytest.mark.parametrize("text", [
    "No sunscreen offers total protection: reapply every two hours and after swimming.",
    "Our roof coating blocks 100% of UV rays.",
    "SPF 30, 4-star UVA: reapply often, especially after towelling.",
])
def test_honest_sunscreen_advice_and_other_uv_blockers_do_not(text: str) -> None:
    assert "health.sun-protection-absolute" not in found(text)


# --- health: an individual health professional's recommendation in their own voice
# (Reg. 1924/2006 art. 12(c); CAP 15.6)

@pytest.mark.parametrize("text", [
    "As a pharmacist, I always recommend Zylo vitamin gummies.",
    "I'm a dietitian and I tell every client to try Zylo shakes.",
    "I prescribe Zylo tea to all my patients.",
    "My GP recommended Zylo drops for my energy levels.",
])
def test_a_professionals_own_recommendation_blocks(text: str) -> None:
    assert "health.professional-recommendation" in found(text)


@pytest.mark.parametrize("text", [
    "If symptoms persist, talk to your GP or pharmacist before using Zylo.",
    "As a mum of three, I recommend Zylo snacks for school runs.",
    "Dr. Patel recommends it to all her patients.",
])
def test_advice_to_ask_a_layperson_or_a_third_person_expert_does_not(text: str) -> None:
    assert "health.professional-recommendation" not in found(text)


# --- health: a product indicated "for" a condition, lists of symptoms, resolving verbs of any
# kind, the problem referred to as "things", prevention "before it becomes …"; structure and
# function claims of organs kept young or hormones balanced (CAP 12.2, 15.1, 15.6)

@pytest.mark.parametrize("text", [
    "Zylo magnesium gummies for restless legs at night.",
    "Zylo balm for eczema on little hands.",
    "Zylo cream calms angry, itchy skin flare-ups.",
    "Psoriasis patches fade within weeks with Zylo oil.",
    "Tummy troubles after dinner? Zylo bitters settle things down.",
    "Our throat spray kills the tickle before it becomes a cough.",
    "Goodbye sniffles, hello summer: Zylo nasal mist.",
    "Morning sickness? Zylo ginger chews help you get through it.",
    "Achy joints? Zylo turmeric shots keep you moving.",
])
def test_more_shapes_of_an_implied_disease_claim_block(text: str) -> None:
    assert "health.disease-claim" in found(text)


@pytest.mark.parametrize("text", [
    "Zylo jar opener for people with arthritis: grips lids for you.",
    "Zylo tea for cold evenings by the fire.",
    "Struggling with a bad back? Our ergonomic chair is built for long days at the desk.",
    "Hay fever season? Our pollen forecast app tells you when to stay in.",
    "Headache of a commute? Zylo bikes fix that.",
    "Stiff competition? Our prices beat it.",
    "The stain fades in one wash.",
    "Zylo shoes keep you moving all day.",
    "Zylo spray for smelly trainers.",
])
def test_their_everyday_twins_do_not(text: str) -> None:
    assert "health.disease-claim" not in found(text)


@pytest.mark.parametrize("text", [
    "Zylo honey keeps the doctor away.",
    "Zylo chews keep your dog's joints young.",
    "Zylo supplement balances hormones naturally.",
    "Zylo tea for a healthy prostate.",
    "Zylo water filter removes the toxins that cause disease.",
])
def test_structure_and_function_claims_in_other_words_block(text: str) -> None:
    assert "health.unauthorised-claim" in found(text)


@pytest.mark.parametrize("text", [
    "Zylo knee pads protect your knees while you tile the bathroom.",
    "Your skin will feel softer and look brighter.",
    "Zylo keeps the kids busy on rainy days.",
])
def test_body_words_without_a_health_function_do_not(text: str) -> None:
    assert "health.unauthorised-claim" not in found(text)


# --- environmental: low impact as a metaphor, a cleaner tomorrow, the responsible way to fly,
# degrading in any verb to a natural end (16 CFR 260.4(b), 260.8; EU 2024/825 Annex I 4a)

@pytest.mark.parametrize("text", [
    "Zylo trainers tread lightly on the earth.",
    "Zylo jeans leave a lighter mark on the world.",
    "Every Zylo sofa is a step towards a cleaner tomorrow.",
    "Zylo detergent is gentle on waterways.",
    "Zylo: the responsible way to fly.",
    "Zylo gas boilers: the clean choice.",
    "Zylo has a net positive impact.",
])
def test_low_impact_in_metaphor_is_a_generic_claim(text: str) -> None:
    assert "env.generic-claim" in found(text)


@pytest.mark.parametrize("text", [
    "The natural choice for busy parents.",
    "Live lightly in our linen shirts.",
    "The clean choice for oily skin.",
    "Made for the planet's toughest trails.",
    "Save today for a brighter future.",
])
def test_the_idioms_they_resemble_are_not(text: str) -> None:
    assert "env.generic-claim" not in found(text)


@pytest.mark.parametrize("text", [
    "Zylo nappies vanish back into the soil.",
    "Our packaging disappears in your compost within weeks.",
    "Zylo wipes dissolve harmlessly.",
    "Zylo bags biodegrade.",
])
def test_degrading_in_any_verb_is_a_degradable_claim(text: str) -> None:
    assert "env.degradable" in found(text)


@pytest.mark.parametrize("text, evidence", [
    ("Enzymes break down grease naturally.", []),
    ("Our laundry pods dissolve completely, even at 20 degrees.", []),
    ("Bags break down in 90 days in industrial composting facilities, which may not exist near you.",
     ["Bags break down in 90 days in industrial composting (EN 13432)"]),
])
def test_cleaning_chemistry_and_qualified_evidenced_claims_are_not(text: str, evidence: list[str]) -> None:
    assert "env.degradable" not in found(text, evidence)


def test_a_part_named_as_the_subject_answers_whole_vs_part() -> None:
    evidence = ["Shell 100% recycled nylon; lining virgin polyester"]
    assert "env.whole-vs-part" not in found("This jacket's shell is 100% recycled nylon.", evidence)
    assert "env.whole-vs-part" in found("Our jacket is 100% recycled nylon.", evidence)


def test_a_two_word_condition_that_is_the_documented_function_is_substantiated() -> None:
    assert "health.disease-claim" not in found("Fluoride toothpaste that helps prevent tooth decay.",
                                               ["1450 ppm fluoride"])
    assert "health.disease-claim" in found("Zylo mouthwash helps prevent tooth decay.")
    assert "health.disease-claim" in found("Zylo fights tooth pain.", ["1450 ppm fluoride"])


@pytest.mark.parametrize("text, constraints", [
    ("Stocks are flying off the shelves.", ["No urgency or scarcity claims"]),
    ("Our creamiest yoghurt yet.", ["Avoid superlatives"]),
    ("Rated 4.8 by 2,000 shoppers.", ["No reviews or ratings"]),
    ("Now with 30% less sugar.", ["No nutrition claims"]),
    ("Raise a glass of bubbly this Friday.", ["No alcohol references"]),
    ("Visit our Leeds store this weekend.", ["Must include the store address"]),
    ("Order online today.", ["Mention our website"]),
    ("Launching soon!", ["Mention the launch date"]),
])
def test_more_broken_constraints_in_other_words(text: str, constraints: list[str]) -> None:
    assert _brief(brief_found(text, constraints))


@pytest.mark.parametrize("text, constraints", [
    ("Find us at 12 High Street, Leeds.", ["Must include the store address"]),
    ("Call us on 0800 123 456 for a quote.", ["Include a phone number"]),
    ("Order at zylo.co.uk today.", ["Mention our website"]),
    ("Email hello@zylo.com for a quote.", ["Include our email address"]),
    ("Open 8am to 6pm every day.", ["Include opening hours"]),
    ("Launches on the 14th of March.", ["Mention the launch date"]),
    ("Rated for outdoor use all year.", ["No reviews or ratings"]),
    ("Our new yoghurt, thick and creamy.", ["Avoid superlatives"]),
])
def test_a_required_value_in_its_written_form_or_an_ordinary_word_passes(text: str, constraints: list[str]) -> None:
    assert not _brief(brief_found(text, constraints))


# --- health: testimony that the condition stopped, medicines' classes, hormones and biomarkers,
# "the answer to" a condition; biocidal claims stay ordinary (CAP 12.1, 12.2, 15.1; Dir. 2001/83)

@pytest.mark.parametrize("text, rule", [
    ("I used to get cluster headaches every week. Since Zylo, I haven't had one.", "health.disease-claim"),
    ("Zylo: no more sick days this winter.", "health.disease-claim"),
    ("Zylo herbal blend: the natural answer to anxiety.", "health.disease-claim"),
    ("Zylo drink supports recovery from flu.", "health.disease-claim"),
    ("Zylo drops kill cancer cells in lab tests.", "health.disease-claim"),
    ("Zylo elderberry is a natural antiviral.", "health.medicinal-claim"),
    ("Lowers cortisol so you feel calmer.", "health.unauthorised-claim"),
    ("Boosts serotonin naturally.", "health.unauthorised-claim"),
    ("Pulls heavy metals out of your body.", "health.unauthorised-claim"),
    ("Zylo makes your immune system bulletproof.", "health.unauthorised-claim"),
])
def test_health_claims_in_further_shapes_block(text: str, rule: str) -> None:
    assert rule in found(text)


@pytest.mark.parametrize("text", [
    "Zylo hand gel kills 99.9% of bacteria.",
    "Eliminates 99% of germs on kitchen surfaces.",
    "Our app is the answer to messy budgets.",
    "Since switching to Zylo, I haven't had one complaint from the kids.",
    "A cure for the Monday blues.",
])
def test_biocides_and_figurative_answers_do_not(text: str) -> None:
    assert not {r for r in found(text) if r.startswith("health.")}


# --- environmental: a share the evidence states otherwise, organic for the whole when the
# evidence gives a part, recyclable where the evidence says it is not; store drop-off qualifies

@pytest.mark.parametrize("text, evidence", [
    ("Made from 70% recycled plastic.", ["Bottle made from 50% recycled plastic"]),
    ("Our tariff is 100% renewable.", ["Tariff is 60% renewable (REGO-backed)"]),
    ("Packs use 40% less plastic than before.", ["New pack uses 25% less plastic than the 2023 pack"]),
    ("We cut emissions by 30% since 2019.", ["Emissions down 22% since 2019 (verified)"]),
    ("Soft organic cotton tees.", ["Tee fabric is 20% organic cotton, 80% conventional cotton"]),
    ("Our crisp packets are recyclable.", ["Packets not recyclable kerbside; accepted at supermarket drop-off"]),
])
def test_a_figure_or_scope_the_evidence_states_otherwise_blocks(text: str, evidence: list[str]) -> None:
    assert "env.contradicted-claim" in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Made from 50% recycled plastic.", ["Bottle made from 50% recycled plastic"]),
    ("Packs use 25% less plastic than our 2023 pack.", ["New pack uses 25% less plastic than the 2023 pack"]),
    ("Soft tees made with 20% organic cotton.", ["Tee fabric is 20% organic cotton, 80% conventional cotton"]),
    ("Recyclable at supermarket drop-off points, not at the kerbside.",
     ["Packets not recyclable kerbside; accepted at supermarket drop-off"]),
])
def test_the_figure_or_scope_on_file_does_not(text: str, evidence: list[str]) -> None:
    found_ids = found(text, evidence)
    assert "env.contradicted-claim" not in found_ids and "env.recyclable-unqualified" not in found_ids


# --- health: an authorised claim on file allows its own wording, not an intensified one
# (Reg. 1924/2006 arts. 5, 6, 13; Reg. 432/2012; CAP 15.1.1)

AUTHORISED = ["80 mg caffeine per can; authorised claim: caffeine helps increase alertness (75 mg per serving)"]


@pytest.mark.parametrize("text", [
    "One can. Twelve hours of razor-sharp focus.",
    "Zylo: non-stop alertness from dawn to dusk.",
    "Doubles your focus before the big exam.",
])
def test_a_claim_beyond_the_authorised_wording_blocks(text: str) -> None:
    assert "health.beyond-authorised" in found(text, AUTHORISED)


@pytest.mark.parametrize("text", [
    "Caffeine helps to increase alertness. One can gives 80 mg.",
    "Laser-cut labels, lightly sparkling.",
])
def test_the_authorised_wording_itself_does_not(text: str) -> None:
    assert "health.beyond-authorised" not in found(text, AUTHORISED)


# --- health: evidence substantiates only what it documents: a denied condition, a taste test
# or a study of something else does not

@pytest.mark.parametrize("text, evidence, rule", [
    ("Zylo soothes eczema overnight.", ["Not tested on people with eczema"], "health.disease-claim"),
    ("Zylo soothes eczema overnight.", ["No clinical evidence for eczema"], "health.disease-claim"),
    ("Boosts your immune system all winter.", ["Consumer taste study of 50 people: 86% liked the flavour"],
     "health.unauthorised-claim"),
    ("Lose a stone in a month.", ["Taste study: 9/10 liked the chocolate flavour"], "health.weight-loss"),
    ("“I dropped 19 kilos in 12 weeks!” - Jade", ["Average loss in the 12-week trial was 2.1 kg"],
     "health.weight-loss"),
])
def test_evidence_of_something_else_does_not_substantiate(text: str, evidence: list[str], rule: str) -> None:
    assert rule in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Paracetamol relieves headaches and fever.", ["Licensed medicine PL 12345/0001; indications: headache, fever"]),
    ("Boosts your immune system all winter.", ["Clinical trial: 12-week RCT showed immune markers improved (n=200)"]),
])
def test_evidence_of_the_claim_itself_does(text: str, evidence: list[str]) -> None:
    assert not {r for r in found(text, evidence) if r.startswith("health.")}


# --- environmental: evidence substantiates only what it documents (16 CFR 260.5, 260.10)

@pytest.mark.parametrize("text, evidence, rule", [
    ("Carbon neutral since 2024.", ["Scope 1 emissions measured in 2024: 1,200 t CO2e"], "env.carbon-claim"),
    ("Carbon neutral since 2024.", ["Neutral via verified offsets (Gold Standard credits)"], "env.carbon-claim"),
    ("Non-toxic formula.", ["Free of parabens and SLS"], "env.non-toxic"),
])
def test_a_measurement_offsets_or_one_absent_substance_do_not_substantiate(text: str, evidence: list[str],
                                                                          rule: str) -> None:
    assert rule in found(text, evidence)


@pytest.mark.parametrize("text, evidence, rule", [
    ("Carbon neutral since 2024.", ["Operations verified net zero emissions without offsets (ISO 14064-1 audit, 2024)"],
     "env.carbon-claim"),
    ("Non-toxic formula.", ["Toxicology assessment: non-toxic to aquatic life (OECD 202)"], "env.non-toxic"),
])
def test_evidence_of_the_claim_itself_substantiates(text: str, evidence: list[str], rule: str) -> None:
    assert rule not in found(text, evidence)


@pytest.mark.parametrize("text, rule", [
    ("Zylo lip balm treats cold sores at the first tingle.", "health.disease-claim"),
    ("Zylo bone broth seals a leaky gut.", "health.disease-claim"),
    ("Zylo air purifier removes allergens that trigger asthma attacks.", "health.disease-claim"),
    ("Zylo water: hydration that flushes out disease.", "health.disease-claim"),
    ("Itchy dog? Zylo spray soothes it in minutes.", "health.disease-claim"),
    ("Zylo gin, with juniper to settle your stomach.", "health.unauthorised-claim"),
])
def test_pets_two_word_conditions_and_triggers_block(text: str, rule: str) -> None:
    assert rule in found(text)


@pytest.mark.parametrize("text", [
    "Flush out the dirt with the Zylo pressure washer.",
    "Seal the deal with Zylo.",
    "Keeps drinks cold for hours.",
    "Our air purifier removes dust and pet hair from every room.",
])
def test_their_household_twins_do_not(text: str) -> None:
    assert not {r for r in found(text) if r.startswith("health.")}


@pytest.mark.parametrize("text", [
    "Part of our Ocean Rescue range.",
    "Try the new Earth Restore serum.",
    "Planet Repair trainers, out now.",
])
def test_a_range_name_of_an_environmental_head_and_a_restoring_tail_is_a_claim(text: str) -> None:
    assert "env.generic-claim" in found(text)


@pytest.mark.parametrize("text", [
    "100% natural rubber soles.",
    "Sea rescue teams rely on our radios.",
    "Climate control system with two zones.",
])
def test_materials_and_services_named_like_them_are_not(text: str) -> None:
    assert "env.generic-claim" not in found(text)


# --- brief constraints: a required concept honoured in other words - "free" in any words, the
# same span of time, a count in words, soft labels ("options", "range", "policy"), a call to
# action as any imperative, "online" as a web address, an age restriction as "18+"

@pytest.mark.parametrize("text, constraints", [
    ("Delivery is on us this week.", ["Must mention free delivery"]),
    ("Send it back within a month for a full refund.", ["Mention the 30-day returns policy"]),
    ("Grab a seat at any of our forty cafés.", ["Must mention that we have 40 locations"]),
    ("Ends Sunday.", ["Include the end date of the offer"]),
    ("Sign up today.", ["Include a call to action"]),
    ("Book now at zylo.com.", ["Include a call to action to book online"]),
    ("18+ only. Please play responsibly.", ["Must include the age restriction"]),
    ("Available in three colours: red, blue and green.", ["Mention the colour options"]),
    ("Vegan and cruelty-free.", ["Mention that it's vegan"]),
])
def test_a_required_concept_said_in_other_words_is_honoured(text: str, constraints: list[str]) -> None:
    assert not _brief(brief_found(text, constraints))


@pytest.mark.parametrize("text, constraints", [
    ("Returns accepted for 14 days.", ["Mention the 30-day returns policy"]),
    ("Grab a seat at any of our cafés.", ["Must mention that we have 40 locations"]),
    ("We make shoes.", ["Include a call to action"]),
    ("Great shoes, great prices.", ["Mention the colour options"]),
])
def test_a_required_concept_left_out_or_changed_is_not(text: str, constraints: list[str]) -> None:
    assert _brief(brief_found(text, constraints))


@pytest.mark.parametrize("text, constraints", [
    ("Fits in your pocket.", ["Don't mention price"]),
    ("Spend a weekend in the Lakes.", ["Don't mention price"]),
    ("Quick to assemble.", ["No urgency"]),
    ("Light and crispy.", ["No nutrition claims"]),
    ("Made with real butter and a touch of salt.", ["No nutrition claims"]),
    ("Cheers to the weekend!", ["No alcohol references"]),
])
def test_the_fields_of_a_banned_kind_do_not_take_everyday_words(text: str, constraints: list[str]) -> None:
    assert not _brief(brief_found(text, constraints))


# --- health false blocks: condition words of things ("parking headaches", "cabin fever"),
# "cure" or "heal" of something that is not a body ("the cure for boring runs", "heal the divide")

@pytest.mark.parametrize("text", [
    "Parking headaches are over: we have fifty free spaces.",
    "Cabin fever? Book a weekend break and it's gone.",
    "Our new trainers: the cure for boring runs.",
    "Heal the divide: our charity brings communities together.",
    "Budgeting headaches? Our app sorts them out.",
])
def test_condition_words_used_of_things_are_not_disease_claims(text: str) -> None:
    assert "health.disease-claim" not in found(text)


@pytest.mark.parametrize("text", [
    "Blue-light glasses mean no more headaches at your desk.",
    "Banish tension headaches in minutes.",
    "Zylo soothes teething pain.",
    "Zylo heals your skin overnight.",
    "Zylo: the cure for everything.",
])
def test_their_medical_twins_are(text: str) -> None:
    assert "health.disease-claim" in found(text)


# --- environmental false blocks: the business sense of "sustainable", advice and events about
# green living, St Patrick's green, a possessive planet, the hikers' "Leave no trace"

@pytest.mark.parametrize("text", [
    "Sustainable growth for your small business.",
    "Go green for St Patrick's Day with our mint shake.",
    "Save the planet's coolest moments with our camera.",
    "Our eco-friendly tips for your garden.",
    "Zero-waste cooking class this Saturday.",
    "Leave no trace: pack out what you pack in (our hiking guide).",
])
def test_environmental_words_in_other_senses_are_not_claims(text: str) -> None:
    assert not {r for r in found(text) if r.startswith("env.")}


@pytest.mark.parametrize("text", [
    "Sustainable trainers for every day.",
    "Zylo helps save the planet.",
    "Zylo wipes leave no trace.",
])
def test_the_same_words_as_product_claims_are(text: str) -> None:
    assert {r for r in found(text) if r.startswith("env.")}


# --- health: children's development and behaviour claimed for a food (Reg. 1924/2006 art. 14(1)(b))

@pytest.mark.parametrize("text", [
    "Zylo gummies help kids concentrate in class.",
    "Zylo gummies: calmer kids, better grades.",
    "Zylo omega drops for growing brains.",
    "Give your child the focus to shine at school with Zylo vitamins.",
    "Zylo milk helps kids grow taller.",
])
def test_a_childrens_development_claim_for_a_food_blocks(text: str) -> None:
    assert "health.unauthorised-claim" in found(text)


@pytest.mark.parametrize("text", [
    "Our maths tutors help kids concentrate on tricky topics.",
    "Better grades start with our revision app.",
    "Calmer kids at bedtime with our story app.",
    "A desk lamp that helps your child focus on homework.",
])
def test_the_same_benefit_of_a_service_or_object_does_not(text: str) -> None:
    assert "health.unauthorised-claim" not in found(text)


@pytest.mark.parametrize("text", [
    "A weekend in Lisbon will lift your mood.",
    "Our mattress improves your sleep.",
    "Our playlist boosts your mood on Monday mornings.",
    "Yoga classes that support better sleep.",
])
def test_mood_and_sleep_from_things_not_eaten_are_not_food_health_claims(text: str) -> None:
    assert "health.unauthorised-claim" not in found(text)


@pytest.mark.parametrize("text", [
    "Zylo magnesium supports restful sleep.",
    "Zylo tea lifts your mood.",
])
def test_mood_and_sleep_from_a_food_are(text: str) -> None:
    assert "health.unauthorised-claim" in found(text)


@pytest.mark.parametrize("text", [
    "Morning after? #HangoverCure",
    "New in: #ArthritisRelief chews for dogs.",
    "#NoMoreMigraines with Zylo.",
])
def test_a_claim_in_a_hashtag_is_a_claim(text: str) -> None:
    assert "health.disease-claim" in found(text)


def test_a_brand_name_outside_a_hashtag_stays_a_name() -> None:
    assert "health.disease-claim" not in found("HealFast plasters for minor grazes on the go.")


# --- a probe batch of our own (written before it was run): the classes its misses exposed

@pytest.mark.parametrize("text, rule", [
    ("Your skin's new best defence against eczema flare-ups.", "health.disease-claim"),
    ("Zylo drops end restless nights.", "health.disease-claim"),
    ("Zylo ginger shots: the morning-sickness saviour.", "health.disease-claim"),
    ("Zylo cranberry capsules keep UTIs away.", "health.disease-claim"),
    ("Zylo balm: psoriasis, soothed.", "health.disease-claim"),
    ("Zylo lozenges: sore throat? Sorted.", "health.disease-claim"),
    ("Zylo shampoo stops hair fall in 3 weeks.", "health.disease-claim"),
    ("Zylo collagen gives your joints a second life.", "health.unauthorised-claim"),
    ("Zylo water bottles help end plastic pollution.", "env.generic-claim"),
    ("Zylo detergent won't harm rivers.", "env.generic-claim"),
])
def test_probe_batch_classes_block(text: str, rule: str) -> None:
    assert rule in found(text)


@pytest.mark.parametrize("text", [
    "Protection against scratches and drops.",
    "Rain? Sorted, with our waterproof jacket.",
    "Dinner, sorted.",
    "Our phone case: the hero of drop protection.",
    "Zylo is the gas and electricity supplier for you.",
])
def test_probe_batch_twins_do_not(text: str) -> None:
    assert not {r for r in found(text) if r.startswith(("health.", "env."))}


# --- a second probe batch of our own: its misses' classes

@pytest.mark.parametrize("text, rule", [
    ("Zylo kids' cough syrup: the natural way to quiet a night-time cough.", "health.disease-claim"),
    ("Sluggish digestion? Zylo fibre gets things moving.", "health.disease-claim"),
    ("Zylo serum: scars, be gone.", "health.disease-claim"),
    ("Feel the difference in your joints within days.", "health.unauthorised-claim"),
    ("Zylo beans are grown sustainably.", "env.generic-claim"),
])
def test_second_probe_batch_classes_block(text: str, rule: str) -> None:
    assert rule in found(text)


@pytest.mark.parametrize("text", [
    "Quiet the noise of your commute with Zylo headphones.",
    "Get your team moving again with our standing desks.",
    "Sluggish laptop? Our tune-up gets things moving.",
])
def test_second_probe_batch_twins_do_not(text: str) -> None:
    assert not {r for r in found(text) if r.startswith("health.")}


# --- health: a registered device or licensed medicine claiming its intended purpose

@pytest.mark.parametrize("text, evidence", [
    ("Zylo ice packs reduce swelling after a sprain.", ["CE-marked cold therapy device for minor sprains"]),
    ("Zylo patch relieves back pain.", ["CE-marked medical device for temporary relief of back pain"]),
])
def test_a_registered_products_intended_purpose_is_substantiated(text: str, evidence: list[str]) -> None:
    assert "health.disease-claim" not in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Zylo ice packs reduce swelling after a sprain.", []),
    ("Zylo gel also cures arthritis.", ["CE-marked cold therapy device for minor sprains"]),
])
def test_without_registration_or_beyond_the_purpose_it_is_not(text: str, evidence: list[str]) -> None:
    assert "health.disease-claim" in found(text, evidence)
