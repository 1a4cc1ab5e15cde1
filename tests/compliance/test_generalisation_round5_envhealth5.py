"""Round 5, environmental / health / brief constraints (helper envhealth5): the classes, each
with twins that must not change. Wordings are our own, in other industries than the dev
snippets that exposed each class; they vary the class, not the sentence."""

from __future__ import annotations

import pytest

from tests.compliance.test_generalisation import found

# --- env: a positive balance said as a comparison ("gives back more water than it takes");
# EU Directive 2024/825 Annex I 4a, 16 CFR 260.4(b)

@pytest.mark.parametrize("text", [
    "Every pair of Zylo trainers plants more trees than it takes to make.",
    "Our vineyard puts more water back into the river than it draws.",
    "Each Zylo flight removes more carbon from the air than it emits.",
    "Zylo farms lock away more CO2 than they produce, every single year.",
])
def test_a_positive_balance_by_comparison_is_a_generic_claim(text: str) -> None:
    assert found(text) & {"env.generic-claim", "env.carbon-claim"}


@pytest.mark.parametrize("text", [
    "Zylo saves you more time than it takes to set up.",
    "Our new kettle boils more water than the old one, in half the time.",
    "Zylo gives you more energy than coffee, with no crash.",
])
def test_a_comparison_of_something_else_is_not(text: str) -> None:
    assert not found(text) & {"env.generic-claim", "env.carbon-claim"}


# --- env: no footprint and no emissions as absolutes (EU 2024/825 Annex I 4a, 4c; 16 CFR 260.4)

@pytest.mark.parametrize("text", [
    "Each Zylo parcel arrives with zero footprint on the planet.",
    "A footprint-free way to heat your home.",
    "Zylo scooters make your commute emission-free.",
    "Stream all night: our servers leave no carbon footprint.",
])
def test_no_footprint_or_emission_free_is_a_carbon_claim(text: str) -> None:
    assert "env.carbon-claim" in found(text)


@pytest.mark.parametrize("text", [
    "Zylo heat pumps cut a typical home's heating footprint by 40% against a gas boiler.",
    "We measure the footprint of every parcel and publish it.",
    "Our footprint calculator shows the emissions of every trip you book.",
])
def test_a_measured_or_qualified_footprint_is_not(text: str) -> None:
    assert "env.carbon-claim" not in found(text)


# --- env: degrading in other words, and evidence read for what it documents
# (16 CFR 260.8; a denied or untested fact substantiates nothing)

@pytest.mark.parametrize("text, evidence", [
    ("Zylo balloons break down into nothing after the party.", []),
    ("Zylo wet wipes break down harmlessly once flushed.",
     ["Wipes contain PET fibres; no test for biodegradation in sewers."]),
    ("Biodegradable confetti for your big day.",
     ["Paper confetti; biodegrades in industrial compost; soil biodegradation not tested."]),
])
def test_degrading_claims_with_untested_evidence_block(text: str, evidence: list[str]) -> None:
    assert "env.degradable" in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Zylo bin liners biodegrade in soil within 12 months.",
     ["Biodegrades in soil within 12 months (TÜV OK biodegradable SOIL)."]),
    ("Our stain remover breaks down grease in seconds.", []),
    ("Zylo pods are compostable in industrial composting facilities, which may not exist in your area.", []),
])
def test_substantiated_degrading_or_non_environmental_breaking_down_is_not(text: str, evidence: list[str]) -> None:
    assert "env.degradable" not in found(text, evidence)


# --- env: an environmental badge the evidence says is the brand's own
# (EU 2024/825 Annex I 2a; 16 CFR 260.6)

@pytest.mark.parametrize("text, evidence", [
    ("Look out for the EcoHeart seal on our sofas.", ["EcoHeart is our own seal; not a third-party certification."]),
    ("Every can carries our GreenWave mark.", ["GreenWave mark created in-house; no independent certification."]),
])
def test_a_self_made_seal_the_evidence_admits_blocks(text: str, evidence: list[str]) -> None:
    assert "env.self-certified" in found(text, evidence)


def test_a_certified_seal_does_not() -> None:
    assert "env.self-certified" not in found(
        "Look out for the EcoHeart seal on our sofas.",
        ["EcoHeart seal certified by an accredited third-party body (UKAS)."])


# --- env: a recycled-content claim for the whole when the evidence gives a part
# (16 CFR 260.13(b), 260.3(c))

