"""Quote, initiative and municipality cards: the items of the static book's lists.

A quote card is rendered by one macro (templates/cards.html.j2); which cards a chosen municipality
puts first is decided in highlight.py, not here and not in the browser.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence

import pandas as pd

from kulturensrige.data import provenance
from kulturensrige.data.frames import lookup, made_once, made_once_from, table_rows
from kulturensrige.data.loading import Dataset
from kulturensrige.data.pages import heading_id
from kulturensrige.data.schema import BY_EDITORS, BY_REPORT, NOT_STATED, PART_BLANKS, YES
from kulturensrige.render import highlight
from kulturensrige.render.markup import (
    Html,
    Markup,
    book_link,
    current_page,
    esc,
    first_on_page,
    links_to_book,
    macro,
    page_link,
    side_island,
    whose_note,
)  # fmt: skip
from kulturensrige.render.slips import row_slips, slip_note
from kulturensrige.rules import attribution, filters, statistics, views
from kulturensrige.words import count_word, listing, number, plural

# The data chapter's section on the anonymity rule (its heading in book/om-data/genkoersel.ipynb): a card's legend
# names the rule and leads there, not to the chapter's top.
DATA_CHAPTER = "om-data/genkoersel"
ANONYMITY_HEADING = "Anonymitet: rolle og kommune sammen"


def _label(data: Dataset, table: str, key: str, value: str, column: str = "label") -> str:
    return str(lookup(data.tables[table], key, column).get(value, value))


def section_link(data: Dataset, section_id: str) -> str:
    """'Afsnit: …' as a link to the section's page; on that page itself no link, left out on the web (_section)."""
    page = _label(data, "sections", "section_id", section_id, "book_page")
    words = f"Afsnit: {esc(filters.section_title(data, section_id))}"
    if page == current_page():
        return f'<span class="kr-source kr-source-here">{words}</span>'
    return book_link(page, words, "kr-source")


def _href(page: str) -> str | None:
    """A link's address, or None where there is no book around the card (the live explorer)."""
    return page_link(page) if links_to_book() else None


def _ingredients(data: Dataset, ingredient_ids: tuple[str, ...]) -> list[dict]:
    """The badges' facts of these ingredients, each made once per ingredient, page, folder and links, for the tables it
    reads (as _section): 10,000 cards name a few ingredients."""
    made = made_once_from((data.ingredients, data.sections), f"card ingredients {current_page()} {os.getcwd()} {links_to_book()}", dict)
    for i in ingredient_ids:
        if i not in made:
            numbers, names, sections = (lookup(data.ingredients, "ingredient_id", c) for c in ("number", "name", "section_id"))
            page = _label(data, "sections", "section_id", sections[i], "book_page")
            # On the ingredient's own page its badge is no link: it would lead back to where the reader is; a quote
            # card there marks it `here`, which paper leaves out (edition.css): it names the chapter the card stands in.
            made[i] = {
                "id": i,
                "number": int(numbers[i]),
                "name": names[i],
                "href": None if page == current_page() else _href(page),
                "here": page == current_page(),
            }
    return [made[i] for i in ingredient_ids]


def ingredient_badges(data: Dataset, ingredient_ids: tuple[str, ...]) -> str:
    return str(macro("cards.html.j2", "badges", _ingredients(data, ingredient_ids)))


def _held_back(rows: pd.DataFrame | list[dict]) -> tuple[bool, bool]:
    """Whether a card shows a category in place of a role (the anonymity rule), and whether its source names that
    role (`precise`, provenance.category_note)."""
    records = rows.to_dict("records") if isinstance(rows, pd.DataFrame) else rows
    held_back = [r for r in records if r["shown_role"] != r["speaker_role"]]
    return bool(held_back), any(r["speaker_role"] != NOT_STATED for r in held_back)


def short_speakers(data: Dataset, groups: Sequence[pd.DataFrame | list[dict]]) -> bool:
    """Whether these cards mark a held-back speaker's category '(red.)' where the editors' grouping stands in place of
    the role, as every web page's list and drill panel does, so a label reads one way on a page (issue 22:
    'Sundhedsområdet (red.)' on one page, the full note on the next). The mark opens the page's key, which says what it
    means after a speaker (provenance.category_key); no line over the list says it again."""
    return bool(provenance.category_key(data.options)) and any(all(_held_back(g)) for g in groups)


def speaker_line(
    data: Dataset, turns: pd.DataFrame | list[dict], short: bool = False, keyed: bool = False, kinds_lifted: Collection[str] = ()
) -> tuple[str, str, str]:
    """(kind, speaker, reference) under a card: a printed caption that already names the kind stands alone,
    and a quote from literature shows its author and, in brackets, the citation. `short`: in a list whose line says
    what '(red.)' after a speaker means (quote_list), the category's note is that short mark. `keyed`: on a page
    under its key (provenance.page_key), the editors' name for the kind is marked '(red.)'. `kinds_lifted`: the kinds
    whose editors' names the list says once at its end (kinds_note, kinds_editors); such a kind stands bare."""
    rows = turns.to_dict("records") if isinstance(turns, pd.DataFrame) else turns
    first = rows[0]
    label = _label(data, "quote_kinds", "quote_kind_id", first["kind"])
    # Whose the kind's name is: 'Kort udsagn (redaktionens betegnelse)' (data/provenance.py).
    given = _label(data, "quote_kinds", "quote_kind_id", first["kind"], "label_source")
    # A category shown in place of the role says whose grouping it is, in the one wording (provenance.category_note).
    held_back, precise = _held_back(rows)
    note = f" {provenance.category_note(data.options, precise, short)}" if held_back else ""
    # One mark for the line where the kind and the category are both the editors': 'Interviewcitat · Sundhedsområdet
    # (red.)', not a mark after each word (issue 22).
    one_mark = keyed and note == f" {provenance.owner_mark(provenance.EDITORS_SHORT)}"
    kind = label if one_mark or first["kind"] in kinds_lifted else provenance.kind_label(data.options, label, given, keyed)
    if len(rows) > 1:
        return kind, " og ".join(dict.fromkeys(_role(data, r) for r in rows)) + note, ""
    if first["reference_key"]:
        return kind, first["shown_role"], first["caption"]
    speaker = first["shown_caption"] or _role(data, first)
    # The caption before the role the rule holds back, or before a role the report does not give: every card whose
    # speaker is not given says so alike, a field diary's under its caption as a motto's (reading 15, finding 16).
    if first["shown_caption"] and (first["shown_caption"] != first["caption"] or first["shown_role"] == NOT_STATED):
        speaker = f"{first['shown_caption']} · {_role(data, first)}"
    return ("" if speaker.lower().startswith(label.lower()) else kind), speaker + note, ""


def _role(data: Dataset, row: dict) -> str:
    """A speaker's role as a card shows it: 'rolle ikke angivet' (or the kind's word for it) where the data give none,
    not a bare 'ikke angivet'."""
    return provenance.unnamed_as(data.options, data.quote_kinds, row["kind"]) if row["shown_role"] == NOT_STATED else row["shown_role"]


def quote_language(data: Dataset, quote: pd.Series | dict) -> str:
    """The language of a quote from a cited work when it is not the book's Danish ('' otherwise): WCAG 3.1.2."""
    if not quote["reference_key"]:
        return ""
    language = _label(data, "references", "reference_key", quote["reference_key"], "language")
    return "" if language in ("da", NOT_STATED) else language


def exchange_note(turns: pd.DataFrame | list[dict]) -> str:
    """What an exchange card is and counts for under the book's counting rule (views.COUNTING_RULE): one exchange of
    so many turns, each turn a quote ('Én ordveksling med to replikker; hver replik tæller som et citat.').

    It counts the turns, never the people: the report gives each turn a role, not a person (the data has no speaker
    id), so 'mellem to personer' was the editors' inference (reading 30, #7); the card shows each turn's role."""
    rows = turns.to_dict("records") if isinstance(turns, pd.DataFrame) else turns
    if len(rows) < 2:
        return ""
    return f"Én ordveksling med {count_word(len(rows))} replikker; {views.REPLIK_IS_A_QUOTE}."


def _section(data: Dataset, section_id: str) -> dict:
    """A card's 'Afsnit: …' link to the section it comes from. On that section's own page the link would lead the
    reader back to where she is: there it is no link, and the web page leaves it out (`here`: the CSS class
    kr-source-here), and so does paper (edition.css): in the printed whole book it named the chapter the card stands in.
    Made once per section, page, folder and links, for the tables it reads: 10,000 cards name a few sections."""
    made = made_once_from((data.sections, data.municipalities), f"card sections {current_page()} {os.getcwd()} {links_to_book()}", dict)
    if section_id not in made:
        page = _label(data, "sections", "section_id", section_id, "book_page")
        here = page == current_page()
        title = filters.section_title(data, section_id)
        made[section_id] = {"id": section_id, "href": None if here else _href(page), "title": title, "here": here}
    section: dict = made[section_id]
    return section


def _sections(data: Dataset, section_ids: Iterable[str]) -> list[dict]:
    """_section for these sections, once each."""
    return [_section(data, i) for i in dict.fromkeys(section_ids) if i]


def _tie(labels: dict[str, str], level: str) -> dict:
    """How the card's municipality line says the tie: its CSS class suffix, the level's words, and them in brackets."""
    return {"id": level.replace(" ", "-"), "label": labels[level], "note": f"({labels[level]})"}


# The fields of a quote card's JSON row, in order (published once for the browser: browser.browser_data).
CARD_FIELDS = (
    "anchor", "kommune", "attribution", "quotes", "ingredient_ids", "speaker_category", "lang", "turns", "exchange", "kind",
    "speaker", "reference", "tie", "kommune_name", "rationale", "section", "ingredient_tie", "ingredient_why",
    "ingredient_tie_alone", "full_href", "full_printed", "slip", "badges_class", "source_class",
)  # fmt: skip

# How many of a quote's first words stand for it on a page that is not its section's (ADR 74): enough to know it by.
FIRST_WORDS = 12


def _here_class(base: str, here: bool) -> str:
    """A card part's classes: with kr-here where it names the page the card stands on, which paper leaves out. A row
    carries them (CARD_FIELDS), so a card the browser fills from it is the card Python renders."""
    return f"{base} kr-here" if here else base


