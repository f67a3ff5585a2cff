"""Issue 21, #1 lists the guide→ingredient links among the values that carry their source: the report does not tie
the guide's recommendations to the ingredients. The checklist says once, over its items, whose the links are: the
editors' in the report's folder, the analyst's in an analyst's, in the provenance model's words."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.render import guide
from support.checks import each
from support.folders import with_option

REPO = Path(__file__).resolve().parent.parent


def _note(data, ingredient_id: str = "") -> str:
    note = BeautifulSoup(str(guide.checklist(data, ingredient_id)), "html.parser").select_one(".kr-basis-note")
    return " ".join(note.get_text(" ").split())


def test_the_checklist_says_the_links_to_ingredients_are_the_editors_and_an_analysts_are_the_analysts(data, tmp_path: Path):
    for ingredient_id in each(["", *data.ingredients["ingredient_id"]]):
        said = _note(data, ingredient_id)
        # One short sentence for the items and their ties (reader28, F1; ADR 100; reader 27, #1 left the reason to
        # »Om kilderne«): two sentences said „redaktionens“ twice before the first item.
        # ADR 123: a point the book words alike is the report's wording, in »…«, and not the editors'.
        assert (
            said == "Ingredienserne og punkterne uden »…« er redaktionens; et punkt i »…« er rapportens ordlyd, og under de andre står den."
        ), ingredient_id
    folder = Path(shutil.copytree(REPO / "data", tmp_path / "analytiker"))
    with_option(folder, "kilde", "analytiker")
    theirs = _note(load(folder))
    assert "analytiker" in theirs.lower() and "redaktion" not in theirs.lower(), theirs
