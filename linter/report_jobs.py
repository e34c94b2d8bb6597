"""The report's per-article work: take each article's render facts from its graph
(linter.reporters.html.render_facts), then render its section and summary from those facts, its
source and its final findings.

For a site, the lint workers take the facts while each graph is still in memory (``facts_in_worker``),
so nothing is parsed twice; the facts do not depend on findings, so the corpus step and a baseline
change nothing of them. Only results without facts (stored results of a warm run, files linted in
this process) have their graph rebuilt. Rendering runs in worker processes for many articles; they
send back HTML and a summary."""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from linter.engine import graph_for, reference_lock
from linter.reporters.html import ArticleSummary, ArticleView, RenderFacts, render_facts, summarise
from linter.results import FileResult

POOL_MIN = 8  # below this many articles, rendering in this process is quicker than starting workers


@dataclass
class RenderJob:
    index: int
    result: FileResult
    reading: bool
    prefix: str
    enabled: frozenset[str]


def reads_levels(enabled: frozenset[str] | set[str]) -> bool:
    """The report shows reading levels when the run selected the READ family."""
    return any(code.startswith("READ") for code in enabled)


def facts_in_worker(jobs: list[tuple[str, Any]], selection: dict) -> partial:
    """The hook for linter.parallel.lint_many. The reading flag is the first file's, as in run_report."""
    path, config = jobs[0]
    return partial(_take_facts, reads_levels(set(config.codes_for(path, selection))))


def _take_facts(reading: bool, result: FileResult) -> None:
    """Kept pickled until an article is rendered: about 17 KB where the objects take about 150 KB,
    and the parent holds every article's facts at once (1,000 articles: 130 MB less at the peak)."""
    result.facts = pickle.dumps(render_facts(result.graph, reading), pickle.HIGHEST_PROTOCOL)


def _facts(result: FileResult, reading: bool) -> RenderFacts:
    facts = result.facts
    if isinstance(facts, bytes):
        facts = pickle.loads(facts)
    if isinstance(facts, RenderFacts) and facts.reading == reading:
        return facts
    graph = result.graph
    if graph is None:
        graph = graph_for(result.source, result.config)
        graph.lock = reference_lock(result.config)
    return render_facts(graph, reading)


def _render(job: RenderJob) -> ArticleSummary:
    result = job.result
    facts = _facts(result, job.reading)
    summary = summarise(ArticleView(job.index, result, facts, job.reading, job.prefix), set(job.enabled))
    summary.findings = []  # the parent has them: do not send them back
    return summary


def render_all(
    results: list[FileResult],
    reading: bool,
    enabled: list[set[str]],
    prefixes: bool,
    workers: int = 0,
    each: Callable[[ArticleSummary], None] | None = None,
) -> list[ArticleSummary]:
    """Every article's summary, in order; ``each`` is called with each one as soon as it is complete
    (the site writes its page then)."""
    jobs = [
        RenderJob(i, r, reading, f"a{i}-" if prefixes else "", frozenset(enabled[i])) for i, r in enumerate(results)
    ]
    workers = workers or (os.cpu_count() or 1)
    if len(jobs) < POOL_MIN or workers <= 1:
        return [_finish(_render(job), result, each) for job, result in zip(jobs, results, strict=True)]
    from concurrent.futures import ProcessPoolExecutor

    for job in jobs:
        linted_here = job.result.graph is not None and job.result.facts is None
        if linted_here:  # facts from the graph it kept cost less than a rebuild in a worker
            job.result.facts = render_facts(job.result.graph, reading)
        job.result = _travel_light(job.result)
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        rendered = pool.map(_render, jobs, chunksize=max(1, len(jobs) // (workers * 8)))
        return [_finish(summary, result, each) for summary, result in zip(rendered, results, strict=True)]


def _finish(
    summary: ArticleSummary, result: FileResult, each: Callable[[ArticleSummary], None] | None
) -> ArticleSummary:
    summary.findings = result.findings
    result.facts = None  # rendered: the summary holds the section now
    if each is not None:
        each(summary)
    return summary


def _travel_light(result: FileResult) -> FileResult:
    """What a worker needs to render: the source, findings and facts; no paragraphs, no graph (a result
    without facts has its graph rebuilt there, which costs less than sending it)."""
    return FileResult(
        result.path,
        result.findings,
        source=result.source,
        config=result.config,
        suppressions=result.suppressions,
        facts=result.facts,
    )
