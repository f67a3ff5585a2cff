"""The book says what the data has, once (issues 21 and 22; ADR 33, second addendum).

The report's data tie no quote to a municipality, not even by inference. Its book then shows no inferred switch, no
"udledt" for ties and no file of the tied views' sentences; no card says "Kommune: ikke angivet i rapporten", as a page
says once where its quotes begin that none is tied; and the profiles, the comparison, the matrix and the editions say
in one sentence that no municipality has quotes of its own. The copy of data/ with the editors' three former ties
(conftest's `tied_data`) shows it all as before.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige.book import profiles
from kulturensrige.edition import editions
from kulturensrige.render import browser, cards, charts, comparison, front_page, highlight
from kulturensrige.rules import views
from support.checks import each

KOEGE, EGEDAL = "259", "240"
STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def _text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ").split())


def test_without_an_inferred_tie_there_is_no_switch_and_no_file_of_the_tied_views(data, tied_data):
    files, control = browser.browser_files(data), browser.browser_data(data)["control"]
    assert browser.SENTENCE_FILES[True] not in files and browser.SENTENCE_FILES[False] in files
    assert highlight.SWITCH_LABEL not in control and "udledt" not in _text(control)
    assert browser.browser_data(data)["sentenceFiles"] == {"off": browser.SENTENCE_FILES[False]}
    assert browser.SENTENCE_FILES[True] in browser.browser_files(tied_data)
    assert highlight.SWITCH_LABEL in browser.browser_data(tied_data)["control"]


def test_where_no_quote_is_tied_the_cards_have_no_municipality_line_and_the_filters_panel_says_so_once(data, tied_data):
    """Reader 24, #2: the sentence stood after the quotes of six pages; it is said where a reader meets the filter, its
    panel (and on a municipality's page, the next test), and no quote page repeats it."""
    for ingredient in each(list(data.ingredients["ingredient_id"])):
        page = str(cards.quote_list_legend(data)) + str(cards.quotes_for_ingredient(data, ingredient))
        assert "Kommune:" not in _text(page), ingredient
        assert cards.UNTIED_NOTE not in _text(page) and "markerer ingen af dem" not in _text(page), ingredient
    section = _text(cards.quotes_in_section(data, "broer-stier-og-siloer"))
    assert "markerer ingen af dem" not in section and "Kommune:" not in section
    assert _text(browser.browser_data(data)["control"]).count(cards.UNTIED_NOTE) == 1
    # With the tied data fixture the cards say whose each tie is, and the panel says nothing of untied quotes.
    tied = str(cards.quote_list_legend(tied_data)) + str(cards.quotes_for_ingredient(tied_data, "gnist-og-flamme"))
    assert "Kommune: ikke angivet i rapporten" in _text(tied) and cards.UNTIED_NOTE not in _text(tied)
    assert "markerer ingen af dem" not in _text(browser.browser_data(tied_data)["control"])


def test_where_no_quote_is_tied_the_editions_say_so_in_one_sentence_and_the_profiles_comparison_and_matrix_do_not(
    data, edition_charts, tied_data
):
    said = "Rapporten knytter intet citat til en kommune, så ingen kommune har sine egne citater."
    # Reader 27, #2: a profile no longer says it in a section of its own, the same on every profile: its filter panel
    # says it (cards.UNTIED_ELSEWHERE), and its last line says where the quotes stand (guide.where_the_rest_stands).
    parts = [str(p) for p in profiles.profile_parts(data, "Egedal", EGEDAL, "rapporten")]
    assert "## Citater" not in parts and not any("knyttet til kommunen" in p or "kommunens citater" in p for p in parts)
    assert said not in _text("".join(parts)) and cards.untied_kind("".join(parts)) == "andet"
    # Reader 24, #2: the comparison and the ingredient overview repeated the profile's sentence.
    compared = _text(comparison.compare_view(data))
    assert "Ingredienser i citater knyttet til kommunen" not in compared and said not in compared
    assert _text(charts.ingredients_and_municipalities(data)) == ""
    edition = _text(editions.municipality_edition(data, EGEDAL, STAMP, edition_charts, "plotly.min.js"))
    assert "Citater knyttet til Egedal" not in edition and "Ingen citater" not in edition and said in edition
    tied_parts = [str(p) for p in profiles.profile_parts(tied_data, "Køge", KOEGE, "rapporten")]
    assert "## Citater knyttet til kommunen" in tied_parts and "Ingredienser i citater knyttet til kommunen" in _text(
        comparison.compare_view(tied_data)
    )
    assert "Uden kommune" in _text(charts.ingredients_and_municipalities(tied_data)) and said not in _text(
        "".join(str(p) for p in tied_parts)
    )


def test_the_front_page_promises_quotes_on_a_municipalitys_page_only_where_some_are_tied(data, tied_data):
    assert "med sine indsatser, og" in front_page.municipality_offer(data)
    assert "med sine indsatser og citater" in front_page.municipality_offer(tied_data)
    assert "udledt" not in _text(front_page.card_ties(data)) and "kommunelinje" in _text(front_page.card_ties(data))
    assert "er kommunen udledt" in _text(front_page.card_ties(tied_data))


@pytest.mark.parametrize("section", ["gnist-og-flamme", "broer-stier-og-siloer"])
def test_a_chosen_municipalitys_status_on_a_page_of_untied_quotes_says_in_few_words_they_are_not_tied(data, section):
    items = views.quote_items(cards.group_records(data.quotes[data.quotes["section_id"] == section]))
    for code in each(list(data.municipalities["kommunekode"])):
        name = data.municipalities.set_index("kommunekode").at[code, "name"]
        view = highlight.list_view(data, items, views.QUOTE, code, views.INFERRED_BY_DEFAULT)
        counted = views.QUOTE.count(sum(item.weight for item in items))
        assert view["status"] == f"{name}: {counted} her, ingen af dem knyttet til en kommune.", view["status"]
        said = " ".join([view["status"], *(heading for _, heading, _ in view["groups"])])
        assert not re.search(r"udledt|Medtag", said), said


@pytest.mark.build
def test_no_built_page_shows_the_switch_or_loads_the_tied_views_sentences(built_site: Path):
    assert not (built_site / "_static" / browser.SENTENCE_FILES[True]).exists()
    for page in each(sorted(built_site.rglob("*.html"))):
        assert highlight.SWITCH_LABEL not in page.read_text(encoding="utf-8"), page.name
    assert highlight.SWITCH_LABEL not in (built_site / "_static" / browser.SCRIPT).read_text(encoding="utf-8")


def test_a_page_that_says_at_its_quotes_that_none_is_tied_has_no_panel_sentence_on_it(data):
    """Reader 29, F3: an ingredient page said it at its quotes and in its panel, the front page under its quote count
    (ADR 97) and in its panel. The page's own line is the one (docs/adr/0106); a page of quote cards without such a
    line keeps the panel's sentence about the cards, any other page the one that names no cards."""
    for ingredient in each(list(data.ingredients["ingredient_id"])):
        assert cards.untied_kind(str(cards.quotes_for_ingredient(data, ingredient))) == "selv", ingredient
    assert cards.untied_kind(str(front_page.key_figures(data))) == "selv"
    # ADR 116 (phone32, reader31 #8c): a section whose quotes a tie could mark says it over its quotes too, so its panel
    # says nothing; a section whose quotes no data could tie (baggrund: WHO's definition, views.without_tie_line) has no
    # such line and keeps the panel's sentence about the cards.
    assert cards.untied_kind(str(cards.quotes_in_section(data, "broer-stier-og-siloer"))) == "selv"
    assert cards.untied_kind(str(cards.quotes_in_section(data, "baggrund"))) == "kort"
    assert "selv" not in cards.untied_by_page(data)
