"""The editors' report: an overview to act on, filters, and one section (or page) per article.

Self-contained HTML (inline CSS, inline SVG, a little inline script, nothing from the network).
Every piece of article text goes through ``html.escape``; findings travel to the page's script as
JSON with ``<``, ``>`` and ``&`` escaped, and the script writes them with ``textContent`` only.

Two shapes (linter/reporters/site.py decides): one file for a handful of articles, or for a site
a folder of ``index.html`` (overview, filters, every finding with a short snippet) and one page
per article, linked relatively (browsers block scripts from fetching between ``file://`` pages;
plain links work).
"""

from __future__ import annotations

import bisect
import difflib
import html
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from linter.facts.citations import citing_markers, sequential_runs
from linter.facts.trust import attribution, currency_date, has_disclaimer
from linter.findings import Finding, Severity
from linter.rules import CATALOG, load_rules

if TYPE_CHECKING:
    from linter.graph import ArticleGraph
    from linter.results import FileResult
    from linter.source import Source

_SEV = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}
WEIGHTS = {Severity.ERROR: 10, Severity.WARNING: 3, Severity.INFO: 1}
SCORE_FORMULA = "score = errors × 10 + warnings × 3 + info × 1"


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


@cache
def asset(name: str) -> str:
    return (Path(__file__).parent / name).read_text("utf-8")


def score_of(findings: list[Finding]) -> int:
    return sum(WEIGHTS[f.severity] for f in findings)


def family_of(code: str) -> str:
    return CATALOG[code].family if code in CATALOG else code.rstrip("0123456789")


_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)


def article_title(graph: ArticleGraph) -> str:
    """Its H1, else front-matter ``title``, else JSON-LD ``headline``, else ``<title>``, else the path."""
    chrome = {id(b) for b in graph.chrome_blocks}
    h1 = next(
        (
            b.text.strip()
            for b in graph.document.blocks
            if b.kind == "heading" and b.level == 1 and b.text.strip() and id(b) not in chrome
        ),
        None,
    )
    if h1:
        return h1
    meta = graph.document.meta
    for origin in ("front-matter", "json-ld", "meta"):
        value = next((m.value for m in meta if m.key == "title" and m.origin == origin and m.value.strip()), None)
        if value:
            return value.strip()
    if graph.document.format == "html":
        m = _TITLE_TAG.search(graph.source.text[:20000])
        if m and m.group(1).strip():
            return html.unescape(re.sub(r"\s+", " ", m.group(1))).strip()
    return graph.path


class ShownBlock(NamedTuple):
    """A block of the article as the report draws it (page chrome left out)."""

    start: int
    end: int
    kind: str
    level: int
    list_id: int | None
    list_marker: str | None


class ShownSection(NamedTuple):
    index: int
    start: int
    end: int
    level: int
    title: str
    headed: bool
    is_references: bool
    claims: int
    cites: int
    grade: float | None  # its SMOG grade, when the facts were taken for a report that shows reading levels


class ShownReference(NamedTuple):
    number: int
    label: str
    text: str
    status: str  # verified, mismatch, missing, retracted, concern, withdrawn, unverified (lock)


@dataclass
class RenderFacts:
    """Everything the report reads of an article's graph, taken where the graph is (in a lint worker,
    for a site). A few kilobytes to send between processes, where the graph costs more to send than to
    rebuild; the rendering needs only these, the article's source and its findings."""

    title: str
    text_format: bool  # scraped plain text: an item's title stands on its own line
    blocks: list[ShownBlock]
    cited: int  # distinct reference numbers cited
    defined: frozenset[int]  # the reference list's numbers
    review: str | None
    attributed: bool
    disclaimer: bool
    markers: list[tuple[int, tuple[int, ...]]]  # (offset, numbers) of each marker with numbers
    runs: list[tuple[int, ...]]  # the marker offsets of each sequential run (CIT011's candidates)
    references: list[ShownReference]  # with the lock's statuses; empty without a lock
    sections: list[ShownSection]
    reading: bool  # reading levels were computed


