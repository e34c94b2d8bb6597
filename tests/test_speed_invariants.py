"""What the speed work (issue 17) must not change: a cached corpus step gives the findings a fresh one
gives and is dropped when any file changes; near-duplicate scores do not depend on the process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.cli import main
from linter.source import Source

ROOT = Path(__file__).resolve().parent.parent
SHARED = (
    "Regular physical activity lowers blood pressure, improves sleep and helps people keep a healthy weight "
    "over many years of adult life."
)


def _json(capsys, *args: str) -> dict:
    capsys.readouterr()
    main(["check", "--isolated", "--format", "json", *args])
    data = json.loads(capsys.readouterr().out)
    return {f["path"]: [(x["rule"], x["line"], x["message"]) for x in f["findings"]] for f in data["files"]}


def _site(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"# Walking\n\n{SHARED}\n\nWalk every day if you can.\n")
    (tmp_path / "b.md").write_text(f"# Cycling\n\n{SHARED}\n\nCycle on quiet roads.\n")
    (tmp_path / "c.md").write_text("# Swimming\n\nSwimming is gentle on the joints.\n")


def test_a_warm_corpus_run_gives_the_cold_findings_and_an_edit_drops_the_stored_step(tmp_path, monkeypatch, capsys):
    _site(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(tmp_path / "cache"))
    cold = _json(capsys, "--no-cache", "a.md", "b.md", "c.md")
    assert [r for r, _, _ in cold["a.md"] if r == "DUP004"] == ["DUP004"]
    first = _json(capsys, "a.md", "b.md", "c.md")  # fills the cache, corpus step included
    assert (tmp_path / "cache" / "corpus.json").exists()
    warm = _json(capsys, "a.md", "b.md", "c.md")
    assert first == warm == cold
    (tmp_path / "b.md").write_text("# Cycling\n\nCycle on quiet roads, in daylight.\n")  # the copy is gone
    edited = _json(capsys, "a.md", "b.md", "c.md")
    assert edited == _json(capsys, "--no-cache", "a.md", "b.md", "c.md")
    assert not any(r == "DUP004" for findings in edited.values() for r, _, _ in findings)


TEMPLATED = "\n\n".join(
    ["# Pain relief", "Pain relief helps most people with short term aches, sprains and headaches at home."]
    + [
        f"Your doctor or pharmacist will advise on the right dose. The usual adult dose of {drug} is "
        f"{dose} three times a day for short term pain in adults."
        for drug, dose in (("ibuprofen", "200 mg"), ("naproxen", "250 mg"), ("paracetamol", "500 mg"))
    ]
)


def test_near_duplicate_choice_does_not_depend_on_the_hash_seed(tmp_path):
    """Tied scores used to differ in their last bit with the order a set yielded its terms, which
    changes with string hashing per process; the earlier copy named could change from run to run."""
    path = tmp_path / "templated.md"
    path.write_text(TEMPLATED + "\n")
    outputs = set()
    for seed in ("1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-m", "linter", "check", "--isolated", "--no-cache", "--select", "DUP002", str(path)],
            capture_output=True,
            text=True,
            env=env,
        )
        assert done.returncode == 1, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert "restates the one at line 5" in outputs.pop()  # ties go to the first copy


def test_a_stored_corpus_step_keeps_what_suppressions_did(tmp_path, monkeypatch, capsys):
    """A suppression the corpus step uses is no longer reported unused (SUP001): the stored step
    must drop that finding again, and keep the other file's DUP004."""
    (tmp_path / "a.md").write_text(f"# Walking\n\n<!-- medlint-disable-next-line DUP004 -->\n{SHARED}\n")
    (tmp_path / "b.md").write_text(f"# Cycling\n\n{SHARED}\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(tmp_path / "cache"))
    args = ("--extend-select", "SUP001", "a.md", "b.md")
    cold = _json(capsys, "--no-cache", *args)
    assert [r for r, _, _ in cold["a.md"]] == [r for r, _, _ in cold["a.md"] if r not in ("DUP004", "SUP001")]
    assert "DUP004" in [r for r, _, _ in cold["b.md"]]
    assert _json(capsys, *args) == _json(capsys, *args) == cold


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n\r\u2028 ", max_size=40))
def test_line_starts_are_the_offsets_after_each_newline(text):
    assert Source("x.md", text).line_starts == [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]


_TERMS = st.sampled_from([f"t{n}" for n in range(24)])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.frozensets(_TERMS, max_size=14), min_size=2, max_size=12),
    st.integers(1, 6),
    st.sampled_from([0.2, 0.35, 0.5, 0.9]),
)
def test_scored_pairs_are_the_pairs_whose_cosine_reaches_the_floor(profiles, min_terms, threshold):
    """The bounds that skip intersections (weights, shared-term count) never drop a pair that scores,
    and the scores are the plain cosine's, to the bit."""
    from linter.similarity import IdfSpace

    space = IdfSpace(profiles)
    n = len(profiles)
    partners = [set(range(i + 1, n)) for i in range(n)]

    def floor(shorter: int) -> float:
        return threshold if shorter >= 4 else max(threshold, 0.5)

    expected = set()
    for i in range(n):
        for j in range(i + 1, n):
            shorter = min(len(profiles[i]), len(profiles[j]))
            if shorter >= min_terms and space.cosine(i, j) >= floor(shorter):
                expected.add((i, j, space.cosine(i, j)))
    assert set(space.scored_pairs(partners, min_terms, floor)) == expected


