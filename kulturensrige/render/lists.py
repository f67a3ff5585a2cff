"""Lists, tables and checklists that chapters show: key facts, the programme, the guide, references.

Everything here is written from the data; filterable rows carry `data-kommune` like the cards.
"""

from __future__ import annotations

import re
import urllib.parse
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from kulturensrige.data import provenance, publishing
from kulturensrige.data.frames import table_rows
from kulturensrige.data.loading import Dataset
from kulturensrige.data.schema import BY_EDITORS, BY_REPORT, NOT_STATED, YES
from kulturensrige.render import cards, highlight
from kulturensrige.render.markup import Html, Markup, book_link, csv_href, esc, excel_tip, macro, sources_link, whose_note
from kulturensrige.render.slips import row_slips, slip_note
from kulturensrige.rules import attribution, filters, statistics, views
from kulturensrige.words import count_word, listing, number, ordinal_word, plural


def _key(data: Dataset, table: str, key: str, value: str, column: str) -> str:
    frame = data.tables[table]
    return str(frame.loc[frame[key] == value, column].iloc[0])


def _cell(value: object) -> str:
    """A cell's text, escaped by the template; a link made here (web_address) stays a link."""
    return value if isinstance(value, Markup) else str(value)


def table_context(
    frame: pd.DataFrame,
    caption: str,
    kommune_column: str | None = None,
    table_id: str = "",
    csv_name: str = "",
    forward: Sequence[str] = (),
    apart: Mapping[str, str] | None = None,
) -> dict:
    """A table for the table macro; with `kommune_column` each row is marked as that municipality's, and with
    `csv_name` the table comes with a CSV download made here (formula starts neutralised, markup.csv_cell). The columns
    in `forward` stand on the page right after the first, where a phone shows them; the CSV keeps the frame's order,
    the header its readers know (schema.PAGE_TABLES). A column of notes in `apart` (note column: value column) is a
    column of its own in the CSV, and on the page stands in its value's cell, apart from the value (_noted)."""
    apart = apart or {}
    shown = [c for c in frame.columns if c != kommune_column]
    on_page = [c for c in shown if c not in apart]
    page = [*on_page[:1], *forward, *(c for c in on_page[1:] if c not in forward)]
    cells = [{c: _cell(row[c]) for c in shown} for _, row in frame.iterrows()]
    shown_cells = [{c: _noted(row[c], [row[n] for n, into in apart.items() if into == c]) for c in page} for row in cells]
    marks = [str(row[kommune_column]) if kommune_column else "" for _, row in frame.iterrows()]
    return {
        "id": table_id,
        "caption": caption,
        "caption_mark": "",
        # A web page's table: its headings' marks short; the CSV made here keeps the full words (ADR 40).
        "head": [provenance.page_heading(h) for h in page],
        # On a phone each row is a block, each value after its column's name: the first block's names carry the
        # editors' marks, the later ones' are bare (one mark per column, not one per row: 28 on kommuner/oversigt).
        "labels": [provenance.bare_heading(h) for h in page],
        "marks": [],
        "rows": [{"cells": [row[c] for c in page], "mark": mark} for row, mark in zip(shown_cells, marks, strict=True)],
        "csv": csv_href(shown, [[row[c] for c in shown] for row in cells]) if csv_name else "",
        "csv_name": csv_name,
        "sources": Markup(sources_link()) if csv_name else "",
        "excel": excel_tip() if csv_name else "",  # said once at the page's end (markup.excel_tip)
        "compact": False,
    }


def _noted(value: str, notes: Sequence[str]) -> str:
    """A page cell's value with its notes after it, each in brackets apart in light type: the name stays the cell's
    first words, and a screen reader or a copy still reads the note as one ('Guldborgsund (officielt navn; …)')."""
    said = [n for n in notes if n]
    if not said:
        return value
    return Markup(esc(value) + "".join(f' <span class="kr-cell-note">{esc(provenance.owner_mark(n))}</span>' for n in said))


def simple_table(
    frame: pd.DataFrame,
    caption: str,
    kommune_column: str | None = None,
    table_id: str = "",
    compact: bool = False,
    forward: Sequence[str] = (),
    apart: Mapping[str, str] | None = None,
) -> Html:
    """A plain accessible table; with `kommune_column` the chosen municipality's row is marked, and the table can be
    downloaded. On a phone a table's rows stand as blocks, one under the other, each cell under its column's name; a
    `compact` one's blocks are short, each value after its column's name on a line, and it never scrolls sideways."""
    csv_name = f"{table_id or 'tabel'}.csv" if kommune_column else ""
    context = table_context(frame, caption, kommune_column, table_id, csv_name=csv_name, forward=forward, apart=apart)
    context["compact"] = compact
    return Html(str(macro("cards.html.j2", "table", context)))


# The column of the municipalities' download that holds a name's note (schema.PAGE_TABLES).
NAME_NOTE = "Note om navnet"


