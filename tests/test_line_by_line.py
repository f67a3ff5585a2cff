"""The defects a careful reader found with the report beside the book (issue 21, sections 3 and 4): each test reads
what the book says and checks it against what the report says."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import itertools
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pikepdf
import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.data import provenance
from kulturensrige.data.publishing import SOURCES_FILE
from kulturensrige.data.schema import EDITORIAL_VALUES, INITIATIVES_COUNTED, NOT_APPLICABLE, NOT_STATED, TABLES
from kulturensrige.edition import editions
from kulturensrige.render import browser, cards, charts, comparison, figures, front_page, lists
from kulturensrige.rules import attribution, filters, statistics
from kulturensrige.words import count_word
from report_source import collapse, repair_hyphenation
from support.checks import each
from support.folders import with_option
from test_pdf import report_site  # noqa: F401 (the fixture: the built book with its PDFs, made once per run)

REPO = Path(__file__).resolve().parent.parent
BOOK = REPO / "book"
STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def page_text(notebook: str) -> str:
    """The reader text of a chapter: its markdown cells."""
    cells = json.loads((BOOK / notebook).read_text(encoding="utf-8"))["cells"]
    return " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def quoted_in_cells(notebook: str) -> str:
    """The report's words a chapter's code cells hand to slips.quoted_on_page, as they stand in the source."""
    cells = json.loads((BOOK / notebook).read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    strings = r'"(?:[^"\\]|\\.)*"'
    return " ".join(json.loads(found) for source in sources if "quoted_on_page" in source for found in re.findall(strings, source))


def text(html: object) -> str:
    """What a reader sees of a piece of markup; a chart model as its page shows it (its repr is only a short name)."""
    markup = html.html() if isinstance(html, figures.Chart) else html
    return BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True)


def edition(data, kommunekode: str) -> BeautifulSoup:
    page = editions.municipality_edition(data, kommunekode, STAMP, editions.EditionCharts.compute(data), "plotly.min.js")
    return BeautifulSoup(page, "html.parser")


def test_a_count_of_ties_says_whose_ties_they_are(tied_data, report_text: str):
    """The report names no municipality for any quote: no page may say some quotes have one 'angivet'."""
    guldborgsund = text(lists.municipality_ingredients(tied_data, "376"))
    assert "har ingen kommune angivet" not in guldborgsund
    assert "Rapporten knytter intet citat til en kommune" in guldborgsund and "udledt af redaktionen" in guldborgsund
    matrix = text(charts.ingredient_municipality_matrix(tied_data))
    assert "knyttet til en kommune (" in matrix and "udledt af redaktionen)" in matrix
    assert "har ingen kommune angivet" not in matrix


def test_every_count_of_inferred_ties_says_udledt(tied_data):
    side_by_side = text(comparison.compare_view(tied_data))
    assert "1 citat knyttet til kommunen (udledt af redaktionen)" in side_by_side
    overview = BeautifulSoup(str(lists.municipality_table(tied_data)), "html.parser")
    assert "Citater knyttet til kommunen (red.)" in [th.get_text(" ", strip=True) for th in overview.select("thead th")]
    assert "Citater knyttet til kommunen (redaktionens læsning)" in unquote(overview.select_one("a[download]")["href"]).splitlines()[0]
    assert "2, udledt af redaktionen" in overview.get_text(" ", strip=True)
    ringkoebing = edition(tied_data, "760")
    assert "de citater, der er knyttet til Ringkøbing-Skjern (2, udledt af redaktionen), fremhævet" in ringkoebing.get_text(" ")
    about = ringkoebing.select_one(".kr-about").get_text(" ", strip=True)
    assert "kommunens egne citater" not in about and "udledt af redaktionen" in about


def test_no_sentence_claims_an_order_of_cards_the_data_does_not_decide():
    assert "står først blandt citaterne" not in page_text("ingredienser/gnist-og-flamme.ipynb")


def test_figure_1_claims_no_mode_the_report_does_not_state_and_figures_1_and_4_are_labelled_reconstructions(data, report_text):
    timeline = str(charts.programme_timeline(data).html())
    assert "fysisk ifølge rapporten" not in timeline
    # Said once, in the caption (a new reader's review, finding 7c: the line under it said it again).
    assert "(red.)" in text(timeline)
    # The report calls no workshop physical; where the editors read one so, the row says it is their reading (read21d).
    events = data.programme_events
    assert set(events.loc[events["mode_basis"] != "inferred", "mode"]) <= {"virtuel", "ikke angivet", NOT_APPLICABLE}
    words = text(charts.figure4_words(data))
    assert "(red.)" in words  # the page's short mark, under its key (docs/adr/0036)
    chapter = page_text("ingredienser/etablering-af-vi.ipynb")
    assert "Rapporten gengiver ikke svarene" not in chapter and "Figur 4 viser en wordcloud" in report_text
    assert "Rapporten trykker ordskyen som billede" in chapter


def test_organisations_are_not_called_partners_and_statuses_are_labelled_the_editors_reading(data):
    row = data.initiatives.iloc[0]
    facts = dict(cards.initiative_facts(data, row))
    assert "Partnere" not in facts
    assert facts["Organisationer nævnt ved indsatsen"].endswith("(redaktionens samling)")
    assert facts["Status"].endswith("(redaktionens læsning)")
    chart = text(charts.partners_by_kind(data))
    assert "Partnere i indsatserne" not in chart and "Rapporten kalder ingen af disse organisationer partnere" in chart
    assert "## Partnere" not in page_text("kommuner/sammenligning.ipynb")


ORGANISATIONS_LABEL = "Organisationer nævnt ved indsatsen"
# The organisations the line-by-line reading found listed as 'Partnere' (issue 21, 3), each with the initiative whose
# card names it, the relation its description gives, and the report's words for that relation.
NAMED_ORGANISATIONS = {
    "paraplyen": ("hoeje-taastrup-fribilletter", "brugere var blandt målgrupperne", "brugere af værestedet Paraplyen"),
    "kulturministeriet": (
        "aarhus-grib-engagementet",
        "et initiativ under Kulturministeriet",
        "der er et initiativ under Kulturministeriet",
    ),
    "storstroems-faengsel": ("guldborgsund-roedder", "tænkt med i", "hvor også Storstrøms fængsel og Helhedsplan Lindholm"),
    "helhedsplan-lindholm": ("guldborgsund-roedder", "tænkt med i", "(et socialt belastet boligområde) er tænkt med"),
    "koege-bibliotek": ("koege-gang-i-gaarden", "sætte fokus på", "Formålet var at sætte fokus på fællesskaber, bibliotekets tilbud"),
    "koege-seniorklub": ("koege-gang-i-gaarden", "sætte fokus på", "til særligt seniorer og den lokale seniorklub"),
    "march-mod-ensomhed": ("koege-gang-i-gaarden", "deltog i", "kommunens deltagelse i March mod ensomhed"),
}


def test_every_initiative_card_labels_its_organisations_the_editors_gathering_and_names_each_one(data):
    """Every card, not only the first: no fact is called partners, and each organisation the card names stands in one
    list that ends with whose gathering it is (the report calls none of them a partner)."""
    label = provenance.owner_mark(provenance.value_label(data.options, "initiatives.organisation_ids"))
    assert label == "(redaktionens samling)"
    names = dict(zip(data.organisations["organisation_id"], data.organisations["name"], strict=True))
    for row in each(list(data.initiatives.itertuples())):
        facts = dict(cards.initiative_facts(data, row))
        assert not [key for key in facts if "partner" in key.casefold()], row.initiative_id
        whole = cards.for_the_whole(data, row).get("organisation_ids")
        if not row.organisation_ids and whole:
            # ADR 117 (facts32, #3): a part whose project names the organisations says once, in the gathering's label,
            # that the report names them for the whole project, where before it showed no field.
            assert str(facts[ORGANISATIONS_LABEL]) == f"{whole} {label}", (row.initiative_id, facts[ORGANISATIONS_LABEL])
            continue
        if not row.organisation_ids:
            # No field where the editors gathered none, on the page and in the PDF alike (reader 26, #9; ADR 87).
            assert ORGANISATIONS_LABEL not in facts, row.initiative_id
            continue
        listed = str(facts[ORGANISATIONS_LABEL])
        assert listed.endswith(label) and listed.count(label) == 1, (row.initiative_id, listed)
        assert all(names[organisation] in listed for organisation in row.organisation_ids), (row.initiative_id, listed)


def test_the_organisations_the_reading_found_called_partners_are_labelled_and_say_the_relation_the_report_states(
    data, data_downloads, report_text: str
):
    """Paraplyen (a target group), Kulturministeriet, Storstrøms fængsel and Helhedsplan Lindholm (planned for a
    future project), the library and the senior club (what an event focused on) and March mod ensomhed (a campaign):
    each is named on its initiative's card in the editors' labelled gathering, never as a partner, and its published
    description gives the relation in words the report bears out."""
    report = collapse(repair_hyphenation(report_text))
    organisations = data.organisations.set_index("organisation_id")
    published = {row["organisation_id"]: row for row in csv.DictReader(io.StringIO(data_downloads["organisations.csv"].lstrip("\ufeff")))}
    for organisation, (initiative, relation, reports_words) in each(list(NAMED_ORGANISATIONS.items())):
        name = organisations.loc[organisation, "name"]
        row = next(r for r in data.initiatives.itertuples() if r.initiative_id == initiative)
        assert organisation in row.organisation_ids
        listed = str(dict(cards.initiative_facts(data, row))[ORGANISATIONS_LABEL])
        assert name in listed and listed.endswith("(redaktionens samling)"), listed
        description = published[organisation]["description"]
        assert relation in description and "partner" not in description.casefold(), description
        assert reports_words in report, reports_words


def test_the_background_quotes_who_as_the_report_does(report_text):
    chapter = page_text("baggrund.ipynb")
    assert "alene forebygger og behandler" not in chapter
    quoted = (
        "strategier, der alene fokuserer på at behandle psykisk sygdom, ikke nødvendigvis vil føre til bedre mental "
        "sundhed på befolkningsniveau"
    )
    assert f"»at {quoted}«" in chapter and f"at {quoted}" in " ".join(report_text.split())


def test_the_facilitator_is_not_listed_as_a_resource_person(data):
    html = BeautifulSoup(str(lists.resource_persons(data)), "html.parser")
    listed = [td.get_text(strip=True) for td in html.select("tbody tr td:first-child, tbody tr th:first-child")]
    assert "Christa Breum Amhøj" not in listed and "Charlotte Meilstrup" in listed
    # One sentence since reading 30, #8 („… kalder ikke facilitatoren en ressourceperson: Christa …“ read as a heading).
    said = html.get_text(" ", strip=True)
    # Reading32, #1: what the report says of her (l. 360–361), not an exclusion from its open list (»bl.a.«, l. 52–55).
    assert "Rapporten nævner bl.a. disse tre ressourcepersoner og kalder Christa Breum Amhøj facilitator af aktionslæringsforløbet." in said


def test_the_books_own_charts_are_labelled_and_numbered_apart_from_the_reports_figures(data):
    chart = text(charts.quotes_per_ingredient(data))
    assert "Redaktionens optælling og inddeling, ikke rapportens" in chart
    # The categories' reason as the data give it: the anonymity rule only where a quote is tied (s23 reading, F9).
    assert provenance.reason("quotes.speaker_category", provenance.data_reasons(data.tables)) in chart
    assert "fordelt på talerens rolle" not in page_text("ingredienser/oversigt.ipynb")
    koege = edition(data, "259")
    titles = [p.get_text(strip=True) for p in koege.select(".kr-figure-title")]
    # A chart drawn is a "Diagram", a table standing for an undrawn one a "Tabel" (ADR 71): neither is "Figur".
    assert titles and all(t.startswith(("Diagram ", "Tabel ")) for t in titles), titles


def test_an_editions_counts_agree_with_its_lists(data):
    """Køge's edition listed 4 and 7 general quotes beside a diagram of 5 and 8: each count now says how it splits."""
    koege = edition(data, "259")
    for section in each(koege.select("section.kr-ingredient")):
        counts = section.select_one(".kr-list-summary").get_text(" ", strip=True)
        # Where no quote is tied, the total stands alone: no '0 knyttet til kommunen' (s23 reading F9).
        found = re.search(
            r"I alt (\d+) citater? til ingrediensen(?:: (\d+) knyttet til kommunen(?:, (\d+) uden kommune)?(?: og (\d+) uden kommune)?|\.)",
            counts,
        )
        assert found, counts
        numbers = [int(n) for n in found.groups() if n]
        assert len(numbers) > 1 or "knyttet til kommunen" not in counts, counts
        elsewhere = re.search(r"(\d+) knyttet til andre kommuner", counts)
        assert len(numbers) == 1 or numbers[0] == sum(numbers[1:]) + (int(elsewhere.group(1)) if elsewhere else 0), counts
        name = section.select_one("h3").get_text(strip=True).split(". ", 1)[1]
        ingredient = data.ingredients.loc[data.ingredients["name"] == name, "ingredient_id"].iloc[0]
        assert numbers[0] == len(filters.quotes(data, filters.QuoteFilter(ingredient_id=ingredient))), name


