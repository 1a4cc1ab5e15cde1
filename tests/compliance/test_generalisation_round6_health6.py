"""Round 6, health and environmental (helper health6): each class with wordings of our own, in
other industries than the dev-fresh5a/5b snippets that exposed it, blocking cases and near misses
that must pass. They vary the class, not the sentence."""

from __future__ import annotations

import pytest

from tests.compliance.test_generalisation import found

# --- health: nutrition claims against the Annex's conditions, figures in any label order
# (Reg. 1924/2006 art. 8 and Annex; compliance/nutrition.py)


@pytest.mark.parametrize("text, evidence", [
    ("Our oat crackers are low fat and perfect with cheese.", ["Typical values per 100g: fat 7.5g, saturates 1.1g"]),
    ("A creamy, low-fat hot chocolate for cold nights.", ["Per 100ml prepared: fat 2.2g"]),
    ("Sprinkle our seed mix on salads: a great source of fibre.", ["Per 100g: energy 610 kcal, fibre 2.5g"]),
    ("Rye crispbreads packed with fibre, baked in Sweden.", ["Nutrition per 100g: energy 350kcal, fibre 4.8g"]),
    ("Our chicken noodle pot is high in protein and ready in 3 minutes.",
     ["Per pot: energy 380 kcal, protein 14g"]),
    ("A sparkling lemonade that's low in sugar.", ["Per 100ml: sugars 6.1g"]),
    ("Our tomato soup is low in salt.", ["Per 100g: salt 0.9g"]),
])
def test_a_nutrition_claim_the_figures_fail_blocks(text: str, evidence: list[str]) -> None:
    assert "health.nutrition-claim" in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Our oat crackers are low fat and perfect with cheese.", ["Typical values per 100g: fat 2.5g, saturates 0.4g"]),
    # 4 g per 100 g fails the 3 g route but 1.6 g per 100 kcal meets the energy route
    ("Our veg crisps are a source of fibre.", ["Per 100g: energy 250 kcal, fibre 4.0g"]),
    ("Bran flakes: a source of fibre.", ["Per 100g: energy 330 kcal, fibre 5.5g"]),
    ("Our chicken noodle pot is high in protein and ready in 3 minutes.",
     ["Per pot: energy 380 kcal, protein 24g"]),
    ("This lemonade isn't low in sugar, but it is made with real lemons.", ["Per 100ml: sugars 6.1g"]),
    ("A sparkling lemonade that's low in sugar.", ["Per 100ml: sugars 2.1g"]),
    ("Our soup is low in salt.", []),
])
def test_a_nutrition_claim_the_figures_meet_or_no_figure_passes(text: str, evidence: list[str]) -> None:
    assert "health.nutrition-claim" not in found(text, evidence)


# --- health: a weight-loss rate above 2 lb a week, whatever the evidence (CAP 13.10)


@pytest.mark.parametrize("text, evidence", [
    ("Shed up to 10lbs in your first fortnight with our meal shakes.",
     ["Authorised claim: meal replacements contribute to weight loss in an energy-restricted diet"]),
    ("Drop half a stone in your first week at FitCamp.", ["Clinical study of weight in 40 adults"]),
    ("Lose 5 kg in 2 weeks with our detox tea.", []),
])
def test_a_rate_above_the_ceiling_blocks_whatever_the_evidence(text: str, evidence: list[str]) -> None:
    assert "health.weight-loss" in found(text, evidence)


@pytest.mark.parametrize("text", [
    '"I dropped a dress size and ran a half marathon," says Maya. Most clients who train three times a week '
    'lose between 1 and 3 kg over eight weeks.',
    "In the context of an energy-restricted diet, glucomannan contributes to weight loss.",
])
def test_a_disclosed_testimony_or_the_authorised_wording_passes(text: str) -> None:
    assert "health.weight-loss" not in found(text)


# --- health: a body function given a boost as a noun; an illness never caught again;
# children's results from a food (Reg. 1924/2006 arts. 10, 13, 14)


