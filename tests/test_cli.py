"""The CLI end to end, as authors and CI call it."""

import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT, run_cli

SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text())

DANGLING = "# Title\n\nA claim [1]. Another claim [3].\n\n## References\n\n1. Smith J. A study. 2020.\n"


@pytest.fixture
def bad_article(tmp_path: Path) -> Path:
    path = tmp_path / "bad.md"
    path.write_text(DANGLING)
    return path


def test_text_output_and_exit_code(bad_article):
    out = run_cli("check", "--isolated", "--select", "CIT001", str(bad_article))
    assert out.returncode == 1
    assert (
        out.stdout.splitlines()[0] == f"{bad_article}:3:28: CIT001 [3] is cited here but the reference list ends at 1"
    )


def test_clean_file_exits_zero(tmp_path):
    good = tmp_path / "good.md"
    good.write_text("# Title\n\nA claim [1].\n\n## References\n\n1. Smith J. A study of things. 2020.\n")
    out = run_cli("check", "--isolated", "--select", "CIT001,CIT002", str(good))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "All checks passed!" in out.stdout


def test_json_output_validates_against_schema(bad_article):
    out = run_cli("check", "--isolated", "--format", "json", str(bad_article))
    report = json.loads(out.stdout)
    jsonschema.validate(report, SCHEMA)
    assert report["tool"]["name"] == "medlint"
    codes = [f["rule"] for f in report["files"][0]["findings"]]
    assert "CIT001" in codes
    assert report["summary"]["findings"] == len(codes)


def test_unreadable_file_does_not_stop_the_others(tmp_path, bad_article):
    binary = tmp_path / "img.md"
    binary.write_bytes(b"\x89PNG\x00\x00")
    out = run_cli(
        "check", "--isolated", "--select", "CIT001", str(binary), str(tmp_path / "missing.md"), str(bad_article)
    )
    assert out.returncode == 2
    errors = out.stderr.strip().splitlines()
    assert f"medlint: {tmp_path / 'missing.md'}: no such file or directory" in errors
    assert f"medlint: {binary}: binary file (NUL byte found); medlint reads UTF-8 text" in errors
    assert "Traceback" not in out.stderr
    assert "CIT001" in out.stdout


def test_directory_walk_skips_vendor_folders(tmp_path, bad_article):
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "x.md").write_text(DANGLING)
    (tmp_path / "notes.py").write_text("print(1)\n")
    out = run_cli("check", "--isolated", "--select", "CIT001", "--format", "json", str(tmp_path))
    paths = [f["path"] for f in json.loads(out.stdout)["files"]]
    assert paths == [str(bad_article)]


def test_rules_and_rule_docs():
    out = run_cli("rules")
    assert out.returncode == 0 and "CIT001" in out.stdout and "undefined-citation" in out.stdout
    doc = run_cli("rule", "CIT002")
    assert doc.returncode == 0
    assert doc.stdout.startswith("# CIT002 missing-reference-list")
    for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert section in doc.stdout
    missing = run_cli("rule", "XYZ999")
    assert missing.returncode == 2 and "unknown rule" in missing.stderr


def test_usage_error_exit_two():
    out = run_cli("check", "--select", "NOPE1")
    assert out.returncode == 2 and "matches no rule" in out.stderr


def test_seed_has_one_cit002(seed):
    out = run_cli("check", "--isolated", "--select", "CIT", str(seed))
    lines = [ln for ln in out.stdout.splitlines() if " CIT00" in ln and (" CIT001 " in ln or " CIT002 " in ln)]
    assert lines == [
        f"{seed}:1:171: CIT002 359 citation markers citing 1-103, but the article has no reference list "
        "(no References section or footnote definitions)"
    ]


def test_graph_export(bad_article):
    out = run_cli("graph", str(bad_article), "--format", "json")
    data = json.loads(out.stdout)
    kinds = {n["kind"] for n in data["nodes"]}
    assert {"article", "section", "paragraph", "sentence", "marker", "reference"} <= kinds
    cites = [e for e in data["edges"] if e["kind"] == "cites"]
    assert len(cites) == 1
    dot = run_cli("graph", str(bad_article), "--format", "dot")
    assert dot.stdout.startswith("digraph article {") and "-> " in dot.stdout
