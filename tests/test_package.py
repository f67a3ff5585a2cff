"""Unit tests of the package: escaping, filters, counts and figure variants."""

from __future__ import annotations

import dataclasses
import json
import re

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from kulturensrige.data.frames import lookup
from kulturensrige.data.settings import PAGE_VARIABLE
from kulturensrige.render import cards, charts, lists
from kulturensrige.render.markup import esc, json_island
from kulturensrige.render.measure import text_width
from kulturensrige.rules import filters, statistics, views
from kulturensrige.words import number
from support.checks import each


def test_esc_turns_markup_into_text():
    assert esc('<script>x</script> & "q"') == "&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;"


def test_json_island_cannot_be_closed_by_data():
    island = json_island({"t": "</script><script>alert(1)</script>"}, "x")
    assert island.count("</script>") == 1
    body = re.search(r">(.*)</script>$", island).group(1)
    assert json.loads(body) == {"t": "</script><script>alert(1)</script>"}


def test_numbers_use_a_decimal_comma():
    assert number(1234.5, 1) == "1.234,5"


def test_quote_filter_by_municipality_and_inferred_switch(data):
    for code in each(data.municipalities["kommunekode"]):
        everything = filters.quotes(data, filters.QuoteFilter(kommunekode=code))
        stated_only = filters.quotes(data, filters.QuoteFilter(kommunekode=code, include_inferred=False))
        assert set(everything["kommunekode"]) <= {code}
        assert (stated_only["attribution"] == "stated").all()


def test_quote_filter_combines_ingredient_and_search(data):
    selected = filters.quotes(data, filters.QuoteFilter(ingredient_id="leg-mod-og-laering", search="popcorn"))
    assert len(selected) >= 1
    assert all("leg-mod-og-laering" in ids for ids in selected["ingredient_ids"])


def test_counts_per_ingredient_add_up_to_the_quotes_that_name_it(data):
    counts = statistics.quotes_by_ingredient_and_speaker(data, data.quotes)
    for ingredient in each(data.ingredients["ingredient_id"]):
        expected = sum(ingredient in ids for ids in data.quotes["ingredient_ids"])
        assert counts.loc[counts["ingredient_id"] == ingredient, "count"].sum() == expected


def test_matrix_keeps_the_not_stated_column(data):
    matrix = statistics.ingredient_municipality_matrix(data, data.quotes, list(data.municipalities["kommunekode"]))
    not_stated = matrix[matrix["column"] == statistics.NOT_STATED_COLUMN]
    assert not_stated["count"].sum() > 0
    assert matrix["count"].sum() == sum(len(ids) for ids in data.quotes["ingredient_ids"])


def test_quote_card_escapes_text_from_data(data):
    role = "<i>rolle</i>"
    quote = data.quotes.iloc[[0]].assign(text="<b>fed</b> {raw}`x`", speaker_role=role, shown_role=role, caption="", shown_caption="")
    card = cards.quote_card(data, quote)
    assert "<b>fed</b>" not in card and "&lt;b&gt;fed&lt;/b&gt;" in card
    assert "<i>rolle</i>" not in card


def test_exchanges_render_as_one_card(data):
    groups = cards.group_turns(data.quotes)
    exchanges = [g for g in groups if len(g) > 1]
    assert exchanges and all(g["exchange_id"].nunique() == 1 for g in exchanges)
    assert sum(len(g) for g in groups) == len(data.quotes)


def test_every_municipality_card_links_to_its_profile(data):
    html = cards.municipality_overview(data).markup
    for slug in each(data.municipalities["slug"]):
        assert f"kommuner/profil-{slug}.html" in html


def test_filterable_chart_has_a_variant_per_municipality_and_without_inferred(data):
    keys = set(charts.quotes_per_ingredient(data).variants)
    assert keys == {key for key, _code, _inferred in views.states(data)}
    for code in ["alle", *data.municipalities["kommunekode"]]:
        assert views.state_key(code, True) in keys and views.state_key(code, False) in keys


