"""Shared per-article facts (DUP): pure functions of the graph, memoised with graph.fact()."""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.graph import ArticleGraph
from linter.parse.model import Block
from linter.similarity import IdfSpace, abbreviations, profile
from linter.text import normalise

UNITS = ("paragraph", "list_item", "html", "table_cell")


SHORT_BLOCK_TERMS = 16  # below this many content words, DUP002 asks for the short-threshold score


_LABEL_SPLIT = re.compile(r"^(.{3,90}?)\s+[–—-]\s+\S|^([^:.\n]{3,60}):\s+\S")


@dataclass(frozen=True)
class NearPair:
    later: Block
    earlier: Block
    score: float
    why: str  # "restates" (cosine of content words) | "label" (item titles name the same topic)


def item_label(block: Block) -> str | None:
    """An item's title: its own first line, or the words before ' – ' or ':'."""
    if block.kind != "list_item":
        return None
    text = block.text.strip()
    first, _, rest = text.partition("\n")
    if rest.strip() and len(first.split()) <= 12 and first.rstrip()[-1:] not in ".!;,":
        return first.strip()
    m = _LABEL_SPLIT.match(text)
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
    return {id(b) for pair in pairs for b in pair} | {id(b) for p in near for b in (p.later, p.earlier)}


def _is_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in ".!?"


def _exact_duplicates(graph: ArticleGraph) -> list[tuple[Block, Block]]:
    found: list[tuple[Block, Block]] = []
    first_by_text: dict[str, Block] = {}
    for block in _units(graph):
        norm = normalise(block.text)
        n_words = len(norm.split())
        short_label = block.kind == "list_item" and 2 <= n_words < 6 and not _is_sentence(block.text)
        if n_words < 6 and not short_label:
            continue
        if block.kind == "table_cell" and n_words < 6:
            continue
        first = first_by_text.get(norm)
        if first is None:
            first_by_text[norm] = block
        elif not (short_label and first.list_id == block.list_id):
            found.append((block, first))
    return found


def _near_duplicates(graph: ArticleGraph, threshold: float, min_terms: int, short_threshold: float) -> list[NearPair]:
    units = _units(graph)
    exact_later = {id(later) for later, _ in exact_duplicates(graph)}
    abbr = abbreviations(b.text for b in units)
    prose = [b for b in units if b.kind != "table_cell" and id(b) not in exact_later]
    profiles = [profile(b.text, abbr) for b in prose]
    space = IdfSpace(profiles)
    best: dict[int, tuple[float, int, str]] = {}
    for i, j in space.candidate_pairs():
        shorter = min(len(profiles[i]), len(profiles[j]))
        if shorter < min_terms:
            continue
        score = space.cosine(i, j)
        if score >= (threshold if shorter >= SHORT_BLOCK_TERMS else max(threshold, short_threshold)):
            later, earlier = (j, i) if prose[j].start > prose[i].start else (i, j)
            if score > best.get(later, (0.0, 0, ""))[0]:
                best[later] = (score, earlier, "restates")
    for later, (earlier, score) in _label_pairs(prose, abbr).items():
        if later not in best:
            best[later] = (score, earlier, "label")
    found = []
    for later, (score, earlier, why) in sorted(best.items(), key=lambda kv: prose[kv[0]].start):
        if normalise(prose[later].text) != normalise(prose[earlier].text):
            found.append(NearPair(prose[later], prose[earlier], score, why))
    return found


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
    labelled = [
        (i, profile(label, abbr))
        for i, label in titles.items()
        if normalise(label) not in FACET_LABELS and len(lists_with[normalise(label)]) < 3
    ]
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
