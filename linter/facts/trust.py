"""Trust signals (DISC): disclaimer, named people, review / update / publication dates, audience.

Read wherever the page keeps them: visible text in any region (bylines and dates often sit in
page chrome), front matter, ``<meta>``, JSON-LD and ``<time datetime>``. Pure functions of the
graph, memoised with ``graph.fact()``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from linter.dates import find_dates
from linter.graph import ArticleGraph
from linter.parse.model import Block
from linter.patterns import guarded
from linter.phrases import Prefilter, any_match

_TEAM_WORDS = re.compile(
    r"(?i)\b(?:team|board|staff|editors?|editorial|group|committee|department|members|organi[sz]ation|inc|ltd|"
    r"llc|network|association|society|foundation|centre|center|centers|clinic|hospital|writers?|contributors?|admin|"
    r"administration|agency|institutes?|university|college|service|council|ministry|commission|authority|"
    r"trust|corporation|company|press|media|health|nhs|fda|cdc|who|nih|nice)\b"
)
_NAME_WORD = r"[A-Z][a-zà-ÿ'’-]+"
_NAME = re.compile(
    rf"(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx)\.?\s+{_NAME_WORD}(?:\s+[A-Z]\.?(?=\s))*(?:\s+{_NAME_WORD})*"  # a title: one name is enough
    rf"|(?:[A-Z]\.\s*)+{_NAME_WORD}"  # initials and surname
    rf"|{_NAME_WORD}(?:\s+[A-Z]\.?(?=\s))*(?:\s+(?:van|de|von|der|da|di|le)?\s*{_NAME_WORD})+"
)
_LABEL_SOURCE = (
    r"\b(?:(?:medically\s+|clinically\s+)?(?:written|authored|reviewed|edited|fact[- ]checked|checked|approved)"
    r"(?:\s+and\s+\w+)?\s+by\b:?|authors?\s*:|reviewers?\s*:|(?<![\w-])by\b:?)[ \t]*"
)
_LABEL = guarded("(?i)" + _LABEL_SOURCE)
# where a name list ends: a sentence end (not after a title or an initial), a separator, another label
_WHO_END = re.compile(r"(?<!\b[A-Z])(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bProf)(?<!\bSt)\.(?=\s|$)|[;|•·\n]")
_REVIEW_LABEL = guarded(
    r"(?i)\b(?:last\s+)?(?:medically\s+)?(?:reviewed|updated|revised|modified|review\s+date|date\s+of\s+(?:last\s+)?review|"
    r"page\s+last\s+reviewed|content\s+updated)\b[^.\n]{0,25}?$"
)
_PUBLISHED_LABEL = re.compile(r"(?i)\b(?:published|posted|first\s+published|date\s+published|created)\b[^.\n]{0,20}?$")
_NEXT_REVIEW = re.compile(r"(?i)\bnext\s+review|\breview\s+due|\bdue\s+for\s+review")
_DATE_WORD_SOURCE = r"review|updated|revised|modified|published|posted|created"
_DATE_WORD = guarded("(?i)" + _DATE_WORD_SOURCE)
# The two prefilters every block goes through (phrases.Prefilter: for ASCII text, the words every
# match holds, then the lower-cased pattern on the lower-cased text)
_LABEL_QUICK = Prefilter.of(_LABEL_SOURCE)
_DATE_WORD_QUICK = Prefilter.of(_DATE_WORD_SOURCE)


_PROFESSIONAL = {"clinician", "medicalresearcher", "professional", "healthcareprofessional", "physician", "pharmacist"}
_PATIENT = {"patient", "patients", "public", "consumer", "caregiver", "peopleaudience"}


@dataclass(frozen=True)
class PageDate:
    """A review, update or publication date the page states, and where it came from."""

    kind: str  # reviewed | updated | published
    value: date
    start: int
    end: int
    origin: str  # visible | front-matter | json-ld | meta | time


@dataclass(frozen=True)
class Person:
    """A named author or reviewer, and where the page names them."""

    name: str
    role: str  # author | reviewer
    start: int
    end: int
    origin: str  # visible | front-matter | json-ld | meta


def all_blocks(graph: ArticleGraph) -> list[Block]:
    """Every block of the page, chrome included: trust signals live in bylines, footers and rails."""
    return graph.document.blocks


def people_named(who: str) -> list[str]:
    """Names of people in a byline fragment; teams, organisations and boards are not people."""
    stripped = who.strip()
    if re.match(r"(?i)(?:the|a|an|our|this|that)\b", stripped):
        return []
    names = []
    for part in re.split(r"\s*(?:,|\band\b|&)\s*(?=[A-Z])", stripped):
        m = _NAME.match(part.strip())
        if m and not _TEAM_WORDS.search(m.group(0)) and len(m.group(0).split()) <= 6:
            names.append(m.group(0))
    return names


# -- disclaimer --------------------------------------------------------------------------------
def has_disclaimer(graph: ArticleGraph) -> bool:
    """Does any block say the article is not a substitute for professional medical advice?"""
    return graph.fact(_has_disclaimer)


def _has_disclaimer(graph: ArticleGraph) -> bool:
    # from the bottom up: a disclaimer usually closes the page, so the search stops there
    return any(any_match("disclaimer", b.text) for b in reversed(all_blocks(graph)))


# -- people ------------------------------------------------------------------------------------
def visible_people(graph: ArticleGraph) -> tuple[list[Person], list[str]]:
    """People credited in visible bylines, and team names found where a person was expected."""
    return graph.fact(_visible_people)


def _visible_people(graph: ArticleGraph) -> tuple[list[Person], list[str]]:
    people: list[Person] = []
    teams: list[str] = []
    for block in all_blocks(graph):
        text = block.text
        if not _LABEL_QUICK.matches(text, _LABEL):
            continue
        labels = list(_LABEL.finditer(text))
        for i, m in enumerate(labels):
            bare_by = m.group(0).strip().lower().rstrip(":") == "by"
            if bare_by and (block.kind == "heading" or text[: m.start()].strip()):
                continue  # "By Jane Smith" is a byline only at the start of a block, never a heading
            limit = labels[i + 1].start() if i + 1 < len(labels) else len(text)
            end = _WHO_END.search(text, m.end(), limit)
            who = text[m.end() : end.start() if end else limit]
            role = "reviewer" if re.search(r"(?i)review|check|approv|edit", m.group(0)) else "author"
            names = people_named(who)
            for name in names:
                at = text.find(name, m.end())
                a, b = block.original(at, at + len(name))
                people.append(Person(name, role, a, b, "visible"))
            if not names and _TEAM_WORDS.search(who):
                teams.append(who.strip())
    return people, teams


def metadata_people(graph: ArticleGraph) -> list[Person]:
    found = []
    for item in graph.document.meta:
        if item.key in ("author", "reviewer"):
            for name in people_named(item.value) or _plain_name(item.value):
                found.append(Person(name, item.key, item.start, item.end, item.origin))
    return found


def _plain_name(value: str) -> list[str]:
    """A metadata author field names a person without a byline label: "Tom Becker" or "tom becker"."""
    words = value.strip().split()
    if 2 <= len(words) <= 5 and not _TEAM_WORDS.search(value) and all(w[:1].isalpha() for w in words):
        return [" ".join(w[:1].upper() + w[1:] for w in words)]
    return []


def attribution(graph: ArticleGraph) -> tuple[list[str], list[str]]:
    """Names of the people credited as author or reviewer anywhere, and team names seen in bylines."""
    people, teams = visible_people(graph)
    names = [p.name for p in metadata_people(graph)] + [p.name for p in people]
    return list(dict.fromkeys(names)), teams


# -- dates -------------------------------------------------------------------------------------
def page_dates(graph: ArticleGraph, day_first: bool = True) -> list[PageDate]:
    """Review, update and publication dates: visible labels and the page's metadata."""
    return graph.fact(_page_dates, bool(day_first))


