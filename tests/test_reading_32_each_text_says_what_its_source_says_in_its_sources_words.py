"""Reading 32 (session 30, issue 21): a researcher read int29b line by line against the report, and built a book on
an analyst's folder. Each test checks one finding: a page, a PDF's text or a download says only what the report says,
and in a book on an analyst's data every text names its source in the words of data/provenance.py."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.data.publishing import SOURCES_FILE, published_files
from kulturensrige.data.schema import BY_ANALYST, RELATIONS, RELATIONS_SAID, STATUS_RULE, TABLES
from kulturensrige.edition import editions
from kulturensrige.render import cards, charts, guide, lists, slips
from report_source import collapse, repair_hyphenation
from support.checks import each

ROOT = Path(__file__).resolve().parent.parent
STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def _text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True).split())


def _prose(notebook: str) -> str:
    cells = json.loads((ROOT / "book" / notebook).read_text(encoding="utf-8"))["cells"]
    return " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def _report(report_text: str) -> str:
    return collapse(repair_hyphenation(report_text))


def _download(data, file: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(published_files(data)[file], newline="")))


def test_the_resource_persons_are_the_reports_open_list_and_the_facilitator_is_named_as_the_report_calls_her(data, report_text):
    """#1: „Rapporten regner ikke Christa Breum Amhøj … blandt ressourcepersonerne“ under a table headed „Ressourcepersoner,
    rapporten nævner ved navn“, where the report names the three »bl.a.« (l. 52–55) and calls her the facilitator
    (l. 360–361): the page, and kilder.csv beside the facilitator column, say what the report says, and the heading
    keeps the list open."""
    report = _report(report_text)
    assert "ressourcepersoner med kompetencer inden for kultur og mental sundhed (bl.a. Projektchef" in report
    assert "facilitator af aktionslæringsforløbet Christa Breum Amhøj" in report
    said = "Rapporten nævner bl.a. disse tre ressourcepersoner og kalder Christa Breum Amhøj facilitator af aktionslæringsforløbet."
    page = _text(lists.resource_persons(data))
    assert said in page and "regner ikke" not in page, page
    assert "Ressourcepersoner, som rapporten bl.a. nævner" in page
    sources = {(r["fil"], r["kolonne"]): r for r in _download(data, SOURCES_FILE)}
    assert said in sources[("resource_persons.csv", "facilitator")]["begrundelse"]


def test_an_analysts_resource_persons_are_not_said_to_be_the_reports_open_list(analysts):
    """The »bl.a.« is the report's: a book on an analyst's data says what the analyst's data say, no more."""
    page = _text(lists.resource_persons(analysts))
    assert "Analytikerens data nævner disse tre ressourcepersoner og kalder Christa Breum Amhøj" in page, page
    assert "rapporten" not in page.lower() and "bl.a." not in page


def test_the_dictionarys_examples_of_a_reference_in_a_parenthesis_are_ones_the_report_writes_so(report_text):
    """#2: references.csv's citation said the report writes a reference „inde i en parentes (fx „Amhøj 2019a“,
    „Cartwright og Hardie 2012“)“, two it writes in running text (l. 81, l. 352). Each example stands in the report
    right after a „(“."""
    report = _report(report_text)
    described = TABLES["references"].schema.columns["citation"].description
    # The report's words, so in »…« (the marks' rule of the dictionary).
    examples = re.findall(r"»([^«]+)«", described.partition("inde i en parentes")[2].partition(")")[0])
    assert examples, described
    for example in each(examples):
        assert f"({example}" in report, example


def test_the_housing_plans_gloss_belongs_to_its_name_and_its_kind_says_whose_knowledge_it_is(data, report_text):
    """#3: organisations.csv said „Helhedsplan Lindholm, en indsats i Lindholm (i rapporten »et socialt belastet
    boligområde«)“: the report's parenthesis glosses the plan's name (l. 152), and „en indsats“ is the editors'
    knowledge (kind_by_knowledge), said as nobody's. The download says the gloss of the name and whose „indsats“ is."""
    assert "Helhedsplan Lindholm (et socialt belastet boligområde)" in _report(report_text)
    row = next(r for r in _download(data, "organisations.csv") if r["organisation_id"] == "helhedsplan-lindholm")
    said = row["description"]
    assert said.startswith("Helhedsplan Lindholm, som rapporten i en parentes kalder »et socialt belastet boligområde«"), said
    assert "en indsats i Lindholm" not in said
    assert "at den er en boligsocial indsats, er redaktionens viden" in said, said


