"""Round 4, advertising offers and prices: each class as a regulator names it, with wordings
of our own in several industries that must block and near misses that must not (the
restriction stated, the claim true by the evidence, negated, or everyday sense). Wordings
here are not corpus snippets: they vary the classes the fresh dev batches showed."""

from __future__ import annotations

import pytest

from tests.compliance.test_generalisation import found


def _offers(text: str, evidence: list[str] | None = None) -> set[str]:
    return {r for r in found(text, evidence) if r.startswith("ads.")}


# --- Drip pricing: a compulsory fee left out of the quoted price (CAP 3.18; DMCC Act 2024) ---

@pytest.mark.parametrize("text, evidence", [
    ("Weekend spa breaks from £199. Resort fee payable on arrival.", []),
    ("Rent a Zylo van for £39 a day; admin charge applies.", []),
    ("Zylo Arena gigs, £30 a ticket plus booking fees.", []),
    ("Zylo Cinema tickets £9.50.", ["A compulsory £1.20 booking fee is added to every online ticket"]),
    ("Our three-course Sunday menu, £35.", ["A mandatory 12.5% service charge is added to every bill"]),
    ("Park at Zylo Retail Park for £3 an hour.", ["Every payment carries a non-optional 50p card surcharge"]),
])
def test_a_compulsory_fee_left_out_of_the_price_blocks(text: str, evidence: list[str]) -> None:
    assert _offers(text, evidence) & {"ads.drip-pricing", "ads.undisclosed-condition"}


@pytest.mark.parametrize("text, evidence", [
    ("Weekend spa breaks from £199, including the £15 resort fee.", []),
    ("Zylo Cinema tickets £10.70 including the £1.20 booking fee.",
     ["A compulsory £1.20 booking fee is added to every online ticket"]),
    ("No booking fees, ever: Zylo Arena gigs £30 a ticket.", []),
    ("Optional seat selection from £5 on Zylo flights.", []),
    ("Zylo coach fares from £12, every fee included.", ["Fares include the mandatory booking fee"]),
])
def test_a_price_that_includes_or_rules_out_the_fee_passes(text: str, evidence: list[str]) -> None:
    assert not _offers(text, evidence) & {"ads.drip-pricing", "ads.undisclosed-condition"}


# --- False urgency and scarcity: a deadline or a shortage the evidence says is not real
#     (UCPD 2005/29/EC Annex I point 7; CAP 3.31) ---

@pytest.mark.parametrize("text, evidence", [
    ("Ends at midnight! 20% off all Zylo luggage.", ["The 20% luggage discount runs for the whole of June"]),
    ("Last chance: the Zylo winter menu leaves tonight.", ["The winter menu stays until further notice"]),
    ("Only 3 left in stock - order your Zylo cot now.", ["The warehouse holds 400 cots and restocks weekly"]),
    ("48 hours only: free Zylo phone cases with every handset.", ["The phone case promotion is permanent"]),
    ("Hurry, the £99 Zylo boiler service deal won't last!", ["The £99 service price has run all year"]),
])
def test_a_deadline_or_shortage_the_evidence_denies_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.false-urgency" in _offers(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Ends at midnight! 20% off all Zylo luggage.", ["The 20% luggage discount ends at midnight on 30 June"]),
    ("20% off all Zylo luggage throughout June.", ["The 20% luggage discount runs for the whole of June"]),
    ("Only 3 left in stock - order your Zylo cot now.", ["3 cots left in stock; no restock planned"]),
    ("Hurry down for a last-minute Zylo city break.", []),
])
def test_a_true_or_absent_deadline_does_not(text: str, evidence: list[str]) -> None:
    assert "ads.false-urgency" not in _offers(text, evidence)


# --- Closing down when not (UCPD Annex I point 15: banned in all circumstances) ---

