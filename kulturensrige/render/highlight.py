"""Highlight, don't hide: what choosing a municipality puts first, and every sentence the filter says.

Choosing a municipality never removes the report's general findings. In a list, the chosen municipality's
items come first and are marked, the items tied to no municipality follow under a heading that says so,
and other municipalities' items follow behind a count. "Medtag udledte tilknytninger" off means the
editors' inferred ties are set aside: those quotes count as not tied to a municipality, as the report prints them.

Which item is whose, and which views there are, is rules/views.py's answer; the sentences are written here,
once. The static book's script only switches between the views computed here for every municipality with
inferred ties on and off, and the live explorer calls the same functions.
"""

from __future__ import annotations

from collections.abc import Sequence

from kulturensrige.data.loading import Dataset
from kulturensrige.render.markup import Markup, json_island, render
from kulturensrige.rules import attribution, filters
from kulturensrige.rules.views import ALL, MUNICIPALITY, QUOTE, Item, Noun, arrange, states, untied
from kulturensrige.words import number

# The filter's place at the top of every page, as high as the filter, so the text does not move when the
# script puts the filter there; without JavaScript it says why there is no filter.
FILTER_SLOT = (
    '<div class="kr-filter-slot d-print-none"><noscript><p>Kommunefilteret kræver JavaScript. '
    "Siden viser alle kommuner.</p></noscript></div>"
)


ATTRIBUTION_SHORT = {"stated": "angivet", "inferred": "udledt"}


def _weight(items: Sequence[Item], positions: list[int]) -> int:
    return sum(items[i].weight for i in positions)


def how_tied(items: Sequence[Item], positions: list[int], noun: Noun) -> str:
    """'(udledt)', '(angivet)' or '(1 angivet, 2 udledt)' for quotes; nothing for what has no attribution levels."""
    if noun is not QUOTE:
        return ""
    levels: dict[str, int] = {}
    for i in positions:
        levels[items[i].attribution] = levels.get(items[i].attribution, 0) + items[i].weight
    if len(levels) == 1:
        return f" ({ATTRIBUTION_SHORT[next(iter(levels))]})"
    return " (" + ", ".join(f"{number(n)} {ATTRIBUTION_SHORT[a]}" for a, n in levels.items()) + ")"


def list_view(data: Dataset, items: Sequence[Item], noun: Noun, kommune: str, include_inferred: bool) -> dict:
    """One view of a list: its groups as [group, heading, positions] and the status sentence."""
    groups = arrange(items, kommune, include_inferred)
    # Only quotes have inferred ties; an initiative or a municipality is its municipality's either way.
    switch = "" if include_inferred or noun is not QUOTE else " (uden udledte tilknytninger)"
    if kommune == ALL:
        total = noun.count(_weight(items, groups["all"]))
        return {"groups": [["all", "", groups["all"]]], "status": f"Alle kommuner{switch}: {total} i rapportens rækkefølge."}
    name = filters.municipality_name(data, kommune)
    chosen, none, other = (groups[g] for g in ("chosen", "none", "other"))
    if chosen:
        mine = noun.count(_weight(items, chosen)) + how_tied(items, chosen, noun)
        chosen_heading = f"{name}: {mine}, fremhævet øverst."
    else:
        mine = f"ingen {noun.plural}"
        holder = attribution.source_name(data.options)
        chosen_heading = f"{holder[0].upper()}{holder[1:]} knytter ingen {noun.plural} her til {name}."
        withheld = [i for i, item in enumerate(items) if item.kommune == kommune and item.attribution == "inferred"]
        if withheld and not include_inferred:
            chosen_heading += (
                f" Redaktionen har udledt en tilknytning for {noun.count(_weight(items, withheld))}; slå »Medtag udledte"
                " tilknytninger« til for at se {'det' if _weight(items, withheld) == 1 else 'dem'} fremhævet."
            )
    where = "uden kommune" if include_inferred else f"uden kommune angivet i {attribution.source_name(data.options)}"
    none_heading = f"{noun.count(_weight(items, none))} {where}."
    other_heading = f"Andre kommuner: {noun.count(_weight(items, other))}"
    parts = [f"{name}{switch}: {mine}"]
    if none:
        parts.append(f"{noun.count(_weight(items, none))} {where}")
    if other:
        n = _weight(items, other)
        others = f"{number(n)} {'anden kommune' if n == 1 else 'andre kommuner'}"
        parts.append(others if noun is MUNICIPALITY else f"{noun.count(n)} fra andre kommuner")
    view = [["chosen", chosen_heading, chosen]]
    if none:
        view.append(["none", none_heading, none])
    if other:
        view.append(["other", other_heading, other])
    return {"groups": view, "status": " · ".join(parts) + "."}