def full_quote_at(data: Dataset, rows: list[dict]) -> str:
    """Where a card's quote stands in full, seen from the page being made: its section's page (sections.book_page) and
    the card's anchor there. '' on that page itself, where the section has no page, where there is no book around the
    card (the live explorer), and for a quote no longer than its first words, which is its own reference (ADR 74)."""
    first = rows[0]
    page = _label(data, "sections", "section_id", first["section_id"], "book_page") if first["section_id"] else ""
    if not page or page == current_page() or len(" ".join(r["text"] for r in rows).split()) <= FIRST_WORDS:
        return ""
    href = _href(page)
    return f"{href}#citat-{first['quote_id']}" if href else ""


def full_quote_printed(data: Dataset, section_id: str) -> str:
    """On paper a link leads nowhere: where the whole quote stands, by the chapter the contents list and, below it,
    the section (ADR 74): 'Hele citatet står i kapitlet »Værdiskabelser i Kulturens Rige«, afsnittet »Broer, …«.'"""
    parents = lookup(data.sections, "section_id", "parent_id")
    pages = lookup(data.sections, "section_id", "book_page")
    chapter = section_id
    while parents.get(chapter) and pages.get(parents[chapter]) == pages.get(section_id):
        chapter = parents[chapter]
    where = f"kapitlet {filters.section_title_quoted(data, chapter)}"
    if chapter != section_id:
        where += f", afsnittet {filters.section_title_quoted(data, section_id)}"
    return f"Hele citatet står i {where}."


def quote_slip_note(data: Dataset, rows: list[dict]) -> str:
    """The note under a card's quote on the report's slips in the words it shows (slips.slip_note, ADR 89): '(»blandende«
    står sådan i rapporten)'; '' where they hold none, as a card that shows only a quote's first words may."""
    holder = provenance.folder_words(data.options).holder
    return slip_note(" ".join(r["text"] for r in rows), holder, row_slips(data, "quotes", [r["quote_id"] for r in rows])).strip()


def first_words(text: str) -> str:
    """A quote's first FIRST_WORDS words and an ellipsis: the short reference a list shows in its place (ADR 74)."""
    return " ".join(text.split()[:FIRST_WORDS]) + " …"


def ingredient_tie_line(rows: list[dict]) -> tuple[str, str]:
    """(line, reason) under a card's ingredients where the tie is not the report's own: 'Koblingen til ingrediensen:
    redaktionens læsning, ikke rapportens', in data/provenance.py's words, and the editors' reason; ('', '') where
    the report itself uses the quote for its ingredients."""
    tied = [r for r in rows if r["ingredient_ids"]]
    sources = [s for s in dict.fromkeys(r["ingredient_tie"] for r in tied) if s and s != BY_REPORT]
    if not sources:
        return "", ""
    what = "ingrediensen" if len({i for r in tied for i in r["ingredient_ids"]}) == 1 else "ingredienserne"
    reasons = " ".join(
        dict.fromkeys(r["ingredient_rationale"] for r in tied if r["ingredient_tie"] in sources and r["ingredient_rationale"])
    )
    return f"Koblingen til {what}: {'; '.join(provenance.ingredient_tie(s) for s in sources)}.", reasons


def card_context(
    data: Dataset,
    turns: pd.DataFrame | list[dict],
    short: bool = False,
    include_inferred: bool = views.INFERRED_BY_DEFAULT,
    keyed: bool = False,
    kinds_lifted: Collection[str] = (),
    abridged: bool = False,
) -> dict:
    """The facts of one quote card (a quote, or a whole exchange of turns sharing exchange_id) for the card macro;
    its CARD_FIELDS are also the card's JSON row. Separators and brackets are part of the text: the browser
    fills a long list's cards from these fields and adds no word or sign of its own. `short`: speaker_line's. An
    inferred tie is written for both positions of the switch, the one `include_inferred` names shown (the book's
    pages: its default; the browser switches, kr-state.js KR.showInferred). `keyed` and `kinds_lifted`: speaker_line's.
    Whether the card has a municipality line is views.has_tie_line's, as in the PDF editions: where the data tie no
    quote, an untied card has none, and the filter's panel says once that none is tied (untied_said). `abridged`: a
    page's list, where a quote whose section has its own page stands as its first words and a link to its full card
    there (full_quote_at, ADR 74); a drill panel's cards and the explorer's stay whole."""
    rows = turns.to_dict("records") if isinstance(turns, pd.DataFrame) else turns
    first = rows[0]
    full_href = full_quote_at(data, rows) if abridged else ""
    shown = [{**first, "text": first_words(first["text"])}] if full_href else rows
    kind, speaker, citation = speaker_line(data, rows, short, keyed, kinds_lifted)
    # A quote from a cited work belongs to no municipality (views.quote_tie), and an untied sign has no speaker to tie
    # (views.without_tie_line): no municipality line and no data-kommune.
    literature = views.without_tie_line(data, first)
    kommune, level = views.quote_tie(first)
    # The levels' words, made once per options table: each of 10,000 cards says its tie in them.
    labels = made_once(data.options, "attribution labels", attribution.labels)
    ingredients = _ingredients(data, tuple(dict.fromkeys(i for r in rows for i in r["ingredient_ids"])))
    tie = level.replace(" ", "-") if views.has_tie_line(data, first) else ""
    ingredient_tie, ingredient_why = ingredient_tie_line(rows)
    return {
        "template": False,
        "anchor": f"citat-{first['quote_id']}",
        "quotes": " ".join(r["quote_id"] for r in rows),
        "exchange": exchange_note(rows),
        "kommune": None if literature else kommune,
        "tie": tie,
        "ties": [_tie(labels, level)] if tie else [],
        "untied_label": labels[provenance.NOT_TIED],
        "inferred_shown": include_inferred,
        "kommune_name": filters.municipality_name(data, kommune) if kommune else "",
        "attribution": first["attribution"],
        "rationale": first["attribution_rationale"] if tie == "inferred" else "",
        "speaker_category": first["speaker_category"],
        "turns": [
            {"css": "kr-turn" if len(rows) > 1 else None, "speaker": f"{r['shown_role']}: " if len(rows) > 1 else "", "text": r["text"]}
            for r in shown
        ],
        "full_href": full_href,
        "full_printed": full_quote_printed(data, first["section_id"]) if full_href else "",
        "slip": quote_slip_note(data, shown),
        "lang": quote_language(data, first) or None,
        "kind": kind,
        "speaker": f" · {speaker}" if kind else speaker,
        "reference": f" ({citation})" if citation else "",
        "ingredients": ingredients,
        "ingredient_ids": " ".join(i["id"] for i in ingredients),
        "section": first["section_id"],
        "sections": (sections := _sections(data, [first["section_id"]])),
        # Paper leaves out (edition.css, .kr-here) a chip or an 'Afsnit' line that names the chapter the card stands
        # in: in the whole book's chapter »Fælles fundamenter« every card repeated both (reader, session 26).
        "badges_here": (badges_here := bool(ingredients) and all(i["here"] for i in ingredients)),
        "badges_class": _here_class("kr-badges", badges_here),
        "source_class": _here_class("kr-source-line", all(s["here"] for s in sections)),
        "ingredient_tie": ingredient_tie,
        "ingredient_why": ingredient_why,
        # The line in view where it has no reason to open (cards.html.j2): with one, the line is the reason's summary.
        "ingredient_tie_alone": "" if ingredient_why else ingredient_tie,
    }


def quote_card(
    data: Dataset,
    turns: pd.DataFrame | list[dict],
    short: bool = False,
    include_inferred: bool = views.INFERRED_BY_DEFAULT,
    keyed: bool = False,
    kinds_lifted: Collection[str] = (),
    abridged: bool = False,
) -> str:
    """One card for a quote, or for a whole exchange (several turns sharing exchange_id); `short`, `keyed`,
    `kinds_lifted`: speaker_line's (a page's list sets its cards keyed, quote_list); `abridged`: card_context's (a
    page's list, ADR 74)."""
    context = card_context(data, turns, short, include_inferred, keyed, kinds_lifted=kinds_lifted, abridged=abridged)
    return str(macro("cards.html.j2", "quote_card", context))


def card_row(context: dict) -> list:
    """A card's JSON row: its CARD_FIELDS in order, each turn without the parts it lacks."""
    return [[{k: t for k, t in turn.items() if t} for turn in context[f]] if f == "turns" else context[f] for f in CARD_FIELDS]


def quote_rows(data: Dataset, contexts: list[dict]) -> Markup:
    """The cards past a long list's first page: the card macro once as a <template>, with every optional part
    and every ingredient and section those cards name, and one JSON row per card; the browser fills a copy of
    the template per row (kr-lists.js KR.fill) with text and attributes only."""
    ingredient_ids = {i["id"] for c in contexts for i in c["ingredients"]}
    labels = attribution.labels(data.options)
    template = {
        **dict.fromkeys(CARD_FIELDS, ""),
        "template": True,
        "anchor": None, "kommune": None, "attribution": None, "quotes": None, "ingredient_ids": None,
        "speaker_category": None, "lang": None, "ties": [_tie(labels, a) for a in labels], "untied_label": labels[provenance.NOT_TIED],
        "inferred_shown": views.INFERRED_BY_DEFAULT,
        "turns": [{"css": None, "speaker": "", "text": ""}],
        "ingredients": _ingredients(data, tuple(i for i in data.ingredients.sort_values("number")["ingredient_id"] if i in ingredient_ids)),
        "sections": _sections(data, (c["section"] for c in contexts)),
        "badges_here": False, "badges_class": "kr-badges", "source_class": "kr-source-line",
    }  # fmt: skip
    card = macro("cards.html.j2", "quote_card", template)
    return Markup(f'<template class="kr-list-card">{card}</template>{row_islands([card_row(c) for c in contexts])}')


# Rows per island of a long list's later cards: the browser loads an island's file when one of its cards is first
# shown, so a chosen municipality's cards scattered through 2,500 fetch a few kB each, not the whole list.
ROWS_PER_ISLAND = 10


def row_islands(rows: list) -> str:
    """The rows as side islands (markup.SIDE) of ROWS_PER_ISLAND each, in order; each says how many it holds,
    so the browser knows every card's place before it loads any of them."""
    return "".join(
        side_island(rows[i : i + ROWS_PER_ISLAND], "kr-list-rows", {"data-kr-count": len(rows[i : i + ROWS_PER_ISLAND])})
        for i in range(0, len(rows), ROWS_PER_ISLAND)
    )


