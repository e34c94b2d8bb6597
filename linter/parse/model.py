"""The positioned document every parser produces and the graph builder consumes."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field

from linter.source import Source

OFFSET = "q"  # a block's character offsets are an array of these (64-bit): no int object per character

RUN_LIMIT = 1 << 20  # offsets below this are copied from one shared run (8 MB at most)
_RUN = array(OFFSET)  # 0, 1, 2, ...: replaced by a longer one when needed, never changed in place


def offset_run(start: int, length: int) -> array[int]:
    """The offsets ``start, start + 1, ... start + length - 1`` as an array: a slice of one shared
    run of integers (a copy of machine words) instead of an int object made and converted per
    character. The run at least doubles when it grows (up to RUN_LIMIT offsets), so a process builds
    it a few times at most; offsets past the limit are made from a range as before. A run is never
    changed once built (a longer one replaces it), so threads linting at once cannot see a half-grown
    one."""
    global _RUN
    end = start + length
    run = _RUN
    if end > len(run):
        if end > RUN_LIMIT:
            return array(OFFSET, range(start, end))
        run = _RUN = array(OFFSET, range(min(RUN_LIMIT, max(end, 2 * len(run)))))
    return run[start:end]


@dataclass
class Marker:
    """One citation marker, e.g. ``[3]``, ``[1-3]`` or ``<sup>2</sup>``, at its original span."""

    start: int
    end: int
    raw: str
    numbers: tuple[int, ...]
    style: str  # bracket | sup | footnote | link
    problem: str | None = None  # why the marker is malformed, if it is
    label: str | None = None  # footnote label, e.g. "note" in [^note]
    cluster: int = 0  # markers in one cluster share this id (unique per document)
    spaced: bool = False  # separated from the previous marker of its cluster by white space
    plain_index: int = 0  # where the marker stood in the block's plain text
    target: str | None = None  # the link target of a linked marker ([1](#ref-1), <sup><a href=…>1</a></sup>)


@dataclass(frozen=True)
class Link:
    """A link in a block: its target and the original span of its text."""

    href: str
    start: int
    end: int


@dataclass
class Block:
    """A leaf block: heading, paragraph, list item, table cell, quote paragraph, HTML text."""

    kind: str  # heading | paragraph | list_item | table_cell | html | footnote_def
    start: int
    end: int
    text: str  # plain text, markup and citation markers removed
    offsets: array[int]  # offsets[i] = original offset of text[i]; one extra entry for the end
    markers: list[Marker] = field(default_factory=list)
    level: int = 0  # heading level
    depth: int = 0  # list nesting depth / quote depth
    list_id: int | None = None
    ordinal: int | None = None  # position of the item in its list, from 1
    list_marker: str | None = None  # the literal bullet or number, e.g. "3." or "-"
    label: str | None = None  # the item's title: bold lead-in, "Title – text" or its own line
    footnote: str | None = None  # label of a footnote definition
    in_quote: bool = False
    region: str = "main"  # main | nav | header | footer | aside | form | dialog | share | related | ad | comments | outside | skipped
    link_density: float = 0.0  # share of the block's text that is link text (HTML)
    in_page_links: bool = False  # every link of the block points inside the page (#…): a table of contents
    links: list[Link] = field(default_factory=list)
    anchor: str | None = None  # the id of the element the block is (HTML), for #… link targets

    @property
    def is_main(self) -> bool:
        return self.region == "main"

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the plain-text slice [start, end)."""
        if not self.offsets:
            return self.start, self.end
        start = max(0, min(start, len(self.offsets) - 1))
        end = max(start, min(end, len(self.offsets) - 1))
        if end > start:
            return self.offsets[start], self.offsets[end - 1] + 1
        return self.offsets[start], self.offsets[start]


@dataclass(frozen=True)
class MetaItem:
    """One fact from the page's metadata: front matter, <meta>, JSON-LD or <time datetime>.

    ``key`` is normalised: author | reviewer | reviewed (review date) | updated | published |
    audience | title. ``start``/``end`` locate the value in the file (the key when the value
    cannot be found verbatim)."""

    key: str
    value: str
    start: int
    end: int
    origin: str  # front-matter | json-ld | meta | time


@dataclass(frozen=True)
class MetaProblem:
    """Front matter or JSON-LD that could not be read (treated as absent)."""

    origin: str
    message: str
    start: int
    end: int


@dataclass
class Document:
    """A parsed article: its blocks in reading order and its page metadata."""

    source: Source
    format: str  # markdown | text | html
    blocks: list[Block]
    meta: list[MetaItem] = field(default_factory=list)
    meta_problems: list[MetaProblem] = field(default_factory=list)

    @property
    def metadata(self) -> dict[str, tuple[str, int, int]]:
        """The first metadata value per key, with its span."""
        found: dict[str, tuple[str, int, int]] = {}
        for item in self.meta:
            found.setdefault(item.key, (item.value, item.start, item.end))
        return found

    def meta_values(self, key: str) -> list[MetaItem]:
        return [m for m in self.meta if m.key == key]
