"""Print the editors' report figures for 100 and 1,000 articles of the seed's size (issue 19).

    python bench/report.py             # 100 and 1,000 articles (about 5 minutes on 2 cores)
    python bench/report.py --counts 100

For each corpus: the lint phases and the report step (after linting: rendering each article from
the facts its lint worker took from the graph, in worker processes, then the overview) as medlint's
own timings print them, the report step's share of the linting time (target: at most half),
index.html's size (target: under 5 MB), the article pages' total size, and the run's peak memory
(largest single process). Uses the regular install in bench/.venv that bench/run.py builds.

Because the lint workers now do a little of the report's work (taking the facts), the phase figure
alone could flatter it; so the whole cost is printed too: the report command's wall time minus a
``check`` run's on the same files, against that run's linting time (the same target).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import _env, bench_env, make_corpus, measure, medlint, row  # noqa: E402


def one(tmp: Path, count: int) -> None:
    corpus = tmp / f"corpus-{count}"
    make_corpus(corpus, "--count", str(count))
    out = tmp / f"report-{count}"
    run = measure(
        medlint("report", "--isolated", "--no-cache", str(corpus), "-o", str(out) + "/"), env=_env(MEDLINT_TIMING="1")
    )
    if run.code not in (0, 1):
        sys.exit(f"bench: report failed ({run.code}): {run.stderr.strip()[:300]}")
    phases = {k: float(v) for k, v in re.findall(r"medlint-timing: (.+?) ([\d.]+)s", run.stderr)}
    lint = phases.get("lint", 0.0) + phases.get("corpus (DUP004)", 0.0)
    report = phases.get("report", float("nan"))
    check = measure(
        medlint("check", "--isolated", "--no-cache", "--format", "json", str(corpus)), env=_env(MEDLINT_TIMING="1")
    )
    if check.code not in (0, 1):
        sys.exit(f"bench: check failed ({check.code}): {check.stderr.strip()[:300]}")
    checked = {k: float(v) for k, v in re.findall(r"medlint-timing: (.+?) ([\d.]+)s", check.stderr)}
    check_lint = checked.get("lint", 0.0) + checked.get("corpus (DUP004)", 0.0)
    extra = run.wall - check.wall
    index = (out / "index.html").stat().st_size
    pages = sum(p.stat().st_size for p in (out / "articles").glob("*.html"))
    print(f"\n{count:,} articles of about 50 KB")
    row("whole report command", f"wall {run.wall:.1f}s cpu {run.cpu:.1f}s peak {run.peak_mb:.0f} MB")
    row("  linting (lint + corpus step)", f"{lint:.1f}s")
    row("  report step (rendering, pages, overview)", f"{report:.1f}s")
    row("  report step / linting", f"{report / lint:.2f}x", "<= 0.5x", report / lint <= 0.5)
    row("check command (same files)", f"wall {check.wall:.1f}s, linting {check_lint:.1f}s")
    row("  (report - check wall) / check linting", f"{extra / check_lint:.2f}x", "<= 0.5x", extra / check_lint <= 0.5)
    row("  index.html", f"{index / 1e6:.2f} MB", "< 5 MB", index < 5_000_000)
    row("  article pages", f"{count} pages, {pages / 1e6:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[100, 1000])
    args = parser.parse_args()
    bench_env()
    with tempfile.TemporaryDirectory(prefix="medlint-report-bench-") as name:
        for count in args.counts:
            one(Path(name), count)


if __name__ == "__main__":
    main()
