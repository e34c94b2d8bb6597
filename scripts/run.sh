#!/usr/bin/env bash
# Install medlint into .venv, lint the demonstration articles and write the editors' HTML report.
set -uo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
.venv/bin/medlint check article/
status=$?
.venv/bin/medlint report article/ -o medlint-report.html
exit "$status"
