"""ArticleGraph: the one model every rule reads.

Nodes: the article, its sections, blocks (paragraphs, list items, cells), sentences (claims),
citation markers and reference entries. Edges: ``contains`` (article > section > block > sentence
> marker), ``next`` (document order of blocks) and ``cites`` (marker -> reference entry).
Rules use the query methods below and never see markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from linter.identifiers import Identifier, identifiers, with_links
from linter.parse.model import Block, Document, Marker
from linter.source import Source
from linter.text import split_sentences

if TYPE_CHECKING:
    import networkx as nx

T = TypeVar("T")

DEFAULT_REFERENCE_HEADINGS = (
    "references",
    "reference",
    "sources",
    "source",
    "bibliography",
    "citations",
    "notes",
    "works cited",
    "literature cited",
    "footnotes",
    "reference list",
)
ENUMERATION_GAP = 120  # (n) and (n+1) this close together are an enumeration, not citations
LINK_DENSE = 0.5  # a short block (or list item) with this share of link text is navigation
LINK_DENSE_PROSE = 0.75  # a longer block needs this much
_ENTRY_NUMBER = re.compile(r"^\s*(?:\[(\d{1,4})\]|(\d{1,4})[.)])\s*")


@dataclass
class Section:
    """A heading (or the untitled opening) and its blocks up to the next heading; ``parent`` is the enclosing section."""

    index: int
    title: str
    level: int
    heading: Block | None
    blocks: list[Block] = field(default_factory=list)
    parent: int | None = None
    is_references: bool = False

    @property
    def start(self) -> int:
        if self.heading is not None:
            return self.heading.start
        return self.blocks[0].start if self.blocks else 0

    @property
    def end(self) -> int:
        last = self.blocks[-1] if self.blocks else self.heading
        return last.end if last is not None else 0


@dataclass
class Sentence:
    """A sentence of a block (a plain-text span) and the citation markers it carries."""

    block: Block
    start: int  # plain-text span in the block
    end: int
    markers: list[Marker] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]

    @property
    def span(self) -> tuple[int, int]:
        return self.block.original(self.start, self.end)


@dataclass
class Reference:
    """One entry of the reference list: its number as written, text and identifiers."""

    number: int | None  # None for footnote definitions with a non-numeric label
    label: str  # the number as written, or the footnote label
    block: Block
    text: str  # entry text without its number
    text_start: int  # where ``text`` starts in block.text
    written: str  # the literal numbering as written ("3.", "[3]", "^3"); "" for an unnumbered entry
    ids: list[Identifier] = field(default_factory=list)
    unnumbered: bool = False  # a bulleted entry: its number comes from its link target or its position

    @property
    def start(self) -> int:
        return self.block.start


class ArticleGraph:
    def __init__(self, document: Document, reference_headings: tuple[str, ...] = DEFAULT_REFERENCE_HEADINGS) -> None:
        self.document = document
        self.source: Source = document.source
        self.path = document.source.path
        self.reference_headings = tuple(h.lower() for h in reference_headings)
        self.sections: list[Section] = []
        self.references: list[Reference] = []
        self.lock: Any = None  # the reference lock (linter.refs.lock.Lock) when one exists; set by the engine
        self.body_blocks: list[Block] = []
        self.chrome_blocks: list[Block] = []  # page chrome: read by the trust-signal rules only
        self.sentences: list[Sentence] = []
        self._section_by_block: dict[int, Section] = {}
        self._sentences_by_block: dict[int, list[Sentence]] = {}
        self._references_by_key: dict[str, list[Reference]] = {}
        self._facts: dict[tuple, Any] = {}
        self._unnumbered: list[Block] = []
        self._build()

    # -- facts ----------------------------------------------------------------------------------
    def fact(self, compute: Callable[..., T], *args: Hashable) -> T:
        """The memoised result of ``compute(self, *args)``: facts several rules or the report share are
        computed once per graph. ``compute`` must be a pure function of the graph and its arguments."""
        key = (compute, args)
        try:
            return self._facts[key]
        except KeyError:
            value = self._facts[key] = compute(self, *args)
            return value

    # -- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        self._sections()
        for section in self.sections:
            for block in section.blocks:
                self._section_by_block[id(block)] = section
                if section.is_references:
                    self._reference(block)
        body = [b for s in self.sections if not s.is_references for b in s.blocks]
        self._number_unnumbered([m for b in body for m in b.markers if m.style != "paren"])
        numbered = {r.number for r in self.references if r.number is not None}
        for block in body:
            self.body_blocks.append(block)
            block.markers = accepted_markers(block, numbered)
            self._sentences(block)
        self._footnote_references()
        self._lazy_numbering()

    def _number_unnumbered(self, markers: list[Marker]) -> None:
        """A bulleted reference list: each entry's number from the link that cites it (``[3](#ref-3)``),
        else from its position, when no entry has a link target and the list covers every number cited."""
        if not self._unnumbered or any(r.number is not None and not r.unnumbered for r in self.references):
            return
        if any(b.kind == "list_item" for b in self._unnumbered):
            # a bulleted list's entries are its items: a paragraph after it (a disclaimer) is not an entry
            self._unnumbered = [b for b in self._unnumbered if b.kind == "list_item"]
        by_anchor = {b.anchor: b for b in self._unnumbered if b.anchor}
        numbers: dict[int, int] = {}  # id(block) -> number
        for marker in markers:
            target = (marker.target or "").lstrip("#")
            if target in by_anchor and len(marker.numbers) == 1:
                numbers.setdefault(id(by_anchor[target]), marker.numbers[0])
        cited = [n for m in markers for n in m.numbers]
        if not numbers and not by_anchor and cited and len(self._unnumbered) >= max(cited):
            numbers = {id(b): k for k, b in enumerate(self._unnumbered, start=1)}
        for position, block in enumerate(self._unnumbered, start=1):
            number = numbers.get(id(block))
            text = block.text
            start = _lead(text)
            label = str(number) if number is not None else f"#{position}"
            self._add_reference(Reference(number, label, block, text[start:], start, "", unnumbered=True))

    def _lazy_numbering(self) -> None:
        """A Markdown list numbered ``1.`` on every line renders 1, 2, 3: use the rendered numbers."""
        by_list: dict[int, list[Reference]] = {}
        for ref in self.references:
            if ref.block.list_id is not None and ref.written == ref.block.list_marker:
                by_list.setdefault(ref.block.list_id, []).append(ref)
        for refs in by_list.values():
            if len(refs) > 1 and len({r.written for r in refs}) == 1 and self.document.format == "markdown":
                self._references_by_key = {}
                for ref in refs:
                    ref.number, ref.label = ref.block.ordinal, str(ref.block.ordinal)
                for ref in self.references:
                    self._references_by_key.setdefault(self.reference_key(ref), []).append(ref)

    def _sections(self) -> None:
        """Sections from the main content's headings. A reference heading opens a reference list in
        any region (sites keep references in footers and rails); other chrome headings only close one.
        Chrome blocks stay out of sections, except entries under a reference heading."""
        current = Section(0, "", 0, None)
        self.sections.append(current)
        stack: list[Section] = []
        for block in self.document.blocks:
            if block.kind == "footnote_def":
                continue
            if block.kind == "heading":
                is_references = self._is_reference_heading(block.text.strip())
                if not block.is_main and not is_references:
                    self.chrome_blocks.append(block)
                    if current.is_references:
                        current = self._close_references(current, stack)
                    continue
                while stack and stack[-1].level >= block.level:
                    stack.pop()
                current = Section(
                    len(self.sections),
                    block.text.strip(),
                    block.level,
                    block,
                    parent=stack[-1].index if stack else None,
                )
                current.is_references = is_references
                self.sections.append(current)
                stack.append(current)
                continue
            if current.is_references and not block.is_main and current.heading is not None and current.heading.is_main:
                current = self._close_references(current, stack)  # the article's list ended; chrome follows
            if not current.is_references and self._is_chrome(block):
                self.chrome_blocks.append(block)
                continue
            current.blocks.append(block)
        if not self.sections[0].blocks and len(self.sections) > 1:
            self.sections.pop(0)
            for s in self.sections:
                s.index -= 1
                s.parent = None if s.parent is None else s.parent - 1

    def _close_references(self, references: Section, stack: list[Section]) -> Section:
        """After a reference list, chrome starts: main blocks that follow belong to an untitled section."""
        while stack and stack[-1].is_references:
            stack.pop()
        section = Section(len(self.sections), "", references.level, None, parent=stack[-1].index if stack else None)
        self.sections.append(section)
        return section

    def _is_chrome(self, block: Block) -> bool:
        """Outside the main content, or (HTML) a block that is mostly link text: navigation."""
        if not block.is_main:
            return True
        if self.document.format != "html" or block.in_page_links or block.link_density < LINK_DENSE:
            return False
        if block.link_density < LINK_DENSE_PROSE and len(block.text.split()) >= 20:
            return False
        block.region = "nav"
        return True

    def _is_reference_heading(self, title: str) -> bool:
        """'References', or a heading that starts with one ('References and further reading')."""
        key = " ".join(re.sub(r"[^a-z ]", " ", title.lower()).split())
        if key in self.reference_headings:
            return True
        first = key.split(" ", 1)[0] if key else ""
        return first in self.reference_headings and first != "notes" and len(key.split()) <= 5

    def _sentences(self, block: Block) -> None:
        spans = split_sentences(block.text) or [(0, len(block.text))]
        sentences = [Sentence(block, a, b) for a, b in spans]
        index = 0
        for marker in block.markers:
            while index + 1 < len(sentences) and sentences[index + 1].start < marker.plain_index:
                index += 1
            sentences[index].markers.append(marker)
        self._sentences_by_block[id(block)] = sentences
        self.sentences.extend(sentences)

    def _reference(self, block: Block) -> None:
        if block.kind == "heading":
            return
        text, number, written, start = block.text, None, "", 0
        lead = block.markers[0] if block.markers and not block.text[: block.markers[0].plain_index].strip() else None
        if lead is not None and lead.numbers and len(lead.numbers) == 1:
            number, written = lead.numbers[0], lead.raw
            block.markers = block.markers[1:]
        elif block.list_marker and block.list_marker[0].isdigit():
            number, written = int(block.list_marker[:-1]), block.list_marker
        else:
            m = _ENTRY_NUMBER.match(text)
            if m is None:
                if block.kind in ("list_item", "paragraph") and len(text.split()) >= 3:
                    self._unnumbered.append(block)
                return
            number, written, start = int(m.group(1) or m.group(2)), m.group(0).strip(), m.end()
        start = max(start, _lead(text))
        self._add_reference(Reference(number, str(number), block, text[start:], start, written))

    def _footnote_references(self) -> None:
        for block in self.document.blocks:
            if block.kind == "footnote_def" and block.footnote is not None:
                label = block.footnote
                number = int(label) if label.isdigit() else None
                self._add_reference(Reference(number, label, block, block.text, 0, f"[^{label}]"))

    def _add_reference(self, ref: Reference) -> None:
        ref.ids = identifiers(ref.text)
        if ref.block.links:
            ref.ids = with_links(ref.ids, self._plain_links(ref))
        self.references.append(ref)
        self._references_by_key.setdefault(self.reference_key(ref), []).append(ref)

    @staticmethod
    def _plain_links(ref: Reference) -> list[tuple[str, int, int]]:
        """The entry's links as (href, start, end) in the entry text (``ref.text``)."""
        import bisect

        offsets = ref.block.offsets
        out = []
        for link in ref.block.links:
            start = bisect.bisect_left(offsets, link.start) - ref.text_start
            end = bisect.bisect_left(offsets, link.end) - ref.text_start
            if end > 0:
                out.append((link.href, max(0, start), end))
        return out

    @cached_property
    def g(self) -> nx.DiGraph:
        """The networkx view of the article, built on first use.

        networkx costs ~0.2 s to import, more than the whole pre-commit budget, so rules read the
        typed indices this class keeps; the graph is materialised for export, the report and any
        rule that needs graph algorithms.
        """
        import networkx as nx

        g = nx.DiGraph()
        g.add_node("article", kind="article", path=self.path)
        previous: str | None = None
        for section in self.sections:
            sid = f"section:{section.index}"
            g.add_node(sid, kind="section", obj=section, title=section.title, level=section.level)
            g.add_edge(f"section:{section.parent}" if section.parent is not None else "article", sid, kind="contains")
            for block in section.blocks:
                bid = self.block_id(block)
                g.add_node(bid, kind=block.kind, obj=block, region=block.region)
                g.add_edge(sid, bid, kind="contains")
                if previous:
                    g.add_edge(previous, bid, kind="next")
                previous = bid
                for n, sentence in enumerate(self._sentences_by_block.get(id(block), [])):
                    tid = f"{bid}/s{n}"
                    g.add_node(tid, kind="sentence", obj=sentence)
                    g.add_edge(bid, tid, kind="contains")
                    for marker in sentence.markers:
                        mid = f"marker:{marker.start}"
                        g.add_node(mid, kind="marker", obj=marker, numbers=marker.numbers)
                        g.add_edge(tid, mid, kind="contains")
                        for ref in self.cited_references(marker):
                            g.add_edge(mid, f"reference:{self.references.index(ref)}", kind="cites")
        for i, ref in enumerate(self.references):
            g.add_node(f"reference:{i}", kind="reference", obj=ref, number=ref.number, label=ref.label)
            g.add_edge("article", f"reference:{i}", kind="contains")
        for block in self.chrome_blocks:  # page chrome: shown with its region, read only by trust-signal rules
            bid = self.block_id(block)
            g.add_node(bid, kind=block.kind, obj=block, region=block.region)
            g.add_edge("article", bid, kind="contains")
        return g

    # -- queries ------------------------------------------------------------------------------
    @staticmethod
    def block_id(block: Block) -> str:
        return f"block:{block.start}"

    @staticmethod
    def reference_key(ref: Reference) -> str:
        if ref.number is not None:
            return f"n:{ref.number}"
        return f"u:{ref.label}" if ref.unnumbered else f"f:{ref.label.casefold()}"

    @staticmethod
    def marker_keys(marker: Marker) -> list[str]:
        if marker.style == "footnote" and not marker.numbers:
            return [f"f:{(marker.label or '').casefold()}"]
        return [f"n:{n}" for n in marker.numbers]

    @cached_property
    def markers(self) -> list[Marker]:
        """Citation markers in the body (not in the reference list), in document order."""
        return [m for s in self.sentences for m in s.markers]

    @property
    def has_reference_list(self) -> bool:
        return bool(self.references)

    @cached_property
    def reference_numbers(self) -> set[int]:
        return {r.number for r in self.references if r.number is not None}

    def section_of(self, block: Block) -> Section:
        return self._section_by_block[id(block)]

    def sentences_of(self, block: Block) -> list[Sentence]:
        return self._sentences_by_block.get(id(block), [])

    def cited_references(self, marker: Marker) -> list[Reference]:
        """Reference entries a marker points at (empty for a dangling number)."""
        return [r for key in self.marker_keys(marker) for r in self._references_by_key.get(key, [])]

    def references_for(self, key: str) -> list[Reference]:
        return self._references_by_key.get(key, [])

    def to_node_link(self) -> dict:
        """JSON-ready node-link data (objects reduced to their readable attributes)."""
        import networkx as nx

        data = nx.node_link_data(self.g, edges="edges")
        for node in data["nodes"]:
            obj = node.pop("obj", None)
            if obj is None:
                continue
            start = getattr(obj, "start", None)
            if isinstance(obj, Sentence):
                start = obj.span[0]
                node["text"] = obj.text
            elif isinstance(obj, Block):
                node["text"] = obj.text
                node["region"] = obj.region
            elif isinstance(obj, Marker):
                node["raw"] = obj.raw
                node["numbers"] = list(obj.numbers)
            elif isinstance(obj, Reference):
                node["text"] = obj.text
                node["region"] = obj.block.region
            if isinstance(start, int):
                node["line"], node["column"] = self.source.position(start)
        return data