def test_candidate_partners_are_the_later_items_sharing_a_key_term():
    from linter.similarity import IdfSpace

    # "k" (in three items) is rarer than "c" (in all five): it is the key of the items that have it
    profiles = [frozenset({"k", "c"}), frozenset({"c"}), frozenset({"k", "c"}), frozenset({"k", "c"}), frozenset({"c"})]
    space = IdfSpace(profiles)
    assert space.candidate_partners(keys_per_item=1) == [{2, 3}, {4}, {3}, set(), set()]
    # a key held by more items than max_postings pairs nothing
    assert space.candidate_partners(keys_per_item=1, max_postings=2) == [set(), {4}, set(), set(), set()]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab\r\n ", max_size=40))
def test_lines_are_the_line_texts(text):
    source = Source("x.md", text)
    assert source.lines() == [source.line_text(n) for n in range(1, source.line_count + 1)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="aé1 ’x", min_size=1, max_size=5), max_size=12), st.integers(1, 4))
def test_shingle_hashes_are_the_crc32_of_each_joined_shingle(words, k):
    """Stored paragraph sketches must keep their values: the hashes are those of the joined text."""
    import zlib

    from linter.similarity import shingle_hashes

    if len(words) < k:
        expected = {zlib.crc32(" ".join(words).encode())} if words else set()
    else:
        expected = {zlib.crc32(" ".join(words[i : i + k]).encode()) for i in range(len(words) - k + 1)}
    assert shingle_hashes(words, k) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["once", "Twice", "daily", "dailyx", "x", " ", "5", "٣", "weekly.", "_", "é"]), max_size=8)
)
def test_has_quantity_is_the_digit_or_frequency_alternation(pieces):
    import re

    from linter.facts.duplicates import has_quantity

    text = "".join(pieces)
    alternation = re.compile(
        r"\d|\b(?:once|twice|three times|four times|five times|daily|weekly|monthly|hourly|nightly)\b", re.I
    )
    assert has_quantity(text) == bool(alternation.search(text))


def test_a_source_sent_between_processes_carries_its_text_not_its_derived_index():
    import pickle

    source = Source("a.md", "one\r\ntwo\nthree")
    assert source.line_starts == [0, 5, 9] and source.lines() == ["one", "two", "three"]
    state = source.__getstate__()
    assert "line_starts" not in state and "_lines" not in state
    copy = pickle.loads(pickle.dumps(source))
    assert (copy.path, copy.text, copy.had_bom) == (source.path, source.text, source.had_bom)
    assert copy.line_starts == source.line_starts and copy.lines() == source.lines()


def test_a_worker_result_has_no_graph_and_the_same_findings(tmp_path):
    from linter.config import Config
    from linter.engine import lint_path
    from linter.results import Options

    article = tmp_path / "a.md"
    article.write_text("# Title\n\nA claim [3].\n\n## References\n\n1. One.\n")
    kept = lint_path(str(article), Config(), Options())
    dropped = lint_path(str(article), Config(), Options(), keep_graph=False)
    assert kept.graph is not None and dropped.graph is None
    assert [(f.rule, f.line, f.column) for f in dropped.findings] == [(f.rule, f.line, f.column) for f in kept.findings]
    assert any(f.rule == "CIT001" for f in kept.findings)


