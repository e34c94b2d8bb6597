"""Planted defects in a clean article: each one is found, at the planted spot, and nothing else."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.helpers import lint_text

CLEAN = (ROOT / "tests" / "clean" / "migraine.md").read_text()

PLANTS = {
    "CIT001": (
        "Aura symptoms develop over several minutes and fade within an hour.",
        "Aura symptoms develop over several minutes and fade within an hour [12].",
    ),
    "CIT006": ("2. Missed meals or dehydration [4].", "2. Missed meals or dehydration. [4] [2]"),
    "DUP002": (
        "Keeping a headache diary for a few months can help you and your doctor spot your own patterns.",
        "Keeping a headache diary for a few months can help you and your doctor spot your own patterns.\n\n"
        "A headache diary kept for several months can help you and your GP spot your personal patterns.",
    ),
    "DOSE010": (
        "## When to get urgent help\n",
        "## Quick relief\n\nFor a bad attack, take 400 mg of ibuprofen every 4 hours.\n\n## When to get urgent help\n",
    ),
    "DOSE012": ("Aura symptoms develop", "Feverfew is completely safe. Aura symptoms develop"),
    "DOSE001": ("| 400 mg at the start", "| 400.0 mg at the start"),
    "DISC001": (
        "This page is for general information and is not a substitute for advice from your own doctor.",
        "Thanks for reading.",
    ),
    "DISC003": (
        "Written by Laura Chen, MSc, clinical pharmacist. Medically reviewed by Dr Omar Haddad, FRCP, "
        "consultant neurologist. ",
        "Written by the Health Team. ",
    ),
}


def test_clean_article_is_clean():
    assert lint_text(CLEAN, name="migraine.md") == []


def test_each_planted_defect_is_found_alone():
    for code, (old, new) in PLANTS.items():
        assert old in CLEAN, code
        found = {f.rule for f in lint_text(CLEAN.replace(old, new, 1), name="migraine.md")}
        expected = {code} | ({"DISC002"} if code == "DOSE010" else set())
        assert found == expected, (code, found)
