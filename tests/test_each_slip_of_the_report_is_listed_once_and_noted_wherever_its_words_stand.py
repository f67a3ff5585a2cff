"""Reading 26, #12: the book quotes the report verbatim, slips and all (»Med blandende tilgange«, »Jeg parkererede«),
but said only of the guide's stray »?« that it stands so in the report; the other slips read as the book's own typos.
report_slips.csv lists each slip once (ADR 89), and every medium that prints the words says it after them, once."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige.data import loading
from kulturensrige.data.problems import DataError
from kulturensrige.edition import editions
from kulturensrige.render import cards, guide, lists
from report_source import repair_hyphenation
from support.checks import each

REPO = Path(__file__).resolve().parents[1]
# The slips reading 26 found in the words the book quotes and the guide's stray »?« (reader review 24, #13), with the
# report's line (of its extracted text) each is on.
FOUND = {"?": "798", "samskabelsesprocessernes": "366", "blandende": "234", "lydbille": "505", "parkererede": "529", "forsatte": "801"}
# The slips reading27 (#3) found besides: q008's two (»har kunne«, the line's next word kept so it is not read in
# »har kunnet«; »har nyt«) and the report's sentence a status's description quotes (»Dette er lykkes, og der er
# bevilliget …«).
FOUND_27 = {"har kunne folde": "306", "har nyt": "315", "lykkes": "150", "bevilliget": "150"}


def note(*words: str) -> str:
    return f"({' og '.join(f'»{w}«' for w in words)} står sådan i rapporten)"


def test_each_slip_the_book_quotes_is_listed_with_the_reports_line_and_stands_there(data, report_text):
    slips = data.report_slips
    assert set(FOUND) <= set(slips["word"]), set(FOUND) - set(slips["word"])
    lines = report_text.split("\n")
    for slip in each(slips.itertuples()):
        # The line the word stands on, and the next, where a hyphenated line break carries it on (report_slips.csv
        # held „366–367“, a range a spreadsheet read as text beside the other rows' numbers).
        first = int(slip.report_line)
        printed = repair_hyphenation("\n".join(lines[first - 1 : first + 1]))
        assert slip.word in printed, (slip.word, slip.report_line, printed)
        assert FOUND.get(slip.word, str(first)) == str(first), (slip.word, slip.report_line)


def test_the_slips_reading27_found_are_listed_where_the_book_quotes_them(data, report_text):
    """q008's »har kunne« and »har nyt« and the status description's »lykkes« and »bevilliget«, each on its line."""
    listed = dict(zip(data.report_slips["word"], data.report_slips["report_line"].astype(str), strict=True))
    assert {word: listed.get(word) for word in FOUND_27} == FOUND_27
    rows = data.report_slips.set_index("word")
    assert set(rows.loc[["har kunne folde", "har nyt"], "row_id"]) == {"q008"}
    assert set(rows.loc[["lykkes", "bevilliget"], "table"]) == {"statuses"}
    # The row quotes the report's sentence with both slips, in the words the report prints them.
    described = data.tables["statuses"].set_index("status_id").at["bevilget", "description"]
    assert "»Dette er lykkes, og der er bevilliget projektmidler" in described


def test_the_slip_reading28_found_in_q016_is_listed_and_noted_on_its_exchange_card(data, report_text):
    """Reading 28, finding 7: q016's »under vejs« (rapport:549) is a misspelling of „undervejs“ (the same quote says
    »undervejs« two lines on), a slip like »parkererede«: listed once on its line, and noted on the exchange's card."""
    row = data.report_slips.set_index("word").loc["under vejs"]
    assert (row["table"], row["row_id"], str(row["report_line"])) == ("quotes", "q016", "549")
    assert "under vejs" in report_text.splitlines()[548]
    exchange = data.quotes.loc[data.quotes["quote_id"] == "q016", "exchange_id"].iloc[0]
    card = BeautifulSoup(cards.quote_card(data, data.quotes[data.quotes["exchange_id"] == exchange]), "html.parser")
    notes = [" ".join(p.get_text(" ").split()) for p in card.select(".kr-slip-note")]
    assert note("under vejs") in notes, notes


def test_the_slips_reading29_found_in_q009_and_q018_are_listed_and_noted_on_their_cards(data, report_text):
    """Reading 29, #7: q018's »efter at var bundfrosne« (rapport:573, the »vi« left out) and q009's »at lære , ik’ os’«
    (rapport:397, a space before the comma) are slips of the kind q008's »har nyt« is, yet stood unnoted: each is
    listed once on its line, and its card says it stands so in the report."""
    rows = data.report_slips.set_index("word")
    for word, row_id, line in each([("at var bundfrosne", "q018", "573"), ("lære , ik’ os’", "q009", "397")]):
        assert word in rows.index, word
        assert (rows.at[word, "table"], rows.at[word, "row_id"], str(rows.at[word, "report_line"])) == ("quotes", row_id, line)
        assert word in report_text.splitlines()[int(line) - 1]
        card = BeautifulSoup(cards.quote_card(data, data.quotes[data.quotes["quote_id"] == row_id]), "html.parser")
        assert [" ".join(p.get_text(" ").split()) for p in card.select(".kr-slip-note")] == [note(word)], row_id


