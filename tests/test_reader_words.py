"""What the reader pages say, read as a new reader would (issue 22's review and issue 21's seen-but-left items):
counts that fit one total, a filter that is said to highlight, empty columns that say why, one provenance note a
block, plain Danish on reader pages and a plain build line."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import words as words_module
from kulturensrige.book import extension
from kulturensrige.data import provenance
from kulturensrige.data.schema import EDITORIAL, EDITORIAL_VALUES, INFERENCE_RULE
from kulturensrige.edition import editions
from kulturensrige.render import cards, charts, comparison, front_page, lists
from kulturensrige.rules import filters, statistics, views
from kulturensrige.words import SOFT_HYPHEN, genitive, hyphenated
from support.checks import each


def text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True).split())


def quote_passage(data) -> str:
    """The front page's key figure for quotes, its number, and the sentence and list on what it counts: the front
    page's first counts and the data chapter's whole list (front_page.quote_counting)."""
    figures = BeautifulSoup(front_page.key_figures(data).markup, "html.parser")
    item = next(li for li in figures.select("li") if re.match(r"[\d.]+ citater", li.get_text(" ", strip=True)))
    counting = BeautifulSoup(front_page.quote_counting(data).markup, "html.parser")
    return " ".join(text(part) for part in (item, counting.select_one("p.kr-quote-count"), counting.select_one("ul.kr-quote-parts")))


def quote_items(data) -> list[str]:
    """The data chapter's list of what the book's quote count holds, an item a count."""
    counting = BeautifulSoup(front_page.quote_counting(data).markup, "html.parser")
    return [text(li) for li in counting.select("ul.kr-quote-parts > li")]


def test_the_front_page_gives_the_quote_total_alone_and_leads_to_the_rest_in_the_data_chapter(data):
    """Reader 12, finding 6: seven bullets on counting on the front page buried the substance, and three left the
    issue 22 reviewer with six numbers and none to cite. The front page gives the total, says it is the book's, and
    links to the data chapter, which gives every part."""
    figures = BeautifulSoup(front_page.key_figures(data).markup, "html.parser")
    assert not figures.select("ul.kr-quote-parts") and len(quote_items(data)) > 3
    assert front_page.REPORT_STATES_NO_COUNT in text(figures)
    # One link to how the book counts and who says what: the section "Hvem siger det", which holds the counting
    # (reader 24, #1: the front page's own account of its counting moved there).
    link = figures.select_one("p.kr-quote-more a")
    assert link is not None and link["href"].endswith(f"{front_page.EDITORS_PAGE}.html#{front_page.EDITORS_ANCHOR}")
    assert link.get_text() == front_page.METHOD_LINK
    chapter = (Path(__file__).resolve().parent.parent / "book" / f"{front_page.EDITORS_PAGE}.ipynb").read_text(encoding="utf-8")
    assert f"({front_page.COUNTING_ANCHOR})=" in chapter and "front_page.quote_counting(data)" in chapter
    assert chapter.index("(kilder)=") < chapter.index(f"({front_page.COUNTING_ANCHOR})=")


def test_the_front_pages_quote_counts_are_parts_of_one_total(data):
    """38 as the key figure, 'Rapporten trykker 35' beside it and '36 citater' further down, with nothing to say how
    they fit: the passage names the book's total once and says every other count as a part of it, in a list whose
    every item opens with its count (six counts in one paragraph were hard to scan), under one sentence that says
    the counts are the book's."""
    tally = statistics.quote_tally(data)
    said, items = quote_passage(data), quote_items(data)
    exchanges = data.quotes.loc[data.quotes["exchange_id"] != "", "exchange_id"].nunique()
    in_exchange = int((data.quotes["exchange_id"] != "").sum())
    cited = int((data.quotes["reference_key"] != "").sum())
    with_ingredient = int(data.quotes["ingredient_ids"].map(bool).sum())
    assert said.startswith(f"{len(data.quotes)} citater")
    assert "Rapporten angiver ikke selv, hvor mange citater den har. Alle tallene her er bogens optælling:" in said
    assert f"{len(data.quotes)} citater i alt: bogen regner hver af de {in_exchange} replikker i {exchanges} ordvekslinger" in items[0]
    printed = f"{len(data.quotes) - in_exchange + exchanges} citater står i rapporten, hvor hver ordveksling tæller som ét"
    assert items[1] == f"{printed}; det er de samme {len(data.quotes)}, talt på den måde."
    assert f"{len(data.quotes) - cited} af de {len(data.quotes)} er fra rapportens eget materiale, {cited} fra litteraturen." in items
    # Reading 13, #11: the count says whose its ties are (the report's and the editors'), in the same item.
    behind = f"{with_ingredient} af bogens {len(data.quotes)} citater underbygger mindst én af de virksomme ingredienser."
    assert any(item.startswith(behind) for item in items), items
    without = len(data.quotes) - with_ingredient
    outside = f"{without} af de {len(data.quotes)} citater underbygger ingen ingrediens; de står i rapportens afsnit"
    assert any(i.startswith(outside) for i in items)
    assert any(i.startswith(f"{sum(tally.by_ingredient.values())} citater står på ingredienssiderne tilsammen") for i in items)
    # each item but the one on whose ties they are opens with the count it explains
    for item in each([i for i in items if not i.startswith("Bogen tæller")]):
        assert re.match(r"\d+ ", item), item
    # the ties further down count the quotes from the evaluation itself, the part named above
    ties = text(front_page.ties(data).markup)
    assert (
        f"Af bogens {len(data.quotes)} citater er {len(data.quotes) - cited} fra rapportens eget materiale og {cited} fra litteraturen"
        in ties
    )