def test_the_reports_spelling_of_guldborgsund_is_explained_wherever_it_shows(data):
    assert filters.section_title(data, "guldborgsund") == "Guldborgssund (rapportens stavning; officielt navn: Guldborgsund)"
    overview = text(cards.municipality_overview(data))
    assert "Afsnit: Guldborgssund (rapportens stavning; officielt navn: Guldborgsund)" in overview or "Guldborgssund" not in overview


def test_what_the_book_left_out_is_restored_in_the_reports_words(report_text):
    restored = {
        "baggrund.ipynb": [
            "som et supplement til at behandle og forebygge",
            "selvaccept",
            "social isolation",
            "handleplan for mental sundhed 2013–2020",
        ],
        "vaerdiskabelser.ipynb": ["en velkendt problematik", "kræver en særlig indsats"],
        "ingredienser/leg-mod-og-laering.ipynb": ["at frigøre sig fra"],
        "evalueringsdesign.ipynb": ["der også kaldes kerneelementer eller principper"],
        "afsluttende-betragtninger.ipynb": ["den fjerde fælles workshop", "eksperimenter og udforskninger vise"],
    }
    flat = " ".join(report_text.split())
    for notebook, phrases in restored.items():
        # The closing quote is given by a cell that adds the note on its slip (slips.quoted_on_page, ADR 89): its
        # words stand in the cell's source, as the page shows them.
        chapter = page_text(notebook) + " " + quoted_in_cells(notebook)
        for phrase in phrases:
            assert phrase in chapter, (notebook, phrase)
    for quoted in (
        "som et supplement til at behandle og forebygge",
        "en velkendt problematik",
        "der også kaldes kerneelementer eller principper",
    ):
        assert quoted in flat


