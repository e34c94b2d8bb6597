"""The editors' report: one self-contained HTML page (inline CSS, inline SVG, a little inline script).

Every piece of article text goes through ``html.escape``; nothing is loaded from the network.
"""

from __future__ import annotations

import difflib
import html
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from linter import __version__
from linter.facts.citations import citing_markers, sequential_runs
from linter.facts.trust import attribution, currency_date, has_disclaimer
from linter.findings import Finding, Severity
from linter.rules import CATALOG, FAMILIES, load_rules

if TYPE_CHECKING:
    from linter.graph import ArticleGraph
    from linter.results import FileResult

_SEV = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _asset(name: str) -> str:
    return (Path(__file__).parent / name).read_text("utf-8")


@dataclass
class ArticleView:
    index: int
    result: FileResult
    graph: ArticleGraph
    reading: bool = False  # the run selected the READ family: show reading levels in the outline

    @property
    def anchor(self) -> str:
        return f"article-{self.index}"

    @cached_property
    def review_date(self) -> str | None:
        """Latest review date, shown in the index and on the score card: found once."""
        return _review_date(self.graph)

    @property
    def score(self) -> int:
        weights = {Severity.ERROR: 10, Severity.WARNING: 3, Severity.INFO: 1}
        return sum(weights[f.severity] for f in self.result.findings)


def _families(views: list[ArticleView]) -> list[str]:
    """The catalogue's families that the report's findings use, in catalogue order (SUP only when present)."""
    used = {
        CATALOG[f.rule].family if f.rule in CATALOG else f.rule.rstrip("0123456789")
        for v in views
        for f in v.result.findings
    }
    default = [p for p, fam in FAMILIES.items() if fam.default]
    return default + sorted(used - set(default))


def render_html(
    articles: list[tuple[FileResult, ArticleGraph]], today: date | None = None, reading: bool = False
) -> str:
    """The editors' page for linted articles, each with the graph its run built (or rebuilt with its own config)."""
    views = [ArticleView(i, result, graph, reading) for i, (result, graph) in enumerate(articles)]
    families = _families(views)
    today = today or date.today()
    views_sorted = sorted(views, key=lambda v: (-v.score, v.result.path))
    total = sum(len(v.result.findings) for v in views)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">",
        f"<title>medlint report: {len(views)} article{'s' if len(views) != 1 else ''}, {total} findings</title>",
        f"<style>{_asset('report.css')}</style></head><body>",
        f'<header class="top"><h1>medlint report</h1><span class="meta">{len(views)} article'
        f"{'s' if len(views) != 1 else ''} · {total} findings · medlint {esc(__version__)} · "
        f"{today.isoformat()}</span></header><main>",
        _index_table(views_sorted, families),
    ]
    parts.extend(_article(v, families) for v in views_sorted)
    parts.append(_rule_docs(views))
    parts.append('<div id="tip" role="tooltip"></div>')
    parts.append(f"<script>{_asset('report.js')}</script></body></html>")
    return "\n".join(parts)


def _family_counts(findings: list[Finding]) -> Counter:
    return Counter(f.rule.rstrip("0123456789") for f in findings)


def _index_table(views: list[ArticleView], families: list[str]) -> str:
    rows = []
    for v in views:
        sev = Counter(f.severity for f in v.result.findings)
        fam = _family_counts(v.result.findings)
        review = v.review_date
        rows.append(
            "<tr>"
            f'<td><a href="#{v.anchor}">{esc(v.result.path)}</a></td>'
            f'<td class="num" data-sort="{v.score}">{v.score}</td>'
            f'<td class="num">{sev[Severity.ERROR]}</td><td class="num">{sev[Severity.WARNING]}</td>'
            f'<td class="num">{sev[Severity.INFO]}</td>'
            + "".join(f'<td class="num">{fam[f]}</td>' for f in families)
            + f'<td data-sort="{esc(review or "")}">{esc(review or "none")}</td></tr>'
        )
    head = "".join(
        f"<th>{h}</th>" for h in ("Article", "Score (worst first)", "Errors", "Warnings", "Info", *families, "Reviewed")
    )
    return f'<h2>Articles</h2><table class="index"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _review_date(graph: ArticleGraph) -> str | None:
    latest = currency_date(graph)
    return latest.value.isoformat() if latest else None


def _signals(graph: ArticleGraph) -> tuple[bool, bool]:
    return has_disclaimer(graph), bool(attribution(graph)[0])


