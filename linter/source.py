"""Source text of one article and the mapping between offsets and line/column.

Offsets are indices into ``Source.text`` (a ``str``), so columns count characters, not bytes.
Lines and columns are 1-based, as editors and SARIF expect.
"""

from __future__ import annotations

import bisect
import os
import re
import stat
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate
from pathlib import Path

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be linted; the message is one line naming the file."""


@dataclass
class Source:
    """A file's text as read (BOM removed) and its line index."""

    path: str
    text: str
    had_bom: bool = False

    def __getstate__(self) -> dict:
        """What a worker sends back: the text, not the line index or lines derived from it."""
        state = dict(self.__dict__)
        state.pop("line_starts", None)
        state.pop("_lines", None)
        return state

    @cached_property
    def line_starts(self) -> list[int]:
        """The offset after each "\\n": [0, len(line 1) + 1, …], summed in C. Computed on first use: a
        file whose stored result is reused never needs it (stored findings carry their lines)."""
        lines = self.text.split("\n")
        return list(accumulate(map((1).__add__, map(len, lines[:-1])), initial=0))

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def offset(self, line: int, column: int) -> int:
        """Offset of a 1-based (line, column)."""
        line = max(1, min(line, len(self.line_starts)))
        return min(self.line_starts[line - 1] + column - 1, len(self.text))

    def line_text(self, line: int) -> str:
        """Text of a 1-based line without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    def lines(self) -> list[str]:
        """Every line without its line ending (as ``line_text`` gives each), split once per source."""
        return list(self._lines)

    @cached_property
    def _lines(self) -> tuple[str, ...]:
        return tuple(line.rstrip("\r") for line in self.text.split("\n"))


def decode(data: bytes, path: str) -> tuple[str, bool]:
    """Decode UTF-8 (optionally with a BOM); anything else is an InputError."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: file is UTF-16 (byte order mark found); save it as UTF-8")
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file (NUL byte found); medlint reads UTF-8 text")
    try:
        return data.decode("utf-8"), bom
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if bom else 0)
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at byte offset {offset}); save the file as UTF-8"
        ) from None


def read_source(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read a file into a Source, turning every OS or encoding problem into an InputError."""
    name = display_path(path)
    p = Path(path)
    try:
        info = p.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{name}: is a directory")
        if not stat.S_ISREG(info.st_mode):
            kind = (
                "named pipe (FIFO)"
                if stat.S_ISFIFO(info.st_mode)
                else "socket"
                if stat.S_ISSOCK(info.st_mode)
                else "device"
            )
            raise InputError(f"{name}: is a {kind}, not a regular file; medlint reads only regular files")
        if info.st_size > max_bytes:
            raise InputError(_too_big(name, info.st_size, max_bytes))
        with p.open("rb") as handle:  # bounded: a file that grows while it is read stops at the limit
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(_too_big(name, len(data), max_bytes))
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    except RuntimeError as exc:  # pathlib reports symlink loops this way
        raise InputError(f"{name}: cannot read ({exc})") from None
    text, bom = decode(data, name)
    return Source(str(path), text, had_bom=bom)


def _too_big(name: str, size: int, max_bytes: int) -> str:
    return (
        f"{name}: file is {size / 1048576:.1f} MB, over the {max_bytes / 1048576:.0f} MB "
        "limit (set max-file-size-mb to raise it)"
    )


_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def safe_text(text: str) -> str:
    """Text for a terminal: control characters, line and paragraph separators and bidi overrides
    from an article are shown as escapes (\\x1b, \\r, \\u202e), so an article cannot rewrite the screen."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(
        lambda m: f"\\x{ord(m.group(0)):02x}" if ord(m.group(0)) < 0x100 else f"\\u{ord(m.group(0)):04x}", text
    )


def display_path(path: str | Path) -> str:
    """A file name as text: bytes that are not valid UTF-8 are shown as backslash escapes."""
    return _display_path(path) if isinstance(path, str) else _display(path)


@lru_cache(maxsize=4096)
def _display_path(path: str) -> str:  # asked once per finding: a run prints thousands for few files
    return _display(path)


def _display(path: str | Path) -> str:
    name = os.fsencode(path).decode("utf-8", "backslashreplace") if not isinstance(path, str) else path
    if isinstance(path, str) and any("\udc80" <= c <= "\udcff" for c in path):
        name = os.fsencode(path).decode("utf-8", "backslashreplace")
    return safe_text(name)
