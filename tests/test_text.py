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