@pytest.mark.parametrize("text, evidence", [
    ("Closing down sale: every Zylo mattress must go.", ["Zylo Beds has no plans to close any store"]),
    ("After 30 years we're shutting up shop - last days of trading!", ["The shop's lease was renewed for ten years"]),
    ("Final weeks of trading at Zylo Motors: prices slashed.", ["The dealership continues trading as normal"]),
    ("Our doors close for good on Saturday. Everything must go!", ["The store reopens after a refit in May"]),
])
def test_a_closing_down_claim_the_evidence_denies_is_critical(text: str, evidence: list[str]) -> None:
    assert "ads.false-closing-down" in _offers(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Closing down sale: every Zylo mattress must go.", ["The store closes permanently on 31 May"]),
    ("Everything must go in our summer clearance!", []),
    ("Rumours aside, we're not closing down - see you Saturday.", ["No plans to close"]),
])
def test_a_true_or_denied_closing_down_claim_passes(text: str, evidence: list[str]) -> None:
    assert "ads.false-closing-down" not in _offers(text, evidence)


# --- Reference prices never charged (CAP 3.39-3.40; CMA Pricing Practices Guide) ---

@pytest.mark.parametrize("text, evidence", [
    ("Zylo air fryer: was £149, now £79.", ["The air fryer has never been sold at £149"]),
    ("Compare at £60 - ours just £30.", ["No retailer has ever sold the kettle at £60"]),
    ("RRP £500, yours for £250: the Zylo e-bike.", ["The bike has always sold at £250; the RRP was never charged"]),
    ("Save £40 on Zylo trainers, usually £90.", ["The trainers were not sold at £90 in the last year"]),
])
def test_a_reference_price_never_charged_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.reference-price" in _offers(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Zylo air fryer: was £149, now £79.", ["Sold at £149 for 28 days before the sale"]),
    ("Zylo air fryer, £79.", ["The air fryer has never been sold at £149"]),
    ("Never been cheaper: Zylo air fryer £79.", ["Sold at £99 until March"]),
    ("Now £59 (was £129 for six weeks before the sale).", ["Sold at £129 for 6 weeks before the reduction"]),
])
def test_a_genuine_or_absent_reference_price_passes(text: str, evidence: list[str]) -> None:
    assert "ads.reference-price" not in _offers(text, evidence)


# --- "Free" that is not: paid content, a partial contribution, a hidden threshold
#     (UCPD Annex I point 20; CAP 3.23-3.26; CMA principles for online games) ---

@pytest.mark.parametrize("text, evidence", [
    ("Zylo Quest is completely free. Download it tonight.", ["In-app purchases from £1.99 unlock new worlds"]),
    ("Your first year of coffee is on us.", ["Buyers get vouchers worth £20 towards coffee pods"]),
    ("Free fitting with every Zylo boiler.", ["Free fitting only on orders over £2,000; otherwise £250"]),
    ("Zylo Calm: free meditation, whenever you need it.", ["Most sessions need the £5.99 premium tier"]),
])
def test_a_free_claim_the_evidence_makes_paid_or_partial_blocks(text: str, evidence: list[str]) -> None:
    assert _offers(text, evidence) & {"ads.free-not-free", "ads.undisclosed-condition"}


@pytest.mark.parametrize("text, evidence", [
    ("Zylo Quest is free to download, with optional in-app purchases.",
     ["In-app purchases from £1.99 unlock new worlds"]),
    ("£20 of coffee pods on us with every machine.", ["Buyers get vouchers worth £20 towards coffee pods"]),
    ("Free fitting on Zylo boiler orders over £2,000.", ["Free fitting only on orders over £2,000; otherwise £250"]),
    ("Zylo Calm: free meditation, whenever you need it.", ["Every session is free; no paid tier exists"]),
])
def test_a_free_claim_with_its_terms_or_true_passes(text: str, evidence: list[str]) -> None:
    assert not _offers(text, evidence) & {"ads.free-not-free", "ads.undisclosed-condition"}


# --- "Unlimited" in any words under a cap (CAP Help Note on 'unlimited' claims) ---

