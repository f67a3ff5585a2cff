"""Session 29's line-by-line reading and consultant's review (issue 21, /work/notes/s28/reading29.md and reader29.md):
an organisation is named as the report names it („tænkt med“, not „planlagt“; Køge took part in March mod ensomhed,
the report says not what it is), ”Grib engagementet” is »et initiativ under Kulturministeriet«, a municipality
without an outcome is not told as one where nothing came of it, the literature card names Anita Jensen as the report
does, and the data dictionary's examples are real rows."""

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
from kulturensrige.data.column_guide import real_row
from kulturensrige.data.publishing import SOURCES_FILE, published_files
from kulturensrige.data.schema import BY_ANALYST, NOT_STATED, RELATIONS, SLUG_PATTERN, TABLES
from kulturensrige.edition import editions
from kulturensrige.render import cards, comparison, lists
from report_source import collapse, repair_hyphenation
from support.checks import each

REPO = Path(__file__).resolve().parent.parent
STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))
# Words the report does not say of the organisations it names (reading29, #1 and #4).
OVERSTATED = ("planlagt", "er en kampagne", "en målgruppe, en kampagne")


def _text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True).split())


def _download(data, file: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(published_files(data)[file], newline="")))


def test_an_organisations_relation_says_what_the_report_says_on_page_pdf_and_download(data, edition_charts, report_text):
    """#1/#4: „planlagt“ and „et samarbejde, der kun er planlagt“ for the report's »tænkt med«, and „March mod ensomhed
    er en kampagne“ where the report says only that Køge took part in it; the ids were „malgruppe“, „kampagne“ and
    „planlagt“. Now ASCII ids naming what the report says, and the sentences in its words."""
    report = collapse(repair_hyphenation(report_text))
    assert "er tænkt med" in report and "kommunens deltagelse i March mod ensomhed" in report
    assert set(RELATIONS) == {"maalgruppe", "kommunen-deltog-i", "taenkt-med"}
    assert all(re.fullmatch(SLUG_PATTERN, relation) for relation in RELATIONS)
    relations = {r["organisation_id"]: r["relation"] for r in _download(data, "organisations.csv")}
    assert relations["march-mod-ensomhed"] == "kommunen-deltog-i"
    assert relations["storstroems-faengsel"] == relations["helhedsplan-lindholm"] == "taenkt-med"
    assert relations["paraplyen"] == "maalgruppe"
    made = edition_charts
    rows = data.initiatives[data.initiatives["kommunekode"] == "259"]
    page = _text(cards.whose_reasons(data, rows))
    edition = _text(editions.municipality_edition(data, "259", STAMP, made, "plotly.min.js"))
    for shown in each([page, edition]):
        assert "Køge deltog i March mod ensomhed" in shown
        assert not any(word in shown for word in OVERSTATED)
    reasons = " ".join(r["begrundelse"] for r in _download(data, SOURCES_FILE))
    compared = _text(comparison.organisations_note(data).markup)
    # The whole book's »Om kilderne« says each municipality's sentence once (editions.known_reasons).
    whole = " ".join(editions.known_reasons(data))
    assert "Køge deltog i March mod ensomhed" in whole
    for shown in each([reasons, compared, whole, " ".join(str(c.description) for c in TABLES["organisations"].schema.columns.values())]):
        assert not any(word in shown for word in OVERSTATED)
        assert "malgruppe" not in shown


def test_grib_engagementet_is_an_initiative_under_kulturministeriet_on_the_card_and_in_the_organisations(data, report_text):
    """#2: the report says »et initiativ under Kulturministeriet«; the Aarhus card said „Kulturministeriets initiativ“
    and organisations.csv „Ministeriet bag initiativet“."""
    report = collapse(repair_hyphenation(report_text))
    said = "et initiativ under Kulturministeriet"
    assert said in report
    card = _text(cards.initiative_list(data, "751"))
    descriptions = {r["initiative_id"]: r["description"] for r in _download(data, "initiatives.csv")}
    organisations = {r["organisation_id"]: r["description"] for r in _download(data, "organisations.csv")}
    for shown in each([card, descriptions["aarhus-grib-engagementet"], organisations["kulturministeriet"]]):
        assert said in shown
        assert "Kulturministeriets initiativ" not in shown and "Ministeriet bag" not in shown


