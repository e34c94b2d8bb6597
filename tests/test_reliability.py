"""Hostile and broken input, end to end through the CLI: one clear line, exit 2 (or findings),
the other files in the same run still linted, and nothing ever lost."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

GOOD = "# Title\n\nA claim [1]. Another claim [3].\n\n## References\n\n1. Smith J. A study of things. 2020.\n"
EXPECTED_FINDING = "CIT001 [3] is cited here but the reference list ends at 1"


def check(tmp_path: Path, *bad: str, extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    good = tmp_path / "good.md"
    good.write_text(GOOD)
    return run_cli("check", "--isolated", "--no-cache", "--select", "CIT001", *extra, *bad, str(good))


def assert_one_line_error(out: subprocess.CompletedProcess, fragment: str) -> None:
    assert out.returncode == 2, (out.stdout, out.stderr)
    errors = out.stderr.strip().splitlines()
    assert len(errors) == 1 and fragment in errors[0], errors
    assert "Traceback" not in out.stderr
    assert EXPECTED_FINDING in out.stdout  # the good file was still linted


def test_missing_path(tmp_path):
    out = check(tmp_path, str(tmp_path / "nope.md"))
    assert_one_line_error(out, f"{tmp_path / 'nope.md'}: no such file or directory")


def test_directory_without_articles(tmp_path):
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    (empty_dir / "image.png").write_bytes(b"\x89PNG")
    out = check(tmp_path, str(empty_dir))
    assert_one_line_error(out, "no articles found")


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"  \n\t\n"], ids=["no bytes", "bom", "white space"])
def test_empty_file_has_no_findings(tmp_path, content):
    (tmp_path / "empty.md").write_bytes(content)
    out = run_cli("check", "--isolated", "--no-cache", str(tmp_path / "empty.md"))
    assert (out.returncode, out.stdout, out.stderr) == (0, "All checks passed!\n", "")


def test_fifo_and_devices_neither_hang_nor_stop_the_run(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    out = check(tmp_path, str(fifo), "/dev/zero")
    assert out.returncode == 2 and "good.md:3:" in out.stdout  # the other file is still linted
    errors = out.stderr.strip().splitlines()
    assert errors == [
        f"medlint: {fifo}: is a named pipe (FIFO), not a regular file; medlint reads only regular files",
        "medlint: /dev/zero: is a device, not a regular file; medlint reads only regular files",
    ]


def test_fifo_met_while_walking_a_folder(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "good.md").write_text(GOOD)
    out = check(tmp_path, str(tmp_path))
    assert out.returncode == 2 and "is a named pipe (FIFO)" in out.stderr


def test_binary_file(tmp_path):
    (tmp_path / "bin.md").write_bytes(bytes(range(256)) * 4)
    assert_one_line_error(check(tmp_path, str(tmp_path / "bin.md")), "binary file")


def test_invalid_utf8_names_the_byte_offset(tmp_path):
    (tmp_path / "latin1.md").write_bytes("Café [1]\n".encode("latin-1"))
    out = check(tmp_path, str(tmp_path / "latin1.md"))
    assert_one_line_error(out, "not valid UTF-8 (byte 0xe9 at byte offset 3)")


def test_utf16_with_bom(tmp_path):
    (tmp_path / "u16.md").write_bytes("# Title\n".encode("utf-16"))
    assert_one_line_error(check(tmp_path, str(tmp_path / "u16.md")), "UTF-16")


def test_fifty_megabyte_file(tmp_path):
    big = tmp_path / "big.md"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
        handle.seek(0)
        handle.write(b"# Big\n")
    out = check(tmp_path, str(big))
    assert_one_line_error(out, "big.md: file is 50.0 MB, over the 20 MB limit")


@pytest.mark.parametrize("prefix", ["- ", "> "])
def test_ten_thousand_levels_of_nesting(tmp_path, prefix):
    deep = tmp_path / "deep.md"
    lines = [
        ("  " * i if prefix == "- " else prefix * i) + (prefix if prefix == "- " else "") + f"level {i} [2]"
        for i in range(10_000)
    ]
    deep.write_text("\n".join(lines) + "\n")
    out = check(tmp_path, str(deep))
    assert out.returncode in (1, 2), out.stderr
    assert "Traceback" not in out.stderr and EXPECTED_FINDING in out.stdout
    assert len(out.stderr.strip().splitlines()) <= 1


def test_a_five_megabyte_line(tmp_path):
    long = tmp_path / "long.md"
    long.write_text("Claim " + "word " * 1_000_000 + "[2].\n\n## References\n\n1. Smith J. A study. 2020.\n")
    out = check(tmp_path, str(long))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert f"{long}:1:5000007: CIT001 [2] is cited here but the reference list ends at 1" in out.stdout


def test_symlink_loop(tmp_path):
    loop = tmp_path / "loop.md"
    os.symlink(loop, loop)
    out = check(tmp_path, str(loop))
    assert_one_line_error(out, "loop.md: cannot read")


def test_directory_symlink_loop_is_not_followed(tmp_path):
    (tmp_path / "dir").mkdir()
    os.symlink(tmp_path / "dir", tmp_path / "dir" / "again")
    (tmp_path / "dir" / "a.md").write_text(GOOD)
    out = run_cli("check", "--isolated", "--no-cache", "--select", "CIT001", str(tmp_path / "dir"))
    assert out.returncode == 1 and out.stdout.count("CIT001") == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text(GOOD)
    secret.chmod(0)
    assert_one_line_error(check(tmp_path, str(secret)), "secret.md: permission denied")


def test_unreadable_file_via_permission_error(tmp_path, monkeypatch):
    """Root cannot be denied by mode bits, so the same path is exercised in-process."""
    from linter.config import Config
    from linter.engine import Options, lint_path

    secret = tmp_path / "secret.md"
    secret.write_text(GOOD)
    real = Path.open

    def deny(self, *args, **kwargs):
        if self == secret:
            raise PermissionError(13, "Permission denied")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    result = lint_path(str(secret), Config(), Options())
    assert result.error == f"{secret}: permission denied" and result.findings == []


@pytest.mark.parametrize(
    "content, fragment",
    [
        ("[tool.medlint]\nnonsense = 1\n", "unknown key 'nonsense'"),
        ("[tool.medlint]\nignore = 5\n", "invalid value for 'ignore'"),
    ],
)
def test_bad_config_is_one_line(tmp_path, content, fragment):
    (tmp_path / "pyproject.toml").write_text(content)
    (tmp_path / "a.md").write_text(GOOD)
    out = run_cli("check", "a.md", cwd=tmp_path)
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1 and fragment in out.stderr


def test_nested_config_error_does_not_stop_other_files(tmp_path):
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "medlint.toml").write_text("selekt = []\n")
    (sub / "a.md").write_text(GOOD)
    (tmp_path / "b.md").write_text(GOOD)
    out = run_cli("check", "--no-cache", "sub/a.md", "b.md", cwd=tmp_path)
    assert out.returncode == 2 and "unknown key 'selekt'" in out.stderr
    assert f"b.md:3:28: {EXPECTED_FINDING}" in out.stdout


def test_fix_is_atomic_when_killed(tmp_path):
    """Kill --fix at many moments while it rewrites a large file: the file is always whole."""
    original = ("Your doctor may give 5.0 mg once daily as prescribed.\n\n" * 40_000).encode()
    fixed = original.replace(b"5.0 mg", b"5 mg")
    path = tmp_path / "large.md"
    outcomes = set()
    for delay in (0.2, 0.5, 0.8, 1.1, 1.4, 1.7, 2.0, 2.5, 3.0, 4.0):
        path.write_bytes(original)
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "linter",
                "check",
                "--isolated",
                "--no-cache",
                "--select",
                "DOSE001",
                "--fix",
                str(path),
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = path.read_bytes()
        assert data in (original, fixed), f"partial file after kill at {delay}s"
        outcomes.add(data == fixed)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "large.md"]
    assert len(leftovers) <= 1  # at most the temp file of the one write that was killed mid-way


def test_no_network_connection_is_ever_opened(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("medlint tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    from linter.cli import main

    monkeypatch.chdir(ROOT)
    assert main(["check", "--isolated", "--no-cache", "article/"]) == 1
    assert main(["report", "--isolated", "--no-cache", "article/", "-o", str(tmp_path / "r.html")]) == 1
    assert main(["check", "--isolated", "--no-cache", "--format", "sarif", "article/"]) == 1


def test_dup001_keeps_a_copy_whose_citations_differ():
    from tests.helpers import lint_text

    para = "Hand-washing with soap lowers the spread of germs at home and at school"
    text = f"# T\n\n{para} [1].\n\n{para} [2].\n\n## References\n\n1. A study one. 2020.\n2. A study two. 2021.\n"
    (finding,) = lint_text(text, select=["DUP001"])
    assert finding.edits == []


def test_the_fix_invariant_catches_a_lost_citation():
    from linter.config import Config
    from linter.engine import graph_for
    from linter.fixer import CitationInvariant
    from linter.source import Source

    refs = "\n\n## References\n\n1. A study one. 2020.\n2. A study two. 2021.\n"
    before = graph_for(Source("a.md", "# T\n\nOne claim [1]. Another claim [2]." + refs), Config())
    renumbered = graph_for(
        Source(
            "a.md",
            "# T\n\nOne claim [2]. Another claim [1].\n\n## References\n\n1. A study two. 2021.\n2. A study one. 2020.\n",
        ),
        Config(),
    )
    lost = graph_for(Source("a.md", "# T\n\nOne claim [1]. Another claim." + refs), Config())
    swapped = graph_for(Source("a.md", "# T\n\nOne claim [2]. Another claim [1]." + refs), Config())
    invariant = CitationInvariant.of(before)
    assert invariant.kept_by(CitationInvariant.of(renumbered))
    assert not invariant.kept_by(CitationInvariant.of(lost))
    assert not invariant.kept_by(CitationInvariant.of(swapped))


def test_fix_reports_how_many_findings_it_fixed(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# T\n\nThe usual dose is 5.0 mg, as your doctor advises. Then 10mg later, as prescribed.\n")
    out = run_cli("check", "--isolated", "--no-cache", "--select", "DOSE001,DOSE007", "--fix", str(path))
    assert out.stdout.strip().splitlines()[-1] == "Fixed 2 findings (0 remaining)."
    assert out.returncode == 0
    assert "5 mg" in path.read_text() and "10 mg" in path.read_text()


def test_fix_writes_through_a_symlink_and_refuses_hard_links(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("# T\n\nThe usual dose is 5.0 mg, as your doctor advises.\n")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    out = run_cli("check", "--isolated", "--no-cache", "--select", "DOSE001", "--fix", str(link), cwd=tmp_path)
    assert link.is_symlink() and "5 mg" in real.read_text(), out.stderr
    hard = tmp_path / "hard.md"
    hard.write_text("# T\n\nThe usual dose is 5.0 mg, as your doctor advises.\n")
    os.link(hard, tmp_path / "other.md")
    out = run_cli("check", "--isolated", "--no-cache", "--select", "DOSE001", "--fix", str(hard), cwd=tmp_path)
    assert out.returncode == 2 and "hard links" in out.stderr and "5.0 mg" in hard.read_text()


def test_stale_fix_temp_files_are_removed(tmp_path):
    import time

    stale = tmp_path / ".a.md.x1.medlint-tmp"
    stale.write_text("left by a killed --fix")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    fresh = tmp_path / ".b.md.x2.medlint-tmp"
    fresh.write_text("a --fix running now")
    path = tmp_path / "a.md"
    path.write_text("# T\n\nThe usual dose is 5.0 mg, as your doctor advises.\n")
    run_cli("check", "--isolated", "--no-cache", "--select", "DOSE001", "--fix", str(path))
    assert not stale.exists() and fresh.exists()


def test_the_same_file_named_twice_is_linted_once(tmp_path):
    (tmp_path / "x.md").write_text(GOOD)
    out = run_cli("check", "--isolated", "--no-cache", "--select", "CIT001,DUP004", "x.md", "./x.md", cwd=tmp_path)
    assert out.stdout.count("CIT001") == 1 and "DUP004" not in out.stdout


def test_control_characters_from_article_text_are_escaped(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "# T\n\nClaim [9\x1b[2K\rAll checks passed!].\n\nAnother [3].\n\n## References\n\n1. Only one. 2020.\n"
    )
    out = run_cli("check", "--isolated", "--no-cache", str(path))
    assert "\x1b" not in out.stdout and "\r" not in out.stdout


def test_no_success_line_when_the_run_exits_2(tmp_path):
    out = run_cli("check", "--isolated", "--no-cache", str(tmp_path / "missing.md"))
    assert out.returncode == 2 and "All checks passed" not in out.stdout


def test_non_utf8_file_names_in_every_format(tmp_path):
    import json as json_module

    name = os.fsdecode(b"caf\xe9.md")
    (tmp_path / name).write_text("# T\n\nTake 10mg.\n")
    base = ["check", "--isolated", "--no-cache", "--select", "DOSE007"]
    text = run_cli(*base, name, cwd=tmp_path)
    assert text.stdout.startswith("caf\\xe9.md:3:6: DOSE007"), text.stdout
    sarif = json_module.loads(run_cli(*base, "--format", "sarif", name, cwd=tmp_path).stdout)
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "caf%E9.md"
    report = tmp_path / "out.json"
    out = run_cli(*base, "--format", "json", "-o", str(report), name, cwd=tmp_path)
    assert out.returncode == 1 and report.is_file()


def test_a_deeply_nested_baseline_is_one_line(tmp_path):
    (tmp_path / "base.json").write_text("[" * 100000 + "]" * 100000)
    (tmp_path / "a.md").write_text(GOOD)
    out = run_cli("check", "--isolated", "--no-cache", "--baseline", "base.json", "a.md", cwd=tmp_path)
    assert out.returncode == 2 and out.stderr.strip().splitlines() == [
        "medlint: base.json: not a medlint baseline (nested too deeply)"
    ]