@pytest.mark.parametrize("text, evidence", [
    ("Endless streaming on Zylo Fibre.", ["Speeds reduced to 2 Mbps after 500 GB a month"]),
    ("Zylo Cloud: infinite storage for every photo.", ["Fair use cap of 2 TB per account"]),
    ("Uncapped mileage on every Zylo rental car.", ["Mileage capped at 200 miles a day"]),
    ("Eat as much as you like at Zylo Buffet.", ["Sittings are capped at 90 minutes"]),
])
def test_an_unlimited_claim_in_other_words_under_a_cap_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.undisclosed-condition" in _offers(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Zylo Cloud: infinite storage for every photo.", ["No fair use cap on storage"]),
    ("Uncapped mileage on every Zylo rental car, up to 200 miles a day.", ["Mileage capped at 200 miles a day"]),
    ("Endless summer vibes in the new Zylo linen range.", ["Linen capped at 500 pieces per style"]),
])
def test_an_unlimited_claim_that_is_true_stated_or_figurative_passes(text: str, evidence: list[str]) -> None:
    assert "ads.undisclosed-condition" not in _offers(text, evidence)


# --- A headline offer the evidence limits to a few items (CAP 3.1, 3.17, 3.22) ---

@pytest.mark.parametrize("text, evidence", [
    ("Half price on every Zylo mattress this weekend.", ["Half price applies to 4 ex-display mattresses only"]),
    ("40% off all Zylo trainers.", ["The 40% discount is valid on selected styles only"]),
    ("Flights to Lisbon at half price with Zylo Air.", ["Half price applies only to 12 seats per flight"]),
    ("Zylo serum, only £6.", ["£6 buys the 10 ml travel size; the 50 ml bottle shown costs £38"]),
    ("Zylo single malt from £9.", ["£9 buys a 5 cl miniature; bottles cost £45"]),
])
def test_a_headline_offer_limited_to_a_few_items_or_a_sample_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.undisclosed-condition" in _offers(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Half price on 4 ex-display Zylo mattresses this weekend.",
     ["Half price applies to 4 ex-display mattresses only"]),
    ("40% off selected Zylo trainers.", ["The 40% discount is valid on selected styles only"]),
    ("Zylo serum travel size (10 ml), only £6.", ["£6 buys the 10 ml travel size; the 50 ml bottle shown costs £38"]),
    ("Zylo serum, only £6.", ["Tested on 40 skin samples in the lab"]),
])
def test_a_limited_offer_that_says_so_passes(text: str, evidence: list[str]) -> None:
    assert "ads.undisclosed-condition" not in _offers(text, evidence)


# --- Free trials that convert and paid passes, in the evidence (CAP 3.23-3.26; 16 CFR 425) ---

@pytest.mark.parametrize("text, evidence", [
    ("Get going free with Zylo Books today.", ["14-day trial converts to £9/month unless cancelled"]),
    ("Zylo Fit: start training free.", ["Trial requires card details and auto-renews at £29.99 a month"]),
    ("Endless puzzles, free forever in Zylo Words.", ["Endless puzzles only with the £3.99/month Puzzle Pass"]),
    ("Zylo Legends is completely free to play.", ["The store sells hero unlocks at £4.99 each"]),
    ("A free tote with every order this weekend.", ["Free tote only with orders over £50"]),
])
def test_free_that_converts_or_needs_a_paid_pass_blocks(text: str, evidence: list[str]) -> None:
    assert _offers(text, evidence) & {"ads.free-not-free", "ads.undisclosed-condition", "ads.free-conditional"}


@pytest.mark.parametrize("text, evidence", [
    ("Zylo Fit: 14-day free trial, then £29.99 a month; cancel anytime.",
     ["Trial requires card details and auto-renews at £29.99 a month"]),
    ("A free tote with every order over £50 this weekend.", ["Free tote only with orders over £50"]),
    ("Try a free sample pack of Zylo nappies today!", ["Free sample pack, one per household, no purchase needed"]),
    ("Built to last, and we'll fix it free for the first two years.", ["Free repairs for 2 years from purchase"]),
])
def test_free_with_its_terms_or_truly_free_passes(text: str, evidence: list[str]) -> None:
    assert not _offers(text, evidence) & {"ads.free-not-free", "ads.undisclosed-condition", "ads.free-conditional"}