def municipality_table(data: Dataset) -> Html:
    m = data.municipalities
    tied = views.any_tied(data)
    headings = provenance.page_table_headings(data.options, "tabel-kommuner", tied=tied)
    columns = [
        m["name"],
        # Only a name spelled otherwise than the report has a note (provenance.name_mark), shown apart from the name.
        [provenance.municipality_name_mark(data.options, n, r) for n, r in zip(m["name"], m["name_in_report"], strict=True)],
        m["kommunekode"],
        m["region"],
        [_key(data, "starting_points", "starting_point_id", s, "label") for s in m["starting_point"]],
        # A project's parts (initiatives.part_of) are counted with it, as on the front page and the profile.
        [statistics.count_initiatives(data.initiatives[data.initiatives["kommunekode"] == c]) for c in m["kommunekode"]],
    ]
    if tied:  # How many, and whose ties they are: "1, udledt af redaktionen"; where none is tied, no column of zeros.
        columns.append([cards.attributed_count(data, filters.quotes(data, filters.QuoteFilter(kommunekode=c))) for c in m["kommunekode"]])
    frame = pd.DataFrame({**dict(zip(headings, columns, strict=True)), "_kode": m["kommunekode"]})
    # Compact on a phone: the cards above already give each municipality's facts one under the other, and as tall
    # blocks the table's seven rows were 2,300 px of the same again (a new reader's review, finding 7b); as a table it
    # scrolled sideways (reader review 20). Each row is a short block there, the counts first after the name.
    counts = headings[5:]  # "Indsatser" and, where quotes are tied, "Citater knyttet til kommunen": the last columns
    return simple_table(
        frame,
        "De deltagende kommuner",
        kommune_column="_kode",
        table_id="tabel-kommuner",
        compact=True,
        forward=counts,
        apart={NAME_NOTE: headings[0]},
    )


# The report names no municipality codes and no regions: the profile says whose they are.


def starting_point(data: Dataset, starting_point_id: str) -> str:
    """'Fra bunden: Kommunen begyndte »uden …«', the label with what it means in starting_points.csv's one wording, as
    the overview's key says it (starting_points_key); only the label where the description has nothing to add ('ikke
    angivet' for new data). Reading 30, #3: a note per municipality told the same starting point in other words than
    the key, and used the report's phrases without »…« (docs/adr/0110)."""
    label = _key(data, "starting_points", "starting_point_id", starting_point_id, "label")
    note = _key(data, "starting_points", "starting_point_id", starting_point_id, "description")
    return label if note.strip().lower() in ("", NOT_STATED, label.strip().lower()) else f"{label}: {note}"


def starting_points_lead(data: Dataset) -> Html:
    """'Aarhus og Rudersdal kom med …; Køge, … og Egedal startede fra bunden …:' with the names from the data, as the
    report names them (reading 24, F11: 'Nogle … andre …' left them to the overview of the municipalities), each group
    followed by its starting point's lead_clause in starting_points.csv, or its label where the data give no clause: a
    starting point an analyst adds stands here too (brief facts32, #1: the clauses were Python's, keyed by the ids)."""
    clauses = []
    for point, label, clause in zip(*(data.starting_points[c] for c in ("starting_point_id", "label", "lead_clause")), strict=True):
        names = list(data.municipalities.loc[data.municipalities["starting_point"] == point, "name"])
        if names:
            clauses.append(f"{listing(names)} {str(clause).strip() or f'havde udgangspunktet „{label}“'}")
    told = "; ".join(clauses)
    return Html(f"<p>Kommunerne havde meget forskellige forudsætninger. {esc(told)}:</p>" if told else "")


def starting_point_owner(data: Dataset) -> str:
    """Whose 'Fra bunden: Kommunen begyndte …' is: the label's owner in kilder.csv's words (publishing.column_source) and
    the description's, a text told in its own words (provenance.retold_label), so the page and the PDF say it alike:
    'redaktionens betegnelser og ord' (reading 21, #5: the page said 'betegnelser' for words that are 'redaktionens ord')."""
    owners = [publishing.column_source(data, "municipalities", "starting_point")[0], provenance.retold_label(data.options)]
    own = f"{provenance.words(BY_EDITORS).own} "
    if all(o.startswith(own) for o in owners):
        return own + listing(list(dict.fromkeys(o.removeprefix(own) for o in owners)))
    return listing(list(dict.fromkeys(owners)))


def municipality_lead(data: Dataset, kommunekode: str) -> Html:
    """A profile's opening under its title: the lead, the editors' retelling, which stands bare under the page's one rule
    (ADR 70), and the page's short word on the choice (profile_choice). Its starting point and what came of it follow
    (municipality_facts), then its initiatives, as its edition orders them (pages.PROFILE_SECTIONS; docs/adr/0123)."""
    row = data.municipalities.loc[data.municipalities["kommunekode"] == kommunekode].iloc[0]
    return Html(
        # The lead first, then the page's word on the choice: the phone's first screen gives the municipality, not the
        # filter (reader 25, #2; docs/adr/0079).
        f'<div class="kr-profile" data-kommune="{esc(row.kommunekode)}">'
        f'<p class="kr-lead">{retold(data, row.summary, RETOLD["summary"])}</p>{profile_choice(data, kommunekode)}'
        "</div>" + profile_hints(data, kommunekode)
    )


