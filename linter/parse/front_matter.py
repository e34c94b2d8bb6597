"""Front matter: YAML between ``---`` lines or TOML between ``+++`` lines at the top of a file.

Front matter is metadata, never body text. Authors, reviewers, dates, audience and title are read
into MetaItems that keep the value's position in the file (so DISC005 can point at the date).
YAML is parsed by PyYAML, imported only when a file has YAML front matter. A block that cannot be
parsed is a MetaProblem and is then treated as absent.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from linter.parse.model import MetaItem, MetaProblem
from linter.source import Source

MAX_LINES = 1000
_KEYS = {
    **dict.fromkeys(("author", "authors", "writer", "writers", "written_by", "byline", "creator"), "author"),
    **dict.fromkeys(
        (
            "reviewer",
            "reviewers",
            "reviewed_by",
            "medically_reviewed_by",
            "medical_reviewer",
            "clinical_reviewer",
            "fact_checked_by",
        ),
        "reviewer",
    ),
    **dict.fromkeys(("date", "created", "published", "date_published", "publishdate", "pubdate"), "published"),
    **dict.fromkeys(
        ("updated", "modified", "last_updated", "lastmod", "date_modified", "updates", "last_modified"), "updated"
    ),
    **dict.fromkeys(
        (
            "last_reviewed",
            "reviewed",
            "review_date",
            "date_reviewed",
            "lastreviewed",
            "reviewed_on",
            "medically_reviewed",
        ),
        "reviewed",
    ),
    "audience": "audience",
    "title": "title",
}
_NAME_KEYS = ("name", "full_name", "fullname", "title", "display_name")


def front_matter_span(source: Source) -> tuple[str, int, int] | None:
    """(kind, first body line index, end offset of the block) or None: kind is yaml or toml."""
    lines = source.lines()
    if not lines:
        return None
    opener = lines[0].strip()
    if opener not in ("---", "+++"):
        return None
    closers = {"---", "..."} if opener == "---" else {"+++"}
    for index in range(1, min(len(lines), MAX_LINES)):
        if lines[index].strip() in closers:
            end = source.line_starts[index + 1] if index + 1 < source.line_count else len(source.text)
            return ("yaml" if opener == "---" else "toml"), index + 1, end
    return None


def read_front_matter(source: Source) -> tuple[list[MetaItem], list[MetaProblem]]:
    span = front_matter_span(source)
    if span is None:
        return [], []
    kind, body_line, end = span
    start = source.line_starts[1] if source.line_count > 1 else 0
    close_start = source.line_starts[body_line - 1]
    raw = source.text[start:close_start]
    try:
        data = _load(kind, raw)
    except Exception as exc:  # any parse failure: one problem, then absent (never an input error)
        first = str(exc).strip().splitlines()[0][:100] if str(exc).strip() else type(exc).__name__
        return [], [MetaProblem("front-matter", f"{kind.upper()} front matter could not be read ({first})", 0, end)]
    if not isinstance(data, dict):
        return [], []
    items: list[MetaItem] = []
    text = source.text
    for key, value in data.items():
        meta_key = _KEYS.get(str(key).strip().lower().replace("-", "_"))
        if meta_key is None:
            continue
        key_at = _key_offset(text, str(key), start, close_start)
        cursor = key_at
        for value_text in _values(value, meta_key):
            at = text.find(value_text, cursor, close_start)
            if at == -1:
                items.append(MetaItem(meta_key, value_text, key_at, key_at + len(str(key)), "front-matter"))
                continue
            items.append(MetaItem(meta_key, value_text, at, at + len(value_text), "front-matter"))
            cursor = at + len(value_text)
    return items, []


def _load(kind: str, raw: str) -> Any:
    if kind == "toml":
        import tomllib

        return tomllib.loads(raw)
    import yaml  # PyYAML: only files with YAML front matter pay for it

    return yaml.safe_load(raw)


def _key_offset(text: str, key: str, start: int, end: int) -> int:
    m = re.compile(rf"^[ \t]*['\"]?{re.escape(key)}['\"]?[ \t]*[:=]", re.M).search(text, start, end)
    return m.start() + (len(m.group(0)) - len(m.group(0).lstrip())) if m else start


def _values(value: Any, meta_key: str) -> list[str]:
    """The value as strings: a string, a date, a list of them, or mappings with a name."""
    if value is None:
        return []
    if isinstance(value, dt.datetime):
        return [value.isoformat(sep=" ") if value.time() != dt.time() else value.date().isoformat()]
    if isinstance(value, dt.date):
        return [value.isoformat()]
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [str(value)]
    if isinstance(value, list):
        return [v for item in value[:100] for v in _values(item, meta_key)]
    if isinstance(value, dict):
        for name_key in _NAME_KEYS:
            if name_key in value:
                return _values(value[name_key], meta_key)
        if meta_key in ("updated", "reviewed", "published"):
            return [v for key in ("date", "on", "when") if key in value for v in _values(value[key], meta_key)]
    return []
