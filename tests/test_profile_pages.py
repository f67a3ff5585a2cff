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


@pytest.mark.parametrize(("folder", "n_cells"), [("data", 5), ("tied", 7)])
def test_a_profile_page_shows_what_its_notebook_makes(monkeypatch: pytest.MonkeyPatch, request, folder: str, n_cells: int):
    """An analyst who runs the notebook "Sådan er siden lavet" links to gets the HTML the page holds, cell by cell.
    Where the data tie no quote (the report's), the page has no cells of quotes and their ingredients. The line that
    says where the quotes and the guide's checklists stand (guide.where_the_rest_stands) is a cell of its own before
    the foot."""
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
def test_a_profile_ends_on_the_municipality_with_one_line_that_links_to_each_ingredients_quotes_and_checklist(request, folder: str):
    """Reader 26 r2, #8: a committee reader looks for what worked; the profile linked to the checklist under „I guiden“
    on each ingredient's page. Reader 27, #2: that section („Rapportens anbefalinger“) and „Citater“ (a paragraph that
    no quote is any municipality's) were the same on all seven profiles, after the municipality's own content. Now
    one line, the page's last before its foot and under no heading of its own, says where the quotes and the guide's
    advice stand, linking each ingredient's page, named as the data name them, in their order, with the light mark
    of whose the guide's ties are; a page with quotes tied to the municipality keeps them above it."""
    data = request.getfixturevalue("tied_data") if folder == "tied" else load(REPO / "data")
    row = next(iter(table_rows(data.municipalities)))
    page = profile_page(row.slug)
    with profiles.as_page(REPO / "book", page):
        parts = [str(part) for part in profiles.profile_parts(data, row.name, row.kommunekode, "rapporten")]
    # The initiatives are the profile's own section last before the quotes (ADR 123: the facts come before them).
    initiatives = next(n for n, p in enumerate(parts) if p.startswith("## Indsatser"))
    headings = [p for p in parts[initiatives + 1 :] if p.startswith("## ")]
    assert headings == ([] if folder == "data" else list(profiles.QUOTE_HEADINGS)), headings
    line = parts[-2]
    assert "kr-advice" in line and len(re.sub(r"<[^>]+>", "", line).split()) <= 40, line
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', line)
    ingredients = list(table_rows(data.ingredients.sort_values("number")))
    assert [name for _, name in links] == [html.escape(str(r.name), quote=False) for r in ingredients], line
    for href, _ in links:
        notebook = (REPO / "book" / "kommuner" / href).resolve().with_suffix(".ipynb")
        assert "## I guiden" in notebook.read_text(encoding="utf-8"), href
    assert "under „I guiden“" in line and "tjekliste" in line, line
    # ADR 112 (reader31, #2): where the data tie no quote, where the quotes stand without a count, the guide's clause last.
    assert line.startswith('<p class="kr-advice">Citaterne står på siderne om') == (folder == "data"), line
    whose = provenance.value_label(data.options, "guide_recommendations.ingredient_ids")
    assert f'title="{whose}">(red.)</span>' in line and "fire ingredienser" in line, line
