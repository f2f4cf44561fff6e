#!/usr/bin/env bash
# Checks the locked dependencies against public vulnerability databases:
# the Python packages of constraints.txt with pip-audit (PyPI / OSV) and the
# kiosk's npm packages with `npm audit`. It needs a machine that reaches those
# services, so it is not part of scripts/test.sh or CI. Exit status 1 lists
# the vulnerable packages and the versions that fix them.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || bash scripts/setup.sh
[ -x .venv/bin/pip-audit ] || .venv/bin/pip install -q pip-audit
echo "==> pip-audit (constraints.txt)"
.venv/bin/pip-audit --strict --requirement constraints.txt
echo "==> npm audit (kiosk_site/frontend)"
(cd kiosk_site/frontend && npm audit --omit=dev)
