"""Print medlint's speed and memory figures beside their floors and peers, as ratios with targets.

    python bench/run.py                # every figure, 5 paired runs each (about 15 minutes on 2 cores)
    python bench/run.py --runs 3 --count 200   # a quicker look (the targets are for the defaults)
    python bench/run.py --dup004       # also DUP004 across 1,000 and 10,000 small articles

Figures, not tests: timings vary with the machine, and the script says which machine it ran on.
Each figure is the median of paired runs (medlint, then its floor, alternately), printed with its
spread (min-max). What is measured (issue 17's decisions):

- medlint from a regular (non-editable) install in ``bench/.venv``, bytecode compiled; "cold" is
  ``--no-cache`` with the files in the OS cache. As Python writes bytecode on an install's first
  run, medlint writes its compile store (linter/compile_store.py) then: one unmeasured run
  on a Markdown article and an HTML page after each install primes it, so no measured run is the
  install's first;
- the interpreter floor is that environment's ``python -c pass``;
- the mistune floor is one process parsing the same files with mistune's default parser into its
  AST (no renderer);
- markdownlint-cli2 (npm, pinned) and rumdl (PyPI, pinned) are peers where they install; they
  check far less than medlint, so they are speed references, not rivals on findings;
- peak memory is the largest single process of a run (``wait4``'s maxrss covers the children).
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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_ENV = ROOT / "bench" / ".venv"
NODE_DIR = ROOT / "bench" / ".node"
MARKDOWNLINT = "markdownlint-cli2@0.22.1"
RUMDL = "rumdl==0.3.0"


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float
    code: int
    stderr: str = ""


GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


def measure(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Wall time, user+system cpu and peak resident memory of one command (its children included).

    Peak memory comes from GNU time where it exists: a child started from this (larger) process
    inherits its memory high-water mark through vfork and exec, so the child's own ``wait4`` maxrss
    can count this script too. GNU time is small, so what it reports is the command's."""
    started = time.perf_counter()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        wrapped = [GNU_TIME, "-f", "%M", "-o", out.name, *cmd] if GNU_TIME else cmd
        proc = subprocess.Popen(wrapped, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        stderr = proc.stderr.read() if proc.stderr else ""
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        peak_kb = usage.ru_maxrss
        if GNU_TIME:
            lines = [ln for ln in Path(out.name).read_text().splitlines() if ln.strip().isdigit()]
            peak_kb = int(lines[-1]) if lines else peak_kb
    return Run(wall, usage.ru_utime + usage.ru_stime, peak_kb / 1024, code, stderr)


def env_python() -> Path:
    return BENCH_ENV / "bin" / "python"


def bench_env() -> None:
    """A regular install of this checkout (and rumdl) in bench/.venv, rebuilt from the working tree
    on each run so the figures are of the code in front of you."""
    if not env_python().exists():
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_ENV)], check=True)
    pip = [str(env_python()), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    for args in ([RUMDL, str(ROOT)], ["--no-deps", "--force-reinstall", str(ROOT)]):
        done = subprocess.run([*pip, *args], env=_env(), cwd=tempfile.gettempdir(), capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"bench: could not install into {BENCH_ENV}: {done.stderr.strip()[-400:]}")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    env.update(extra)
    return env


def medlint(*args: str) -> list[str]:
    return [str(BENCH_ENV / "bin" / "medlint"), *args]


def markdownlint() -> list[str] | None:
    binary = NODE_DIR / "node_modules" / ".bin" / "markdownlint-cli2"
    if not binary.exists() and shutil.which("npm"):
        subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(NODE_DIR), MARKDOWNLINT],
            capture_output=True,
        )
    return [str(binary)] if binary.exists() else None


def rumdl() -> list[str] | None:
    binary = BENCH_ENV / "bin" / "rumdl"
    return [str(binary)] if binary.exists() else None


def paired(runs: int, *commands: tuple[list[str], dict]) -> list[list[Run]]:
    """Each command ``runs`` times, interleaved (a, b, a, b…) so that drift hits both alike."""
    results: list[list[Run]] = [[] for _ in commands]
    for _ in range(runs):
        for slot, (cmd, kw) in enumerate(commands):
            run = measure(cmd, **kw)
            if cmd[0].endswith("medlint") and run.code not in (0, 1):
                sys.exit(f"bench: medlint failed ({run.code}): {run.stderr.strip()[:300]}")
            results[slot].append(run)
    return results


def med(runs: list[Run], attr: str) -> float:
    return statistics.median(getattr(r, attr) for r in runs)


def spread(runs: list[Run], attr: str) -> str:
    values = [getattr(r, attr) for r in runs]
    return f"{min(values):.2f}-{max(values):.2f}"


