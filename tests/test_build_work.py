"""Work moved out of Sphinx's one main process, where every page waits for it, without changing what it gives.

Sphinx resolves and indexes every page in its main process, one after another, while other processes write them
(kulturensrige/book/extension.py): the words of a page's raw HTML are found while the page is read, side by side, and
pybtex's plaintext backend is found once rather than for each citation. BENCHMARKS.md, session 14, has the figures.
"""

from __future__ import annotations

from types import SimpleNamespace

import pybtex.plugin
import pytest
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document
from pybtex.backends.plaintext import Backend
from sphinx.search import IndexBuilder

from kulturensrige.book import bibliography, extension

# A card as the notebooks write it: tags with no space between them, a script and a style that are not text, an
# escaped ampersand, a compound with soft hyphens, and a word that comes twice.
CARD = (
    '<div class="kr-card"><p>Egedal</p><p>Aarhus &amp; Køge</p><script type="application/json">{"skjult": 1}</script>'
    "<style>.kr-card{color:red}</style><p>forenings\u00adklippe\u00adkort</p><p>Egedal</p></div>"
)


def _indexed_words(text: str) -> list[str]:
    """The words Sphinx's search index takes from one raw HTML node holding `text`."""
    document = new_document("side", get_default_settings(Parser))
    document += nodes.raw("", text, format="html")
    indexer = IndexBuilder.__new__(IndexBuilder)  # _word_collector uses only the language
    indexer.lang = extension.DanishSearchWordsOnce({})
    return indexer._word_collector(document).words


def test_the_words_found_while_reading_are_the_words_the_index_takes_from_the_page():
    document = new_document("side", get_default_settings(Parser))
    document += nodes.raw("", CARD, format="html")
    app = SimpleNamespace(builder=SimpleNamespace(format="html"), config=SimpleNamespace(html_search_language="da"))
    extension._search_words_while_reading(app, document)  # type: ignore[arg-type]
    (raw,) = document.findall(nodes.raw)
    assert _indexed_words(raw[extension.SEARCH_WORDS]) == _indexed_words(CARD.replace("<", " <"))
    words = _indexed_words(raw[extension.SEARCH_WORDS])
    assert {"Egedal", "Aarhus", "Køge", "foreningsklippekort"} <= set(words) and "skjult" not in words
    assert words.count("Egedal") == 1


def test_pybtex_finds_its_plaintext_backend_without_reading_every_packages_entry_points(monkeypatch: pytest.MonkeyPatch):
    """sphinxcontrib-bibtex asks for it once per citation; each ask read all entry points (2 s of a national build)."""
    bibliography.register()
    monkeypatch.setattr(pybtex.plugin, "entry_points", lambda **kwargs: pytest.fail("entry points read"))
    assert pybtex.plugin.find_plugin("pybtex.backends", "plaintext") is Backend
