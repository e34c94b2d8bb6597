"""The citation-marker grammar: what may stand inside ``[...]`` or ``<sup>...</sup>``.

A well-formed body is one or more numbers or ranges separated by commas or semicolons:
``1``, ``1, 2``, ``1-3``, ``1–3``, ``2,4-6``. Ranges use a hyphen, en dash or em dash.
"""

from __future__ import annotations

import re
from functools import lru_cache

_DASHES = "\\-\u2013\u2014\u2012"
_PART = re.compile(rf"^\s*(\d{{1,5}})\s*(?:[{_DASHES}]\s*(\d{{1,5}}))?\s*$")
# Bodies that look like an attempt at a citation: digits with separators, possibly broken.
CANDIDATE_BODY = re.compile(rf"^\s*(?:\d[\d\s,;{_DASHES}]*[a-z]?|[,;{_DASHES}][\d\s,;{_DASHES}]*)?\s*$")
MAX_RANGE = 200


@lru_cache(maxsize=4096)  # bodies repeat ("1", "2, 3"): an article asks for the same few hundred times
def parse_body(body: str) -> tuple[tuple[int, ...], str | None]:
    """Numbers cited by a marker body, and the reason it is malformed (None if it is fine)."""
    if not body.strip():
        return (), "empty citation brackets"
    numbers: list[int] = []
    parts = re.split(r"[,;]", body)
    for part in parts:
        if not part.strip():
            return tuple(numbers), f"empty item in '{body.strip()}' (doubled or stray separator)"
        m = _PART.match(part)
        if not m:
            if re.match(r"^\s*\d+[a-z]\s*$", part):
                return tuple(numbers), f"'{part.strip()}' is not a reference number (letter suffix)"
            return tuple(numbers), f"'{part.strip()}' is not a number or range"
        first = int(m.group(1))
        last = int(m.group(2)) if m.group(2) else first
        if first == 0 or last == 0:
            return tuple(numbers), "reference numbers start at 1, not 0"
        if last < first:
            return tuple(numbers), f"range {first}-{last} runs backwards"
        if last - first > MAX_RANGE:
            return tuple(numbers), f"range {first}-{last} spans more than {MAX_RANGE} references"
        numbers.extend(range(first, last + 1))
    return tuple(numbers), None


@lru_cache(maxsize=4096)
def is_candidate(body: str) -> bool:
    """True when ``[body]`` is meant as a citation (well formed or not), not ordinary text."""
    return bool(CANDIDATE_BODY.match(body)) and len(body) <= 40


def format_numbers(numbers: list[int]) -> str:
    """Compact form of a number list: [1, 2, 3, 5] -> '1-3, 5'."""
    out: list[str] = []
    ordered = sorted(set(numbers))
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        out.append(str(ordered[i]) if i == j else f"{ordered[i]}-{ordered[j]}")
        i = j + 1
    return ", ".join(out)
