"""HTML importer for saved web pages: positioned blocks, each in the page region it sits in.

Built on the standard library's tolerant ``html.parser`` (truncated or broken pages still import).
Attribute values, scripts and styles never reach the text, so they can never hold a citation.

Regions. A saved page is mostly chrome: menus, headers, footers, rails, cookie banners. Every
block carries the region it sits in, decided by, in order:

1. configured selectors (``html-skip``, ``html-main``: ``tag``, ``.class``, ``#id``, ``[role=…]``);
2. HTML5 landmarks and ARIA roles (``nav``, ``aside``, ``form``, ``dialog``, ``role=navigation`` …;
   ``header`` and ``footer`` only outside the article, since bylines and dates live there);
3. class and id hints (menu, breadcrumb, cookie, consent, share, social, related, newsletter,
   sidebar, footer …);
4. the main-content container: the ``<article>`` / ``<main>`` / ``itemprop=articleBody`` element
   holding most of the page's text; blocks outside it are ``outside``.

Link density is judged later, by the graph, because a reference list (all links) is never chrome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from linter.parse.inline import scan
from linter.parse.model import Block, Document, Link, MetaItem, MetaProblem
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
    "section": "paragraph",
    "summary": "paragraph",
    "pre": "code",
    "caption": "paragraph",
    "address": "paragraph",
}
_SKIP = {"script", "style", "template", "noscript", "code", "svg", "head", "title", "select", "button", "iframe"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_SUP_BODY = re.compile(r"^\s*\[?\s*\d[\d\s,;\-\u2013\u2014]*\]?\s*$")

_TAG_REGION = {
    "nav": "nav",
    "header": "header",
    "footer": "footer",
    "aside": "aside",
    "form": "form",
    "dialog": "dialog",
}
_ROLE_REGION = {
    "navigation": "nav",
    "menu": "nav",
    "menubar": "nav",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "aside",
    "search": "form",
    "dialog": "dialog",
    "alertdialog": "dialog",
}
_HINT_REGION = {
    **dict.fromkeys(
        ("nav", "navbar", "navigation", "menu", "menubar", "megamenu", "breadcrumb", "breadcrumbs", "topnav"),
        "nav",
    ),
    **dict.fromkeys(("subnav", "skiplink", "skip", "pagination", "pager", "toolbar"), "nav"),
    **dict.fromkeys(("cookie", "cookies", "consent", "gdpr", "onetrust", "popup", "modal", "overlay"), "dialog"),
    **dict.fromkeys(("share", "sharing", "sharebar", "social", "addthis", "print"), "share"),
    **dict.fromkeys(
        ("related", "recommended", "recommendations", "trending", "popular", "outbrain", "taboola"), "related"
    ),
    **dict.fromkeys(("newsletter", "subscribe", "subscription", "signup", "login", "search"), "form"),
    **dict.fromkeys(("footer", "colophon"), "footer"),
    **dict.fromkeys(("header", "masthead", "topbar"), "header"),
    **dict.fromkeys(("sidebar", "aside", "rail", "widget", "widgets"), "aside"),
    **dict.fromkeys(("ad", "ads", "advert", "advertisement", "sponsor", "sponsored", "dfp", "promo"), "ad"),
    **dict.fromkeys(("comment", "comments", "disqus"), "comments"),
}
_LANDMARKS_AROUND_TEASERS = {"nav", "aside", "footer", "form", "dialog"}  # an <article> in these is a teaser
_CONTAINER_REGIONS_INSIDE = {"header", "footer"}  # inside the article these are content (bylines, dates)
_BODY_CLASS = re.compile(r"\b(?:article|entry|post|story)[-_]?(?:body|content|text)\b|\barticlebody\b")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
# Main-content containers, strongest signal first, with the share of the page's text each must hold.
CONTAINER_KINDS = (("configured", 0.0), ("body", 0.15), ("article", 0.25), ("main", 0.25))
NESTED_SHARE = 0.85
PROSE_WORDS = 12  # a block of fewer words is not running prose (captions, dates, bylines)
LAYOUT_SHARE = 0.5  # a class hint on an element holding more of the content than this is layout, not chrome  # prefer an inner container that keeps this share of its parent's text


@dataclass
class _Element:
    """An open element while an HTML page is read: its region and container."""

    tag: str
    depth: int
    ident: int
    region: str | None = None  # chrome region this element opens
    hinted: bool = False  # the region comes from a class/id hint (can be overruled by the text it holds)
    container: str | None = None  # main | article | body | configured
    parent: _Element | None = None
    skipped: bool = False  # an html-skip selector matched


@dataclass
class _Pending:
    """A block and the elements around it, resolved into a region when the page is read."""

    block: Block
    chrome: list[_Element]
    containers: list[_Element]
    skipped: bool
    ancestors: tuple[_Element, ...] = ()


@dataclass
class Selector:
    """A simple selector: ``tag``, ``.class``, ``#id`` or ``[attr=value]``."""

    tag: str | None = None
    cls: str | None = None
    ident: str | None = None
    attr: tuple[str, str] | None = None

    @classmethod
    def parse(cls, text: str) -> Selector:
        text = text.strip()
        if text.startswith("."):
            return cls(cls=text[1:].lower())
        if text.startswith("#"):
            return cls(ident=text[1:].lower())
        m = re.fullmatch(r"\[\s*([\w:-]+)\s*=\s*['\"]?([^'\"\]]*)['\"]?\s*\]", text)
        if m:
            return cls(attr=(m.group(1).lower(), m.group(2).lower()))
        return cls(tag=text.lower())

    def matches(self, tag: str, attrs: dict[str, str]) -> bool:
        if self.tag is not None:
            return tag == self.tag
        if self.cls is not None:
            return self.cls in attrs.get("class", "").lower().split()
        if self.ident is not None:
            return attrs.get("id", "").lower() == self.ident
        if self.attr is not None:
            return attrs.get(self.attr[0], "").lower() == self.attr[1]
        return False


