"""The report's per-article work: rebuild each linted article's graph with its own configuration,
attach the reference lock, and render its section and summary (linter.reporters.html). For a site
this runs in worker processes, which send back HTML and a summary, never a graph."""

from __future__ import annotations

import os
from dataclasses import dataclass

from linter.engine import graph_for, reference_lock
from linter.reporters.html import ArticleSummary, ArticleView, summarise
from linter.results import FileResult

POOL_MIN = 8  # below this many articles, rendering in this process is quicker than starting workers


@dataclass
class RenderJob:
    index: int
    result: FileResult
    reading: bool
    prefix: str
    enabled: frozenset[str]


def _render(job: RenderJob) -> ArticleSummary:
    result = job.result
    graph = result.graph or graph_for(result.source, result.config)
    graph.lock = reference_lock(result.config)
    summary = summarise(ArticleView(job.index, result, graph, job.reading, job.prefix), set(job.enabled))
    summary.findings = []  # the parent has them: do not send them back
    return summary


def render_all(
    results: list[FileResult], reading: bool, enabled: list[set[str]], prefixes: bool, workers: int = 0
) -> list[ArticleSummary]:
    jobs = [
        RenderJob(i, r, reading, f"a{i}-" if prefixes else "", frozenset(enabled[i])) for i, r in enumerate(results)
    ]
    workers = workers or (os.cpu_count() or 1)
    if len(jobs) < POOL_MIN or workers <= 1:
        summaries = [_render(j) for j in jobs]
    else:
        from concurrent.futures import ProcessPoolExecutor

        for job in jobs:
            job.result = _travel_light(job.result)
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
            summaries = list(pool.map(_render, jobs, chunksize=max(1, len(jobs) // (workers * 8))))
    for summary, result in zip(summaries, results, strict=True):
        summary.findings = result.findings
    return summaries


def _travel_light(result: FileResult) -> FileResult:
    """What a worker needs to rebuild the graph and render: no paragraphs, no cached graph."""
    return FileResult(
        result.path, result.findings, source=result.source, config=result.config, suppressions=result.suppressions
    )
