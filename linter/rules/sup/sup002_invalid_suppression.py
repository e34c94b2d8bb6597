"""SUP002 invalid-suppression."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.rules.base import Rule, rule
from linter.suppress import SuppressionOutcome


@rule("SUP002", "invalid-suppression", "warning", "A medlint comment medlint cannot read.", kind="post-filter")
def invalid_suppression(outcome: SuppressionOutcome, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags a `<!-- medlint-… -->` comment whose directive or code medlint does not know: a misspelt
    directive (`medlint-disabel`), a code that matches no rule (`CIT999`), or words of a reason not
    separated from the codes by ` -- `. Such a comment suppresses nothing.

    ## Why is this bad?
    A suppression that silently widened (a typo disabling every rule to the end of the file, a
    reason word read as a rule prefix) hides real problems; one that silently does nothing leaves
    the author thinking a finding is handled.

    ## Example
    ```markdown
    <!-- medlint-disable-line CIT001 because the source is added next week -->
    ```

    ## Use instead
    ```markdown
    <!-- medlint-disable-line CIT001 -- the source is added next week -->
    ```
    """
    for s in outcome.suppressions:
        if s.problem:
            message = f"{s.problem}; this comment suppresses nothing"
            yield s.finding(outcome.source, me.code, me.name, me.severity, message)
