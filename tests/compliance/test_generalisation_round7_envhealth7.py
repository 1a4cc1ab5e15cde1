"""Round 7, environmental and health (helper envhealth7): each class with wordings of our own, in
other industries than the dev-fresh6a/6b snippets that exposed it, blocking cases and the near
misses that must pass. They vary the class (what answers a claim, which rule owns a figure, which
words are green claims), not the sentence."""

from __future__ import annotations

import pytest

from tests.compliance.test_generalisation import found

# --- env: the advertiser's motive is no qualifier; a reason is (EU 2024/825 Annex I 4a; CAP 11.3)


@pytest.mark.parametrize("text", [
    "Our candles come in eco-friendly tins, because we care about the planet as much as you do.",
    "Sustainable coffee pods, because we believe every cup should count.",
    "Planet-friendly gift wrap — because the planet matters to us.",
])
def test_a_green_claim_with_a_motive_for_a_reason_blocks(text: str) -> None:
    assert "env.generic-claim" in found(text)


@pytest.mark.parametrize("text", [
    "Eco-friendly tins, because they are made from 90% recycled aluminium.",
    "Our mugs are greener because every one is fired in a solar-powered kiln.",
])
def test_a_green_claim_with_a_reason_passes(text: str) -> None:
    assert "env.generic-claim" not in found(text)


# --- env: a discount is no qualifier of a green claim (evidenced_number)


@pytest.mark.parametrize("text, evidence", [
    ("Our eco-friendly trainers are up to 40% off this week.", ["Sale: 10% to 40% off selected lines"]),
    ("Sustainable sofas, now 25% off.", ["Sofa sale: 25% off until Sunday"]),
])
def test_a_green_claim_beside_a_discount_blocks(text: str, evidence: list[str]) -> None:
    assert "env.generic-claim" in found(text, evidence)


def test_a_green_claim_beside_its_own_evidenced_figure_passes() -> None:
    assert "env.generic-claim" not in found("Sustainable sofas: 80% of the frame is FSC timber.",
                                            ["80% of frame timber FSC certified"])


# --- env: "natural" set against drugs or side effects is a health claim, not a green one


@pytest.mark.parametrize("text", [
    "Unlike sleeping tablets, our herbal drops are 100% natural.",
    "All natural, so there are no side effects to worry about.",
])
def test_natural_against_medicines_is_not_a_green_claim(text: str) -> None:
    assert "env.generic-claim" not in found(text)


@pytest.mark.parametrize("text", [
    "Our cleaning spray is 100% natural.",
    "Natural ingredients in every tub of our paint.",
])
def test_natural_of_a_product_is_still_a_green_claim(text: str) -> None:
    assert "env.generic-claim" in found(text)


# --- env: a reduction's figure is the environmental rule's only when its object is environmental;
# a range on file states every figure inside it; two measured values on file state their change


@pytest.mark.parametrize("text, evidence", [
    ("Our new boiler burns 30% less gas.", ["Boiler gas use: 22% lower than the previous model"]),
    ("The new e-scooter uses 50% less energy than the old one.",
     ["New model: 150 kWh/year", "Old model: 240 kWh/year"]),
    ("The new van emits 35% less CO2 than the model it replaces.",
     ["New van WLTP CO2: 160 g/km", "Previous van WLTP CO2: 190 g/km"]),
])
def test_an_environmental_reduction_the_evidence_states_otherwise_blocks(text: str, evidence: list[str]) -> None:
    assert "env.contradicted-claim" in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Our trains use around 20% less electricity per seat.", ["Electricity per seat: 18-22% lower than the old fleet"]),
    ("The new van emits 15% less CO2 than the model it replaces.",
     ["New van WLTP CO2: 160 g/km", "Previous van WLTP CO2: 190 g/km"]),
    ("The new e-scooter uses 40% less energy than the old one.",
     ["New model: 150 kWh/year", "Old model: 240 kWh/year"]),
    ("80% fewer frizzy days this summer.", ["Salon panel: 50% reduction in frizz"]),
])
def test_a_reduction_on_file_or_not_environmental_passes_the_env_rule(text: str, evidence: list[str]) -> None:
    assert "env.contradicted-claim" not in found(text, evidence)