@pytest.mark.build
def test_the_printed_book_offers_no_screen_controls_and_shows_every_municipality_side_by_side(built_site: Path, data):
    compare = BeautifulSoup(
        str(editions.printable_article(built_site, editions.Chapter("kommuner/sammenligning.html", 1, "x"), 1, "")), "html.parser"
    )
    assert len(compare.select(".kr-compare-column")) == len(data.municipalities)
    assert compare.select_one(".kr-compare-status") is None
    for page in ("kommuner/sammenligning.html", "ingredienser/oversigt.html"):
        printed = text(editions.printable_article(built_site, editions.Chapter(page, 1, "x"), 1, ""))
        for control in ("Vis tallene som tabel", "Hent tabellen som CSV", charts.CLICK_HINT, charts.CELL_HINT, charts.PARTNER_HINT):
            assert control not in printed, (page, control)
    # Words of two inline elements ran together on paper ("aktionerEt", now "indsatserHver"): a space stands between them.
    # The counting rule stands after the count it explains (issue 22: "De 13 indsatser: Et projekt …"), once, in the data
    # chapter (ADR 72), not on the front page.
    rule = INITIATIVES_COUNTED.split()[0]
    method = editions.printable_article(built_site, editions.Chapter("om-data/genkoersel.html", 1, "x"), 1, "")
    method_text = BeautifulSoup(str(method), "html.parser").get_text("")
    assert f"indsatser{rule}" not in method_text and re.search(rf"indsatser:\s+{rule}", method_text)
    front = BeautifulSoup(str(editions.printable_article(built_site, editions.Chapter("index.html", 0, "x"), 1, "")), "html.parser")
    assert INITIATIVES_COUNTED not in front.get_text("")
    # Within a figure (a row of the print's table since print22d), the count's word and its note keep a space between
    # them ("citaterHver" ran together).
    tiles = [cell.get_text("") for cell in front.select(".kr-key-table td")]
    assert tiles and [tile for tile in tiles if re.search(r"[a-zæøå][A-ZÆØÅ]", tile)] == []


# The web book's controls the whole-book PDF printed (issue 21, 3): none may stand in a reader's PDF.
PRINTED_CONTROLS = ("Vis tallene som tabel", "Hent tabellen som CSV", "klik på en søjle", "filteret")


def _outline(path: Path) -> list[tuple[str, list[str]]]:
    """Each entry of a PDF's outline with the titles of the entries right under it."""
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        entries, stack = [], list(outline.root)
        while stack:
            item = stack.pop(0)
            entries.append((str(item.title), [str(child.title) for child in item.children]))
            stack = list(item.children) + stack
    return entries


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils mangler (scripts/install_pdf_tools.sh)")
@pytest.mark.build  # the PDFs `make pdf` printed (tests/test_pdf.py's `report_site`)
def test_the_printed_pdfs_offer_no_screen_control_run_no_words_together_and_show_every_municipality_side_by_side(
    report_site: Path,  # noqa: F811
    data,
):
    """The PDF files themselves, as a reader of them gets them (the tests above read the HTML the printer takes): no
    'Vis tallene som tabel', 'Hent tabellen som CSV', 'Klik på en søjle' or 'filteret' in the whole book or an
    edition; no two words run together ('aktionerEt'); and the whole book's »Side om side« shows all the
    municipalities (it showed 2 of 7), each with its initiatives. The analysts' edition is left out of the first two:
    its accessibility statement describes the web book's controls on purpose, and its tools' names (LibreOffice,
    QualCoder) are written so."""
    readers = sorted(p for p in (report_site / "pdf").glob("*.pdf") if p.name != editions.ANALYSTS_FILE)
    assert len(readers) == 1 + len(data.municipalities)
    for path in each(readers):
        raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
        said = " ".join(raw.split()).casefold()
        assert [control for control in PRINTED_CONTROLS if control.casefold() in said] == [], path.name
        run_together = [w for w in re.findall(r"[^\W\d_]+", raw) if any(a.islower() and b.isupper() for a, b in itertools.pairwise(w))]
        assert run_together == [], (path.name, run_together[:10])
    whole = report_site / "pdf" / editions.file_name()
    names = list(data.municipalities["name"])
    assert ("Side om side", names) in _outline(whole)
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(whole), "-"], capture_output=True, text=True, check=True).stdout
    lines = [" ".join(line.split()) for line in raw.splitlines()]
    start = lines.index("Side om side")
    side_by_side = " ".join(lines[start : lines.index("Kunstformer og aktiviteter", start)])
    for row in each(list(data.municipalities.itertuples())):
        titles = data.initiatives.loc[data.initiatives["kommunekode"] == row.kommunekode, "title"]
        assert row.name in side_by_side and all(" ".join(str(t).split()[:3]) in side_by_side for t in titles), row.name


@pytest.mark.build
def test_the_printed_book_leaves_out_the_web_books_navigation(built_site: Path, data):
    """The whole-book PDF printed the front page's first screen: "Start her: Læs bogens gengivelse forfra · Din
    kommune · …", links meant for a reader on the web, and the page's 'Sådan citerer du rapporten', whose fingerprint
    stands "nederst på siden" on the web. Paper has its table of contents and the findings in full, and the edition's
    cover says how to cite it; the lead stays."""
    front = text(editions.printable_article(built_site, editions.Chapter("index.html", 0, "x"), 1, ""))
    web = ["Start her", "Din kommune", "Guiden som tjekliste", "Mere om at citere", "Alle udvalgte fund", "nederst på siden"]
    for words in each(web):
        assert words not in front, words
    assert text(front_page.lead(data)) in front
    assert all(text(finding.report_text) in front for finding in data.findings.itertuples())


def test_the_reports_missing_space_after_a_hyphen_is_repaired_one_way_throughout():
    """'sorg-og livsmodsgruppe' and 'Billed-og medieskole' are the same slip in the report; the book repairs both. Only
    a column for the report's own spelling of a name (name_in_report) keeps it, so the book can say it changed it."""
    for path in each(sorted((REPO / "data").glob("*.csv"))):
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        cells = [v for row in rows for column, v in row.items() if column != "name_in_report"]
        slips = [slip for cell in cells for slip in re.findall(r"\w+-og \w+", cell)]
        assert not slips, (path.name, slips)


def test_no_sentence_says_the_report_calls_some_organisations_partners(data, report_text: str):
    """The report never uses the word 'partner': the book may not say it calls some organisations so."""
    assert "partner" not in report_text.casefold()
    said = " ".join(
        [page_text("kommuner/sammenligning.ipynb"), text(charts.partners_by_kind(data)), text(lists.whose(data, "organisations.kind"))]
    )
    for claim in each(("kun nogle af dem partnere", "ikke alle disse organisationer partnere")):
        assert claim not in said
    assert "Rapporten kalder ingen af" in said


def test_a_count_of_ties_says_which_quotes_it_leaves_out(data):
    """'ingen af sine 36 citater' stood beside 'Rapporten trykker 35 citater' and the key figure 38: the two quotes
    from cited works it leaves out are named, so the counts add up."""
    said = attribution.tie_counts(statistics.quote_tally(data), data.options)
    found = re.search(r"Af bogens (\d+) citater er (\d+) fra rapportens eget materiale og (\d+) fra litteraturen", said)
    assert found, said
    assert int(found.group(2)) + int(found.group(3)) == int(found.group(1)) == len(data.quotes)
    assert int(found.group(3)) == int((data.quotes["reference_key"] != "").sum())


def test_a_list_of_the_word_cloud_words_names_all_the_words_the_report_gives(data, report_text: str):
    """'præget af åbenhed, tillid og respekt' left out three of the six words the report names for Figure 4."""
    words = list(data.figure4_words.sort_values("position")["word"])
    assert "præget af " + ", ".join(words[:-1]) + " og " + words[-1] in " ".join(report_text.split())
    description = data.ingredients.loc[data.ingredients["ingredient_id"] == "etablering-af-vi", "description"].iloc[0]
    lists_of_words = re.findall(r"præget af ([^.;]+)", " ".join([page_text("ingredienser/etablering-af-vi.ipynb"), description]))
    assert lists_of_words
    for listed in each(lists_of_words):
        assert all(w in listed for w in words), listed


