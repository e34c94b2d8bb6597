"""Regular expressions that scan whole texts: a first-character guard derived from the pattern itself.

Python's engine skips ahead only when a pattern starts with literal characters or a character class.
A pattern whose branches start with ``\\b``, a lookbehind or a group tries every branch at every
position of the text. Placing a lookahead for the set of characters any match can start with in
front of it, ``(?=[qts])(?:...)``, costs one class test per position instead, and matches exactly
what the pattern matches: every match starts with one of those characters.

The set is read from the parsed pattern (``re._parser``, the parser ``re.compile`` itself uses).
Where a match could start with a character the set cannot list (``.``, ``\\w``, a negated class,
a case-insensitive group inside a case-sensitive pattern, a pattern that can match the empty
string), there is no guard and the pattern is compiled as written.
"""

from __future__ import annotations

import re
from re import _compiler, _parser
from re import _constants as C  # noqa: N812  (the parser's opcodes)

from linter.compile_store import GUARDS

_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_MAX_RANGE = 128  # a wider class range (a Unicode block) is not worth listing


class _Unknown(Exception):
    """A match could start with a character the guard cannot list."""


def _first_of_class(items: list) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] < _MAX_RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:  # NEGATE, CATEGORY (\w, \d: Unicode-wide), a wide RANGE
            raise _Unknown
    return chars


def _first(seq) -> tuple[set[str], bool]:
    """The characters a match of ``seq`` can start with, and whether it can match the empty string."""
    chars: set[str] = set()
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the next item starts the match (a superset is safe)
        if op is C.LITERAL:
            chars.add(chr(av))
            return chars, False
        if op is C.IN:
            chars |= _first_of_class(av)
            return chars, False
        if op is C.BRANCH:
            nullable = False
            for branch in av[1]:
                first, empty = _first(branch)
                chars |= first
                nullable = nullable or empty
            if not nullable:
                return chars, False
        elif op is C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & re.IGNORECASE:
                raise _Unknown  # a case scope of its own: the guard would be read under the other one
            first, empty = _first(sub)
            chars |= first
            if not empty:
                return chars, False
        elif op is C.ATOMIC_GROUP:
            first, empty = _first(av)
            chars |= first
            if not empty:
                return chars, False
        elif op in _REPEATS:
            low, _high, sub = av
            first, empty = _first(sub)
            chars |= first
            if low > 0 and not empty:
                return chars, False
        else:  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, ...
            raise _Unknown
    return chars, True


def _skips_already(parsed, flags: int) -> bool:
    """True when the engine already skips ahead on the pattern's start: the compiler finds a literal
    prefix or a first-character set of its own (asked of the compiler itself where it can answer)."""
    try:
        prefix, _prefix_skip, _all = _compiler._get_literal_prefix(parsed, flags)
        return bool(prefix) or bool(_compiler._get_charset_prefix(parsed, flags))
    except (AttributeError, TypeError, ValueError):  # another Python's private API: judge the first item
        return bool(parsed.data) and not flags & re.IGNORECASE and parsed.data[0][0] in (C.LITERAL, C.IN)


def first_characters(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Every character a match of ``pattern`` can start with, or None when that cannot be listed.

    Under IGNORECASE the characters are as written: a guard compiled with the same flags folds them
    the way the pattern's own literals are folded."""
    return _first_characters(_parser.parse(pattern, flags))


def _first_characters(parsed) -> frozenset[str] | None:
    try:
        chars, empty = _first(parsed)
    except _Unknown:
        return None
    return None if empty or not chars else frozenset(chars)


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def guard(pattern: str, flags: int = 0) -> str:
    """``pattern`` behind a lookahead for its first characters (``pattern`` itself where there is none).
    Global inline flags (``(?ix)``) stay in front; under VERBOSE the group closes on a line of its own,
    so a trailing comment cannot swallow it."""
    key = (pattern, int(flags))  # a RegexFlag is an int subclass, which the store cannot write
    known = GUARDS.get(key)  # the command line's store (linter.compile_store)
    if known is None:
        known = GUARDS[key] = _guard(pattern, flags)
    return known


def _guard(pattern: str, flags: int) -> str:
    parsed = _parser.parse(pattern, flags)  # once: the analysis reads it twice
    chars = _first_characters(parsed)
    if chars is None or _skips_already(parsed, flags | parsed.state.flags):
        return pattern
    lead = _GLOBAL_FLAGS.match(pattern)
    prefix, body = (lead.group(), pattern[lead.end() :]) if lead else ("", pattern)
    verbose = (flags | parsed.state.flags) & re.VERBOSE
    listed = "".join(re.escape(c) if c in "\\]^-[" or c.isspace() else c for c in sorted(chars))
    return f"{prefix}(?=[{listed}])(?:{body}{chr(10) if verbose else ''})"


BUILT: list[tuple[str, int]] = []  # every (pattern, flags) guarded so far: the tests hold each to its plain form


def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` with the first-character guard: the same matches, found faster."""
    BUILT.append((pattern, flags))
    return re.compile(guard(pattern, flags), flags)
