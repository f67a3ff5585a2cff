"""An initiative's status follows one written rule, said in the same words in the card's explanation, kilder.csv,
statuses.csv, the data dictionary and the data chapter (reading 24, F1). The popover said "datid som „gennemført“",
statuses.csv "datid eller førnutid", and four cards the report tells only in the perfect or present (Høje-Taastrup's
free tickets, Køge's musical visits, Aarhus's model trial, Ringkøbing-Skjern's cafés) stood "Gennemført", while
Guldborgsund's forum, told alike, stood "ikke angivet". A description that keeps the report's words keeps its tense:
the Cooltur card turned the report's »inviteres« into "blev inviteret"."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from bs4 import BeautifulSoup

from kulturensrige.data.publishing import SOURCES_FILE, published_files
from kulturensrige.data.schema import EDITORIAL_VALUES
from kulturensrige.edition import editions
from kulturensrige.render import cards, dictionary
from report_source import collapse, repair_hyphenation
from support.checks import each

REPO = Path(__file__).resolve().parent.parent
STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))

# Each initiative of the report's data, its status and the report's words it rests on (lines 124-210). Only where
# the report tells that the work was done is it "Gennemført"; a perfect or present tense alone gives no status.
STATUS_AND_WORDS = {
    "koege-gang-i-gaarden": ("gennemfoert", "arrangeret og afholdt eventet"),
    "koege-musikalske-besoeg": ("ikke-angivet", "har Kulturens Rige bidraget til mange musikalske besøg"),
    "koege-ordrulle-baenk": ("i-gang", "arbejder på at opstille en ordrulle"),
    "hoeje-taastrup-fribilletter": ("ikke-angivet", "Gennem prøvehandlinger har aktionslæringsgruppen undersøgt"),
    "guldborgsund-alternativt-samarbejdsforum": ("ikke-angivet", "aktionslæringsgruppen har forsøgt at bryde"),
    "guldborgsund-roedder": ("bevilget", "der er bevilliget projektmidler fra Slots- og Kulturstyrelsen"),
    "ringkoebing-skjern-kulturworkshops-1g": ("ikke-angivet", "Aktionslæringsgruppen har arbejdet med to forskellige elementer"),
    "ringkoebing-skjern-cooltur-cafeer": ("ikke-angivet", "hvor alle skolens elever inviteres"),
    "egedal-foreningsklippekort": ("etableret", "de lokale foreninger, der har tilmeldt sig ordningen"),
    "egedal-foreningsdage-slagslunde": ("ikke-angivet", "Det primære formål har været at samle byen"),
    "egedal-genbrugsvaerksted": ("etableret", "Genbrugsværkstedet er udviklet og etableret"),
    "aarhus-grib-engagementet": ("ikke-angivet", "Aarhus Kommunes modelforsøg er kunstpædagogiske forløb"),
    "rudersdal-kulturligvis": ("gennemfoert", "Indsatserne er udført"),
    "rudersdal-6-ugers-gruppeforloeb": ("gennemfoert", "Indsatserne er udført"),
    "rudersdal-ledsagerordning": ("gennemfoert", "Indsatserne er udført"),
}


def _text(markup: object) -> str:
    return BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True)


def _rule() -> str:
    return EDITORIAL_VALUES["initiatives.status"].reason


def test_the_rule_says_a_tense_alone_ends_nothing_and_names_every_status(data):
    rule = _rule()
    assert "datid" not in rule and "førnutid" not in rule, rule
    assert "siger ikke i sig selv, at indsatsen er afsluttet" in rule
    for label in each(list(data.statuses["label"])):
        assert f"„{label}“" in rule, label


def test_each_status_in_statuses_csv_says_its_part_of_the_rule_in_the_rules_words(data):
    rule = _rule()
    for row in each(data.statuses.to_dict("records")):
        said = row["description"].removeprefix("Redaktionens læsning (rapporten angiver ingen status): rapporten fortæller, ")
        # Its own part: the words up to its example, its reservation or its end.
        part = re.split(r" \(fx | fx |, fx |, men |\. ", said, maxsplit=1)[0].rstrip(".")
        assert part and part in rule, (row["status_id"], part)


def test_the_rule_stands_alike_in_the_cards_explanation_kilder_csv_the_dictionary_and_the_data_chapter(data):
    rule = _rule()
    # Where a card shows a status (Egedal's "Etableret"): a list with none says no rule for it (cards.block_lifted).
    assert rule in _text(cards.initiative_list(data, "240"))
    assert rule in _text(editions.municipality_edition(data, "240", STAMP, editions.EditionCharts.compute(data), "p.js"))
    rows = csv.DictReader(io.StringIO(published_files(data)[SOURCES_FILE], newline=""))
    told = [r for r in rows if r["fil"] == "initiatives.csv" and r["kolonne"] == "status"]
    assert told and all(rule in " ".join(r.values()) for r in told), told
    assert rule in (REPO / "data" / "DATAORDBOG.md").read_text(encoding="utf-8")
    assert rule in _text(dictionary.sources_html(data))


def test_only_an_initiative_the_report_tells_done_is_completed(data, report_text: str):
    report = collapse(repair_hyphenation(report_text))
    statuses = dict(zip(data.initiatives["initiative_id"], data.initiatives["status"], strict=True))
    assert set(statuses) == set(STATUS_AND_WORDS)
    for initiative, (status, words) in each(sorted(STATUS_AND_WORDS.items())):
        assert words in report, words
        assert statuses[initiative] == status, initiative


def test_a_description_keeps_the_reports_tense(data, report_text: str):
    report = collapse(repair_hyphenation(report_text))
    descriptions = dict(zip(data.initiatives["initiative_id"], data.initiatives["description"], strict=True))
    assert "hvor alle skolens elever inviteres" in report
    assert "hvor alle skolens elever inviteres" in descriptions["ringkoebing-skjern-cooltur-cafeer"]
    # The report's perfect and present told in the past tense, which reads as finished.
    slips = ("blev inviteret", "blev faciliteret", "blev holdt", "tilbød", "fungerede som", "Formålet var", "Der var ", "gik til")
    for initiative, description in each(sorted(descriptions.items())):
        own = re.sub(r"»[^«]*«", "", description)  # the report's words, kept in its own tense
        assert not [s for s in slips if s in own], (initiative, description)