def card_keys(quotes: pd.DataFrame) -> pd.Series:
    """Each row's card: its exchange, or the quote itself."""
    return quotes["exchange_id"].where(quotes["exchange_id"] != "", quotes["quote_id"])


def _in_report_order(quotes: pd.DataFrame) -> pd.DataFrame:
    return quotes.assign(_group=card_keys(quotes)).sort_values(["position", "turn"])


def group_turns(quotes: pd.DataFrame) -> list[pd.DataFrame]:
    """Quotes in report order, exchanges kept together as one group."""
    return [group.drop(columns="_group") for _, group in _in_report_order(quotes).groupby("_group", sort=False)]


def group_records(quotes: pd.DataFrame) -> list[list[dict]]:
    """group_turns as plain rows (dicts), read from the table once: the cards of a long list render from these,
    since taking 10,000 one-card DataFrames apart one by one was most of a national build's time. Sorted as
    _in_report_order sorts (stably, by position and turn) but in Python: a pandas sort per list of 98 profiles' lists
    cost more than the sorting."""
    groups: dict[str, list[dict]] = {}
    for row in sorted(quotes.to_dict("records"), key=lambda row: (row["position"], row["turn"])):
        groups.setdefault(row["exchange_id"] or row["quote_id"], []).append(row)
    return list(groups.values())


def quote_list(data: Dataset, quotes: pd.DataFrame, heading_id: str = "", arranged: bool = True) -> Html:
    """A list of quote cards, a long one (views.first_page) with only its first page as HTML. `arranged`: the filter
    puts the chosen municipality's first (highlight.py); a profile page's list is about its own municipality and
    stays as it is, and so does every list where the data tie no quote: a choice has nothing to put first, and its
    group headings ("Rapporten knytter ingen citater til nogen kommune.") cut into the sentence that leads to the
    quotes (reader review 21, #1)."""
    groups = group_records(quotes)
    tie_line, short, lifted = views.any_tied(data), short_speakers(data, groups), kinds_editors(data, groups)
    contexts = [card_context(data, g, short=short, keyed=True, kinds_lifted=lifted, abridged=True) for g in groups]
    shown = views.first_page(len(groups))
    cards = [str(macro("cards.html.j2", "quote_card", c)) for c in contexts[:shown]]
    rest = quote_rows(data, contexts[shown:]) if shown < len(groups) else Markup("")
    section = highlight.arranged_list(
        data,
        views.quote_items(groups),
        views.QUOTE,
        cards,
        rest=rest,
        css="kr-quote-list",
        # Where the data tie no quote, the filter's panel says so once (untied_said): a count per list ("1 citat; rapporten angiver
        # ikke kommunen ved det.") stood between a sentence and the sign it led to (reader review 21, #1).
        summary=quote_summaries(quotes, data.options) if tie_line else Markup(""),
        heading_id=heading_id,
        arranged=arranged and tie_line,
    )
    return Html(str(section) + kinds_note(data, groups))


def kinds_editors(data: Dataset, groups: Sequence[pd.DataFrame | list[dict]]) -> list[str]:
    """The kinds of a list's cards that the editors named ('Interviewcitat', 'Kort udsagn', an exchange the report
    prints unnamed as 'Ordveksling'): no card's kind carries a mark of its own, in any medium; the list says it once,
    after its cards (kinds_whose, ADR 70). Reading s24, F2: "Ordveksling (red.)" inline beside a bare
    "Interviewcitat" on one page, a mark on every card in the editions and none in the whole-book PDF."""
    kinds = data.tables["quote_kinds"].set_index("quote_kind_id")
    shown = dict.fromkeys(str(_first(g)["kind"]) for g in groups)
    return [k for k in shown if k in kinds.index and provenance.row_source(data.options, str(kinds.at[k, "label_source"])) == BY_EDITORS]


def _first(group: pd.DataFrame | list[dict]) -> dict:
    return group.iloc[0].to_dict() if isinstance(group, pd.DataFrame) else group[0]


def kinds_whose(data: Dataset, groups: Sequence[pd.DataFrame | list[dict]]) -> provenance.Whose | None:
    """Whose a list's cards' kinds are, once, after its cards, in the words the page, the editions and the whole-book
    PDF all say (provenance.kinds_whose): only the editors' words its own cards carry (reading s24, F7). Where one word
    names an editors' kind and a report's kind in the same list, the editors' is named with its cards' speakers, so
    the one word never reads alike for two owners (ADR 61's reason, without a mark on the card)."""
    editors = kinds_editors(data, groups)
    if not editors:
        return None
    kinds = data.tables["quote_kinds"].set_index("quote_kind_id")
    shown = dict.fromkeys(str(_first(g)["kind"]) for g in groups)
    reports = {str(kinds.at[k, "label"]) for k in shown if k in kinds.index and k not in editors}
    named = []
    for kind in editors:
        label = str(kinds.at[kind, "label"])
        if label in reports:
            rows = [g.to_dict("records") if isinstance(g, pd.DataFrame) else g for g in groups if _first(g)["kind"] == kind]
            speakers = [" og ".join(dict.fromkeys(_role(data, r) for r in group)) for group in rows]
            # Each exchange's speakers on their own, "A og B og ved C og D": "A og B og C og D" read as one exchange of
            # four, once an edition's chapter said its lists' kinds once (ADR 81).
            named.append((label, " og ved ".join(speakers)))
        else:
            named.append((label, ""))
    return provenance.kinds_whose(named, len(groups))


def kinds_note(data: Dataset, groups: Sequence[pd.DataFrame | list[dict]]) -> str:
    """After a list of quote cards: one mark and, folded under it, which of its cards' words are the editors' and why
    ('Kortenes „Interviewcitat“ og „Kort udsagn“ er redaktionens betegnelser, ikke rapportens.'); '' where none is."""
    whose = kinds_whose(data, groups)
    return whose_note(whose) if whose else ""


def quote_count_summary(quotes: pd.DataFrame, options: pd.DataFrame, include_inferred: bool = True, withheld: bool = False) -> str:
    """'9 citater på 8 kort: 4 med en kommune udledt af redaktionen, 5 uden kommune, hverken angivet i rapporten eller
    udledt af redaktionen. 1 af dem er fra litteraturen.' A quote is a row (views.COUNTING_RULE); whose the ties are
    comes from the options (provenance.ties_source): an analyst's inference is the analyst's, not the editors'. With
    the inferred switch off (`include_inferred`) the inferred ones count as untied, and a sentence says where they are;
    in data with them set aside (`withheld`, Dataset.withheld) the untied count says they are not shown."""
    whose = provenance.words(provenance.ties_source(options))
    if quotes.empty:
        return "Ingen citater."
    literature = int((quotes["reference_key"] != "").sum())
    levels = quotes["attribution"].value_counts()
    cards = card_keys(quotes).nunique()
    total = plural(len(quotes), "citat", "citater") + (f" på {plural(cards, 'kort', 'kort')}" if cards != len(quotes) else "")
    # After 'på 6 kort' a bare number reads as cards ('og 6 uden kommune'): each part then says 'citater'.
    counted = number if cards == len(quotes) else (lambda n: plural(n, "citat", "citater"))
    if literature == len(quotes):
        return f"{total} fra litteraturen."
    inferred = int(levels.get("inferred", 0))
    untied = int(levels.get("not stated", 0))  # the literature's among them: no municipality is tied to a cited work
    shown_inferred = inferred if include_inferred else 0
    # Where the inferred ties are set aside, one sentence says how many there are (ADR 33); how to show them is the
    # web page's own sentence (switch_offer), which paper leaves out.
    aside = f" Kommunen er {whose.inferred} ved {counted(inferred)}." if inferred and not include_inferred else ""
    if untied + inferred - shown_inferred == len(quotes):
        total += f", {number(literature)} fra litteraturen" if literature else ""
        return f"{total}; {whose.holder} angiver ikke kommunen ved {'det' if len(quotes) == 1 else 'nogen af dem'}.{aside}"
    parts = []
    if shown_inferred:
        parts.append(f"{counted(shown_inferred)} med en kommune {whose.inferred}")
    stated = len(quotes) - untied - inferred
    if stated:
        parts.append(f"{counted(stated)} med en kommune {whose.stated}")
    rest = untied + inferred - shown_inferred
    cited = ""
    if rest:
        # The set the lists' headings count, in their words (attribution.untied_words): no one's tie, the literature's
        # quotes among them (reader review 5: the summary left them out, and its count fell one short of the heading's).
        parts.append(f"{counted(rest)} {attribution.untied_words(options, include_inferred and inferred > 0, withheld)}")
        if literature:
            # Its own sentence: in brackets after the long wording the count read as one more set (the s17 reading, #6).
            cited = (
                f" {'Det er' if rest == 1 else 'Alle er' if literature == rest else f'{number(literature)} af dem er'} fra litteraturen."
            )
    if len(parts) == 1 and not rest:
        # One set that is every quote: 'alle', not the total again ('3 citater: 3 med …').
        whole = parts[0].split(" med ", 1)[1]
        return f"{total}, {'med' if len(quotes) == 1 else 'alle med'} {whole}.{aside}"
    return f"{total}: {', '.join(parts)}.{cited}{aside}"


def quote_summaries(quotes: pd.DataFrame, options: pd.DataFrame) -> Markup:
    """The list's summary for both positions of the inferred switch (highlight.by_switch), as inline parts."""
    on, off = (esc(quote_count_summary(quotes, options, inferred)) for inferred in (True, False))
    inferred = int((quotes["attribution"] == "inferred").sum())
    return Markup(highlight.by_switch(str(on), str(off) + switch_offer(inferred), tag="span"))


def switch_offer(inferred: int) -> str:
    """How a reader shows the `inferred` ties a view sets aside: a sentence of the web page only (kr-web-only), as
    the printed chapters and editions have no switch."""
    if not inferred:
        return ""
    them = "tilknytningen" if inferred == 1 else "tilknytningerne"
    said = f"Slå „{highlight.SWITCH_LABEL}“ til under „{highlight.SETTINGS}“ for at se {them}."
    return f' <span class="kr-web-only">{esc(said)}</span>'


