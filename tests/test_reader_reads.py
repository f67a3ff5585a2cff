"""Issue 22 (phone22g): what a reader reads. Nothing of the findings folded away, no empty disclosure, the report's own
wording in view, and plain Danish where a reader reads (the PDF editions' cover and pages: tests/test_pdf.py)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from support.checks import each


def _soup(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts and "_sources" not in p.parts)


def test_no_summary_on_any_page_is_empty_in_any_view(built_site: Path):
    """The reviewer met a closed disclosure with an empty summary (the sidebar's chapter toggles: a chevron and an
    aria-label). Every <summary> says in text what it opens, and says it in every view: text that only a variant
    span holds (data-variant) would be empty in the others."""
    for page in each(_pages(built_site)):
        for summary in _soup(page).select("summary"):
            for variant in summary.select("[data-variant]"):
                variant.decompose()
            assert summary.get_text(strip=True), (page.relative_to(built_site), str(summary)[:200])


def test_the_reports_wording_stands_open_under_each_guide_item(built_site: Path, data):
    """The report's own wording under each of the guide's items is the report's content, not a method note: it stands
    in view as a quote, never behind a closed »Rapportens ordlyd« (7 of them on afsluttende-betragtninger)."""
    soup = _soup(built_site / "afsluttende-betragtninger.html")
    main = soup.select_one("main")
    items = main.select(".kr-check-item")
    assert len(items) == len(data.guide_recommendations)
    for item, text in each(list(zip(items, data.guide_recommendations.sort_values("position")["report_text"], strict=True))):
        assert item.find_parent("details") is None and not item.select("details")
        assert f"»{text}«" in item.get_text(), text


# The only disclosures a reader meets in the reading column (ADR 3): method notes that qualify a finding that is whole
# without them, each one line: whose the block is and why (Hvorfor?), a figure's method (Om figuren), why an editors'
# tie (Hvorfor udledt?, Hvorfor denne kobling?), a chart's numbers as a table, and how the page was made.
METHOD_NOTES = {"kr-note-about", "kr-figure-about", "kr-rationale", "kr-figure-data", "kr-made"}


def test_only_method_notes_fold_in_the_reading_column(built_site: Path):
    """A finding, a quote or the report's own wording is never behind a closed disclosure: every <details> in the
    reading column is one of the method notes ADR 3 lets fold."""
    for page in each(_pages(built_site)):
        main = _soup(page).select_one("main")
        for details in main.select("details") if main else []:
            assert METHOD_NOTES & set(details.get("class", [])), (page.relative_to(built_site), str(details)[:160])


def test_the_overview_says_in_plain_words_what_each_starting_point_on_its_cards_means(built_site: Path, data):
    """ "Fra bunden" stood on five of the overview's cards with nothing to say what it meant. Right after the cards
    (reader 28, F2: above them it put a chosen municipality's card 1,200 px down on a phone, docs/adr/0101), each
    starting point the cards name is said in the data's own plain words (starting_points.description)."""
    main = _soup(built_site / "kommuner" / "oversigt.html").select_one("main")
    last_card = main.select(".kr-municipality-card")[-1]
    key = last_card.find_next("dl", class_="kr-starting-points")
    assert key is not None and key.find_next(class_="kr-municipality-card") is None
    explained = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in key.select("dt")}
    used = data.starting_points[data.starting_points["starting_point_id"].isin(data.municipalities["starting_point"])]
    for row in each(list(used.itertuples())):
        assert explained[row.label] == row.description, row.label


def test_the_dictionary_opens_with_contents_that_lead_to_each_table_named_in_danish_first(built_site: Path):
    """The dictionary was 61,548 px on a phone with no way to a table but scrolling, and each heading began with a
    file name ("sections.csv – Afsnit"). It opens with a short contents that jumps to every table; each heading says
    the table's Danish title first, its file name after it for the analyst."""
    from kulturensrige.data.schema import TABLES

    main = _soup(built_site / "om-data" / "dataordbog.html").select_one("main")
    contents = main.select_one("nav.kr-dictionary-contents")
    assert contents is not None and contents.find_previous("section", class_="kr-dictionary") is None
    links = [a["href"].removeprefix("#") for a in contents.select("a[href^='#']")]
    sections = main.select("section.kr-dictionary")
    assert links == [s["id"] for s in sections] and len(sections) == len(TABLES)
    for section, table in each(list(zip(sections, TABLES.values(), strict=True))):
        heading = " ".join(section.select_one("h2").get_text().split())
        assert heading.startswith(table.title) and heading.endswith(f"({table.file})"), heading


def test_code_in_a_heading_stands_only_in_parentheses_and_no_reader_page_shows_code(built_site: Path):
    """A reader met code mid-sentence on the front page ("for eksempel ?kommune=egedal") and in the data chapter's
    headings ("sections.csv – Afsnit", "Hvad der kræver make explorer"). Code in a heading stands only in parentheses
    after the Danish words ("Afsnit (sections.csv)"), and the pages a reader of the report reads (all but the data
    chapter's and the accessibility statement) show none."""
    for page in each(_pages(built_site)):
        main = _soup(page).select_one("main")
        if main is None:
            continue
        for made in main.select("details.kr-made"):
            made.decompose()
        for code in main.select(":is(h1, h2, h3) code"):
            before = code.previous_sibling
            assert isinstance(before, str) and before.endswith("("), (page.relative_to(built_site), code.parent.get_text())
        analysts = page.parent.name == "om-data" or page.name in ("tilgaengelighed.html", "search.html")
        if not analysts:
            assert not main.select("code"), (page.relative_to(built_site), [c.get_text() for c in main.select("code")])


def test_a_held_back_speakers_category_keeps_a_short_mark_on_every_card_and_the_pages_key_says_it(tied_site: Path, tied_data):
    """ "(redaktionens inddeling; rapporten nævner rollen, som bogen udelader, jf. anonymitetsreglen)" stood on every
    card whose speaker the anonymity rule holds back: three times on vaerdiskabelser alone. Every such card on a web
    page keeps "(red.)" after its speaker, so no card loses whose its category is, and the mark opens the page's key,
    which says it once (provenance.category_key); no line over a list says it again (issue 22). The rule holds a
    speaker back only where a quote is tied to a municipality, which the report's data never are: the tied site."""
    from kulturensrige.data import provenance

    key = provenance.category_key(tied_data.options)
    note = provenance.category_note(tied_data.options, precise=True)
    checked = 0
    for page in each(_pages(tied_site)):
        main = _soup(page).select_one("main")
        if main is None:
            continue
        for store in main.select(".kr-quote-store, template, script"):
            store.decompose()
        for listed in main.select(".kr-quote-list"):
            speakers = [s.get_text().rstrip() for s in listed.select(".kr-quote .kr-speaker")]
            assert not any(s.endswith(note) for s in speakers), (page.relative_to(tied_site), speakers)
            short = [s for s in speakers if s.endswith("(red.)")]
            if short:
                assert not main.select(".kr-speaker-key"), page.relative_to(tied_site)
                assert key in main.select_one("#kr-noegle[popover]").get_text(), page.relative_to(tied_site)
            checked += len(short)
    assert checked >= 3
