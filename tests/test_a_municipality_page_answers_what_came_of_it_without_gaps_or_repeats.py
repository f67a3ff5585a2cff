"""Reader 26, findings 2 and 5 (ADR 87). A municipality's page answered "what came of it" with gaps: 11 of 15
initiative cards said "Status: kan ikke læses ud af rapporten", which read as a judgement on the municipality; four
profiles and editions opened „Hvad forløbet førte til“ with an absence ("Rapportens afsnit fortæller …, men ikke,
hvad de førte til"), unmarked; Gang i gården's card said only "Ikke angivet i rapporten: målgrupper" where its
purpose names seniors. And the same text stood twice or three times on one page (Køge's „Formålet var at sætte fokus
…“, Egedal's genbrugsværksted): the lead summarises, the cards carry the detail (ADR 74)."""

from __future__ import annotations

import datetime as dt
import re

from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.data.schema import NO_STATUS_BEFORE, NOT_STATED
from kulturensrige.edition import editions
from kulturensrige.render import cards, comparison, lists
from report_source import collapse, repair_hyphenation
from support.checks import each

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))
# A sentence that says what the report does not tell of an outcome.
ABSENCE = re.compile(r"\bikke\b[^.]*\bførte til\b|\bførte til\b[^.]*\bikke\b")
# A run of this many words that two texts of one page share is the same text said twice.
SHARED_WORDS = 7


def _soup(markup: object) -> BeautifulSoup:
    return BeautifulSoup(str(markup), "html.parser")


def _text(markup: object) -> str:
    return " ".join(_soup(markup).get_text(" ", strip=True).split())


def _edition(data, kommunekode: str, charts) -> BeautifulSoup:
    return _soup(editions.municipality_edition(data, kommunekode, STAMP, charts, "p.js"))


def test_a_card_shows_no_status_the_editors_could_not_read_and_each_list_says_once_what_a_status_means(data, edition_charts):
    charts = edition_charts
    for code in each(list(data.municipalities["kommunekode"])):
        rows = data.initiatives[data.initiatives["kommunekode"] == code]
        said = cards.statuses_said(data, rows)
        page = _soup(cards.initiative_list(data, code))
        edition = _edition(data, code, charts)
        shows = any(cards.status_read(data, row) for row in rows.itertuples())
        if shows:
            # ADR 100 (reader28, F1): each status carries its mark where it stands, so no sentence says whose it is.
            assert not said and not page.select(".kr-statuses-said") and not edition.select(".kr-statuses-said"), code
        else:
            # Whose a status is, the mark says once, not the sentence as well (reader 27, #1: „… er redaktionens
            # læsning. (redaktionens læsning)“ in Køge's PDF).
            assert said and "(red.)" not in said and str(said).count("redaktionens") == 1, (code, said)
            assert [_text(p) for p in page.select(".kr-statuses-said")] == [f"{said.value} (red.)"], code
            assert [_text(p) for p in edition.select(".kr-statuses-said")] == [str(said)], code
        # ADR 112 (reader31, #1): such a card says „ikke angivet i rapporten“ as its status; the rule says why, once.
        line = provenance.no_status(data.options)
        for row in rows.itertuples():
            for card in (page.select_one(f"#indsats-{row.initiative_id}"), edition.select_one(f"#indsats-{row.initiative_id}").parent):
                assert NO_STATUS_BEFORE not in card.get_text(" "), row.initiative_id
                shown = [dt_.get_text(strip=True) for dt_ in card.select("dt")]
                # ADR 109 (reading 30, #1): a card without a status in a list where others show one says so itself.
                assert ("Status" in shown) == (cards.status_read(data, row) or shows), (row.initiative_id, shown)
            if shows and not cards.status_read(data, row):
                status = page.select_one(f"#indsats-{row.initiative_id}").find("dt", string="Status").find_next_sibling("dd")
                # ADR 121 (reading32, #11): „(red.)“ on the page and „(redaktionens læsning)“ in print read as if the
                # editors had read a status; the card says in one wording on page and paper that they give none.
                given = f"{line} {provenance.owner_mark(provenance.NO_STATUS_GIVEN)}"
                assert _text(status) == given, row.initiative_id
                printed = edition.select_one(f"#indsats-{row.initiative_id}").parent.find("dt", string="Status")
                assert _text(printed.find_next_sibling("dd")) == given, row.initiative_id
            if cards.status_read(data, row):
                status = page.select_one(f"#indsats-{row.initiative_id}").find("dt", string="Status").find_next_sibling("dd")
                assert _text(status).endswith("(red.)"), row.initiative_id
                printed = edition.select_one(f"#indsats-{row.initiative_id}").parent.find("dt", string="Status")
                assert _text(printed.find_next_sibling("dd")).endswith("(redaktionens læsning)"), row.initiative_id
    # The comparison's cards behind its marks show statuses too, each with its mark, and each card without one says
    # why: no sentence before them.
    view = _soup(comparison.compare_view(data))
    assert not view.select(".kr-statuses-said")


def test_the_status_sentence_fits_its_cards_in_number_and_in_what_they_show(data):
    # ADR 109 (reading 30, #1): the sentence says what the report does not tell of the cards, in their number, and no
    # longer that the report states no status of these (it states none of any); a list where a card shows one says none.
    options = data.options
    assert provenance.statuses_said(options, 0, 1)[0].startswith("Rapporten fortæller hverken, at indsatsen er afsluttet,")
    assert "at de fortsætter, så kortene viser ingen status" in provenance.statuses_said(options, 0, 2)[0]
    assert provenance.statuses_said(options, 1, 1) == provenance.statuses_said(options, 2, 0) == ("", "")
    assert provenance.statuses_said(options, 0, 0) == ("", "")