def test_chart_labels_from_data_are_escaped_for_plotly(data):
    tampered = data.ingredients.assign(name=data.ingredients["name"] + "<img src=x>")
    fake = type(data)(folder=data.folder, tables={**data.tables, "ingredients": tampered}, fingerprint="x")
    html = charts.quotes_per_ingredient(fake).html().markup
    assert "<img src=x>" not in html
    assert "\\u003cimg" not in html or "&lt;img" in html.replace("\\u0026", "&").replace("\\u003c", "<")


def test_variants_share_repeated_layouts_and_quote_ids(data):
    """One variant per municipality must not repeat the layout or the 'ikke angivet' column's quote ids."""
    payload = charts.ingredient_municipality_matrix(data).payload()
    assert len(payload["layouts"]) < len(payload["variants"])
    assert len(payload["drill"]) == len({tuple(cell) for cell in payload["drill"]})
    not_stated = set(data.quotes.loc[data.quotes["attribution"] == "not stated", "quote_id"])
    traces = [payload["traces"][v["data"]] for key, v in payload["variants"].items() if "|" not in key]
    assert len(payload["traces"]) < len(payload["variants"]), "variants that differ only in what they mark share their traces"
    cells = [payload["drill"][row[-1]][0] for t in traces for row in t[0]["customdata"]]
    assert cells and all(set(ids.split()) <= not_stated for ids in cells)


@pytest.mark.parametrize("chart", [charts.ingredient_municipality_matrix])
def test_a_heatmaps_html_row_labels_are_its_rows_placed_by_its_fixed_margins(data, chart):
    """The labels that stay in view on a phone name the plot's rows, in order, each as high as one row of a plot
    whose margins plotly may not change (no automargin); they are hidden from screen readers like the plot."""
    model = chart(data)
    html = model.html().markup
    layout = model.variants["alle"].figure["layout"]
    heatmap = model.variants["alle"].figure["data"][0]
    labels = re.search(r'<div class="kr-row-labels" aria-hidden="true" style="([^"]*)">(.*?)<div class="kr-plot"', html)
    rows = re.findall(r'<div class="kr-row-label">(.*?)</div>', labels.group(2))
    assert rows == heatmap["y"]
    assert layout["xaxis"]["automargin"] is False and layout["yaxis"]["automargin"] is False
    margin = layout["margin"]
    row = (layout["height"] - margin["t"] - margin["b"]) / len(rows)
    assert f"--kr-labels: {margin['l']}px; --kr-top: {margin['t']}px; --kr-row: {row:.2f}px" == labels.group(1)


def test_a_heatmaps_margins_hold_its_longest_labels_measured(data):
    """The row labels' margin is the widest wrapped line and the bottom margin the longest name standing on end
    (in bold, as the chosen one is), measured in the font a Linux Chromium draws them in, not a fixed guess."""
    model = charts.ingredient_municipality_matrix(data)
    margin = model.variants["alle"].figure["layout"]["margin"]
    widest = max(text_width(line, 14) for lines in model.row_labels.rows for line in lines)
    assert widest < margin["l"] - 6 and margin["l"] <= widest + 16
    assert max(text_width(name, 14, bold=True) for name in model.axes.columns) < margin["b"] - 2 * 14


