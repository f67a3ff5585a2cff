"""Highlight, don't hide: what choosing a municipality puts first, and every sentence the filter says.

Choosing a municipality never removes or folds away anything. In a list, the chosen municipality's items come
first and are marked, the items tied to no municipality follow under a heading that says so, and other
municipalities' items follow, open, under a plain heading of their own. "Medtag udledte tilknytninger" off means the
editors' inferred ties are set aside: those quotes count as not tied to a municipality, as the report prints them.

Which item is whose, and which views there are, is rules/views.py's answer; the sentences are written here,
once. The static book's script only switches between the views computed here for every municipality with
inferred ties on and off, and the live explorer calls the same functions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from kulturensrige.data import provenance
from kulturensrige.data.frames import made_once
from kulturensrige.data.loading import Dataset
from kulturensrige.render.markup import Markup, json_island, links_to_book, render
from kulturensrige.rules import attribution, filters, views
from kulturensrige.rules.views import ALL, INFERRED_BY_DEFAULT, MUNICIPALITY, QUOTE, Item, Noun, arrange, states, untied
from kulturensrige.words import number

# The filter's place at the top of every page, as high as the filter, so the text does not move when the
# script puts the filter there; without JavaScript it says why there is no filter.
FILTER_SLOT = (
    '<div class="kr-filter-slot d-print-none"><noscript><p>Kommunefilteret kræver JavaScript. '
    "Siden viser alle kommuner.</p></noscript></div>"
)


def _weight(items: Sequence[Item], positions: list[int]) -> int:
    return sum(items[i].weight for i in positions)


def _tie_levels(items: Sequence[Item], positions: list[int]) -> list[tuple[str, int]]:
    """How many of the quotes at `positions` are tied at each level, in the one order (provenance.tie_levels)."""
    counts: dict[str, int] = {}
    for i in positions:
        counts[items[i].attribution] = counts.get(items[i].attribution, 0) + items[i].weight
    return provenance.tie_levels(counts)


def switch_note(include_inferred: bool) -> str:
    """What a status says of the inferred switch: nothing in the position a page opens in (views.INFERRED_BY_DEFAULT,
    docs/adr/0033), which every page's help sentence explains, and the other position in brackets."""
    if include_inferred == INFERRED_BY_DEFAULT:
        return ""
    return " (med udledte tilknytninger)" if include_inferred else " (uden udledte tilknytninger)"


