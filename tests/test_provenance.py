"""Whose word is it: one provenance model in the schema, one wording, and a book on an analyst's data that never
credits the report (issue 21)."""

from __future__ import annotations

import copy
import csv
import io
import json
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import openpyxl
import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.data import provenance
from kulturensrige.data.problems import DataError
from kulturensrige.data.publishing import SOURCES_FILE, SOURCES_HEADER, published_files
from kulturensrige.data.schema import BY_ANALYST, BY_EDITORS, BY_QDA, BY_REPORT, EDITORIAL, INFERENCE_RULE, SOURCES, TABLES
from kulturensrige.edition import editions
from kulturensrige.render import cards, charts, comparison, guide, highlight, lists
from kulturensrige.rules import attribution, statistics, views
from support.builds import made_once, run_folder
from support.checks import each
from support.folders import with_inferred_ties, with_option
from support.scripts import run_script

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
# The words that credit the report with what an analyst's data says (a tie, the initiatives): none may stand in their book.
REPORT_CREDITS = (
    "angivet i rapporten",
    "Rapporten selv knytter",
    "rapportens egne angivelser",
    "ikke angivet i rapporten",
    "de indsatser, rapporten beskriver for kommunen",
    "rapporten bruger",
)


@pytest.fixture(scope="module")
def report(tied_data):
    """The report's data with the editors' three former inferred ties (conftest's `tied_folder`)."""
    return tied_data


@pytest.fixture(scope="session")
def analyst_folder(tmp_path_factory: pytest.TempPathFactory, tied_folder: Path) -> Path:
    """data/ exported as a workbook, two quotes tied to Rudersdal as `stated` by the analyst, and imported again: made
    once per run (the tests only read it), not once in each pytest-xdist process that runs one of them."""

    def make(out: Path) -> None:
        workbook = out.parent / "arbejdsbog.xlsx"
        assert run_script("export_workbook", "--data", str(tied_folder), "--out", str(workbook)).returncode == 0
        book = openpyxl.load_workbook(workbook)
        quotes = book["quotes"]
        header = [c.value for c in quotes[1]]
        for row in (3, 4):  # q002, q003
            quotes.cell(row, header.index("kommunekode") + 1).value = "230"
            quotes.cell(row, header.index("attribution") + 1).value = "stated"
        book.save(workbook)
        result = run_script("import_workbook", str(workbook), "--out", str(out))
        assert result.returncode == 0, result.stderr

    return made_once(run_folder(tmp_path_factory) / "analytiker", "mine-data", make)


