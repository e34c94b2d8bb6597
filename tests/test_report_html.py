"""The editors' HTML report: self-contained, escaped, and correct in a real browser."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

HOSTILE = """# <script>alert('x')</script> Title

A claim [1]. A second claim with <img src=x onerror=alert(1)> inside [4].

A claim [1]. A second claim with <img src=x onerror=alert(1)> inside [4].

## References

1. Smith J. "Quoted" & <b>bold</b> title. 2020.
"""


def report(tmp_path: Path, *paths: str) -> str:
    out_file = tmp_path / "report.html"
    out = run_cli("report", "--isolated", "--no-cache", *paths, "-o", str(out_file))
    assert out.returncode in (0, 1), out.stderr
    return out_file.read_text()


def test_report_is_self_contained(tmp_path):
    html = report(tmp_path, "article/")
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)
    assert "<link" not in html and "@import" not in html
    assert html.count("<svg") >= 2 and "<style>" in html and "<script>" in html


def test_article_text_is_escaped(tmp_path):
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE)
    html = report(tmp_path, str(path))
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert html.count("<script>") == 1  # only medlint's own script


def test_report_sections_for_the_demo_article(tmp_path):
    html = report(tmp_path, "article/")
    assert 'id="overview"' in html and 'id="findings"' in html and 'id="criteria"' in html
    assert "stim1-deficiency-corrected.md" in html
    assert 'data-rule="CIT001"' in html and 'data-rule="CIT006"' in html
    assert 'class="pair"' in html and "<del>" in html and "<ins>" in html
    assert 'class="leak"' in html and 'class="placeholder"' in html and 'class="dangling"' in html
    assert 'id="rule-CIT001"' in html
    assert "score = errors × 10 + warnings × 3 + info × 1" in html
    # worst article first
    assert html.index("<code>article/stim1-deficiency.md</code>") < html.index(
        "<code>article/stim1-deficiency-corrected.md</code>"
    )


def _rules_section(html: str) -> str:
    start = html.index('<section id="rules">')
    return html[start : html.index("</section>", start)]


def test_rule_docs_are_rendered_from_their_markdown(tmp_path):
    docs = _rules_section(report(tmp_path, "article/"))
    prose = re.sub(r"<pre>.*?</pre>", "", docs, flags=re.S)  # examples may show Markdown, as code
    assert "##" not in prose and "```" not in docs
    assert "<h5>What it does</h5>" in docs and "<pre><code" in docs


def test_ordered_lists_are_ordered_lists(tmp_path):
    html = report(tmp_path, "article/")
    doc = html[html.index('class="doc"') :]
    assert "<ol>" in doc and "<li>" in doc
    assert '<ul><li><span class="line" aria-hidden="true">22</span>' not in doc  # the numbered causes list


def test_citation_map_is_labelled_and_its_legend_matches_its_marks(tmp_path):
    html = report(tmp_path, "article/stim1-deficiency.md")
    svg = html[html.index('<svg class="map"') : html.index("</svg>", html.index('<svg class="map"'))]
    assert 'class="tick"' in svg and 'class="section-label"' in svg
    assert ">line in the article</text>" in svg and ">cited reference number</text>" in svg
    assert ">Causes<title>" in svg or ">Causes</text>" in svg or "Causes" in svg
    legend = html[html.index('<div class="legend">') : html.index("</div>", html.index('<div class="legend">'))]
    for kind in ("cite", "dangling", "leak", "placeholder"):
        assert f'class="{kind}"' in svg and f'class="{kind}"' in legend, kind
    assert 'class="nolist"' not in legend  # no mark of that kind, so no legend entry


def test_whole_article_findings_are_banners_not_line_1(tmp_path):
    html = report(tmp_path, "article/stim1-deficiency.md")
    banner = re.search(r'<div class="banner warning"[^>]*>.*?DISC001.*?</div>', html).group(0)
    assert "whole article" in banner and "no disclaimer" in banner and "line 1" not in banner


def test_article_title_order(tmp_path):
    from linter.config import Config
    from linter.engine import graph_for
    from linter.reporters.html import article_title
    from linter.source import Source

    def title(name: str, text: str) -> str:
        return article_title(graph_for(Source(name, text), Config()))

    assert title("a.md", "---\ntitle: Front matter title\n---\n# Heading one\n\nText.\n") == "Heading one"
    assert (
        title("a.md", "---\ntitle: Front matter title\n---\n## Only a second level\n\nText.\n") == "Front matter title"
    )
    page = (
        '<html><head><title>Page title | Site</title><script type="application/ld+json">'
        '{"@type": "MedicalWebPage", "headline": "The headline"}</script></head><body><main><p>Text here.</p></main></body></html>'
    )
    assert title("a.html", page) == "The headline"
    assert title("b.html", page.replace('"headline": "The headline"', '"name": "x"')) == "Page title | Site"
    assert title("c.txt", "just some words\n") == "c.txt"


def test_a_site_is_a_folder_with_an_index_and_a_page_per_article(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    for n in range(22):
        (site / f"a{n:02d}.md").write_text(f"# Article {n}\n\nA claim [3].\n\n## References\n\n1. A ref. 2020.\n")
    (site / "bad.md").write_bytes(b"\xff\xfe\x00 not text")
    out = run_cli("report", "--isolated", "--no-cache", str(site), "-o", str(tmp_path / "out") + "/")
    assert out.returncode == 2, out.stderr  # one file could not be read
    index = (tmp_path / "out" / "index.html").read_text()
    pages = sorted((tmp_path / "out" / "articles").glob("*.html"))
    assert len(pages) == 22
    for href in set(re.findall(r'href="(articles/[^"#]+)', index)):
        assert (tmp_path / "out" / href).is_file(), href
    assert "Files that could not be read (1)" in index and "bad.md" in index
    assert "Article 7" in index  # titles, not paths
    article = pages[0].read_text()
    assert 'href="../index.html"' in article and "<script>" in article and 'id="article"' in article
    assert len(index.encode()) < 5_000_000


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_site_rendered_from_worker_facts_is_the_site_rendered_in_one_process(tmp_path):
    """Invariant of rendering from facts taken in the lint workers (speed only): the pages are byte for
    byte those of a one-process run, which renders from the graphs it kept; with reading levels, the
    corpus step's findings (added after the facts were taken) and a stored (warm) run's rebuilt graphs."""
    site = tmp_path / "site"
    site.mkdir()
    shared = (
        "Your pharmacist can explain how each of these medicines interacts with the other medicines, "
        "supplements and herbal remedies that you already take every day, and what to watch for."
    )
    for n in range(24):
        (site / f"a{n:02d}.md").write_text(
            f"# Article {n}\n\nA claim about topic {n} rests on a study [1].\n\n{shared}\n\n"
            f"Take {n + 1} tablets as needed [2]. Nobody knows why this works for some people [{n % 3 + 1}].\n\n"
            "## References\n\n1. A ref. 2020.\n2. Another ref. 2021.\n"
        )
    common = ("report", "--isolated", "--today", "2026-12-01", "--extend-select", "READ", str(site))
    pooled = run_cli(*common, "--no-cache", "-o", str(tmp_path / "pooled") + "/")
    single = run_cli(*common, "--no-cache", "--jobs", "1", "-o", str(tmp_path / "single") + "/")
    assert pooled.returncode == single.returncode == 1, pooled.stderr + single.stderr
    first = _tree(tmp_path / "pooled")
    assert len(first) == 25 and first == _tree(tmp_path / "single")
    page = first["articles/0001-a00.html"].decode()
    assert "DUP005" in page and "grade " in page  # a corpus-step finding (after the facts); a reading level
    cache = {"MEDLINT_CACHE_DIR": str(tmp_path / "cache")}
    for name in ("cold", "warm"):  # the warm run's results are stored ones: no facts, graphs rebuilt
        out = run_cli(*common, "-o", str(tmp_path / name) + "/", env=cache)
        assert out.returncode == 1, out.stderr
    assert _tree(tmp_path / "cold") == _tree(tmp_path / "warm") == first


def test_a_report_into_a_folder_not_yet_there(tmp_path):
    """`-o DIR/` names a folder for one article as for a site: it is made (it used to fail, exit 2)."""
    out = run_cli("report", "--isolated", "--no-cache", "article/", "-o", str(tmp_path / "new" / "dir") + "/")
    assert out.returncode == 1, out.stderr
    html = (tmp_path / "new" / "dir" / "index.html").read_text()
    data = json.loads(re.search(r'<script type="application/json" id="medlint-data">(.*?)</script>', html).group(1))
    assert list(data["families"]) == sorted(data["families"])  # the same page on every run (no set order)


def test_report_takes_a_baseline(tmp_path):
    baseline = tmp_path / "baseline.json"
    run_cli("check", "--isolated", "--no-cache", "article/", "--write-baseline", str(baseline))
    out = run_cli(
        "report", "--isolated", "--no-cache", "--baseline", str(baseline), "article/", "-o", str(tmp_path / "r.html")
    )
    assert out.returncode == 0, out.stderr
    assert "0 findings" in out.stderr


def test_findings_data_cannot_end_its_script_element(tmp_path):
    path = tmp_path / "hostile.md"
    hostile = "A paragraph that ends the script </script><script>alert(1)</script> and goes on for a while longer."
    path.write_text(f"# T\n\n{hostile}\n\n{hostile}\n")
    html = report(tmp_path, str(path))
    assert "</script><script>alert" not in html
    assert html.count("</script>") == 2  # the data element and medlint's own script


def test_seed_report(tmp_path, seed):
    html = report(tmp_path, str(seed))
    assert html.count('class="leak"') >= 54 and 'class="placeholder"' in html
    assert "no list" in html


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_rendered_dom_in_a_real_browser(tmp_path, seed):
    html_file = tmp_path / "report.html"
    run_cli("report", "--isolated", "--no-cache", "article/", str(seed), "-o", str(html_file))
    out = chromium(
        tmp_path, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", "--dump-dom", html_file.as_uri()
    )
    dom = out.stdout
    assert dom.count("<mark") > 50
    assert "<svg" in dom and 'class="pair"' in dom
    console_errors = [ln for ln in out.stderr.splitlines() if "CONSOLE" in ln and ("Error" in ln or "error" in ln)]
    assert console_errors == []
    assert "Uncaught" not in out.stderr


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_screenshot(tmp_path, seed):
    html_file = tmp_path / "report.html"
    run_cli("report", "--isolated", "--no-cache", str(seed), "-o", str(html_file))
    shot = tmp_path / "shot.png"
    chromium(tmp_path, "--window-size=1400,2400", f"--screenshot={shot}", html_file.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000
    keep = ROOT / "bench" / "out"
    keep.mkdir(parents=True, exist_ok=True)
    (keep / "report-seed.png").write_bytes(data)


def _rows(dom: str) -> list[tuple[str, str]]:
    return re.findall(r'<tr data-severity="(\w+)" data-rule="(\w+)">', dom)


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_filters_hide_what_they_should_in_a_browser(tmp_path):
    """The page's own script runs: a rule filter from the overview's link leaves only that rule's rows,
    a severity filter only that severity; the count line says how many are shown."""
    html_file = tmp_path / "report.html"
    run_cli("report", "--isolated", "--no-cache", "article/", "-o", str(html_file))
    everything = _rows(chromium(tmp_path, "--virtual-time-budget=3000", "--dump-dom", html_file.as_uri()).stdout)
    assert len(everything) == 20 and len({r for _, r in everything}) > 5
    dom = chromium(
        tmp_path, "--virtual-time-budget=3000", "--dump-dom", html_file.as_uri() + "#findings?rule=CIT006"
    ).stdout
    assert _rows(dom) == [("error", "CIT006")] * 4
    assert "Showing 4 of 4 findings (20 in all)" in dom
    dom = chromium(
        tmp_path, "--virtual-time-budget=3000", "--dump-dom", html_file.as_uri() + "#findings?severity=error"
    ).stdout
    rows = _rows(dom)
    assert rows and {s for s, _ in rows} == {"error"} and len(rows) < len(everything)
    # the filters are native form controls: reachable and usable from the keyboard
    static = html_file.read_text()
    form = static[static.index('<form class="filters"') : static.index("</form>")]
    assert form.count('<input type="checkbox"') == 3 and form.count("<select") == 3 and 'type="search"' in form
    assert 'tabindex="-1"' not in form


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_a_thousand_article_report_opens(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    for n in range(1000):
        (site / f"a{n:04d}.md").write_text(
            f"# Condition {n}\n\nTake 5.0 mg QD [2].\n\n## References\n\n1. Author A. A study. 2020.\n"
        )
    out = run_cli("report", "--isolated", "--no-cache", str(site), "-o", str(tmp_path / "out") + "/")
    assert out.returncode == 1, out.stderr
    index = tmp_path / "out" / "index.html"
    assert index.stat().st_size < 5_000_000
    dom = chromium(tmp_path, "--virtual-time-budget=10000", "--dump-dom", index.as_uri()).stdout
    total = len(re.findall(r"\],\[", index.read_text())) + 1  # rows in the data, roughly
    assert "Showing 200 of " in dom and len(_rows(dom)) == 200
    assert total > 1000