# --- Urgency that the evidence's restock denies, in any words (UCPD Annex I point 7) ---

@pytest.mark.parametrize("text, evidence", [
    ("Last 25 jackets at this price before midnight - then they're gone for good.",
     ["A restock of the same jacket is due next month at the same price"]),
    ("Final 10 tables left in the Zylo sale!", ["More stock arrives on Friday"]),
    ("Zylo mugs are almost gone.", ["The mugs are back in stock every week"]),
])
def test_scarcity_the_evidence_restocks_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.false-urgency" in _offers(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Last 25 jackets in this colour - then they're gone for good.", ["The colour is discontinued; no restock"]),
    ("Final 10 tables left in the Zylo sale!", ["10 tables left; they will not be restocked"]),
    ("Only 4 left in navy (until the spring drop).", ["4 in navy; restock planned for spring"]),
])
def test_scarcity_the_evidence_confirms_passes(text: str, evidence: list[str]) -> None:
    assert "ads.false-urgency" not in _offers(text, evidence)


# --- Price promises and lowest-price claims: terms stated, or the evidence's limits
#     (CAP 3.17, 3.39; CAP 3.53-3.57: a price promise is a guarantee) ---

@pytest.mark.parametrize("text, evidence", [
    ("Seen it cheaper? We'll beat any price. Simple.", []),
    ("Zylo Energy: we'll match any quote from the big suppliers.", []),
    ("You won't find Zylo tyres cheaper. Anywhere.", []),
    ("Nobody beats Zylo on price.", ["Price match applies to 3 named retailers, in-store only"]),
    ("Find your holiday cheaper and we'll refund the difference.", []),
])
def test_a_price_promise_without_its_terms_blocks(text: str, evidence: list[str]) -> None:
    assert _offers(text, evidence) & {"ads.price-promise", "ads.undisclosed-condition", "ads.guarantee"}


@pytest.mark.parametrize("text, evidence", [
    ("Find it cheaper at a UK high-street store within 7 days and we'll refund the difference "
     "(excludes online-only retailers).", []),
    ("Price match on identical in-stock items from named UK retailers; T&Cs at zylo.com/promise.", []),
    ("We can't beat the feeling of a fresh loaf on a Sunday.", []),
    ("You won't find a comfier chair to read in.", []),
])
def test_a_price_promise_with_its_terms_or_everyday_words_passes(text: str, evidence: list[str]) -> None:
    assert not _offers(text, evidence) & {"ads.price-promise", "ads.undisclosed-condition", "ads.guarantee"}


# --- A prize the reader has not won (UCPD Annex I point 31; CAP 8.17) ---

@pytest.mark.parametrize("text", [
    "Subject: Congratulations, you've won a £250 Zylo gift card!",
    "You have been selected to receive a free Zylo e-scooter - claim it now.",
    "You're our lucky winner: collect your Zylo hamper today.",
])
def test_telling_the_reader_they_have_won_blocks(text: str) -> None:
    assert "ads.false-prize" in _offers(text)


@pytest.mark.parametrize("text", [
    "Enter our prize draw for the chance to win a £250 Zylo gift card.",
    "Zylo has won Best Café 2025 in the Bristol Food Awards.",
    "You've won our hearts, Bristol: thanks for a brilliant first year.",
    "Could you be our next winner? Enter by 30 June.",
])
def test_a_prize_draw_or_an_award_passes(text: str) -> None:
    assert "ads.false-prize" not in _offers(text)


# --- An outcome promised as certain that the evidence says most, not all, achieve
#     (CAP 3.1, 3.7; implied guarantees) ---

