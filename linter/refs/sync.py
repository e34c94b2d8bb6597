"""``medlint refs sync``: resolve every reference entry into the lock. The only network code in medlint.

By DOI through Crossref's REST API (``/works/{DOI}``; a 404 is checked against the DOI resolver's
handle lookup, ``/api/handles/{DOI}``, before the DOI counts as missing, since DataCite, mEDRA and
JaLC DOIs are not in Crossref), by PMID / PMCID through NCBI E-utilities (``esummary.fcgi``), and by
Crossref's bibliographic search (``/works?query.bibliographic=…``) for entries without an
identifier. Update notices: the work's ``updated-by`` relations, a ``/works?filter=updates:{DOI}``
query for notices that update it, PubMed's publication types, and a Retraction Watch CSV when given.

Etiquette: a User-Agent naming medlint and the ``[refs] contact`` address (Crossref's ``mailto``,
NCBI's ``tool`` and ``email``, an optional NCBI ``api-key``), a request rate per service, retries
with back-off on 429 / 5xx / timeouts honouring ``Retry-After``, and a timeout per request.
Incremental: entries already locked are not fetched again unless ``--refresh``; entries left
unverified (a server error or timeout) are tried again on the next sync. Offline or interrupted:
what was resolved so far is written (atomically) and the run exits 2 with one line.
"""

from __future__ import annotations

import csv
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from linter import __version__
from linter.facts.references import RefQuery, match_score
from linter.refs.lock import Lock, load, save

DEFAULTS = {
    "crossref-url": "https://api.crossref.org",
    "eutils-url": "https://eutils.ncbi.nlm.nih.gov/entrez/eutils",
    "doi-url": "https://doi.org",
    "timeout": 20.0,
    "rate": 3.0,
    "retries": 3,
}
_RETRYABLE = (429, 500, 502, 503, 504)  # retried with back-off; any other error answer is final
_NOTICE_TYPES = {
    "retraction": "retraction",
    "partial_retraction": "retraction",
    "removal": "retraction",
    "withdrawal": "withdrawal",
    "expression_of_concern": "expression_of_concern",
}


class Offline(Exception):
    """A service cannot be reached at all (no network, DNS failure, refused connection)."""


class Unavailable(Exception):
    """A service answered with an error or did not answer in time, after the retries."""


@dataclass
class Settings:
    contact: str = ""
    crossref: str = DEFAULTS["crossref-url"]
    eutils: str = DEFAULTS["eutils-url"]
    doi: str = DEFAULTS["doi-url"]
    api_key: str = ""
    timeout: float = DEFAULTS["timeout"]
    rate: float = DEFAULTS["rate"]
    retries: int = DEFAULTS["retries"]

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> Settings:
        return cls(
            contact=str(table.get("contact", "")),
            crossref=str(table.get("crossref-url", DEFAULTS["crossref-url"])).rstrip("/"),
            eutils=str(table.get("eutils-url", DEFAULTS["eutils-url"])).rstrip("/"),
            doi=str(table.get("doi-url", DEFAULTS["doi-url"])).rstrip("/"),
            api_key=str(table.get("api-key", "")),
            timeout=float(table.get("timeout", DEFAULTS["timeout"])),
            rate=float(table.get("rate", DEFAULTS["rate"])),
            retries=int(table.get("retries", DEFAULTS["retries"])),
        )

    @property
    def user_agent(self) -> str:
        contact = f"; mailto:{self.contact}" if self.contact else ""
        return f"medlint/{__version__} (reference verification{contact})"


