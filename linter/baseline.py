"""Baseline: accepted legacy findings, recorded by fingerprint so a CI gate fails only on new ones."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from linter import __version__

if TYPE_CHECKING:
    from linter.results import FileResult


class BaselineError(Exception):
    pass


def write_baseline(path: str, results: list[FileResult]) -> int:
    entries = sorted({(r.path, f.rule, f.fingerprint) for r in results for f in r.findings})
    data = {
        "tool": "medlint",
        "version": __version__,
        "findings": [{"path": p, "rule": rule, "fingerprint": fp} for p, rule, fp in entries],
    }
    Path(path).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return len(entries)


def load_baseline(path: str) -> Counter:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return Counter((e["path"], e["rule"], e["fingerprint"]) for e in data["findings"])
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a medlint baseline (nested too deeply)") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"{path}: not a medlint baseline ({str(exc)[:120]})") from None


def filter_baseline(results: list[FileResult], accepted: Counter) -> None:
    """Remove findings recorded in the baseline, in place."""
    remaining = Counter(accepted)
    for result in results:
        kept = []
        for f in result.findings:
            key = (result.path, f.rule, f.fingerprint)
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                kept.append(f)
        result.findings = kept
