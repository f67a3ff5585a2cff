"""The profile pages are MyST made in the build's process from the same calls as their thin notebooks (ADR 29)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kulturensrige import load
from kulturensrige.book import profiles
from kulturensrige.data.frames import table_rows
from kulturensrige.data.loading import DATA_DIR_VARIABLE
from kulturensrige.data.pages import profile_page
from kulturensrige.render import highlight

REPO = Path(__file__).resolve().parent.parent
# A code cell's HTML in a profile page's MyST: the directive's fence, then the HTML up to the same fence.
CELL = re.compile(r"^(`{3,})\{" + re.escape(profiles.CELL_OUTPUT) + r"\}\n(.*?)\n\1$", re.M | re.S)


def notebook_outputs(notebook) -> list[str]:
    """What each code cell of the thin notebook shows, run as its kernel runs it: one namespace, the last line's value."""
    namespace: dict = {}
    shown = []
    for cell in notebook.cells:
        if cell.cell_type == "code":
            *body, last = cell.source.splitlines()
            exec("\n".join(body), namespace)
            shown.append(str(eval(last, namespace)))
    return shown


def test_a_profile_page_shows_what_its_notebook_makes(monkeypatch: pytest.MonkeyPatch):
    """An analyst who runs the notebook "Sådan er siden lavet" links to gets the HTML the page holds, cell by cell."""
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(REPO / "data"))
    highlight.marked_lists()  # forget the lists an earlier test in this process made without a page's foot
    data = load(REPO / "data")
    book = REPO / "book"
    for row in list(table_rows(data.municipalities))[:3]:
        page = profile_page(row.slug)
        with profiles.as_page(book, page):
            made = [html for _, html in CELL.findall(profiles.profile_markdown(data, row.name, row.kommunekode, "rapporten"))]
            run = notebook_outputs(profiles.profile_notebook(row.name, row.kommunekode, "rapporten"))
        assert len(made) == 5 and made == run, row.slug
        assert f'href="../_sources/{page}.ipynb"' in made[-1]  # the foot links to the notebook
    assert not highlight.marked_lists()


def test_a_cell_s_fence_is_longer_than_any_backticks_in_its_html():
    """A quote holding ``` (or more) cannot close the cell's fence and spill the rest of the HTML into Markdown."""
    text = profiles._cell(profiles.Html("<p>```` og ``` </p>"))
    fence, html = CELL.match(text).groups()  # type: ignore[union-attr]
    assert fence == "`````" and html == "<p>```` og ``` </p>"