def test_many_files_in_one_process_keep_no_graphs_and_a_few_keep_theirs(tmp_path):
    """One core or --jobs 1 over many files: results drop their graphs as a worker's do (memory grew
    by every article's graph) after the hook saw them; a few files keep them for a fix or a report."""
    from linter.config import Config
    from linter.engine import lint_path
    from linter.parallel import POOL_THRESHOLD, lint_many
    from linter.results import Options

    paths = []
    for n in range(POOL_THRESHOLD):
        article = tmp_path / f"a{n}.md"
        article.write_text(f"# Title {n}\n\nA claim [{n + 2}].\n\n## References\n\n1. One.\n")
        paths.append(str(article))
    seen: list[str] = []
    config = Config()
    many = lint_many(
        [(p, config) for p in paths], Options(), workers=1, use_cache=False, in_worker=lambda r: seen.append(r.path)
    )
    assert [r.graph for r in many] == [None] * len(paths) and seen == paths
    expected = [[(f.rule, f.line, f.column) for f in lint_path(p, config, Options()).findings] for p in paths]
    assert [[(f.rule, f.line, f.column) for f in r.findings] for r in many] == expected
    assert all(any(f.rule == "CIT001" for f in r.findings) for r in many)
    few = lint_many([(p, config) for p in paths[:3]], Options(), workers=1, use_cache=False)
    assert all(r.graph is not None for r in few)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.frozensets(_TERMS, max_size=10), min_size=1, max_size=30))
def test_candidate_keys_are_ranked_by_idf_then_term(profiles):
    """The rank used for candidate keys (frequency, then term) is the order of falling idf, then term."""
    from linter.similarity import IdfSpace

    space = IdfSpace(profiles)
    by_idf = sorted(space.idf, key=lambda t: (-space.idf[t], t))
    assert sorted(sorted(space.df), key=space.df.__getitem__) == by_idf


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30) | st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
def test_fold_is_nfkc_quote_folded_lower_case(text):
    import unicodedata

    from linter.text import _QUOTES, fold

    assert fold(text) == unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=40)
    | st.text(alphabet=st.characters(max_codepoint=127), max_size=40)
    | st.text(alphabet="aZ9_ -'’.\u00e9\u00a0\u2013", max_size=40)  # joiners between word characters
)
def test_words_of_ascii_text_are_the_unicode_pattern_s_words(text):
    """text._words searches folded ASCII text with an ASCII pattern: the words _WORD finds there."""
    from linter.text import _WORD, _words, fold

    assert _words.__wrapped__(text) == tuple(_WORD.findall(fold(text)))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40) | st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_rough_key_is_a_function_of_the_normalised_text(text):
    """DUP003 groups sentences by rough_key before normalising: two texts with the same normalised
    form must share a key, which holds when the key is a function of the normalised form."""
    from linter.text import normalise, rough_key

    assert rough_key(text) == rough_key(normalise(text))
    assert rough_key(text) == "".join(normalise(text).split()).replace("'", "").replace("-", "").encode()


# -- the compiled-pattern store (linter.compile_store) -------------------------------------------------

_TRICKY = [
    (r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>mg|ml)\b", 0),
    (r"(?ix) \b (?: take | use ) \s+ (?P<n>\d+)  # a comment\n", 0),
    (r"(?<![\w.])\[(\d+(?:[-–,]\s*\d+)*)\]", 0),
    (r"^\s{0,3}#{1,6}\s", 8),  # MULTILINE
    (r"µg|mcg|K", 2),  # IGNORECASE: the Kelvin sign folds
    (r"(a)|(?P<b>b)(?(1)c|d)", 0),
    (r"[^\W\d_]+", 256),  # ASCII
    (r"\d+(?=\s*days?)", 64),  # VERBOSE with no comment
]


