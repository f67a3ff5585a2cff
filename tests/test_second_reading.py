"""A second line-by-line reading with the report beside the book (issue 21): the municipality editions word whose each
value is as the pages do, every download the book links to is covered by kilder.csv, and the facts are the report's."""

from __future__ import annotations

import csv
import datetime as dt
import fnmatch
import io
import json
import re
import urllib.parse
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.data import provenance, schema
from kulturensrige.data.publishing import SOURCES_FILE, published_files
from kulturensrige.data.schema import EDITORIAL_VALUES, NOT_STATED
from kulturensrige.edition import editions
from kulturensrige.render import cards, charts, figures, front_page, guide, highlight, lists
from kulturensrige.rules import filters, statistics, views
from report_source import collapse, repair_hyphenation
from support.checks import each
from support.folders import with_inferred_ties, with_option

REPO = Path(__file__).resolve().parent.parent
# What the page's note says under a chart that counts initiatives by municipality: the book's one counting rule.
COUNTED_ONCE = "Et projekt og dets delindsatser tælles som én indsats"
STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def page_text(notebook: str) -> str:
    """The reader text of a chapter: its markdown cells."""
    cells = json.loads((REPO / "book" / notebook).read_text(encoding="utf-8"))["cells"]
    return " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def text(markup: object) -> str:
    markup = markup.html() if isinstance(markup, figures.Chart) else markup
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True).split())


@pytest.fixture(scope="module")
def rudersdal(data, edition_charts) -> BeautifulSoup:
    page = editions.municipality_edition(data, "230", STAMP, edition_charts, "plotly.min.js")
    return BeautifulSoup(page, "html.parser")


def _report(report_text: str) -> str:
    return collapse(repair_hyphenation(report_text))


def _sources(data) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(published_files(data)[SOURCES_FILE], newline="")))


def _source(data, file: str, column: str) -> dict[str, str]:
    return next(r for r in _sources(data) if r["fil"] == file and r["kolonne"] == column)


def test_a_municipality_edition_says_whose_each_attention_point_is_in_the_ingredient_pages_words(data, rudersdal):
    """12 of 13 attention points are the editors' reading: the editions listed them as the report's."""
    sections = rudersdal.select("section.kr-ingredient")
    assert len(sections) == len(data.ingredients)
    for section, ingredient_id in each(list(zip(sections, data.ingredients.sort_values("number")["ingredient_id"], strict=True))):
        said = " ".join(section.get_text(" ", strip=True).split())
        for group in guide.attention_point_groups(data, ingredient_id):
            assert " ".join(filter(None, (f"{group.label}:" if group.label else "", group.lead))) in said
    whole = " ".join(rudersdal.get_text(" ").split())
    inferred = int((data.attention_points["basis"] == "inferred").sum())
    assert inferred and "Redaktionens læsning: afsnittet peger på disse punkter" in whole
    assert "rapporten nævner ikke selv et opmærksomhedspunkt ved denne ingrediens." in whole


def test_a_municipality_edition_marks_the_starting_point_and_says_whose_the_division_into_initiatives_is(data, rudersdal):
    terms = rudersdal.select("#udgangspunkt ~ dl dt")
    facts = {term.get_text(strip=True): term.find_next_sibling("dd").get_text(" ", strip=True) for term in terms}
    assert facts["Udgangspunkt"].endswith(f"({lists.starting_point_owner(data)})")
    initiatives = " ".join(rudersdal.select_one("section[aria-labelledby=indsatser]").get_text(" ").split())
    assert "Rapporten beskriver 3 indsatser" not in initiatives
    # Of Rudersdal's own initiatives: the reason for their organisations says only what holds for them (reading 28, #4b).
    rows = data.initiatives[data.initiatives["kommunekode"] == "230"]
    line, reasons = cards.whose_terms_text(data, False, *editions.initiative_lifted(data, "230"), rows=rows)
    # The line before the initiatives; the reasons in »Om kilderne«, at the edition's end, where the line points.
    sources = " ".join(rudersdal.select_one(f"section[aria-labelledby={editions.SOURCES_ID}]").get_text(" ").split())
    assert line in initiatives and reasons in sources and "og dermed antallet af indsatser, er redaktionens" in sources


