"""The report's condensed guide as a checklist, and the attention points, each labelled by whose words they are.

The report states one attention point itself and links no recommendation to an ingredient; everything
else here is the editors' reading, and the page says so beside it. The checklist's ticks are kept in the
browser by book/_static/tjekliste.js, which only reads and writes the boxes this markup holds.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from kulturensrige.data import provenance, publishing
from kulturensrige.data.frames import lookup, table_rows
from kulturensrige.data.loading import Dataset
from kulturensrige.data.pages import heading_id
from kulturensrige.render import cards
from kulturensrige.render.markup import Html, book_link, esc
from kulturensrige.render.slips import row_slips, slip_note
from kulturensrige.rules import views
from kulturensrige.words import count_word, listing, plural

# The heading the checklist stands under in book/afsluttende-betragtninger.ipynb, and the id Sphinx gives it: the
# front page's "Guiden som tjekliste" leads there, not to the top of the page.
HEADING = "Den kondenserede guide"
ANCHOR = heading_id(HEADING)
# The heading each ingredient's page sets its share of the guide under (book/ingredienser/*.ipynb), as a checklist.
INGREDIENT_HEADING = "I guiden"


def quoted(data: Dataset, table: str, row_id: str, report_text: str) -> str:
    """A row's words of the report in »…« with the note on the slips report_slips.csv lists in them (slip_note), as
    every medium prints them: the checklist, the findings and the municipality editions (reader 25 r2, #1: the
    editions printed the guide's »?« bare)."""
    holder = provenance.folder_words(data.options).holder
    return f"»{report_text}«{slip_note(report_text, holder, row_slips(data, table, [row_id]))}"


# How alike the book's wording of a point and the report's may be, as the share of their words in the same order
# (difflib's ratio over words), for the book's to be left out: „Ræk ud til de lokale kulturinstitutioner.“ over
# »Ræk ud til lokale kulturinstitutioner.« doubled the checklist on a phone and told the reader nothing (reader32, #8;
# ADR 123). With these data two of the six points are alike (0.91, 0.74); the others are 0.48-0.58.
SAME_WORDING = 0.7


def own_words(text: str, report_text: str) -> bool:
    """Whether the book words a point otherwise than the report does, so that both stand (SAME_WORDING)."""
    book, report = (re.findall(r"\w+", t.lower()) for t in (text, report_text))
    return difflib.SequenceMatcher(None, book, report, autojunk=False).ratio() < SAME_WORDING


def point_texts(data: Dataset, row) -> tuple[str, str]:
    """A checklist point as every medium sets it: its text and the report's wording under it ('' where the point is
    the report's wording itself, in »…«: the book's says nearly the same, own_words)."""
    quoted_words = quoted(data, "guide_recommendations", row.recommendation_id, row.report_text)
    return (str(row.text), quoted_words) if own_words(str(row.text), str(row.report_text)) else (quoted_words, "")


def wording_note(data: Dataset) -> str:
    """Whose words the checklist's items are, in kilder.csv's words for the column: 'Punkterne er redaktionens ord: en
    kort gengivelse af guiden; under hvert punkt står rapportens ordlyd.' Reading 15, finding 3: the items ('Saml en
    tværfaglig gruppe …') stood unmarked, and the PDF said the checklist stood 'med rapportens ordlyd under hvert punkt'."""
    whose, _ = publishing.column_source(data, "guide_recommendations", "text")
    return f"Punkterne er {whose}: en kort gengivelse af guiden; {under(data)}."


def basis_note(data: Dataset) -> str:
    """Whose the checklist's items and their ties to the ingredients are, over the list, in one short sentence where
    both are the editors': 'Punkterne og deres ingredienser er redaktionens; under hvert punkt står rapportens
    ordlyd.' Two sentences said „redaktionens“ twice in 28 words before the first item (reader28, F1; docs/adr/0100);
    what the editors did, and why, stand in »Om kilderne« and the data dictionary. Where the two are not both the
    editors', each is said as before (wording_note, ties_line)."""
    own = provenance.words(provenance.BY_EDITORS).own
    items, _ = publishing.column_source(data, "guide_recommendations", "text")
    ties = provenance.value_label(data.options, "guide_recommendations.ingredient_ids")
    if items.startswith(f"{own} ") and ties.startswith(f"{own} "):
        # Where some point is the report's wording itself (point_texts), those are not the editors' (ADR 123).
        whose = "Punkterne og deres ingredienser" if all_own_words(data) else "Ingredienserne og punkterne uden »…«"
        return f"{whose} er {own}; {under(data)}."
    return f"{wording_note(data)} {ties_line(data)}"


def under(data: Dataset) -> str:
    """Where the report's wording stands by the points: 'under hvert punkt står rapportens ordlyd', or, where some
    point is the report's wording itself (point_texts), that those stand in »…« and the others have it under them."""
    wording = provenance.folder_words(data.options).wording
    return f"under hvert punkt står {wording}" if all_own_words(data) else f"et punkt i »…« er {wording}, og under de andre står den"


def all_own_words(data: Dataset) -> bool:
    """Whether the book words every point otherwise than the report (own_words), so each has the report's under it."""
    return all(own_words(str(r.text), str(r.report_text)) for r in table_rows(data.guide_recommendations))


TIES_SUBJECT = "Ingredienserne ved hvert punkt"


def ties_line(data: Dataset) -> str:
    """Whose the checklist's ties to the ingredients are, in one short line over the list: 'Ingredienserne ved hvert
    punkt: redaktionens kobling, ikke rapportens.' The line said it, then its reason said it again ('…: Rapporten kobler
    ikke guidens anbefalinger til ingredienserne; koblingen er redaktionens læsning.', reader 27, #1); the reason stands
    in »Om kilderne« and the data dictionary with the other reasons."""
    line = provenance.whose_parts(data.options, "guide_recommendations.ingredient_ids").line
    return f"{TIES_SUBJECT}: {line[0].lower()}{line[1:]}"


def checklist(data: Dataset, ingredient_id: str = "") -> Html:
    """The guide's recommendations as ticks that persist; with an ingredient, only those the editors link to it."""
    recs = data.guide_recommendations.sort_values("position")
    if ingredient_id:
        recs = recs[recs["ingredient_ids"].map(lambda ids: ingredient_id in ids)]
    if recs.empty:
        return Html('<p class="kr-empty-note">Ingen af guidens anbefalinger er koblet til denne ingrediens.</p>')
    wording = esc(provenance.wording(data.options))
    items = "".join(
        f'<li class="kr-check-item"><input type="checkbox" id="anbefaling-{esc(r.recommendation_id)}" '
        f'data-kr-check="{esc(r.recommendation_id)}">'
        f'<label for="anbefaling-{esc(r.recommendation_id)}">{esc(text)}</label>'
        + (f'<p class="kr-wording"><span class="kr-wording-label">{wording}:</span> {esc(report)}</p>' if report else "")
        # No mark on each item: the note over the list says once whose the links are (issue 22).
        + '<div class="kr-check-links"><span class="kr-editors-label">Ingredienser:</span> '
        f"{cards.ingredient_badges(data, r.ingredient_ids)}</div></li>"
        for r in table_rows(recs)
        for text, report in [point_texts(data, r)]
    )
    return Html(
        f'<p class="kr-basis-note">{esc(basis_note(data))}</p>'
        f'<div class="kr-checklist-box" data-kr-checklist><ul class="kr-checklist">{items}</ul>'
        '<p class="kr-checklist-controls" hidden><button type="button" class="kr-checklist-reset">Fjern alle flueben</button> '
        '<span class="kr-checklist-saved">Fluebenene gemmes kun i denne browser.</span></p></div>'
    )


def where_the_rest_stands(data: Dataset) -> Html:
    """The last line of a municipality's profile, after its own content: where the quotes and the guide's advice stand, the same for every
    municipality, on the ingredients' pages, named as the data name them, in their order, with the light mark of whose the guide's ties are
    (ADR 81): „Citaterne står på siderne om de fire ingredienser: …; på de samme sider står guidens råd som tjekliste under „I guiden“
    (red.).“, without a count (reader31, #2; ADR 112). The guide's clause comes last, so the whole book can point it at its one
    checklist (editions.GUIDE_SHARES_SAID): put first, the PDF said the checklist stood on the ingredients' pages. Two sections said it
    in a paragraph each, the same on every profile, after the municipality's own (reader 27, #2); reader 26 r2, #8's way to the
    checklists is its last clause. Where the data tie quotes to the municipality, its own stand above, and the line speaks only of
    the guide."""
    book_pages = lookup(data.sections, "section_id", "book_page")
    rows = table_rows(data.ingredients.sort_values("number"))
    pages = [book_link(str(book_pages[row.section_id]), esc(row.name)) for row in rows]
    ties = provenance.value_label(data.options, "guide_recommendations.ingredient_ids")
    mark = f'<span class="kr-by" title="{esc(ties)}">{esc(provenance.page_mark(ties))}</span>'
    four = f"de {count_word(len(pages))} ingredienser"
    tied = views.any_tied(data)
    # „der“ after the pages' names read as a relative pronoun (reading 28, #8): the pages are named in words.
    where = f"guidens råd står som tjekliste på siderne om {four}" if tied else "på de samme sider står guidens råd som tjekliste"
    advice = f"{where} under „{INGREDIENT_HEADING}“ {mark}"
    if tied:
        said = f"{advice[0].upper()}{advice[1:]}: {listing(pages)}."
    else:
        # No count: „30 af de 38 citater står under …“ was bookkeeping at the end of every profile (reader31, #2); the
        # ingredient overview counts the quotes.
        said = f"Citaterne står på siderne om {four}: {listing(pages)}; {advice}."
    return Html(f'<p class="kr-advice">{said}</p>')


def _these(n: int) -> str:
    return "dette opmærksomhedspunkt" if n == 1 else f"disse {plural(n, 'opmærksomhedspunkt', 'opmærksomhedspunkter')}"


@dataclass(frozen=True)
class AttentionPoints:
    """One group of an ingredient's attention points and the sentence that says whose they are: the report's own, or
    the editors' reading (an analyst's in an analyst's folder). The pages and the PDF editions both say it so."""

    label: str  # 'Redaktionens læsning' before the lead, or '' for the report's own points
    lead: str
    points: tuple[tuple[str, str], ...]  # (text, section_id)
    editors: bool


def attention_point_groups(data: Dataset, ingredient_id: str) -> list[AttentionPoints]:
    """The report's own attention point first (or that it names none); the editors' reading of the section after it."""
    points = data.attention_points[data.attention_points["ingredient_id"] == ingredient_id].sort_values("position")
    stated = points[points["basis"] == "stated"]
    inferred = points[points["basis"] == "inferred"]

    # Each point as the data word it: the report's words stand in »…« in the text itself, whatever the row's basis
    # (schema.POINT_MARKS), so the page, the PDF and attention_points.csv mark them alike.
    def rows(frame) -> tuple[tuple[str, str], ...]:
        return tuple((str(p.text), str(p.section_id)) for p in table_rows(frame))

    # Whose points they are, in the one wording (data/provenance.py): the report's and the editors', or an analyst's.
    said = provenance.folder_words(data.options)
    holder, named = said.subject, said.holder  # „Analytikerens“ mid-sentence after „;“ (reading32, #8)
    kind = provenance.value_label(data.options, "attention_points.basis")
    label = kind[0].upper() + kind[1:]
    none_named = f"{named} nævner ikke selv et opmærksomhedspunkt ved denne ingrediens."
    if stated.empty and not inferred.empty:
        # One sentence: "Rapporten nævner ikke selv …" followed by "…, som rapporten ikke selv kalder
        # opmærksomhedspunkter" said the same absence twice (the s20 reader on ingredienser/gnist-og-flamme).
        return [AttentionPoints(label, f"afsnittet peger på disse punkter; {none_named}", rows(inferred), True)]
    if stated.empty:
        return [AttentionPoints("", none_named[0].upper() + none_named[1:], (), False)]
    groups = [AttentionPoints("", f"{holder} nævner selv {_these(len(stated))}:", rows(stated), False)]
    if not inferred.empty:
        lead = f"afsnittet peger desuden på disse punkter, som {named} ikke selv kalder opmærksomhedspunkter."
        groups.append(AttentionPoints(label, lead, rows(inferred), True))
    return groups


def attention_points(data: Dataset, ingredient_id: str) -> Html:
    """The attention point groups as the ingredient's page shows them, each point with a link to its section."""
    parts = []
    for group in attention_point_groups(data, ingredient_id):
        label = f'<span class="kr-editors-label">{esc(group.label)}:</span> ' if group.label else ""
        parts.append(f'<p class="kr-basis-note">{label}{esc(group.lead)}</p>')
        if group.points:
            items = "".join(
                f'<li>{esc(text)} <span class="kr-source-line">{cards.section_link(data, section_id)}</span></li>'
                for text, section_id in group.points
            )
            css = "kr-attention kr-attention-editors" if group.editors else "kr-attention"
            parts.append(f'<ul class="{css}">{items}</ul>')
    return Html("".join(parts))
