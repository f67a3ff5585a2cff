"""The thirteenth reading: a download names one owner for each value, the one the pages and the schema name (issue 21)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bs4 import BeautifulSoup

from kulturensrige.book import bibliography
from kulturensrige.data import provenance
from kulturensrige.data.publishing import SOURCES_FILE, published_files
from kulturensrige.data.schema import TABLES
from kulturensrige.render import charts, front_page, lists
from report_source import collapse, repair_hyphenation
from support.checks import each

REPO = Path(__file__).resolve().parent.parent


def _sources(data) -> dict[tuple[str, str], dict[str, str]]:
    text = published_files(data)[SOURCES_FILE]
    return {(r["fil"], r["kolonne"]): r for r in csv.DictReader(io.StringIO(text, newline=""))}


def test_a_code_the_editors_added_is_theirs_in_every_table_that_names_it(data):
    """Reading 13 #3: initiatives.csv and organisations.csv credited the report with the kommunekoder it never gives."""
    sources = _sources(data)
    listed = sources[("municipalities.csv", "kommunekode")]
    for file in each(("initiatives.csv", "organisations.csv")):
        assert sources[(file, "kommunekode")] == {**listed, "fil": file}, file


def test_the_order_of_rows_the_editors_chose_or_read_out_is_not_credited_to_the_report(data):
    """Reading 13 #4: the report picks no findings, names no action-learning steps and calls only one point an
    opmærksomhedspunkt, yet kilder.csv called the findings' and steps' order and the points' order and ingredient
    the report's."""
    sources = _sources(data)
    for column in each(("findings.csv", "action_learning_steps.csv")):
        assert sources[(column, "position")]["hvis_ord"].startswith("redaktionens"), column
        assert sources[(column, "position")]["begrundelse"], column
    for column in each(("position", "ingredient_id", "text")):
        assert sources[("attention_points.csv", column)]["hvis_ord"] == "står i hver række i basis", column


def test_a_quotes_role_and_caption_say_which_rows_the_anonymity_rule_changed(data):
    """Reading 13 #5: speaker_role holds the editors' category in the tied, uncleared rows and caption only the words
    before the role, yet both were labelled the report's: kilder.csv names the columns that say which rows."""
    sources = _sources(data)
    for column in each(("speaker_role", "caption")):
        row = sources[("quotes.csv", column)]
        assert row["hvis_ord"] == "står i hver række i speaker_role", column
        assert "anonymitetsreglen" in row["begrundelse"] and "cleared ikke er ja" in row["begrundelse"], column
    assert "redaktionens inddeling" in sources[("quotes.csv", "speaker_role")]["begrundelse"]


def test_the_timelines_download_gives_each_column_the_owner_its_table_has(data):
    """Reading 13 #6: kilder.csv called every column of forloeb-*.csv the editors' while programme_events.csv called
    the same forms, dates and places the report's; and the figure said the report gives no workshop a form, then
    that it counts one virtual workshop."""
    sources = _sources(data)
    assert ("forloeb-*.csv", "alle") not in sources
    chart = charts.programme_timeline(data)
    table = next(iter(chart.variants.values())).table
    assert list(table.columns) == provenance.figure_table_headings(data.options, "forloeb")
    assert table.columns[0] == "Begivenhed (redaktionens betegnelser)"
    for heading, column in each([(table.columns[0], "title"), (table.columns[2], "date"), (table.columns[3], "place")]):
        own = sources[("programme_events.csv", column)]
        assert sources[("forloeb-*.csv", heading)] == {**own, "fil": "forloeb-*.csv", "kolonne": heading}
    # A form is the report's or, row by row (programme_events.mode_basis), the editors' reading: the figure's table
    # says which in the cell itself, and both files say so.
    form = sources[("forloeb-*.csv", table.columns[1])]
    assert "redaktionens læsning" in form["hvis_ord"] and "mode_basis" in sources[("programme_events.csv", "mode")]["hvis_ord"]
    # What the report leaves out stands in the figure's note since issue 22 (item 3), no longer in its description.
    assert "for nogen af workshopperne" not in chart.note and "for den enkelte workshop" in chart.note