@pytest.mark.parametrize("chart", [charts.art_forms_by_municipality, charts.target_groups_by_municipality, charts.settings_by_municipality])
def test_a_table_of_marks_opens_exactly_the_initiatives_behind_each_number(data, chart):
    """Each count that is not 0 stands in its cell (as text: it prints) under a button naming its row, column and
    count, carrying the ids of the initiatives counted there; a 0 has no button. The names stand at the top."""
    model = chart(data)
    html = model.html().markup
    column = {"kunstformer-kommune": "art_form_ids", "maalgrupper-kommune": "target_group_ids", "steder-kommune": "setting_ids"}
    frame = data.initiatives
    # A phone's line names the column in the cell, hidden from screen readers, before its count (ADR 67).
    where = r'(?:<span class="kr-mark-where" aria-hidden="true">[^<]*</span>)?'
    marked = rf'class="kr-marked">{where}(\d+)<button type="button" class="kr-mark" data-kr-ids="([^"]*)" aria-label="([^"]*)"></button>'
    buttons = [(ids, label, count) for count, ids, label in re.findall(marked, html)]
    vocabulary = {"kunstformer-kommune": ("art_forms", "art_form_id"), "maalgrupper-kommune": ("target_groups", "target_group_id"),
                  "steder-kommune": ("settings", "setting_id")}[model.figure_id]  # fmt: skip
    names = dict(zip(data.tables[vocabulary[0]]["label"], data.tables[vocabulary[0]][vocabulary[1]], strict=True))
    codes = dict(zip(data.municipalities["name"], data.municipalities["kommunekode"], strict=True))
    for ids, label, count in each(buttons):
        item, rest = label.split(" · ")
        municipality = rest.split(": ")[0]
        naming = frame[column[model.figure_id]].map(lambda v, item=names[item]: item in v)
        named = frame[(frame["kommunekode"] == codes[municipality]) & naming]
        # A project and its parts are one initiative (statistics.count_initiatives); the button opens all their cards.
        assert ids.split() == list(named["initiative_id"]) and int(count) == statistics.count_initiatives(named), label
        cards_said = f" (på {len(named)} kort)" if len(named) > int(count) else ""
        assert label.endswith(f": {count} {'indsats' if count == '1' else 'indsatser'}{cards_said}"), label
    total = int(sum(sum(row) for row in model.marks.counts))
    assert sum(int(c) for _, _, c in buttons) == total
    assert html.index("<thead>") < html.index("<tbody>"), "the names at the top"


def test_initiative_store_holds_every_initiative_once_with_an_index_of_them(data):
    html = cards.initiative_store(data).markup
    assert html.startswith('<div class="kr-initiative-store" hidden><template class="kr-list-card">')
    rows = [row for body in re.findall(r'class="kr-list-rows kr-side"[^>]*>(.*?)</script>', html) for row in json.loads(body)]
    index = json.loads(re.search(r'class="kr-store-index kr-side">(.*?)</script>', html).group(1))
    assert [row["id"] for row in rows] == [f"indsats-{i}" for i in index]
    assert sorted(index) == sorted(data.initiatives["initiative_id"])


def test_quote_store_holds_every_quote_once_as_rows_with_an_index_of_their_quotes(data):
    """The drill-through's store is JSON rows in side islands (no card's markup on the page) and an index of each card's
    quotes, in the rows' order."""
    html = cards.quote_store(data).markup
    assert html.startswith('<div class="kr-quote-store" hidden><template class="kr-list-card">')
    assert html.count("<article") == 1, "one card template, no cards"
    rows = [row for body in re.findall(r'class="kr-list-rows kr-side"[^>]*>(.*?)</script>', html) for row in json.loads(body)]
    index = json.loads(re.search(r'class="kr-store-index kr-side">(.*?)</script>', html).group(1))
    quotes = [row[cards.CARD_FIELDS.index("quotes")] for row in rows]
    assert quotes == index
    assert sorted(i for q in index for i in q.split()) == sorted(data.quotes["quote_id"])


def test_timeline_invents_no_dates(data):
    layout = charts.programme_timeline(data).variants["alle"].figure["layout"]
    assert layout["xaxis"]["visible"] is False
    assert "type" not in layout["xaxis"] or layout["xaxis"]["type"] != "date"


def test_a_quote_from_a_work_in_another_language_is_marked_with_it(data):
    """WCAG 3.1.2: a screen reader must read the English WHO definition as English, the rest as Danish."""
    languages = dict(zip(data.references["reference_key"], data.references["language"], strict=True))
    checked = 0
    for group in cards.group_turns(data.quotes):
        first = group.iloc[0]
        language = languages.get(first.reference_key, "")
        markup = cards.quote_card(data, group)
        if language not in ("", "da", "ikke angivet"):
            assert f'<blockquote class="kr-quote-text" lang="{language}">' in markup
            checked += 1
        else:
            assert "lang=" not in markup
    assert checked, "data/ has a quote from a work in another language (WHO 2022)"