@pytest.mark.parametrize("text", [
    "Our ginger kombucha gives your immune system a real jolt every morning.",
    "Start the day with a shot that gives your metabolism a helping hand.",
    "This elderberry syrup is your daily immunity kick.",
    "Take two capsules a day and you'll never catch a cold again.",
    "With our honey lozenges your kids won't pick up every bug going this winter.",
    "Our omega-3 chews for kids: a spoonful a day and watch their focus and marks soar.",
])
def test_function_and_prevention_claims_in_other_words_block(text: str) -> None:
    assert found(text) & {"health.unauthorised-claim", "health.disease-claim"}


@pytest.mark.parametrize("text", [
    "Our thermal gloves give your hands a fighting chance against the frost.",
    "Book ten tutoring sessions and watch their grades soar.",
    "Wrap up warm: you won't feel the cold weather in this coat.",
    "Our app gives your savings a proper kick every payday.",
])
def test_the_same_shapes_about_other_things_pass(text: str) -> None:
    assert not found(text) & {"health.unauthorised-claim", "health.disease-claim"}


# --- health: cells, DNA and tissues acted on (Directive 2001/83/EC art. 1(2)(b); Reg. 1223/2009)


@pytest.mark.parametrize("text", [
    "Our eye serum repairs damaged skin cells overnight.",
    "These joint tablets rebuild worn cartilage.",
    "A hair tonic that reactivates your dormant stem cells.",
    "Drink it daily to regenerate your collagen from within.",
])
def test_action_on_cells_or_tissues_blocks(text: str) -> None:
    assert "health.cellular-action" in found(text)


@pytest.mark.parametrize("text", [
    "We repair cell phones while you wait.",
    "Our balm helps replenish the skin's moisture barrier.",
    "Replace the battery cells every five years.",
    "Vitamin C contributes to normal collagen formation for the normal function of skin.",
])
def test_other_repairs_and_the_authorised_collagen_wording_pass(text: str) -> None:
    assert "health.cellular-action" not in found(text)


# --- health: ageing signs removed outright (Reg. 655/2013 Annex; CAP 12.1)


@pytest.mark.parametrize("text", [
    "Our eye cream erases crow's feet in a fortnight.",
    "Banish fine lines with one nightly drop.",
    "A body oil that gets rid of stretch marks for good.",
])
def test_ageing_signs_erased_block(text: str) -> None:
    assert "health.cosmetic-absolute" in found(text)


@pytest.mark.parametrize("text", [
    "Visibly reduces the appearance of fine lines in 4 weeks.",
    "Smooths the look of wrinkles while you sleep.",
    "Our steam iron gets rid of wrinkles from shirts in seconds.",
])
def test_appearance_claims_and_shirts_pass(text: str) -> None:
    assert "health.cosmetic-absolute" not in found(text)


# --- health: a cosmetic likened to a prescription or a procedure (Directive 2001/83/EC art. 1(2))


@pytest.mark.parametrize("text", [
    "Prescription-strength acne results, straight off the shelf.",
    "Our lip plumper is like fillers without the needle.",
    "Botox in a bottle for your forehead lines.",
])
def test_a_prescription_or_procedure_likeness_blocks(text: str) -> None:
    assert "health.medicinal-claim" in found(text)


def test_a_pharmacy_medicine_sold_without_prescription_is_not_a_likeness() -> None:
    assert "health.medicinal-claim" not in found("Ask your pharmacist: available without a prescription.")


# --- health: the reader's own treatment and a participle as adjective are no claims


@pytest.mark.parametrize("text", [
    "If you have a diagnosed skin condition, keep using whatever your GP has prescribed.",
    "Made for acne-prone skin. If you have a treated condition, follow what your dermatologist recommends.",
])
def test_safety_advice_about_the_readers_treatment_passes(text: str) -> None:
    assert not found(text) & {"health.disease-claim", "health.professional-recommendation"}


# --- env: neutrality claimed as achieved while the evidence gives a target (EU 2024/825 Annex I 4c)


