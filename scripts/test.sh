#!/usr/bin/env bash
# Installs everything, then runs the whole suite: lint, Django checks, the unit
# and integration tests on SQLite and on PostgreSQL, and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

export DJANGO_SETTINGS_MODULE=cms.settings.test
PG_URL=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}
PY=.venv/bin/python

echo "==> ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .

echo "==> import contracts (lint-imports; circles: tests/test_import_cycles.py)"
.venv/bin/lint-imports --no-cache

echo "==> manage.py check / makemigrations --check"
$PY manage.py check
$PY manage.py makemigrations --check --dry-run

echo "==> manage.py check --deploy (production settings, throwaway environment)"
DEPLOY_TMP=$(mktemp -d)
touch "$DEPLOY_TMP/release-signing-key.pem" "$DEPLOY_TMP/root.json"
env -i PATH="$PATH" HOME="$HOME" DJANGO_SETTINGS_MODULE=cms.settings.production \
  SECRET_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')" \
  ALLOWED_HOSTS=cms.example.org WAGTAILADMIN_BASE_URL=https://cms.example.org \
  DATABASE_URL="sqlite:///$DEPLOY_TMP/db.sqlite3" EMAIL_URL=smtp://localhost:25 \
  RELEASE_SIGNING_KEY="$DEPLOY_TMP/release-signing-key.pem" \
  RELEASE_ROOT_METADATA="$DEPLOY_TMP/root.json" \
  INCIDENT_DEPARTMENT_EMAILS=so-tttt@example.org INCIDENT_POLICE_EMAILS=cong-an@example.org \
  $PY manage.py check --deploy --fail-level WARNING
rm -rf "$DEPLOY_TMP"

# Two pytest-xdist workers (this machine has 2 cores); each has its own test
# database and var/test-gw<n>/ folders (cms/settings/test.py).
echo "==> tests on SQLite"
env -u DATABASE_URL .venv/bin/pytest -q -n 2

echo "==> tests on PostgreSQL ($PG_URL)"
if $PY - "$PG_URL" <<'PYEOF'
import sys, psycopg
url = sys.argv[1].replace("postgres://", "postgresql://", 1)
try:
    psycopg.connect(url, connect_timeout=5).close()
except psycopg.OperationalError as err:
    print(f"cannot reach PostgreSQL at {sys.argv[1]}: {err}", file=sys.stderr)
    sys.exit(1)
PYEOF
then
  # The standalone packages never touch the database: only cms/ runs twice.
  DATABASE_URL=$PG_URL .venv/bin/pytest -q -n 2 cms
else
  echo "PostgreSQL is not reachable at $PG_URL." >&2
  echo "Start it (apt-get install -y postgresql; trust auth for user postgres) or set TEST_POSTGRES_URL." >&2
  exit 1
fi

if [ -d e2e ] && ls e2e/test_*.py >/dev/null 2>&1; then
  echo "==> browser tests (Playwright + Debian Chromium)"
  env -u DATABASE_URL .venv/bin/pytest -q e2e
fi
echo "==> all tests passed"