def render_facts(graph: ArticleGraph, reading: bool) -> RenderFacts:
    """The report's facts of one article (``graph.lock`` set as the rules saw it)."""
    chrome = {id(b) for b in graph.chrome_blocks}
    blocks = [
        ShownBlock(b.start, b.end, b.kind, b.level, b.list_id, b.list_marker)
        for b in graph.document.blocks
        if id(b) not in chrome
    ]
    latest = currency_date(graph)
    claims: Counter = Counter()
    cites: Counter = Counter()
    for sentence in graph.sentences:
        index = graph.section_of(sentence.block).index
        claims[index] += 1
        cites[index] += len(sentence.markers)
    terms = None
    sections = []
    for sec in graph.sections:
        grade = None
        if reading and not sec.is_references:
            from linter.facts.readability import explained_terms, section_level

            terms = explained_terms(graph) if terms is None else terms
            level = section_level(graph, sec.index, "smog", terms)
            grade = None if level is None else level.grade
        sections.append(
            ShownSection(
                sec.index,
                sec.start,
                sec.end,
                sec.level,
                sec.title,
                sec.heading is not None,
                sec.is_references,
                claims[sec.index],
                cites[sec.index],
                grade,
            )
        )
    return RenderFacts(
        title=article_title(graph),
        text_format=graph.document.format == "text",
        blocks=blocks,
        cited=len({n for m in citing_markers(graph) for n in m.numbers}),
        defined=frozenset(graph.reference_numbers),
        review=latest.value.isoformat() if latest else None,
        attributed=bool(attribution(graph)[0]),
        disclaimer=bool(has_disclaimer(graph)),
        markers=[(m.start, tuple(m.numbers)) for m in graph.markers if m.numbers],
        runs=[tuple(m.start for _, m in run) for run in sequential_runs(graph)],
        references=[
            ShownReference(ref.number, ref.label, ref.text, status) for ref, status in reference_statuses(graph)
        ],
        sections=sections,
        reading=reading,
    )


@dataclass
class ArticleView:
    """One linted article as the report shows it."""

    index: int
    result: FileResult
    facts: RenderFacts
    reading: bool = False  # the run selected the READ family: show reading levels in the outline
    prefix: str = ""  # id prefix: unique ids when several articles share one page

    @property
    def findings(self) -> list[Finding]:
        return self.result.findings

    @property
    def source(self) -> Source:
        return self.result.source

    @property
    def score(self) -> int:
        return score_of(self.findings)

    def fid(self, n: int) -> str:
        return f"{self.prefix}f-{n}"


@dataclass
class ArticleSummary:
    """What the overview needs of an article (the article section itself is rendered beside it)."""

    index: int
    path: str
    title: str
    score: int
    findings: list[Finding]
    review_date: str | None
    snippets: list[str]  # per finding: a short quote of the text it is on
    statuses: Counter = field(default_factory=Counter)  # reference statuses (with a lock)
    section: str = ""  # the rendered article section (HTML)
    criteria: dict[str, str] = field(default_factory=dict)  # criterion -> pass | fail N | not checked


def summarise(view: ArticleView, enabled: set[str]) -> ArticleSummary:
    """Render the article and gather what the overview reads."""
    facts = view.facts
    return ArticleSummary(
        index=view.index,
        path=view.result.path,
        title=facts.title,
        score=view.score,
        findings=view.findings,
        review_date=facts.review,
        snippets=[_snippet(view.source, f) for f in view.findings],
        statuses=Counter(ref.status for ref in facts.references),
        section=article_section(view),
        criteria=criteria_results(view.findings, enabled),
    )


