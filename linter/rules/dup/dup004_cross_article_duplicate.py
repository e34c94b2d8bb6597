"""DUP004 cross-article-duplicate: near-identical paragraphs across the articles of one run."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from math import inf
from typing import Any

from linter.facts.corpus import CorpusFile, Paragraph
from linter.findings import Finding, Location
from linter.rules.base import Option, Rule, rule
from linter.similarity import shingle_hashes
from linter.text import normalise

MAX_BUCKET = 50  # a band shared by more paragraphs than this is boilerplate, not copying


@rule(
    "DUP004",
    "cross-article-duplicate",
    "warning",
    "A paragraph near-identical to one in another article.",
    kind="corpus",
    options={"threshold": Option(0.8, 0.0, 1.0), "min-words": Option(12, minimum=1)},
)
def cross_article_duplicate(files: list[CorpusFile], options: dict[str, Any], me: Rule) -> list[tuple[int, Finding]]:
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
    `corpus-max-share`, each read from the configuration of the file the finding is on.

    ## Known problems
    Which copy came first is told from the articles' dates (review, update or publication date)
    where both have one: the finding stands on the later copy. Without dates it stands on both.
    """
    return _cross_article_findings(files, me)


def _share_limit(files: list[CorpusFile], f: int) -> float:
    return max(2, float(files[f].options.get("corpus-max-share", 0.2)) * len(files))


def _cross_article_findings(files: list[CorpusFile], me: Rule) -> list[tuple[int, Finding]]:
    boilerplate = [{normalise(text) for text in cf.options.get("boilerplate", [])} for cf in files]
    files_with_text: dict[str, set[int]] = defaultdict(set)
    for f, cf in enumerate(files):
        for p in cf.paragraphs:
            files_with_text[p.text].add(f)
    limits = [_share_limit(files, f) for f in range(len(files))]
    items: list[tuple[int, Paragraph]] = [
        (f, p) for f, cf in enumerate(files) for p in cf.paragraphs if len(files_with_text[p.text]) <= limits[f]
    ]
    # bands of two minima: selective, yet robust to an edit. Nearly every band is one paragraph's
    # alone: a band's first paragraph is kept as a number, and only a band met again gets a list
    first: dict[tuple[int, int], int] = {}
    buckets: dict[tuple[int, int], list[int]] = {}  # the bands shared by two or more paragraphs
    for k, (_, p) in enumerate(items):
        sketch = p.sketch
        for band in zip(sketch[0 : len(sketch) - 1 : 2], sketch[1::2], strict=True):
            held = first.setdefault(band, k)
            if held != k:  # a paragraph's bands are distinct minima: only another paragraph is held
                members = buckets.get(band)
                if members is None:
                    buckets[band] = [held, k]
                else:
                    members.append(k)
    file_of = [f for f, _ in items]
    candidates: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) <= MAX_BUCKET:  # members ascend: each pair (a, b) has a < b
            candidates.update((a, b) for a, b in combinations(members, 2) if file_of[a] != file_of[b])
    texts = [p.text for _, p in items]
    shingles: list[set[int] | None] = [None] * len(items)  # each paragraph's shingles, made when first compared
    # the score each paragraph needs to be reported (never: its file has the rule off, or it is boilerplate)
    bars = [
        float(files[f].options.get("threshold", 0.8)) if files[f].enabled and p.text not in boilerplate[f] else inf
        for f, p in items
    ]
    best: dict[int, tuple[float, int]] = {}  # paragraph -> (score, its closest copy in another file)
    for a, b in sorted(candidates):
        bar = bars[a] if bars[a] < bars[b] else bars[b]
        if bar == inf:
            continue
        if texts[a] == texts[b] and texts[a]:
            score = 1.0  # the same text: the same shingles
        else:
            sa, sb = shingles[a], shingles[b]
            if sa is None:
                sa = shingles[a] = shingle_hashes(texts[a].split())
            if sb is None:
                sb = shingles[b] = shingle_hashes(texts[b].split())
            la, lb = len(sa), len(sb)
            if not la or not lb:
                score = 0.0
            elif (la if la < lb else lb) < bar * (la if la > lb else lb) * (1 - 1e-9):
                continue  # the Jaccard score is at most the smaller set's share of the larger
            else:
                shared = len(sa & sb)
                score = shared / (la + lb - shared)  # jaccard(): the union's size, without building it
        if score < bar:
            continue  # below both paragraphs' bars
        for mine, other in ((a, b), (b, a)):
            if score < bars[mine]:
                continue
            cf, theirs = files[items[mine][0]], files[items[other][0]]
            if cf.date and theirs.date and cf.date < theirs.date:
                continue  # the older article is the original; the finding stands on the later copy
            key = (score, -items[other][0], -items[other][1].start)
            held = best.get(mine)
            if held is None or key > (held[0], -items[held[1]][0], -items[held[1]][1].start):
                best[mine] = (score, other)
    return [_finding(files, items, mine, other, score, me) for mine, (score, other) in sorted(best.items())]


def _finding(files: list[CorpusFile], items, mine: int, other: int, score: float, me: Rule) -> tuple[int, Finding]:
    f, p = items[mine]
    g, q = items[other]
    src, theirs = files[f].source, files[g].source
    line, col = src.position(p.start)
    eline, ecol = src.position(p.end)
    oline, ocol = theirs.position(q.start)
    oeline, oecol = theirs.position(q.end)
    finding = Finding(
        rule=me.code,
        name=me.name,
        severity=me.severity,
        path=files[f].path,
        line=line,
        column=col,
        end_line=eline,
        end_column=ecol,
        message=f"this paragraph is near-identical to one in {files[g].path} at line {oline} (similarity {score:.2f})",
        start=p.start,
        end=p.end,
        related=[Location(oline, ocol, oeline, oecol, "other copy", files[g].path)],
    )
    return f, finding