def test_a_pattern_from_the_store_is_the_pattern_re_compiles():
    """A stored pattern goes back through ``_sre.compile`` into an object equal to re.compile's (Pattern
    equality compares the compiled code, flags and text) with the same groups; for every pattern a real
    check compiles, and some awkward ones."""
    import _sre
    import re
    from array import array

    from linter.compile_store import _CODE, entry

    text = (ROOT / "article" / "stim1-deficiency.md").read_text()
    main(["check", "--isolated", "--no-cache", "--quiet", str(ROOT / "article" / "stim1-deficiency.md")])
    seen = [(k[1], k[2]) for k in list(re._cache) if k[0] is str]
    assert len(seen) > 100
    for pattern, flags in seen + _TRICKY:
        _, _, final, code, groups, groupindex, indexgroup = entry(pattern, flags)
        rebuilt = _sre.compile(pattern, final, array(_CODE, code).tolist(), groups, groupindex, indexgroup)
        plain = re.compile(pattern, flags)
        assert rebuilt == plain and rebuilt.groupindex == plain.groupindex and rebuilt.groups == plain.groups
        assert [m.span() for m in rebuilt.finditer(text[:4000])] == [m.span() for m in plain.finditer(text[:4000])]


def _cli(store: str, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(ROOT), MEDLINT_COMPILE_STORE=store, MEDLINT_CACHE_DIR="", NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "linter", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )


def test_the_store_changes_no_output_and_survives_damage(tmp_path):
    """Invariant: findings and exit codes are those of a run without the store, whether the store is
    absent (first run, which writes it), present, damaged or from another interpreter."""
    import marshal

    store = tmp_path / "compile-store.marshal"
    args = ("check", "--isolated", "--no-cache", "article/", "tests/pages/news-page.html")
    plain = _cli("", *args)
    assert plain.returncode == 1 and "CIT001" in plain.stdout
    first = _cli(str(store), *args)
    assert store.is_file() and (first.returncode, first.stdout, first.stderr) == (
        plain.returncode,
        plain.stdout,
        plain.stderr,
    )
    header, entries, guards, codes, tables = marshal.loads(store.read_bytes())
    assert len(entries) > 100 and guards and len(codes) > 100 and tables
    from linter.patterns import _TOKENS_KEY

    assert any(flags & _TOKENS_KEY for _, flags in guards)  # the phrase kinds' word lists are kept too
    written = store.stat().st_mtime_ns
    os.utime(store, ns=(written - 10**9, written - 10**9))
    again = _cli(str(store), *args)
    assert (again.returncode, again.stdout) == (plain.returncode, plain.stdout)
    assert store.stat().st_mtime_ns == written - 10**9  # nothing new: not rewritten
    other_analysis = (*header[:-1], header[-1] + 1)  # guards from an older linter/patterns.py
    for damage in (
        b"not a store",
        marshal.dumps(((0, "another python"), entries, guards, codes, tables)),
        marshal.dumps((other_analysis, entries, {k: "(?=[q])(?:" + k[0] + ")" for k in guards}, codes, tables)),
        marshal.dumps((header, entries, guards, {k: "not code" for k in codes}, tables)),
        marshal.dumps((header, entries, {k: 1 for k in guards}, codes, tables)),  # a guard is a text
        marshal.dumps((header, entries, guards, codes, {k: "not marshalled" for k in tables})),
        marshal.dumps((header, entries, guards)),  # the format before the methods' code
    ):
        store.write_bytes(damage)
        out = _cli(str(store), *args)
        assert (out.returncode, out.stdout, out.stderr) == (plain.returncode, plain.stdout, plain.stderr)
        assert marshal.loads(store.read_bytes())[0] == header  # rewritten whole


# -- a command line parsed with one subcommand's options built (linter.cli._parser(only)) -------------


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--no-cache", "--select", "CIT,DOSE001", "--format", "json", "a.md", "b.md"],
        ["check", "--per-file", "--stdin-filename", "x.md", "-"],
        ["report", "-o", "out/", "--today", "2026-01-02", "site/"],
        ["rules", "--format", "json"],
        ["rule", "CIT001"],
        ["refs", "sync", "--check", "docs/"],
        ["graph", "a.md", "--format", "dot"],
        ["server"],
    ],
)
def test_one_subcommand_parses_as_the_whole_command_line(argv):
    """Invariant: building only the named command's options changes no parse and no help text."""
    from linter.cli import _parser

    assert vars(_parser(argv[0]).parse_args(argv)) == vars(_parser().parse_args(argv))
    assert _parser(argv[0]).format_help() == _parser().format_help()
    sub_help = [a for a in _parser()._actions if a.dest == "command"][0].choices[argv[0]].format_help()
    only_help = [a for a in _parser(argv[0])._actions if a.dest == "command"][0].choices[argv[0]].format_help()
    assert only_help == sub_help


def test_the_command_line_knows_every_command():
    from linter.cli import COMMANDS
    from linter.commands import COMMANDS as RUNNERS

    assert set(COMMANDS) == set(RUNNERS)