def test_a_quote_card_says_its_slips_once_after_the_quote_as_the_guide_says_its_sign(data):
    """A card notes every slip of its quote in one note after it ('(»har kunne folde« og »har nyt« står …)')."""
    slipped = data.report_slips[data.report_slips["table"] == "quotes"]
    for row_id, words in each(list(slipped.groupby("row_id", sort=False)["word"])):
        card = BeautifulSoup(cards.quote_card(data, data.quotes[data.quotes["quote_id"] == row_id]), "html.parser")
        notes = [" ".join(p.get_text(" ").split()) for p in card.select(".kr-slip-note")]
        assert notes == [note(*words)], (row_id, notes)
        assert card.select_one("blockquote").find_next_sibling("p", class_="kr-slip-note"), row_id
        # The quote itself stays verbatim: the note stands outside it.
        assert "står sådan" not in card.select_one("blockquote").get_text(), row_id
    # The guide's stray sign and the listed slips are worded by one function.
    assert guide.slip_note("Med blandende tilgange", "rapporten", ["blandende"]) == f" {note('blandende')}"
    others = data.quotes[~data.quotes["quote_id"].isin(slipped["row_id"])]
    for quote_id in each(others["quote_id"]):
        card = BeautifulSoup(cards.quote_card(data, data.quotes[data.quotes["quote_id"] == quote_id]), "html.parser")
        assert not card.select(".kr-slip-note"), quote_id


def test_a_card_that_shows_only_the_first_words_notes_no_slip_it_does_not_show(data):
    rows = data.quotes[data.quotes["quote_id"] == "q013"].to_dict("records")
    assert "lydbille" not in cards.first_words(rows[0]["text"])
    assert cards.quote_slip_note(data, [{**rows[0], "text": cards.first_words(rows[0]["text"])}]) == ""
    assert cards.quote_slip_note(data, rows) == note("lydbille")


def test_an_analysts_folder_says_the_slip_stands_so_in_its_data(data, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    options = folder / "options.csv"
    options.write_text(options.read_text(encoding="utf-8").replace("kilde,rapporten", "kilde,analytiker"), encoding="utf-8")
    theirs = loading.load(folder, cache=False)
    rows = theirs.quotes[theirs.quotes["quote_id"] == "q004"].to_dict("records")
    assert cards.quote_slip_note(theirs, rows) == "(»blandende« står sådan i analytikerens data)"


def test_every_municipality_edition_notes_each_printed_slip_once(data, edition_charts):
    slipped = data.report_slips[data.report_slips["table"] == "quotes"]
    computed = edition_charts
    stamp = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))
    for code in each(data.municipalities["kommunekode"].astype(str)):
        page = BeautifulSoup(editions.municipality_edition(data, code, stamp, computed, "plotly.min.js"), "html.parser")
        for quote in page.select(".kr-quote"):
            shown = quote.select_one("blockquote").get_text(" ")
            notes = [" ".join(p.get_text(" ").split()) for p in quote.select(".kr-slip-note")]
            assert notes == [note(w) for w in slipped["word"] if w in shown], (code, shown[:60], notes)
        assert len(page.select(".kr-slip-note")) >= 1, code


def test_the_evaluation_questions_note_their_slip(data):
    questions = BeautifulSoup(str(lists.evaluation_questions(data, "tvaergaaende")), "html.parser").select("li")
    items = [" ".join(li.get_text(" ").split()) for li in questions]
    question = (
        "Hvilke prøvehandlinger og indsatser er udviklet i projekterne og hvordan har samskabelsesprocessernes bidraget til udviklingen?"
    )
    # The question stands in »…«, as the book's other report wording (reading 28, finding 2), the note after it.
    assert [i for i in items if "står sådan" in i] == [f"»{question}« {note('samskabelsesprocessernes')}"], items


def test_a_bad_slip_row_is_refused_one_line_per_problem(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    with (folder / "report_slips.csv").open("a", encoding="utf-8") as f:
        f.write(
            "x1,blandendx,quotes,q004,,234\nx2,blandende,quotes,q999,,234\nx3,forsatte,,,ingen-side,801\nx4,blandende,quotes,q004,afsluttende-betragtninger,234\n"
        )
    with pytest.raises(DataError) as refused:
        loading.load(folder, cache=False)
    said = [line for line in str(refused.value).splitlines() if "report_slips.csv" in line]
    assert len(said) == 4, said
    assert "'blandendx' — ordet står ikke i text i quotes.csv, rækken q004" in said[0]
    assert "'q999' — ukendt id" in said[1]
    assert "'ingen-side' — ukendt side" in said[2]
    assert "angiv enten table og row_id eller page, ikke begge" in said[3]


@pytest.mark.build
def test_the_built_pages_note_each_slip_once_where_its_words_stand(data, built_site):
    """Every card on every page that shows a slip's word notes it once; the closing page's prose and the evaluation
    design's questions say theirs once."""
    in_quotes = data.report_slips[data.report_slips["table"] == "quotes"]
    carded = set()
    for path in each(sorted(built_site.rglob("*.html"))):
        text = path.read_text(encoding="utf-8")
        if "kr-quote" not in text:
            continue
        for quote in BeautifulSoup(text, "html.parser").select("article.kr-quote"):
            shown = quote.select_one("blockquote").get_text(" ")
            listed = in_quotes[in_quotes["row_id"].isin(quote.get("data-quotes", "").split())]["word"]
            notes = [" ".join(p.get_text(" ").split()) for p in quote.select(".kr-slip-note")]
            held = [w for w in listed if w in shown]
            assert notes == ([note(*held)] if held else []), (path.name, shown[:60], notes)
            carded |= set(held)
    assert carded == set(in_quotes["word"]), carded
    for page, word in (("afsluttende-betragtninger.html", "forsatte"), ("evalueringsdesign.html", "samskabelsesprocessernes")):
        main = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser").select_one("main")
        assert " ".join(main.get_text(" ").split()).count(note(word)) == 1, page
