"""The console script and ``python -m linter``: the command line inside the compiled-pattern store
(linter.regex_store), loaded before any module compiles a pattern and topped up afterwards."""

from __future__ import annotations

import sys


def main_entry() -> None:
    from linter import regex_store

    regex_store.load()
    try:
        from linter.cli import main

        code = main()
    finally:
        regex_store.save()
    sys.exit(code)