@pytest.mark.parametrize("text, evidence", [
    ("Our yoga mats are made from recycled rubber.", ["Mats contain 40% recycled rubber"]),
    ("Zylo notebooks: made with recycled paper.", ["Pages are 55% post-consumer recycled paper"]),
    ("Zylo phone cases use recycled plastic.", ["Cases contain 20% recycled plastic"]),
])
def test_recycled_content_without_the_share_on_file_blocks(text: str, evidence: list[str]) -> None:
    assert "env.contradicted-claim" in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Our yoga mats are made with 40% recycled rubber.", ["Mats contain 40% recycled rubber"]),
    ("Our yoga mats contain some recycled rubber (40%).", ["Mats contain 40% recycled rubber"]),
    ("Zylo notebooks are made from recycled paper.", ["Pages and covers are 100% recycled paper"]),
    # nearly all of it: a small overstatement, env.recycled-content's Medium
    ("Zylo notebooks are made from recycled paper.", ["Pages are 95% recycled paper"]),
])
def test_recycled_content_with_the_share_or_whole_is_not(text: str, evidence: list[str]) -> None:
    assert "env.contradicted-claim" not in found(text, evidence)


# --- env: ocean claims for ocean-bound material, plastic-free for a lined pack, hourly
# matching for annual certificates (16 CFR 260.3(a), 260.9(b), 260.15; CAP 11.3)

@pytest.mark.parametrize("text, evidence", [
    ("Every Zylo sunglasses frame is pulled from the sea.", ["Frames: 30% ocean-bound plastic collected near coasts"]),
    ("Zylo crisps come in a plastic-free bag.", ["Bag is paper with a PE lining"]),
    ("Zylo coffee pods are completely plastic-free.", ["Pods are 8% plastic by weight (barrier layer)"]),
    ("Our offices run on renewable power matched every hour of the day.",
     ["Renewable electricity matched annually with REGOs"]),
    ("Every Zylo store runs on clean power from the wind.",
     ["Supply matched with REGO certificates; physical supply is grid mix"]),
])
def test_claims_the_evidence_contradicts_block(text: str, evidence: list[str]) -> None:
    assert "env.contradicted-claim" in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Frames made with 30% ocean-bound plastic, collected on land near coasts.",
     ["Frames: 30% ocean-bound plastic collected near coasts"]),
    ("Zylo crisps come in a plastic-free bag.", ["Bag is 100% paper; no plastic lining."]),
    ("Our offices use renewable electricity, matched annually with REGO certificates.",
     ["Renewable electricity matched annually with REGOs"]),
])
def test_the_same_claims_qualified_are_not(text: str, evidence: list[str]) -> None:
    assert "env.contradicted-claim" not in found(text, evidence)


# --- env: generic claims in lists, superlatives of cleanliness, coined "conscious" ranges
# (16 CFR 260.4(b); EU 2024/825 Annex I 4a)

@pytest.mark.parametrize("text", [
    "Zylo dog shampoo is gentle on paws, coats and the planet.",
    "It's safe for your skin, your family and the environment.",
    "Electric ferries: the greenest way to cross the bay.",
    "Rail is the cleanest way to reach the Alps.",
    "Shop the Conscious Edit: ten pieces for summer.",
])
def test_generic_claims_in_other_shapes_block(text: str) -> None:
    assert "env.generic-claim" in found(text)


@pytest.mark.parametrize("text", [
    "Go green this spring: our new sage and olive shades are in.",
    "The cleanest way to clean your oven is our steam cycle.",
    "Safe for your skin, your family and your budget.",
    "Try our natural wine list: low-intervention bottles from small growers.",
])
def test_colour_cleaning_and_category_words_are_not(text: str) -> None:
    assert "env.generic-claim" not in found(text)


# --- health: a medicine given up or replaced in any verb ("ditched the painkillers", "stay off
# the statins"); Directive 2001/83/EC art. 1(2); CAP 12.2; FTC HPCG 3.1

@pytest.mark.parametrize("text", [
    "Since switching to Zylo tea, my mum has come off her blood pressure tablets.",
    "Customers tell us they've ditched the antihistamines for good.",
    "A daily Zylo shot is the easy way to stay off the statins.",
    "Zylo drops: no more inhalers on the school run.",
])
def test_a_medicine_given_up_is_a_medicinal_claim(text: str) -> None:
    assert "health.medicinal-claim" in found(text)


@pytest.mark.parametrize("text", [
    "Never stop taking prescribed medication without talking to your doctor.",
    "Zylo organisers keep your tablets and inhalers in one place.",
    "We ditched the plastic tubs for card boxes.",
])
def test_medicine_advice_and_other_ditching_are_not(text: str) -> None:
    assert "health.medicinal-claim" not in found(text)


# --- health: problem and solution in other shapes (a condition, a hangover's night, then an
# outcome: "have your back", "like it never happened", "back to how you felt"); FTC HPCG 2.1

