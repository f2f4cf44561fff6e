#!/usr/bin/env bash
# Installs everything, loads the demo province and starts the CMS, the task
# worker and a built kiosk. Ctrl-C stops them all.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-cms.settings.dev}
PY=.venv/bin/python
CMS_PORT=${CMS_PORT:-8000}
KIOSK_PORT=${KIOSK_PORT:-8080}
DEMO_CLUSTER=${DEMO_CLUSTER:-bo-y}
export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$CMS_PORT}

echo "==> Database, roles and demo data"
$PY manage.py migrate --no-input -v0
$PY manage.py compilemessages -v0 >/dev/null 2>&1 || true
$PY manage.py collectstatic --no-input -v0
seed_args=()
[ -n "${DEMO_PASSWORD:-}" ] && seed_args+=(--password "$DEMO_PASSWORD")
$PY manage.py seed_demo "${seed_args[@]}" | tee var/demo-accounts.txt

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

echo "==> Task worker (transcoding, kiosk builds)"
$PY manage.py db_worker >var/worker.log 2>&1 &
pids+=($!)
( while sleep 60; do $PY manage.py transcode_recover >/dev/null 2>&1 || true; done ) &
pids+=($!)

echo "==> Building the kiosk of cluster $DEMO_CLUSTER"
$PY manage.py kiosk_build --cluster "$DEMO_CLUSTER" --out "var/kiosk/$DEMO_CLUSTER"
$PY -m kiosk_site serve "var/kiosk/$DEMO_CLUSTER" --port "$KIOSK_PORT" >var/kiosk.log 2>&1 &
pids+=($!)

cat <<MSG

============================================================
 Admin:          http://127.0.0.1:$CMS_PORT/admin/
 Public pages:   http://127.0.0.1:$CMS_PORT/vi/  (/en/ /lo/ /zh-hans/ /km/ /bdq/)
 Snapshot:       http://127.0.0.1:$CMS_PORT/api/kiosk/v1/clusters/$DEMO_CLUSTER/snapshot.json
 Kiosk ($DEMO_CLUSTER):  http://127.0.0.1:$KIOSK_PORT/
 Accounts and password: see above (also saved in var/demo-accounts.txt)
 Worker log: var/worker.log   Ctrl-C stops everything.
============================================================

MSG
$PY manage.py runserver "127.0.0.1:$CMS_PORT"