def municipality_facts(data: Dataset, kommunekode: str) -> Html:
    """A profile's facts as one block, before its initiatives (docs/adr/0123). The outcome, the editors' words for what
    the report tells, and the starting point, the editors' judgement, carry their marks at their ends (ADR 93); the
    region and the code carry their owners' marks after them (added; docs/adr/0100), as the PDF editions print them. What the
    course led to is a sentence of the page's own, not a bold field, which read as a missing answer where the report
    does not tell it; the official name is a field only where its spelling note has something to add to the title; the
    code, the editors' addition, stands in the block's foot (reader 24, #3)."""
    row = data.municipalities.loc[data.municipalities["kommunekode"] == kommunekode].iloc[0]
    mark = provenance.municipality_name_mark(data.options, row["name"], row.name_in_report)
    spelled = (
        f'<dt>Officielt navn</dt><dd>{esc(row["name"])} <span class="kr-by">{esc(provenance.owner_mark(mark))}</span></dd>' if mark else ""
    )
    section = filters.section_title_quoted(data, row.section_id)
    all_groups = f'<p class="kr-all-groups">{esc(said)}</p>' if (said := all_groups_said(data, str(row["name"]))) else ""
    outcome = f'<p class="kr-outcome">{outcome_said(data, row)}</p>'
    # What the report tells first: where it tells nothing of the municipality's own outcome, the line on all the groups
    # comes before the one sentence that says so (ADR 87).
    outcome = all_groups + outcome if row.outcome == NOT_STATED else outcome + all_groups
    return Html(
        f'<div class="kr-profile-facts">'
        f'<dl class="kr-facts">{spelled}'
        f"<dt>Region</dt><dd>{added(data, row.region, 'municipalities.region')}</dd>"
        f"<dt>Udgangspunkt</dt><dd>{retold(data, starting_point(data, row.starting_point), RETOLD['starting_point'])}</dd></dl>"
        f"{outcome}"
        # The section is presented on this very page: name it, do not link to it.
        f'<p class="kr-source-line">Bygger på {esc(provenance.in_sections(data.options, [section]))}.</p>'
        f"{profile_whose(data, row)}</div>"
    )


def municipality_code(data: Dataset, kommunekode: str) -> Html:
    """A profile's kommunekode with its owner's mark, for the page's „Sådan er siden lavet“ fold: a reader who came for
    what the municipality did does not need it, an analyst joining the data does (reader31, #2: it stood in the
    facts' foot of every profile; ADR 112). The PDF editions say it in their »Om kilderne«."""
    return Html(f'<p class="kr-code-line">Kommunekode: {added(data, kommunekode, "municipalities.kommunekode")}.</p>')


def added(data: Dataset, value: str, column: str) -> str:
    """A value the report does not give (a municipality's code or region) with its owner's mark after it, as a card
    sets it: 'Region Sjælland (red.)'. The mark says whose it is where the value stands; the line „Kommunekoden og
    regionen: redaktionens tilføjelse.“ under the block said it again, and after every municipality in the whole
    book's PDF (reader28, F1; docs/adr/0100). Bare where the value is the report's."""
    return cards.sourced_markup(cards.sourced(data, column, value, value))


def outcome_said(data: Dataset, row) -> str:
    """What the course led to in the municipality, as a sentence: its retelling (retold), or, where the data say it
    is not stated, that the report does not tell it, with whose reading that is (untold_outcome)."""
    if row.outcome == NOT_STATED:
        return cards.sourced_markup(untold_outcome(data, row))
    return retold(data, row.outcome, RETOLD["outcome"])


def untold_outcome(data: Dataset, row) -> str:
    """provenance.untold_outcome as one text with its owner (cards.Sourced): a page sets the mark short, a PDF in full."""
    said, owner = provenance.untold_outcome(data.options, str(row["name"]))
    return cards.Sourced(said, owner) if owner else said


# The programme fact that tells what the report says the course led to for every group: each profile and each edition
# gives it once, in the report's words and with the report's section (the s23 reading, F3: the sentence stood in five
# municipalities' outcomes as the editors' words, under their own sections, and in neither Køge's nor Guldborgsund's).
ALL_GROUPS_FACT = "nye-samarbejdsrelationer"


def _all_groups_fact(data: Dataset) -> tuple[str, str] | None:
    """The all-groups fact's section, as the book names it, and its value in the report's words; None where the data
    has no such fact (an analyst's folder)."""
    facts = data.programme_facts.loc[data.programme_facts["fact_id"] == ALL_GROUPS_FACT]
    if facts.empty:
        return None
    fact = facts.iloc[0]
    return provenance.in_sections(data.options, [filters.section_title_quoted(data, fact.section_id)]), str(fact.value)


def all_groups_said(data: Dataset, name: str) -> str:
    """What the report says the course led to for all the groups, on a municipality's page and in its edition alike:
    first what it says, in its words, then that this holds for the municipality's group, and the section last
    ('Rapporten siger, at der »for alle aktionslæringsgruppernes vedkommende er etableret …«, altså også for
    aktionslæringsgruppen i Køge (rapportens afsnit »Broer, stier og krakelerede siloer«).'). Reader31, #2: „Om alle
    aktionslæringsgrupper, ikke kun Køges, siger rapportens afsnit »…«, at der »…«“ wrapped the one usable sentence
    in a sentence about where it stands. The report forms an action learning group in each municipality (l. 88).
    '' where the data has no such fact (an analyst's folder)."""
    if (fact := _all_groups_fact(data)) is None:
        return ""
    section, value = fact
    holder = provenance.folder_words(data.options).subject
    return f"{holder} siger, at der »{value}«, altså også for aktionslæringsgruppen i {name} ({section})."


# A profile's retellings, each marked at its own end (municipality_lead, municipality_facts): the column whose source the mark names.
RETOLD = {"summary": "municipalities.summary", "starting_point": "municipalities.starting_point", "outcome": "municipalities.outcome"}


def retold(data: Dataset, text: str, value: str) -> str:
    """A retelling with its mark at its end, as a card sets it ('… lokalsamfundet. (red.)'), in the words the PDF and
    kilder.csv give it (starting_point_owner for the starting point); bare where it is the report's or 'ikke angivet'."""
    owner = starting_point_owner(data) if value == RETOLD["starting_point"] else provenance.value_label(data.options, value)
    if owner == provenance.words(BY_REPORT).value or text.startswith(NOT_STATED) or provenance.is_retelling(data.options, value):
        return esc(text)
    return cards.sourced_markup(cards.Sourced(text, owner))