@pytest.mark.parametrize("text", [
    "Tension headaches? Zylo balm has your back.",
    "Heavy night out? Two Zylo capsules and you'll wake up like it never happened.",
    "Achy hips? Zylo oil gets you back to how you felt at forty.",
    "Cystitis again? Zylo cranberry sachets, sorted.",
    "Hungover? Zylo electrolyte tabs have you feeling human again.",
])
def test_problem_then_solution_is_a_disease_claim(text: str) -> None:
    assert found(text) & {"health.disease-claim", "health.unauthorised-claim"}


@pytest.mark.parametrize("text", [
    "Long commute? Our Zylo backpack has your back.",
    "Big night out? Zylo taxis get you home safely.",
    "Moving house? Zylo Removals, sorted.",
])
def test_a_non_medical_problem_solved_is_not(text: str) -> None:
    assert not found(text) & {"health.disease-claim", "health.unauthorised-claim"}


# --- health: a condition resolved, said of a flare, thinning hair or arthritis easing
# (CAP 12.2, 15.6)

@pytest.mark.parametrize("text", [
    "Dab it on and watch the flare calm down by morning.",
    "Zylo serum stops hair thinning in its tracks.",
    "Owners say their cat's arthritis eases within days.",
    "Zylo tonic halts thinning at the crown.",
])
def test_a_resolved_flare_thinning_or_arthritis_is_a_disease_claim(text: str) -> None:
    assert "health.disease-claim" in found(text)


@pytest.mark.parametrize("text", [
    "Our jeans have a subtle flare at the hem.",
    "Zylo paint needs no thinning before use.",
    "Traffic eases after 7pm, so book a late slot.",
])
def test_fashion_paint_and_traffic_are_not(text: str) -> None:
    assert "health.disease-claim" not in found(text)


# --- health: satiety beyond the authorised nutrition claim ("keeps you fuller for longer");
# Reg. 1924/2006 arts. 10, 13 (no authorised satiety claim); CAP 15.1

@pytest.mark.parametrize("text, evidence", [
    ("Source of protein, to keep you full until lunch.", ["12 g protein per serving (24% of energy)"]),
    ("Zylo oat bars keep hunger at bay all afternoon.", []),
    ("High in fibre and leaves you feeling fuller for longer.", ["7 g fibre per 100 g"]),
])
def test_a_satiety_claim_is_unauthorised(text: str, evidence: list[str]) -> None:
    assert "health.unauthorised-claim" in found(text, evidence)


@pytest.mark.parametrize("text", [
    "High in fibre: 7 g per 100 g.",
    "A big bowl that fills the whole table.",
    "Our batteries keep you going for longer.",
])
def test_nutrition_facts_and_other_fullness_are_not(text: str) -> None:
    assert "health.unauthorised-claim" not in found(text)


# --- health: a rate of weight loss with the weight as the subject ("watch a stone melt
# away"), and shrinking for summer; CAP 13.10; Reg. 1924/2006 art. 13

@pytest.mark.parametrize("text", [
    "Swap your lunch for a Zylo soup and watch the pounds fall away.",
    "Half a stone melts off in a month on the Zylo plan.",
    "Drop a dress size before the wedding with Zylo.",
])
def test_weight_as_the_subject_or_shrinking_is_a_weight_loss_claim(text: str) -> None:
    assert "health.weight-loss" in found(text)


@pytest.mark.parametrize("text", [
    "Zylo wool jumpers won't shrink in the wash.",
    "Watch the prices fall away in our summer sale.",
    "Our suitcase weighs just 2 kg, so pack more for the holiday.",
])
def test_shrinking_fabric_and_falling_prices_are_not(text: str) -> None:
    assert "health.weight-loss" not in found(text)


# --- brief constraints: the constraint in any phrasing ("never name or compare with",
# "don't reference other salons", "never describe X as Y", "don't position us as Y", "don't
# promise timescales") and the banned kind said in other words (a competitor by description,
# pressure by idiom, cheapness by comparison, a timescale by occasion, sugar by euphemism)

from tests.compliance.test_generalisation_round4_env_health_con import _brief, brief_found  # noqa: E402


@pytest.mark.parametrize("text, constraints", [
    ("Unlike that big orange-and-white budget airline, Zylo Air includes a bag.", ["Don't mention competitors"]),
    ("Sleep better than at the big green supermarket's hotel chain.", ["Never name or compare with competitors"]),
    ("Tired of the big-box salons with a queue for every chair? Zylo has six stylists.",
     ["Don't reference other salons or chains"]),
    ("Spring buyers are out in force: book before the moment passes you by.", ["No urgency or pressure wording"]),
    ("Your first coffee is on the house.", ["Never describe the welcome drink as free"]),
    ("Zylo watches: the Swiss look at high-street prices.", ["Don't position the brand as cheap or budget"]),
    ("Order by noon and it's on your doorstep before the weekend.", ["Don't promise delivery dates or timescales"]),
    ("All the fizz, none of the sweet stuff.", ["Do not mention sugar or calories"]),
    ("Slim into summer with Zylo shakes.", ["Avoid any mention of weight loss"]),
    ("Shrink into your holiday wardrobe with Zylo soups.", ["Avoid any mention of weight loss"]),
    ("Zylo leggings that shrink your waistline.", ["No weight-loss claims"]),
])
def test_a_constraint_broken_in_other_words_blocks(text: str, constraints: list[str]) -> None:
    assert _brief(brief_found(text, constraints))


