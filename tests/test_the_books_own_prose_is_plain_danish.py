"""The Danish of the book's own prose (reading 24, F12): each sentence the reviewer quoted, rewritten plainly; no
English word ("slug", "download") in reader text; and the field diary's card says what the report leaves unsaid for
a diary, its writer, not a role ("rolle ikke angivet")."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from kulturensrige.data.csv_reading import ENCODING_RULE, FORMULA_GUARD_RULE
from kulturensrige.data.schema import TABLES
from kulturensrige.edition import editions
from kulturensrige.render import cards, charts
from support.checks import each

REPO = Path(__file__).resolve().parent.parent
STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))
DIARY = "Feltdagbog, workshop nummer fire, Arken"


def _text(markup: object) -> str:
    return BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True)


def _notebook(name: str) -> str:
    cells = json.loads((REPO / "book" / name).read_text(encoding="utf-8"))["cells"]
    return " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def test_the_sentences_the_reader_quoted_are_rewritten(data):
    overview = _notebook("kommuner/oversigt.ipynb")
    assert "Hvert kort giver" not in overview and "tabellen under kortene" not in overview
    play = _notebook("ingredienser/leg-mod-og-laering.ipynb")
    # The lead-in is the report's and points to the participant's words below (read26, reading 26 #2, 523928a0).
    pointer = "og lader en aktionslæringsdeltager føre sætningen videre i et af citaterne nedenfor."
    assert "der fortsætter sætningen" not in play and pointer in play
    figure = _text(charts.programme_timeline(data).html())
    assert "for pitstops ingen datoer" not in figure and "intet sted for de øvrige;" not in figure
    assert "For pitstops angiver rapporten ingen datoer." in figure
    municipalities = data.municipalities.set_index("kommunekode")
    assert "førnutid" not in " ".join(municipalities["outcome"])
    assert "gennem to elementer" not in municipalities.at["760", "summary"]


def test_no_english_word_stands_in_reader_text(data, provoked_messages):
    english = re.compile(r"\b[Ss]lug\b(?!:)|[Ss]lug'en|\bdownload", re.I)
    said = [ENCODING_RULE, FORMULA_GUARD_RULE, _notebook("om-data/genkoersel.ipynb")]
    said += [c.description for t in TABLES.values() for c in t.schema.columns.values()]
    said += [f"{line} {k.meaning} {k.remedy}" for _, line, k in provoked_messages]
    for text in each(said):
        # The column is named `slug` in the data (a code name, set as code or after "kolonne"/"kolonnen").
        plain = re.sub(r"`slug`|kolonnen? slug|<kortnavn>", "", text)
        assert not english.search(plain), plain


def test_the_field_diarys_card_names_its_writer_not_a_role(data, edition_charts):
    diary = [g for g in cards.group_records(data.quotes) if g[0]["caption"] == DIARY]
    assert diary
    _, speaker, _ = cards.speaker_line(data, diary[0])
    # In the one form of an absence, „ikke angivet i rapporten“ (ADR 109, reading 30, #2).
    assert speaker == f"{DIARY} · skribent ikke angivet i rapporten", speaker
    page = _text(cards.quotes_for_ingredient(data, "faelles-fundamenter"))
    assert f"{DIARY} · skribent ikke angivet i rapporten" in page and f"{DIARY} · rolle ikke angivet" not in page
    edition = _text(editions.municipality_edition(data, "259", STAMP, edition_charts, "p.js"))
    assert f"{DIARY} · skribent ikke angivet i rapporten" in edition and "Arken · rolle ikke angivet" not in edition