def _cards(v: ArticleView, families: list[str]) -> str:
    findings = v.result.findings
    sev = Counter(f.severity for f in findings)
    fam = _family_counts(findings)
    g = v.graph
    cited = {n for m in citing_markers(g) for n in m.numbers}
    defined = g.reference_numbers
    disclaimer, attributed = _signals(g)
    review = v.review_date

    def card(k: str, value: str, cls: str = "") -> str:
        return f'<div class="card"><div class="k">{esc(k)}</div><div class="v {cls}">{value}</div></div>'

    refs = f"{len(cited)} / {len(defined)}" if defined else f"{len(cited)} / <span class='bad'>no list</span>"
    return (
        '<div class="cards">'
        + "".join(
            [
                card("Errors", f'<span class="{"bad" if sev[Severity.ERROR] else "ok"}">{sev[Severity.ERROR]}</span>'),
                card(
                    "Warnings",
                    f'<span class="{"warnc" if sev[Severity.WARNING] else "ok"}">{sev[Severity.WARNING]}</span>',
                ),
                card("Info", str(sev[Severity.INFO])),
                card("By family", " ".join(f"{f}&nbsp;{fam[f]}" for f in families), "small"),
                card("References cited / listed", refs, "small"),
                card("Review date", esc(review) if review else '<span class="bad">missing</span>', "small"),
                card(
                    "Attribution",
                    '<span class="ok">named person</span>' if attributed else '<span class="bad">missing</span>',
                    "small",
                ),
                card(
                    "Disclaimer",
                    '<span class="ok">present</span>' if disclaimer else '<span class="bad">missing</span>',
                    "small",
                ),
            ]
        )
        + "</div>"
    )


def _article(v: ArticleView, families: list[str]) -> str:
    ids = {id(f): f"f-{v.index}-{n}" for n, f in enumerate(v.result.findings)}
    block_level, banners = _split_findings(v)
    body = _document(v, block_level, ids)
    sidebar = _sidebar(v, ids)
    banner_html = "".join(
        f'<div class="banner {_SEV[f.severity]}" id="{ids[id(f)]}"><code>{esc(f.rule)}</code> '
        f"line {f.line}: {esc(f.message)}</div>"
        for f in banners
    )
    return (
        f'<section class="article" id="{v.anchor}"><h2>{esc(v.result.path)}</h2>{_cards(v, families)}{banner_html}'
        f'<div class="overview"><div><h3>Citation map</h3>{citation_map(v)}</div>'
        f"<div><h3>Section outline</h3>{_outline(v)}</div></div>"
        f"<h3>Duplicate pairs</h3>{_pairs(v)}"
        f'<div class="layout"><div><h3>Article with findings in place</h3><div class="doc">{body}</div></div>'
        f'<aside class="findings"><h3>Findings ({len(v.result.findings)})</h3>{sidebar}</aside></div></section>'
    )


def _shown_blocks(graph: ArticleGraph) -> list:
    """The article as the body rules read it: main content, headings and reference lists, no page chrome."""
    chrome = {id(b) for b in graph.chrome_blocks}
    return [b for b in graph.document.blocks if id(b) not in chrome]


def _whole_article(code: str) -> bool:
    return code in CATALOG and load_rules([code])[code].whole_article


def _split_findings(v: ArticleView) -> tuple[list[Finding], list[Finding]]:
    blocks = _shown_blocks(v.graph)
    block_level, banners = [], []
    for f in v.result.findings:
        inside = any(b.start <= f.start and f.end <= max(b.end, b.start + 1) for b in blocks)
        if _whole_article(f.rule) or not inside or f.end <= f.start:
            banners.append(f)
        else:
            block_level.append(f)
    return block_level, banners


def _sidebar(v: ArticleView, ids: dict[int, str]) -> str:
    if not v.result.findings:
        return '<p class="empty">No findings.</p>'
    items = []
    for f in v.result.findings:
        items.append(
            f'<li><span class="pill {_SEV[f.severity]}">{_SEV[f.severity]}</span> '
            f'<a href="#{ids[id(f)]}"><code>{esc(f.rule)}</code> line {f.line}: {esc(f.message)}</a></li>'
        )
    return f"<ol>{''.join(items)}</ol>"


def _highlight(text: str, base: int, findings: list[Finding], ids: dict[int, str]) -> str:
    """Escape ``text`` (original offsets from ``base``) and wrap finding spans in <mark>."""
    end = base + len(text)
    relevant = [f for f in findings if f.start < end and f.end > base]
    if not relevant:
        return esc(text)
    cuts = sorted({base, end, *(max(base, f.start) for f in relevant), *(min(end, f.end) for f in relevant)})
    out, opened = [], set()
    for a, b in zip(cuts, cuts[1:], strict=False):
        segment = esc(text[a - base : b - base])
        covering = sorted((f for f in relevant if f.start <= a and f.end >= b), key=lambda f: f.severity)
        for f in covering:
            first = id(f) not in opened
            opened.add(id(f))
            id_attr = f' id="{ids[id(f)]}"' if first else ""
            segment = (
                f'<mark class="{_SEV[f.severity]}"{id_attr} data-rule="{esc(f.rule)}" '
                f'data-message="{esc(f.message)}" title="{esc(f.rule)}: {esc(f.message)}">{segment}</mark>'
            )
        out.append(segment)
    return "".join(out)