@pytest.mark.parametrize("text, evidence", [
    ("Our bakery is already carbon neutral.", ["Target: net zero by 2035 (SBTi validated)"]),
    ("Every parcel we deliver is climate-neutral.", ["Net-zero goal for 2040; 18% reduction in emissions so far"]),
    ("We're officially a net zero bank.", ["SBTi-validated net zero target for 2045"]),
])
def test_achieved_neutrality_against_a_target_blocks(text: str, evidence: list[str]) -> None:
    assert "env.contradicted-claim" in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Our target is net zero by 2035, validated by the SBTi.", ["Target: net zero by 2035 (SBTi validated)"]),
    ("We're working towards net zero across the whole business.", ["SBTi-validated net zero target for 2045"]),
])
def test_a_target_stated_as_a_target_is_not_contradicted(text: str, evidence: list[str]) -> None:
    assert "env.contradicted-claim" not in found(text, evidence)


# --- env: a footprint halved, benefits counted in trees or bottles (16 CFR 260.3; CAP 11.1)


@pytest.mark.parametrize("text", [
    "Switch to our heat pump and halve your household emissions.",
    "Our train passes cut your commute's carbon footprint by a third.",
    "E-receipts from Zylo save thousands of trees every year.",
    "Our refill stations keep 2 million bottles out of landfill.",
])
def test_unbased_reductions_and_equivalents_block(text: str) -> None:
    assert found(text) & {"env.comparative-claim", "env.benefit-figure"}


@pytest.mark.parametrize("text, evidence", [
    ("Our refill stations keep 2 million bottles out of landfill.",
     ["2 million single-use bottles avoided in 2024 (refill station counters, audited)"]),
    ("Cut your heating emissions by 60% compared with a gas boiler.", []),
    ("Save time and paper with e-statements.", []),
])
def test_a_stated_basis_or_figure_passes(text: str, evidence: list[str]) -> None:
    assert not found(text, evidence) & {"env.comparative-claim", "env.benefit-figure"}


# --- env: the part named as the subject; a later bare comparison restating the basis given


@pytest.mark.parametrize("text", [
    "The Zylo kettle's outer shell is made from 100% recycled steel (base and cable not included).",
    "Our trainer uppers are now made from 100% recycled polyester.",
])
def test_a_whole_claim_of_a_named_part_passes(text: str) -> None:
    assert "env.whole-vs-part" not in found(text)


def test_a_comparison_restating_an_earlier_basis_passes() -> None:
    text = ("Our new jars use 40% less glass than the 2021 design. Same jam, lighter jar, less waste "
            "on every shelf.")
    assert "env.comparative-claim" not in found(text)


def test_a_bare_comparison_with_no_basis_anywhere_still_blocks() -> None:
    assert "env.comparative-claim" in found("Same jam, less waste on every shelf.")


# --- a second probe of the round (our wordings, written before running them)


@pytest.mark.parametrize("text, rule", [
    ("Our probiotic yoghurt drink gives your gut a daily reset.", "health.unauthorised-claim"),
    ("Never get another winter cold: our zinc lozenges have you covered.", "health.unauthorised-claim"),
    ("Kids who take our fish oil every morning are sharper at school.", "health.unauthorised-claim"),
    ("A scoop of our growing-up milk for brighter little learners.", "health.unauthorised-claim"),
    ("The peptide serum rewinds your skin's biological clock.", "health.cellular-action"),
])
def test_second_probe_health(text: str, rule: str) -> None:
    assert rule in found(text)


@pytest.mark.parametrize("text", [
    "Our tutoring app: watch their reading improve in a term.",
    "Our lamp helps kids stay sharper at homework time.",
])
def test_second_probe_no_food_no_claim(text: str) -> None:
    assert "health.unauthorised-claim" not in found(text)


def test_a_saving_from_landfill_not_on_file_blocks() -> None:
    assert "env.benefit-figure" in found("Every refill saves 3 plastic bottles from landfill.",
                                         ["Each refill replaces one 500ml bottle"])


def test_a_reduction_since_a_base_year_passes() -> None:
    text = "We've cut our fleet's CO2 emissions by 42% since 2019 by switching 300 vans to electric."
    assert "env.comparative-claim" not in found(text)


# --- health: an authorised claim's daily condition of use against the dose the copy names
# (Reg. 1924/2006 arts. 5(1)(d), 13, 14; Reg. 432/2012 conditions of use)

