"""Shared per-article facts (DUP): pure functions of the graph, memoised with graph.fact()."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from linter.graph import ArticleGraph
from linter.parse.model import Block
from linter.patterns import guarded
from linter.phrases import any_match
from linter.similarity import IdfSpace, abbreviations, profiles
from linter.text import content_terms, has_digit, normalise

UNITS = ("paragraph", "list_item", "html", "table_cell")


SHORT_ITEM_TERMS = 8  # an item or cell with fewer content words than this is never a duplicate paragraph
SHORT_BLOCK_TERMS = 16  # below this many content words, DUP002 asks for the short-threshold score


_LABEL_SPLIT = re.compile(r"^(.{3,90}?)\s+[–—-]\s+\S|^([^:.\n]{3,60}):\s+\S")


@dataclass(frozen=True)
class NearPair:
    """A block that restates an earlier one (DUP002), with its score."""

    later: Block
    earlier: Block
    score: float
    why: str  # "restates" (cosine of content words) | "label" (item titles name the same topic)


def _may_split(text: str) -> bool:
    """Whether _LABEL_SPLIT can match: its first branch needs a dash, its second a colon (substring tests
    are C-fast; the pattern's lazy prefix is tried at length after length)."""
    return "-" in text or ":" in text or "\u2013" in text or "\u2014" in text


def item_label(block: Block) -> str | None:
    """An item's title: its own first line, or the words before ' – ' or ':'."""
    if block.kind != "list_item":
        return None
    text = block.text.strip()
    first, _, rest = text.partition("\n")
    if rest.strip() and len(first.split()) <= 12 and first.rstrip()[-1:] not in ".!;,":
        return first.strip()
    m = _LABEL_SPLIT.match(text) if _may_split(text) else None
    if m:
        label = (m.group(1) or m.group(2)).strip()
        if len(label.split()) <= 8:
            return label
    return None


def _units(graph: ArticleGraph) -> list[Block]:
    return [b for b in graph.body_blocks if b.kind in UNITS and b.text.strip()]


def exact_duplicates(graph: ArticleGraph) -> list[tuple[Block, Block]]:
    """(later, earlier) pairs of blocks whose normalised text is identical (DUP001)."""
    return graph.fact(_exact_duplicates)


def near_duplicates(graph: ArticleGraph, threshold: float, min_terms: int, short_threshold: float) -> list[NearPair]:
    """Blocks that restate an earlier one (DUP002), scored with the given settings."""
    return graph.fact(_near_duplicates, float(threshold), int(min_terms), float(short_threshold))


def duplicated_blocks(graph: ArticleGraph, threshold: float, min_terms: int, short_threshold: float) -> set[int]:
    """ids of the blocks in an exact or near pair: DUP003 reports sentences outside them."""
    pairs = exact_duplicates(graph)
    near = near_duplicates(graph, threshold, min_terms, short_threshold)
    divergent = divergent_duplicates(graph)
    return (
        {id(b) for pair in pairs for b in pair}
        | {id(b) for p in near for b in (p.later, p.earlier)}
        | {id(b) for p in divergent for b in (p.later, p.earlier)}
    )


def _exact_duplicates(graph: ArticleGraph) -> list[tuple[Block, Block]]:
    by_text: dict[str, list[tuple[int, Block]]] = {}  # only texts met twice are judged further
    for order, block in enumerate(_units(graph)):
        by_text.setdefault(normalise(block.text), []).append((order, block))
    found: list[tuple[int, Block, Block]] = []
    for norm, group in by_text.items():
        if len(group) < 2 or len(norm.split()) < 6:
            continue
        kept = [(order, block) for order, block in group if _judged_as_repeat(graph, block)]
        found.extend((order, block, kept[0][1]) for order, block in kept[1:])
    found.sort(key=lambda pair: pair[0])  # in document order of the later copy
    return [(later, first) for _, later, first in found]


def _judged_as_repeat(graph: ArticleGraph, block: Block) -> bool:
    if block.kind in ("list_item", "table_cell") and len(content_terms(block.text)) < SHORT_ITEM_TERMS:
        return False  # the same symptom in two lists, the same dose in two rows: structure, not repetition
    if len(graph.sentences_of(block)) <= 1 and any_match("cross_reference", block.text):
        return False  # "See our page on X for more information": navigation repeats by design
    return True


def _near_duplicates(graph: ArticleGraph, threshold: float, min_terms: int, short_threshold: float) -> list[NearPair]:
    units = _units(graph)
    exact_later = {id(later) for later, _ in exact_duplicates(graph)}
    divergent = {(id(p.later), id(p.earlier)) for p in divergent_duplicates(graph)}  # DUP005 wins over DUP002
    abbr = abbreviations(b.text for b in units)
    prose = [b for b in units if b.kind != "table_cell" and id(b) not in exact_later]
    space = IdfSpace(profiles([b.text for b in prose], abbr))
    best: dict[int, tuple[float, int, str]] = {}

    def floor(shorter: int) -> float:
        return threshold if shorter >= SHORT_BLOCK_TERMS else max(threshold, short_threshold)

    chosen: dict[int, tuple[int, int]] = {}  # later -> the pair that gave its best score
    partners = space.candidate_partners(min_terms=min_terms)
    _add_structural_partners(partners, graph, prose)
    for i, j, score in space.scored_pairs(partners, min_terms, floor):
        if parallel_siblings(prose[i], prose[j]) or contrast(prose[i].text, prose[j].text):
            continue  # checked only for pairs that score: most candidate pairs never get here
        later, earlier = (j, i) if prose[j].start > prose[i].start else (i, j)
        current = best.get(later, (0.0, 0, ""))[0]
        if score > current or (score == current and (i, j) < chosen[later]):  # ties: the first pair in order
            best[later] = (score, earlier, "restates")
            chosen[later] = (i, j)
    for later, (earlier, score) in _label_pairs(prose, abbr).items():
        if later not in best:
            best[later] = (score, earlier, "label")
    found = []
    for later, (score, earlier, why) in sorted(best.items(), key=lambda kv: prose[kv[0]].start):
        if (id(prose[later]), id(prose[earlier])) in divergent:
            continue
        if normalise(prose[later].text) != normalise(prose[earlier].text):
            found.append(NearPair(prose[later], prose[earlier], score, why))
    return found


SECTION_WINDOW = 40  # within a section, each block is compared with the next this many blocks
OPENING_BLOCKS = 20  # restated definitions cluster in an article's opening: all pairs among these
_NEGATION_WORDS = frozenset(
    "not no never without cannot can't don't doesn't isn't aren't won't none nor neither".split()
)
_DEGREE_WORDS = frozenset(
    "mild moderate severe slight slightly marked markedly low lower high higher more less most least increased "
    "decreased rarely often sometimes always usually early late acute chronic minor major partial complete "
    "first second third fourth before after under over above below".split()
)
_QUALIFIER_WORDS = frozenset(
    "adult adults child children baby babies infant infants newborn newborns toddler toddlers teenager teenagers "
    "teens young younger older elderly people person women woman men man pregnant pregnancy breastfeeding years "
    "year months month weeks aged age under over weighing weigh kg tablet tablets liquid syrup suspension capsule "
    "capsules cream gel injection injections patch patches inhaler spray drops oral topical".split()
)
_FILLER_WORDS = frozenset(
    "a an the and or of to in on for with as by at usually typically normally generally take takes taken give given use".split()
)
_WORD = re.compile(r"[a-z']+")


def _add_structural_partners(partners: list[set[int]], graph: ArticleGraph, prose: list[Block]) -> None:
    """Add the pairs the rare-term index may miss: neighbours within a section, and the article's opening."""
    by_section: dict[int, list[int]] = {}
    for i, block in enumerate(prose):
        by_section.setdefault(graph.section_of(block).index, []).append(i)
    for members in by_section.values():
        for x, a in enumerate(members):
            partners[a].update(members[x + 1 : x + 1 + SECTION_WINDOW])
    opening = min(OPENING_BLOCKS, len(prose))
    for a in range(opening):
        partners[a].update(range(a + 1, opening))


def parallel_siblings(a: Block, b: Block) -> bool:
    """Two items of one list (or cells of one table) built on a shared template: a label plus a varying
    qualifier ("Class II: slight limitation…" / "Class III: marked limitation…", doses per age band)."""
    if a.kind != b.kind or a.kind not in ("list_item", "table_cell") or a.list_id != b.list_id:
        return False
    if a.kind == "table_cell":
        return True
    la, lb = item_label(a), item_label(b)
    if la and lb:
        return normalise(la) != normalise(lb)
    wa, wb = _WORD.findall(a.text.lower())[:4], _WORD.findall(b.text.lower())[:4]
    return bool(wa and wb) and wa[0] == wb[0] and wa != wb


def contrast(a: str, b: str) -> bool:
    """Two texts that differ only by negation or degree say opposite things, not the same thing twice;
    two that differ only by their quantities and a qualifier (adults / children, tablets / liquid) are
    parallel statements, one per case."""
    (qa, ma), (qb, mb) = quantities(a), quantities(b)
    wa, wb = set(_WORD.findall(ma)), set(_WORD.findall(mb))
    diff = (wa ^ wb) - _FILLER_WORDS
    meaningful = _NEGATION_WORDS | _DEGREE_WORDS | (_QUALIFIER_WORDS if qa and qb else frozenset())
    return bool(diff) and diff <= meaningful


# Titles that name a facet of their section, not a topic: drug pages repeat them under every drug.
FACET_LABELS = frozenset(
    normalise(t)
    for t in (
        "side effects",
        "common side effects",
        "serious side effects",
        "dosage",
        "dose",
        "doses",
        "interactions",
        "drug interactions",
        "warnings",
        "precautions",
        "contraindications",
        "storage",
        "uses",
        "how it works",
        "how to take it",
        "how to use it",
        "mechanism",
        "overview",
        "risks",
        "benefits",
        "pregnancy",
        "breastfeeding",
        "children",
        "adults",
        "older adults",
        "cost",
        "brand names",
        "forms",
        "strengths",
        "what to expect",
        "when to see a doctor",
        "evidence",
        "purpose",
        "mechanism of action",
    )
)


def _label_pairs(blocks: list[Block], abbr: dict[str, str]) -> dict[int, tuple[int, float]]:
    """Items in different lists whose titles name the same topic.

    A repeated facet title ("Side effects", "Dosage") is how well-organised pages are built, not
    duplication: facet titles, titles found in three or more lists, and lists that share two or more
    titles (parallel structure) are left alone.
    """
    titles = {i: label for i, b in enumerate(blocks) if (label := item_label(b))}
    lists_with: dict[str, set] = {}
    for i, label in titles.items():
        lists_with.setdefault(normalise(label), set()).add(blocks[i].list_id)
    shared_between: dict[tuple, int] = {}
    for lists in lists_with.values():
        for a in lists:
            for b in lists:
                if a != b:
                    shared_between[(a, b)] = shared_between.get((a, b), 0) + 1
    kept = [
        (i, label)
        for i, label in titles.items()
        if normalise(label) not in FACET_LABELS and len(lists_with[normalise(label)]) < 3
    ]
    labelled = list(zip([i for i, _ in kept], profiles([label for _, label in kept], abbr), strict=True))
    by_term: dict[str, list[int]] = {}
    for k, (_, terms) in enumerate(labelled):
        for t in terms:
            by_term.setdefault(t, []).append(k)
    found: dict[int, tuple[int, float]] = {}
    for k, (i, terms) in enumerate(labelled):
        if len(terms) < 2:
            continue
        candidates = {c for t in terms for c in by_term[t] if c < k}
        for c in sorted(candidates):
            j, other = labelled[c]
            a, b = blocks[j].list_id, blocks[i].list_id
            if a == b or len(other) < 2 or shared_between.get((a, b), 0) >= 2:
                continue
            score = len(terms & other) / len(terms | other)
            if terms == other or (score >= 0.6 and min(len(terms), len(other)) >= 3):
                found[i] = (j, score)
                break
    return found


# -- divergent duplicates (DUP005) --------------------------------------------------------------
_QUANTITY = re.compile(
    r"(?<![\w.])(?P<number>\d+(?:[.,]\d+)*(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)*)?)"
    r"(?:\s*(?P<unit>%|mg|mcg|µg|micrograms?|milligrams?|g|grams?|kg|ml|mL|l|units?|iu|mmol|tablets?|capsules?|puffs?|drops?|"
    r"hours?|hrs?|days?|weeks?|months?|years?|minutes?|mins?|times)\b)?",
    re.I,
)
_FREQUENCY_WORDS = guarded(
    r"\b(?:once|twice|three times|four times|five times|daily|weekly|monthly|hourly|nightly)\b", re.I
)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")


@dataclass(frozen=True)
class DivergentPair:
    """A near-identical passage whose quantities differ from an earlier one (DUP005)."""

    later: Block
    earlier: Block
    differences: tuple[tuple[str, str], ...]  # (earlier's quantity, later's quantity)


def divergent_duplicates(graph: ArticleGraph) -> list[DivergentPair]:
    """Near-identical passages whose numbers differ: a dose, frequency, age or percentage changed in
    one copy only (DUP005). The texts must be identical once their quantities are masked, so a
    difference of qualifier (age band, indication, formulation) keeps them apart."""
    return graph.fact(_divergent_duplicates)


@lru_cache(maxsize=4096)
def has_quantity(text: str) -> bool:
    """A digit or a frequency word: two searches the engine runs faster than their one alternation."""
    return has_digit(text) or _FREQUENCY_WORDS.search(text) is not None


@lru_cache(maxsize=4096)  # DUP005 and the corpus records (DUP004, DUP005 across articles) ask of the same blocks
def quantities(text: str) -> tuple[tuple[str, ...], str]:
    """The text's quantities (numbers with their units, frequency words) and the text with them masked.
    Years are not quantities here."""
    found: list[str] = []

    def mask(m: re.Match[str]) -> str:
        number = m.group("number")
        if _YEAR.match(number) and not m.group("unit"):
            return m.group(0)
        found.append(" ".join(m.group(0).lower().split()))
        return " 0 "

    masked = _QUANTITY.sub(mask, text)
    masked = _FREQUENCY_WORDS.sub(lambda m: found.append(m.group(0).lower()) or " 0 ", masked)
    return tuple(found), normalise(masked)


def _divergent_duplicates(graph: ArticleGraph) -> list[DivergentPair]:
    first_by_mask: dict[str, list[tuple[Block, list[str]]]] = {}
    found: list[DivergentPair] = []
    for block in _units(graph):
        if block.kind == "table_cell" or not has_quantity(block.text):
            continue
        if len(content_terms(block.text)) < SHORT_ITEM_TERMS:
            continue
        numbers, masked = quantities(block.text)
        if not numbers:
            continue
        earlier_copies = first_by_mask.setdefault(masked, [])
        for earlier, their_numbers in earlier_copies:
            if their_numbers != numbers and not parallel_siblings(earlier, block):
                diffs = tuple((a, b) for a, b in zip(their_numbers, numbers, strict=False) if a != b)
                if diffs and len(their_numbers) == len(numbers):
                    found.append(DivergentPair(block, earlier, diffs))
                    break
        earlier_copies.append((block, numbers))
    return found
