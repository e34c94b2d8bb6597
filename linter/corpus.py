"""The corpus step: after every file is linted, run the corpus rules (DUP004) over the run's files.

Each file is judged with its own configuration (enabled or not, options, severity), and its
findings pass through its own inline suppressions like any other finding. Imported only when
several files are linted.
"""

from __future__ import annotations

from pathlib import Path

from linter.engine import fingerprint
from linter.facts.corpus import CorpusFile
from linter.findings import Finding
from linter.results import FileResult, Options
from linter.rules import CATALOG, load_rule
from linter.suppress import apply_suppressions, parse_suppressions


def run_corpus_rules(results: list[FileResult], options: Options) -> None:
    linted = [r for r in results if r.source is not None and r.config is not None]
    if len(linted) < 2:
        return
    for code in sorted(c for c, row in CATALOG.items() if row.across_files):
        enabled = [code in r.config.enabled_codes(r.config.relpath(Path(r.path)), options.selection) for r in linted]
        if not any(enabled):
            continue
        rule = load_rule(code)
        check = rule.check if rule.kind == "corpus" else rule.corpus_check
        if check is None:
            continue
        files = [
            CorpusFile(r.path, r.source, r.paragraphs or [], on, r.config.options(rule), r.date)
            for r, on in zip(linted, enabled, strict=True)
        ]
        found: dict[int, list[Finding]] = {}
        for index, finding in check(files, {}, rule):
            finding.severity = linted[index].config.severity(rule)
            found.setdefault(index, []).append(finding)
        for index, findings in found.items():
            _add_findings(linted[index], findings)


def _add_findings(result: FileResult, findings: list[Finding]) -> None:
    """Add corpus findings through the file's suppressions; a suppression they use is no longer unused."""
    suppressions = result.suppressions or parse_suppressions(result.source)
    kept = apply_suppressions(findings, suppressions)
    used_at = {s.start for s in suppressions if s.used}
    post_filter = {c for c, row in CATALOG.items() if row.kind == "post-filter"}
    result.findings = [f for f in result.findings if not (f.rule in post_filter and f.start in used_at)]
    result.findings.extend(kept)
    fingerprint(result.findings, result.source)
    result.findings.sort(key=Finding.sort_key)
