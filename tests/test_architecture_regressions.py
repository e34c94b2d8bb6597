"""Regressions for the bugs the architecture issue found: every path reads each file's own configuration."""

from __future__ import annotations

import json
from datetime import date

from linter.cli import main

CONFIG = '[tool.medlint]\nreference-headings = ["Literature"]\n'
ARTICLE = "# Topic {n}\n\nA claim about topic {n} [1].\n\n## Literature\n\n1. Author A. A study of topic {n}. 2024.\n"


def _site(tmp_path, count: int):
    site = tmp_path / "site"
    site.mkdir()
    (site / "pyproject.toml").write_text(CONFIG)
    for n in range(count):
        (site / f"a{n:02}.md").write_text(ARTICLE.format(n=n))
    return site


def test_report_honours_reference_headings_on_pooled_and_cached_runs(tmp_path, monkeypatch):
    site = _site(tmp_path, 17)  # more than the pool threshold: workers drop the graphs
    monkeypatch.chdir(site)
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(tmp_path / "cache"))
    for _ in range(2):  # the second run is served from the cache
        assert main(["report", ".", "-o", str(tmp_path / "r.html"), "--select", "CIT"]) == 0
        page = (tmp_path / "r.html").read_text()
        assert "no list" not in page
        assert page.count("1 / 1") == 17


def test_check_honours_reference_headings(tmp_path, monkeypatch, capsys):
    site = _site(tmp_path, 1)
    monkeypatch.chdir(site)
    assert main(["check", "--no-cache", "--select", "CIT", "a00.md"]) == 0


def test_graph_command_reads_the_files_configuration(tmp_path, monkeypatch, capsys):
    site = _site(tmp_path, 1)
    monkeypatch.chdir(site)
    assert main(["graph", "a00.md"]) == 0
    nodes = json.loads(capsys.readouterr().out)["nodes"]
    assert [n["number"] for n in nodes if n["kind"] == "reference"] == [1]


def test_sup001_severity_is_honoured(tmp_path, monkeypatch, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.medlint]\nseverity = { SUP001 = "error" }\n')
    (tmp_path / "a.md").write_text("# T\n\n<!-- medlint-disable-next-line CIT001 -->\nNothing to silence here.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "--select", "SUP001,CIT001", "--format", "json", "a.md"]) == 1
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert [(f["rule"], f["severity"], f["line"], f["column"]) for f in findings] == [("SUP001", "error", 3, 1)]


SHARED = (
    "Regular physical activity lowers blood pressure, improves sleep and helps people keep a healthy weight "
    "over many years of adult life."
)


def _corpus(tmp_path):
    (tmp_path / "strict").mkdir()
    (tmp_path / "lenient").mkdir()
    (tmp_path / "strict" / "pyproject.toml").write_text(
        '[tool.medlint]\nseverity = { DUP004 = "error" }\n[tool.medlint.rules.DUP004]\nthreshold = 0.5\n'
    )
    (tmp_path / "lenient" / "pyproject.toml").write_text('[tool.medlint]\nboilerplate = ["' + SHARED + '"]\n')
    (tmp_path / "strict" / "a.md").write_text(f"# A\n\n{SHARED}\n")
    (tmp_path / "lenient" / "b.md").write_text(f"# B\n\n{SHARED}\n")


def test_each_file_of_a_corpus_run_is_judged_with_its_own_configuration(tmp_path, monkeypatch, capsys):
    _corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "--select", "DUP004", "--format", "json", "strict", "lenient"]) == 1
    files = {f["path"]: f["findings"] for f in json.loads(capsys.readouterr().out)["files"]}
    # strict/a.md: its own severity (error); lenient/b.md: the paragraph is its own boilerplate, so nothing
    assert [(f["rule"], f["severity"]) for f in files["strict/a.md"]] == [("DUP004", "error")]
    assert files["lenient/b.md"] == []
    # and the run order does not matter
    assert main(["check", "--no-cache", "--select", "DUP004", "--format", "json", "lenient", "strict"]) == 1
    again = {f["path"]: f["findings"] for f in json.loads(capsys.readouterr().out)["files"]}
    assert again == files


def test_corpus_findings_pass_through_inline_suppressions(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.md").write_text(f"# A\n\n<!-- medlint-disable-next-line DUP004 -->\n{SHARED}\n")
    (tmp_path / "b.md").write_text(f"# B\n\n{SHARED}\n")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--no-cache", "--select", "DUP004,SUP001", "--format", "json", "a.md", "b.md"])
    files = {f["path"]: f["findings"] for f in json.loads(capsys.readouterr().out)["files"]}
    assert files["a.md"] == []  # suppressed, and the suppression is used, so no SUP001
    assert [(f["rule"], f["line"]) for f in files["b.md"]] == [("DUP004", 3)]
    assert code == 1


def test_report_header_uses_today(tmp_path, monkeypatch):
    site = _site(tmp_path, 1)
    monkeypatch.chdir(site)
    assert main(["report", "--no-cache", "--today", "2031-02-03", "a00.md", "-o", "r.html"]) in (0, 1)
    assert "2031-02-03" in (site / "r.html").read_text()
    assert date.today().isoformat() not in (site / "r.html").read_text().split("</header>")[0]


def test_rule_options_are_checked_against_their_declared_types_and_ranges(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.md").write_text("# T\n\nText.\n")
    monkeypatch.chdir(tmp_path)
    for value, why in (
        ('"high"', "expected a number"),
        ("nan", "finite"),
        ("-5", "at least 0.0"),
        ("7", "at most 1.0"),
    ):
        (tmp_path / "pyproject.toml").write_text(f"[tool.medlint.rules.DUP002]\nthreshold = {value}\n")
        assert main(["check", "--no-cache", "a.md"]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "rules.DUP002.threshold" in err[0] and why in err[0], err