@pytest.fixture(scope="session")
def analyst_book(analyst_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The book built on `analyst_folder` with `make pdf`'s editions printed into it (all of them, in one browser, as
    scripts/build_pdf.py prints them), once per run: the done-when of issue 21 reads its pages, its downloads and its
    PDFs. Made by the `long` test that reads its pages (conftest's MADE_BY_A_LONG_TEST), so the printing runs beside
    the run's first tests; the PDFs are printed in a process of their own, as Playwright's sync API refuses to start
    where the browser tests' loop runs."""
    from support.builds import build_book

    def build_and_print(output: Path) -> None:
        site = build_book(analyst_folder, output)
        command = [sys.executable, str(REPO / "scripts" / "build_pdf.py"), "--data", str(analyst_folder), "--site", str(site)]
        result = subprocess.run(command, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr[-3000:]

    return made_once(run_folder(tmp_path_factory) / "analytiker-bog", "bog", build_and_print) / "_build" / "html"


def test_every_source_is_an_option_value_the_validator_accepts_and_has_its_own_words(tmp_path: Path):
    assert SOURCES == (BY_REPORT, BY_EDITORS, BY_ANALYST, BY_QDA)
    for source in SOURCES:
        folder = tmp_path / source
        shutil.copytree(DATA, folder)
        with_option(folder, "kilde", source)
        with_option(folder, "kommune_angivet_af", source)
        data = load(folder)
        said = provenance.words(source)
        assert provenance.folder_source(data.options) == provenance.ties_source(data.options) == source
        assert attribution.labels(data.options)["stated"] == said.stated
        # Only the report's own words credit the report.
        assert ("rapporten" in said.stated) == (source == BY_REPORT)
    (tmp_path / BY_REPORT / "options.csv").write_text("option_id,value,note\nkilde,bogen,\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(tmp_path / BY_REPORT)
    assert "rapporten, redaktionen, analytiker, qda-projekt" in str(caught.value.problems[0])


def test_every_editorial_value_names_a_column_or_a_figure_the_book_draws():
    made = r'(?:embed\(|Chart\(|_initiative_vocabulary_chart\(\s*data,\s*|_item_figure\()\s*"([a-z0-9-]+)"'
    drawn = set(re.findall(made, Path(charts.__file__).read_text()))
    for editorial in each(EDITORIAL):
        kind, _, name = editorial.value.partition(":") if editorial.value.startswith("figur:") else ("", "", editorial.value)
        if kind:
            assert name in drawn, editorial.value
        else:
            table, column = name.split(".")
            assert column in TABLES[table].columns, editorial.value
        assert editorial.reason and editorial.label


def test_an_editorial_value_is_the_editors_in_the_report_folder_and_the_analysts_in_theirs(report, analyst_folder: Path):
    assert provenance.value_source(report.options, "initiatives.status") == BY_EDITORS
    assert provenance.value_note(report.options, "initiatives.status").startswith("Redaktionens læsning, ikke rapportens: ")
    assert provenance.value_source(report.options, "quotes.text") == BY_REPORT
    analyst = load(analyst_folder)
    assert provenance.value_source(analyst.options, "initiatives.status") == BY_ANALYST
    assert provenance.value_note(analyst.options, "municipalities.region") == "Analytikerens angivelse."


def test_the_workbook_import_writes_analytiker_unless_the_workbook_names_the_source(analyst_folder: Path, tmp_path: Path):
    assert provenance.folder_source(load(analyst_folder).options) == BY_ANALYST
    workbook = tmp_path / "arbejdsbog.xlsx"
    run_script("export_workbook", "--data", str(DATA), "--out", str(workbook))
    book = openpyxl.load_workbook(workbook)
    book["options"].append(["kilde", "redaktionen", "Redaktionens egen opfølgning."])
    book.save(workbook)
    assert run_script("import_workbook", str(workbook), "--out", str(tmp_path / "ud")).returncode == 0
    assert provenance.folder_source(load(tmp_path / "ud").options) == BY_EDITORS


def test_a_lists_count_says_whose_inference_and_whose_silence_it_is(report, analyst_folder: Path):
    """Above every quote list and in the editions: an analyst's inferred ties are the analyst's, and quotes without a
    municipality are not the report's silence in an analyst's book."""
    analyst = load(analyst_folder)
    interviews = analyst.quotes[analyst.quotes["reference_key"] == ""]
    unstated = interviews[interviews["attribution"] == "not stated"].head(3)
    assert cards.quote_count_summary(analyst.quotes, analyst.options).count("med en kommune udledt af analytikeren") == 1
    assert cards.quote_count_summary(unstated, analyst.options).endswith("analytikerens data angiver ikke kommunen ved nogen af dem.")
    assert "udledt af redaktionen" in cards.quote_count_summary(report.quotes, report.options)
    unstated = report.quotes[(report.quotes["attribution"] == "not stated") & (report.quotes["reference_key"] == "")].head(1)
    assert cards.quote_count_summary(unstated, report.options).endswith("rapporten angiver ikke kommunen ved det.")


def test_the_inferred_switch_and_the_note_on_withheld_ties_say_whose_inference_it_is(report, analyst_folder: Path):
    """The bar's one-tap switch and a list's note on ties set aside named the editors in every book: in an analyst's
    book the inference is the analyst's."""
    books = ((report, "udledt af redaktionen", "analytiker"), (load(analyst_folder), "udledt af analytikeren", "redaktion"))
    for data, whose, other in books:
        inferred = data.quotes[data.quotes["attribution"] == "inferred"].iloc[0]
        quotes = data.quotes[data.quotes["section_id"] == inferred.section_id]
        items = views.quote_items(cards.group_turns(quotes))
        note = highlight.list_view(data, items, views.QUOTE, inferred.kommunekode, False)["groups"][0][1]
        switch = highlight.switch_words(data)
        for words in each([note, switch["on"], switch["off"]]):
            assert whose in words and other not in words.lower(), words


def test_an_ingredient_pages_legend_says_whose_the_cards_roles_and_ties_are(report, analyst_folder: Path):
    analyst = load(analyst_folder)
    ours, theirs = str(cards.quote_list_legend(report)), str(cards.quote_list_legend(analyst))
    # ADR 100: a card whose tie is not the report's says so in its own line; the legend no longer says it again.
    assert "som rapporten skriver den" in ours and "ikke rapportens egen" not in ours
    assert "som analytikerens data angiver den" in theirs and "rapport" not in theirs


def test_an_analysts_stated_tie_never_credits_the_report_on_cards_lists_and_edition_text(analyst_folder: Path):
    from kulturensrige.edition import editions

    data = load(analyst_folder)
    rudersdal = data.quotes[data.quotes["kommunekode"] == "230"]
    texts = [
        *(cards.quote_card(data, rudersdal.loc[[i]]) for i in rudersdal.index),
        str(cards.quotes_for_municipality(data, "230")),
        str(lists.municipality_ingredients(data, "230")),
        str(lists.municipality_ingredients(data, "376")),
        str(lists.municipality_table(data)),
        str(comparison.compare_view(data)),
        editions.quote_item(data, rudersdal.loc[[rudersdal.index[0]]], "230")["attribution"],
        attribution.tie_counts(statistics.quote_tally(data), data.options),
    ]
    joined = " ".join(texts)
    assert "angivet af analytikeren" in joined
    for credit in REPORT_CREDITS:
        assert credit.casefold() not in joined.casefold(), credit


def test_the_filter_help_words_the_ties_from_the_data_folder(report, analyst_folder: Path):
    """Reading 9, #2: "Rapporten siger sjældent, hvilken kommune et citat kommer fra" was fixed text in the filter, wrong
    for the report (it ties none) and for an analyst's folder (the analyst tied some); it is worded from the data."""
    from kulturensrige.render import browser

    help_text = BeautifulSoup(browser.browser_data(report)["control"], "html.parser").select_one("#kr-udledte-hjaelp").get_text()
    assert "sjældent" not in help_text
    assert help_text.startswith("Rapporten knytter intet citat til en kommune; 3 citater har en kommune udledt af redaktionen")
    assert provenance.words(BY_REPORT).inferred_meaning in help_text
    analyst = load(analyst_folder)
    said = BeautifulSoup(browser.browser_data(analyst)["control"], "html.parser").select_one("#kr-udledte-hjaelp").get_text()
    assert said.startswith("2 citater er knyttet til en kommune, angivet af analytikeren;")
    assert not _credits_report(said) and "Rapporten" not in said


def test_the_credit_on_every_page_and_cover_says_an_analysts_book_rests_on_the_analysts_data(report, analyst_folder: Path):
    """The footer and PDF covers credit the report to its publisher; the book is the editors' presentation of it only
    when the folder is the report's, and an analyst's book says it rests on the analyst's data."""
    from kulturensrige.render import front_page

    assert "redaktionens gengivelse af rapporten" in front_page.credit(report, "x.html")
    said = front_page.credit(load(analyst_folder), "x.html")
    assert "Denne bog bygger på analytikerens data, ikke på rapporten alene." in said and "redaktion" not in said


def test_published_downloads_follow_the_anonymity_rule_whatever_the_source_encoding(tmp_path: Path):
    folder = tmp_path / "data"
    with_inferred_ties(folder)
    # An analyst's Excel saves Windows-1252: the download is UTF-8 all the same.
    quotes = folder / "quotes.csv"
    quotes.write_bytes(quotes.read_text(encoding="utf-8").encode("cp1252"))
    data = load(folder)
    files = published_files(data)
    assert set(files) == {t.file for t in TABLES.values()} | {SOURCES_FILE}
    for name, table in TABLES.items():
        rows = list(csv.reader(io.StringIO(files[table.file].removeprefix("\ufeff"), newline="")))
        assert rows[0] == table.columns, name
        files[table.file].encode("utf-8")
    published = list(csv.DictReader(io.StringIO(files["quotes.csv"].removeprefix("\ufeff"), newline="")))
    categories = set(data.speaker_categories["label"])
    for row in published:
        if row["kommunekode"] and row["cleared"] != "ja":
            # The category in place of the role, with whose it is in the cards' words (the s18 reading, #2).
            category, _, note = row["speaker_role"].partition(" (")
            assert category in categories and "anonymitetsreglen" in note, row["quote_id"]
            assert row["caption"] == data.quotes.set_index("quote_id").loc[row["quote_id"], "shown_caption"], row["quote_id"]
            assert "fortalt af" not in row["caption"].casefold(), row["quote_id"]  # the words before the role only
    assert "Leder af frivilligcenter" not in {r["speaker_role"] for r in published if r["quote_id"] == "q005"}


def test_an_inferred_ties_reason_never_names_the_role(tmp_path: Path, report):
    for q in report.quotes[report.quotes["attribution"] == "inferred"].itertuples():
        for part in re.split(r"[/,]", q.speaker_role):
            assert part.strip().casefold() not in q.attribution_rationale.casefold(), q.quote_id
    folder = tmp_path / "data"
    with_inferred_ties(folder)
    quotes = folder / "quotes.csv"
    quotes.write_text(
        quotes.read_text(encoding="utf-8").replace("ungdomsuddannelse.", "ungdomsuddannelse og fortalt af en leder af frivilligcenter."),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load(folder)
    assert "nævner talerens rolle ('Leder af frivilligcenter')" in str(caught.value.problems[0])


def test_the_inference_rule_is_written_down_and_every_inferred_tie_names_its_one_municipality(report):
    dictionary = (DATA / "DATAORDBOG.md").read_text(encoding="utf-8")
    chapter = (REPO / "book" / "om-data" / "genkoersel.ipynb").read_text(encoding="utf-8")
    assert INFERENCE_RULE in dictionary and "dictionary.sources_html(data)" in chapter
    names = dict(zip(report.municipalities["kommunekode"], report.municipalities["name"], strict=True))
    for q in report.quotes[report.quotes["attribution"] == "inferred"].itertuples():
        assert re.search(rf"\b[Kk]un\b.*\b{names[q.kommunekode]}", q.attribution_rationale), q.quote_id
    # "hul igennem til Sundhedshuset" points to Køge as firmly as q006 does, but the report prints its role beside it:
    # the rule ties it to none in the report's data (ADR 33, second addendum).
    q037 = load(DATA).quotes.set_index("quote_id").loc["q037"]
    assert (q037.kommunekode, q037.attribution) == ("", "not stated")


# What a book built on an analyst's data may say of the report, each with why: every other sentence naming the
# report there credits it with the analyst's data. The analyst's own words (a cell of their data folder) are theirs
# to say, and the page labels them as the analyst's; they are taken out before the sentences are read.
REPORT_MENTIONS_ALLOWED = (
    # The credit in every footer and on every cover: the report is its publisher's; the book rests on the analyst's data.
    r"Rapporten Kulturens Rige er udgivet af Sund By Netværket\.|ikke på rapporten alene",
    # The publication itself: its kind (publication.csv, 'evalueringsrapport'), and how to cite it.
    r"[Ee]valueringsrapport\w*|Sådan citerer du rapporten|Citér rapporten som kilden",
    # The report's spelling of a name (name_in_report holds it by definition), and the report's four figures, which every
    # book draws again: the heading over the folder's note on each, and the book's own charts, which the report lacks.
    r"rapportens stavning; officielt navn|[Rr]apporten staver det »|Om figuren i rapporten|Rapporten har ingen sådan figur",
    # The chapters' retelling of what the report itself says (fixed prose in book/*.ipynb, never a value of the folder).
    r"Med ingredienslisten følger i rapporten en lille kondenseret guide|Rapporten slutter med et åbent svar på skiltets spørgsmål",
    # That chapter's quotation is the report's words in any book, so its slip note says the report holds the slip
    # (words32, reading32 #7: „står sådan i analytikerens data“ pointed to the wrong source); only after that quotation.
    r"Rapporten slutter med et åbent svar på skiltets spørgsmål: »[^«]+« \(»[^«]+« står sådan i rapporten\)",
    r"hvor ambitionen ifølge rapporten er",
    r"Rapporten trykker ordskyen som billede|rapportens tekst nævner",
    # words26c (reading 26 #13) wrote „Rapporten skriver“ for „konkluderer“; read26 (#2) gave »at frigøre sig fra« to the report.
    r"Rapporten kalder derfor fælles refleksion|Rapporten skriver, at det tværfaglige|Rapporten åbner afsnittet med en ordveksling",
    r"Rapporten skriver, at ingrediensen også handler om",
    r"rapporten lader deltageren fortsætte|Rapporten gengiver indstillingen|Rapportens tekst siger ikke, hvad dens figur 2",
    r"Ifølge rapporten skal P’erne|er ifølge rapporten ikke kun én kommunes udfordring|Rapporten kalder det en værdiskabelse",
    r"med rapportens ord|åbner ifølge rapporten|Rapporten gengiver det på engelsk",
)
# Pages about the report itself or about the book's method, the same in every book: the report's background, design
# and references, the accessibility statement, and the data chapters, which document the report's own folder.
PAGES_ABOUT_THE_REPORT = {
    "baggrund.html",
    "evalueringsdesign.html",
    "referencer.html",
    "tilgaengelighed.html",
    "om-data/genkoersel.html",
    "om-data/dataordbog.html",
    "om-data/meldinger.html",
    "om-data/udforsker.html",
}


def _data_cells(folder: Path, naming: str = "rapport") -> list[str]:
    """The cells of a data folder that name the report (or, `naming`, the editors) in a sentence of their own (not a
    bare value such as 'rapporten'), longest first, whitespace made single."""
    cells = {
        " ".join(cell.split())
        for path in folder.glob("*.csv")
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""))
        for cell in row
        if naming in cell.casefold() and len(cell.split()) > 3
    }
    return sorted(cells, key=len, reverse=True)


def _report_mentions(text: str, cells: list[str]) -> list[str]:
    """The sentences of a text that name the report where no allowed wording covers the mention."""
    text = " ".join(text.split())
    for cell in cells:
        text = text.replace(cell, " ")
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        covered = [m.span() for allowed in REPORT_MENTIONS_ALLOWED for m in re.finditer(allowed, sentence)]
        mentions = [m.start() for m in re.finditer("rapport", sentence, re.IGNORECASE)]
        if any(not any(a <= at < b for a, b in covered) for at in mentions):
            found.append(sentence)
    return found


def _credits_report(text: str) -> list[str]:
    return [credit for credit in REPORT_CREDITS if credit.casefold() in text.casefold()]


@pytest.mark.long
@pytest.mark.build
def test_a_book_built_on_an_analysts_workbook_never_credits_the_report_on_a_page_or_in_a_download(analyst_folder: Path, analyst_book: Path):
    """The done-when of issue 21: the workbook import with `stated` quotes, built; no page or download says the report
    tied them, and every download is a publication (UTF-8, documented header, the anonymity rule)."""
    site = analyst_book
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    cells = _data_cells(analyst_folder)
    for page in each(pages):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert not _credits_report(soup.get_text(" ")), page
        # Every other sentence that names the report is on the short list above (kommuner/sammenligning said
        # 'de organisationer, rapporten nævner ved indsatserne' of the analyst's organisations).
        if str(page.relative_to(site)) not in PAGES_ABOUT_THE_REPORT:
            said = " ".join(part.get_text(" ") for part in soup.select("article.bd-article, footer.bd-footer-content"))
            assert not _report_mentions(said, cells), page
    profile = (site / "kommuner" / "profil-rudersdal.html").read_text(encoding="utf-8")
    assert "angivet af analytikeren" in profile
    data = load(analyst_folder)
    categories = set(data.speaker_categories["label"])
    downloads = sorted((site / "_static" / "data").glob("*.csv"))
    assert {p.name for p in downloads} == {t.file for t in TABLES.values()} | {SOURCES_FILE}
    for path in downloads:
        text = path.read_bytes().decode("utf-8-sig")  # UTF-8 (a spreadsheet reads it by its BOM), or this raises
        assert not _credits_report(text), path.name
        for line in each(text.splitlines()):
            # Saying that a value is not the report's ('ikke en oplysning fra rapporten') credits nothing to it.
            assert not _report_mentions(re.sub(r"ikke (?:en oplysning fra rapporten|rapportens ordlyd)", "", line), cells), path.name
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert rows[0] == (SOURCES_HEADER if path.name == SOURCES_FILE else TABLES[path.stem].columns), path.name
    for row in csv.DictReader(io.StringIO((site / "_static" / "data" / "quotes.csv").read_text(encoding="utf-8-sig"), newline="")):
        if row["kommunekode"] and row["cleared"] != "ja":
            assert row["speaker_role"].partition(" (")[0] in categories and "fortalt af" not in row["caption"].casefold(), row["quote_id"]


def _linked_csvs(site: Path) -> dict[str, str]:
    """Every CSV the built book links to, by where it is, as text: the published tables under _static/data (read as
    UTF-8, or this raises) and each page's „Hent tabellen som CSV“ (a data: address, its bytes UTF-8, or this raises)."""
    files = {
        f"_static/data/{path.name}": path.read_bytes().decode("utf-8-sig") for path in sorted((site / "_static" / "data").glob("*.csv"))
    }
    for page in sorted(site.rglob("*.html")):
        for link in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("a[href]"):
            href = link["href"]
            if href.startswith("data:text/csv"):
                kind, _, payload = href.partition(",")
                assert kind == "data:text/csv;charset=utf-8", (page.name, kind)
                files[f"{page.relative_to(site)}#{link.get('download')}"] = unquote(payload, errors="strict").removeprefix("\ufeff")
            elif href.split("#")[0].endswith(".csv"):  # a link to a published table: one of those read above
                target = (page.parent / unquote(href.split("#")[0])).resolve().relative_to(site.resolve())
                assert target.as_posix() in files, (page.name, href)
    return files


@pytest.mark.build  # the book of `analyst_book`
def test_no_csv_an_analysts_book_links_to_shows_a_role_beside_a_municipality_and_each_is_utf8_with_its_documented_header(
    analyst_folder: Path, analyst_book: Path
):
    """The done-when of issue 21, on the book whose quotes have municipalities (the analyst's two `stated` ties and the
    editors' three inferred ones): every CSV the built book links to, the published tables and the tables' own
    downloads, is UTF-8 with the header the data dictionary documents, and no row shows a quote's precise role together
    with a municipality unless the row is cleared."""
    data = load(analyst_folder)
    quotes = data.quotes
    tied = quotes[(quotes["kommunekode"] != "") & (quotes["cleared"] != "ja")]
    assert len(tied) == 5
    categories = set(data.speaker_categories["label"])
    roles = set(tied["speaker_role"]) - categories - {""}
    municipalities = {*data.municipalities["kommunekode"], *data.municipalities["name"]}
    files = _linked_csvs(analyst_book)
    published = {name.removeprefix("_static/data/") for name in files if name.startswith("_static/")}
    assert published == {t.file for t in TABLES.values()} | {SOURCES_FILE}
    assert len([name for name in files if "#" in name]) >= 10
    stated = tied[tied["attribution"] == "stated"]
    shown_tied = 0
    for name, text in each(sorted(files.items())):
        rows = list(csv.reader(io.StringIO(text, newline="")))
        head, body = rows[0], rows[1:]
        assert all(len(row) == len(head) for row in body), name  # comma-separated: every row as wide as its header
        if name.startswith("_static/"):
            file = name.removeprefix("_static/data/")
            assert head == (SOURCES_HEADER if file == SOURCES_FILE else next(t.columns for t in TABLES.values() if t.file == file)), name
        else:  # a page's table: its headings, once each, a count's words in the column „<heading>, i ord“ after its numbers
            assert all(head) and len(set(head)) == len(head), (name, head)
            for i, heading in enumerate(head):
                if heading.endswith(", i ord"):
                    assert i > 0 and head[i - 1] == heading.removesuffix(", i ord"), (name, head)
                    assert all(re.fullmatch(r"\d*", row[i - 1]) for row in body), (name, head[i - 1])
        # Columns that stand for one municipality: a cell with something in it shows that municipality beside the row.
        by_municipality = [i for i, heading in enumerate(head) if heading.split(" (")[0] in municipalities]
        cleared = head.index("cleared") if "cleared" in head else None
        for row in body:
            placed = any(cell.strip() in municipalities for cell in row) or any(row[i] not in ("", "0") for i in by_municipality)
            shown = [role for role in roles if any(role.casefold() in cell.casefold() for cell in row)]
            if placed and (cleared is None or row[cleared] != "ja"):
                assert shown == [], (name, row[:3], shown)
            shown_tied += placed and any(row[0] == quote_id for quote_id in tied["quote_id"])
    # quotes.csv publishes each `stated` tie with its municipality; an inferred tie not cleared is withheld, as on the pages.
    assert shown_tied == len(stated)


# Every wording that credits the report with a quote's municipality: REPORT_CREDITS and what a tie means when the
# report is the source, as provenance words it ('at rapporten selv nævner kommunen', '… ud fra rapportens egne
# oplysninger').
TIE_CREDITS = (*REPORT_CREDITS, provenance.words(BY_REPORT).stated_meaning, provenance.words(BY_REPORT).inferred_meaning)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils mangler (scripts/install_pdf_tools.sh)")
@pytest.mark.build  # the PDFs printed into `analyst_book`
def test_no_pdf_of_an_analysts_book_credits_the_report_with_its_ties(analyst_folder: Path, analyst_book: Path):
    """The done-when of issue 21, "in any PDF": the whole book, the analysts' data-og-metode edition and every
    municipality's edition. None words a tie as the report's, and wherever one prints a `stated` quote, its card says
    the analyst gave the municipality."""
    from test_pdf import pdf_text, squeeze

    data = load(analyst_folder)
    stated = data.quotes[data.quotes["attribution"] == "stated"]
    assert len(stated) == 2
    names = dict(zip(data.municipalities["kommunekode"], data.municipalities["name"], strict=True))
    pdfs = {path.name: path for path in (analyst_book / "pdf").glob("*.pdf")}
    titles = {editions.file_name(): editions.TITLE, editions.ANALYSTS_FILE: editions.ANALYSTS_TITLE}
    titles |= {editions.file_name(row.slug): f"{editions.TITLE} – {row.name}" for row in data.municipalities.itertuples()}
    assert set(pdfs) == set(titles)
    printed = 0
    for name, path in each(sorted(pdfs.items())):
        text = pdf_text(path, titles[name]).casefold()
        assert [credit for credit in TIE_CREDITS if squeeze(credit).casefold() in text] == [], name
        for quote in stated.itertuples():
            line = squeeze(f"Kommune: {names[quote.kommunekode]} (angivet af analytikeren)").casefold()
            at = text.find(squeeze(quote.text[:80]).casefold())
            if at >= 0:
                printed += 1
                assert line in text[at : at + len(squeeze(quote.text)) + 400], (name, quote.quote_id)
    assert printed >= 2 * len(stated)  # in the whole book and in Rudersdal's edition at least


# The pages that document the report's own folder and the editors' work on it, the same in every book, and the editors'
# own accessibility statement: every other page of an analyst's book names the editors only as its text's authors.
PAGES_ABOUT_THE_EDITORS_WORK = {
    "tilgaengelighed.html",
    "om-data/genkoersel.html",
    "om-data/dataordbog.html",
    "om-data/meldinger.html",
    "om-data/udforsker.html",
}
EDITORS_NAMED = re.compile(r"redaktion|\(red\.\)", re.IGNORECASE)


def _editors_credits(text: str, said_first: str, cells: list[str]) -> list[str]:
    """The sentences of a text that name the editors, but for the key every page and edition opens with
    (provenance.retelling_rule: the text is the editors') and the analyst's own cells, which are theirs to word."""
    text = " ".join(text.split()).replace(said_first, " ")
    for cell in cells:
        text = text.replace(cell, " ")
    return [sentence for sentence in re.split(r"(?<=[.!?])\s+", text) if EDITORS_NAMED.search(sentence)]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils mangler (scripts/install_pdf_tools.sh)")
@pytest.mark.build  # the book of `analyst_book` and its PDFs
def test_no_chapter_or_pdf_of_an_analysts_book_credits_the_editors_with_the_analysts_values(analyst_folder: Path, analyst_book: Path):
    """Analyst30: the chapters said in fixed words that figure 2 „er redaktionens skøn“ and that each source of the
    evaluation has „redaktionens bemærkning“, over the analyst's own values marked „(analytikerens angivelse)“. Every
    chapter and every PDF of an analyst's book names the editors only as the authors of its text."""
    from test_pdf import squeeze

    options = load(analyst_folder).options
    said_first, cells = provenance.retelling_rule(options), _data_cells(analyst_folder, naming="redaktion")
    pages = [page for page in sorted(analyst_book.rglob("*.html")) if "_static" not in page.parts]
    for page in each([p for p in pages if str(p.relative_to(analyst_book)) not in PAGES_ABOUT_THE_EDITORS_WORK]):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        said = " ".join(part.get_text(" ") for part in soup.select("article.bd-article, footer.bd-footer-content"))
        assert _editors_credits(said, said_first, cells) == [], page
    # The analysts' edition prints the data chapters (PAGES_ABOUT_THE_EDITORS_WORK); every other PDF is read.
    for path in each(sorted(p for p in (analyst_book / "pdf").glob("*.pdf") if p.name != editions.ANALYSTS_FILE)):
        text = squeeze(subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout)
        for known in (said_first, *cells):
            text = text.replace(squeeze(known), "")
        assert [text[max(0, m.start() - 80) : m.end() + 40] for m in EDITORS_NAMED.finditer(text)] == [], path.name


def test_the_evaluation_designs_sources_say_whose_remarks_they_are_from_the_folders_source(data, tmp_path: Path):
    """The chapter said „redaktionens bemærkning“ in fixed words after every source, in an analyst's book too."""
    folder = tmp_path / "analytiker"
    shutil.copytree(DATA, folder)
    with_option(folder, "kilde", "analytiker")
    books = (
        # ADR 123 (reader32, #8): the remarks that only say what the report does not tell stand once, under the list.
        (data, "rapportens ordlyd i »…«, og redaktionens bemærkninger står ved punkterne og samlet under listen"),
        (load(folder), "analytikerens ordlyd i »…« og derefter analytikerens bemærkning"),
    )
    for book, whose in each(books):
        lead = BeautifulSoup(str(lists.evaluation_sources(book)), "html.parser").p
        assert lead is not None and f"hvert punkt giver {whose}." in lead.get_text(), lead


def test_the_evaluation_designs_questions_are_led_as_their_folders_wording(data, tmp_path: Path):
    """The chapter said „(rapportens ordlyd)“ in fixed words over the questions, which an analyst's book notes
    „står sådan i analytikerens data“ a line below."""
    folder = tmp_path / "analytiker"
    shutil.copytree(DATA, folder)
    with_option(folder, "kilde", "analytiker")
    for book, wording in each([(data, "rapportens ordlyd"), (load(folder), "analytikerens ordlyd")]):
        for kind in ("overordnet", "tvaergaaende"):
            lead = BeautifulSoup(str(lists.evaluation_questions(book, kind)), "html.parser").p
            assert lead is not None and wording in lead.get_text() and "kr-questions" not in (lead.get("class") or []), (kind, lead)


def test_a_chapter_states_a_source_only_through_the_one_wording(tmp_path: Path):
    """Fixed sentences such as 'opstillingen er redaktionens' would credit the editors on an analyst's data: the
    chapters leave the source to the package, and the package words it from the folder's source."""
    fixed = (
        "opstillingen er redaktionens",
        "er redaktionens opstilling",
        "Figuren her er redaktionens",
        "redaktionens tilføjelser",
        "Kategorierne er redaktionens",
        "er redaktionens.",
        "Rapporten nævner ikke kommunen ved citaterne",
    )
    for notebook in each(sorted(n for n in (REPO / "book").rglob("*.ipynb") if "_build" not in n.parts)):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        prose = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        assert not [f for f in fixed if f in prose], notebook.name
    folder = tmp_path / "analytiker"
    shutil.copytree(DATA, folder)
    with_option(folder, "kilde", "analytiker")
    data = load(folder)
    said = [
        str(charts.action_learning_cycle(data)),
        str(charts.six_ps(data)),
        str(lists.whose(data, "municipalities.kommunekode", "municipalities.region", "organisations.kind")),
    ]
    for html in each(said):
        assert "redaktion" not in html.casefold() and "analytikerens angivelse" in html.casefold()


def test_a_profile_and_the_attention_points_word_their_source_from_the_folder(tmp_path: Path):
    """'(redaktionens tilføjelse)' beside code and region and 'Redaktionens læsning' over the attention points were
    fixed words: on an analyst's data they credited the editors."""
    folder = tmp_path / "analytiker"
    shutil.copytree(DATA, folder)
    with_option(folder, "kilde", "analytiker")
    data = load(folder)
    said = [str(lists.municipality_facts(data, "259")), *(str(guide.attention_points(data, i)) for i in data.ingredients["ingredient_id"])]
    for html in each(said):
        assert "redaktion" not in html.casefold() and "rapporten nævner" not in html.casefold()
    # The code and the region carry their owner's words after them (ADR 100): the analyst's.
    facts = BeautifulSoup(said[0], "html.parser")
    assert facts.select_one("dl.kr-facts dd .kr-by").get_text() == "(analytikerens angivelse)"
    # ADR 112: the code stands in the page's „Sådan er siden lavet“ fold (lists.municipality_code), marked alike.
    code = BeautifulSoup(str(lists.municipality_code(data, "259")), "html.parser")
    assert code.select_one(".kr-by").get_text() == "(analytikerens angivelse)"
    assert "Analytikerens angivelse:" in " ".join(said[1:])


def test_a_card_that_shows_a_speaker_category_says_it_is_the_editors_grouping_and_why(report):
    """q005–q008, q036 and q037 (now q005, q036 and q037: the stjernestunder are tied to none) showed 'Borgere og
    frivillige' where the report prints the speaker's role, and only
    the ingredient pages said why: every card (and every edition's item) now says it, in one wording."""
    from kulturensrige.edition import editions

    assert provenance.category_note(report.options) == "(redaktionens inddeling i stedet for talerens rolle, jf. anonymitetsreglen)"
    # Each of these quotes has a role in the report: the card says the report names the speaker more precisely (ADR 30).
    note = provenance.category_note(report.options, precise=True)
    assert note.startswith("(redaktionens inddeling; rapporten nævner rollen, som bogen udelader, jf. anonymitetsreglen)")
    quotes = report.quotes
    hidden = quotes[quotes["shown_role"] != quotes["speaker_role"]]
    assert {"q005", "q036", "q037"} <= set(hidden["quote_id"])
    for i in each(hidden.index):
        card = BeautifulSoup(cards.quote_card(report, quotes.loc[[i]]), "html.parser").get_text(" ", strip=True)
        assert f"{quotes.loc[i, 'shown_role']} {note}" in card, quotes.loc[i, "quote_id"]
        assert note in editions.quote_item(report, quotes.loc[[i]], quotes.loc[i, "kommunekode"])["speaker"]
    shown = quotes[quotes["shown_role"] == quotes["speaker_role"]]
    assert note not in cards.quote_card(report, shown.loc[[shown.index[0]]])
    # The dictionary says what the column holds: the role in the folder, the category in a published download.
    dictionary = (DATA / "DATAORDBOG.md").read_text(encoding="utf-8")
    assert (
        "står talerkategorien her i stedet, når citatet er knyttet til en kommune og ikke frigivet (cleared) (anonymitetsreglen)"
        in dictionary
    )


def test_a_title_the_report_does_not_give_says_it_is_the_editors_on_cards_tables_and_in_the_editions(report):
    """'Flytbar ordrulle, der også er en bænk' looked like a name from the report, beside 'Gang i gården', which is
    one: each title says in the data whether the report gives it, and where it does not, every place that shows it
    says whose it is."""
    from kulturensrige.edition import editions

    assert "title_basis" in TABLES["initiatives"].columns
    rows = report.initiatives.set_index("initiative_id")
    assert rows.loc["koege-ordrulle-baenk", "title_basis"] == "inferred"
    assert rows.loc["koege-gang-i-gaarden", "title_basis"] == "stated"
    mark = provenance.owner_mark(provenance.EDITORS_SHORT)
    full = provenance.owner_mark(provenance.value_label(report.options, "initiatives.title_basis"))
    assert full == "(redaktionens titel)"  # the key's and the download's words; on a page and in print the short mark (ADR 81)
    compared = comparison.compare_view(report).markup.replace("\u00ad", "")
    printed = " ".join(i["title"] for i in editions.initiative_items(report, "259"))
    assert "Flytbar ordrulle, der også er en bænk" in compared and f"Flytbar ordrulle, der også er en bænk {mark}" in printed
    # No mark after the report's title; side by side its purpose note follows it in brackets (reading 28, #5).
    assert f"Gang i gården {mark}" not in compared + printed and f"Gang i gården {full}" not in compared + printed
    assert "Gang i gården (" not in printed and "Gang i gården" in printed
    for row in each(report.initiatives.itertuples()):
        # On a web card only an editors' title carries the mark, after it; the label line carries none (ADR 55).
        card = cards.initiative_card(report, report.initiatives.loc[row.Index])
        assert isinstance(card["title"], cards.Sourced) == (row.title_basis == "inferred"), card["title"]
        assert getattr(card["title"], "owner", mark) == mark and mark not in card["kicker"], card["kicker"]


def test_a_tables_editorial_column_says_whose_it_is_in_its_heading_and_so_in_its_csv(report, tmp_path: Path):
    """'Kommunekode', 'Region', 'Slags organisation' and the vocabulary columns stood without a source in the tables
    and in their 'Hent tabellen som CSV' downloads; the download's heading now says it in full, the page's in the
    short mark its cards carry (one wording per label on a web page, ADR 40)."""
    municipalities = BeautifulSoup(str(lists.municipality_table(report)), "html.parser")
    headings = [th.get_text(strip=True) for th in municipalities.select("thead th")]
    download = municipalities.select_one("a[download]")
    assert download
    for value, label in (("municipalities.kommunekode", "Kommunekode"), ("municipalities.region", "Region")):
        assert f"{label} (red.)" in headings, headings
        assert f"{label} ({provenance.value_label(report.options, value)})" in unquote(download["href"]).splitlines()[0]
    assert "Region (redaktionens tilføjelse)" in unquote(download["href"]).splitlines()[0]
    kinds = charts.partners_by_kind(report)
    for variant in each(kinds.variants.values()):
        assert variant.table.columns[0] == "Slags organisation (redaktionens inddeling)"
    for chart in each((charts.art_forms_by_municipality, charts.target_groups_by_municipality, charts.settings_by_municipality)):
        assert next(iter(chart(report).variants.values())).table.columns[0].endswith(" (redaktionens betegnelser)")
    # On an analyst's data the same headings name the analyst, never the editors.
    folder = tmp_path / "analytiker"
    shutil.copytree(DATA, folder)
    with_option(folder, "kilde", "analytiker")
    analyst = BeautifulSoup(str(lists.municipality_table(load(folder))), "html.parser")
    assert "Region (analytikerens angivelse)" in [th.get_text(strip=True) for th in analyst.select("thead th")]


def test_an_analysts_ties_to_ingredients_are_the_analysts_on_cards_pages_and_downloads(analyst_folder: Path):
    """The workbook carries the report's ingredient_source over (rapporten, redaktionen); in the analyst's folder every
    tie to an ingredient is the analyst's all the same, and nothing says the report uses a quote."""
    from kulturensrige.data.publishing import published_files

    data = load(analyst_folder)
    assert set(data.quotes["ingredient_source"]) >= {"rapporten", "redaktionen"}  # as the workbook carried them
    said = cards.ingredient_intro(data, "etablering-af-vi")
    assert "Analytikeren knytter 5 citater til ingrediensen" in said and not _credits_report(said)
    card = cards.quote_card(data, data.quotes[data.quotes["quote_id"] == "q009"])
    assert "Koblingen til ingrediensen: analytikerens angivelse." in card
    published = list(csv.DictReader(io.StringIO(published_files(data)["quotes.csv"], newline="")))
    # The card's words, not the code 'analytiker' (reading 25, finding 5: one wording on card and download).
    assert {r["ingredient_source"] for r in published if r["ingredient_ids"]} == {"analytikerens angivelse"}


def test_the_comparison_pages_organisations_are_counted_from_the_folders_source(report, analyst_folder: Path):
    """'Figuren tæller de organisationer …, rapporten nævner ved indsatserne' stood as fixed text on
    kommuner/sammenligning: an analyst's book credited the report with the analyst's organisations."""
    ours = BeautifulSoup(str(comparison.organisations_note(report)), "html.parser").get_text(" ")
    assert "Figuren tæller de organisationer og institutioner, redaktionen har samlet ved indsatserne" in ours
    assert "rapporten kalder ingen af dem partnere" in ours
    theirs = BeautifulSoup(str(comparison.organisations_note(load(analyst_folder))), "html.parser").get_text(" ")
    assert "Figuren tæller de organisationer og institutioner, analytikerens data nævner ved indsatserne" in theirs
    assert "rapport" not in theirs.casefold()


def test_an_analysts_municipality_editions_name_the_report_only_where_they_speak_of_the_report_itself(analyst_folder: Path):
    """The HTML every municipality's PDF is printed from: 'Bogens redaktions gengivelse af … evalueringsrapport' on the
    cover, 'Bygger på rapportens afsnit', 'Rapportens generelle citater', 'Afsnit i rapporten' and 'Rapportens ordlyd'
    credited the report (and the editors) with the analyst's data."""
    import datetime as dt

    from kulturensrige.edition import editions

    data = load(analyst_folder)
    cells = _data_cells(analyst_folder)
    charts_ = editions.EditionCharts.compute(data)
    stamp = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))
    for code in each(list(data.municipalities["kommunekode"])):
        soup = BeautifulSoup(editions.municipality_edition(data, code, stamp, charts_, "plotly.js"), "html.parser")
        for tag in soup(["script", "style"]):
            tag.decompose()
        said = soup.get_text(" ")
        assert not _report_mentions(said, cells), code
    assert "Analytikerens data i bogen om Sund By Netværkets evalueringsrapport" in said


