"""The HTML importer: blocks and <sup> markers at their positions in the .html file."""

from linter.graph import build_graph
from linter.parse.html import parse_html
from linter.source import Source

PAGE = """<html><head><title>T [9]</title><script>var x = "[8]";</script></head><body>
<h1>Asthma</h1>
<p class="lead" data-ref="[7]">Airways narrow.<sup>1</sup> Inhalers help.<sup><a href="#r2">2</a></sup></p>
<ul><li>Relievers work fast [3].</li><li>Preventers &amp; spacers.</li></ul>
<h2>References</h2>
<ol><li>First source.</li><li>Second source.</li><li>Third source.</li></ol>
<p>Truncated <b>page
"""


def test_blocks_and_positions():
    src = Source("p.html", PAGE)
    blocks = parse_html(src).blocks
    assert [(b.kind, *src.position(b.start), b.text) for b in blocks] == [
        ("heading", 2, 5, "Asthma"),
        ("paragraph", 3, 32, "Airways narrow. Inhalers help."),
        ("list_item", 4, 9, "Relievers work fast ."),
        ("list_item", 4, 42, "Preventers & spacers."),
        ("heading", 5, 5, "References"),
        ("list_item", 6, 9, "First source."),
        ("list_item", 6, 31, "Second source."),
        ("list_item", 6, 54, "Third source."),
        ("paragraph", 7, 4, "Truncated page"),
    ]


def test_sup_markers_span_the_element_and_attributes_are_never_cited():
    src = Source("p.html", PAGE)
    markers = [m for b in parse_html(src).blocks for m in b.markers]
    assert [(m.style, m.numbers, src.text[m.start : m.end]) for m in markers] == [
        ("sup", (1,), "<sup>1</sup>"),
        ("sup", (2,), '<sup><a href="#r2">2</a></sup>'),
        ("bracket", (3,), "[3]"),
    ]


def test_reference_list_from_ordered_list():
    graph = build_graph(parse_html(Source("p.html", PAGE)))
    assert [(r.number, r.text) for r in graph.references] == [
        (1, "First source."),
        (2, "Second source."),
        (3, "Third source."),
    ]
    assert [n for m in graph.markers for n in m.numbers] == [1, 2, 3]
