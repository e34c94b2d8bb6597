"""The inline scanner's token patterns carry a first-character lookahead for speed (linter.parse.inline
._guarded). The guard must never change a match: every branch must start with a guarded character."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.parse import inline

_UNGUARDED = {
    "markdown": re.compile(inline._MD_GRAMMAR, re.X | re.S),
    "markdown-no-url": re.compile(
        "\n".join(line for line in inline._MD_GRAMMAR.splitlines() if "(?P<url>" not in line), re.X | re.S
    ),
}
_GUARDED = {"markdown": inline._MD_TOKEN, "markdown-no-url": inline._MD_TOKEN_NO_URL}
_PIECES = st.sampled_from(
    [
        "a",
        "_",
        "*",
        "[",
        "]",
        "(",
        ")",
        "1",
        "2,3",
        "<sup>",
        "</sup>",
        '<a href="#r1">',
        "</a>",
        "`",
        "\\[",
        "![x](y.png)",
        "[^1]",
        "http://e.org/x",
        "www.",
        "<!-- c -->",
        "<b>",
        " ",
        "\n",
        "–",
        "h",
        "w",
    ]
)


def _tokens(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in pattern.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(sorted(_GUARDED)), st.lists(_PIECES, max_size=30).map("".join))
def test_the_guard_changes_no_token(which, text):
    assert _tokens(_GUARDED[which], text) == _tokens(_UNGUARDED[which], text)


def test_plain_text_grammar_guard_covers_its_branches():
    text = "See [1] and (2, 3) at https://example.org or www.example.org [x](y)"
    guarded = _tokens(inline._TEXT_TOKEN, text)
    unguarded = _tokens(re.compile(inline._TEXT_TOKEN.pattern.split(")(?:", 1)[1][:-1]), text)
    assert guarded == unguarded
    assert [g for _, g in guarded] == ["bracket", "paren", "url", "url", "bracket"]
