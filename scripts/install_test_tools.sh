#!/usr/bin/env bash
# Test tools that are not Python packages, installed into .tools/ (gitignored) if missing:
#   the Nu HTML Checker (npm package vnu-jar), run with the machine's Java by tests/test_site_quality.py.
# Safe to run again: it does nothing when the pinned version is already there.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TOOLS="$ROOT/.tools"
VNU_VERSION="26.9.27"
VNU_JAR="$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar"

if ! command -v java >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Java mangler: installer Debians pakke 'default-jre-headless' (sudo apt-get install default-jre-headless)." >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi

installed="$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$TOOLS/node_modules/vnu-jar/package.json" 2>/dev/null || true)"
if [ ! -f "$VNU_JAR" ] || [ "$installed" != "$VNU_VERSION" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm mangler: installer Debians pakke 'npm' (sudo apt-get install npm)." >&2
    exit 1
  fi
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-save --no-audit --no-fund --loglevel=error "vnu-jar@$VNU_VERSION"
fi
java -jar "$VNU_JAR" --version >/dev/null
