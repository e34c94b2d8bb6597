"""One dose-span recogniser shared by every DOSE rule and DISC002.

A dose span is a number (or range) followed by a dose unit, optionally ``/`` a second unit
(``mg/kg``, ``mg/5 mL``), then an optional frequency and route:
``500 mg``, ``2.5-5 mg``, ``0.5 mL/kg``, ``1 g twice daily``, ``10 units``, ``400 IU``, ``50 µg/g``,
``1,000 mg``, ``5 mg/5 mL``. Percent strengths (``1% cream``), statistics and laboratory values
(``6.0 mg/dL``, ``140 mmol/L``) are not doses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.text import has_digit

NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_MASS = r"mg|mcg|µg|μg|ug|g|kg|ng|gr|grams?|milligrams?|micrograms?"
_VOLUME = r"mL|ml|mls|L|l|cc|drops?|litres?|liters?|millilitres?|milliliters?"
_AMOUNT = r"units?|U|IU|international\s+units|mEq|mmol|tablets?|tabs?|capsules?|caps?|puffs?|sprays?|patch(?:es)?|sachets?|teaspoons?|tsp|tablespoons?|tbsp|doses?"
UNIT = rf"(?:{_MASS}|{_VOLUME}|{_AMOUNT})"
_PER = rf"(?:/\s*(?:{NUMBER}\s*)?(?:kg|m2|m²|day|d|dose|h|hr|hour|{_MASS}|mL|ml|cc)\b|\s+per\s+(?:kg|day|dose|hour))"
FREQUENCY = (
    r"(?:once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|per|each)\s+(?:day|week)|"
    r"(?:once|twice)\s+daily|daily|nightly|weekly|every\s+(?:\d+(?:\s*(?:-|–|to)\s*\d+)?\s+)?(?:hours?|days?|weeks?|morning|night|evening)|"
    r"at\s+bedtime|in\s+the\s+(?:morning|evening)|with\s+(?:food|meals)|"
    r"\b(?:q\.?\s?\d+\s?h|b\.?i\.?d\.?|t\.?i\.?d\.?|q\.?i\.?d\.?|q\.?d\.?|q\.?o\.?d\.?|q\.?h\.?s\.?|h\.?s\.?|prn)\b"
)
ROUTE = r"(?:orally|by\s+mouth|intravenously|by\s+injection|under\s+the\s+skin|subcutaneously|intramuscularly|\bIV\b|\bIM\b|\bPO\b|\bSC\b|\bSQ\b|topically|inhaled)"
_LAB_DENOMINATOR = re.compile(r"^/\s*(?:dL|dl|L|l|µL|uL|mm3)\b")  # mg/mL is a liquid medicine's strength

DOSE = re.compile(
    rf"(?<![\w.,/])(?P<number>{NUMBER})(?:\s*(?:-|–|to)\s*(?P<upper>{NUMBER}))?"
    rf"(?P<space>\s?)(?P<unit>{UNIT})(?![\w%])(?P<per>{_PER})?"
    rf"(?:[ ,]+(?P<frequency>{FREQUENCY}))?(?:[ ,]+(?P<route>{ROUTE}))?",
    re.I,
)
_CASE_SENSITIVE_UNITS = {"u", "iu", "l"}  # must be upper case (U, IU, L) to count


@dataclass(frozen=True)
class DoseSpan:
    """A dose in text: a number (or range) and its unit, with their spans."""

    start: int
    end: int
    number: str
    number_start: int
    unit: str
    unit_start: int
    upper: str | None = None
    upper_start: int | None = None
    per: str | None = None
    per_start: int | None = None
    frequency: str | None = None
    route: str | None = None

    @property
    def numbers_end(self) -> int:
        """Where the last number of the dose ends (the upper bound of a range)."""
        if self.upper is not None and self.upper_start is not None:
            return self.upper_start + len(self.upper)
        return self.number_start + len(self.number)

    @property
    def value(self) -> float:
        return float(self.number.replace(",", ""))


def find_doses(text: str) -> list[DoseSpan]:
    """Every dose span in ``text`` (positions are indices into ``text``)."""
    if not has_digit(text):  # every dose starts with a number (NUMBER holds a digit in each form)
        return []  # and most sentences hold no digit at all: DOSE would try every position for nothing
    spans: list[DoseSpan] = []
    for m in DOSE.finditer(text):
        unit = m.group("unit")
        if unit.lower() in _CASE_SENSITIVE_UNITS and unit != unit.upper():
            continue
        if unit == "L" or unit.lower() == "l":
            continue
        if _is_lab_value(text, m):
            continue
        if unit.lower() == "g" and text[m.end("unit") : m.end("unit") + 1] == "-":
            continue
        spans.append(
            DoseSpan(
                start=m.start(),
                end=m.end(),
                number=m.group("number"),
                number_start=m.start("number"),
                unit=unit,
                unit_start=m.start("unit"),
                upper=m.group("upper"),
                upper_start=m.start("upper") if m.group("upper") else None,
                per=m.group("per"),
                per_start=m.start("per") if m.group("per") else None,
                frequency=m.group("frequency"),
                route=m.group("route"),
            )
        )
    return spans


def _is_lab_value(text: str, m: re.Match[str]) -> bool:
    """A concentration per volume of blood or urine (mg/dL, mmol/L) is a test result, not a dose."""
    after = text[m.end("unit") : m.end("unit") + 8]
    return bool(_LAB_DENOMINATOR.match(after)) or m.group("unit").lower() in ("mmol",) and "/" in after[:2]
