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
