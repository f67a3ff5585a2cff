"""Highlight, don't hide: the rules in kulturensrige.render.highlight, and the CSV the build writes for downloads."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pandas as pd
import pydata_sphinx_theme
import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.render import browser, cards, charts, comparison, dictionary, figures, highlight, lists
from kulturensrige.rules import filters, statistics, views
from kulturensrige.words import csv_cell, csv_text
from support.checks import each

REPO = Path(__file__).resolve().parent.parent


# -- CSV: formula starts neutralised (OWASP), delimiters quoted --------------------------------------


@pytest.mark.parametrize("value", ["-2+3+cmd|' /C calc'!A0", "-1+1", "=1+1", "+1", "@SUM(1)", "\tx", "\rx", "-"])
def test_a_cell_that_starts_like_a_formula_is_neutralised(value):
    cell = csv_cell(value)
    assert cell.lstrip('"').startswith("'"), cell


@pytest.mark.parametrize(
    "value, expected",
    [("a;b", '"a;b"'), ("a,b", '"a,b"'), ('sagde "ja"', '"sagde ""ja"""'), ("to\nlinjer", '"to\nlinjer"'), ("Køge", "Køge")],
)
def test_a_cell_with_the_delimiter_a_quote_or_a_line_break_is_quoted(value, expected):
    assert csv_cell(value) == expected


def test_the_download_link_holds_the_neutralised_table():
    frame = pd.DataFrame({"Navn": ["-2+3+cmd|' /C calc'!A0", "Køge"], "Tal": ["-1+1", "3"], "_kode": ["999", "259"]})
    html = str(lists.simple_table(frame, "Prøve", kommune_column="_kode", table_id="tabel-proeve"))
    href = re.search(r'href="(data:text/csv[^"]+)"', html).group(1)
    text = unquote(href.split(",", 1)[1])
    assert text == csv_text(["Navn", "Tal"], [["-2+3+cmd|' /C calc'!A0", "-1+1"], ["Køge", "3"]])
    assert text.splitlines()[1] == "'-2+3+cmd|' /C calc'!A0,'-1+1"
    assert 'download="tabel-proeve.csv"' in html


# -- lists: nothing hidden, the chosen first, every count from the data -----------------------------


def book_lists(data) -> list[pd.DataFrame]:
    """The quotes of every arranged list in the book: each ingredient page and each section with quotes."""
    by_ingredient = [filters.quotes(data, filters.QuoteFilter(ingredient_id=i)) for i in data.ingredients["ingredient_id"]]
    by_section = [data.quotes[data.quotes["section_id"] == s] for s in data.quotes["section_id"].unique()]
    return by_ingredient + by_section


def test_every_list_keeps_every_card_and_puts_the_chosen_first(data):
    for quotes in each(book_lists(data)):
        groups = cards.group_turns(quotes)
        items = views.quote_items(groups)
        for _key, code, inferred in views.states(data):
            arranged = views.arrange(items, code, inferred)
            positions = [i for group in arranged.values() for i in group]
            assert sorted(positions) == list(range(len(groups)))
            if code == filters.ALL:
                continue
            own = set(filters.quotes(data, filters.QuoteFilter(kommunekode=code, include_inferred=inferred))["quote_id"])
            assert [i for i, g in enumerate(groups) if own & set(g["quote_id"])] == arranged["chosen"]
            unattributed = [
                i
                for i, g in enumerate(groups)
                if g.iloc[0].reference_key or g.iloc[0].kommunekode == "" or (g.iloc[0].attribution == "inferred" and not inferred)
            ]
            assert arranged["none"] == unattributed


def test_the_status_counts_quotes_as_rows(data):
    quotes = filters.quotes(data, filters.QuoteFilter(ingredient_id="faelles-fundamenter"))
    groups = cards.group_turns(quotes)
    assert len(groups) < len(quotes), "the ingredient holds an exchange"
    view = highlight.list_view(data, views.quote_items(groups), views.QUOTE, filters.ALL, views.INFERRED_BY_DEFAULT)
    assert view["status"] == f"Alle kommuner: {len(quotes)} citater i rapportens rækkefølge."
    assert cards.quote_count_summary(quotes, data.options).startswith(f"{len(quotes)} citater på {len(groups)} kort")
    exchanges = [group for group in groups if len(group) > 1]
    for group in each(exchanges):
        assert "Én ordveksling med to replikker; hver replik tæller som et citat." in cards.quote_card(data, group)


def test_an_exchange_says_it_is_one_exchange_of_its_turns_each_turn_a_quote():
    """Not '2 citater på ét kort' (a reader's review): what the card is, in words, and what it counts for."""
    turn = {"speaker_role": "Projektleder", "caption": "", "shown_role": "Projektleder", "shown_caption": ""}
    other = {"speaker_role": "Frivillig/borger", "caption": "", "shown_role": "Frivillig/borger", "shown_caption": ""}
    assert cards.exchange_note([turn]) == ""
    assert cards.exchange_note([turn, other]) == "Én ordveksling med to replikker; hver replik tæller som et citat."
    assert cards.exchange_note([turn, other, turn]) == "Én ordveksling med tre replikker; hver replik tæller som et citat."


