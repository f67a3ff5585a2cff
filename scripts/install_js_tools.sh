#!/usr/bin/env bash
# The JavaScript linter (Biome) and the DOM for the scripts' unit tests (linkedom), exactly as
# package-lock.json pins them, into node_modules/ (gitignored). Does nothing when they are already there.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
  echo "npm mangler: installer Debians pakke 'npm' (sudo apt-get install npm)." >&2
  exit 1
fi
# npm ci writes node_modules/.package-lock.json: newer than the lock means the pinned versions are in place.
if [ ! node_modules/.package-lock.json -nt package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