def test_what_the_cultural_bond_supported_is_the_reports_starting_point_not_the_groups_composition(report_text: str):
    chapter = page_text("ingredienser/faelles-fundamenter.ipynb")
    assert "den brede, tværfaglige sammensætning af grupperne er blevet understøttet" not in chapter
    assert "tværdisciplinære udgangspunkt for arbejdet" in chapter and "tværdisciplinære udgangspunkt for arbejdet" in " ".join(
        report_text.split()
    )


# What only a screen offers, as the chapters and charts say it: none of it may stand on paper.
SCREEN_ONLY = (
    "Sådan bruger du filteret",
    "valgt en kommune i filteret",
    "Medtag udledte",
    "flueben gemmes i browseren",
    "klik på navnet",
    "kan filtreres med kommunefilteret",
    "kan foldes ud",
    "filteret øverst",
    "Vis tallene som tabel",
    "Hent tabellen som CSV",
    "Klik på",
    "Tryk eller klik",
    "Sådan er siden lavet",
)


@pytest.mark.build
def test_every_hint_to_tap_or_click_fits_a_phone_and_a_desktop_alike(data, built_site: Path):
    """Chart help said 'Klik på en søjle' on a touch phone while the comparison said 'Tryk på et tal': one wording
    fits both, 'Tryk eller klik på …', on every page and in the data the browser reads."""
    files = [*sorted(built_site.rglob("*.html")), *(built_site / "_static" / name for name in browser.browser_files(data))]
    one_way = re.compile(r"(?<![Tt]ryk eller )\b(?:[Kk]lik|[Tt]ryk) på ")
    said = [(f.relative_to(built_site).as_posix(), m.group()) for f in files for m in one_way.finditer(f.read_text(encoding="utf-8"))]
    assert not said, said[:10]
    assert any("Tryk eller klik på" in f.read_text(encoding="utf-8") for f in files)


@pytest.mark.build
def test_no_chapter_of_the_printed_report_offers_what_only_a_screen_can_do(built_site: Path):
    """The report's chapters on paper (the analysts' part, Data og metode, describes the web book on purpose)."""
    analysts = ("om-data/", "tilgaengelighed")
    for chapter in each([c for c in editions.chapters(built_site) if not c.path.startswith(analysts)]):
        printed = text(editions.printable_article(built_site, chapter, 1, ""))
        assert not [phrase for phrase in SCREEN_ONLY if phrase in printed], chapter.path


def test_no_words_of_the_book_stand_inside_the_reports_section_title(data):
    """'Bygger på rapportens afsnit »Guldborgssund (rapportens stavning; officielt navn: Guldborgsund)«' put the book's note
    inside the report's heading."""
    said = "Bygger på rapportens afsnit »Guldborgssund« (rapportens stavning; officielt navn: Guldborgsund)."
    assert said in text(lists.municipality_facts(data, "376"))
    assert said in edition(data, "376").get_text(" ")


def test_the_kinds_of_initiative_are_labelled_the_editors_grouping(data, report_text: str):
    """The report speaks of 'projekter, prøvehandlinger eller fokusområder' and numbered parts; 'Aktion', 'Projekt'
    and 'Element' are the editors' grouping, and the front page said the report makes it."""
    figures = text(front_page.counted_initiatives(data))  # the data chapter's, since reader 24, #1
    assert "rapporten deler det op i" not in figures and "redaktionens inddeling)" in figures
    assert "projekter, prøvehandlinger eller fokusområder" in " ".join(report_text.split())


def test_every_worded_value_in_the_facts_about_the_programme_is_the_reports_own_words(data, report_text: str):
    """The list sets them in »…« as the report's words: 'som de udviklede indsatser' and 'ikke lykkedes i alle kommuner'
    were the book's rewording. Every value in words (not a number or an address) stands in the report as printed,
    its line-end hyphens repaired."""
    report = collapse(repair_hyphenation(report_text))
    worded = [v for v in data.programme_facts["value"] if " " in v and not v.startswith("http")]
    assert len(worded) >= 6
    for value in each(worded):
        assert value in report, value
    # The list says each fact once (ADR 74): the report's words stand in its sentence in »…«, not under a column heading.
    shown = BeautifulSoup(str(lists.programme_facts(data)), "html.parser").get_text()
    for value in each(worded):
        assert shown.count(f"»{value}«") == 1, value


def test_descriptions_of_initiatives_keep_the_reports_hedges(data, report_text: str):
    """Høje-Taastrup's 'Håbet har været, at kunst og kultur kan bidrage til …' became what art 'skulle' do, and
    Egedal's focus on building a workshop became men who make things there."""
    report = collapse(repair_hyphenation(report_text))
    tickets = data.initiatives.set_index("initiative_id").loc["hoeje-taastrup-fribilletter", "description"]
    # The hedge in the report's own tense (reading 24, F1: »Håbet har været«, not "håbet var").
    assert "bidrage til glæde, trivsel og mod" not in tickets and "håbet har været" in tickets
    assert "Håbet har været, at kunst og kultur kan bidrage til glæde og trivsel og måske mere lyst og mod" in report
    # The focus stands on the workshop's card, the lead only names it (ADR 87, reader 26, #5).
    egedal = data.initiatives.set_index("initiative_id").loc["egedal-genbrugsvaerksted", "description"]
    assert "i værkstedet laver mænd" not in egedal
    assert "primært fokus på at bygge et værksted op, hvor man kan lave kreative projekter" in egedal
    assert "primært fokus på at bygge et værksted op, hvor man kan lave kreative projekter sammen" in report


def test_the_sources_of_the_evaluation_name_no_actor_the_report_does_not_name(data, report_text: str):
    """The report lists 'deltagerobservationer ved de fælles workshops, deltagelse på udvalgte online
    tovholdermøder' without saying who observed or took part: 'Evaluator har deltaget i …' was the editors' guess."""
    descriptions = " ".join(data.evaluation_sources["description"])
    assert "Evaluator" not in descriptions and "Rapporten siger ikke, hvem der" in descriptions
    report = collapse(repair_hyphenation(report_text))
    assert "deltagerobservationer ved de fælles workshops, deltagelse på udvalgte online tovholdermøder" in report


def test_each_source_of_the_evaluation_says_its_lead_in_once(data):
    """Evalueringsdesign's list printed each source's bold lead-in and then nearly the same words again ('Deltagelse
    på udvalgte online tovholdermøder. Rapporten nævner deltagelse på udvalgte online tovholdermøder …'): the
    sentence after a lead-in shares no run of three of its words with it."""

    def runs(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.casefold())
        return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}

    for source in each(list(data.evaluation_sources.itertuples())):
        assert not runs(source.label) & runs(source.description), source.source_id


def test_the_background_gives_the_spectator_and_the_performer_only_the_general_positive_influence(report_text: str):
    """The report's 'receptiv/modtagende såvel som participatorisk/deltagende' qualifies 'kan have en positiv
    indflydelse'; the specific outcomes it gives for 'deltagelse i kunst- og kulturaktiviteter'."""
    chapter = page_text("baggrund.ipynb")
    assert "kan øge" not in chapter.split("positiv indflydelse")[0][-120:]
    # Reading 13, #10: 'både som tilskuer og som udøver' made art the spectator; the reader experiences or takes part.
    assert "både når man oplever dem, og når man selv deltager – have en positiv indflydelse på den mentale sundhed" in chapter
    report = collapse(repair_hyphenation(report_text))
    assert "receptiv/modtagende såvel som participatorisk" in report
    assert "kan have en positiv indflydelse på vores mentale sundhed" in report