@dataclass
class Client:
    """HTTP GET with a per-host rate limit, retries with back-off and Retry-After, and timeouts."""

    settings: Settings
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)
    requests: int = 0

    def get(self, url: str, accept: str = "application/json") -> tuple[int, bytes]:
        host = urllib.parse.urlsplit(url).netloc
        attempt = 0
        while True:
            self._pace(host)
            request = urllib.request.Request(url, headers={"User-Agent": self.settings.user_agent, "Accept": accept})
            self.requests += 1
            try:
                with urllib.request.urlopen(request, timeout=self.settings.timeout) as response:
                    return response.status, response.read()
            except urllib.error.HTTPError as exc:
                if exc.code == 404:
                    return 404, exc.read()
                if exc.code not in _RETRYABLE:
                    raise Unavailable(f"{host} answered {exc.code} for {url}") from None
                failure, retry_after = (
                    Unavailable(f"{host} answered {exc.code} for {url}"),
                    exc.headers.get("Retry-After"),
                )
            except OSError as exc:  # URLError, TimeoutError, ConnectionError
                reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
                if not isinstance(reason, TimeoutError):
                    raise Offline(f"cannot reach {host} ({reason}); are you offline?") from None
                failure, retry_after = Unavailable(f"{host} did not answer within {self.settings.timeout:g} s"), None
            if attempt >= self.settings.retries:
                raise failure
            self.sleep(self._backoff(attempt, retry_after))
            attempt += 1

    def _pace(self, host: str) -> None:
        gap = 1.0 / self.settings.rate
        waited = time.monotonic() - self._last.get(host, -gap)
        if waited < gap:
            self.sleep(gap - waited)
        self._last[host] = time.monotonic()

    @staticmethod
    def _backoff(attempt: int, retry_after: str | None) -> float:
        if retry_after:
            try:
                return min(60.0, max(0.0, float(retry_after)))
            except ValueError:
                pass  # an HTTP date: fall back to exponential back-off
        return min(30.0, 0.5 * 2**attempt)

    def json(self, url: str) -> tuple[int, Any]:
        status, body = self.get(url)
        if status == 404:
            return 404, None
        try:
            return status, json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise Unavailable(f"{url}: the answer is not JSON") from None


# -- Crossref ---------------------------------------------------------------------------------------


def _crossref_work(message: dict[str, Any]) -> dict[str, Any]:
    """The fields the rules compare, from a Crossref work message."""
    title = " ".join(message.get("title") or []).strip()
    authors = []
    for a in message.get("author") or []:
        name = a.get("family") or a.get("name")
        if name:
            authors.append(str(name))
    year = None
    for key in ("issued", "published", "published-print", "published-online", "created"):
        parts = (message.get(key) or {}).get("date-parts") or [[None]]
        if parts and parts[0] and parts[0][0]:
            year = int(parts[0][0])
            break
    work: dict[str, Any] = {"title": title, "authors": authors[:3], "year": year}
    if message.get("DOI"):
        work["doi"] = str(message["DOI"]).lower()
    if message.get("type"):
        work["type"] = message["type"]
    return work


def _date_of(parts: Any) -> str | None:
    try:
        values = [int(x) for x in (parts or {}).get("date-parts", [[]])[0] if x]
    except (TypeError, ValueError, IndexError):
        return None
    return "-".join(f"{v:02d}" if i else str(v) for i, v in enumerate(values)) or None


def _notice(kind: str, doi: Any, updated: Any, source: str = "crossref") -> dict[str, Any]:
    return {"type": kind, "doi": str(doi or "").lower(), "date": _date_of(updated), "source": source}


def _crossref_notices(client: Client, settings: Settings, message: dict[str, Any], doi: str) -> list[dict[str, Any]]:
    """The work's own ``updated-by`` relations and the notices that say they update it, once each."""
    notices: dict[tuple[str, str], dict[str, Any]] = {}
    for rel in message.get("updated-by") or []:
        kind = _NOTICE_TYPES.get(str(rel.get("type", "")).lower())
        if kind:
            n = _notice(kind, rel.get("DOI"), rel.get("updated"))
            notices[(kind, n["doi"])] = n
    query = urllib.parse.urlencode({"filter": f"updates:{doi}", "rows": "20", **_mailto(settings)})
    _, data = client.json(f"{settings.crossref}/works?{query}")
    for item in ((data or {}).get("message") or {}).get("items") or []:
        for update in item.get("update-to") or []:
            kind = _NOTICE_TYPES.get(str(update.get("type", "")).lower())
            if kind and str(update.get("DOI", "")).lower() == doi:
                n = _notice(kind, item.get("DOI"), update.get("updated"))
                notices[(kind, n["doi"])] = n
    return [notices[k] for k in sorted(notices)]


