"""Whose tie is it: a quote's ingredients, and the counts of ties, say whose word they are (issue 21)."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.data.problems import DataError
from kulturensrige.data.publishing import published_files
from kulturensrige.render import cards, charts, comparison, lists
from kulturensrige.rules import attribution, statistics
from support.checks import each

REPO = Path(__file__).resolve().parent.parent


def test_the_tie_count_words_the_one_quote_tally_and_counts_nothing_itself(data):
    """lists.tie_counts recounted the 36 quotes the tally already gives: the sentence is worded from the tally alone,
    so a tally that says otherwise changes the sentence and the two can never disagree."""
    tally = statistics.quote_tally(data)
    said = attribution.tie_counts(tally, data.options)
    assert f"Bogen tæller {tally.own} citater fra evalueringen selv" in said
    assert f"for {tally.inferred} citater er kommunen udledt af redaktionen" in said
    other = dataclasses.replace(tally, total=tally.total + 10, inferred=tally.inferred + 1)
    said = attribution.tie_counts(other, data.options)
    assert f"Bogen tæller {tally.own + 10} citater" in said and f"for {tally.inferred + 1} citater" in said
    help_text = attribution.filter_help(dataclasses.replace(tally, stated=3), data.options)
    assert re.match(r"3 citater er knyttet til en kommune", help_text), help_text


def _text(markup: object) -> str:
    return BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True)


def _card(data, quote_id: str) -> str:
    return cards.quote_card(data, data.quotes[data.quotes["quote_id"] == quote_id])


def test_a_card_says_when_its_tie_to_an_ingredient_is_the_editors_and_why(data):
    """Finding 6: q005 stands in "Broer, stier og krakelerede siloer"; its tie to Etablering af "vi" is the editors'
    reading, and its card says so, with the reason, as a card with an inferred municipality does."""
    card = BeautifulSoup(_card(data, "q005"), "html.parser")
    assert card.select_one(".kr-ingredient-tie").get_text() == "Koblingen til ingrediensen: redaktionens læsning, ikke rapportens."
    reasons = [d.get_text(" ") for d in card.select("details.kr-rationale")]
    assert any("Broer, stier og krakelerede siloer" in r and "Hvorfor denne kobling?" in r for r in reasons)
    for quote_id in each(("q009", "q029", "q030")):  # the report's own ties: in the section, or tied in its words
        assert BeautifulSoup(_card(data, quote_id), "html.parser").select_one(".kr-ingredient-tie") is None


def test_the_ingredient_pages_and_figures_count_only_the_reports_own_ties_as_the_reports(data):
    """'Citaterne, rapporten bruger til at underbygge ingrediensen' and 'Figuren tæller de citater, rapporten bruger …'
    stood over Etablering af "vi"'s five quotes, one of them the editors' tie: every count names whose ties it counts."""
    assert cards.ingredient_intro(data, "etablering-af-vi") == (
        "Citaterne står i rapportens rækkefølge. Rapporten bruger 4 citater til at underbygge ingrediensen; redaktionen "
        "knytter 1 citat til den (redaktionens læsning, ikke rapportens). Hvor koblingen ikke er rapportens egen, siger kortet det."
    )
    assert cards.ingredient_intro(data, "gnist-og-flamme").endswith("Rapporten bruger 8 citater til at underbygge ingrediensen.")
    for notebook in each(sorted((REPO / "book" / "ingredienser").glob("*.ipynb"))):
        assert "rapporten bruger til at underbygge" not in notebook.read_text(encoding="utf-8"), notebook.name
    whose = "redaktionen knytter 1 citat til dem (redaktionens læsning, ikke rapportens)"
    for chart in each((charts.quotes_per_ingredient(data), charts.ingredient_municipality_matrix(data))):
        assert "rapporten bruger 31 citater til at underbygge ingredienserne; " + whose in chart.note, chart.figure_id
    overview = _text(lists.ingredient_cards(data))
    assert "Rapporten bruger 4 citater til at underbygge ingrediensen; redaktionen knytter 1 citat til den" in overview
    assert whose in overview
    profile = _text(lists.municipality_ingredients(data, "760"))  # Ringkøbing-Skjern: q005 and q036
    assert "1 citat udledt af redaktionen; koblingen til ingrediensen: redaktionens læsning, ikke rapportens" in profile
    compared = _text(comparison.compare_view(data))
    assert "Etablering af ”vi” (1 citat; koblingen: redaktionens læsning, ikke rapportens)" in compared


def test_an_edition_says_whose_the_ties_to_each_ingredient_are(data):
    from kulturensrige.edition import editions

    first = editions.ingredient_items(data, "760")[0]
    assert first["ties"].startswith("Rapporten bruger 4 citater til at underbygge ingrediensen; redaktionen knytter 1 citat")
    assert [q["ingredient_tie"] for q in first["own"]] == ["Koblingen til ingrediensen: redaktionens læsning, ikke rapportens."]


def test_the_quotes_download_says_whose_each_tie_to_an_ingredient_is(data):
    rows = {r["quote_id"]: r for r in csv.DictReader(io.StringIO(published_files(data)["quotes.csv"], newline=""))}
    assert rows["q005"]["ingredient_source"] == "redaktionen" and "Broer, stier" in rows["q005"]["ingredient_rationale"]
    assert rows["q029"]["ingredient_source"] == "rapporten" and rows["q001"]["ingredient_source"] == ""


def test_a_tie_the_editors_make_needs_its_reason_and_a_source_needs_a_tie(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    quotes = folder / "quotes.csv"
    text = quotes.read_text(encoding="utf-8")
    reason = text.split("\n")[5].split(",redaktionen,", 1)[1].split('",', 1)[0] + '"'
    text = text.replace(f",redaktionen,{reason},", ",redaktionen,,", 1)
    text = text.replace("aktionslaering,,,,", "aktionslaering,,rapporten,,", 1)  # q002 has no ingredient
    quotes.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(folder)
    said = [str(p) for p in caught.value.problems]
    assert any("ingredient_rationale" in p and "redaktionen knytter citatet" in p for p in said), said
    assert any("ingredient_source" in p and "ingen ingrediens" in p for p in said), said