def test_a_municipality_edition_says_whose_the_ties_to_other_municipalities_are(tied_data):
    """The report ties no quote to a municipality: the editions counted the editors' inferred ties without a word."""
    page = editions.municipality_edition(tied_data, "230", STAMP, editions.EditionCharts.compute(tied_data), "plotly.min.js")
    counts = [" ".join(p.get_text(" ").split()) for p in BeautifulSoup(page, "html.parser").select(".kr-list-summary")]
    elsewhere = [c for c in counts if "knyttet til andre kommuner" in c]
    assert elsewhere
    for said in each(elsewhere):
        assert "knyttet til andre kommuner (udledt af redaktionen)" in said


def test_the_municipality_cards_and_table_mark_code_region_starting_point_and_the_editors_count_of_initiatives(data):
    overview = text(cards.municipality_overview(data))
    assert "Region Sjælland · Fra bunden" in overview and "(redaktionens" not in overview
    whose = text(lists.whose(data, *cards.MUNICIPALITY_CARD_VALUES))
    # The summaries are the editors' retelling, which the page says once under its title (ADR 70, reading s24, F5).
    assert whose.startswith("(red.) Hvorfor? Redaktionens tilføjelse og betegnelser, ikke rapportens.")
    table = BeautifulSoup(str(lists.municipality_table(data)), "html.parser")
    assert "Indsatser (red.)" in [th.get_text(strip=True) for th in table.select("thead th")]
    assert "Indsatser (redaktionens inddeling)" in unquote(table.select_one("a[download]")["href"]).splitlines()[0]


def _downloads(markup: str) -> list[tuple[str, list[str]]]:
    """(file name, header) of every CSV download a piece of markup offers."""
    found = []
    for link in BeautifulSoup(markup, "html.parser").select("a[download]"):
        if link["href"].startswith("data:text/csv"):
            body = urllib.parse.unquote(link["href"].split(",", 1)[1]).removeprefix("\ufeff")  # a spreadsheet's BOM
            found.append((link["download"], next(csv.reader(io.StringIO(body, newline="")))))
    return found


def _covered(sources: list[dict[str, str]], name: str, header: list[str]) -> bool:
    """kilder.csv names the file (or its figure's pattern), and every column of it or 'alle'."""
    rows = [r for r in sources if fnmatch.fnmatchcase(name, r["fil"])]
    columns = {r["kolonne"] for r in rows}
    return bool(rows) and ("alle" in columns or set(header) <= columns)


def test_the_overview_pages_table_downloads_are_in_the_sources_file(data):
    """tabel-kommuner.csv promised a row in kilder.csv beside its link and had none."""
    sources = _sources(data)
    downloads = _downloads(str(lists.municipality_table(data)))
    assert {name for name, _ in downloads} == {"tabel-kommuner.csv"}
    for name, header in each(downloads):
        assert _covered(sources, name, header), name


@pytest.mark.build
def test_every_csv_download_on_every_page_of_the_built_book_is_in_the_sources_file(built_site: Path):
    published = (built_site / "_static" / "data" / SOURCES_FILE).read_text(encoding="utf-8-sig")
    sources = list(csv.DictReader(io.StringIO(published, newline="")))
    downloads = [d for page in sorted(built_site.rglob("*.html")) for d in _downloads(page.read_text(encoding="utf-8"))]
    assert len({name for name, _ in downloads}) > 5
    for name, header in each(downloads):
        assert _covered(sources, name, header), name


def test_the_figure_downloads_say_they_count_inferred_ties_and_a_project_with_its_parts_as_one_initiative(data):
    sources = _sources(data)
    reason = {r["fil"]: r["begrundelse"] for r in sources if r["kolonne"] == "alle"}
    for figure_id in each(("ingrediens-kommune", "citater-pr-ingrediens")):
        # Reading29 #5: the example names no one („hvem der har udledt det“), true in an analyst's folder too.
        assert "udledt" in reason[f"{figure_id}-*.csv"]
    for figure_id in each(("kunstformer-kommune", "maalgrupper-kommune", "steder-kommune")):
        assert COUNTED_ONCE in reason[f"{figure_id}-*.csv"]
    assert "Hver organisation tælles én gang" in reason["organisationer-*.csv"]  # it counts distinct organisations
    # The page says it in the same words.
    assert COUNTED_ONCE in charts.art_forms_by_municipality(data).note


