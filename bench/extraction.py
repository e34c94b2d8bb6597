"""Main content vs page chrome: score the text medlint's body rules read on a public benchmark.

Reads ../shared/article-extraction-benchmark/ (181 saved news and blog pages with hand-marked
article bodies, MIT, third-party: read from there, never copied). Writes medlint's output beside
the other extractors' outputs in a temporary folder and runs the benchmark's own evaluate.py there,
so every figure comes from the same scorer in the same run. Also prints the time content detection
adds per page: medlint's HTML import with regions against a plain parse with no regions.

    python bench/extraction.py [--benchmark DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.graph import build_graph  # noqa: E402
from linter.source import Source  # noqa: E402

F1_FLOOR, RECALL_FLOOR = 0.93, 0.95


def body_text(html: str) -> tuple[str, float, float]:
    """The text of the blocks body rules read; time to import the page and time to decide its regions."""
    from linter.parse.html import _importer, resolve_regions
    from linter.parse.model import Document

    source = Source("page.html", html)
    started = time.perf_counter()
    importer = _importer(source, None, 0, None)
    parsed = time.perf_counter()
    blocks = resolve_regions(importer.pending)
    regions = time.perf_counter() - parsed
    graph = build_graph(Document(source, "html", blocks, meta=importer.meta))
    text = "\n".join(b.text for b in graph.body_blocks if b.kind != "heading")
    return text, parsed - started, regions


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--benchmark", type=Path, default=ROOT.parent / "shared" / "article-extraction-benchmark")
    parser.add_argument("--keep", type=Path, help="write medlint's output JSON here too")
    args = parser.parse_args()
    bench = args.benchmark
    if not (bench / "evaluate.py").is_file():
        print(f"benchmark not found at {bench}: skipped")
        return 0
    truth = json.loads((bench / "ground-truth.json").read_text("utf-8"))
    output: dict[str, dict[str, str]] = {}
    ours: list[float] = []
    floor: list[float] = []
    for key in sorted(truth):
        html = gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        text, parse_time, region_time = body_text(html)
        output[key] = {"articleBody": text}
        ours.append(region_time)
        floor.append(parse_time)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copy(bench / "ground-truth.json", work / "ground-truth.json")
        shutil.copytree(bench / "output", work / "output")
        (work / "output" / "medlint.json").write_text(json.dumps(output), "utf-8")
        if args.keep:
            args.keep.write_text(json.dumps(output, indent=1), "utf-8")
        result = subprocess.run(
            [sys.executable, str(bench / "evaluate.py"), "--n-bootstrap", "200", "--output", str(work / "m.json")],
            cwd=work,
            capture_output=True,
            text=True,
            check=True,
        )
        print(result.stdout.rstrip())
        metrics = json.loads((work / "m.json").read_text())["medlint"]
    f1, recall = metrics["f1"], metrics["recall"]
    print()
    print(
        f"medlint main content: F1 {f1:.3f} (target >= {F1_FLOOR}: {'MET' if f1 >= F1_FLOOR else 'NOT MET'}), "
        f"recall {recall:.3f} (target >= {RECALL_FLOOR}: {'MET' if recall >= RECALL_FLOOR else 'NOT MET'})"
    )
    med, med_floor = statistics.median(ours), statistics.median(floor)
    ratio = med / med_floor
    print(
        f"time per page (median): deciding regions {med * 1000:.2f} ms, importing the page {med_floor * 1000:.1f} ms "
        f"(ratio {ratio:.2f}, target <= 1: {'MET' if ratio <= 1 else 'NOT MET'})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