def test_the_ingredient_cards_add_up_to_the_sum_their_note_gives(data):
    """Four cards of 5, 9, 10 and 8 quotes sum to 32 against the front page's 38: the note under them says which
    quotes count twice and which count nowhere, and its numbers are the cards' and the front page's."""
    overview = BeautifulSoup(lists.ingredient_cards(data).markup, "html.parser")
    # A card's count: its total where two sources add up to it, else its one tie sentence (reader 17).
    said = [c.select_one(".kr-card-kicker") or c.select_one(".kr-ingredient-tie") for c in overview.select("article.kr-ingredient-card")]
    counts = [int(re.search(r"(\d+) citat", k.get_text()).group(1)) for k in each(said)]
    note = text(overview.select_one(".kr-count-parts"))
    several = int((data.quotes["ingredient_ids"].map(len) > 1).sum())
    # the front page's list gives the same counts, each item opening with its own; under the cards the sum says the
    # book's counts once and the note only what the sum does not (reader31, #3: it said them twice)
    pages = f"{', '.join(map(str, counts[:-1]))} og {counts[-1]}"
    front = f"{sum(counts)} citater står på ingredienssiderne tilsammen ({pages}), fordi {several} af de {len(data.quotes)} citater"
    assert front in quote_passage(data) and f"tilsammen {sum(counts)} citater ({pages})" in note
    summed = text(overview.select_one(".kr-count-sum"))
    with_ingredient = int(data.quotes["ingredient_ids"].map(bool).sum())
    numbers = [with_ingredient, len(data.quotes), several, len(data.quotes) - with_ingredient]
    assert [int(n) for n in re.findall(r"\d+", summed)] == numbers, summed
    parts = [i for i in quote_items(data) if "ingrediens" in i]
    assert parts and all(re.match(r"\d+ ", item) and item.split()[0] in re.findall(r"\d+", f"{summed} {note}") for item in each(parts))
    without = data.quotes.loc[data.quotes["ingredient_ids"].map(len) == 0, "section_id"]
    titles = dict(zip(data.sections["section_id"], data.sections["title"], strict=True))
    for section_id in each(set(without)):
        assert f"»{titles[section_id]}«" in note


def test_the_built_front_page_and_ingredient_overview_show_the_same_counts(built_site: Path, data):
    """The built pages, as a reader gets them: the notebooks call the functions above."""
    counting = text((built_site / f"{front_page.EDITORS_PAGE}.html").read_text(encoding="utf-8"))
    overview = text((built_site / "ingredienser" / "oversigt.html").read_text(encoding="utf-8"))
    note = text(BeautifulSoup(lists.ingredient_cards(data).markup, "html.parser").select_one(".kr-count-parts"))
    # the data chapter gives the same counts as a list, an item a count (quote_items), the front page its first ones
    assert note and note in overview and all(item in counting for item in each(quote_items(data)))


