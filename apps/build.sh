#!/usr/bin/env bash
# Builds the web site and the mobile app with the machine's Node/npm (called by the Maven build).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "apps: Node.js 20+ and npm are needed to build the web and mobile apps." >&2
  echo "      Install them (Debian: apt-get install -y nodejs npm) and run the build again." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "apps: Node.js $(node --version) is too old; KinoBezdna needs Node.js 20 or newer." >&2
  exit 1
fi

# npm ci only when the lock file changed since the last install: it wipes node_modules.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "apps: installing npm packages (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build
