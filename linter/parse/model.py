"""The positioned document every parser produces and the graph builder consumes."""

from __future__ import annotations

from dataclasses import dataclass, field

from linter.source import Source


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


@dataclass
class Block:
    """A leaf block: heading, paragraph, list item, table cell, quote paragraph, HTML text."""

    kind: str  # heading | paragraph | list_item | table_cell | html | footnote_def
    start: int
    end: int
    text: str  # plain text, markup and citation markers removed
    offsets: list[int]  # offsets[i] = original offset of text[i]; one extra entry for the end
    markers: list[Marker] = field(default_factory=list)
    level: int = 0  # heading level
    depth: int = 0  # list nesting depth / quote depth
    list_id: int | None = None
    ordinal: int | None = None  # position of the item in its list, from 1
    list_marker: str | None = None  # the literal bullet or number, e.g. "3." or "-"
    label: str | None = None  # the item's title: bold lead-in, "Title – text" or its own line
    footnote: str | None = None  # label of a footnote definition
    in_quote: bool = False

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the plain-text slice [start, end)."""
        if not self.offsets:
            return self.start, self.end
        start = max(0, min(start, len(self.offsets) - 1))
        end = max(start, min(end, len(self.offsets) - 1))
        if end > start:
            return self.offsets[start], self.offsets[end - 1] + 1
        return self.offsets[start], self.offsets[start]


@dataclass
class Document:
    source: Source
    format: str  # markdown | text | html
    blocks: list[Block]
    metadata: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # front matter: key -> (value, span)
