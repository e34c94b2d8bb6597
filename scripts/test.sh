#!/usr/bin/env bash
# Install medlint with its test extra into .venv and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
# pytest exits 5 when no test was collected; that is not a failure of the code under test.
if [ "$status" -eq 5 ]; then exit 0; fi
exit "$status"