def test_guldborgsunds_forum_gives_the_quoted_verb_the_reports_subject(data, report_text):
    """#5: „… et alternativt samarbejdsforum, der har »forsøgt at bryde …«“ made the forum the subject of the report's
    verb; the report says „et alternativt samarbejdsforum, hvor aktionslæringsgruppen har forsøgt at bryde“ (l. 146)."""
    report = _report(report_text)
    assert "et alternativt samarbejdsforum, hvor aktionslæringsgruppen har forsøgt at bryde" in report
    card = _text(cards.initiative_list(data, "376"))
    row = next(r for r in _download(data, "initiatives.csv") if r["initiative_id"] == "guldborgsund-alternativt-samarbejdsforum")
    for said in (card, row["description"]):
        assert "hvor aktionslæringsgruppen har »forsøgt at bryde" in said, said
        assert "der har »forsøgt" not in said


def _analysts_texts(folder) -> dict[str, str]:
    """The texts reading32 found mixing or dropping a source in an analyst's book (#6–#8), rendered from `folder`."""
    attention = [
        f"{group.label}: {group.lead}"
        for ingredient in folder.ingredients["ingredient_id"]
        for group in guide.attention_point_groups(folder, ingredient)
    ]
    closing = "Hvad der findes for enden af regnbuen i den enkelte kommune, det må de forsatte eksperimenter og udforskninger vise."
    return {
        "facts": _text(lists.programme_facts(folder)),
        "portal": _text(lists.fact_with_link(folder, "vidensportal")),
        "questions": _text(lists.evaluation_questions(folder, "overordnet")),
        "closing": _text(slips.quoted_on_page(folder, "afsluttende-betragtninger", "Rapporten slutter med:", closing)),
        "figure": BeautifulSoup(charts._about(folder, 1), "html.parser").summary.get_text(),
        "attention": " ".join(attention),
    }


def test_an_analysts_book_words_each_fact_label_and_note_by_its_own_source(analysts):
    """#6–#8: in a book on an analyst's folder (options.csv without `kilde`), two programme facts stood unmarked and
    said „Rapporten …“; „Rapporten skriver … med analytikerens ordlyd“ and „Om figuren i rapporten (analytikerens
    angivelse)“ named two sources in one label; the page's own quotation of the report said its slip „står sådan i
    analytikerens data“; „…; Analytikerens data nævner ikke selv …“ had a capital mid-sentence."""
    said = _analysts_texts(analysts)
    mark = provenance.page_mark(provenance.words(BY_ANALYST).value)
    facts = BeautifulSoup(str(lists.programme_facts(analysts)), "html.parser").select("li")
    assert len(facts) == len(analysts.programme_facts)
    for fact in each([li.get_text(" ", strip=True) for li in facts]):
        assert mark in fact and "rapport" not in fact.lower(), fact
    assert mark in said["portal"] and "rapport" not in said["portal"].lower(), said["portal"]
    assert said["questions"].startswith("Analytikerens data skriver det guidende spørgsmål") and "apport" not in said["questions"]
    assert "(»forsatte« står sådan i rapporten)" in said["closing"], said["closing"]
    assert said["figure"] == f"Om figuren {mark}", said["figure"]
    assert "; analytikerens data nævner ikke selv" in said["attention"] and "; Analytikerens" not in said["attention"]
    # No label or sentence of these names both the report and the analyst, save the quotation of the report's words.
    for name, text in each(sorted(said.items())):
        if name != "closing":
            assert not ("apport" in text and "nalytiker" in text), (name, text)


