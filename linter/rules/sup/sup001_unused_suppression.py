"""SUP001 unused-suppression."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.rules.base import Rule, rule
from linter.suppress import SuppressionOutcome


@rule(
    "SUP001",
    "unused-suppression",
    "warning",
    "A medlint-disable comment that silences nothing.",
    default=False,
    kind="post-filter",
)
def unused_suppression(outcome: SuppressionOutcome, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
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
    for s in outcome.suppressions:
        if s.used or s.kind in ("enable", "invalid"):
            continue
        if s.codes and not all(any(code.startswith(c) for code in outcome.enabled if code != me.code) for c in s.codes):
            continue  # it names a rule that did not run: it may still be needed
        what = ", ".join(s.codes) if s.codes else "all rules"
        message = f"unused suppression of {what}: nothing here is reported; remove the comment"
        yield s.finding(outcome.source, me.code, me.name, me.severity, message)
