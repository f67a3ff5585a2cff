"""What the fourth line-by-line reading found in the book's own prose (issue 21): the report's wording passed off as
the book's, a lead-in that points at the wrong card, a purpose turned into an outcome, and a recipe that would have an
analyst correct a quotation against the verbatim rule. Each test reads the book and checks it against the report."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from kulturensrige.render import cards, front_page
from report_source import collapse, repair_hyphenation
from support.checks import each

REPO = Path(__file__).resolve().parent.parent
BOOK = REPO / "book"
RUN = 9  # words: a run this long, word for word, is the report's sentence, not the book's paraphrase
QUOTE_LISTS = ("cards.quotes_in_section", "cards.quotes_for_ingredient", "cards.star_moments")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def chapters() -> list[Path]:
    return sorted(p for p in BOOK.rglob("*.ipynb") if "_build" not in p.parts)


def cells(notebook: Path) -> list[dict]:
    return json.loads(notebook.read_text(encoding="utf-8"))["cells"]


def own_prose(notebook: Path) -> list[str]:
    """The chapter's paragraphs in the book's own words: quotations (» «) and citations stand as a word the report
    never uses, so that no run of the report's words is counted across them."""
    text = " ".join("".join(c["source"]) for c in cells(notebook) if c["cell_type"] == "markdown")
    text = re.sub(r"»[^«]*«", " citeret ", text)
    text = re.sub(r"\{cite:[tp]\}`[^`]*`", " citeret ", text)
    return re.split(r"\n\s*\n", text)


def test_no_run_of_the_reports_words_stands_unquoted_in_a_chapters_prose(report_text: str):
    """Reading 14, findings 7 and 8: 'Hvad der findes for enden af regnbuen …' and 'har skabt nye samarbejder og nye
    måder at samarbejde på' stood as the book's own sentences. The report's words are quoted between » «, or said
    in the book's own words; a run of nine of them is neither."""
    report = words(collapse(repair_hyphenation(report_text)))
    runs = {tuple(report[i : i + RUN]) for i in range(len(report) - RUN + 1)}
    for notebook in each(chapters()):
        borrowed = []
        for paragraph in own_prose(notebook):
            said = words(paragraph)
            borrowed += [" ".join(said[i : i + RUN]) for i in range(len(said) - RUN + 1) if tuple(said[i : i + RUN]) in runs]
        assert not borrowed, (notebook.name, borrowed)


def cards_listed(data, code: str) -> int:
    """How many quotes a chapter's code cell lists: a section's quotes, or (an ingredient's, the star moments) many."""
    if not any(call in code for call in QUOTE_LISTS):
        return 0
    section = re.search(r'quotes_in_section\(data, "([^"]+)"\)', code)
    return int((data.quotes["section_id"] == section.group(1)).sum()) if section else 2


def test_no_lead_in_ends_in_a_colon_over_a_list_of_quotes(data):
    """Reading 14, finding 1: '… men som viser sig i fortællinger som denne:' stood over three cards in the report's
    order, and the first two were not the story the report gives there. A list of cards is in the data's order, so a
    sentence before it cannot point at one of them (a colon before a single card, like WHO's definition, can)."""
    for notebook in each(chapters()):
        book = cells(notebook)
        for before, after in zip(book, book[1:], strict=False):
            several = after["cell_type"] == "code" and cards_listed(data, "".join(after["source"])) > 1
            if before["cell_type"] == "markdown" and several:
                assert not "".join(before["source"]).rstrip().endswith(":"), (notebook.name, "".join(before["source"])[-120:])


def test_koeges_summary_keeps_the_events_purpose_and_the_senior_club(data, report_text: str):
    """Reading 14, finding 2: '… jazzkoncert og fællessang, der satte fokus på fællesskaber …' made the report's purpose
    an outcome of the singing and left out the senior club. ADR 87 (reader 26, #5): the purpose stood in the lead and on
    Gang i gården's card; the card keeps it, with the senior club, and the lead summarises."""
    report = collapse(repair_hyphenation(report_text))
    assert "Formålet var at sætte fokus på fællesskaber, bibliotekets tilbud til særligt seniorer og den lokale seniorklub" in report
    summary = data.municipalities.set_index("slug").loc["koege", "summary"]
    card = data.initiatives.set_index("initiative_id").loc["koege-gang-i-gaarden", "description"]
    assert "Formålet var at sætte fokus på fællesskaber" in card and "Formålet" not in summary
    assert "seniorklub" in card
    assert "fællessang, der satte fokus" not in summary