def _page_dates(graph: ArticleGraph, day_first: bool) -> list[PageDate]:
    found: list[PageDate] = []
    for item in graph.document.meta:
        kind = {"reviewed": "reviewed", "updated": "updated", "published": "published", "time": None}.get(item.key, "")
        if kind == "":
            continue
        for d in find_dates(item.value, day_first)[:1]:
            found.append(PageDate(kind or "published", d.value, item.start, item.end, item.origin))
    for block in all_blocks(graph):
        if not _DATE_WORD_QUICK.matches(block.text, _DATE_WORD):
            continue
        for d in find_dates(block.text, day_first):
            before = block.text[max(0, d.start - 60) : d.start]
            if _NEXT_REVIEW.search(before):
                continue
            kind = _visible_kind(before)
            if kind is None:
                continue
            a, b = block.original(d.start, d.end)
            found.append(PageDate(kind, d.value, a, b, "visible"))
    return [d for d in found if not (d.origin == "time" and d.kind == "published" and _shown(found, d))]


def _visible_kind(before: str) -> str | None:
    label = _REVIEW_LABEL.search(before)
    if label:
        return "reviewed" if "review" in label.group(0).lower() else "updated"
    if _PUBLISHED_LABEL.search(before):
        return "published"
    return None


def _shown(found: list[PageDate], date_item: PageDate) -> bool:
    """A <time datetime> whose date is also labelled in the text adds nothing."""
    return any(d.origin == "visible" and d.value == date_item.value for d in found)


def review_dates(graph: ArticleGraph, day_first: bool = True) -> list[PageDate]:
    """Dates the page gives as last reviewed or last updated (what DISC004 asks for)."""
    return [
        d
        for d in page_dates(graph, day_first)
        if d.kind == "reviewed" or (d.kind == "updated" and d.origin == "visible")
    ]


def currency_date(graph: ArticleGraph, day_first: bool = True) -> PageDate | None:
    """The date a reader would judge the page's age by: the latest review date, else the latest
    update, else the latest publication date (DISC005 names which kind it judged)."""
    dates = page_dates(graph, day_first)
    for chosen in (
        review_dates(graph, day_first),
        [d for d in dates if d.kind == "updated"],
        [d for d in dates if d.kind == "published"],
    ):
        if chosen:
            return max(chosen, key=lambda d: (d.value, d.origin == "visible"))
    return None


# -- audience ----------------------------------------------------------------------------------
def page_audience(graph: ArticleGraph) -> str | None:
    """``professional`` or ``patient`` when front matter or JSON-LD says so, else None."""
    for item in graph.document.meta:
        if item.key != "audience":
            continue
        key = re.sub(r"[^a-z]", "", item.value.lower())
        if key in _PROFESSIONAL or "clinician" in key or "professional" in key:
            return "professional"
        if key in _PATIENT or "patient" in key:
            return "patient"
    return None


_CREDENTIAL = re.compile(
    r"(?i)\b(?:dr|prof|professor|mr|mrs|ms|mx|md|do|rn|np|pa|phd|mph|mbbs|mbchb|frcp|mrcp|frcgp|mrcgp|pharmd|"
    r"rph|bsc|msc|ma|ba|dnp|facp|faap|ibclc|cde|rd|ld|ccc|slp|jr|sr)\b\.?"
)


def name_key(name: str) -> frozenset[str]:
    """A person's name without titles, credentials and initials, for comparing bylines with metadata."""
    words = _CREDENTIAL.sub(" ", name).replace(".", " ").replace(",", " ").lower().split()
    return frozenset(w for w in words if len(w) > 1)
