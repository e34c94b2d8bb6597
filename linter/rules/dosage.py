"""DOSE: dose wording. Doses written so they cannot be misread, and never as unsupervised instructions.

Error-prone abbreviations follow the ISMP List of Error-Prone Abbreviations, Symbols, and Dose
Designations and The Joint Commission "Do Not Use" list; the tables live in
linter/data/phrases.toml with their sources. Only doses and drug names are checked, never
ordinary prose: every check needs a dose span (linter.dose) in the same sentence, or right next
to the abbreviation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from linter.dose import DoseSpan, find_doses
from linter.findings import Edit, Finding
from linter.graph import ArticleGraph, Sentence
from linter.parse.model import Block
from linter.phrases import any_match, negated, phrases, prefilter
from linter.registry import RULES, rule

_TEXT_KINDS = ("paragraph", "list_item", "table_cell", "html")


def dose_sentences(graph: ArticleGraph) -> Iterator[tuple[Sentence, list[DoseSpan]]]:
    """Each body sentence with the dose spans in it (positions relative to the block text)."""
    cache = graph.__dict__.setdefault("_analysis", {})
    if "doses" not in cache:
        found = []
        for block in graph.body_blocks:
            if block.kind not in _TEXT_KINDS:
                continue
            spans = find_doses(block.text)
            for sentence in graph.sentences_of(block):
                inside = [d for d in spans if sentence.start <= d.start < sentence.end]
                found.append((sentence, inside))
        cache["doses"] = found
    return iter(cache["doses"])


def _span_finding(
    code: str, graph: ArticleGraph, block: Block, start: int, end: int, message: str, replacement: str | None = None
) -> Finding:
    a, b = block.original(start, end)
    edits = [Edit(a, b, replacement)] if replacement is not None else []
    return RULES[code].finding(graph, a, b, message, edits=edits)


@rule("DOSE001", "trailing-zero", "error", "A dose written with a trailing zero (5.0 mg).", fix="always")
def trailing_zero(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags a dose with a trailing zero after the decimal point: `5.0 mg`.

    ## Why is this bad?
    If the point is missed, 5.0 mg is read as 50 mg: a tenfold overdose (ISMP, Joint Commission
    "Do Not Use" list).

    ## Known problems
    Laboratory values keep their trailing zero, which shows precision (`6.0 mg/dL`,
    `4.0 mmol/L`); they are not doses and are never flagged.

    ## Example
    ```markdown
    The usual dose is 5.0 mg once daily.
    ```

    ## Use instead
    ```markdown
    The usual dose is 5 mg once daily.
    ```
    """
    for sentence, doses in dose_sentences(graph):
        for d in doses:
            m = re.fullmatch(r"([\d,]+)\.(\d*?)0+", d.number)
            if m:
                fixed = f"{m.group(1)}.{m.group(2)}" if m.group(2) else m.group(1)
                misread = d.number.replace(".", "").replace(",", "").lstrip("0") or "0"
                yield _span_finding(
                    "DOSE001",
                    graph,
                    sentence.block,
                    d.number_start,
                    d.number_start + len(d.number),
                    f"'{d.number} {d.unit}' has a trailing zero; if the point is missed it reads as "
                    f"{misread}; write {fixed} {d.unit}",
                    fixed,
                )


