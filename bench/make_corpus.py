"""Generate a deterministic corpus of realistic health articles for benchmarks.

    python bench/make_corpus.py OUT_DIR --count 1000 [--seed 7]
    python bench/make_corpus.py OUT_DIR --one-article-bytes 5000000

Articles are about 50 KB of Markdown by default (the seed page's size; --article-bytes sets it), in
the seed's shape: many sections, long bulleted and numbered lists, citation clusters throughout,
dose sections with and without cautions, a numbered reference list of about 50 entries, a shared
disclaimer, a few near-duplicate paragraphs inside an article and a few paragraphs copied between
articles (so DUP004 has work to do).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

CONDITIONS = [
    "asthma",
    "eczema",
    "migraine",
    "gout",
    "anaemia",
    "psoriasis",
    "sinusitis",
    "tonsillitis",
    "shingles",
    "bronchitis",
    "cystitis",
    "rosacea",
    "vertigo",
    "sciatica",
    "tinnitus",
    "acne",
]
DRUGS = [
    "ibuprofen",
    "paracetamol",
    "amoxicillin",
    "cetirizine",
    "omeprazole",
    "prednisolone",
    "salbutamol",
    "metformin",
    "naproxen",
    "aciclovir",
    "clarithromycin",
    "loratadine",
    "sertraline",
    "allopurinol",
]
NOUNS = [
    "swelling",
    "itching",
    "headaches",
    "appetite",
    "blood pressure",
    "bones",
    "muscles",
    "eyesight",
    "hearing",
    "mood",
    "memory",
    "breathing",
    "digestion",
    "circulation",
    "wound healing",
    "weight",
    "inflammation",
    "symptoms",
    "treatment",
    "infection",
    "skin",
    "joints",
    "airways",
    "blood",
    "sleep",
    "diet",
    "exercise",
    "stress",
    "diagnosis",
    "children",
    "adults",
    "pregnancy",
    "medicine",
    "pain",
    "fever",
    "rash",
    "cough",
    "fatigue",
    "kidneys",
    "liver",
    "immune cells",
    "hormones",
    "nerves",
]
VERBS = [
    "reduces",
    "increases",
    "affects",
    "worsens",
    "eases",
    "triggers",
    "protects",
    "supports",
    "limits",
    "disturbs",
    "delays",
    "improves",
    "weakens",
    "irritates",
    "masks",
    "mimics",
    "accompanies",
    "follows",
]
ADJS = [
    "chronic",
    "mild",
    "severe",
    "common",
    "rare",
    "early",
    "persistent",
    "recurrent",
    "seasonal",
    "acute",
    "untreated",
    "nocturnal",
    "familial",
    "sudden",
    "gradual",
    "localised",
    "widespread",
    "painless",
]
SECTIONS = [
    "Causes",
    "Symptoms",
    "Diagnosis",
    "Treatment",
    "Living with the condition",
    "Prevention",
    "When to see a doctor",
    "Outlook",
]
DISCLAIMER = (
    "This article is for general information and is not a substitute for professional medical advice. "
    "Talk to your doctor or pharmacist about your own situation."
)


_SYLLABLES = [
    "ca",
    "lo",
    "mi",
    "ne",
    "ra",
    "to",
    "pho",
    "ste",
    "gly",
    "cor",
    "thy",
    "pan",
    "leu",
    "dro",
    "xan",
    "bil",
    "fer",
    "gas",
    "hep",
    "neu",
    "os",
    "pul",
    "ren",
    "vas",
    "der",
    "my",
    "ple",
    "sal",
]
_SUFFIXES = ["itis", "osis", "ase", "in", "ate", "ide", "oma", "emia", "al", "ic", "ine", "cyte"]


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    """Pseudo-medical terms: real articles draw on thousands of words, not a few dozen."""
    words = {rng.choice(_SYLLABLES) + rng.choice(_SYLLABLES) + rng.choice(_SUFFIXES) for _ in range(size * 2)}
    return sorted(words)[:size]


VOCAB: list[str] = []
CUMULATIVE: list[float] = []


def term(rng: random.Random) -> str:
    """A noun phrase: common words often, specialist terms with a Zipf-like long tail."""
    if rng.random() < 0.4:
        return rng.choice(NOUNS)
    return rng.choices(VOCAB, cum_weights=CUMULATIVE)[0]


def sentence(rng: random.Random, condition: str) -> str:
    words = [
        rng.choice(ADJS),
        condition if rng.random() < 0.3 else term(rng),
        rng.choice(VERBS),
        term(rng),
        "in",
        rng.choice(["many", "some", "most", "a few"]),
        term(rng),
    ]
    text = " ".join(words)
    if rng.random() < 0.3:
        text += f" and {term(rng)} {rng.choice(VERBS)} {term(rng)}"
    return text[0].upper() + text[1:]


class Citer:
    """Cites in Vancouver order: new sources get the next number, earlier ones are re-cited."""

    def __init__(self, rng: random.Random, refs: int) -> None:
        self.rng, self.refs, self.next = rng, refs, 1

    def __call__(self) -> str:
        picks = set()
        for _ in range(self.rng.choice([1, 1, 1, 2])):
            if self.next <= self.refs and (self.next == 1 or self.rng.random() < 0.5):
                picks.add(self.next)
                self.next += 1
            else:
                picks.add(self.rng.randint(1, max(1, self.next - 1)))
        return "".join(f"[{n}]" for n in sorted(picks))


def paragraph(rng: random.Random, condition: str, cite: Citer) -> str:
    return " ".join(
        f"{sentence(rng, condition)} {cite()}." if rng.random() < 0.7 else f"{sentence(rng, condition)}."
        for _ in range(rng.randint(3, 6))
    )


def _section(rng: random.Random, title: str, condition: str, cite: Citer, shared: list[str]) -> list[str]:
    """A section in the seed page's shape: prose, a long bulleted or numbered list, cited throughout."""
    out = [f"## {title}", ""]
    for _ in range(rng.randint(2, 4)):
        out += [paragraph(rng, condition, cite), ""]
    shape = rng.random()
    if shape < 0.45:  # a long bulleted list, each item cited
        out += [f"- {sentence(rng, condition)} {cite()}" for _ in range(rng.randint(8, 20))] + [""]
    elif shape < 0.8:  # numbered items with a title and a cited body, as symptom and cause lists are
        for n in range(1, rng.randint(6, 14) + 1):
            out += [
                f"{n}. **{term(rng).capitalize()}**: {sentence(rng, condition)}. {sentence(rng, condition)} {cite()}."
            ]
        out += [""]
    if title in ("Treatment", "Medicines", "Managing symptoms"):
        for _ in range(rng.randint(2, 4)):
            drug = rng.choice(DRUGS)
            caution = "Your doctor or pharmacist will advise on the right dose. " if rng.random() < 0.7 else ""
            dose = rng.choice(["200 mg", "400 mg", "5 mg", "0.5 mg/kg", "10 mL", "500 mg", "5.0 mg", "1 g"])
            often = rng.choice(["twice daily", "once a day", "every 6 hours", "three times a day"])
            out += [f"{caution}The usual adult dose of {drug} is {dose} {often} {cite()}.", ""]
    if rng.random() < 0.1 and shared:
        out += [rng.choice(shared), ""]
    return out


