"""Seed expectations for the CIT family (../shared/seed/, skipped where absent)."""

from collections import Counter

from linter.config import Config
from linter.engine import Options, lint_source
from linter.source import read_source

LEAK_LINES = [
    39,
    41,
    43,
    45,
    47,
    49,
    51,
    53,
    55,
    57,
    59,
    61,
    63,
    65,
    67,
    69,
    71,
    73,
    75,
    77,
    81,
    83,
    85,
    87,
    89,
    91,
    93,
    95,
    97,
    99,
    101,
    103,
    105,
    107,
    109,
    114,
    116,
    118,
    120,
    124,
    126,
    128,
    130,
    132,
    136,
    138,
    140,
    142,
    144,
    146,
    152,
    154,
    158,
    160,
]


def seed_findings(seed, select=("CIT",)):
    return lint_source(read_source(seed), Config(), Options(selection={"select": list(select)})).findings


def test_seed_cit_counts(seed):
    counts = Counter(f.rule for f in seed_findings(seed))
    assert counts == {"CIT006": 54, "CIT011": 9, "CIT002": 1}


def test_seed_list_number_leaks(seed):
    leaks = [f for f in seed_findings(seed) if f.rule == "CIT006"]
    assert [f.line for f in leaks] == LEAK_LINES
    first = leaks[0]
    assert (first.line, first.column, first.end_column) == (39, 254, 257)
    assert first.message == "the 1st list item ends with [1]: a pasted list number, not a citation"
    repeated = next(f for f in leaks if f.line == 41)
    assert repeated.message.endswith("(it also repeats a number of the same cluster)")
    by_line = {f.line: f for f in leaks}
    assert by_line[124].message.startswith("the 5th list item ends with [5]")


def test_seed_placeholder_runs(seed):
    runs = [(f.line, f.message.split(",")[0]) for f in seed_findings(seed) if f.rule == "CIT011"]
    assert runs[0] == (163, "20 consecutive claims here cite 5-24 in turn")
    assert runs[-1] == (338, "15 consecutive claims here cite 89-103 in turn")
    assert [line for line, _ in runs] == [163, 203, 247, 269, 282, 293, 313, 317, 338]


def test_seed_duplicates(seed):
    found = {(f.line, f.related[0].line) for f in seed_findings(seed, ("DUP",)) if f.rule == "DUP002"}
    for pair in [(2, 1), (5, 4), (20, 3), (90, 58), (284, 268), (343, 268)]:
        assert pair in found, pair
    # the two section cautions (lines 203 and 245) differ in wording and must not be paired
    assert not any(203 in pair or 245 in pair for pair in found)
    messages = {f.line: f.message for f in seed_findings(seed, ("DUP",))}
    assert messages[2] == (
        "this paragraph restates the one at line 1 (similarity 0.40): "
        '"Combined immunodeficiency due to STIM1 deficiency is a very…"'
    )
    assert messages[90].startswith('the item "Opportunistic infections" covers the same topic as the item at line 58')


def test_seed_dose_and_trust_signals(seed):
    from datetime import date

    def run(max_age):
        config = Config(None, {"review_max_age_months": max_age})
        options = Options(selection={"select": ["DOSE", "DISC"]}, today=date(2026, 11, 25))
        return [(f.rule, f.line, f.column) for f in lint_source(read_source(seed), config, options).findings]

    assert run(24) == [("DISC003", 1, 1)]
    assert run(21) == [("DISC003", 1, 1)]
    assert run(20) == [("DISC003", 1, 1), ("DISC005", 369, 15)]