def test_the_data_dictionary_names_the_kinds_of_initiative_as_the_pages_do(data):
    """Reading 13 #22: the dictionary said 'projekt, element eller aktion' where every page says the data's labels."""
    labels = [label.lower() for label in data.initiative_kinds["label"]]
    for table in each(("initiatives", "initiative_kinds")):
        said = TABLES[table].description
        assert all(label in said for label in labels) and "aktion," not in said and "element" not in said, said


def test_the_data_chapter_counts_each_initiative_by_its_kind_without_claiming_a_parent(data):
    """Reading 13 #21: 'Et projekt og dets delindsatser tælles hver for sig' while the data gives some delindsatser no
    project: the count says only what the data holds, each initiative counted once by its kind. (Reading 21: every
    delindsats is now a part of a project, so the rule may name a project's delindsatser.) Reader 24, #1: the rule
    moved from the front page to the data chapter (front_page.counted_initiatives)."""
    said = str(front_page.counted_initiatives(data))
    kinds = data.initiative_kinds.set_index("initiative_kind_id")["label"]
    parentless = data.initiatives[(data.initiatives["kind"].map(kinds) == "Delindsats") & (data.initiatives["part_of"] == "")]
    assert "dets delindsatser" not in said or parentless.empty, list(parentless["initiative_id"])
    assert "Hver indsats tælles én gang efter sin slags" in said


def test_the_dictionary_says_which_rows_of_a_published_quote_show_the_category_and_a_shortened_caption():
    """Reading 13 #5: the dictionary, like kilder.csv, names the rule that changes speaker_role and caption."""
    quotes = TABLES["quotes"].schema.columns
    for column in each(("speaker_role", "caption")):
        said = quotes[column].description or ""
        assert "ikke frigivet" in said and "anonymitetsreglen" in said, column


def test_the_front_pages_count_of_quotes_behind_the_ingredients_says_whose_ties_it_counts(data):
    """Reading 13 #11: '30 af bogens 38 citater underbygger …' folded the editors' tie (q005) into an unmarked count;
    the count says whose its ties are, as the ingredient overview does."""
    count = next(item for item in front_page.quote_parts(data) if "underbygger mindst én af de virksomme ingredienser" in item)
    # Quotes only, no tie count beside them (issue 22: '(31 koblinger)' was a number a reader could not place).
    # "som rapporten selv knytter til" (reading s24, F11): the report ties them; "bruger til at underbygge" said more.
    assert "Bogen tæller 29 citater, som rapporten selv knytter til" in count and "redaktionen knytter 1 citat til dem (en læsning" in count
    assert "kobling" not in count


def test_a_municipalitys_name_carries_the_source_kilder_csv_gives_it(data):
    """Reading 13 #2, as reading 14 #17 narrowed it: the names are the report's, and only the one the editors spell
    otherwise (Guldborgsund) is marked, alike on the profile and in kilder.csv ('rapportens og redaktionens')."""
    assert _sources(data)[("municipalities.csv", "name")]["hvis_ord"] == "rapportens og redaktionens"
    # Where the name is the report's spelling, the page's title says it and the facts do not repeat it (reader 24, #3).
    assert BeautifulSoup(str(lists.municipality_facts(data, "259")), "html.parser").find("dt", string="Officielt navn") is None
    for code, name, mark in each([("376", "Guldborgsund", "(officielt navn")]):
        facts = BeautifulSoup(str(lists.municipality_facts(data, code)), "html.parser")
        shown = facts.find("dt", string="Officielt navn").find_next("dd").get_text(" ", strip=True)
        assert shown.startswith(f"{name} {mark}"), shown
    assert provenance.page_table_headings(data.options, "tabel-kommuner", tied=False)[0] == "Kommune"


