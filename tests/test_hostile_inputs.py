"""Hang guard: each hostile construct of bench/hostile.py once, at a size that would take minutes if
quadratic. Not a speed test (bench/hostile.py measures N against 4N); the limit is generous."""

from __future__ import annotations

import sys
import time

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT))
from bench.hostile import GENERATORS, lint_time  # noqa: E402

SIZE = 60_000
LIMIT_SECONDS = 30


@pytest.mark.parametrize("label", sorted(GENERATORS))
def test_hostile_input_is_linted_in_linear_time(label):
    name = "a.html" if label.startswith("HTML") else "a.md"
    started = time.perf_counter()
    lint_time(GENERATORS[label](SIZE), name)
    assert time.perf_counter() - started < LIMIT_SECONDS, label
