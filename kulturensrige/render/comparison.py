"""Municipalities side by side: one column per municipality, the reader picks which stand beside the chosen one."""

from __future__ import annotations

from kulturensrige.data import provenance
from kulturensrige.data.loading import Dataset
from kulturensrige.data.schema import BY_REPORT
from kulturensrige.render import cards, highlight
from kulturensrige.render.markup import Html, esc, side_island
from kulturensrige.rules import attribution, filters, statistics, views
from kulturensrige.words import count_word, hyphenated, listing, number, plural


def _labels(data: Dataset, table: str, key: str, ids: set[str], column: str = "label") -> str:
    frame = data.tables[table]
    names = frame.loc[frame[key].isin(ids), column]
    # None named: in the words the initiative cards say it in ('ikke angivet i rapporten'; reading26, #3), the folder's.
    return "".join(f"<li>{esc(hyphenated(n))}</li>" for n in names) or f"<li>{esc(provenance.folder_words(data.options).not_stated)}</li>"


def _supported(data: Dataset, quotes) -> list[tuple[str, str]]:
    """The ingredients the quotes support, in the ingredients' order, with how many of the quotes support each and
    whose those ties are where they are not the report's own: '1 citat; koblingen: redaktionens læsning, ikke rapportens'."""
    supported = []
    # Each ingredient's rows found in one Python list, as the profile's list finds them (lists._municipality_ingredients):
    # a pandas map and filter per ingredient, for 98 columns in two switch positions, was most of their ingredient lists.
    ids, ties = list(quotes["ingredient_ids"]), list(quotes["ingredient_tie"])
    for row in data.ingredients.sort_values("number").itertuples():
        hits = [n for n, row_ids in enumerate(ids) if row.ingredient_id in row_ids]
        if hits:
            whose = [provenance.ingredient_tie(s) for s in dict.fromkeys(ties[n] for n in hits) if s != BY_REPORT]
            supported.append((str(row.name), plural(len(hits), "citat", "citater") + (f"; koblingen: {'; '.join(whose)}" if whose else "")))
    return supported


def _ingredient_items(data: Dataset, quotes) -> str:
    """The items of a column's last list: how many quotes are tied to the municipality and what they support."""
    ingredients = {i for ids in quotes["ingredient_ids"] for i in ids}
    # Whose ties they are, in the words of kulturensrige/data/provenance.py: "1, udledt af redaktionen".
    tied = f"{esc(plural(len(quotes), 'citat', 'citater'))} knyttet til kommunen" + (
        f" ({esc(cards.attributed_count(data, quotes).split(', ', 1)[1])})" if quotes["attribution"].nunique() == 1 else ""
    )
    supporting = int(quotes["ingredient_ids"].map(bool).sum())
    if ingredients:
        who = ("det" if supporting == 1 else "de") if supporting == len(quotes) else f"{number(supporting)} af dem"
        return f"<li>{tied}; {who} underbygger:</li>" + "".join(
            f"<li>{esc(hyphenated(name))} ({esc(counted)})</li>" for name, counted in _supported(data, quotes)
        )
    if len(quotes):
        they = "det" if len(quotes) == 1 else "de"
        return f"<li>{tied}; {they} underbygger ingen af ingredienserne</li>"
    return "<li>ingen citater knyttet til kommunen, hverken angivet eller udledt</li>"


def _ingredient_list(data: Dataset, kommunekode: str) -> str:
    """A column's last list for both positions of the inferred switch, the default shown (highlight.by_switch), as the
    profile writes its quotes (cards.quotes_for_municipality): with the ties off, the inferred quotes are not counted
    and a line says how many there are and how to show them. The s18 reading, #3: the column counted Køge's two
    inferred quotes while its profile, ties off, said none is tied to it."""
    # The same quotes as the profile page, the overview table and its CSV: every one tied to the municipality.
    quotes = filters.quotes(data, filters.QuoteFilter(kommunekode=kommunekode))
    inferred = quotes["attribution"] == "inferred"
    on = _ingredient_items(data, quotes)
    if not inferred.any():
        return f"<ul>{on}</ul>"
    kept = quotes[~inferred]
    # Who ties none, as the profile says it with the ties off: not 'no quote', when the next line counts some.
    source, stated_anywhere = attribution.source(data.options), bool(statistics.quote_tally(data).stated)
    none = f"{provenance.words(source).subject} knytter ingen citater til {'kommunen' if stated_anywhere else 'nogen kommune'}"
    off = _ingredient_items(data, kept) if len(kept) else f"<li>{esc(none)}</li>"
    withheld = attribution.withheld_note(data.options, int(inferred.sum()))
    offer = attribution.withheld_offer(int(inferred.sum()), highlight.SWITCH_LABEL, highlight.SETTINGS)
    # How to turn the ties on is the screen's: paper prints the default view without it (editions.DROPPED).
    return highlight.by_switch(on, f'{off}<li>{esc(withheld)} <span class="kr-web-only">{esc(offer)}</span></li>', tag="ul")


