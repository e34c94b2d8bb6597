"""Dates in the forms health sites write them, with their spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from linter.text import Spans

_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
# A date may be glued to the next word in scraped text ("October 1, 2025View editorial policy") or
# run into a time ("2025-10-01T09:30"): dates end where the digits end, not at a word boundary.
_PATTERNS = [
    re.compile(rf"(?<![\w]){_DAY}\s+{_MONTH},?\s+{_YEAR}(?!\d)", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.I),
    re.compile(rf"(?<!\d){_YEAR}[-/](?P<m>\d{{1,2}})[-/](?P<d>\d{{1,2}})(?!\d)"),
    re.compile(rf"(?<!\d)(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.]{_YEAR}(?!\d)"),
    re.compile(rf"\b{_MONTH}\s+{_YEAR}(?!\d)", re.I),
]


@dataclass(frozen=True)
class FoundDate:
    """A date found in text, with its span."""

    value: date
    start: int
    end: int


def find_dates(text: str, day_first: bool = True) -> list[FoundDate]:
    found: list[FoundDate] = []
    taken = Spans()
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            value = _to_date(m, day_first)
            if value is not None and taken.claim(m.start(), m.end()):
                found.append(FoundDate(value, m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _to_date(m: re.Match[str], day_first: bool) -> date | None:
    groups = m.groupdict()
    try:
        year = int(groups["year"])
        if groups.get("month"):
            month = _MONTHS[groups["month"].lower().rstrip(".")[:3]]
            day = int(groups["day"]) if groups.get("day") else 1
        elif groups.get("m"):
            month, day = int(groups["m"]), int(groups["d"])
        else:
            a, b = int(groups["a"]), int(groups["b"])
            day, month = (a, b) if day_first else (b, a)
            if month > 12 and day <= 12:
                day, month = month, day
        return date(year, month, day)
    except (ValueError, KeyError):
        return None


def months_between(earlier: date, later: date) -> int:
    """Whole months elapsed from ``earlier`` to ``later``."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return months
