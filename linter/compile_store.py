"""What every start would compile or parse again, kept between runs as Python keeps bytecode: the
regular expressions, the code of the dataclasses' methods and parsed TOML.

A check of one article compiles about 190 regular expressions (medlint's, mistune's, the standard
library's) and analyses about 60 for their first-character guards (linter.patterns): about a third of
a cold process before this store. Python cannot pickle a compiled pattern, but what ``re`` compiles a pattern into is
plain data (a list of integer codes, the group names, the flags); ``_sre.compile`` turns that back
into the very pattern object (``==`` compares the codes).

So the command line (linter.entry) loads the store before anything compiles, putting each stored
pattern into ``re``'s own cache, where ``re.compile`` and ``re.search`` look first, and the guard
analyses (and the required-word analyses) where ``patterns.guard`` (``patterns.required_words``)
looks first; after the command, patterns compiled that the store
lacked are added. Nothing else changes: a pattern is compiled from the store only if it is stored
under the same pattern text and flags, by the same interpreter (its full version, its cache tag and
the regular-expression engine's magic number and limits are the store's header, with a checksum of
the guard analysis for the guards), and any failure
to read, check or write the store means compiling as usual.

The same store keeps the code of the methods ``dataclasses`` writes for each class (``__init__``,
``__repr__``, ``__eq__``...): it generates their source text and compiles it with ``exec``, 168 times
for medlint's 38 dataclasses, about 14 ms of every start on Python 3.11. Under the store, the
``exec`` that ``dataclasses`` calls looks the text up first: the same text compiles to the same code,
so the stored code object (marshal, of this very interpreter) is what compiling would give.

And it keeps parsed TOML (``toml_loads``): medlint's own tables (the phrase table is 18 KB, ~1 ms to
parse) and configuration files, keyed by their whole text, so a start needs neither the parse nor
tomllib's import (~3 ms). A table with dates or times (which marshal cannot hold) is parsed each time.

Where: ``linter/__pycache__/compile-store.<cache tag>.marshal`` beside the bytecode, written like
bytecode (atomically, and not under ``PYTHONDONTWRITEBYTECODE``); ``MEDLINT_COMPILE_STORE`` names
another file, or, set empty, turns the store off. It is not a results cache: ``--no-cache`` leaves it
on, as it leaves bytecode on. Library use (``import linter``) never touches it.
"""

from __future__ import annotations

import _sre
import contextlib
import marshal
import os
import re
import sys
from array import array
from pathlib import Path
from types import CodeType as _CodeType
from typing import Any

FORMAT = 4
_CODE = next(t for t in "HILQ" if array(t).itemsize == _sre.CODESIZE)  # the engine's code word
LIMIT = 400  # entries kept: re's own cache holds 512, and seeding past it would only evict
_ENGINE = (FORMAT, sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS)
_header: tuple | None = None


def header() -> tuple:
    """The interpreter and engine, and the guard analysis the stored guards came from (a checksum of
    linter/patterns.py: a changed analysis must not reuse an old one's guards)."""
    global _header
    if _header is None:
        import zlib

        try:
            analysis = zlib.crc32((Path(__file__).parent / "patterns.py").read_bytes())
        except OSError:
            analysis = -1
        _header = (*_ENGINE, analysis)
    return _header


class _Kept(dict):
    """One table the store keeps: the entries stored or made in this run, and the keys the loaded
    store held (what a run adds is the rest)."""

    def __init__(self) -> None:
        super().__init__()
        self.stored: set = set()

    def load(self, data: dict) -> None:
        self.update(data)
        self.stored.update(data)

    def new(self) -> dict:
        return {k: v for k, v in self.items() if k not in self.stored}

    def forget(self) -> None:
        self.clear()
        self.stored.clear()


CODE_LIMIT = 1000  # generated methods kept; medlint's dataclasses write 168
TABLE_LIMIT = 32  # parsed TOML texts kept: medlint's own tables and a few configuration files
GUARDS = _Kept()  # (pattern, flags) -> its guarded form (linter.patterns.guard), and
# (pattern, flags | patterns._TOKENS_KEY) -> the words every match holds (linter.patterns.required_words)
_codes = _Kept()  # generated source text -> its code object, stored or compiled in this run
_tables = _Kept()  # TOML text -> its parsed data, marshalled
_stored: set[tuple[str, int]] = set()  # patterns the loaded store held
_active = False


