"""Reader 27, #1: on the ingredient pages the notes about who said what stood in the way of the content. „Citaterne“
said twice that a card says who made a tie, „I guiden“ said twice in one paragraph that the coupling is the editors'
(five pages), and a municipality's PDF printed „… er redaktionens læsning. (redaktionens læsning)“. Each section
says each thing once; the marks and the page's key carry the rest."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from kulturensrige.render import cards, guide
from support.checks import each

REPO = Path(__file__).resolve().parent.parent
CARD_SAYS_WHOSE = ("siger kortet", "rapportens egen")


def _text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ").split())


def test_an_ingredients_quotes_say_once_that_a_card_names_whose_tie_it_is(data, tied_data):
    for folder in (data, tied_data):
        for ingredient_id in each(list(folder.ingredients["ingredient_id"])):
            said = _text(cards.quote_list_legend(folder, ingredient_id)) + " " + cards.ingredient_intro(folder, ingredient_id)
            for words in CARD_SAYS_WHOSE:
                assert said.count(words) <= 1, (ingredient_id, words, said)


def test_the_guides_checklist_and_the_paragraph_over_it_say_once_whose_the_ties_are(data):
    for ingredient_id in each(["", *data.ingredients["ingredient_id"]]):
        note = _text(BeautifulSoup(str(guide.checklist(data, ingredient_id)), "html.parser").select_one(".kr-basis-note"))
        # ADR 100: one sentence says whose the points and their ingredients are, „redaktionens“ once. ADR 123 opens the
        # sentence with the ingredients („Ingredienserne og punkterne uden »…« er redaktionens; …“), so the word is
        # looked for in the lowered note, as „redaktion“ is.
        lowered = note.lower()
        assert lowered.count("redaktion") == 1 and "ingredienser" in lowered and "læsning" not in lowered, (ingredient_id, note)
    # The paragraph under the heading said where the note stands: „hvem der har koblet dem, står over listen“.
    for notebook in each([*sorted((REPO / "book" / "ingredienser").glob("*.ipynb")), REPO / "book" / "afsluttende-betragtninger.ipynb"]):
        text = " ".join("".join(c["source"]) for c in json.loads(notebook.read_text(encoding="utf-8"))["cells"])
        assert "hvem der har koblet" not in text, notebook.name
