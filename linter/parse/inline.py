"""Inline scanning: plain text, exact offsets and citation markers from a block's raw source.

The scanner walks the raw inline source once. Markup (emphasis, tags, link destinations, images)
is dropped from the plain text; code spans, URLs and HTML attributes are kept or dropped but never
searched for citations. Every character of the plain text keeps its original file offset.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field

from linter.parse.marker_syntax import is_candidate, parse_body
from linter.parse.model import OFFSET, Link, Marker
from linter.patterns import guarded

_MD_GRAMMAR = r"""
    (?P<escape>\\[!-/:-@\[-`{-~])
  | (?P<code>`+)
  | (?P<comment><!--.*?-->)
  | (?P<sup><sup\b[^>]*>(?:<a\b(?:\s+href="(?P<suphref>[^"]*)"|[^>])*>)?(?P<supbody>[^<]{0,40})(?:</a>)?</sup>)
  | (?P<autolink><(?:https?|ftp|mailto):[^>\s]*>)
  | (?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)
  | (?P<image>!\[[^\]\n]*\]\([^)\n]*\))
  | (?P<footnote>\[\^(?P<fnlabel>[^\]\s]+)\](?!:))
  | (?P<link>\[(?P<ltext>[^\[\]]*)\]\((?P<ldest>[^)\s]*)(?:\s+"[^"]*")?\))
  | (?P<bracket>\[(?P<btext>[^\[\]\n]{0,40})\](?![(:]))
  | (?P<paren>\((?P<pbody>\d{1,3}(?:[ \t]*[,;\u2013-][ \t]*\d{1,3}){0,10})\))
  | (?P<url>(?:https?://|www\.)[^\s<>\]\)]+)
  | (?P<emph>\*+|_(?<![A-Za-z0-9]_)_*|_+(?![A-Za-z0-9]))
"""
# Each token pattern carries a lookahead for its branches' first characters (linter.patterns.guarded):
# Python's engine then tests one class per position instead of every branch (ten times faster on prose).
_MD_TOKEN = guarded(_MD_GRAMMAR, re.X | re.S)
# Most blocks hold no URL: the same grammar without that branch scans them faster.
_MD_TOKEN_NO_URL = guarded("\n".join(line for line in _MD_GRAMMAR.splitlines() if "(?P<url>" not in line), re.X | re.S)
_TEXT_TOKEN = guarded(
    r"(?P<bracket>\[(?P<btext>[^\[\]\n]{0,40})\])|(?P<url>(?:https?://|www\.)[^\s<>\]\)]+)"
    r"|(?P<paren>\((?P<pbody>\d{1,3}(?:[ \t]*[,;\u2013-][ \t]*\d{1,3}){0,10})\))"
)
_CLUSTER_GAP = re.compile(r"^[ \t\u00a0,;]*$")
_SUP_BODY = re.compile(r"^\s*\d[\d\s,;\-\u2013\u2014]*$")
_SUP_TAGS = re.compile(r"</?sup>", re.I)
MAX_LINKED_NUMBER = 500  # a linked number above this is a year or a count, not a reference number


@dataclass
class Scanned:
    """A block's plain text after the inline scan, with offsets back into the source, markers and links."""

    text: str
    offsets: array[int]
    markers: list[Marker] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


class _Builder:
    """Accumulates plain text with an original offset per character."""

    def __init__(self, raw: str, raw_offsets: Sequence[int]) -> None:
        self.raw = raw
        self.raw_offsets = raw_offsets
        self.parts: list[str] = []
        self.offsets = array(OFFSET)
        self.markers: list[Marker] = []
        self.marker_spans: list[tuple[int, int]] = []  # each marker's [start, end) in ``raw``
        self.links: list[Link] = []

    def keep(self, start: int, end: int) -> None:
        if end > start:
            self.parts.append(self.raw[start:end])
            self.offsets.extend(self.raw_offsets[start:end])

    def marker(
        self,
        start: int,
        end: int,
        parsed: tuple[tuple[int, ...], str | None],
        style: str,
        target: str | None = None,
        label: str | None = None,
    ) -> None:
        """A marker over ``raw[start:end]``: ``parsed`` is its (numbers, problem)."""
        self.marker_spans.append((start, end))
        self.markers.append(
            Marker(
                start=self.raw_offsets[start],
                end=self.raw_offsets[end - 1] + 1,
                raw=self.raw[start:end],
                numbers=parsed[0],
                problem=parsed[1],
                style=style,
                label=label,
                plain_index=len(self.offsets),
                target=target,
            )
        )

    def result(self) -> Scanned:
        self.offsets.append(self.raw_offsets[-1] + 1 if self.raw_offsets else 0)
        return Scanned("".join(self.parts), self.offsets, self.markers, self.links)


def scan(
    raw: str, raw_offsets: Sequence[int], markdown: bool = True, link_defs: frozenset[str] = frozenset()
) -> Scanned:
    """Scan one block's raw inline source. ``raw_offsets[i]`` is the file offset of ``raw[i]``."""
    out = _Builder(raw, raw_offsets)
    if markdown:
        pattern = _MD_TOKEN if ("http" in raw or "www." in raw) else _MD_TOKEN_NO_URL
    else:
        pattern = _TEXT_TOKEN
    pos = 0
    while pos < len(raw):
        m = pattern.search(raw, pos)
        if not m:
            break
        out.keep(pos, m.start())
        pos = _token(out, m, link_defs)
    out.keep(pos, len(raw))
    _group_clusters(out.markers, out.marker_spans, raw)
    result = out.result()
    if markdown:  # a Markdown line break inside a paragraph is a soft break, not a boundary
        result.text = result.text.replace("\n", " ")
    return result


def _token(out: _Builder, m: re.Match[str], link_defs: frozenset[str]) -> int:
    kind = m.lastgroup if m.lastgroup in _HANDLERS else _outer_group(m)
    return _HANDLERS[kind](out, m, link_defs)


def _outer_group(m: re.Match[str]) -> str:
    for name in _HANDLERS:
        if m.group(name) is not None:
            return name
    raise AssertionError(m.group(0))


def _escape(out: _Builder, m: re.Match[str], _: frozenset[str]) -> int:
    out.keep(m.start() + 1, m.end())
    return m.end()


def _code(out: _Builder, m: re.Match[str], _: frozenset[str]) -> int:
    fence = m.group("code")
    close = re.compile(rf"(?<!`){fence}(?!`)").search(out.raw, m.end())
    if not close:
        out.keep(m.start(), m.end())
        return m.end()
    out.keep(m.end(), close.start())  # code text stays readable but is never scanned
    return close.end()


def _drop(out: _Builder, m: re.Match[str], _: frozenset[str]) -> int:
    return m.end()


def _keep_whole(out: _Builder, m: re.Match[str], _: frozenset[str]) -> int:
    out.keep(m.start(), m.end())
    return m.end()


def _sup(out: _Builder, m: re.Match[str], _: frozenset[str]) -> int:
    body = m.group("supbody")
    if _SUP_BODY.match(body):
        out.marker(m.start(), m.end(), parsed=parse_body(body), style="sup", target=m.group("suphref"))
    else:
        out.keep(m.start("supbody"), m.end("supbody"))
    return m.end()


def _footnote(out: _Builder, m: re.Match[str], _: frozenset[str]) -> int:
    label = m.group("fnlabel")
    numbers = (int(label),) if label.isdigit() and int(label) > 0 else ()
    out.marker(m.start(), m.end(), parsed=(numbers, None), style="footnote", label=label)
    return m.end()


def _link(out: _Builder, m: re.Match[str], _: frozenset[str]) -> int:
    text, dest = m.group("ltext"), m.group("ldest")
    body = _SUP_TAGS.sub("", text)  # [<sup>1</sup>](#ref-1)
    if body.strip() and is_candidate(body) and (dest.startswith("#") or _small_number(body)):
        out.marker(m.start(), m.end(), parsed=parse_body(body), style="link", target=dest)
    else:
        out.keep(m.start("ltext"), m.end("ltext"))
        if m.end("ltext") > m.start("ltext"):
            start, end = m.start("ltext"), m.end("ltext") - 1
            out.links.append(Link(dest, out.raw_offsets[start], out.raw_offsets[end] + 1))
    return m.end()


def _small_number(body: str) -> bool:
    """[1](https://…): a link whose text is a reference number, not a year or a count ([2019](…))."""
    numbers, problem = parse_body(body)
    return problem is None and bool(numbers) and max(numbers) <= MAX_LINKED_NUMBER


def _bracket(out: _Builder, m: re.Match[str], link_defs: frozenset[str]) -> int:
    body = m.group("btext")
    if _is_reference_link_label(out.raw, m.start()):
        return m.end()  # the [1] of [link text][1] names a link definition: not shown, not a citation
    if (link_defs and body.strip().lower() in link_defs) or not is_candidate(body) or _is_task_box(out, m):
        out.keep(m.start(), m.end())
        return m.end()
    out.marker(m.start(), m.end(), parsed=parse_body(body), style="bracket")
    return m.end()


def _paren(out: _Builder, m: re.Match[str], _: frozenset[str]) -> int:
    """``(14)``: a candidate marker, kept in the text. The graph accepts it only where the numbers
    match entries of a numbered reference list and it is not an enumeration ("(1) rest, (2) ice")."""
    numbers, problem = parse_body(m.group("pbody"))
    if problem is None and numbers:
        out.marker(m.start(), m.end(), parsed=(numbers, None), style="paren")
    out.keep(m.start(), m.end())
    return m.end()


def _is_reference_link_label(raw: str, start: int) -> bool:
    """True for the second bracket of a full reference link, ``[text][label]``."""
    if start == 0 or raw[start - 1] != "]":
        return False
    opening = raw.rfind("[", 0, start - 1)
    text = raw[opening + 1 : start - 1] if opening != -1 else ""
    return bool(text.strip()) and "]" not in text and not is_candidate(text)


def _is_task_box(out: _Builder, m: re.Match[str]) -> bool:
    """``[ ]`` at the very start of a list item is a task box, not an empty citation."""
    return not m.group("btext").strip() and not out.raw[: m.start()].strip()


_HANDLERS = {
    "escape": _escape,
    "code": _code,
    "comment": _drop,
    "sup": _sup,
    "autolink": _drop,
    "tag": _drop,
    "image": _drop,
    "footnote": _footnote,
    "link": _link,
    "bracket": _bracket,
    "paren": _paren,
    "url": _keep_whole,
    "emph": _drop,
}


def _group_clusters(markers: list[Marker], spans: list[tuple[int, int]], raw: str) -> None:
    """Markers separated only by spaces, commas or semicolons form one cluster (``spans``: where each
    marker stands in ``raw``)."""
    cluster = 0
    for (_, prev_end), (cur_start, _), cur in zip(spans, spans[1:], markers[1:], strict=False):
        gap = raw[prev_end:cur_start]
        if _CLUSTER_GAP.match(gap):
            cur.spaced = bool(gap)
        else:
            cluster += 1
        cur.cluster = cluster
