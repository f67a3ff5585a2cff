"""The pages the build makes, as the data can know them: what an analyst would otherwise type and get wrong.

A municipality's page is `kommuner/profil-<slug>`, and its slug follows from its name (Køge -> koege) when the
slug cell is left empty. Every other page is a file listed in book/_toc.yml. `sections.book_page` is still typed
(which page presents a section is the editors' choice), so the validator checks it against these pages: a typed
page path can never point at a page the build does not make.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

from docutils.nodes import make_id

# The address's value for "every municipality" (?kommune=alle, the filter's first choice) and the views' name for it
# (rules/views.py): the browser reads it before any slug, so no municipality's slug may be it (validation.py).
ALL = "alle"
# The longest slug: it becomes part of file names (kommuner/profil-<slug>.html, pdf/kulturens-rige-<slug>.pdf, and the
# build's temporary names beside them), which most file systems cap at 255 bytes.
MAX_SLUG_LENGTH = 100
# The slug's rules in one sentence, as the data dictionary (schema.py) and the README's recipe "Ny kommune" give them;
# the validator's lines (validation._slug_problems) say the same from the same constants.
SLUG_RULES = (
    f"Hver kommune har sit eget, på højst {MAX_SLUG_LENGTH} tegn, og det må ikke være '{ALL}', filterets værdi for alle "
    "kommuner, eller en anden kommunes kode eller navn."
)
PROFILE_FOLDER = "kommuner"
PROFILE_PREFIX = f"{PROFILE_FOLDER}/profil-"
TOC = Path(__file__).resolve().parent.parent.parent / "book" / "_toc.yml"
_TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "ue"})
# A `root:` or `file:` entry of the table of contents (Jupyter Book's own keys; globs name no single page).
_TOC_ENTRY = re.compile(r"^\s*(?:-\s*)?(?:root|file):\s*['\"]?([^'\"#\s]+)", re.M)


def slug(name: str) -> str:
    """Køge -> koege, Høje-Taastrup -> hoeje-taastrup: the convention of data/municipalities.csv."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower().translate(_TRANSLITERATION)).strip("-")


# The ids on a municipality's page beside its title's, which Sphinx makes from the name (docutils' make_id: Køge ->
# koge): the theme's and Jupyter Book's layout, the page's own headings (book/profiles.py), and the families the book
# writes before an id of its own or of the data (kr-filter, citat-<quote_id>, indsats-<initiative_id>, a chart's
# figur-/titel-/alt-/plot-/tabel-<id>). A name whose id is one of them gives the page two elements with that id, and a
# link to #indsatser or the skip link to #main-content lands on the title. tests/test_book.py checks the list against
# the built pages.
# The heading over a profile's starting point and what came of it, on its page and in its edition: „resultat“ promised
# a result where the report tells one for no group but all of them together (reader31, #2).
FACTS_TITLE = "Udgangspunkt og udbytte"
# A profile's sections in their one order, on its page (book/profiles.py: the page and its thin notebook) and in its
# edition (edition/templates/municipality.html: the chapter and its contents): the starting point and what came of it
# first, as a committee note opens and as the edition always gave them (reader32, #2; docs/adr/0123).
PROFILE_SECTIONS = ("facts", "initiatives", "quotes")
PROFILE_PAGE_IDS = frozenset(
    {
        "bd-header-version-warning",
        "citater-knyttet-til-kommunen",
        "indsatser",
        "ingredienser-i-kommunens-citater",
        "jb-print-docs-body",
        "jb-print-toc",
        "main-content",
        "print-main-content",
        "rtd-footer-container",
        "search-input",
        "searchbox",
        "udgangspunkt-og-udbytte",  # the heading over the facts before the initiatives (FACTS_TITLE, ADR 123)
    }
)
PAGE_ID_FAMILIES = ("alt-", "anbefaling-", "bd-", "citat-", "figur-", "indsats-", "jb-", "kr-", "plot-", "pst-", "tabel-", "titel-")


def heading_id(name: str) -> str:
    """The id Sphinx gives a heading with this text ('' when it gives an automatic one, id1, id2 ...)."""
    return make_id(name)


def page_id_taken(identifier: str) -> bool:
    """Whether the book itself writes this id on a municipality's page (PROFILE_PAGE_IDS, PAGE_ID_FAMILIES)."""
    return identifier in PROFILE_PAGE_IDS or identifier.startswith(PAGE_ID_FAMILIES)


def profile_page(municipality_slug: str) -> str:
    """The page the build writes for a municipality (scripts/build_book.py, kulturensrige/book/profiles.py)."""
    return PROFILE_PREFIX + municipality_slug


@functools.cache
def chapter_pages(toc: Path = TOC) -> frozenset[str]:
    """The book's own pages (book/_toc.yml's files); empty where the package runs without the book beside it."""
    if not toc.is_file():
        return frozenset()
    text = toc.read_text(encoding="utf-8")
    return frozenset(entry.removesuffix(".ipynb").removesuffix(".md") for entry in _TOC_ENTRY.findall(text))


def book_pages(municipality_slugs: Iterable[str]) -> frozenset[str]:
    """Every page the build makes for these municipalities; empty if the book's table of contents is not here."""
    chapters = chapter_pages()
    return chapters | {profile_page(s) for s in municipality_slugs} if chapters else frozenset()
