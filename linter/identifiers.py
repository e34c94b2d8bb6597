"""Identifiers in reference entries (DOI, PMID, PMCID, ISBN, URL) and what makes one invalid."""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.patterns import guarded
from linter.text import Spans, normalise


@dataclass(frozen=True)
class Identifier:
    """A DOI, PMID, PMCID, ISBN or URL found in a reference entry."""

    kind: str  # doi | pmid | pmcid | isbn | url
    value: str  # normalised value used for comparison
    start: int  # span in the entry's plain text
    end: int
    problem: str | None = None


# Each entry is searched for every kind: the first-character guard (linter.patterns) lets the engine
# skip ahead where these case-insensitive patterns would otherwise be tried at every position.
_DOI = guarded(r"(?:https?://(?:dx\.)?doi\.org/|\bdoi:\s*)?\b(10\.[^\s/]{0,40}+/[^\s\"<>]*+)", re.I)
_DOI_LABEL = guarded(r"(?:https?://(?:dx\.)?doi\.org/|\bdoi:\s*)(\S*)", re.I)
_PMID = guarded(r"\bPMID:?\s*([^\s.,;]+)", re.I)
_PMCID = guarded(r"\b(?:PMCID:?\s*)?(PMC(?!ID)[^\s.,;]*)", re.I)
_PMCID_LABEL = guarded(r"\bPMCID:?\s*([^\s.,;]+)", re.I)
_ISBN = guarded(r"\bISBN(?:-1[03])?:?\s*([0-9Xx][0-9Xx\- ]{8,20}[0-9Xx]|[^\s.,;]+)", re.I)
_URL = guarded(r"\b(?:https?|ftp)://[^\s<>\"]+|\bhttps?:/[^/\s][^\s<>\"]*|\bhttps?//[^\s<>\"]+|\bwww\.[^\s<>\"]+", re.I)
_TRAILING = ".,;:)]}>\"'"


def _trim(value: str) -> str:
    """An identifier without the sentence punctuation that follows it in the entry."""
    return value.rstrip(_TRAILING)


def doi_problem(doi: str) -> str | None:
    m = re.match(r"^10\.(\d+)(?:\.\d+)*/(.*)$", doi)
    if not m:
        return f"DOI '{doi}' must look like 10.<registrant>/<suffix>"
    if len(m.group(1)) < 4:
        return f"DOI '{doi}' has a registrant code of {len(m.group(1))} digits; DOIs have 4 or more"
    if not m.group(2):
        return f"DOI '{doi}' has nothing after the slash"
    return None


def isbn_problem(isbn: str) -> str | None:
    digits = re.sub(r"[\s-]", "", isbn).upper()
    if len(digits) == 10 and re.match(r"^\d{9}[\dX]$", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return None if total % 11 == 0 else f"ISBN-10 '{isbn}' fails its check digit"
    if len(digits) == 13 and digits.isdigit():
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits))
        return None if total % 10 == 0 else f"ISBN-13 '{isbn}' fails its check digit"
    return f"ISBN '{isbn}' has {len(digits)} characters; an ISBN has 10 or 13 digits"


def url_problem(url: str) -> str | None:
    if re.match(r"^https?//", url, re.I):
        return f"URL '{url}' is missing the ':' after the scheme"
    if re.match(r"^https?:/[^/]", url, re.I):
        return f"URL '{url}' has one slash after the scheme; it needs two"
    if url.lower().startswith("www."):
        url = "http://" + url
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return f"URL '{url}' cannot be parsed"
    host = parts.hostname or ""
    if not host:
        return f"URL '{url}' has no host name"
    if "." not in host and host != "localhost":
        return f"URL '{url}' has a host without a domain ('{host}')"
    if ".." in host or host.startswith(".") or host.endswith("-"):
        return f"URL '{url}' has a malformed host name ('{host}')"
    return None