def test_an_exchange_counts_its_turns_and_never_the_people_the_report_does_not_count():
    """Reading 30, #7: „Én ordveksling mellem to personer“ was the editors' inference: the report gives each turn a
    role, not a person. Earlier (a hidden category's two roles said 'mellem to personer') the note counted speakers
    as the card shows them; now it counts no one, whatever the roles shown."""
    hidden = [{"speaker_role": role, "caption": "", "shown_role": "Sundhed", "shown_caption": ""} for role in ("Sundhedsplejerske", "Læge")]
    same = [{"speaker_role": "Projektleder", "caption": "", "shown_role": "Projektleder", "shown_caption": ""}] * 2
    other = {"speaker_role": "Frivillig/borger", "caption": "", "shown_role": "Frivillig/borger", "shown_caption": ""}
    for turns in each([hidden, same, [*same, other], [same[0], other]]):
        note = cards.exchange_note(turns)
        assert "person" not in note and note.startswith("Én ordveksling med "), note


def test_the_data_page_states_the_counting_rule(data):
    assert views.COUNTING_RULE in str(dictionary.summary(data))


def test_without_inferred_ties_a_municipality_with_only_inferred_quotes_says_so(tied_data):
    inferred = tied_data.quotes[tied_data.quotes["attribution"] == "inferred"].iloc[0]
    quotes = tied_data.quotes[tied_data.quotes["section_id"] == inferred.section_id]
    items = views.quote_items(cards.group_turns(quotes))
    name = filters.municipality_name(tied_data, inferred.kommunekode)
    on = highlight.list_view(tied_data, items, views.QUOTE, inferred.kommunekode, True)
    off = highlight.list_view(tied_data, items, views.QUOTE, inferred.kommunekode, False)
    assert on["status"].startswith(f"{name} (med udledte tilknytninger): ") and ", udledt af redaktionen" in on["status"]
    assert off["status"].startswith(f"{name}: ingen citater")
    # Reader 17: it named the switch by an old label "under »Indstillinger«"; the bar's own one-tap button is meant.
    assert "kommunevælgeren øverst viser" in off["groups"][0][1]


# -- charts keep every municipality; comparison agrees with the profiles ---------------------------


@pytest.mark.parametrize(
    "chart", [charts.ingredient_municipality_matrix, charts.art_forms_by_municipality, charts.target_groups_by_municipality]
)
def test_heatmaps_keep_every_column_and_frame_the_chosen(data, chart):
    model = chart(data)
    names = list(data.municipalities["name"])
    views_by_key = {key: code for key, code, _inferred in views.states(data)}
    assert model.variants, "the chart has variants to check"
    for key, variant in model.variants.items():
        x = variant.figure["data"][0]["x"]
        assert names == x[: len(names)] == model.axes.columns[: len(names)], key
        layout = variant.figure["layout"]
        code = views_by_key[key]
        if code == filters.ALL:
            assert not layout.get("shapes")
        else:
            i = model.axes.codes.index(code)
            assert [(s["x0"], s["x1"]) for s in layout["shapes"]] == [(i - 0.5, i + 0.5)]
            # Marked in words, not with plotly's <b>, which plotly draws as a style attribute the CSP blocks.
            assert layout["xaxis"]["ticktext"][i] == charts.CHOSEN_LABEL + x[i]


@pytest.mark.parametrize(
    "chart",
    [
        charts.ingredient_municipality_matrix,
        charts.art_forms_by_municipality,
        charts.target_groups_by_municipality,
        charts.settings_by_municipality,
    ],
)
def test_a_heatmap_draws_no_grid_lines_across_its_cells(data, chart):
    """plotly's template draws a grid on both axes; on a heatmap's category axes its lines run through the middle of
    every cell, seen in the gaps between them. No variant of a heatmap has a grid or zero line."""
    for key, variant in each(list(chart(data).variants.items())):
        layout = variant.figure["layout"]
        assert [layout[axis].get(line) for axis in ("xaxis", "yaxis") for line in ("showgrid", "zeroline")] == [False] * 4, key


def _bars(variant) -> dict[str, int]:
    """Each bar's length in a variant's figure: its pieces added up, by the bar's label."""
    lengths: dict[str, int] = {}
    for trace in variant.figure["data"]:
        for label, x in zip(trace["y"], trace["x"], strict=True):
            lengths[label] = lengths.get(label, 0) + (x or 0)  # a part with nothing is null
    return lengths


def _chosen_counts(data, chart, code: str, include_inferred: bool) -> int:
    """What the chosen municipality's part of the bars adds up to, counted here from the data."""
    if chart is charts.partners_by_kind:
        ties = statistics.organisation_ties(data, data.initiatives)
        return int(ties[ties["kommunekode"] == code].groupby("kind")["organisation_id"].nunique().sum())
    tied = views.tied_quotes(data.quotes, include_inferred)
    return int(tied.loc[tied["kommunekode"] == code, "ingredient_ids"].map(len).sum())