def profile_whose(data: Dataset, row) -> str:
    """Why a profile's lead and facts are the editors', once after them, under the one mark (markup.whose_note): the
    reasons only, as the values carry their own marks (added, retold; docs/adr/0100). '' where none is the editors'
    (another source's values carry its full label where they stand)."""
    values = ("municipalities.summary", "municipalities.kommunekode", "municipalities.region", "municipalities.starting_point")
    # The outcome's reason where the profile shows an outcome in the editors' words, not where it says none is told.
    told = () if row.outcome == NOT_STATED else ("municipalities.outcome",)
    whose = provenance.whose_parts(data.options, *values, *told)
    return whose_note(whose, marked=True) if whose.editors else ""


def profile_choice(data: Dataset, kommunekode: str) -> str:
    """A municipality's page shows its own municipality and changes no choice (docs/adr/0058): it says so from its first
    paint, and offers to choose its municipality for the rest of the book in one tap; where the reader has chosen it,
    it says that instead. Which of the two shows, html.kr-profile-own says: set by the head script from the address or
    the choice the browser keeps (extension.OPENS_CHOSEN), then by the filter (kr-filter.js); printed, neither shows.

    A tap on the button is confirmed where it was, in the build's words, and read out politely (role=status): the button
    only went away, and a reader could not tell that anything had happened (issue 22). The sentence waits in a
    template; the script moves it into the status a moment after, so screen readers announce it."""
    own = esc(filters.municipality_name(data, kommunekode))
    words = f"{own} er valgt og fremhæves nu i resten af bogen."
    return (
        f'<p class="kr-profile-choose d-print-none" data-kr-choose="{esc(kommunekode)}">'
        # Short, so the cards follow within a phone's first screen and a half (docs/adr/0090): the button says where
        # the choice counts.
        f'<span class="kr-profile-says">Siden handler om {own}, uanset dit valg.</span> '
        f'<button type="button" class="kr-profile-choose-button">Fremhæv {own} i resten af bogen</button></p>'
        f'<p class="kr-profile-chosen d-print-none" data-kr-chosen-for="{esc(kommunekode)}" role="status" '
        f'aria-live="polite">{words}</p>'
        f'<template class="kr-profile-chosen-words">{words}</template>'
    )


# The bar's line on a profile with no municipality chosen: the select's „Alle kommuner“ over the heading „Køge“ read as
# a contradiction (reader31, #5); the line says that the select is the choice for the rest of the book, as it does
# where another municipality is chosen (docs/adr/0116).
NONE_CHOSEN_ELSEWHERE = "I resten af bogen er ingen kommune valgt."


def profile_hints(data: Dataset, kommunekode: str) -> str:
    """A profile page is always about its own municipality (docs/adr/0058): the bar's select is the choice for the rest
    of the book, and the bar's line says so: another one chosen is named, and the way to its page offered; none chosen,
    the line says that no municipality is chosen there (NONE_CHOSEN_ELSEWHERE).

    One line per municipality but the page's own, and one for none, kept hidden: the filter's status and the bar's own
    line show the one for the reader's choice. The way to a chosen one's page is the bar's offer and the open panel's
    copy of it, a link: the status, text only, said "Gå til siden om Køge." as words that led nowhere (issue 22)."""
    lines = "".join(
        f'<p class="kr-profile-hint" data-kr-when="{esc(r.kommunekode)}" hidden>I resten af bogen er {esc(r.name)} valgt.</p>'
        for r in table_rows(data.municipalities)
        if r.kommunekode != kommunekode
    )
    none = f'<p class="kr-profile-hint" data-kr-when="{esc(views.ALL)}" hidden>{NONE_CHOSEN_ELSEWHERE}</p>'
    return f'<div class="kr-profile-hints" hidden>{none}{lines}</div>'


def municipality_ingredients(data: Dataset, kommunekode: str) -> Html:
    """Which ingredients the quotes attributed to this municipality substantiate, and how firmly: with the inferred
    switch on and off, where its inferred ties make a difference (docs/adr/0033)."""
    on = _municipality_ingredients(data, kommunekode)
    quotes = views.quotes_of(data.quotes, kommunekode)
    n = int((quotes["attribution"] == "inferred").sum())
    if not n:
        return on
    aside = views.without_inferred(data)
    if views.quotes_of(aside.quotes, kommunekode).empty:
        # The quotes' section just above says how many are tied by inference and how to show them (quotes_for_municipality).
        name = esc(filters.municipality_name(data, kommunekode))
        off = (
            f'<p class="kr-empty-note">Med de udledte tilknytninger slået fra er intet citat knyttet til {name}, så ingen '
            "ingrediens kan vises for kommunen alene (se citaterne ovenfor).</p>"
        )
    else:
        off = _municipality_ingredients(aside, kommunekode).markup
    return Html(highlight.by_switch(on.markup, off))