def test_the_sources_file_credits_no_editors_column_to_the_report(data):
    editors = {
        ("quote_kinds.csv", "label"),
        ("quotes.csv", "kind"),
        ("group_composition.csv", "min_count"),
        ("action_learning_steps.csv", "label"),
        ("municipalities.csv", "outcome"),
        ("figures.csv", "note"),
        ("references.csv", "note"),
        ("references.csv", "language"),
        ("initiatives.csv", "title"),
        ("programme_events.csv", "title"),
        ("programme_events.csv", "number"),
        ("publication.csv", "year_note"),
        ("organisations.csv", "name"),
    }
    for file, column in each(sorted(editors)):
        row = _source(data, file, column)
        assert row["hvis_ord"] != "rapportens" and "redaktion" in row["hvis_ord"] + row["begrundelse"], (file, column, row)
    assert "title_basis" in _source(data, "initiatives.csv", "title")["hvis_ord"]


def test_a_card_marks_a_quote_kind_the_editors_named(data):
    motto = data.quotes[data.quotes["kind"] == "kort-udsagn"].head(1)
    kind, _, _ = cards.speaker_line(data, motto)
    assert kind == "Kort udsagn (redaktionens betegnelse)"
    # Reading 11, finding 16: the report speaks of its "interviewcitater" but never calls one quote that.
    interview = data.quotes[data.quotes["kind"] == "interview"].head(1)
    assert cards.speaker_line(data, interview)[0] == "Interviewcitat (redaktionens betegnelse)"
    exchange = data.quotes[data.quotes["kind"] == "ordveksling"].head(2)
    assert cards.speaker_line(data, exchange)[0] == "Ordveksling"  # "I følgende ordveksling …": the report's word


def test_the_guiding_question_is_labelled_as_the_editors_rewording_of_the_report(data, report_text):
    report = _report(report_text)
    question = data.evaluation_questions.set_index("question_id").loc["guidende-spoergsmaal", "text"]
    if question not in report:
        assert "redaktionens omskrivning" in page_text("evalueringsdesign.ipynb")


def test_the_organisations_at_the_initiatives_follow_the_report(data, report_text):
    report = _report(report_text)
    assert "Indsatserne er udført på lokale kulturinstitutioner (biblioteket, kulturcenter, kunsthal)" in report
    rows = list(data.initiatives[data.initiatives["kommunekode"] == "230"].itertuples())
    # ADR 117 (facts32, #3): the report names them for Rudersdal's project as a whole, so the project's card lists them
    # and each of its components says that in their place, no longer repeating the whole's list as its own.
    wholes = [row for row in rows if not row.part_of]
    assert wholes and len(wholes) < len(rows), [row.initiative_id for row in rows]
    for row in each(rows):
        facts = dict(cards.initiative_facts(data, row))
        if row.part_of:
            said = schema.PART_BLANKS["initiatives.organisation_ids"]
            assert str(facts["Organisationer nævnt ved indsatsen"]).startswith(said), row.initiative_id
            assert row.part_of in {whole.initiative_id for whole in wholes}, row.initiative_id
            continue
        for name in ("biblioteket", "kulturcenter", "kunsthal"):
            assert name in facts["Organisationer nævnt ved indsatsen"], row.initiative_id
    assert "musik v. musikskolelærer" in report
    assert "musikskolelærer" in charts.partners_by_kind(data).note  # the comparison page's note, under its chart (issue 22)


def test_the_egedal_workshop_and_the_langhaarssnak_point_say_what_the_report_says(data, report_text):
    report = _report(report_text)
    workshop = data.initiatives.set_index("initiative_id").loc["egedal-genbrugsvaerksted", "description"]
    assert "men det kræver dog introduktion til maskiner og værktøj, hvis man ønsker at benytte dette" in report
    assert "efter introduktion" not in workshop and "men det kræver introduktion til maskiner og værktøj" in workshop
    stated = data.attention_points[data.attention_points["basis"] == "stated"]
    assert "bidrager dermed til distance frem for fælleshed" in report
    for point in each(list(stated["text"])):
        assert "P’er" not in point and "engelske" not in point
        assert "bidrager dermed til distance frem for fælleshed" in point


