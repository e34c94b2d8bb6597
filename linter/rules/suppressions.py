"""SUP: hygiene of medlint's own suppression comments (like ruff's RUF100)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.registry import rule


@rule("SUP001", "unused-suppression", "warning", "A medlint-disable comment that silences nothing.", default=False)
def unused_suppression(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Opt-in (`--report-unused-suppressions` or `--extend-select SUP001`). Flags a
    `<!-- medlint-disable … -->` or `<!-- medlint-disable-next-line … -->` comment that silenced
    no finding in this run. Comments naming a rule that did not run are left alone.

    ## Why is this bad?
    Stale suppressions hide the next real problem in that spot.

    ## Example
    ```markdown
    <!-- medlint-disable-next-line CIT001 -->
    A claim with a valid citation [1].
    ```

    ## Use instead
    Remove the comment once the problem it silenced is fixed.
    """
    return iter(())  # computed by the engine, which sees which suppressions were used