def test_the_reason_for_tying_q036_to_ringkoebing_skjern_names_only_what_the_quote_says(tied_data, report_text: str):
    """q036 speaks of 'unge mennesker', 'skolen' and 'kulturskolen', not a youth education; the reason says what makes
    the tie meet the rule (only Ringkøbing-Skjern works with young people; Aarhus's schools are for children)."""
    q036 = tied_data.quotes.set_index("quote_id").loc["q036"]
    assert "unge mennesker" in q036.text and "ungdomsuddannelse" not in q036.text
    assert "kultur som sundhedsfremme for unge på ungdomsuddannelser" not in q036.attribution_rationale
    assert "Kun Ringkøbing-Skjern beskrives med unge som målgruppe" in q036.attribution_rationale
    assert "børn i specialklasser på mellemtrinnet" in q036.attribution_rationale
    report = collapse(repair_hyphenation(report_text))
    assert "integreret i undervisningen i specialklasser på mellemtrinnet" in report


def test_the_five_unattributed_lines_are_not_called_mottoes(data, report_text: str):
    """The report prints five quoted lines in Leg, mod og læring without calling them anything: 'Motto' on their
    cards was the editors' label. They are now 'Kort udsagn', and the kind's description says the label is the
    editors'."""
    lines = data.quotes[data.quotes["kind"] == "kort-udsagn"]
    assert len(lines) == 5
    assert "motto" not in collapse(report_text).casefold()
    kind = data.quote_kinds.set_index("quote_kind_id").loc["kort-udsagn"]
    assert kind.label == "Kort udsagn" and "betegnelsen „kort udsagn“ er redaktionens" in kind.description
    for i in each(lines.index):
        card = text(cards.quote_card(data, lines.loc[[i]]))
        assert "Motto" not in card and "Kort udsagn" in card, card


def test_figure_2_says_its_cycle_is_a_guess_and_figure_1_says_the_pitstops_places_are_not_the_reports(data):
    """The report's text never says what its Figure 2 shows, and it gives no order for the pitstops: the book's
    drawings said neither."""
    cycle = text(charts.action_learning_cycle(data))
    assert "Fællesskabelse af værdi gennem aktionslæring" in cycle
    assert "teksten siger ikke, hvad den viser. At den viser aktionslæringens cyklus, er redaktionens skøn" in cycle
    chapter = page_text("kulturens-rige.ipynb")
    assert "Figur 2 stiller cyklussen op, som rapportens tekst beskriver den;" not in chapter
    assert "Rapportens tekst siger ikke, hvad dens figur 2 viser" in chapter
    timeline = charts.programme_timeline(data)
    said = text(timeline)
    assert "at de står mellem workshopperne, er redaktionens valg" in said
    # Where the pitstops lay is said once, in the figure's note (issue 22: the description said it a second time).
    assert said.count("Rapporten siger ikke, hvornår de virtuelle pitstops lå") == 1
    assert "pitstop" not in timeline.variants[filters.ALL].alt.split("tovholderne.", 1)[1]
    # Reading 13, #12: the same caveat stood three times in the figure's description and note.
    assert said.count("ikke tid") == 1 and "pitstoppenes pladser" not in said, said
    # The chapter leaves it to the figure's note, which words it from the data folder's source.
    assert "under figuren står, hvad der vides om deres tid og sted" in chapter and "rapportens." not in chapter


def test_the_report_is_credited_to_its_publisher_and_the_book_to_its_editors(data):
    """Reading 9, #1: the footer ("Ved Sund By Netværket (rapporten)"), the PDF covers ("SUND BY NETVÆRKET ·
    EVALUERINGSRAPPORT") and "Læs rapporten forfra" gave the whole book, editors' additions and all, to the publisher."""
    publisher = data.publication.iloc[0].publisher
    credit = text(front_page.credit(data, "om-data/genkoersel.html#x"))
    assert f"er udgivet af {publisher}" in credit and "redaktionens gengivelse af rapporten" in credit
    assert 'href="om-data/genkoersel.html#x"' in front_page.credit(data, "om-data/genkoersel.html#x")
    assert "Læs rapporten forfra" not in text(front_page.starts(data)) and "Læs bogens gengivelse forfra" in text(front_page.starts(data))
    assert f"{publisher} (rapporten)" not in (BOOK / "_config.yml").read_text(encoding="utf-8")
    printed = edition(data, "760")
    for cover in each([printed.select_one(".kr-cover")]):
        said = cover.get_text(" ", strip=True)
        assert f"Redaktionens gengivelse af {publisher}s rapport" in said
        # Whose the edition is follows the contents on the cover's page (ADR 90: one note before the contents).
        credited = printed.select_one(".kr-toc ~ .kr-after-toc").get_text(" ", strip=True)
        assert "Denne udgave er redaktionens gengivelse af rapporten" in credited and "„Hvem siger det“" in credited


@pytest.mark.parametrize(
    ("publisher", "kicker"),
    [
        ("Sund By Netværket", "Redaktionens gengivelse af Sund By Netværkets rapport"),
        ("Kulturens Hus", "Redaktionens gengivelse af Kulturens Hus' rapport"),
        ("WHO", "Redaktionens gengivelse af WHO's rapport"),
        ("Netværk 2030", "Redaktionens gengivelse af Netværk 2030's rapport"),
        ("Sund By Netværket {{ 7*7 }} ${7*7}", "Redaktionens gengivelse af Sund By Netværket {{ 7*7 }} ${7*7}'s rapport"),
    ],
)
def test_the_edition_cover_puts_the_publisher_in_the_genitive_by_danish_rules(data, publisher: str, kicker: str):
    """Hostile round 19, #5: the cover read "AF SUND BY NETVÆRKET {{ 7*7 }} ${7*7}S RAPPORT", an s glued onto
    whatever the publisher field held. An apostrophe alone after s, x or z; 's after a capital, a digit or a sign."""
    publication = data.publication.assign(publisher=publisher)
    assert front_page.cover_kicker(dataclasses.replace(data, tables={**data.tables, "publication": publication})) == kicker


@pytest.mark.build
def test_every_pages_footer_credits_the_report_and_links_to_what_the_editors_added(built_site: Path, data):
    """The footer of every page: no "Ved <publisher>", the credit line, and a link from that page to the section of
    "Data og genkørsel" that says what the editors added (the anchor exists)."""
    target = (built_site / f"{front_page.EDITORS_PAGE}.html").read_text(encoding="utf-8")
    assert f'id="{front_page.EDITORS_ANCHOR}"' in target
    publisher = data.publication.iloc[0].publisher
    for name in each(("index.html", "kommuner/profil-koege.html", "om-data/genkoersel.html")):
        page = BeautifulSoup((built_site / name).read_text(encoding="utf-8"), "html.parser")
        footer = " ".join(f.get_text(" ", strip=True) for f in page.select("footer"))
        assert f"Ved {publisher}" not in footer and f"er udgivet af {publisher}" in footer
        link = page.select_one(".kr-credit a")
        assert link.get_text(strip=True) == front_page.EDITORS_LINK
        page_path = link["href"].split("#")[0]
        resolved = ((built_site / name).parent / page_path).resolve() if page_path else (built_site / name).resolve()
        assert resolved == (built_site / f"{front_page.EDITORS_PAGE}.html").resolve(), link["href"]
        assert link["href"].endswith(f"#{front_page.EDITORS_ANCHOR}")


