"""Issue 22, #12 (ADR 74): a page says each thing once. A long quote stood in full on its section's page and again on
an ingredient's (q005 on Værdiskabelser and Etablering af „vi“, q030 on Leg, mod og læring and Gnist og flamme), and
„Fakta om forløbet“ said each fact twice, in the book's sentence and then in the report's wording of it."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige.render import cards, lists
from kulturensrige.render.markup import PAGE_VARIABLE
from support.checks import each

# Parts of a built page a reader does not read as its text: scripts (a long list's JSON rows, a drill panel's store),
# card <template>s, the page's navigation and its search index.
NOT_READ = "script, template, nav, .bd-sidebar-primary, .bd-sidebar-secondary, .kr-quote-store"
# A quote of more words than a line holds is long: it stands in full on one page only.
LONG = 12


def _reading_text(page: Path) -> str:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for element in soup.select(NOT_READ):
        element.decompose()
    return " ".join(soup.get_text(" ").split())


def _long_quotes(data) -> dict[str, str]:
    """Every card's whole text (an exchange's turns joined) where it is longer than its first words, by its anchor."""
    return {
        f"citat-{group[0]['quote_id']}": " ".join(" ".join(r["text"] for r in group).split())
        for group in cards.group_records(data.quotes)
        if len(" ".join(r["text"] for r in group).split()) > LONG
    }


@pytest.mark.build
def test_no_quotes_full_text_stands_on_two_reading_pages_and_its_short_reference_leads_to_it(built_site: Path, data):
    built = [p for p in sorted(built_site.rglob("*.html")) if not p.relative_to(built_site).parts[0].startswith("_")]
    pages = {p.relative_to(built_site).as_posix(): _reading_text(p) for p in built}
    quotes = _long_quotes(data)
    for anchor, text in each(sorted(quotes.items())):
        shown = [path for path, page in pages.items() if " ".join(text.split()[-12:]) in page and text[:200] in page]
        assert len(shown) <= 1, (anchor, shown)
    # Each short reference leads to the quote's full card on its section's page.
    referred = 0
    for path in each(sorted(pages)):
        soup = BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "html.parser")
        for link in soup.select(".kr-full-quote > a"):
            target, anchor = str(link["href"]).split("#")
            full = BeautifulSoup(((built_site / path).parent / target).resolve().read_text(encoding="utf-8"), "html.parser")
            card = full.find(id=anchor)
            assert card is not None and not card.select(".kr-full-quote"), (path, link["href"])
            assert link.get_text() == "Læs hele citatet" and link.find_parent("article")["id"] == anchor
            referred += 1
    assert referred >= 3  # q005, q029 and q030 in the report's data


def test_a_list_shows_a_quote_from_another_section_as_its_first_words_and_a_drill_panel_shows_it_whole(data, monkeypatch):
    """The rule is the data's (sections.book_page), for every quote and for the rows a browser fills as for the cards
    Python renders; a drill panel's store keeps the whole card."""
    quotes = data.quotes[data.quotes["ingredient_ids"].map(lambda ids: "etablering-af-vi" in ids)]
    groups = cards.group_records(quotes)
    monkeypatch.setenv(PAGE_VARIABLE, "ingredienser/etablering-af-vi")
    contexts = {c["anchor"]: c for c in (cards.card_context(data, g, abridged=True) for g in groups)}
    panel = {c["anchor"]: c for c in (cards.card_context(data, g) for g in groups)}
    pages = dict(zip(data.sections["section_id"], data.sections["book_page"], strict=True))
    for group in each(groups):
        first, whole = group[0], " ".join(r["text"] for r in group)
        context, row = contexts[f"citat-{first['quote_id']}"], cards.card_row(contexts[f"citat-{first['quote_id']}"])
        elsewhere = pages[first["section_id"]] != "ingredienser/etablering-af-vi" and len(whole.split()) > cards.FIRST_WORDS
        shown = " ".join(t["text"] for t in context["turns"])
        assert (shown == cards.first_words(first["text"])) is elsewhere, first["quote_id"]
        assert bool(row[cards.CARD_FIELDS.index("full_href")]) is elsewhere
        assert row[cards.CARD_FIELDS.index("turns")][0]["text"] == context["turns"][0]["text"]
        assert " ".join(t["text"] for t in panel[context["anchor"]]["turns"]) == whole and not panel[context["anchor"]]["full_href"]
    assert contexts["citat-q005"]["full_href"].endswith("vaerdiskabelser.html#citat-q005")
    printed = "Hele citatet står i kapitlet »Værdiskabelser i Kulturens Rige«, afsnittet »Broer, stier og krakelerede siloer«."
    assert contexts["citat-q005"]["full_printed"] == printed


def test_each_programme_fact_says_its_words_once_the_reports_in_guillemets(data):
    """No run of three words stands twice in „Fakta om forløbet“ (on main: 'kreative og æstetiske værktøjer', 'nye
    samarbejdsrelationer, der rækker ud over selve', in the book's sentence and again in the report's wording), and
    every fact is one item whose report's words (more than one word) stand in it once, in »…«."""
    facts = BeautifulSoup(str(lists.programme_facts(data)), "html.parser")
    words = re.findall(r"\w+", facts.get_text(" ").casefold())
    twice = [gram for gram, n in Counter(zip(words, words[1:], words[2:], strict=False)).items() if n > 1]
    assert not twice, twice
    items = facts.select("li")
    assert len(items) == len(data.programme_facts)
    for item, value in each(list(zip(items, data.programme_facts["value"], strict=True))):
        text = item.get_text()
        if value.startswith("http"):
            assert item.a["href"] == value
        elif " " in value:
            assert text.count(value) == 1 and f"»{value}«" in text, text


def test_a_municipalitys_edition_prints_a_long_quote_whole_once_and_says_where_elsewhere(data):
    """Køge's edition printed q030 whole under »Leg, mod og læring« and again under »Gnist og flamme«. On paper there
    is no link: the short card says under which ingredient, above or below, the whole quote stands."""
    from kulturensrige.edition import editions

    for code in each(list(data.municipalities["kommunekode"])):
        printed = [
            (ingredient["name"], card)
            for ingredient in editions.ingredient_items(data, code)
            for group in ("own", "general", "others")
            for card in ingredient.get(group, [])
        ]
        whole = Counter(" ".join(text for _, text in card["turns"]) for _, card in printed)
        long = {text for text in whole if len(text.split()) > LONG}
        assert all(whole[text] == 1 for text in long), [text[:40] for text in long if whole[text] > 1]
        for name, card in printed:
            if card.get("printed_where"):
                home = re.search(r"under »(.+)«\.$", card["printed_where"])
                whole_under = [n for n, c in printed if c["ids"] == card["ids"] and not c.get("printed_where")]
                assert home and home[1] != name and whole_under == [home[1]], (name, card["printed_where"])