def test_an_analysts_charts_name_the_report_only_where_they_speak_of_the_report_itself(analyst_folder: Path):
    """Figure 1's legend said 'udfyldt: rapporten nævner stedet', its text alternative 'Rapporten nævner:' and
    'ifølge rapporten', and a heatmap's empty column 'rapporten nævner ingen', of the analyst's events and initiatives:
    every chart's title, note, legend, text alternative and table is read in a book on an analyst's data."""
    data = load(analyst_folder)
    cells = _data_cells(analyst_folder)
    for chart in each(charts.plotted(data)):
        said = [chart.title, chart.note]
        for variant in chart.variants.values():
            said += [json.dumps(variant.figure, ensure_ascii=False), variant.alt, variant.said, variant.title]
            said += [str(c) for c in variant.table.columns] + [str(v) for v in variant.table.to_numpy().ravel()]
        assert not _report_mentions(" ".join(said), cells), chart.figure_id


def test_an_editions_link_says_whose_inferred_ties_it_holds(report, analyst_folder: Path):
    """The note beside an edition's link, and the bar's link, with the inferred ties switched on: an analyst's
    inferences are the analyst's, not the editors' (the wording was fixed to 'redaktionen')."""
    from kulturensrige.edition.links import inferred_notes

    analyst = load(analyst_folder)
    tied = analyst.quotes.loc[analyst.quotes["attribution"] == "inferred", "kommunekode"].iloc[0]
    said = "Udgaven viser ikke de tilknytninger, der er udledt af analytikeren, som du har slået til her."
    assert dict(inferred_notes(analyst, tied))["on"] == said
    assert "udledt af redaktionen" in dict(inferred_notes(report, "259"))["on"]


