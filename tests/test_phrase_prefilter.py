"""The phrase tables' prefilter (linter.phrases.may_match) is a superset test: wherever an entry of a
kind matches, may_match says True. It lower-cases ASCII text for speed; these tests hold it to the
entries themselves, on the table's own examples and on generated text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.patterns import required_words
from linter.phrases import lacks_words, lower_pattern, may_match, phrases, words_of

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


# -- the words every match holds (patterns.required_words) ---------------------------------------


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\bq\.\s?d\.|\bQD\b", {"q", "qd"}),  # "q" stands alone before its full stop
        (r"(?<![\w.])(?:HS|h\.s\.)(?!\w)", {"hs", "h"}),
        (r"\b(?:completely|totally|100\s?%) safe\b", {"completely", "totally", "safe"}),
        (r"\bMSO4\b|\bMS\s?04\b", {"mso4", "ms", "ms04"}),  # \s? spelled both ways
        (r"(?<![\w.])(?:SC|SQ|sub\s?q)(?![\w.])", {"sc", "sq", "sub", "subq"}),
        (r"\b(?:stop|come off)\b", {"stop", "come"}),
        (r"\bx\s+y\b", {"x"}),
        (r"\bmgs?\b", {"mg", "mgs"}),
        (r"\b(?:a|b)\b", {"a", "b"}),
    ],
)
def test_required_words_of_patterns(pattern, words):
    assert required_words(pattern) == frozenset(words)


@pytest.mark.parametrize(
    "pattern",
    [
        r"foo",  # may stand inside a longer word: "food"
        r"\bfoo",  # "foods"
        r"foo\b",
        r"\bfoo\w",
        r"\bab+c\b",  # abbc: no fixed word
        r"\b\w+afil\b",
        r"\bfoo(?=bar)",
        r"\bfoo(?:bar)?",  # foobar, foo, or foo followed by anything
        r"\b(?:foo|\d+)\b",  # a branch without a word
        r"\bfoo[-a]\b",  # a separator or a letter after foo
    ],
)
def test_no_required_words_where_a_match_need_not_hold_a_whole_word(pattern):
    assert required_words(pattern) is None


_TRICKY = [
    r"\bq\.\s?d\.|\bQD\b",
    r"(?<![\w.])(?:HS|h\.s\.)(?!\w)",
    r"(?<![\w/])D/C(?![\w/])",
    r"\bab\b",
    r"\ba\s*b\b",
    r"\b(?:x|xy)z?\b",
    r"(?i)\bK\b",
    r"\ba_b\b",
    r"^ab$",
    r"(?m)^ab$",
    r"\bab(?=\s)",
    r"(?<!\w)ab(?![\w.])",
    r"\b(?:ab|ba)+\b",
    r"\ba[-/ ]b\b",
    r"\ba\W+b\b",
    r"\ba\w*\b",
    r".b\b",
    r"\ba.b\b",
    r"\bq[a-z]d\b",
    r"\b(?:ab|a)(?:-b)?\b",
    r"(?<![^\w])ab(?![^\w])",  # negated: a word character on both sides
    r"\Bab\B",
]
_TEXT = st.lists(st.sampled_from(list("abxyzkKqdQDhHsS.-/_ \n\t'\u212a")), max_size=16).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_TRICKY), _TEXT)
def test_a_match_holds_one_of_the_required_words(pattern, text):
    """Soundness: wherever the pattern matches ASCII text, one of its required words is among the
    text's words (so a text without any of them may be passed over)."""
    words = required_words(pattern)
    if words is not None and text.isascii() and re.search(pattern, text):
        assert not words.isdisjoint(words_of(text)), (pattern, text)


@pytest.mark.parametrize("pattern", _TRICKY)
def test_a_match_holds_one_of_the_required_words_in_every_short_text(pattern):
    """The same, for every text of up to four characters from letters these patterns name, a
    capital, an underscore and separators."""
    from itertools import product

    words = required_words(pattern)
    compiled = re.compile(pattern)
    for size in range(5):
        for chars in product("abdqK_ .-\n", repeat=size):
            text = "".join(chars)
            if words is not None and compiled.search(text):
                assert not words.isdisjoint(words_of(text)), (pattern, text)


@pytest.mark.parametrize("kind", KINDS)
def test_every_entry_s_matches_hold_one_of_its_required_words(kind):
    for phrase in phrases()[kind]:
        words = required_words(phrase.regex.pattern, phrase.regex.flags & re.I)
        if words is None:
            continue
        for example in (phrase.bad, phrase.trap):
            for text in (example, example.upper(), example.title(), f"_{example}_", f"x{example}x", f"-{example}."):
                if text.isascii() and phrase.regex.search(text):
                    assert not words.isdisjoint(words_of(text)), (kind, phrase.regex.pattern, text)


_PIECES = st.lists(
    st.sampled_from(
        ["Take", "it", "2", "a.", "b!", "Dr.", "e.g.", " ", "  ", "\n", '"', ")", "[1]", "-", "x_y", "Stop.", "?", "…"]
    ),
    max_size=20,
)
_SENTENCES = _PIECES.map(" ".join) | _PIECES.map("".join)


@settings(max_examples=300, deadline=None)
@given(_SENTENCES)
def test_a_sentence_s_words_are_its_block_s_words(text):
    """lacks_words on a block speaks for its sentences: sentences are cut at white space, so each
    word of a sentence is a whole word of the block."""
    from linter.text import split_sentences

    for start, end in split_sentences(text):
        assert words_of(text[start:end]) <= words_of(text), (text, text[start:end])


def test_lacks_words_passes_over_blocks_without_the_kind_s_words():
    assert lacks_words("advice_verb", "Rest and drink plenty of fluids.")
    assert not lacks_words("advice_verb", "You can stop taking it. Rest.")
    assert not lacks_words("advice_verb", "Ünïcode text is never passed over")
    assert not lacks_words("medicine", "a kind without required words is never passed over")


def test_a_pattern_with_too_many_forms_is_not_analysed():
    """Spelling out is bounded (patterns.EXPANSIONS): a branch whose forms add up past it gives None."""
    from re import _constants, _parser

    from linter.patterns import EXPANSIONS, _spell_item

    wide = "|".join(f"\\b(?:w{i}|v{i})\\b" for i in range(EXPANSIONS))  # 2 x EXPANSIONS forms
    assert required_words(wide) is None
    branch = next(av for op, av in _parser.parse(wide).data if op is _constants.BRANCH)
    assert _spell_item(_constants.BRANCH, branch) is None  # stops at the bound, not after every branch
    assert required_words("|".join(f"\\bw{i}\\b" for i in range(100))) == frozenset(f"w{i}" for i in range(100))