def _municipality_ingredients(data: Dataset, kommunekode: str) -> Html:
    quotes = views.quotes_of(data.quotes, kommunekode)
    name = filters.municipality_name(data, kommunekode)
    if quotes.empty:
        tally = statistics.quote_tally(data)
        counts = attribution.tie_counts(tally, data.options)
        if not tally.stated:  # the count already says the holder ties none: say only that no inferred tie is this one's
            none = "Ingen af dem er knyttet til" if tally.inferred else "Intet citat er udledt til"
            said = f"{counts} {none} {name}, så ingen ingrediens kan vises for kommunen alene."
        else:
            none = attribution.none_tied(attribution.source(data.options), name, True)
            said = f"{none[:-1]}, så ingen ingrediens kan vises for kommunen alene. {counts}"
        return Html(f'<p class="kr-empty-note">{esc(said)}</p>')
    items = []
    # Each ingredient's rows by position, read from plain lists: a boolean filter, and then a take and a value_counts,
    # per ingredient were pandas passes over every column on each of 98 profiles at national scale.
    ids, levels_of, ties_of = (list(quotes[c]) for c in ("ingredient_ids", "attribution", "ingredient_tie"))
    for ingredient in table_rows(data.ingredients.sort_values("number")):
        rows = [n for n, row_ids in enumerate(ids) if ingredient.ingredient_id in row_ids]
        if not rows:
            continue
        # As value_counts orders them: most first, and equal counts in the order they first occur.
        counted = sorted(Counter(levels_of[n] for n in rows).items(), key=lambda level: -level[1])
        levels = ", ".join(f"{plural(n, 'citat', 'citater')} {attribution.labels(data.options)[str(a)]}" for a, n in counted)
        # Whose the tie to the ingredient is, where it is not the report's own (data/provenance.py's words).
        whose = [s for s in dict.fromkeys(ties_of[n] for n in rows) if s != BY_REPORT]
        tie = f"; koblingen til ingrediensen: {'; '.join(provenance.ingredient_tie(s) for s in whose)}" if whose else ""
        items.append(f"<li>{cards.ingredient_badges(data, (ingredient.ingredient_id,))} {esc(levels + tie)}</li>")
    if not items:
        return Html(f'<p class="kr-empty-note">Citaterne knyttet til {esc(name)} underbygger ingen af ingredienserne.</p>')
    return Html(f'<ul class="kr-ingredient-evidence">{"".join(items)}</ul>')


def ingredient_parts(tally: statistics.QuoteTally, options: pd.DataFrame) -> str:
    """The method note folded under the ingredient cards' sum (ingredient_sum), saying only what the sum does not:
    whose the ties are, why the pages' counts add up to more than the quotes, and where the quotes that support none
    stand. It said the sum's counts (30 of 38, 2, 8) a second time right under it (reader31, #3); the front page's list
    keeps every count in its own item (ingredient_part_items)."""
    if not tally.with_ingredient:
        return ""
    parts = []
    if set(ties := tally.ties_by_source()) - {BY_REPORT}:
        parts.append(provenance.ingredient_ties(ties, "ingredienserne", quotes=tally.quotes_by_source))
    if tally.several:
        pages = listing([number(n) for n in tally.by_ingredient.values() if n])
        parts.append(
            f"Ingredienssiderne viser tilsammen {number(sum(tally.by_ingredient.values()))} citater ({pages}), fordi et "
            "citat, der underbygger flere ingredienser, står på hver af deres sider."
        )
    if tally.without:
        where = provenance.in_sections(options, [f"»{title}«" for title in tally.without_sections])
        parts.append(f"De citater, der ikke underbygger nogen ingrediens, står i {where}.")
    return " ".join(parts)


def ingredient_part_items(tally: statistics.QuoteTally, options: pd.DataFrame) -> list[str]:
    """How the ingredients' quote counts fit the book's total, as the front page's list: each count first, with what it
    counts and whose ties they are; which quotes support one ingredient, which several, which none and in which
    sections of the report (or of the data folder's source) those stand."""
    if not tally.with_ingredient:
        return [f"Ingen af bogens {plural(tally.total, 'citat', 'citater')} underbygger nogen af de virksomme ingredienser."]
    quotes = plural(tally.total, "citat", "citater")
    # 'mindst én': some quotes support two ingredients (the next item counts them); reading 15, finding 5.
    first = f"{number(tally.with_ingredient)} af bogens {quotes} underbygger mindst én af de virksomme ingredienser."
    # Whose the ties are goes with the count itself, so a page that gives only the count (the front page) says it too.
    if set(ties := tally.ties_by_source()) - {BY_REPORT}:
        first = f"{first} {provenance.ingredient_ties(ties, 'ingredienserne', quotes=tally.quotes_by_source)}"
    items = [first]
    if tally.several:
        # The pages' own numbers beside their sum, so the sum reads as theirs and not as one more total (issue 22).
        pages = listing([number(n) for n in tally.by_ingredient.values() if n])
        items.append(
            f"{number(sum(tally.by_ingredient.values()))} citater står på ingredienssiderne tilsammen ({pages}), fordi "
            f"{number(tally.several)} af de {number(tally.total)} citater underbygger mere end én ingrediens og står på "
            "hver af deres sider."
        )
    if tally.without:
        where = provenance.in_sections(options, [f"»{title}«" for title in tally.without_sections])
        items.append(
            # What it counts, and only that: a quote may stand outside the ingredient chapters and still support one
            # (q005 in »Broer, stier og siloer«), so where they stand is said of these quotes, not as what they are.
            f"{number(tally.without)} af de {number(tally.total)} citater underbygger ingen ingrediens; de står i {where}."
        )
    return items