# --- env: a field that denies the neutrality outright makes no offset-neutrality claim


@pytest.mark.parametrize("text", [
    "Add a tree at checkout to help balance out your parcel's carbon. Planting trees does not make a delivery "
    "carbon neutral, but it funds real projects.",
    "You can offset your stay with a verified project. Offsetting doesn't make a holiday carbon neutral.",
])
def test_an_offset_with_neutrality_denied_passes(text: str) -> None:
    assert "env.carbon-claim" not in found(text)


@pytest.mark.parametrize("text", [
    "We offset every delivery, so your parcel is carbon neutral.",
    "We offset every delivery. We're not just carbon neutral, we're carbon negative.",
])
def test_an_offset_claimed_as_neutrality_blocks(text: str) -> None:
    assert "env.carbon-claim" in found(text)


# --- health: a cosmetic or body efficacy figure that the study on file states otherwise
# (Reg. 655/2013 Annex criteria 3-4; CAP 3.7)


@pytest.mark.parametrize("text, evidence", [
    ("70% fewer dark spots in two weeks.", ["Clinical test, n=30: dark spot area reduced 18% after 8 weeks"]),
    ("Reduces redness by 60% in a week.", ["Dermatologist-graded study n=32: redness reduced by 22% after 4 weeks"]),
    ("Skin 70% more hydrated after one use.", ["Corneometer test n=25: hydration +24% at 1 hour"]),
])
def test_an_efficacy_figure_above_the_study_blocks(text: str, evidence: list[str]) -> None:
    assert "health.figure-contradicted" in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("18% fewer dark spots after 8 weeks.", ["Clinical test, n=30: dark spot area reduced 18% after 8 weeks"]),
    ("Reduces redness by 20% in four weeks.", ["Study n=32: redness reduced by 18-24% after 4 weeks"]),
    ("70% fewer dark spots in two weeks.", []),
    # a styling figure is the product's performance (ads.claim-number), not the body's condition
    ("Lashes 80% longer after one coat.", ["Instrumental test: lash length +35% after application"]),
    ("Cuts frizz by 90% on humid days.", ["Salon panel n=20: frizz score reduced 40%"]),
])
def test_an_efficacy_figure_the_study_gives_or_no_study_passes(text: str, evidence: list[str]) -> None:
    assert "health.figure-contradicted" not in found(text, evidence)


# --- health: an evidence item that denies the study substantiates nothing


@pytest.mark.parametrize("text, evidence", [
    ("Our herbal tea flushes toxins from your kidneys overnight.", ["No studies on kidney function or detoxification"]),
    ("A daily shot that will detox your liver.", ["Not clinically studied for liver health"]),
])
def test_a_denied_study_substantiates_no_health_claim(text: str, evidence: list[str]) -> None:
    assert "health.unauthorised-claim" in found(text, evidence)


# --- health: an authorised "normal function" raised above normal, or intelligence (arts. 13, 14)


@pytest.mark.parametrize("text, evidence", [
    ("Our iron drops boost your child's memory and even their IQ.",
     ["Authorised claim: iron contributes to normal cognitive function"]),
    ("Iodine gummies that improve concentration at school.",
     ["Authorised claim: iodine contributes to normal cognitive function"]),
])
def test_a_function_raised_above_the_authorised_claim_blocks(text: str, evidence: list[str]) -> None:
    assert "health.beyond-authorised" in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Iron contributes to normal cognitive function.",
     ["Authorised claim: iron contributes to normal cognitive function"]),
    ("Our puzzle app helps improve memory with daily games.", []),
])
def test_the_authorised_wording_or_no_food_passes(text: str, evidence: list[str]) -> None:
    assert not found(text, evidence) & {"health.beyond-authorised", "health.unauthorised-claim"}


# --- health: recovery sped up is no authorised claim of any nutrient


@pytest.mark.parametrize("text", [
    "Our recovery bars help your legs bounce back twice as fast after a long ride.",
    "Collagen jelly that speeds up muscle recovery.",
])
def test_recovery_sped_up_blocks(text: str) -> None:
    assert "health.unauthorised-claim" in found(text)


