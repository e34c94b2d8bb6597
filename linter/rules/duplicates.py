"""DUP: duplicated content. Paragraphs, items and sentences that say the same thing twice."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from linter.findings import Edit, Finding
from linter.graph import ArticleGraph
from linter.parse.model import Block
from linter.registry import RULES, rule
from linter.similarity import IdfSpace, abbreviations, profile
from linter.text import normalise

UNITS = ("paragraph", "list_item", "html", "table_cell")
SHORT_BLOCK_TERMS = 16  # below this many content words, DUP002 asks for the short-threshold score
_LABEL_SPLIT = re.compile(r"^(.{3,90}?)\s+[–—-]\s+\S|^([^:.\n]{3,60}):\s+\S")


@dataclass
class DuplicateAnalysis:
    """What DUP001-DUP003 share: computed once per graph."""

    exact: list[tuple[Block, Block]] = field(default_factory=list)  # (later, earlier)
    near: list[tuple[Block, Block, float, str]] = field(default_factory=list)  # (later, earlier, score, why)

    @property
    def flagged(self) -> set[int]:
        return {id(b) for pair in self.exact for b in pair} | {id(b) for p in self.near for b in p[:2]}


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


def analyse(graph: ArticleGraph, options: dict[str, Any]) -> DuplicateAnalysis:
    """Shared by DUP001-DUP003. DUP002's options (threshold, min-terms, short-threshold) shape the near pairs; the
    other rules reuse the analysis DUP002 made in this run, or the defaults if it did not run."""
    cache = graph.__dict__.setdefault("_analysis", {})
    names = ("threshold", "min-terms", "short-threshold")
    defaults = RULES["DUP002"].options
    if any(name in options for name in names):
        key = ("duplicates", *(options.get(name, defaults[name]) for name in names))
    else:
        key = cache.get("duplicates-last", ("duplicates", *(defaults[name] for name in names)))
    if key not in cache:
        cache[key] = _analyse(graph, options)
    cache["duplicates-last"] = key
    return cache[key]


def _is_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in ".!?"


def _analyse(graph: ArticleGraph, options: dict[str, Any]) -> DuplicateAnalysis:
    threshold = float(options.get("threshold", RULES["DUP002"].options["threshold"]))
    min_terms = int(options.get("min-terms", RULES["DUP002"].options["min-terms"]))
    short_threshold = float(options.get("short-threshold", RULES["DUP002"].options["short-threshold"]))
    units = _units(graph)
    result = DuplicateAnalysis()
    first_by_text: dict[str, Block] = {}
    exact_later: set[int] = set()
    for block in units:
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
            result.exact.append((block, first))
            exact_later.add(id(block))
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
    for later, (score, earlier, why) in sorted(best.items(), key=lambda kv: prose[kv[0]].start):
        if normalise(prose[later].text) != normalise(prose[earlier].text):
            result.near.append((prose[later], prose[earlier], score, why))
    return result


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


def _excerpt(block: Block, limit: int = 60) -> str:
    text = " ".join(block.text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _deletion(graph: ArticleGraph, block: Block) -> list[Edit]:
    """Delete the lines a block occupies, when it occupies them alone."""
    src = graph.source
    line, col = src.position(block.start)
    end_line, end_col = src.position(block.end)
    prefix = src.line_text(line)[: col - 1]
    suffix = src.line_text(end_line)[end_col - 1 :]
    if not re.fullmatch(r"[\s>]*(?:[-*+]|\d{1,9}[.)])?\s*", prefix) or suffix.strip() not in ("", "-"):
        return []
    start = src.line_starts[line - 1]
    end = src.line_starts[end_line] if end_line < src.line_count else len(src.text)
    blank_before = line > 1 and not src.line_text(line - 1).strip()
    blank_after = end_line < src.line_count and not src.line_text(end_line + 1).strip()
    if blank_before and blank_after and end_line + 1 <= src.line_count:
        end = src.line_starts[end_line + 1] if end_line + 1 < src.line_count else len(src.text)
    return [Edit(start, end, "")]


@rule(
    "DUP001", "duplicate-paragraph", "warning", "A paragraph or list item identical to an earlier one.", fix="sometimes"
)
def duplicate_paragraph(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags a paragraph or list item whose text is identical to an earlier one after
    normalisation (case, white space, punctuation, typographic quotes and citation markers
    ignored). Paragraphs need six words or more; a short list item (a two-word title such as
    "Opportunistic infections") counts when it appears in two different lists, but a short
    sentence ("Ask your doctor.") never does.

    ## Why is this bad?
    Pasted twice, a paragraph makes the article longer without saying more, and when one copy is
    later corrected the other keeps the error.

    ## Example
    ```markdown
    Hand-washing lowers the spread of germs at home.
    …
    Hand-washing lowers the spread of germs at home!
    ```

    ## Use instead
    Keep one copy. A table repeated on purpose can be wrapped in
    `<!-- medlint-disable DUP001 -->` … `<!-- medlint-enable DUP001 -->`.

    ## Fix safety
    `--fix` deletes the later copy when it occupies its lines alone.
    """
    me = RULES["DUP001"]
    for later, first in analyse(graph, options).exact:
        line, _ = graph.source.position(first.start)
        yield me.finding(
            graph,
            later.start,
            later.end,
            f"repeats the {'item' if later.kind == 'list_item' else 'paragraph'} at line {line} word for word "
            f'("{_excerpt(later)}")',
            related=[(first.start, first.end, "first copy")],
            edits=_deletion(graph, later),
        )