def test_the_status_sentence_before_the_cards_is_short_and_its_rule_stands_under_the_blocks_why(data, edition_charts):
    """Reader 26 r2, #1: a 60-word paragraph on statuses stood before Køge's first card, the first card 2.2 phone
    screens down. The sentence before the cards is one short sentence; the rule for statuses folds under „Hvorfor?“
    where a card shows one, on the profile, on the comparison and, in the same words, in the edition's reasons after
    its cards, and says once why a card shows none (reading 30, #8: the box said it twice; ADR 109)."""
    charts = edition_charts
    rule = provenance.reason("initiatives.status")
    for code in each(list(data.municipalities["kommunekode"])):
        rows = data.initiatives[data.initiatives["kommunekode"] == code]
        said = str(cards.statuses_said(data, rows))
        assert len(said.split()) <= 20, (code, said)
        page = _soup(cards.initiative_list(data, code))
        if any(cards.status_read(data, row) for row in rows.itertuples()):
            assert [_text(d).count(rule) for d in page.select("details.kr-whose-note")] == [1], code
            assert rule in _text(_edition(data, code, charts)), code
        assert "et kort uden status" not in _text(page), code
    view = _soup(comparison.compare_view(data))
    assert not view.select(".kr-statuses-said")
    assert [d for d in view.select("details.kr-whose-note") if rule in _text(d)], "the reason stands under its „Hvorfor?“"


def test_an_outcome_the_report_does_not_tell_comes_after_what_it_tells_once_and_with_the_editors_mark(data, edition_charts):
    charts = edition_charts
    untold = 0
    for row in each(list(data.municipalities.itertuples())):
        # The data say an absence as 'ikke angivet', never as a sentence of the outcome (which a card may then repeat).
        assert not ABSENCE.search(row.outcome), row.name
        page = _soup(lists.municipality_facts(data, row.kommunekode))
        outcome = page.select_one(".kr-outcome")
        if row.outcome != NOT_STATED:
            # What the report tells, in the editors' words, carries their mark as the absence does (ADR 93).
            assert _text(outcome.select_one(".kr-by")) == "(red.)", row.name
            continue
        untold += 1
        # The report's own line on all the groups first, then the absence, once, marked as the editors' reading.
        assert outcome.find_previous_sibling("p", class_="kr-all-groups") is not None, row.name
        assert ABSENCE.search(outcome.get_text()) and _text(outcome.select_one(".kr-by")) == "(red.)", row.name
        assert len(ABSENCE.findall(page.get_text(" "))) == 1, row.name
        edition = _edition(data, row.kommunekode, charts)
        fields = [_text(d) for d in edition.select("#kommunen ~ section dt, section[aria-labelledby=udgangspunkt] dt")]
        assert "Hvad forløbet førte til" not in fields, row.name
        printed = _text(edition.select_one("section[aria-labelledby=udgangspunkt] .kr-outcome"))
        # The outcome's own label, as the outcomes the report tells carry it (reading 30, #5; ADR 109).
        owner = provenance.value_label(data.options, "municipalities.outcome")
        assert ABSENCE.search(printed) and printed.endswith(provenance.owner_mark(owner)), printed
    assert untold, "no municipality's outcome is untold in the report's data"


def test_gang_i_gaarden_says_the_report_names_no_target_group_and_only_its_purpose_names_seniors(data, report_text):
    report = collapse(repair_hyphenation(report_text))
    koege = report[report.index("Køge Køge kommune har") : report.index("Høje-Taastrup Høje- Taastrup")]
    # The report names seniors in Gang i gården's purpose and as the band's and the club's members, not as its group.
    assert "Formålet var at sætte fokus på fællesskaber, bibliotekets tilbud til særligt seniorer" in koege
    assert "målgruppe" not in koege.lower()
    gang = data.initiatives[data.initiatives["initiative_id"] == "koege-gang-i-gaarden"].iloc[0]
    assert not gang.target_group_ids
    card = cards.initiative_card(data, gang)
    assert card["unstated_line"] == "Ikke angivet i rapporten: målgrupper (kun formålet er oplyst, se ovenfor).", card
    assert "særligt seniorer" in gang.description


def _shared(one: str, other: str) -> set[str]:
    def runs(text: str) -> set[str]:
        words = re.findall(r"\w+", text.lower())
        return {" ".join(words[i : i + SHARED_WORDS]) for i in range(len(words) - SHARED_WORDS + 1)}

    return runs(one) & runs(other)


def test_a_municipality_page_says_no_text_twice_the_lead_summarising_and_the_cards_telling(data):
    for row in each(list(data.municipalities.itertuples())):
        texts = {"indledningen": row.summary, "resultatet": row.outcome}
        for card in data.initiatives[data.initiatives["kommunekode"] == row.kommunekode].itertuples():
            texts[card.title] = card.description
        names = list(texts)
        for n, one in enumerate(names):
            for other in names[n + 1 :]:
                assert not _shared(texts[one], texts[other]), (row.name, one, other, sorted(_shared(texts[one], texts[other]))[:2])