def ingredient_cards(data: Dataset) -> Html:
    tally = statistics.quote_tally(data)
    items = []
    # Every card's definition the editors' summary: the cards say it once, after them, not four marks (ADR 55).
    definitions = {row.ingredient_id: short_definition(data, row) for row in table_rows(data.ingredients)}
    lifted = bool(cards.block_mark(definitions.values()))
    for row in table_rows(data.ingredients.sort_values("number")):
        page = _key(data, "sections", "section_id", row.section_id, "book_page")
        ingredient_id = row.ingredient_id
        n, ties = tally.by_ingredient[ingredient_id], tally.by_ingredient_source[ingredient_id]
        # Every card gives its total in the same place, and the tie's sentence then whose each share is, not the count
        # again (reader 26, #9: one card of four said its total; reader 17: a sentence repeated it).
        total = f'<p class="kr-card-kicker">{plural(n, "citat", "citater")} underbygger ingrediensen</p>'
        items.append(
            f'<article class="kr-card kr-ingredient-card kr-ingredient-{row.number}">'
            f'<h3 class="kr-card-title">{book_link(page, f"{row.number}. {esc(row.name)}")}</h3>'
            f"<p>{cards.sourced_markup(cards.unmarked(definitions[ingredient_id]) if lifted else definitions[ingredient_id])}</p>"
            f"{total}"
            f'<p class="kr-ingredient-tie">{esc(provenance.ingredient_ties_of_total(ties, "ingrediensen"))}</p>'
            "</article>"
        )
    whose = ""
    if lifted:
        said = provenance.whose_parts(data.options, "ingredients.short_description")
        line = f"Kortenes definitioner er {said.editors[0].lower()}{said.editors[1:]}" if said.editors else ""
        whose = whose_note(provenance.Whose(line, said.reasons, said.others))
    return Html(
        f'<div class="kr-grid">{"".join(items)}</div>{whose}<p class="kr-count-sum">{esc(ingredient_sum(tally, data.options))}</p>'
        + (
            f'<details class="kr-note-about"><summary>Sådan er citaterne talt</summary><p class="kr-count-parts">{esc(parts)}</p></details>'
            if (parts := ingredient_parts(tally, data.options))
            else ""
        )
    )


def ingredient_sum(tally: statistics.QuoteTally, options: pd.DataFrame) -> str:
    """The cards' sum in one plain sentence a reader gets the first time: '30 af bogens 38 citater underbygger mindst én
    af ingredienserne, 2 af dem flere end én, og 8 underbygger ingen.' Whose the ties are and where the others stand
    is a method note folded under it (ingredient_parts): three sentences of counts had to be read three times (issue 22)."""
    if not tally.with_ingredient:
        return ingredient_part_items(tally, options)[0]
    parts = [f"{number(tally.with_ingredient)} af bogens {plural(tally.total, 'citat', 'citater')} underbygger mindst én af ingredienserne"]
    if tally.several:
        parts.append(f"{number(tally.several)} af dem flere end én")
    if tally.without:
        parts.append(f"og {number(tally.without)} underbygger ingen")
    return f"{', '.join(parts)}."


def ingredient_place(data: Dataset, ingredient_id: str) -> Html:
    """Where an ingredient stands among the data's, under its page's title: 'Fælles fundamenter er den anden af de fire
    virksomme ingredienser.' Each page wrote it by hand, so a folder with other ingredients would have had its pages
    name a place and a count the data do not give."""
    ordered = data.ingredients.sort_values("number")
    ids = list(ordered["ingredient_id"])
    name = esc(ordered.loc[ordered["ingredient_id"] == ingredient_id, "name"].iloc[0])
    if len(ids) == 1:
        return Html(f"<p>{name} er den eneste virksomme ingrediens.</p>")
    place = ordinal_word(ids.index(ingredient_id) + 1)
    return Html(f"<p>{name} er den {place} af de {count_word(len(ids))} virksomme ingredienser.</p>")


def ingredient_description(data: Dataset, ingredient_id: str) -> Html:
    """An ingredient's definition and description, one block: where both are the editors' words, one mark after the
    second says it for both, its kinds in its title ('redaktionens gengivelse og ord'), not one after each (ADR 55)."""
    row = data.ingredients.loc[data.ingredients["ingredient_id"] == ingredient_id].iloc[0]
    definition, told = ingredient_texts(data, row)
    return Html(f'<p class="kr-lead">{cards.sourced_markup(definition)}</p><p>{cards.sourced_markup(told)}</p>')


def ingredient_texts(data: Dataset, row: Any) -> tuple[str, str]:
    """An ingredient's definition and description as its page and every edition show them: where both are the
    editors' words, the definition bare and one mark after the description for both ('redaktionens gengivelse og
    ord'). Reading s24, F6: the page said it once, the PDFs twice, in two other words."""
    definition, told = short_definition(data, row), retold_description(data, row)
    marks = [getattr(v, "mark", "") for v in (definition, told)]
    if all(provenance.is_editors(m) for m in marks):
        own = f"{provenance.words(BY_EDITORS).own} "
        definition = cards.unmarked(definition)
        told = cards.Sourced(str(row.description), own + listing(list(dict.fromkeys(m.removeprefix(own) for m in marks))))
    return definition, told


def retold_description(data: Dataset, row: Any) -> str:
    """An ingredient's description with whose words it is: the editors' retelling of the report's section, marked on its
    page and in the editions as kilder.csv calls it ('… (redaktionens ord)'; provenance.retold_label)."""
    mark = provenance.retold_mark(data.options)
    return cards.Sourced(row.description, mark) if mark else str(row.description)


def short_definition(data: Dataset, row: Any) -> str:
    """An ingredient's short definition with whose words it is: the editors' summary of the report's text, not the
    report's own definition ('… (redaktionens gengivelse)'), alike on the overview, its page and in the editions."""
    return cards.sourced(data, "ingredients.short_description", row.short_description, row.short_description)