def _document(v: ArticleView, findings: list[Finding], ids: dict[int, str]) -> str:
    src = v.graph.source
    out: list[str] = []
    open_list: int | None = None
    for block in _shown_blocks(v.graph):
        text = src.text[block.start : block.end]
        inner = _highlight(text, block.start, findings, ids)
        if v.graph.document.format == "text":  # a scraped item's title stands on its own line
            inner = inner.replace("\n", "<br>")
        line = f'<span class="line">{src.position(block.start)[0]}</span>'
        if block.kind == "list_item":
            if open_list != block.list_id:
                if open_list is not None:
                    out.append("</ul>")
                out.append("<ul>")
                open_list = block.list_id
            marker = esc(block.list_marker or "") + " " if block.list_marker and block.list_marker[0].isdigit() else ""
            out.append(f"<li>{line}{marker}{inner}</li>")
            continue
        if open_list is not None:
            out.append("</ul>")
            open_list = None
        if block.kind == "heading":
            level = min(6, max(3, block.level + 2))
            out.append(f"<h{level}>{line}{inner}</h{level}>")
        else:
            out.append(f"<p>{line}{inner}</p>")
    if open_list is not None:
        out.append("</ul>")
    return "".join(out)


def citation_map(v: ArticleView) -> str:
    """SVG scatter: position in the article (x) against cited reference number (y)."""
    g = v.graph
    markers = [m for m in g.markers if m.numbers]
    if not markers:
        return '<p class="empty">No citation markers.</p>'
    by_rule: dict[str, set[int]] = {}
    for f in v.result.findings:
        by_rule.setdefault(f.rule, set()).add(f.start)
    run_starts = _run_marker_starts(v)
    width, height, pad = 760, 300, 40
    length = max(1, len(g.source.text))
    top = max(max(m.numbers) for m in markers)
    defined = g.reference_numbers

    def x(offset: int) -> float:
        return pad + (width - 2 * pad) * offset / length

    def y(n: int) -> float:
        return height - pad - (height - 2 * pad) * (n - 1) / max(1, top - 1)

    shapes = [
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#999"/>',
        f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{height - pad}" stroke="#999"/>',
        f'<text x="{width / 2}" y="{height - 8}" font-size="12" text-anchor="middle">position in the article →</text>',
        f'<text x="12" y="{height / 2}" font-size="12" transform="rotate(-90 12 {height / 2})" '
        'text-anchor="middle">cited reference number →</text>',
        f'<text x="{pad - 4}" y="{y(top) + 4}" font-size="10" text-anchor="end">{top}</text>',
        f'<text x="{pad - 4}" y="{y(1) + 4}" font-size="10" text-anchor="end">1</text>',
    ]
    for section in g.sections:
        if section.heading is not None and section.level <= 2:
            sx = x(section.start)
            shapes.append(f'<line x1="{sx:.1f}" y1="{pad}" x2="{sx:.1f}" y2="{height - pad}" stroke="#e3e6eb"/>')
    for m in markers:
        for n in m.numbers:
            cls, colour, label = "cite", "#1565c0", "cited"
            if m.start in by_rule.get("CIT006", ()):
                cls, colour, label = "leak", "#ef6c00", "pasted list number (CIT006)"
            elif m.start in run_starts:
                cls, colour, label = "placeholder", "#8e24aa", "placeholder run (CIT011)"
            elif defined and n not in defined:
                cls, colour, label = "dangling", "#c62828", "no such reference (CIT001)"
            elif not defined:
                cls, colour, label = "unverified", "#90a4ae", "no reference list (CIT002)"
            line, _ = g.source.position(m.start)
            shape = (
                f'<rect class="{cls}" x="{x(m.start) - 3.5:.1f}" y="{y(n) - 3.5:.1f}" width="7" height="7" '
                f'fill="{colour}" transform="rotate(45 {x(m.start):.1f} {y(n):.1f})">'
                if cls == "leak"
                else f'<circle class="{cls}" cx="{x(m.start):.1f}" cy="{y(n):.1f}" r="3" fill="{colour}">'
            )
            tag = "rect" if cls == "leak" else "circle"
            shapes.append(f"{shape}<title>line {line}: [{n}] {esc(label)}</title></{tag}>")
    legend = (
        '<div class="legend"><span><i style="background:#1565c0"></i>cited</span>'
        '<span><i style="background:#c62828"></i>dangling</span>'
        '<span><i style="background:#ef6c00"></i>pasted list number</span>'
        '<span><i style="background:#8e24aa"></i>placeholder run</span>'
        '<span><i style="background:#90a4ae"></i>no reference list</span></div>'
    )
    return (
        f'<svg class="map" role="img" aria-label="citation map" viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">{"".join(shapes)}</svg>{legend}'
    )