@pytest.mark.parametrize("text, constraints", [
    ("Zylo Air includes a 20 kg bag on every fare.", ["Don't mention competitors"]),
    ("Zylo salons have six stylists and a walk-in chair.", ["Don't reference other salons or chains"]),
    ("Spring is a good time to list: we'll value your home this week if you like.", ["No urgency or pressure wording"]),
    ("Your first coffee comes with a pastry.", ["Never describe the welcome drink as free"]),
    ("Zylo watches: Swiss movements, sapphire glass, a five-year warranty.",
     ["Don't position the brand as cheap or budget"]),
    ("Delivery is tracked and signed for.", ["Don't promise delivery dates or timescales"]),
    ("A sweet vanilla note and a twist of lime.", ["Do not mention sugar or calories"]),
    ("Zylo wool jumpers won't shrink in the wash.", ["Avoid any mention of weight loss"]),
    ("Try it free for 14 days; no card needed.", ["Mention the free trial"]),
    # naming is banned, not a description of the others as a group
    ("We checked 30 fares against the other big three airlines: Zylo was lowest on 22.",
     ["Do not name any competitor"]),
])
def test_the_constraint_kept_is_not(text: str, constraints: list[str]) -> None:
    assert not _brief(brief_found(text, constraints))


# --- env, probes of round 5: generic claims in more shapes (gone green, no harm to one bee,
# the seas helped clean, as nature intended, nothing but tracks left, cleaner fuel, a coined
# tick, reclaimed for the whole, guilt-free exploring); 16 CFR 260.3(c)-(d), 260.4, 260.6

@pytest.mark.parametrize("text, evidence", [
    ("We've gone green: our vans are now electric.", []),
    ("Every Bloom bouquet is grown without harming a single bee.", []),
    ("Our new trainers are made from ocean waste, so every step helps clean up the seas.", []),
    ("Zyla cotton is grown the way nature intended.", []),
    ("Drive the all-new Volta E and leave nothing but tyre tracks behind.", []),
    ("Our cruise ships are powered by cleaner fuel, so you can explore guilt-free.", []),
    ("Look for the Planet Promise tick on our shelves.",
     ["Planet Promise is our own scheme; criteria published on our website; not independently audited."]),
    ("Our sofas are crafted from reclaimed timber.", ["Frames: 20% reclaimed timber, 80% FSC virgin timber."]),
])
def test_probe_generic_claims_block(text: str, evidence: list[str]) -> None:
    assert any(r.startswith("env.") for r in found(text, evidence))


@pytest.mark.parametrize("text, evidence", [
    ("Our air purifier gives you cleaner air in every room.", []),
    ("The new engine runs cleaner than our 2019 model, with 18% lower CO2 per km.",
     ["Type-approval WLTP: 18% lower CO2 per km than the 2019 model."]),
    ("Leave nothing behind but a streak-free shine.", []),
    ("Our team went green for St Patrick's Day.", []),
    ("We help clean beaches every spring with a volunteer day; 40 staff took part last year.", []),
    ("A greener lawn in four weeks with Zylo feed.", []),
    ("Our vans are electric: zero tailpipe emissions on every delivery.", []),
])
def test_probe_facts_and_other_senses_do_not(text: str, evidence: list[str]) -> None:
    assert not any(r.startswith("env.") for r in found(text, evidence))


# --- health, probes of round 5: hair brought back, a condition taken away, outcomes (right as
# rain, feel twenty again, barely notice), kinder than a medicine, condition tablets given up,
# the afternoon slump, a biomarker steady as the subject (CAP 12.2, 15.1, 15.6; Reg. 1924/2006
# art. 13; Directive 2001/83/EC art. 1(2))

@pytest.mark.parametrize("text", [
    "Zylo hair tonic brings back the hair you thought you'd lost.",
    "Bald patch? Zylo serum fills it in within three months.",
    "Woke up with a sore head after the party? Zylo tabs have you right as rain by lunchtime.",
    "Zylo collagen: creaky joints, feel twenty again.",
    "Zylo turmeric capsules: kinder to your joints than ibuprofen.",
    "Grandad gave up his arthritis tablets after a month on Zylo.",
    "Our magnesium spray takes migraines away in minutes.",
    "Period cramps? Zylo heat patches and you'll barely notice them.",
    "Zylo oat milk helps you avoid the afternoon slump and the 3pm biscuit.",
    "With Zylo, your blood sugar stays steady all day.",
])
def test_probe_health_claims_block(text: str) -> None:
    assert any(r.startswith("health.") for r in found(text))


