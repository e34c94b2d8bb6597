"""The project's own demonstration articles: exact findings on the defective one, none on its twin."""

import shutil
from pathlib import Path

from tests.conftest import ROOT, run_cli


def test_defective_article_findings_are_pinned():
    out = run_cli("check", "--today", "2026-11-25", "--no-cache", "article/")
    assert out.returncode == 1
    assert out.stdout == (ROOT / "tests" / "expected" / "article.txt").read_text()


def test_corrected_twin_is_clean():
    out = run_cli("check", "--today", "2026-11-25", "--no-cache", "article/stim1-deficiency-corrected.md")
    assert (out.returncode, out.stdout) == (0, "All checks passed!\n")


def test_every_defect_class_is_shown():
    text = (ROOT / "tests" / "expected" / "article.txt").read_text()
    for code in ("DUP002", "CIT001", "CIT006", "CIT011", "DISC002", "DOSE010", "DOSE001"):
        assert f" {code} " in text, code


def test_fix_then_lint_again(tmp_path: Path):
    copy = tmp_path / "stim1.md"
    shutil.copy(ROOT / "article" / "stim1-deficiency.md", copy)
    run_cli("check", "--isolated", "--fix", "--unsafe-fixes", str(copy))
    fixed = copy.read_text()
    assert (
        "[2][3] [1]" not in fixed and "1. Two faulty copies of the STIM1 gene, one from each parent. [2][3]\n" in fixed
    )
    assert "co-trimoxazole 5 mg/kg" in fixed and "5 mL daily" in fixed
    out = run_cli("check", "--isolated", "--select", "CIT006,DOSE001,DOSE004,DOSE005", str(copy))
    assert out.returncode == 0


def test_project_baseline_accepts_the_planted_defects():
    out = run_cli("check", "--baseline", "article/medlint-baseline.json", "--no-cache", "article/")
    assert (out.returncode, out.stdout) == (0, "All checks passed!\n")