def test_an_unknown_command_or_bad_option_fails_as_before(capsys):
    for argv in (["chek", "a.md"], ["check", "--no-such-option"], ["--select", "CIT", "check"]):
        with pytest.raises(SystemExit) as raised:
            main(argv)
        assert raised.value.code == 2
        assert "usage: medlint" in capsys.readouterr().err


# -- parsed TOML kept in the store (linter.compile_store.toml_loads) ---------------------------------


def test_toml_from_the_store_is_what_tomllib_parses(monkeypatch):
    """Invariant: a table read back from the store equals tomllib's parse, and each call gets its own
    copy; a table with a date (marshal cannot hold it) is parsed each time; invalid TOML still raises."""
    import tomllib

    from linter import compile_store

    monkeypatch.setattr(compile_store, "_active", True)
    monkeypatch.setattr(compile_store, "_tables", {})
    phrases = (ROOT / "linter" / "data" / "phrases.toml").read_text("utf-8")
    first = compile_store.toml_loads(phrases)
    assert phrases in compile_store._tables
    second = compile_store.toml_loads(phrases)
    assert first == second == tomllib.loads(phrases) and first is not second
    second.clear()
    assert compile_store.toml_loads(phrases) == first
    dated = 'reviewed = 2026-01-02\nname = "x"\n'
    assert compile_store.toml_loads(dated) == tomllib.loads(dated) and dated not in compile_store._tables
    with pytest.raises(ValueError):
        compile_store.toml_loads("not = [toml")


# -- the quick ending (linter.entry._leave) ------------------------------------------------------------


def test_the_quick_ending_loses_no_output_and_keeps_the_exit_code(tmp_path, capsys):
    """Invariant: ending with os._exit after flushing gives the bytes and exit code of the in-process
    command, on standard output and in a file written with -o."""
    pages = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "tests" / "pages").iterdir())]
    args = ["check", "--isolated", "--no-cache", "--format", "json", "article/", *pages]
    capsys.readouterr()
    code = main(args)
    expected = capsys.readouterr().out
    assert code == 1 and len(expected) > 10_000
    piped = _cli("", *args)
    assert (piped.returncode, piped.stdout, piped.stderr) == (1, expected, "")
    written = _cli("", *args, "-o", str(tmp_path / "out.json"))
    assert (written.returncode, written.stdout) == (1, "")
    assert (tmp_path / "out.json").read_text() == expected
    assert _cli("", "check", "--isolated", "--no-cache", "--exit-zero", "article/").returncode == 0
    assert _cli("", "check", "--no-such-option").returncode == 2


def test_the_compiled_in_digests_are_hashlib_s():
    """Invariant: fingerprints (kept in baseline files) and reference ids do not change with the
    digest modules medlint imports."""
    import hashlib

    from linter import digest

    for data in (b"", b"CIT001\0some text\x000", "Überdosis – 5 mg".encode() * 5000):
        assert digest.sha1(data).hexdigest() == hashlib.sha1(data).hexdigest()
        assert digest.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
        assert digest.content_digest(data) == hashlib.blake2b(data, digest_size=32).hexdigest()