def test_whose_order_and_wording_and_the_holder_starting_a_sentence_are_worded_in_provenance_only(report, analyst_folder: Path):
    """'{own} rækkefølge' and '{own} ordlyd' were put together in five places, and the holder capitalised by hand
    beside Words.subject: each lives in provenance.py, and an analyst's folder gets its own words everywhere."""
    assert provenance.order(report.options) == "rapportens rækkefølge"
    assert provenance.order(load(analyst_folder).options) == "analytikerens rækkefølge"
    assert [provenance.words(s).wording for s in SOURCES] == [f"{provenance.words(s).own} ordlyd" for s in SOURCES]
    assembled = re.compile(r"\}\}?\s+(rækkefølge|ordlyd)\b|holder\[0\]\.upper\(\)")
    for path in each(sorted((REPO / "kulturensrige").rglob("*.*"))):
        if path.suffix in (".py", ".html", ".j2") and path.name != "provenance.py":
            assert not assembled.search(path.read_text(encoding="utf-8")), path.relative_to(REPO)


# The marks that say a value is not the report's own, as the cards and profiles print them.
WHOSE_MARK = re.compile(r"\((?:redaktionens|analytikerens) [^)]*\)")


def test_every_whose_mark_on_a_card_and_a_profile_stands_apart_in_light_type(report):
    """Reader 12, finding 6: '(redaktionens tilføjelse)' in bold italics beside nearly every fact of a profile buried
    the facts. Each mark still stands beside its value, in the same words, but in an element of its own (.kr-by,
    small plain muted type), on every initiative's and municipality's card and on every profile. (A card's kicker line
    is small muted type as a whole.)"""
    initiatives = [cards.initiative_card(report, row) for _, row in report.initiatives.iterrows()]
    markup = cards.fact_cards(initiatives) + [str(lists.municipality_facts(report, code)) for code in report.municipalities["kommunekode"]]
    loose = []
    for html in each(markup):
        soup = BeautifulSoup(html, "html.parser")
        for node in soup.find_all(string=WHOSE_MARK):
            if node.find_parent(class_="kr-card-kicker") is None and not (
                "kr-by" in (node.parent.get("class") or []) and WHOSE_MARK.fullmatch(node.strip())
            ):
                loose.append(node.strip())
        # A card whose title the report gives carries no mark: its block says whose the rest is (ADR 55).
        assert soup.select(".kr-by") or soup.select_one(".kr-initiative"), html[:200]
    assert not loose, loose[:5]


