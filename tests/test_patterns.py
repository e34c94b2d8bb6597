"""linter.patterns: the first-character guard derived from a pattern must never change a match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter import phrases
from linter.facts import trust
from linter.patterns import first_characters, guard, guarded


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"\bqd\b|(?<![\w.])(?:sc|sq)(?![\w.])", 0, {"q", "s"}),
        (r"(?:a|b)?c", 0, {"a", "b", "c"}),  # an optional group: what follows can start the match too
        (r"x*y+", 0, {"x", "y"}),
        (r"[a-c]z", 0, {"a", "b", "c"}),
        (r"(?=k)\bkg", re.I, {"k"}),  # zero-width items start nothing
        (r"\d+ mg", 0, None),  # \d is Unicode-wide: not listed
        (r"[^a]b", 0, None),  # a negated class
        (r".b", 0, None),
        (r"a?", 0, None),  # can match the empty string: no guard can hold
        (r"(?i:a)b", 0, None),  # a case scope of its own
        (r"(a)\1", 0, {"a"}),
    ],
)
def test_first_characters(pattern, flags, expected):
    found = first_characters(pattern, flags)
    assert (None if found is None else set(found)) == expected


def test_no_guard_where_the_engine_already_skips():
    assert guard("abc|x") == "abc|x"  # a literal / first-character prefix of the compiler's own
    assert guard("[ab]c") == "[ab]c"
    assert guard(r"\bab") == r"(?=[a])(?:\bab)"


def test_guard_keeps_global_flags_first_and_closes_after_a_verbose_comment():
    pattern = guarded(r"(?ix) \b a+  # a comment to the end")
    assert pattern.pattern.startswith("(?ix)(?=[a])")
    assert pattern.search("xx AAa").span() == (3, 6)


def test_guard_under_ignorecase_folds_like_the_pattern():
    # the Kelvin sign folds to k under IGNORECASE: the guard's class must fold the same way
    assert guarded(r"\bkg\b", re.I).search("5 \u212ag") is not None
    assert re.compile(r"\bkg\b", re.I).search("5 \u212ag") is not None


def _whole_text_patterns() -> list[tuple[str, int]]:
    """Every pattern the code guards (all rules and phrase kinds loaded), and each phrase entry alone."""
    from linter import patterns
    from linter.parse import inline  # noqa: F401  (its token patterns are guarded at import)
    from linter.rules import CATALOG, load_rules

    load_rules(list(CATALOG))
    table = phrases.phrases()
    for kind in table:
        phrases._prefilter(kind)
        phrases._loose(kind)
    found = list(patterns.BUILT)
    for kind in table:
        found.extend((entry.regex.pattern, entry.regex.flags & ~re.UNICODE) for entry in table[kind])
    return sorted(set(found))


_PATTERNS = _whole_text_patterns()


def test_the_guarded_patterns_are_all_collected():
    guarded_here = {p for p, _ in _PATTERNS}
    assert trust._DATE_WORD.pattern.endswith(")") and any("review|updated" in p for p in guarded_here)
    assert any("(?P<bracket>" in p for p in guarded_here)  # the inline scanner's
    assert any("tablets?|tabs?" in p for p in guarded_here)  # DOSE007's Roman numerals
    assert any("PMC(?!ID)" in p for p in guarded_here)  # the reference identifiers'


_WORDS = sorted({w for p, _ in _PATTERNS for w in re.findall(r"[A-Za-z]{1,12}", p)})
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from([" ", ".", ",", "/", "-", "\n", "5", "10 mg", "(", ")", ":", "'", "\u212a", "\u00e9", "ſ"]),
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_PATTERNS), st.lists(_PIECES, max_size=25).map("".join))
def test_the_guard_changes_no_match(entry, text):
    pattern, flags = entry
    plain = re.compile(pattern, flags)
    fast = guarded(pattern, flags)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in fast.finditer(text.upper())] == [m.span() for m in plain.finditer(text.upper())]
