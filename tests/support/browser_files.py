"""The files of _static/ the browser reads the build's words from (render/browser.py browser_files), for tests that
make a site of their own: written as the build writes them, and every view's sentences read back from them."""

from __future__ import annotations

from pathlib import Path

from kulturensrige.render import browser


def write_browser_files(static: Path, data) -> None:
    static.mkdir(parents=True, exist_ok=True)
    for name, text in browser.browser_files(data).items():
        (static / name).write_text(text, encoding="utf-8")


def built_sentences(static: Path) -> dict[str, dict[str, str]]:
    """Every view's status sentences as the built files hold them: kr-data.js's and each sentence file's."""
    sentences = dict(browser.script_payload((static / browser.SCRIPT).read_text(encoding="utf-8"))["sentences"])
    for name in browser.SENTENCE_FILES.values():
        sentences |= browser.sentence_file_part((static / name).read_text(encoding="utf-8"))
    return sentences
