"""Exact positions for every Markdown block type, including the hard cases."""

import pytest
from mistune import list_parser as mistune_list_parser

from linter.parse.markdown import parse_markdown
from linter.source import Source


def blocks(text: str):
    src = Source("t.md", text)
    doc = parse_markdown(src)
    return src, doc.blocks


def spans(text: str):
    src, found = blocks(text)
    return [(b.kind, *src.position(b.start), b.text) for b in found]


def markers(text: str):
    src, found = blocks(text)
    return [(m.raw, *src.position(m.start), m.numbers) for b in found for m in b.markers]


def test_atx_and_setext_headings():
    assert spans("# Title #\n\nSetext\n======\n\nSub\n---\n") == [
        ("heading", 1, 3, "Title"),
        ("heading", 3, 1, "Setext"),
        ("heading", 6, 1, "Sub"),
    ]


def test_paragraph_with_lazy_continuation_in_list_and_quote():
    text = "- item one\ncontinued lazily [2]\n\n> quoted\nlazy quote [3]\n"
    assert spans(text) == [
        ("list_item", 1, 3, "item one continued lazily "),
        ("paragraph", 4, 3, "quoted lazy quote "),
    ]
    assert markers(text) == [("[2]", 2, 18, (2,)), ("[3]", 5, 12, (3,))]


def test_nested_lists_keep_depth_ordinal_and_literal_number():
    src, found = blocks("1. one\n2. two\n   - nested [4]\n     1) deep\n")
    assert [(b.kind, *src.position(b.start), b.depth, b.ordinal, b.list_marker) for b in found] == [
        ("list_item", 1, 4, 0, 1, "1."),
        ("list_item", 2, 4, 0, 2, "2."),
        ("list_item", 3, 6, 1, 1, "-"),
        ("list_item", 4, 9, 2, 1, "1)"),
    ]


def test_fenced_code_is_skipped_and_never_cited():
    text = "Before [1].\n\n```\ncode [2]\nBefore [1].\n```\n\nAfter [3].\n"
    assert markers(text) == [("[1]", 1, 8, (1,)), ("[3]", 8, 7, (3,))]


def test_table_cells_have_exact_columns():
    text = "| Drug | Dose |\n|---|---|\n| Ibuprofen [5] | 200 mg |\n"
    assert spans(text) == [
        ("table_cell", 1, 3, "Drug"),
        ("table_cell", 1, 10, "Dose"),
        ("table_cell", 3, 3, "Ibuprofen "),
        ("table_cell", 3, 19, "200 mg"),
    ]
    assert markers(text) == [("[5]", 3, 13, (5,))]


def test_front_matter_is_not_content():
    assert spans("---\ntitle: A [9]\n---\n# Heading\n") == [("heading", 4, 3, "Heading")]


def test_crlf_tabs_and_non_ascii_columns():
    text = "Ünïcödé text [1]\r\n\r\n-\tTabbed item [2]\r\n"
    assert spans(text) == [("paragraph", 1, 1, "Ünïcödé text "), ("list_item", 3, 3, "Tabbed item ")]
    assert markers(text) == [("[1]", 1, 14, (1,)), ("[2]", 3, 15, (2,))]


def test_html_block_text_and_sup_markers_but_not_attributes():
    text = '<div class="x[7]">\n<p>Claim<sup>8</sup></p>\n</div>\n'
    assert markers(text) == [("<sup>8</sup>", 2, 9, (8,))]


def test_code_spans_links_and_urls_are_not_citations():
    text = "Use `arr[1]` and [a link](http://x.org/[2]) or https://x.org/p[3] but cite [4].\n"
    assert markers(text) == [("[4]", 1, 76, (4,))]


def test_citation_styles():
    text = "A [1, 2] b [1-3] c [1–3] d [1][2] e <sup>6</sup> f [^7] g [8](#ref-8).\n\n[^7]: Note.\n"
    found = markers(text)
    assert [m[0] for m in found] == ["[1, 2]", "[1-3]", "[1–3]", "[1]", "[2]", "<sup>6</sup>", "[^7]", "[8](#ref-8)"]
    assert [m[3] for m in found] == [(1, 2), (1, 2, 3), (1, 2, 3), (1,), (2,), (6,), (7,), (8,)]


def test_footnote_definition_block():
    src, found = blocks("Claim [^a].\n\n[^a]: Smith J. A study.\n")
    note = [b for b in found if b.kind == "footnote_def"][0]
    assert note.footnote == "a" and src.position(note.start) == (3, 7) and note.text == "Smith J. A study."


_LISTS = """# Doses

- one
  - two, indented two
    - three, indented four
      1. numbered under it
- back out
   - indented three
\t- a tab

1) first
2) second
   > quoted inside
   ```
   code inside
   ```
3) third
    continued with four spaces

* star
+ plus
"""


@pytest.mark.skipif(
    not hasattr(mistune_list_parser, "_compile_list_break_sc"),
    reason="mistune before 3.3 builds list-item breaks its own way: nothing is memoised there",
)
def test_the_shared_parser_s_list_breaks_are_mistune_s():
    """Invariant: the process-wide parser, with its list-item break patterns built once per indent,
    gives the tokens of a fresh mistune parser, on the first document and every later one."""
    from mistune import list_parser

    from linter.parse.markdown import _parser, mistune_parser

    def tokens(md):
        state = md.block.state_cls()
        state.process(_LISTS)
        md.block.parse(state)
        return state.tokens

    shared = _parser()
    build = list_parser._compile_list_break_sc
    assert build.memo_for is shared.block  # the memo is in place, for this parser only
    fresh = mistune_parser()
    assert build(fresh.block, 2) is not None  # other parsers go to mistune's own builder
    for _ in range(3):
        assert tokens(shared) == tokens(fresh)
    assert [b.kind for b in parse_markdown(Source("a.md", _LISTS)).blocks].count("list_item") == 12