def quote_list_legend(data: Dataset, ingredient_id: str = "") -> Html:
    """What each card of an ingredient page shows, above its quotes: whose roles, ties and links they are is the
    data folder's (provenance.folder_source), so an analyst's book does not credit the report with them. Each clause
    is said only where a card of the page (the ingredient's quotes; every quote without one) bears it out: a page
    never claims more than its cards do (issue 21, #2; issue 22)."""
    quotes = filters.quotes(data, filters.QuoteFilter(ingredient_id=ingredient_id)) if ingredient_id else data.quotes
    folder = provenance.folder_source(data.options)
    holder = esc(provenance.words(folder).holder)
    rule = book_link(DATA_CHAPTER, "Data og genkørsel", anchor=heading_id(ANONYMITY_HEADING))
    if folder == BY_REPORT:
        # No clause on whose a tie is: a card whose tie is not the report's says so in its own line (docs/adr/0100);
        # the legend said it again over the list (reader28, F1).
        roles, links = "som rapporten skriver den", ""
    else:
        roles, links = f"som {esc(provenance.words(folder).holder)} angiver den", ", og hvem der har knyttet citatet til dem"
    grouped = ""
    if (quotes["shown_role"] != quotes["speaker_role"]).any():
        grouped = f", eller en bredere gruppe af roller, når citatet er knyttet til en kommune (anonymitetsreglen i {rule})"
    unnamed = ""
    if (quotes["shown_role"] == NOT_STATED).any():
        said = dict.fromkeys(
            provenance.unnamed_as(data.options, data.quote_kinds, k) for k in quotes.loc[quotes["shown_role"] == NOT_STATED, "kind"]
        )
        shown = sorted(said, key=lambda s: not s.startswith(provenance.ROLE_WORD))  # 'rolle …' first, a kind's own word after
        unnamed = f"; hvor {holder} ikke nævner taleren, står der {' eller '.join(f'„{s}“' for s in shown)}"
    tie = "hvilken kommune citatet er knyttet til og af hvem, og " if views.any_tied(data) else ""
    return Html(
        f"<p>Hvert kort viser talerens rolle, {roles}{grouped}{unnamed}. "
        f"Kortet viser også {tie}de ingredienser, citatet underbygger{links}.</p>"
    )


def quotes_in_section(data: Dataset, section_id: str) -> Html:
    """A section's quotes. Where the data tie none to a municipality, the page's first list of quotes says why a choice
    marks none of them, with a municipality chosen only, as an ingredient's does (untied_choice_line): on værdiskabelser
    a choice changed nothing a reader could see (reader31, #8c). After the quotes: the page's prose leads into them
    with a colon (»… økonomiske ressourcer«:), and a line between the two broke that sentence from its quote. Not with
    no choice (reader 24, #2: the same sentence on six pages)."""
    quotes = data.quotes[data.quotes["section_id"] == section_id]
    return Html(quote_list(data, quotes).markup + untied_choice_line(data, quotes))


def untied_choice_line(data: Dataset, quotes: pd.DataFrame) -> str:
    """Over a list of quotes, where the data tie none to a municipality (views.any_tied): the line that says why a
    choice marks none of them, filled by the filter with the view's sentence (highlight.untied_for: 'untied', or
    'untied_one' over one card) and shown only with a municipality chosen (reader 25, #1; docs/adr/0079). Only over
    quotes a tie could mark: not over a cited work's or a sign's alone (views.without_tie_line), which no data tie to
    a municipality (baggrund's WHO definition). Once a page, at its first such list (markup.first_on_page;
    docs/adr/0106: a page says it once). '' elsewhere."""
    if views.any_tied(data) or quotes.empty:
        return ""
    markable = quotes[[not views.without_tie_line(data, quote) for quote in quotes.to_dict("records")]]
    if markable.empty or not first_on_page(UNTIED_CHOICE_CSS):
        return ""
    one = " data-kr-one" if card_keys(quotes).nunique() == 1 else ""
    return f'<p class="kr-list-intro {UNTIED_CHOICE_CSS} d-print-none"{one} hidden></p>'


# Where the data tie no quote to a municipality: what the cards then lack, and, said once where a reader meets the
# filter (its panel, browser.browser_data "control"), what a choice then does to them (views.any_tied). The last
# clause is the web's: the editions leave it out, where there is no choice to make (editions.WEB_CLAUSES).
UNTIED_CARDS = "Rapporten nævner ingen kommune ved citaterne, så kortene har ingen kommunelinje"
UNTIED_CHOICE = ", og et valg af kommune markerer ingen af dem"
UNTIED_NOTE = f"{UNTIED_CARDS}{UNTIED_CHOICE}."
# The same fact on a page with no quote card (the overview, the comparison, the front page, a profile): "kortene"
# named cards the page did not show (reader 25 r2, #8). A profile said it in its own words too, in a paragraph the
# same on every profile (no_quote_tied); since reader 27, #2 its panel says it (book/extension.py untied_kind).
UNTIED_QUOTES = "Rapporten nævner ingen kommune ved sine citater"
UNTIED_ELSEWHERE = f"{UNTIED_QUOTES}, så et valg af kommune markerer intet citat."
# The panel's sentence by what the page holds, the kind its <html> names (data-kr-untied): quote cards, or none.
UNTIED_KINDS = {"kort": UNTIED_NOTE, "andet": UNTIED_ELSEWHERE}
QUOTE_CARD = '<article class="kr-card kr-quote"'
# A page that says it in its own words, where the reader looks for the quotes (reader 29, F3: two or three times on
# one page): an ingredient's line at its quotes (UNTIED_CHOICE_CSS), the front page's note in its quote count's tile
# (QUOTES_UNTIED_CSS, ADR 97). Its panel then says nothing of it (untied_kind "selv", docs/adr/0106).
UNTIED_CHOICE_CSS = "kr-untied-choice"
QUOTES_UNTIED_CSS = "kr-quotes-untied"
SAYS_UNTIED_ITSELF = (f'class="kr-list-intro {UNTIED_CHOICE_CSS}', f'class="{QUOTES_UNTIED_CSS}')


def untied_said(data: Dataset, said: str = UNTIED_NOTE) -> str:
    """`said` (UNTIED_NOTE) in a folder that ties no quote, its holder the folder's (an analyst's folder is the analyst's,
    not the report's: provenance.folder_words); '' where some quote is tied (then each card says whose its tie is)."""
    if views.any_tied(data):
        return ""
    if provenance.folder_source(data.options) != BY_REPORT:
        said = said.replace("Rapporten nævner", f"{provenance.folder_words(data.options).subject} nævner", 1)
    return said


def untied_by_page(data: Dataset) -> dict[str, str]:
    """The filter panel's sentence on the untied quotes for each kind of page (UNTIED_KINDS), in the folder's holder's
    words (untied_said); none where some quote is tied."""
    return {kind: said for kind, note in UNTIED_KINDS.items() if (said := untied_said(data, note))}


def untied_kind(html: str) -> str:
    """Which of the panel's sentences on the untied quotes fits a built page (untied_by_page): none ('selv') where the
    page says it itself (SAYS_UNTIED_ITSELF), 'kort' where it shows quote cards, else 'andet'."""
    if any(said in html for said in SAYS_UNTIED_ITSELF):
        return "selv"
    return "kort" if QUOTE_CARD in html else "andet"


def star_moments(data: Dataset, section_id: str = "stjernestunder") -> Html:
    """The star moments of a section under a sentence that says how many there are and, in the report's own folder,
    that they are the report's selection ('tre af disse stjernestunder'); in another folder the holder is the folder's
    (provenance.folder_words), so an analyst's book does not credit the report with its choice."""
    quotes = data.quotes[data.quotes["section_id"] == section_id]
    count = int(card_keys(quotes[quotes["kind"] == "stjernestund"]).nunique())
    told = "stjernestund" if count == 1 else "stjernestunder"
    if provenance.folder_source(data.options) == BY_REPORT:
        each = "fortalt" if count == 1 else "hver fortalt"
        said = f"Rapporten gengiver et udvalg: {count_word(count)} af stjernestunderne, {each} af en deltager i aktionslæringsforløbet."
    else:
        said = f"{provenance.folder_words(data.options).subject} gengiver {count_word(count)} {told} her."
    return Html(f'<p class="kr-list-intro">{esc(said)}</p>' + quotes_in_section(data, section_id).markup)


def quotes_for_ingredient(data: Dataset, ingredient_id: str) -> Html:
    """The ingredient's quotes, under a sentence that says in which order they stand (one for each kind of view, the
    filter shows the one that is true: order_said) and whose each tie is (the one quote tally's counts): the report is
    said to use only the quotes it ties to the ingredient itself."""
    intro = ingredient_intro(data, ingredient_id)
    views_said = order_said(data)
    order = "".join(
        f'<span data-kr-chosen="{chosen}"{"" if chosen == "false" else " hidden"}>{esc(said)}</span> '
        for chosen, said in views_said.items()
    )
    if len(set(views_said.values())) == 1:  # one order in every view: one sentence, nothing for the filter to switch
        order = f"{esc(views_said['false'])} "
    quotes = filters.quotes(data, filters.QuoteFilter(ingredient_id=ingredient_id))
    return Html(
        f'{untied_choice_line(data, quotes)}<p class="kr-list-intro">{order if intro != NO_QUOTES else ""}{esc(intro)}</p>'
        + quote_list(data, quotes).markup
    )


def order_said(data: Dataset) -> dict[str, str]:
    """In which order an ingredient's quotes stand, without a municipality chosen ("false") and with one ("true":
    highlight.list_view's groups, the chosen municipality's, then those tied to none, then the other
    municipalities', each in the data folder's order: 'rapportens', 'analytikerens'). kr-filter.js shows the one for
    the view (data-kr-chosen). Where the data tie no quote, both say the one order: no quote is the chosen one's."""
    order = provenance.order(data.options)
    if not views.any_tied(data):  # no quote is the chosen municipality's: a choice does not move them (ADR 33)
        return dict.fromkeys(("false", "true"), f"Citaterne står i {order}.")
    return {
        "false": f"Citaterne står i {order}.",
        "true": f"De citater, der er knyttet til den valgte kommune, står først, så de øvrige under hver sin overskrift, "
        f"hver gruppe i {order}.",
    }


NO_QUOTES = "Ingen citater underbygger ingrediensen."


