"""The dose-span recogniser and the phrase data, each tested on its own."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.dates import find_dates, months_between
from linter.dose_spans import find_doses
from linter.phrases import negated, phrases


@pytest.mark.parametrize(
    "text, number, unit, per",
    [
        ("500 mg", "500", "mg", None),
        ("2.5-5 mg", "2.5", "mg", None),
        ("0.5 mL/kg", "0.5", "mL", "/kg"),
        ("1 g twice daily", "1", "g", None),
        ("10 units", "10", "units", None),
        ("400 IU", "400", "IU", None),
        ("50 µg/g", "50", "µg", "/g"),
        ("1,000 mg", "1,000", "mg", None),
        ("5 mg/5 mL", "5", "mg", "/5 mL"),
    ],
)
def test_dose_spans(text, number, unit, per):
    (span,) = find_doses(text)
    assert (span.number, span.unit, span.per, span.start, span.end) == (number, unit, per, 0, len(text))


def test_frequency_and_route_are_part_of_the_span():
    (span,) = find_doses("Give 1 g twice daily by mouth.")
    assert (span.frequency, span.route) == ("twice daily", "by mouth")
    assert find_doses("2.5-5 mg")[0].upper == "5"


@pytest.mark.parametrize(
    "text",
    [
        "1% cream",
        "40% of patients",
        "6.0 mg/dL",
        "140 mmol/L",
        "a U-shaped curve",
        "in 2019, 20 people",
        "3 g-force",
        "1 l of water",
        "IU Health",
    ],
)
def test_not_doses(text):
    assert find_doses(text) == []


@pytest.mark.parametrize("kind", sorted(phrases()))
def test_every_phrase_fires_on_its_example_and_not_on_its_trap(kind):
    for phrase in phrases()[kind]:
        hit = phrase.regex.search(phrase.bad)
        assert hit, f"{kind}: {phrase.regex.pattern} misses its example {phrase.bad!r}"
        trap_hit = phrase.regex.search(phrase.trap)
        if trap_hit and kind in ("self_medication", "absolute"):
            assert negated(phrase.trap, trap_hit.start()), f"{kind}: trap {phrase.trap!r} is not negated"
        elif kind in ("unit", "frequency", "measure", "drug"):
            assert not trap_hit or not find_doses(phrase.trap), f"{kind}: trap {phrase.trap!r} has dose context"
        else:
            assert not trap_hit, f"{kind}: {phrase.regex.pattern} fires on its trap {phrase.trap!r}"


def test_negation_window():
    assert negated("This is not completely safe", 11)
    assert not negated("This is completely safe", 8)


def test_dates():
    assert [(d.value.isoformat(), d.start, d.end) for d in find_dates("Last Updated: February 14, 2025.")] == [
        ("2025-02-14", 14, 31)
    ]
    assert [d.value.isoformat() for d in find_dates("14 February 2025; 2025-02-14; 14/02/2025")] == ["2025-02-14"] * 3
    assert find_dates("03/04/2025", day_first=False)[0].value.isoformat() == "2025-03-04"
    assert find_dates("03/04/2025")[0].value.isoformat() == "2025-04-03"
    from datetime import date

    assert months_between(date(2025, 2, 14), date(2026, 11, 25)) == 21
    assert months_between(date(2025, 2, 14), date(2026, 11, 13)) == 20


_DOSE_PIECES = st.sampled_from(
    [
        "mg",
        "mL",
        "g",
        "units",
        "IU",
        "tablets",
        "twice daily",
        "/kg",
        " ",
        ".",
        ",",
        "-",
        "to",
        "one",
        "half",
        "x",
        "\u2155",  # a vulgar fraction: a number to a reader, not a digit to the pattern
        "per day",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_DOSE_PIECES, max_size=12).map("".join))
def test_a_text_without_a_digit_holds_no_dose(text):
    """find_doses returns at once for text with no digit: the DOSE pattern itself finds nothing there
    (every form of NUMBER holds a digit, Unicode digits included, as for the pattern's own \\d)."""
    from linter.dose_spans import DOSE
    from linter.text import has_digit

    assert not has_digit(text)
    assert DOSE.search(text) is None
    assert find_doses(text) == []


def test_a_dose_in_other_digits_is_still_found():
    assert [(s.number, s.unit) for s in find_doses("Take \u0665 mg once.")] == [("\u0665", "mg")]