def _lists(data: Dataset, row) -> list[tuple[str, str]]:
    """A municipality's sections, each a heading and its list: the columns and the facets show the same (compare_view)."""
    initiatives = filters.initiatives(data, row.kommunekode)
    union = {
        column: {i for ids in initiatives[column] for i in ids}
        for column in ("target_group_ids", "art_form_ids", "setting_ids", "organisation_ids")
    }
    # A column is 9-12rem wide: its long compounds break at their joints, with a hyphen (words.hyphenated, ADR 17).
    # A project's part is no initiative of its own (statistics.count_initiatives): it says it is a part, by its kind.
    parts = set(initiatives.loc[statistics.initiative_parts(initiatives), "initiative_id"])
    kinds = dict(zip(data.initiative_kinds["initiative_kind_id"], data.initiative_kinds["label"], strict=True))
    rows = list(initiatives.sort_values("position").itertuples())
    # Each editors' title carries its own mark, as on a card and in the PDFs: a mark on the column's heading read as if
    # the heading were the editors' (reading s23, F1; ADR 61).
    shown = [cards.initiative_title(data, r) for r in rows]
    titles = "".join(
        f"<li>{esc(kinds[r.kind] + ': ' if r.initiative_id in parts else '')}{_title(t)}</li>" for r, t in zip(rows, shown, strict=True)
    )
    # An initiative that names no target group but gives its purpose says so under the groups (ADR 44, addendum).
    purposes = "".join(f"<li>{esc(hyphenated(said))}</li>" for said in cards.purposes_instead_of_groups(data, initiatives))
    # Where no initiative of it names a group, one line says so of them all, then the purposes given instead: „ikke
    # angivet i rapporten“ over „For Gang i gården er målgruppen ikke angivet i rapporten, …“ said it twice (reader 26
    # r2, #6), and the purposes alone spoke of Gang i gården only (reading 28, #5).
    none = "".join(f"<li>{esc(hyphenated(said))}</li>" for said in cards.no_groups_at_all(data, initiatives))
    vocabularies = (
        none
        if column == "target_group_ids" and not union[column]
        else _labels(data, table, key, union[column]) + (purposes if column == "target_group_ids" else "")
        for _, column, table, key in cards.VOCABULARIES
    )
    # Lists of names (kr-compare-terms): on a phone they run on as lines of text (kommunefilter.css).
    lists = [f'<ul class="kr-compare-terms">{items}</ul>' for items in (titles, *vocabularies)]
    # Where the data tie no quote, no column has quotes: the page says so once above the columns (compare_view).
    tied = views.any_tied(data)
    if tied:
        lists.append(_ingredient_list(data, row.kommunekode))
    sections = SECTIONS if tied else SECTIONS[:-1]
    return list(zip(sections, lists, strict=True))


def _column(row, lists: list[tuple[str, str]], hidden: bool, aside: bool = False) -> str:
    inner = f"<h3>{esc(row.name)}</h3>" + "".join(f"<h4>{esc(heading)}</h4>{items}" for heading, items in lists)
    # A column the reader has not picked waits in a side island when there are many (SIDE_FROM): kr-lists.js fills it in.
    content = side_island(inner, "kr-compare-side") if hidden and aside else inner
    return (
        f'<section class="kr-compare-column" data-compare="{esc(row.kommunekode)}" aria-label="{esc(row.name)}"'
        f"{' hidden' if hidden else ''}>{content}</section>"
    )


def _line(row, items: str, hidden: bool, aside: bool = False) -> str:
    """One municipality's line under a facet's heading: its name, then the list its column has under that heading. It
    carries the column's data-compare, so the script that shows, hides and marks the columns does the same to it."""
    inner = f'<p class="kr-compare-who">{esc(row.name)}</p>{items}'
    content = side_island(inner, "kr-compare-side") if hidden and aside else inner
    return f'<div class="kr-compare-line" data-compare="{esc(row.kommunekode)}"{" hidden" * hidden}>{content}</div>'


