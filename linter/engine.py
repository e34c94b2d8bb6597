"""Lint one article: read, parse, build the graph, run rules, filter. No output here."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.config import Config
from linter.digest import sha1
from linter.findings import Finding
from linter.results import FileResult, Options
from linter.source import DEFAULT_MAX_BYTES, InputError, Source, read_source

if TYPE_CHECKING:  # imported where a file is linted: a run whose files are all stored needs none of them
    from collections.abc import Callable

    from linter.graph import ArticleGraph
    from linter.parse.model import Document
    from linter.rules.base import Rule
    from linter.suppress import SuppressionOutcome

FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def format_of(path: str) -> str:
    return FORMATS.get(Path(path).suffix.lower(), "text")


def parse_document(source: Source, fmt: str | None = None, config: Config | None = None) -> Document:
    fmt = fmt or format_of(source.path)
    if fmt == "markdown":
        from linter.parse.markdown import parse_markdown

        return parse_markdown(source)
    if fmt == "html":
        from linter.parse.html import HtmlSettings, parse_html

        settings = HtmlSettings.from_lists(config.get("html-skip"), config.get("html-main")) if config else None
        return parse_html(source, settings)
    from linter.parse.plaintext import parse_plaintext

    return parse_plaintext(source)


def graph_for(source: Source, config: Config) -> ArticleGraph:
    from linter.graph import DEFAULT_REFERENCE_HEADINGS, build_graph

    headings = tuple(config.get("reference-headings", DEFAULT_REFERENCE_HEADINGS))
    return build_graph(parse_document(source, config=config), headings)


def audience_of(graph: ArticleGraph, config: Config, relpath: str | None) -> str:
    """professional or patient: the page's own metadata, else per-file-audience, else audience."""
    from linter.facts.trust import page_audience

    return page_audience(graph) or config.audience(relpath)


def rule_options(rule: Rule, config: Config, options: Options) -> dict[str, Any]:
    merged: dict[str, Any] = config.options(rule)
    if options.today is not None:
        merged["today"] = options.today
    return merged


def run_rules(
    graph: ArticleGraph, rules: dict[str, Rule], config: Config, options: Options, audience: str = "patient"
) -> list[Finding]:
    """The per-file rules' findings, each with the file's severity for its rule. Rules whose principle
    is patient safety do not run on pages for professionals."""
    if audience == "professional":
        rules = {code: rule for code, rule in rules.items() if not rule.patient_only}
    return _run_kind("file", graph, rules, config, options)


def run_post_filter_rules(
    outcome: SuppressionOutcome, rules: dict[str, Rule], config: Config, options: Options
) -> list[Finding]:
    """Rules about the suppressions themselves (SUP001), run once the other findings are filtered."""
    return _run_kind("post-filter", outcome, rules, config, options)


def _run_kind(kind: str, subject: Any, rules: dict[str, Rule], config: Config, options: Options) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules.values():
        if rule.kind != kind:
            continue
        severity = config.severity(rule)
        for finding in rule.check(subject, rule_options(rule, config, options), rule):
            finding.severity = severity
            findings.append(finding)
    return findings


def fingerprint(findings: list[Finding], source: Source) -> None:
    """Stable identity for the baseline: rule + normalised span text + occurrence index."""
    from linter.text import normalise

    seen: dict[tuple[str, str], int] = {}
    for f in sorted(findings, key=lambda f: (f.start, f.rule)):
        text = normalise(source.text[f.start : f.end])[:200]
        key = (f.rule, text)
        index = seen.get(key, 0)
        seen[key] = index + 1
        digest = sha1(f"{f.rule}\0{text}\0{index}".encode()).hexdigest()[:16]
        f.fingerprint = digest


def lint_source(source: Source, config: Config, options: Options, relpath: str | None = None) -> FileResult:
    if not source.text.strip():  # an empty file (no bytes, a BOM alone, white space) holds nothing to judge
        return FileResult(source.path, [], source=source, config=config)
    from linter.rules import CATALOG, load_rules
    from linter.suppress import SuppressionOutcome, apply_suppressions, parse_suppressions

    lock = reference_lock(config)
    codes = config.enabled_codes(relpath, options.selection)
    if lock is None:  # the lock rules are silent without one, and not even imported
        codes = [c for c in codes if not CATALOG[c].needs_lock]
    rules = load_rules(codes)
    graph = graph_for(source, config)
    graph.lock = lock
    findings = run_rules(graph, rules, config, options, audience_of(graph, config, relpath))
    suppressions = parse_suppressions(source)
    findings = apply_suppressions(findings, suppressions)
    findings.extend(
        run_post_filter_rules(SuppressionOutcome(source, suppressions, frozenset(rules)), rules, config, options)
    )
    fingerprint(findings, source)
    findings.sort(key=Finding.sort_key)
    result = FileResult(source.path, findings, source=source, graph=graph, suppressions=suppressions, config=config)
    cross = [r for code, r in rules.items() if CATALOG[code].across_files]
    if options.corpus and cross:
        from linter.facts.corpus import article_date, paragraph_records

        min_words = min(int(config.options(r).get("min-words", 12)) for r in cross)
        result.paragraphs = paragraph_records(graph, min_words)
        result.date = article_date(graph)
    return result


