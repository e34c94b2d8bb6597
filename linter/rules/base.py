"""What a rule is: its metadata, its declared options and the findings it makes.

A rule module defines one check function decorated with ``@rule(...)``; the decorator turns it
into a :class:`Rule`. The engine calls ``rule.check(graph, options, rule)``: a rule receives its
own metadata, so it never looks itself up by code.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from linter.findings import Edit, Finding, Location, Severity

if TYPE_CHECKING:
    from linter.graph import ArticleGraph

CheckFunction = Callable[..., Iterable[Finding]]
KINDS = ("file", "corpus", "post-filter")


@dataclass(frozen=True)
class Option:
    """A rule option: its default, its type (taken from the default) and an optional range."""

    default: Any
    minimum: float | None = None
    maximum: float | None = None
    doc: str = ""

    def problem(self, value: Any) -> str | None:
        """Why ``value`` is not acceptable for this option, or None."""
        expected = type(self.default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if isinstance(value, bool) != (expected is bool) or not isinstance(value, expected):
            return f"expected {_type_name(expected)}, got {_type_name(type(value))} {value!r}"
        if isinstance(value, float) and not math.isfinite(value):
            return f"expected a finite number, got {value!r}"
        if self.minimum is not None and isinstance(value, int | float) and value < self.minimum:
            return f"must be at least {self.minimum}, got {value!r}"
        if self.maximum is not None and isinstance(value, int | float) and value > self.maximum:
            return f"must be at most {self.maximum}, got {value!r}"
        return None


def _type_name(t: type) -> str:
    return {bool: "true/false", int: "an integer", float: "a number", str: "a string", list: "a list"}.get(
        t, t.__name__
    )


@dataclass
class Rule:
    """A loaded rule: its metadata, options, documentation and check function."""

    code: str
    name: str
    severity: Severity
    check: CheckFunction
    summary: str
    fix: str = "none"  # none | sometimes | always
    fix_safe: bool = True
    default: bool = True  # enabled without --select
    option_specs: dict[str, Option] = field(default_factory=dict)
    kind: str = "file"  # file | corpus (needs every article of a run) | post-filter (reads other findings)
    whole_article: bool = False  # its findings are about the article as a whole (shown as banners)
    shares_options_of: str | None = None  # reads another rule's options too (DUP003 reads DUP002's)
    criteria: tuple[str, ...] = ()  # published quality criteria the rule checks
    patient_only: bool = False  # a patient-safety rule: off on pages for professionals
    corpus_check: CheckFunction | None = None  # a file rule's cross-article side, run in the corpus step

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

    @property
    def options(self) -> dict[str, Any]:
        """Default option values."""
        return {k: spec.default for k, spec in self.option_specs.items()}

    @property
    def corpus(self) -> bool:
        return self.kind == "corpus"

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

    def whole_article_finding(self, graph: ArticleGraph, message: str) -> Finding:
        """A finding about the whole article, pointing at line 1."""
        first_line_end = graph.source.line_starts[1] - 1 if graph.source.line_count > 1 else len(graph.source.text)
        return self.finding(graph, 0, max(0, first_line_end), message)


def rule(
    code: str,
    name: str,
    severity: str,
    summary: str,
    fix: str = "none",
    fix_safe: bool = True,
    default: bool = True,
    options: dict[str, Option] | None = None,
    kind: str = "file",
    whole_article: bool = False,
    shares_options_of: str | None = None,
    criteria: tuple[str, ...] = (),
    patient_only: bool = False,
    corpus_check: CheckFunction | None = None,
) -> Callable[[CheckFunction], Rule]:
    """Declare the decorated check function as rule ``code``."""
    if kind not in KINDS:
        raise ValueError(f"{code}: unknown rule kind {kind!r}")

    def declare(check: CheckFunction) -> Rule:
        return Rule(
            code,
            name,
            Severity.parse(severity),
            check,
            summary,
            fix,
            fix_safe,
            default,
            dict(options or {}),
            kind,
            whole_article,
            shares_options_of,
            tuple(criteria),
            patient_only,
            corpus_check,
        )

    return declare