def _facets(rows: list, lists: list[list[tuple[str, str]]], aside: bool) -> str:
    """The columns facet by facet, for a narrow screen (kommunefilter.css shows them there instead of the columns):
    each heading once, then one line per municipality shown, the chosen one first and marked. On a phone the columns
    stood one under another, four of them 13 screens long, and comparing meant scrolling back and forth (reader32, #1)."""
    facets = []
    for n, (heading, _) in enumerate(lists[0] if lists else []):
        lines = "".join(
            _line(r, each[n][1], hidden=i >= FIRST_SHOWN, aside=aside) for i, (r, each) in enumerate(zip(rows, lists, strict=True))
        )
        facets.append(f'<section class="kr-compare-facet"><h3>{esc(heading)}</h3><div class="kr-compare-lines">{lines}</div></section>')
    return f'<div class="kr-compare-facets">{"".join(facets)}</div>'


def _title(title: str) -> str:
    """A title in a column, an editors' with its short mark in light type and its kind in the mark's title, as on a card."""
    if not isinstance(title, cards.Sourced) or not title.mark:
        return esc(hyphenated(title))
    return f'{esc(hyphenated(title.value))} <span class="kr-by" title="{esc(title.mark)}">{esc(title.owner)}</span>'


# A column's sections, each a heading and a list: the initiatives, each vocabulary and the ingredients.
SECTIONS = (
    "Indsatser",
    *(label for label, _, _, _ in cards.VOCABULARIES),
    "Ingredienser i citater knyttet til kommunen (angivet eller udledt)",
)
# The parts of a column, each a row of the grid every column shares (kommunefilter.css, subgrid), so a category starts
# at the same height in every column: the name, then each section's heading and list.
ROWS = 1 + 2 * len(SECTIONS)
# The columns' frame scrolls sideways where they do not fit: a region the keyboard reaches needs a name (WCAG 2.1.1).
COLUMNS_LABEL = "Kommunerne side om side (rul vandret, hvis ikke alle er synlige)"
# Said above the columns while more stand side by side than the screen holds (kr-lists.js shows it): a third column
# was cut at a phone's edge with nothing to say that the row scrolls (reader 13).
SCROLL_HINT = "Rækken er bredere end skærmen: stryg eller rul vandret for at se alle kommunerne."

# Columns that stand side by side before the reader picks others.
FIRST_SHOWN = 2
# With more municipalities than this, the columns not shown first wait in side islands (markup.SIDE) until picked:
# at national scale they were 150 kB of a page whose reader shows two or three of them.
SIDE_FROM = 20


def organisations_note(data: Dataset) -> Html:
    """What the chart of organisations counts, in the words of the folder's source: the report's book explains what the
    editors gathered from the report; an analyst's book names the analyst's data and claims nothing of the report."""
    folder = provenance.folder_source(data.options)
    holder = provenance.words(folder).holder
    if folder == BY_REPORT:
        # Short, once: the one rule the data follows (schema.ORGANISATION_RULE) and which of them are no partners stand
        # in the chart's note under it (charts.partners_by_kind), where they apply; said here too, the reservations
        # ran longer than the finding (issue 22, item 3).
        said = (
            "Figuren tæller de organisationer og institutioner, redaktionen har samlet ved indsatserne; "
            "rapporten kalder ingen af dem partnere."
        )
    else:
        said = f"Figuren tæller de organisationer og institutioner, {holder} nævner ved indsatserne."
    return Html(f"<p>{esc(said)} Hvordan de er samlet og inddelt i slags, står under figuren.</p>")


# The boxes' legend by whether a municipality is chosen in the filter (kr-filter.js shows one, as for every
# data-kr-chosen): with none chosen, it says what the reader can do, not "med den valgte kommune". The page arrives
# with none chosen.
COMPARE_LEGEND = (
    '<span class="kr-compare-legend" data-kr-chosen="false">Sæt flueben ved de kommuner, der skal stå side om side, '
    "eller vælg en kommune øverst for at stille den først</span>"
    '<span class="kr-compare-legend" data-kr-chosen="true" hidden>Side om side med den valgte kommune</span>'
)


def yields_sentence(chosen: str, first: list[str], order: str) -> str:
    """What the columns do where a choice outside the page's first ones takes the last one's place, the others there
    said as an example the reader changes: 'Egedal står først; ved siden af står Køge som eksempel, fordi Køge er den
    første kommune i rapportens rækkefølge. Sæt flueben ved de kommuner, du vil se side om side.' („Køge, som siden
    altid viser, … Høje-Taastrup er taget ud for at give plads“ left a reader from Egedal asking why Køge, and taken out
    of what: reader 26 r2, #2; „står først“ twice and a „den“ that could be either: reading 28, #8.)"""
    kept = listing(first[:-1])
    first_ones = "den første kommune" if len(first) == 2 else "de første kommuner"
    return (
        f"{chosen} står først; ved siden af står {kept} som eksempel, fordi {kept} er {first_ones} i {order}. "
        "Sæt flueben ved de kommuner, du vil se side om side."
    )