ROWS: list[tuple[str, bool | None]] = []


def row(name: str, value: str, target: str = "", ok: bool | None = None) -> None:
    verdict = "" if ok is None else ("MET" if ok else "NOT MET")
    ROWS.append((name, ok))
    print(f"  {name:46} {value:>34}  {target:>14}  {verdict}")


def timing(runs: list[Run]) -> str:
    return (
        f"wall {med(runs, 'wall'):.3f}s ({spread(runs, 'wall')}) cpu {med(runs, 'cpu'):.2f}s "
        f"peak {med(runs, 'peak_mb'):.0f} MB"
    )


def ratio(a: list[Run], b: list[Run], attr: str = "wall") -> float:
    """The median of the paired ratios (each medlint run over the floor run beside it)."""
    return statistics.median(getattr(x, attr) / getattr(y, attr) for x, y in zip(a, b, strict=True))


def make_corpus(directory: Path, *args: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(directory), *args], check=True)


def mistune_floor(directory: Path) -> list[str]:
    code = (
        "import mistune, pathlib, sys\n"
        "md = mistune.create_markdown(renderer=None)\n"
        "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.md')): md(p.read_text('utf-8'))\n"
    )
    return [str(env_python()), "-c", code, str(directory)]


def as_html_page(markdown: str) -> str:
    """The article as a web page: rendered body inside an article element, with menus and a footer."""
    import mistune

    body = mistune.html(markdown)
    nav = "".join(f'<li><a href="/{w}">{w.title()}</a></li>' for w in ("conditions", "medicines", "news", "about"))
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head><body>'
        f"<header><nav><ul>{nav}</ul></nav></header><main><article>{body}</article></main>"
        '<footer><p>© 2026 Example Health. <a href="/privacy">Privacy</a></p></footer></body></html>'
    )


def prime(tmp: Path) -> None:
    """The install's first run (unmeasured): it writes the compile store, as a first import
    writes bytecode."""
    make_corpus(tmp / "prime", "--count", "1")
    sample = next((tmp / "prime").glob("*.md"))
    page = tmp / "prime" / "page.html"
    page.write_text(as_html_page(sample.read_text("utf-8")), "utf-8")
    subprocess.run(medlint("check", "--isolated", "--no-cache", str(sample), str(page)), env=_env(), capture_output=True)


def one_article(tmp: Path, runs: int) -> None:
    print("\nOne article, cold (the pre-commit path)")
    make_corpus(tmp / "one", "--count", "1")
    sample = next((tmp / "one").glob("*.md")).read_text("utf-8")
    floor_cmd = ([str(env_python()), "-c", "pass"], {"env": _env()})
    cases = [
        ("50 KB Markdown article", ".md", sample, 6),
        ("the same article as an HTML page", ".html", as_html_page(sample), 10),
    ]
    seed = next(iter(sorted((ROOT.parent / "shared" / "seed").glob("*"))), None)
    if seed is not None:
        cases.append(
            (f"the seed page ({seed.stat().st_size // 1024} KB text)", seed.suffix, seed.read_text("utf-8"), 6)
        )
    for label, suffix, text, limit in cases:
        files = []
        for i in range(runs):  # a changed file each time, as in a commit: no cache could help
            path = tmp / f"edited-{i}{suffix}"
            path.write_text(text + f"\n\nEdited line {i}.\n", "utf-8")
            files.append(path)
        results: list[list[Run]] = [[], []]
        for path in files:
            a, b = paired(1, (medlint("check", "--isolated", "--no-cache", str(path)), {"env": _env()}), floor_cmd)
            results[0] += a
            results[1] += b
        r = ratio(*results)
        row(label, timing(results[0]), f"<= {limit}x start", r <= limit)
        row("  interpreter start (python -c pass)", timing(results[1]))
        row("  ratio", f"{r:.1f}x")