def test_a_profile_marks_code_and_region_as_the_editors_additions(data):
    facts = str(lists.municipality_facts(data, "259"))
    # ADR 100 (reader28, F1): each carries the short mark after it, and the note under the block gives only the reasons;
    # „Kommunekoden og regionen: redaktionens tilføjelse.“ said it again (ADR 55's line). reader22d (ADR 72) moved the
    # code from the facts to the block's foot line, after the section it builds on.
    region = BeautifulSoup(facts, "html.parser").select_one("dl.kr-facts dd")
    assert region.get_text(" ", strip=True) == "Region Sjælland (red.)"
    # ADR 112 (reader31, #2): the code left the foot line for the page's „Sådan er siden lavet“ fold, with its mark.
    code = BeautifulSoup(str(lists.municipality_code(data, "259")), "html.parser").get_text(" ", strip=True)
    assert code == "Kommunekode: 259 (red.) ." and "Kommunekode" not in facts and "<dd>259</dd>" not in facts
    note = BeautifulSoup(facts, "html.parser").select_one(".kr-whose-note")
    assert "Kommunekoden og regionen" not in note.get_text(" ", strip=True)
    assert "Rapporten nævner ingen kommunekoder" in note.get_text(" ", strip=True)
    assert note.select_one("summary .kr-by").get_text() == "(red.)"
    # reading 14, #17: the report's own name stands unmarked; reader 24, #3: no name field where the title says it.
    # ADR 90: the page's word on the choice stands with the lead, before the cards; the facts follow them.
    assert "<dt>Officielt navn</dt>" not in facts and "Siden handler om Køge," in str(lists.municipality_lead(data, "259"))


def test_a_starting_point_with_nothing_to_add_is_said_once(data):
    """ADR 110: the label with starting_points.csv's one wording, or the label alone where that has nothing to add."""
    point = data.starting_points.iloc[0]
    assert lists.starting_point(data, point.starting_point_id) == f"{point.label}: {point.description}"
    points = data.starting_points.assign(description="ikke angivet")
    blank = dataclasses.replace(data, tables={**data.tables, "starting_points": points})
    assert lists.starting_point(blank, point.starting_point_id) == point.label


def test_the_build_moves_each_side_island_into_a_file_beside_its_page(tmp_path):
    """book/extension.side_files: a side island leaves its place empty with its file's name, the file gives back the
    same JSON, other islands stay, and a file the page had before goes."""
    from kulturensrige.book.extension import side_files
    from kulturensrige.render.markup import side_island, side_json

    (tmp_path / "kapitel").mkdir()
    (tmp_path / "kapitel" / "side.kr-9.js").write_text("gammel", encoding="utf-8")
    payload = {"tekst": "</script><img src=x onerror=alert(1)>", "tal": [1, 2]}
    body = f"<p>før</p>{side_island(payload, 'kr-figure-side', {'data-kr-group': 2})}{json_island([3], 'kr-list-views')}<p>efter</p>"
    moved = side_files(body, tmp_path, "kapitel/side")
    assert moved == (
        '<p>før</p><script type="application/json" class="kr-figure-side kr-side" data-kr-group="2" data-kr-src="side.kr-1.js">'
        f"</script>{json_island([3], 'kr-list-views')}<p>efter</p>"
    )
    assert sorted(p.name for p in (tmp_path / "kapitel").iterdir()) == ["side.kr-1.js"]
    assert json.loads(side_json((tmp_path / "kapitel" / "side.kr-1.js").read_text(encoding="utf-8"))) == payload


def test_a_long_lists_moved_rows_leave_one_index_of_their_files_in_their_place(tmp_path):
    """A national list's 1,000 row islands left 1,000 empty placeholders (122 kB of the heaviest page); each run of
    them leaves one index of [count, file], in order, and a list's rows that are apart get an index each."""
    from kulturensrige.book.extension import side_files
    from kulturensrige.render.cards import row_islands
    from kulturensrige.render.markup import side_json

    first, second = [[f"a{i}"] for i in range(23)], [["b"]]
    body = f"<section>{row_islands(first)}</section><section>{row_islands(second)}</section>"
    moved = side_files(body, tmp_path, "side")
    indexes = [json.loads(i) for i in re.findall(r'<script type="application/json" class="kr-list-rows-index">(.*?)</script>', moved)]
    assert indexes == [[[10, "side.kr-1.js"], [10, "side.kr-2.js"], [3, "side.kr-3.js"]], [[1, "side.kr-4.js"]]]
    assert re.sub(r"<script.*?</script>", "", moved) == "<section></section><section></section>"
    rows = [row for _, name in indexes[0] for row in json.loads(side_json((tmp_path / name).read_text(encoding="utf-8")))]
    assert rows == first


