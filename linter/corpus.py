"""Corpus rules (DUP004): near-duplicate paragraphs across articles, in sub-quadratic time.

Each paragraph of 12+ words becomes a set of word 3-shingles and a MinHash signature; banded LSH
buckets bring together only paragraphs likely to be similar, which are then checked by the
estimated Jaccard. Paragraphs matching configured boilerplate, or found in more than
``corpus-max-share`` of the articles, are ignored. Imported only when several files are linted,
so the single-file (pre-commit) path never pays for it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from linter.engine import FileResult, Options
from linter.findings import Finding, Location
from linter.similarity import MinHasher, estimated_jaccard, shingles
from linter.text import normalise, words


def run_corpus_rules(results: list[FileResult], jobs: list[tuple[str, Any]], options: Options) -> None:
    linted = [r for r in results if r.source is not None]
    if len(linted) < 2:
        return
    config_by_path = dict(jobs)
    rules = {}
    for result in linted:
        config = config_by_path.get(result.path)
        if config is not None:
            rules[result.path] = config.enabled_rules(
                config.relpath(__import__("pathlib").Path(result.path)), options.selection
            )
    if not any("DUP004" in r for r in rules.values()):
        return
    first_config = next(iter(config_by_path.values()))
    from linter.registry import load_rules

    rule = load_rules()["DUP004"]
    opts = first_config.options(rule)
    for path, finding in cross_article_findings(linted, opts, rule):
        if "DUP004" in rules.get(path, {}):
            result = next(r for r in linted if r.path == path)
            finding.severity = first_config.severity(rule)
            result.findings.append(finding)
            result.findings.sort(key=Finding.sort_key)


def paragraphs(result: FileResult, min_words: int) -> list[tuple[int, int, str]]:
    """(start, end, normalised text) of the article's paragraphs worth comparing."""
    from linter.config import Config
    from linter.engine import graph_for

    graph = result.graph or graph_for(result.source, Config())
    out = []
    for block in graph.body_blocks:
        if block.kind in ("paragraph", "list_item", "html") and len(block.text.split()) >= min_words:
            out.append((block.start, block.end, normalise(block.text)))
    return out


def cross_article_findings(results: list[FileResult], opts: dict[str, Any], rule) -> list[tuple[str, Finding]]:
    threshold = float(opts.get("threshold", 0.8))
    min_words = int(opts.get("min-words", 12))
    max_share = float(opts.get("corpus-max-share", 0.2))
    boilerplate = {normalise(text) for text in opts.get("boilerplate", [])}
    hasher = MinHasher()
    items: list[tuple[int, int, int, tuple[int, ...]]] = []  # (file index, start, end, signature)
    texts_in_files: dict[str, set[int]] = defaultdict(set)
    per_file = [paragraphs(r, min_words) for r in results]
    for f, paras in enumerate(per_file):
        for _, _, text in paras:
            texts_in_files[text].add(f)
    limit = max(2, max_share * len(results))
    for f, paras in enumerate(per_file):
        for start, end, text in paras:
            if text in boilerplate or len(texts_in_files[text]) > limit:
                continue
            items.append((f, start, end, hasher.signature(shingles(words(text)))))
    buckets: dict[tuple[int, int], list[int]] = defaultdict(list)
    for k, item in enumerate(items):
        for key in hasher.band_keys(item[3]):
            buckets[key].append(k)
    best: dict[int, tuple[float, int]] = {}
    for members in buckets.values():
        if len(members) < 2 or len(members) > 200:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                a, b = items[members[x]], items[members[y]]
                if a[0] == b[0]:
                    continue
                score = estimated_jaccard(a[3], b[3])
                if score < threshold:
                    continue
                later, earlier = (members[y], members[x]) if b[0] > a[0] else (members[x], members[y])
                if score > best.get(later, (0.0, -1))[0]:
                    best[later] = (score, earlier)
    out = []
    for later, (score, earlier) in sorted(best.items()):
        f, start, end, _ = items[later]
        g, gstart, gend, _ = items[earlier]
        src, other = results[f].source, results[g].source
        line, col = src.position(start)
        eline, ecol = src.position(end)
        oline, ocol = other.position(gstart)
        oeline, oecol = other.position(gend)
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
            start=start,
            end=end,
            related=[Location(oline, ocol, oeline, oecol, "other copy", results[g].path)],
        )
        out.append((results[f].path, finding))
    return out
