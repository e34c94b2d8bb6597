"""Corpus rules (DUP004): near-duplicate paragraphs across articles, in near-linear time.

Each worker reduces its article to paragraph records (span, normalised text, bottom-k MinHash
sketch of word 3-shingles) while it lints, so the corpus step never parses again. Paragraphs that
match configured boilerplate, or whose exact text appears in more than ``corpus-max-share`` of the
articles, are dropped; the rest are indexed by bands of their sketch, and only paragraphs sharing a
band are compared (exact Jaccard on their shingles). Imported only when several files are linted.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linter.engine import FileResult, Options
from linter.findings import Finding, Location
from linter.similarity import jaccard, shingle_hashes
from linter.text import normalise, words

MAX_BUCKET = 50  # a band shared by more paragraphs than this is boilerplate, not copying


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str  # normalised
    sketch: tuple[int, ...]


def run_corpus_rules(results: list[FileResult], jobs: list[tuple[str, Any]], options: Options) -> None:
    linted = [r for r in results if r.source is not None]
    if len(linted) < 2:
        return
    config_by_path = dict(jobs)
    enabled = {
        r.path: "DUP004"
        in config_by_path[r.path].enabled_rules(config_by_path[r.path].relpath(Path(r.path)), options.selection)
        for r in linted
        if r.path in config_by_path
    }
    if not any(enabled.values()):
        return
    from linter.registry import load_rules

    rule = load_rules()["DUP004"]
    first_config = config_by_path[linted[0].path]
    opts = first_config.options(rule)
    by_path = {r.path: r for r in linted}
    for path, finding in cross_article_findings(linted, opts, rule):
        if enabled.get(path):
            finding.severity = first_config.severity(rule)
            by_path[path].findings.append(finding)
    for r in linted:
        r.findings.sort(key=Finding.sort_key)


def cross_article_findings(results: list[FileResult], opts: dict[str, Any], rule) -> list[tuple[str, Finding]]:
    threshold = float(opts.get("threshold", 0.8))
    max_share = float(opts.get("corpus-max-share", 0.2))
    boilerplate = {normalise(text) for text in opts.get("boilerplate", [])}
    per_file = [r.paragraphs or [] for r in results]
    files_with_text: dict[str, set[int]] = defaultdict(set)
    for f, paras in enumerate(per_file):
        for p in paras:
            files_with_text[p.text].add(f)
    limit = max(2, max_share * len(results))
    items: list[tuple[int, Paragraph]] = [
        (f, p)
        for f, paras in enumerate(per_file)
        for p in paras
        if p.text not in boilerplate and len(files_with_text[p.text]) <= limit
    ]
    buckets: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for k, (_, p) in enumerate(items):
        for band in range(0, len(p.sketch) - 1, 2):  # bands of two minima: selective, yet robust to an edit
            buckets[p.sketch[band : band + 2]].append(k)
    candidates: set[tuple[int, int]] = set()
    for members in buckets.values():
        if 2 <= len(members) <= MAX_BUCKET:
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    if items[members[x]][0] != items[members[y]][0]:
                        candidates.add((members[x], members[y]))
    shingles: dict[int, set[int]] = {}

    def shingle_set(k: int) -> set[int]:
        if k not in shingles:
            shingles[k] = shingle_hashes(items[k][1].text.split())
        return shingles[k]

    best: dict[int, tuple[float, int]] = {}
    for a, b in candidates:
        score = jaccard(shingle_set(a), shingle_set(b))
        if score < threshold:
            continue
        later, earlier = (b, a) if items[b][0] > items[a][0] else (a, b)
        if score > best.get(later, (0.0, -1))[0]:
            best[later] = (score, earlier)
    return [_finding(results, items, later, earlier, score, rule) for later, (score, earlier) in sorted(best.items())]


def _finding(results, items, later: int, earlier: int, score: float, rule) -> tuple[str, Finding]:
    f, p = items[later]
    g, q = items[earlier]
    src, other = results[f].source, results[g].source
    line, col = src.position(p.start)
    eline, ecol = src.position(p.end)
    oline, ocol = other.position(q.start)
    oeline, oecol = other.position(q.end)
    finding = Finding(
        rule=rule.code,
        name=rule.name,
        severity=rule.severity,
        path=results[f].path,
        line=line,
        column=col,
        end_line=eline,
        end_column=ecol,
        message=f"this paragraph is near-identical to one in {results[g].path} at line {oline} "
        f"(similarity {score:.2f})",
        start=p.start,
        end=p.end,
        related=[Location(oline, ocol, oeline, oecol, "other copy", results[g].path)],
    )
    return results[f].path, finding


def paragraph_records(graph, min_words: int = 12) -> list[Paragraph]:
    """What DUP004 needs of one article, computed where the article was parsed."""
    from linter.similarity import sketch

    out = []
    for block in graph.body_blocks:
        if block.kind in ("paragraph", "list_item", "html") and len(block.text.split()) >= min_words:
            text = normalise(block.text)
            out.append(Paragraph(block.start, block.end, text, sketch(shingle_hashes(words(text)))))
    return out