@rule("DOSE002", "missing-leading-zero", "error", "A dose below 1 without its leading zero (.5 mg).", fix="always")
def missing_leading_zero(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags a dose below one written without a leading zero: `.5 mg`.

    ## Why is this bad?
    A missed point turns .5 mg into 5 mg: a tenfold overdose (ISMP, Joint Commission).

    ## Example
    ```markdown
    Give .5 mg at night.
    ```

    ## Use instead
    ```markdown
    Give 0.5 mg at night.
    ```
    """
    for sentence, doses in dose_sentences(graph):
        for d in doses:
            if d.number.startswith("."):
                yield _span_finding(
                    "DOSE002",
                    graph,
                    sentence.block,
                    d.number_start,
                    d.number_start + len(d.number),
                    f"'{d.number} {d.unit}' needs a leading zero: write 0{d.number} {d.unit}",
                    "0" + d.number,
                )


def _abbreviation_findings(code: str, kind: str, graph: ArticleGraph, what: str) -> Iterator[Finding]:
    """Findings for a table of abbreviations that count only in dose context."""
    for sentence, doses in dose_sentences(graph):
        if not doses:
            continue
        text = sentence.block.text
        for phrase in phrases()[kind]:
            for m in phrase.regex.finditer(text, sentence.start, sentence.end):
                if phrase.adjacent and not _next_to_dose(text, m, doses):
                    continue
                if kind == "drug" and _inside_dose(m, doses):
                    continue
                yield _span_finding(
                    code,
                    graph,
                    sentence.block,
                    m.start(),
                    m.end(),
                    f"'{m.group(0)}' is an error-prone {what} ({phrase.source}); write '{phrase.replacement}'",
                    phrase.replacement if code != "DOSE006" else None,
                )


def _next_to_dose(text: str, m: re.Match[str], doses: list[DoseSpan]) -> bool:
    return any(0 <= m.start() - d.end <= 3 or 0 <= d.start - m.end() <= 3 for d in doses)


def _inside_dose(m: re.Match[str], doses: list[DoseSpan]) -> bool:
    return any(d.start <= m.start() < d.end for d in doses)


@rule("DOSE003", "unit-abbreviation", "error", "'U' or 'IU' written after a dose.", fix="always")
def unit_abbreviation(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags `U` and `IU` written as the unit of a dose (`10 U`, `400 IU`).

    ## Why is this bad?
    "U" is misread as 0 or 4 (10U becomes 100) and "IU" as IV or 10 (Joint Commission "Do Not
    Use" list, ISMP).

    ## Known problems
    Only a U or IU directly after a number counts: "a U-shaped curve" or "IU Health" never fire.

    ## Example
    ```markdown
    Vitamin D 400 IU daily.
    ```

    ## Use instead
    ```markdown
    Vitamin D 400 international units daily.
    ```
    """
    yield from _unit_table_findings(
        "DOSE003",
        "unit",
        graph,
        "'{unit}' after a dose is on the Joint Commission 'Do Not Use' list (misread as a number); write '{fix}'",
    )


def _unit_table_findings(code: str, kind: str, graph: ArticleGraph, message: str) -> Iterator[Finding]:
    """Findings for a dose unit listed in a phrase table (DOSE003 'unit', DOSE005 'measure')."""
    for sentence, doses in dose_sentences(graph):
        for d in doses:
            phrase = next((p for p in phrases()[kind] if p.regex.fullmatch(d.unit)), None)
            if phrase is not None:
                yield _span_finding(
                    code,
                    graph,
                    sentence.block,
                    d.unit_start,
                    d.unit_start + len(d.unit),
                    message.format(unit=d.unit, fix=phrase.replacement, source=phrase.source),
                    phrase.replacement,
                )


@rule(
    "DOSE004",
    "frequency-abbreviation",
    "error",
    "QD, QOD, HS, qhs, TIW, SC/SQ and similar in a dose.",
    fix="always",
    fix_safe=False,
)
def frequency_abbreviation(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags error-prone frequency and route abbreviations in a sentence that gives a dose: `QD`,
    `q.d.`, `QOD`, `HS`, `qhs`, `TIW`, `SC`, `SQ`, `D/C`, and `OD` directly after a dose.

    ## Why is this bad?
    QD is read as QID (four times a day), QOD as QD, SC as SL (ISMP, Joint Commission).

    ## Known problems
    Only sentences with a dose are checked: "SC" for South Carolina or "OD" for overdose in
    ordinary prose never fire. OD counts only right next to a dose.

    ## Example
    ```markdown
    Take 5 mg QD.
    ```

    ## Use instead
    ```markdown
    Take 5 mg daily.
    ```

    ## Fix safety
    Unsafe: some abbreviations have two readings (OD: daily or right eye); check the result.
    """
    yield from _abbreviation_findings("DOSE004", "frequency", graph, "frequency or route abbreviation")


@rule("DOSE005", "measure-abbreviation", "error", "'cc', 'µg' or 'ug' in a dose.", fix="always")
def measure_abbreviation(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags `cc` and `µg`/`ug` used as the unit of a dose.

    ## Why is this bad?
    "cc" is misread as "U" or "00"; "µg" as "mg", a thousandfold error (ISMP, Joint Commission).

    ## Known problems
    Only units directly after a number count: "cc the nurse" in an email footer never fires.

    ## Example
    ```markdown
    Give 5 cc; take 50 µg.
    ```

    ## Use instead
    ```markdown
    Give 5 mL; take 50 mcg.
    ```
    """
    yield from _unit_table_findings(
        "DOSE005", "measure", graph, "'{unit}' is an error-prone unit ({source}); write '{fix}'"
    )


@rule("DOSE006", "drug-name-abbreviation", "error", "Abbreviated drug names (MSO4, MgSO4, MS, MTX, HCTZ …).")
def drug_name_abbreviation(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags abbreviated drug names in a sentence that gives a dose: `MSO4`, `MgSO4`, `MTX`,
    `HCTZ`, `AZT`, `CPZ`, `PTU`, `ZnSO4`, `APAP`, and `MS` right next to a dose.

    ## Why is this bad?
    MSO4 and MgSO4 are confused with each other, MTX with mitoxantrone, HCTZ with
    hydrocortisone (ISMP). Readers also simply do not know them.

    ## Known problems
    "MS" counts only directly beside a dose, so "MS" as multiple sclerosis never fires.

    ## Example
    ```markdown
    MTX 15 mg once weekly.
    ```

    ## Use instead
    ```markdown
    Methotrexate 15 mg once weekly.
    ```
    """
    yield from _abbreviation_findings("DOSE006", "drug", graph, "drug-name abbreviation")


_ROMAN = re.compile(
    r"\b(?:i{1,3}|iv|vi{0,3}|ix|x)\s+(?:tablets?|tabs?|capsules?|caps?|drops?|puffs?|teaspoons?)\b", re.I
)
_FRACTION = re.compile(r"[½¼¾⅓⅔]\s*(?:a\s+)?(?:tablets?|tabs?|capsules?|teaspoons?|tsp)\b", re.I)
_RATIO = re.compile(r"\b1\s?:\s?\d{1,3}(?:,?\d{3})+\b")
_RATIO_CONTEXT = re.compile(r"(?i)\b(?:epinephrine|adrenaline|lidocaine|injection|solution|dilut\w*|strength)\b")


@rule(
    "DOSE007",
    "dose-format",
    "warning",
    "ISMP dose designations: 10mg, mg., 10000 units, 1:1000, ii tablets, ½.",
    fix="sometimes",
)
def dose_format(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags dose designations ISMP lists as error-prone: no space between number and unit
    (`10mg`), a unit with a period inside a sentence (`mg.` read as "1"), 1,000 and above without
    a thousands separator (`10000 units`), ratio strengths (`1:1000`), Roman numerals
    (`ii tablets`) and unicode fractions (`½ tablet`).

    ## Why is this bad?
    Each is a documented source of tenfold and thousandfold dosing errors.

    ## Known problems
    Ratios count only beside a drug or solution word (a map scale of 1:1000 does not). A period
    that ends the sentence (`… 5 mg.`) is punctuation, not a unit period.

    ## Example
    ```markdown
    Give 10mg. every 6 hours, or 10000 units.
    ```

    ## Use instead
    ```markdown
    Give 10 mg every 6 hours, or 10,000 units.
    ```

    ## Fix safety
    Spacing, unit periods and thousands separators are fixed; ratios, Roman numerals and
    fractions need an editor.
    """
    for sentence, doses in dose_sentences(graph):
        block, text = sentence.block, sentence.block.text
        for d in doses:
            yield from _format_problems(graph, block, text, sentence, d)
        for pattern, message in (
            (_ROMAN, "Roman numerals in a dose are misread; use Arabic numerals"),
            (_FRACTION, "a fraction symbol in a dose is easily misread; write 'half a tablet'"),
        ):
            for m in pattern.finditer(text, sentence.start, sentence.end):
                if pattern is _ROMAN and m.group(0)[:2].lower() == "i " and not doses:
                    continue
                yield _span_finding("DOSE007", graph, block, m.start(), m.end(), f"'{m.group(0)}': {message}")
        if _RATIO_CONTEXT.search(text, sentence.start, sentence.end):
            for m in _RATIO.finditer(text, sentence.start, sentence.end):
                yield _span_finding(
                    "DOSE007",
                    graph,
                    block,
                    m.start(),
                    m.end(),
                    f"ratio strength '{m.group(0)}' is error-prone; state the dose in mg per mL",
                )


def _format_problems(graph: ArticleGraph, block: Block, text: str, sentence: Sentence, d: DoseSpan):
    number_end = d.number_start + len(d.number)
    unit_end = d.unit_start + len(d.unit)
    if d.unit_start == number_end and d.unit[0].isalpha():
        yield _span_finding(
            "DOSE007",
            graph,
            block,
            d.number_start,
            unit_end,
            f"'{d.number}{d.unit}' needs a space between number and unit: '{d.number} {d.unit}'",
            f"{d.number} {d.unit}",
        )
    digits = d.number.split(".")[0]
    if "," not in digits and len(digits) >= 4 and int(digits) >= 1000:
        grouped = f"{int(digits):,}" + (d.number[len(digits) :])
        yield _span_finding(
            "DOSE007",
            graph,
            block,
            d.number_start,
            number_end,
            f"'{d.number} {d.unit}' is hard to read; write {grouped} (thousands separator)",
            grouped,
        )
    after = text[unit_end : unit_end + 3]
    if d.unit.lower() in ("mg", "ml", "mcg", "g") and re.match(r"\.\s+[a-z0-9]", after) and unit_end < sentence.end:
        yield _span_finding(
            "DOSE007",
            graph,
            block,
            unit_end,
            unit_end + 1,
            f"'{d.unit}.' with a period can be misread as '1'; drop the period",
            "",
        )


_INSTRUCTION = re.compile(
    r"(?i)(?:^|[;:]\s*|\b(?:should|must|can|may|need to|will need to|ought to)\s+(?:also\s+)?)"
    r"(?:take|give|use|apply|inject|swallow|drink|have|double|increase|start (?:with|on)|try)\b"
    r"|\b(?:take|give|use)\s+(?:\w+\s+){0,3}?\d"
)


def _is_instruction(sentence: Sentence, doses: list[DoseSpan]) -> bool:
    text = sentence.block.text[sentence.start : sentence.end]
    m = _INSTRUCTION.search(text)
    return bool(m) and m.start() <= doses[0].start - sentence.start


def _section_hedged(graph: ArticleGraph, block: Block) -> bool:
    cache = graph.__dict__.setdefault("_analysis", {}).setdefault("hedged_sections", {})
    section = graph.section_of(block)
    if section.index not in cache:
        cache[section.index] = any(
            any_match("hedge", b.text) or any_match("caution", b.text) for b in _with_ancestors(graph, section)
        )
    return cache[section.index]


def _with_ancestors(graph: ArticleGraph, section) -> Iterator[Block]:
    while section is not None:
        yield from section.blocks
        if section.heading is not None:
            yield section.heading
        section = graph.sections[section.parent] if section.parent is not None else None


@rule("DOSE010", "unsupervised-dose", "error", "A numeric dose given as an instruction, with no hedge.")
def unsupervised_dose(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags a sentence that tells the reader to take or give a specific numeric dose ("take 400 mg
    every 4 hours") when neither the sentence nor its section (or a parent section) refers the
    reader to a clinician, the label or leaflet, or presents the figure as a usual or typical
    dose.

    ## Why is this bad?
    A dose depends on age, weight, kidney function and other medicines. Read as an instruction,
    an article dose can overdose a child or interact with a treatment the writer never saw.

    ## Known problems
    Hedges are recognised by phrase (as prescribed, your doctor or pharmacist, the label or
    leaflet, usual adult dose, under medical supervision); a hedge worded otherwise is missed.

    ## Example
    ```markdown
    For pain, take 400 mg every 4 hours.
    ```

    ## Use instead
    ```markdown
    The usual adult dose is 400 mg every 4 to 6 hours; follow the label or your pharmacist's advice.
    ```
    """
    me = RULES["DOSE010"]
    for sentence, doses in dose_sentences(graph):
        if not doses or not _is_instruction(sentence, doses):
            continue
        if any_match("hedge", sentence.text) or _section_hedged(graph, sentence.block):
            continue
        start, end = sentence.span
        d = doses[0]
        dose_text = sentence.block.text[d.start : d.end]
        yield me.finding(
            graph,
            start,
            end,
            f"'{dose_text}' is given as an instruction with no pointer to a doctor, pharmacist or "
            "the label; present it as a usual dose and add that caution",
        )


def _phrase_findings(code: str, kind: str, graph: ArticleGraph) -> Iterator[Finding]:
    me = RULES[code]
    quick = prefilter(kind)
    for block in graph.body_blocks:
        text = block.text
        if quick is not None and not quick.search(text):
            continue
        for phrase in phrases()[kind]:
            for m in phrase.regex.finditer(text):
                sentence = next((s for s in graph.sentences_of(block) if s.start <= m.start() < s.end), None)
                begin = sentence.start if sentence else 0
                if negated(text[begin : m.start()], m.start() - begin):
                    continue
                a, b = block.original(m.start(), m.end())
                yield me.finding(graph, a, b, f"'{m.group(0)}': {phrase.message}")


@rule("DOSE011", "self-medication", "error", "Advice to start, stop, double or change medicine without a clinician.")
def self_medication(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags advice to start, stop, double, share or change a medicine without a clinician: "you
    can double the dose", "stop when you feel better", "no prescription needed". The phrase list
    is data (linter/data/phrases.toml). A negation just before the phrase ("do not double the
    dose") cancels it.

    ## Why is this bad?
    Stopping antibiotics early breeds resistance; doubling doses causes overdoses; buying
    prescription medicine without a prescription skips the checks that keep patients safe.

    ## Example
    ```markdown
    If you miss a dose, you can double the dose next time.
    ```

    ## Use instead
    ```markdown
    If you miss a dose, do not double the next one; ask your pharmacist what to do.
    ```
    """
    yield from _phrase_findings("DOSE011", "self_medication", graph)


@rule(
    "DOSE012", "absolute-claim", "error", "'completely safe', 'no side effects', 'guaranteed cure', '100% effective'."
)
def absolute_claim(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags absolute safety and efficacy claims: "completely safe", "no side effects",
    "guaranteed cure", "100% effective", "cures diabetes", "miracle cure". A negation just before
    ("is not completely safe", "there is no guaranteed cure") cancels it.

    ## Why is this bad?
    No treatment is risk-free or certain. Absolute claims are the hallmark of health
    misinformation and mislead readers into skipping real care.

    ## Example
    ```markdown
    This supplement is completely safe and has no side effects.
    ```

    ## Use instead
    ```markdown
    Most people tolerate this supplement well; the most common side effect is nausea.
    ```
    """
    yield from _phrase_findings("DOSE012", "absolute", graph)
