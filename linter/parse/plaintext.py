"""Plain-text importer for pages scraped to text (no Markdown syntax).

What scraped pages look like: one paragraph per line; headings as short bare lines; list items
introduced by a lone ``-`` line (or by `` -`` left at the end of the previous item's last line
when the scraper joined them); numbered items as ``1. Title`` followed by a body line; citation
clusters at line ends. An item is a title line plus its body line, or a single line.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from linter.dates import find_dates
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
MENU_MAX_WORDS = 2  # above the title, next to widget lines, a heading this short is a menu entry
CHROME_MAX_WORDS = 8  # a line this short before the title or after the disclaimer is page chrome
_EDGE_PUNCTUATION = " \t.:;,!|»›>•·-–—"


@functools.cache
def _chrome_table() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """Whole lines and line prefixes of page chrome (linter/data/chrome.toml), with their region."""
    from linter.compile_store import toml_loads

    data = toml_loads((Path(__file__).resolve().parent.parent / "data" / "chrome.toml").read_text("utf-8"))
    lines = {line: group["region"] for group in data.values() for line in group.get("lines", [])}
    prefixes = tuple((p, group["region"]) for group in data.values() for p in group.get("prefixes", []))
    return lines, prefixes


def chrome_region(line: str) -> str | None:
    """The region of a widget line ("Skip to content", "Share", "© 2026 …"), or None for content."""
    key = line.strip().strip(_EDGE_PUNCTUATION).lower()
    if not key or len(key) > 60:
        return None
    lines, prefixes = _chrome_table()
    if key in lines:
        return lines[key]
    return next((region for prefix, region in prefixes if key.startswith(prefix)), None)


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
        and not find_dates(stripped)  # "Last reviewed October 1, 2025": a date line, not a heading
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
            region = chrome_region(stripped)
            if region is not None:
                block = self._block("paragraph", [i])
                if block is not None:
                    block.region = region
            elif _heading_like(stripped) and i + 1 < n and self.lines[i + 1].strip():
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


def _mark_edges(blocks: list[Block]) -> None:
    """Scraped pages keep menus before the title and footers after the disclaimer: short lines there
    (not headings, not under a reference heading) are chrome."""
    from linter.phrases import any_match

    title = next((i for i, b in enumerate(blocks) if b.kind == "heading" and len(b.text.split()) >= 3), None)
    if title is not None and any(not b.is_main for b in blocks[:title]):
        for block in blocks[:title]:  # menu entries among widget lines: "Conditions", "Medicines"
            if block.kind == "heading" and len(block.text.split()) <= MENU_MAX_WORDS:
                block.region = "nav"
    first_heading = next((i for i, b in enumerate(blocks) if b.kind == "heading" and b.is_main), None)
    for block in blocks[: first_heading or 0]:
        if block.is_main and _short_line(block):
            block.region = "header"
    last_disclaimer = max((i for i, b in enumerate(blocks) if any_match("disclaimer", b.text)), default=None)
    if last_disclaimer is None:
        return
    for block in blocks[last_disclaimer + 1 :]:
        if block.kind == "heading" and _LIST_HEADINGS.match(block.text.strip() + ":") or _is_reference_title(block):
            return  # a reference list after the disclaimer is still the article's
        if block.is_main and block.kind != "heading" and _short_line(block):
            block.region = "footer"


def _is_reference_title(block: Block) -> bool:
    return block.kind == "heading" and bool(_LIST_HEADINGS.match(block.text.strip().rstrip(":") + ":"))


def _short_line(block: Block) -> bool:
    text = block.text.strip()
    return len(text.split()) <= CHROME_MAX_WORDS and text[-1:] not in ".!?" and not block.markers


def parse_plaintext(source: Source) -> Document:
    blocks = _Importer(source).run()
    _mark_edges(blocks)
    return Document(source, "text", blocks)
