"""Inputs that once broke medlint, with the exact findings they must now produce."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from linter.config import Config
from linter.engine import Options, lint_source
from linter.source import read_source

HERE = Path(__file__).parent / "regressions"
EXPECTED = json.loads((HERE / "expected.json").read_text())
SELECT = ["CIT", "DUP", "DOSE", "DISC003"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_regression(name):
    started = time.perf_counter()
    result = lint_source(read_source(HERE / name), Config(), Options(selection={"select": SELECT}))
    assert time.perf_counter() - started < 5  # the backtracking case once took minutes
    assert [f"{f.line}:{f.column} {f.rule}" for f in result.findings] == EXPECTED[name]


def test_every_regression_file_has_expectations():
    files = {p.name for p in HERE.iterdir() if p.name not in ("README.md", "expected.json")}
    assert files == set(EXPECTED)
