"""Issue 22, reader #4 and #12: the quote counts read as a number soup (38, 30, 29, 31, 32, 4(+1)/9/10/8, and
»Rapporten bruger 8 citater« over 6 boxes). One story a consultant can quote: the book's 38 quotes, each turn of an
exchange a quote, said where the count is; the ingredients' numbers as parts of it; no count of ties beside a count of
quotes; and a page whose quotes fill fewer cards than they count says so. The front page says each thing once."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from kulturensrige.render import cards, charts, front_page, lists
from kulturensrige.rules import statistics, views
from kulturensrige.words import count_word
from support.checks import each


def text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True).split())


def test_no_count_of_ties_stands_beside_a_count_of_quotes(data):
    """»Rapporten bruger 29 citater (31 koblinger til en ingrediens)«: the 31 was a sixth number with no place."""
    tally = statistics.quote_tally(data)
    said = [
        lists.ingredient_parts(tally, data.options),
        charts.ingredient_ties_note(data),
        text(lists.ingredient_cards(data)),
        text(front_page.quote_counting(data)),
    ]
    for sentence in each(said):
        assert not re.search(r"\d+ koblinger?\b", sentence), sentence
    # the quotes behind the report's own ties, a part of those that support an ingredient
    said_count = f"Bogen tæller {tally.quotes_by_source['rapporten']} citater, som rapporten selv knytter til ingredienserne"
    assert said_count in said[0]


def test_the_ingredient_pages_sum_is_said_with_the_pages_own_numbers(data):
    """»32 citater tæller ingredienssiderne tilsammen« gave a total of its own: the sum names the numbers it adds."""
    tally = statistics.quote_tally(data)
    pages = [n for n in tally.by_ingredient.values() if n]
    listed = ", ".join(str(n) for n in pages[:-1]) + f" og {pages[-1]}"
    item = next(i for i in lists.ingredient_part_items(tally, data.options) if i.startswith(f"{sum(pages)} citater"))
    assert f"({listed})" in item and f"{tally.several} af de {tally.total} citater" in item, item


def test_an_ingredient_page_says_how_many_cards_its_quotes_fill_where_an_exchange_shares_one(data):
    """Gnist og flamme: »Rapporten bruger 8 citater« over 6 cards, with no word on why."""
    differ = 0
    for ingredient_id in each(list(data.ingredients["ingredient_id"])):
        quotes = data.quotes[data.quotes["ingredient_ids"].map(lambda ids, i=ingredient_id: i in ids)]
        shown = int(cards.card_keys(quotes).nunique())
        intro = cards.ingredient_intro(data, ingredient_id)
        if shown == len(quotes):
            assert " kort," not in intro, intro
            continue
        differ += 1
        assert f"De {len(quotes)} citater står på {shown} kort" in intro and views.REPLIK_IS_A_QUOTE in intro, intro
    assert differ >= 1


def test_the_front_pages_quote_tile_says_what_it_counts(data):
    figures = BeautifulSoup(front_page.key_figures(data).markup, "html.parser")
    tile = next(li for li in figures.select("li") if re.match(r"[\d.]+ citater", li.get_text(" ", strip=True)))
    assert views.REPLIK_IS_A_QUOTE in tile.get_text().lower()
    # the exchange cards say it in the same words
    turns = [{"shown_role": role, "shown_caption": ""} for role in ("Kulturkonsulent", "Frivillig/borger")]
    assert views.REPLIK_IS_A_QUOTE in cards.exchange_note(turns)


def test_the_front_pages_tiles_hold_a_few_words_and_the_initiatives_rule_stands_under_them(data):
    """»13 indsatser« held a 7-line grey explanation in a 9rem tile."""
    figures = BeautifulSoup(front_page.key_figures(data).markup, "html.parser")
    for explained in each(figures.select(".kr-figure-explained")):
        assert len(explained.get_text()) <= 110, explained.get_text()
    # The rule under the tiles moved to the data chapter (reader 24, #1), behind one link under the tiles.
    assert figures.select_one("p.kr-figures-counted") is None and figures.select_one("p.kr-quote-more a") is not None
    under = BeautifulSoup(front_page.counted_initiatives(data).markup, "html.parser").select_one("p.kr-figures-counted").get_text()
    assert under.startswith(f"De {statistics.count_initiatives(data.initiatives)} indsatser:") and "efter sin slags" in under


def test_the_front_page_says_each_finding_once(data):
    """The first screen quoted the first finding, and »Udvalgte fund« a screen below quoted it again."""
    first = text(front_page.first_screen(data))
    found = text(front_page.main_findings(data))
    for finding in each(list(data.findings["report_text"])):
        assert finding in found and finding not in first, finding
    # Reader 29, F1: the first screen's link said whose choice the findings are, and the findings' section said it
    # again: the link names how many, the section whose they are.
    assert f"{count_word(len(data.findings)).capitalize()} udvalgte fund" in first
    assert (first + found).count("valgt af redaktionen") == 1 and "valgt af redaktionen" in found


def test_an_initiative_card_says_once_what_the_report_does_not_state(data):
    """Reader #5: »ikke angivet« filled many fields of Køge's and Ringkøbing-Skjern's cards (»Flytbar ordrulle«:
    målgrupper and kunstformer both), so the cards read like a database form. Each card says it once, after its facts,
    naming the fields; the facts it states stand as they did."""
    seen = 0
    for code in each(list(data.municipalities["kommunekode"])):
        soup = BeautifulSoup(str(cards.initiative_list(data, code)), "html.parser")
        for card in soup.select("article.kr-initiative"):
            facts = card.select_one("dl.kr-facts")
            # a bare »ikke angivet« (Gang i gården's purpose in its place says more, ADR 44, and stays)
            bare = [dd for dd in (facts.select("dd") if facts else []) if dd.get_text(strip=True).lower() == "ikke angivet"]
            assert not bare, card.get_text(" ", strip=True)
            line = card.select_one("p.kr-unstated")
            if line is not None:
                seen += 1
                assert line.get_text().startswith("Ikke angivet i rapporten: ") and line.get_text().endswith("."), line
                labels = {dt.get_text(strip=True).lower() for dt in facts.select("dt")} if facts else set()
                for field in line.get_text().split(": ", 1)[1].rstrip(".").split(", "):
                    assert field not in labels, (field, labels)
    assert seen >= 3


def test_the_front_page_says_the_quote_marks_in_a_reports_title_are_the_reports(data, report_text):
    """Reader #12: »Etablering af ”vi”«, ”Gang i gården” and ”Cooltur” keep the report's ”…” beside the book's „…“, and
    in the menus it looked like a typo. The report's words stay; the front page's key says the marks are the report's,
    with a title from the data as its example, in »…« as the report's words."""
    from test_the_reports_guillemets_hold_only_the_reports_words import not_the_reports

    said = text(front_page.mark_explained(data))
    titles = [t for t in data.sections.sort_values("position")["title"] if "”" in t]
    assert titles and f"Anførselstegnene i en titel som »{titles[0]}« er rapportens egne" in said, said
    assert not not_the_reports(said, report_text)