@pytest.mark.parametrize("text", [
    "Take the stress away from moving day with Zylo Removals.",
    "Zylo thickening shampoo makes fine hair look fuller.",
    "Bald tyres? Zylo Garage fills them in no time.",
    "Our sofa bed is kinder to your back than a blow-up mattress.",
    "Zylo app reminds you when to take your blood pressure tablets.",
    "Busy morning? Zylo coffee has your back.",
    "Get back the hair salon experience at home with Zylo dryers.",
    "Please talk to your GP before you stop taking any medication.",
])
def test_probe_health_near_misses_do_not(text: str) -> None:
    assert not any(r.startswith("health.") for r in found(text))


# --- health: an individual's reported weight loss read as a rate against the 2 lb a week
# ceiling (CAP 13.10); at or below it the testimony is the endorsement rules' matter
# (16 CFR 255.2(b)); a loss the copy promises stays a claim at any rate

@pytest.mark.parametrize("text", [
    "'I lost 2 stone in 6 weeks on the Zylo plan!' — Mia, Hull",
    "Tom shed 15 kg in two months with Zylo. Results vary; members lose 3 kg on average.",
    "Lose 4 kg in 8 weeks with Zylo shakes.",
    "'I lost 3 stone with Zylo,' says Amy.",
])
def test_a_fast_rate_or_a_promised_loss_blocks(text: str) -> None:
    assert "health.weight-loss" in found(text)


@pytest.mark.parametrize("text", [
    "'I lost 10 kg in six months at Zylo Fitness.' — Raj, member since 2023. His result isn't typical: "
    "members lose 2 kg over six months on average.",
    "Lena dropped two stone in a year of classes at Zylo Studio.",
    "'I shed 6 lb in 5 weeks,' says Kim. Zylo members lose 1 lb a week on average.",
])
def test_a_testimony_at_a_sustainable_rate_does_not(text: str) -> None:
    assert "health.weight-loss" not in found(text)


# --- env, false blocks of round 5: kerbside recyclability on file, a natural remedy (a health
# matter), projects that cut emissions elsewhere described (16 CFR 260.12(b)(1), 260.3(d))

@pytest.mark.parametrize("text, evidence", [
    ("Every Zylo candle comes in a recyclable glass jar.",
     ["Jar: widely recycled at the kerbside in the UK (OPRL 'Recycle')."]),
    ("Zylo tea tins are recyclable.", ["Tin: kerbside recyclable across the UK."]),
    ("Zylo drops are a natural remedy for tired feet.", []),
    ("Your £3 goes to partners that cut emissions in Kenya; it does not reduce your own footprint.", []),
])
def test_substantiated_or_non_environmental_wordings_do_not(text: str, evidence: list[str]) -> None:
    assert not any(r.startswith("env.") for r in found(text, evidence))


@pytest.mark.parametrize("text, evidence", [
    ("Every Zylo candle comes in a recyclable glass jar.", ["Jar: not kerbside recyclable; take to a bottle bank."]),
    ("Zylo tea tins are recyclable.", ["Tins are recyclable in some council areas only."]),
    ("Our new boiler cuts emissions.", []),
])
def test_the_same_claims_without_that_evidence_block(text: str, evidence: list[str]) -> None:
    assert any(r.startswith("env.") for r in found(text, evidence))


# --- long copy: a claim buried among plain facts is found; plain facts alone are not blocked

@pytest.mark.parametrize("text, prefix", [
    ("Our Lakeside cabins sleep four and have a wood-burning stove and a hot tub. Each cabin is heated by a "
     "heat pump. Staying with us leaves the lake exactly as you found it, so your break costs the planet "
     "nothing. Dogs are welcome for £20 a stay. Check-in from 4pm.", "env."),
    ("Brightside gummies come in orange and berry flavours, 60 to a tub. Each gummy has vitamin C, D and "
     "zinc. Pop two a day and you'll sail through winter without a single sniffle. Suitable for vegetarians.",
     "health."),
    ("Nordic Oat porridge is milled in Perthshire. A 40 g serving has 4 g of fibre and 140 kcal. It soaks "
     "up cholesterol like a sponge, so your heart stays young. Cook in the microwave for two minutes.",
     "health."),
])
def test_a_claim_buried_in_long_copy_is_found(text: str, prefix: str) -> None:
    assert any(r.startswith(prefix) for r in found(text))


