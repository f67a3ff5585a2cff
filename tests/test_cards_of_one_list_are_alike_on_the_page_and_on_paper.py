"""Reader 26, finding 9 (its first three bullets). Ingredienslisten gave „5 citater underbygger ingrediensen“ on its
first card only; on a desktop Egedal's first card had a 170 px label column and the next two 345 px; „Flytbar ordrulle“
had no organisation row on the page and „ingen enkelt organisation“ in the PDF."""

from __future__ import annotations

import datetime as dt
import re

from bs4 import BeautifulSoup

from kulturensrige.edition import editions
from kulturensrige.render import cards, lists
from support.checks import each

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def test_every_ingredient_card_gives_its_total_in_one_place_and_its_ties_without_the_count_again(data):
    overview = BeautifulSoup(str(lists.ingredient_cards(data)), "html.parser")
    for card in each(overview.select("article.kr-ingredient-card")):
        total = card.select_one(".kr-card-kicker")
        assert total is not None and re.fullmatch(r"\d+ citat(er)? underbygger ingrediensen", total.get_text()), card.h3
        n = re.match(r"\d+", total.get_text()).group()
        assert not re.search(rf"\b{n}\b", card.select_one(".kr-ingredient-tie").get_text()), card.h3


def test_an_initiative_shows_the_same_fields_on_its_card_and_in_its_edition(data, edition_charts):
    charts = edition_charts
    for code in each(list(data.municipalities["kommunekode"])):
        page = BeautifulSoup(str(cards.initiative_list(data, code)), "html.parser")
        edition = BeautifulSoup(editions.municipality_edition(data, code, STAMP, charts, "p.js"), "html.parser")
        rows = data.initiatives[data.initiatives["kommunekode"] == code]
        for _, row in rows.iterrows():
            on_page = {d.get_text(strip=True) for d in page.select_one(f"#indsats-{row.initiative_id}").select("dt")}
            # The page says the facts the report does not state in one line (cards.unstated_facts), the PDF as fields.
            on_page |= set(cards.initiative_card(data, row).get("unstated", []))
            printed = {d.get_text(strip=True) for d in edition.select_one(f"#indsats-{row.initiative_id}").parent.select("dt")}
            assert on_page == printed, (row.initiative_id, on_page, printed)


def test_a_cards_label_column_is_as_wide_in_every_card_of_a_list_on_a_desktop(data, site_url, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    for row in each(list(data.municipalities.itertuples())):
        page.goto(f"{site_url}/kommuner/profil-{row.slug}.html")
        widths = page.eval_on_selector_all(
            ".kr-initiative dl.kr-facts", "lists => lists.map(l => getComputedStyle(l).gridTemplateColumns.split(' ')[0])"
        )
        assert widths and len(set(widths)) == 1, (row.name, widths)
