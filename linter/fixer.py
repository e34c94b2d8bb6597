"""--fix and --diff: every round in memory, each round checked against the fix invariant, one atomic write.

A fix may only change what its finding claims. After each round the article's citations are
compared with the round before: every reference entry keeps its text, every claim keeps citing the
same entries, and nothing that was cited stops being cited. A round that breaks this is retried one
finding at a time, and a fix that breaks it alone is dropped: its finding stays, counted as remaining.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from linter.edits import FixRefused, apply_edits, select_edits, unified_diff, write_atomic
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.results import FileResult
from linter.source import Source
from linter.text import normalise

ROUNDS = 5
Relint = Callable[[Source], FileResult]


@dataclass(frozen=True)
class CitationInvariant:
    entries: tuple[tuple[str, int], ...]  # reference entry texts, with how often each appears
    cited: frozenset[str]  # entry texts some claim cites
    claims: tuple[tuple[str, frozenset[str]], ...]  # claim text -> entries it cites (all copies together)

    @classmethod
    def of(cls, graph: ArticleGraph) -> CitationInvariant:
        from linter.facts.citations import citing_markers

        citing = {id(m) for m in citing_markers(graph)}
        entries = Counter(normalise(r.text) for r in graph.references)
        claims: dict[str, set[str]] = {}
        for sentence in graph.sentences:
            texts = {normalise(r.text) for m in sentence.markers if id(m) in citing for r in graph.cited_references(m)}
            if texts:
                claims.setdefault(normalise(sentence.text), set()).update(texts)
        cited = frozenset(t for texts in claims.values() for t in texts)
        return cls(tuple(sorted(entries.items())), cited, tuple(sorted((k, frozenset(v)) for k, v in claims.items())))

    def kept_by(self, after: CitationInvariant) -> bool:
        if self.entries != after.entries or self.cited != after.cited:
            return False
        later = dict(after.claims)
        return all(later[text] == cited for text, cited in self.claims if text in later)


@dataclass
class FixOutcome:
    text: str
    fixed: int  # findings whose fixes were applied
    result: FileResult  # the final lint of the fixed text


def fix_in_memory(result: FileResult, relint: Relint, unsafe: bool) -> FixOutcome:
    """Apply fixes round after round (a fix can reveal another), keeping only invariant-preserving ones."""
    assert result.source is not None
    current, fixed = result, 0
    for _ in range(ROUNDS):
        findings = [f for f in current.findings if f.edits and (f.fix_safe or unsafe)]
        if not findings or current.graph is None:
            break
        relinted, applied = _round(current, findings, relint, unsafe)
        if relinted is None:
            break
        fixed += applied
        current = relinted
    assert current.source is not None
    return FixOutcome(current.source.text, fixed, current)


def _round(current: FileResult, findings: list[Finding], relint: Relint, unsafe: bool) -> tuple[FileResult | None, int]:
    """One round: every fix together if the invariant holds, else the first fix that keeps it alone
    (the other findings' offsets refer to the old text: they are taken next round). Returns the
    relinted result of the new text (the invariant check already linted it) and the fixes applied."""
    assert current.source is not None and current.graph is not None
    source = current.source
    before = CitationInvariant.of(current.graph)
    edits = select_edits(findings, unsafe=unsafe)
    kept = _relint_if_kept(before, source, apply_edits(source.text, edits), relint)
    if kept is not None:
        return kept, len({id(f) for f in findings if any(e in edits for e in f.edits)})
    for finding in sorted(findings, key=lambda f: (f.start, f.rule)):
        kept = _relint_if_kept(before, source, apply_edits(source.text, select_edits([finding], unsafe=unsafe)), relint)
        if kept is not None:
            return kept, 1
    return None, 0


def _relint_if_kept(before: CitationInvariant, source: Source, text: str, relint: Relint) -> FileResult | None:
    """The lint of ``text`` when it differs from the source and keeps the invariant, else None."""
    if text == source.text:
        return None
    result = relint(Source(source.path, text, had_bom=source.had_bom))
    return result if result.graph is not None and before.kept_by(CitationInvariant.of(result.graph)) else None


def apply_fixes(
    results: list[FileResult], args: argparse.Namespace, relint: Relint, write: bool
) -> tuple[list[FileResult], int]:
    """Fix every file in memory; write each changed file once (or print the diff). Returns the final
    results and how many findings were fixed."""
    out: list[FileResult] = []
    total = 0
    for result in results:
        if result.source is None or not any(f.edits for f in result.findings):
            out.append(result)
            continue
        if result.graph is None:
            result = relint(result.source)
        outcome = fix_in_memory(result, relint, args.unsafe_fixes)
        final = outcome.result
        if outcome.text != result.source.text:
            if not write:
                sys.stdout.write(unified_diff(result.source, outcome.text))
            else:
                try:
                    write_atomic(result.path, outcome.text, bom=result.source.had_bom)
                except FixRefused as exc:
                    result.error, final, outcome.fixed = str(exc), result, 0
                except OSError as exc:
                    result.error = f"{result.path}: cannot write fixes ({exc.strerror or exc})"
                    final, outcome.fixed = result, 0
        total += outcome.fixed
        out.append(final)
    return out, total