@dataclass
class HtmlSettings:
    """Selectors from the configuration: what to skip and where the article is."""

    skip: list[Selector] = field(default_factory=list)
    main: list[Selector] = field(default_factory=list)

    @classmethod
    def from_lists(cls, skip: list[str] | None = None, main: list[str] | None = None) -> HtmlSettings:
        return cls([Selector.parse(s) for s in skip or []], [Selector.parse(s) for s in main or []])


def _tokens(value: str) -> list[str]:
    return [t for t in _TOKEN_SPLIT.split(_CAMEL.sub("-", value).lower()) if t]


class _Importer(HTMLParser):
    def __init__(self, source: Source, text: str | None = None, base: int = 0, settings: HtmlSettings | None = None):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.text = source.text if text is None else text
        self.base = base
        self.local_starts = source.line_starts if text is None else _line_starts(self.text)
        self.settings = settings or HtmlSettings()
        self.pending: list[_Pending] = []
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.kind: str | None = None
        self.level = 0
        self.skip = 0
        self.sup: tuple[int, int, int] | None = None  # (tag start, chars index, offsets index)
        self.sup_href: str | None = None
        self.lists: list[list[int]] = []  # per open list: [list id, next ordinal]
        self.list_count = 0
        self.item: tuple[int, int, bool] | None = None
        self.quote = 0
        self.meta: list[MetaItem] = []
        self.problems: list[MetaProblem] = []
        self.stack: list[_Element] = []
        self.element_count = 0
        self.context: tuple[list[_Element], list[_Element], bool, tuple[_Element, ...]] = ([], [], False, ())
        self.links = 0  # open <a> elements
        self.link_chars = 0
        self.fragment_only = True
        self.any_link = False
        self.hrefs: list[str | None] = []
        self.link_starts: list[int] = []  # len(self.offsets) where each open <a> began
        self.block_links: list[Link] = []
        self.anchor: str | None = None
        self.jsonld: tuple[int, list[str]] | None = None
        self.context_pending = False
        self.sup_targets: dict[int, str | None] = {}  # <sup> start -> href of the link inside it
        self.entity_ends: dict[int, int] = {}  # offset of an entity -> where its source text ends

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.base + self.local_starts[line - 1] + col

    # -- elements and regions -------------------------------------------------------------------
    def _push(self, tag: str, attrs: dict[str, str]) -> None:
        self.element_count += 1
        element = _Element(tag, len(self.stack), self.element_count, parent=self.stack[-1] if self.stack else None)
        role = attrs.get("role", "").lower()
        if any(s.matches(tag, attrs) for s in self.settings.skip):
            element.skipped = True
        if any(s.matches(tag, attrs) for s in self.settings.main):
            element.container = "configured"
        elif tag == "main" or role == "main":
            element.container = "main"
        elif tag == "article" or role == "article":
            element.container = "article"
        elif "articlebody" in attrs.get("itemprop", "").lower() or _BODY_CLASS.search(
            f"{attrs.get('class', '')} {attrs.get('id', '')}".lower()
        ):
            element.container = "body"
        if element.container is None:
            region = _TAG_REGION.get(tag) or _ROLE_REGION.get(role)
            if region is not None:
                element.region = region
            elif tag not in ("html", "body"):
                for token in _tokens(f"{attrs.get('class', '')} {attrs.get('id', '')}"):
                    if token in _HINT_REGION:
                        element.region, element.hinted = _HINT_REGION[token], True
                        break
        if attrs.get("aria-hidden", "").lower() == "true" and element.region is None and element.container is None:
            element.region, element.hinted = "aside", True
        self.stack.append(element)

    def _pop(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def _capture_context(self) -> None:
        chrome = [e for e in self.stack if e.region is not None]
        containers = [e for e in self.stack if e.container is not None]
        self.context = (chrome, containers, any(e.skipped for e in self.stack), tuple(self.stack))

    # -- parser events --------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(values)
            return
        if tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self.jsonld = (self._offset() + len(self.get_starttag_text() or ""), [])
        if tag in _SKIP:
            self.skip += 1
            return
        if tag == "time" and values.get("datetime"):
            self._time(values["datetime"])
        if tag not in _VOID:
            self._push(tag, values)
        if tag in ("ol", "ul"):
            self.list_count += 1
            start = values.get("start")
            self.lists.append([self.list_count, int(start) if start and start.isdigit() else 1, tag == "ol"])
        if tag == "blockquote":
            self.quote += 1
        if tag == "br":
            self._text("\n", self._offset())
        if tag == "a":
            self.links += 1
            href = values.get("href")
            self.hrefs.append(href)
            self.link_starts.append(len(self.offsets))
            if self.sup is not None:
                self.sup_href = href
        if tag == "sup" and not self.skip:
            self.sup = (self._offset(), len(self.chars), len(self.offsets))
            self.sup_href = None
        if tag in _BLOCKS:
            self._flush()
            self.kind = _BLOCKS[tag]
            self.level = int(tag[1]) if self.kind == "heading" else 0
            self.anchor = values.get("id") or None
            self.context_pending = True  # captured when the block's first text arrives (deep nesting stays linear)
            if tag == "li" and self.lists:
                self.item = (self.lists[-1][0], self.lists[-1][1], bool(self.lists[-1][2]))
                self.lists[-1][1] += 1

    def _meta(self, attrs: dict[str, str]) -> None:
        """Author and dates from <meta> tags, kept as document metadata."""
        name = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").lower()
        content = attrs.get("content")
        key = {
            "author": "author",
            "article:author": "author",
            "dc.creator": "author",
            "citation_author": "author",
            "dcterms.modified": "updated",
            "article:modified_time": "updated",
            "last-modified": "updated",
            "datemodified": "updated",
            "article:published_time": "published",
            "datepublished": "published",
            "dc.date": "published",
            "lastreviewed": "reviewed",
            "og:title": "title",
        }.get(name)
        if key and content:
            self._add_meta(key, content, "meta")

    def _time(self, value: str) -> None:
        self._add_meta("time", value, "time")

    def _add_meta(self, key: str, value: str, origin: str, near: int | None = None) -> None:
        at = self.source.text.find(value, self._offset() if near is None else near)
        if at == -1:
            at = self._offset() if near is None else near
            self.meta.append(MetaItem(key, value, at, at, origin))
        else:
            self.meta.append(MetaItem(key, value, at, at + len(value), origin))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(values)
            return
        if tag == "br":
            self._text("\n", self._offset())

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.jsonld is not None:
            start, parts = self.jsonld
            self.jsonld = None
            self._jsonld(start, "".join(parts))
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag == "sup" and self.sup is not None:
            self._close_sup()
        if tag == "a" and self.links:
            self.links -= 1
            href = self.hrefs.pop() if self.hrefs else None
            began = self.link_starts.pop() if self.link_starts else len(self.offsets)
            if href and began < len(self.offsets) and self.kind is not None:
                self.block_links.append(Link(href, self.offsets[began], self.offsets[-1] + 1))
        if tag in _BLOCKS:
            self._flush()
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        if tag == "blockquote":
            self.quote = max(0, self.quote - 1)
        self._pop(tag)

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
        self.sup_targets[tag_start] = self.sup_href

    def handle_data(self, data: str) -> None:
        if self.jsonld is not None:
            self.jsonld[1].append(data)
            return
        if self.skip:
            return
        self._text(data, self._offset())

    def handle_entityref(self, name: str) -> None:
        self._text(unescape(f"&{name};"), self._offset(), single=True, width=len(name) + 2)

    def handle_charref(self, name: str) -> None:
        self._text(unescape(f"&#{name};"), self._offset(), single=True, width=len(name) + 3)

    def _text(self, data: str, start: int, single: bool = False, width: int = 1) -> None:
        if self.skip:
            return
        if self.kind is None:
            if not data.strip():
                return
            self.kind, self.level = "paragraph", 0
            self.context_pending = True
        if self.context_pending and data.strip():
            self.context_pending = False
            self._capture_context()
        self.chars.append(data)  # pieces, not characters: only joined, or cut at a recorded piece count
        if single:
            # an entity stands for its whole source text: &#91; is one character spanning six
            self.offsets.extend([start] * len(data))
            self.entity_ends[start] = start + width
        else:
            self.offsets.extend(range(start, start + len(data)))
        if self.links:
            self.any_link = True
            self.link_chars += len(data.strip())
            href = self.hrefs[-1] if self.hrefs else None
            if not (href or "").startswith("#"):
                self.fragment_only = False

    def _flush(self) -> None:
        kind, chars, offsets = self.kind, self.chars, self.offsets
        link_chars, fragment_only, any_link = self.link_chars, self.fragment_only, self.any_link
        links, anchor = self.block_links, self.anchor
        self.block_links, self.anchor = [], None
        self.link_starts = [0] * len(self.link_starts)  # a link still open continues in the next block
        self.chars, self.offsets, self.kind = [], [], None
        self.link_chars, self.fragment_only, self.any_link = 0, True, False
        chrome, containers, skipped, ancestors = self.context
        raw = "" if kind is None or kind == "code" else "".join(chars)
        stripped = raw.strip()
        if not stripped:
            self.item = None if kind == "list_item" else self.item
            return
        lead = len(raw) - len(raw.lstrip())
        raw, offsets = stripped, offsets[lead : lead + len(stripped)]
        scanned = scan(raw, offsets, markdown=False)
        scanned.text = scanned.text.replace("\n", " ")  # source line breaks are only white space in HTML
        for marker in scanned.markers:
            if self.source.text.startswith("<sup", marker.start):
                marker.style = "sup"
                marker.target = self.sup_targets.get(marker.start)
            end = self.entity_ends.get(marker.end - 1)
            if end is not None:  # a marker closed by an entity (&#93;) ends where the entity ends
                marker.end = end
            marker.raw = self.source.text[marker.start : marker.end]  # as written: <sup>8</sup>, &#91;2&#93;
        end = self.entity_ends.get(offsets[-1], offsets[-1] + 1)
        block = Block(kind, offsets[0], end, scanned.text, scanned.offsets, scanned.markers)
        block.level = self.level
        block.in_quote = self.quote > 0
        text_length = max(1, len(scanned.text.strip()))
        block.link_density = min(1.0, link_chars / text_length)
        block.in_page_links = any_link and fragment_only
        block.links = links
        block.anchor = anchor
        if kind == "list_item" and self.item is not None:
            block.list_id, block.ordinal, ordered = self.item
            block.list_marker = f"{self.item[1]}." if ordered else "-"
            block.depth = max(0, len(self.lists) - 1)
            self.item = None
        self.pending.append(_Pending(block, chrome, containers, skipped, ancestors))

    def _jsonld(self, start: int, raw: str) -> None:
        from linter.parse.jsonld import read_jsonld

        items, problem = read_jsonld(raw, start, self.source.text)
        self.meta.extend(items)
        if problem:
            self.problems.append(MetaProblem("json-ld", problem, start, start + len(raw)))

    def close(self) -> None:
        super().close()
        self._flush()

    def blocks(self) -> list[Block]:
        return resolve_regions(self.pending)


def resolve_regions(pending: list[_Pending]) -> list[Block]:
    """Give every block its region, once the whole page (and so each container's size) is known."""
    total = sum(len(p.block.text) for p in pending) or 1
    chrome_text: dict[int, int] = {}
    for p in pending:
        for e in p.chrome:
            chrome_text[e.ident] = chrome_text.get(e.ident, 0) + len(p.block.text)
    layout = {ident for ident, size in chrome_text.items() if size > LAYOUT_SHARE * total}
    chosen = _main_container(pending, total, layout) or _densest_element(pending, layout)
    scope = total
    article = _enclosing_article(pending, chosen)
    if chosen is not None:
        scope = sum(len(p.block.text) for p in pending if any(c.ident == chosen.ident for c in p.ancestors)) or 1
    for p in pending:
        block = p.block
        inside = chosen is not None and any(c.ident == chosen.ident for c in p.ancestors)
        region = None
        for e in reversed(p.chrome):  # the innermost region names the block: a <nav> in a <header> is nav
            if chosen is not None and e.depth < chosen.depth and inside:
                continue  # a wrapper around the article ("has-sidebar") is not chrome for its content
            if e.region in _CONTAINER_REGIONS_INSIDE and (
                any(c.depth < e.depth for c in p.containers)
                or (chosen is not None and inside and chosen.depth < e.depth)
            ):
                continue  # a header or footer inside an article or <main>: bylines, dates, references
            if e.ident in layout or (e.hinted and chrome_text.get(e.ident, 0) > LAYOUT_SHARE * scope):
                continue  # an element holding most of the content is layout ("with-sidebar", a page-wide <form>)
            region = e.region
            break
        if p.skipped:
            region = "skipped"
        elif region is None and chosen is not None and not inside and not _article_header(p, article):
            region = "outside"
        block.region = region or "main"
    return [p.block for p in pending]


def _enclosing_article(pending: list[_Pending], chosen: _Element | None) -> _Element | None:
    """The <article> (or <main>) around a chosen article body: its header holds the title and byline."""
    if chosen is None or chosen.container not in ("body", "configured"):
        return None
    for p in pending:
        if any(c.ident == chosen.ident for c in p.ancestors):
            outer = [c for c in p.containers if c.depth < chosen.depth and c.container in ("article", "main")]
            return outer[-1] if outer else None
    return None


def _article_header(p: _Pending, article: _Element | None) -> bool:
    """A title, byline or date line in the header of the article whose body was chosen."""
    if article is None or not any(c.ident == article.ident for c in p.ancestors):
        return False
    in_header = any(e.tag == "header" or e.region == "header" for e in p.ancestors if e.depth > article.depth)
    return in_header or (p.block.kind == "heading" and p.block.level == 1)


def _main_container(pending: list[_Pending], total: int, layout: set[int]) -> _Element | None:
    text: dict[int, int] = {}
    elements: dict[int, _Element] = {}
    for p in pending:
        for c in p.containers:
            own_chrome = any(
                e.depth > c.depth
                and not e.hinted
                and e.ident not in layout
                and e.region not in _CONTAINER_REGIONS_INSIDE
                for e in p.chrome
            )
            if own_chrome:
                continue
            elements[c.ident] = c
            text[c.ident] = text.get(c.ident, 0) + len(p.block.text)
    inside_landmark: set[int] = set()
    for p in pending:
        for c in p.containers:
            if any(
                e.depth < c.depth and not e.hinted and e.ident not in layout and e.region in _LANDMARKS_AROUND_TEASERS
                for e in p.chrome
            ):
                inside_landmark.add(c.ident)
    eligible = [c for c in elements.values() if c.ident not in inside_landmark or c.container == "configured"]
    # siblings of one kind under one parent (a class per paragraph: <p class="article-text">) are one body
    groups: dict[tuple[int, str], list[_Element]] = {}
    for c in eligible:
        if c.parent is not None and c.container != "configured":
            groups.setdefault((c.parent.ident, c.container or ""), []).append(c)
    for (_, kind), members in groups.items():
        parent = members[0].parent
        if len(members) >= 2 and parent is not None and parent.ident not in text:
            text[parent.ident] = sum(text[m.ident] for m in members)
            eligible.append(_Element(parent.tag, parent.depth, parent.ident, container=kind, parent=parent.parent))
    for kind, share in CONTAINER_KINDS:
        of_kind = [c for c in eligible if c.container == kind]
        if not of_kind:
            continue
        best = max(of_kind, key=lambda c: (text[c.ident], -c.depth))
        if text[best.ident] < share * total:
            continue
        # an inner container that keeps most of the text is tighter (main > article > articleBody)
        inner = [c for c in eligible if _within(c, best) and text[c.ident] >= NESTED_SHARE * text[best.ident]]
        return max(inner, key=lambda c: (c.depth, text[c.ident])) if inner else best
    return None


def _within(element: _Element, ancestor: _Element) -> bool:
    parent = element.parent
    while parent is not None:
        if parent.ident == ancestor.ident:
            return True
        parent = parent.parent
    return False


def _prose_score(block: Block) -> int:
    """How much running prose a block holds: the signal readability-style extractors follow."""
    words = len(block.text.split())
    if block.kind == "heading" or words < PROSE_WORDS or block.link_density > 0.3:
        return 0
    return len(block.text)


def _densest_element(pending: list[_Pending], layout: set[int]) -> _Element | None:
    """With no article landmark: the element whose paragraphs hold the most prose (each block counts
    for its parent fully and its grandparent by half, as readability scores them)."""
    score: dict[int, float] = {}
    elements: dict[int, _Element] = {}
    total = 0
    for p in pending:
        if any(not e.hinted and e.ident not in layout for e in p.chrome):
            continue
        value = _prose_score(p.block)
        if not value or not p.ancestors:
            continue
        total += value
        chain = list(p.ancestors)
        if chain and _BLOCKS.get(chain[-1].tag) == p.block.kind:
            chain.pop()  # the block's own element (<p>): start from its parent
        for weight, element in zip((1.0, 0.5), reversed(chain[-2:] if len(chain) >= 2 else chain), strict=False):
            elements[element.ident] = element
            score[element.ident] = score.get(element.ident, 0.0) + weight * value
    if not score:
        return None
    best = elements[max(score, key=lambda k: (score[k], -elements[k].depth))]
    return best if best.tag not in ("html", "body") else None


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _importer(source: Source, text: str | None, base: int, settings: HtmlSettings | None) -> _Importer:
    importer = _Importer(source, text, base, settings)
    importer.feed(source.text if text is None else text)
    importer.close()
    return importer


def parse_html(source: Source, settings: HtmlSettings | None = None) -> Document:
    importer = _importer(source, None, 0, settings)
    return Document(source, "html", importer.blocks(), meta=importer.meta, meta_problems=importer.problems)


def html_fragment_blocks(source: Source, start: int, end: int) -> list[Block]:
    """Blocks of an HTML fragment inside another document (a table written as HTML in Markdown)."""
    importer = _importer(source, source.text[start:end], start, None)
    blocks = importer.blocks()
    for block in blocks:
        block.region = "main"  # inside an article's own source, everything is the article
    return blocks


__all__ = ["HtmlSettings", "Selector", "html_fragment_blocks", "parse_html"]