def ingredient_intro(data: Dataset, ingredient_id: str) -> str:
    """'Bogen tæller 4 citater, som rapporten selv knytter til ingrediensen; redaktionen knytter 1 citat til den (…).'
    The ties are the data folder's: an analyst's book never says 'rapportens egen'. In which order the quotes stand is order_said's."""
    counts = statistics.quote_tally(data).by_ingredient_source[ingredient_id]
    if not counts:
        return NO_QUOTES
    said = provenance.ingredient_ties(counts, "ingrediensen")
    # That a card says whose a tie not the report's is, the legend above says once (quote_list_legend; reader 27, #1).
    return said + on_cards(data, ingredient_id)


def on_cards(data: Dataset, ingredient_id: str) -> str:
    """Where an ingredient's quotes stand on fewer cards than they count (an exchange's turns share one card), how
    many cards they fill and why: 'Rapporten bruger 8 citater' stood over 6 cards with no word on it (issue 22)."""
    quotes = data.quotes[data.quotes["ingredient_ids"].map(lambda ids: ingredient_id in ids)]
    shown = int(card_keys(quotes).nunique())
    if shown == len(quotes):
        return ""
    return (
        f" De {number(len(quotes))} citater står på {number(shown)} kort, for en ordveksling står samlet på ét kort, "
        f"og {views.REPLIK_IS_A_QUOTE}."
    )


NO_QUOTE_TIED_CSS = "kr-no-quote-tied"


def no_quote_tied(data: Dataset) -> Html:
    """In place of a municipality's quotes in its edition, where the data tie no quote to any
    municipality (views.any_tied): one sentence that says so and where the quotes are: how many on the ingredient pages,
    and in which sections the rest stand, for not every quote supports an ingredient (reading26r2 #5)."""
    pages = [book_link(f"ingredienser/{row.ingredient_id}", esc(row.name)) for row in data.ingredients.sort_values("number").itertuples()]
    holder = provenance.folder_words(data.options).subject if provenance.folder_source(data.options) != BY_REPORT else "Rapporten"
    tally = statistics.quote_tally(data)
    where = esc(provenance.in_sections(data.options, [f"»{title}«" for title in tally.without_sections]))
    if not tally.without:
        stand = f"Citaterne står på ingrediensernes sider: {listing(pages)}."
    elif not tally.with_ingredient:
        stand = f"Citaterne står i {where}."
    else:
        stand = (
            f"{number(tally.with_ingredient)} af de {number(tally.total)} citater står på ingrediensernes sider: "
            f"{listing(pages)}; de øvrige {number(tally.without)} står i {where}."
        )
    return Html(
        f'<p class="kr-list-intro {NO_QUOTE_TIED_CSS}">{esc(holder)} knytter intet citat til en kommune, så ingen kommune har '
        f"sine egne citater. {stand}</p>"
    )


def quotes_for_municipality(data: Dataset, kommunekode: str) -> Html:
    """The municipality's quotes on its profile. Its inferred ties stand apart, shown only with the switch on (ADR 33):
    with it off the intro says how many there are and how to show them, and the section is never empty of words."""
    selected = filters.quotes(data, filters.QuoteFilter(kommunekode=kommunekode))
    source, stated_anywhere = attribution.source(data.options), bool(statistics.quote_tally(data).stated)
    inferred = selected["attribution"] == "inferred"

    def intro(said: str, when: str = "", web_only: str = "") -> str:
        switched = f' data-kr-inferred="{when}"' + (" hidden" if (when == "on") != views.INFERRED_BY_DEFAULT else "") if when else ""
        offer = f' <span class="kr-web-only">{esc(web_only)}</span>' if web_only else ""
        return f'<p class="kr-list-intro"{switched}>{esc(said)}{offer}</p>'

    if not inferred.any():
        return Html(intro(attribution_intro(selected, source, stated_anywhere)) + quote_list(data, selected, arranged=False).markup)
    kept = selected[~inferred]
    withheld = attribution.withheld_note(data.options, int(inferred.sum()))
    offer = attribution.withheld_offer(int(inferred.sum()), highlight.SWITCH_LABEL, highlight.SETTINGS)
    # The untied rest, without "no tie is inferred" (attribution.none_tied): the next sentence counts the inferred ones.
    scope = "kommunen" if stated_anywhere else "nogen kommune"
    off = (
        attribution_intro(kept, source, stated_anywhere)
        if len(kept)
        else f"{provenance.words(source).subject} knytter ingen citater til {scope}."
    )
    markup = intro(attribution_intro(selected, source, stated_anywhere), "on") + intro(f"{off} {withheld}", "off", offer)
    if len(kept):
        markup += quote_list(data, kept, arranged=False).markup
    hidden = "" if views.INFERRED_BY_DEFAULT else " hidden"
    return Html(f'{markup}<div data-kr-inferred="on"{hidden}>{quote_list(data, selected[inferred], arranged=False).markup}</div>')


def attribution_intro(quotes: pd.DataFrame, source: str = BY_REPORT, stated_anywhere: bool = False, withheld: bool = False) -> str:
    """How the quotes came to be tied to the municipality, in words (rules/attribution.py)."""
    return attribution.intro(quotes, source, stated_anywhere, withheld)


def _vocabulary_labels(data: Dataset, table: str, key: str, ids: tuple[str, ...], column: str = "label") -> str:
    return ", ".join(_label(data, table, key, i, column) for i in ids) or "ikke angivet"


# The sentence of an initiative's description that gives its purpose: 'Formålet var at sætte fokus på …'.
# The purpose as the description gives it; inside the report's »…« the words stay marked as the report's (reading 25,
# finding 4: "som kun oplyser formålet: at sætte fokus på …" stood unmarked a line below the card that marked them).
_PURPOSE = re.compile(r"(»?)Formålet (?:var|er) (at [^.«]+)\.")


def purpose_note(purpose: str = "") -> str:
    """What follows a missing target group where the description gives only the purpose, in one wording on cards, in
    the PDFs and in the comparison: '(kun formålet er oplyst: »at sætte fokus på …«)', or, on a card whose description
    stands above, '(kun formålet er oplyst, se ovenfor)'. The absence itself is the downloads' value ('ikke angivet i
    rapporten'); the page said „rapporten nævner kun formålet“ and the PDFs „som kun oplyser formålet“ (reading27, #5)."""
    return f"(kun formålet er oplyst{f': {purpose}' if purpose else ', se ovenfor'})"


def purpose_instead_of_groups(data: Dataset, row) -> str:
    """What stands for an initiative's target groups where it names none but its description gives its purpose: 'ikke
    angivet i rapporten (kun formålet er oplyst: at sætte fokus på …)'; '' otherwise. Gang i gården's purpose names
    seniors, and a bare 'ikke angivet' read as if no one was meant (ADR 44, addendum). The folder's words, so an
    analyst's book does not credit the report."""
    purpose = purpose_of(row)
    return f"{provenance.folder_words(data.options).not_stated} {purpose_note(purpose)}" if purpose else ""


def purpose_of(row) -> str:
    """The purpose an initiative's description gives where it names no target group, in »…« where the description
    quotes the report ('»at sætte fokus på …«'); '' where it names a group or gives no purpose."""
    found = _PURPOSE.search(str(row.description))
    if row.target_group_ids or not found:
        return ""
    return f"»{found.group(2)}«" if found.group(1) else found.group(2)


def purposes_instead_of_groups(data: Dataset, initiatives: pd.DataFrame) -> list[str]:
    """purpose_instead_of_groups for each of these initiatives that has one, as a sentence of its own that names it:
    'For Gang i gården er målgruppen ikke angivet i rapporten (kun formålet er oplyst: at …).'"""
    return [
        f"For {row.title} er målgruppen {said}."
        for row in initiatives.sort_values("position").itertuples()
        if (said := purpose_instead_of_groups(data, row))
    ]


def no_groups_at_all(data: Dataset, initiatives: pd.DataFrame) -> list[str]:
    """Where none of a municipality's initiatives names a target group: that said of them all, once, in the cards'
    words ('Ikke angivet i rapporten for nogen af kommunens 3 indsatser'), then each purpose given instead ('Gang i
    gården (kun formålet er oplyst: »…«)'), as list items without a full stop: the PDF joins them with „; “. Reading
    28, #5: the comparison spoke of Gang i gården only, while none of Køge's three cards has a target group."""
    counted = statistics.count_initiatives(initiatives)
    what = "kommunens eneste indsats" if counted == 1 else f"nogen af kommunens {number(counted)} indsatser"
    absent = provenance.folder_words(data.options).not_stated
    purposes = [
        f"{title_in_text(data, row)} {purpose_note(purpose)}"
        for row in initiatives.sort_values("position").itertuples()
        if (purpose := purpose_of(row))
    ]
    return [f"{absent[0].upper()}{absent[1:]} for {what}", *purposes]


# An initiative's words for what it does, for whom and where: the editors' terms for the report's running text.
VOCABULARIES = (
    ("Målgrupper", "target_group_ids", "target_groups", "target_group_id"),
    ("Kunstformer og aktiviteter", "art_form_ids", "art_forms", "art_form_id"),
    ("Steder", "setting_ids", "settings", "setting_id"),
)


def whose_terms(data: Dataset, *lifted: str, titled: bool = False, rows: pd.DataFrame | None = None) -> str:
    """Once above a list or a side-by-side view of initiatives: whose their kinds, target groups, art forms and
    settings are, the `lifted` values (organisations, status) where every card's is of one source, and, where a card's
    title carries the editors' short mark (`titled`), what the mark means; with the cards' `rows`, the rule for their
    statuses where a card shows one (with_statuses_rule)."""
    whose = whose_terms_parts(data, *lifted)
    return whose_note(whose if rows is None else with_statuses_rule(data, whose, rows), also=_title_key(data, titled))


def with_statuses_rule(data: Dataset, whose: provenance.Whose, rows: pd.DataFrame) -> provenance.Whose:
    """A block's note with the rule of the statuses (the status's reason, schema.STATUS_RULE) after the editors'
    reasons where a card of `rows` shows one, as its mark on the card is not said in the block's line (KEPT_MARKS). Why a
    card shows none the sentence before the cards says (provenance.no_status_line) where no card shows one; where others
    do, the card says „ikke angivet i rapporten“ and this rule why, once (reading 30, #8: the box said it twice; ADR 112)."""
    if not any(status_read(data, r) for r in table_rows(rows)) or provenance.value_source(data.options, "initiatives.status") != BY_EDITORS:
        return whose
    status = provenance.reason("initiatives.status")
    return provenance.Whose(whose.editors, " ".join(filter(None, (whose.reasons, "" if status in whose.reasons else status))), whose.others)


