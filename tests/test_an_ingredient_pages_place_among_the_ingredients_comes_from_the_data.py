"""An ingredient's page says where the ingredient stands among the data's ingredients: each of the four pages wrote
»… er den anden af de fire virksomme ingredienser.« by hand, so a data folder with other ingredients, or another
order, would have had its pages name a place and a count the data do not give."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from kulturensrige.render import lists
from kulturensrige.words import NUMBER_WORDS, ORDINAL_WORDS
from support.checks import each

REPO = Path(__file__).resolve().parent.parent
# A place and a count in words, as the pages wrote them: 'er den anden af de fire'.
PLACE = re.compile(rf"\bden ({'|'.join(ORDINAL_WORDS)}) af de ({'|'.join(NUMBER_WORDS)})\b")


def test_no_ingredient_page_writes_its_place_or_the_count_of_ingredients_by_hand():
    pages = sorted(p for p in (REPO / "book" / "ingredienser").glob("*.ipynb") if p.stem != "oversigt")
    for page in each(pages):
        prose = "".join("".join(c["source"]) for c in json.loads(page.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "markdown")
        assert not PLACE.search(prose), (page.name, PLACE.search(prose))
        code = "".join("".join(c["source"]) for c in json.loads(page.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code")
        assert "lists.ingredient_place(data, INGREDIENS)" in code, page.name


def _said(data, ingredient_id: str) -> str:
    return BeautifulSoup(str(lists.ingredient_place(data, ingredient_id)), "html.parser").get_text()


def test_an_ingredients_place_says_the_datas_name_place_and_count(data):
    ordered = list(data.ingredients.sort_values("number").itertuples())
    for place, row in enumerate(each(ordered)):
        assert _said(data, row.ingredient_id) == f"{row.name} er den {ORDINAL_WORDS[place]} af de fire virksomme ingredienser."
    # Another folder's ingredients: two of them, in the other order, the first renamed.
    first, second = ordered[0].ingredient_id, ordered[1].ingredient_id
    two = data.ingredients[data.ingredients["ingredient_id"].isin([first, second])].copy()
    two["number"] = two["ingredient_id"].map({first: 2, second: 1})
    two.loc[two["ingredient_id"] == first, "name"] = "Mod & <leg>"
    other = dataclasses.replace(data, tables={**data.tables, "ingredients": two})
    assert _said(other, second) == f"{ordered[1].name} er den første af de to virksomme ingredienser."
    assert _said(other, first) == "Mod & <leg> er den anden af de to virksomme ingredienser."
    assert "&lt;leg&gt;" in str(lists.ingredient_place(other, first))
    alone = dataclasses.replace(data, tables={**data.tables, "ingredients": two[two["ingredient_id"] == first]})
    assert _said(alone, first) == "Mod & <leg> er den eneste virksomme ingrediens."
