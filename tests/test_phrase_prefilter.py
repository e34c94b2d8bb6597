"""The phrase tables' prefilter (linter.phrases.may_match) is a superset test: wherever an entry of a
kind matches, may_match says True. It lower-cases ASCII text for speed; these tests hold it to the
entries themselves, on the table's own examples and on generated text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.phrases import lower_pattern, may_match, phrases

KINDS = sorted(phrases())


def _matches(kind: str, text: str) -> bool:
    return any(p.regex.search(text) for p in phrases()[kind])


@pytest.mark.parametrize("kind", KINDS)
def test_every_example_that_an_entry_matches_passes_the_prefilter(kind):
    for phrase in phrases()[kind]:
        for text in (phrase.bad, phrase.trap, phrase.bad.upper(), phrase.bad.title(), f"é {phrase.bad}"):
            if _matches(kind, text):
                assert may_match(kind, text), (kind, text)


def test_lower_pattern_keeps_escapes():
    assert lower_pattern(r"\bQD\B\W[A-Z]\S") == r"\bqd\B\W[a-z]\S"
    assert lower_pattern("a\\") == "a\\"


def test_prefilter_says_no_for_text_without_any_entry():
    assert not may_match("frequency", "Rest and drink plenty of fluids.")
    assert may_match("frequency", "Take 5 mg QD.")
    assert may_match("frequency", "Take 5 mg qd.")  # the entry is case-insensitive
    assert may_match("drug", "MS 10 mg")  # a case-sensitive entry


_ALPHABET = st.sampled_from(list("qdQDhsHSoOcC.-/ msMS04tiwTIWSCsubq \u0130\u212aKkx"))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(KINDS), st.lists(_ALPHABET, max_size=24).map("".join))
def test_prefilter_is_a_superset_on_generated_text(kind, text):
    if _matches(kind, text):
        assert may_match(kind, text)