@pytest.mark.parametrize("chart", [charts.quotes_per_ingredient, charts.partners_by_kind])
def test_choosing_a_municipality_marks_its_part_of_the_same_bars_and_says_so(data, chart):
    """A choice keeps the chart's meaning: the same bars, as long as without a choice, and the same pieces; the
    chosen municipality's part in full colour, the rest faint. Its title, text and table say what is marked."""
    model = chart(data)
    everyone = model.variants[filters.ALL]
    caption = BeautifulSoup(model.html().markup, "html.parser").select_one("figcaption")
    titles = {span.get_text(): span["data-variant"].split() for span in caption.select("span[data-variant]")}
    pieces = {t["name"] for t in everyone.figure["data"]}
    for key, code, include_inferred in each(list(views.states(data))):
        if code == filters.ALL or key not in model.variants:
            continue
        variant, name = model.variants[key], filters.municipality_name(data, code)
        assert _bars(variant) == _bars(everyone), key
        if not _chosen_counts(data, chart, code, include_inferred):
            continue  # nothing to mark, so nothing dimmed (test_a_bar_chart_dims_nothing_where_the_choice_marks_nothing)
        faint = [t for t in variant.figure["data"] if "muted" in t.get("meta", {})]
        marked = [t for t in variant.figure["data"] if t not in faint]
        assert len(marked) == len(faint) == len(everyone.figure["data"]), key
        if len(pieces) > 1:
            assert {t["name"] for t in marked} == {t["name"] for t in faint} == pieces, key
        assert sum(x or 0 for t in marked for x in t["x"]) == _chosen_counts(data, chart, code, include_inferred), key
        assert name in variant.title and "fremhævet" in variant.title, key
        # The first column and the totals are the unmarked table's; a column of the editors' ties may stand between
        # the totals and the chosen municipality's column, which comes last.
        # A municipality's table says that its totals are every municipality's (the s22 reading, #9).
        total = "I alt (redaktionens optælling)" if chart is charts.quotes_per_ingredient else everyone.table.columns[-1]
        shown = "I alt, alle kommuner (redaktionens optælling)" if chart is charts.quotes_per_ingredient else total
        assert variant.marks[-1] == code and list(variant.table.columns[:2]) == [everyone.table.columns[0], shown], key
        assert variant.table[shown].tolist() == everyone.table[total].tolist(), key
        assert name in variant.table.columns[-1] and name in variant.alt and variant.said, key
        assert key in titles[variant.title], key


@pytest.mark.parametrize(
    ("folder", "chart"),
    # The eighth municipality's one initiative names no organisation; every report municipality's names some.
    [("rapporten", charts.quotes_per_ingredient), ("otte kommuner", charts.partners_by_kind)],
)
def test_a_bar_chart_dims_nothing_where_the_choice_marks_nothing(request, folder, chart):
    """Reader review 18, #2: with the editors' ties off, choosing Køge greyed every bar of "Citater pr. ingrediens"
    ("alle står dæmpede"): dimming set off nothing. A view that marks none of the chosen municipality's bars draws
    them as with no choice, its sentence says why, and the page's key of full and faint bars steps aside (the
    payload calls the view plain). Every municipality, the switch on and off."""
    data = request.getfixturevalue("tied_data") if folder == "rapporten" else load(request.getfixturevalue("eighth_data"))
    model = chart(data)
    everyone = model.variants[filters.ALL]
    payload = model.payload()["variants"]
    unmarked = [
        (key, code)
        for key, code, inferred in views.states(data)
        if code != filters.ALL and key in model.variants and not _chosen_counts(data, chart, code, inferred)
    ]
    assert unmarked, "the data has a choice that marks none of the chart's bars"
    for key, code in unmarked:
        variant = model.variants[key]
        assert not [t for t in variant.figure["data"] if "muted" in t.get("meta", {})], key
        assert variant.figure["data"] == everyone.figure["data"], key
        assert filters.municipality_name(data, code) in variant.said and "dæmpede" not in variant.said, key
        assert payload[key].get("plain") is True, key
    marked = [key for key in model.variants if not key.startswith(filters.ALL) and key not in dict(unmarked)]
    assert all("plain" not in payload[key] for key in marked)


def test_a_large_charts_municipality_titles_and_sentences_travel_with_its_variants(tied_data, monkeypatch):
    """A chart too large for its page (national scale) keeps only the 'alle' variants' title and sentences on the page;
    each municipality's travel in the side island of its variants (kr-charts.js puts them in place), and a reader of
    the whole chart (figures.expanded) finds every one."""
    monkeypatch.setenv("KR_SIDE_FROM", "1000")
    model = charts.quotes_per_ingredient(tied_data)
    markup = model.html().markup
    page = re.sub(r"<script.*?</script>", "", markup, flags=re.S)
    chosen = [v for key, v in model.variants.items() if v.title]
    # A municipality's view that marks nothing has no title of its own, but its sentence says so.
    said = {v.said for key, v in model.variants.items() if not key.startswith(filters.ALL) and v.said}
    assert chosen and not [v.title for v in chosen if v.title in page] and not [s for s in said if s in page]
    whole = BeautifulSoup(figures.expanded(markup), "html.parser")
    assert {span.get_text() for span in whole.select("figcaption span")} == {model.title, *(v.title for v in chosen)}
    assert {note.get_text() for note in whole.select(".kr-variant-note")} == said