@pytest.mark.parametrize("text", [
    "Our 4-day Cotswolds walking holiday covers 48 miles, with luggage transfers between three family-run "
    "inns. Breakfast and two dinners are included. Walks average 12 miles a day on footpaths and quiet lanes. "
    "From £695 per person sharing; single supplement £180.",
    "Morning Glow serum has 10% niacinamide and 1% zinc in a lightweight gel. Apply two drops after "
    "cleansing, morning and evening. Use sunscreen during the day. Dermatologically tested on sensitive skin.",
    "Our towels absorb water in seconds. Sail through the school holidays with our activity packs. "
    "Zylo paper towels mop up spills without a single streak.",
])
def test_plain_facts_in_long_copy_are_not_blocked(text: str) -> None:
    assert not any(r.startswith(("env.", "health.")) for r in found(text))


# --- brief constraints, probes of round 5: more verbs ("talk about", "call X Y", "create a
# sense of"), pressure by a price rise, the others left in the dust, a rival's name in a
# comparison slot

@pytest.mark.parametrize("text, constraint", [
    ("Beat the queues at the big yellow DIY sheds: Zylo delivers.", "No references to competitors"),
    ("Prices go up on Monday, so lock in today's rate.", "Avoid pressure selling"),
    ("Luxury that won't break the bank.", "Never call the brand cheap"),
    ("Your first box is on us.", "Don't call the trial free"),
    ("Leaves other detergents in the dust.", "Don't compare us with other brands"),
    ("Zero sugar, full flavour.", "Don't talk about sugar"),
    ("Hurry, only 5 left!", "Don't create a sense of urgency"),
    ("Don't miss out on our spring sale.", "Don't create a sense of urgency"),
    ("Unlike Brand X, we include batteries.", "Avoid naming rivals"),
])
def test_probe_constraints_broken_block(text: str, constraint: str) -> None:
    assert _brief(brief_found(text, [constraint]))


@pytest.mark.parametrize("text, constraint", [
    ("Zylo delivers to your door.", "No references to competitors"),
    ("Our spring range is in store now.", "Avoid pressure selling"),
    ("Luxury cashmere, made in Scotland.", "Never call the brand cheap"),
    ("Your first box is half price.", "Don't call the trial free"),
    ("Visit our spring sale in store.", "Don't create a sense of urgency"),
    ("It's better than I ever imagined, says one reader.", "Avoid naming rivals"),
])
def test_probe_constraints_kept_do_not(text: str, constraint: str) -> None:
    assert not _brief(brief_found(text, [constraint]))


@pytest.mark.parametrize("text, evidence", [
    ("Every Zylo jacket is made from 100% ocean plastic.", []),
    ("Meet Ecolution: cleaning, evolved for the planet.", []),
    ("Our fleet is fossil-fuel free.", ["Fleet of 40 vans: 32 electric, 8 diesel."]),
])
def test_probe_env_more_shapes_block(text: str, evidence: list[str]) -> None:
    assert any(r.startswith("env.") for r in found(text, evidence))


@pytest.mark.parametrize("text, evidence", [
    ("Our mailer bags are home compostable in 12 weeks.", ["Certified TÜV OK compost HOME."]),
    ("Our recipes are developed for the planet's busiest parents.", []),
    ("Jackets made from 100% recycled polyester.", ["Shell and lining 100% recycled polyester (GRS certified)."]),
])
def test_probe_env_substantiated_or_idiom_do_not(text: str, evidence: list[str]) -> None:
    assert not any(r.startswith("env.") for r in found(text, evidence))


@pytest.mark.parametrize("text", [
    "Grass-fed beef is the better choice for your heart.",
    "Zylo oat bars: the smart snack for your cholesterol.",
])
def test_a_food_chosen_for_an_organ_is_a_health_claim(text: str) -> None:
    assert "health.unauthorised-claim" in found(text)


def test_a_choice_for_taste_is_not() -> None:
    assert "health.unauthorised-claim" not in found("Grass-fed beef is the better choice for your barbecue.")


@pytest.mark.parametrize("text", [
    "Zylo eye drops keep your vision sharp into your eighties.",
    "Zylo sleep spray: drift off in minutes, every night.",
    "Joints feeling their age? Zylo collagen puts the spring back in your step.",
])
def test_probe_health_vision_sleep_onset_and_ageing_joints_block(text: str) -> None:
    assert any(r.startswith("health.") for r in found(text))


@pytest.mark.parametrize("text", [
    "Our new mattress: drift off in minutes.",
    "Is your sofa feeling its age? Zylo covers put the spring back in it.",
    "Zylo running socks help prevent blisters.",
])
def test_probe_health_objects_and_sleep_products_do_not(text: str) -> None:
    assert not any(r.startswith("health.") for r in found(text))


