"""Reference verification (issue 20): ``medlint refs sync`` against a local HTTP server that replays
Crossref, DOI-handle and E-utilities answers written here (no network in tests), the lock file,
and the CIT013-CIT016 findings ``check`` derives from it offline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jsonschema
import pytest

from linter.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _work(doi: str, title: str, family: str, year: int, **extra) -> dict:
    return {
        "DOI": doi,
        "title": [title],
        "author": [{"family": family, "given": "A", "sequence": "first"}],
        "issued": {"date-parts": [[year, 3]]},
        "type": "journal-article",
        **extra,
    }


WORKS = {
    "10.1000/match": _work("10.1000/match", "Vitamin D and bone density in older adults", "Smith", 2019),
    "10.1000/other": _work("10.1000/other", "Antibiotic stewardship in surgical wards", "Okafor", 2015),
    "10.1000/retracted": _work("10.1000/retracted", "Zinc lozenges shorten colds in children", "Lee", 2012),
    "10.1000/flagged": _work(
        "10.1000/flagged",
        "Fish oil and memory in adults",
        "Haddad",
        2016,
        **{
            "updated-by": [
                {"DOI": "10.1000/eoc", "type": "expression_of_concern", "updated": {"date-parts": [[2021, 2, 1]]}}
            ]
        },
    ),
    "10.1000/busy": _work("10.1000/busy", "Sleep duration and blood pressure", "Novak", 2020),
}
NOTICES = {  # /works?filter=updates:{DOI}: notices that update the work
    "10.1000/retracted": [
        {
            "DOI": "10.1000/notice",
            "update-to": [
                {"DOI": "10.1000/retracted", "type": "retraction", "updated": {"date-parts": [[2020, 6, 4]]}}
            ],
        }
    ]
}
SUMMARIES = {
    "12345": {
        "uid": "12345",
        "title": "Walking and knee pain: a randomised trial.",
        "authors": [{"name": "Garcia M", "authtype": "Author"}],
        "pubdate": "2018 Apr",
        "pubtype": ["Journal Article", "Randomized Controlled Trial"],
        "articleids": [{"idtype": "pubmed", "value": "12345"}],
    },
    "67890": {
        "uid": "67890",
        "title": "Cinnamon lowers blood sugar.",
        "authors": [{"name": "Brown T"}],
        "pubdate": "2010",
        "pubtype": ["Journal Article", "Retracted Publication"],
    },
}


class Registry(BaseHTTPRequestHandler):
    """Replays the services. Records every request (path, User-Agent) for the assertions."""

    seen: list[tuple[str, str]] = []
    busy_once = {"10.1000/busy"}

    def log_message(self, *args) -> None:  # quiet
        pass

    def _send(self, status: int, body: object, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode() if not isinstance(body, bytes) else body
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        Registry.seen.append((self.path, self.headers.get("User-Agent", "")))
        path = urllib.parse.unquote(url.path)
        if path.startswith("/works/"):
            doi = path.removeprefix("/works/")
            if doi == "10.1000/slow":
                time.sleep(1.0)
                return self._send(200, {"message": WORKS["10.1000/match"]})
            if doi in Registry.busy_once:
                Registry.busy_once.discard(doi)
                return self._send(429, {"message": "slow down"}, {"Retry-After": "0"})
            if doi in WORKS:
                return self._send(200, {"status": "ok", "message": WORKS[doi]})
            return self._send(404, b"Resource not found.")
        if path == "/works":
            if "filter" in query:
                doi = query["filter"].removeprefix("updates:")
                return self._send(200, {"message": {"items": NOTICES.get(doi, [])}})
            if "query.bibliographic" in query:
                return self._send(200, {"message": {"items": [WORKS["10.1000/match"]]}})
        if path.startswith("/api/handles/"):
            if path.endswith("10.5555/datacite"):
                return self._send(200, {"responseCode": 1, "handle": "10.5555/datacite"})
            return self._send(404, {"responseCode": 100})
        if path.endswith("/esummary.fcgi"):
            uid = query.get("id", "")
            record = SUMMARIES.get(uid, {"uid": uid, "error": "cannot get document summary"})
            return self._send(200, {"header": {"type": "esummary"}, "result": {"uids": [uid], uid: record}})
        return self._send(500, {"message": "unexpected request"})


@pytest.fixture
def registry():
    Registry.seen = []
    Registry.busy_once = {"10.1000/busy"}
    server = ThreadingHTTPServer(("127.0.0.1", 0), Registry)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


ARTICLE = """# Bones, colds and knees

