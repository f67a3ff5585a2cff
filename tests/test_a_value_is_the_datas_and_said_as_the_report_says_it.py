"""Issue 21, brief facts32 (reading 31, #5–#8): what the book says of the data comes from the data, a code in a
download is the slug of the word the pages show, and a value is said where and as the report says it."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re

import pandas as pd
from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.data.loading import Dataset
from kulturensrige.data.pages import slug
from kulturensrige.data.publishing import SOURCES_FILE, published_files
from kulturensrige.data.schema import TABLES
from kulturensrige.edition import editions
from kulturensrige.render import cards, lists
from report_source import collapse, repair_hyphenation
from support.checks import each

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def _text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ").split())


def _with(data: Dataset, **tables: pd.DataFrame) -> Dataset:
    return dataclasses.replace(data, tables={**data.tables, **tables})


def test_kulturens_riges_lead_says_each_starting_point_in_its_rows_words_an_analysts_new_one_too(data):
    """Brief facts32, #1: the lead's clause for each starting point stood in Python, keyed by the two ids; a starting
    point an analyst added to starting_points.csv stood nowhere in it."""
    lead = _text(lists.starting_points_lead(data))
    for point in data.starting_points.itertuples():
        names = data.municipalities.loc[data.municipalities["starting_point"] == point.starting_point_id, "name"]
        if len(names):
            assert point.lead_clause in lead, point.starting_point_id
    new = {"starting_point_id": "med-radgiver", "label": "Med rådgiver", "description": "Kommunen havde en rådgiver."}
    points = pd.concat([data.starting_points, pd.DataFrame([{**new, "lead_clause": "fik hjælp af en rådgiver"}])], ignore_index=True)
    municipalities = data.municipalities.copy()
    municipalities.loc[municipalities.index[0], "starting_point"] = "med-radgiver"
    first = municipalities.iloc[0]["name"]
    said = _text(lists.starting_points_lead(_with(data, starting_points=points, municipalities=municipalities)))
    assert f"{first} fik hjælp af en rådgiver" in said
    # Without a clause of its own, the group is said with its label, in the book's marks for its terms.
    unworded = points.assign(lead_clause=points["lead_clause"].where(points["starting_point_id"] != "med-radgiver", ""))
    said = _text(lists.starting_points_lead(_with(data, starting_points=unworded, municipalities=municipalities)))
    assert f"{first} havde udgangspunktet „Med rådgiver“" in said


def _words(text: str) -> list[str]:
    return slug(text.replace(".", "")).split("-")


def _slug_of_its_label(key: str, label: str, shared: bool) -> bool:
    """Whether an id is its label's words as a slug, maybe shortened: each of its words begins a word of the label,
    in order. Where two rows share a label, the id may add words that tell them apart (ordveksling-uden-navn)."""
    words = iter(_words(label))
    parts = key.split("-")
    matched = 0
    for part in parts:
        if any(word.startswith(part) for word in words):
            matched += 1
        else:
            break
    return matched == len(parts) or (shared and matched > 0)


def test_every_code_is_its_labels_slug_and_kilder_csv_says_each_single_codes_word(data):
    """Brief facts32, #2 (reading 31, #5): municipalities.csv said `forudbestemt-projekt` and initiatives.csv `aktion`
    and `element`, while the pages and PDFs say „Prædefineret projekt“, „Prøvehandling“ and „Delindsats“: a different
    word, not the label's slug. Each id is now its label's words, and kilder.csv gives, for a column of one code, each
    code the download holds with the word the pages show for it."""
    for name, table in TABLES.items():
        if "label" not in table.columns or table.key == "label":
            continue
        frame = data.tables[name]
        counts = frame["label"].value_counts()
        for key, label in each(list(zip(frame[table.key], frame["label"], strict=True))):
            assert _slug_of_its_label(key, label, counts[label] > 1), (name, key, label)
    sources = {
        (r["fil"], r["kolonne"]): r["begrundelse"] for r in csv.DictReader(io.StringIO(published_files(data)[SOURCES_FILE], newline=""))
    }
    for table, column, vocabulary in (
        ("municipalities", "starting_point", "starting_points"),
        ("initiatives", "kind", "initiative_kinds"),
        ("organisations", "kind", "organisation_kinds"),
    ):
        labels = data.tables[vocabulary].set_index(TABLES[vocabulary].key)["label"]
        for code in each(sorted(set(data.tables[table][column]))):
            assert f"{code} = „{labels[code]}“" in sources[(f"{table}.csv", column)], (table, code)


def test_rudersdals_components_say_the_places_are_the_whole_projects_on_card_and_in_the_download(data, report_text: str):
    """Brief facts32, #3 (reading 31, #6): the report gives Rudersdal's places once for both components together,
    »Indsatserne er udført på lokale kulturinstitutioner (biblioteket, kulturcenter, kunsthal) og i det bynære grønne
    miljø« (l.209-210), yet each component's card listed places of its own. The project's card has them; each
    component's card and its row in initiatives.csv say they are given for the whole, in the same words."""
    assert "Indsatserne er udført på lokale kulturinstitutioner (biblioteket, kulturcenter, kunsthal)" in " ".join(report_text.split())
    parts = data.initiatives[data.initiatives["part_of"] == "rudersdal-kulturligvis"]
    whole = data.initiatives.set_index("initiative_id").loc["rudersdal-kulturligvis"]
    assert len(parts) == 2 and whole.setting_ids and whole.organisation_ids
    published = {r["initiative_id"]: r for r in csv.DictReader(io.StringIO(published_files(data)["initiatives.csv"].lstrip("\ufeff")))}
    for _, row in each(list(parts.iterrows())):
        assert row.setting_ids == () and row.organisation_ids == (), row.initiative_id
        facts = dict(cards.card_facts(data, row))
        assert facts["Steder"] == "angivet samlet for hele projektet, ikke for hver del", facts
        assert str(facts["Organisationer nævnt ved indsatsen"]) == "nævnt samlet for hele projektet, ikke for hver del", facts
        assert published[row.initiative_id]["setting_ids"] == facts["Steder"]
        assert published[row.initiative_id]["organisation_ids"] == str(facts["Organisationer nævnt ved indsatsen"])


