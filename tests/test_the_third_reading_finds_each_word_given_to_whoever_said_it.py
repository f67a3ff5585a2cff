"""The third line-by-line reading of the book against the report (session 26, reading26.md): words given to the one
who said them, sentences that say what the page shows, and data that mark what is the editors'."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from kulturensrige.data import schema
from kulturensrige.edition import editions
from kulturensrige.render import cards, comparison, dictionary, lists
from kulturensrige.words import CUT
from report_source import collapse, repair_hyphenation
from support.checks import each

REPO = Path(__file__).resolve().parent.parent
BOOK = REPO / "book"
STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def page_text(notebook: str) -> str:
    """The reader text of a chapter: its markdown cells."""
    cells = json.loads((BOOK / notebook).read_text(encoding="utf-8"))["cells"]
    return " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def text(html: object) -> str:
    return " ".join(BeautifulSoup(str(html), "html.parser").get_text(" ").split())


def _sentence_with(chapter: str, words: str) -> str:
    return next(s for s in re.split(r"(?<=[.!?])\s+", chapter) if words in s)


def test_the_reports_lead_in_to_a_quote_is_said_as_the_reports_not_the_participants(report_text: str):
    """#2: „at frigøre sig fra“ is the report's own framing (L648–651), outside the quotation marks; the page gave it
    to the participant („Som en aktionslæringsdeltager fortæller …“, „Resten af deltagerens sætning“)."""
    flat = " ".join(report_text.split())
    assert "som aktionslæringsdeltager fortæller - at frigøre sig fra ” det der new public management" in flat
    said = _sentence_with(page_text("ingredienser/leg-mod-og-laering.ipynb"), "»at frigøre sig fra«")
    assert re.search(r"Rapporten skriver, at [^.»]*»at frigøre sig fra«", said), said
    assert "deltagerens sætning" not in said and "deltager fortæller" not in said, said


def test_the_comparisons_sentence_names_the_columns_in_the_order_they_stand_in_every_municipalitys_view(data):
    """#4: with Egedal chosen the page said Køge stood first („som siden altid viser først“) while Egedal stood in the
    first column (the chosen column comes first, kommunefilter.css). Each view a choice outside the page's first pair
    makes has its own sentence, naming the chosen one first; the pair's own views have none."""
    view = BeautifulSoup(str(comparison.compare_view(data)), "html.parser")
    names = dict(zip(data.municipalities["kommunekode"], data.municipalities["name"], strict=True))
    first = list(names.values())[: comparison.FIRST_SHOWN]
    said = {p["data-compare-yields"]: p for p in view.select(".kr-compare-yields")}
    assert set(said) == set(list(names)[comparison.FIRST_SHOWN :])
    for code, name in each(list(names.items())[comparison.FIRST_SHOWN :]):
        sentence = " ".join(said[code].get_text().split())
        assert said[code].has_attr("hidden")
        # The others are said as an example since reader 26 r2, #2 (was „som siden altid viser; … er taget ud“).
        # „står først“ once, since reading 28 #8 (was „…, og som eksempel står Køge ved siden af, fordi den står først“).
        assert sentence.startswith(f"{name} står først; ved siden af står {first[0]} som eksempel,"), sentence
    assert "viser først" not in text(view)
    css = (BOOK / "_static" / "kommunefilter.css").read_text(encoding="utf-8")
    assert re.search(r"\.kr-compare-column\.kr-chosen \{\s*order: -1;", css)
    assert "dataset.compareYields !== s.kommune" in (BOOK / "_static" / "kr-lists.js").read_text(encoding="utf-8")


