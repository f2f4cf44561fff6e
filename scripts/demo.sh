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

echo "==> CMS on http://127.0.0.1:$CMS_PORT/"
$PY manage.py runserver --noreload "127.0.0.1:$CMS_PORT" >var/cms.log 2>&1 &
cms_pid=$!
pids+=($cms_pid)
for _ in $(seq 60); do
  curl -fs -o /dev/null "http://127.0.0.1:$CMS_PORT/admin/login/" && break
  sleep 1
done

echo "==> Waiting (at most 5 min) for the worker's transcodes: the kiosk pages play the programmes,"
echo "    and bo-y's LED player (/led/facing-laos/) loops them"
$PY manage.py shell -v0 -c "
import time
from cms.programmes.models import Rendition
end = time.monotonic() + 300
while time.monotonic() < end and Rendition.objects.filter(status__in=['queued', 'running']).exists():
    time.sleep(2)
" || true

echo "==> Building the kiosk of cluster $DEMO_CLUSTER and publishing it as a signed release"
$PY manage.py kiosk_build --cluster "$DEMO_CLUSTER"
$PY manage.py release_publish --cluster "$DEMO_CLUSTER"

echo "==> Cluster agent of $DEMO_CLUSTER (var/agent/$DEMO_CLUSTER/)"
AGENT_DIR=var/agent/$DEMO_CLUSTER
mkdir -p "$AGENT_DIR"
# A fresh credential each start (issue the first, rotate after that).
{ $PY manage.py release_credential --cluster "$DEMO_CLUSTER" 2>/dev/null \
  || $PY manage.py release_credential --cluster "$DEMO_CLUSTER" --rotate; } \
  | tail -n 1 >"$AGENT_DIR/credential"
chmod 600 "$AGENT_DIR/credential"
cp "$($PY -c 'from django.conf import settings; import django; django.setup(); print(settings.RELEASE_ROOT_METADATA)')" "$AGENT_DIR/root.json"
cat >"$AGENT_DIR/agent.ini" <<INI
[agent]
server_url = http://127.0.0.1:$CMS_PORT/api/agent/v1/clusters/
cluster = $DEMO_CLUSTER
credential_file = credential
root = root.json
data_dir = data
serve_port = $KIOSK_PORT
interval_s = 60
jitter_s = 10
INI
AGENT=($PY -m kiosk_site.agent --config "$AGENT_DIR/agent.ini")
"${AGENT[@]}" sync
"${AGENT[@]}" serve >var/agent.log 2>&1 &
pids+=($!)
"${AGENT[@]}" sync --watch >>var/agent.log 2>&1 &
pids+=($!)

cat <<MSG

============================================================
 Admin:          http://127.0.0.1:$CMS_PORT/admin/
 Public pages:   http://127.0.0.1:$CMS_PORT/vi/  (/en/ /lo/ /zh-hans/ /km/ /bdq/)
 Snapshot:       http://127.0.0.1:$CMS_PORT/api/kiosk/v1/clusters/$DEMO_CLUSTER/snapshot.json
 Cluster fleet:  http://127.0.0.1:$CMS_PORT/admin/ (menu "Giám sát các cụm")
 Kiosk ($DEMO_CLUSTER):  http://127.0.0.1:$KIOSK_PORT/  served by the cluster agent from its
                 synced, signed release ($AGENT_DIR/data/current)
 LED player:     http://127.0.0.1:$KIOSK_PORT/led/facing-laos/  (bo-y's face towards Laos, from
                 the same release; black outside the airtime windows)
 Accounts and password: see above (also saved in var/demo-accounts.txt)
 Logs: var/cms.log, var/worker.log, var/agent.log   Ctrl-C stops everything.
============================================================

MSG
wait "$cms_pid"
