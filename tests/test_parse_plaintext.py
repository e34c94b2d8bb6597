"""The plain-text importer on the seed page (read from ../shared/seed/, never copied)."""

from collections import Counter

from linter.graph import build_graph
from linter.parse.plaintext import parse_plaintext
from linter.source import Source, read_source


def test_seed_markers_exact(seed):
    src = read_source(seed)
    doc = parse_plaintext(src)
    markers = [m for b in doc.blocks for m in b.markers]
    assert len(markers) == 359
    numbers = {n for m in markers for n in m.numbers}
    assert numbers == set(range(1, 104))
    # every marker's span is exactly its bracket text in the original file
    for m in markers:
        assert src.text[m.start : m.end] == m.raw
    first, last = markers[0], markers[-1]
    assert (src.position(first.start), first.raw) == ((1, 171), "[1]")
    assert (src.position(last.start), last.raw) == ((366, 321), "[103]")
    per_line = Counter(src.position(m.start)[0] for m in markers)
    assert per_line[39] == 5 and per_line[49] == 4


def test_seed_headings_and_levels(seed):
    src = read_source(seed)
    heads = [(src.position(b.start)[0], b.level, b.text) for b in parse_plaintext(src).blocks if b.kind == "heading"]
    titles = [t for _, _, t in heads]
    for expected in (
        "Other names",
        "Causes",
        "Symptoms",
        "Diagnostic tests",
        "Drug Treatments",
        "Frequently Asked Questions",
        "Non-pharmacological Treatments",
        "Preventions",
    ):
        assert expected in titles
    assert len(heads) == 20
    assert (110, 2, "Diagnostic tests") in heads and (111, 3, "Physical examination tests") in heads
    assert (155, 3, "Imaging tests") in heads and (161, 2, "Non-pharmacological Treatments") in heads


def test_seed_list_items(seed):
    src = read_source(seed)
    doc = parse_plaintext(src)
    graph = build_graph(doc)
    by_section = {s.title: [b for b in s.blocks if b.kind == "list_item"] for s in graph.sections}
    assert len(by_section["Causes"]) == 20
    assert len(by_section["Symptoms"]) == 15
    assert len(by_section["Frequently Asked Questions"]) == 15
    item = by_section["Causes"][10]
    assert item.text.startswith("Opportunistic infections\nSome germs")
    assert src.position(item.start) == (58, 1) and src.position(item.end) == (59, 261)
    assert item.ordinal == 11
    faq = by_section["Frequently Asked Questions"][0]
    assert faq.list_marker == "1." and src.position(faq.start) == (337, 4)
    assert not graph.has_reference_list


def test_item_separator_dash_is_not_content():
    src = Source("t.txt", "Title\nIntro line that is long enough. [1]\n-\nFirst item. [1] -\nSecond item. [2]\n")
    doc = parse_plaintext(src)
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [b.text for b in items] == ["First item. ", "Second item. "]
    assert [b.ordinal for b in items] == [1, 2]


def test_reference_list_in_plain_text():
    text = "Title here\nClaim one. [1] Claim two. [2]\nReferences\n1. Smith J. Study one. 2020.\n2. Lee K. Study two. 2021.\n"
    graph = build_graph(parse_plaintext(Source("t.txt", text)))
    assert [(r.number, r.text) for r in graph.references] == [
        (1, "Smith J. Study one. 2020."),
        (2, "Lee K. Study two. 2021."),
    ]


def test_bullet_lines_are_list_items():
    src = Source(
        "t.txt",
        "Causes\nIntro line that is long enough to be a paragraph. [1]\n• First cause. [1][2] [1]\n"
        "• Second cause. [2]\nAfter the list comes a paragraph again.\n",
    )
    doc = parse_plaintext(src)
    items = [(b.kind, src.position(b.start), b.ordinal, b.list_marker, b.text) for b in doc.blocks]
    assert items[2:] == [
        ("list_item", (3, 3), 1, "•", "First cause.  "),
        ("list_item", (4, 3), 2, "•", "Second cause. "),
        ("paragraph", (5, 1), None, None, "After the list comes a paragraph again."),
    ]
