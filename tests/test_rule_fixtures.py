"""Every rule has bad and good fixtures: tests/fixtures/<CODE>/{bad,good}.<ext>.

``bad.expected`` lists the exact findings (``line:col CODE``); ``good`` must not fire the rule;
``bad.fixed.<ext>``, when present, is the exact result of ``--fix`` (and fixing again changes nothing).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.edits import apply_edits, select_edits
from linter.rules import load_rules
from tests.conftest import FIXTURES, run_cli
from tests.helpers import lint_text

RULES = load_rules()


class _Found:
    """A finding from the JSON report, shaped like a Finding for these tests."""

    def __init__(self, data: dict, name: str) -> None:
        self.rule, self.line, self.column, self.message = data["rule"], data["line"], data["column"], data["message"]
        self.prefix, self.edits = f"{name}:", data.get("fix")


def fixture(code: str, stem: str) -> Path:
    if (FIXTURES / code / stem).is_dir():  # corpus rules: a folder of articles linted together
        return FIXTURES / code / stem
    found = sorted((FIXTURES / code).glob(f"{stem}.*"))
    found = [p for p in found if p.suffix != ".expected" and not p.name.startswith(f"{stem}.fixed")]
    assert found, f"{code} has no {stem} fixture in tests/fixtures/{code}/"
    return found[0]


def _prefix(f) -> str:
    return getattr(f, "prefix", "")


def findings(path: Path, code: str, text: str | None = None):
    if path.is_dir():
        out = run_cli("check", "--select", code, "--format", "json", "--no-cache", str(path))
        report = json.loads(out.stdout)
        return [_Found(f, Path(f["path"]).name) for entry in report["files"] for f in entry["findings"]]
    return lint_text(text if text is not None else path.read_text(encoding="utf-8"), name=path.name, select=[code])


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_fixtures_and_docs(code):
    fixture(code, "bad")
    fixture(code, "good")
    assert (FIXTURES / code / "bad.expected").is_file()
    docs = RULES[code].docs
    for section in ("## What it does", "## Why is this bad?", "## Example"):
        assert section in docs, f"{code} docs lack {section}"


@pytest.mark.parametrize("code", sorted(RULES))
def test_bad_fixture_exact_findings(code):
    path = fixture(code, "bad")
    expected = (FIXTURES / code / "bad.expected").read_text().split()
    got = [f"{_prefix(f)}{f.line}:{f.column}" for f in findings(path, code) if f.rule == code]
    assert got == expected[0::2], "\n".join(f"{f.line}:{f.column} {f.message}" for f in findings(path, code))
    assert set(expected[1::2]) == {code}


@pytest.mark.parametrize("code", sorted(RULES))
def test_good_fixture_is_clean(code):
    path = fixture(code, "good")
    got = [(f.line, f.column, f.message) for f in findings(path, code) if f.rule == code]
    assert got == []


@pytest.mark.parametrize("code", sorted(c for c in RULES if list((FIXTURES / c).glob("bad.fixed.*"))))
def test_fix_output_is_pinned_and_idempotent(code):
    path = fixture(code, "bad")
    expected = next((FIXTURES / code).glob("bad.fixed.*")).read_text(encoding="utf-8")
    result = findings(path, code)
    fixed = apply_edits(path.read_text(encoding="utf-8"), select_edits(result, unsafe=True))
    assert fixed == expected
    again = findings(path, code, fixed)
    assert [f for f in again if f.rule == code and f.edits] == []