# Wording that says a chosen municipality hides or narrows what a page shows: it only ever highlights.
NARROWING = re.compile(
    r"\bfiltrer\w*|kun citater knyttet til (den|kommunen)|tæller figuren kun|ser du kun|viser siden kun|"
    r"kun (de|den) kommune\w*,? (der|du)",
    re.IGNORECASE,
)


def reader_sources() -> dict[str, str]:
    """Every text a reader page or an edition is written from: the chapters' notebooks and the package's templates,
    scripts and Python strings."""
    repo = Path(__file__).resolve().parent.parent
    files = [
        *(repo / "book").rglob("*.ipynb"),
        *(repo / "book" / "_static").glob("*.js"),
        *(repo / "kulturensrige").rglob("*.j2"),
        *(repo / "kulturensrige" / "edition" / "templates").glob("*.html"),
        *(repo / "kulturensrige" / "render").glob("*.py"),
        *(repo / "kulturensrige" / "edition").glob("*.py"),
    ]
    return {str(f.relative_to(repo)): f.read_text(encoding="utf-8") for f in files if "_build" not in f.parts}


def test_no_reader_text_says_choosing_a_municipality_narrows_the_page():
    """'kun citater knyttet til den kommune' and 'Tabellen kan filtreres' told the reader a choice hides the rest,
    where it highlights and leaves everything standing."""
    found = {name: [m.group(0) for m in NARROWING.finditer(source)] for name, source in each(reader_sources().items())}
    assert not {name: hits for name, hits in found.items() if hits}


def test_an_empty_column_in_the_quote_matrix_says_why(data):
    """Egedal's and Aarhus' highlighted columns were empty without a word: every variant whose chosen municipality
    has no quote under an ingredient says why under the matrix. Every view, with or without inferred ties, also names
    every other empty column (with a municipality chosen, the others stood empty without a word: a fifth new reader's
    review, finding 4), in a sentence shown under the chart."""
    chart = charts.ingredient_municipality_matrix(data)
    notes = {p["data-variant"]: p.get_text() for p in BeautifulSoup(str(chart.html()), "html.parser").select("p.kr-variant-note")}
    for key, code, inferred in each(views.states(data)):
        variant = chart.variants[key]
        tied = data.quotes.loc[views.tied_quotes(data.quotes, inferred)["kommunekode"] == code]
        empty = [
            c for c in data.municipalities["kommunekode"]
            if not data.quotes.loc[views.tied_quotes(data.quotes, inferred)["kommunekode"] == c, "ingredient_ids"].map(bool).any()
        ]  # fmt: skip
        for name in each([filters.municipality_name(data, c) for c in empty]):
            assert name in variant.said, (key, name)
        assert bool(variant.said) == bool(empty), key
        if empty:
            assert notes[key] == variant.said, key
        if code == filters.ALL:
            continue
        name = filters.municipality_name(data, code)
        if tied["ingredient_ids"].map(bool).any():
            assert f"{genitive(name)} kolonne er tom" not in variant.said, key
            continue
        assert variant.said.startswith(f"{genitive(name)} kolonne er tom."), key
        if tied.empty:
            assert "ingen tilknytning til kommunen er" in variant.said or "slået fra" in variant.said, key
        else:
            for section_id in set(tied["section_id"]):
                assert filters.section_title_quoted(data, section_id) in variant.said, key
        assert notes[key] == variant.said, key


def test_a_municipality_without_marks_in_a_comparison_table_is_explained_next_to_it(data):
    """Guldborgsund's column was empty in every comparison table: a sentence next to the table names its initiatives
    and says none of them has an item of the table's kind. It stood only in the closed »Om figuren« (a fifth new
    reader's review, finding 4): now it is shown under the table, outside any fold, in every view (the page shows one
    table for all), and a table without an empty column has no such sentence. It says the municipality has no number
    in the table, not that its column is empty: a phone shows the table as rows of named marks (reader 26, #4)."""
    for chart, column in each(
        [
            (charts.art_forms_by_municipality(data), "art_form_ids"),
            (charts.target_groups_by_municipality(data), "target_group_ids"),
            (charts.settings_by_municipality(data), "setting_ids"),
        ]
    ):
        for code in each(list(data.municipalities["kommunekode"])):
            own = data.initiatives[data.initiatives["kommunekode"] == code]
            name = filters.municipality_name(data, code)
            shown = BeautifulSoup(str(chart.html()), "html.parser").select_one("figure > p.kr-marks-empty")
            said = shown.get_text() if shown is not None else ""
            assert f"{name} har intet tal i tabellen" not in chart.note and "kolonne" not in said
            if own[column].map(bool).any():
                assert f"{name} har intet tal i tabellen" not in said
            else:
                assert f"{name} har intet tal i tabellen" in said, (chart.figure_id, name)
                for title in own["title"]:
                    assert title in said