_BETA = ["Authorised claim: oat beta-glucan lowers blood cholesterol; condition 3g/day",
         "1.5g oat beta-glucan per 40g serving"]
_YEAST = ["Authorised claim: yeast beta-glucan supports immunity; condition of use 200mg per day",
          "100mg yeast beta-glucan per capsule"]


@pytest.mark.parametrize("text, evidence", [
    ("A bowl of our oat porridge every day helps keep cholesterol down.", _BETA),
    ("Take one capsule a day for normal immune function.", _YEAST),
])
def test_a_dose_below_the_condition_blocks(text: str, evidence: list[str]) -> None:
    assert "health.condition-of-use" in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Two bowls of our porridge a day give you the 3g of beta-glucan that lowers cholesterol.", _BETA),
    ("Take two capsules a day for normal immune function.", _YEAST),
    ("One bowl a day, with fruit, makes a lovely breakfast.", _BETA),
])
def test_a_dose_that_meets_it_or_no_claim_passes(text: str, evidence: list[str]) -> None:
    assert "health.condition-of-use" not in found(text, evidence)


# --- a precision probe of the new classes (things, not bodies; a scope that is verified)


@pytest.mark.parametrize("text, evidence", [
    ("Our carpet cleaning service removes wrinkles from rugs and restores the pile.", []),
    ("The garage can repair damaged cells in your EV battery pack.", []),
    ("Our fleet is net zero on Scope 1 since 2022, verified by the Carbon Trust.",
     ["Scope 1 net zero since 2022 verified by Carbon Trust (PAS 2060)", "Net zero target for all scopes by 2040"]),
    ("We never catch a break on a Monday, but our coffee helps.", []),
    ("Our kombucha isn't low sugar, but it's honest: 5g per can.", ["Per 100ml: sugars 2.0g"]),
])
def test_precision_probe_passes(text: str, evidence: list[str]) -> None:
    assert not found(text, evidence) & {"health.cosmetic-absolute", "health.cellular-action", "env.contradicted-claim",
                                        "health.unauthorised-claim", "health.nutrition-claim"}


def test_wrinkles_erased_from_the_face_still_block() -> None:
    assert "health.cosmetic-absolute" in found("Erase wrinkles from your face in a week.")


# --- health: proof claimed against evidence of no study in people (CAP 12.1, 3.7; FTC HPCG 2.2)


@pytest.mark.parametrize("text, evidence", [
    ("Clinically proven to restore elasticity.", ["No human study has been run on the finished product"]),
    ("Our cough syrup is clinically proven to soothe throats faster.",
     ["Lab test of viscosity only; no clinical trial"]),
    ("Backed by clinical trials, our gummies support sleep.", ["In vitro antioxidant assay only"]),
])
def test_proof_the_evidence_denies_blocks(text: str, evidence: list[str]) -> None:
    assert "health.proof-contradicted" in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Clinically shown to improve hydration.", ["Independent clinical study, 30 adults, 4 weeks: +24% skin hydration"]),
    ("Our hand gel is dermatologically tested.",
     ["Dermatologist tested on 50 adults; in vitro 99.9% reduction of bacteria"]),
])
def test_proof_with_a_study_in_people_passes(text: str, evidence: list[str]) -> None:
    assert "health.proof-contradicted" not in found(text, evidence)


# --- a third probe: ageing reversed as a metaphor, fat burnt, a footprint slashed


@pytest.mark.parametrize("text, rule", [
    ("Collagen gummies that turn back the clock on your skin.", "health.unauthorised-claim"),
    ("Our green tea extract burns belly fat while you sleep.", "health.weight-loss"),
    ("Switch to our plant-based milk and slash your breakfast's carbon footprint.", "env.comparative-claim"),
])
def test_third_probe_blocks(text: str, rule: str) -> None:
    assert rule in found(text)


@pytest.mark.parametrize("text", [
    "Turn back the clock this weekend: our retro arcade is open late.",
    "We cut our office's carbon footprint by 30% compared with 2021.",
])
def test_third_probe_passes(text: str) -> None:
    assert not found(text) & {"health.unauthorised-claim", "env.comparative-claim"}