@pytest.mark.parametrize("text, constraint, blocks", [
    ("Our pasta sauce is ready in 10 minutes.", "Don't promise delivery dates or timescales", False),
    ("Free returns within 30 days of delivery.", "Don't promise delivery dates or timescales", False),
    ("Orders placed by 2pm are dispatched the same day.", "Don't promise delivery dates or timescales", True),
    ("Skip the usual high-street chains and shop local.", "Don't mention competitors", True),
    ("Our Leeds store is open late on Thursdays.", "Don't mention competitors", False),
    ("Our new range is a steal at £20.", "Don't position the brand as cheap or budget", True),
    ("Premium wool, fairly priced.", "Don't position the brand as cheap or budget", False),
    ("Sweet, juicy strawberries from Kent.", "Do not mention sugar or calories", False),
    ("Get a month on the house.", "Never describe the trial as free", True),
    ("A month's trial, then £9.99 a month.", "Never describe the trial as free", False),
])
def test_probe_constraint_kinds_and_their_near_misses(text: str, constraint: str, blocks: bool) -> None:
    assert _brief(brief_found(text, [constraint])) is blocks


# --- health, false blocks: a time after the object ("between flare-ups") is not the object; a
# barrier cream's documented function (Reg. 1223/2009 art. 20)

@pytest.mark.parametrize("text, evidence", [
    ("Not a cure for psoriasis, but our lotion softens dry skin between flare-ups.", []),
    ("Zylo baby balm protects against nappy rash.", ["Zinc oxide 10% barrier cream (cosmetic)."]),
])
def test_a_time_adjunct_or_a_barrier_creams_function_is_not(text: str, evidence: list[str]) -> None:
    assert "health.disease-claim" not in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Zylo lotion calms psoriasis flare-ups until they settle.", []),
    ("Zylo baby balm protects against nappy rash.", []),
])
def test_the_condition_as_the_object_or_without_the_function_on_file_is(text: str, evidence: list[str]) -> None:
    assert "health.disease-claim" in found(text, evidence)


# --- env: a conscience cleared by the pack, the energy or the trip (16 CFR 260.4(b); EU
# 2024/825 Annex I 4a); not a dessert's, a contract's or a protected booking's

@pytest.mark.parametrize("text", [
    "Packaging you can feel good about.",
    "Heat your home with a clear conscience.",
    "Feel good about your footprint with Zylo.",
])
def test_a_cleared_environmental_conscience_is_a_generic_claim(text: str) -> None:
    assert "env.generic-claim" in found(text)


@pytest.mark.parametrize("text", [
    "A dessert you can feel good about: half the sugar.",
    "Book your flights with a clear conscience: ATOL protected.",
    "Sign the contract with a clear conscience.",
])
def test_other_consciences_are_not(text: str) -> None:
    assert "env.generic-claim" not in found(text)


@pytest.mark.parametrize("text, constraint", [
    ("Pop the cork and toast the weekend.", "No alcohol references"),
    ("Feel lighter by Friday with Zylo tea.", "No weight-loss claims"),
    ("Zylo keeps every promise, or your money back.", "Don't offer guarantees"),
    ("As seen on TV.", "No media references"),
    ("Luxury for less.", "Don't make it sound cheap"),
])
def test_probe_more_constraint_kinds_block(text: str, constraint: str) -> None:
    assert _brief(brief_found(text, [constraint]))


@pytest.mark.parametrize("text, constraint", [
    ("Perfect for a quiet night in with a film.", "No alcohol references"),
    ("Cheese on toast, the Zylo way.", "No alcohol references"),
    ("Luxury cashmere, made in Scotland.", "Don't make it sound cheap"),
])
def test_probe_more_constraint_kinds_kept_do_not(text: str, constraint: str) -> None:
    assert not _brief(brief_found(text, [constraint]))


@pytest.mark.parametrize("text", [
    "The Vela e-scooter folds in three seconds and weighs 12 kg. Top speed is 15.5 mph. Every ride is "
    "completely clean, with nothing coming out of the tailpipe. Charge it from a normal socket in four hours.",
    "Meadow candles are hand-poured in Bath. Each candle burns for around 45 hours. The wax won't harm "
    "the air you breathe or the world outside. Wicks are cotton.",
])
def test_long_copy_a_clean_trip_or_harmless_to_the_world_blocks(text: str) -> None:
    assert "env.generic-claim" in found(text)


@pytest.mark.parametrize("text", [
    "Our dishwasher tablets leave plates completely clean.",
    "Your energy bill is completely clean: no hidden fees.",
    "This filler won't damage your walls or the paint around the frame.",
])
def test_clean_plates_clean_bills_and_safe_walls_are_not(text: str) -> None:
    assert "env.generic-claim" not in found(text)


