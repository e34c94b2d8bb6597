"""Markdown via mistune 3, with every block placed at its exact span in the original file."""

from __future__ import annotations

import re
from typing import Any

import mistune

from linter.parse import lists
from linter.parse.align import Aligner, join_segments
from linter.parse.front_matter import front_matter_span, read_front_matter
from linter.parse.inline import scan
from linter.parse.model import Block, Document, offset_run
from linter.source import Source

_LIST_PREFIX = re.compile(r"([-*+]|\d{1,9}[.)])(?=\s|$)")
MAX_NESTING = 32
_FOOTNOTE_DEFINITION = re.compile(r"^[ \t]{0,3}\[\^([^\]\s]+)\]:[ \t]*", re.M)
_STRUCTURED_HTML = re.compile(
    r"<(?:table|tr|td|th|ul|ol|li|p|div|details|summary|h[1-6]|dl|dd|dt|blockquote|section|article)\b", re.I
)


def _blank_front_matter(source: Source, lines: list[str]) -> list[str]:
    span = front_matter_span(source)
    if span is None:
        return lines
    _, body_line, _ = span
    return [""] * body_line + lines[body_line:]


_markdown: Any = None


def mistune_parser() -> Any:
    """A new mistune parser as medlint configures it (no renderer, tables and footnotes, the nesting
    bound), without the speed-ups ``_parser`` adds: what those are held equal to."""
    md = mistune.create_markdown(renderer=None, plugins=["table", "footnotes"])
    md.block.max_nested_level = MAX_NESTING
    return md


def _parser() -> Any:
    """One mistune parser per process (parsing keeps its state in the BlockState, not the parser).

    mistune's list parser builds "what ends this list item" (a pattern joined from the parser's block
    rules and the item's indent) for every list item, ~280 times in a seed-sized article, though it
    depends only on the parser and the indent: for this parser it is built once per indent."""
    global _markdown
    if _markdown is None:
        md = mistune_parser()
        _memo_list_breaks(md.block)
        if lists.applies():  # one-line items without a child parse, on the mistune versions it mirrors
            md.block.register("list", None, lists.parse_list)
        _markdown = md
    return _markdown


def _memo_list_breaks(block: Any) -> None:
    from mistune import list_parser

    build = getattr(list_parser, "_compile_list_break_sc", None)
    if build is None or getattr(build, "memo_for", None) is not None:  # another mistune, or done
        return
    built: dict[int, Any] = {}

    def memo(parser: Any, leading_width: int) -> Any:
        if parser is not block:
            return build(parser, leading_width)
        pattern = built.get(leading_width)
        if pattern is None:
            pattern = built[leading_width] = build(parser, leading_width)
        return pattern

    memo.memo_for = block  # type: ignore[attr-defined]
    list_parser._compile_list_break_sc = memo


def parse_markdown(source: Source) -> Document:
    lines = _blank_front_matter(source, source.lines())
    md = _parser()
    state = md.block.state_cls()
    state.process("\n".join(lines) + "\n")
    md.block.parse(state)
    walker = _Walker(source)
    walker.walk(state.tokens, depth=0, in_quote=False)
    walker.footnotes(state.env.get("ref_footnotes") or {})
    meta, problems = read_front_matter(source)
    return Document(source, "markdown", walker.blocks, meta=meta, meta_problems=problems)