def list_view(data: Dataset, items: Sequence[Item], noun: Noun, kommune: str, include_inferred: bool) -> dict:
    """One view of a list: its groups as [group, heading, positions] and the status sentence."""
    groups = arrange(items, kommune, include_inferred)
    # Only quotes have inferred ties; an initiative or a municipality is its municipality's either way.
    switch = switch_note(include_inferred) if noun is QUOTE else ""
    if kommune == ALL:
        total = noun.count(_weight(items, groups["all"]))
        order = provenance.order(data.options)
        return {"groups": [["all", "", groups["all"]]], "status": f"Alle kommuner{switch}: {total} i {order}."}
    name = filters.municipality_name(data, kommune)
    chosen, none, other = (groups[g] for g in ("chosen", "none", "other"))
    withheld = [i for i, item in enumerate(items) if item.kommune == kommune and item.attribution == "inferred"]
    if chosen:
        # Whose ties they are, in the words of the bar's line (whose_ties): '3 citater, udledt af redaktionen'.
        mine = noun.count(_weight(items, chosen)) + (whose_ties(data, items, chosen) if noun is QUOTE else "")
        chosen_heading = f"{name}: {mine}, fremhævet øverst."
    else:
        mine = f"ingen {noun.plural}"
        holder = provenance.words(attribution.source(data.options)).subject
        # 'i dette afsnit', not 'her': the bar's 'Fremhævet her:' counts the whole page (reader review 18).
        chosen_heading = f"{holder} knytter ingen {noun.plural} i dette afsnit til {name}."
        if noun is QUOTE and not (data.quotes["attribution"] == "stated").any():
            # The holder ties no quote to any municipality: said so, not as if it tied some to the others (reading 15,
            # finding 11); whether the editors tied any here to this one follows, as the inferred ties are shown or not.
            chosen_heading = f"{holder} knytter ingen citater til nogen kommune"
            shown = not (withheld and not include_inferred)
            inferred = provenance.inferred_words(data.options)
            if not views.switchable(data):  # no one infers a tie either: nothing more to say (ADR 33, second addendum)
                chosen_heading += "."
            elif data.withheld:  # the ties are set aside in the data itself (a publication): not for it to count
                chosen_heading += f", og {attribution.withheld_words(attribution.source(data.options))}."
            else:
                chosen_heading += f", og i dette afsnit er ingen tilknytning til {name} {inferred}." if shown else "."
        if withheld and not include_inferred:
            n_withheld = _weight(items, withheld)
            # The bar's button is named by what it does, not by its words: where the page marks nothing it reads
            # "Vis det" (aside_lines), elsewhere the switch's own words.
            chosen_heading += (
                f" {noun.count(n_withheld)} har en tilknytning {provenance.inferred_words(data.options)}; kommunevælgeren"
                f" øverst viser {'det' if n_withheld == 1 else 'dem'} fremhævet med ét tryk."
            )
    # One set, one wording, on every count line of the view (the list's summary too): attribution.untied_words.
    # "… eller udledt" only where the list has an inferred tie to set apart from (the list's summary says it alike).
    inferable = include_inferred and any(item.attribution == "inferred" for item in items)
    where = attribution.untied_words(data.options, inferable, data.withheld)
    none_heading = f"{noun.count(_weight(items, none))} {where}."
    n_other = _weight(items, other)
    if noun is MUNICIPALITY:
        chosen_heading = f"{name}, fremhævet øverst."
        other_heading = "Den anden kommune." if n_other == 1 else f"De {number(n_other)} andre kommuner."
    else:
        other_heading = f"{noun.count(n_other)} fra andre kommuner."
    parts = [f"{name}{switch}: {mine}"]
    if noun is QUOTE and not views.any_tied(data):
        # No quote in the data is tied to a municipality: the status says so in few words, counting no one's ties.
        parts = [f"{name}: {noun.count(_weight(items, none))} her, ingen af dem knyttet til en kommune"]
    elif none:
        parts.append(f"{noun.count(_weight(items, none))} {where}")
    if other:
        others = f"{number(n_other)} {'anden kommune' if n_other == 1 else 'andre kommuner'}"
        parts.append(others if noun is MUNICIPALITY else f"{noun.count(n_other)} fra andre kommuner")
    view = [["chosen", chosen_heading, chosen]]
    if none:
        view.append(["none", none_heading, none])
    if other:
        view.append(["other", other_heading, other])
    # What the bar shows of this list after "Fremhævet her:" (templates/control.html.j2): the count it marks and, for
    # quotes, whose ties they are ('1 citat, udledt af redaktionen'), or in the list of municipalities the one it marks.
    marked = noun.count(_weight(items, chosen)) + (whose_ties(data, items, chosen) if noun is QUOTE else "")
    tally = {"tally": name if noun is MUNICIPALITY else marked} if chosen else {}
    # Where the inferred switch changes what this list marks (its marked quotes are the editors' ties, or it has such
    # ties set aside), the bar offers the switch in one tap (kr-filter.js, switch_words).
    inferred_here = any(item.kommune == kommune and item.attribution == "inferred" for item in items)
    # The editors' ties this list sets aside in this switch position where it marks nothing: the bar offers to show
    # them (page_lines), in place of saying that nothing is tied here.
    aside = {"withheld": _weight(items, withheld)} if withheld and not include_inferred and not chosen else {}
    return {"groups": view, "status": " · ".join(parts) + ".", **tally, **aside, **({"switch": True} if inferred_here else {})}


def whose_ties(data: Dataset, items: Sequence[Item], positions: list[int]) -> str:
    """', udledt af redaktionen' or ' (1 angivet i rapporten, 2 udledt af redaktionen)': whose the marked quotes' ties
    are, in the attribution labels; nothing for what has no attribution levels."""
    levels = [(level, n) for level, n in _tie_levels(items, positions) if level != provenance.NOT_TIED]
    labels = attribution.labels(data.options)
    if len(levels) == 1:
        return f", {labels[levels[0][0]]}"
    return " (" + ", ".join(f"{number(n)} {labels[a]}" for a, n in levels) + ")" if levels else ""


# Between the counts of a bar line: the dot keeps to the count before it (a no-break space), so that no line of a
# narrow bar starts with it (issue 22).
BETWEEN = "\u00a0· "


def bar_lines(lists: Sequence[Mapping[str, str]], lead: str = "Fremhævet her") -> dict[str, str]:
    """The bar's whole line of what a choice marks on one page, for each view: the count each of the page's lists
    marks (list_view "tally"; `lists` holds each list's by view, '' where it marks nothing), in the page's order,
    after the lead. The page's last cell publishes the lines once (page_lines), the browser shows one."""
    keys = dict.fromkeys(key for tallies in lists for key in tallies)
    lines = {}
    for key in keys:
        said = [tallies[key] for tallies in lists if tallies.get(key)]
        if said:
            lines[key] = f"{lead}: {BETWEEN.join(said)}"
    return lines