def reference_lock(config: Config) -> Any:
    """The configuration root's reference lock (linter.refs.lock.Lock), or None when there is none:
    one stat on the check path; the lock module is imported only when the file exists."""
    path = config.refs_lock()
    if not path.is_file():
        return None
    from linter.refs.lock import load

    return load(path)


def lock_state(config: Config) -> str:
    """What of the lock a cached result depends on: its size and modification time ('' without one)."""
    try:
        stat = config.refs_lock().stat()
    except OSError:
        return ""
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def lint_path(
    path: str,
    config: Config,
    options: Options,
    use_cache: bool = False,
    keep_graph: bool = True,
    with_graph: Callable[[FileResult], None] | None = None,
) -> FileResult:
    """Lint one file; every failure becomes a one-line error on the result, never an exception.

    The cyclic garbage collector is paused while the file is linted and run once on what the file
    allocated: an article's objects live and die together, and the collector's automatic passes kept
    re-scanning the live graph (about a tenth of the time on seed-sized articles). Reference counting
    frees nearly all of them; ``keep_graph=False`` (a pool worker, which sends results without graphs)
    drops the graph before that one pass, so the pass has only the few cyclic leftovers to look at.
    ``with_graph`` is called with a result that has its graph (a freshly linted file), before any drop."""
    with gc_paused(collect_young=True):
        result = _lint_path(path, config, options, use_cache)
        if with_graph is not None and result.graph is not None:
            with_graph(result)
        if not keep_graph:
            result.graph = None
        return result


@contextmanager
def gc_paused(collect_young: bool = False) -> Iterator[None]:
    """The cyclic garbage collector off for a stretch of work whose objects are nearly all freed by
    reference counting or kept to the end: a file being linted (then, with ``collect_young``, one pass
    over what it allocated, all in the youngest generation), the results arriving from the workers
    and the corpus step (the collector's automatic passes re-scanned every result received so far,
    ~1.7 s of the parent's ~4.4 s on 1,000 articles). Nested pauses leave it to the outermost."""
    pause = gc.isenabled()
    if pause:
        gc.disable()
    try:
        yield
    finally:
        if pause:
            gc.enable()
            if collect_young:
                gc.collect(0)


def _lint_path(path: str, config: Config, options: Options, use_cache: bool) -> FileResult:
    try:
        source = read_source(path, _size_limit(config))
        if not use_cache:
            return lint_source(source, config, options, config.relpath(Path(path)))
        from linter.cache import ResultCache

        cached, key = _cached(path, source, config, options)
        if cached is not None:
            return cached
        result = lint_source(source, config, options, config.relpath(Path(path)))
        ResultCache.of(config).put(
            key, result.findings, None if result.paragraphs is None else (result.date, result.paragraphs)
        )
        result.cache_key = key
        return result
    except InputError as exc:
        return FileResult(path, error=str(exc), config=config)
    except RecursionError:
        return FileResult(path, error=f"{path}: structure nested too deeply to lint", config=config)
    except MemoryError:
        return FileResult(path, error=f"{path}: not enough memory to lint this file", config=config)


def _size_limit(config: Config) -> int:
    max_mb = config.get("max-file-size-mb")
    return int(max_mb * 1048576) if max_mb else DEFAULT_MAX_BYTES


def _cached(
    path: str, source: Source, config: Config, options: Options, lock: str | None = None
) -> tuple[FileResult | None, str]:
    from linter.cache import ResultCache, cache_key

    key = cache_key(source.text, path, config.data, options, lock_state(config) if lock is None else lock)
    hit = ResultCache.of(config).get(key)
    if hit is None:
        return None, key
    findings, records = hit
    if records is None and options.corpus:  # stored by a run without the corpus step: no paragraphs
        return None, key
    date, paragraphs = records if records is not None else (None, None)
    result = FileResult(path, findings, source=source, paragraphs=paragraphs, config=config, date=date, cache_key=key)
    return result, key


def cached_result(path: str, config: Config, options: Options, lock: str | None = None) -> FileResult | None:
    """The file's stored result when its text, configuration and the run's options are unchanged;
    None otherwise (and for any file that cannot be read: linting it reports why). ``lock``: the
    reference lock's state when the caller already asked (``lock_state``)."""
    try:
        return _cached(path, read_source(path, _size_limit(config)), config, options, lock)[0]
    except (InputError, RecursionError, MemoryError):
        return None