@pytest.mark.parametrize("text, evidence", [
    ("Your dream job, in the bag. Zylo coaches make sure of it.", ["71% of coached candidates got an offer"]),
    ("Pass your driving test first time - it's a dead cert with Zylo.", ["58% of Zylo learners pass first time"]),
    ("Sell your house in a week, no matter what.", ["64% of Zylo listings sell within 7 days"]),
])
def test_a_certain_outcome_the_evidence_gives_as_a_share_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.outcome-promise" in _offers(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("71% of our coached candidates got an offer; we'll help you aim for yours.",
     ["71% of coached candidates got an offer"]),
    ("Dinner's in the bag: pick up from 6pm.", []),
    ("Your dream job, in the bag. Zylo coaches make sure of it.", []),
])
def test_a_stated_share_or_everyday_words_pass(text: str, evidence: list[str]) -> None:
    assert "ads.outcome-promise" not in _offers(text, evidence)


# --- Statutory rights presented as a distinctive feature of the offer
#     (UCPD Annex I point 10; DMCC Act 2024 Sch. 20; CAP 3.54) ---

@pytest.mark.parametrize("text", [
    "Unlike other garages, we'll repair or replace any faulty part at no cost to you.",
    "Shop online with Zylo and enjoy our special 14-day cooling-off period.",
    "Exclusive to Zylo: your money back if your headphones arrive broken.",
    "Only at Zylo Home: a full refund on any faulty kettle within 30 days.",
])
def test_a_legal_right_sold_as_the_offers_own_blocks(text: str) -> None:
    assert "ads.statutory-rights" in _offers(text)


@pytest.mark.parametrize("text", [
    "If your kettle turns out faulty, you're entitled to a refund by law, and we make it easy.",
    "Unlike other shops, we give you 100 days to return unworn shoes, no reason needed.",
    "Our exclusive 5-year warranty covers manufacturing faults (your statutory rights are not affected).",
    "Faulty? Return it within 30 days for a full refund.",
])
def test_a_legal_right_stated_as_such_or_an_extra_beyond_it_passes(text: str) -> None:
    assert "ads.statutory-rights" not in _offers(text)


# --- "No hidden fees" against a cost the evidence names (CAP 3.1, 3.18; UCPD art. 6) ---

@pytest.mark.parametrize("text, evidence", [
    ("Spend abroad with the Zylo card: zero fees, ever.",
     ["A 2.99% foreign transaction fee applies to purchases outside the UK"]),
    ("Book your Zylo villa with no hidden costs.", ["A £150 cleaning fee is charged on every stay"]),
    ("Commission-free share dealing with Zylo.", ["An FX margin of 0.5% applies to every US share trade"]),
    ("Send money home at the real exchange rate.", ["A 1.1% mark-up is added to the mid-market rate"]),
])
def test_no_fees_claims_against_a_cost_in_the_evidence_block(text: str, evidence: list[str]) -> None:
    # a financial charge is the financial pack's claim (fin.hidden-costs): one claim, one finding
    assert found(text, evidence) & {"ads.undisclosed-condition", "ads.drip-pricing", "fin.hidden-costs"}


@pytest.mark.parametrize("text, evidence", [
    ("No hidden fees: just a transparent 0.5% FX margin on US trades.",
     ["An FX margin of 0.5% applies to every US share trade"]),
    ("Book your Zylo villa: the £150 cleaning fee is included, no hidden costs.",
     ["A £150 cleaning fee is charged on every stay"]),
    ("Zylo card: no fees on purchases in the UK.", ["No fees on UK purchases"]),
])
def test_no_fees_claims_that_state_the_cost_or_are_true_pass(text: str, evidence: list[str]) -> None:
    assert not _offers(text, evidence) & {"ads.undisclosed-condition", "ads.drip-pricing"}


# --- More restrictions of the evidence in other words: a party size, a price rise before a
#     "free" offer, a sale that has always run, a headline reduction on few lines, day ranges ---