def test_an_untold_outcome_says_the_report_describes_the_initiatives_but_no_outcome_for_the_target_group(data, edition_charts):
    """reader29 F5c: „Rapporten angiver ikke, hvad forløbet førte til i Ringkøbing-Skjern.“ read as „nothing came of
    it“ beside Køge and Guldborgsund, though the report describes what each group did. One wording, from one function,
    on the profile, in the edition and in municipalities.csv."""
    made = edition_charts
    cells = {r["name"]: r["outcome"] for r in _download(data, "municipalities.csv")}
    untold = data.municipalities[data.municipalities["outcome"] == NOT_STATED]
    assert len(untold) == 4
    for row in each(list(untold.itertuples())):
        sentence = f"Rapporten beskriver indsatserne, men hvad forløbet førte til for målgruppen i {row.name}, er ikke angivet i rapporten."
        profile = _text(lists.municipality_facts(data, row.kommunekode))
        edition = _text(editions.municipality_edition(data, row.kommunekode, STAMP, made, "plotly.min.js"))
        for shown in (profile, edition):
            assert sentence in shown, row.name
            assert f"Rapporten angiver ikke, hvad forløbet førte til i {row.name}" not in shown, row.name
        assert cells[row.name] == "ikke angivet i rapporten"  # ADR 109: the one form of an absence, the sentence holds it


def test_the_literature_card_names_anita_jensen_as_the_report_does(data, report_text):
    """#3: the card showed only „kultur- og sundhedsforsker“, which reads like an anonymised interviewee; the report
    writes »Som kultur- og sundhedsforsker Anita Jensen skriver«."""
    named = "kultur- og sundhedsforsker Anita Jensen"
    assert named in collapse(repair_hyphenation(report_text))
    card = _text(cards.quotes_in_section(data, "broer-stier-og-siloer"))
    assert f"{named} (Jensen 2022: 24)" in card, card
    roles = {r["quote_id"]: r["speaker_role"] for r in _download(data, "quotes.csv")}
    assert roles["q004"] == named


def test_every_tables_example_in_the_data_dictionary_is_a_real_row_of_the_reports_data():
    """#6: the dictionary shows a real row's values beside a real id (column_guide.example); the attention point's id
    („faelles-fundamenter-sprog“) and the guide's („raek-ud“) were made up, so their rows showed invented values
    („Fagsprog kan virke ekskluderende.“, basis stated, in no »…«) a reader took for the report's."""
    for table in each(list(TABLES.values())):
        key = str(table.schema.columns[table.key].metadata.get("example", ""))
        assert real_row(table.name, key) is not None, (table.name, key)


def test_an_analysts_sources_file_names_no_editors_labels_and_no_reason_opens_with_a_blank(tmp_path: Path):
    """reading29 #5: in an analyst's folder, five kilder.csv rows said „analytikerens angivelse“ and then that a note
    says which card labels „der er redaktionens“; the charts' rows opened with a blank („ I sidernes …“) and gave
    „1, udledt af redaktionen“ as their example."""
    folder = tmp_path / "mine-data"
    shutil.copytree(REPO / "data", folder)
    options = TABLES["options"].file
    (folder / options).write_text((REPO / "templates" / "data" / options).read_text(encoding="utf-8"), encoding="utf-8")
    data = load(folder)
    assert provenance.folder_source(data.options) == BY_ANALYST
    rows = _download(data, SOURCES_FILE)
    for row in each(rows):
        assert row["begrundelse"] == row["begrundelse"].strip(), (row["fil"], row["kolonne"])
        assert "der er redaktionens" not in row["begrundelse"] and "udledt af redaktionen" not in row["begrundelse"]
    assert any(provenance.LABELS_ONCE in row["begrundelse"] for row in rows)


def test_koeges_cards_and_the_slips_title_read_as_plain_danish(data):
    """reading29 #8: „udendørsarrangementer hver dag i seks dage: det lokale seniorband, …“ made a band an
    arrangement; „»… seniorband« og medarbejdere fra kommunens musikskole“ read as „bidraget til … og medarbejdere“;
    „Stavefejl i ordene, bogen citerer“ read „bogen citerer“ as the list's next item."""
    cards_ = _text(cards.initiative_list(data, "259"))
    assert "hver dag i seks dage med det lokale seniorband" in cards_
    assert "seniorband« og af medarbejdere fra kommunens musikskole" in cards_
    assert TABLES["report_slips"].title == "Stavefejl i de ord, bogen citerer"


def test_the_references_and_the_explorer_say_what_the_book_does_in_plain_danish():
    """reading29 #8: „… og bogen finder ingen titler på.“ (unclear) and „med flere filtre på én gang, end den statiske
    bog kan“ (the comparison has no verb of its own)."""
    references = (REPO / "book" / "referencer.ipynb").read_text(encoding="utf-8")
    explorer = (REPO / "book" / "om-data" / "udforsker.md").read_text(encoding="utf-8")
    assert "og bogen gætter ikke på titlerne." in references and "finder ingen titler på" not in references
    assert "med flere filtre ad gangen, end den statiske bog har." in explorer and "bog kan." not in explorer