def test_a_page_table_of_the_editors_words_says_so_in_its_heading_as_kilder_csv_does(data):
    """Reading 13 #7 and #23: 'Fakta om forløbet' showed the editors' descriptions beside 'Rapportens ordlyd eller tal',
    and the references' 'Bemærkning' the editors' notes, both unmarked."""
    sources = _sources(data)
    facts = BeautifulSoup(str(lists.programme_facts(data)), "html.parser")
    # 'Fakta om forløbet' is one sentence per fact (ADR 74): the editors' retelling, which the page's one rule under its
    # title covers (ADR 70), the report's words in it in »…«; kilder.csv says the kind in full.
    assert sources[("programme_facts.csv", "description")]["hvis_ord"].startswith("redaktionens")
    assert facts.select("li") and not facts.select(".kr-by") and "»…«" in provenance.retelling_rule(data.options)
    cited = BeautifulSoup(str(bibliography.cited_where(data)), "html.parser")
    headings = [th.get_text(strip=True) for th in cited.select("thead th")]
    assert sources[("references.csv", "note")]["hvis_ord"].startswith("redaktionens") and "Bemærkning (red.)" in headings, headings


def test_the_notes_on_the_reports_figures_say_only_what_its_text_says_and_whose_they_are(data):
    """Reading 13 #8: 'de underliggende svar og hyppigheder er ikke gengivet i rapporten' and 'Viser de 6 P’er' were
    claims about images the report's text does not show, under a heading that read as the report's own."""
    for note in each(list(data.figures["note"])):
        assert "ikke gengivet i rapporten" not in note and not note.startswith("Viser"), note
    about = BeautifulSoup(charts._about(data, 4), "html.parser").summary.get_text()
    assert about == f"Om figuren i rapporten {provenance.page_mark(provenance.value_label(data.options, 'figures.note'))}"


def test_the_editors_statuses_follow_the_reports_words_one_sentence_one_status(data, report_text: str):
    """Reading 13 #19 and #20: Rødder, a new project the report says was granted funds, was 'Videreudvikles' (it is
    Kulturens Rige that is developed further); Rudersdal's two components, both 'udført' in one sentence, had two
    statuses. Reading 25 #1: that sentence tells where the work was done, not that it ended, so all three stand
    "ikke angivet" (test_an_initiatives_status_follows_one_written_rule)."""
    report = collapse(repair_hyphenation(report_text))
    statuses = dict(zip(data.initiatives["initiative_id"], data.initiatives["status"], strict=True))
    labels = dict(zip(data.statuses["status_id"], data.statuses["label"], strict=True))
    assert (
        "bevilliget projektmidler fra Slots- og Kulturstyrelsen til en videreudvikling af ’Kulturens Rige’ til et nyt projekt ’Rødder’"
        in report
    )
    assert labels[statuses["guldborgsund-roedder"]] == "Bevilget"
    assert "Indsatserne er udført på lokale kulturinstitutioner" in report
    assert statuses["rudersdal-6-ugers-gruppeforloeb"] == statuses["rudersdal-ledsagerordning"] == "ikke-angivet"


def test_the_guide_names_exactly_the_tables_that_come_with_a_csv_file(data):
    """Reading 13 #1: 'hent hver tabel som CSV-fil' while Fakta om forløbet, the resource persons, the action-learning
    group and the references have no CSV link: the guide names the one page table that has, and the diagrams, in the book's
    quote marks, for the table is the book's own (reading26r2 #21)."""
    guide = (REPO / "book" / "om-data" / "udforsker.md").read_text(encoding="utf-8")
    assert "hver tabel som CSV" not in guide and "„De deltagende kommuner“ som CSV-fil" in guide
    assert 'class="kr-csv"' in str(lists.municipality_table(data))
    assert "De deltagende kommuner" in str(lists.municipality_table(data))
    for table in each(
        (lists.programme_facts(data), lists.group_composition(data), lists.resource_persons(data), bibliography.cited_where(data))
    ):
        assert 'class="kr-csv"' not in str(table)