def attention_points(data: Dataset, ingredient_id: str) -> Html:
    points = data.attention_points[data.attention_points["ingredient_id"] == ingredient_id].sort_values("position")
    items = "".join(
        f'<li>{esc(p.text)} <span class="kr-source-line">{cards.section_link(data, p.section_id)}</span></li>' for p in table_rows(points)
    )
    if items:
        return Html(f'<ul class="kr-attention">{items}</ul>')
    return Html(f"<p>{esc(provenance.folder_words(data.options).subject)} nævner ingen opmærksomhedspunkter her.</p>")


def programme_facts(data: Dataset) -> Html:
    """„Fakta om forløbet“: each fact once, as one sentence (docs/adr/0074). The sentence is the editors' retelling
    (the page's rule says so once, provenance.retelling_rule); where the report's own wording stands in it, it is set in
    »…«, so the report's words are neither said twice nor taken for the editors'."""
    items = "".join(f"<li>{fact_sentence(data, fact)}</li>" for fact in table_rows(data.programme_facts))
    return Html(f'<ul class="kr-programme-facts">{items}</ul>' if items else "")


def _fact_mark(data: Dataset) -> str:
    """The mark after a programme fact in a folder that is not the report's: ' (analytikerens angivelse)'; '' in the
    report's, whose page says once that its text is the editors' retelling."""
    folder = provenance.folder_source(data.options)
    return "" if folder == BY_REPORT else f" {provenance.page_mark(provenance.words(folder).value)}"


def fact_sentence(data: Dataset, fact: Any) -> str:
    """One programme fact as markup: its description with its value in it set as the folder's words (»…«, which the
    description itself may hold, and in a folder that is not the report's, the folder's mark after it), a web address
    as a link after the description, and a value the description does not hold after it as its words: 'Rekrutteringen:
    »…«.' A value of one word ('én') is the same word in anyone's sentence and stands bare in it."""
    description, value = str(fact.description), str(fact.value)
    address = web_address(value)
    mark = _fact_mark(data)
    # A fact of one word or an address carries the folder's mark too: two of ten stood unmarked in an analyst's book,
    # as if they were the report's (reading32, #6).
    if isinstance(address, Markup):
        return f"{esc(description)} {address}{esc(mark)}"
    if " " not in value.strip() and value in description:
        return f"{esc(description.rstrip('.'))}{esc(mark)}." if mark else esc(description)
    quoted = f"»{esc(value)}«{esc(mark)}"
    # The description holds the value in »…« as the download shows it (reading 25 r2, finding 2); a description
    # written without them (an analyst's) gets them here.
    before, found, after = description.partition(f"»{value}«")
    if not found:
        before, found, after = description.partition(value)
    if found:
        return f"{esc(before)}{quoted}{esc(after)}"
    return f"{esc(description.rstrip('. '))}: {quoted}."


def web_address(value: str) -> str:
    """A value from data as a link when it is an http(s) address, escaped either way; anything else (a `javascript:`
    URL, say) stays text. Returns Markup for a link, so the autoescaped table keeps it a link."""
    if not re.fullmatch(r"https?://[^\s\"'<>]+", value):
        return value
    return Markup(f'<a href="{esc(value)}">{esc(value)}</a>')


def fact_with_link(data: Dataset, fact_id: str) -> Html:
    """A programme fact whose value is a web address: its description, then the address as a link.

    The address comes from data, so only an http(s) address becomes a link; anything else (a
    `javascript:` URL, say) shows as text. Data without the fact gives nothing."""
    facts = data.programme_facts.loc[data.programme_facts["fact_id"] == fact_id]
    if facts.empty:
        return Html("")
    fact = facts.iloc[0]
    address = web_address(fact.value)
    mark = _fact_mark(data)
    if not isinstance(address, Markup):
        return Html(f'<p class="kr-source-line">{esc(fact.description)} {esc(address)}{esc(mark)}</p>')
    # Words to tap, not a bare address of 55 letters (issue 22): the site's name says where the link goes.
    site = urllib.parse.urlsplit(fact.value).hostname or fact.value
    link = f'<a href="{esc(fact.value)}">Læs mere på {esc(site.removeprefix("www."))}</a>'
    return Html(f'<p class="kr-source-line">{esc(fact.description)}{esc(mark)} {link}.</p>')


def resource_persons(data: Dataset) -> Html:
    """The report's resource persons (who gave talks) in one table, headed as the open list it is; a facilitator (the
    row's `facilitator`), whom the report names in that role, in the sentence below it (resource_persons_said)."""
    persons = data.resource_persons
    facilitating = persons["facilitator"] == YES
    holder = provenance.folder_words(data.options).holder
    frame = persons.loc[~facilitating, ["name", "role"]].rename(columns={"name": "Navn", "role": f"Rolle (som i {holder})"})
    table = simple_table(frame, provenance.resource_persons_heading(data.options)).markup if len(frame) else ""
    facilitators = [(str(r.name), str(r.role)) for r in persons[facilitating].itertuples()]
    said = esc(provenance.resource_persons_said(data.options, len(frame), facilitators))
    note = f'<p class="kr-source-line">{said}</p>' if facilitators else ""
    return Html(table + note)


def group_composition(data: Dataset) -> Html:
    g = data.group_composition.sort_values("position")
    # Only the report's words: it states a least number only for "en eller flere"; min_count is the editors' reading.
    holder = provenance.folder_words(data.options).holder
    frame = pd.DataFrame({"Rolle": g["role"], f"Antal (som i {holder})": g["count_text"]})
    return simple_table(frame, "Anbefalet sammensætning af en aktionslæringsgruppe")