def _report(report_text: str) -> str:
    return collapse(repair_hyphenation(report_text))


def test_an_organisations_kind_is_marked_as_the_editors_knowledge_only_where_the_report_does_not_say_it(data, report_text: str):
    """Brief facts32, #4 (reading 31, #7): Aktionsuniversitetet's kind „Facilitator“ was marked as resting on the
    editors' knowledge (kind_by_knowledge = ja), though the report says it in the sentence that names it: »facilitator
    af aktionslæringsforløbet Christa Breum Amhøj fra Aktionsuniversitetet« (l.360-361). A kind is the editors'
    knowledge only where no sentence of the report naming the organisation has the kind's word."""
    sentences = re.split(r"(?<=[.!?])\s", _report(report_text))
    kinds = data.organisation_kinds.set_index("organisation_kind_id")["label"]
    for row in each(list(data.organisations[data.organisations["kind_by_knowledge"] == "ja"].itertuples())):
        name = row.name_in_report if row.name_in_report not in ("", "ikke angivet") else row.name
        word = kinds[row.kind].split()[0].lower()
        naming = [s for s in sentences if name.lower() in s.lower()]
        assert not [s for s in naming if word in s.lower()], (row.organisation_id, word)


def test_each_statuss_example_is_a_whole_sentence_of_the_report_as_its_rule_says(data, report_text: str):
    """Brief facts32, #4 (reading 31, #7): the status rule says „Hver status hviler på en hel sætning i rapporten […]
    og ikke på et udsnit af en sætning“, yet statuses.csv showed each example cut off with „[…]“. Each example is now
    the report's whole sentence: it begins with a capital letter and ends where the report's sentence ends."""
    report = _report(report_text)
    examples = [(row.status_id, q) for row in data.statuses.itertuples() for q in re.findall(r"»(.*?)«(?=[^«»]*(?:»|$))", row.description)]
    assert len(examples) >= len(data.statuses)
    for status, quoted in each(examples):
        assert "[…]" not in quoted, status
        at = report.find(quoted)
        assert at >= 0, (status, quoted)
        assert quoted[0].isupper() and report[at + len(quoted)] in ".!?", (status, quoted)


# The columns that hold the report's words verbatim, whose own marks are the report's.
VERBATIM = {"quotes.text", "guide_recommendations.report_text", "report_slips.word"}


def test_a_name_stands_in_the_keys_one_mark_in_the_books_own_sentences(data):
    """Brief facts32, #5 (reading 31, #8): municipalities.csv's outcome and three organisations said ’Rødder’, the
    report's single marks (l.152), while the key every mark opens says names stand in ”…” (provenance.quote_marks), as
    ”Gang i gården” does. Outside the report's quoted words »…«, a name stands in ”…”; inside them the report's ’…’
    stay verbatim."""
    assert "Navne i ”…”" in provenance.quote_marks()
    single = re.compile(r"(?:^|[\\s(])’([A-ZÆØÅ][^’]*)’")
    found = []
    for name, frame in data.tables.items():
        for column in frame.columns:
            if f"{name}.{column}" in VERBATIM or frame[column].dtype != object:
                continue
            for value in frame[column]:
                if isinstance(value, str):
                    found += [(name, column, m) for m in single.findall(re.sub(r"»[^«]*«", "", value))]
    assert found == []
    outcome = data.municipalities.set_index("slug").at["guldborgsund", "outcome"]
    assert "”Rødder”" in outcome


def test_guldborgsunds_edition_says_officielt_navn_once_on_its_cover(data):
    """Brief facts32, #5 (reading 31, #8): the cover said „Kommune (officielt navn) Guldborgsund (officielt navn;
    rapporten staver det »Guldborgssund«)“. Where the name carries its spelling note, the note says it; elsewhere the
    field's label does (Køge's cover: „Kommune (officielt navn) Køge“)."""
    charts = editions.EditionCharts.compute(data)
    covers = {}
    for code in ("376", "259"):
        page = BeautifulSoup(editions.municipality_edition(data, code, STAMP, charts, "p.js"), "html.parser")
        covers[code] = _text(page.select_one(".kr-stamp"))
        assert covers[code].count("officielt navn") == 1, covers[code]
    assert "Guldborgsund (officielt navn; rapporten staver det »Guldborgssund«)" in covers["376"]
    assert "Kommune (officielt navn) Køge" in covers["259"]