def _mailto(settings: Settings) -> dict[str, str]:
    return {"mailto": settings.contact} if settings.contact else {}


def resolve_doi(client: Client, settings: Settings, doi: str) -> dict[str, Any]:
    quoted = urllib.parse.quote(doi, safe="/")
    query = urllib.parse.urlencode(_mailto(settings))
    status, data = client.json(f"{settings.crossref}/works/{quoted}" + (f"?{query}" if query else ""))
    if status == 404:
        handle_status, _ = client.get(f"{settings.doi}/api/handles/{quoted}")
        if handle_status == 404:
            return {"status": "missing", "source": "crossref"}
        return {"status": "found", "source": "doi-handle"}  # a DOI outside Crossref: exists, no metadata
    message = (data or {}).get("message") or {}
    return {
        "status": "found",
        "source": "crossref",
        "work": _crossref_work(message),
        "updates": _crossref_notices(client, settings, message, doi),
    }


def search_text(client: Client, settings: Settings, text: str) -> dict[str, Any]:
    query = urllib.parse.urlencode({"query.bibliographic": text[:500], "rows": "1", **_mailto(settings)})
    _, data = client.json(f"{settings.crossref}/works?{query}")
    items = ((data or {}).get("message") or {}).get("items") or []
    if not items:
        return {"status": "unverified", "source": "crossref-search"}
    work = _crossref_work(items[0])
    score = match_score(work, text)
    entry: dict[str, Any] = {"status": "found", "source": "crossref-search", "work": work, "score": score}
    if work.get("doi"):
        entry["updates"] = _crossref_notices(client, settings, items[0], work["doi"])
    return entry


# -- E-utilities ------------------------------------------------------------------------------------


def resolve_pubmed(client: Client, settings: Settings, kind: str, value: str) -> dict[str, Any]:
    db, uid = ("pmc", value.upper().removeprefix("PMC")) if kind == "pmcid" else ("pubmed", value)
    params = {"db": db, "id": uid, "retmode": "json", "tool": "medlint"}
    if settings.contact:
        params["email"] = settings.contact
    if settings.api_key:
        params["api_key"] = settings.api_key
    status, data = client.json(f"{settings.eutils}/esummary.fcgi?{urllib.parse.urlencode(params)}")
    if status == 404 or not isinstance(data, dict) or "error" in data or not isinstance(data.get("result"), dict):
        raise Unavailable(f"E-utilities gave no summary for {kind.upper()} {value}")
    record = data["result"].get(uid)
    if not isinstance(record, dict) or record.get("error"):  # "cannot get document summary": no such record
        return {"status": "missing", "source": db}
    authors = [str(a.get("name", "")).rsplit(" ", 1)[0] for a in record.get("authors") or [] if a.get("name")]
    years = [int(y) for y in str(record.get("pubdate", ""))[:4].split() if y.isdigit()]
    work: dict[str, Any] = {
        "title": str(record.get("title", "")).rstrip("."),
        "authors": authors[:3],
        "year": years[0] if years else None,
    }
    for aid in record.get("articleids") or []:
        if aid.get("idtype") == "doi" and aid.get("value"):
            work["doi"] = str(aid["value"]).lower()
    updates = []
    types = [str(t) for t in record.get("pubtype") or []]
    if "Retracted Publication" in types:
        updates.append({"type": "retraction", "doi": "", "date": None, "source": "pubmed"})
    return {"status": "found", "source": db, "work": work, "updates": updates}


# -- Retraction Watch --------------------------------------------------------------------------------


