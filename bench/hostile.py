"""Hostile inputs: each construct at size N and 4N; linear code takes about 4x, quadratic 16x.

Prints each generator's time at N and 4N and the ratio beside the floor (at most 6x). The test
suite runs each once at a size that would take minutes if it were quadratic (a hang guard).

    python bench/hostile.py [--n 20000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RATIO_FLOOR = 6.0

GENERATORS = {
    "runs of '.' in a sentence": lambda n: "# T\n\nA" + "." * n + "\n",
    "runs of '!' in a sentence": lambda n: "# T\n\nA" + "!" * n + "\n",
    "'<!--' with no end": lambda n: "# T\n\n<!-- " + "word " * (n // 5) + "\n",
    "many medlint-disable comments": lambda n: "# T\n\n" + "<!-- medlint-disable CIT001 -->\n" * (n // 30),
    "long link text": lambda n: "# T\n\n[1 " + "! " * (n // 2) + "](#x)\n",
    "long reference-link text": lambda n: "# T\n\n[1 " + "! " * (n // 2) + "][2]\n",
    "long <sup> body": lambda n: "# T\n\nClaim<sup>" + "1 " * (n // 2) + "</sup>\n",
    "spaces before line ends": lambda n: "# T\n\n" + ("word" + " " * 200 + "\n") * (n // 200),
    "[1][1] clusters at line ends": lambda n: "# T\n\n" + ("Claim " + "[1]" * 20 + "\n") * (n // 66),
    "'10.' repeated in a reference": lambda n: "# T\n\nA [1].\n\n## References\n\n1. " + "10." * (n // 3) + "\n",
    "many PMIDs in one entry": lambda n: "# T\n\nA [1].\n\n## References\n\n1. " + "PMID: 123 " * (n // 10) + "\n",
    "many dose sentences in a paragraph": lambda n: "# T\n\n" + "Take 10mg daily. " * (n // 17) + "\n",
    "many absolute claims in a paragraph": lambda n: "# T\n\n" + "It is completely safe. " * (n // 23) + "\n",
    "many footnotes": lambda n: "# T\n\n" + "".join(f"Claim [^{k}].\n\n[^{k}]: Note {k}.\n\n" for k in range(n // 30)),
    "many defined abbreviations": lambda n: (
        "# T\n\n" + " ".join(f"Word Xy Zq (WXZ{k})." for k in range(n // 20)) + "\n"
    ),
    "disable-next-line with findings": lambda n: (
        "# T\n\n" + "<!-- medlint-disable-next-line DOSE007 -->\nTake 10mg.\n\n" * (n // 55)
    ),
    "same item label in many lists": lambda n: "# T\n\n" + "- Side effects: rash and itching\n- Other\n\n" * (n // 45),
    "many dates in one block": lambda n: "# T\n\nLast reviewed: " + "14 February 2026, " * (n // 18) + "\n",
    "'a ' repeated": lambda n: "# T\n\n" + "a " * (n // 2) + "\n",
    "one paragraph repeated": lambda n: (
        "# T\n\n" + "Hand-washing lowers the spread of germs at home and school.\n\n" * (n // 60)
    ),
    "backtick runs of growing length": lambda n: (
        "# T\n\n" + " ".join("`" * k for k in range(1, int((2 * n) ** 0.5))) + "\n"
    ),
    "many references and markers": lambda n: (
        "# T\n\n"
        + " ".join(f"Claim [{k}]." for k in range(1, n // 40))
        + "\n\n## References\n\n"
        + "".join(f"{k}. Author A. Title {k}. 2020.\n" for k in range(1, n // 40))
    ),
    "HTML: deep nesting": lambda n: "<html><body>" + "<div>" * (n // 10) + "text" + "</div>" * (n // 10),
    "HTML: many <sup>": lambda n: (
        "<html><body><main><p>" + "Claim<sup>1</sup> " * (n // 20) + "</p></main></body></html>"
    ),
}


def lint_time(text: str, name: str) -> float:
    from datetime import date

    from linter.config import Config
    from linter.engine import lint_source
    from linter.results import Options
    from linter.source import Source

    started = time.perf_counter()
    lint_source(Source(name, text), Config(), Options(today=date(2026, 11, 25)))
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20000)
    args = parser.parse_args()
    worst = 0.0
    # one unmeasured run per format first: imports, rule loading and pattern compiles would otherwise
    # land in the first construct's N figure and hide how it grows
    for name, text in (("a.md", "# Warm-up\n\nA claim [1].\n"), ("a.html", "<h1>Warm-up</h1><p>A claim [1].</p>")):
        lint_time(text, name)
    for label, make in GENERATORS.items():
        name = "a.html" if label.startswith("HTML") else "a.md"
        small = lint_time(make(args.n), name)
        large = lint_time(make(4 * args.n), name)
        ratio = large / max(small, 1e-4)
        worst = max(worst, ratio)
        status = "ok" if ratio <= RATIO_FLOOR or large < 0.05 else "NOT LINEAR"
        print(
            f"{label:40} N {small * 1000:8.1f} ms  4N {large * 1000:8.1f} ms  ratio {ratio:5.1f}  (<= {RATIO_FLOOR})  {status}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
