"""`programme_facts.csv`'s `description` copied the report's sentences bare (»Det er ikke lykkedes alle kommuner at
rekruttere frivillige/borgere …«), while „Fakta om forløbet“ on the page set the same words in »…«; kilder.csv says the
column's report words stand in »…« (reading 25 r2, finding 2). The download's description holds the report's words in
»…« and the page's sentence is that description, word for word."""

from __future__ import annotations

from bs4 import BeautifulSoup

from kulturensrige.render import lists
from support.checks import each


def test_the_downloaded_description_sets_each_value_of_more_than_one_word_in_guillemets(data, data_downloads):
    published = data_downloads["programme_facts.csv"]
    for fact in each(list(data.programme_facts.itertuples())):
        value = str(fact.value)
        if " " in value.strip() and not value.startswith("http") and value in str(fact.description):
            assert f"»{value}«" in str(fact.description), fact.fact_id
            assert f"»{value}«" in published, fact.fact_id


def test_the_pages_fact_sentence_is_the_downloaded_description(data):
    for fact in each(list(data.programme_facts.itertuples())):
        if str(fact.value).startswith("http"):
            continue
        said = BeautifulSoup(lists.fact_sentence(data, fact), "html.parser").get_text()
        assert said == str(fact.description), fact.fact_id