def test_a_count_over_all_ingredients_says_quotes_and_ties_apart(data):
    """Over all ingredients the report's ties are counted as quotes, never as ties: '29 citater (31 koblinger …)' gave
    a consultant a number with no place among the others (issue 22, reader #4)."""
    tally = statistics.quote_tally(data)
    ties, quotes = tally.ties_by_source(), tally.quotes_by_source
    assert ties["rapporten"] != quotes["rapporten"]
    said = f"bogen tæller {quotes['rapporten']} citater, som rapporten selv knytter til ingredienserne"
    assert said in lists.ingredient_parts(tally, data.options).casefold() and said in charts.ingredient_ties_note(data)
    assert f"bogen tæller {ties['rapporten']} citater" not in lists.ingredient_parts(tally, data.options).casefold()


def test_the_smaller_findings_of_the_second_reading(data, tied_data, report_text):
    report = _report(report_text)
    # (b) the literature's cards have no municipality line
    assert "Citater fra litteraturen er ikke knyttet til en kommune" in str(front_page.card_ties(tied_data))
    # (c) "søgt indkredset"
    assert "søgt indkredset" in report and "søgt indkredset" in " ".join(data.evaluation_sources["description"])
    # (d) the report does not say who wrote the field diary
    diary = data.quotes[data.quotes["caption"] == "Feltdagbog, workshop nummer fire, Arken"]
    assert list(diary["speaker_category"]) == ["ikke-angivet"]
    # (e) the music at workshop 5 is one participant's account
    five = data.programme_events.set_index("event_id").loc["workshop-5", "description"]
    assert five.startswith("Den femte fælles workshop") and "En deltager fortæller" in five
    # (f) Figure 1 says no more than its table: no workshop has a stated date, and a form only as the editors' reading
    workshops = data.programme_events[data.programme_events["kind"] == "workshop"]
    timeline = text(charts.programme_timeline(data))
    read = workshops["mode"] != NOT_STATED
    assert (workshops.loc[read, "mode_basis"] == "inferred").all() and (workshops.loc[read, "mode_rationale"] != "").all()
    assert (workshops["date"] == NOT_STATED).all()
    assert "For de øvrige workshops angiver rapporten hverken dato, form eller sted" not in timeline
    assert "Rapporten angiver hverken dato eller form for den enkelte workshop" in timeline
    # (g) "velbeskrevne og prædefinerede"
    assert "velbeskrevne og prædefinerede projekter" in report
    # The sentence is the data's since reading 24, F11 (it names the municipalities): lists.starting_points_lead.
    chapter = page_text("kulturens-rige.ipynb") + str(lists.starting_points_lead(data))
    # In the report's own words and marks since reading 30, #3 (docs/adr/0110).
    assert "færdige, finansierede" not in chapter and "»velbeskrevne og prædefinerede projekter«" in chapter


def test_every_figure_reason_in_the_schema_names_what_it_counts():
    """The figures the book adds say what they count, not only that the report has no such figure."""
    for value in each([v for v in EDITORIAL_VALUES if v.startswith("figur:") and EDITORIAL_VALUES[v].act == "optælling"]):
        assert re.search(r"tæller|tælles", EDITORIAL_VALUES[value].reason.split(". ", 1)[1]), value


def test_an_analysts_edition_says_the_analysts_ties_and_attention_points_are_the_analysts(tmp_path):
    folder = with_inferred_ties(tmp_path / "data")
    with_option(folder, "kilde", "analytiker")
    analysts = load(folder)
    page = editions.municipality_edition(analysts, "230", STAMP, editions.EditionCharts.compute(analysts), "plotly.min.js")
    said = " ".join(BeautifulSoup(page, "html.parser").get_text(" ").split())
    assert "knyttet til andre kommuner (udledt af analytikeren)" in said
    assert "udledt af redaktionen" not in said and "Redaktionens læsning" not in said
    assert "Analytikerens angivelse: afsnittet peger på disse punkter" in said


@pytest.mark.build
def test_the_sources_file_documents_only_files_the_built_book_offers(built_site: Path):
    """Reading 11, finding 6: kilder.csv documented tabel-indsatser.csv, which no page offers."""
    folder = built_site / "_static" / "data"
    published = (folder / SOURCES_FILE).read_text(encoding="utf-8-sig")
    documented = {r["fil"] for r in csv.DictReader(io.StringIO(published, newline=""))}
    offered = {name for page in sorted(built_site.rglob("*.html")) for name, _ in _downloads(page.read_text(encoding="utf-8"))}
    offered |= {p.name for p in folder.glob("*.csv")}
    for pattern in each(sorted(documented)):
        assert fnmatch.filter(offered, pattern), pattern


