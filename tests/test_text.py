"""Shared text helpers: one normalisation, one sentence splitter, one stemmer for every rule."""

from linter.text import content_terms, normalise, split_sentences, stem


def test_normalise_folds_case_quotes_punctuation_and_space():
    assert normalise("The  “STIM1”\tprotein’s role — explained!") == "the stim1 protein's role explained"
    assert normalise("Ünïcode ﬁne") == "ünïcode fine"


def test_sentences_respect_abbreviations_and_initials():
    text = "Dr. Smith gave 5 mg. to the child, e.g. twice. Then it stopped! J. Smith agreed [1]. Done"
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got == ["Dr. Smith gave 5 mg. to the child, e.g. twice.", "Then it stopped!", "J. Smith agreed [1].", "Done"]


def test_stem_and_content_terms():
    assert stem("infections") == stem("infection") == "infection"
    assert content_terms("The infections of the 2 lungs") == ["infection", "lung"]


_TRICKY_WORDS = [
    "The  “STIM1”\tprotein’s role — explained!",
    "Ünïcode ﬁne İstanbul ǅemal straße ΣΑΣ",
    "don't—won’t; re-evaluate x-ray's 10mg/kg ½ tablet",
    "snake_case and __init__ and a_b-c’d",
    "ﬃ ﬄ ＡＢＣ① ⅷ ℌ",
    "",
]


def test_the_words_of_normalised_text_are_the_text_s_words():
    """Invariant: normalising is idempotent word for word (the corpus records take the words of a
    block's text for its normalised text)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from linter.text import words

    for text in _TRICKY_WORDS:
        assert words(normalise(text)) == words(text), text

    @settings(max_examples=300, deadline=None)
    @given(st.text(max_size=80))
    def check(text):
        assert words(normalise(text)) == words(text)

    check()


def _plain_content_terms(text: str) -> list[str]:
    """content_terms as first written: a filter and a stem per word."""
    from linter.text import STOPWORDS, words

    return [stem(w) for w in words(text) if w not in STOPWORDS and not w.isdigit() and len(w) > 1]


def test_content_terms_are_the_stems_of_the_words_that_carry_meaning():
    """Invariant of the memoised per-word form: the same terms, in order, as filtering and stemming
    each word (stop words, bare numbers and single characters out; a stem is never empty)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    for text in [*_TRICKY_WORDS, "a I 7 x2 ing ies ed es s e the ours 1st", "going goes gone aed ies"]:
        assert content_terms(text) == _plain_content_terms(text), text

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.sampled_from("aeinsdtgly 07'-"), max_size=60) | st.text(max_size=60))
    def check(text):
        assert content_terms(text) == _plain_content_terms(text)

    check()


def test_profiles_write_out_the_article_s_abbreviations_once_for_all_texts():
    """One expansion pattern per article gives each text the terms the per-text expansion gave."""
    import re

    from linter.similarity import abbreviations, profiles

    def expand(text: str, abbr: dict[str, str]) -> str:  # the expansion as written before, one text at a time
        pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in abbr) + r")\b", re.I)
        return pattern.sub(lambda m: abbr[m.group(1).lower()], text)

    texts = [
        "Haematopoietic stem cell transplantation (HSCT) cures some cancers.",
        "After HSCT, hsct-related infections are watched for.",
        "No abbreviation here at all.",
    ]
    abbr = abbreviations(texts)
    assert abbr == {"hsct": "Haematopoietic stem cell transplantation"}
    expected = [frozenset(content_terms(expand(t, abbr))) for t in texts]
    assert profiles(texts, abbr) == expected
    assert [profiles([t], abbr)[0] for t in texts] == expected
    assert "transplant" in expected[1] and "hsct" not in expected[1]
    assert profiles(texts, {}) == [frozenset(content_terms(t)) for t in texts]


def test_a_sentence_holds_a_letter_or_digit_as_str_isalnum_says():
    """The search that keeps a span as a sentence accepts exactly the characters str.isalnum()
    accepts (any script, digits of any kind; not the underscore)."""
    import sys

    from linter.text import _ALNUM

    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert (_ALNUM.match(ch) is not None) == ch.isalnum(), hex(code)