def retraction_watch(path: Path) -> dict[str, dict[str, Any]]:
    """Notices from a Retraction Watch CSV, keyed like the lock (``doi:…``, ``pmid:…``)."""
    kinds = {"retraction": "retraction", "expression of concern": "expression_of_concern", "withdrawal": "withdrawal"}
    found: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        for row in csv.DictReader(handle):
            kind = kinds.get(str(row.get("RetractionNature", "")).strip().lower())
            if not kind:
                continue
            notice = {
                "type": kind,
                "doi": str(row.get("RetractionDOI", "")).strip().lower(),
                "date": _rw_date(row.get("RetractionDate", "")),
                "source": "retraction-watch",
            }
            doi = str(row.get("OriginalPaperDOI", "")).strip().lower()
            pmid = str(row.get("OriginalPaperPubMedID", "")).strip()
            for key in (
                (f"doi:{doi}" if doi and doi != "unavailable" else ""),
                (f"pmid:{pmid}" if pmid.isdigit() and pmid != "0" else ""),
            ):
                if key:
                    found[key] = notice
    return found


def _rw_date(value: str) -> str | None:
    """Retraction Watch writes dates as M/D/YYYY (with a time sometimes)."""
    head = value.strip().split(" ")[0]
    try:
        month, day, year = (int(x) for x in head.split("/"))
        return date(year, month, day).isoformat()
    except ValueError:
        return None


# -- the sync ---------------------------------------------------------------------------------------


@dataclass
class Outcome:
    fetched: int = 0
    kept: int = 0
    pruned: int = 0
    unverified: int = 0
    stale: list[str] = field(default_factory=list)  # --check: keys missing from or extra in the lock


def resolve(client: Client, settings: Settings, query: RefQuery) -> dict[str, Any]:
    try:
        if query.kind == "doi":
            entry = resolve_doi(client, settings, query.value)
        elif query.kind in ("pmid", "pmcid"):
            entry = resolve_pubmed(client, settings, query.kind, query.value)
        else:
            entry = search_text(client, settings, query.text)
    except Unavailable as exc:
        entry = {"status": "unverified", "reason": str(exc)}
    entry["query"] = {"kind": query.kind, "value": query.value if query.kind != "text" else query.text[:300]}
    return entry


def sync_lock(
    path: Path,
    queries: Iterable[RefQuery],
    settings: Settings,
    refresh: bool = False,
    check: bool = False,
    notices: dict[str, dict[str, Any]] | None = None,
    client: Client | None = None,
    today: date | None = None,
) -> Outcome:
    """Bring the lock at ``path`` up to date with ``queries`` (the references the articles cite).

    ``check``: change nothing, report stale keys. Otherwise every run writes the lock, even when
    interrupted (KeyboardInterrupt) or offline (Offline is re-raised after the write)."""
    lock = load(path)
    wanted = {q.key: q for q in queries}
    outcome = Outcome()
    if check:
        outcome.stale = sorted(set(wanted) ^ set(lock.entries))  # to fetch, or to prune
        return outcome
    fresh = Lock(path, {k: lock.entries[k] for k in wanted if k in lock.entries})
    outcome.pruned = len(set(lock.entries) - set(wanted))
    client = client or Client(settings)
    stamp = (today or date.today()).isoformat()
    try:
        for key in sorted(wanted):
            held = fresh.entries.get(key)
            if held is not None and not refresh and held.get("status") != "unverified":
                outcome.kept += 1
                continue
            entry = resolve(client, settings, wanted[key])
            entry["checked"] = stamp
            fresh.entries[key] = entry
            outcome.fetched += 1
    finally:
        for key, entry in fresh.entries.items():
            _fold_notice(entry, (notices or {}).get(key))
        outcome.unverified = sum(1 for e in fresh.entries.values() if e.get("status") == "unverified")
        save(fresh)
    return outcome


def _fold_notice(entry: dict[str, Any], notice: dict[str, Any] | None) -> None:
    if notice is None:
        return
    updates = [u for u in entry.get("updates") or [] if u.get("source") != "retraction-watch"]
    entry["updates"] = [*updates, notice]


def log(message: str) -> None:
    print(f"medlint: {message}", file=sys.stderr)