# #7: organisations whose kind the report does not state, with the report's words that name them (and no more).
KINDS_NOT_STATED = {
    "koege-seniorklub": "fællesskaber, bibliotekets tilbud til særligt seniorer og den lokale seniorklub",  # L129: a club
    "slagslundeklubben": "skabe opmærksomhed på Slagslundeklubbens mange tilbud",  # L179: no forening
    "helhedsplan-lindholm": "Helhedsplan Lindholm (et socialt belastet boligområde)",  # L152: no boligsocial indsats
}
# Aktionsuniversitetet's kind („Facilitator“) is no longer the editors' knowledge (brief facts32, #4, reading 31, #7):
# the sentence that names it gives the facilitator who came from it (L360-361), so the kind is the editors' reading of
# the report, as the dictionary defines kind_by_knowledge = nej; its test is in
# test_a_value_is_the_datas_and_said_as_the_report_says_it.py.


def test_an_organisations_kind_the_report_does_not_state_is_marked_the_editors_knowledge(data, report_text: str):
    """#7: the club and the senior club were „Forening“ and Lindholm „Boligsocial indsats“ as if the report said so; the
    report names them only."""
    flat = " ".join(re.sub(r"(?<=[a-zæøå])-\n(?=[a-zæøå])", "", report_text).split())
    organisations = data.organisations.set_index("organisation_id")
    for organisation, words in each(list(KINDS_NOT_STATED.items())):
        assert words in flat, words
        assert organisations.loc[organisation, "kind_by_knowledge"] == "ja", organisation


def test_a_status_examples_cut_from_a_longer_sentence_is_marked_with_the_books_cut(data, report_text: str):
    """#8: the rule says each status rests on a whole sentence, and its examples stopped mid-sentence without a mark
    (»… eventet ”Gang i gården”« goes on „, der bestod af …“). An example that stops before its sentence does ends in
    „[…]“ (words.CUT); one without it ends where the report's sentence ends."""
    report = collapse(repair_hyphenation(report_text))
    examples = [p for text in data.statuses["description"] for p in re.findall(r"»([^«]*)«", text)]
    for example in each(examples):
        cut = example.endswith(f" {CUT}")
        words = example.removesuffix(f" {CUT}")
        assert words in report, example
        ends = [report[m.end() :].lstrip()[:1] for m in re.finditer(re.escape(words), report)]
        assert all(after != "." for after in ends) if cut else all(after == "." for after in ends), (example, ends)


# The areas a role may name after its comma, each with the category whose definition is that area.
AREAS = {"sundhed": "sundhed", "kultur": "kultur"}


def test_a_role_that_names_its_department_is_in_that_departments_category_by_the_rule_the_dictionary_states(data):
    """#9: »Fællesskabskonsulent, sundhedsafdeling« stood under „Fællesskab og frivillighed“, while „Sundhedsområdet“
    is defined as the health department's staff, and no rule said which wins. The dictionary states the rule (the
    department decides; with no area or two, the job), and every role that names one area is in its category."""
    assert schema.SPEAKER_CATEGORY_RULE in (REPO / "data" / "DATAORDBOG.md").read_text(encoding="utf-8")
    assert schema.TABLES["speaker_categories"].description == schema.SPEAKER_CATEGORY_RULE
    named = 0
    for quote in each(data.quotes.to_dict("records")):
        _, comma, where = quote["speaker_role"].partition(", ")
        areas = {category for word, category in AREAS.items() if word in where.casefold()} if comma else set()
        if len(areas) == 1:
            named += 1
            assert quote["speaker_category"] == areas.pop(), (quote["quote_id"], quote["speaker_role"])
    assert named >= 2  # »Faglig koordinator, sundhed« and »Fællesskabskonsulent, sundhedsafdeling«


