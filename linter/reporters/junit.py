"""JUnit XML: one test suite per file, one failing test case per finding (CI dashboards read it)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

if TYPE_CHECKING:
    from linter.results import FileResult


def render_junit(results: list[FileResult], **_: object) -> str:
    total = sum(len(r.findings) for r in results)
    errors = sum(1 for r in results if r.error)
    root = ET.Element(
        "testsuites", name="medlint", tests=str(max(total, len(results))), failures=str(total), errors=str(errors)
    )
    for result in results:
        suite = ET.SubElement(
            root,
            "testsuite",
            name=result.path,
            tests=str(max(1, len(result.findings))),
            failures=str(len(result.findings)),
            errors="1" if result.error else "0",
        )
        if result.error:
            case = ET.SubElement(suite, "testcase", name="read", classname=result.path)
            ET.SubElement(case, "error", message=result.error)
            continue
        if not result.findings:
            ET.SubElement(suite, "testcase", name="medlint", classname=result.path)
        for f in result.findings:
            case = ET.SubElement(suite, "testcase", name=f"{f.rule} {f.line}:{f.column}", classname=result.path)
            failure = ET.SubElement(case, "failure", message=f.message, type=f.rule)
            failure.text = f"{f.path}:{f.line}:{f.column}: {f.rule} {f.message}"
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