DISCLAIMER = re.compile(r"Redaktionens [^.:]*, ikke rapportens[.:]")


def test_a_block_with_several_editorial_values_says_whose_once(data):
    """'Redaktionens tilføjelse, ikke rapportens:' stood twice in a row over the municipality table: the values one
    block shows are worded together, in the one provenance wording."""
    for values in each(
        [
            ("municipalities.kommunekode", "municipalities.region"),
            ("figur:organisationer", "initiatives.organisation_ids", "organisations.kind"),
            ("figur:kunstformer-kommune", "initiatives.art_form_ids"),
        ]
    ):
        said = provenance.values_note(data.options, *values)
        assert len(DISCLAIMER.findall(said)) == 1, said
        for value in values:
            assert EDITORIAL_VALUES[value].reason in said
    assert len(DISCLAIMER.findall(str(lists.whose(data, "municipalities.kommunekode", "municipalities.region")))) == 1
    assert len(DISCLAIMER.findall(charts.partners_by_kind(data).note)) == 1


def blocks(page: BeautifulSoup) -> list[str]:
    """A page's text block by block, a heading starting each, without the figures' text alternatives (read aloud
    as a figure's description, not as part of the running text)."""
    for hidden in page.select(".kr-alt, script, style, nav, .bd-sidebar-primary, .bd-sidebar-secondary"):
        hidden.decompose()
    main = page.select_one("main") or page
    parts, current = [], []
    for node in main.find_all(string=True):
        if node.parent.name in ("h1", "h2", "h3") and current:
            parts.append(" ".join(current))
            current = []
        current.append(str(node))
    parts.append(" ".join(current))
    return parts


def test_no_block_of_a_built_page_says_whose_twice(built_site: Path):
    """Two disclaimers one after the other in a block (the municipality table's, the partner chart's) read as
    repetition: every block says it once."""
    for path in each(sorted(p for p in built_site.rglob("*.html") if "_static" not in p.parts and "om-data" not in p.parts)):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for block in blocks(page):
            assert len(DISCLAIMER.findall(block)) <= 1, (path.name, block[:300])


def test_the_side_by_side_line_says_how_many_of_the_quotes_support_each_ingredient(data):
    """Køge's column said '2 citater knyttet til kommunen (udledt af redaktionen); de underbygger: Gnist og flamme',
    where only one of the two (the other is a star moment) supports it."""
    view = BeautifulSoup(str(comparison.compare_view(data)), "html.parser")
    for row in each(list(data.municipalities.itertuples())):
        column = view.select_one(f'[data-compare="{row.kommunekode}"]')
        said = column.get_text(" ", strip=True)
        quotes = filters.quotes(data, filters.QuoteFilter(kommunekode=row.kommunekode))
        supporting = int(quotes["ingredient_ids"].map(bool).sum())
        if supporting and supporting < len(quotes):
            assert f"{supporting} af dem underbygger" in said, said
            assert "de underbygger" not in said
        for ingredient in data.ingredients.itertuples():
            n = int(quotes["ingredient_ids"].map(lambda ids, i=ingredient.ingredient_id: i in ids).sum())
            if n:
                assert f"{ingredient.name} ({n} citat" in said, said


