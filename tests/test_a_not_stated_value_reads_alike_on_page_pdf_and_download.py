"""Reading 28, finding 5: one „not stated“ value was worded one way on the page and in the PDF and another in the
download. The five short statements q023–q027 read „rolle ikke angivet“ on their cards, as if a speaker with an
unknown role, and „ikke angivet“ in quotes.csv; the report gives no speaker for them at all (rapport:659-667), as the
book's own speaker_categories.csv says. Each reads „afsender ikke angivet“ on the card and in the download alike
(provenance.unnamed_as), and the download read back as a data folder holds the schema's „ikke angivet“ again."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.data import provenance
from kulturensrige.data.publishing import published_files
from kulturensrige.data.schema import NOT_STATED
from kulturensrige.edition import editions
from kulturensrige.render import cards, charts, comparison
from kulturensrige.rules import statistics
from kulturensrige.words import number
from support.checks import each

REPO = Path(__file__).resolve().parent.parent
STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def _downloaded(data) -> dict[str, dict[str, str]]:
    return {r["quote_id"]: r for r in csv.DictReader(io.StringIO(published_files(data)["quotes.csv"], newline=""))}


def test_a_quote_whose_speaker_the_report_does_not_give_reads_alike_on_its_card_and_in_the_download(data):
    downloaded = _downloaded(data)
    unnamed = [g for g in cards.group_records(data.quotes) if any(r["shown_role"] == NOT_STATED for r in g)]
    for group in each(unnamed):
        words = provenance.unnamed_as(data.options, data.quote_kinds, group[0]["kind"])
        assert cards.speaker_line(data, group)[1].endswith(words), group[0]["quote_id"]
        for row in group:
            # ADR 109 (reading 30, #2): the download says the one form of an absence; the card's word before it
            # („afsender“) is the row's kind's.
            said = downloaded[row["quote_id"]]["speaker_role"]
            assert words.endswith(f" {said}") and said == provenance.folder_words(data.options).not_stated, row["quote_id"]
    mottos = [g[0]["quote_id"] for g in unnamed if g[0]["kind"] == "kort-udsagn"]
    assert mottos == ["q023", "q024", "q025", "q026", "q027"]
    assert {cards.speaker_line(data, g)[1] for g in unnamed if g[0]["kind"] == "kort-udsagn"} == {"afsender ikke angivet i rapporten"}


def test_the_downloaded_quotes_read_back_as_a_data_folder_hold_the_schemas_not_stated_role(data, data_downloads, tmp_path: Path):
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    (folder / "quotes.csv").write_text(data_downloads["quotes.csv"], encoding="utf-8")
    read = load(folder, cache=False)
    roles = read.quotes.set_index("quote_id")["speaker_role"]
    for quote in each(["q013", "q023", "q024", "q025", "q026", "q027"]):
        assert roles[quote] == NOT_STATED, (quote, roles[quote])


VOCABULARY_CHARTS = ("art_forms_by_municipality", "target_groups_by_municipality", "settings_by_municipality")
PRINTED = VOCABULARY_CHARTS[:2]


def test_a_municipality_without_marks_in_a_vocabulary_table_says_whose_gap_it_is_on_the_page_and_in_its_edition(data, edition_charts):
    """The notes under the tables of target groups, art forms and places said „ingen målgrupper registreret“ on the
    comparison page, in the whole-book and the municipal PDFs: „registreret“ says nothing of whose gap it is. They say
    „angivet i rapporten“, as the cards („Ikke angivet i rapporten: målgrupper.“)."""
    computed = edition_charts
    holder = provenance.folder_words(data.options).holder
    said = 0
    for name in each(VOCABULARY_CHARTS):
        made = getattr(charts, name)(data)
        for code, variant in made.variants.items():
            if "intet tal i tabellen" not in variant.said:
                continue
            said += 1
            assert "registreret" not in variant.said, (name, code, variant.said)
            assert f"angivet i {holder}:" in variant.said, (name, code, variant.said)
            edition = " ".join(
                BeautifulSoup(editions.municipality_edition(data, code, STAMP, computed, "plotly.min.js"), "html.parser")
                .get_text(" ")
                .split()
            )
            assert "registreret" not in edition, (name, code)
            if name in PRINTED:  # the charts a municipality's edition prints (EditionCharts)
                assert variant.said in edition, (name, code)
    assert said >= 3  # Køge's three initiatives name no target group, and more
    page = " ".join(BeautifulSoup(str(comparison.compare_view(data)), "html.parser").get_text(" ").split())
    assert "registreret" not in page


def test_the_timelines_sortable_date_column_is_empty_where_the_report_gives_no_date(data, data_downloads):
    """Figure 1's table CSV had „rapporten angiver ikke datoen“ in „Dato som år-måned“, the column meant to sort;
    it is empty there, and the words stand in „Dato“, as on the page; kilder.csv says so."""
    variant = next(iter(charts.programme_timeline(data).variants.values()))
    sortable = provenance.figure_download_headings(data.options, "forloeb")[0]
    absent = provenance.folder_words(data.options).not_stated  # ADR 109: the one form of an absence
    undated = [i for i, date in enumerate(variant.table["Dato"]) if date == absent]
    assert len(undated) >= 3, list(variant.table["Dato"])  # the workshops and pitstops the report gives no date
    for i in each(undated):
        assert variant.download[sortable].iloc[i] == "", variant.download[sortable].iloc[i]
    assert all(re.fullmatch(r"\d{4}-\d{2}", d) for d in variant.download[sortable] if d)
    sources = list(csv.DictReader(io.StringIO(data_downloads["kilder.csv"], newline="")))
    said = next(r["begrundelse"] for r in sources if r["fil"] == "forloeb-*.csv" and r["kolonne"] == sortable)
    assert "er cellen tom" in said and "„Dato“" in said, said


def test_the_housing_plans_description_keeps_the_reports_name_and_does_not_make_the_plan_the_housing_area(
    data, data_downloads, report_text
):
    """organisations.csv said „Helhedsplan for Lindholm, et socialt belastet boligområde, …“: another name than the
    row's own, and the plan itself made the housing area. The report (l.152-153) says »Helhedsplan Lindholm (et
    socialt belastet boligområde)«: the description keeps the name and gives the report's words in »…«."""
    assert "Helhedsplan Lindholm (et socialt belastet boligområde)" in " ".join(report_text.split())
    row = data.organisations.set_index("organisation_id").loc["helhedsplan-lindholm"]
    # Reading32, #3: the report's gloss stands by the name it glosses, not by the place („en indsats i Lindholm (i
    # rapporten »…«)“), and that the plan is an initiative is said as the editors' knowledge.
    assert row["description"].startswith(f"{row['name_in_report']}, som rapporten i en parentes kalder »"), row["description"]
    assert "»et socialt belastet boligområde«" in row["description"]
    assert "Helhedsplan for Lindholm" not in row["description"]
    downloaded = {r["organisation_id"]: r for r in csv.DictReader(io.StringIO(data_downloads["organisations.csv"], newline=""))}
    assert downloaded["helhedsplan-lindholm"]["description"] == row["description"]


def test_the_comparison_says_of_every_initiative_of_a_municipality_that_none_names_a_target_group(data):
    """Sammenlign's Køge „Målgrupper“ spoke of Gang i gården only („For Gang i gården er målgruppen ikke angivet …“),
    while none of Køge's three cards has a target group. Where no initiative of a municipality names one, the column
    says so of them all, in the cards' words („ikke angivet i rapporten“), then the purpose given instead."""
    page = BeautifulSoup(str(comparison.compare_view(data)), "html.parser")
    absent = provenance.folder_words(data.options).not_stated
    checked = 0
    for code, own in each(list(data.initiatives.groupby("kommunekode"))):
        if any(len(ids) for ids in own["target_group_ids"]):
            continue
        checked += 1
        column = page.select_one(f'section.kr-compare-column[data-compare="{code}"]')
        groups = [" ".join(li.get_text(" ").replace("\u00ad", "").split()) for li in column.select("ul")[1].select("li")]
        counted = statistics.count_initiatives(own)
        assert groups[0] == f"{absent.capitalize()} for nogen af kommunens {number(counted)} indsatser", groups
        assert not [g for g in groups if g.startswith("For ")], groups
    assert checked >= 2  # Køge and Guldborgsund
