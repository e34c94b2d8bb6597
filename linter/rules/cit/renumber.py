"""The CIT004 fix: renumber markers to first-citation order and reorder the reference list."""

from __future__ import annotations

import re

from linter.findings import Edit
from linter.graph import ArticleGraph, Reference
from linter.parse.model import Marker

_BODY = {
    "bracket": re.compile(r"^\[(?P<body>.*)\]$", re.S),
    "sup": re.compile(r"^<sup\b[^>]*>(?P<body>.*)</sup>$", re.S),
    "link": re.compile(r"^\[(?P<body>.*?)\]\((?P<dest>#[^)]*)\)$", re.S),
}


def format_body(numbers: list[int], original: str) -> str:
    """Numbers written compactly in the marker's own punctuation (dash and separator)."""
    dash = next((d for d in "\u2013\u2014-" if d in original), "-")
    sep = ", " if ", " in original or "; " in original else ","
    ordered = sorted(set(numbers))
    parts, i = [], 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        if j - i >= 2 or (j > i and dash in original):
            parts.append(f"{ordered[i]}{dash}{ordered[j]}")
        else:
            parts.extend(str(n) for n in ordered[i : j + 1])
        i = j + 1
    return sep.join(parts)


def marker_replacement(marker: Marker, mapping: dict[int, int]) -> str | None:
    pattern = _BODY.get(marker.style)
    m = pattern.match(marker.raw) if pattern else None
    if m is None:
        return None
    body = format_body([mapping[n] for n in marker.numbers], m.group("body"))
    out = marker.raw[: m.start("body")] + body + marker.raw[m.end("body") :]
    if marker.style == "link" and len(marker.numbers) == 1:
        old, new = str(marker.numbers[0]), str(mapping[marker.numbers[0]])
        dest = m.group("dest")
        out = out.replace(dest, re.sub(rf"(?<!\d){old}(?!\d)", new, dest))
    return out


def renumber_edits(graph: ArticleGraph, order: list[int]) -> list[Edit]:
    """Edits that renumber every marker and reorder the list, or [] when that is not safe."""
    if graph.document.format == "html":
        return []  # an HTML list's numbers are not written in its text: no edit could keep each entry whole
    refs = [r for r in graph.references if r.number is not None]
    if any(r.unnumbered for r in refs):
        return []  # numbers matched by order or link target are not written anywhere to renumber
    numbers = [r.number for r in refs]
    from linter.facts.citations import citing_markers

    markers = citing_markers(graph)  # leaked list numbers are CIT006's to remove, not to renumber
    cited = {n for m in markers if m.style != "footnote" and not m.problem for n in m.numbers}
    if len(set(numbers)) != len(numbers) or not cited <= set(numbers):
        return []  # duplicate entries or dangling numbers: renumbering could not keep every claim's source
    mapping = {old: new for new, old in enumerate(order, start=1)}
    for n in numbers:
        mapping.setdefault(n, len(mapping) + 1)
    edits: list[Edit] = []
    for marker in markers:
        if marker.style == "footnote" or marker.problem or not marker.numbers:
            continue
        replacement = marker_replacement(marker, mapping)
        if replacement is None:
            return []
        if replacement != marker.raw:
            edits.append(Edit(marker.start, marker.end, replacement))
    list_edit = _reorder_list(graph, refs, mapping)
    if list_edit is None:
        return []
    edits.append(list_edit)
    return edits


def _reorder_list(graph: ArticleGraph, refs: list[Reference], mapping: dict[int, int]) -> Edit | None:
    source = graph.source
    chunks: list[tuple[int, int, Reference]] = []
    for ref in sorted(refs, key=lambda r: r.block.start):
        line, _ = source.position(ref.block.start)
        end_line, _ = source.position(ref.block.end)
        start = source.line_starts[line - 1]
        end = (
            start + len(source.line_text(line))
            if end_line == line
            else source.offset(end_line, 1) + len(source.line_text(end_line))
        )
        chunks.append((start, end, ref))
    for (_, end, _), (start, _, _) in zip(chunks, chunks[1:], strict=False):
        gap = source.text[end:start]
        if gap.strip():
            return None  # something other than blank lines between entries: leave the list alone
    lazy = len({r.written for r in refs}) == 1 and len(refs) > 1
    texts = {}
    for start, end, ref in chunks:
        text = source.text[start:end]
        if not lazy and ref.written:
            new_written = ref.written.replace(str(ref.number), str(mapping[ref.number]), 1)
            at = text.find(ref.written)
            if at != -1:
                text = text[:at] + new_written + text[at + len(ref.written) :]
        texts[mapping[ref.number]] = text
    ordered = [texts[k] for k in sorted(texts)]
    pieces = []
    for i, text in enumerate(ordered):
        pieces.append(text)
        if i + 1 < len(chunks):
            pieces.append(source.text[chunks[i][1] : chunks[i + 1][0]])
    replacement = "".join(pieces)
    if replacement == source.text[chunks[0][0] : chunks[-1][1]]:
        return None
    return Edit(chunks[0][0], chunks[-1][1], replacement)
