"""The phrase data of linter/data/phrases.toml, compiled once and shared by the DOSE and DISC rules."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from linter.patterns import guarded, required_words
from linter.text import fold  # for ASCII text: text.lower(), memoised


@dataclass(frozen=True)
class Phrase:
    """One entry of the phrase table (linter/data/phrases.toml), compiled."""

    kind: str
    regex: re.Pattern[str]
    replacement: str | None
    message: str | None
    source: str | None
    adjacent: bool  # must stand right next to a dose span
    context: str  # dose (a dose in the sentence) | medication (a dose or a medicine named) | always
    bad: str
    trap: str


class _Table(Mapping[str, list[Phrase]]):
    """The phrase kinds, each compiled on first use: a run that reads three kinds compiles three."""

    def __init__(self, data: dict[str, list[dict]]) -> None:
        self._data = data
        self._compiled: dict[str, list[Phrase]] = {}

    def __getitem__(self, kind: str) -> list[Phrase]:
        compiled = self._compiled.get(kind)
        if compiled is None:
            compiled = self._compiled[kind] = [_phrase(kind, e) for e in self._data[kind]]
        return compiled

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


def _phrase(kind: str, e: dict) -> Phrase:
    return Phrase(
        kind=kind,
        regex=re.compile(e["pattern"], 0 if e.get("case") else re.I),
        replacement=e.get("replacement"),
        message=e.get("message"),
        source=e.get("source"),
        adjacent=bool(e.get("adjacent")),
        context=e.get("context", "dose"),
        bad=e["bad"],
        trap=e["trap"],
    )


@cache
def phrases() -> Mapping[str, list[Phrase]]:
    from linter.compile_store import toml_loads

    return _Table(toml_loads((Path(__file__).parent / "data" / "phrases.toml").read_text("utf-8")))


_ESCAPE = re.compile(r"(\\[\s\S])")


def lower_pattern(pattern: str) -> str:
    """``pattern`` with its letters lower-cased, escapes kept (``\\B`` stays ``\\B``, ``\\W`` stays ``\\W``).

    For an ASCII pattern used with IGNORECASE on ASCII text, searching the lower-cased pattern
    case-sensitively in the lower-cased text finds the same matches at the same places (ASCII
    lower-casing keeps every character where it was). Python's engine skips ahead on a case-sensitive
    pattern's first characters; with IGNORECASE it tries every position, about five times slower on
    the phrase tables."""
    parts = _ESCAPE.split(pattern)  # the escapes (``\\`` and the character after it) at the odd places
    return "".join(part if i % 2 else part.lower() for i, part in enumerate(parts))


@dataclass(frozen=True)
class Prefilter:
    """Whether a case-insensitive pattern (and case-sensitive ones beside it) can match a text, told
    for ASCII text from its words (patterns.required_words) and one or two searches: the lower-cased
    pattern, case-sensitive, on the lower-cased text finds a match exactly where the case-insensitive
    one would (ASCII lower-casing keeps every character in place), and Python's engine skips ahead on
    it. Phrase kinds (may_match) and the trust facts' byline and date-word searches use it."""

    folded: re.Pattern[str] | None  # the case-insensitive pattern, lower-cased, for lower-cased ASCII text
    cased: re.Pattern[str] | None  # the case-sensitive pattern as it is
    ascii_ok: bool  # False when the case-insensitive pattern is not ASCII: its letters fold beyond str.lower()
    words: frozenset[str] | None  # every match in ASCII text holds one of these words

    @classmethod
    def of(cls, folded: str, cased: str = "") -> Prefilter:
        """For the case-insensitive pattern ``folded`` and the case-sensitive one ``cased`` (either
        may be empty: no pattern)."""
        ascii_ok = folded.isascii()
        lowered = lower_pattern(folded)
        lists = [
            required_words(lowered) if folded else frozenset(),
            required_words(cased) if cased else frozenset(),
        ]
        return cls(
            folded=guarded(lowered) if folded and ascii_ok else None,
            cased=guarded(cased) if cased and ascii_ok else None,
            ascii_ok=ascii_ok,
            words=None if None in lists else lists[0] | lists[1],
        )

    def verdict(self, text: str) -> bool | None:
        """Whether the patterns match ``text``; None where this cannot tell (text that is not ASCII):
        search the patterns themselves."""
        if not self.ascii_ok or not text.isascii():
            return None
        if self._no_word_of(text):
            return False
        if self.folded is not None and self.folded.search(fold(text)):
            return True
        return self.cased is not None and self.cased.search(text) is not None

    def matches(self, text: str, fallback: re.Pattern[str]) -> bool:
        """The verdict on ``text``; where there is none, whether ``fallback`` (a pattern that matches
        wherever these patterns do) finds a match."""
        verdict = self.verdict(text)
        return fallback.search(text) is not None if verdict is None else verdict

    def lacks_words(self, text: str) -> bool:
        """True when ``text`` has none of the words every match holds (so nothing matches it, nor any
        part of it cut at white space, such as a sentence of a block: its words are the block's)."""
        return self.ascii_ok and text.isascii() and self._no_word_of(text)

    def _no_word_of(self, text: str) -> bool:  # for ASCII text
        return self.words is not None and self.words.isdisjoint(words_of(text))


def _alternation(entries: list[Phrase]) -> str:
    return "|".join(f"(?:{e.regex.pattern})" for e in entries)


@cache
def _prefilter(kind: str) -> Prefilter:
    entries = phrases()[kind]
    return Prefilter.of(
        _alternation([e for e in entries if e.regex.flags & re.I]),
        _alternation([e for e in entries if not e.regex.flags & re.I]),
    )


@cache
def _loose(kind: str) -> re.Pattern[str]:
    """Every entry of a kind, case-insensitive: a superset of their matches in any text."""
    return guarded(_alternation(list(phrases()[kind])), re.I)


def may_match(kind: str, text: str) -> bool:
    """False when no entry of ``kind`` can match ``text``: for ASCII text a set test of the words every
    match holds, then one or two searches; most blocks match none. True does not promise a match;
    the entries decide."""
    return _prefilter(kind).matches(text, _loose(kind))


def lacks_words(kind: str, text: str) -> bool:
    """True when ``text`` has none of the words every match of ``kind`` holds (Prefilter.lacks_words)."""
    return _prefilter(kind).lacks_words(text)


_ASCII_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=8192)
def words_of(text: str) -> frozenset[str]:
    """The words of an ASCII text as patterns.required_words counts them: runs of letters and digits,
    lower-cased (text.fold lower-cases ASCII text, and the block's other word forms share its cache)."""
    return frozenset(_ASCII_WORD.findall(fold(text)))


def any_match(kind: str, text: str) -> re.Match[str] | None:
    """The first entry's match of ``kind`` in ``text`` (entries in table order), or None."""
    if not may_match(kind, text):
        return None
    for phrase in phrases()[kind]:
        m = phrase.regex.search(text)
        if m:
            return m
    return None


_NEGATION = re.compile(
    r"\b(?:not|no|never|n't|nothing|none|neither|nor|without|cannot|can't|don't|doesn't|isn't|aren't|avoid|unlikely)\b"
    r"[^.;!?]{0,40}$",
    re.I,
)


def negated(text: str, start: int) -> bool:
    """True when a negation stands shortly before ``start`` in the same clause."""
    before = text[max(0, start - 60) : start]
    words = before.split()
    return bool(_NEGATION.search(" ".join(words[-6:]))) if words else False