def away_lines(lists: Sequence[Mapping[str, str]]) -> dict[str, str]:
    """The name of the bar's "Find" after a choice made where none of what it marks is on the screen (kr-filter.js
    shows the button beside the choice; it brings the first marked item into view): the page kept the reader's place,
    and nothing the reader saw changed (issue 22). The same counts as the bar's line (bar_lines), said as what the
    button finds, once: a line of its own under "Fremhævet her: X" said X again, over the page's heading."""
    return bar_lines(lists, "Find det fremhævede")


# What each arranged list of the page being made marks in each view (list_view's "tally"), in the page's order, kept
# until the page's last cell publishes the bar's lines (page_lines, book/page_source.how_made). Only where there is a
# book: the live explorer (markup.without_book_links) has no bar.
_MARKED: list[dict[str, str]] = []
# Beside it, for each view where a list marks nothing, the editors' ties it sets aside there: (count, municipality's
# name, whose inference), summed over the page into the bar's offer to show them (aside_lines).
_ASIDE: list[dict[str, tuple[int, str, str]]] = []


def page_lines() -> tuple[dict[str, str], dict[str, list[str]], dict[str, str]]:
    """The bar's lines (bar_lines), its offers to show the ties set aside (aside_lines) and its lines for marks out of
    view (away_lines) of the lists made since the last call, which are then forgotten: the pages a build runs one
    after another in one kernel each publish their own."""
    aside = list(_ASIDE)
    marked = marked_lists()
    return bar_lines(marked), aside_lines(aside), away_lines(marked)


def marked_lists() -> list[dict[str, str]]:
    """What each list made since the last call marks, by view; then forgotten, with the ties they set aside."""
    taken = list(_MARKED)
    _MARKED.clear()
    _ASIDE.clear()
    return taken


def aside_lines(lists: Sequence[Mapping[str, tuple[int, str, str]]]) -> dict[str, list[str]]:
    """For each view in which the page's lists mark nothing but set aside the editors' ties to the chosen
    municipality (the switch off, docs/adr/0033): the bar's line, in place of "nothing is tied here", and the words
    of the button after it that turns the switch on ['2 citater her er knyttet til Køge, udledt af redaktionen.',
    'Vis dem']. Said as what they are, not as "udledte tilknytninger" (reader review 18, #2)."""
    counts: dict[str, tuple[int, str, str]] = {}
    for aside in lists:
        for key, (n, name, inferred) in aside.items():
            counts[key] = (counts.get(key, (0, "", ""))[0] + n, name, inferred)
    return {
        key: [f"{QUOTE.count(n).capitalize()} her er knyttet til {name}, {inferred}.", "Vis det" if n == 1 else "Vis dem"]
        for key, (n, name, inferred) in counts.items()
    }


# The switch's own label in "Indstillinger" (templates/control.html.j2), as a sentence that points to it names it.
SWITCH_LABEL = "Medtag udledte tilknytninger"
SETTINGS = "Indstillinger"


def by_switch(on: str, off: str, tag: str = "div") -> str:
    """Markup for both positions of the inferred switch, the default one shown (docs/adr/0033); the browser shows the
    other when the reader turns the switch (kr-state.js KR.showInferred). Only once where they are the same; `tag`
    'span' inside a paragraph."""
    if on == off:
        return on

    def part(when: str, markup: str) -> str:
        hidden = "" if (when == "on") == INFERRED_BY_DEFAULT else " hidden"
        return f'<{tag} data-kr-inferred="{when}"{hidden}>{markup}</{tag}>'

    return part("on", on) + part("off", off)


def switch_words(data: Dataset) -> dict[str, str]:
    """The bar's one-tap switch for the inferred ties (templates/control.html.j2), by whether they are included:
    whose inference it is comes from provenance, so an analyst's book does not credit the editors."""
    inferred = provenance.inferred_words(data.options)
    return {"on": f"Skjul tilknytninger {inferred}", "off": f"Vis tilknytninger {inferred}"}


