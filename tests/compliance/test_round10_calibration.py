"""Round 10's calibrations (TUNING-LOG.md): poster accessibility at the severity the failure
has, guarantees that promise nothing, a scheme's membership, and charges named by their size."""

from __future__ import annotations

from helpers import audit, brief, copy, poster

from marketing_agents.models import Severity


def severities(report: object, rule_id: str) -> set[Severity]:
    return {i.severity for i in report.issues if i.rule_id == rule_id}  # type: ignore[attr-defined]


def test_contrast_is_blocking_only_when_no_palette_colour_reads() -> None:
    pale = audit(copy(), poster(palette=["#FFFFFF", "#FFF6C2", "#FDF1D8", "#FFFFFF"]))
    assert Severity.HIGH in severities(pale, "a11y.contrast")
    swappable = audit(copy(), poster(palette=["#A3B18A", "#F1FAEE", "#1F2A1C", "#FFFFFF"]))
    assert severities(swappable, "a11y.contrast") == {Severity.MEDIUM}


def test_large_poster_text_needs_three_to_one() -> None:
    # #767676 on white is 4.54:1; #949494 is 3.03:1: enough for the poster's large text
    report = audit(copy(), poster(palette=["#FFFFFF", "#949494", "#111111", "#FFFFFF"]))
    assert not any(i.rule_id == "a11y.contrast" and i.field.endswith("palette[1]") for i in report.issues)


def test_alt_text_missing_is_medium_and_one_that_describes_only_the_picture_is_advice() -> None:
    """Round 12 (accessibility.yaml): reviewers labelled a missing alt text Medium 27 times in 34."""
    described = audit(copy(), poster(altText="A woman pours tea on a sunny balcony beside a plant"))
    assert severities(described, "a11y.alt-text") == {Severity.LOW}
    missing = audit(copy(), poster(altText=""))
    assert severities(missing, "a11y.alt-text") == {Severity.MEDIUM}
    generic = audit(copy(), poster(altText="IMG_2291.png"))
    assert severities(generic, "a11y.alt-text") == {Severity.MEDIUM}


def test_a_guarantee_denied_or_warned_about_promises_nothing() -> None:
    for text in ("Approval isn't guaranteed and depends on your circumstances.",
                 "Before you switch, check whether your old plan has guarantees or benefits you'd lose.",
                 "Some older schemes carry a guaranteed annuity rate."):
        report = audit(copy(bodyLong=text), the_brief=brief(evidence=[]))
        assert "ads.guarantee" not in {i.rule_id for i in report.issues}
    promise = audit(copy(bodyLong="Spotless floors, guaranteed."), the_brief=brief(evidence=[]))
    assert "ads.guarantee" in {i.rule_id for i in promise.issues}


def test_a_guarantee_with_its_terms_after_a_colon() -> None:
    text = "Our fit guarantee: if the boots rub in the first month, we'll swap them for another size."
    assert "ads.guarantee" not in {i.rule_id for i in audit(copy(bodyLong=text), the_brief=brief(evidence=[])).issues}


def test_a_banks_scheme_membership_is_no_condition_of_the_offer() -> None:
    report = audit(copy(bodyLong="Earn 4.1% AER variable with unlimited withdrawals."),
                   the_brief=brief(evidence=["4.1% AER variable, effective 1 May", "Tarn Bank is an FSCS member"]))
    assert "ads.undisclosed-condition" not in {i.rule_id for i in report.issues}


def test_a_charge_named_by_its_size_breaks_a_no_fee_claim() -> None:
    report = audit(copy(bodyLong="Spend abroad with 0% fees on the Pilot card."),
                   the_brief=brief(evidence=["Exchange rate includes a markup of 1.5% over the network rate"]))
    assert "fin.hidden-costs" in {i.rule_id for i in report.issues}


def health_ids(text: str) -> set[str]:
    report = audit(copy(bodyLong=text), the_brief=brief(evidence=[], constraints=[]))
    return {i.rule_id for i in report.issues if i.rule_id.startswith("health.")}


def test_a_two_word_condition_resolved_however_the_list_writes_its_number() -> None:
    assert "health.disease-claim" in health_ids("Two capsules at bedtime and the night sweat stops.")
    assert "health.disease-claim" in health_ids("Within a week the hot flushes stop.")
    assert "health.disease-claim" not in health_ids("The cold weather stops at the door.")


def test_a_condition_waved_off_or_starved() -> None:
    assert "health.disease-claim" in health_ids("Kiss your migraines goodbye.")
    assert "health.disease-claim" in health_ids("Ditch the sniffles this winter.")
    assert "health.disease-claim" in health_ids("A root tea that balances PCOS.")
    assert "health.disease-claim" not in health_ids("Ditch the car and cycle to work.")
    assert "health.disease-claim" not in health_ids("Starve weeds of light with a thick mulch.")