def whose_terms_text(data: Dataset, titled: bool = False, *lifted: str, rows: pd.DataFrame | None = None) -> tuple[str, str]:
    """whose_terms in words for a PDF edition of these initiatives (`rows`), `lifted` as there, in two parts: the line
    before its initiatives (whose they are and what a title's '(red.)' means) and the editors' reasons after them, with
    the rule of the cards' statuses as on the page (with_statuses_rule). Egedal's edition opened its initiatives with a
    14-line note before the first one (issue 22)."""
    whose = initiatives_whose(data, *lifted, rows=rows)
    whose = whose if rows is None else with_statuses_rule(data, whose, rows)
    # A printed title carries the short mark (title_in_text): the edition's chapter key says what it means
    # (editions.initiative_key) and »Om kilderne« why, with the other reasons (ADR 81).
    why = f"„{provenance.owner_mark(provenance.EDITORS_SHORT)}“ {provenance.TITLE_KEY}: {provenance.title_reason()}."
    return whose.line, " ".join(filter(None, (whose.about, why if _title_key(data, titled) else "")))


def _title_key(data: Dataset, titled: bool) -> str:
    return provenance.short_key(data.options, TITLE_VALUE) if titled else ""


def whose_terms_parts(data: Dataset, *lifted: str, told: dict[str, str] | None = None) -> provenance.Whose:
    values = ("initiatives.kind", *(f"initiatives.{column}" for _, column, _, _ in VOCABULARIES), *lifted)
    return provenance.whose_parts(data.options, *values, told=told)


# An initiative at which the editors' rule gathers no organisation (schema.ORGANISATION_RULE).


def organisation_names(data: Dataset, ids: tuple[str, ...]) -> tuple[str, Parts]:
    """Organisations' names, each marked where the editors changed the report's spelling or named one the report gives
    no name ('foreningen af mænd bag genbrugsværkstedet (red.)', with the short mark of an editors' title in every
    medium, ADR 81), in the words a municipality's is (provenance.name_mark): an official name where the row says so
    (organisations.name_official), else a repair: 'Aarhus Billed- og medieskole (redaktionens rettelse; rapporten staver
    det »…«)'.
    As one text (a PDF, a download) and as parts, so a card sets each mark apart in light type (.kr-by)."""
    text, parts, pending = [], [], ""
    for organisation_id in ids:
        name = _label(data, "organisations", "organisation_id", organisation_id, "name")
        in_report = _label(data, "organisations", "organisation_id", organisation_id, "name_in_report")
        official = _label(data, "organisations", "organisation_id", organisation_id, "name_official") == YES
        spelling = provenance.name_mark(data.options, name, in_report or name, official=official)
        mark = provenance.owner_mark(spelling) if spelling else ""
        if not in_report and provenance.value_source(data.options, TITLE_VALUE) == BY_EDITORS:
            # The report gives it no name (name_in_report empty): the name is the editors', marked as their titles are.
            mark = provenance.page_mark(provenance.value_label(data.options, TITLE_VALUE))
        text.append(f"{name} {mark}" if mark else name)
        pending += (", " if len(text) > 1 else "") + name
        if mark:
            parts.append((pending, mark))
            pending = ""
    if pending or not parts:
        parts.append((pending or NOT_STATED, ""))
    return ", ".join(text) or NOT_STATED, tuple(parts)


def initiative_facts(data: Dataset, row, said_before: bool = False) -> list[tuple[str, str]]:
    """An initiative's facts as (label, value), the same on its card and in the PDF edition. No field stands where the
    editors found nothing to give: no organisations where their rule gathers none (reader 24, #3: "Organisationer nævnt
    ved indsatsen: ingen enkelt organisation" stood in the PDF, not on the page; reader 26, #9). Where the editors read
    no status, the status says „ikke angivet i rapporten“ (_status), unless the card's list says why once before its
    cards (`said_before`, statuses_said; ADR 87, 109, 112)."""
    organisations, parts = organisation_names(data, row.organisation_ids)
    by_report = provenance.folder_source(data.options) == BY_REPORT
    status = _status(data, row, said_before)
    whole = for_the_whole(data, row)
    return [
        *(
            (
                label,
                (column == "target_group_ids" and purpose_instead_of_groups(data, row))
                or (column in whole and whole[column])
                or _vocabulary_labels(data, table, key, getattr(row, column)),
            )
            for label, column, table, key in VOCABULARIES
        ),
        # Not 'ikke angivet' where none is gathered: the report may name organisations only together in the plural ('de
        # lokale foreninger'), which the editors' rule leaves out (schema.ORGANISATION_RULE); the field is left out.
        *(
            [
                (
                    "Organisationer nævnt ved indsatsen",
                    Sourced(whole["organisation_ids"], provenance.value_label(data.options, "initiatives.organisation_ids"))
                    if "organisation_ids" in whole
                    else sourced(data, "initiatives.organisation_ids", row.organisation_ids, organisations, parts),
                )
            ]
            if row.organisation_ids or "organisation_ids" in whole or not by_report
            else []
        ),
        *([("Status", status)] if status else []),
    ]


def for_the_whole(data: Dataset, row) -> dict[str, str]:
    """{column: what a part's card says in its place} for the places and organisations a part of an initiative leaves
    empty while the whole it is part of has them (schema.PART_BLANKS): the source gives them for the whole only, and the
    card says so in place of a split it does not make, or an 'ikke angivet' that is not true (brief facts32, #3:
    Rudersdal's two components each carried the places the report, l.209-210, gives for both together)."""
    part_of = getattr(row, "part_of", "")
    if not part_of:
        return {}
    whole = data.initiatives.loc[data.initiatives["initiative_id"] == part_of]
    if whole.empty:
        return {}
    return {
        column: said for value, said in PART_BLANKS.items() if not getattr(row, column := value.partition(".")[2]) and whole.iloc[0][column]
    }


def status_read(data: Dataset, row) -> bool:
    """Whether the initiative has a status to show: one the editors read, or any an analyst's folder gives (its
    'ikke angivet' a card says with its other unstated facts)."""
    label = _label(data, "statuses", "status_id", row.status)
    return label != NOT_STATED or provenance.value_source(data.options, "initiatives.status") != BY_EDITORS


def _status(data: Dataset, row, said_before: bool) -> str:
    """An initiative's status with whose it is, on a page, in a PDF and on a comparison's drill card alike; where the
    editors read none (status_read), the one short form of what the report does not say, „ikke angivet i rapporten“
    (provenance.no_status, as the downloads' cell) with the status's mark, or '' where its list said why once before
    its cards (statuses_said). Køge's second card and Egedal's klippekort and foreningsdage stood bare beside cards
    with a status (reading 30, #1), then each carried a 20-word sentence why (ADR 109) that a phone reader waded
    through on every such card (reader31, #1); why stands once, in the status rule under the list's „Hvorfor?“ (ADR 112)."""
    if not status_read(data, row):
        return "" if said_before else Sourced(provenance.no_status(data.options), provenance.NO_STATUS_GIVEN)
    return sourced(data, "initiatives.status", row.status, _label(data, "statuses", "status_id", row.status))


def statuses_said(data: Dataset, rows: pd.DataFrame) -> str:
    """Once for a list of these initiatives' cards, why none of them shows a status, with the editors' mark
    (provenance.statuses_said): a Sourced that a page sets with its short mark and a PDF prints in full words;
    '' where a card shows one (each card without says it, initiative_facts) or there is nothing to say."""
    read = sum(status_read(data, r) for r in table_rows(rows))
    said, owner = provenance.statuses_said(data.options, read, len(rows) - read)
    return Sourced(said, owner) if said else ""


def statuses_said_markup(data: Dataset, rows: pd.DataFrame, web_only: bool = False) -> str:
    """statuses_said as a page's paragraph, the mark in light type as on a card; '' where there is nothing to say.
    `web_only` where the cards it speaks of are the screen's alone (the comparison's drill panels): paper leaves it out."""
    said = statuses_said(data, rows)
    css = "kr-statuses-said kr-web-only" if web_only else "kr-statuses-said"
    return f'<p class="{css}">{sourced_markup(said)}</p>' if said else ""


def initiative_title(data: Dataset, row) -> str:
    """An initiative's title, with whose title it is where the report gives the initiative no name: 'Flytbar
    ordrulle, der også er en bænk (redaktionens titel)'; the same on cards, tables, side by side and in the PDFs."""
    if row.title_basis != "inferred":
        return str(row.title)
    # Whose it is in full words, as a PDF prints it; a web card sets it as the short mark, its kind in the title (ADR 55).
    return Sourced(str(row.title), provenance.value_label(data.options, TITLE_VALUE))


def title_in_text(data: Dataset, row) -> str:
    """An initiative's title as a sentence or a printed page names it: an editors' title with the short mark a card
    gives it, 'Flytbar ordrulle, der også er en bænk (red.)', never '(redaktionens titel)' in running text (ADR 81:
    "… bænk (redaktionens titel)) er ingen målgrupper" nested brackets, reader 25 r2, #3). The page's key and an
    edition's chapter key say what the mark means (provenance.short_key); the download's basis column names the same
    words ('redaktionens titel')."""
    title = initiative_title(data, row)
    return provenance.page_marked(title.value, title.mark) if isinstance(title, Sourced) else title


# The value an initiative's title's mark names (schema.EDITORIAL_VALUES).
TITLE_VALUE = "initiatives.title_basis"


def titled(data: Dataset, initiatives: pd.DataFrame) -> bool:
    """Whether any of these initiatives' titles carries the editors' short mark, so the block must say what it means."""
    return bool((initiatives["title_basis"] == "inferred").any()) and bool(provenance.short_key(data.options, TITLE_VALUE))


# A value's text in pieces, each with the mark that follows it in light type ("" for none): organisation_names.
Parts = tuple[tuple[str, str], ...]