@rule(
    "DUP002",
    "near-duplicate-paragraph",
    "warning",
    "A paragraph that restates an earlier one with small rewording.",
    options={"threshold": 0.35, "min-terms": 8, "short-threshold": 0.5},
)
def near_duplicate_paragraph(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags a paragraph or list item that restates an earlier one in slightly different words,
    and a list item whose title names the same topic as an item in another list. The message
    gives the similarity score and the line of the first copy (also in `related`).

    Similarity: each block becomes a set of stemmed content words (stop words dropped,
    abbreviations the article defines expanded); two blocks are compared by cosine similarity
    with each word weighted by its rarity in the article (idf), so shared topic words count for
    little and shared specific wording for a lot. Candidate pairs come from an index of each
    block's rarest words, so the cost grows with the article, not its square.

    ## Why is this bad?
    Readers notice the repetition and lose trust; editors lose time; two versions of one claim
    drift apart over updates.

    ## Known problems
    Two paragraphs on the same narrow topic can share many specific words; raise `threshold` if
    that happens. Blocks with fewer than `min-terms` content words are only compared by title.
    Repeated facet titles ("Side effects", "Dosage"), titles found in three or more lists and
    lists that share two or more titles (parallel structure, one list per drug) are not reported:
    that is how well-organised pages are built.

    ## Example
    ```markdown
    STIM1 deficiency is a rare inherited disease in which T cells cannot switch on.

    STIM1 deficiency is a rare genetic disease where T cells fail to switch on.
    ```

    ## Use instead
    Merge the two into one paragraph.

    ## Options
    `threshold` (default 0.35): the lowest score reported. `min-terms` (default 8): blocks with
    fewer content words are only compared by title. `short-threshold` (default 0.5): the fewer
    words two blocks have, the likelier a chance overlap, so when the shorter has fewer than 16
    content words the score must reach this instead.
    """
    me = RULES["DUP002"]
    for later, first, score, why in analyse(graph, options).near:
        line, _ = graph.source.position(first.start)
        if why == "label":
            message = (
                f'the item "{item_label(later)}" covers the same topic as the item at line {line} '
                f'("{item_label(first)}", title similarity {score:.2f})'
            )
        else:
            kind = "item" if later.kind == "list_item" else "paragraph"
            message = f'this {kind} restates the one at line {line} (similarity {score:.2f}): "{_excerpt(first)}"'
        yield me.finding(graph, later.start, later.end, message, related=[(first.start, first.end, "first copy")])


@rule("DUP003", "repeated-sentence", "warning", "A sentence of six or more words that appears twice.")
def repeated_sentence(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags a sentence of at least six words that already appeared earlier in the article
    (normalised), unless its paragraph is already reported by DUP001 or DUP002.

    ## Why is this bad?
    A repeated sentence is usually a copy-paste slip; it reads as filler.

    ## Known problems
    Deliberate refrains of six or more words fire; shorter ones ("Ask your doctor.") never do.

    ## Example
    ```markdown
    Always ask your care team before starting a supplement. …
    Always ask your care team before starting a supplement.
    ```

    ## Use instead
    Say it once, where it matters most.
    """
    me = RULES["DUP003"]
    flagged = analyse(graph, options).flagged
    first_seen: dict[str, Any] = {}
    for sentence in graph.sentences:
        if sentence.block.kind not in UNITS:
            continue
        norm = normalise(sentence.text)
        if len(norm.split()) < 6:
            continue
        first = first_seen.setdefault(norm, sentence)
        if first is sentence or id(sentence.block) in flagged or id(first.block) in flagged:
            continue
        start, end = sentence.span
        line, _ = graph.source.position(first.span[0])
        yield me.finding(
            graph,
            start,
            end,
            f"this sentence already appears at line {line}",
            related=[(*first.span, "first occurrence")],
        )


@rule(
    "DUP004",
    "cross-article-duplicate",
    "warning",
    "A paragraph near-identical to one in another article.",
    corpus=True,
    options={"threshold": 0.8, "min-words": 12},
)
def cross_article_duplicate(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Corpus mode (runs when several files are checked together): flags a paragraph whose word
    3-shingles overlap a paragraph of another article by at least `threshold` (Jaccard). Each
    paragraph is indexed by a bottom-k MinHash sketch of its shingles and only paragraphs that
    share a sketch value are compared, so thousands of articles cost near-linear time. Paragraphs
    listed in `boilerplate` (a shared disclaimer) and paragraphs found in more than
    `corpus-max-share` of the files (default 0.2) are ignored.

    ## Why is this bad?
    Copied paragraphs across a site are duplicate content for readers and search engines, and a
    correction made in one article is missed in the others.

    ## Example
    Two drug articles sharing the same "How it works" paragraph word for word.

    ## Use instead
    Write each article's text for its subject, or move shared text to one page and link to it.

    ## Options
    `threshold` (default 0.8), `min-words` (default 12); top-level `boilerplate` and
    `corpus-max-share`.
    """
    return iter(())  # the work happens in linter.corpus over all articles at once
