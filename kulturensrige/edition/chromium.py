"""Debian's Chromium and the flags every headless run here needs: the tests, the PDF printer and the benchmarks."""

from __future__ import annotations

import shutil

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
# The same Chromium built for headless use alone (Debian's chromium-headless-shell), which Playwright also runs its
# headless tests in: the browser tests spend a third less CPU in it than in the full browser.
HEADLESS_SHELL = shutil.which("chromium-headless-shell") or "/usr/bin/chromium-headless-shell"
# Chromium's background services try to reach Google; this machine's network refuses them.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
