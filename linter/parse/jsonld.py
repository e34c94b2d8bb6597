"""schema.org JSON-LD: author, reviewer, review / modified / published dates, audience, headline.

Only page-level types are read (MedicalWebPage, WebPage, Article and its kinds); a malformed
block is reported as a problem and treated as absent.
"""

from __future__ import annotations

import json
from typing import Any

from linter.parse.model import MetaItem

PAGE_TYPES = {
    "medicalwebpage",
    "webpage",
    "article",
    "newsarticle",
    "blogposting",
    "medicalscholarlyarticle",
    "scholarlyarticle",
    "healthtopiccontent",
    "report",
}
_DATES = {"lastreviewed": "reviewed", "datemodified": "updated", "datepublished": "published"}
_PEOPLE = {"author": "author", "reviewedby": "reviewer", "creator": "author"}
MAX_NODES = 10_000


def read_jsonld(raw: str, start: int, text: str) -> tuple[list[MetaItem], str | None]:
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        return [], f"JSON-LD could not be read ({str(exc).splitlines()[0][:80]})"
    items: list[MetaItem] = []
    end = start + len(raw)
    for node in _nodes(data):
        types = node.get("@type")
        names = {str(t).lower() for t in (types if isinstance(types, list) else [types])}
        if not names & PAGE_TYPES:
            continue
        for key, value in node.items():
            low = key.lower()
            if low in _DATES and isinstance(value, str):
                items.append(_item(_DATES[low], value, text, start, end))
            elif low in _PEOPLE:
                for name in _names(value):
                    items.append(_item(_PEOPLE[low], name, text, start, end))
            elif low in ("medicalaudience", "audience"):
                for audience in _audiences(value):
                    items.append(_item("audience", audience, text, start, end))
            elif low == "headline" and isinstance(value, str):
                items.append(_item("title", value, text, start, end))
    return items, None


def _nodes(data: Any) -> list[dict]:
    out: list[dict] = []
    stack = [data]
    while stack and len(out) < MAX_NODES:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            out.append(item)
            if "@graph" in item:
                stack.append(item["@graph"])
            if "mainEntity" in item and isinstance(item["mainEntity"], dict | list):
                stack.append(item["mainEntity"])
    return out


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) and name.strip() else []
    if isinstance(value, list):
        return [n for v in value[:50] for n in _names(v)]
    return []


def _audiences(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.rsplit("/", 1)[-1]]
    if isinstance(value, dict):
        found = value.get("audienceType") or value.get("@type") or value.get("name")
        return _audiences(found) if found else []
    if isinstance(value, list):
        return [a for v in value[:20] for a in _audiences(v)]
    return []


def _item(key: str, value: str, text: str, start: int, end: int) -> MetaItem:
    needle = json.dumps(value)[1:-1]
    at = text.find(needle, start, end)
    if at == -1:
        at = text.find(value, start, end)
    if at == -1:
        return MetaItem(key, value, start, start, "json-ld")
    return MetaItem(key, value, at, at + len(needle if text.startswith(needle, at) else value), "json-ld")
