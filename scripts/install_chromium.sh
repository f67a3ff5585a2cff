#!/usr/bin/env bash
# Debian's Chromium: the full browser prints the PDF editions and runs Lighthouse; its headless shell (the same
# build, without the browser's windowing layers) runs the browser tests. Playwright's own download cannot reach its host here.
# The editions' typefaces (ADR 76), pinned to bookworm's versions as everything else is: Charis SIL for the text,
# Liberation Sans for headings, tables and the footer.
set -euo pipefail
FONTS="fonts-sil-charis=6.101-1 fonts-liberation=1:1.07.4-11"
have_fonts() { fc-list 2>/dev/null | grep -q 'Charis SIL' && fc-list 2>/dev/null | grep -q 'Liberation Sans'; }
if command -v chromium >/dev/null 2>&1 && command -v chromium-headless-shell >/dev/null 2>&1 && have_fonts; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium eller skrifterne mangler: installer Debians pakker 'chromium', 'chromium-headless-shell', 'fonts-sil-charis' og 'fonts-liberation' (sudo apt-get install chromium chromium-headless-shell fonts-sil-charis fonts-liberation)." >&2
  exit 1
fi
apt-get update -qq
# shellcheck disable=SC2086 # FONTS is a list of package=version words
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell $FONTS >/dev/null