def evaluation_sources(data: Dataset) -> Html:
    """The evaluation's material, each source in its label's words in »…« and then a remark, led by a sentence that says
    whose each is from the folder's source: the chapter's fixed „redaktionens bemærkning“ credited the editors with an
    analyst's remarks in a book on their data (analyst30)."""
    label = provenance.words(provenance.value_source(data.options, "evaluation_sources.label")).wording
    own = provenance.retold_own(data.options)
    sources = list(table_rows(data.evaluation_sources.sort_values("position")))
    # The remarks that only say what the holder does not tell are said once, after the list: three of four items ended
    # „Rapporten siger ikke, hvem/hvilke …“, which a lay reader took for criticism of the report (reader32, #8).
    untold = f"{provenance.folder_words(data.options).subject} siger ikke, "
    gathered = [str(s.description).removeprefix(untold).removesuffix(".") for s in sources if str(s.description).startswith(untold)]
    said = f"{own} bemærkninger står ved punkterne og samlet under listen" if gathered else f"derefter {own} bemærkning"
    lead = (
        f"Analyserne bygger på dette empiriske materiale; hvert punkt giver {label} i »…«{', og ' if gathered else ' og '}{said}. "
        "De tværgående analyser er foretaget af evaluator."
    )
    items = "".join(
        # The report's words in »…« as everywhere (reading 26, #13: the one list whose report's words stood in bold
        # instead), in its own lower case, as the data hold them (reading32, #12: the download had a capital).
        f"<li>»{esc(s.label)}«" + ("" if str(s.description).startswith(untold) else f": {esc(s.description)}") + "</li>"
        for s in sources
    )
    after = f'<p class="kr-untold-sources">{esc(untold + "; ".join(gathered))}.</p>' if gathered else ""
    return Html(f"<p>{esc(lead)}</p><ul>{items}</ul>{after}")


# What leads each kind of the evaluation's questions, with whose wording they stand in filled in from the folder: the
# chapter's fixed „(rapportens ordlyd)“ stood over an analyst's questions noted „står sådan i analytikerens data“.
QUESTIONS_LEADS = {
    # The source that writes the clause is the one whose wording it stands in: „Rapporten skriver … med analytikerens
    # ordlyd“ mixed two in one sentence (reading32, #7).
    "overordnet": "{holder} skriver det guidende spørgsmål som en ledsætning; her står ledsætningen med {wording}:",
    "tvaergaaende": "De tværgående analyser er kvalificeret af eksisterende viden og teori og guidet af disse spørgsmål ({wording}):",
}


def evaluation_questions(data: Dataset, kind: str) -> Html:
    """The evaluation's questions of one kind in the report's words, in »…« as the book's other report wording
    (reading 28, #2: they stood bare, the single guiding question as a one-item „1.“ list); one question stands as
    a paragraph, several as a numbered list, after their lead (QUESTIONS_LEADS), which says whose wording they are."""
    questions = data.evaluation_questions[data.evaluation_questions["kind"] == kind].sort_values("position")
    source = provenance.words(provenance.value_source(data.options, "evaluation_questions.text"))
    lead = f"<p>{esc(QUESTIONS_LEADS[kind].format(holder=source.subject, wording=source.wording))}</p>"
    holder = provenance.folder_words(data.options).holder
    # The report's own slip in a question's words, said after it (ADR 89).
    said = [
        esc(f"»{q.text}«" + slip_note(q.text, holder, row_slips(data, "evaluation_questions", [q.question_id])))
        for q in table_rows(questions)
    ]
    if len(said) == 1:
        return Html(f'{lead}<p class="kr-questions">{said[0]}</p>')
    return Html(f'{lead}<ol class="kr-questions">{"".join(f"<li>{s}</li>" for s in said)}</ol>')


def whose(data: Dataset, *values: str) -> Html:
    """Whose values a chapter shows ('table.column' or 'figur:<id>'), in the one wording of data/provenance.py, so a
    chapter never states a source in fixed words that a book on an analyst's data would make false."""
    said = provenance.whose_parts(data.options, *values, told=provenance.data_reasons(data.tables))
    return Html(whose_note(said))


def whose_in_full(data: Dataset, lead: str, *values: str) -> Html:
    """whose in view, line and reasons in one paragraph, for a page's „Sådan er siden lavet“ fold, itself folded: where
    a table's columns come from (reader31, #2: „Hvor kolonnerne Kommunekode og Region kommer fra, står her: (red.)
    Hvorfor?“ stood before kommuner/oversigt's table, which marks each such column in its head)."""
    said = provenance.whose_parts(data.options, *values, told=provenance.data_reasons(data.tables))
    line = f"{said.line[:1].lower()}{said.line[1:]}"  # after the lead's colon: „Kolonnerne …: redaktionens tilføjelse …“
    return Html(f'<p class="kr-whose">{esc(" ".join(filter(None, (f"{lead}:", line, said.about))))}</p>')


def starting_points_key(data: Dataset) -> Html:
    """What each starting point the overview's cards name means, in the data's plain words, right after the cards:
    "Fra bunden" stood on five cards with nothing to say what it meant (issue 22, phone #9). After, not above: above
    them it put a chosen municipality's card some 1,200 px down on a phone (reader 28, F2; docs/adr/0101)."""
    used = set(data.municipalities["starting_point"])
    rows = [r for r in table_rows(data.starting_points) if r.starting_point_id in used]
    if not rows:
        return Html("")
    terms = "".join(f"<dt>{esc(r.label)}</dt><dd>{esc(r.description)}</dd>" for r in rows)
    return Html(f'<p class="kr-terms-lead">Udgangspunkt på kortene:</p><dl class="kr-starting-points">{terms}</dl>')
