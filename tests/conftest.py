"""Shared fixtures. The seed article is read from ../shared/seed/ and never copied into the repo."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED_DIR = ROOT.parent / "shared" / "seed"


def seed_path() -> Path:
    files = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
    if not files:
        pytest.skip("../shared/seed/ is absent: seed tests skipped")
    return files[0]


@pytest.fixture
def seed() -> Path:
    return seed_path()


def run_cli(
    *args: str, cwd: Path | None = None, input: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run medlint as a user would (a fresh process) and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "linter", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        input=input,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "MEDLINT_CACHE_DIR": "", **(env or {})},
    )
