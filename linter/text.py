"""Shared text helpers: sentence splitting, normalisation, words. Tested once, used by every rule."""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

from linter.patterns import guarded

_ABBREVIATIONS = {
    "e.g",
    "i.e",
    "etc",
    "vs",
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "st",
    "al",
    "approx",
    "fig",
    "no",
    "vol",
    "ed",
    "eds",
    "jr",
    "sr",
    "inc",
    "ltd",
    "co",
    "cf",
    "ca",
    "mg",
    "ml",
    "min",
    "max",
    "dept",
    "univ",
    "ph.d",
    "m.d",
    "b.sc",
    "u.s",
    "u.k",
    "ref",
    "refs",
    "p",
    "pp",
}
# A boundary starts only where a run of terminators starts and takes the run whole (possessive), so a
# run of a thousand dots is one attempt, not a thousand (linear, not quadratic).
_BOUNDARY = guarded(r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n+")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)
# _WORD on lower-cased ASCII text (what fold makes of ASCII text): the same words, a third faster
_WORD_ASCII = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})

STOPWORDS = frozenset(
    """a about above after again against all also although am an and any are as at be because been
    before being below between both but by can could did do does doing down during each either even
    ever every few for from further had has have having he her here hers him his how however i if in
    into is it its itself just less like may me might more most much must my near neither no nor not
    now of off often on once one only or other our ours out over own per perhaps rather same she
    should since so some such than that the their theirs them then there these they this those
    though through thus to too under until up upon us usually very via was we were what when where
    whether which while who whom whose why will with within without would yet you your yours""".split()
)


_DIGIT = re.compile(r"\d")  # the engine skips ahead on a class: found at C speed


def has_digit(text: str) -> bool:
    """A digit anywhere in ``text`` (Unicode digits included, as ``\\d`` in the patterns that need one)."""
    return _DIGIT.search(text) is not None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences in ``text``, trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end() if m.group(0).strip() else m.start()
        if m.group(0).strip() and _is_abbreviation(text, m.start()):
            continue
        _add_span(text, start, end, spans)
        start = m.end()
    _add_span(text, start, len(text), spans)
    return spans


_ABBREVIATION_TAIL = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    m = _ABBREVIATION_TAIL.search(text[max(0, dot - 12) : dot])
    if not m:
        return False
    token = m.group(1).lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() accepts, character by character (\w without "_")


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and _ALNUM.search(text, start, end):  # a sentence holds a letter or a digit
        spans.append((start, end))


# Several rules read the same block's words: the comparison forms are memoised per text (blocks and
# sentences are immutable strings; the caches are bounded, so a long run does not grow without end).
@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Unicode-compatible, quote-folded, lower-cased text. ASCII text is its own NFKC form and holds
    none of the characters the quote table maps: only lower-cased."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    folded = fold(text)
    return tuple((_WORD_ASCII if folded.isascii() else _WORD).findall(folded))


def words(text: str) -> list[str]:
    """Lower-case words with case, quotes and punctuation folded away."""
    return list(_words(text))


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Comparison form: words only, single-spaced (markers are already out of block text)."""
    return " ".join(_words(text))


_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())


def rough_key(text: str) -> bytes:
    """A key that every two texts with the same ``normalise`` share (not the converse): their letters
    and digits, lower-cased, in order. Same normalised text means the same words, so the same letters
    and digits. For ASCII text it is a few C calls, an order of magnitude cheaper than the words:
    grouping by it first leaves ``normalise`` to the few texts whose key repeats."""
    if text.isascii():
        return text.encode().lower().translate(None, _NOT_ALNUM)
    return "".join(_words(text)).encode().translate(None, _NOT_ALNUM)


SUFFIXES = (
    "ational",
    "ations",
    "ation",
    "ness",
    "ments",
    "ment",
    "ingly",
    "ings",
    "ing",
    "ies",
    "ied",
    "ive",
    "ous",
    "ally",
    "ly",
    "ed",
    "es",
    "s",
    "e",
)
# The shortest stem of three or more characters before one of the suffixes: of two suffixes that
# both end a word, the longer is listed first, so this is the first suffix in list order that leaves
# three characters (one search instead of a loop of endswith; a fresh process stems every word once)
_STEM = re.compile(r"(.{3,}?)(?:" + "|".join(SUFFIXES) + ")", re.S)


def stem(word: str) -> str:
    """A deliberately light suffix stripper: enough to match 'infections' with 'infection'. The first
    of SUFFIXES that ends the word and leaves at least three characters is cut. (Content terms ask
    for it through _term, which is memoised per word.)"""
    m = _STEM.fullmatch(word)
    return m.group(1) if m else word


def content_terms(text: str) -> list[str]:
    """Stemmed words that carry meaning (no stop words, no bare numbers)."""
    return list(_content_terms(text))


@lru_cache(maxsize=8192)
def _content_terms(text: str) -> tuple[str, ...]:
    return tuple(filter(None, map(_term, _words(text))))


@lru_cache(maxsize=65536)
def _term(word: str) -> str:
    """The word's content term: its stem, or '' for a stop word, a bare number or a single character
    (a stem is never empty: stem keeps at least three characters of a word it shortens)."""
    if word in STOPWORDS or word.isdigit() or len(word) < 2:
        return ""
    return stem(word)


class Spans:
    """Non-overlapping spans, claimed one at a time in O(log n) (many identifiers or dates in one block)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def claim(self, start: int, end: int) -> bool:
        """Take [start, end) unless it overlaps a span already taken."""
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.starts) and self.starts[i] < end:
            return False
        if i > 0 and self.ends[i - 1] > start:
            return False
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        return True