@pytest.mark.parametrize("text, evidence", [
    ("Breaks from £99 per person.", ["Based on 4 sharing; two sharing costs £149 per person"]),
    ("Buy one, get one free on Zylo candles.", ["Single candle price raised from £8 to £12 the week before the offer"]),
    ("Up to 70% off everything in the Zylo sale.", ["Only 2% of lines are at 70% off; most are 10-20% off"]),
    ("Kids eat free at Zylo Diner.", ["One child per paying adult, Monday-Thursday"]),
])
def test_further_restrictions_in_the_evidence_block(text: str, evidence: list[str]) -> None:
    assert "ads.undisclosed-condition" in _offers(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Sale ends Sunday!", ["The sale has run continuously since January"]),
    ("Limited edition: just 500 made.", ["Production is not capped; more will be made on demand"]),
])
def test_a_sale_that_always_runs_or_an_edition_that_is_not_limited_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.false-urgency" in _offers(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Closing down: our last day of trading is 30 June.", ["The store closes permanently on 30 June"]),
    ("Save 20% this weekend only - ends Sunday 23:59.", ["Offer runs 20-22 June only"]),
    ("Last chance to book summer at Zylo Campsite.", ["The campsite is open all year round"]),
    ("Kids eat free at Zylo Diner, Monday to Thursday, one child per paying adult.",
     ["One child per paying adult, Monday-Thursday"]),
])
def test_a_true_deadline_or_a_stated_restriction_passes(text: str, evidence: list[str]) -> None:
    assert not _offers(text, evidence) & {"ads.false-urgency", "ads.undisclosed-condition"}


# --- Price held, no tie-in, in stock, brand new, "up to" savings: against the evidence
#     (CAP 3.1, 3.3, 3.17; UCPD Annex I points 5-6; CAP guidance on "up to" claims) ---

@pytest.mark.parametrize("text, evidence", [
    ("Your price is frozen for 2 years with Zylo Broadband.", ["Prices rise each April by £3 a month"]),
    ("Fixed price energy from Zylo, no surprises.", ["The tariff becomes variable after 12 months"]),
    ("Cancel anytime: no contract at Zylo Gym.", ["A 12-month minimum term applies"]),
    ("No commitment - leave Zylo Yoga whenever you like.", ["30 days' notice is required to cancel"]),
    ("In stock now: order your Zylo e-bike today.", ["Pre-order only; ships in 6 weeks"]),
    ("Brand new Zylo phones from £199.", ["The £199 price is for refurbished handsets"]),
])
def test_a_held_price_free_exit_or_availability_the_evidence_denies_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.undisclosed-condition" in _offers(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Save up to £300 a year when you switch to Zylo Energy.", ["Average saving of switchers was £48"]),
    ("Earn up to 5% cashback at Zylo partners.", ["Most partners pay 1%; 3 of 200 pay 5%", "Most customers earn 1%"]),
])
def test_an_up_to_figure_the_evidence_shows_few_get_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.up-to-maximum" in _offers(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Your price is fixed for 24 months, then rises each April by £3 a month.",
     ["Prices rise each April by £3 a month after month 24"]),
    ("Zylo Gym: 12-month minimum term, then cancel anytime.", ["A 12-month minimum term applies"]),
    ("Zylo e-bike £1,499, in stock now.", ["40 units in stock in the Leeds warehouse"]),
    ("Refurbished Zylo phones from £199.", ["The £199 price is for refurbished handsets"]),
    ("Free engraving on every Zylo watch.", ["Engraving normally costs £15"]),
    ("Save up to £300 a year; switchers saved £48 on average.", ["Average saving of switchers was £48"]),
    ("Cut heat loss by up to 40% with Zylo loft insulation.", ["Field trial: median reduction 36% across 120 homes"]),
])
def test_the_same_offers_with_their_terms_pass(text: str, evidence: list[str]) -> None:
    assert not _offers(text, evidence) & {"ads.undisclosed-condition", "ads.up-to-maximum", "ads.free-not-free"}