@pytest.mark.parametrize("text", [
    "Recover deleted photos twice as fast with Zylo Restore.",
    "Protein contributes to the growth of muscle mass.",
])
def test_recovery_of_things_or_the_authorised_claim_passes(text: str) -> None:
    assert "health.unauthorised-claim" not in found(text)


# --- health: professionals recommending a product the copy names as a food or supplement (art. 12(c))


@pytest.mark.parametrize("text", [
    "Pharmacists recommend Zylo Iron gummies.",
    "Our probiotic capsules, recommended by nutritionists.",
    "Midwives trust Zylo pregnancy multivitamins.",
])
def test_professionals_recommending_a_supplement_block(text: str) -> None:
    assert "health.professional-recommendation" in found(text)


@pytest.mark.parametrize("text", [
    "Doctors recommend a vitamin D supplement in autumn and winter.",
    "Dentists recommend brushing twice a day.",
    "Physios recommend Zylo foam rollers.",
])
def test_general_advice_or_no_food_is_not_a_professional_recommendation(text: str) -> None:
    assert "health.professional-recommendation" not in found(text)


# --- health: a legal condition quoted on file is not the product's figure (nutrition.py)


def test_a_quoted_threshold_is_not_the_products_protein_share() -> None:
    evidence = ["Per 40 g bar: 180 kcal, protein 5 g", "Conditions: high protein needs at least 20% of energy"
                " from protein"]
    assert "health.nutrition-claim" in found("Our high-protein granola bar.", evidence)
    evidence = ["Protein provides 26% of energy", "Conditions: high protein needs at least 20% of energy from protein"]
    assert "health.nutrition-claim" not in found("Our high-protein granola bar.", evidence)


# --- health: safety instructions and other senses of claim words


@pytest.mark.parametrize("text", [
    "Do a patch test, and stop using the oil if redness appears.",
    "Stop taking the tablets if you feel dizzy and speak to your pharmacist.",
    "Our pottery course runs as a full block of ten evenings.",
    "Members who finish the full block add an average of 10 kg to their lifts.",
    "Across all 50 members, the average weight loss was 2.4 kg over 10 weeks.",
])
def test_instructions_and_other_senses_pass(text: str) -> None:
    assert not found(text) & {"health.disease-claim", "health.sun-protection-absolute", "health.weight-loss"}


@pytest.mark.parametrize("text, rule", [
    ("It stops irritation in minutes.", "health.disease-claim"),
    ("Our SPF 50 lotion is a total block for the beach.", "health.sun-protection-absolute"),
    ("Total block against the sun all day.", "health.sun-protection-absolute"),
    ("Members see an average weight loss of 6 kg in 2 weeks.", "health.weight-loss"),
])
def test_the_claims_themselves_still_block(text: str, rule: str) -> None:
    assert rule in found(text)


# --- probe round (written before running): green packaging and a source-of-protein threshold


@pytest.mark.parametrize("text, rule", [
    ("Green packaging for every parcel, because we care.", "env.generic-claim"),
    ("Green shipping on all orders over £30.", "env.generic-claim"),
])
def test_green_of_the_pack_or_the_parcel_blocks(text: str, rule: str) -> None:
    assert rule in found(text)


@pytest.mark.parametrize("text", [
    "Sage green packaging with gold foil.",
    "Our gift boxes come in red and green packaging.",
    "Green packaging printed with gold ink.",
])
def test_green_as_a_colour_of_the_pack_passes(text: str) -> None:
    assert "env.generic-claim" not in found(text)


def test_a_quoted_threshold_inside_the_share_phrase_is_not_the_products_share() -> None:
    evidence = ["Per cookie: 200 kcal, protein 4 g", "Source of protein requires at least 12% of energy from protein"]
    assert "health.nutrition-claim" in found("Our cookies are a source of protein.", evidence)


# --- health: a named person's loss reported through a relative or a pronoun is a testimony
# (weight_rate.py): at a sustainable rate it is the endorsement rules' matter, above it it blocks


@pytest.mark.parametrize("text", [
    "Your results may differ from Amy's, who lost 10 kg in 6 months; most people lose less.",
    "She lost 8 kg in 5 months with our coaching.",
])
def test_a_testimony_at_a_sustainable_rate_is_not_a_weight_loss_claim(text: str) -> None:
    assert "health.weight-loss" not in found(text)