def test_a_chart_model_has_a_short_text_beside_its_html(data):
    """A notebook stores a cell's text/plain beside its HTML: the dataclass's own repr of every variant was 45 MB a
    chart at national scale, in each cached page and in the build's memory."""
    chart = charts.quotes_per_ingredient(data)
    assert repr(chart) == f"Chart('citater-pr-ingrediens', {len(chart.variants)} varianter)"


def test_the_quote_tally_is_counted_once_per_tables_and_afresh_for_other_tables(data):
    """98 national profile pages word the one tally: it is counted once for the tables it reads (quotes, ingredients,
    sections), and a data set with another of them gets its own count."""
    tally = statistics.quote_tally(data)
    assert statistics.quote_tally(data) is tally
    first = data.ingredients.sort_values("number").head(1)
    fewer = dataclasses.replace(data, tables={**data.tables, "ingredients": first})
    assert list(statistics.quote_tally(fewer).by_ingredient) == list(first["ingredient_id"])
    assert statistics.quote_tally(data) is tally


def test_every_municipality_s_quotes_come_from_one_grouping_of_the_table(data, monkeypatch):
    """A municipality's quotes are the rows its tie gives it (views.quote_ties), in the table's order, under either
    position of the switch; the ties are worked out once per table, not once for each of 98 profiles."""
    codes = [*data.municipalities["kommunekode"], "0000", ""]
    expected = {(c, i): data.quotes[views.quote_ties(data.quotes, i) == c] for c in codes for i in (True, False)}
    quotes = data.quotes.copy()  # a table no earlier test has grouped
    calls = []
    monkeypatch.setattr(views, "quote_ties", lambda *args: calls.append(args) or QUOTE_TIES(*args))
    fresh = dataclasses.replace(data, tables={**data.tables, "quotes": quotes})
    for (code, inferred), rows in expected.items():
        assert filters.quotes(fresh, filters.QuoteFilter(kommunekode=code, include_inferred=inferred)).equals(rows), code
    assert len(calls) == 2  # once for each position of the switch


QUOTE_TIES = views.quote_ties


def test_a_label_worked_out_once_per_table_follows_a_changed_table(data):
    """Cards read labels through data/frames.made_once: a table changed in place of another is read afresh."""
    names = lookup(data.municipalities, "kommunekode", "name")
    assert lookup(data.municipalities, "kommunekode", "name") is names
    renamed = data.municipalities.assign(name="Ny")
    assert set(lookup(renamed, "kommunekode", "name").values()) == {"Ny"}
    assert filters.section_title(data, "guldborgsund").endswith("(rapportens stavning; officielt navn: Guldborgsund)")


def test_the_speakerless_kinds_are_read_once_per_kinds_table_and_afresh_for_another(data):
    """Every card asks whether its quote has a municipality line (views.without_tie_line), which needs the quote kinds
    without a speaker: filtering the kinds table for each of 10,000 cards was a quarter of the national profiles' time.
    They are found once per table, the answers unchanged, and a data set with another kinds table gets its own."""
    reads = []

    class Kinds(pd.DataFrame):
        def __getitem__(self, key):
            if key == "without_speaker":
                reads.append(key)
            return super().__getitem__(key)

    fresh = dataclasses.replace(data, tables={**data.tables, "quote_kinds": Kinds(data.quote_kinds.copy())})
    rows = data.quotes.to_dict("records")
    answers = [views.without_tie_line(fresh, row) for row in rows]
    assert len(reads) == 1
    assert answers == [views.without_tie_line(data, row) for row in rows]
    speakerless = dataclasses.replace(data, tables={**data.tables, "quote_kinds": data.quote_kinds.assign(without_speaker=views.YES)})
    untied = each(row for row in rows if not row["kommunekode"])
    assert all(views.without_tie_line(speakerless, row) for row in untied)


