"""Plain-text importer for pages scraped to text (no Markdown syntax).

What scraped pages look like: one paragraph per line; headings as short bare lines; list items
introduced by a lone ``-`` line (or by `` -`` left at the end of the previous item's last line
when the scraper joined them); numbered items as ``1. Title`` followed by a body line; citation
clusters at line ends. An item is a title line plus its body line, or a single line.
"""

from __future__ import annotations

import re

from linter.parse.align import join_segments
from linter.parse.inline import scan
from linter.parse.model import Block, Document
from linter.source import Source

_NUMBERED = re.compile(r"^(\d{1,3}[.)])\s+(\S.*)$")
_BULLET = re.compile(r"^([•·▪◦*–-])\s+(\S.*)$")  # "• item" on one line (a lone "-" is a separator)
_TRAILING_DASH = re.compile(r"\s+-$")
_TRAILING_MARKERS = re.compile(r"(\s*\[[^\[\]]{0,40}\])+\s*$")
HEADING_MAX_WORDS = 12
TITLE_MAX_WORDS = 20


def _bare(line: str) -> str:
    """A line without its trailing citation markers or item separator."""
    return _TRAILING_MARKERS.sub("", _TRAILING_DASH.sub("", line.strip())).strip()


def _title_like(line: str, max_words: int) -> bool:
    bare = _bare(line)
    if not bare or bare != line.strip() or not re.search(r"[A-Za-z]", bare):
        return False
    return len(bare.split()) <= max_words and bare[-1] not in ".!:;,"


_LIST_HEADINGS = re.compile(
    r"(?i)^(?:references|sources|bibliography|citations|notes|works cited|reference list|further reading)\s*:$"
)


def _heading_like(line: str) -> bool:
    stripped = line.strip()
    if _LIST_HEADINGS.match(stripped):  # "References:" with its colon, as scrapers often leave it
        return True
    return (
        _title_like(stripped, HEADING_MAX_WORDS)
        and stripped[-1] != "?"
        and (stripped[0].isupper() or stripped[0].isdigit())
        and not _NUMBERED.match(stripped)
    )


class _Importer:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.lines = source.lines()
        self.blocks: list[Block] = []
        self.list_id = 0
        self.ordinal = 0
        self.sub_suffix: str | None = None

    def run(self) -> list[Block]:
        i, item_next, in_list = 0, False, False
        n = len(self.lines)
        while i < n:
            line = self.lines[i]
            stripped = line.strip()
            if not stripped:
                i, item_next, in_list = i + 1, False, False
                continue
            if stripped == "-":
                if not in_list:
                    self._new_list()
                i, item_next, in_list = i + 1, True, True
                continue
            bullet = _BULLET.match(stripped)
            if bullet and not item_next:
                if not in_list or (self.blocks and self.blocks[-1].list_marker != bullet.group(1)):
                    self._new_list()
                self.ordinal += 1
                block = self._block("list_item", [i], prefix=bullet)
                if block is not None:
                    block.list_id, block.ordinal, block.list_marker = self.list_id, self.ordinal, bullet.group(1)
                i, in_list = i + 1, True
                continue
            numbered = _NUMBERED.match(stripped)
            if item_next or numbered:
                if numbered and not (in_list and self.blocks and self.blocks[-1].list_marker):
                    self._new_list()
                elif not in_list:
                    self._new_list()
                i, item_next = self._item(i, numbered)
                in_list = True
                continue
            in_list = False
            if _heading_like(stripped) and i + 1 < n and self.lines[i + 1].strip():
                self._heading(i)
            else:
                self._block("paragraph", [i])
            i += 1
        return self.blocks

    def _new_list(self) -> None:
        self.list_id += 1
        self.ordinal = 0

    def _item(self, i: int, numbered: re.Match[str] | None) -> tuple[int, bool]:
        """Import the item starting at line i; return the next line and whether an item follows."""
        rows = [i]
        first = numbered.group(2) if numbered else self.lines[i].strip()
        nxt = self.lines[i + 1].strip() if i + 1 < len(self.lines) else ""
        is_title = _title_like(first, TITLE_MAX_WORDS) or (numbered is not None and first.endswith("?"))
        if is_title and nxt and nxt != "-" and not _NUMBERED.match(nxt):
            rows.append(i + 1)
        self.ordinal += 1
        block = self._block("list_item", rows, prefix=numbered)
        if block is not None:
            block.list_id, block.ordinal = self.list_id, self.ordinal
            block.list_marker = numbered.group(1) if numbered else "-"
            if numbered:
                block.ordinal = int(numbered.group(1)[:-1])
        last = self.lines[rows[-1]].rstrip()
        return rows[-1] + 1, bool(_TRAILING_DASH.search(last))

    def _heading(self, i: int) -> None:
        level = 2
        prev = self.blocks[-1] if self.blocks else None
        last_word = self.lines[i].strip().split()[-1].lower()
        if prev is not None and prev.kind == "heading" and prev.end >= self.source.line_starts[i] - 2:
            level = prev.level + 1
            self.sub_suffix = last_word
        elif self.sub_suffix and last_word == self.sub_suffix:
            level = 3
        else:
            self.sub_suffix = None
        block = self._block("heading", [i])
        if block is not None:
            block.level = level

    def _block(self, kind: str, rows: list[int], prefix: re.Match[str] | None = None) -> Block | None:
        segments: list[tuple[int, str]] = []
        for row in rows:
            line = self.lines[row]
            start = len(line) - len(line.lstrip())
            if prefix is not None and row == rows[0]:
                start = line.index(prefix.group(2))
            content = _TRAILING_DASH.sub("", line[start:].rstrip())
            if content:
                segments.append((self.source.line_starts[row] + start, content))
        if not segments:
            return None
        raw, offsets = join_segments(segments)
        scanned = scan(raw, offsets, markdown=False)
        block = Block(kind, offsets[0], offsets[-1] + 1, scanned.text, scanned.offsets, scanned.markers)
        self.blocks.append(block)
        return block


def parse_plaintext(source: Source) -> Document:
    return Document(source, "text", _Importer(source).run())
