"""Careful, well-cited writing must come out clean: tests/clean/ holds articles written to the
standards medlint checks (Markdown, HTML and plain text), and every default rule must stay silent."""

from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

CLEAN = sorted((ROOT / "tests" / "clean").iterdir())


@pytest.mark.parametrize("path", CLEAN, ids=[p.name for p in CLEAN])
def test_clean_article_has_no_findings(path: Path):
    out = run_cli("check", "--isolated", "--no-cache", "--today", "2026-11-25", str(path))
    assert (out.returncode, out.stdout) == (0, "All checks passed!\n"), out.stdout


def test_clean_articles_together_have_no_cross_article_duplicates():
    out = run_cli(
        "check",
        "--isolated",
        "--no-cache",
        "--today",
        "2026-11-25",
        *map(str, CLEAN),
        "article/stim1-deficiency-corrected.md",
    )
    assert (out.returncode, out.stdout) == (0, "All checks passed!\n"), out.stdout