class _Walker:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.align = Aligner(source)
        self.blocks: list[Block] = []
        self.list_count = 0

    def walk(self, tokens: list[dict[str, Any]], depth: int, in_quote: bool) -> None:
        for token in tokens:
            kind = token["type"]
            if kind == "heading":
                self.leaf("heading", token["text"], level=token["attrs"]["level"], substring=True)
            elif kind == "paragraph":
                self.leaf("paragraph", token["text"], depth=depth, in_quote=in_quote)
            elif kind == "block_html":
                self.html(token["raw"], depth, in_quote)
            elif kind == "block_code":
                self.align.skip_lines(token.get("raw", ""))
            elif kind == "block_quote":
                self.walk(token.get("children", []), depth, True)
            elif kind == "list":
                self.list(token, depth, in_quote)
            elif kind == "table":
                self.table(token)
            elif "children" in token:
                self.walk(token["children"], depth, in_quote)

    def leaf(self, kind: str, text: str, substring: bool = False, **attrs: Any) -> Block | None:
        segments = self.align.segments(text, substring=substring)
        if not segments:
            return None
        raw, offsets = join_segments(segments)
        scanned = scan(raw, offsets, markdown=True)
        block = Block(
            kind=kind,
            start=offsets[0],
            end=offsets[-1] + 1,
            text=scanned.text,
            offsets=scanned.offsets,
            markers=scanned.markers,
            links=scanned.links,
            **attrs,
        )
        self.blocks.append(block)
        return block

    def html(self, raw: str, depth: int, in_quote: bool) -> None:
        """HTML written inside Markdown: structured HTML (tables, lists, details) becomes the blocks the
        HTML importer makes, at their exact positions; other HTML (a comment, a <br>) stays one block."""
        if not _STRUCTURED_HTML.search(raw):
            self.leaf("html", raw, depth=depth, in_quote=in_quote, substring=True)
            return
        segments = self.align.segments(raw, substring=True)
        if not segments:
            return
        _, offsets = join_segments(segments)
        from linter.parse.html import html_fragment_blocks

        blocks = html_fragment_blocks(self.source, offsets[0], offsets[-1] + 1)
        for block in blocks:
            block.in_quote = block.in_quote or in_quote
            if block.list_id is not None:
                block.list_id += 1000 * (self.list_count + 1)  # keep list ids unique in the document
        self.blocks.extend(blocks)

    def list(self, token: dict[str, Any], depth: int, in_quote: bool) -> None:
        self.list_count += 1
        list_id = self.list_count
        first = token.get("attrs", {}).get("start", 1) if token.get("attrs", {}).get("ordered") else 1
        for ordinal, item in enumerate(token.get("children", []), start=first):
            texts = [c["text"] for c in item.get("children", []) if c["type"] in ("block_text", "paragraph")]
            block = None
            if texts:
                block = self.leaf("list_item", "\n".join(texts), depth=depth, in_quote=in_quote)
            if block is not None:
                block.list_id, block.ordinal = list_id, ordinal
                block.list_marker = self._list_marker(block.start)
            rest = [c for c in item.get("children", []) if c["type"] not in ("block_text", "paragraph")]
            self.walk(rest, depth + 1, in_quote)

    def _list_marker(self, offset: int) -> str | None:
        line, col = self.source.position(offset)
        prefix = self.source.line_text(line)[: col - 1]
        found = _LIST_PREFIX.findall(prefix)
        return found[-1] if found else None

    def table(self, token: dict[str, Any]) -> None:
        rows: list[list[dict[str, Any]]] = []
        for part in token.get("children", []):
            if part["type"] == "table_head":
                rows.append(part.get("children", []))
            else:
                rows.extend(row.get("children", []) for row in part.get("children", []))
        for cells in rows:
            self._table_row(cells)

    def _table_row(self, cells: list[dict[str, Any]]) -> None:
        texts = [c.get("text", "").strip() for c in cells]
        first = next((t for t in texts if t), None)
        hit = self.align.find(first, substring=True) if first else None
        if hit is None:
            return
        index = hit[0]
        line = self.align.lines[index]
        line_start = self.source.line_starts[index]
        col = 0
        for text in texts:
            bar = line.find("|", col) if col or line.lstrip().startswith("|") else col - 1
            col = bar + 1 if bar != -1 else col
            if not text:
                continue
            at = line.find(text, col)
            if at == -1:
                continue
            raw_offsets = offset_run(line_start + at, len(text))
            scanned = scan(text, raw_offsets, markdown=True)
            self.blocks.append(
                Block(
                    "table_cell",
                    raw_offsets[0],
                    raw_offsets[-1] + 1,
                    scanned.text,
                    scanned.offsets,
                    scanned.markers,
                    links=scanned.links,
                )
            )
            col = at + len(text)
        self.align.cursor = index + 1

    def footnotes(self, definitions: dict[str, str]) -> None:
        where: dict[str, re.Match[str]] = {}  # one scan for every definition: many footnotes stay linear
        for found in _FOOTNOTE_DEFINITION.finditer(self.source.text):
            where.setdefault(found.group(1).lower(), found)
        for label, body in definitions.items():
            m = where.get(label.lower())
            if not m:
                continue
            label = m.group(1)  # mistune folds labels to upper case; keep the author's spelling
            line, _ = self.source.position(m.start())
            self.align.cursor = line - 1
            block = self.leaf("footnote_def", body)
            if block is not None:
                block.footnote = label