def test_a_one_file_check_imports_neither_hashlib_nor_tomllib(tmp_path):
    """The pre-commit path: hashlib loads OpenSSL, tomllib its parser, shutil bz2 and lzma; none is needed for a check
    of one file with the store warm (the config memo and the cache use the compiled-in digests)."""
    code = (
        "import sys; sys.argv = ['medlint', 'check', '--isolated', 'article/stim1-deficiency.md'];"
        "from linter import compile_store; compile_store.load(); from linter.cli import main; main();"
        "compile_store.save();"
        "print(sorted(m for m in ('hashlib', 'tomllib', 'shutil', 'networkx', 'jsonschema') if m in sys.modules))"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    store, cache = tmp_path / "store.marshal", tmp_path / "cache"
    env.update(PYTHONPATH=str(ROOT), MEDLINT_CACHE_DIR=str(cache), NO_COLOR="1", MEDLINT_COMPILE_STORE=str(store))
    for _ in range(2):  # the first run fills the store
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
    assert out.stdout.splitlines()[-1] == "[]"
    assert any(cache.iterdir())


@pytest.mark.parametrize("columns", [None, "100", "60", "0", "-3", "wide"])
def test_help_is_as_wide_as_shutil_says(monkeypatch, columns):
    """Invariant: the help formatter's width is argparse's default (shutil.get_terminal_size) without
    importing shutil."""
    import shutil

    from linter.cli import _Formatter

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert _Formatter("medlint")._width == shutil.get_terminal_size().columns - 2


def test_every_subcommand_s_help_uses_that_width():
    import argparse

    from linter.cli import _Formatter, _parser

    def parsers(parser):
        yield parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    yield from parsers(sub)

    found = list(parsers(_parser()))
    assert len(found) == 9  # medlint, its seven commands and refs sync
    assert all(p.formatter_class is _Formatter for p in found)


# -- the collector off for commands that run once (linter.entry) ---------------------------------------


def test_linting_leaves_almost_no_cyclic_garbage():
    """Why the console script may turn the cyclic collector off: linting a file, whatever its format,
    leaves at most a few dozen objects that only the collector could free, not the article's objects."""
    import gc

    from linter.config import Config
    from linter.engine import lint_path
    from linter.results import Options

    files = [*sorted((ROOT / "article").iterdir()), *sorted((ROOT / "tests" / "pages").iterdir())]
    gc.collect()
    gc.disable()
    try:
        for path in files:
            for keep_graph in (False, True):
                result = lint_path(str(path), Config(), Options(), keep_graph=keep_graph)
                assert result.error is None and result.findings is not None
                del result
                assert gc.collect() <= 60, path
    finally:
        gc.enable()


def test_long_running_commands_turn_the_collector_back_on():
    import gc

    from linter.commands import long_running

    gc.disable()
    try:
        long_running()
        assert gc.isenabled()
    finally:
        gc.enable()


# -- the trust facts' per-block prefilters (linter.facts.trust._has, phrases.Prefilter) ----------------------------------

_LABEL_TEXTS = [
    "WRITTEN BY Jane Smith, MD",
    "Medically Reviewed By: Dr Tom Becker",
    "Author: J. Smith",
    "AUTHORS : the editorial team",
    "Reviewers:",
    "Fact-checked by Ana Ruiz",
    "Caused by a virus.",
    "stand-by mode",
    "x-By nothing",
    "Nearby clinics",
    "Co-authored work",
    "Last reviewed 3 March 2026",
    "UPDATED: 2026-01-02",
    "Posted on 1 May",
    "Nothing to see here.",
    "Écrit par Marie",  # not ASCII: the case-insensitive pattern itself
    "",
]


@given(
    st.lists(
        st.sampled_from(
            [
                "by",
                "By",
                "BY",
                "author",
                "Authors",
                "reviewer",
                "Reviewed",
                "WRITTEN",
                "x-",
                "updated",
                "POSTED",
                ":",
                " ",
                "\t",
                "a",
                "Jane",
                "-",
                "near",
                "stand",
            ]
        ),
        max_size=12,
    )
)
@settings(max_examples=300, deadline=None)
def test_the_ascii_prefilters_agree_with_the_case_insensitive_patterns(parts):
    """Invariant: the lower-cased, case-sensitive form (and the byline words it requires) answers as the
    case-insensitive pattern does, on every block text."""
    from linter.facts.trust import _DATE_WORD, _DATE_WORD_QUICK, _LABEL, _LABEL_QUICK

    for text in [*_LABEL_TEXTS, "".join(parts), " ".join(parts)]:
        assert _LABEL_QUICK.matches(text, _LABEL) == bool(_LABEL.search(text)), text
        assert _DATE_WORD_QUICK.matches(text, _DATE_WORD) == bool(_DATE_WORD.search(text)), text


def test_dose_format_block_checks_change_no_finding(monkeypatch):
    """Invariant: DOSE007's per-block word checks only skip searches that could not match."""
    from linter.rules.dose import dose007_dose_format as rule

    text = (
        "# Dosing\n\nTake ii TABLETS twice a day. Give IV Caps with food. Use iii drops, or x Puffs.\n\n"
        "Give ½ tablet at night, ¼ teaspoon for children. Café dosing: ii tabſ daily.\n\n"
        "Epinephrine 1:1000 solution, or adrenaline 1 : 10,000 injection. A map at 1:1000 scale.\n\n"
        "Take 500mg. Then 10000 units. Nothing else here: 5 mg daily.\n"
    )

    def findings() -> list[tuple[str, int, int, str]]:
        from tests.helpers import lint_text

        return [(f.rule, f.line, f.column, f.message) for f in lint_text(text, select=["DOSE007"])]

    fast = findings()
    monkeypatch.setattr(rule, "_possible", lambda _text: (True, True, True))
    assert fast == findings()
    assert sum("Roman" in f[3] for f in fast) >= 3 and any("fraction" in f[3] for f in fast)
    assert any("ratio" in f[3] for f in fast)


def test_block_offsets_are_machine_integers_that_map_each_character_back():
    """Every parser gives each block its character offsets as an array of 64-bit integers (no object
    per character: a seed-sized article's graph is a third smaller), and each maps its character of
    the block's text back to the same character of the file."""
    from array import array

    from linter.engine import parse_document
    from linter.parse.model import OFFSET

    texts = {
        "a.md": "# Dose\n\n- Take *one* tablet [1]\n- Drink water\n\n> Quoted text [2]\n\n| a | b |\n|---|---|\n| x | y |\n",
        "a.html": "<html><body><main><h1>Dose</h1><p>Take <b>one</b> tablet<sup>1</sup>.</p></main></body></html>",
        "a.txt": "Dose\n\nTake one tablet [1] with food.\n",
    }
    for name, text in texts.items():
        blocks = parse_document(Source(name, text)).blocks
        assert blocks, name
        for block in blocks:
            assert isinstance(block.offsets, array) and block.offsets.typecode == OFFSET
            assert len(block.offsets) == len(block.text) + 1
            for i, char in enumerate(block.text):
                if char != " ":  # a soft line break reads as a space
                    assert text[block.offsets[i]] == char, (name, block.text, i)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 300), st.integers(0, 40)), max_size=12), st.integers(1, 400))