def test_the_editors_terms_for_target_groups_art_forms_and_settings_are_marked(data):
    """The labels under 'Målgrupper', 'Kunstformer og aktiviteter' and 'Steder' are the editors' words for the report's
    running text, not the report's: the initiative list, the side-by-side view and the tables of marks say so."""
    terms = ("initiatives.target_group_ids", "initiatives.art_form_ids", "initiatives.setting_ids")
    for value in each(terms):
        assert provenance.value_source(data.options, value) == "redaktionen"
    reason = EDITORIAL_VALUES["initiatives.target_group_ids"].reason
    for shown in each([text(cards.initiative_list(data)), text(comparison.compare_view(data))]):
        # The line over the cards names the terms among whatever else of theirs is said once (ADR 31).
        assert re.search(r"Redaktionens [^.]*\bbetegnelser\b[^.]*, ikke rapportens", shown) and reason in shown
        assert shown.count(reason) == 1
    for chart in each(
        [charts.art_forms_by_municipality(data), charts.target_groups_by_municipality(data), charts.settings_by_municipality(data)]
    ):
        assert "betegnelser, ikke rapportens:" in chart.note and reason in chart.note


# Analysts' words a reader page should not need: the data's kinds of initiative, its speaker categories, its rows.
JARGON = re.compile(r"\bAktion\b|\bElement\b|[Tt]alerkategori\w*|række pr\. replik|\bi data er\b|\brækker?\b i data")


def reader_text(markup: object) -> str:
    page = BeautifulSoup(str(markup), "html.parser")
    for hidden in page.select("script, style, template"):
        hidden.decompose()
    return " ".join(page.get_text(" ").split())


def test_reader_pages_say_it_plainly(data):
    """'Aktion: 4, Projekt: 4, Element: 7', 'fordelt på talerkategori' and 'én række pr. replik' on reader pages: the
    precise terms stay in the analysts' chapter and the data dictionary."""
    shown = {
        "forside": reader_text(front_page.key_figures(data)),
        "indsatser": reader_text(cards.initiative_list(data)),
        "side om side": reader_text(comparison.compare_view(data)),
        "citater pr. ingrediens": reader_text(charts.quotes_per_ingredient(data).html()),
        **{chart.figure_id: chart.note for chart in (charts.art_forms_by_municipality(data), charts.settings_by_municipality(data))},
    }
    repo = Path(__file__).resolve().parent.parent
    for notebook in (repo / "book").rglob("*.ipynb"):
        if "om-data" not in notebook.parts and "_build" not in notebook.parts:
            cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
            shown[notebook.name] = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    found = {where: JARGON.findall(said) for where, said in each(shown.items())}
    assert not {where: hits for where, hits in found.items() if hits}


def test_the_field_diary_is_not_credited_to_a_speaker_the_report_does_not_name(data, report_text: str):
    """The chart counted the field diary 'fra Evaluator': the report captions it 'Feltdagbog, workshop nummer fire,
    Arken' and never says who wrote it."""
    flat = " ".join(report_text.split())
    assert "Feltdagbog, workshop nummer fire, Arken" in flat and not re.search(r"evaluators? feltdagbog", flat, re.IGNORECASE)
    diaries = data.quotes[data.quotes["kind"] == "feltdagbog"]
    categories = data.speaker_categories.set_index("speaker_category_id")
    for category in each(list(diaries["speaker_category"])):
        assert "evaluator" not in categories.loc[category, "label"].casefold()
    kinds = data.quote_kinds.set_index("quote_kind_id")
    assert "evaluator" not in kinds.loc["feltdagbog", "description"].casefold()


def test_the_footer_meets_a_reader_with_a_plain_line_and_no_code():
    """'Bygget fra datamappen data (fingeraftryk a7e7d48a5f) den …' in monospace on every page, later 'Udgave
    bb70c7653d' (issue 22): the reader gets a plain line, and no code."""
    stamp = BeautifulSoup(extension.provenance_html(dt.date(2026, 12, 5)), "html.parser")
    assert stamp.select_one(".kr-provenance").get_text(" ", strip=True) == "Bygget 5. december 2026."
    assert not stamp.select("code, .kr-fingerprint")


def test_an_editions_cover_says_when_in_one_plain_line_and_no_page_the_fingerprint(data, edition_charts):
    """The cover says when; the analysts' fingerprint stood in the colophon at the end (issue 22: "Til analytikere:
    datamappens fingeraftryk …" on the cover a reader meets first), the last thing a committee read (reader30 #6): a
    municipality's edition names it in its properties only (ADR 108)."""
    stamp = editions.Stamp("data", "0123456789", dt.date(2026, 12, 5))
    page = editions.municipality_edition(data, "259", stamp, edition_charts, "plotly.min.js")
    soup = BeautifulSoup(page, "html.parser")
    cover = soup.select_one("header.kr-cover")
    # The day follows the contents on the cover's page (ADR 90: one note before the contents).
    after = soup.select_one("nav.kr-toc ~ .kr-after-toc")
    assert after.select_one(".kr-built").get_text(" ", strip=True) == "Bygget 5. december 2026."
    assert "0123456789" not in cover.get_text() and "0123456789" not in after.get_text()
    assert "0123456789" not in soup.get_text() and not soup.select("footer.kr-colophon")


