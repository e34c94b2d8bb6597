"""Reference verification facts: which lock entry a reference is, and what the lock says of it.

Shared by ``medlint refs sync`` (which resolves the keys below into the lock), the CIT013-CIT016
rules and the report (which read it). Pure functions: no network and no lock I/O here; the lock's
entries arrive as plain dicts (linter/refs/lock.py reads the file).

Matching (issue 20's decisions): the resolved title is compared with the entry by token
containment after normalisation (case, diacritics, punctuation); the first author's family name
must appear in the entry (organisation authors compared as names); the year may differ by one
(online-first against print).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from linter.digest import sha256

if TYPE_CHECKING:
    from linter.graph import ArticleGraph, Reference

TITLE_CONTAINMENT = 0.8  # share of the resolved title's words the entry must hold
SEARCH_SCORE_FOR_RETRACTION = 0.9  # a search match raises CIT015 only above this score
_WORD = re.compile(r"[a-z0-9]+")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_MINOR = frozenset("a an and the of in on for to with by at from or as its is are be vs versus".split())


@dataclass(frozen=True)
class RefQuery:
    """What ``refs sync`` asks about one reference entry, and the lock key it is stored under."""

    key: str  # "doi:10.1000/x", "pmid:123", "pmcid:PMC123", or "text:<hash>" for an entry without one
    kind: str  # doi | pmid | pmcid | text
    value: str  # the identifier, or the entry text for a bibliographic search
    text: str  # the entry text as written (without its number)


def fold_words(text: str) -> list[str]:
    """Lower-case words with diacritics and punctuation folded away ("Müller-Lüdenscheidt" -> muller, ludenscheidt)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _WORD.findall(plain)


def reference_query(ref: Reference) -> RefQuery:
    """The lock key of a reference: its first well-formed identifier (DOI, then PMID, then PMCID),
    else a hash of its normalised text (the entry is then resolved by bibliographic search)."""
    for kind in ("doi", "pmid", "pmcid"):
        ident = next((i for i in ref.ids if i.kind == kind and i.problem is None), None)
        if ident is not None:
            value = ident.value.lower() if kind == "doi" else ident.value.upper() if kind == "pmcid" else ident.value
            return RefQuery(f"{kind}:{value}", kind, value, ref.text)
    digest = sha256(" ".join(fold_words(ref.text)).encode()).hexdigest()[:20]
    return RefQuery(f"text:{digest}", "text", ref.text, ref.text)


def locked_references(graph: ArticleGraph) -> list[tuple[Reference, RefQuery, dict[str, Any] | None]]:
    """Every reference with its lock query and entry (None when the lock does not hold it), computed
    once per graph: CIT012-CIT016 and the report all read it."""
    return graph.fact(_locked_references)


def _locked_references(graph: ArticleGraph) -> list[tuple[Reference, RefQuery, dict[str, Any] | None]]:
    lock = graph.lock
    found = []
    for ref in graph.references:
        query = reference_query(ref)
        found.append((ref, query, lock.get(query.key) if lock is not None else None))
    return found


def years_in(text: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(text)]


def title_containment(title: str, entry: str) -> float:
    """Share of the title's words (minor words aside) that the entry holds."""
    words = [w for w in fold_words(title) if w not in _MINOR] or fold_words(title)
    if not words:
        return 1.0
    held = set(fold_words(entry))
    return sum(1 for w in words if w in held) / len(words)


def author_in_entry(author: str, entry: str) -> bool:
    """The first author's family name (or an organisation's name) appears in the entry."""
    words = fold_words(author)
    if not words:
        return True
    held = fold_words(entry)
    if len(words) == 1:
        return words[0] in held
    joined = " " + " ".join(held) + " "
    if " " + " ".join(words) + " " in joined:  # "van der Berg", "World Health Organization"
        return True
    significant = [w for w in words if w not in _MINOR]
    return sum(1 for w in significant if w in held) >= max(1, round(0.8 * len(significant)))


@dataclass(frozen=True)
class Mismatch:
    field: str  # title | first author | year
    theirs: str  # what the identifier points at


