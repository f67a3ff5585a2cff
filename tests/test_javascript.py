"""The browser scripts are linted (Biome) and their pure functions unit-tested (node --test), both pinned by package-lock.json."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
STATIC = REPO / "book" / "_static"
# The budget for hand-written JavaScript: every script in book/_static but plotly.js's vendored bundle.
JS_BUDGET = 500
VENDORED = {"plotly.min.js"}


def _run(*command: str) -> subprocess.CompletedProcess:
    if not (REPO / "node_modules" / ".bin" / "biome").exists() or not shutil.which("node"):
        pytest.fail("JavaScript-værktøjerne mangler: kør scripts/install_js_tools.sh (make test gør det)")
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True)


def test_the_scripts_pass_the_linter_without_a_warning():
    result = _run(str(REPO / "node_modules" / ".bin" / "biome"), "lint", "--error-on-warnings")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_scripts_pure_functions_pass_their_unit_tests():
    result = _run("node", "--test", "tests/js/")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_hand_written_javascript_stays_within_its_budget():
    lines = sum(len(path.read_text(encoding="utf-8").splitlines()) for path in STATIC.glob("*.js") if path.name not in VENDORED)
    assert lines <= JS_BUDGET, f"{lines} linjer JavaScript i book/_static (højst {JS_BUDGET})"
