"""Doses by context, abbreviations by medication sense, hedges by scope, self-medication by grammar.

Each case is a principle from RULES.md with its trap: careful writing that must stay clean."""

from __future__ import annotations

import pytest

from tests.helpers import compact, lint_text

DOSE = ["DOSE001", "DOSE002", "DOSE003", "DOSE004", "DOSE005", "DOSE006", "DOSE007", "DOSE010", "DOSE011"]


def _found(text: str, select: list[str] | None = None) -> list[tuple[str, int, int]]:
    return compact(lint_text(f"# Page\n\n{text}\n", select=select or DOSE))


@pytest.mark.parametrize(
    "text",
    [
        "Potassium intake: 3500-5000 mg/day is advised for most adults.",
        "Keep sodium under 2 g/day and salt under 6 g a day.",
        "Most people lose typically 1-2 kg in the first month.",
        "A ferritin level below 30 micrograms per litre suggests iron deficiency.",
        "Eat 30 g of fibre a day from wholegrains, fruit and vegetables.",
        "Drink 2 litres of water a day in hot weather.",
    ],
)
def test_diet_weight_and_lab_amounts_are_not_doses(text):
    assert _found(text, DOSE + ["DISC002"]) == []


def test_methods_section_numbers_are_not_doses():
    text = "## Methods\n\nParticipants took 1000mg or placebo daily for 12 weeks."
    assert _found(text, DOSE + ["DISC002"]) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Take 1 g of paracetamol four times a day.", [("DOSE010", 3, 1)]),
        ("Vitamin D 1000 units a day is a common supplement dose.", [("DOSE007", 3, 11)]),
        ("Take potassium supplements 600mg twice daily, as your doctor advises.", [("DOSE007", 3, 28)]),
    ],
)
def test_medicine_amounts_are_doses(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text, code, column",
    [
        ("Adherence improved because of the qd dosing.", "DOSE004", 35),
        ("Chlorthalidone is preferred over HCTZ in most guidelines.", "DOSE006", 34),
        ("Eclampsia is treated with intravenous MgSO4.", "DOSE006", 39),
        ("The antibiotic was prescribed QOD for a month.", "DOSE004", 31),
        ("The cream is applied q.d. to the rash.", "DOSE004", 22),
    ],
)
def test_abbreviations_without_a_number_in_medication_context(text, code, column):
    assert _found(text) == [(code, 3, column)]


@pytest.mark.parametrize(
    "text",
    [
        "The QD clinic opens at nine.",
        "People with MS often feel tired.",
        "IU Health wrote to every patient.",
        "Please cc the practice manager on the e-mail.",
        "The OD column of the survey counts overdoses.",
    ],
)
def test_non_medication_senses_stay_clean(text):
    assert _found(text) == []


@pytest.mark.parametrize(
    "text, expected, fixed",
    [
        ("Give 20 mg/4 cc slowly, as prescribed.", [("DOSE005", 3, 14)], "Give 20 mg/4 mL slowly, as prescribed."),
        ("The usual dose is 1-2mg/kg.", [("DOSE007", 3, 19)], "The usual dose is 1-2 mg/kg."),
        ("The usual dose is 400-800mg.", [("DOSE007", 3, 19)], "The usual dose is 400-800 mg."),
        ("The oral solution (0.1mg/ml) is usual.", [("DOSE007", 3, 20)], "The oral solution (0.1 mg/ml) is usual."),
        ("The usual dose is 1000-2000 mg.", [("DOSE007", 3, 19)], "The usual dose is 1,000-2,000 mg."),
    ],
)
def test_ranges_and_compounds_one_finding_one_fix(text, expected, fixed):
    from linter.edits import apply_edits, select_edits

    found = lint_text(f"# Page\n\n{text}\n", select=DOSE)
    assert compact(found) == expected
    assert apply_edits(f"# Page\n\n{text}\n", select_edits(found)) == f"# Page\n\n{fixed}\n"


def test_a_hedge_covers_its_own_sentence_only():
    text = "Your doctor may prescribe ibuprofen for the pain. Take 1 g of paracetamol four times a day."
    assert _found(text, ["DOSE010"]) == [("DOSE010", 3, 51)]


def test_a_hedge_in_the_parent_item_covers_its_sub_items():
    text = "- Children, as your pharmacist advises:\n  - take 5 mL every 4 hours"
    assert _found(text, ["DOSE010"]) == []


def test_a_caution_to_the_reader_covers_the_section():
    text = "Ask your pharmacist before taking any new medicine.\n\nTake 400 mg every 4 hours for pain."
    assert _found(text, ["DOSE010", "DISC002"]) == []


def test_a_warnings_section_is_a_caution_and_its_limits_are_not_instructions():
    text = "## Warnings\n\nDo not take more than 4 g in 24 hours.\n\n## How to take it\n\nAdults: 500 mg to 1 g every 4 to 6 hours."
    assert _found(text, ["DOSE010", "DISC002"]) == []


def test_describing_what_clinicians_prescribe_is_no_caution_for_disc002():
    text = "## Treatment\n\nDoctors usually prescribe amoxicillin 500 mg three times a day for five days."
    assert _found(text, ["DISC002"]) == [("DISC002", 3, 1)]


@pytest.mark.parametrize(
    "text, column",
    [
        ("If the side effects bother you, stop taking your antidepressant straight away.", 33),
        ("You can switch to a cheaper inhaler whenever you like.", 9),
        ("Feel free to share your antibiotics with a partner who has the same symptoms.", 14),
    ],
)
def test_self_medication_by_grammar(text, column):
    assert _found(text, ["DOSE011"]) == [("DOSE011", 3, column)]


@pytest.mark.parametrize(
    "text",
    [
        "Do not stop taking your tablets without talking to your doctor.",
        "Only stop the steroids if your doctor says so.",
        "If it is nearly time for the next dose, skip the missed dose.",
        "Finish the course of antibiotics even if you feel better.",
        "Stop smoking to protect your lungs.",
        "Start by writing down your symptoms and when they happen.",
        "Never double the dose to make up for a forgotten one.",
    ],
)
def test_supervised_negated_and_label_advice_stays_clean(text):
    assert _found(text, ["DOSE011"]) == []


def test_your_doctor_will_tell_you_the_dose_is_a_caution_but_may_prescribe_is_not():
    cautioned = (
        "## Dose\n\nThe usual dose is 500 mg twice a day. Your doctor or pharmacist will tell you the right dose."
    )
    assert _found(cautioned, ["DISC002"]) == []
    described = "## Dose\n\nThe usual dose is 500 mg twice a day. Your doctor may prescribe more."
    assert _found(described, ["DISC002"]) == [("DISC002", 3, 1)]
