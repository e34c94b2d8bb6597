"""Locate parser output in the original file.

mistune tokens carry no positions, and text inside list items and block quotes reaches us with
indentation and ``>`` markers removed. Tokens come in document order, so each text line of a
token is found by a forward search from a line cursor: the content is a suffix (or, for ATX
headings and table cells, a substring) of an original line.
"""

from __future__ import annotations

from array import array

from linter.parse.model import OFFSET, offset_run
from linter.source import Source

SEARCH_WINDOW = 2000  # lines; bounds the cost of a line that cannot be found


class Aligner:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.lines = source.lines()
        self.cursor = 0  # 0-based index of the first line not yet consumed

    def find(self, needle: str, substring: bool = False) -> tuple[int, int] | None:
        """(line index, column index) of ``needle`` at or after the cursor, or None."""
        needle = needle.strip()
        if not needle:
            return None
        stop = min(len(self.lines), self.cursor + SEARCH_WINDOW)
        for index in range(self.cursor, stop):
            line = self.lines[index].rstrip()
            if line.endswith(needle):
                return index, len(line) - len(needle)
            if substring:
                col = line.find(needle)
                if col != -1:
                    return index, col
        return None

    def segments(self, text: str, substring: bool = False) -> list[tuple[int, str]]:
        """Original (offset, text) of every line of ``text``; advances the cursor past them."""
        found: list[tuple[int, str]] = []
        for piece in text.splitlines():
            piece = piece.strip()
            hit = self.find(piece, substring)
            if hit is None:
                continue
            index, col = hit
            found.append((self.source.line_starts[index] + col, piece))
            self.cursor = index + 1
        return found

    def skip_lines(self, text: str) -> None:
        """Advance past verbatim content (code blocks) without building segments."""
        lines = text.splitlines()
        if not lines:
            return
        first = next((ln for ln in lines if ln.strip()), None)
        hit = self.find(first) if first else None
        if hit is not None:
            self.cursor = min(len(self.lines), hit[0] + len(lines))


def join_segments(segments: list[tuple[int, str]]) -> tuple[str, array[int]]:
    """Raw text of segments joined by newlines, with the original offset of every character (an
    array of machine integers: no object per character)."""
    parts: list[str] = []
    offsets = array(OFFSET)
    for i, (start, piece) in enumerate(segments):
        if i:
            parts.append("\n")
            offsets.append(offsets[-1] + 1)
        parts.append(piece)
        offsets.extend(offset_run(start, len(piece)))
    return "".join(parts), offsets