class Sourced(str):
    """A value and whose it is, as one text ('Gennemført (redaktionens læsning)') wherever text goes (a PDF, a
    download, a long list's JSON row), and in two parts for a card, which sets the source in light type (.kr-by)."""

    value: str
    mark: str
    parts: Parts  # the value as a card sets it, where it holds marks of its own: (text, its mark or "")

    def __new__(cls, value: str, mark: str, parts: Parts = ()) -> Sourced:
        # No mark of its own where its block says whose it is once (lift_marks): its pieces may still carry theirs.
        text = provenance.marked(value, mark) if mark else "".join(f"{t} {m}" if m else t for t, m in parts or ((value, ""),))
        sourced = super().__new__(cls, text)
        sourced.value, sourced.mark, sourced.parts = value, mark, parts or ((value, ""),)
        return sourced

    def __reduce__(self) -> tuple[type[Sourced], tuple[str, str, Parts]]:
        """A copy or an unpickled value is made from its parts, not from the joined text alone."""
        return Sourced, (self.value, self.mark, self.parts)

    @property
    def owner(self) -> str:
        """The mark as a web card sets it apart: '(red.)' for the editors' (the page's key says it once,
        provenance.page_mark), another source's full label; '' where its block says it (lift_marks)."""
        return provenance.page_mark(self.mark) if self.mark else ""


def sourced_markup(value: str) -> str:
    """A value in a page's own markup as a card sets it, by the card macro's `sourced` itself: whose it is in light
    type (.kr-by) beside it, so the value is what the eye meets; any other text escaped as it is."""
    return str(macro("cards.html.j2", "sourced", value, {"template": False}))


def sourced(data: Dataset, value: str, raw, shown: str, parts: Parts = ()) -> str:
    """A shown value with its source where the report does not state it: 'Gennemført (redaktionens læsning)'.
    A value that is 'ikke angivet' needs no source. `parts`: the value in pieces where it holds marks of its own."""
    if not raw or raw == NOT_STATED or shown == NOT_STATED:
        return shown
    if provenance.value_source(data.options, value) == BY_REPORT or provenance.is_retelling(data.options, value):
        return shown
    return Sourced(shown, provenance.value_label(data.options, value), parts)


# The fields of an initiative's card that may carry a mark, each with the value (schema.EDITORIAL_VALUES) whose
# source the mark names: its title, and its facts by their labels.
INITIATIVE_MARKED = {
    "title": "initiatives.title_basis",
    "Organisationer nævnt ved indsatsen": "initiatives.organisation_ids",
    "Status": "initiatives.status",
}
INITIATIVE_MARKED_VALUES = tuple(INITIATIVE_MARKED.values())
# The fields whose mark stays on every card, not said once for the block (lift_marks): a status is the editors' reading
# of one card's initiative, and its mark on the value said it in less space than the sentence before Køge's cards
# (reader28, F1; docs/adr/0100).
KEPT_MARKS = ("Status",)


def initiative_card(data: Dataset, row: pd.Series, said_before: bool = False) -> dict:
    """The facts of an initiative's card for the fact card macro, as a web page shows it. Only a title the editors gave
    carries a mark, '(red.)' after it: a name the report gives ('Gang i gården', 'Rødder') is the report's and stands
    bare. Its kind, target groups, art forms, places, organisations and description are the editors' on every
    card, so their block says it once, at its end (initiative_list, whose_reasons), not a mark on each card's label
    line, which read alike for the report's names and the editors' titles (issue 22, marks22). An organisation's
    spelling keeps its note beside its name, and a status its mark (KEPT_MARKS, docs/adr/0100). The printed editions
    keep each value's full words (docs/adr/0038)."""
    kind = _label(data, "initiative_kinds", "initiative_kind_id", row.kind)
    return {
        "template": False,
        "css": "kr-initiative",
        "id": f"indsats-{row.initiative_id}",
        "kommune": row.kommunekode,
        "kicker_first": True,
        "kicker": f"{filters.municipality_name(data, row.kommunekode)} · {kind}",
        "title": initiative_title(data, row),
        "href": None,
        "text": row.description,
        "facts": (facts := card_facts(data, row, said_before)),
        **unstated_facts(data, facts, purpose_only=bool(purpose_instead_of_groups(data, row))),
        "section": row.section_id,
        "sections": _sections(data, [row.section_id]),
    }


def card_facts(data: Dataset, row, said_before: bool = False) -> list[tuple[str, str]]:
    """An initiative's facts as its web card shows them: initiative_facts without their marks (the block says them once)
    but the status's (KEPT_MARKS), a missing target group said as every other missing fact is, in the card's one line
    (unstated_facts), not as a field with the purpose its description already gives."""
    shown = []
    for label, value in initiative_facts(data, row, said_before):
        if label == VOCABULARIES[0][0] and not row.target_group_ids:
            value = NOT_STATED
        shown.append((label, value if label in KEPT_MARKS else unmarked(value)))
    return shown


def unstated_facts(data: Dataset, facts: Sequence[tuple[str, object]], purpose_only: bool = False) -> dict:
    """The facts of a card the report does not state, said once: 'Ikke angivet i rapporten: målgrupper, kunstformer
    og aktiviteter.' in place of a row of 'ikke angivet' each, which made Køge's cards read like a database form
    (issue 22). The folder's words (provenance.folder_words), so an analyst's book does not name the report. Where the
    description gives only the purpose (`purpose_only`), the target groups say so: Gang i gården's purpose names
    »særligt seniorer«, and a bare 'målgrupper' read as if no one was meant (reader 26, #2)."""
    labels = [label for label, value in facts if isinstance(value, str) and value == NOT_STATED]
    if not labels:
        return {}
    words = provenance.folder_words(data.options)
    named = [f"{label.lower()} {purpose_note()}" if purpose_only and label == VOCABULARIES[0][0] else label.lower() for label in labels]
    said = words.not_stated
    return {"unstated": labels, "unstated_line": f"{said[0].upper()}{said[1:]}: {', '.join(named)}."}


def initiative_list(data: Dataset, kommunekode: str = filters.ALL) -> Html:
    """All initiatives, arranged by the filter; or one municipality's (its profile page), as they are. Whose their
    values are is said once, at the block's end (whose_reasons): one mark for the block, none on the cards but each
    editors' title's, which every title the editors gave carries after it on every page, as in the PDFs (ADR 61)."""
    rows = filters.initiatives(data, kommunekode).sort_values(["kommunekode", "position"], key=_report_order(data))
    said_before = bool(statuses_said(data, rows))
    contexts = [initiative_card(data, r, said_before) for _, r in rows.iterrows()]
    items = [views.Item(code, "stated") for code in rows["kommunekode"]]
    summary = f"{statistics.initiative_count(rows)}."
    arranged = kommunekode == filters.ALL
    # What their statuses are, once, before the cards, as in the PDF editions (ADR 87); the reasons follow the cards, so
    # the first initiative comes first (issue 22).
    return Html(
        statuses_said_markup(data, rows)
        + str(fact_list(data, items, views.INITIATIVE, contexts, css="kr-initiative-list", summary=summary, arranged=arranged))
        + whose_reasons(data, rows)
    )


def whose_reasons(data: Dataset, rows: pd.DataFrame) -> str:
    """After a block of initiative cards, whose their values are, once: the editors' short mark in view and, folded
    under it, what they did (their kinds, terms, gathering, reading and retelling) and why; where a card's title is the
    editors', what a title's '(red.)' means. Nothing where the block is empty."""
    if rows.empty:
        return ""
    whose = with_statuses_rule(data, initiatives_whose(data, *block_lifted(data, rows), rows=rows), rows)
    return whose_note(whose, also=_title_key(data, bool((rows["title_basis"] == "inferred").any())))


def block_lifted(data: Dataset, rows: pd.DataFrame) -> list[str]:
    """The values (schema.EDITORIAL_VALUES) whose marks a block of these initiatives says once, by lift_marks, on the
    page and in every PDF alike: Høje-Taastrup's one initiative has no status ('ikke angivet'), so its page said the
    editors' 'læsning' of a status its PDF rightly left out (reading s24)."""
    said_before = bool(statuses_said(data, rows))
    contexts = [{"title": initiative_title(data, r), "facts": initiative_facts(data, r, said_before)} for r in table_rows(rows)]
    return [INITIATIVE_MARKED[field] for field in lift_marks(contexts)[1]]


def municipality_of(data: Dataset, rows: pd.DataFrame) -> str:
    """The name of the municipality whose initiatives `rows` are, or '' where they are several municipalities'."""
    names = data.municipalities.loc[data.municipalities["kommunekode"].isin(set(rows["kommunekode"])), "name"]
    return str(names.iloc[0]) if len(names) == 1 else ""


def initiatives_whose(data: Dataset, *lifted: str, rows: pd.DataFrame | None = None) -> provenance.Whose:
    """Whose a block of initiative cards is, in the one wording the page's note and the editions' line both say
    (reading s24, F6: 'Redaktionens inddeling, betegnelser, samling, læsning og ord' on the page, '… samling og
    læsning' in the PDFs): their kinds and terms, the `lifted` values, and the descriptions, the editors' retelling
    (kilder.csv: 'redaktionens ord'). Of these initiatives (`rows`), the reason for their organisations says only what
    holds for those they name (provenance.organisations_reason)."""
    ids = [] if rows is None else [i for ids in rows["organisation_ids"] for i in ids]
    told = None if rows is None else provenance.organisations_reason(data.organisations, ids, municipality_of(data, rows))
    whose = whose_terms_parts(data, *lifted, told=told)
    if whose.editors and provenance.folder_source(data.options) == BY_REPORT:
        # The descriptions are the editors' retelling, which the page's rule says once (ADR 70): not named here.
        said = provenance.values_label(data.options, "initiatives.kind", *(f"initiatives.{c}" for _, c, _, _ in VOCABULARIES), *lifted)
        whose = provenance.Whose(f"{said[0].upper()}{said[1:]}, ikke rapportens", whose.reasons, whose.others)
    return whose


def block_mark(values: Iterable) -> str:
    """The mark every value of one field of a block shares, or '' where there is none to say once: a value the
    report gives (a plain text) beside a marked one, or two marks, mix sources, and each keeps its own. A value that
    is 'ikke angivet' is no one's and counts for neither."""
    marks = {value.mark if isinstance(value, Sourced) else "" for value in values if str(value) != NOT_STATED}
    return marks.pop() if len(marks) == 1 else ""


