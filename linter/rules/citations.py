"""CIT: citation integrity. Every citation number must point at the right, well-formed reference."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from linter.findings import Edit, Finding
from linter.graph import ArticleGraph
from linter.parse.citations import format_numbers
from linter.refs import title_key
from linter.registry import RULES, rule


def _list_extent(graph: ArticleGraph) -> str:
    numbers = sorted(graph.reference_numbers)
    if not numbers:
        return "the reference list has no numbered entries"
    if numbers == list(range(1, numbers[-1] + 1)):
        return f"the reference list ends at {numbers[-1]}"
    return f"the reference list has {format_numbers(numbers)}"


@rule("CIT001", "undefined-citation", "error", "A citation number with no entry in the reference list.")
def undefined_citation(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags a citation marker whose number (or footnote label) has no entry in the article's
    reference list.

    ## Why is this bad?
    A reader who follows the number finds nothing, or worse, the wrong source. A dangling number
    usually means a reference was deleted or the list was cut short when the article was pasted.

    ## Known problems
    Reference lists the parser does not recognise (an unusual heading) make every marker dangle;
    add the heading to `reference-headings`.

    ## Example
    ```markdown
    Calcium entry is absent in T cells [14].

    ## References
    1. ... (12 entries)
    ```

    ## Use instead
    Cite a number that exists, or add the missing entry to the list.
    """
    if not graph.has_reference_list:
        return
    me = RULES["CIT001"]
    extent = _list_extent(graph)
    for marker in citing_markers(graph):
        if marker.problem:
            continue
        for key in graph.marker_keys(marker):
            if graph.references_for(key):
                continue
            if key.startswith("f:"):
                message = f"footnote [^{marker.label}] is cited here but has no definition"
            else:
                number = int(key[2:])
                message = f"[{number}] is cited here but {extent}"
            yield me.finding(graph, marker.start, marker.end, message)


