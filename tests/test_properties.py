"""Property-based tests (hypothesis) over parsers, graph, rules and fixes.

Profiles: the default "ci" profile runs a modest number of examples on every CI run; set
HYPOTHESIS_PROFILE=nightly for a long run (see README).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.config import Config
from linter.edits import apply_edits, select_edits
from linter.engine import Options, lint_source, parse_document
from linter.graph import build_graph
from linter.source import Source

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.register_profile(
    "nightly",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ALL = Options(selection={"select": ["ALL"]})

number = st.integers(min_value=0, max_value=40)
marker = st.one_of(
    number.map(lambda n: f"[{n}]"),
    st.tuples(number, number).map(lambda t: f"[{t[0]}-{t[1]}]"),
    st.tuples(number, number).map(lambda t: f"[{t[0]}, {t[1]}]"),
    number.map(lambda n: f"<sup>{n}</sup>"),
    number.map(lambda n: f"[^{n}]"),
    number.map(lambda n: f"[{n}](#ref-{n})"),
    st.sampled_from(["[ ]", "[1,,2]", "[3a]", "[", "]", "[12", "`[1]`"]),
)
words = st.sampled_from(
    [
        "STIM1",
        "calcium",
        "take",
        "400 mg",
        "5.0 mg",
        ".5 mg",
        "10 U",
        "QD",
        "cc",
        "MS",
        "completely safe",
        "double the dose",
        "studies show",
        "40%",
        "Last reviewed:",
        "14/02/2025",
        "by Dr Jane Roe",
        "not a substitute for medical advice",
        "the",
        "and",
        "infection",
        "é",
        "日本",
        "\t",
        "  ",
    ]
)
sentence = st.lists(st.one_of(words, marker), min_size=1, max_size=12).map(" ".join)
block = st.one_of(
    sentence,
    sentence.map(lambda s: f"# {s}"),
    sentence.map(lambda s: f"## {s}"),
    sentence.map(lambda s: f"- {s}"),
    sentence.map(lambda s: f"1. {s}"),
    sentence.map(lambda s: f"  - {s}"),
    sentence.map(lambda s: f"> {s}"),
    sentence.map(lambda s: f"| {s} | {s} |\n|---|---|\n| a | {s} |"),
    sentence.map(lambda s: f"```\n{s}\n```"),
    sentence.map(lambda s: f"<div>{s}</div>"),
    st.just("## References"),
    st.integers(1, 30).map(lambda n: f"{n}. Author A. Title of study {n}. doi:10.1000/x{n}"),
    st.integers(1, 9).map(lambda n: f"[^{n}]: Footnote {n}."),
    st.just("<!-- medlint-disable-next-line -->"),
)
markdown = st.lists(block, min_size=1, max_size=14).map("\n\n".join)
line_ending = st.sampled_from(["\n", "\r\n"])


def lint(text: str, name: str = "p.md"):
    return lint_source(Source(name, text), Config(), ALL).findings


def assert_spans_inside(text: str, findings) -> None:
    source = Source("p", text)
    last_line = source.line_count
    for f in findings:
        assert 1 <= f.line <= f.end_line <= last_line, f
        assert f.column >= 1 and f.end_column >= 1, f
        assert 0 <= f.start <= f.end <= len(text), f
        for edit in f.edits:
            assert 0 <= edit.start <= edit.end <= len(text), f


@given(st.text(max_size=400))
def test_arbitrary_unicode_never_crashes_any_format(text):
    for name in ("p.md", "p.txt", "p.html"):
        assert_spans_inside(text, lint(text, name))


@given(markdown, line_ending)
def test_random_markdown_spans_are_inside_the_file(text, eol):
    text = text.replace("\n", eol)
    assert_spans_inside(text, lint(text))
    graph = build_graph(parse_document(Source("p.md", text)))
    for m in graph.markers:
        assert text[m.start : m.end] == m.raw


@given(st.text(alphabet="<>/\"'=abcdpsu1 [](){}&;#!-\n", max_size=300))
def test_truncated_and_broken_html(text):
    html = "<html><body><p>" + text
    assert_spans_inside(html, lint(html, "p.html"))


def fix_until_stable(text: str, name: str = "p.md", rounds: int = 6) -> tuple[str, list]:
    for _ in range(rounds):
        findings = lint(text, name)
        edits = select_edits(findings, unsafe=True)
        fixed = apply_edits(text, edits)
        if fixed == text:
            return text, findings
        text = fixed
    return text, lint(text, name)


@settings(max_examples=int(os.environ.get("MEDLINT_FIX_EXAMPLES", "40")))
@given(markdown, line_ending)
def test_fixes_converge_and_are_idempotent(text, eol):
    text = text.replace("\n", eol)
    fixed, findings = fix_until_stable(text)
    assert [f for f in findings if f.edits] == [], [f.rule for f in findings if f.edits]
    again, _ = fix_until_stable(fixed)
    assert again == fixed
    parse_document(Source("p.md", fixed))  # still parses


def _in_memory_fix(text: str, name: str):
    from linter.engine import lint_source
    from linter.fixer import fix_in_memory

    def relint(source):
        return lint_source(source, Config(), ALL)

    first = relint(Source(name, text))
    outcome = fix_in_memory(first, relint, unsafe=True)
    return first, outcome


def _html(blocks: list[str]) -> str:
    return "<html><body><main>" + "".join(f"<p>{b}</p>" for b in blocks) + "</main></body></html>"


@settings(max_examples=int(os.environ.get("MEDLINT_FIX_EXAMPLES", "40")))
@given(
    st.one_of(
        markdown.map(lambda t: (t, "p.md")),
        markdown.map(lambda t: (t, "p.txt")),
        st.lists(sentence, min_size=1, max_size=10).map(lambda b: (_html(b), "p.html")),
    )
)
def test_fixes_keep_every_claims_sources(case):
    """The fix invariant over generated Markdown, text and HTML: every entry keeps its text, every claim
    keeps citing the same entries, nothing cited stops being cited."""
    from linter.fixer import CitationInvariant

    text, name = case
    first, outcome = _in_memory_fix(text, name)
    assert CitationInvariant.of(first.graph).kept_by(CitationInvariant.of(outcome.result.graph))
