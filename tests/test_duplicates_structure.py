"""Duplicates by structure: restatements are found where they cluster; parallel lists, grading
scales, contrasts, navigation lines and per-case dose statements are not duplicates."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT
from tests.helpers import compact, lint_text

DUP = ["DUP001", "DUP002", "DUP003", "DUP005"]


def _found(text: str) -> list[tuple[str, int, int]]:
    return compact(lint_text(text, select=DUP))


def test_back_to_back_intro_paragraphs_that_define_the_same_condition():
    text = (
        "# Hidradenitis suppurativa\n\n"
        "Hidradenitis suppurativa is a long-term skin condition that causes painful lumps under the skin, "
        "usually in the armpits and groin.\n\n"
        "Also called acne inversa, hidradenitis suppurativa is a chronic condition of the skin in which "
        "painful lumps form beneath it, most often around the groin and the armpits.\n\n"
        "## Causes\n\nThe exact cause is unknown, but hair follicles become blocked and inflamed.\n\n"
        "Smoking and carrying extra weight make flares more likely in many people.\n\n"
        "## Treatment\n\nAntibiotic tablets or creams can calm flares, and some people need surgery.\n\n"
        "Biological medicines are an option when other treatments have not worked well enough.\n\n"
        "## Living with it\n\nLoose cotton clothing and gentle washing help the skin heal between flares.\n"
    )
    assert _found(text) == [("DUP002", 5, 1)]


def test_grading_scale_classes_are_parallel_structure():
    text = (
        "# Heart failure classes\n\n"
        "- Class I: no limitation of physical activity; ordinary activity causes no undue breathlessness or tiredness\n"
        "- Class II: slight limitation of physical activity; ordinary activity causes breathlessness or tiredness\n"
        "- Class III: marked limitation of physical activity; less than ordinary activity causes breathlessness\n"
        "- Class IV: unable to carry on any physical activity without breathlessness or tiredness\n"
    )
    assert _found(text) == []


def test_definitions_that_differ_by_negation_are_a_contrast():
    text = (
        "# Inhaler technique\n\n"
        "A patient who is confident using the inhaler at home every day can manage the routine reviews alone.\n\n"
        "A patient who is not confident using the inhaler at home every day can manage the routine reviews alone.\n"
    )
    assert _found(text) == []


def test_the_same_short_item_in_two_lists_is_not_a_duplicate_paragraph():
    text = "# Flu\n\n## In adults\n\n- A high temperature\n- Aching body\n\n## In children\n\n- A high temperature\n- Earache\n"
    assert _found(text) == []


def test_navigation_lines_are_not_repeated_sentences():
    line = "See our page on asthma inhalers for more information about spacers."
    text = f"# Asthma\n\nInhalers deliver medicine to the lungs.\n\n{line}\n\nPreventers calm inflammation.\n\n{line}\n"
    assert _found(text) == []


def test_a_sentence_repeated_with_other_case_quotes_and_spacing_is_still_a_repeat():
    """DUP003 compares normalised sentences: a copy whose only changes are case, curly quotes, a
    no-break space, a dash and punctuation is the same sentence (grouped first by rough_key)."""
    text = (
        "# Sleep\n\n"
        "Don't drive or use machines if the tablets make you feel sleepy - wait until it wears off.\n\n"
        "Most people sleep better within a week. Keep a diary of your sleep and bring it to your review.\n\n"
        "Alcohol makes the drowsiness worse, so avoid it while you take them. Grapefruit juice raises the "
        "level in your blood; check the leaflet for other foods and medicines to avoid. Tell your pharmacist about herbal "
        "remedies such as St John's wort, and about any allergy to lactose, gelatin or colouring dyes. "
        "DON\u2019T drive or use machines, if the tablets make you feel\u00a0sleepy \u2013 wait until it wears off!\n"
    )
    assert _found(text) == [("DUP003", 7, 305)]


def test_divergent_duplicate_names_the_numbers_and_replaces_dup002():
    text = (
        "# Amoxicillin\n\n"
        "Adults usually take 500 mg three times a day for five days, as your doctor or pharmacist advises.\n\n"
        "Missed doses can be taken as soon as you remember unless the next one is almost due.\n\n"
        "Adults usually take 500 mg twice a day for five days, as your doctor or pharmacist advises.\n"
    )
    found = lint_text(text, select=DUP)
    assert compact(found) == [("DUP005", 7, 1)]
    assert "'three times' there, 'twice' here" in found[0].message
    assert found[0].related[0].line == 3


def test_unit_changes_are_divergent_but_years_are_not():
    dose = "The usual adult dose for this condition is {} once a day with or without food, as the leaflet says."
    text = f"# Levothyroxine\n\n{dose.format('50 mcg')}\n\n## Later\n\n{dose.format('50 mg')}\n"
    assert [c for c, *_ in _found(text)] == ["DUP005"]
    year = "The guideline was updated in {} and the advice on this page follows that edition of it closely."
    text = f"# Guidance\n\n{year.format(2019)}\n\n## Later\n\n{year.format(2024)}\n"
    assert "DUP005" not in [c for c, *_ in _found(text)]


def test_dup002_is_the_same_under_any_hash_seed(tmp_path):
    article = tmp_path / "a.md"
    paragraphs = [
        f"Topic {n} paragraph about shared clinical wording, immune cells, calcium entry and infection risk {n % 3}."
        for n in range(40)
    ]
    article.write_text("# T\n\n" + "\n\n".join(paragraphs) + "\n")
    outputs = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT), "MEDLINT_CACHE_DIR": ""}
        run = subprocess.run(
            [sys.executable, "-m", "linter", "check", "--isolated", "--no-cache", "--select", "DUP002", str(article)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1


DOSE_LINE = "Adults usually take {} three times a day for five days, as your doctor or pharmacist advises."
SHARED_LINE = (
    "Regular physical activity lowers blood pressure, improves sleep and helps people keep a healthy weight "
    "over many years of adult life."
)


def _site(tmp_path, dated: bool, dose_a: str = "500 mg", dose_b: str = "250 mg"):
    a = "Last reviewed: 3 March 2025.\n\n" if dated else ""
    b = "Last reviewed: 9 June 2026.\n\n" if dated else ""
    (tmp_path / "a.md").write_text(f"# A\n\n{a}{DOSE_LINE.format(dose_a)}\n\n{SHARED_LINE}\n")
    (tmp_path / "b.md").write_text(f"# B\n\n{b}{DOSE_LINE.format(dose_b)}\n\n{SHARED_LINE}\n")


def _site_findings(tmp_path, *extra):
    out = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--isolated", "--select", "DUP004,DUP005", *extra, "a.md", "b.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    return sorted(line.split(" ")[0] + " " + line.split(" ")[1] for line in out.stdout.splitlines() if ": DUP" in line)


def test_divergent_duplicate_across_articles_stands_on_the_later_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(tmp_path / "cache"))
    _site(tmp_path, dated=True)
    expected = ["b.md:5:1: DUP005", "b.md:7:1: DUP004"]
    assert _site_findings(tmp_path) == expected
    assert _site_findings(tmp_path) == expected  # the same from the cache (dates and records are cached)


def test_without_dates_both_copies_are_reported(tmp_path):
    _site(tmp_path, dated=False)
    assert _site_findings(tmp_path, "--no-cache") == [
        "a.md:3:1: DUP005",
        "a.md:5:1: DUP004",
        "b.md:3:1: DUP005",
        "b.md:5:1: DUP004",
    ]


def test_the_same_numbers_across_articles_are_not_divergent(tmp_path):
    _site(tmp_path, dated=False, dose_b="500 mg")
    assert [f for f in _site_findings(tmp_path, "--no-cache") if "DUP005" in f] == []


def test_pages_sharing_a_site_footer_are_not_cross_article_duplicates(tmp_path):
    footer = (
        "Northfield Health publishes these pages to help patients and carers understand common conditions "
        "and the care our clinics offer across the region."
    )
    topics = ["asthma", "eczema", "migraine", "gout", "anaemia"]
    for topic in topics:
        (tmp_path / f"{topic}.md").write_text(
            f"# {topic.title()}\n\n{topic.title()} is a condition our clinics see every week in adults and "
            f"children, and this page explains how {topic} is usually managed at home.\n\n{footer}\n"
        )
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "linter",
            "check",
            "--isolated",
            "--no-cache",
            "--select",
            "DUP004",
            *[f"{t}.md" for t in topics],
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert out.stdout == "All checks passed!\n", out.stdout


_THIRTY = (
    "Regular physical activity strengthens the heart muscle, lowers resting blood pressure, improves "
    "sleep quality, eases low mood, helps people keep a steady weight through middle age and protects "
    "ageing joints."
).split()


def _changed(*at: int) -> str:
    return " ".join("different" + str(i) if i in at else word for i, word in enumerate(_THIRTY))


def test_cross_article_scores_are_the_jaccard_index_of_word_shingles(tmp_path):
    """DUP004 scores a pair by the Jaccard index of their word 3-shingles: 1.00 for the same text;
    one word changed in the middle of a 30-word paragraph (28 shingles) leaves 25 shared of 31
    (0.81), over the 0.8 bar; two words changed far apart leave 22 of 34 (0.65): not reported."""
    assert len(_THIRTY) == 30 and len({w.lower().strip(",.") for w in _THIRTY}) == 30
    texts = {"a": " ".join(_THIRTY), "b": " ".join(_THIRTY), "c": _changed(14), "d": _changed(5, 24)}
    for name, text in texts.items():
        (tmp_path / f"{name}.md").write_text(f"# {name.upper()}\n\n{text}\n")
    out = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--isolated", "--no-cache", "--select", "DUP004", "a.md", "b.md"]
        + ["c.md", "d.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert [line for line in out.stdout.splitlines() if ": DUP004" in line] == [
        "a.md:3:1: DUP004 this paragraph is near-identical to one in b.md at line 3 (similarity 1.00)",
        "b.md:3:1: DUP004 this paragraph is near-identical to one in a.md at line 3 (similarity 1.00)",
        "c.md:3:1: DUP004 this paragraph is near-identical to one in a.md at line 3 (similarity 0.81)",
    ]