def compare_view(data: Dataset) -> Html:
    """The book's filter picks the municipality that stands first; these checkboxes pick the others beside it.

    The page arrives as the script first shows it (the first columns, the boxes), so nothing moves when it runs."""
    rows = list(data.municipalities.itertuples())
    boxes = "".join(
        f'<label class="kr-compare-choice"><input type="checkbox" value="{esc(r.kommunekode)}"'
        f"{' checked' if i < FIRST_SHOWN else ''}> {esc(r.name)}</label>"
        for i, r in enumerate(rows)
    )
    lists = [_lists(data, r) for r in rows]
    aside = len(rows) > SIDE_FROM
    columns = "".join(_column(r, each, hidden=i >= FIRST_SHOWN, aside=aside) for i, (r, each) in enumerate(zip(rows, lists, strict=True)))
    # The columns' names once more, in a row that stays under the bar while the columns pass on a wide screen (the
    # columns scroll sideways, so their own names cannot stick; kommunefilter.css): the script shows those of the
    # columns shown (data-compare-name). For the eye only: each column's heading names it for a screen reader.
    names = "".join(
        f'<span class="kr-compare-name" data-compare-name="{esc(r.kommunekode)}"{" hidden" * (i >= FIRST_SHOWN)}>{esc(r.name)}</span>'
        for i, r in enumerate(rows)
    )
    status = highlight.compare_sentences(data)[min(FIRST_SHOWN, len(rows))]
    # Why these stand side by side first: the first in the data folder's order (the report's), no pick of the book's.
    first = [str(r.name) for r in rows[:FIRST_SHOWN]]
    default = (
        f'<p class="kr-compare-default">Uden andet valg står de {count_word(len(first))} første kommuner i '
        f"{esc(provenance.order(data.options))} side om side: {esc(listing(first))}.</p>"
        if len(first) > 1
        else ""
    )
    # Where a choice outside the first ones has taken the last one's place (ADR 67), why the first stays: it is the
    # page's, not the reader's last choice (reader 25, #7: Køge stayed ticked after a switch to Ringkøbing-Skjern).
    # One sentence per such choice, naming the columns in the order they stand (the chosen one first,
    # kommunefilter.css): the one sentence for all said Køge stood first, beside a chosen Egedal in the first column
    # (reading 26, #4); the script shows the chosen one's.
    said_order = provenance.order(data.options)
    yields = "".join(
        f'<p class="kr-compare-yields" data-compare-yields="{esc(r.kommunekode)}" hidden>'
        f"{esc(yields_sentence(str(r.name), first, said_order))}</p>"
        for r in rows[FIRST_SHOWN:]
        if len(first) > 1
    )
    # An editors' title keeps "(red.)" in every column; the line over them says what it means (ADR 32).
    whose = cards.whose_terms(data, titled=cards.titled(data, data.initiatives), rows=data.initiatives)
    # Where the data tie no quote, the filter's panel says so (cards.untied_said);
    # here the two rows of quotes are left out (reader 24, #2: the sentence stood on six pages).
    tied = views.any_tied(data)
    # At a desk the view takes the right rail's width too (sphinx-book-theme's full-width class, which also folds the
    # rail's "Indhold" while the view is on the screen): five columns and more were cut at 1280 px, the rail beside
    # them empty (reader32, #3; kommunefilter.css).
    return Html(
        '<div class="kr-compare full-width">'
        f'<fieldset class="kr-compare-choices"><legend>{COMPARE_LEGEND}</legend>{boxes}</fieldset>{default}{yields}'
        f'<p class="kr-compare-status" role="status" aria-live="polite">{esc(status)}</p>'
        # Why the initiative cards behind a table's marks show no status (cards.initiative_store), said once where none
        # shows one (ADR 87; else each card without says it, ADR 109); those cards open on a screen only, so paper
        # prints no word of them.
        f"{cards.statuses_said_markup(data, data.initiatives, web_only=True)}{whose}"
        "<noscript><p>Uden JavaScript kan siden kun vise de første kommuner. Hver kommune har sin egen side under "
        "»De deltagende kommuner«.</p></noscript>"
        f'<p class="kr-compare-scrolls" hidden>{esc(SCROLL_HINT)}</p><div class="kr-compare-names" aria-hidden="true">{names}</div>'
        f'<div class="kr-compare-columns" tabindex="0" role="region" aria-label="{esc(COLUMNS_LABEL)}" '
        f'style="--kr-compare-rows: {ROWS if tied else ROWS - 2}">{columns}</div>{_facets(rows, lists, aside)}</div>'
    )
