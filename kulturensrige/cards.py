"""Quote, initiative and municipality cards: the filterable items of the static book.

Every card carries `data-kommune` (space-separated kommunekoder, empty when none is stated) so the
page's filter can show and hide it without knowing anything else about it.
"""

from __future__ import annotations

import os

import pandas as pd

from . import filters
from .loading import Dataset
from .markup import Html, book_link, esc, json_island, number, page_link, plural
from .schema import NOT_STATED

ATTRIBUTION_LABELS = {
    "stated": "angivet i rapporten",
    "inferred": "udledt af redaktionen",
    "not stated": "ikke angivet i rapporten",
}


def _label(data: Dataset, table: str, key: str, value: str, column: str = "label") -> str:
    frame = data.tables[table]
    match = frame.loc[frame[key] == value, column]
    return str(match.iloc[0]) if len(match) else value


def section_link(data: Dataset, section_id: str) -> str:
    row = data.sections.loc[data.sections["section_id"] == section_id].iloc[0]
    return book_link(row.book_page, f"Afsnit: {esc(row.title)}", "kr-source")


def ingredient_badges(data: Dataset, ingredient_ids: tuple[str, ...]) -> str:
    if not ingredient_ids:
        return ""
    items = []
    for ingredient_id in ingredient_ids:
        row = data.ingredients.loc[data.ingredients["ingredient_id"] == ingredient_id].iloc[0]
        badge = f'<span class="kr-badge-number" aria-hidden="true">{int(row.number)}</span> {esc(row["name"])}'
        page = _label(data, "sections", "section_id", row.section_id, "book_page")
        items.append(f"<li>{book_link(page, badge, f'kr-badge kr-ingredient-{int(row.number)}')}</li>")
    return '<ul class="kr-badges" aria-label="Ingredienser, citatet underbygger">' + "".join(items) + "</ul>"


def municipality_line(data: Dataset, quote: pd.Series) -> str:
    """The municipality as a paragraph; an inferred one is followed by its rationale (a <details>, which no <p> may hold)."""
    level = quote.attribution
    if level == "not stated":
        return '<p><span class="kr-municipality kr-attribution-not-stated">Kommune: ikke angivet i rapporten</span></p>'
    name = esc(filters.municipality_name(data, quote.kommunekode))
    line = f'Kommune: <strong>{name}</strong> <span class="kr-attribution">({ATTRIBUTION_LABELS[level]})</span>'
    rationale = ""
    if level == "inferred":
        rationale = f'<details class="kr-rationale"><summary>Hvorfor udledt?</summary><p>{esc(quote.attribution_rationale)}</p></details>'
    return f'<p><span class="kr-municipality kr-attribution-{level.replace(" ", "-")}">{line}</span></p>{rationale}'


def speaker_line(data: Dataset, turns: pd.DataFrame) -> tuple[str, str, str]:
    """(kind, speaker, reference) under a card: a printed caption that already names the kind stands alone,
    and a quote from literature shows its author and, in brackets, the citation."""
    first = turns.iloc[0]
    kind = _label(data, "quote_kinds", "quote_kind_id", first.kind)
    if len(turns) > 1:
        return kind, " og ".join(dict.fromkeys(turns["shown_role"])), ""
    if first.reference_key:
        return kind, first.shown_role, first.caption
    speaker = first.shown_caption or first.shown_role
    return ("" if speaker.lower().startswith(kind.lower()) else kind), speaker, ""


def quote_language(data: Dataset, quote: pd.Series) -> str:
    """The language of a quote from a cited work when it is not the book's Danish ('' otherwise): WCAG 3.1.2."""
    if not quote.reference_key:
        return ""
    language = _label(data, "references", "reference_key", quote.reference_key, "language")
    return "" if language in ("da", NOT_STATED) else language


