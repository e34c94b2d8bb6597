"""Result cache keyed by file content, medlint version and effective configuration (like ruff's).

An unchanged file costs a hash and one small JSON read. Entries are written atomically; a corrupt
or unreadable entry is ignored, never fatal.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from linter import __version__
from linter.digest import content_digest
from linter.findings import Edit, Finding, Location, Severity

DEFAULT_DIR = ".medlint_cache"


def cache_dir(configured: str | None) -> Path:
    return Path(os.environ.get("MEDLINT_CACHE_DIR") or configured or DEFAULT_DIR)


def cache_key(text: str, path: str, config_data: dict[str, Any], options: Any, lock: str = "") -> str:
    payload = json.dumps(
        [
            __version__,
            lock,  # the reference lock's state: CIT013-CIT016 read it
            path,
            config_data,
            sorted((options.selection or {}).items()),
            str(options.today),
            options.unused_suppressions,
        ],
        sort_keys=True,
        default=str,
    )
    return content_digest(payload.encode() + b"\0" + text.encode("utf-8", "surrogatepass"))


class ResultCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @classmethod
    def of(cls, config: Any) -> ResultCache:
        """The cache a file's configuration names (MEDLINT_CACHE_DIR, then ``cache-dir``, then the default)."""
        return cls(cache_dir(config.get("cache-dir")))

    def _file(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[list[Finding], tuple[str | None, StoredParagraphs] | None] | None:
        """Cached findings and, when the run that stored them was a corpus run, DUP004 paragraphs
        (read from their own file only when the corpus step needs them)."""
        try:
            data = json.loads(self._file(key).read_text("utf-8"))
            paragraphs = None
            if data.get("paragraphs"):
                stored = self._file(key).with_suffix(".paragraphs.json")
                if not stored.exists():
                    return None
                paragraphs = (data.get("date"), StoredParagraphs(stored))
            return [_finding(d) for d in data["findings"]], paragraphs
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, findings: list[Finding], paragraphs: tuple[str | None, list] | None = None) -> None:
        record: dict[str, Any] = {"findings": [_record(f) for f in findings]}
        if paragraphs is not None:
            date, records = paragraphs
            rows = [[p.start, p.end, p.text, list(p.sketch), p.masked, list(p.quantities)] for p in records]
            self._write(self._file(key).with_suffix(".paragraphs.json"), rows)
            record["date"], record["paragraphs"] = date, True
        self._write(self._file(key), record)

    def _write(self, target: Path, record: Any) -> None:
        import tempfile  # only a run that stores anything needs it

        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            marker = self.directory / ".gitignore"
            if not marker.exists():
                marker.write_text("# created by medlint\n*\n")
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(record, handle)
            os.replace(tmp, target)
        except OSError:
            pass  # a read-only or full disk only costs speed

    # The corpus step (DUP004, DUP005 across files) depends on every file of the run: its findings are
    # kept under one key made of the files' own keys, so a run over unchanged files skips the step.
    # One entry per cache directory (the last corpus run), so the cache does not grow with file sets.
    def corpus_key(self, keys: list[tuple[str, str]]) -> str:
        payload = "\n".join(f"{path}\0{key}" for path, key in keys)
        return content_digest(payload.encode("utf-8", "surrogatepass"))

    def get_corpus(self, key: str) -> dict[int, tuple[set[int], list[Finding]]] | None:
        try:
            data = json.loads((self.directory / "corpus.json").read_text("utf-8"))
            if data.get("key") != key:
                return None
            return {
                int(index): (set(change["drop"]), [_finding(d) for d in change["add"]])
                for index, change in data["files"].items()
            }
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put_corpus(self, key: str, changes: dict[int, tuple[list[int], list[Finding]]]) -> None:
        files = {str(i): {"drop": drop, "add": [_record(f) for f in add]} for i, (drop, add) in changes.items()}
        self._write(self.directory / "corpus.json", {"key": key, "files": files})


class StoredParagraphs:
    """A cached file's paragraph records, read and turned into Paragraph objects only when the corpus
    step runs (a warm run whose corpus step is stored never reads them). An entry that has become
    unreadable since counts as no paragraphs: the cache never fails a run."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def paragraphs(self) -> list:
        from linter.facts.corpus import Paragraph

        try:
            rows = json.loads(self.path.read_text("utf-8"))
            return [Paragraph(a, b, text, tuple(sk), masked, tuple(q)) for a, b, text, sk, masked, q in rows]
        except (OSError, ValueError, TypeError):
            return []


def _record(f: Finding) -> dict:
    data = f.to_dict()
    data["start"], data["end"] = f.start, f.end
    data["fix_safe"] = f.fix_safe
    return data


def _finding(d: dict) -> Finding:
    return Finding(
        rule=d["rule"],
        name=d["name"],
        severity=Severity.parse(d["severity"]),
        path=d["path"],
        line=d["line"],
        column=d["column"],
        end_line=d["end_line"],
        end_column=d["end_column"],
        message=d["message"],
        start=d["start"],
        end=d["end"],
        related=[
            Location(r["line"], r["column"], r["end_line"], r["end_column"], r.get("message", ""), r.get("path"))
            for r in d["related"]
        ]
        if "related" in d
        else [],
        edits=[Edit(e["start"], e["end"], e["replacement"]) for e in d["fix"]["edits"]] if "fix" in d else [],
        fix_safe=d.get("fix_safe", True),
        fingerprint=d.get("fingerprint", ""),
    )
