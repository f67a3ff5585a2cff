"""One profile page per municipality, written from the data before each build.

A new municipality in the data gets its own page (and URL `kommuner/profil-<slug>.html`) with no
code change; the table of contents lists them in the data's order.
"""

from __future__ import annotations

import os
import string
import tempfile
from pathlib import Path

import nbformat

from kulturensrige.data import provenance
from kulturensrige.data.frames import table_rows
from kulturensrige.data.loading import Dataset
from kulturensrige.data.pages import PROFILE_FOLDER, profile_page


def markdown_title(name: str) -> str:
    """A name from data as the text of a Markdown/MyST heading that shows exactly those characters.

    Line breaks would end the heading and start new blocks (a fence, a directive), so all whitespace
    becomes single spaces; every ASCII punctuation character is backslash-escaped (CommonMark allows it
    for all of them), which also keeps '&lt;' from being read as an entity and '%' as a comment.
    """
    return "".join("\\" + c if c in string.punctuation else c for c in " ".join(name.split()))


def profile_notebook(name: str, kommunekode: str, holder: str) -> nbformat.NotebookNode:
    """A thin notebook: its title, then calls into the package. The name is escaped for Markdown; `holder` is whose
    data describes the initiatives (provenance.Words.holder: "rapporten", "analytikerens data")."""
    title = markdown_title(name)
    cells = [
        nbformat.v4.new_markdown_cell(f"# {title}"),
        _code(
            "from kulturensrige import load\nfrom kulturensrige.render import cards, lists\n\n"
            f"data = load()\nKOMMUNE = {kommunekode!r}\nlists.municipality_facts(data, KOMMUNE)"
        ),
        nbformat.v4.new_markdown_cell(f"## Indsatser\n\nProjekter, delindsatser og prøvehandlinger, som {holder} beskriver for kommunen."),
        _code("cards.initiative_list(data, KOMMUNE)"),
        nbformat.v4.new_markdown_cell("## Citater knyttet til kommunen"),
        _code("cards.quotes_for_municipality(data, KOMMUNE)"),
        nbformat.v4.new_markdown_cell("## Ingredienser i kommunens citater"),
        _code("lists.municipality_ingredients(data, KOMMUNE)"),
        _code("from kulturensrige.book import page_source\n\npage_source.how_made(data)"),
    ]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return notebook


def _code(source: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_code_cell(source, metadata={"tags": ["remove-input"]})


def write_profile_pages(data: Dataset, book_dir: Path) -> list[Path]:
    """Write the generated profile pages into a (staged) book folder; each file is written atomically."""
    folder = book_dir / PROFILE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    # The page path follows from the slug (kulturensrige/data/pages.py), which the validator checks book_page against.
    holder = provenance.words(provenance.folder_source(data.options)).holder
    wanted = {book_dir / f"{profile_page(row.slug)}.ipynb": row for row in table_rows(data.municipalities)}
    _list_in_contents(book_dir, list(wanted))
    for path, row in wanted.items():
        notebook = profile_notebook(row.name, row.kommunekode, holder)
        _stable_cell_ids(notebook)
        text = nbformat.writes(notebook)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    return sorted(wanted)


# The contents' line that lists the profiles (book/_toc.yml): by glob the sidebar and "Næste" went alphabetically.
PROFILES_BY_GLOB = f"- glob: {PROFILE_FOLDER}/profil-*"


def _list_in_contents(book_dir: Path, pages: list[Path]) -> None:
    """The staged table of contents names the profile pages one by one in the data's order, the report's, as the
    filter, the front page and the charts list them."""
    contents = book_dir / "_toc.yml"
    lines = contents.read_text(encoding="utf-8").splitlines(keepends=True)
    listed = []
    for line in lines:
        if line.strip() == PROFILES_BY_GLOB:
            indent = line[: len(line) - len(line.lstrip())]
            listed += [f"{indent}- file: {page.relative_to(book_dir).with_suffix('').as_posix()}\n" for page in pages]
        else:
            listed.append(line)
    contents.write_text("".join(listed), encoding="utf-8")


def _stable_cell_ids(notebook: nbformat.NotebookNode) -> None:
    """Stable cell ids, so two builds from the same data write the same file."""
    for i, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{i}"