def quote_card(data: Dataset, turns: pd.DataFrame) -> str:
    """One card for a quote, or for a whole exchange (several turns sharing exchange_id)."""
    first = turns.iloc[0]
    kind, speaker, citation = speaker_line(data, turns)
    if len(turns) > 1:
        body = "".join(
            f'<p class="kr-turn"><span class="kr-turn-speaker">{esc(t.shown_role)}:</span> {esc(t.text)}</p>' for t in turns.itertuples()
        )
    else:
        body = f"<p>{esc(first.text)}</p>"
    ingredient_ids = tuple(dict.fromkeys(i for ids in turns["ingredient_ids"] for i in ids))
    ids = " ".join(turns["quote_id"])
    kind_html = f'<span class="kr-kind">{esc(kind)}</span> · ' if kind else ""
    reference = f' <span class="kr-reference">({esc(citation)})</span>' if citation else ""
    # A quote from a cited work belongs to no municipality: no line saying the report does not state one,
    # and no data-kommune, so the filter leaves it in place like the prose around it.
    municipality = "" if first.reference_key else municipality_line(data, first)
    kommune = "" if first.reference_key else f' data-kommune="{esc(first.kommunekode)}"'
    return (
        f'<article class="kr-card kr-quote" id="citat-{esc(first.quote_id)}"{kommune} '
        f'data-attribution="{esc(first.attribution)}" data-quotes="{esc(ids)}" '
        f'data-ingredients="{esc(" ".join(ingredient_ids))}" data-speaker-category="{esc(first.speaker_category)}">'
        f'<blockquote class="kr-quote-text"{_lang(quote_language(data, first))}>{body}</blockquote>'
        f'<footer class="kr-card-footer"><p class="kr-speaker">{kind_html}'
        f"{esc(speaker)}{reference}</p>"
        f"{municipality}"
        f"{ingredient_badges(data, ingredient_ids)}"
        f'<p class="kr-source-line">{section_link(data, first.section_id)}</p></footer></article>'
    )


def _lang(language: str) -> str:
    return f' lang="{esc(language)}"' if language else ""


def group_turns(quotes: pd.DataFrame) -> list[pd.DataFrame]:
    """Quotes in report order, exchanges kept together as one group."""
    keys = quotes["exchange_id"].where(quotes["exchange_id"] != "", quotes["quote_id"])
    ordered = quotes.assign(_group=keys).sort_values(["position", "turn"])
    return [group.drop(columns="_group") for _, group in ordered.groupby("_group", sort=False)]


def _scope_attribute(kommunekode: str) -> str:
    """Marks a list that holds one municipality's items only, so the filter can say so instead of 'none'."""
    return f' data-kr-scope="{esc(kommunekode)}"' if kommunekode and kommunekode != filters.ALL else ""


def list_limit() -> int:
    """Cards a list carries as HTML; a longer list (national-scale data) goes to the browser as JSON rows.

    KR_LIST_LIMIT lets a test send the report's short lists down the long-list path too."""
    return int(os.environ.get("KR_LIST_LIMIT", "200"))


def quote_list(data: Dataset, quotes: pd.DataFrame, heading_id: str = "", empty: str = "", scope: str = "") -> Html:
    """A filterable list of quote cards, with the words the filter uses when nothing matches.

    A long list holds its first page of cards as HTML (read without JavaScript, and by search) and all of
    its cards as JSON rows, from which the filter renders the page it shows."""
    groups = group_turns(quotes)
    if len(groups) > list_limit():
        shown = groups[:LIST_PAGE]
        rows = json_island(store_payload(data, groups), "kr-list-rows")
        more = (
            f'<p class="kr-list-nojs">Listen viser de første {plural(len(shown), "kort", "kort")} af '
            f"{number(len(groups))}; resten vises, når siden kan køre JavaScript.</p>"
        )
    else:
        shown, rows, more = groups, "", ""
    cards = "".join(quote_card(data, g) for g in shown) + more + rows
    unattributed = int(((quotes["attribution"] == "not stated") & (quotes["reference_key"] == "")).sum())
    return Html(
        f'<section class="kr-list kr-quote-list" data-kr-noun="citat" data-kr-nouns="citater" '
        f'data-kr-empty="{esc(empty or "Rapporten knytter ingen af citaterne her til {kommune}.")}" '
        f'data-kr-unattributed="{unattributed}"{_scope_attribute(scope)}'
        + (f' aria-labelledby="{esc(heading_id)}"' if heading_id else "")
        + f'><p class="kr-list-summary">{esc(quote_count_summary(quotes))}</p>'
        f"{cards}</section>"
    )


def quote_count_summary(quotes: pd.DataFrame) -> str:
    """'5 citater, heraf 4 uden angivet kommune.' A quote is a row: each turn of an exchange counts."""
    if quotes.empty:
        return "Ingen citater."
    literature = int((quotes["reference_key"] != "").sum())
    levels = quotes.loc[quotes["reference_key"] == "", "attribution"].value_counts()
    total = plural(len(quotes), "citat", "citater")
    if literature == len(quotes):
        return f"{total} fra litteraturen."
    parts = []
    if literature:
        parts.append(f"{number(literature)} fra litteraturen")
    if levels.get("inferred", 0):
        parts.append(f"{number(int(levels['inferred']))} med en kommune udledt af redaktionen")
    if levels.get("not stated", 0) == len(quotes):
        return f"{total}; rapporten angiver ikke kommunen ved {'det' if len(quotes) == 1 else 'nogen af dem'}."
    if levels.get("not stated", 0):
        parts.append(f"{number(int(levels['not stated']))} uden angivet kommune")
    exchanges = quotes.loc[quotes["exchange_id"] != "", "exchange_id"].nunique()
    note = f" Replikker i en ordveksling står samlet på ét kort ({plural(exchanges, 'ordveksling', 'ordvekslinger')})." if exchanges else ""
    listed = ", ".join(parts[:-1]) + " og " + parts[-1] if len(parts) > 1 else "".join(parts)
    return total + (", heraf " + listed if parts else "") + "." + note