def toml_loads(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``; under the store, a text parsed before is read back instead (a fresh
    copy on each call: callers may change what they get). Raises tomllib.TOMLDecodeError (a
    ValueError) on invalid TOML."""
    stored = _tables.get(text) if _active else None
    if stored is not None:
        return marshal.loads(stored)
    import tomllib

    data = tomllib.loads(text)
    if _active:
        with contextlib.suppress(ValueError):  # a date or time value: marshal cannot hold it
            _tables[text] = marshal.dumps(data)
    return data


def _exec(source: Any, globals: dict | None = None, locals: Any = None, /) -> None:
    """``exec`` for the ``dataclasses`` module: source text it compiled before is not compiled again.
    ``dataclasses`` has no ``from __future__`` imports, so compiling without inheriting any is what
    ``exec`` would do; anything but a string goes to ``exec`` untouched."""
    if isinstance(source, str):
        code = _codes.get(source)
        if code is None:
            code = _codes[source] = compile(source, "<string>", "exec", dont_inherit=True)
        source = code
    exec(source, globals, locals)


def location() -> Path | None:
    configured = os.environ.get("MEDLINT_COMPILE_STORE")
    if configured is not None:
        return Path(configured) if configured else None
    return Path(__file__).parent / "__pycache__" / f"compile-store.{sys.implementation.cache_tag}.marshal"


def _read(path: Path) -> tuple[list, dict, dict, dict] | None:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, tuple) or len(data) != 5 or data[0] != header():
        return None
    if not isinstance(data[3], dict) or not all(
        isinstance(k, str) and type(v) is _CodeType for k, v in data[3].items()
    ):
        return None
    if not isinstance(data[4], dict) or not all(isinstance(k, str) and type(v) is bytes for k, v in data[4].items()):
        return None
    if not isinstance(data[2], dict) or not all(type(v) is str for v in data[2].values()):
        return None  # guards and word lists (linter.patterns) are texts
    return data[1], data[2], data[3], data[4]


def load() -> None:
    """Put the stored patterns into ``re``'s cache, the stored guards into GUARDS and the stored
    methods' code where ``dataclasses``' ``exec`` finds it."""
    global _active
    path = location()
    if path is None:
        return
    _active = True
    import dataclasses

    dataclasses.exec = _exec  # type: ignore[attr-defined]  # a module global shadows the builtin
    data = _read(path)
    if data is None:
        return
    entries, guards, codes, tables = data
    try:
        for pattern, flags, final, code, groups, groupindex, indexgroup in entries:
            compiled = _sre.compile(pattern, final, array(_CODE, code).tolist(), groups, groupindex, indexgroup)
            re._cache[str, pattern, flags] = compiled  # type: ignore[attr-defined]
            _stored.add((pattern, flags))
        for kept, data in ((GUARDS, guards), (_codes, codes), (_tables, tables)):
            kept.load(data)
    except Exception:  # a damaged store: forget it, compile as usual
        for pattern, flags in _stored:
            re._cache.pop((str, pattern, flags), None)  # type: ignore[attr-defined]
        _stored.clear()
        for kept in (GUARDS, _codes, _tables):
            kept.forget()


def entry(pattern: str, flags: int) -> tuple:
    """What ``re`` compiles ``pattern`` into, as ``_sre.compile``'s arguments (re._compiler.compile)."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = array(_CODE, _compiler._code(parsed, flags)).tobytes()  # one object to read back, not a list
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (pattern, flags, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def save() -> None:
    """Add what this run compiled and the store lacked (nothing to do, and no write, on most runs)."""
    path = location()
    if not _active or path is None or (sys.dont_write_bytecode and "MEDLINT_COMPILE_STORE" not in os.environ):
        return
    keys = [
        (key[1], key[2])
        for key in list(re._cache)  # type: ignore[attr-defined]
        if key[0] is str and not key[2] & re.DEBUG and (key[1], key[2]) not in _stored
    ]
    guards, codes, tables = GUARDS.new(), _codes.new(), _tables.new()
    if not keys and not guards and not codes and not tables:
        return
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        old = _read(path) or ([], {}, {}, {})
        entries = {(e[0], e[1]): e for e in old[0]}
        for pattern, flags in keys:
            entries.setdefault((pattern, flags), entry(pattern, flags))
        kept = list(entries.values())[-LIMIT:]
        kept_codes = dict(list({**old[2], **codes}.items())[-CODE_LIMIT:])
        kept_tables = dict(list({**old[3], **tables}.items())[-TABLE_LIMIT:])
        data = marshal.dumps((header(), kept, {**old[1], **guards}, kept_codes, kept_tables))
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except Exception:  # a read-only install, a full disk: the next run compiles as usual
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