# --- The copy names a restriction in another form of its word; a sale's typical reduction ---

@pytest.mark.parametrize("text, evidence", [
    ("Members save 10% on every order. Join free.", ["Membership is free; 10% member discount on all orders"]),
    ("Save up to 30% on selected sofas this weekend.", ["Up to 30% off selected sofas; most reductions are 20-30%"]),
    ("Flights to Rome from £49 one way, on selected dates in May.", ["£49 fares on selected dates in May only"]),
])
def test_a_restriction_in_another_form_or_a_fair_maximum_passes(text: str, evidence: list[str]) -> None:
    assert not _offers(text, evidence) & {"ads.undisclosed-condition", "ads.up-to-maximum"}


def test_a_sale_whose_reductions_are_mostly_far_below_its_maximum_blocks() -> None:
    assert "ads.up-to-maximum" in _offers("Up to 70% off at Zylo Home.", ["Most reductions are 10-20%"])
    assert "ads.undisclosed-condition" in _offers("Truly limitless streaming on Zylo TV.",
                                                  ["Streaming is limited to 2 screens per account"])


# --- What the price leaves out, booking conditions, multibuys, app-only prices, deposits ---

@pytest.mark.parametrize("text, evidence", [
    ("Coffee for 99p all week.", ["99p price only with the Zylo app"]),
    ("Everything reduced in the Zylo summer sale.", ["Only 40% of lines are reduced"]),
    ("3 for 2 on all Zylo skincare.", ["3 for 2 applies to selected lines only"]),
    ("Rooms from €79.", ["€79 rate requires a non-refundable booking made 60 days ahead"]),
    ("Cheap flights all summer: Lisbon $59.", ["$59 fare excludes a $25 carrier fee added at checkout"]),
    ("Join today and get 50% off your first 3 months.", ["After 3 months it is £40 a month on a 12-month contract"]),
    ("All-inclusive: £899 per person.", ["Excursions and airport transfers cost extra"]),
    ("Free cancellation on all Zylo bookings.",
     ["Free cancellation up to 48 hours before arrival; non-refundable after"]),
    ("No deposit needed on a Zylo van.", ["A £200 deposit is taken on collection"]),
])
def test_what_the_price_leaves_out_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.undisclosed-condition" in _offers(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Three dinners for two, £29.99 a box, plus £3.99 delivery.",
     ["Delivery £3.99 on every order; price excludes delivery"]),
    ("Your monthly price is fixed for the full 24 months.",
     ["No in-contract price rises for the 24-month minimum term"]),
    ("Four burgers for £6.50.", ["Soil carbon estimate excludes methane from cattle"]),
    ("Pay £0 today with a free 14-day trial, then £9.99 a month; cancel before day 14 and pay nothing.",
     ["Trial converts to £9.99/month unless cancelled"]),
    ("Rooms from €79, non-refundable, booked 60 days ahead.",
     ["€79 rate requires a non-refundable booking made 60 days ahead"]),
])
def test_a_price_that_states_what_it_leaves_out_passes(text: str, evidence: list[str]) -> None:
    assert not _offers(text, evidence) & {"ads.undisclosed-condition", "ads.free-not-free"}


@pytest.mark.parametrize("text, evidence", [
    ("Free parking for all guests.", ["Parking is free for every hotel guest; spaces limited to 40"]),
    ("Invest from £25 a month. Capital at risk.", ["Platform fee 0.25% a year applies to every account"]),
    ("Our recycled bottles cost just £12.", ["Bottles contain 50% recycled plastic; caps excluded"]),
    ("Free UK delivery on every order.", ["Free UK delivery on all orders; no minimum spend"]),
    ("Last chance to see the exhibition: it closes Sunday.", ["The exhibition closes permanently on Sunday 14 July"]),
])
def test_facts_of_the_evidence_that_restrict_nothing_the_copy_offers_pass(text: str, evidence: list[str]) -> None:
    assert not _offers(text, evidence) & {"ads.undisclosed-condition", "ads.free-not-free", "ads.false-urgency"}