def test_the_accessibility_statement_says_what_the_book_draws_and_lists_of_the_reports_figures(data, report_text: str):
    """Reading 9, #3: it said the book shows the report's tables (the report has none) and that figures 3 and 4 are
    word lists (figure 4 is a printed word cloud; the book lists figures 2, 3 and 4)."""
    statement = (BOOK / "tilgaengelighed.md").read_text(encoding="utf-8")
    assert "viser dens tabeller" not in statement and not re.search(r"\bTabel \d", report_text)
    assert "figur 3 og 4 er lister af ord" not in statement
    # Reading 12, finding 6: 'tegner rapportens fire figurer igen' where figures 2-4 are lists and figure 2 a guess.
    assert "tegner rapportens" not in statement
    assert f"Rapportens {count_word(len(data.figures))} figurer er ikke gengivet som billeder" in statement
    assert "har redaktionen tegnet figur 1 (forløbet) igen og stillet figur 2, 3 og 4 op som lister" in statement
    assert "at figur 2 viser aktionslæringens cyklus, er redaktionens skøn" in statement
    assert "er redaktionens skøn" in EDITORIAL_VALUES["figur:aktionslaering"].reason
    assert set(data.figures["number"].astype(int)) == {1, 2, 3, 4}
    listed = re.findall(r'_item_figure\(\s*"[a-z-]+",\s*_caption\(data, (\d)', Path(charts.__file__).read_text(encoding="utf-8"))
    # Figure 2's list has the book's own title since the s17 reading (#7), not the report's caption: a list all the same.
    assert sorted(listed) == ["3", "4"] and '_item_figure("aktionslaering", title,' in Path(charts.__file__).read_text(encoding="utf-8")
    assert "figur 2, 3 og 4 (aktionslæringens trin, de 6 P’er og ordene fra ordskyen) står som almindelige lister" in statement


def test_the_findings_on_the_front_page_are_said_to_be_the_editors_choice(data):
    """Reading 9, #4: "Rapportens hovedfund" were two sentences the editors picked; the report names no main findings."""
    from kulturensrige.data.schema import TABLES

    front = page_text("index.ipynb")
    assert "Rapportens hovedfund" not in front
    said = BeautifulSoup(str(front_page.main_findings(data)), "html.parser").select_one("p.kr-findings-source").get_text()
    assert said.startswith(f"{count_word(len(data.findings)).capitalize()} fund, valgt af redaktionen")
    # The first screen's link to them names how many; that they are the editors' choice, the findings' section says
    # once (reader 29, F1: the link said it too).
    assert "valgt af redaktionen" not in text(front_page.first_screen(data))
    assert "valgt af redaktionen" in TABLES["findings"].description
    assert "valgt af redaktionen" in (REPO / "data" / "DATAORDBOG.md").read_text(encoding="utf-8")


def test_the_quote_counts_are_the_books_and_the_report_is_credited_only_with_tying_none(data, report_text: str):
    """Reading 9, #9 and #10: "Rapporten knytter ingen af sine 36 citater" and "Rapporten trykker 35 citater" gave
    the book's counts to the report; it states no count and ties no quote to a municipality."""
    tally = statistics.quote_tally(data)
    ties = attribution.tie_counts(tally, data.options)
    assert "af sine" not in ties and ties.startswith("Rapporten knytter intet citat til en kommune. Af bogens")
    assert f"er {tally.total - tally.cited} fra rapportens eget materiale" in ties
    parts = front_page.quote_parts(data)
    assert not any("Rapporten trykker" in part for part in parts)
    lead = "Rapporten angiver ikke selv, hvor mange citater den har. Alle tallene her er bogens optælling:"
    assert lead in text(front_page.quote_counting(data))
    assert parts[0].startswith(f"{tally.total} citater i alt: bogen regner")
    assert parts[1].startswith(f"{tally.printed} citater står i rapporten, hvor hver ordveksling tæller som ét")


def test_the_background_says_the_who_sentence_is_the_reports_summary():
    """Reading 9, #14: the report's Danish paraphrase of WHO (2013) stood in quotation marks as WHO's own words."""
    chapter = page_text("baggrund.ipynb")
    assert "WHO understreger i sin handleplan for mental sundhed 2013–2020, at »" not in chapter
    assert "Rapporten sammenfatter WHO's handleplan for mental sundhed 2013–2020 med sine egne, danske ord" in chapter


def test_the_anonymity_rule_is_said_to_be_the_books_not_the_reports(report_text: str):
    """Reading 9, #15: "Rapporten holder sine interviewpersoner anonyme"; the report says nothing about anonymity."""
    chapter = page_text("om-data/genkoersel.ipynb")
    assert "anonym" not in report_text.casefold()
    assert "Rapporten holder sine interviewpersoner anonyme" not in chapter
    assert "Om anonymitet siger den intet. Reglen nedenfor er bogens, valgt af redaktionen" in chapter


# Reading 11: a researcher new to the project, with the report beside the book.


def test_the_sources_file_gives_the_editors_the_options_the_clearing_and_the_publications_kind(data, data_downloads):
    """Findings 3, 4 and 7: kilder.csv called the book's settings (with its anonymity policy), the editors' clearing of
    quotes and the word "evalueringsrapport" the report's. The report calls itself "denne rapport" and "evalueringen"."""
    rows = list(csv.DictReader(io.StringIO(data_downloads[SOURCES_FILE], newline="")))
    said = {(r["fil"], r["kolonne"]): r for r in rows}
    editorial = [("options.csv", "option_id"), ("options.csv", "value"), ("options.csv", "note"), ("quotes.csv", "cleared")]
    for key in each([*editorial, ("publication.csv", "kind")]):
        assert said[key]["hvis_ord"].startswith("redaktionens") and said[key]["begrundelse"], key
    assert "anonymitetsregel" in said[("options.csv", "note")]["begrundelse"]


def test_the_ingredient_charts_downloads_mark_what_their_notes_say(tied_data):
    """Finding 5: the notes say the speaker groups are the editors' and that the editors tie one quote to an
    ingredient; tabel-kommuner.csv marks its cells ("2, udledt af redaktionen"), the charts' tables did not."""
    per_ingredient = charts.quotes_per_ingredient(tied_data)
    everyone = per_ingredient.variants["alle"].table
    groups = [c for c in everyone.columns if c != "Ingrediens" and not c.startswith(("Heraf", "I alt"))]
    for heading in each(groups):
        assert heading.endswith("(redaktionens inddeling)"), heading
    editors = "Heraf koblet af redaktionen (redaktionens læsning, ikke rapportens)"
    tied_by_editors = int(tied_data.quotes["ingredient_tie"].eq("redaktionen").sum())
    assert sum(everyone[editors]) >= tied_by_editors > 0
    koege = next(v for k, v in per_ingredient.variants.items() if k.startswith("259")).table
    assert "1, udledt af redaktionen" in set(koege["Heraf Køge (fremhævet)"])
    matrix = charts.ingredient_municipality_matrix(tied_data).variants["alle"].table
    counted = [c for c in matrix.columns if c != "Ingrediens" and not c.startswith("Uden kommune")]
    cells = {str(v) for column in counted for v in matrix[column]}
    assert any(cell.endswith("udledt af redaktionen") for cell in cells)
    assert editors in matrix.columns


