"""A fast path for mistune's most common list: one line per item, no blank line between items.

mistune parses every list item as a small document of its own (a child parser state, the item's
continuation and break patterns, a block parse of its text): about 15 us per item, four fifths of
mistune's time on a seed-sized article with its ~300 list items. Most items in health articles are a
single line of plain text ("- Fever [2]", "1. Take it with food"), and for those the outcome is
known without the child parse: one tight paragraph (``block_text``) holding the line after the
marker.

``parse_list`` reads such a list line by line and builds the very token mistune builds, leaving the
parser's cursor where mistune leaves it. On anything else (an indented line, a lazy continuation,
a blank line between items, a nested list, an item that opens with a character that could start a
block of its own, a numbered list not starting at 1) it hands the whole list to mistune's own
parser before touching the state. tests/test_parse_lists.py compares both on thousands of
generated documents; the invariant is equality of the tokens and of the cursor, not likeness.
It is registered only on the mistune versions whose list parser it mirrors (``applies``).
"""

from __future__ import annotations

import re
from typing import Any

from mistune import list_parser

_ITEM = {  # an item of the same list at the left margin, one space after its marker
    "-": re.compile(r"- "),
    "*": re.compile(r"\* "),
    "+": re.compile(r"\+ "),
    ".": re.compile(r"\d{1,9}\. "),
    ")": re.compile(r"\d{1,9}\) "),
}
_SAME_LIST = {  # what mistune would take as another item of the list (it would then be loose)
    "-": re.compile(r"-(?:[ \t]|$)"),
    "*": re.compile(r"\*(?:[ \t]|$)"),
    "+": re.compile(r"\+(?:[ \t]|$)"),
    ".": re.compile(r"\d{1,9}\.(?:[ \t]|$)"),
    ")": re.compile(r"\d{1,9}\)(?:[ \t]|$)"),
}
_NUMBERED = re.compile(r"\d{1,9}[.)](?:[ \t]|$)")  # would open a nested list
_OPENERS = "(\"'\u201c\u2018"  # a bracket or quotation mark starts no block


def applies() -> bool:
    """The fast path mirrors mistune 3.3 and later: its list parser's item breaks built by
    ``_compile_list_break_sc``. Older 3.x parsers (which pyproject allows) break items with rules of
    their own; there, every list goes to mistune."""
    return callable(getattr(list_parser, "_compile_list_break_sc", None)) and callable(
        getattr(list_parser, "parse_list", None)
    )


def _plain(text: str) -> bool:
    """True when an item's text (after its marker and one space) is a paragraph of its own whatever
    follows it on the line: it starts with a letter, a digit that opens no list, ``**`` before a
    letter or digit, or an opening bracket or quotation mark. Anything else (``#``, ``>``, ``<``,
    ``[``, a fence, another marker, white space) could start a block, and goes to mistune."""
    first = text[:1]
    if first.isalpha():
        return True
    if first.isdigit():
        return _NUMBERED.match(text) is None
    if first == "*":
        return text[1:2] == "*" and text[2:3].isalnum()
    return first != "" and first in _OPENERS


def _blank(line: str) -> bool:
    return not line.strip(" \t\v\f")  # mistune's BLANK_LINE: nothing but these before the newline


def parse_list(block: Any, m: re.Match[str], state: Any) -> int | None:
    """The ``list`` rule of a mistune BlockParser: the fast path, else mistune's own."""
    found = _simple_list(block, m, state)
    if found is None:
        return list_parser.parse_list(block, m, state)
    items, cursor, bullet, ordered, width = found
    token = {
        "type": "list",
        "children": [{"type": "list_item", "children": [{"type": "block_text", "text": text}]} for text in items],
        "tight": True,
        "bullet": bullet,
        "attrs": {"depth": state.depth(), "ordered": ordered},
    }
    if cursor < state.cursor_max:
        # text after the list and its blank lines: mistune tries the rules that end an item on it
        # while still inside the list (the list's token then goes before what they add). Followed
        # as mistune does; on every input tried, leaving that text to the main loop gave the same
        # tokens, so no test can tell the two apart: this keeps mistune's order of calls
        end = _end_rule(block, state, cursor, width)
        if end is not None:
            rule, match = end
            index = len(state.tokens)
            state.cursor = cursor
            end_pos = block.parse_method(match, state) if rule != "list" else None
            if end_pos:
                state.tokens.insert(index, token)
                return end_pos
    state.cursor = cursor
    state.append_token(token)
    return cursor


def _end_rule(block: Any, state: Any, cursor: int, width: int) -> tuple[str, re.Match[str]] | None:
    breaks = list_parser._compile_list_break_sc(block, width)
    match = breaks.match(state.src, cursor)
    if match is None or match.lastgroup is None:
        return None
    return match.lastgroup, match


def _simple_list(block: Any, m: re.Match[str], state: Any) -> tuple[list[str], int, str, bool, int] | None:
    """The items' texts, the cursor after the list, its bullet, whether it is numbered and the width
    of its last marker; None for any list the fast path does not take."""
    spaces, marker, rest = m.group("list_1"), m.group("list_2"), m.group("list_3")
    if spaces or rest[:1] != " " or not _plain(rest[1:]):
        return None
    ordered = len(marker) > 1
    if ordered and int(marker[:-1]) != 1:
        return None  # a list from another number has its own rules for interrupting a paragraph
    src, end = state.src, state.cursor_max
    pos = m.end()
    if pos >= end or src[pos] != "\n":
        return None
    pos += 1
    bullet = marker[-1]
    item, same = _ITEM[bullet], _SAME_LIST[bullet]
    items = [rest[1:] + "\n"]
    width = len(marker)
    while pos < end:
        newline = src.find("\n", pos)
        if newline == -1 or newline >= end:
            return None
        line = src[pos:newline]
        hit = item.match(line)
        if hit is not None:
            text = line[hit.end() :]
            if not _plain(text):
                return None
            items.append(text + "\n")
            width = hit.end() - 1
            pos = newline + 1
            continue
        if not _blank(line):
            return None  # a lazy continuation, an indented line, a block straight after an item
        while pos < end:  # blank lines: the list ends at the next text, unless it continues the list
            newline = src.find("\n", pos)
            if newline == -1 or newline >= end:
                return None
            if not _blank(src[pos:newline]):
                break
            pos = newline + 1
        if pos < end:
            following = src[pos:newline]
            if following[:1].isspace() or same.match(following):
                return None  # an indented continuation, or the next item of a loose list
        break
    return items, pos, bullet, ordered, width
