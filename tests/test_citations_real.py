"""Citation rules on real writing: figures that are not rates, linked citations, organisation authors."""

from __future__ import annotations

from tests.helpers import compact, lint_text

REFS = "\n\n## References\n\n1. Smith J. A cohort study of outcomes. Lancet. 2020.\n"


def test_a_group_label_is_not_a_rate_but_n_fold_is_a_figure():
    text = "# T\n\nThere were 55 in 9-year control group [1]. Smoking confers a 7-fold risk of the cancer." + REFS
    assert compact(lint_text(text, select=["CIT010"])) == [("CIT010", 3, 44)]


def test_a_linked_number_after_a_figure_is_its_citation():
    text = "# T\n\nAbout 40% of adults are affected [1](https://example.org/study)." + REFS
    assert compact(lint_text(text, select=["CIT010", "CIT001", "CIT002"])) == []


def test_organisation_authors_are_not_duplicate_references():
    text = (
        "# T\n\nDiabetes is common [1]. Tuberculosis persists [2]. Hypertension too [3].\n\n## References\n\n"
        "1. World Health Organization. Global report on diabetes. 2016.\n"
        "2. World Health Organization. Global tuberculosis report. 2023.\n"
        "3. NICE. Hypertension in adults: diagnosis and management. NG136. 2019.\n"
    )
    assert compact(lint_text(text, select=["CIT007"])) == []
    same = text.replace("Global tuberculosis report. 2023.", "Global report on diabetes. Geneva, 2016.")
    assert compact(lint_text(same, select=["CIT007"])) == [("CIT007", 8, 4)]


def test_cit004_says_nothing_about_a_number_with_no_entry():
    text = "# T\n\nOne [1]. Two [7]. Three [2]." + "\n\n## References\n\n1. A study one. 2020.\n2. A study two. 2021.\n"
    assert [f.rule for f in lint_text(text, select=["CIT001", "CIT004"])] == ["CIT001"]