def unmarked(value: str) -> str:
    """A value without the mark its block says once: its text, with any marks its own pieces carry (an organisation's
    spelling) still beside them."""
    if not isinstance(value, Sourced):
        return value
    return Sourced(value.value, "", value.parts) if any(mark for _, mark in value.parts) else value.value


def lift_marks(contexts: list[dict]) -> tuple[list[dict], list[str]]:
    """The cards of a block with each field's mark taken off where every card's value of that field has the same
    source (block_mark), and those fields (INITIATIVE_MARKED's keys); the block then says whose they are once."""
    if not contexts:
        return contexts, []
    facts = [dict(c["facts"]) for c in contexts]
    # A title keeps its short mark on its card (ADR 32): a card copied alone would lose whose title it is.
    fields = [f for f in INITIATIVE_MARKED if f not in KEPT_MARKS and any(f in card for card in facts)]

    def values(field: str) -> list[str]:
        # A card that shows no such field (ADR 72: no organisations where it gathers none) counts for no mark.
        return [c["title"] for c in contexts] if field == "title" else [card[field] for card in facts if field in card]

    lifted = [f for f in fields if block_mark(values(f))]
    return [
        {
            **c,
            "title": unmarked(c["title"]) if "title" in lifted else c["title"],
            "facts": [(label, unmarked(value) if label in lifted else value) for label, value in c["facts"]],
        }
        for c in contexts
    ], lifted


def fact_cards(contexts: list[dict]) -> list[str]:
    return [str(macro("cards.html.j2", "fact_card", c)) for c in contexts]


def fact_list(data: Dataset, items: list[views.Item], noun: views.Noun, contexts: list[dict], **section) -> Markup:
    """A list of fact cards (arranged unless `arranged=False`): its first page as HTML and, in a long list, the rest
    as JSON rows."""
    shown = views.first_page(len(contexts))
    rest = fact_rows(data, contexts[shown:]) if shown < len(contexts) else Markup("")
    return highlight.arranged_list(data, items, noun, fact_cards(contexts[:shown]), rest=rest, **section)


def fact_rows(data: Dataset, contexts: list[dict]) -> Markup:
    """The fact cards past a long list's first page: the macro once as a <template> and one JSON row per card,
    its fields by name (fact0, fact1, ... in the order of every label any card of the list shows: a card may show
    fewer, as one with no organisation gathered shows no such field, ADR 72)."""
    first = contexts[0]
    labels = fact_labels(contexts)
    template = {
        **first,
        "template": True,
        "id": None,
        "kommune": None,
        "href": None if first["href"] is None else "",
        "facts": [(label, "") for label in labels],
        "unstated": (),
        "sections": _sections(data, (c["section"] for c in contexts)),
    }
    card = macro("cards.html.j2", "fact_card", template)
    fields = ("id", "kommune", "kicker", "title", "href", "text", "section")
    rows = [
        {
            **{f: _row_value(c[f]) for f in fields},
            "id": c["id"] or None,
            **{f"fact{i}": _row_value(dict(c["facts"]).get(label, "")) for i, label in enumerate(labels)},
            # The positions of the facts the card says once it does not state (unstated_facts), and that line; a
            # field the card does not show goes the same way, without the line naming it.
            "unstated": [i for i, label in enumerate(labels) if label in c.get("unstated", ()) or label not in dict(c["facts"])],
            "unstated_line": c.get("unstated_line", ""),
        }
        for c in contexts
    ]
    return Markup(f'<template class="kr-list-card">{card}</template>{row_islands(rows)}')


def fact_labels(contexts: list[dict]) -> list[str]:
    """Every label the cards of a list show, each after the labels its card shows before it."""
    labels: list[str] = []
    for c in contexts:
        before = 0
        for label, _ in c["facts"]:
            if label not in labels:
                labels.insert(before, label)
            before = labels.index(label) + 1
    return labels


def _row_value(value):
    """A card's value in its JSON row: a Sourced value as [its pieces, each [text, its own mark or ""], its mark in
    brackets, the mark's title (its kind, ADR 38)], which kr-lists.js puts in the card as the macro does (sourced:);
    any other value as it is."""
    return [[list(part) for part in value.parts], value.owner, value.mark] if isinstance(value, Sourced) else value


def _report_order(data: Dataset):
    """Sort key that puts municipalities in the data's order rather than by code."""
    order = {code: i for i, code in enumerate(data.municipalities["kommunekode"])}

    def key(column: pd.Series) -> pd.Series:
        return column.map(order) if column.name == "kommunekode" else column

    return key


def attributed_count(data: Dataset, quotes: pd.DataFrame) -> str:
    """'1, udledt af redaktionen' or '3 (2 angivet i rapporten, 1 udledt af redaktionen)': how firmly they are tied."""
    return _attributed_count(data, len(quotes), [(str(a), int(n)) for a, n in quotes["attribution"].value_counts().items()])


def attributed_counter(data: Dataset) -> Callable[[Iterable[str]], str]:
    """attributed_count of the quotes with the given ids, for a chart that asks it of every cell and municipality: the
    quotes' attributions are read once, not filtered out of all the rows again for each (seconds at national scale).
    The levels are counted in the quotes' order, so ties fall as value_counts puts them."""
    quotes = data.quotes
    rows = {quote_id: row for row, quote_id in enumerate(quotes["quote_id"])}
    levels = [str(a) for a in quotes["attribution"]]

    def count(ids: Iterable[str]) -> str:
        chosen = sorted({rows[i] for i in ids if i in rows})
        counted = Counter(levels[row] for row in chosen)
        return _attributed_count(data, len(chosen), sorted(counted.items(), key=lambda level: -level[1]))

    return count


def _attributed_count(data: Dataset, total: int, levels: list[tuple[str, int]]) -> str:
    """attributed_count from the quotes' number and their attribution levels, most first."""
    if not levels:
        return "0"
    said = _tie_levels(data, levels)
    return f"{number(total)}, {said}" if len(levels) == 1 else f"{number(total)} ({said})"


def tie_levels(data: Dataset, quotes: pd.DataFrame) -> str:
    """How firmly `quotes` are tied, in the attribution labels: 'udledt af redaktionen', or '2 angivet i rapporten,
    1 udledt af redaktionen' where the levels differ; '' for no quotes."""
    return _tie_levels(data, [(str(a), int(n)) for a, n in quotes["attribution"].value_counts().items()])


def _tie_levels(data: Dataset, levels: list[tuple[str, int]]) -> str:
    labels = attribution.labels(data.options)
    if len(levels) == 1:
        return labels[levels[0][0]]
    return ", ".join(f"{number(n)} {labels[a]}" for a, n in levels)


def municipality_card(data: Dataset, row: pd.Series) -> dict:
    """A municipality's essentials for the overview's fact card: its region and starting point, the editors' summary
    and a link to its profile, which holds the rest. Whose these are is said once over the cards
    (MUNICIPALITY_CARD_VALUES), not on every line; the counts stand in the table below them."""
    start = _label(data, "starting_points", "starting_point_id", row.starting_point)
    return {
        "template": False,
        "css": "kr-municipality-card",
        "id": "",
        "kommune": row.kommunekode,
        "kicker_first": False,
        "kicker": " · ".join(v for v in (row.region, start) if v and v != NOT_STATED),
        "title": row["name"],
        "href": _href(f"kommuner/profil-{row.slug}"),
        "text": row.summary,
        "facts": [],
        "section": "",
        "sections": [],
    }


# The columns a municipality's card shows, whose word each is said once over the cards (lists.whose).
MUNICIPALITY_CARD_VALUES = ("municipalities.region", "municipalities.starting_point", "municipalities.summary")


def municipality_overview(data: Dataset) -> Html:
    contexts = [municipality_card(data, r) for _, r in data.municipalities.iterrows()]
    items = [views.Item(code, "stated") for code in data.municipalities["kommunekode"]]
    return Html(str(fact_list(data, items, views.MUNICIPALITY, contexts, css="kr-municipality-list", grid=True)))


def quote_store(data: Dataset) -> Html:
    """Every quote card once, as the card <template> and JSON rows of a long list (quote_rows), with an index of
    each card's quotes: a drill-through shows the cards behind a number from it. Index and rows are side islands,
    so a page carries none of the 10,000 cards of national data until the reader clicks a chart."""
    # The cards in a panel word their labels as the page's lists do (issue 22): an editors' kind bare, said whose once
    # after the panel's cards (drill_note, ADR 70), not „(red.)“ on each card.
    groups = group_records(data.quotes)
    short, lifted = short_speakers(data, groups), kinds_editors(data, groups)
    contexts = [card_context(data, g, short=short, keyed=True, kinds_lifted=lifted) for g in groups]
    index = side_island([c["quotes"] for c in contexts], "kr-store-index")
    return Html(f'<div class="kr-quote-store" hidden>{quote_rows(data, contexts)}{index}</div>')


def drill_note(data: Dataset) -> Callable[[str], str]:
    """The note after a drill panel's cards, for the quote ids of the number clicked: whose the kinds its cards carry
    are, where the editors named them (kinds_whose, as after a page's list, ADR 70), '' where none is. The panel shows
    each card whole (an exchange with all its turns), so the cards are those of the ids' exchanges."""
    by_card = {group[0]["exchange_id"] or group[0]["quote_id"]: group for group in group_records(data.quotes)}
    of_quote = dict(zip(data.quotes["quote_id"], card_keys(data.quotes), strict=True))

    def note(ids: str) -> str:
        shown = dict.fromkeys(of_quote[i] for i in ids.split() if i in of_quote)
        whose = kinds_whose(data, [by_card[key] for key in shown])
        return whose.note if whose else ""

    return note


def initiative_store(data: Dataset) -> Html:
    """Every initiative's card once, as the card <template> and JSON rows of a long list (fact_rows), with an index
    of each card's initiative: the comparison's tables of marks show the cards behind a number from it (as
    quote_store does for the quotes)."""
    rows = data.initiatives.sort_values(["kommunekode", "position"], key=_report_order(data))
    contexts = [initiative_card(data, r) for _, r in rows.iterrows()]
    index = side_island(list(rows["initiative_id"]), "kr-store-index")
    return Html(f'<div class="kr-initiative-store" hidden>{fact_rows(data, contexts) if contexts else ""}{index}</div>')