def test_an_editions_quote_diagram_counts_the_quotes_it_shows(tied_data):
    """Finding 8: Køge's Diagram 3 said "(2, udledt af redaktionen)" and showed one Køge quote; Aarhus's and Egedal's
    said 1 and showed none (their quotes substantiate no ingredient)."""
    koege = edition(tied_data, "259")
    # Numbered by kind since ADR 71 (Køge's one-value target groups are a "Tabel"), so the chart is Diagram 2.
    # ADR 81: an editors' diagram carries "(red.)" after its number, as the pages mark it.
    assert "Diagram 2 (red.). Citater pr. ingrediens, med de citater, der er knyttet til Køge (1, udledt af redaktionen), fremhævet" in (
        koege.get_text(" ", strip=True)
    )
    # The opening counts the quotes of the section »Citater knyttet til Køge« (all of its tied quotes, reading 15 #4),
    # once; the diagram counts those that substantiate an ingredient, in its own caption.
    tied = len(filters.quotes(tied_data, filters.QuoteFilter(kommunekode="259")))
    assert f"„Citater knyttet til Køge“: {tied}, udledt af redaktionen." in koege.select_one(".kr-about").get_text(" ", strip=True)
    for code, name in each([("751", "Aarhus"), ("240", "Egedal")]):
        page = edition(tied_data, code)
        # ADR 105: the chart keeps the book's title; its note says that none of the quotes is the municipality's.
        text = page.get_text(" ", strip=True)
        assert "Citater pr. ingrediens (ingen af dem" not in text and editions.untied_note(name) in text
        about = " ".join(page.select_one(".kr-about").get_text(" ", strip=True).split())
        assert "ingen af citaterne ved dem er knyttet til kommunen" in about and "udledt af redaktionen)" not in about


def test_the_quotes_per_ingredient_note_speaks_of_speaker_groups_not_municipality_columns(data):
    """Finding 9: the note said "kolonnerne for kommunerne tæller …" under a chart whose bars are speaker groups."""
    note = charts.quotes_per_ingredient(data).note
    assert "kolonnerne for kommunerne" not in note and "talerens gruppe" in note
    assert "kolonnerne for kommunerne" in charts.ingredient_municipality_matrix(data).note


@pytest.mark.build
def test_the_printed_book_leaves_out_the_webs_figure_loading_line(built_site: Path):
    """Finding 10: the main PDF printed "Figuren tegnes …" under drawn figures."""
    found = editions.chapters(built_site)
    waiting = [c for c in found if figures.WAITING in (built_site / c.path).read_text(encoding="utf-8")]
    for chapter in each(waiting):
        printed = editions.printable_article(built_site, chapter, 1, "")
        assert figures.WAITING not in text(printed), chapter.path


def test_a_profile_says_the_cards_show_why_in_the_plural_for_several_inferred_ties(tied_data):
    """Finding 11: "2 citater er udledt af redaktionen, og kortet viser hvorfor"."""
    for code in each(["760"]):  # Køge keeps one inferred tie since q006 is tied to none (docs/adr/0033)
        quotes = filters.quotes(tied_data, filters.QuoteFilter(kommunekode=code))
        said = attribution.intro(quotes, attribution.source(tied_data.options))
        assert "kortene viser hvorfor" in said and "kortet viser" not in said, code


def test_the_organisation_chart_says_the_report_names_them_not_the_municipality(data):
    """Finding 12: "De 5 organisationer, Køge nævner" — the report names them at Køge's initiatives."""
    variant = next(v for k, v in charts.partners_by_kind(data).variants.items() if k.startswith("259"))
    assert "rapporten nævner ved Køges indsatser" in variant.said and "Køge nævner" not in variant.said + variant.alt


def test_the_front_page_lead_is_the_books_description_not_the_reports_subtitle(data):
    """Finding 14: "Sund By Netværkets evalueringsrapport Kulturens Rige: hvordan syv kommuner …" read as a subtitle."""
    assert text(front_page.lead(data)).startswith("Denne bog gengiver ")


def test_the_findings_say_only_the_quoted_words_are_the_reports(data):
    """Finding 15: "To sætninger fra rapporten" — each finding's lead-in is the editors' (findings.csv, lead)."""
    said = text(front_page.main_findings(data))
    assert "sætninger fra rapporten" not in said and "ordene i »…« er rapportens" in said


def test_the_web_and_the_pdfs_cite_the_report_in_one_wording(data):
    """Finding 17: the front page and the editions cited the report in two different wordings."""
    reference = text(front_page.reference(data))
    assert reference in text(front_page.how_to_cite(data))
    for code in each(["259", "760"]):
        printed = " ".join(edition(data, code).get_text(" ", strip=True).split())
        assert f"Citér rapporten som kilden: {reference}" in printed and f"Eksempel: {reference}" in printed


def test_the_hoeje_taastrup_summary_keeps_the_reports_hedge(data, report_text: str):
    """Finding 18: the report hopes culture "måske" gives more courage; the summary said it gives it."""
    assert "Håbet har været, at kunst og kultur kan bidrage til glæde og trivsel og måske mere lyst og mod" in collapse(report_text)
    # The hope is told once on the page, on the initiative's card, with its "måske" (ADR 87: the lead and the card
    # both told it).
    summary = data.municipalities.set_index("kommunekode").loc["169", "summary"]
    card = data.initiatives.set_index("initiative_id").loc["hoeje-taastrup-fribilletter", "description"]
    assert "håbet har været" in card.lower() and "måske mere lyst og mod" in card and "åbet" not in summary


def test_the_evaluation_design_says_what_the_report_says_about_local_adaptation():
    """Finding 19: "men at de altid skal tilpasses lokalt" — the report says initiatives are made locally and local
    adaptation is needed, not that the ingredients must always be adapted."""
    said = page_text("evalueringsdesign.ipynb")
    assert "altid skal tilpasses" not in said and "lokale tilpasninger er nødvendige" in said


def test_no_speaker_category_calls_a_health_consultant_clinical_staff(data):
    """Finding 20: "Sundhedsfagligt personale" for a sundhedskonsulent and a faglig koordinator reads as clinical staff."""
    labels = dict(zip(data.speaker_categories["speaker_category_id"], data.speaker_categories["label"], strict=True))
    roles = set(data.quotes.loc[data.quotes["speaker_category"] == "sundhed", "speaker_role"])
    assert "Sundhedskonsulent" in roles
    assert "personale" not in labels["sundhed"].lower() and labels["sundhed"] == "Sundhedsområdet"


def test_the_action_learning_page_says_plainly_whose_guess_figure_2_is(data):
    """Finding 22: "her stiller figur 2 cyklussen op, …, hvis gæt og opstilling det er" is not plain Danish. Whose guess
    it is the figure's note says, from the folder's source (ADR 111): the chapter's fixed „er redaktionens skøn“ stood
    over an analyst's figure marked „(analytikerens angivelse)“ too."""
    said = page_text("kulturens-rige.ipynb")
    assert "hvis gæt og opstilling" not in said and "redaktionens skøn" not in said
    assert "er redaktionens skøn" in text(charts.action_learning_cycle(data))


def test_a_profile_with_no_tied_quotes_says_the_report_ties_none_once(data):
    """Finding 23: "Rapporten knytter ingen citater til Guldborgsund, og ingen er udledt, … Rapporten knytter intet citat
    til en kommune." said the same twice."""
    for code in each(["376", "169", "230"]):
        said = text(lists.municipality_ingredients(data, code))
        assert len(re.findall(r"knytter (?:intet citat|ingen citater)", said)) == 1, said
        assert "så ingen ingrediens kan vises for kommunen alene" in said


def test_the_star_moments_are_said_to_be_the_reports_selection_of_three_and_an_analysts_are_not(data, report_text: str, tmp_path):
    """Reading 12, finding 1: 'Her er stjernestunderne.' where the report gives 'tre af disse stjernestunder'."""
    assert "tre af disse stjernestunder" in collapse(repair_hyphenation(report_text))
    assert "Her er stjernestunderne" not in page_text("vaerdiskabelser.ipynb")
    said = text(cards.star_moments(data))
    assert "Rapporten gengiver et udvalg: tre af stjernestunderne, hver fortalt af en deltager" in said  # reading 14, #11
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    with_option(folder, "kilde", "analytiker")
    analysts = text(cards.star_moments(load(folder)))
    assert "Analytikerens data gengiver tre stjernestunder her." in analysts and "Rapporten" not in analysts.split(".")[0]


