"""The phrase data of linter/data/phrases.toml, compiled once and shared by the DOSE and DISC rules."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Phrase:
    kind: str
    regex: re.Pattern[str]
    replacement: str | None
    message: str | None
    source: str | None
    adjacent: bool  # must stand right next to a dose span
    context: str  # dose (a dose in the sentence) | medication (a dose or a medicine named) | always
    bad: str
    trap: str


@cache
def phrases() -> dict[str, list[Phrase]]:
    data = tomllib.loads((Path(__file__).parent / "data" / "phrases.toml").read_text("utf-8"))
    compiled: dict[str, list[Phrase]] = {}
    for kind, entries in data.items():
        compiled[kind] = [
            Phrase(
                kind=kind,
                regex=re.compile(e["pattern"], 0 if e.get("case") else re.I),
                replacement=e.get("replacement"),
                message=e.get("message"),
                source=e.get("source"),
                adjacent=bool(e.get("adjacent")),
                context=e.get("context", "dose"),
                bad=e["bad"],
                trap=e["trap"],
            )
            for e in entries
        ]
    return compiled


@cache
def prefilter(kind: str) -> re.Pattern[str] | None:
    """One alternation of a kind's patterns: most blocks match none, and one search says so."""
    entries = phrases()[kind]
    if not entries or len({e.regex.flags for e in entries}) != 1:
        return None
    return re.compile("|".join(f"(?:{e.regex.pattern})" for e in entries), entries[0].regex.flags)


@cache
def loose_prefilter(kind: str) -> re.Pattern[str]:
    """One case-insensitive alternation of a kind's patterns: a superset of their matches (a case-
    sensitive entry matches more here), so a text it does not match matches no entry."""
    return re.compile("|".join(f"(?:{e.regex.pattern})" for e in phrases()[kind]), re.I)


def any_match(kind: str, text: str) -> re.Match[str] | None:
    for phrase in phrases()[kind]:
        m = phrase.regex.search(text)
        if m:
            return m
    return None


_NEGATION = re.compile(
    r"\b(?:not|no|never|n't|nothing|none|neither|nor|without|cannot|can't|don't|doesn't|isn't|aren't|avoid|unlikely)\b"
    r"[^.;!?]{0,40}$",
    re.I,
)


def negated(text: str, start: int) -> bool:
    """True when a negation stands shortly before ``start`` in the same clause."""
    before = text[max(0, start - 60) : start]
    words = before.split()
    return bool(_NEGATION.search(" ".join(words[-6:]))) if words else False
