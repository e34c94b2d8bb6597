"""Output formats: one table the CLI reads. Reporters format results; they never compute findings.

Each entry maps a format name to ``module:function``; the function takes the run's results and
keyword options (``color``, ``statistics``) and returns the text to write. A new format is one
module and one row here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from linter.results import FileResult

REPORTERS: dict[str, str] = {
    "text": "linter.reporters.text:render_text",
    "grouped": "linter.reporters.text:render_grouped",
    "json": "linter.reporters.json:render_json",
    "sarif": "linter.reporters.sarif:render_sarif",
    "github": "linter.reporters.github:render_github",
    "junit": "linter.reporters.junit:render_junit",
}
HUMAN_FORMATS = ("text", "grouped")  # formats that take colour and a closing summary


def render(fmt: str, results: list[FileResult], color: bool = False, statistics: bool = False) -> str:
    module, _, function = REPORTERS[fmt].partition(":")
    renderer = getattr(importlib.import_module(module), function)
    return renderer(results, color=color, statistics=statistics)
