"""Print medlint's speed and scale figures (issue 9's targets), each with its measured value.

    python bench/run.py            # everything (10,000-article DUP004 run included: a few minutes)
    python bench/run.py --quick    # skip the 10,000-article run

Figures, not tests: timings vary with the machine; the script says which machine it ran on.
markdownlint-cli2 (npm, default rules) is a speed reference only; it checks far less.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEDLINT = [sys.executable, "-m", "linter"]
MARKDOWNLINT = "markdownlint-cli2@0.22.1"


def run(cmd: list[str], check: bool = True, **kw) -> tuple[float, subprocess.CompletedProcess]:
    """Time a command; medlint commands must really have run (exit 0 or 1), not failed to start."""
    kw.setdefault("env", {**os.environ, "PYTHONPATH": str(ROOT)})
    started = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, **kw)
    elapsed = time.perf_counter() - started
    if check and cmd[:3] == MEDLINT and out.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd[2:])} failed ({out.returncode}): {out.stderr.strip()[:300]}")
    return elapsed, out


def make_corpus(directory: Path, count: int) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(directory), "--count", str(count)], check=True
    )


def line(name: str, value: str, target: str, ok: bool | None) -> None:
    verdict = "" if ok is None else ("  MET" if ok else "  NOT MET")
    print(f"{name:48} {value:>22}   target: {target}{verdict}")


def single_file(tmp: Path) -> None:
    sample = (ROOT / "article" / "stim1-deficiency.md").read_text()
    times = []
    for i in range(15):
        path = tmp / f"one-{i}.md"
        path.write_text(sample + f"\nEdited line {i}.\n")  # a changed file: no cache hit, as in a commit
        elapsed, _ = run([*MEDLINT, "check", "--isolated", str(path)])
        times.append(elapsed)
    best, median = min(times), statistics.median(times)
    line("pre-commit path: one article, start to exit", f"min {best:.3f}s med {median:.3f}s", "< 0.15 s", median < 0.15)
    baseline, _ = run([sys.executable, "-c", "pass"])
    print(f"{'':48} (python start-up alone: {baseline:.3f}s)")


def thousand(tmp: Path) -> None:
    corpus = tmp / "corpus-1000"
    make_corpus(corpus, 1000)
    env = {**os.environ, "MEDLINT_TIMING": "1", "MEDLINT_CACHE_DIR": str(tmp / "cache"), "PYTHONPATH": str(ROOT)}
    medlint_time, out = run([*MEDLINT, "check", "--isolated", "--no-cache", str(corpus)], env=env)
    phases = dict(re.findall(r"medlint-timing: (.+?) ([\d.]+)s", out.stderr))
    line("1,000 articles, all cores", f"{medlint_time:.2f}s", "faster than markdownlint-cli2", None)
    print(f"{'':48} (lint {phases.get('lint', '?')}s, DUP004 {phases.get('corpus (DUP004)', '?')}s)")
    one_core, _ = run([*MEDLINT, "check", "--isolated", "--no-cache", "--jobs", "1", str(corpus)], env=env)
    line(
        "1,000 articles, one process (--jobs 1)",
        f"{one_core:.2f}s",
        f"all cores use {os.cpu_count()} cores",
        medlint_time < one_core,
    )
    cold, _ = run([*MEDLINT, "check", "--isolated", str(corpus)], env=env)  # fills the cache
    warm, _ = run([*MEDLINT, "check", "--isolated", str(corpus)], env=env)
    line(
        "1,000 unchanged articles, warm cache",
        f"{warm:.2f}s",
        f"an unchanged file costs a hash (cold {cold:.1f}s)",
        warm < cold / 3,
    )
    npx = shutil.which("npx")
    if npx is None:
        print(f"{'markdownlint-cli2':48} {'skipped':>22}   (npx not found)")
        return
    tool = tmp / "node"
    tool.mkdir(exist_ok=True)
    install, result = run(
        check=False, cmd=["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(tool), MARKDOWNLINT]
    )
    binary = tool / "node_modules" / ".bin" / "markdownlint-cli2"
    if not binary.exists():
        print(f"{'markdownlint-cli2':48} {'skipped':>22}   (npm install failed: {result.stderr.strip()[:80]})")
        return
    md_time, _ = run([str(binary), str(corpus / "*.md")], cwd=corpus)
    line("markdownlint-cli2 on the same 1,000 files", f"{md_time:.2f}s", "reference", None)
    line("ratio medlint / markdownlint-cli2", f"{medlint_time / md_time:.2f}", "< 1", medlint_time < md_time)


def growth(tmp: Path) -> None:
    times = {}
    for size in (100_000, 5_000_000):
        directory = tmp / f"big-{size}"
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(directory), "--one-article-bytes", str(size)],
            check=True,
        )
        path = next(directory.glob("*.md"))
        elapsed, out = run([*MEDLINT, "check", "--isolated", "--no-cache", str(path)])
        if out.returncode == 2:
            print(f"  {path.name}: {out.stderr.strip()}")
        times[size] = elapsed
    ratio = times[5_000_000] / times[100_000]
    line("100 KB article", f"{times[100_000]:.2f}s", "", None)
    line("5 MB article", f"{times[5_000_000]:.2f}s", "", None)
    line("5 MB / 100 KB time ratio (size ratio 50)", f"{ratio:.1f}x", "<= 60x", ratio <= 60)


def dup004(tmp: Path, count: int) -> None:
    corpus = tmp / f"corpus-{count}"
    if not corpus.exists():
        make_corpus(corpus, count)
    env = {**os.environ, "MEDLINT_TIMING": "1", "PYTHONPATH": str(ROOT)}
    total, out = run([*MEDLINT, "check", "--isolated", "--no-cache", "--select", "DUP004", str(corpus)], env=env)
    phases = dict(re.findall(r"medlint-timing: (.+?) ([\d.]+)s", out.stderr))
    corpus_time = float(phases.get("corpus (DUP004)", "nan"))
    target = "< 30 s" if count == 10_000 else "growth well under quadratic"
    line(
        f"DUP004 across {count:,} articles (corpus step)",
        f"{corpus_time:.2f}s",
        target,
        corpus_time < 30 if count == 10_000 else None,
    )
    print(f"{'':48} (whole run, parsing every article on {os.cpu_count()} cores: {total:.1f}s)")
    return corpus_time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="skip the 10,000-article DUP004 run")
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.platform()}"
    )
    with tempfile.TemporaryDirectory(prefix="medlint-bench-") as name:
        tmp = Path(name)
        single_file(tmp)
        thousand(tmp)
        growth(tmp)
        small = dup004(tmp, 1000)
        if not args.quick:
            large = dup004(tmp, 10_000)
            line(
                "DUP004 10,000 / 1,000 time ratio (size ratio 10)",
                f"{large / small:.1f}x",
                "near 10x (quadratic would be 100x)",
                large / small < 30,
            )


if __name__ == "__main__":
    main()
