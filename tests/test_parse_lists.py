"""The one-line list fast path (linter.parse.lists) against mistune's own list parser.

Invariant: for every document, the parser with the fast path gives the same tokens and leaves the
cursor at the same place as mistune without it. The fast path is checked on generated documents
(list runs mixed with every kind of line that can end, continue or nest a list, also inside a
block quote and a list item) and on every Markdown file the project and the seed hold."""

from __future__ import annotations

import random
from pathlib import Path

import mistune
import pytest

from linter.parse import lists
from linter.parse import markdown as md_parse

ROOT = Path(__file__).resolve().parent.parent

LINES = [
    "- Fever and chills [2]", "- fever", "* Cough", "+ Rash", "1. Take it with food", "2. Drink water",
    "10. Rest", "1) First", "3) Third", "- ", "-", "- # not a heading", "- > a quote", "- <div>x</div>",
    "- [link](x)", "- [a]: http://x", "- 2. nested", "- 10mg daily", "- **Bold:** text", "- (aside) text",
    '- "quoted" text', "  - indented item", "   - three spaces", "    - code", "- item  ", "- item\t",
    "-\titem", "-  two spaces", "", "", "", "   ", "\t", "Paragraph text here.", "lazy continuation",
    "# Heading", "## Sub", "> Quote", "```", "~~~", "---", "***", "* * *", "___", "<div>", "</div>",
    "<!-- c -->", "| a | b |", "|---|---|", "[^1]: note", "[ref]: http://x.org", "    indented code",
    "  continuation", "Title", "=====", "-----", "- - -", "2. two", "1. one", "- item [1]", "\u00a0",
    "* ", "5) x", "- \u201cquote\u201d", "- 1990s saw", "- 3.5 mg", "- 1. x", "- *em* x", "- ***", "- **",
    "\v", "- a\r", "1.x",
]  # fmt: skip


def _parse(parser, text: str):
    state = parser.block.state_cls()
    state.process(text)
    parser.block.parse(state)
    return state.tokens, state.cursor


def _documents(count: int, seed: int):
    rnd = random.Random(seed)
    for _ in range(count):
        lines = [rnd.choice(LINES) for _ in range(rnd.randint(1, 14))]
        if rnd.random() < 0.5:  # a run of items, as lists in articles are
            marker = rnd.choice(["- ", "* ", "1. ", "2. "])
            at = rnd.randint(0, len(lines))
            lines[at:at] = [marker + rnd.choice(["alpha", "Beta x", "3 g", "(x)"]) for _ in range(rnd.randint(1, 5))]
        text = "\n".join(lines) + ("\n" if rnd.random() < 0.9 else "")
        yield text
        yield "\n".join("> " + line for line in text.split("\n"))
        yield "- outer\n\n" + "\n".join("  " + line for line in text.split("\n"))


fast_path = pytest.mark.skipif(
    not lists.applies(), reason="this mistune's list parser is not the one the fast path mirrors"
)


@fast_path
def test_fast_path_gives_mistunes_tokens_and_cursor_on_generated_documents(monkeypatch):
    taken = []
    simple = lists._simple_list
    monkeypatch.setattr(lists, "_simple_list", lambda *a: taken.append(simple(*a)) or taken[-1])
    fast, plain = md_parse._parser(), md_parse.mistune_parser()
    for text in _documents(1500, seed=17):
        assert _parse(fast, text) == _parse(plain, text), repr(text)
    used = sum(found is not None for found in taken)
    assert used > 1000 and used < len(taken)  # both paths ran, many times


def test_fast_path_gives_mistunes_tokens_on_real_files():
    files = [*ROOT.glob("article/*.md"), *ROOT.glob("tests/**/*.md"), *(ROOT.parent / "shared" / "seed").glob("*")]
    assert len(files) > 20
    fast, plain = md_parse._parser(), md_parse.mistune_parser()
    for path in files:
        text = path.read_text("utf-8", errors="replace")
        assert _parse(fast, text) == _parse(plain, text), path


def _took_fast_path(text: str) -> bool:
    state = mistune.BlockState()
    state.process(text)
    match = md_parse._parser().block.compile_sc().match(text)
    assert match is not None and match.lastgroup == "list"
    return lists._simple_list(md_parse._parser().block, match, state) is not None


@fast_path
@pytest.mark.parametrize(
    "text, fast",
    [
        ("- Fever [2]\n- Cough\n\nNext paragraph.\n", True),
        ("1. Take it with food\n2. Drink water\n", True),
        ("- **Dose:** 5 mg\n- (rare) rash\n## Heading\n", False),  # a heading straight after an item
        ("- one\n\n- two\n", False),  # a loose list
        ("- one\n  continued\n", False),  # an indented continuation
        ("- one\nlazy line\n", False),  # a lazy continuation
        ("- one\n- 2. nested\n", False),  # an item that opens a list of its own
        ("3. third\n4. fourth\n", False),  # numbered from 3: mistune's rules on interrupting text
        ("- [a link](x)\n", False),  # may be a link reference definition
    ],
)
def test_which_lists_take_the_fast_path(text, fast):
    assert _took_fast_path(text) is fast
    assert _parse(md_parse._parser(), text) == _parse(md_parse.mistune_parser(), text)


def test_the_fast_path_stands_aside_for_a_mistune_it_does_not_mirror(monkeypatch):
    """mistune before 3.3 breaks list items with rules of its own (pyproject allows 3.0 and later):
    there the fast path is not registered, and every list is mistune's."""
    from mistune import list_parser

    assert lists.applies() is hasattr(list_parser, "_compile_list_break_sc")
    monkeypatch.delattr(list_parser, "_compile_list_break_sc", raising=False)
    assert lists.applies() is False