def _snippet(source: Source, f: Finding, width: int = 60) -> str:
    if f.end <= f.start or _whole_article(f.rule):
        return ""
    text = " ".join(source.text[f.start : f.end].split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# -- reference statuses (the lock) -------------------------------------------------------------------


def reference_statuses(graph: ArticleGraph) -> list[tuple[Any, str]]:
    """(reference, status) for every entry: verified, mismatch, missing, retracted, concern, withdrawn,
    unverified. Without a lock there is nothing to say, and the list is empty."""
    if graph.lock is None:
        return []
    from linter.facts.references import locked_references, status_of

    return [(ref, status_of(entry, ref.text)) for ref, _, entry in locked_references(graph)]


# -- quality criteria ---------------------------------------------------------------------------------


@cache
def criteria_table() -> dict[str, dict[str, str]]:
    from linter.compile_store import toml_loads

    return toml_loads((Path(__file__).resolve().parent.parent / "data" / "criteria.toml").read_text("utf-8"))


@cache
def criteria_rules() -> dict[str, list[tuple[str, str]]]:
    """criterion -> [(rule, automated | heuristic)], from the rules' own metadata."""
    out: dict[str, list[tuple[str, str]]] = {c: [] for c in criteria_table()}
    for code, rule in load_rules(list(CATALOG)).items():
        for item in rule.criteria:
            criterion, _, how = item.partition(":")
            out.setdefault(criterion, []).append((code, how or "automated"))
    return out


def criteria_results(findings: list[Finding], enabled: set[str]) -> dict[str, str]:
    fired = Counter(f.rule for f in findings)
    results = {}
    for criterion, rules in criteria_rules().items():
        if not rules:
            results[criterion] = "person"
            continue
        active = [code for code, _ in rules if code in enabled]
        if not active:
            results[criterion] = "not checked"
            continue
        count = sum(fired[c] for c in active)
        results[criterion] = f"{count} finding{'s' if count != 1 else ''}" if count else "pass"
    return results


def how_checked(criterion: str) -> str:
    rules = criteria_rules().get(criterion, [])
    if not rules:
        return "left to a person"
    return "automated" if all(how == "automated" for _, how in rules) else "heuristic"


def criteria_section(summaries: list[ArticleSummary], link) -> str:
    """Which criterion each rule checks, how, and each article's result (a column per article up to 12,
    else the share of articles that pass)."""
    table = criteria_table()
    per_article = len(summaries) <= 12
    head = "<th>Framework</th><th>Criterion</th><th>Checked by</th><th>How</th>"
    if per_article:
        head += "".join(f'<th><a href="{link(s)}">{esc(_short(s.title))}</a></th>' for s in summaries)
    else:
        head += "<th>Articles passing</th>"
    rows = []
    for criterion, info in table.items():
        rules = criteria_rules().get(criterion, [])
        by = ", ".join(f'<a href="#rule-{esc(c)}"><code>{esc(c)}</code></a>' for c, _ in rules) or "–"
        cells = f'<td>{esc(info["framework"])}</td><td title="{esc(info["source"])}">{esc(info["title"])}</td>'
        cells += f"<td>{by}</td><td>{esc(how_checked(criterion))}</td>"
        if per_article:
            cells += "".join(_criterion_cell(s.criteria.get(criterion, "")) for s in summaries)
        else:
            results = [s.criteria.get(criterion, "") for s in summaries]
            checked = [r for r in results if r not in ("person", "not checked")]
            passing = sum(1 for r in checked if r == "pass")
            cells += f"<td class='num'>{passing} / {len(checked)}</td>" if checked else "<td>–</td>"
        rows.append(f"<tr>{cells}</tr>")
    sources = "".join(
        f"<li><strong>{esc(fw)}</strong>: {esc(src)}</li>"
        for fw, src in dict(
            (i["framework"], i["source"]) for i in table.values() if "as above" not in i["source"]
        ).items()
    )
    return (
        '<section id="criteria"><h2>Quality criteria</h2><p class="note">Which published criteria for health '
        "information medlint's rules check: <em>automated</em> where a rule decides, <em>heuristic</em> where a "
        "rule can only point an editor at a likely problem, <em>left to a person</em> where no rule can judge. "
        "A pass means the rules found nothing, not that a person has checked.</p>"
        f'<div class="scroll"><table class="criteria"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
        f"<details><summary>Sources</summary><ul>{sources}</ul></details></section>"
    )


def _criterion_cell(result: str) -> str:
    if result == "pass":
        return '<td class="ok">✓ pass</td>'
    if result in ("person", "not checked", ""):
        return f'<td class="muted">{esc(result or "–")}</td>'
    return f'<td class="bad">✗ {esc(result)}</td>'


def _short(text: str, width: int = 28) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# -- the article section -----------------------------------------------------------------------------


def article_section(v: ArticleView) -> str:
    """One article: title, cards, banners for whole-article findings, citation map, outline, pairs,
    the text with findings in place, the findings list and the reference list's statuses."""
    findings = v.findings
    block_level, banners = _split_findings(v)
    ids = {id(f): v.fid(n) for n, f in enumerate(findings)}
    title = v.facts.title
    head = (
        f'<h2 class="title">{esc(title)}</h2><p class="path"><code>{esc(v.result.path)}</code> · '
        f"score {v.score} ({esc(_counts_text(findings))})</p>"
    )
    if not findings:
        return (
            f'<section class="article clean" id="{v.prefix}article"><details><summary>{head}'
            '<span class="ok">no findings</span></summary>'
            f"{_cards(v)}{_body(v, block_level, ids)}</details></section>"
        )
    banner_html = "".join(
        f'<div class="banner {_SEV[f.severity]}" id="{ids[id(f)]}" role="note"><span class="pill {_SEV[f.severity]}">'
        f'{_SEV[f.severity]}</span> <a href="#rule-{esc(f.rule)}"><code>{esc(f.rule)}</code></a> '
        f"<strong>{'whole article' if _whole_article(f.rule) else f'from line {f.line}'}</strong>: "
        f"{esc(f.message)}</div>"
        for f in banners
    )
    return (
        f'<section class="article" id="{v.prefix}article">{head}{_cards(v)}{banner_html}'
        f'<div class="overview"><div><h3>Citation map</h3>{citation_map(v)}</div>'
        f"<div><h3>Section outline</h3>{_outline(v)}</div></div>"
        f"{_references(v)}"
        f"<h3>Duplicate pairs</h3>{_pairs(v)}{_body(v, block_level, ids)}</section>"
    )


def _body(v: ArticleView, block_level: list[Finding], ids: dict[int, str]) -> str:
    return (
        f'<div class="layout"><div><h3>Article with findings in place</h3><div class="doc">'
        f"{_document(v, block_level, ids)}</div></div>"
        f'<aside class="findings"><h3>Findings ({len(v.findings)})</h3>{_sidebar(v, ids)}</aside></div>'
    )


def _counts_text(findings: list[Finding]) -> str:
    sev = Counter(f.severity for f in findings)
    return ", ".join(
        f"{sev[s]} {name}{'s' if sev[s] != 1 and name != 'info' else ''}"
        for s, name in ((Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "info"))
    )


def _cards(v: ArticleView) -> str:
    facts = v.facts
    findings = v.findings
    sev = Counter(f.severity for f in findings)
    defined = facts.defined
    review = facts.review

    def card(k: str, value: str, cls: str = "") -> str:
        return f'<div class="card"><div class="k">{esc(k)}</div><div class="v {cls}">{value}</div></div>'

    refs = f"{facts.cited} / {len(defined)}" if defined else f"{facts.cited} / <span class='bad'>no list</span>"
    fam = Counter(family_of(f.rule) for f in findings)
    return (
        '<div class="cards">'
        + card("Errors", f'<span class="{"bad" if sev[Severity.ERROR] else "ok"}">{sev[Severity.ERROR]}</span>')
        + card("Warnings", f'<span class="{"warnc" if sev[Severity.WARNING] else "ok"}">{sev[Severity.WARNING]}</span>')
        + card("Info", str(sev[Severity.INFO]))
        + card("By family", " ".join(f"{esc(k)}&nbsp;{n}" for k, n in sorted(fam.items())) or "–", "small")
        + card("References cited / listed", refs, "small")
        + card("Review date", esc(review) if review else '<span class="bad">✗ missing</span>', "small")
        + card(
            "Attribution",
            '<span class="ok">✓ named person</span>' if facts.attributed else '<span class="bad">✗ missing</span>',
            "small",
        )
        + card(
            "Disclaimer",
            '<span class="ok">✓ present</span>' if facts.disclaimer else '<span class="bad">✗ missing</span>',
            "small",
        )
        + "</div>"
    )


@cache
def _whole_article(code: str) -> bool:
    return code in CATALOG and load_rules([code])[code].whole_article


def _split_findings(v: ArticleView) -> tuple[list[Finding], list[Finding]]:
    blocks = v.facts.blocks
    starts = [b.start for b in blocks]

    block_level, banners = [], []
    for f in v.findings:
        i = bisect.bisect_right(starts, f.start) - 1
        inside = i >= 0 and f.end <= max(blocks[i].end, blocks[i].start + 1)
        if _whole_article(f.rule) or not inside or f.end <= f.start:
            banners.append(f)
        else:
            block_level.append(f)
    return block_level, banners


def _sidebar(v: ArticleView, ids: dict[int, str]) -> str:
    if not v.findings:
        return '<p class="empty">No findings.</p>'
    items = []
    for f in v.findings:
        where = "whole article" if _whole_article(f.rule) else f"line {f.line}"
        items.append(
            f'<li><span class="pill {_SEV[f.severity]}">{_SEV[f.severity]}</span> '
            f'<a href="#{ids[id(f)]}"><code>{esc(f.rule)}</code> {where}: {esc(f.message)}</a></li>'
        )
    return f"<ol class='plain'>{''.join(items)}</ol>"


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


def _ordered(marker: str | None) -> bool:
    return bool(marker) and marker[0].isdigit()


def _document(v: ArticleView, findings: list[Finding], ids: dict[int, str]) -> str:
    """The article's blocks with findings marked; numbered lists as <ol start=…>, others as <ul>."""
    src = v.source
    by_block: dict[int, list[Finding]] = {}
    blocks = v.facts.blocks
    starts = [b.start for b in blocks]

    for f in findings:
        i = bisect.bisect_right(starts, f.start) - 1
        by_block.setdefault(max(0, i), []).append(f)
    out: list[str] = []
    open_list: tuple[int | None, str] | None = None
    for i, block in enumerate(blocks):
        text = src.text[block.start : block.end]
        inner = _highlight(text, block.start, by_block.get(i, []), ids)
        if v.facts.text_format:  # a scraped item's title stands on its own line
            inner = inner.replace("\n", "<br>")
        line = f'<span class="line" aria-hidden="true">{src.position(block.start)[0]}</span>'
        if block.kind == "list_item":
            tag = "ol" if _ordered(block.list_marker) else "ul"
            if open_list != (block.list_id, tag):
                if open_list is not None:
                    out.append(f"</{open_list[1]}>")
                start = ""
                if tag == "ol":
                    number = re.match(r"\d+", block.list_marker or "1")
                    start = f' start="{int(number.group(0))}"' if number and number.group(0) != "1" else ""
                out.append(f"<{tag}{start}>")
                open_list = (block.list_id, tag)
            out.append(f"<li>{line}{inner}</li>")
            continue
        if open_list is not None:
            out.append(f"</{open_list[1]}>")
            open_list = None
        if block.kind == "heading":
            level = min(6, max(3, block.level + 2))
            out.append(f"<h{level}>{line}{inner}</h{level}>")
        else:
            out.append(f"<p>{line}{inner}</p>")
    if open_list is not None:
        out.append(f"</{open_list[1]}>")
    return "".join(out)


# The marks of the citation map: a shape and a colour each, so that no mark relies on colour alone.
MARKS = {
    "cite": ("circle", "#1565c0", "cited"),
    "dangling": ("cross", "#c62828", "no such reference (CIT001)"),
    "leak": ("diamond", "#ef6c00", "pasted list number (CIT006)"),
    "placeholder": ("triangle", "#8e24aa", "placeholder run (CIT011)"),
    "nolist": ("ring", "#607d8b", "no reference list (CIT002)"),
    "flagged": ("square", "#6a1b9a", "cited work retracted, mismatched or missing (lock)"),
}


def _shape(kind: str, x: float, y: float, r: float = 3.6) -> str:
    shape, colour, _ = MARKS[kind]
    if shape == "circle":
        return f'<circle class="{kind}" cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}"'
    if shape == "ring":
        return (
            f'<circle class="{kind}" cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="none" stroke="{colour}" stroke-width="1.6"'
        )
    if shape == "diamond":
        pts = f"{x:.1f},{y - r - 1:.1f} {x + r + 1:.1f},{y:.1f} {x:.1f},{y + r + 1:.1f} {x - r - 1:.1f},{y:.1f}"
        return f'<polygon class="{kind}" points="{pts}" fill="{colour}"'
    if shape == "triangle":
        pts = f"{x:.1f},{y - r - 1:.1f} {x + r + 1:.1f},{y + r:.1f} {x - r - 1:.1f},{y + r:.1f}"
        return f'<polygon class="{kind}" points="{pts}" fill="{colour}"'
    if shape == "square":
        return f'<rect class="{kind}" x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" fill="{colour}"'
    d = f"M{x - r:.1f},{y - r:.1f}L{x + r:.1f},{y + r:.1f}M{x - r:.1f},{y + r:.1f}L{x + r:.1f},{y - r:.1f}"
    return f'<path class="{kind}" d="{d}" stroke="{colour}" stroke-width="2.2" fill="none"'


def _legend_mark(kind: str) -> str:
    return f'<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">{_shape(kind, 7, 7, 4)}/></svg>'


def citation_map(v: ArticleView) -> str:
    """SVG scatter: where each citation stands (x: line in the article) against the reference number it
    cites (y), with the main sections drawn and named, ticks on both axes, and a legend of the marks."""
    facts = v.facts
    src = v.source
    markers = facts.markers
    if not markers:
        return '<p class="empty">No citation markers.</p>'
    by_rule: dict[str, set[int]] = {}
    for f in v.findings:
        by_rule.setdefault(f.rule, set()).add(f.start)
    run_starts = _run_marker_starts(v)
    flagged = {
        ref.number
        for ref in facts.references
        if ref.status in ("retracted", "withdrawn", "concern", "mismatch", "missing")
    }
    width, height, left, right, top_pad, bottom = 760, 320, 48, 16, 40, 44
    lines = max(1, src.line_count)
    top = max(max(numbers) for _, numbers in markers)
    defined = facts.defined

    def x(offset: int) -> float:
        return left + (width - left - right) * (src.position(offset)[0] - 1) / max(1, lines - 1)

    def y(n: int) -> float:
        return height - bottom - (height - bottom - top_pad) * (n - 1) / max(1, top - 1)

    base_y = height - bottom
    shapes = [
        f'<line x1="{left}" y1="{base_y}" x2="{width - right}" y2="{base_y}" stroke="#777"/>',
        f'<line x1="{left}" y1="{top_pad}" x2="{left}" y2="{base_y}" stroke="#777"/>',
        f'<text x="{(left + width) / 2}" y="{height - 6}" font-size="12" text-anchor="middle">line in the article</text>',
        f'<text x="12" y="{(top_pad + base_y) / 2}" font-size="12" transform="rotate(-90 12 {(top_pad + base_y) / 2})" '
        'text-anchor="middle">cited reference number</text>',
    ]
    for n in sorted({1, top, *range(5, top, max(5, (top // 5) // 5 * 5 or 5))}):
        shapes.append(f'<line x1="{left - 4}" y1="{y(n):.1f}" x2="{left}" y2="{y(n):.1f}" stroke="#777"/>')
        shapes.append(
            f'<text class="tick" x="{left - 7}" y="{y(n) + 4:.1f}" font-size="10" text-anchor="end">{n}</text>'
        )
    for k in range(5):
        line_no = 1 + round((lines - 1) * k / 4)
        px = left + (width - left - right) * (line_no - 1) / max(1, lines - 1)
        shapes.append(f'<line x1="{px:.1f}" y1="{base_y}" x2="{px:.1f}" y2="{base_y + 4}" stroke="#777"/>')
        shapes.append(
            f'<text class="tick" x="{px:.1f}" y="{base_y + 16}" font-size="10" text-anchor="middle">{line_no}</text>'
        )
    sections = [s for s in facts.sections if s.headed and s.level <= 2 and s.title]
    for k, section in enumerate(sections):
        sx = x(section.start)
        shapes.append(
            f'<line x1="{sx:.1f}" y1="{top_pad - 6}" x2="{sx:.1f}" y2="{base_y}" stroke="#d5dae1" stroke-dasharray="3 3"/>'
        )
        label = esc(_short(section.title, 18))
        shapes.append(
            f'<text class="section-label" x="{sx + 2:.1f}" y="{top_pad - 10 - 11 * (k % 2)}" font-size="10" fill="#5b6472">'
            f"{label}<title>{esc(section.title)}</title></text>"
        )
    plotted: set[str] = set()
    for start, numbers in markers:
        line, _ = src.position(start)
        px = x(start)
        for n in numbers:
            kind = "cite"
            if start in by_rule.get("CIT006", ()):
                kind = "leak"
            elif start in run_starts:
                kind = "placeholder"
            elif defined and n not in defined:
                kind = "dangling"
            elif not defined:
                kind = "nolist"
            elif n in flagged:
                kind = "flagged"
            tag = {
                "circle": "circle",
                "ring": "circle",
                "diamond": "polygon",
                "triangle": "polygon",
                "square": "rect",
            }.get(MARKS[kind][0], "path")
            plotted.add(kind)
            shapes.append(f"{_shape(kind, px, y(n))}><title>line {line}: [{n}] {esc(MARKS[kind][2])}</title></{tag}>")
    used = [kind for kind in MARKS if kind in plotted]  # the legend names the marks drawn, in table order
    legend = (
        '<div class="legend">' + "".join(f"<span>{_legend_mark(k)} {esc(MARKS[k][2])}</span>" for k in used) + "</div>"
    )
    return (
        f'<svg class="map" role="img" aria-label="citation map: reference number cited against line in the article" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMidYMid meet" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(shapes)}</svg>{legend}'
    )


def _run_marker_starts(v: ArticleView) -> set[int]:
    """Markers inside the placeholder runs CIT011 reported."""
    reported = {f.start for f in v.findings if f.rule == "CIT011"}
    starts: set[int] = set()
    for run in v.facts.runs:
        if any(start in reported for start in run):
            starts.update(run)
    return starts


_STATUS_MARK = {
    "verified": ("ok", "✓"),
    "unverified": ("muted", "?"),
    "mismatch": ("bad", "✗"),
    "missing": ("bad", "✗"),
    "retracted": ("bad", "✗"),
    "withdrawn": ("bad", "✗"),
    "concern": ("warnc", "!"),
}


def _references(v: ArticleView) -> str:
    """The reference list with each entry's verification status, where a reference lock exists."""
    references = v.facts.references
    if not references:
        return ""
    from linter.facts.references import STATUS_LABELS

    rows = []
    for ref in references:
        status = ref.status
        cls, sign = _STATUS_MARK[status]
        text = ref.text if len(ref.text) <= 160 else ref.text[:159] + "…"
        rows.append(
            f"<tr><td class='num'>{esc(ref.label)}</td><td class='{cls} status'>{sign} {esc(STATUS_LABELS[status])}</td>"
            f"<td>{esc(text)}</td></tr>"
        )
    counts = Counter(ref.status for ref in references)
    summary = ", ".join(f"{n} {STATUS_LABELS[s]}" for s, n in counts.most_common())
    return (
        f'<h3>References ({esc(summary)})</h3><table class="refs"><thead><tr><th>#</th><th>Status (reference lock)</th>'
        f"<th>Entry</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


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
    src = v.source
    out = []
    for f in v.findings:
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
    sections = v.facts.sections
    counts: Counter = Counter()
    for f in v.findings:
        for s in sections:
            if s.start <= f.start <= max(s.end, s.start):
                counts[s.index] += 1
    rows = []
    for s in sections:
        pad = "&nbsp;" * 4 * max(0, s.level - 1)
        title = esc(s.title) if s.title else "<em>(introduction)</em>"
        extra = " <em>(reference list)</em>" if s.is_references else ""
        level = _reading_level(s) if v.reading else ""
        rows.append(
            f"<tr><td>{pad}{title}{extra}</td><td class='num'>{_plural(s.claims, 'claim')}</td>"
            f"<td class='num'>{_plural(s.cites, 'citation')}</td>"
            f"<td class='num'>{_plural(counts[s.index], 'finding')}</td>{level}</tr>"
        )
    return f'<table class="outline">{"".join(rows)}</table>'


def _reading_level(section: ShownSection) -> str:
    """The section's reading grade (SMOG) beside the outline, when the run selected READ."""
    grade = section.grade
    if grade is None:
        return "<td class='num'>–</td>"
    return f"<td class='num' title='SMOG grade'>grade {grade:.1f} (UK age {grade + 5:.0f})</td>"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# -- rule docs ------------------------------------------------------------------------------------------


@cache
def _markdown():
    import mistune

    return mistune.create_markdown(escape=True)


def rule_docs(codes: list[str]) -> str:
    """The rules' documentation rendered from its Markdown (headings, lists, code blocks)."""
    rules = load_rules([c for c in codes if c in CATALOG])
    if not rules:
        return ""
    items = [_rule_doc(code) for code in sorted(rules)]
    return f'<section id="rules"><h2>Rules in this report</h2>{"".join(items)}</section>'


@cache
def _rule_doc(code: str) -> str:
    """One rule's entry, rendered once per process (a site's pages repeat the same few rules)."""
    rule = load_rules([code])[code]
    body = _markdown()(rule.docs)
    body = re.sub(r"<h([1-6])>", lambda m: f"<h{min(6, int(m.group(1)) + 3)}>", body)
    body = re.sub(r"</h([1-6])>", lambda m: f"</h{min(6, int(m.group(1)) + 3)}>", body)
    return (
        f'<details class="rule" id="rule-{esc(code)}"><summary><code>{esc(code)}</code> {esc(rule.name)} '
        f'<span class="pill {_SEV[rule.severity]}">{_SEV[rule.severity]}</span>: {esc(rule.summary)}</summary>'
        f'<div class="ruledoc">{body}</div></details>'
    )


# -- the page ---------------------------------------------------------------------------------------------


def page(title: str, body: str, data: object | None = None) -> str:
    """A self-contained page: the CSS, the body, the findings data (JSON) and the script."""
    payload = ""
    if data is not None:
        payload = f'<script type="application/json" id="medlint-data">{json_for_html(data)}</script>'
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            "script-src 'unsafe-inline'; img-src data:\">",
            f"<title>{esc(title)}</title>",
            f"<style>{asset('report.css')}</style></head><body>",
            body,
            '<div id="tip" role="tooltip"></div>',
            payload,
            f"<script>{asset('report.js')}</script></body></html>",
        ]
    )


def json_for_html(data: object) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' can end it or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def header(title: str, meta: str, back: str | None = None) -> str:
    link = f'<a class="back" href="{esc(back)}">← overview</a>' if back else ""
    return f'<header class="top"><h1>{esc(title)}</h1><span class="meta">{meta}</span>{link}</header>'


def today_of(value: date | None) -> date:
    return value or date.today()