def print_rules() -> list[tuple[str, str]]:
    """(selectors, declarations) of every rule inside an @media print block of the book's stylesheets."""
    rules = []
    for sheet in (Path(__file__).resolve().parent.parent / "book" / "_static").glob("*.css"):
        css = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        for start in (m.end() for m in re.finditer(r"@media print\s*\{", css)):
            depth, end = 1, start
            while depth:
                depth += {"{": 1, "}": -1}.get(css[end], 0)
                end += 1
            rules += re.findall(r"([^{}]+)\{([^{}]*)\}", css[start : end - 1])
    return rules


def test_a_page_printed_from_the_browser_leaves_out_what_only_a_screen_can_do():
    """Ctrl+P of a web page printed the '.kr-web-only' sentences (click a bar, choose in the filter)."""
    hidden = [
        selectors
        for selectors, declarations in each(print_rules())
        if re.search(r"display:\s*none", declarations) and ".kr-web-only" in [s.strip() for s in selectors.split(",")]
    ]
    assert hidden


def test_the_reports_captions_over_the_editors_drawings_say_whose_drawing_it_is(data):
    """'Figur 2. Fællesskabelse af værdi gennem aktionslæring' stood over a diagram the editors drew from the text. Since
    a reading that drawing has the book's own title (tests/test_inferred_ties_off_and_published_blanks.py); the
    others keep the report's, bare, and the mark stands after the figure's number (reading s23, F6)."""
    drawn = {
        "figur:forloeb": text(charts.programme_timeline(data).html()),
        "figur:seks-p": text(charts.six_ps(data)),
        "figur:ordsky": text(charts.figure4_words(data)),
    }
    for value, shown in each(drawn.items()):
        number = int(re.search(r"Figur (\d) ", shown).group(1))
        caption = data.figures.loc[data.figures["number"] == number, "caption"].iloc[0].removesuffix(".")
        # On a page the editors' short mark, under the page's key (docs/adr/0036).
        mark = re.escape(provenance.page_mark(provenance.value_label(data.options, value)))
        assert re.search(rf"Figur {number} {mark}\. {re.escape(caption)}\.? ", shown), value


def test_the_group_composition_shows_only_the_counts_the_report_gives(data, report_text: str):
    """A column 'Mindst' said at least one health consultant where the report recommends 'en sundhedskonsulent'; only
    'en eller flere' is a least number in the report."""
    table = BeautifulSoup(str(lists.group_composition(data)), "html.parser")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Rolle", "Antal (som i rapporten)"]
    flat = " ".join(report_text.split())
    for row in each(list(data.group_composition.itertuples())):
        assert f"{row.count_text} {row.role}" in flat.replace("- ", "")


def test_a_municipalitys_edition_says_why_its_table_of_terms_is_empty(data, edition_charts):
    """Guldborgsund's edition drew its art forms and target groups with every bar of its own at 0, without a word."""
    empty = [
        c
        for c in data.municipalities["kommunekode"]
        if not data.initiatives.loc[data.initiatives["kommunekode"] == c, "art_form_ids"].map(bool).any()
    ]
    stamp = editions.Stamp("data", "0123456789", dt.date(2026, 12, 5))
    computed = edition_charts
    for code in each(empty):
        page = BeautifulSoup(editions.municipality_edition(data, code, stamp, computed, "plotly.min.js"), "html.parser")
        # Said once, in the diagram's "Figuren viser" (pdf22l: no second note under it), or, where no bar of its own is
        # worth drawing, in the sentence that stands for the drawing (editions.worth_drawing, issue 22).
        # Since ADR 102 a table with no count of the municipality's is one line in its part (kr-figure-elsewhere).
        notes = " ".join(" ".join(m.get_text().split()) for m in page.select(".kr-alt, .kr-figure-said, .kr-figure-elsewhere"))
        assert f"{filters.municipality_name(data, code)} har intet tal i tabellen" in notes, code