def identifiers(text: str) -> list[Identifier]:
    """Every identifier in a reference entry, each with the problem that makes it invalid, if any."""
    found: list[Identifier] = []
    taken = Spans()

    def add(kind: str, value: str, start: int, problem: str | None, norm: str | None = None) -> None:
        end = start + len(value)
        if not taken.claim(start, end):
            return
        found.append(Identifier(kind, norm if norm is not None else value.lower(), start, end, problem))

    for m in _DOI.finditer(text):
        doi = _trim(m.group(1))
        add("doi", doi, m.start(1), doi_problem(doi))
    for m in _DOI_LABEL.finditer(text):
        value = _trim(m.group(1))
        if not any(i.kind == "doi" and i.start == m.start(1) for i in found):
            add(
                "doi", value or "(empty)", m.start(1), doi_problem(value) if value else "DOI label with no DOI after it"
            )
    for m in _PMID.finditer(text):
        value = _trim(m.group(1))
        ok = value.isdigit() and 1 <= len(value) <= 8 and int(value) > 0
        add("pmid", value, m.start(1), None if ok else f"PMID '{value}' must be a number of 1 to 8 digits")
    for m in _PMCID.finditer(text):
        value = _trim(m.group(1))
        ok = re.match(r"^PMC\d{1,9}$", value, re.I) is not None
        add("pmcid", value, m.start(1), None if ok else f"PMCID '{value}' must be 'PMC' followed by digits")
    for m in _PMCID_LABEL.finditer(text):
        value = _trim(m.group(1))
        if not value.upper().startswith("PMC"):
            add("pmcid", value, m.start(1), f"PMCID '{value}' must start with 'PMC'")
    for m in _ISBN.finditer(text):
        value = _trim(m.group(1)).strip()
        add("isbn", value, m.start(1), isbn_problem(value), re.sub(r"[\s-]", "", value).upper())
    for m in _URL.finditer(text):
        value = _trim(m.group(0))
        norm = re.sub(r"^(https?://)?(www\.)?", "", value.lower()).rstrip("/")
        add("url", value, m.start(0), url_problem(value), norm)
    return sorted(found, key=lambda i: i.start)


_AUTHORS = re.compile(r"^[A-Z][\w'\-]+,? (?:[A-Z]\.?){1,3}\b(?:,|$| et al| and)")


def title_key(text: str) -> str:
    """Normalised title of a reference entry, used to spot the same work listed twice."""
    without_ids = _URL.sub(" ", _DOI.sub(" ", text))
    parts = [p.strip() for p in re.split(r"(?<=[A-Za-z0-9)])\.\s+", without_ids)]
    # the title is the longest segment that is not an author list: an organisation named as author
    # ("World Health Organization. Global report on diabetes.") is a short first segment, never the key
    titles = [p for p in parts if len(p.split()) >= 3 and not _AUTHORS.match(p)]
    if titles:
        return normalise(max(titles, key=lambda p: len(p.split())))
    return normalise(without_ids)


_LINK_DOI = re.compile(r"^https?://(?:dx\.)?doi\.org/(10\.\S+)$", re.I)
_LINK_PMC = re.compile(
    r"^https?://(?:www\.)?(?:ncbi\.nlm\.nih\.gov/pmc|pmc\.ncbi\.nlm\.nih\.gov)/articles/(PMC\d+)", re.I
)
_LINK_PUBMED = re.compile(r"^https?://(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov/pubmed)/(\d+)", re.I)


def link_identifier(href: str) -> tuple[str, str] | None:
    """The identifier a link's target carries: a doi.org URL a DOI, a PMC article URL a PMCID, a
    PubMed URL a PMID."""
    from urllib.parse import unquote

    href = href.strip()
    for kind, pattern in (("doi", _LINK_DOI), ("pmcid", _LINK_PMC), ("pmid", _LINK_PUBMED)):
        m = pattern.match(href)
        if m:
            return kind, _trim(unquote(m.group(1))).lower() if kind != "pmcid" else m.group(1).upper()
    return None


def with_links(found: list[Identifier], links: list[tuple[str, int, int]]) -> list[Identifier]:
    """Identifiers of an entry, checked against the links they sit in, plus those only a link carries.

    ``links`` are (href, start, end) in the entry's plain text. A PMID whose link goes to a DOI is
    malformed: the number and its link point at different records."""
    out = list(found)
    for href, start, end in links:
        carried = link_identifier(href)
        if carried is None:
            continue
        kind, value = carried
        for i, ident in enumerate(out):
            if ident.kind == "pmid" and start <= ident.start and ident.end <= end and kind == "doi":
                out[i] = Identifier(
                    "pmid",
                    ident.value,
                    ident.start,
                    ident.end,
                    f"PMID {ident.value} is linked to a DOI ({href}), not to its PubMed record: "
                    "link the PMID to PubMed or label the link as a DOI",
                )
        if not any(i.kind == kind and i.value == value.lower() for i in out):
            problem = doi_problem(value) if kind == "doi" else None
            out.append(Identifier(kind, value.lower(), start, end, problem))
    return sorted(out, key=lambda i: i.start)