def test_a_partner_bar_drills_through_to_the_initiatives_that_name_its_organisations(data):
    """The partner chart opens cards on a tap as the other charts do: each bar names the initiatives behind it, and
    its panel takes them from the page's store of initiative cards."""
    model = charts.partners_by_kind(data)
    ties = statistics.organisation_ties(data, data.initiatives)
    kinds = statistics.organisations_by_kind(data, data.initiatives)["kind"]
    bars = model.variants[filters.ALL].figure["data"][0]["customdata"]
    for kind, ids in each(list(zip(kinds, bars, strict=True))):
        assert ids.split() == list(dict.fromkeys(ties.loc[ties["kind"] == kind, "initiative_id"])), kind
    markup = model.html().markup
    assert f'data-kr-store="{figures.INITIATIVE_DRILL.store}"' in markup and charts.PARTNER_HINT in markup


def test_comparison_cards_agree_with_the_profiles(tied_data):
    html = str(comparison.compare_view(tied_data))
    for row in each(tied_data.municipalities.itertuples()):
        column = re.search(rf'data-compare="{row.kommunekode}".*?</section>', html, re.S).group(0)
        tied = filters.quotes(tied_data, filters.QuoteFilter(kommunekode=row.kommunekode))
        assert ("ingen citater knyttet til kommunen" in column) == tied.empty, row.name


# -- published once, rendered by templates -----------------------------------------------------------


def test_the_browser_reads_the_constants_the_build_publishes(data):
    published = browser.browser_data(data)
    assert (published["all"], published["pageSize"]) == (filters.ALL, views.PAGE_SIZE)
    every = {key for key, _code, _inferred in views.states(data)}
    assert set(published["nearest"]) == every
    assert {key for keys in published["keys"].values() for key in keys} == every
    for code, (on, off) in published["keys"].items():
        assert (on, off) == (views.state_key(code, True), views.state_key(code, False))
        assert published["nearest"][off] == [off, on] + ([] if code == filters.ALL else [filters.ALL])
    assert '<select id="kr-kommune"' in published["control"]


def test_kr_data_carries_no_municipalitys_sentences_they_wait_in_a_file_for_each_switch_position(tied_data):
    """kr-data.js, which every page loads, carried every view's status sentences: 156 kB at national scale. It keeps
    those of 'no municipality'; each municipality's view waits in the file of its switch position, whole."""
    files = browser.browser_files(tied_data)
    published = browser.script_payload(files[browser.SCRIPT])
    assert set(published["sentences"]) == set(views.state_keys(tied_data)[filters.ALL])
    assert published["sentenceFiles"] == {"on": browser.SENTENCE_FILES[True], "off": browser.SENTENCE_FILES[False]}
    sentences = highlight.page_sentences(tied_data)
    for key, code, inferred in each(list(views.states(tied_data))):
        if code == filters.ALL:
            assert published["sentences"][key] == sentences[key]
            continue
        assert browser.sentence_file_part(files[browser.SENTENCE_FILES[inferred]])[key] == sentences[key]
        assert key not in browser.sentence_file_part(files[browser.SENTENCE_FILES[not inferred]])


