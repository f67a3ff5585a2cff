#!/usr/bin/env bash
# Debian's Chromium: the full browser prints the PDF editions and runs Lighthouse; its headless shell (the same
# build, without the browser's windowing layers) runs the browser tests. Playwright's own download cannot reach its host here.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromium-headless-shell >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium mangler: installer Debians pakker 'chromium' og 'chromium-headless-shell' (sudo apt-get install chromium chromium-headless-shell)." >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell >/dev/null