def test_a_charts_method_note_folds_under_one_line_that_says_whose_it_is(report):
    """Reader 12, finding 6: a twelve-line method note stood open under each chart. The page shows one line, whose
    the chart is (and what a tap on it does), and the note itself in a closed »Om figuren« at the chart's foot; a
    printed edition still reads the whole note from the model."""
    for make in each(
        [
            charts.quotes_per_ingredient,
            charts.ingredient_municipality_matrix,
            charts.partners_by_kind,
            charts.programme_timeline,
            charts.art_forms_by_municipality,
        ]
    ):
        chart = make(report)
        soup = BeautifulSoup(str(chart.html()), "html.parser")
        shown = [p.get_text() for p in soup.select("p.kr-figure-note") if p.find_parent("details") is None]
        about = soup.select("details.kr-note-about")
        if chart.whose_said:
            # The report's own figure says whose drawing it is in its caption ('… (redaktionens gengivelse)'), and
            # the line under it said it again (a new reader's review, finding 7c): there it stands once, above.
            assert shown == [] and "(red.)" in soup.figcaption.get_text(), shown
        else:
            # The editors' chart shows their short mark in its fold's line, never alone on a line (issue 22); only
            # what a tap does stands above it; its words fold with the rest (ADR 38).
            assert all("(red.)" not in line and len(line) <= 120 for line in shown), shown
            assert about[0].summary.get_text() == "Om figuren (red.)", about[0].summary
        assert len(about) == 1 and not about[0].has_attr("open") and about[0].summary.get_text().startswith("Om figuren")
        assert chart.whose.removesuffix(".") in chart.note and chart.whose.startswith("Redaktionens")
        # whose it is is said once: in the caption where it says it, else once in the fold under the mark
        assert about[0].get_text().count(chart.whose.removesuffix(".")) == (0 if chart.whose_said else 1), about[0].get_text()


