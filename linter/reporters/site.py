"""The report's two shapes and its overview.

- Up to ``SINGLE_FILE_MAX`` articles: one self-contained file (overview, filters, every article;
  clean articles collapsed).
- More: a folder with ``index.html`` (the overview, the filters and every finding with a short
  snippet, linked to its article) and ``articles/<n>-<name>.html``, one self-contained page per
  article, linked relatively.

Article sections are rendered where their graph is built (linter/report_jobs.py): in worker
processes for a site, so the parent never holds more than one graph.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from linter import __version__
from linter.findings import Severity
from linter.reporters.html import (
    _SEV,
    SCORE_FORMULA,
    ArticleSummary,
    criteria_section,
    esc,
    family_of,
    header,
    page,
    rule_docs,
)
from linter.rules import CATALOG, FAMILIES

SINGLE_FILE_MAX = 20


# -- the overview -------------------------------------------------------------------------------------


def _families(summaries: list[ArticleSummary]) -> list[str]:
    used = {family_of(f.rule) for s in summaries for f in s.findings}
    default = [p for p, fam in FAMILIES.items() if fam.default]
    return default + sorted(used - set(default))


def overview(
    summaries: list[ArticleSummary],
    link: Callable[[ArticleSummary, str], str],
    unreadable: list[str],
) -> str:
    findings = [(s, f) for s in summaries for f in s.findings]
    sev = Counter(f.severity for _, f in findings)
    by_rule = Counter(f.rule for _, f in findings)
    families = _families(summaries)
    parts = ['<section id="overview"><h2>Overview</h2><div class="cards">']
    for label, value, target in (
        ("Articles", len(summaries), ""),
        ("Errors", sev[Severity.ERROR], "severity=error"),
        ("Warnings", sev[Severity.WARNING], "severity=warning"),
        ("Info", sev[Severity.INFO], "severity=info"),
        ("Clean articles", sum(1 for s in summaries if not s.findings), ""),
        ("Could not be read", len(unreadable), ""),
    ):
        shown = f'<a href="#findings?{target}" data-filter="{target}">{value}</a>' if target and value else str(value)
        parts.append(f'<div class="card"><div class="k">{esc(label)}</div><div class="v">{shown}</div></div>')
    parts.append("</div>")
    # counts per family and rule
    rows = []
    for fam in families:
        codes = sorted(c for c in by_rule if family_of(c) == fam)
        total = sum(by_rule[c] for c in codes)
        title = FAMILIES[fam].title if fam in FAMILIES else fam
        cells = " ".join(
            f'<a href="#findings?rule={esc(c)}" data-filter="rule={esc(c)}" title="{esc(_name(c))}"><code>{esc(c)}</code>'
            f"&nbsp;{by_rule[c]}</a>"
            for c in codes
        )
        count = f'<a href="#findings?family={esc(fam)}" data-filter="family={esc(fam)}">{total}</a>' if total else "0"
        rows.append(
            f"<tr><th scope='row'>{esc(fam)} <span class='muted'>{esc(title)}</span></th><td class='num'>{count}</td><td>{cells}</td></tr>"
        )
    parts.append(
        '<div class="grid2"><div><h3>Findings by family and rule</h3><table class="counts"><tbody>'
        + "".join(rows)
        + "</tbody></table></div>"
    )
    # articles most in need of work
    worst = sorted((s for s in summaries if s.findings), key=lambda s: (-s.score, s.path))[:10]
    rows = [
        f"<tr><td><a href=\"{link(s, '')}\">{esc(s.title)}</a><br><code class='muted'>{esc(s.path)}</code></td>"
        f'<td class=\'num\'><a href="#findings?article={s.index}" data-filter="article={s.index}">{s.score}</a></td></tr>'
        for s in worst
    ]
    parts.append(
        f'<div><h3>Articles most in need of work</h3><p class="note">{esc(SCORE_FORMULA)}</p>'
        + (
            f'<table class="worst"><thead><tr><th>Article</th><th>Score</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
            if rows
            else '<p class="empty">Every article is clean.</p>'
        )
        + "</div></div>"
    )
    # stale or undated, cross-article duplicates, cited but missing, reference status, unreadable
    parts.append('<div class="grid2">')
    parts.append(
        _article_list(
            "Stale or undated articles", summaries, link, ("DISC004", "DISC005"), "No stale or undated article."
        )
    )
    parts.append(
        _article_list("Cross-article duplicates", summaries, link, ("DUP004",), "No paragraph copied between articles.")
    )
    parts.append(
        _article_list(
            "References cited but missing",
            summaries,
            link,
            ("CIT001", "CIT002"),
            "Every cited number has its reference.",
        )
    )
    statuses: Counter = Counter()
    for s in summaries:
        statuses.update(s.statuses)
    if statuses:
        from linter.facts.references import STATUS_LABELS

        items = "".join(f"<li>{esc(STATUS_LABELS[k])}: {n}</li>" for k, n in statuses.most_common())
        locked = ", ".join(
            f'<a href="#findings?rule={c}" data-filter="rule={c}"><code>{c}</code> {by_rule[c]}</a>'
            for c in ("CIT013", "CIT014", "CIT015")
            if by_rule[c]
        )
        parts.append(f"<div><h3>Reference verification (lock)</h3><ul>{items}</ul><p>{locked}</p></div>")
    if unreadable:
        items = "".join(f"<li>{esc(m)}</li>" for m in unreadable)
        parts.append(
            f'<div><h3 class="bad">Files that could not be read ({len(unreadable)})</h3><ul>{items}</ul></div>'
        )
    parts.append("</div></section>")
    return "".join(parts)


def _name(code: str) -> str:
    return CATALOG[code].name if code in CATALOG else code


def _article_list(
    title: str, summaries: list[ArticleSummary], link, codes: tuple[str, ...], empty: str, limit: int = 12
) -> str:
    hits = [(s, sum(1 for f in s.findings if f.rule in codes)) for s in summaries]
    hits = [(s, n) for s, n in hits if n]
    if not hits:
        return f'<div><h3>{esc(title)}</h3><p class="empty">{esc(empty)}</p></div>'
    filt = ",".join(codes)
    items = "".join(
        f'<li><a href="{link(s, "")}">{esc(s.title)}</a> <span class="muted">{_detail(s, codes)}</span></li>'
        for s, _ in sorted(hits, key=lambda x: (-x[1], x[0].path))[:limit]
    )
    more = f"<li>… and {len(hits) - limit} more</li>" if len(hits) > limit else ""
    total = sum(n for _, n in hits)
    return (
        f'<div><h3>{esc(title)} (<a href="#findings?rule={filt}" data-filter="rule={filt}">{len(hits)} article{"s" if len(hits) != 1 else ""}, '
        f"{total} finding{'s' if total != 1 else ''}</a>)</h3><ul>{items}{more}</ul></div>"
    )


def _detail(s: ArticleSummary, codes: tuple[str, ...]) -> str:
    if "DISC004" in codes:
        return esc(f"reviewed {s.review_date}" if s.review_date else "no date")
    n = sum(1 for f in s.findings if f.rule in codes)
    return f"{n} finding{'s' if n != 1 else ''}"


def filters(summaries: list[ArticleSummary]) -> str:
    """The filter bar: severity, family, rule, article, text. Native controls: keyboard-usable."""
    families = _families(summaries)
    rules = sorted({f.rule for s in summaries for f in s.findings})
    severity = "".join(
        f'<label><input type="checkbox" name="severity" value="{v}" checked> <span class="pill {v}">{v}</span></label>'
        for v in ("error", "warning", "info")
    )
    fam = "".join(f'<option value="{esc(f)}">{esc(f)}</option>' for f in families)
    rule = "".join(f'<option value="{esc(r)}">{esc(r)} {esc(_name(r))}</option>' for r in rules)
    arts = "".join(f'<option value="{s.index}">{esc(s.title)} ({esc(s.path)})</option>' for s in summaries)
    return (
        '<section id="findings"><h2>Findings</h2><form class="filters" role="search" onsubmit="return false">'
        f"<fieldset><legend>Severity</legend>{severity}</fieldset>"
        f'<label>Family <select name="family"><option value="">all</option>{fam}</select></label>'
        f'<label>Rule <select name="rule"><option value="">all</option>{rule}</select></label>'
        f'<label>Article <select name="article"><option value="">all</option>{arts}</select></label>'
        '<label>Text <input type="search" name="text" placeholder="message, snippet, path"></label>'
        '<button type="reset">Clear</button></form>'
        '<p class="shown" aria-live="polite"></p>'
        '<table class="findings-table"><thead><tr><th>Severity</th><th>Rule</th><th>Article</th><th>Line</th>'
        "<th>Message</th><th>Text</th></tr></thead><tbody></tbody></table>"
        '<p><button type="button" class="more" hidden>Show more</button></p>'
        "<noscript><p>The findings list needs JavaScript; each article's page lists its findings without it.</p></noscript>"
        "</section>"
    )


def findings_data(
    summaries: list[ArticleSummary], page_of: Callable[[ArticleSummary], str], prefix: bool
) -> dict[str, Any]:
    """Every finding, compactly: the page's script renders the rows that pass the filters. A row links
    to ``page + "#" + prefix + "f-" + n`` (its mark or banner in the article)."""
    articles = [[s.title, s.path, page_of(s), f"a{s.index}-" if prefix else ""] for s in summaries]
    strings: dict[str, int] = {}  # messages and snippets repeat across a site: each is sent once

    def ref(text: str) -> int:
        return strings.setdefault(text, len(strings))

    rows = []
    for s in summaries:
        for n, f in enumerate(s.findings):
            snippet = s.snippets[n] if n < len(s.snippets) else ""
            rows.append([_SEV[f.severity][0], f.rule, s.index, f.line, ref(f.message), ref(snippet), n])
    families = {r: family_of(r) for r in sorted({row[1] for row in rows})}  # sorted: the same page every run
    return {"articles": articles, "findings": rows, "families": families, "strings": list(strings)}


# -- the two shapes -------------------------------------------------------------------------------------


def _meta(summaries: list[ArticleSummary], today: date) -> str:
    total = sum(len(s.findings) for s in summaries)
    return (
        f"{len(summaries)} article{'s' if len(summaries) != 1 else ''} · {total} findings · medlint "
        f"{esc(__version__)} · {today.isoformat()}"
    )


def _index(
    summaries: list[ArticleSummary], link, unreadable: list[str], today: date, articles: str, data: dict[str, Any]
) -> str:
    """The overview page: header, overview, filters, then ``articles`` (the single file's sections, or
    nothing when each article has its own page), the criteria table and the rule docs."""
    ordered = sorted(summaries, key=lambda s: (-s.score, s.path))
    body = (
        header("medlint report", _meta(summaries, today))
        + "<main>"
        + overview(summaries, link, unreadable)
        + filters(summaries)
        + articles
        + criteria_section(ordered, lambda s: link(s, ""))
        + rule_docs(_doc_codes(summaries))
        + "</main>"
    )
    return page(f"medlint report: {len(summaries)} articles", body, data)


def single_file(summaries: list[ArticleSummary], unreadable: list[str], today: date) -> str:
    def link(s: ArticleSummary, anchor: str) -> str:
        return f"#a{s.index}-{anchor or 'article'}"

    ordered = sorted(summaries, key=lambda s: (-s.score, s.path))
    articles = "<h2>Articles</h2>" + "".join(s.section for s in ordered)
    return _index(summaries, link, unreadable, today, articles, findings_data(summaries, lambda _: "", True))


def _doc_codes(summaries: list[ArticleSummary]) -> list[str]:
    """The rules whose docs a page carries: those with findings, and those the criteria table names."""
    from linter.reporters.html import criteria_rules

    named = {code for rules in criteria_rules().values() for code, _ in rules}
    return sorted({f.rule for s in summaries for f in s.findings} | named)


def slug(s: ArticleSummary) -> str:
    name = re.sub(r"[^A-Za-z0-9]+", "-", Path(s.path).stem).strip("-").lower()[:50] or "article"
    return f"{s.index + 1:04d}-{name}.html"


class SiteWriter:
    """The folder shape, written as it goes: each article's page as soon as its summary is ready
    (its section then dropped: the index does not show it), then index.html."""

    def __init__(self, directory: Path, today: date) -> None:
        self.directory = directory
        self.today = today
        self.sizes = {"index": 0, "articles": 0}
        (directory / "articles").mkdir(parents=True, exist_ok=True)

    def article(self, s: ArticleSummary) -> None:
        from linter.edits import write_new_atomic

        body = (
            header(
                s.title,
                f"{esc(s.path)} · score {s.score} · medlint {esc(__version__)} · {self.today.isoformat()}",
                "../index.html",
            )
            + "<main>"
            + s.section
            + criteria_section([s], lambda _: "#article")
            + rule_docs(sorted({f.rule for f in s.findings}))
            + "</main>"
        )
        text = page(f"{s.title}: medlint report", body)
        write_new_atomic(self.directory / "articles" / slug(s), text)
        self.sizes["articles"] += len(text.encode())
        s.section = ""  # on its page now: a site's sections would otherwise all wait in memory

    def index(self, summaries: list[ArticleSummary], unreadable: list[str]) -> dict[str, int]:
        """index.html; returns the sizes written (bytes)."""
        from linter.edits import write_new_atomic

        def link(s: ArticleSummary, anchor: str) -> str:
            return f"articles/{slug(s)}" + (f"#{anchor}" if anchor else "")

        text = _index(
            summaries,
            link,
            unreadable,
            self.today,
            "",
            findings_data(summaries, lambda s: f"articles/{slug(s)}", False),
        )
        write_new_atomic(self.directory / "index.html", text)
        self.sizes["index"] = len(text.encode())
        return self.sizes