# --- Conditional "free" in other words, and paid introductory trials (16 CFR 425; CAP 3.23) ---

@pytest.mark.parametrize("text", [
    "Complimentary lounge access for Zylo Gold cardholders.",
    "Try Zylo Plus for just £1.",
    "£1 for your first month of Zylo Fit.",
    "Breakfast on the house when you join Zylo Club.",
])
def test_a_conditional_complimentary_offer_or_a_paid_trial_without_its_cost_blocks(text: str) -> None:
    assert "ads.free-conditional" in _offers(text)


@pytest.mark.parametrize("text", [
    "Try our new Zylo burger for just £5.",
    "£1 for your first month, then £9.99 a month. Cancel anytime.",
    "Complimentary lounge access for Zylo Gold cardholders (Gold card £195 a year).",
])
def test_a_one_off_price_or_a_trial_with_its_cost_passes(text: str) -> None:
    assert "ads.free-conditional" not in _offers(text)


@pytest.mark.parametrize("text, rule", [
    ("Weekend breaks from £149pp. Resort fees payable locally.", "ads.drip-pricing"),
    ("Car hire from £19/day (airport surcharge extra).", "ads.drip-pricing"),
    ("Hotel rooms £95 a night, city tax not included.", "ads.drip-pricing"),
    ("Tickets £40, booking fee extra.", "ads.drip-pricing"),
    ("As standard, we'll swap any faulty phone within 30 days - something you won't get elsewhere.",
     "ads.statutory-rights"),
    ("If it breaks within a month, we'll give you a refund. No other shop does that.", "ads.statutory-rights"),
    ("Spotted it cheaper? We'll match it.", "ads.price-promise"),
    ("Never knowingly undersold.", "ads.price-promise"),
])
def test_more_wordings_of_the_copy_only_classes_block(text: str, rule: str) -> None:
    assert rule in _offers(text)


@pytest.mark.parametrize("text", [
    "Gig tickets £40. Plus a £3 booking fee per ticket.",
    "Late fees apply to overdue rentals.",
    "Broken biscuits, unlike other shops, at half price.",
    "We can't match the view from our terrace.",
])
def test_more_near_misses_of_the_copy_only_classes_pass(text: str) -> None:
    assert not _offers(text) & {"ads.drip-pricing", "ads.statutory-rights", "ads.price-promise"}


@pytest.mark.parametrize("text, evidence, rule", [
    ("Stream as much as you want with Zylo TV.", ["HD streaming only; 4K costs £3 a month extra"],
     "ads.undisclosed-condition"),
    ("Kids go free at Zylo Zoo!", ["Under-3s free; older children pay £9"], "ads.undisclosed-condition"),
    ("Get a free Zylo speaker worth £99.", ["Speaker included with 24-month broadband contracts only"],
     "ads.undisclosed-condition"),
    ("Zylo app: free forever, no ads.", ["Ad-free experience requires Zylo Premium (£2.99/month)"],
     "ads.free-not-free"),
    ("Speeds up to 1Gbps.", ["Average speed 145 Mbps at peak time"], "ads.up-to-maximum"),
    ("Up to 50% off holidays.", ["Most holidays 5-10% off; 50% off on three departures"], "ads.up-to-maximum"),
])
def test_further_evidence_restrictions_in_other_words_block(text: str, evidence: list[str], rule: str) -> None:
    assert rule in _offers(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Under-3s go free at Zylo Zoo!", ["Under-3s free; older children pay £9"]),
    ("Speeds up to 1Gbps, with 900 Mbps on average at peak time.", ["Average speed 900 Mbps at peak time"]),
    ("Full-fibre speeds up to 1Gbps.", ["Average speed 940 Mbps at peak time"]),
])
def test_the_same_offers_stated_or_fair_pass(text: str, evidence: list[str]) -> None:
    assert not _offers(text, evidence) & {"ads.undisclosed-condition", "ads.up-to-maximum"}