def accepted_markers(block: Block, numbered: set[int]) -> list[Marker]:
    """A block's markers, with ``(n)`` candidates kept only where they cite numbered entries.

    Parenthesised numbers are citations on some sites ("… in adults (14)."), but far more often
    enumerations ("(1) rest, (2) ice") or counts. They count when every number has an entry, the
    block's parenthesised numbers are not a run from (1), and none opens the block or follows a colon."""
    parens = [m for m in block.markers if m.style == "paren"]
    if not parens:
        return block.markers
    items = [m for m in parens if _opens_item(block.text, m)]
    enumerated: set[int] = set()
    for a, b in zip(items, items[1:], strict=False):  # (1) keeping moving, (2) pain relief: a list in a sentence
        if b.numbers[0] == a.numbers[-1] + 1 and b.plain_index - a.plain_index <= ENUMERATION_GAP:
            enumerated.update((id(a), id(b)))
    keep = []
    for marker in block.markers:
        if marker.style == "paren":
            before = block.text[: marker.plain_index].rstrip()
            if id(marker) in enumerated or not numbered or not before or before.endswith((":", "(")):
                continue
            if not set(marker.numbers) <= numbered:
                continue
        keep.append(marker)
    return keep


def _opens_item(text: str, marker: Marker) -> bool:
    """``(2) pain relief``: the number is followed by the item's words, as in an enumeration; a
    citation stands before punctuation or at the end ("… six weeks (1).")."""
    after = text[marker.plain_index + len(marker.raw) : marker.plain_index + len(marker.raw) + 2]
    return len(after) == 2 and after[0] == " " and after[1].isalpha()


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def build_graph(document: Document, reference_headings: tuple[str, ...] = DEFAULT_REFERENCE_HEADINGS) -> ArticleGraph:
    return ArticleGraph(document, reference_headings)