def thousand(tmp: Path, runs: int, count: int) -> None:
    print(f"\n{count:,} articles of about 50 KB")
    corpus = tmp / f"corpus-{count}"
    make_corpus(corpus, "--count", str(count))
    size = sum(p.stat().st_size for p in corpus.glob("*.md")) / 1e6
    print(f"  ({size:.0f} MB of Markdown, {os.cpu_count()} cores)")
    cold_cmd = (medlint("check", "--isolated", "--no-cache", str(corpus)), {"env": _env()})
    floor = (mistune_floor(corpus), {"env": _env()})
    commands = [cold_cmd, floor]
    mdl = markdownlint()
    if mdl:
        commands.append(([*mdl, "*.md"], {"cwd": corpus}))
    results = paired(runs, *commands)
    cold = results[0]
    row("medlint cold (--no-cache, all cores)", timing(cold))
    row("mistune parse floor (one process)", timing(results[1]))
    r = ratio(cold, results[1])
    row("  medlint / mistune floor (wall)", f"{r:.2f}x", "<= 3x", r <= 3)
    if mdl:
        row("markdownlint-cli2 (default rules)", timing(results[2]))
        r = ratio(cold, results[2])
        row("  medlint / markdownlint-cli2 (wall)", f"{r:.2f}x", "<= 0.5x", r <= 0.5)
        row("  medlint / markdownlint-cli2 (cpu)", f"{ratio(cold, results[2], 'cpu'):.2f}x")
        m = ratio(cold, results[2], "peak_mb")
        row("  peak memory medlint / markdownlint-cli2", f"{m:.2f}x", "<= 2x", m <= 2)
    else:
        row("markdownlint-cli2", "not installed (npm missing or offline)")

    cache = tmp / "cache"
    measure(medlint("check", "--isolated", str(corpus)), env=_env(MEDLINT_CACHE_DIR=str(cache)))  # fills the cache
    warm_cmd = (medlint("check", "--isolated", str(corpus)), {"env": _env(MEDLINT_CACHE_DIR=str(cache))})
    peer = rumdl()
    if peer:
        warm, cold_rumdl = paired(runs, warm_cmd, ([*peer, "check", "--no-cache", "--silent", str(corpus)], {}))
        row("medlint warm (unchanged files, cache)", timing(warm))
        row("rumdl cold (--no-cache)", timing(cold_rumdl))
        r = ratio(warm, cold_rumdl)
        row("  medlint warm / rumdl cold (wall)", f"{r:.2f}x", "<= 1x", r <= 1)
    else:
        (warm,) = paired(runs, warm_cmd)
        row("medlint warm (unchanged files, cache)", timing(warm))
        row("rumdl", "not installed")


def growth(tmp: Path, runs: int) -> None:
    print("\nOne long article (linear growth)")
    paths = {}
    for size in (100_000, 5_000_000):
        make_corpus(tmp / f"big-{size}", "--one-article-bytes", str(size))
        paths[size] = next((tmp / f"big-{size}").glob("*.md"))
    small, large = paired(
        runs,
        *((medlint("check", "--isolated", "--no-cache", str(paths[s])), {"env": _env()}) for s in (100_000, 5_000_000)),
    )
    row("100 KB article", timing(small))
    row("5 MB article", timing(large))
    r = ratio(large, small)
    row("  5 MB / 100 KB (size ratio 50)", f"{r:.1f}x", "<= 60x", r <= 60)


def dup004(tmp: Path, count: int) -> float:
    corpus = tmp / f"small-{count}"
    make_corpus(corpus, "--count", str(count), "--article-bytes", "8000")
    env = _env(MEDLINT_TIMING="1")
    run = measure(medlint("check", "--isolated", "--no-cache", "--select", "DUP004", str(corpus)), env=env)
    phases = dict(re.findall(r"medlint-timing: (.+?) ([\d.]+)s", run.stderr))
    corpus_time = float(phases.get("corpus (DUP004)", "nan"))
    row(f"DUP004 corpus step, {count:,} 8 KB articles", f"{corpus_time:.2f}s (whole run {run.wall:.1f}s)")
    return corpus_time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="paired runs per figure (default 5)")
    parser.add_argument("--count", type=int, default=1000, help="articles in the corpus figures (default 1,000)")
    parser.add_argument("--dup004", action="store_true", help="also time DUP004 on 1,000 and 10,000 articles")
    parser.add_argument("--skip", action="append", default=[], choices=["one", "corpus", "growth"])
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.platform()}; {time.strftime('%Y-%m-%d')}"
    )
    bench_env()
    with tempfile.TemporaryDirectory(prefix="medlint-bench-") as name:
        tmp = Path(name)
        prime(tmp)
        if "one" not in args.skip:
            one_article(tmp, max(5, args.runs))
        if "corpus" not in args.skip:
            thousand(tmp, args.runs, args.count)
        if "growth" not in args.skip:
            growth(tmp, args.runs)
        if args.dup004:
            print("\nDUP004 across a site")
            small, large = dup004(tmp, 1000), dup004(tmp, 10_000)
            row("  10,000 / 1,000 (size ratio 10)", f"{large / small:.1f}x", "< 30x", large / small < 30)
    judged = [ok for _, ok in ROWS if ok is not None]
    print(f"\n{sum(judged)} of {len(judged)} targets met")


if __name__ == "__main__":
    main()
