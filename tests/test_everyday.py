"""The author's and CI's everyday, through the CLI: suppressions, file selection, selection, output, stdin."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, run_cli

CLAIM = "# T\n\nA claim [3].\n\n## References\n\n1. One source. 2020.\n"


def _check(tmp_path, *args, input=None):
    return run_cli("check", "--no-cache", *args, cwd=tmp_path, input=input)


def test_disable_line_covers_its_own_line_only(tmp_path):
    (tmp_path / "a.md").write_text(
        "# T\n\nA claim [3]. <!-- medlint-disable-line CIT001 -->\n\nAnother claim [4].\n\n## References\n\n1. One. 2020.\n"
    )
    out = _check(tmp_path, "--isolated", "--select", "CIT001", "a.md")
    assert out.stdout.splitlines()[0] == "a.md:5:15: CIT001 [4] is cited here but the reference list ends at 1"
    assert out.stdout.count("CIT001") == 1


def test_a_misspelt_directive_suppresses_nothing_and_is_reported(tmp_path):
    (tmp_path / "a.md").write_text("# T\n\n<!-- medlint-disabel CIT001 -->\n" + CLAIM[4:])
    out = _check(tmp_path, "--isolated", "--select", "CIT001,SUP002", "a.md")
    assert "a.md:3:1: SUP002 unknown directive 'medlint-disabel'" in out.stdout
    assert "CIT001" in out.stdout


def test_a_reason_goes_after_two_dashes_and_its_words_are_not_codes(tmp_path):
    (tmp_path / "a.md").write_text("# T\n\nTake 10mg. <!-- medlint-disable-line DOSE007 -- dose wording reviewed -->\n")
    out = _check(tmp_path, "--isolated", "--select", "DOSE,SUP002", "a.md")
    assert "DOSE007" not in out.stdout and "SUP002" not in out.stdout
    (tmp_path / "b.md").write_text(
        "# T\n\nTake 10mg. <!-- medlint-disable-line DOSE007 because dose was reviewed -->\n"
    )
    out = _check(tmp_path, "--isolated", "--select", "DOSE,SUP002", "b.md")
    assert "SUP002 'because' is not a rule code" in out.stdout and "DOSE007" in out.stdout


def test_disable_file(tmp_path):
    (tmp_path / "a.md").write_text("<!-- medlint-disable-file CIT001 -->\n" + CLAIM)
    assert _check(tmp_path, "--isolated", "--select", "CIT001", "a.md").returncode == 0


def test_exclude_is_gitignore_style_and_named_files_obey_force_exclude(tmp_path):
    (tmp_path / "medlint.toml").write_text('extend-exclude = ["content/drafts"]\n')
    drafts = tmp_path / "content" / "drafts" / "old"
    drafts.mkdir(parents=True)
    (drafts / "a.md").write_text(CLAIM)
    (tmp_path / "content" / "live.md").write_text(CLAIM)
    out = _check(tmp_path, "--select", "CIT001", "content")
    assert "live.md" in out.stdout and "drafts" not in out.stdout
    named = str(drafts / "a.md")
    assert "CIT001" in _check(tmp_path, "--select", "CIT001", named).stdout
    assert _check(tmp_path, "--select", "CIT001", "--force-exclude", named).stdout == "All checks passed!\n"


def test_a_named_folder_is_walked_even_when_excluded_and_exclusions_apply_below_it(tmp_path):
    """As in ruff: naming an excluded folder (tests/pages, a draft folder) lints what is in it; the
    exclusions still apply to what lies below it, matched from it; --force-exclude keeps it out."""
    (tmp_path / "medlint.toml").write_text('extend-exclude = ["content/drafts"]\n')
    pages = tmp_path / "tests" / "pages"
    drafts = tmp_path / "content" / "drafts"
    for folder in (pages, pages / "fixtures", drafts):
        folder.mkdir(parents=True)
    for name in (pages / "page.md", pages / "README.md", pages / "fixtures" / "f.md", drafts / "d.md"):
        name.write_text(CLAIM)
    (tmp_path / "live.md").write_text(CLAIM)

    def linted(*args):
        out = _check(tmp_path, "--select", "CIT001", *args)
        return out.returncode, sorted({line.split(":")[0] for line in out.stdout.splitlines() if ": CIT001" in line})

    assert linted(".") == (1, ["live.md"])  # walked from above, both folders stay out
    assert linted("tests/pages") == (1, ["tests/pages/page.md"])  # README and fixtures/ below it do not
    assert linted("tests") == (1, ["tests/pages/page.md"])
    assert linted("content/drafts") == (1, ["content/drafts/d.md"])
    out = _check(tmp_path, "--select", "CIT001", "--force-exclude", "tests/pages")
    assert out.returncode == 2 and "tests/pages: no articles found" in out.stderr


def test_discovery_skips_readmes_requirements_tests_and_gitignored_files(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("build/\n")
    for name in ("README.md", "CHANGELOG.md", "requirements.txt", "tests/t.md", "build/b.md", "articles/a.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(CLAIM)
    out = _check(tmp_path, "--isolated", "--select", "CIT001", ".")
    files = {line.split(":")[0] for line in out.stdout.splitlines() if ": CIT001" in line}
    assert files == {"articles/a.md"}


def test_a_family_prefix_never_enables_opt_in_rules(tmp_path):
    (tmp_path / "a.md").write_text(
        "# T\n\nCalcium entry is absent in the T cells of affected children [1].\n\n## References\n\n"
        "1. Smith J. Diet and exercise in older adults. Lancet. 2020.\n"
    )
    out = _check(tmp_path, "--isolated", "--select", "CIT", "a.md")
    assert "CIT012" not in out.stdout
    out = _check(tmp_path, "--isolated", "--select", "CIT", "--select", "CIT012", "a.md")
    assert "CIT012" in out.stdout


def test_repeated_ignore_flags_accumulate(tmp_path):
    (tmp_path / "a.md").write_text("# T\n\nTake 10mg. Give 5.0 mg.\n")
    out = _check(tmp_path, "--isolated", "--select", "DOSE", "--ignore", "DOSE007", "--ignore", "DOSE001", "a.md")
    assert "DOSE007" not in out.stdout and "DOSE001" not in out.stdout


def test_statistics_prints_only_the_table(tmp_path):
    (tmp_path / "a.md").write_text("# T\n\nTake 10mg. Give 20mg.\n")
    out = _check(tmp_path, "--isolated", "--select", "DOSE007", "--statistics", "a.md")
    assert out.stdout == "    2\tDOSE007\t[*] dose-format\n"


def test_version_flag(capsys):
    """The console script answers -V/--version before loading anything: the same line argparse prints."""
    from linter import __version__
    from linter.cli import main

    for flag in ("-V", "--version"):
        out = run_cli(flag)
        assert (out.returncode, out.stdout, out.stderr) == (0, f"medlint {__version__}\n", "")
        with pytest.raises(SystemExit) as raised:
            main([flag])
        assert raised.value.code == 0 and capsys.readouterr().out == out.stdout


def test_colour_precedence(tmp_path):
    (tmp_path / "a.md").write_text("# T\n\nTake 10mg.\n")
    env = {**os.environ, "FORCE_COLOR": "1"}
    run = subprocess.run(
        ["python", "-m", "linter", "check", "--isolated", "--no-cache", "--select", "DOSE007", "a.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**env, "NO_COLOR": ""},
        check=False,
    )
    assert "\x1b[" in run.stdout or run.returncode == 1  # FORCE_COLOR colours even when piped
    out = run_cli("check", "--isolated", "--no-cache", "--select", "DOSE007", "--color", "always", "a.md", cwd=tmp_path)
    assert "\x1b[" in out.stdout  # --color wins over NO_COLOR


def test_stdin_with_a_filename_and_fix_to_stdout(tmp_path):
    out = _check(
        tmp_path, "--isolated", "--select", "DOSE007", "--stdin-filename", "page.md", "-", input="# T\n\nTake 10mg.\n"
    )
    assert (
        out.stdout.splitlines()[0] == "page.md:3:6: DOSE007 '10mg' needs a space between number and unit: '10 mg' [*]"
    )
    out = _check(tmp_path, "--isolated", "--select", "DOSE007", "--fix", "-", input="# T\n\nTake 10mg.\n")
    assert out.stdout == "# T\n\nTake 10 mg.\n"


def test_show_files_and_settings(tmp_path):
    (tmp_path / "medlint.toml").write_text('extend-exclude = ["drafts/"]\n[rules.DUP002]\nthreshold = 0.5\n')
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.md").write_text(CLAIM)
    (tmp_path / "a.md").write_text(CLAIM)
    (tmp_path / "README.md").write_text(CLAIM)
    out = _check(tmp_path, "--show-files", ".")
    assert out.stdout.split() == ["a.md"] and out.returncode == 0
    import json

    settings = json.loads(_check(tmp_path, "--show-settings", "a.md").stdout)
    assert settings["config"].endswith("medlint.toml") and settings["rules"]["DUP002"]["options"]["threshold"] == 0.5
    assert "CIT012" not in settings["rules"]


def test_no_progress_when_not_a_terminal(tmp_path):
    for n in range(60):
        (tmp_path / f"a{n}.md").write_text(CLAIM)
    out = _check(tmp_path, "--isolated", "--select", "CIT001", ".")
    assert out.stderr == "" and out.returncode == 1


def test_watch_relints_changed_files_and_ignores_its_own_fixes(tmp_path):
    import time

    pytest.importorskip("watchfiles")
    path = tmp_path / "a.md"
    path.write_text("# T\n\nThe usual dose is 5 mg, as your doctor advises.\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MEDLINT_CACHE_DIR": ""}
    proc = subprocess.Popen(
        [sys.executable, "-m", "linter", "check", "--isolated", "--no-cache", "--select", "DOSE001", "--watch", "."],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout.readline() == "All checks passed!\n"
        time.sleep(0.5)
        path.write_text("# T\n\nThe usual dose is 5.0 mg, as your doctor advises.\n")
        assert "DOSE001" in proc.stdout.readline()
    finally:
        proc.kill()
        proc.wait(timeout=10)