def test_the_star_moments_are_each_said_to_be_told_by_one_participant(data, report_text: str):
    """Reading 14, finding 11: 'som deltagere i aktionslæringsforløbet har fortalt dem' read oddly and lost that each
    moment has its own teller ('som de er fortalt af tre deltagere')."""
    assert "som de er fortalt af tre deltagere i aktionslæringsforløbet" in collapse(repair_hyphenation(report_text))
    said = str(cards.star_moments(data))
    assert "hver fortalt af en deltager i aktionslæringsforløbet" in said
    assert "har fortalt dem" not in said


def test_the_recipe_for_correcting_a_quote_keeps_the_sources_own_spelling():
    """Reading 14, finding 21: 'i vejle-q3 står »bibloteket«; ret det til »biblioteket«' taught an analyst to correct a
    quotation, while the book keeps the report's own misspellings ('lydbille', 'parkererede'). Only a transcription
    that differs from its source is corrected, and the README and the data chapter say so alike."""
    for text in each([(REPO / "README.md").read_text(encoding="utf-8"), " ".join(own_prose(BOOK / "om-data" / "genkoersel.ipynb"))]):
        flat = collapse(text)
        assert "Ret en afskriftsfejl i et citat" in flat
        assert "også med kildens egne stavefejl" in flat
        assert "skrevet af som" in flat


def test_the_book_keeps_the_reports_hedges_in_what_it_says_the_groups_think(data, report_text: str):
    """Reading 14, findings 16 and 18: 'bl.a.' was added to the guide's seventh point, and 'generelt set' was dropped
    from the groups' view of what drove them."""
    report = collapse(repair_hyphenation(report_text))
    assert "Det er generelt set aktionslæringsgruppernes opfattelse" in report
    spark = data.ingredients.set_index("ingredient_id").loc["gnist-og-flamme", "description"]
    assert spark.startswith("Generelt set oplever grupperne")
    for row in each(list(data.guide_recommendations.itertuples())):
        assert ("bl.a." in row.text) <= ("bl.a." in row.report_text), row.text


def test_a_count_of_quotes_on_fewer_cards_says_citater_in_each_of_its_parts(tied_data):
    """Reading 14, finding 12: '8 citater på 6 kort, heraf 2 med en kommune udledt af redaktionen og 6 uden angivet
    kommune' read the second 6 as cards (only 4 cards have no municipality). After 'på N kort' each part names its unit."""
    said = re.sub(r"\s+", " ", BeautifulSoup(str(cards.quotes_for_ingredient(tied_data, "gnist-og-flamme")), "html.parser").get_text(" "))
    # The summary with the inferred ties on ('8 citater på 6 kort: 2 citater med …, 6 citater uden …'; the s17 reading
    # made it plainer, #6); with them off it counts no inferred ones and says so in a sentence of its own.
    summary = re.search(r"\d+ citater på \d+ kort: [^.]*\.", said)
    assert summary, said[:400]
    # A part may hold a comma of its own ('uden kommune, hverken angivet …'): the parts begin with their number.
    parts = re.split(r"(?:, | og )(?=\d)", summary.group(0).split(": ", 1)[1].rstrip("."))
    for part in each(parts):
        assert re.match(r"\d+ citat(?:er)? ", part), summary.group(0)


def test_the_front_page_says_what_a_municipalitys_reader_gets_right_under_its_first_screen(data):
    """Reader 14, finding 2: the filter's use (a municipality's own page, the comparison, the highlight elsewhere) was
    explained only in the front page's third section, several screens down; the first screen itself is full."""
    soup = BeautifulSoup(str(front_page.first_screen(data)), "html.parser")
    offer = soup.select_one(".kr-front-offer")
    assert offer is not None
    assert "Hver kommune har sin egen side" in offer.get_text() and "fremhæver resten af bogen den" in offer.get_text()
    assert [a["href"] for a in offer.select("a")] == ["kommuner/sammenligning.html"]