def quotes_in_section(data: Dataset, section_id: str) -> Html:
    return quote_list(data, data.quotes[data.quotes["section_id"] == section_id])


def quotes_for_ingredient(data: Dataset, ingredient_id: str) -> Html:
    return quote_list(data, filters.quotes(data, filters.QuoteFilter(ingredient_id=ingredient_id)))


def quotes_for_municipality(data: Dataset, kommunekode: str) -> Html:
    selected = filters.quotes(data, filters.QuoteFilter(kommunekode=kommunekode))
    return Html(f'<p class="kr-list-intro">{esc(attribution_intro(selected))}</p>' + quote_list(data, selected, scope=kommunekode).markup)


def attribution_intro(quotes: pd.DataFrame) -> str:
    """How the quotes came to be tied to the municipality, in words, from their attribution levels."""
    stated = int((quotes["attribution"] == "stated").sum())
    inferred = int((quotes["attribution"] == "inferred").sum())
    if not stated and not inferred:
        return "Rapporten knytter ingen citater til kommunen, og redaktionen har heller ikke kunnet udlede nogen."
    if not stated:
        return (
            "Rapporten nævner ikke kommunen ved citaterne. Her står de citater, som redaktionen har kunnet knytte til "
            "kommunen ud fra rapportens egne oplysninger; hvert kort viser hvorfor."
        )
    if not inferred:
        return "Rapporten selv knytter citaterne her til kommunen."
    return (
        f"Rapporten selv knytter {plural(stated, 'citat', 'citater')} til kommunen; {plural(inferred, 'citat', 'citater')} "
        "har redaktionen knyttet til kommunen ud fra rapportens egne oplysninger, og kortet viser hvorfor."
    )


def _vocabulary_labels(data: Dataset, table: str, key: str, ids: tuple[str, ...]) -> str:
    return ", ".join(esc(_label(data, table, key, i)) for i in ids) or "ikke angivet"


def initiative_card(data: Dataset, row: pd.Series) -> str:
    name = filters.municipality_name(data, row.kommunekode)
    facts = [
        ("Målgrupper", _vocabulary_labels(data, "target_groups", "target_group_id", row.target_group_ids)),
        ("Kunstformer og aktiviteter", _vocabulary_labels(data, "art_forms", "art_form_id", row.art_form_ids)),
        ("Steder", _vocabulary_labels(data, "settings", "setting_id", row.setting_ids)),
        (
            "Partnere",
            ", ".join(esc(_label(data, "organisations", "organisation_id", o, "name")) for o in row.organisation_ids) or "ikke angivet",
        ),
        ("Status", esc(_label(data, "statuses", "status_id", row.status))),
    ]
    facts_html = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in facts)
    kind = _label(data, "initiative_kinds", "initiative_kind_id", row.kind)
    return (
        f'<article class="kr-card kr-initiative" id="indsats-{esc(row.initiative_id)}" data-kommune="{esc(row.kommunekode)}">'
        f'<p class="kr-card-kicker">{esc(name)} · {esc(kind)}</p>'
        f'<h3 class="kr-card-title">{esc(row.title)}</h3><p>{esc(row.description)}</p>'
        f'<dl class="kr-facts">{facts_html}</dl>'
        f'<p class="kr-source-line">{section_link(data, row.section_id)}</p></article>'
    )


def initiative_list(data: Dataset, kommunekode: str = filters.ALL) -> Html:
    rows = filters.initiatives(data, kommunekode).sort_values(["kommunekode", "position"], key=_report_order(data))
    cards = "".join(initiative_card(data, r) for _, r in rows.iterrows())
    return Html(
        f'<section class="kr-list kr-initiative-list" data-kr-noun="indsats" data-kr-nouns="indsatser" '
        f'data-kr-empty="Rapporten beskriver ingen indsatser for {{kommune}}." data-kr-unattributed="0"{_scope_attribute(kommunekode)}>'
        f'<p class="kr-list-summary">{plural(len(rows), "indsats", "indsatser")}.</p>{cards}</section>'
    )


