#!/usr/bin/env bash
# The browser tests drive Debian's Chromium; Playwright's own browser download cannot reach its host here.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium mangler: installer Debians pakke 'chromium' (sudo apt-get install chromium)." >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
