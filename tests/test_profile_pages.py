"""The profile pages are MyST made in the build's process from the same calls as their thin notebooks (ADR 29)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from kulturensrige import load
from kulturensrige.book import profiles
from kulturensrige.data import provenance
from kulturensrige.data.frames import table_rows
from kulturensrige.data.loading import DATA_DIR_VARIABLE
from kulturensrige.data.pages import profile_page
from kulturensrige.render import highlight
from kulturensrige.rules import views

REPO = Path(__file__).resolve().parent.parent


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


@pytest.mark.parametrize(("folder", "n_cells"), [("data", 5), ("tied", 6)])
def test_a_profile_page_shows_what_its_notebook_makes(monkeypatch: pytest.MonkeyPatch, request, folder: str, n_cells: int):
    """An analyst who runs the notebook "Sådan er siden lavet" links to gets the HTML the page holds, cell by cell.
    Where the data tie no quote (the report's), one cell says so in place of the quotes and their ingredients. The
    way to the guide's checklists (guide.ways_to_advice) is a cell of its own before the foot."""
    folder_path = REPO / "data" if folder == "data" else request.getfixturevalue("tied_folder")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder_path))
    highlight.marked_lists()  # forget the lists an earlier test in this process made without a page's foot
    data = load(folder_path)
    book = REPO / "book"
    for row in list(table_rows(data.municipalities))[:3]:
        page = profile_page(row.slug)
        with profiles.as_page(book, page):
            text, cells = profiles.as_myst(profiles.profile_parts(data, row.name, row.kommunekode, "rapporten"), row.slug)
            made = [cells[name] for name in re.findall(r"^```\{" + profiles.CELL_OUTPUT + r"\} (\S+)\n```$", text, re.M)]
            run = notebook_outputs(profiles.profile_notebook(row.name, row.kommunekode, "rapporten", views.any_tied(data)))
        assert len(made) == n_cells and made == run, row.slug
        assert f'href="../_sources/{page}.ipynb"' in made[-1]  # the foot links to the notebook
    assert not highlight.marked_lists()


def test_a_profile_page_s_myst_names_its_cells_files_and_holds_none_of_their_html():
    """Sphinx's Markdown parser reads a page's source a character at a time: the cells' HTML (cards, quotes from data)
    stays out of the MyST, in files the directive reads, so a quote holding ``` cannot close a fence either."""
    html = profiles.Html("<p>```` og ``` </p>")
    text, cells = profiles.as_myst(["# Aarhus", html, "## Citater", html], "profil-aarhus")
    assert text == (
        "# Aarhus\n\n```{kr-cell-output} profil-aarhus.cells/1.html\n```\n\n"
        "## Citater\n\n```{kr-cell-output} profil-aarhus.cells/2.html\n```\n"
    )
    assert cells == {"profil-aarhus.cells/1.html": str(html), "profil-aarhus.cells/2.html": str(html)}


@pytest.mark.parametrize("folder", ["data", "tied"])
def test_after_its_own_content_a_profile_links_to_each_ingredients_checklist_in_the_guide(request, folder: str):
    """Reader 26 r2, #8: a committee reader looks for what worked. After the municipality's own content (its quotes,
    or the sentence that none is tied), before the page's foot, a heading and one sentence link to the checklist
    under „I guiden“ on each ingredient's page, named as the data name them, in their order, with the light mark of
    whose the ties are."""
    data = request.getfixturevalue("tied_data") if folder == "tied" else load(REPO / "data")
    row = next(iter(table_rows(data.municipalities)))
    page = profile_page(row.slug)
    with profiles.as_page(REPO / "book", page):
        parts = [str(part) for part in profiles.profile_parts(data, row.name, row.kommunekode, "rapporten")]
    heading = parts.index(f"## {profiles.ADVICE_HEADING}")
    assert heading == len(parts) - 3 and "Citater" in " ".join(parts[heading - 4 : heading]), parts[heading - 4 :]
    advice = parts[heading + 1]
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', advice)
    ingredients = list(table_rows(data.ingredients.sort_values("number")))
    assert [name for _, name in links] == [html.escape(str(r.name), quote=False) for r in ingredients], advice
    for href, _ in links:
        target, anchor = href.split("#")
        notebook = (REPO / "book" / "kommuner" / target).resolve().with_suffix(".ipynb")
        assert anchor == "i-guiden" and "## I guiden" in notebook.read_text(encoding="utf-8"), href
    whose = provenance.value_label(data.options, "guide_recommendations.ingredient_ids")
    assert f'title="{whose}">(red.)</span>' in advice and "fire ingredienser" in advice, advice
