"""What CIT013-CIT016 share: each reference's lock entry, and where to point at it."""

from __future__ import annotations

from typing import Any

from linter.facts.references import RefQuery, locked_references
from linter.graph import ArticleGraph, Reference

__all__ = ["describe", "identifier_span", "locked_references"]


def identifier_span(graph: ArticleGraph, ref: Reference, query: RefQuery) -> tuple[int, int]:
    """The identifier's span in the file, or the entry's when it has none."""
    ident = next((i for i in ref.ids if i.kind == query.kind and i.problem is None), None)
    if ident is None:
        return ref.block.original(ref.text_start, len(ref.block.text))
    return ref.block.original(ref.text_start + ident.start, ref.text_start + ident.end)


def describe(work: dict[str, Any]) -> str:
    """'Title' (Family, 2019) for a message."""
    title = (work.get("title") or "untitled").strip()
    if len(title) > 90:
        title = title[:87].rstrip() + "…"
    who = (work.get("authors") or [""])[0]
    year = work.get("year")
    tail = ", ".join(str(x) for x in (who, year) if x)
    return f"'{title}'" + (f" ({tail})" if tail else "")
