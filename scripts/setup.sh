#!/usr/bin/env bash
# Installs everything the project needs on Debian 12: system packages (as root),
# the Python virtual environment and the kiosk's front-end packages.
# Safe to run again; it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  python3 python3-venv python3-dev build-essential git curl gettext
  ffmpeg chromium chromium-driver
  fonts-noto-core fonts-noto-cjk fonts-lao fonts-khmeros fontconfig
  libpq5
)

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# Node.js may come from Debian (nodejs + npm) or from NodeSource (npm bundled).
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "==> Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing system packages: ${missing[*]}" >&2
    echo "Install them as root:  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

PYTHON=${PYTHON:-}
if [ -z "$PYTHON" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      PYTHON=$candidate; break
    fi
  done
fi
if [ -z "$PYTHON" ]; then
  echo "Python 3.11 is required (Debian 12 ships it as python3). Set PYTHON=/path/to/python3.11." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  echo "==> Creating .venv with $PYTHON"
  "$PYTHON" -m venv .venv
fi
echo "==> Installing Python packages (pinned in pyproject.toml, locked in constraints.txt)"
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -c constraints.txt -e ".[test]"

if [ -f kiosk_site/frontend/package-lock.json ]; then
  echo "==> Installing the kiosk's front-end packages (npm ci)"
  (cd kiosk_site/frontend && npm ci --no-audit --no-fund --loglevel=error)
fi

mkdir -p var
echo "==> Set-up complete"
