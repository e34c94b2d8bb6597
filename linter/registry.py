"""Rule metadata and the list of all rules.

The registry is data: ``medlint rules``, ``medlint rule CODE``, ``--select``, SARIF rule metadata
and the HTML report all read it. A rule's docstring is its published documentation, in fixed
sections (What it does / Why is this bad? / Known problems / Example / Use instead / Options).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from linter.findings import Edit, Finding, Location, Severity

if TYPE_CHECKING:
    from linter.graph import ArticleGraph

CheckFunction = Callable[["ArticleGraph", dict[str, Any]], Iterable[Finding]]


@dataclass
class Rule:
    code: str
    name: str
    severity: Severity
    check: CheckFunction
    summary: str
    fix: str = "none"  # none | sometimes | always
    fix_safe: bool = True
    default: bool = True  # enabled without --select
    options: dict[str, Any] = field(default_factory=dict)
    corpus: bool = False  # needs every article of a run (DUP004)

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

    @property
    def docs(self) -> str:
        import inspect  # only documentation output pays for it

        return inspect.cleandoc(self.check.__doc__ or self.summary)

    def finding(
        self,
        graph: ArticleGraph,
        start: int,
        end: int,
        message: str,
        related: Iterable[tuple[int, int, str]] = (),
        edits: Iterable[Edit] = (),
    ) -> Finding:
        """A finding spanning original offsets [start, end) of the graph's source."""
        source = graph.source
        line, column = source.position(start)
        end_line, end_column = source.position(max(start, end))
        locations = []
        for rs, re_, msg in related:
            rl, rc = source.position(rs)
            el, ec = source.position(max(rs, re_))
            locations.append(Location(rl, rc, el, ec, msg))
        return Finding(
            rule=self.code,
            name=self.name,
            severity=self.severity,
            path=graph.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            message=message,
            start=start,
            end=end,
            related=locations,
            edits=list(edits),
            fix_safe=self.fix_safe,
        )

    def whole_article(self, graph: ArticleGraph, message: str) -> Finding:
        """A finding about the whole article, pointing at line 1."""
        first_line_end = graph.source.line_starts[1] - 1 if graph.source.line_count > 1 else len(graph.source.text)
        return self.finding(graph, 0, max(0, first_line_end), message)


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: str,
    summary: str,
    fix: str = "none",
    fix_safe: bool = True,
    default: bool = True,
    options: dict[str, Any] | None = None,
    corpus: bool = False,
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function as rule ``code``."""

    def register(check: CheckFunction) -> CheckFunction:
        if code in RULES:
            raise ValueError(f"rule {code} registered twice")
        RULES[code] = Rule(
            code, name, Severity.parse(severity), check, summary, fix, fix_safe, default, dict(options or {}), corpus
        )
        return check

    return register


def load_rules() -> dict[str, Rule]:
    """Import every rule module once so that its rules register themselves."""
    from linter.rules import citations, disclaimers, dosage, duplicates, suppressions  # noqa: F401

    return dict(sorted(RULES.items()))


def get_rule(code_or_name: str) -> Rule | None:
    rules = load_rules()
    key = code_or_name.strip()
    if key.upper() in rules:
        return rules[key.upper()]
    return next((r for r in rules.values() if r.name == key.lower()), None)


def iter_rules() -> Iterator[Rule]:
    yield from load_rules().values()