def test_every_template_is_in_the_installed_package(tmp_path):
    """A wheel of the project holds every template file (the pages' and the PDF editions'), so an
    install that is not editable renders the same pages."""
    source = tmp_path / "source"  # a copy, so no build/ folder left by an earlier wheel can hide a missing file
    shutil.copytree(REPO / "kulturensrige", source / "kulturensrige", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", source)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("*.whl"))
    package = REPO / "kulturensrige"
    expected = {p.relative_to(REPO).as_posix() for p in package.glob("*/templates/**/*") if p.is_file()}
    expected = {name for name in expected if "__pycache__" not in name}
    assert expected and expected <= set(zipfile.ZipFile(wheel).namelist())


def test_text_from_data_is_escaped_by_the_card_template(data):
    group = cards.group_turns(data.quotes)[1].assign(text="<script>alert(1)</script>", speaker_role='"><img src=x>')
    card = cards.quote_card(data, group)
    assert "<script>" not in card and "<img" not in card
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in card


def test_a_table_of_marks_is_one_table_for_every_view_with_each_column_marked(data):
    html = charts.art_forms_by_municipality(data).html().markup
    assert html.count("<table") == 1 and "data-variant" not in html, "one table for every municipality's view"
    for code in each(data.municipalities["kommunekode"]):
        assert html.split("<tbody>")[0].count(f'<th scope="col" data-kr-mark="{code}">') == 1


def test_a_long_lists_rows_are_json_no_text_can_close_their_script(tmp_path):
    """The hostile fixture's every text in the JSON rows of cards.quote_rows: no tag can end or start in them,
    they read back as the card fields, and in the one card <template> (its section and ingredient names come
    from data) every attack is escaped text."""
    import hostile

    data = load(hostile.hostile_data(tmp_path / hostile.FOLDER_NAME))
    contexts = [cards.card_context(data, g) for g in cards.group_turns(data.quotes)]
    markup = str(cards.quote_rows(data, contexts))
    template, *islands = re.split(r'<script type="application/json" class="kr-list-rows kr-side" data-kr-count="\d+">', markup)
    bodies = [island.removesuffix("</script>") for island in islands]
    assert all("<" not in body and ">" not in body for body in bodies)
    assert [row for body in bodies for row in json.loads(body)] == [cards.card_row(c) for c in contexts]
    assert all(len(json.loads(body)) <= cards.ROWS_PER_ISLAND for body in bodies)
    assert hostile.FLAG in "".join(bodies), "the attacks are in the rows, as text"
    assert template.count("<article") == 1
    assert not re.search(r"<(script|img|svg|iframe|a href=\"javascript)", template, re.I)


def test_the_card_fields_are_published_once_for_the_browser(data):
    assert browser.browser_data(data)["cardFields"] == cards.CARD_FIELDS
    context = cards.card_context(data, cards.group_turns(data.quotes)[0])
    assert len(cards.card_row(context)) == len(cards.CARD_FIELDS)


def test_a_drill_through_heading_is_written_by_the_build(data):
    """Where the reader clicked and how many quotes are behind it, in the chart's words: the browser only copies it."""
    model = charts.ingredient_municipality_matrix(data)
    payload = model.payload()
    trace = payload["traces"][payload["variants"][filters.ALL]["data"]][0]
    assert trace["customdata"], "the heatmap has cells to check"
    for i, row in enumerate(trace["customdata"]):
        for j, cell in enumerate(row):
            # A quote cell carries its panel's note third (cards.drill_note, ADR 70); the heading is checked here.
            ids, heading = payload["drill"][cell][:2]
            n = len(ids.split())
            count = f"{n} {'citat' if n == 1 else 'citater'}" if n else "ingen citater"
            assert heading == f"{model.axes.rows[i]} · {model.axes.columns[j]}: {count}"


# -- a profile page's lists: about one municipality, long when its share of the data is ----------------


def profile_lists(data, kommunekode: str) -> dict[str, tuple[str, int]]:
    """A profile page's two lists that grow with the municipality's share of the data: (the section, its card count)."""
    initiatives = filters.initiatives(data, kommunekode)
    quotes = filters.quotes(data, filters.QuoteFilter(kommunekode=kommunekode))
    return {
        "indsatser": (str(cards.initiative_list(data, kommunekode)), len(initiatives)),
        "citater": (str(cards.quotes_for_municipality(data, kommunekode)), len(cards.group_turns(quotes))),
    }


def test_a_profile_list_over_the_limit_ships_its_first_page_as_html_and_the_rest_as_rows(tied_data, monkeypatch):
    """At the validator's caps one municipality can hold 2,500 quotes, and its profile page carried every card
    (5.45 MB). Past KR_LIST_LIMIT a profile's lists take the book's long-list path: the first PAGE_SIZE cards as
    HTML, the rest as JSON rows, and one view that keeps the report's order whatever is chosen, so the page's
    script shows them a page at a time (tests/browser/test_card_rows.py)."""
    monkeypatch.setenv("KR_LIST_LIMIT", "1")
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    long_lists = [
        (code, name, section, n)
        for code in tied_data.municipalities["kommunekode"]
        for name, (section, n) in profile_lists(tied_data, code).items()
        if n > 1
    ]
    assert {name for _, name, _, _ in long_lists} == {"indsatser", "citater"}
    for code, name, section, n in each(long_lists):
        where = f"{code} {name}"
        assert len(BeautifulSoup(section, "html.parser").select("[data-kr-group=all] > .kr-card")) == views.PAGE_SIZE, where
        counts = re.findall(r'class="kr-list-rows kr-side" data-kr-count="(\d+)"', section)
        assert sum(int(c) for c in counts) == n - views.PAGE_SIZE, where
        island = re.search(r'<script type="application/json" class="kr-list-views">(.*?)</script>', section)
        assert island and json.loads(island.group(1)) == highlight.FIXED_VIEWS, where
        assert re.findall(r'data-kr-group="(\w+)"', section) == ["all"], f"{where}: no group for a choice"


def test_a_profile_list_within_the_limit_is_all_cards_and_nothing_for_the_script(data):
    """The report's profiles are short: every card is HTML, with no rows and no views (the pages stay as they were)."""
    for code in each(data.municipalities["kommunekode"]):
        for name, (section, n) in profile_lists(data, code).items():
            assert section.count('<article class="kr-card') == n, f"{code} {name}"
            assert "kr-list-rows" not in section and "kr-list-views" not in section and "<noscript" not in section, f"{code} {name}"


# -- colours against the theme's backgrounds ------------------------------------------------------------------

THEME_CSS = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / "styles" / "pydata-sphinx-theme.css"
FILTER_CSS = Path(__file__).resolve().parent.parent / "book" / "_static" / "kommunefilter.css"


def _hex(colour: str) -> str:
    """'#fff' -> '#ffffff'."""
    return "#" + "".join(c * 2 for c in colour[1:]) if len(colour) == 4 else colour.lower()


def test_the_charts_know_the_themes_backgrounds():
    css = THEME_CSS.read_text(encoding="utf-8")
    for theme, background in each(charts.THEME_BACKGROUNDS.items()):
        rule = re.search(rf"html\[data-theme={theme}\]\{{[^}}]*?--pst-color-background:(#[0-9a-fA-F]+)", css)
        assert rule and _hex(rule[1]) == background, theme


def _lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of '#rrggbb': the distance between two colours as the eye judges it (CIE76)."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))]
    xyz = [sum(w * c for w, c in zip(row, linear, strict=True)) for row in
           ((0.4124, 0.3576, 0.1805), (0.2126, 0.7152, 0.0722), (0.0193, 0.1192, 0.9505))]  # fmt: skip
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (xyz[0] / 0.9505, xyz[1], xyz[2] / 1.089)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def _distance(a: str, b: str) -> float:
    return sum((x - y) ** 2 for x, y in zip(_lab(a), _lab(b), strict=True)) ** 0.5


# How far (CIE76) a muted part's fill stands from its full colour at least: orange and yellow kept 80% of their colour
# (about 15 from it) and looked full beside the chosen part.
MUTED_DISTANCE = 35


@pytest.mark.parametrize("chart", [charts.quotes_per_ingredient, charts.partners_by_kind])
def test_a_muted_part_recedes_in_every_colour_and_its_outline_stays_in_view_in_either_theme(data, chart):
    """A faint part's fill was the faintest colour still 1.7:1 from the page: orange and yellow kept most of their
    colour and the highlight did not read. In both themes now, every faint part's fill lies nearer the page's
    background than its own colour and MUTED_DISTANCE from that colour; its outline and pattern, in the faint
    form of the colour, stand at least MUTED_CONTRAST from the background, so the part stays in view."""
    drawn = chart(data).variants[data.municipalities["kommunekode"].iloc[0]].figure["data"]
    problems = []
    for trace in [t for t in drawn if "muted" in t.get("meta", {})]:
        colour = next(t for t in drawn if t["legendgroup"] == trace["legendgroup"] and "meta" not in t)["marker"]["color"]
        for theme, background in charts.THEME_BACKGROUNDS.items():
            marker = trace["marker"] if theme == "light" else trace["meta"]["muted"]["dark"]
            fill, edge = marker["color"], marker.get("line", {}).get("color", "")
            pattern = marker.get("pattern", {})
            if not (_distance(fill, background) < _distance(fill, colour) and _distance(fill, colour) >= MUTED_DISTANCE):
                problems.append(f"{theme} {trace['name']}: fill {fill} for {colour} ({_distance(fill, colour):.0f} from it)")
            if not edge or charts.contrast(edge, background) < charts.MUTED_CONTRAST[theme]:
                problems.append(f"{theme} {trace['name']}: outline {edge or 'none'} for {colour}")
            if pattern.get("shape") and pattern.get("fgcolor") != edge:
                problems.append(f"{theme} {trace['name']}: pattern in {pattern.get('fgcolor', 'plotly grey')}")
    assert not problems, problems


def test_every_palette_colour_has_a_visible_muted_form_in_both_themes():
    for colour, theme in each([(c, t) for c in figures.PALETTE for t in charts.THEME_BACKGROUNDS]):
        assert charts.contrast(charts.muted(colour, theme), charts.THEME_BACKGROUNDS[theme]) >= charts.MUTED_CONTRAST[theme]


def test_a_muted_bar_stands_three_to_one_from_the_dark_page_in_every_colour():
    """Reader 22: the bars of the municipalities not chosen were faint on the dark page (outline #0a4568 on #14181e,
    1.75:1). They carry the other municipalities' values, so WCAG 1.4.11 asks 3:1 of their outline and pattern."""
    dark = charts.THEME_BACKGROUNDS["dark"]
    faint = {colour: round(charts.contrast(charts.muted(colour, "dark"), dark), 2) for colour in figures.PALETTE}
    assert all(ratio >= 3 for ratio in faint.values()), faint


def test_the_numbers_on_a_table_of_marks_meet_wcag_aa_in_both_themes():
    """White numbers on the theme's blue were 4.78:1; each theme's block and number are the book's own (kommunefilter.css),
    4.5:1 apart, and the block 3:1 from the page's background (WCAG 1.4.3 and 1.4.11)."""
    css = FILTER_CSS.read_text(encoding="utf-8")
    for theme, selector in each([("light", r"\n\.kr-marks "), ("dark", r'html\[data-theme="dark"\] \.kr-marks ')]):
        rule = re.search(selector + r"\{([^}]*--kr-mark-fill[^}]*)\}", css)
        assert rule, theme
        fill, number_ = (_hex(re.search(rf"--kr-mark-{name}:\s*(#[0-9a-fA-F]+)", rule[1])[1]) for name in ("fill", "number"))
        assert charts.contrast(fill, number_) >= 4.5, (theme, fill, number_)
        assert charts.contrast(fill, charts.THEME_BACKGROUNDS[theme]) >= 3, (theme, fill)


@pytest.mark.build
def test_the_pages_the_search_puts_first_are_those_whose_lists_mark_the_municipality(built_site: Path, data):
    """views.pages_about, which the search ranks first, is read from the data: it names each page whose lists put the
    municipality's cards first in the built book, and its own page, but not the overview that marks every one alike."""
    marked: dict[str, set[str]] = {}
    for path in built_site.rglob("*.html"):
        for island in re.findall(r'<script type="application/json" class="kr-bar-lines"[^>]*>(.*?)</script>', path.read_text("utf-8")):
            for key in json.loads(island):
                marked.setdefault(key, set()).add(path.relative_to(built_site).with_suffix("").as_posix())
    everyone = set.intersection(*(marked[key] for key, code, _ in views.states(data) if code != views.ALL))
    for key, code, inferred in each([s for s in views.states(data) if s[1] != views.ALL]):
        slug = data.municipalities.set_index("kommunekode").loc[code, "slug"]
        assert set(views.pages_about(data, code, inferred)) == (marked[key] - everyone) | {f"kommuner/profil-{slug}"}, key


def test_the_heatmaps_legend_shows_one_colour_scale_for_every_municipality_and_every_view(tied_data):
    """The 'Ikke angivet' column's higher counts looked like another colour scale, with no legend. Every view of the
    matrix now draws on one scale (the same highest count), and the figure's legend shows that scale from 0 to its
    highest count, the municipalities' highest in some view, with the colours plotly gives those counts; the
    'Uden kommune' cells above it have a colour of their own, the legend's last entry (issue 22)."""
    chart = charts.ingredient_municipality_matrix(tied_data)
    heats = [next(t for t in v.figure["data"] if t["type"] == "heatmap") for v in chart.variants.values()]
    highest = max(max(n for row in heat["z"] for n in row[:-1]) for heat in heats)  # the last column: 'Uden kommune'
    assert {heat["zmax"] for heat in heats} == {highest}
    legend = BeautifulSoup(chart.html().markup, "html.parser").select_one("figure .kr-legend")
    assert legend is not None and "tal over skalaen har deres egen farve" in legend.get_text()
    *scale, over = [(e.get_text(strip=True), e.select("rect")[-1]["fill"]) for e in legend.select(".kr-legend-entry")]
    assert scale[0][0] == "0" and scale[-1][0] == str(highest) and len(scale) >= 2
    for count, colour in each(scale):
        assert colour == figures.scale_colour(heats[0]["colorscale"], int(count), 0, highest)
    assert over == (f"over {highest}", charts.OVER_SCALE["light"])


def test_a_bar_charts_legend_is_the_models_one_list_in_the_bars_order_and_plotly_draws_none(tied_data):
    """plotly's legend stood taller than the bars on a phone and listed the pieces in reverse without a choice. The
    chart's legend is now HTML above the plot (figures.Legend): the pieces in the order they stack, left to right,
    one list for every view; the key of the highlighted views waits for a choice; no view asks plotly for its own."""
    chart = charts.quotes_per_ingredient(tied_data)
    markup = BeautifulSoup(chart.html().markup, "html.parser")
    lists_ = markup.select("figure .kr-legend .kr-legend-entries")
    stacked = [t["name"] for t in chart.variants[filters.ALL].figure["data"]]
    assert [e.get_text() for e in lists_[0].select(".kr-legend-entry")] == stacked
    assert len(lists_) == 2 and lists_[1].get("data-kr-chosen") == "true" and lists_[1].has_attr("hidden")
    payload = chart.payload()
    assert payload["layouts"] and all(layout["showlegend"] is False for layout in payload["layouts"])
    assert all(chart.plot(key)["layout"]["showlegend"] is False for key in chart.variants)


def test_the_partner_charts_key_names_its_faded_part_as_its_bars_do(data):
    """Code review 13, #8: the partner chart's faded bars were named "Kun andre kommuner" while its legend's key said
    "Resten (dæmpet)": one name for the part, in the key and on the bars."""
    chart = charts.partners_by_kind(data)
    code = data.municipalities["kommunekode"].iloc[0]
    faded = {t["name"] for key, v in chart.variants.items() if code in key for t in v.figure["data"] if "muted" in t.get("meta", {})}
    keyed = [s.name for s in chart.legend().key]
    assert faded == {charts.PARTNER_KEY[1]} and keyed == [charts.PARTNER_KEY[0], f"{charts.PARTNER_KEY[1]} (dæmpet)"], (faded, keyed)


def test_a_legends_key_shows_full_and_muted_in_the_colours_its_bars_have_in_each_theme(tied_data):
    """Reader 13: "Den valgte kommunes del" was a swatch in the text's colour (near black), a colour no bar had, while
    the chosen part stood in its group's colour. The key's two swatches show the bars' own colours side by side, full
    and muted, so the style, not a colour, is what they name. The muted swatch shows the muted bars' own fills in each
    theme: a 22 % tint of each colour on the dark page was fainter than the bars it named (issue 22, second phone
    review)."""
    for chart in each([charts.quotes_per_ingredient(tied_data), charts.partners_by_kind(tied_data)]):
        colours = {t["marker"]["color"] for v in chart.variants.values() for t in v.figure["data"] if isinstance(t["marker"]["color"], str)}
        full, muted = chart.legend().key
        assert set(full.stripes) <= colours and not full.faint and muted.faint, (full, muted)
        assert muted.stripes == tuple(charts.muted_fill(c) for c in full.stripes), muted
        assert muted.dark_stripes == tuple(charts.muted_fill(c, "dark") for c in full.stripes), muted
        dark_page = charts.THEME_BACKGROUNDS["dark"]
        assert all(charts.contrast(c, dark_page) >= charts.MUTED_FILL_CONTRAST["dark"] for c in muted.dark_stripes), muted
        swatches = BeautifulSoup(figures.legend_markup(chart.legend()), "html.parser").select(".kr-swatch")[-2:]
        fills = [[r["fill"] for r in s.select("rect") if r["fill"] != "none"] for s in swatches]
        assert fills == [list(full.stripes), [*muted.dark_stripes, *muted.stripes]], fills
        light = [r["fill"] for r in swatches[1].select("rect.kr-swatch-light")]
        assert light == list(muted.stripes), light  # on top, and hidden by the dark theme (kommunefilter.css)


def test_the_bar_line_of_each_view_is_written_whole_by_the_build(tied_data):
    """Code review #12: the bar's »Fremhævet her: …« was joined in the browser from each list's count (" · " and the
    lead decided in JS). The build writes each page's whole line per view from its lists, in the page's order
    (highlight.page_lines, published by the page's last cell, page_source.how_made), and the script only shows it.
    What a list marks travels to that line as data: the list's own views no longer carry it to the browser."""
    from kulturensrige.book import page_source

    tied = tied_data.quotes.loc[tied_data.quotes["kommunekode"] != "", "section_id"].unique()
    two = [tied_data.quotes[tied_data.quotes["section_id"] == s] for s in tied[:2]]
    assert len(two) == 2, "the test needs two sections with quotes tied to a municipality"
    highlight.marked_lists()  # what lists made by other tests in this process marked
    islands = [str(highlight.list_views(tied_data, views.quote_items(cards.group_turns(q)), views.QUOTE)) for q in two]
    assert not any(
        "tally" in view for island in islands for view in json.loads(BeautifulSoup(island, "html.parser").script.string)["views"].values()
    )
    page = str(page_source.how_made(tied_data))
    lines = json.loads(BeautifulSoup(page, "html.parser").select_one("script.kr-bar-lines").string)
    assert "kr-bar-lines" not in str(page_source.how_made(tied_data)), "a page publishes only the lines of its own lists"
    assert lines and all(line.startswith("Fremhævet her: ") for line in lines.values()), lines
    for key, code, inferred in each(list(views.states(tied_data))):
        tallies = [
            highlight.list_view(tied_data, views.quote_items(cards.group_turns(q)), views.QUOTE, code, inferred).get("tally") for q in two
        ]
        said = [t for t in tallies if t]
        assert lines.get(key) == (f"Fremhævet her: {highlight.BETWEEN.join(said)}" if said else None), key
    script = (REPO / "book" / "_static" / "kr-filter.js").read_text(encoding="utf-8") + (
        REPO / "book" / "_static" / "kr-lists.js"
    ).read_text(encoding="utf-8")
    assert 'join(" · ")' not in script and "Fremhævet her" not in script


def test_a_count_of_ties_names_the_levels_in_one_order_whichever_card_comes_first(data):
    """The bar and a list's heading named the levels of the marked quotes' ties in the order their cards came ('2
    udledt, 1 angivet'), the ingredient chart in the order of their counts and the QDA import stated first: all now
    follow one order (provenance.tie_levels)."""
    code = str(data.municipalities["kommunekode"].iloc[0])
    items = [views.Item(code, "inferred"), views.Item(code, "inferred"), views.Item(code, "stated")]
    assert highlight.whose_ties(data, items, [0, 1, 2]) == " (1 angivet i rapporten, 2 udledt af redaktionen)"


def test_a_status_names_the_inferred_switch_only_in_the_position_a_page_does_not_open_in(data):
    """Every status of the opening view said "(uden udledte tilknytninger)" once the ties were off by default (ADR 33):
    the help sentence says it once; a status names only the other position."""
    sentences = highlight.page_sentences(data)
    code = data.municipalities["kommunekode"].iloc[0]
    for choice in (views.ALL, code):
        opening, other = views.default_key(choice), views.state_key(choice, not views.INFERRED_BY_DEFAULT)
        assert not [v for v in sentences[opening].values() if "udledte tilknytninger)" in v], choice
        assert "(med udledte tilknytninger)" in sentences[other]["print"], choice