def test_the_reports_book_keeps_the_reports_words_for_the_same_texts(data):
    """The same texts in the report's own book: the report named as the source, no analyst."""
    said = _analysts_texts(data)
    assert said["questions"].startswith(
        "Rapporten skriver det guidende spørgsmål som en ledsætning; her står ledsætningen med rapportens ordlyd"
    )
    assert said["figure"] == "Om figuren i rapporten (red.)"
    assert "(»forsatte« står sådan i rapporten)" in said["closing"]
    assert "(red.)" not in said["facts"] and "nalytiker" not in " ".join(said.values())


def test_a_card_without_a_status_says_so_in_one_wording_on_its_page_and_in_its_municipalitys_pdf(data):
    """#11: the page said „Status ikke angivet i rapporten (red.)“ and the municipality's PDF „… (redaktionens
    læsning)“, which reads as a contradiction: the report states nothing and the editors read nothing. Both say it
    in one wording: „ikke angivet i rapporten (redaktionen giver ingen status)“."""
    given = "Status ikke angivet i rapporten (redaktionen giver ingen status)"
    charts_ = editions.EditionCharts.compute(data)
    unread = data.initiatives[[not cards.status_read(data, row) for row in data.initiatives.itertuples()]]
    assert len(unread)
    for code in each(sorted(set(unread["kommunekode"]))):
        page = _text(cards.initiative_list(data, code))
        edition = _text(editions.municipality_edition(data, code, STAMP, charts_, "p.js"))
        for shown in (page, edition):
            assert "ikke angivet i rapporten (redaktionens læsning)" not in shown and "ikke angivet i rapporten (red.)" not in shown
            assert shown.count(given) == shown.count("Status ikke angivet i rapporten"), code


def test_the_evaluation_sources_download_writes_each_label_as_the_page_shows_the_reports_words(data, report_text):
    """#12: evaluation_sources.csv's label said „Deltagerobservationer ved de fælles workshops“ with a capital, while
    the page shows the report's lower-case words »deltagerobservationer ved de fælles workshops« (l. 358)."""
    report = _report(report_text)
    shown = [li.get_text() for li in BeautifulSoup(str(lists.evaluation_sources(data)), "html.parser").select("li")]
    rows = _download(data, "evaluation_sources.csv")
    assert len(rows) == len(shown)
    for row, item in each(list(zip(rows, shown, strict=True))):
        assert item.startswith(f"»{row['label']}«"), (row["label"], item)
        assert row["label"] in report, row["label"]


def test_the_books_own_danish_says_each_thing_once_and_whole(data, report_text):
    """#13: a double „kun“ on Etablering af ”vi”; „nævner om to af workshopperne“ without an object; „er status ikke
    angivet: på kortet som i downloadene“; the overview's line „… på kortene:“ left as a fragment before its button;
    and „kun tænkt med“, where the report says „er tænkt med“ (l. 153)."""
    assert "Lindholm (et socialt belastet boligområde) er tænkt med" in _report(report_text)
    vi = _prose("ingredienser/etablering-af-vi.ipynb")
    assert "Også uden for Kulturens Rige levner hverdagen kun lidt plads til relationsarbejde" in vi
    assert not re.search(r"\bkun\b[^.;:]*\bkun\b", vi.partition("relationsarbejde")[0] + "relationsarbejde"), vi
    alt = next(iter(charts.programme_timeline(data).variants.values())).alt
    assert "oplyser følgende om to af workshopperne: den fjerde (Arken)" in alt and "nævner om" not in alt, alt
    assert "er status ikke angivet, hverken på kortet eller i downloadene." in STATUS_RULE
    overview = _prose("kommuner/oversigt.ipynb")
    assert (
        "på kortene:" not in overview
        and "Hvem der har skrevet region, udgangspunkt og resumé på kortene, står i noten herunder." in overview
    )
    said = " ".join([*RELATIONS.values(), RELATIONS_SAID, TABLES["organisations"].schema.columns["relation"].description])
    said += " " + (ROOT / "data" / "DATAORDBOG.md").read_text(encoding="utf-8")
    assert "kun tænkt med" not in said and "kun er tænkt med" not in said
    assert "Storstrøm Fængsel og Helhedsplan Lindholm er tænkt med i et nyt projekt" in provenance.partners_said(
        data.organisations, ["storstroems-faengsel", "helhedsplan-lindholm"], "Guldborgsund"
    )