def article(rng: random.Random, index: int, shared: list[str], size: int = 50_000) -> str:
    """One article of about ``size`` bytes (the seed page is 52 KB): sections until the size is reached,
    then the byline, the disclaimer and a numbered reference list sized to the citations."""
    condition = rng.choice(CONDITIONS)
    refs = max(8, size // 1000 + rng.randint(-5, 5))
    cite = Citer(rng, refs)
    out = [f"# {condition.title()} (article {index})", ""]
    intro = paragraph(rng, condition, cite)
    out += [intro, ""]
    if rng.random() < 0.2:  # a near-duplicate of the intro, reworded a little
        out += [intro.replace("many", "several").replace("common", "frequent"), ""]
    titles = [*SECTIONS, "Medicines", "Managing symptoms", "Complications", "Risk factors", "Types", "FAQ"]
    length, part = sum(len(x) + 1 for x in out), 0
    target = size * rng.uniform(0.85, 1.1) - 300 - refs * 70
    while length < target:
        title = titles[part % len(titles)] + ("" if part < len(titles) else f" ({part // len(titles) + 1})")
        section = _section(rng, title, condition, cite, shared)
        out += section
        length += sum(len(x) + 1 for x in section)
        part += 1
    out += ["Last reviewed: 14 February 2026. Written by Dr Alex Morgan, MD.", "", DISCLAIMER, "", "## References", ""]
    out += [
        f"{n}. Author{n} A, Writer B. A study of {rng.choice(NOUNS)} and {rng.choice(NOUNS)} in {condition}. "
        f"J Med. {rng.randint(2000, 2025)};{rng.randint(1, 80)}:{rng.randint(1, 900)}."
        for n in range(1, refs + 1)
    ]
    return "\n".join(out) + "\n"


def big_article(rng: random.Random, size: int) -> str:
    parts, length, n = [], 0, 0
    refs = 60
    cite = Citer(rng, refs)
    while length < size:
        n += 1
        section = f"## Part {n}\n\n" + "\n\n".join(paragraph(rng, "asthma", cite) for _ in range(4)) + "\n\n"
        parts.append(section)
        length += len(section)
    references = "\n".join(f"{i}. Author{i} A. A study number {i} of airways. J Med. 2020." for i in range(1, refs + 1))
    return "# One very long article\n\n" + "".join(parts) + DISCLAIMER + "\n\n## References\n\n" + references + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--article-bytes", type=int, default=50_000, help="about this size each (the seed's)")
    parser.add_argument("--one-article-bytes", type=int, help="write one article of about this size instead")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    VOCAB[:] = vocabulary(rng)
    total = 0.0
    CUMULATIVE[:] = [total := total + 1 / (rank + 10) for rank in range(len(VOCAB))]
    args.out.mkdir(parents=True, exist_ok=True)
    if args.one_article_bytes:
        (args.out / f"big-{args.one_article_bytes}.md").write_text(big_article(rng, args.one_article_bytes))
        return
    shared = [paragraph(rng, "asthma", Citer(rng, 8)) for _ in range(20)]
    for i in range(args.count):
        (args.out / f"article-{i:05d}.md").write_text(article(rng, i, shared, args.article_bytes))


if __name__ == "__main__":
    main()
