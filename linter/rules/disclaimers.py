"""DISC: disclaimers and trust signals (JAMA benchmarks, HONcode, NHS content standards)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from linter.dates import FoundDate, find_dates, months_between
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.phrases import any_match
from linter.registry import RULES, rule
from linter.rules.dosage import _section_hedged, dose_sentences

_TEAM_WORDS = re.compile(
    r"(?i)\b(?:team|board|staff|editors?|editorial|group|committee|department|members|organi[sz]ation|inc|ltd|"
    r"llc|network|association|society|foundation|centre|center|clinic|hospital|writers?|contributors?|admin)\b"
)
_BYLINE = re.compile(
    r"(?i)\b(?:(?:medically\s+|clinically\s+)?(?:written|authored|reviewed|edited|fact[- ]checked|checked|approved)"
    r"(?:\s+and\s+\w+)?\s+by:?|author(?:s|ed)?\s*:|reviewer\s*:|reviewed\s*:|by)\s+(?P<who>[^;\n]{2,120})"
)
_NAME = re.compile(
    r"(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx)\.?\s+[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+)*"  # a title makes one name enough
    r"|(?:[A-Z]\.\s*)+[A-Z][a-zà-ÿ'’-]+"  # initials and surname
    r"|[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z]\.)*(?:\s+(?:van|de|von|der|da|di|le)?\s*[A-Z][a-zà-ÿ'’-]+)+"
)
_REVIEW_LABEL = re.compile(
    r"(?i)\b(?:last\s+)?(?:medically\s+)?(?:reviewed|updated|revised|modified|review\s+date|date\s+of\s+(?:last\s+)?review|"
    r"page\s+last\s+reviewed|content\s+updated)\b[^.\n]{0,25}?$"
)
_NEXT_REVIEW = re.compile(r"(?i)\bnext\s+review|\breview\s+due|\bdue\s+for\s+review")
_REVIEW_WORD = re.compile(r"(?i)review|updated|revised|modified")
_META_AUTHOR = ("author", "authors", "reviewer", "reviewed_by", "medical_reviewer")
_META_DATE = (
    "reviewed",
    "last_reviewed",
    "last-reviewed",
    "updated",
    "last_updated",
    "date_modified",
    "lastmod",
    "modified",
    "review_date",
)


def _all_blocks(graph: ArticleGraph):
    return graph.document.blocks


@rule(
    "DISC001", "missing-disclaimer", "warning", "No statement that the article is not a substitute for medical advice."
)
def missing_disclaimer(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags an article with no statement that it is general information, not a substitute for
    professional medical advice (for example "This article is for information only and does not
    replace advice from your doctor").

    ## Why is this bad?
    HONcode's complementarity principle and the NHS content standards ask health information to
    say that it supports, not replaces, the relationship with a clinician. Readers in distress
    act on what they read.

    ## Example
    An article that ends after its last section with no disclaimer.

    ## Use instead
    ```markdown
    This article is for general information and is not a substitute for professional medical
    advice. Talk to your doctor about your own situation.
    ```
    """
    if any(any_match("disclaimer", b.text) for b in _all_blocks(graph)):
        return
    yield RULES["DISC001"].whole_article(
        graph, "no disclaimer: say the article is general information, not a substitute for professional medical advice"
    )


def _dose_sections(graph: ArticleGraph) -> dict[int, list]:
    by_section: dict[int, list] = {}
    for sentence, doses in dose_sentences(graph):
        if doses:
            by_section.setdefault(graph.section_of(sentence.block).index, []).append(sentence)
    return by_section