def test_the_sources_file_documents_the_matrix_only_where_a_page_draws_it(data, tied_data):
    """With no quote tied to a municipality the matrix of ingredients by municipality gives way to one sentence and
    offers no download (ties21h), but kilder.csv still documented 'ingrediens-kommune-*.csv'."""

    def documented(dataset) -> set[str]:
        published = published_files(dataset, charts.figures_not_drawn(dataset))[SOURCES_FILE]
        return {r["fil"] for r in csv.DictReader(io.StringIO(published.lstrip("\ufeff"), newline=""))}

    matrix = f"{charts.MATRIX_ID}-*.csv"
    assert not views.any_tied(data) and matrix not in documented(data)
    assert views.any_tied(tied_data) and matrix in documented(tied_data)


def test_every_edition_holds_every_quote_of_each_ingredient_with_its_own_first_as_the_page_shows_them(tied_data):
    """Choosing a municipality highlights; it never removes: Egedal's edition left out the quotes the editors tied to
    Køge and Ringkøbing-Skjern (2 of Gnist og flamme's 8), and Køge's cover said 'fremhævet, ikke udskilt' over
    chapters that split them off. Each edition's groups and headings are the ingredient page's for the municipality."""
    computed = editions.EditionCharts.compute(tied_data)
    for code in each(list(tied_data.municipalities["kommunekode"])):
        printed = editions.ingredient_items(tied_data, code, computed.general_quotes)
        for item in each(printed):
            ingredient = tied_data.ingredients.loc[tied_data.ingredients["number"] == item["number"], "ingredient_id"].iloc[0]
            quotes = filters.quotes(tied_data, filters.QuoteFilter(ingredient_id=ingredient))
            shown = [i for group in ("own", "general", "others") for quote in item[group] for i in quote["ids"]]
            assert sorted(shown) == sorted(quotes["quote_id"]), (code, ingredient)
            page = highlight.list_view(tied_data, views.quote_items(cards.group_records(quotes)), views.QUOTE, code, True)
            headings = [item[f"{group}_heading"] for group in ("own", "general", "others") if item[f"{group}_heading"]]
            assert headings == [heading for _group, heading, _ in page["groups"]], (code, ingredient)
            assert all(q["own"] for q in item["own"]) and not any(q["own"] for q in item["general"] + item["others"])
    page = editions.municipality_edition(tied_data, "259", STAMP, computed, "plotly.min.js")
    said = " ".join(BeautifulSoup(page, "html.parser").get_text(" ").split())
    assert "ikke udskilt" not in said and "Generelle citater" not in said and "de står i deres udgaver" not in said
    assert "står først og er fremhævet, så følger citaterne uden kommune og til sidst dem, der er knyttet til andre kommuner" in said


def test_an_editions_cover_says_all_quotes_only_where_no_list_is_shortened(data, monkeypatch: pytest.MonkeyPatch):
    """The code review of session 12, #4: the cover and the chapter said 'alle deres citater' where, at national scale,
    a list of other municipalities' or untied quotes shows its first 25 only."""

    def said() -> str:
        page = editions.municipality_edition(data, "259", STAMP, editions.EditionCharts.compute(data), "plotly.min.js")
        return " ".join(BeautifulSoup(page, "html.parser").get_text(" ").split())

    whole = said()
    assert "De fire virksomme ingredienser står med alle deres citater" in whole and "en lang liste" not in whole
    monkeypatch.setattr(editions, "GENERAL_QUOTE_LIMIT", 1)
    shortened = said()
    assert "alle deres citater" not in shortened and "alle dens citater" not in shortened
    assert "står med deres citater (en lang liste viser de første, og det står ved listen)" in shortened
    assert "Udgaven viser de første 1 af" in shortened