@rule("CIT002", "missing-reference-list", "error", "Citation markers but no reference list.")
def missing_reference_list(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags an article that cites sources by number but has no reference list: no section headed
    References, Sources, Bibliography, Citations or Notes holding numbered entries, and no
    footnote definitions. One finding, at the first marker, with the count and range cited.

    ## Why is this bad?
    Every number in the article points nowhere, so none of its claims can be checked. This is
    typical of pages scraped or pasted without their reference section.

    ## Example
    ```markdown
    STIM1 senses calcium in the endoplasmic reticulum [3].
    (no References section)
    ```

    ## Use instead
    Add the reference list, or remove the markers.

    ## Options
    `reference-headings` (top-level config): the headings that introduce a reference list.
    """
    markers = [m for m in graph.markers if m.numbers or m.label]
    if graph.has_reference_list or not markers:
        return
    numbers = [n for m in markers for n in m.numbers]
    cited = f"citing {format_numbers(numbers)}" if numbers else "citing footnotes"
    yield RULES["CIT002"].finding(
        graph,
        markers[0].start,
        markers[0].end,
        f"{len(markers)} citation markers {cited}, but the article has no reference list "
        "(no References section or footnote definitions)",
    )


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@rule("CIT003", "uncited-reference", "warning", "A reference entry that no marker cites.")
def uncited_reference(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags a reference entry that no citation marker in the text points at. A range such as
    `[3-5]` cites 3, 4 and 5.

    ## Why is this bad?
    An uncited entry lends the article authority it has not earned, and often means the marker
    that cited it was lost in an edit, so a claim now stands without its source.

    ## Known problems
    "Further reading" lists are meant to be uncited: give them their own heading, which is not a
    reference heading.

    ## Example
    ```markdown
    Claim [1].
    ## References
    1. Cited study.
    2. Never cited.
    ```

    ## Use instead
    Cite the entry where it supports a claim, or remove it.
    """
    if not graph.markers:
        return
    cited = {key for m in citing_markers(graph) for key in graph.marker_keys(m)}
    me = RULES["CIT003"]
    for ref in graph.references:
        if graph.reference_key(ref) not in cited:
            name = f"footnote [^{ref.label}]" if ref.number is None else f"reference {ref.label}"
            yield me.finding(graph, ref.block.start, ref.block.end, f"{name} is never cited in the text")


def _first_citation_order(graph: ArticleGraph) -> list[int]:
    order: list[int] = []
    seen: set[int] = set()
    for marker in citing_markers(graph):
        if marker.style == "footnote" or marker.problem:
            continue
        for n in marker.numbers:
            if n not in seen:
                seen.add(n)
                order.append(n)
    return order


@rule("CIT004", "citation-order", "warning", "References not numbered in order of first citation.", fix="sometimes")
def citation_order(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Checks that references are numbered in the order in which they are first cited (the
    Vancouver / ICMJE convention): the first new number cited is 1, the next new one 2, and so on.
    Citing an earlier reference again later is fine. One finding, at the first marker that breaks
    the order.

    ## Why is this bad?
    Readers expect [7] to come after [6]. Out-of-order numbering usually means sections were
    moved or references inserted by hand, which is exactly when numbers start pointing at the
    wrong source.

    ## Example
    ```markdown
    First claim [2]. Second claim [1].
    ```

    ## Use instead
    ```markdown
    First claim [1]. Second claim [2].
    ```

    ## Fix safety
    `--fix` renumbers every marker (ranges and clusters rewritten) and reorders the reference list
    so each claim keeps its source. It is offered only when every cited number has exactly one
    numbered entry and the entries form one list.
    """
    if not graph.references or any(r.number is None for r in graph.references):
        return
    defined = graph.reference_numbers
    order = [n for n in _first_citation_order(graph) if n in defined]
    expected = 0
    for marker in citing_markers(graph):
        if marker.style == "footnote" or marker.problem:
            continue
        for n in marker.numbers:
            if n <= expected or n not in defined:  # undefined numbers are CIT001's business
                continue
            if n != expected + 1:
                from linter.rules.renumber import renumber_edits

                edits = renumber_edits(graph, order)
                yield RULES["CIT004"].finding(
                    graph,
                    marker.start,
                    marker.end,
                    f"[{n}] is cited before reference {expected + 1}: references are not numbered in order "
                    "of first citation",
                    edits=edits,
                )
                return
            expected = n


@rule("CIT005", "malformed-marker", "error", "A citation marker that cannot be read as reference numbers.")
def malformed_marker(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags citation markers that cannot be read: `[0]`, backwards ranges `[3-1]`, doubled
    separators `[1,,2]`, empty brackets `[ ]`, letter suffixes `[1a]`, brackets left open
    (`[12` with no `]` on the line), and an article that mixes marker styles (`[1]` and
    `<sup>2</sup>`).

    ## Why is this bad?
    A reader cannot tell which source is meant, and tools that renumber or link citations skip
    or mangle them.

    ## Known problems
    A task-list box `- [ ]` is not a citation and is never flagged.

    ## Example
    ```markdown
    Calcium entry is absent [3-1].
    ```

    ## Use instead
    ```markdown
    Calcium entry is absent [1-3].
    ```
    """
    me = RULES["CIT005"]
    for marker in graph.markers:
        if marker.problem:
            yield me.finding(graph, marker.start, marker.end, f"malformed citation {marker.raw}: {marker.problem}")
    yield from _unbalanced(graph)
    yield from _mixed_styles(graph)


_OPEN_BRACKET = re.compile(r"\[\s*\d{1,4}(?:\s*[,;\u2013-]\s*\d{1,4})*(?=\s|$|[.;:])")


def _unbalanced(graph: ArticleGraph) -> Iterator[Finding]:
    me = RULES["CIT005"]
    for block in graph.body_blocks:
        for line_start, line in _lines(block.text):
            for m in _OPEN_BRACKET.finditer(line):
                if "]" not in line[m.end() :]:
                    start, end = block.original(line_start + m.start(), line_start + m.end())
                    yield me.finding(graph, start, end, f"citation bracket '{m.group(0)}' is never closed")


def _lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


_STYLE_NAMES = {"bracket": "[n]", "sup": "<sup>n</sup>", "link": "[n](#ref)", "footnote": "[^n]"}


def _mixed_styles(graph: ArticleGraph) -> Iterator[Finding]:
    styles = Counter(m.style for m in graph.markers if not m.problem)
    if len(styles) < 2:
        return
    main_style = styles.most_common(1)[0][0]
    odd = next(m for m in graph.markers if m.style != main_style and not m.problem)
    counts = ", ".join(f"{n} {_STYLE_NAMES[s]}" for s, n in styles.most_common())
    yield RULES["CIT005"].finding(
        graph,
        odd.start,
        odd.end,
        f"citation styles are mixed ({counts}); {odd.raw} differs from the article's {_STYLE_NAMES[main_style]} style",
    )


def _root_section(graph: ArticleGraph, block) -> int:
    section = graph.section_of(block)
    while section.parent is not None and graph.sections[section.parent].level > 1:
        section = graph.sections[section.parent]
    return section.index


def _removal(graph: ArticleGraph, marker) -> Edit:
    """Delete a marker and the white space that separated it from its cluster."""
    text = graph.source.text
    start = marker.start
    while start > 0 and text[start - 1] in " \t\u00a0":
        start -= 1
    return Edit(start, marker.end, "")


@rule("CIT006", "list-number-leak", "error", "A list ordinal pasted into a citation cluster.", fix="always")
def list_number_leak(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags a citation marker that is really a list number: a list item whose citation cluster is
    followed, after a space, by one more lone marker equal to the item's own position
    (`7.` item ending `… [2][3] [7]`), counted in its list or across the lists of its section,
    or continuing the previous item's leaked number. Also flags a number repeated inside one
    cluster (`[2] [2]`).

    ## Why is this bad?
    Scrapers and copy-paste from numbered lists glue the item number onto the citations. The
    extra marker sends readers to an unrelated source.

    ## Known problems
    How it tells a leak from a real citation: a list whose items each cite one source (`[1]`,
    `[2]`, `[3]` for sources 1-3) is fine, because the number is the item's only citation. A leak
    is a lone trailing marker after the item already carries its citations, matching the item's
    position. An item whose real last citation happens to equal its position, written with a
    space before it, is flagged; remove the space (`[2][3][7]`) if it is intended.

    ## Example
    ```markdown
    7. Modifier genes change severity. [3][6] [7]
    ```

    ## Use instead
    ```markdown
    7. Modifier genes change severity. [3][6]
    ```
    """
    me = RULES["CIT006"]
    for marker, message in leaked_markers(graph):
        yield me.finding(graph, marker.start, marker.end, message, edits=[_removal(graph, marker)])


def leaked_markers(graph: ArticleGraph) -> list[tuple[Any, str]]:
    """Markers that are pasted list numbers or repeats within a cluster, with the reason.

    Shared by CIT006 (which reports them) and the rules that must not count them as citations.
    """
    cache = graph.__dict__.setdefault("_analysis", {})
    if "leaks" in cache:
        return cache["leaks"]
    found: list[tuple[Any, str]] = []
    running: Counter = Counter()
    previous_leak: int | None = None
    flagged: set[int] = set()
    for block in graph.body_blocks:
        if block.kind == "list_item":
            root = _root_section(graph, block)
            running[root] += 1
            leak = _trailing_ordinal(block, running[root], previous_leak)
            previous_leak = leak.numbers[0] if leak else None
            if leak is not None:
                flagged.add(leak.start)
                repeated = " (it also repeats a number of the same cluster)" if _repeats(block, leak) else ""
                found.append(
                    (
                        leak,
                        f"the {_ordinal(leak.numbers[0])} list item ends with {leak.raw}: "
                        f"a pasted list number, not a citation{repeated}",
                    )
                )
        for marker in _repeated_in_cluster(block):
            if marker.start not in flagged:
                found.append(
                    (
                        marker,
                        f"{marker.raw} repeats a number already cited in this cluster: a pasted list number or a slip",
                    )
                )
    cache["leaks"] = found
    return found


def citing_markers(graph: ArticleGraph) -> list:
    """Body markers that really cite something: leaked list numbers excluded."""
    leaked = {id(m) for m, _ in leaked_markers(graph)}
    return [m for m in graph.markers if id(m) not in leaked]


def _last_cluster(block) -> list:
    if not block.markers:
        return []
    tail = block.text.rstrip()
    last = block.markers[-1]
    if last.plain_index < len(tail):
        return []
    return [m for m in block.markers if m.cluster == last.cluster]


def _trailing_ordinal(block, running: int, previous_leak: int | None):
    cluster = _last_cluster(block)
    if len(cluster) < 2:
        return None
    last = cluster[-1]
    if not last.spaced or len(last.numbers) != 1 or last.problem:
        return None
    n = last.numbers[0]
    if n in (block.ordinal, running) or (previous_leak is not None and n == previous_leak + 1):
        return last
    return None


def _repeats(block, marker) -> bool:
    return any(
        m is not marker and m.cluster == marker.cluster and set(m.numbers) & set(marker.numbers) for m in block.markers
    )


def _repeated_in_cluster(block) -> Iterator:
    seen: dict[int, set[int]] = {}
    for marker in block.markers:
        numbers = seen.setdefault(marker.cluster, set())
        if marker.numbers and len(marker.numbers) == 1 and marker.numbers[0] in numbers:
            yield marker
        numbers.update(marker.numbers)


@rule("CIT007", "duplicate-reference", "warning", "The same work listed twice in the references.")
def duplicate_reference(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags a reference entry with the same DOI, PMID, PMCID, ISBN, URL or normalised title as an
    earlier entry. The finding is on the later copy; the first is in `related`.

    ## Why is this bad?
    Two numbers for one source inflate the apparent evidence and split citations of the same work.

    ## Known problems
    Titles shorter than four words are not compared (editorials such as "Correction").

    ## Example
    ```markdown
    1. Feske S. A mutation in ORAI1. Nature. 2006. doi:10.1038/nature04702
    4. Feske S. A mutation in ORAI1. Nature 2006;441:179. doi:10.1038/nature04702
    ```

    ## Use instead
    Keep one entry and point every citation at it.
    """
    me = RULES["CIT007"]
    first_by_key: dict[tuple[str, str], Any] = {}
    for ref in graph.references:
        keys = [(i.kind, i.value) for i in ref.ids if not i.problem]
        title = title_key(ref.text)
        if len(title.split()) >= 4:
            keys.append(("title", title))
        for key in keys:
            first = first_by_key.get(key)
            if first is not None and first is not ref:
                what = "title" if key[0] == "title" else key[0].upper()
                yield me.finding(
                    graph,
                    ref.block.start,
                    ref.block.end,
                    f"reference {ref.label} duplicates reference {first.label} (same {what})",
                    related=[(first.block.start, first.block.end, f"reference {first.label}")],
                )
                break
        for key in keys:
            first_by_key.setdefault(key, ref)


def _entry_sequence(graph: ArticleGraph) -> list:
    return [r for r in graph.references if r.number is not None and not r.written.startswith("[^")]


@rule("CIT008", "reference-numbering", "error", "The reference list skips, repeats or reorders its numbers.")
def reference_numbering(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Checks the reference list's own numbering: it must run 1, 2, 3 … without gaps, repeats or
    reordering. A Markdown list numbered `1.` on every line (auto-numbering) is fine.

    ## Why is this bad?
    When the list's numbers and the text's numbers drift apart, every citation after the break
    points at the wrong source.

    ## Example
    ```markdown
    1. First.
    2. Second.
    4. Third.
    ```

    ## Use instead
    Number the entries 1, 2, 3.
    """
    me = RULES["CIT008"]
    entries = _entry_sequence(graph)
    seen: dict[int, Any] = {}
    expected = entries[0].number if entries else 1
    if entries and entries[0].number != 1:
        yield me.finding(
            graph,
            entries[0].block.start,
            entries[0].block.end,
            f"the reference list starts at {entries[0].number}, not 1",
        )
    for ref in entries:
        n = ref.number
        if n in seen:
            msg = f"reference number {n} is used twice"
            yield me.finding(
                graph,
                ref.block.start,
                ref.block.end,
                msg,
                related=[(seen[n].block.start, seen[n].block.end, f"first entry {n}")],
            )
        elif n < expected:
            yield me.finding(
                graph, ref.block.start, ref.block.end, f"reference {n} comes after {expected - 1}: out of order"
            )
        elif n > expected:
            missing = f"{expected}" if n == expected + 1 else f"{expected}-{n - 1}"
            yield me.finding(
                graph,
                ref.block.start,
                ref.block.end,
                f"the reference list jumps from {expected - 1} to {n} ({missing} missing)",
            )
        seen.setdefault(n, ref)
        expected = max(expected, n + 1)


@rule("CIT009", "malformed-identifier", "error", "A DOI, PMID, PMCID, ISBN or URL that cannot be valid.")
def malformed_identifier(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Checks identifiers in reference entries: a DOI must be `10.<4+ digit registrant>/<suffix>`
    (with or without `https://doi.org/` or `doi:`); a PMID is 1-8 digits; a PMCID is `PMC` plus
    digits; an ISBN-10 or ISBN-13 must pass its check digit; a URL needs a scheme with `://` and
    a host with a domain. The message says what is wrong with each.

    ## Why is this bad?
    A broken identifier is a dead end for readers and fact-checkers, and often a sign the
    reference was typed from memory or invented.

    ## Example
    ```markdown
    1. Smith J. A study. PMID: 12a45. ISBN 978-3-16-148410-1
    ```

    ## Use instead
    Copy identifiers from PubMed or the publisher's page.
    """
    me = RULES["CIT009"]
    for ref in graph.references:
        for ident in ref.ids:
            if ident.problem:
                start, end = ref.block.original(ref.text_start + ident.start, ref.text_start + ident.end)
                yield me.finding(graph, start, end, f"reference {ref.label}: {ident.problem}")


_STATISTIC = re.compile(
    r"""(?ix)
    \b\d+(?:[.,]\d+)?\s?(?:%|per\s?cent\b|percent\b)
  | \b(?:one|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?[\d,]+\b
  | \b(?:\d+(?:\.\d+)?|two|three|four|five|ten)[-\s](?:times|fold)\s+(?:more|less|higher|lower|greater|as)\b
  | \b(?:studies|research|trials|evidence|experts|scientists|data)\s+(?:show|shows|showed|suggest|suggests|found|prove|proves|indicate|indicates)\b
  | \b(?:doubles|triples|halves)\s+(?:the\s+)?(?:risk|chance|odds)\b
    """
)
_STRENGTH = re.compile(
    r"(?i)\b\d+(?:\.\d+)?\s?%\s+(?:cream|gel|ointment|solution|lotion|w/w|w/v|dextrose|saline|glucose|strength)\b"
)


@rule("CIT010", "unsupported-statistic", "warning", "A statistic or 'studies show' claim with no citation.")
def unsupported_statistic(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    In an article that cites sources elsewhere, flags a sentence that gives a figure (a
    percentage, "1 in N", "N times more likely", "doubles the risk") or appeals to unnamed
    evidence ("studies show") with no citation in that sentence or the next one of the same
    paragraph.

    ## Why is this bad?
    Numbers persuade. A figure without a source cannot be checked and is the first thing a
    careful reader or reviewer will question.

    ## Known problems
    Product strengths (`1% cream`, `5% dextrose`) are not statistics and are skipped. An article
    with no citations at all is not checked: it needs CIT002-style attention, not one finding per
    figure.

    ## Example
    ```markdown
    About 40% of patients relapse within a year.
    ```

    ## Use instead
    ```markdown
    About 40% of patients relapse within a year [4].
    ```
    """
    if not graph.markers:
        return
    me = RULES["CIT010"]
    for block in graph.body_blocks:
        if block.kind not in ("paragraph", "list_item", "html"):
            continue
        sentences = graph.sentences_of(block)
        for i, sentence in enumerate(sentences):
            if sentence.markers or (i + 1 < len(sentences) and sentences[i + 1].markers):
                continue
            text = _STRENGTH.sub(" ", sentence.text)
            m = _STATISTIC.search(text)
            if m is None:
                continue
            start, end = block.original(sentence.start, sentence.end)
            yield me.finding(
                graph,
                start,
                end,
                f"'{m.group(0).strip()}' is stated without a citation; cite the source of this figure",
            )


@rule(
    "CIT011",
    "placeholder-citations",
    "warning",
    "Runs of claims each citing exactly the next number.",
    options={"min-run": 6},
)
def placeholder_citations(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags runs of consecutive paragraphs or list items that each cite exactly one number, one
    more than the previous (… [26], [27], [28] …): the numbers were assigned by position, not
    by source. One finding per section the run
    passes through, at the section's first marker of the run.

    ## Why is this bad?
    Generated or hastily assembled articles attach a fresh "reference" to every item so the page
    looks sourced. Each number then stands for nothing a reader can check.

    ## Known problems
    How it tells placeholders from a careful article: Vancouver order also makes new numbers
    appear in sequence, but real paragraphs cite several sources and re-cite earlier ones, which
    breaks a run, and short lists that summarise sources 1-3 are below `min-run`. When the article has a reference list, a run is
    accepted if most of its claims share words with the titles of the entries they cite.

    ## Example
    ```markdown
    - Wash hands often. [26]
    - Avoid crowds. [27]
    - Cook food well. [28]
    … (every item, every section)
    ```

    ## Use instead
    Cite the source that supports each item; cite it again wherever it supports another claim.

    ## Options
    `min-run` (default 6): the shortest run that is reported.
    """
    min_run = int(options.get("min-run", 6))
    for run in _sequential_runs(graph):
        if graph.has_reference_list:
            run = _trim_supported(graph, run)
        if len(run) < min_run:
            continue
        if graph.has_reference_list and _titles_support(graph, run):
            continue
        yield from _run_findings(graph, run)


def _supported(graph: ArticleGraph, block, marker) -> bool:
    from linter.text import content_terms

    refs = graph.cited_references(marker)
    return bool(refs) and bool(set(content_terms(block.text)) & set(content_terms(refs[0].text)))


def _trim_supported(graph: ArticleGraph, run: list) -> list:
    """Drop claims at either end of a run whose cited entry plainly matches them: real citations."""
    start, end = 0, len(run)
    while start < end and _supported(graph, *run[start]):
        start += 1
    while end > start and _supported(graph, *run[end - 1]):
        end -= 1
    return run[start:end]


def _sequential_runs(graph: ArticleGraph) -> Iterator[list]:
    run: list = []
    for block in graph.body_blocks:
        if not block.markers:
            continue
        numbered = [m for m in block.markers if m.numbers]
        single = numbered[0] if len(numbered) == 1 and len(numbered[0].numbers) == 1 else None
        if single is not None and run and single.numbers[0] == run[-1][1].numbers[0] + 1:
            run.append((block, single))
        else:
            if run:
                yield run
            run = [(block, single)] if single is not None else []
    if run:
        yield run


def _titles_support(graph: ArticleGraph, run: list) -> bool:

    supported = sum(1 for block, marker in run if _supported(graph, block, marker))
    return supported * 2 >= len(run)


def _run_findings(graph: ArticleGraph, run: list) -> Iterator[Finding]:
    me = RULES["CIT011"]
    first_n, last_n = run[0][1].numbers[0], run[-1][1].numbers[0]
    by_section: dict[int, list] = {}
    for block, marker in run:
        by_section.setdefault(graph.section_of(block).index, []).append((block, marker))
    for part in by_section.values():
        block, marker = part[0]
        lo, hi = part[0][1].numbers[0], part[-1][1].numbers[0]
        here = (
            f"{len(part)} consecutive claim{'s' if len(part) > 1 else ''} here cite{'s' if len(part) == 1 else ''} "
            f"{lo}-{hi} in turn"
            if len(part) > 1
            else f"this claim cites {lo}"
        )
        related = [] if part[0] is run[0] else [(run[0][1].start, run[0][1].end, f"run starts at [{first_n}]")]
        if len(part) == len(run):
            yield me.finding(
                graph,
                marker.start,
                marker.end,
                f"{len(run)} consecutive claims each cite exactly the next number ([{first_n}] to "
                f"[{last_n}]): numbers assigned by position, not by source",
            )
            continue
        yield me.finding(
            graph,
            marker.start,
            marker.end,
            f"{here}, part of a run of {len(run)} claims each citing exactly the next number "
            f"([{first_n}] to [{last_n}]): numbers assigned by position, not by source",
            related=related,
        )


@rule("CIT012", "citation-mismatch", "info", "A cited reference that shares nothing with the claim.", default=False)
def citation_mismatch(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Opt-in. For each claim, compares its content words with the title of every reference it
    cites; flags a citation whose reference shares no content word with the claim.

    ## Why is this bad?
    A citation that points at an unrelated work is worse than none: it makes an unsupported claim
    look supported.

    ## Known problems
    Word overlap is a weak signal: synonyms, abbreviations and broad claims produce false alarms,
    which is why the rule is informational and off by default. No network lookups are made.

    ## Example
    ```markdown
    Vitamin D supports bone health [2].
    2. Smith J. Antibiotic resistance in hospital wards.
    ```

    ## Use instead
    Cite the work that supports the claim.
    """
    from linter.text import content_terms

    me = RULES["CIT012"]
    for sentence in graph.sentences:
        terms = set(content_terms(sentence.text))
        if len(terms) < 3:
            continue
        for marker in sentence.markers:
            for ref in graph.cited_references(marker):
                ref_terms = set(content_terms(ref.text))
                if len(ref_terms) >= 3 and not terms & ref_terms:
                    yield me.finding(
                        graph,
                        marker.start,
                        marker.end,
                        f"reference {ref.label} shares no content word with this claim; check it supports it",
                    )
