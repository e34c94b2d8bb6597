"""DUP and DOSE precision and recall on an in-house set of careful pages and planted defects.

Careful pages: tests/clean/ plus the realistic page shapes of tests/pages/ that carry no planted
defect, and the good fixtures of every DUP and DOSE rule. Any DUP or DOSE finding there is a false
positive. Defective twins: each careful Markdown page with one defect planted at a time (a
restated paragraph, a copied paragraph, a divergent dose, error-prone dose forms, an unsupervised
instruction, self-medication advice); a planted defect counts as found when its rule reports it
on the planted line.

    python bench/precision.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import lint_text  # noqa: E402

FAMILIES = ("DUP", "DOSE")
CAREFUL_PAGES = ("news-page.html", "scraped-page.txt")
PARAGRAPH = (
    "People with this condition usually notice the first symptoms in their twenties, and most "
    "find that regular reviews with their care team keep them well for many years."
)
PLANTS = [
    (
        "DUP002",
        PARAGRAPH + "\n\n" + "Most people with this condition first notice symptoms in their twenties, and "
        "regular reviews with the care team keep most of them well for years.",
    ),
    ("DUP001", PARAGRAPH + "\n\n" + PARAGRAPH),
    (
        "DUP005",
        "Adults usually take 500 mg three times a day for five days, as your pharmacist advises.\n\n"
        "Adults usually take 250 mg three times a day for five days, as your pharmacist advises.",
    ),
    ("DOSE001", "The usual adult dose is 5.0 mg once a day, as your doctor advises."),
    ("DOSE002", "The usual adult dose is .5 mg once a day, as your doctor advises."),
    ("DOSE003", "The usual adult dose is 10 U before meals, as your doctor advises."),
    ("DOSE004", "The tablets were prescribed QD for a month."),
    ("DOSE005", "The usual dose is 5 cc of the liquid, as your pharmacist advises."),
    ("DOSE006", "Eclampsia is treated with intravenous MgSO4 in hospital."),
    ("DOSE007", "The usual adult dose is 10mg once a day, as your doctor advises."),
    ("DOSE010", "For a bad attack, take 400 mg of ibuprofen every 4 hours."),
    ("DOSE011", "If the side effects bother you, stop taking your antidepressant straight away."),
]


def _family(code: str) -> bool:
    return code.startswith(FAMILIES)


def careful_texts() -> list[tuple[str, str]]:
    paths = sorted((ROOT / "tests" / "clean").iterdir()) + [ROOT / "tests" / "pages" / n for n in CAREFUL_PAGES]
    paths += sorted(p for f in FAMILIES for p in (ROOT / "tests" / "fixtures").glob(f"{f}*/good.*"))
    return [(p.name if "fixtures" not in p.parts else f"{p.parent.name}/{p.name}", p.read_text("utf-8")) for p in paths]


def main() -> int:
    false_positives = 0
    careful = careful_texts()
    for name, text in careful:
        own = name.split("/")[0] if "/" in name else None  # a rule's good fixture is careful for that rule
        found = [f for f in lint_text(text, name=name) if _family(f.rule) and own in (None, f.rule)]
        false_positives += len(found)
        for f in found:
            print(f"  false positive on a careful page: {name}:{f.line}:{f.column} {f.rule} {f.message[:80]}")
    hosts = [(n, t) for n, t in careful if n.endswith(".md") and "/" not in n]
    planted = found_planted = extra = 0
    for code, plant in PLANTS:
        for name, text in hosts:
            anchor = text.index("\n## ") if "\n## " in text else len(text)
            line = text[:anchor].count("\n") + 3 + plant.count("\n")
            twin = text[:anchor] + "\n\n" + plant + "\n" + text[anchor:]
            found = [f for f in lint_text(twin, name=name) if _family(f.rule)]
            planted += 1
            hits = [f for f in found if f.rule == code and f.line <= line]
            found_planted += bool(hits)
            extra += len([f for f in found if f not in hits and f.rule not in ("DISC002",)])
    precision = found_planted / max(1, found_planted + false_positives + extra)
    recall = found_planted / max(1, planted)
    print(f"careful pages: {len(careful)}, DUP/DOSE findings on them (false positives): {false_positives}")
    print(f"planted defects: {planted} in {len(hosts)} pages, found: {found_planted}, other findings on twins: {extra}")
    print(f"DUP+DOSE precision {precision:.2f}, recall {recall:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
