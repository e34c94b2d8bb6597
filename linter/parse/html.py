"""HTML importer for saved web pages: headings, paragraphs, list items, table cells, ``<sup>`` markers.

Built on the standard library's tolerant ``html.parser`` (truncated or broken pages still import).
Attribute values, scripts and styles never reach the text, so they can never hold a citation.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from linter.parse.inline import scan
from linter.parse.model import Block, Document
from linter.source import Source

_BLOCKS = {
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "p": "paragraph",
    "li": "list_item",
    "td": "table_cell",
    "th": "table_cell",
    "dd": "paragraph",
    "dt": "paragraph",
    "figcaption": "paragraph",
    "blockquote": "paragraph",
    "div": "paragraph",
    "pre": "code",
    "caption": "paragraph",
    "address": "paragraph",
}
_SKIP = {"script", "style", "template", "noscript", "code", "svg", "head", "title"}
_SUP_BODY = re.compile(r"^\s*\[?\s*\d[\d\s,;\-\u2013\u2014]*\]?\s*$")


class _Importer(HTMLParser):
    def __init__(self, source: Source) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.blocks: list[Block] = []
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.kind: str | None = None
        self.level = 0
        self.skip = 0
        self.sup: tuple[int, int, int] | None = None  # (tag start, chars index, offsets index)
        self.lists: list[list[int]] = []  # per open list: [list id, next ordinal]
        self.list_count = 0
        self.item: tuple[int, int] | None = None
        self.quote = 0
        self.metadata: dict[str, tuple[str, int, int]] = {}

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.source.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
            return
        if tag in _SKIP:
            self.skip += 1
            return
        if tag in ("ol", "ul"):
            self.list_count += 1
            start = dict(attrs).get("start")
            self.lists.append([self.list_count, int(start) if start and start.isdigit() else 1])
        if tag == "blockquote":
            self.quote += 1
        if tag == "br":
            self._text("\n", self._offset())
        if tag == "sup" and not self.skip:
            self.sup = (self._offset(), len(self.chars), len(self.offsets))
        if tag in _BLOCKS:
            self._flush()
            self.kind = _BLOCKS[tag]
            self.level = int(tag[1]) if self.kind == "heading" else 0
            if tag == "li" and self.lists:
                self.item = (self.lists[-1][0], self.lists[-1][1])
                self.lists[-1][1] += 1

    def _meta(self, attrs: dict[str, str | None]) -> None:
        """Author and modification date from <meta> tags, kept as document metadata."""
        name = (attrs.get("name") or attrs.get("property") or "").lower()
        content = attrs.get("content")
        key = {
            "author": "author",
            "article:author": "author",
            "dcterms.modified": "updated",
            "article:modified_time": "updated",
            "last-modified": "updated",
        }.get(name)
        if key and content:
            at = self.source.text.find(content, self._offset())
            self.metadata.setdefault(key, (content, at, at + len(content)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
            return
        if tag == "br":
            self._text("\n", self._offset())

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag == "sup" and self.sup is not None:
            self._close_sup()
        if tag in _BLOCKS:
            self._flush()
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        if tag == "blockquote":
            self.quote = max(0, self.quote - 1)

    def _close_sup(self) -> None:
        assert self.sup is not None
        tag_start, char_index, offset_index = self.sup
        self.sup = None
        body = "".join(self.chars[char_index:]).strip()
        if not _SUP_BODY.match(body):
            return
        body = body.strip("[] ")
        end = self._offset() + len("</sup>") - 1
        digits = self.offsets[offset_index:]
        first = digits[0] if digits else tag_start
        del self.chars[char_index:]
        del self.offsets[offset_index:]
        self.chars.extend("[" + body + "]")
        self.offsets.extend([tag_start] + [first + k for k in range(len(body))] + [end])

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self._text(data, self._offset())

    def handle_entityref(self, name: str) -> None:
        self._text(unescape(f"&{name};"), self._offset(), single=True)

    def handle_charref(self, name: str) -> None:
        self._text(unescape(f"&#{name};"), self._offset(), single=True)

    def _text(self, data: str, start: int, single: bool = False) -> None:
        if self.skip:
            return
        if self.kind is None:
            if not data.strip():
                return
            self.kind, self.level = "paragraph", 0
        self.chars.extend(data)
        self.offsets.extend([start] * len(data) if single else range(start, start + len(data)))

    def _flush(self) -> None:
        kind, chars, offsets = self.kind, self.chars, self.offsets
        self.chars, self.offsets, self.kind = [], [], None
        if kind is None or kind == "code" or not "".join(chars).strip():
            self.item = None if kind == "list_item" else self.item
            return
        raw = "".join(chars)
        lead = len(raw) - len(raw.lstrip())
        raw, offsets = raw.strip(), offsets[lead : lead + len(raw.strip())]
        scanned = scan(raw, offsets, markdown=False)
        scanned.text = scanned.text.replace("\n", " ")  # source line breaks are only white space in HTML
        for marker in scanned.markers:
            if self.source.text.startswith("<sup", marker.start):
                marker.style = "sup"
        block = Block(kind, offsets[0], offsets[-1] + 1, scanned.text, scanned.offsets, scanned.markers)
        block.level = self.level
        block.in_quote = self.quote > 0
        if kind == "list_item" and self.item is not None:
            block.list_id, block.ordinal = self.item
            block.list_marker = f"{self.item[1]}."
            block.depth = max(0, len(self.lists) - 1)
            self.item = None
        self.blocks.append(block)

    def close(self) -> None:
        super().close()
        self._flush()


def parse_html(source: Source) -> Document:
    importer = _Importer(source)
    importer.feed(source.text)
    importer.close()
    return Document(source, "html", importer.blocks, metadata=importer.metadata)