Vitamin D helps keep bones strong in later life [1].
Hospitals that review antibiotic use see fewer resistant infections [2].
Zinc lozenges may shorten a cold [3].
Fish oil is sometimes said to help memory [4].
Walking can ease knee pain [5].
Cinnamon is said to lower blood sugar [6].
Sleep and blood pressure are linked [7].
Some studies are hard to trace [8] [9] [10].

## References

1. Smith J, Patel R. Vitamin D and bone density in older adults. BMJ. 2019. doi:10.1000/match
2. Jones P. Hand hygiene audits in care homes. J Hosp Infect. 2021. doi:10.1000/other
3. Lee K. Zinc lozenges shorten colds in children. Pediatrics. 2012. doi:10.1000/retracted
4. Haddad S. Fish oil and memory in adults. Neurology. 2016. doi:10.1000/flagged
5. Garcia M. Walking and knee pain: a randomised trial. Rheumatology. 2018. PMID: 12345
6. Brown T. Cinnamon lowers blood sugar. Diabetes Care. 2010. PMID: 67890
7. Novak L. Sleep duration and blood pressure. Hypertension. 2020. doi:10.1000/busy
8. Ghost A. A study that was never published. J Imag. 2020. doi:10.1000/missing
9. Quiet B. Data deposited elsewhere. 2022. doi:10.5555/datacite
10. Nobody C. Not in PubMed. 2019. PMID: 99999999
"""


def _site(tmp_path: Path, url: str, eutils: str | None = None, extra: str = "") -> Path:
    (tmp_path / "medlint.toml").write_text(
        "[refs]\n"
        'contact = "editors@example.org"\n'
        f'crossref-url = "{url}"\n'
        f'eutils-url = "{eutils or url}"\n'
        f'doi-url = "{url}"\n'
        "timeout = 0.3\nretries = 1\nrate = 50\n" + extra
    )
    (tmp_path / "article.md").write_text(ARTICLE)
    return tmp_path


def _check(capsys, *args: str) -> list[tuple[str, int, str]]:
    capsys.readouterr()
    main(["check", "--no-cache", "--format", "json", "--today", "2026-12-01", *args])
    data = json.loads(capsys.readouterr().out)
    return [(f["rule"], f["line"], f["message"]) for entry in data["files"] for f in entry["findings"]]


def _lock_rules(found):
    return [(r, line, m) for r, line, m in found if r in ("CIT013", "CIT014", "CIT015", "CIT016")]


def test_sync_writes_a_valid_lock_and_check_reports_from_it(registry, tmp_path, monkeypatch, capsys):
    _site(tmp_path, registry)
    monkeypatch.chdir(tmp_path)
    assert main(["refs", "sync", "article.md"]) == 0
    lock = json.loads((tmp_path / "medlint-refs.lock.json").read_text())
    jsonschema.validate(lock, json.loads((ROOT / "schemas" / "refs-lock.schema.json").read_text()))
    assert list(lock["entries"]) == sorted(lock["entries"])
    entries = lock["entries"]
    assert entries["doi:10.1000/busy"]["status"] == "found"  # the 429 was retried after Retry-After
    assert entries["doi:10.1000/missing"]["status"] == "missing"
    assert entries["doi:10.5555/datacite"] == {
        **entries["doi:10.5555/datacite"],
        "status": "found",
        "source": "doi-handle",
    }
    assert entries["pmid:99999999"]["status"] == "missing"
    # etiquette: a User-Agent with the contact, Crossref's mailto, NCBI's tool and email
    assert all("mailto:editors@example.org" in agent for _, agent in Registry.seen)
    assert any("mailto=editors%40example.org" in p for p, _ in Registry.seen if p.startswith("/works"))
    assert any("tool=medlint" in p and "email=editors%40example.org" in p for p, _ in Registry.seen if "esummary" in p)

    found = _lock_rules(_check(capsys, "article.md"))
    assert found == [
        ("CIT015", 5, "reference 3 is retracted (2020-06-04); notice 10.1000/notice; the claim rests on it"),
        (
            "CIT015",
            6,
            "reference 4 is under an expression of concern (2021-02-01); notice 10.1000/eoc; the claim rests on it",
        ),
        ("CIT015", 8, "reference 6 is retracted; the claim rests on it"),
        (
            "CIT013",
            15,
            "reference 2: DOI 10.1000/other points at 'Antibiotic stewardship in surgical wards' (Okafor, 2015); "
            "the entry's title, first author, year do not match",
        ),
        ("CIT014", 21, "reference 8: DOI 10.1000/missing does not exist in Crossref or the DOI resolver"),
        ("CIT014", 23, "reference 10: PMID 99999999 does not exist in PubMed"),
    ]


def test_a_timeout_leaves_the_entry_unverified_never_missing(registry, tmp_path, monkeypatch, capsys):
    _site(tmp_path, registry)
    (tmp_path / "article.md").write_text(
        "# A\n\nClaim [1].\n\n## References\n\n1. Smith J. Vitamin D. 2019. doi:10.1000/slow\n"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["refs", "sync", "article.md"]) == 0
    entry = json.loads((tmp_path / "medlint-refs.lock.json").read_text())["entries"]["doi:10.1000/slow"]
    assert entry["status"] == "unverified" and "did not answer" in entry["reason"]
    assert _lock_rules(_check(capsys, "article.md")) == []
    slow = sum(1 for p, _ in Registry.seen if p.startswith("/works/10.1000/slow"))
    assert slow == 2  # one try and one retry (retries = 1)


def test_sync_is_incremental_prunes_and_check_mode_fails_on_a_stale_lock(registry, tmp_path, monkeypatch, capsys):
    _site(tmp_path, registry)
    monkeypatch.chdir(tmp_path)
    assert main(["refs", "sync", "article.md"]) == 0
    lock_file = tmp_path / "medlint-refs.lock.json"
    first = lock_file.read_text()
    requests = len(Registry.seen)
    assert main(["refs", "sync", "article.md"]) == 0
    assert len(Registry.seen) == requests and lock_file.read_text() == first  # nothing fetched, nothing changed
    assert main(["refs", "sync", "--check", "article.md"]) == 0
    # a new reference: the lock is stale until synced
    (tmp_path / "article.md").write_text(ARTICLE + "11. Smith J. Vitamin D. 2019. doi:10.1000/match2\n")
    capsys.readouterr()
    assert main(["refs", "sync", "--check", "article.md"]) == 1
    assert "doi:10.1000/match2 not in the lock" in capsys.readouterr().out
    assert len(Registry.seen) == requests  # --check never uses the network
    # a reference removed: sync prunes its entry
    (tmp_path / "article.md").write_text(
        ARTICLE.replace("8. Ghost A.", "8. Ghost A. (removed)").replace("doi:10.1000/missing", "")
    )
    assert main(["refs", "sync", "article.md"]) == 0
    entries = json.loads(lock_file.read_text())["entries"]
    assert "doi:10.1000/missing" not in entries and "doi:10.1000/match2" not in entries
    assert main(["refs", "sync", "--refresh", "article.md"]) == 0
    assert any(p.startswith("/works/10.1000/match") for p, _ in Registry.seen[requests:])


def test_offline_keeps_partial_progress_and_exits_2(registry, tmp_path, monkeypatch, capsys):
    _site(tmp_path, registry, eutils="http://127.0.0.1:9")  # nothing listens on the discard port
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(["refs", "sync", "article.md"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("medlint: refs sync: cannot reach 127.0.0.1:9")
    entries = json.loads((tmp_path / "medlint-refs.lock.json").read_text())["entries"]
    assert entries["doi:10.1000/match"]["status"] == "found"  # resolved before the PMIDs
    assert "pmid:12345" not in entries


def test_the_entry_or_the_sentence_saying_retracted_silences_cit015(registry, tmp_path, monkeypatch, capsys):
    _site(tmp_path, registry)
    text = (
        "# Zinc\n\nA retracted trial once claimed zinc lozenges shorten colds [1].\nZinc is in many foods [2].\n\n"
        "## References\n\n1. Lee K. Zinc lozenges shorten colds in children. Pediatrics. 2012. doi:10.1000/retracted\n"
        "2. Lee K. [Retracted] Zinc lozenges shorten colds in children. 2012. doi:10.1000/retracted\n"
    )
    (tmp_path / "article.md").write_text(text)
    monkeypatch.chdir(tmp_path)
    assert main(["refs", "sync", "article.md"]) == 0
    assert [r for r, _, _ in _lock_rules(_check(capsys, "article.md"))] == []


def test_retraction_watch_notices_are_folded_into_the_lock(registry, tmp_path, monkeypatch, capsys):
    _site(tmp_path, registry)
    csv = tmp_path / "rw.csv"
    csv.write_text(
        "Record ID,Title,RetractionDate,RetractionDOI,OriginalPaperDOI,OriginalPaperPubMedID,RetractionNature\n"
        "1,Walking and knee pain,3/15/2022 0:00,10.1000/rw-notice,unavailable,12345,Retraction\n"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["refs", "sync", "--retraction-watch", str(csv), "article.md"]) == 0
    found = _lock_rules(_check(capsys, "article.md"))
    assert (
        "CIT015",
        7,
        "reference 5 is retracted (2022-03-15); notice 10.1000/rw-notice; the claim rests on it",
    ) in found


def test_bibliographic_search_never_raises_mismatch_or_missing(registry, tmp_path, monkeypatch, capsys):
    _site(tmp_path, registry)
    (tmp_path / "article.md").write_text(
        "# D\n\nVitamin D helps bones [1].\n\n## References\n\n1. Somebody X. A quite different title about knees. 2001.\n"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["refs", "sync", "article.md"]) == 0
    (entry,) = json.loads((tmp_path / "medlint-refs.lock.json").read_text())["entries"].values()
    assert entry["source"] == "crossref-search" and entry["score"] < 0.5
    assert _lock_rules(_check(capsys, "article.md")) == []


def test_old_evidence_is_opt_in_and_reads_the_years(registry, tmp_path, monkeypatch, capsys):
    _site(tmp_path, registry)
    monkeypatch.chdir(tmp_path)
    assert main(["refs", "sync", "article.md"]) == 0
    found = _check(capsys, "--select", "CIT016", "article.md")
    # today is 2026-12-01: sources from 2020 or before are more than 5 years old; line 10 cites one from 2022
    assert [(r, line) for r, line, _ in found] == [("CIT016", n) for n in (3, 4, 5, 6, 7, 8, 9)]
    assert (
        found[1][2]
        == "the newest source for this claim is from 2015, more than 5 years ago; check it against current evidence"
    )
    assert "CIT016" not in [r for r, _, _ in _check(capsys, "article.md")]


def test_check_with_a_lock_is_deterministic(registry, tmp_path, monkeypatch, capsys):
    _site(tmp_path, registry)
    monkeypatch.chdir(tmp_path)
    assert main(["refs", "sync", "article.md"]) == 0
    assert _check(capsys, "article.md") == _check(capsys, "article.md")


def test_without_a_lock_the_rules_are_silent_and_no_refs_or_network_module_is_imported(tmp_path):
    (tmp_path / "article.md").write_text(ARTICLE)
    code = (
        "import sys\n"
        "from linter.cli import main\n"
        "main(['check', '--no-cache', '--select', 'CIT', 'article.md'])\n"
        "loaded = [m for m in ('linter.refs', 'linter.refs.lock', 'linter.refs.sync', 'urllib.request', 'http.client') if m in sys.modules]\n"
        "lock_rules = [m for m in sys.modules if m.startswith('linter.rules.cit.cit01') and m[-1:].isalpha() and m.split('.')[-1][:6] in ('cit013', 'cit014', 'cit015', 'cit016')]\n"
        "print('LOADED', loaded, lock_rules, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    assert "LOADED [] []" in done.stderr, done.stderr
    assert "CIT013" not in done.stdout and "CIT014" not in done.stdout


def test_a_broken_lock_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    (tmp_path / "article.md").write_text(ARTICLE)
    (tmp_path / "medlint-refs.lock.json").write_text("{not json")
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(["check", "--no-cache", "article.md"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"medlint: {tmp_path / 'medlint-refs.lock.json'}: the reference lock is not valid JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))"
    ]


def test_rule_docs_say_a_lock_is_needed(capsys):
    assert main(["rule", "CIT014"]) == 0
    assert "Needs a reference lock" in capsys.readouterr().out


def test_the_lock_round_trips(registry, tmp_path, monkeypatch):
    from linter.refs.lock import dumps, load

    _site(tmp_path, registry)
    monkeypatch.chdir(tmp_path)
    assert main(["refs", "sync", "article.md"]) == 0
    path = tmp_path / "medlint-refs.lock.json"
    assert dumps(load(path)) == path.read_text()
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask  # committed like any file, not mkstemp's 0600


def test_citation_mismatch_reads_the_locked_title(tmp_path, monkeypatch, capsys):
    """CIT012 compares a claim with the reference; with a lock, the resolved title counts too."""
    text = "# Bones\n\nVitamin D supports bone density in older adults [1].\n\n## References\n\n1. Smith J. Study 7. doi:10.1000/match\n"
    (tmp_path / "article.md").write_text(text)
    monkeypatch.chdir(tmp_path)
    assert [r for r, _, _ in _check(capsys, "--select", "CIT012", "article.md")] == ["CIT012"]
    entry = {
        "status": "found",
        "source": "crossref",
        "checked": "2026-11-20",
        "query": {"kind": "doi", "value": "10.1000/match"},
        "work": {"title": "Vitamin D and bone density in older adults", "authors": ["Smith"], "year": 2019},
    }
    (tmp_path / "medlint-refs.lock.json").write_text(
        json.dumps({"version": 1, "entries": {"doi:10.1000/match": entry}})
    )
    assert _check(capsys, "--select", "CIT012", "article.md") == []


def test_old_evidence_dates_an_online_first_work_by_its_print_year(tmp_path, monkeypatch, capsys):
    """The registry's year is online first (2020); the entry cites the print year (2021). In
    2026-12 a 2021 source is not more than 5 years old; a 2020 one would be."""
    text = "# Splints\n\nNight splints ease symptoms [1].\n\n## References\n\n1. Okafor C. Splints for nocturnal symptoms. Hand Surg. 2021;12:40-48. doi:10.1000/splint\n"
    (tmp_path / "article.md").write_text(text)
    entry = {
        "status": "found",
        "source": "crossref",
        "checked": "2026-11-20",
        "query": {"kind": "doi", "value": "10.1000/splint"},
        "work": {"title": "Splints for nocturnal symptoms", "authors": ["Okafor"], "year": 2020},
    }
    (tmp_path / "medlint-refs.lock.json").write_text(
        json.dumps({"version": 1, "entries": {"doi:10.1000/splint": entry}})
    )
    monkeypatch.chdir(tmp_path)
    assert _check(capsys, "--select", "CIT016,CIT013", "article.md") == []
    (tmp_path / "article.md").write_text(text.replace("2021;12", "2020;12"))
    assert [r for r, _, _ in _check(capsys, "--select", "CIT016", "article.md")] == ["CIT016"]


def test_a_group_author_entry_is_not_asked_for_the_registrys_first_person():
    from linter.facts.references import mismatches

    work = {
        "title": "2020 American College of Rheumatology Guideline for the Management of Gout",
        "authors": ["FitzGerald"],
        "year": 2020,
    }
    entry = "American College of Rheumatology. 2020 guideline for the management of gout. Arthritis Care Res. 2020."
    assert mismatches(work, entry) == []
    # a personal first author that does not match still does, and the title is still asked of a group entry
    assert [
        m.field
        for m in mismatches(
            work, "Smith J. 2020 American College of Rheumatology guideline for the management of gout. 2020."
        )
    ] == ["first author"]
    assert [m.field for m in mismatches(work, "American College of Rheumatology. Antibiotics in wards. 2020.")] == [
        "title"
    ]
