"""The built book is valid HTML (Nu HTML Checker) and has no broken internal link or anchor.

The checker is the npm package vnu-jar, run with the machine's Java; scripts/install_test_tools.sh puts
it into .tools/ (the test runs that script itself when the jar is missing).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import snowballstemmer
from bs4 import BeautifulSoup

pytestmark = pytest.mark.build

REPO = Path(__file__).resolve().parent.parent
VNU_JAR = REPO / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL = REPO / "scripts" / "install_test_tools.sh"
# Not pages: Sphinx copies the themes' Jinja macro files into _static/ as they are (never linked).
NOT_PAGES = ("_static/", "_sources/")


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith(NOT_PAGES))


@dataclass(frozen=True)
class Allowed:
    message: str  # a regular expression matched against the checker's message
    reason: str
    pages: str = ".*"  # a regular expression matched against the page's path in the site


# No error is ever allowed. Every warning the checker may still give is listed with its reason; a warning
# caused by the package's own markup is fixed there, not listed here.
ALLOWED_WARNINGS = [
    Allowed(
        r"^Article lacks heading\.",
        "warning, our markup: a quote card is an <article> (a self-contained quotation) with no title of its own; "
        "kept because the page filter (book/_static/kr-lists.js) arranges the cards",
    ),
    Allowed(
        r"^Section lacks heading\.",
        "warning, our markup: a quote list is a <section class=kr-list> labelled by the page's heading above it, not "
        "one of its own; kept because the page filter selects section.kr-list",
    ),
    Allowed(
        r"^The “main” role is unnecessary for element “main”\.",
        'warning: pydata-sphinx-theme writes <main role="main">',
    ),
    Allowed(
        r"^Consider using the “h1” element as a top-level heading only",
        "warning: Sphinx writes each page's title as <h1> inside a <section> (docutils' section nesting)",
    ),
    Allowed(
        r"violates Content Security Policy \(meta tag\)",
        "warning, the checker's model: it reads the pages as files, where its 'self' matches no file and it does not "
        "check hashes; Chromium loads every page under the same policy with no violation (tests/browser/test_csp.py)",
    ),
    Allowed(
        r"^This document appears to be written in ",
        "warning: the checker's language guess reads Danish as Norwegian on short pages; the pages are Danish",
    ),
]


def _allowed(message: dict, page: str) -> Allowed | None:
    if message["type"] == "error":
        return None
    return next((a for a in ALLOWED_WARNINGS if re.search(a.message, message["message"]) and re.search(a.pages, page)), None)


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    if not VNU_JAR.is_file():
        result = subprocess.run(["bash", str(INSTALL)], capture_output=True, text=True)
        if result.returncode != 0:
            pytest.fail(f"Nu HTML Checker kunne ikke installeres ({INSTALL}):\n{result.stderr[-2000:]}")
    if shutil.which("java") is None:
        pytest.fail("Java mangler; scripts/install_test_tools.sh installerer den (Debians default-jre-headless)")
    return VNU_JAR


@pytest.mark.long
def test_every_page_is_valid_html(built_site: Path, vnu_jar: Path):
    checked = pages(built_site)
    result = subprocess.run(
        ["java", "-jar", str(vnu_jar), "--format", "json", "--exit-zero-always", *map(str, checked)],
        capture_output=True,
        text=True,
    )
    report = json.loads(result.stderr)
    unexplained = []
    for message in report["messages"]:
        if message["type"] == "info" and message.get("subType") != "warning":
            continue  # plain information, e.g. "Trailing slash on void elements has no effect"
        page = Path(message.get("url", "").removeprefix("file:")).resolve()
        where = page.relative_to(built_site.resolve()).as_posix() if page.is_relative_to(built_site.resolve()) else str(page)
        if _allowed(message, where) is None:
            kind = message.get("subType") or message["type"]
            unexplained.append(f"{where}:{message.get('lastLine', '?')}: {kind}: {message['message']} [{message.get('extract', '')!r}]")
    assert len(checked) >= 20
    assert not unexplained, f"{len(unexplained)} meldinger fra Nu HTML Checker:\n" + "\n".join(unexplained[:40])


def _ids(page: Path, cache: dict[Path, set[str]]) -> set[str]:
    if page not in cache:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        cache[page] = {e["id"] for e in soup.find_all(id=True)} | {e["name"] for e in soup.find_all("a", attrs={"name": True})}
    return cache[page]


def test_every_internal_link_and_anchor_resolves(built_site: Path):
    """Every relative href/src on every page names an existing file, and every #anchor an existing id."""
    cache: dict[Path, set[str]] = {}
    broken, checked = [], 0
    for page in pages(built_site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        where = page.relative_to(built_site).as_posix()
        for element in soup.find_all(True):
            for attribute in ("href", "src"):
                url = element.get(attribute)
                if url is None:
                    continue
                parts = urlsplit(url)
                if parts.scheme or parts.netloc or url == "#":
                    continue  # external (none is loaded, see test_book's offline test), or the page's top
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
                if target.is_dir():
                    target = target / "index.html"
                checked += 1
                if not target.is_file():
                    broken.append(f"{where}: <{element.name} {attribute}={url!r}>: filen findes ikke")
                elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target, cache):
                    broken.append(f"{where}: <{element.name} {attribute}={url!r}>: ankeret findes ikke")
    assert checked > 500
    assert not broken, "\n".join(broken)


def test_the_search_index_holds_the_words_of_cards_and_tables_apart(built_site: Path, data):
    """Sphinx stripped the tags of the notebooks' HTML without a space: 'Egedal</td><td>Aarhus' was filed as
    'egedalaarhus', and a search for Aarhus missed what stood after a tag. Every municipality is a word of its own,
    and no word is two municipalities' names run together."""
    text = (built_site / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(text[text.index("(") + 1 : text.rindex(")")])["terms"]
    stem = snowballstemmer.stemmer("danish").stemWord  # as Sphinx's Danish search files a word
    names = [stem(n.casefold()) for n in data.municipalities["name"] if n.isalpha()]
    assert names and all(n in terms for n in names)
    joined = [t for t in terms if any(t.startswith(n) and t[len(n) :].startswith(tuple(names)) for n in names)]
    assert joined == []