def _run_marker_starts(v: ArticleView) -> set[int]:
    """Markers inside the placeholder runs CIT011 reported."""
    reported = {f.start for f in v.result.findings if f.rule == "CIT011"}
    starts: set[int] = set()
    for run in sequential_runs(v.graph):
        if any(m.start in reported for _, m in run):
            starts.update(m.start for _, m in run)
    return starts


def _word_diff(old: str, new: str) -> tuple[str, str]:
    a, b = old.split(), new.split()
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            left.append(esc(" ".join(a[i1:i2])))
            right.append(esc(" ".join(b[j1:j2])))
            continue
        if i2 > i1:
            left.append(f"<del>{esc(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            right.append(f"<ins>{esc(' '.join(b[j1:j2]))}</ins>")
    return " ".join(left), " ".join(right)


def _pairs(v: ArticleView) -> str:
    src = v.graph.source
    out = []
    for f in v.result.findings:
        if not f.rule.startswith("DUP") or not f.related or f.related[0].path:
            continue
        rel = f.related[0]
        first = src.text[src.offset(rel.line, rel.column) : src.offset(rel.end_line, rel.end_column)]
        later = src.text[f.start : f.end]
        left, right = _word_diff(first, later)
        out.append(
            f'<div class="pair"><div class="side"><h5>first copy, line {rel.line}</h5>{left}</div>'
            f'<div class="side"><h5><code>{esc(f.rule)}</code> later copy, line {f.line}</h5>{right}</div></div>'
        )
    if not out:
        return '<p class="empty">No duplicate pairs.</p>'
    shown, more = out[:2], out[2:]
    extra = (
        (f"<details><summary>{len(more)} more pair{'s' if len(more) > 1 else ''}</summary>{''.join(more)}</details>")
        if more
        else ""
    )
    return f'<div class="pairs">{"".join(shown)}{extra}</div>'


def _outline(v: ArticleView) -> str:
    g = v.graph
    counts = Counter()
    for f in v.result.findings:
        for s in g.sections:
            if s.start <= f.start <= max(s.end, s.start):
                counts[s.index] += 1
    rows = []
    nx_graph = g.g  # the networkx view: a section's claims and markers are what it contains
    for s in g.sections:
        kinds = Counter(nx_graph.nodes[n]["kind"] for n in _contained(nx_graph, f"section:{s.index}"))
        claims = kinds["sentence"]
        cites = kinds["marker"]
        pad = "&nbsp;" * 4 * max(0, s.level - 1)
        title = esc(s.title) if s.title else "<em>(introduction)</em>"
        extra = " <em>(reference list)</em>" if s.is_references else ""
        level = _reading_level(v, s) if v.reading else ""
        rows.append(
            f"<tr><td>{pad}{title}{extra}</td><td class='num'>{_plural(claims, 'claim')}</td>"
            f"<td class='num'>{_plural(cites, 'citation')}</td><td class='num'>{_plural(counts[s.index], 'finding')}</td>"
            f"{level}</tr>"
        )
    return f'<table class="outline">{"".join(rows)}</table>'


def _reading_level(v: ArticleView, section) -> str:
    """The section's reading grade (SMOG) beside the outline, when the run selected READ."""
    from linter.facts.readability import explained_terms, section_level

    level = None if section.is_references else section_level(v.graph, section.index, "smog", explained_terms(v.graph))
    if level is None:
        return "<td class='num'>–</td>"
    return f"<td class='num' title='SMOG grade'>grade {level.grade:.1f} (UK age {level.grade + 5:.0f})</td>"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _contained(nx_graph, node: str) -> list[str]:
    """Nodes reachable from ``node`` through ``contains`` edges, not descending into subsections."""
    found, stack = [], [node]
    while stack:
        current = stack.pop()
        for child in nx_graph.successors(current):
            data = nx_graph.edges[current, child]
            if data.get("kind") != "contains" or nx_graph.nodes[child].get("kind") == "section":
                continue
            found.append(child)
            stack.append(child)
    return found


def _rule_docs(views: list[ArticleView]) -> str:
    used = sorted({f.rule for v in views for f in v.result.findings if f.rule in CATALOG})
    rules = load_rules(used)
    if not used:
        return ""
    items = "".join(
        f'<details class="rule" id="rule-{esc(code)}"><summary><code>{esc(code)}</code> {esc(rules[code].name)}: '
        f"{esc(rules[code].summary)}</summary><pre>{esc(rules[code].docs)}</pre></details>"
        for code in used
        if code in rules
    )
    return f"<h2>Rules in this report</h2>{items}"