@pytest.mark.parametrize("text", [
    "Results may differ. Ben, who lost 3 stone in 6 weeks, trained every day.",
    "He shed 2 stone in 4 weeks on our shakes.",
    "Lose 10 kg in 6 months with our plan.",
])
def test_a_testimony_too_fast_or_a_promise_blocks(text: str) -> None:
    assert "health.weight-loss" in found(text)


# --- env, third probe: green word formation ("enviro-"), conscious packs, a light footprint


@pytest.mark.parametrize("text", [
    "Enviro-friendly cleaning tablets.",
    "Conscious packaging for conscious people.",
    "A low-footprint holiday in the Lakes.",
    "Our light-footprint tours of Iceland.",
])
def test_green_words_in_other_forms_block(text: str) -> None:
    assert "env.generic-claim" in found(text)


@pytest.mark.parametrize("text", [
    "A compact printer with a small footprint on your desk.",
    "Low memory footprint for older laptops.",
])
def test_a_physical_or_memory_footprint_passes(text: str) -> None:
    assert "env.generic-claim" not in found(text)


# --- health, fourth probe: organs cleansed or reset, children made smarter by a food, colds
# shortened, professionals' choice of a supplement, an energy figure alone, firmness by a figure


@pytest.mark.parametrize("text, evidence, rule", [
    ("A tea that cleanses your kidneys.", [], "health.unauthorised-claim"),
    ("Kombucha that resets your gut in 5 days.", [], "health.unauthorised-claim"),
    ("Omega gummies that make kids smarter.", [], "health.unauthorised-claim"),
    ("Vitamin gummies for a brainier baby.", [], "health.unauthorised-claim"),
    ("Zinc lozenges that shorten colds by 3 days.", [], "health.disease-claim"),
    ("Recommended by 9 out of 10 GPs: Zylo vitamin C tablets.", [], "health.professional-recommendation"),
    ("Paediatricians' top choice of baby probiotic drops.", [], "health.professional-recommendation"),
    ("A low-calorie snack bar.", ["Per 100g: energy 380 kcal"], "health.nutrition-claim"),
    ("Lifts and firms skin by 50%.", ["Cutometer: firmness improved 14%"], "health.figure-contradicted"),
])
def test_fourth_probe_claims_block(text: str, evidence: list[str], rule: str) -> None:
    assert rule in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Our cleanser gently cleanses your skin.", []),
    ("Reset your router and try again.", []),
    # the system of an appliance or an app, the body clock, an email's body
    ("Flush the system with clean water before first use.", []),
    ("Reset your system preferences in the settings menu.", []),
    ("Our sunrise alarm helps reset your body clock after a long-haul flight.", []),
    ("Reset the body of the email to the default template.", []),
    ("Our tutors make kids smarter about money.", []),
    ("Shorten your commute with our e-bikes.", []),
    ("Recommended by 9 out of 10 dog trainers: Zylo chews.", []),
    ("The nurses' favourite compression socks.", []),
    ("A low-calorie snack bar.", ["Per 100g: energy 35 kcal"]),
    ("Firms skin by 14% in 4 weeks.", ["Cutometer: firmness improved 14% after 4 weeks"]),
])
def test_fourth_probe_near_misses_pass(text: str, evidence: list[str]) -> None:
    assert not {r for r in found(text, evidence) if r.startswith("health.")}


# --- env, fifth probe: whose emissions are cancelled out; a change derived from kg CO2e figures


@pytest.mark.parametrize("text", [
    "We plant a tree for every order to cancel out your delivery's emissions.",
    "Balance out your holiday's carbon footprint with one click.",
])
def test_neutralising_a_named_things_emissions_blocks(text: str) -> None:
    assert "env.carbon-claim" in found(text)


@pytest.mark.parametrize("text, rule_found", [
    ("Our trucks emit 50% less CO2 per delivery than in 2019.", True),
    ("Our trucks emit 37% less CO2 per delivery than in 2019.", False),
])
def test_a_share_against_two_kg_co2e_figures(text: str, rule_found: bool) -> None:
    evidence = ["Fleet CO2 per delivery: 1.2 kg CO2e in 2024 vs 1.9 kg CO2e in 2019"]
    assert ("env.contradicted-claim" in found(text, evidence)) is rule_found
