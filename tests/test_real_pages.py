"""Real page shapes (written in-house, modelled on saved news and health pages): chrome is not
content, trust signals are read wherever the page keeps them, every citation form is a citation."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import Config
from linter.engine import graph_for
from linter.facts.trust import attribution, currency_date, page_audience
from linter.source import Source
from tests.helpers import compact, lint_text

PAGES = Path(__file__).resolve().parent / "pages"
CIT = [f"CIT{n:03}" for n in range(1, 12)]  # the default citation rules (CIT012 is opt-in)


def _page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def _graph(text: str, name: str, config: dict | None = None):
    return graph_for(Source(name, text), Config(None, config or {}))


# -- HTML chrome -------------------------------------------------------------------------------
def test_news_page_with_menus_banner_rail_and_footer_lints_clean():
    assert compact(lint_text(_page("news-page.html"), "news-page.html")) == []


def test_news_page_regions():
    graph = _graph(_page("news-page.html"), "news-page.html")

    def region(start: str) -> set[str]:
        return {b.region for b in graph.document.blocks if b.text.startswith(start)}

    assert region("Skip to content") == {"nav"}
    assert region("We use cookies") == {"dialog"}
    assert region("Migraine relief with ibuprofen") == {"nav"}  # mega-menu and its mobile copy
    assert region("This miracle cream") == region("Take 2 tablets") == {"aside"}
    assert region("Share this article") == {"share"}
    assert region("The information on this site") == {"footer"}
    assert region("Heat exhaustion: how to cool") == region("By Maria Okafor") == {"main"}  # the article's header
    body = " ".join(b.text for b in graph.body_blocks)
    assert "ibuprofen" not in body and "cookies" not in body and "paracetamol" not in body
    assert [r.number for r in graph.references] == [1, 2, 3]
    assert [m.numbers for m in graph.markers] == [(1,), (2,), (3,), (3,), (1,)]


def test_chrome_defects_are_ignored_but_article_defects_are_found():
    text = _page("news-page.html").replace(
        "Cool their skin with\n    a wet cloth or a fan.", "Cool their skin with\n    a wet cloth or a fan.<sup>4</sup>"
    )
    found = compact(lint_text(text, "news-page.html"))
    line = text[: text.index("<sup>4</sup>")].count("\n") + 1
    column = text.index("<sup>4</sup>") - text.rfind("\n", 0, text.index("<sup>4</sup>"))
    assert found == [("CIT001", line, column)]


def test_trust_signals_are_read_from_chrome():
    """The disclaimer lives in the footer: DISC001 reads the whole page."""
    text = _page("news-page.html")
    assert "DISC001" not in {f.rule for f in lint_text(text, "news-page.html")}
    without = text.replace("is not a substitute for professional medical advice", "is provided as is")
    assert [f.rule for f in lint_text(without, "news-page.html", select=["DISC001"])] == ["DISC001"]


def test_selectors_skip_and_choose_main_content():
    text = _page("news-page.html")
    graph = _graph(text, "news-page.html", {"html-skip": [".story-header"]})
    assert {b.region for b in graph.document.blocks if b.text.startswith("By Maria")} == {"skipped"}
    graph = _graph(text, "news-page.html", {"html-main": [".related-articles"]})
    assert any(b.text.startswith("Take 2 tablets") for b in graph.body_blocks)


# -- page metadata -----------------------------------------------------------------------------
def test_byline_and_dates_only_in_json_ld():
    text = _page("jsonld-only.html")
    found = lint_text(text, "jsonld-only.html")
    assert [(f.rule, f.line, f.column) for f in found] == [("DISC005", 13, 23)]  # lastReviewed, not dateModified
    assert "last reviewed 2022-04-11, 55 months ago" in found[0].message
    graph = _graph(text, "jsonld-only.html")
    assert attribution(graph)[0] == ["Helen Achterberg", "Dr Samuel Osei"]
    assert page_audience(graph) == "patient"


def test_metadata_mismatch_points_at_the_visible_text():
    text = _page("jsonld-only.html").replace(
        "<h1>Gout: causes and treatment</h1>",
        "<h1>Gout: causes and treatment</h1>\n<p>Last reviewed: 11 April 2025. Reviewed by Dr Samuel Osei.</p>",
    )
    found = lint_text(text, "jsonld-only.html", select=["DISC006"])
    assert [(f.rule, f.line, f.column) for f in found] == [("DISC006", 23, 19)]
    assert found[0].related[0].line == 13


def test_malformed_json_ld_is_one_info_finding_and_then_absent():
    text = _page("jsonld-only.html").replace('"datePublished": "2019-03-02",', '"datePublished": "2019-03-02",,')
    found = lint_text(text, "jsonld-only.html")
    assert [(f.rule, str(f.severity)) for f in found if f.rule == "DISC007"] == [("DISC007", "info")]
    assert {"DISC003", "DISC004"} <= {f.rule for f in found}  # the JSON-LD is treated as absent


def test_front_matter_lists_and_html_table():
    text = _page("clinician-card.md")
    assert compact(lint_text(text, "clinician-card.md")) == [("DOSE007", 22, 32)]
    graph = _graph(text, "clinician-card.md")
    assert attribution(graph)[0] == ["Dr Leah Brennan", "Omar Haddad", "Dr Ines Moreau"]
    latest = currency_date(graph)
    assert (latest.kind, latest.value.isoformat()) == ("updated", "2026-05-14")
    assert graph.source.text[latest.start : latest.end] == "2026/05/14"
    cells = [b for b in graph.body_blocks if b.kind == "table_cell"]
    assert [c.text for c in cells][:2] == ["Weight band", "Dose"]
    assert [m.numbers for m in graph.markers] == [(1,), (2,), (2,), (2,)]


def test_front_matter_is_never_body_text():
    text = (
        "---\ntitle: A page\ndescription: Take 400 mg every 4 hours, it is completely safe.\n---\n\n# A page\n\nText.\n"
    )
    assert not {f.rule for f in lint_text(text)} & {"DOSE010", "DOSE012"}


def test_professional_audience_turns_off_patient_safety_rules():
    text = _page("clinician-card.md")
    patient = text.replace("audience: professional\n", "")
    rules = {f.rule for f in lint_text(patient, "clinician-card.md")}
    assert {"DISC001", "DISC002"} <= rules
    rules = {
        f.rule for f in lint_text(patient, "cards/a.md", config={"per-file-audience": {"cards/*.md": "professional"}})
    }
    assert not rules & {"DISC001", "DISC002", "DOSE010", "DOSE011"}


# -- citation forms ----------------------------------------------------------------------------
def test_every_marker_form_is_a_citation():
    text = _page("marker-forms.md")
    graph = _graph(text, "marker-forms.md")
    assert [(m.style, m.numbers, m.target) for m in graph.markers] == [
        ("link", (1,), "https://example.org/refs#1"),
        ("link", (2,), "#ref-2"),
        ("sup", (3,), "#cite-3"),
        ("link", (4,), "#ref-4"),
    ]
    found = lint_text(text, "marker-forms.md", select=CIT)
    assert [(f.rule, f.line, f.column) for f in found] == [("CIT005", 5, 72)]  # mixed styles, nothing else


def test_identifiers_carried_by_links():
    graph = _graph(_page("marker-forms.md"), "marker-forms.md")
    ids = {ref.number: sorted((i.kind, i.value) for i in ref.ids if i.kind != "url") for ref in graph.references}
    assert ids[1] == [("pmid", "17634462")]
    assert ids[2] == [("pmcid", "pmc3491653")]
    assert ids[3] == [("doi", "10.1016/j.ecl.2010.02.006")]


def test_pmid_linked_to_a_doi_is_cit009():
    text = "# T\n\nClaim [1].\n\n## References\n\n1. Smith J. A study. PMID: [33181081](https://doi.org/10.1056/NEJMoa2034577)\n"
    found = lint_text(text, select=["CIT009"])
    assert [(f.line, f.column) for f in found] == [(7, 29)]
    assert "PMID 33181081 is linked to a DOI (https://doi.org/10.1056/NEJMoa2034577)" in found[0].message


def test_parenthesised_numbers_cite_numbered_entries_but_enumerations_do_not():
    text = _page("paren-markers.md")
    graph = _graph(text, "paren-markers.md")
    assert [m.numbers for m in graph.markers] == [(1,), (2,)]
    assert compact(lint_text(text, "paren-markers.md", select=CIT)) == []


def test_parenthesised_numbers_without_a_numbered_list_are_text():
    assert compact(lint_text("# T\n\nThree steps: rest (1 day) and ice (2).\n", select=CIT)) == []


def test_bulleted_reference_list_is_matched_by_order_and_by_link_target():
    by_order = "# T\n\nOne [1]. Two [2].\n\n## References\n\n- Smith J. Study one. 2020.\n- Jones K. Study two. 2021.\n"
    assert compact(lint_text(by_order, select=CIT)) == []
    by_target = (
        '<html><body><main><p>One <sup><a href="#r2">2</a></sup>. Two <sup><a href="#r1">1</a></sup>.</p>'
        '<h2>Sources</h2><ul><li id="r1">Jones K. Study about the first thing. 2021.</li>'
        '<li id="r2">Smith J. Study about the second thing. 2020.</li></ul></main></body></html>'
    )
    graph = _graph(by_target, "a.html")
    assert [(r.number, r.text[:5]) for r in graph.references] == [(1, "Jones"), (2, "Smith")]
    assert "CIT002" not in {f.rule for f in lint_text(by_target, "a.html")}


# -- bylines and dates in running text ---------------------------------------------------------
@pytest.mark.parametrize(
    "line, people",
    [
        ("Last reviewed: 14 February 2026. Written by Dr Alex Morgan, MD.", ["Dr Alex Morgan"]),
        ("Medically reviewed by Vincent N Disabella, DO", ["Vincent N Disabella"]),
        ("This test was approved by the U.S. Food and Drug Administration in 2019.", []),
        ("Written by the Health Content Team.", []),
    ],
)
def test_bylines(line, people):
    graph = _graph(f"# Title\n\n{line}\n\nBody text here.\n", "a.md")
    assert attribution(graph)[0] == people


def test_a_heading_is_not_a_byline():
    graph = _graph("# Heart failure\n\n## By Ejection Fraction\n\nText.\n", "a.md")
    assert attribution(graph)[0] == []


def test_scraped_page_widgets_and_glued_dates():
    text = _page("scraped-page.txt")
    assert compact(lint_text(text, "scraped-page.txt")) == []
    graph = _graph(text, "scraped-page.txt")
    headings = [s.title for s in graph.sections if s.title]
    assert headings == ["Iron deficiency anaemia", "Symptoms", "References:"]  # menu entries are not headings
    latest = currency_date(graph)
    assert (latest.kind, latest.value.isoformat()) == ("reviewed", "2025-10-01")
    regions = {b.text: b.region for b in graph.document.blocks}
    assert regions["Under Review"] == regions["Conditions"] == regions["About us"] == "nav"
    assert regions["Share"] == "share" and regions["© 2026 Example Health"] == "footer"


def test_a_dated_page_without_review_date_gets_its_age_judged():
    found = lint_text("# T\n\nPublished 27 July 2017\n\nText.\n", select=["DISC004", "DISC005"])
    assert [(f.rule, f.line, f.column) for f in found] == [("DISC005", 3, 11)]
    assert "published 2017-07-27 (the page gives no review or update date)" in found[0].message
    found = lint_text("# T\n\nUpdated Jan 05, 2021\n\nText.\n", select=["DISC004", "DISC005"])
    assert [(f.rule, f.line) for f in found] == [("DISC005", 3)]
    assert "last updated 2021-01-05" in found[0].message


def test_a_paragraph_after_a_bulleted_reference_list_is_not_an_entry():
    text = (
        "# T\n\nOne [1]. Two [2].\n\n## Sources\n\n- Smith J. Study one. 2020.\n- Jones K. Study two. 2021.\n\n"
        "This page is for general information and is not a substitute for medical advice.\n"
    )
    graph = _graph(text, "a.md")
    assert [(r.number, r.text[:5]) for r in graph.references] == [(1, "Smith"), (2, "Jones")]
    assert compact(lint_text(text, select=CIT)) == []