def test_a_charts_fold_does_not_repeat_whose_it_is_after_a_sentence_on_an_empty_column(tmp_path: Path):
    """The fold was the note with its line cut out of it, and an analyst's line ('Analytikerens angivelse.') could
    only be cut from the note's start: after the sentence on an empty column the fold said it again. The line and the
    rest now come apart from the start (provenance.whose_parts)."""
    folder = tmp_path / "analytiker"
    shutil.copytree(DATA, folder)
    with_option(folder, "kilde", BY_ANALYST)
    chart = charts.art_forms_by_municipality(load(folder))
    soup = BeautifulSoup(str(chart.html()), "html.parser")
    shown = [p.get_text() for p in soup.select("p.kr-figure-note") if p.find_parent("details") is None]
    fold = soup.select_one("details.kr-note-about")
    folded = fold.get_text() if fold is not None else ""
    assert shown == [f"{chart.whose} {charts.MARK_HINT}"] and chart.whose == "Analytikerens angivelse."
    assert "har intet tal i tabellen" in soup.select_one("p.kr-marks-empty").get_text() and chart.whose not in folded, folded


def test_a_value_with_its_owner_survives_a_copy_and_a_pickle_whole(report):
    """cards.Sourced is a str with two parts: pickle and copy made it again from the joined text alone and failed
    (__new__ wants the owner too), so a card's facts could not be copied or cross a process."""
    row = next(report.initiatives[report.initiatives["status"] != ""].itertuples())
    value = cards.sourced(report, "initiatives.status", row.status, "Gennemført")
    assert isinstance(value, cards.Sourced)
    for again in each([pickle.loads(pickle.dumps(value)), copy.deepcopy(value), copy.copy(value)]):
        assert (again, again.value, again.mark, again.owner) == (value, "Gennemført", value.mark, "(red.)")