def list_views(data: Dataset, items: Sequence[Item], noun: Noun) -> Markup:
    """Every view of a list, as the JSON island its section carries.

    What repeats is stated once, so the island stays small with a hundred municipalities: the items tied to
    no municipality are the same for every municipality (one list per switch, named "on"/"off"), and other
    municipalities' items are "rest", whatever the chosen and the untied groups left."""
    shared = {("on" if inferred else "off"): untied(items, inferred) for inferred in (True, False)}
    views = {}
    tallies = {}
    aside = {}
    inferred_words = provenance.inferred_words(data.options)
    for key, code, inferred in states(data):
        view = list_view(data, items, noun, code, inferred)
        # The headings say the counts where the cards are; the page's status says what the choice does (page_sentences).
        del view["status"]
        # What the list marks travels to the bar's line (page_lines), not to the browser with the views; so do the
        # editors' ties it sets aside where it marks nothing.
        tallies[key] = view.pop("tally", "")
        if "withheld" in view:
            aside[key] = (view.pop("withheld"), filters.municipality_name(data, code), inferred_words)
        names = {"none": "on" if inferred else "off", "other": "rest"}
        view["groups"] = [[group, heading, names.get(group, positions)] for group, heading, positions in view["groups"]]
        views[key] = view
    if links_to_book():
        _MARKED.append(tallies)
        _ASIDE.append(aside)
    return Markup(json_island({"shared": shared, "views": views}, "kr-list-views"))


# The one view of a list the choice does not arrange (a profile page's, about its own municipality): every card in
# report order, whatever is chosen ("rest": all the cards no other group took; kr-lists.js falls back to the view
# of "alle" for every choice). Only a long list needs it, so that the page's script shows its cards a page at a time.
FIXED_VIEWS = {"shared": {}, "views": {ALL: {"groups": [["all", "", "rest"]]}}}


def arranged_list(
    data: Dataset,
    items: Sequence[Item],
    noun: Noun,
    cards: list[str],
    *,
    rest: Markup,
    css: str,
    summary: str = "",
    heading_id: str = "",
    grid=False,
    arranged: bool = True,
) -> Markup:
    """A list section with its views. A long list ships only its first page of cards as HTML (`cards`, see
    first_page); the others follow as `rest`, a card <template> and JSON rows (cards.quote_rows, cards.fact_rows).
    Not `arranged`: the list keeps the report's order whatever is chosen (FIXED_VIEWS), and is paged all the same."""
    long = len(cards) < len(items)
    more = (
        f"Listen viser de første {number(len(cards))} kort af {number(len(items))}; resten vises, når siden kan køre JavaScript."
        if long
        else ""
    )
    if not arranged:
        views = Markup(json_island(FIXED_VIEWS, "kr-list-views")) if long else ""
    else:
        views = list_views(data, items, noun) if len(data.municipalities) else ""
    return render(
        "list.html.j2",
        css=css,
        heading_id=heading_id,
        summary=summary,
        cards=Markup("".join(cards)),
        rest=rest,
        more=more,
        grid=grid,
        groups=arranged and bool(views),
        views=views,
    )


def what_a_choice_marks(data: Dataset) -> tuple[str, str]:
    """What a choice highlights across the book, and what stays as it is: the quotes only where the data tie some to a
    municipality (views.any_tied). The front page's help and the filter's panel say it alike."""
    if views.any_tied(data):
        return "indsatser, tabelrækker, citater og figurer", "citaterne uden kommune"
    return "indsatser, tabelrækker og figurer", "citaterne"