def test_the_data_dictionary_calls_the_editors_columns_the_editors_as_the_sources_file_does():
    """Reading 12, finding 2: three columns kilder.csv gives the editors were described as the report's."""
    described = {
        "action_learning_steps.label": TABLES["action_learning_steps"].description,
        "figures.note": TABLES["figures"].schema.columns["note"].description,
        "publication.year_note": TABLES["publication"].schema.columns["year_note"].description,
    }
    for value in each(sorted(described)):
        assert value in EDITORIAL_VALUES
        assert described[value].startswith("Redaktionens"), described[value]
        assert not re.search(r"som rapporten beskriver|Hvad rapporten siger|Hvad rapportens tekst", described[value])


def test_the_statuses_are_described_as_the_editors_reading_and_an_ongoing_scheme_is_not_called_done(data, report_text: str):
    """Reading 12, finding 3: 'Rapporten beskriver indsatsen som gennemført' where the report gives no status; and
    Rudersdal's companion scheme, which the report describes in the present tense ('kan deltage'), was 'Gennemført'."""
    for status in each(data.tables["statuses"].to_dict("records")):
        assert status["description"].startswith("Redaktionens læsning (rapporten angiver ingen status)"), status
    report = collapse(repair_hyphenation(report_text))
    statuses = dict(zip(data.initiatives["initiative_id"], data.initiatives["status"], strict=True))
    # Guldborgsund's forum is the action-learning group itself, which 'har forsøgt' and carries on in Rødder, a row of
    # its own: no status the report's words bear (session 22, finding 10).
    assert "samarbejdsforummet, som aktionslæringsgruppen har udgjort" in report
    assert statuses["guldborgsund-alternativt-samarbejdsforum"] == "ikke-angivet"


def test_the_organisation_charts_downloads_are_named_organisations_not_partners(data, data_downloads):
    """Reading 12, finding 4: the comparison page says 'Rapporten kalder ingen af dem partnere' beside downloads named
    partnere-*.csv; kilder.csv named them so too."""
    page = str(charts.partners_by_kind(data).html())
    names = re.findall(r'download="([^"]+)"', page)
    assert names and all(n.startswith("organisationer-") for n in names)
    files = {r["fil"] for r in csv.DictReader(io.StringIO(data_downloads[SOURCES_FILE], newline=""))}
    assert "organisationer-*.csv" in files
    for name in each(sorted(files | set(names))):
        assert "partner" not in name, name


def test_the_recommended_citation_carries_no_term_of_the_editors(data):
    """Reading 12, finding 7: "Sund By Netværket (u.å.): Kulturens Rige. Evalueringsrapport." gave the editors' term
    for the kind of publication (publication.kind) unmarked, as if the report's own."""
    assert EDITORIAL_VALUES["publication.kind"].act == "betegnelse"
    kind = data.tables["publication"]["kind"].iloc[0]
    for said in each([text(front_page.reference(data)), text(front_page.how_to_cite(data)), edition(data, "259").get_text(" ")]):
        assert kind.casefold() not in said.casefold()
    assert front_page.reference(data) == "Sund By Netværket (u.å.): <cite>Kulturens Rige</cite>."


def test_the_evaluation_design_says_the_ingredients_are_general_so_other_municipalities_can_translate_them(report_text: str):
    """Reading 12, finding 8: "Derfor er de formuleret på et højt generaliseringsniveau" after a sentence about the
    initiatives: 'de' read as the initiatives, and the report's reason (so other municipalities can translate the
    ingredients) was lost."""
    report = collapse(repair_hyphenation(report_text))
    reason = "så det er muligt efterfølgende at oversætte ingredienserne i andre kommuner"
    assert f"vil derfor også bære præg af et højt generaliseringsniveau, {reason}" in report
    said = page_text("evalueringsdesign.ipynb")
    assert "Derfor er de formuleret" not in said
    ours = "Derfor er ingredienserne, der er udledt på tværs af kommunernes erfaringer, formuleret på et højt generaliseringsniveau"
    assert f"{ours}, så de bagefter kan oversættes til andre kommuner." in said


def test_a_municipalitys_summary_is_the_editors_words_under_the_one_rule_and_its_outcome_is_marked_on_its_page_and_in_its_pdf(
    data, data_downloads
):
    """Reading 12, finding 9: the summary and 'Hvad forløbet førte til' are the editors' words for the report's
    section (municipalities.summary and .outcome), yet stood unmarked on the profiles and in the PDF editions, while
    other retellings were marked. ADR 70 (reading s24, F5) changed the expectation to one rule: every reading page and
    every edition's cover say once that the text is the editors' retelling (provenance.retelling_rule); a retelling
    carries no mark of its own anywhere, and kilder.csv still names its column the editors'. ADR 93 (reading27, #1):
    the outcome answers a question as a fact does and carries its mark, in kilder.csv's words."""
    assert EDITORIAL_VALUES["municipalities.summary"].act == EDITORIAL_VALUES["municipalities.outcome"].act == "gengivelse"
    for code in each(list(data.municipalities["kommunekode"])):
        # The lead opens the page, the facts follow the cards (ADR 90): both blocks.
        page = BeautifulSoup(f"{lists.municipality_lead(data, code)}{lists.municipality_facts(data, code)}", "html.parser")
        assert page.select_one(".kr-lead"), code
        printed = edition(data, code)
        assert provenance.retelling_rule(data.options) in printed.get_text(" ", strip=True), code
        lead = printed.select_one(".kr-lead").get_text(" ", strip=True)
        assert "(redaktionens" not in lead, (code, lead)
        assert not page.select_one(".kr-lead .kr-by"), code
        if data.municipalities.set_index("kommunekode").at[code, "outcome"] == NOT_STATED:
            # That the report does not tell it is marked (ADR 87), with the outcome's own words: „læsning“ here beside
            # „gengivelse“ for the others tagged one value two ways (ADR 109, reading 30, #5).
            assert printed.select_one(".kr-outcome").get_text(" ", strip=True).endswith("(redaktionens gengivelse)"), code
            continue
        outcome = next(dt.find_next_sibling("dd") for dt in printed.select("dt") if dt.get_text() == "Hvad forløbet førte til")
        assert outcome.get_text(" ", strip=True).endswith("(redaktionens gengivelse)"), code
        # What the course led to is a sentence under the facts on the page (reader 24, #3), marked at its end (ADR 93).
        marks = page.select("p.kr-outcome .kr-by")
        assert [(m.get_text(), m.get("title")) for m in marks] == [("(red.)", "redaktionens gengivelse")], code
    sources = list(csv.DictReader(io.StringIO(data_downloads[SOURCES_FILE], newline="")))
    summary = next(r for r in sources if r["fil"] == "municipalities.csv" and r["kolonne"] == "summary")
    assert summary["hvis_ord"] == "redaktionens gengivelse"
    outcome = next(r for r in sources if r["fil"] == "municipalities.csv" and r["kolonne"] == "outcome")
    assert outcome["hvis_ord"] == "redaktionens gengivelse"


def test_the_front_page_says_in_plain_danish_that_a_mark_shows_the_key_again(data):
    """Reading 21, finding 10: '… på en side, så står forklaringen der igen' was awkward Danish."""
    said = text(front_page.mark_explained(data))
    assert "Tryk eller klik på et „(red.)“ på en side for at se forklaringen igen." in said