def test_a_long_name_gets_soft_hyphens_at_danish_points_and_reads_the_same_without_them():
    """The narrow names' column of a table of marks on a phone breaks a long word only at a joint of the compound
    (ADR 17); short words get none, and the text is otherwise unchanged."""
    name = "Borgere uden for foreningsfællesskaberne"
    broken = hyphenated(name)
    assert broken.replace(SOFT_HYPHEN, "") == name
    assert broken.startswith("Borgere uden for ") and SOFT_HYPHEN in broken.split()[-1]
    pieces = broken.split()[-1].split(SOFT_HYPHEN)
    assert len(pieces[0]) >= 3 and len(pieces[-1]) >= 3, pieces  # never "fo-…" nor "…-ne"
    assert hyphenated("Køge og Egedal") == "Køge og Egedal"


# Where pyphen's Danish patterns broke the book's words, and where a Dane breaks them (ADR 17).
COMPOUNDS = {
    "Tilgængelighedserklæring": "Tilgængeligheds-erklæring",
    "Klovneshow": "Klovne-show",
    "Teambuilding": "Team-building",
    "Lokalområdet": "Lokal-området",
    "livsmodsgruppe": "livsmods-gruppe",
}


def test_a_compound_breaks_at_its_joint_or_not_at_all():
    """'Tilgængelighed-serklæring', 'Klovnes-how', 'Team-bu-il-ding', 'Loka-l-området', 'livsmod-s-gruppe': a
    hyphenation dictionary's points split compounds at wrong places; a word no joint is listed for stays whole."""
    for word, broken in each(list(COMPOUNDS.items())):
        assert hyphenated(word).replace(SOFT_HYPHEN, "-") == broken
    assert hyphenated("Lokalområdets") == f"Lokal{SOFT_HYPHEN}områdets"  # a listed compound with an ending
    assert hyphenated("Kommuneoversigt Generationer") == "Kommuneoversigt Generationer"


def test_a_compound_listed_with_capitals_breaks_as_one_in_lower_case(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Code review 13, #16: a line of orddeling.txt written with a capital letter never matched, without a word."""
    listed = tmp_path / "orddeling.txt"
    listed.write_text("# Ordliste\nKlovne|Show\n", encoding="utf-8")
    monkeypatch.setattr(words_module, "JOINTS", listed)
    words_module._joints.cache_clear()
    try:
        assert hyphenated("Klovneshow") == f"Klovne{SOFT_HYPHEN}show"
    finally:
        words_module._joints.cache_clear()


def test_every_word_the_built_book_hyphenates_breaks_only_at_listed_joints_into_parts_of_three_letters(built_site: Path):
    """Every title and table name the book hyphenates, as a reader gets it; and every long word of a title or a table of
    marks' names is listed, so a phone can break it."""
    pages = [p.read_text(encoding="utf-8") for p in built_site.rglob("*.html")]
    broken = {w for page in pages for w in re.findall(r"[\w\u00ad]+", page) if SOFT_HYPHEN in w}
    assert broken
    for word in each(sorted(broken)):
        assert min(len(part) for part in word.split(SOFT_HYPHEN)) >= 3, word
        assert hyphenated(word.replace(SOFT_HYPHEN, ""), 1) == word, word
    named = []
    for page in pages:
        soup = BeautifulSoup(page, "html.parser")
        named += [t.get_text() for t in soup.select("article h1")] + [t.get_text() for t in soup.select("table.kr-marks th[scope=row]")]
    long_words = {w for name in named for w in re.findall(r"[\w\u00ad]{16,}", name)}
    assert long_words
    for word in each(sorted(long_words)):
        assert SOFT_HYPHEN in word, word


def test_no_editorial_reason_a_reader_meets_names_a_data_field():
    """Reader 19: the profiles' »Hvorfor?« under Indsatser read »deres titler (title_basis = inferred) har redaktionen
    formuleret«: a column and its value in a reader's sentence. The inference rule is the analysts' (the data chapter
    and the dictionary), where the columns are the subject."""
    for editorial in each(EDITORIAL):
        if editorial.reason != INFERENCE_RULE:
            assert not re.search(r"\w+ = \w+", editorial.reason), editorial.value