@pytest.mark.parametrize("text", [
    "Barkwell senior kibble is made with 28% chicken. Each 2 kg bag lasts about three weeks. Older dogs on "
    "Barkwell stop limping within a fortnight. Available from pet shops nationwide.",
    "Glow Tonic is a 250 ml sparkling drink with ginger and apple. It has 40 kcal per can. A can a day "
    "flushes out the nasties your liver can't handle. Twelve cans for £15.",
])
def test_long_copy_limping_stopped_or_detox_in_other_words_blocks(text: str) -> None:
    assert any(r.startswith("health.") for r in found(text))


@pytest.mark.parametrize("text", [
    "Our drain cleaner flushes out the gunk in your pipes.",
    "The table has a slight limp that we fix for free.",
    "Our shampoo washes away build-up from your scalp.",
    "Trailhead hiking poles extend from 100 to 135 cm. They take the strain off your knees on long descents.",
])
def test_pipes_tables_scalps_and_poles_are_not(text: str) -> None:
    assert not any(r.startswith("health.") for r in found(text))


@pytest.mark.parametrize("text, rule", [
    ("Our new lunchbox #zerowaste #kids", "env.generic-claim"),
    ("Fresh picks this week #GreenLiving", "env.generic-claim"),
    ("Meet the new range #carbonneutral", "env.carbon-claim"),
])
def test_fused_hashtags_of_generic_and_neutrality_claims_block(text: str, rule: str) -> None:
    assert rule in found(text)


def test_a_validated_net_zero_target_hashtag_does_not() -> None:
    assert "env.carbon-claim" not in found("Our road to #NetZero by 2040: read our transition plan.",
                                           ["SBTi-validated target; transition plan published 2025."])


@pytest.mark.parametrize("text, rule", [
    ("Zylo glucosamine for creaky, arthritic knees.", "health.disease-claim"),
    ("Zylo fibre gummies: stay satisfied, snack less.", "health.unauthorised-claim"),
    ("Zylo porridge helps you stay fuller for longer.", "health.unauthorised-claim"),
    ("Zylo vitamin C: shorter, milder colds.", "health.unauthorised-claim"),
])
def test_probe_actives_for_conditions_satiety_and_milder_colds_block(text: str, rule: str) -> None:
    assert rule in found(text)


@pytest.mark.parametrize("text", [
    "Zylo collagen for glowing skin.",
    "Fewer headaches planning your wedding with Zylo Planner.",
    "A weekend stay at our spa hotel will lift your mood.",
    "Stay satisfied with our service or your money back.",
])
def test_probe_skin_figurative_headaches_and_a_hotel_stay_do_not(text: str) -> None:
    assert not found(text) & {"health.disease-claim", "health.unauthorised-claim"}


@pytest.mark.parametrize("text, blocks", [
    ("Zylo: because migraines shouldn't run your life.", True),
    ("Eczema doesn't have to rule your life with Zylo balm.", True),
    ("Admin shouldn't run your life: Zylo does your invoices.", False),
])
def test_a_condition_that_no_longer_rules_your_life(text: str, blocks: bool) -> None:
    assert ("health.disease-claim" in found(text)) is blocks


@pytest.mark.parametrize("text, evidence, blocks", [
    ("Our cups can be recycled with your paper.", [], True),
    ("Recycle me! ♻️", [], True),
    ("Your old phone can be recycled at any of our stores.", [], False),
    ("The box breaks down in your garden compost.", [], True),
    ("Zylo tea bags are certified home compostable and break down in a home compost heap within 12 months.",
     ["TÜV OK compost HOME certificate; disintegration within 12 months at ambient temperature"], False),
])
def test_recyclable_and_home_compost_in_other_words(text: str, evidence: list[str], blocks: bool) -> None:
    assert bool(found(text, evidence) & {"env.recyclable-unqualified", "env.degradable"}) is blocks


def test_a_testimony_of_weight_loss_still_breaks_a_no_weight_loss_brief() -> None:
    text = ("'I lost 10 kg in six months at Zylo Fitness.' — Raj. His result isn't typical: "
            "members lose 2 kg on average.")
    assert _brief(brief_found(text, ["No weight-loss claims"]))


@pytest.mark.parametrize("text, blocks", [
    ("Sustainability is in our DNA.", True),
    ("Made with sustainability at heart.", True),
    ("Consciously crafted in Portugal.", True),
    ("Responsible by design.", True),
    ("Our sustainability report is published every April.", False),
    ("Secure by design: your data stays yours.", False),
])
def test_sustainability_as_the_companys_nature(text: str, blocks: bool) -> None:
    assert ("env.generic-claim" in found(text)) is blocks
