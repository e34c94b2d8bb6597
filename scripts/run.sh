#!/usr/bin/env bash
# Install medlint into .venv, lint the demonstration articles and write the editors' HTML report.
# Exits 0 when medlint ran (0 = clean, 1 = findings: article/stim1-deficiency.md is defective on
# purpose); exits 2 if medlint could not run.
set -uo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv || exit 2
.venv/bin/python -m pip install -q --upgrade pip || exit 2
.venv/bin/python -m pip install -q -e . || exit 2
.venv/bin/medlint check article/
status=$?
.venv/bin/medlint report article/ -o medlint-report.html || [ $? -eq 1 ] || exit 2
echo "Editors' report written to medlint-report.html"
[ "$status" -le 1 ] && exit 0 || exit "$status"