def test_a_pdf_names_one_place_for_the_editors_additions_and_lists_a_lists_note_under_its_section(data, edition_charts):
    """#11: the covers said „i bogens kapitel „Data og genkørsel“ under „Hvem siger det““, the keys „i udgaven
    „Kulturens Rige – data og metode“, i kapitlet om data“: one place, three names. And „Om kilderne“ listed the
    initiatives' note under each municipality's last card („Guldborgsund: Rødder“), as if that card's title were the
    editors'; it stands under the section the list is in."""
    place = editions.PRINTED_EDITORS_PLACE
    cover = text(editions.municipality_edition(data, "240", STAMP, edition_charts, "p.js"))
    assert f"Hvad redaktionen har lagt til, står {place}." in cover
    assert "bogens kapitel" not in cover and "i kapitlet om data" not in cover
    article = BeautifulSoup(
        '<article><p class="kr-key">Nøgle. <a href="x">Læs mere om, hvem der siger hvad</a></p>'
        '<p class="kr-quote-more"><a href="y">Hvordan bogen tæller, og hvem der siger hvad</a>, står i kapitlet „Data og '
        'genkørsel“.</p><h2>Indsatser</h2><article class="kr-card"><h3 class="kr-card-title">Rødder</h3></article>'
        '<details class="kr-whose-note"><summary class="kr-whose-line">Redaktionens inddeling.</summary>'
        '<div class="kr-whose-about">Fordi.</div></details></article>',
        "html.parser",
    ).article
    editions._printable_controls(article)
    pointers = [" ".join(p.get_text().split()) for p in article.select("p.kr-quote-more")]
    assert pointers and all(p.endswith(f"står {place}.") for p in pointers), pointers
    # A key names no place: the cover names it once (reader27 #3: after all thirteen chapters' keys).
    assert [" ".join(p.get_text().split()) for p in article.select("p.kr-key")] == ["Nøgle."]
    sources: list[tuple[str, str]] = []
    editions._printable_whose_notes(article, "Guldborgsund", sources)
    assert sources == [("Guldborgsund: Indsatser", "Fordi.")], sources


def test_the_books_own_sentences_that_read_badly_are_plain_danish(data):
    """#13: „Linjen over dem“ named no line; „læst ind igen er den koden igen“; „Kortenes“ under Baggrund's one card;
    „Rapporten konkluderer“ of what the report says in running text (L586–589); and the one list whose report's words
    stood in bold instead of »…« (Datagrundlag)."""
    overview = page_text("kommuner/oversigt.ipynb")
    # After the cards since reader 28, F2 (docs/adr/0101): the sentence names what stands under it, on page and paper.
    # ADR 112 (reader31, #2): the line names what it speaks of, shortly; reading31 #9: in plain Danish, not „hvis ord“.
    assert (
        "Linjen over dem" not in overview
        and "Hvem der har skrevet region, udgangspunkt og resumé på kortene, står i noten herunder." in overview
    )
    lead = dictionary.SOURCES_LEAD
    assert "læst ind igen er den koden igen" not in lead and "når filen læses ind igen, bliver ordene til koden igen" in lead
    literature = data.quotes[data.quotes["section_id"] == "baggrund"]
    assert len(literature) == 1
    said = cards.kinds_whose(data, [literature])
    assert said is not None and said.editors.startswith("Kortets „Litteraturcitat“ er redaktionens betegnelse"), said
    assert "konkluderer" not in page_text("ingredienser/faelles-fundamenter.ipynb")
    listed = BeautifulSoup(str(lists.evaluation_sources(data)), "html.parser")
    assert not listed.select("strong")
    for item, label in each(list(zip(listed.select("li"), data.evaluation_sources.sort_values("position")["label"], strict=True))):
        assert item.get_text().startswith(f"»{label[0].lower()}{label[1:]}«"), item.get_text()
    assert "fed skrift" not in page_text("evalueringsdesign.ipynb")


def test_the_comparison_says_the_municipalities_beside_the_chosen_one_are_an_example_the_reader_changes(data):
    """Reader 26 r2, #2: with Egedal chosen the page said „Køge, som siden altid viser, står ved siden af;
    Høje-Taastrup er taget ud for at give plads“: why Køge, and taken out of what? The sentence says why the others
    stand there, as an example, and what the reader does to change it."""
    view = BeautifulSoup(str(comparison.compare_view(data)), "html.parser")
    for said in each(view.select(".kr-compare-yields")):
        sentence = " ".join(said.get_text().split())
        assert "som eksempel" in sentence and "rapportens rækkefølge" in sentence, sentence
        assert sentence.endswith("Sæt flueben ved de kommuner, du vil se side om side."), sentence
        assert "altid" not in sentence and "taget ud" not in sentence, sentence
