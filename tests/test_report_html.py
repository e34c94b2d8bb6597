"""The editors' HTML report: self-contained, escaped, and correct in a real browser."""

from __future__ import annotations

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
    assert 'class="index"' in html and "stim1-deficiency-corrected.md" in html
    assert 'data-rule="CIT001"' in html and 'data-rule="CIT006"' in html
    assert 'class="pair"' in html and "<del>" in html and "<ins>" in html
    assert 'class="leak"' in html and 'class="placeholder"' in html and 'class="dangling"' in html
    assert 'id="rule-CIT001"' in html
    # worst article first in the index
    assert html.index("article/stim1-deficiency.md</a>") < html.index("article/stim1-deficiency-corrected.md</a>")


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