def _report_order(data: Dataset):
    """Sort key that puts municipalities in the data's order rather than by code."""
    order = {code: i for i, code in enumerate(data.municipalities["kommunekode"])}

    def key(column: pd.Series) -> pd.Series:
        return column.map(order) if column.name == "kommunekode" else column

    return key


def attributed_count(quotes: pd.DataFrame) -> str:
    """'1, udledt af redaktionen' or '3 (2 angivet i rapporten, 1 udledt af redaktionen)': how firmly they are tied."""
    levels = quotes["attribution"].value_counts()
    if levels.empty:
        return "0"
    if len(levels) == 1:
        return f"{number(len(quotes))}, {ATTRIBUTION_LABELS[levels.index[0]]}"
    return f"{number(len(quotes))} (" + ", ".join(f"{number(int(n))} {ATTRIBUTION_LABELS[a]}" for a, n in levels.items()) + ")"


def municipality_card(data: Dataset, row: pd.Series) -> str:
    n_initiatives = int((data.initiatives["kommunekode"] == row.kommunekode).sum())
    n_quotes = attributed_count(data.quotes[data.quotes["kommunekode"] == row.kommunekode])
    start = _label(data, "starting_points", "starting_point_id", row.starting_point)
    return (
        f'<article class="kr-card kr-municipality-card" data-kommune="{esc(row.kommunekode)}">'
        f'<h3 class="kr-card-title">{book_link("kommuner/profil-" + row.slug, esc(row["name"]))}</h3>'
        f'<p class="kr-card-kicker">{esc(row.region)} · kommunekode {esc(row.kommunekode)}</p>'
        f"<p>{esc(row.summary)}</p>"
        f'<dl class="kr-facts"><dt>Udgangspunkt</dt><dd>{esc(start)}</dd>'
        f"<dt>Indsatser</dt><dd>{n_initiatives}</dd><dt>Citater knyttet til kommunen</dt><dd>{esc(n_quotes)}</dd></dl></article>"
    )


def municipality_overview(data: Dataset) -> Html:
    cards = "".join(municipality_card(data, r) for _, r in data.municipalities.iterrows())
    return Html(
        '<section class="kr-list kr-municipality-list kr-grid" data-kr-noun="kommune" data-kr-nouns="kommuner" '
        'data-kr-empty="Ingen kommune matcher {kommune}." data-kr-unattributed="0">' + cards + "</section>"
    )


# Cards shown at a time in a long list; kommunefilter.js pages by the same number (PAGE_SIZE).
LIST_PAGE = 50

STORE_COLUMNS = [
    "quotes", "kommune", "attribution", "ingredients", "speakerCategory", "kind", "speaker", "reference", "turns", "rationale", "section",
    "fromLiterature", "lang",
]


def quote_record(data: Dataset, turns: pd.DataFrame) -> list:
    """The facts of one quote card as a row of STORE_COLUMNS, for kommunefilter.js to render like quote_card."""
    first = turns.iloc[0]
    kind, speaker, citation = speaker_line(data, turns)
    return [
        " ".join(turns["quote_id"]),
        first.kommunekode,
        first.attribution,
        list(dict.fromkeys(i for ids in turns["ingredient_ids"] for i in ids)),
        first.speaker_category,
        kind,
        speaker,
        citation,
        [[t.shown_role, t.text] for t in turns.itertuples()] if len(turns) > 1 else [["", first.text]],
        first.attribution_rationale if first.attribution == "inferred" else "",
        first.section_id,
        bool(first.reference_key),
        quote_language(data, first),
    ]


def store_payload(data: Dataset, groups: list[pd.DataFrame]) -> dict:
    """Quote cards as JSON rows, with the labels and links they share stated once, for kommunefilter.js."""
    ingredients = {
        row.ingredient_id: [int(row.number), row["name"], page_link(_label(data, "sections", "section_id", row.section_id, "book_page"))]
        for _, row in data.ingredients.iterrows()
    }
    sections = {row.section_id: [row.title, page_link(row.book_page)] for row in data.sections.itertuples()}
    return {
        "attributionLabels": ATTRIBUTION_LABELS,
        "ingredients": ingredients,
        "sections": sections,
        "columns": STORE_COLUMNS,
        "rows": [quote_record(data, g) for g in groups],
    }


def quote_store(data: Dataset) -> Html:
    """Every quote once, as JSON rows: drill-through charts render the cards behind a number from it.

    Rows, not finished cards: the markup every card repeats (badges, links, labels) is stated once,
    which keeps a page with national-scale data to a few megabytes instead of tens.
    """
    return Html(json_island(store_payload(data, group_turns(data.quotes)), "kr-quote-store"))