def page_sentences(data: Dataset) -> dict[str, dict[str, str]]:
    """What the filter's status says for each view, once per page, apart from the lists' own headings.

    By what the page holds: arranged lists ("lists"), only marked rows ("marks"), lists or rows of which none is the
    chosen municipality's, so nothing is marked ("unmarked"), a municipality's profile with
    that municipality or none chosen ("profile"; another one's choice says whose page it is, lists.profile_hints),
    or nothing that depends on the choice ("nothing"). On every page but its own a chosen municipality's page is
    offered in the bar's row ("offer", on a phone "offer_short", with its address from the book's root,
    "offer_href"). Then the chart sentence and the print line."""
    sentences = {}
    slugs = dict(zip(data.municipalities["kommunekode"], data.municipalities["slug"], strict=True))
    marked, kept = what_a_choice_marks(data)
    would = f"Vælger du en kommune, fremhæver bogen dens {marked}; {kept} og alt andet bliver stående."
    for key, code, inferred in states(data):
        name = filters.municipality_name(data, code)
        switch = switch_note(inferred)
        if code == ALL:
            # With no choice the bar has no line under its row, offers no page and the charts emphasise no one: those
            # sentences are not there (kr-filter.js reads a missing one as none). The panel says what a choice would
            # do: "Ingen kommune valgt." alone left it all but empty (issue 22).
            none = f"Ingen kommune valgt{switch}. {would}"
            sentences[key] = {
                "lists": none,
                "marks": none,
                "unmarked": none,
                "profile": "Siden handler om én kommune.",
                "nothing": none,
                "print": f"Udvalg: alle kommuner{switch}",
            }
            continue
        sentences[key] = {
            "lists": f"{name}{switch} er valgt: kommunens kort står først i hver liste og er markeret, og alt andet står åbent nedenfor.",
            "marks": f"{name}{switch} er valgt og markeret på siden.",
            # The bar's line for it, in the lead of every page's line (bar_lines): one wording a reader learns once, not
            # a sentence here and "Fremhævet her: …" there (reader review 23, #3; docs/adr/0064).
            "marks_line": f"Fremhævet her: {name}{switch}",
            # The name of the bar's "Find" after a choice made where none of the page's marked rows is on the screen.
            "away": f"Find, hvor {name} er markeret",
            # Where the page marks nothing for the choice, the bar says so in no line of its own: as where nothing
            # depends on the choice, it offers the municipality's page and edition, and the editors' ties set aside
            # here where there are some (aside_lines); the panel's status says it (reader review 18, #2).
            "unmarked": f"Intet på denne side er knyttet til {name}{switch}; valget følger med til bogens andre sider.",
            "profile": _profile_sentence(data, code, name, inferred),
            "nothing": f"{name}{switch} er valgt, og valget følger med til bogens andre sider.",
            "offer": f"Se alt om {name} på kommunens side",
            "offer_short": f"Alt om {name}",  # on a phone, where the bar's line is short
            "offer_href": f"kommuner/profil-{slugs[code]}.html",
            "charts": f"Figurerne fremhæver {name} blandt alle kommuner.",
            # At an ingredient's quotes, where the data tie none: why the choice marks none of them, said where the
            # reader looks for the municipality's quotes, not only in the panel (reader 25, #1; docs/adr/0079).
            **({"untied": why, "untied_one": untied_for(data, name, one=True)} if (why := untied_for(data, name)) else {}),
            "print": f"Udvalg: {name} fremhævet{switch}",
        }
    return sentences


def untied_for(data: Dataset, name: str, *, one: bool = False) -> str:
    """Where the data tie no quote to a municipality (views.any_tied): the one line at a page's first quote list
    with `name` chosen (cards.untied_choice_line), 'Ingen af citaterne her er knyttet til Køge: rapporten nævner ingen
    kommune ved sine citater.', over a list of one card 'Citatet her er ikke knyttet til Køge: …'; '' where some quote
    is tied (then the list puts the chosen municipality's first)."""
    if views.any_tied(data):
        return ""
    holder = provenance.folder_words(data.options).holder
    which = "Citatet her er ikke" if one else "Ingen af citaterne her er"
    return f"{which} knyttet til {name}: {holder} nævner ingen kommune ved sine citater."


def _profile_sentence(data: Dataset, code: str, name: str, inferred: bool) -> str:
    """The line on the municipality's own page. With the switch off the page leaves out the quotes tied to it by
    inference, as every page does (docs/adr/0033), and says how many there are and how to show them."""
    n = _inferred_counts(data.quotes).get(code, 0)
    if inferred and n:
        inferred_words = provenance.inferred_words(data.options)
        return f"Siden handler om {name} og viser alt, hvad bogen ved om kommunen, også {QUOTE.count(n)} med en kommune {inferred_words}."
    if not n:
        return f"Siden handler om {name} og viser alt, hvad bogen ved om kommunen."
    return (
        f"Siden handler om {name}; {QUOTE.count(n)} med en kommune {provenance.inferred_words(data.options)} vises, "
        f"når du slår „{SWITCH_LABEL}“ til."
    )


def _inferred_counts(quotes: pd.DataFrame) -> dict[str, int]:
    """How many quotes of their own (no cited work's) are tied to each municipality by inference, counted once per
    table: three boolean filters of 10,000 rows for each of 196 views were most of the filter's side file."""

    def count(frame: pd.DataFrame) -> dict[str, int]:
        inferred = (frame["attribution"] == "inferred") & (frame["reference_key"] == "")
        return {str(code): int(n) for code, n in frame.loc[inferred, "kommunekode"].value_counts().items()}

    return made_once(quotes, "inferred by municipality", count)


def compare_sentences(data: Dataset) -> list[str]:
    """The comparison page's status by how many municipalities stand side by side (index = count)."""
    n = len(data.municipalities)
    return ["Vælg mindst én kommune for at se den her.", "Vælg en kommune mere for at sammenligne."] + [
        f"{MUNICIPALITY.count(k)} står side om side." for k in range(2, n + 1)
    ]
