"""The browser scripts are held by rules, not by a line count: Biome's linter and formatter (pinned by
package-lock.json, configured in biome.json: 120 characters, no unused code), node's unit tests, no listener added
twice, and the project's rule that the browser decides nothing (docs/adr/0006-the-browser-decides-nothing.md)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from support.checks import each

REPO = Path(__file__).resolve().parent.parent
STATIC = REPO / "book" / "_static"
VENDORED = {"plotly.min.js"}
# sphinx-copybutton ships its button's words in English only; this script gives it Danish ones. They are the
# plugin's words, not the book's: no rule, count or sentence about the data.
TRANSLATIONS = {"copybutton-da.js"}
LISTENER = re.compile(r"([\w.$\[\]\"'()?]+)\.addEventListener\(([^;]*?)\);")
STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'|`((?:[^`\\]|\\.)*)`')


def _scripts() -> list[Path]:
    return sorted(p for p in STATIC.glob("*.js") if p.name not in VENDORED)


def _run(*command: str) -> subprocess.CompletedProcess:
    if not (REPO / "node_modules" / ".bin" / "biome").exists() or not shutil.which("node"):
        pytest.fail("JavaScript-værktøjerne mangler: kør scripts/install_js_tools.sh (make test og make test-fast gør det)")
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True)


def _code(path: Path) -> str:
    """The script without its comments."""
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    return re.sub(r"(?m)^\s*//.*$|\s//\s.*$", "", text)


def test_the_scripts_pass_biomes_linter_and_formatter_without_a_warning():
    result = _run(str(REPO / "node_modules" / ".bin" / "biome"), "check", "--error-on-warnings")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


def test_no_line_runs_past_the_formatters_width_not_even_a_comment():
    """The formatter breaks code at biome.json's width but leaves comments and strings as they are."""
    width = json.loads((REPO / "biome.json").read_text(encoding="utf-8"))["formatter"]["lineWidth"]
    scripts = [*_scripts(), *(REPO / "tests" / "js").glob("*.mjs"), *(REPO / "scripts").glob("*.mjs")]
    long = [
        f"{p.name}:{n}" for p in each(scripts) for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if len(line) > width
    ]
    assert not long


def test_no_script_adds_the_same_listener_twice():
    """The same target, event and handler twice means the handler runs twice for every event."""
    twice = []
    for path in each(_scripts()):
        seen = [(target, re.sub(r"\s+", " ", args)) for target, args in LISTENER.findall(_code(path))]
        twice += [f"{path.name}: {target}.addEventListener({args})" for target, args in set(seen) if seen.count((target, args)) > 1]
    assert not twice


def test_the_scripts_pure_functions_pass_their_unit_tests():
    result = _run("node", "--test", "tests/js/")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def _is_selector(text: str) -> bool:
    return bool(re.fullmatch(r"[\w\s.#:>*,=()\[\]${}-]+", text)) and bool(re.search(r"[.#\[:]", text))


def _words_in_strings(path: Path) -> list[str]:
    """String literals that read as words: a Danish letter, or a word beside a space that is no CSS selector."""
    literals = [a or b or c for a, b, c in STRING.findall(_code(path))]
    return [
        s for s in literals if re.search(r"[æøåÆØÅ]", s) or (re.search(r"\s", s) and re.search(r"[A-Za-z]{2}", s) and not _is_selector(s))
    ]


def test_the_browser_decides_nothing_no_sentence_or_word_in_a_script():
    """Every sentence, count and label the reader sees is written by the build (Python) into the page or kr-data.js;
    the scripts only switch between the views prepared there, so they hold no words of their own."""
    scripts = [p for p in _scripts() if p.name not in TRANSLATIONS]
    worded = {p.name: words for p in each(scripts) if (words := _words_in_strings(p))}
    assert not worded


def test_the_words_check_finds_a_sentence_written_in_a_script(tmp_path: Path):
    script = tmp_path / "kr-example.js"
    script.write_text('el.textContent = n + " citater"; el.title = "Vis alle";\nq(".kr-card .kr-turn");\n', encoding="utf-8")
    assert _words_in_strings(script) == [" citater", "Vis alle"]