def mismatches(work: dict[str, Any], entry: str, containment: float = TITLE_CONTAINMENT) -> list[Mismatch]:
    """How the resolved work differs from the entry: title, first author, year (each only when both
    sides have it)."""
    found: list[Mismatch] = []
    title = work.get("title") or ""
    if title and title_containment(title, entry) < containment:
        found.append(Mismatch("title", title))
    authors = work.get("authors") or []
    if authors and not author_in_entry(authors[0], entry) and not group_author(entry):
        found.append(Mismatch("first author", authors[0]))
    year = work.get("year")
    written = years_in(entry)
    if year and written and min(abs(int(year) - y) for y in written) > 1:
        found.append(Mismatch("year", str(year)))
    return found


_GROUP_WORDS = frozenset(
    "college society association academy institute institution organisation organization group committee "
    "council foundation agency department ministry board network collaboration consortium commission "
    "federation centre center service trust alliance panel taskforce".split()
)


def group_author(entry: str) -> bool:
    """The entry's author part (up to its first full stop) is an organisation: "American College of
    Rheumatology. 2020 guideline …". Registries often list the guideline's people instead, so the
    first person's name cannot be asked of such an entry; title and year still are."""
    head = entry.split(". ", 1)[0]
    return bool(_GROUP_WORDS & set(fold_words(head)))


def work_year(work: dict[str, Any], entry: str) -> int | None:
    """The year to date the cited work by: the registry's, or the entry's own when it is one year
    later (online first, then in print: the entry cites the print year)."""
    year = work.get("year")
    if not year:
        return None
    later = [y for y in years_in(entry) if 0 < y - int(year) <= 1]
    return max(later) if later else int(year)


def match_score(work: dict[str, Any], entry: str) -> float:
    """How well a work found by bibliographic search fits the entry (0-1): title containment,
    lowered when the first author or the year does not fit."""
    score = title_containment(work.get("title") or "", entry) if work.get("title") else 0.0
    authors = work.get("authors") or []
    if authors and not author_in_entry(authors[0], entry):
        score *= 0.7
    year, written = work.get("year"), years_in(entry)
    if year and written and min(abs(int(year) - y) for y in written) > 1:
        score *= 0.8
    return round(score, 3)


# The statuses the report shows, and which of them the rules act on.
STATUS_LABELS = {
    "verified": "verified",
    "mismatch": "identifier points elsewhere",
    "missing": "identifier does not exist",
    "retracted": "retracted",
    "concern": "expression of concern",
    "withdrawn": "withdrawn",
    "unverified": "unverified",
}
_NOTICE_STATUS = {"retraction": "retracted", "withdrawal": "withdrawn", "expression_of_concern": "concern"}
_ACKNOWLEDGED = re.compile(r"\bretract(?:ed|ion)\b|\bwithdrawn\b|\bexpression of concern\b|\berratum\b", re.I)


def notice(entry: dict[str, Any] | None) -> dict[str, Any] | None:
    """The gravest update notice on a locked work: retraction, then withdrawal, then concern."""
    if not entry:
        return None
    notices = entry.get("updates") or []
    for kind in ("retraction", "withdrawal", "expression_of_concern"):
        for n in notices:
            if n.get("type") == kind:
                return n
    return None


_LINKISH = re.compile(r"\S*[/:]\S*")  # identifiers and URLs ("doi:10.1000/retracted") say nothing


def acknowledged(text: str) -> bool:
    """The text already says the work is retracted, withdrawn or under concern ("[Retracted]",
    "Retraction in: …"); words inside identifiers and URLs do not count."""
    return bool(_ACKNOWLEDGED.search(_LINKISH.sub(" ", text.replace("in:", "in"))))


def status_of(entry: dict[str, Any] | None, ref_text: str) -> str:
    """One word for the report: verified, mismatch, missing, retracted, concern, withdrawn, unverified."""
    if not entry or entry.get("status") == "unverified":
        return "unverified"
    if entry.get("status") == "missing":
        return "missing"
    by_search = entry.get("source") == "crossref-search"
    grave = notice(entry)
    if grave is not None and (not by_search or float(entry.get("score", 0)) >= SEARCH_SCORE_FOR_RETRACTION):
        return _NOTICE_STATUS[grave["type"]]
    work = entry.get("work")
    if not work:
        return "unverified"  # exists (a DOI outside Crossref), but nothing to compare with
    if not by_search and mismatches(work, ref_text):
        return "mismatch"
    return "verified"
