"""The corpus step: after every file is linted, run the corpus rules (DUP004) over the run's files.

Each file is judged with its own configuration (enabled or not, options, severity), and its
findings pass through its own inline suppressions like any other finding. Imported only when
several files are linted.
"""

from __future__ import annotations

from linter.engine import fingerprint
from linter.facts.corpus import CorpusFile
from linter.findings import Finding
from linter.results import FileResult, Options
from linter.rules import CATALOG, load_rule
from linter.suppress import apply_suppressions, parse_suppressions


def run_corpus_step(results: list[FileResult], options: Options, use_cache: bool) -> None:
    """The corpus rules over the run's files, or their stored effect when every file is unchanged
    (each file's cache key covers its text, path, configuration and the run's options). The effect
    is stored per file as the findings the step dropped (suppression findings it made moot, the
    corpus rules' own findings before it) and the corpus rules' findings after it."""
    linted = _linted(results)
    if len(linted) < 2:
        return
    if not use_cache or not all(r.cache_key for r in linted):
        run_corpus_rules(results, options)
        return
    from linter.cache import ResultCache

    cache = ResultCache.of(linted[0].config)
    key = cache.corpus_key([(r.path, r.cache_key or "") for r in linted])
    codes = {c for c, row in CATALOG.items() if row.across_files}
    stored = cache.get_corpus(key)
    if stored is not None and all(0 <= index < len(linted) for index in stored):
        for index, (drop, add) in stored.items():
            result = linted[index]
            result.findings = [f for i, f in enumerate(result.findings) if i not in drop] + add
            result.findings.sort(key=Finding.sort_key)
        return
    before = [list(r.findings) for r in linted]
    run_corpus_rules(results, options)
    changes: dict[int, tuple[list[int], list[Finding]]] = {}
    for index, (result, old) in enumerate(zip(linted, before, strict=True)):
        kept = {id(f) for f in result.findings}
        drop = [i for i, f in enumerate(old) if id(f) not in kept or f.rule in codes]
        add = [f for f in result.findings if f.rule in codes]
        if drop or add:
            changes[index] = (drop, add)
    cache.put_corpus(key, changes)


def _linted(results: list[FileResult]) -> list[FileResult]:
    return [r for r in results if r.source is not None and r.config is not None]


def _paragraphs(result: FileResult) -> list:
    from linter.cache import StoredParagraphs

    stored = result.paragraphs
    return stored.paragraphs() if isinstance(stored, StoredParagraphs) else (stored or [])


def run_corpus_rules(results: list[FileResult], options: Options) -> None:
    linted = _linted(results)
    if len(linted) < 2:
        return
    codes = sorted(c for c, row in CATALOG.items() if row.across_files)
    paragraphs = [_paragraphs(r) for r in linted]
    enabled_codes = [set(r.config.codes_for(r.path, options.selection)) for r in linted]
    for code in codes:
        enabled = [code in chosen for chosen in enabled_codes]
        if not any(enabled):
            continue
        rule = load_rule(code)
        check = rule.check if rule.kind == "corpus" else rule.corpus_check
        if check is None:
            continue
        files = [
            CorpusFile(r.path, r.source, paragraphs[i], on, r.config.options(rule), r.date)
            for i, (r, on) in enumerate(zip(linted, enabled, strict=True))
        ]
        found: dict[int, list[Finding]] = {}
        for index, finding in check(files, {}, rule):
            finding.severity = linted[index].config.severity(rule)
            found.setdefault(index, []).append(finding)
        for index, findings in found.items():
            _add_findings(linted[index], findings, code)


def _add_findings(result: FileResult, findings: list[Finding], code: str) -> None:
    """Add corpus findings through the file's suppressions; a suppression they use is no longer unused.

    Only the rule's own findings are fingerprinted again: a fingerprint counts occurrences within
    one rule, so the file's other findings keep theirs."""
    suppressions = result.suppressions or parse_suppressions(result.source)
    kept = apply_suppressions(findings, suppressions)
    used_at = {s.start for s in suppressions if s.used}
    post_filter = {c for c, row in CATALOG.items() if row.kind == "post-filter"}
    result.findings = [f for f in result.findings if not (f.rule in post_filter and f.start in used_at)]
    result.findings.extend(kept)
    fingerprint([f for f in result.findings if f.rule == code], result.source)
    result.findings.sort(key=Finding.sort_key)