def test_a_municipalitys_quotes_are_taken_once_per_table_and_switch_and_afresh_for_another_table(tied_data):
    """A profile asks for its municipality's quote rows some five times (its list, its counts, its ingredients), and
    each take copied every column of the table: the rows are taken once per table, municipality and switch position,
    the same rows as the boolean filter, and another table gets its own."""
    kommune = next(k for k in tied_data.quotes["kommunekode"] if k)
    first = views.quotes_of(tied_data.quotes, kommune)
    assert views.quotes_of(tied_data.quotes, kommune) is first
    assert first.equals(tied_data.quotes[views.quote_ties(tied_data.quotes) == kommune])
    off = views.quotes_of(tied_data.quotes, kommune, include_inferred=False)
    assert off.equals(tied_data.quotes[views.quote_ties(tied_data.quotes, include_inferred=False) == kommune])
    other = tied_data.quotes.copy()
    assert views.quotes_of(other, kommune) is not first
    assert views.quotes_of(other, kommune).equals(first)


def test_a_cards_section_line_is_worded_once_per_section_and_page(data, monkeypatch):
    """Each of 10,000 cards names its section: the section's title and link are made once per section, page and
    folder, and a card on another page gets that page's link."""
    # Tables of its own: another test in this process may already have worded these sections' lines for either page.
    data = dataclasses.replace(data, tables={**data.tables, "sections": data.sections.copy()})
    titled = []
    section_title = filters.section_title
    monkeypatch.setattr(filters, "section_title", lambda d, s: titled.append(s) or section_title(d, s))
    section = data.quotes["section_id"].iloc[0]
    page = lookup(data.sections, "section_id", "book_page")[section]
    monkeypatch.setenv(PAGE_VARIABLE, "index")
    lines = [cards._section(data, section) for _ in range(5)]
    assert titled == [section]
    assert lines[0]["href"] is not None and not lines[0]["here"]
    monkeypatch.setenv(PAGE_VARIABLE, page)
    assert cards._section(data, section) == {**lines[0], "href": None, "here": True}
    assert titled == [section, section]


def test_a_cards_ingredient_badges_are_made_once_per_ingredient_and_page(data, monkeypatch):
    """Each of 10,000 cards carries its ingredients' badges: each badge's page is looked up once per ingredient, page
    and folder, and a card on the ingredient's own page gets a badge without a link, marked as naming that page
    (`here`, which paper leaves out: print26)."""
    data = dataclasses.replace(data, tables={**data.tables, "sections": data.sections.copy()})
    looked_up = []
    label = cards._label
    monkeypatch.setattr(cards, "_label", lambda d, t, k, v, c="label": looked_up.append(v) or label(d, t, k, v, c))
    ingredient = data.ingredients["ingredient_id"].iloc[0]
    section = lookup(data.ingredients, "ingredient_id", "section_id")[ingredient]
    monkeypatch.setenv(PAGE_VARIABLE, "index")
    badges = [cards._ingredients(data, (ingredient,)) for _ in range(5)]
    assert looked_up == [section]
    assert badges[0][0]["href"] is not None
    monkeypatch.setenv(PAGE_VARIABLE, lookup(data.sections, "section_id", "book_page")[section])
    assert badges[0][0]["here"] is False
    assert cards._ingredients(data, (ingredient,)) == [{**badges[0][0], "href": None, "here": True}]
    assert looked_up == [section, section]


def test_where_a_whole_quote_stands_on_paper_reads_the_sections_table_once(data):
    """Each abridged card says on paper where its whole quote stands: the sections' parents and pages are read from
    the table once, not once per card, and the sentence stays the same."""

    class Counted(pd.DataFrame):
        reads = 0

        def __getitem__(self, key):  # noqa: ANN001, ANN204
            Counted.reads += 1
            return super().__getitem__(key)

    data = dataclasses.replace(data, tables={**data.tables, "sections": Counted(data.sections)})
    section = data.quotes["section_id"].iloc[0]
    said = cards.full_quote_printed(data, section)
    once = Counted.reads
    assert [cards.full_quote_printed(data, section) for _ in range(5)] == [said] * 5
    assert Counted.reads == once