def list_views(data: Dataset, items: Sequence[Item], noun: Noun) -> Markup:
    """Every view of a list, as the JSON island its section carries.

    What repeats is stated once, so the island stays small with a hundred municipalities: the items tied to
    no municipality are the same for every municipality (one list per switch, named "on"/"off"), and other
    municipalities' items are "rest", whatever the chosen and the untied groups left."""
    shared = {("on" if inferred else "off"): untied(items, inferred) for inferred in (True, False)}
    views = {}
    for key, code, inferred in states(data):
        view = list_view(data, items, noun, code, inferred)
        names = {"none": "on" if inferred else "off", "other": "rest"}
        view["groups"] = [[group, heading, names.get(group, positions)] for group, heading, positions in view["groups"]]
        views[key] = view
    return Markup(json_island({"shared": shared, "views": views}, "kr-list-views"))


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
) -> Markup:
    """A list section with its views. A long list ships only its first page of cards as HTML (`cards`, see
    first_page); the others follow as `rest`, a card <template> and JSON rows (cards.quote_rows, cards.fact_rows)."""
    more = (
        f"Listen viser de første {number(len(cards))} kort af {number(len(items))}; resten vises, når siden kan køre JavaScript."
        if len(cards) < len(items)
        else ""
    )
    return render(
        "list.html.j2",
        css=css,
        heading_id=heading_id,
        summary=summary,
        cards=Markup("".join(cards)),
        rest=rest,
        more=more,
        grid=grid,
        views=list_views(data, items, noun) if len(data.municipalities) else "",
    )


def page_sentences(data: Dataset) -> dict[str, dict[str, str]]:
    """What the filter says for each view apart from the lists: the status of a page without lists, of a
    municipality's profile page with that municipality or none chosen (another one's choice offers the way to
    its page, lists.profile_hints), the chart sentence and the print line."""
    sentences = {}
    for key, code, inferred in states(data):
        name = filters.municipality_name(data, code)
        switch = "" if inferred else ", uden udledte tilknytninger"
        chosen = "Ingen kommune valgt" if code == ALL else f"Valgt: {name}"
        sentences[key] = {
            "nothing": f"{chosen}{switch}. Intet på denne side afhænger af kommune; valget følger med til bogens andre sider.",
            "profile": (
                f"{chosen}{switch}. Siden handler om én kommune og viser det samme uanset valget; valget følger med til bogens andre sider."
                if code == ALL
                else f"{chosen}{switch}. Siden handler om {name} og viser alt, hvad bogen ved om kommunen."
            ),
            "charts": "Figurerne viser alle kommuner." if code == ALL else f"Figurerne fremhæver {name} blandt alle kommuner{switch}.",
            "print": "Udvalg: " + ("alle kommuner" if code == ALL else f"{name} fremhævet") + switch,
        }
    return sentences


def compare_sentences(data: Dataset) -> list[str]:
    """The comparison page's status by how many municipalities stand side by side (index = count)."""
    n = len(data.municipalities)
    return ["Vælg mindst én kommune for at se den her.", "Vælg en kommune mere for at sammenligne."] + [
        f"{MUNICIPALITY.count(k)} står side om side." for k in range(2, n + 1)
    ]
