"""CIT004 --fix on a shuffled, well-formed article: it passes afterwards and every claim still
cites the reference that supports it."""

from __future__ import annotations

import random
import re

from linter.edits import apply_edits, select_edits
from tests.helpers import lint_text

TOPICS = [
    "calcium",
    "enamel",
    "muscle",
    "transplant",
    "vaccine",
    "antibody",
    "fever",
    "growth",
    "thrush",
    "diarrhoea",
    "pneumonia",
    "genetics",
]


def shuffled_article(seed: int) -> str:
    rng = random.Random(seed)
    numbers = list(range(1, len(TOPICS) + 1))
    rng.shuffle(numbers)
    number_of = dict(zip(TOPICS, numbers, strict=True))
    claims = []
    for i, topic in enumerate(TOPICS):
        cited = [topic] + ([TOPICS[i - 1]] if i and rng.random() < 0.4 else [])
        marks = sorted(number_of[t] for t in cited)
        style = rng.choice(["cluster", "list", "range"])
        if style == "cluster":
            body = "".join(f"[{n}]" for n in marks)
        else:
            body = "[" + ", ".join(map(str, marks)) + "]"
        claims.append(f"The {' and '.join(cited)} finding is described here {body}.")
    refs = sorted(TOPICS, key=lambda t: number_of[t])
    listing = "\n".join(f"{number_of[t]}. Study of {t} in STIM1 deficiency. 2020." for t in refs)
    return "# Shuffled\n\n" + "\n\n".join(claims) + "\n\n## References\n\n" + listing + "\n"


def claims_match_their_sources(text: str) -> bool:
    refs = dict(re.findall(r"^(\d+)\. Study of (\w+)", text, re.M))
    for sentence in re.findall(r"The ([\w ]+?) finding is described here ((?:\[[\d, ]+\])+)", text):
        topics = set(sentence[0].split(" and "))
        cited = {refs[n] for n in re.findall(r"\d+", sentence[1])}
        if topics != cited:
            return False
    return True


def test_fix_renumbers_shuffled_articles_and_keeps_every_source():
    for seed in range(25):
        text = shuffled_article(seed)
        assert claims_match_their_sources(text)
        findings = lint_text(text, select=["CIT"])
        assert [f.rule for f in findings] == ["CIT004"], seed
        fixed = apply_edits(text, select_edits(findings))
        assert lint_text(fixed, select=["CIT"]) == [], (seed, fixed)
        assert claims_match_their_sources(fixed), (seed, fixed)
        numbers = [int(n) for n in re.findall(r"^(\d+)\. ", fixed, re.M)]
        assert numbers == list(range(1, len(TOPICS) + 1))
