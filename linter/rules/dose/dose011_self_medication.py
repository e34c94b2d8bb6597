"""DOSE011 self-medication: advice to the reader to stop, start, double or change a medicine alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from linter.facts.doses import dose_sentences
from linter.findings import Finding
from linter.graph import ArticleGraph, Sentence
from linter.phrases import any_match, lacks_words, may_match, negated, phrases
from linter.rules.base import Rule, rule
from linter.rules.dose.common import _phrase_findings

# Where an advice verb is addressed to the reader: the start of a sentence or clause, or after
# "you can", "feel free to", "it is fine to" … (the grammar's only fixed words; the verbs, medicines,
# clinicians and label wording are data in linter/data/phrases.toml).
_ADDRESSED = re.compile(
    r"(?i)(?:^|[,;:]\s+|\bthen\s+|\bjust\s+|\bsimply\s+|\bso\s+|\band\s+)$"
    r"|\b(?:you|we)\s+(?:can|could|should|may|might|ought to|need to|will need to)\s+(?:also\s+|just\s+|simply\s+)?$"
    r"|\b(?:feel free to|it(?:'s| is) (?:fine|ok|okay|safe|best) to|try to|go ahead and|you'?re free to)\s+$"
)
OBJECT_WINDOW = 6  # the medicine must be named within this many words after the verb


@rule(
    "DOSE011",
    "self-medication",
    "error",
    "Advice to start, stop, double or change medicine without a clinician.",
    patient_only=True,
)
def self_medication(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags advice to the reader to stop, start, double, skip, halve, switch, share or change a
    medicine with no clinician in the same sentence: "stop taking your antidepressant straight
    away", "you can double the dose", "no prescription needed".

    It reads the sentence's grammar, not fixed phrases: an advice verb addressed to the reader (at
    the start of a sentence or clause, or after "you can", "feel free to", "it is fine to") whose
    object, within six words, is a medicine (a named drug, a drug class, or a medicine noun:
    antidepressant, antibiotics, steroids, tablets, inhaler …). The verbs, the medicine words, the
    clinicians and the label wording are data (linter/data/phrases.toml), each with an example and
    a trap.

    Stays clean: negated advice ("do not stop without talking to your doctor"), advice that names
    a clinician ("only stop if your doctor says so"), and standard label wording ("skip the missed
    dose", "finish the course").

    ## Why is this bad?
    Stopping antidepressants or steroids abruptly causes withdrawal and relapse; stopping
    antibiotics early breeds resistance; doubling doses causes overdoses; buying prescription
    medicine without a prescription skips the checks that keep patients safe.

    ## Known problems
    A clinician named for another purpose in the same sentence ("stop the tablets and book a GP
    appointment next month") clears it.

    ## Audience
    A patient-safety rule: it does not run on pages for professionals (`audience = "professional"`,
    `per-file-audience`, front matter `audience:` or JSON-LD `medicalAudience` of Clinician or
    MedicalResearcher), where advice on starting and stopping medicines is addressed to prescribers.

    ## Example
    ```markdown
    If the side effects bother you, stop taking your antidepressant straight away.
    ```

    ## Use instead
    ```markdown
    If the side effects bother you, talk to your doctor before you stop taking your antidepressant.
    ```
    """
    reported: set[tuple[int, int]] = set()
    for finding in _phrase_findings(me, "self_medication", graph):
        reported.add((finding.start, finding.end))
        yield finding
    for sentence, _ in dose_sentences(graph):
        found = _advice(sentence)
        if found is None:
            continue
        start, end, verb = found
        a, b = sentence.block.original(start, end)
        if any(x < b and a < y for x, y in reported):
            continue
        yield me.finding(
            graph,
            a,
            b,
            f"'{sentence.block.text[start:end]}': advice to {verb} a medicine with no doctor or pharmacist "
            "involved; say to agree the change with a clinician",
        )


def _advice(sentence: Sentence) -> tuple[int, int, str] | None:
    """(start, end, verb) of the first unsupervised advice in the sentence, in block-text offsets."""
    text = sentence.text
    if lacks_words("advice_verb", sentence.block.text) or not may_match("advice_verb", text):
        return None  # most blocks hold no advice verb: one set test for all their sentences
    verbs = list(phrases()["advice_verb"][0].regex.finditer(text))
    if not verbs or any_match("clinician", text) or any_match("label_wording", text):
        return None
    for verb in verbs:
        if not _ADDRESSED.search(text[: verb.start()]) or negated(text, verb.start()):
            continue
        rest = text[verb.end() :]
        window = " ".join(rest.split()[:OBJECT_WINDOW])
        obj = any_match("medicine", window)
        if obj is None:
            continue
        end = verb.end() + rest.find(obj.group(0)) + len(obj.group(0))
        base = sentence.start
        return base + verb.start(), base + end, verb.group(0).lower()
    return None