def test_an_editions_note_on_the_editors_additions_and_a_municipalitys_texts_stand_once(data, edition_charts):
    """Reading 13, #15: the editions printed "Kommunekode og region er redaktionens tilføjelser …" on the cover and again
    under the municipality's facts; Køge's summary was repeated under "Hvad forløbet førte til"."""
    computed = edition_charts
    for code in each(list(data.municipalities["kommunekode"])):
        page = editions.municipality_edition(data, code, STAMP, computed, "plotly.min.js")
        said = " ".join(BeautifulSoup(page, "html.parser").get_text(" ").split())
        assert said.count(editions.edition_sources(data)["note"]) == 1, code
    for row in each(list(data.municipalities.itertuples())):
        runs = _runs(f"{row.summary} {row.outcome}")
        assert not {r for r in runs if runs.count(r) > 1}, row.slug


def test_an_ingredients_short_definition_is_the_editors_words_in_the_downloads_and_bare_under_the_rule(data, rudersdal):
    """The short definitions are the editors' summaries of the report's text; they stood as each ingredient's
    definition. ADR 70 (reading s24, F5) changed where that is said: every page and edition says once that its text
    is the editors' retelling (provenance.retelling_rule), so a definition carries no mark there; kilder.csv keeps
    the column's owner and reason."""
    overview = text(lists.ingredient_cards(data).markup)
    printed = [" ".join(p.get_text(" ").split()) for p in rudersdal.select(".kr-ingredient > .kr-lead")]
    for row in each(list(data.ingredients.itertuples())):
        page = BeautifulSoup(lists.ingredient_description(data, row.ingredient_id).markup, "html.parser")
        assert row.short_description in overview and "Kortenes definitioner" not in overview
        assert page.select_one(".kr-by") is None, row.ingredient_id
        assert row.short_description in printed, row.ingredient_id
    # ADR 81: the rule's "(red.)" follows a no-break space, which split() folds in the page's text as in the rule's.
    assert " ".join(provenance.retelling_rule(data.options).split()) in " ".join(rudersdal.get_text(" ").split())
    assert [p.get_text() for p in rudersdal.select(".kr-retelling-rule")] == [provenance.retelling_rule(data.options)]
    source = _source(data, "ingredients.csv", "short_description")
    assert source["hvis_ord"] == "redaktionens gengivelse" and "sammenfatning" in source["begrundelse"]


def _runs(text: str, length: int = 6) -> list[str]:
    """Every run of `length` words in `text`, lower-cased and without punctuation."""
    words = re.findall(r"\w+", text.lower())
    return [" ".join(words[i : i + length]) for i in range(len(words) - length + 1)]


def test_an_ingredient_page_says_each_thing_once(data):
    """The page's own prose, the short definition and the description from data are read one after the other: 'Grupperne
    har brugt tid på at pleje deres indbyrdes relationer' stood twice on Etablering af "vi", and the vedholdenhed of Gnist
    og flamme twice; no run of six words may stand twice on an ingredient page. The attention points below are read
    too (reading 13, #14: "behøver projektet ikke at blive set som mislykket" stood in the prose and as a point)."""
    pages = data.sections.set_index("section_id")["book_page"]
    for row in each(list(data.ingredients.itertuples())):
        points = " ".join(data.attention_points.loc[data.attention_points["ingredient_id"] == row.ingredient_id, "text"])
        said = f"{page_text(pages[row.section_id] + '.ipynb')} {row.short_description} {row.description} {points}"
        said = re.sub(r"»[^«]*«", "", said)  # the report's words in quotation marks may stand beside a retelling
        runs = _runs(said)
        assert not {r for r in runs if runs.count(r) > 1}, row.ingredient_id


def test_a_municipalitys_texts_repeat_no_word_within_a_sentence_and_the_starting_point_not_its_label(data):
    """Guldborgsund read 'Fra bunden: … fra bunden', and Egedal's workshop 'er etableret sammen med en gruppe mænd, der
    nyligt har etableret sig som forening'."""
    # The starting point is told once per kind in starting_points.csv since reading 30, #3 (docs/adr/0110).
    for point in each(list(data.starting_points.itertuples())):
        assert point.label.lower() not in point.description.lower(), point.starting_point_id
    for row in each(list(data.municipalities.itertuples())):
        for column in ("summary", "outcome"):
            for sentence in re.split(r"(?<=[.;:])\s+", getattr(row, column)):
                words = [w.lower() for w in re.findall(r"\w{7,}", sentence)]
                assert len(words) == len(set(words)), (row.name, column, sentence)
