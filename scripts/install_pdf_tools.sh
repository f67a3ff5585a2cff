#!/usr/bin/env bash
# The PDF tests read the editions with poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm); veraPDF is not
# packaged in any registry this project reaches, so each PDF/UA property is checked one by one instead.
set -euo pipefail
if command -v pdftotext >/dev/null 2>&1 && command -v pdffonts >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "poppler-utils mangler: installer Debians pakke 'poppler-utils' (sudo apt-get install poppler-utils)." >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