@rule("DISC002", "uncautioned-dose-section", "warning", "A section giving numeric doses with no caution.")
def uncautioned_dose_section(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags a section that gives numeric doses (500 mg, 0.5 mL/kg) when neither the section nor a
    parent section carries a caution: consult a doctor or pharmacist, follow the label, doses
    must be set by the care team. The finding spans the section from its heading.

    ## Why is this bad?
    A list of doses without a caution reads as a prescription. One sentence of context makes it
    reference information.

    ## Example
    ```markdown
    ## Dosage
    Adults: 500 mg every 6 hours.
    ```

    ## Use instead
    ```markdown
    ## Dosage
    Doses must be set by your doctor; follow the label. Adults usually take 500 mg every 6 hours.
    ```
    """
    me = RULES["DISC002"]
    for index, sentences in _dose_sections(graph).items():
        section = graph.sections[index]
        if _section_hedged(graph, sentences[0].block):
            continue
        title = f"section '{section.title}'" if section.title else "the introduction"
        start = graph.source.line_starts[graph.source.position(section.start)[0] - 1]
        yield me.finding(
            graph,
            start,
            section.end,
            f"{title} gives {len(sentences)} numeric dose{'s' if len(sentences) > 1 else ''} "
            "with no caution (consult a doctor or pharmacist, follow the label)",
        )


def _people(who: str) -> list[str]:
    names = []
    for part in re.split(r"\s*(?:,|\band\b|&)\s*(?=[A-Z])", who):
        m = _NAME.match(part.strip())
        if m and not _TEAM_WORDS.search(m.group(0)) and len(m.group(0).split()) <= 6:
            names.append(m.group(0))
    return names


@rule("DISC003", "missing-attribution", "warning", "No named author or medical reviewer.")
def missing_attribution(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags an article with no named person as author or medical reviewer: a byline such as
    "Written by Jane Smith, MD" or "Medically reviewed by Dr Ravi Patel", or `author:` in front
    matter. A team name ("Team X"), "the editorial board" or "staff writers" alone does not count.

    ## Why is this bad?
    Authorship is the first JAMA benchmark for health information: readers need to know who
    wrote the advice and whether someone qualified checked it.

    ## Example
    ```markdown
    The article is written by Team Health and reviewed by the Editorial Board.
    ```

    ## Use instead
    ```markdown
    Written by Jane Smith, RN. Medically reviewed by Dr Ravi Patel, MD, paediatric immunologist.
    ```
    """
    meta = graph.document.metadata
    if any(key in meta and _people(meta[key][0]) for key in _META_AUTHOR):
        return
    teams = []
    for block in _all_blocks(graph):
        for m in _BYLINE.finditer(block.text):
            if m.group(0).lower().startswith("by") and block.text[: m.start()].strip():
                continue  # a bare "by X" is a byline only at the start of its block ("By Jane Smith, MD")
            if _people(m.group("who")):
                return
            if _TEAM_WORDS.search(m.group("who")):
                teams.append(m.group("who").strip())
    detail = f" (only '{teams[0]}')" if teams else ""
    yield RULES["DISC003"].whole_article(
        graph, f"no named author or medical reviewer{detail}; credit a person, ideally with a credential"
    )


def review_dates(graph: ArticleGraph, day_first: bool = True) -> list[tuple[FoundDate, int]]:
    """Review/update dates with their original start offsets."""
    found = []
    meta = graph.document.metadata
    for key in _META_DATE:
        if key in meta:
            value, start, _ = meta[key]
            for d in find_dates(value, day_first):
                found.append((FoundDate(d.value, start + d.start, start + d.end), -1))
    for block in _all_blocks(graph):
        if not _REVIEW_WORD.search(block.text):
            continue
        for d in find_dates(block.text, day_first):
            before = block.text[max(0, d.start - 60) : d.start]
            if _REVIEW_LABEL.search(before) and not _NEXT_REVIEW.search(before):
                a, b = block.original(d.start, d.end)
                found.append((FoundDate(d.value, a, b), 0))
    return found


@rule("DISC004", "missing-review-date", "warning", "No 'last reviewed' or 'last updated' date.")
def missing_review_date(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags an article with no "last reviewed" or "last updated" date (in the text, or as
    `reviewed:`/`updated:` in front matter). Dates are read as 14 February 2025,
    February 14, 2025, 2025-02-14 or 14/02/2025 (day first unless `day-first = false`).

    ## Why is this bad?
    Currency is a JAMA benchmark: treatment advice ages, and readers cannot judge it without
    knowing when it was last checked.

    ## Example
    An article with no date at all.

    ## Use instead
    ```markdown
    Last reviewed: 14 February 2025.
    ```
    """
    if review_dates(graph, bool(options.get("day-first", True))):
        return
    yield RULES["DISC004"].whole_article(graph, "no 'last reviewed' or 'last updated' date")


@rule(
    "DISC005",
    "stale-review-date",
    "warning",
    "A review date older than review_max_age_months, or in the future.",
    options={"review_max_age_months": 24},
)
def stale_review_date(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags the article's latest review or update date when more than `review_max_age_months`
    whole months have passed (default 24), or when it lies in the future. `--today` sets the
    date to judge against, for reproducible runs.

    ## Why is this bad?
    Advice that has not been reviewed for years may contradict current guidance; a future date
    is a typo that hides the real age.

    ## Example
    ```markdown
    Last reviewed: 3 March 2019.
    ```

    ## Use instead
    Review the article and update the date.

    ## Options
    `review_max_age_months` (top level or per rule, default 24).
    """
    dates = review_dates(graph, bool(options.get("day-first", True)))
    if not dates:
        return
    today: date = options.get("today") or date.today()
    max_age = int(options.get("review_max_age_months", 24))
    latest = max(dates, key=lambda item: item[0].value)[0]
    me = RULES["DISC005"]
    if latest.value > today:
        yield me.finding(
            graph,
            latest.start,
            latest.end,
            f"review date {latest.value.isoformat()} is in the future (today is {today.isoformat()})",
        )
        return
    age = months_between(latest.value, today)
    if age > max_age:
        yield me.finding(
            graph,
            latest.start,
            latest.end,
            f"last reviewed {latest.value.isoformat()}, {age} months ago: older than the "
            f"{max_age}-month limit; review the article",
        )