def test_an_offset_run_is_the_range_it_stands_for(runs, limit):
    """offset_run copies its offsets out of one shared run; what it returns is the range, past the
    run's limit too, and changing it leaves the shared run (and so the next caller's offsets) alone;
    a run another caller holds is never changed."""
    from array import array
    from unittest import mock

    from linter.parse import model

    with mock.patch.object(model, "RUN_LIMIT", limit), mock.patch.object(model, "_RUN", array(model.OFFSET)):
        for start, length in runs:
            held = model._RUN
            kept = held.tolist()
            got = model.offset_run(start, length)
            assert held.tolist() == kept  # a run is replaced when it grows, never changed in place
            assert isinstance(got, array) and got.typecode == model.OFFSET
            assert got.tolist() == list(range(start, start + length))
            if length:
                got[0] = -1
            assert model.offset_run(start, length).tolist() == list(range(start, start + length))
            assert len(model._RUN) <= limit


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["Dose", " ", "-", "\u2013", "\u2014", ":", ".", "\n", "x", "ab c"]), max_size=20).map(
        "".join
    )
)
def test_an_item_title_needs_a_dash_or_a_colon(text):
    """item_label asks its title pattern only of text holding a dash or a colon: without one, the
    pattern cannot match."""
    from linter.facts.duplicates import _LABEL_SPLIT, _may_split

    if not _may_split(text):
        assert _LABEL_SPLIT.match(text) is None


def _lower_pattern_by_characters(pattern: str) -> str:
    """phrases.lower_pattern as it was written first: a walk over the characters."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        out.append(pattern[i].lower())
        i += 1
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aB\\\\Q[]()|?*\n\u00c9\u0130", max_size=30) | st.text(max_size=30))
def test_lower_pattern_is_the_character_walk(pattern):
    from linter.phrases import lower_pattern, phrases

    assert lower_pattern(pattern) == _lower_pattern_by_characters(pattern)
    for entries in phrases().values():
        for entry in entries[:3]:
            assert lower_pattern(entry.regex.pattern) == _lower_pattern_by_characters(entry.regex.pattern)


def _stem_by_suffixes(word: str) -> str:
    """text.stem as it was written first: the first suffix in list order that leaves three characters."""
    from linter.text import SUFFIXES

    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "at", "ion", "al", "ly", "ing", "ie", "s", "e", "d", "n", "es", "ment", "\n"]), max_size=8
    ).map("".join)
    | st.text(max_size=12)
)
def test_stem_cuts_the_first_suffix_that_leaves_three_characters(word):
    from linter.text import stem

    assert stem(word) == _stem_by_suffixes(word)
