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


# -- words every match holds (linter.phrases' prefilter) ----------------------------------------
_TOKENS_KEY = 1 << 24  # GUARDS also keeps each analysis below, under the pattern's flags with this bit
_NOT_KNOWN = "\n"  # the stored form of "no such words": a word never holds a line break
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
EXPANSIONS = 4096  # a pattern that spells out into more forms than this is not analysed
# The spelled-out forms of a pattern use one character per item: letters and digits as themselves,
# and these for the rest (zero-width marks are followed or preceded by what they say about a word):
_SEP = " "  # one character that is never part of a word (a space, a stop, a hyphen)
_SEPS = "~"  # any number of those, none included
_ANY = "?"  # one character of any kind
_ANYTHING = "*"  # any text at all
_EDGE = "|"  # \b: a word starts after it or ends before it
_STARTS = "<"  # ^, (?<!\w): a word starts after it
_ENDS = ">"  # $, (?!\w), (?=\s): a word ends before it
_AT_MARKS = {
    C.AT_BOUNDARY: _EDGE,
    C.AT_BEGINNING: _STARTS,
    C.AT_BEGINNING_STRING: _STARTS,
    C.AT_END: _ENDS,
    C.AT_END_STRING: _ENDS,
}


def required_words(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Words, one of which every match of ``pattern`` in ASCII text holds whole, or None.

    A word here is a maximal run of ASCII letters and digits, lower-cased: the words of a text are
    ``re.findall("[a-z0-9]+", text.lower())``. The pattern is spelled out into the forms its matches
    take (each branch, each count of a short repeat; a class of separators as one separator, a wide
    class as one unknown character); in each form, a run of letters with a word edge on both sides
    (a separator, ``\\b``, ``(?<!\\w)``, ``(?!\\w)``, ``^``, ``$``) is a word every match in that form
    holds. Lookarounds that say nothing of word edges are left out (each only narrows the matches).
    The longest such word of each form, together: if none of them is among a text's words, the
    pattern cannot match it. None when a form has no such word or there are too many forms."""
    key = (pattern, int(flags) | _TOKENS_KEY)
    known = GUARDS.get(key)  # the command line's store keeps the analysis, as it keeps guards
    if known is None:
        found = _required_words(_parser.parse(pattern, flags))
        known = GUARDS[key] = _NOT_KNOWN if found is None else " ".join(sorted(found))
    return None if known == _NOT_KNOWN else frozenset(known.split(" "))


def _required_words(parsed) -> frozenset[str] | None:
    forms = _spell(parsed)
    if forms is None:
        return None
    words: set[str] = set()
    for form in forms:
        best = max(_whole_words(form), key=len, default=None)
        if best is None:
            return None
        words.add(best)
    return frozenset(words)


# A run of letters and digits with a word edge on both sides, looking past zero-width marks and empty
# separators: an edge, then marks that say nothing of what follows them, the run, then marks that say
# nothing of what precedes them, then an edge (a lookahead: the next run may start at that edge)
_WHOLE_WORD = re.compile(
    "[{}][{}]*([a-z0-9]+)(?=[{}]*[{}])".format(
        *map(re.escape, (_SEP + _EDGE + _STARTS, _SEPS + _ENDS, _SEPS + _STARTS, _SEP + _EDGE + _ENDS))
    )
)


def _whole_words(form: str) -> list[str]:
    """The runs of letters and digits of a spelled-out form that have a word edge on both sides."""
    return _WHOLE_WORD.findall(form)


def _spell(seq) -> list[str] | None:
    forms = [""]
    for op, av in seq:
        alternatives = _spell_item(op, av)
        if alternatives is None or len(forms) * len(alternatives) > EXPANSIONS:
            return None
        forms = [a + b for a in forms for b in alternatives]
    return forms


def _spell_item(op, av) -> list[str] | None:
    if op is C.LITERAL:
        ch = chr(av).lower()
        if av >= 128:
            return [_ANY]  # under IGNORECASE a few non-ASCII letters match ASCII ones (K, ſ)
        return [ch] if ch in _TOKEN_CHARS else [_SEP]
    if op is C.IN:
        return _spell_class(av)
    if op is C.BRANCH:
        forms: list[str] = []
        for branch in av[1]:
            spelled = _spell(branch)
            if spelled is None or len(forms) + len(spelled) > EXPANSIONS:
                return None
            forms.extend(spelled)
        return forms
    if op is C.SUBPATTERN:
        return _spell(av[3])
    if op is C.ATOMIC_GROUP:
        return _spell(av)
    if op in _REPEATS:
        return _spell_repeat(*av)
    if op is C.AT:
        return [_AT_MARKS.get(av, "")]  # \B and the like only narrow the matches: left out
    if op is C.ASSERT_NOT and _holds_word_class(av[1]):
        return [_STARTS if av[0] < 0 else _ENDS]
    if op is C.ASSERT and av[0] > 0 and av[1] and _spell_class_item(*av[1][0]) == [_SEP]:
        return [_ENDS]
    if op in (C.ASSERT, C.ASSERT_NOT):
        return [""]  # narrows the matches, says nothing about word edges: left out
    if op in (C.ANY, C.NOT_LITERAL):
        return [_ANY]
    return [_ANYTHING]  # a group reference, a conditional...


def _spell_class_item(op, av) -> list[str] | None:
    if op is C.IN:
        return _spell_class(av)
    if op is C.LITERAL:
        return _spell_item(op, av)
    return None


def _spell_class(items) -> list[str]:
    """A class: one separator if it holds only separators (``\\s``, ``[-/ ]``), its letters if it holds
    only a few letters or digits, else one unknown character."""
    chars: set[str] = set()
    for o, a in items:
        if o is C.LITERAL and a < 128:
            chars.add(chr(a).lower() if chr(a).lower() in _TOKEN_CHARS else _SEP)
        elif o is C.RANGE and a[1] < 128 and a[1] - a[0] < 10:
            chars.update(chr(c).lower() if chr(c).lower() in _TOKEN_CHARS else _SEP for c in range(a[0], a[1] + 1))
        elif o is C.CATEGORY and a in (C.CATEGORY_SPACE, C.CATEGORY_NOT_WORD):
            chars.add(_SEP)
        else:  # a negated class, \w, \d, a wide range, a non-ASCII character
            return [_ANY]
    if _SEP in chars and len(chars) > 1:
        return [_ANY]  # a separator or a letter: either
    return sorted(chars) if len(chars) <= 10 else [_ANY]


def _spell_repeat(low: int, high: int, sub) -> list[str] | None:
    spelled = _spell(sub)
    if spelled is None:
        return None
    if high <= 4:  # each count: x? is "" or x
        forms: list[str] = []
        for count in range(low, high + 1):
            part = _times(spelled, count)
            if part is None:
                return None
            forms.extend(part)
        return forms if len(forms) <= EXPANSIONS else None
    part = _times(spelled, low) if low <= 4 else None
    tail = _SEPS if spelled == [_SEP] else _ANYTHING  # \s+: more separators; else anything may follow
    return None if part is None else [p + tail for p in part]


def _times(spelled: list[str], count: int) -> list[str] | None:
    """The forms of ``count`` repeats in a row (None past EXPANSIONS)."""
    part = [""]
    for _ in range(count):
        part = [a + b for a in part for b in spelled]
        if len(part) > EXPANSIONS:
            return None
    return part


def _holds_word_class(seq) -> bool:
    """The body of ``(?<!\\w)`` or ``(?![\\w.])``: one class, not negated, holding ``\\w``."""
    if len(seq) != 1 or seq[0][0] is not C.IN:
        return False
    items = seq[0][1]
    return all(o is not C.NEGATE for o, _ in items) and any(o is C.CATEGORY and a is C.CATEGORY_WORD for o, a in items)
