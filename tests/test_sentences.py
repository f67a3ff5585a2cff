"""Every sentence the filter can show reads as Danish prose: no code, no placeholder, nothing said twice.

A sentence assembled from parts is where a slip reaches a reader unseen (a string without its f prefix showed
"{'det' if _weight(...) == 1 else 'dem'}" to readers). So every status, heading and notice of every view is
rendered here: every municipality, with inferred ties on and off, in every list the book shows, for the report's
data and for data with an eighth municipality; and the package's source is read for the slip itself.
"""

from __future__ import annotations

import functools
import io
import json
import re
import tokenize
from html import unescape
from pathlib import Path

import pytest

from kulturensrige import load
from kulturensrige.data import provenance
from kulturensrige.data.loading import Dataset
from kulturensrige.data.schema import NOT_STATED
from kulturensrige.render import browser, cards, charts, front_page, highlight, lists
from kulturensrige.rules import filters, views

REPO = Path(__file__).resolve().parent.parent
VIEWS_ISLAND = re.compile(r'<script type="application/json" class="kr-list-views">(.*?)</script>', re.S)
TAG = re.compile(r"<[^>]+>")

# What never belongs in a sentence a reader sees.
JUNK = {
    "a brace": re.compile(r"[{}]"),
    "template syntax": re.compile(r"\{\{|\{%|%\}|\$\{"),
    "Python syntax": re.compile(r"\w\(|==|!=|\bif\b.*\belse\b|\blambda\b|\b_\w+|\bself\b"),
    "a missing value": re.compile(r"\b(?:None|nan|NaN|null|undefined|True|False)\b"),
    "a doubled space": re.compile(r"\s{2,}"),
    "doubled punctuation": re.compile(r"([.,;:!?])\s*[.,;:!?]"),
    "a space before punctuation": re.compile(r"\s[.,;:!?]"),
    "space at an end": re.compile(r"^\s|\s$"),
    # A list in brackets whose last item ends in its own bracket: "… bænk (redaktionens titel)) er ingen målgrupper"
    # (reader 25 r2, #3). No sentence of the book nests brackets on purpose.
    "a doubled closing bracket": re.compile(r"\)\s*\)"),
}


def junk_in(text: str) -> list[str]:
    return [what for what, pattern in JUNK.items() if pattern.search(text)]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def list_sections(data: Dataset) -> dict[str, tuple[str, dict[str, str]]]:
    """Every arranged list the book shows, rendered as the pages render it, by a name for the message, with what it
    marks in each view (its part of the bar's line, highlight.page_lines)."""
    made = {f"citater i afsnit {s}": functools.partial(cards.quotes_in_section, data, s) for s in data.quotes["section_id"].unique()}
    made |= {f"citater om {i}": functools.partial(cards.quotes_for_ingredient, data, i) for i in data.ingredients["ingredient_id"]}
    made["indsatser"] = functools.partial(cards.initiative_list, data)
    made["kommuner"] = functools.partial(cards.municipality_overview, data)
    highlight.marked_lists()  # what lists made before this marked
    sections = {}
    for name, make in made.items():
        html = str(make())
        marked = highlight.marked_lists()
        if not marked:  # a quote list where the data tie no quote: a choice does not arrange it (cards.quote_list)
            assert name.startswith("citater") and not views.any_tied(data) and not VIEWS_ISLAND.search(html), name
            continue
        (tallies,) = marked
        sections[name] = (html, tallies)
    return sections


@pytest.fixture(scope="module", params=["rapporten", "otte kommuner"])
def data(request) -> Dataset:
    return load(REPO / "data") if request.param == "rapporten" else load(request.getfixturevalue("eighth_data"))


def test_every_list_view_reads_as_prose_and_says_each_thing_once(data):
    problems = []
    for name, (html, tallies) in list_sections(data).items():
        island = json.loads(VIEWS_ISLAND.search(html).group(1))
        assert set(island["views"]) == {key for key, _, _ in views.states(data)}, name
        for key, view in island["views"].items():
            texts = [view.get("status", ""), tallies.get(key, "")] + [heading for group, heading, _ in view["groups"] if group != "all"]
            texts = [t for t in texts if t]
            for group, heading, _ in view["groups"]:
                if group != "all" and not heading.strip():
                    problems.append(f"{name} [{key}]: the group {group} has no heading")
            for text in texts:
                problems += [f"{name} [{key}]: {what}: {text!r}" for what in junk_in(text)]
            said = [s for text in texts for s in sentences(text)]
            problems += [f"{name} [{key}]: said twice: {s!r}" for s in {s for s in said if said.count(s) > 1}]
    assert not problems, "\n".join(problems[:20])


SUMMARY = re.compile(r'<p class="kr-list-summary">(.*?)</p>', re.S)
# A count of quotes without a municipality ('8 citater uden kommune angivet i rapporten', '6 uden kommune, hverken
# angivet i rapporten eller udledt af redaktionen'), up to the end of its part of the sentence.
UNTIED_COUNT = re.compile(r"(\d+) (?:citater? )?(uden [^.;·]*)")


def untied_counts(text: str) -> list[tuple[str, int, str]]:
    """Each count of quotes without a municipality, with the set its words name: no tie at all, where the words say
    that none is inferred either, or no tie stated by the data's source (the inferred ties among them)."""
    return [("no tie at all" if "udledt" in words else "none stated", int(n), words) for n, words in UNTIED_COUNT.findall(unescape(text))]


def test_no_view_counts_one_set_of_untied_quotes_twice_with_two_numbers(data):
    """With the inferred ties off, '6 citater uden angivet kommune' stood over '8 … uden kommune angivet i
    rapporten' (reader review 5): two sets, in words that read as one. Every count line of a list in a view (its
    summary, its headings, its part of the bar's line) names its set in the same words wherever it counts it, saying
    whose ties they are; so one set's words never come with two numbers. Every list of every page, every
    municipality, the switch on and off."""
    problems = []
    for name, (section, tallies) in list_sections(data).items():
        island = json.loads(VIEWS_ISLAND.search(section).group(1))
        summary = SUMMARY.search(section)
        for key, view in island["views"].items():
            texts = [summary.group(1) if summary else "", tallies.get(key, "")]
            texts += [heading for group, heading, _ in view["groups"] if group != "all"]
            counts: dict[str, set[int]] = {}
            for text in texts:
                for which, n, _ in untied_counts(text):
                    counts.setdefault(which, set()).add(n)
            problems += [f"{name} [{key}]: {which} counted as {sorted(ns)}: {texts}" for which, ns in counts.items() if len(ns) > 1]
    assert not problems, "\n".join(problems[:10])


def test_the_check_for_two_counts_of_one_set_tells_the_two_sets_apart():
    assert [w for w, _, _ in untied_counts("8 citater uden kommune angivet i rapporten.")] == ["none stated"]
    assert [w for w, _, _ in untied_counts("heraf 6 uden kommune, hverken angivet i rapporten eller udledt af redaktionen.")] == [
        "no tie at all"
    ]


def test_the_explorers_count_line_and_headings_read_as_prose(data):
    """The live explorer shows every quote with the same rules (highlight.list_view), status line and all."""
    items = views.quote_items(cards.group_turns(data.quotes))
    problems = []
    for key, code, inferred in views.states(data):
        view = highlight.list_view(data, items, views.QUOTE, code, inferred)
        texts = [view["status"]] + [heading for group, heading, _ in view["groups"] if group != "all"]
        problems += [f"{key}: {what}: {text!r}" for text in texts for what in junk_in(text)]
        said = [s for text in texts for s in sentences(text)]
        problems += [f"{key}: said twice: {s!r}" for s in {s for s in said if said.count(s) > 1}]
    assert not problems, "\n".join(problems[:20])


def test_where_a_list_marks_nothing_for_the_choice_the_bar_offers_the_editors_ties_in_plain_danish(tied_data):
    """Reader review 18, #2: with the editors' ties off by default (ADR 33), a choice on the ingredient pages and on
    vaerdiskabelser said "Intet på siden er knyttet til Ringkøbing-Skjern", and the way out was the jargon "udledte
    tilknytninger". In every view of every list (every municipality, the switch on and off): where the list marks
    nothing but sets aside the editors' ties to the chosen municipality, the bar's line says how many quotes here the
    editors tie to it, in words, with a button to show them; where it marks nothing and sets nothing aside, no line
    (the bar offers the municipality's page, page_sentences); and no sentence says "intet er knyttet"."""
    problems = []
    made = {
        f"citater i afsnit {s}": functools.partial(cards.quotes_in_section, tied_data, s) for s in tied_data.quotes["section_id"].unique()
    }
    made |= {
        f"citater om {i}": functools.partial(cards.quotes_for_ingredient, tied_data, i) for i in tied_data.ingredients["ingredient_id"]
    }
    made["indsatser"] = functools.partial(cards.initiative_list, tied_data)
    made["kommuner"] = functools.partial(cards.municipality_overview, tied_data)
    offered = 0
    for name, make in made.items():
        highlight.marked_lists()
        make()
        marked, aside, _ = highlight.page_lines()
        for key, code, inferred in views.states(tied_data):
            if code == views.ALL:
                assert key not in aside, (name, key)
                continue
            town = filters.municipality_name(tied_data, code)
            withheld = 0 if inferred or key in marked else _inferred_quotes_here(tied_data, name, code)
            if not withheld:
                assert key not in aside, (name, key, aside.get(key))
                continue
            line, button = aside[key]
            offered += 1
            problems += [f"{name} [{key}]: {what}: {line!r}" for what in junk_in(line)]
            if not re.fullmatch(rf"{withheld} citat(er)? her er knyttet til {re.escape(town)}, udledt af redaktionen\.", line, re.I):
                problems.append(f"{name} [{key}]: {line!r}")
            if button != ("Vis det" if withheld == 1 else "Vis dem") or "udledte tilknytninger" in line + button:
                problems.append(f"{name} [{key}]: {button!r}")
    assert offered, "the report's data has lists whose only ties to a municipality are the editors'"
    assert not problems, "\n".join(problems[:20])
    for key, kinds in highlight.page_sentences(tied_data).items():
        assert "bar_unmarked" not in kinds and "intet er markeret" not in kinds["unmarked"], key


def _inferred_quotes_here(data: Dataset, list_name: str, code: str) -> int:
    """How many quotes of a list (named as list_sections names it) the editors tie to a municipality by inference."""
    quotes = data.quotes[(data.quotes["kommunekode"] == code) & (data.quotes["attribution"] == "inferred")]
    quotes = quotes[quotes["reference_key"] == ""]
    if list_name.startswith("citater i afsnit "):
        return int((quotes["section_id"] == list_name.removeprefix("citater i afsnit ")).sum())
    if list_name.startswith("citater om "):
        return int(quotes["ingredient_ids"].map(lambda ids: list_name.removeprefix("citater om ") in ids).sum())
    return 0


def test_every_page_sentence_reads_as_prose(data):
    problems = []
    for key, kinds in highlight.page_sentences(data).items():
        for kind, text in kinds.items():
            if kind.endswith("_href"):
                continue
            problems += [f"{key} {kind}: {what}: {text!r}" for what in junk_in(text)]
            said = sentences(text)
            problems += [f"{key} {kind}: said twice: {s!r}" for s in {s for s in said if said.count(s) > 1}]
    for text in highlight.compare_sentences(data):
        problems += [f"sammenligning: {what}: {text!r}" for what in junk_in(text)]
    assert not problems, "\n".join(problems[:20])


def test_every_charts_sentences_read_as_prose_in_every_view(data):
    """What a chart says in each view: its title, the sentence under it (why a column is empty), its text alternative,
    its notes and its table of marks' note. The comparison page's "(… bænk (redaktionens titel)) er ingen målgrupper
    registreret" was such a sentence (reader 25 r2, #3)."""
    made = [
        charts.quotes_per_ingredient,
        charts.ingredient_municipality_matrix,
        charts.art_forms_by_municipality,
        charts.target_groups_by_municipality,
        charts.settings_by_municipality,
        charts.partners_by_kind,
        charts.programme_timeline,
    ]
    problems = []
    for make in made:
        chart = make(data)
        texts = {"titel": chart.title, "note": chart.note, "mærker": chart.marks.empty if chart.marks else ""}
        for key, variant in chart.variants.items():
            texts |= {f"{key} said": variant.said, f"{key} titel": variant.title, f"{key} alt": variant.alt}
        problems += [f"{chart.figure_id} {kind}: {what}: {text!r}" for kind, text in texts.items() if text for what in junk_in(text)]
    assert not problems, "\n".join(problems[:20])


def test_no_view_publishes_an_empty_sentence(data):
    """With no municipality chosen the build published empty sentences for the bar's line and offer and the charts
    (code review #14): bytes in every page's data that the bar never reads. A sentence a view has not is left out.
    The sentences are published in kr-data.js ('no municipality') and the sentence files beside it (ADR 10): all read."""
    files = browser.browser_files(data)
    published = [browser.script_payload(files[browser.SCRIPT])["sentences"]]
    positions = browser.sentence_positions(data)
    published += [browser.sentence_file_part(files[browser.SENTENCE_FILES[inferred]]) for inferred in positions]
    # Without an inferred tie the data have one switch position only (views.switchable): the other is never shown.
    reached = {key for key, code, inferred in views.states(data) if inferred in positions or code == views.ALL}
    assert {key for part in published for key in part} == reached
    empty = [f"{key} {kind}" for part in published for key, kinds in part.items() for kind, text in kinds.items() if not text]
    assert not empty, empty


def test_the_control_and_the_profile_hints_read_as_prose(data):
    control = browser.browser_data(data)["control"]
    hints = [lists.profile_hints(data, code) for code in data.municipalities["kommunekode"]]
    problems = []
    for html in [control, *hints]:
        for paragraph in re.findall(r"<(?:p|summary|label|template)\b[^>]*>(.*?)</(?:p|summary|label|template)>", html, re.S):
            # The slot the script fills with the page's line (highlight.bar_lines) is empty here.
            text = re.sub(r'<span class="kr-filter-tally-text"></span>', "", paragraph)
            # The unknown value's notice names the municipality the page shows instead: a name fills its slot.
            text = TAG.sub("", text.replace('<span class="kr-filter-choice"></span>', str(data.municipalities["name"].iloc[0])))
            # A slot the script fills (the offer's links) holds only its separator here.
            problems += [f"{what}: {text!r}" for what in junk_in(text) if re.search(r"\w", text)]
    assert not problems, "\n".join(problems[:20])


def test_the_checks_catch_the_slips_they_are_for():
    assert junk_in("se {'det' if _weight(items, withheld) == 1 else 'dem'} fremhævet.")
    assert junk_in("Køge: None citater.") and junk_in("nan citater") and junk_in("3 citater..") and junk_in("3  citater.")
    assert junk_in("Valgt: {{ name }}.") and junk_in("3 citater , 2 kort.")
    assert junk_in("ved kommunens 3 indsatser (Gang i gården og Flytbar ordrulle (redaktionens titel)) er ingen målgrupper")
    assert not junk_in("Køge (uden udledte tilknytninger): 3 citater (1 angivet, 2 udledt) · 2 fra andre kommuner.")


def string_slips(source: str) -> list[int]:
    """Lines where a plain string that holds {a_name...} is joined to an f-string: it meant to be one too.

    ruff's RUF027 looks only at plain strings standing alone, and ISC only at how strings are joined."""
    slips, run = [], []
    for token in [*tokenize.generate_tokens(io.StringIO(source).readline), None]:
        if token is not None and token.type == tokenize.STRING:
            run.append(token)
            continue
        if token is not None and token.type in (tokenize.NL, tokenize.COMMENT):
            continue
        prefixes = [re.match(r"[a-zA-Z]*", t.string).group().lower() for t in run]
        if any("f" in p for p in prefixes):
            slips += [
                t.start[0] for t, p in zip(run, prefixes, strict=True) if "f" not in p and re.search(r"\{[A-Za-z_'\"][^{}]*\}", t.string)
            ]
        run = []
    return slips


def test_no_plain_string_is_joined_to_an_f_string_with_a_placeholder_in_it():
    assert string_slips('x = (f"a {b}"\n    " c {d}")\n') == [2]
    assert string_slips('x = (f"a {b}"\n    " c {{d}}")\n') == [2]  # braces meant literally in a joined f-string are doubled too
    assert string_slips('x = (f"a {b}"\n    f" c {d}")\n') == []
    found = {
        f"{path.relative_to(REPO)}:{line}"
        for folder in ("kulturensrige", "scripts")
        for path in sorted((REPO / folder).rglob("*.py"))
        for line in string_slips(path.read_text(encoding="utf-8"))
    }
    assert not found, sorted(found)


# A whose-word label as a card sets it beside a value: '(redaktionens tilføjelse)', '(analytikerens læsning)'.
WHOSE_LABEL = re.compile(r"\((?:redaktionens|analytikerens|rapportens) [^)]*\)")


def test_the_municipality_overview_says_whose_its_cards_are_once_over_them_not_on_every_line(data):
    """Issue 22's density finding: every card of 'De deltagende kommuner' bore '(redaktionens tilføjelse)' twice,
    '(redaktionens betegnelser)', '(redaktionens gengivelse)' …, a label on nearly every line. The cards' values are
    each one column's, all of one source: one line over the cards says whose they are, and no label is said twice."""
    cards_text = TAG.sub(" ", str(cards.municipality_overview(data)))
    whose = TAG.sub(" ", str(lists.whose(data, *cards.MUNICIPALITY_CARD_VALUES)))
    labels = WHOSE_LABEL.findall(unescape(cards_text + " " + whose))
    assert not {label for label in labels if labels.count(label) > 1}, labels
    said = [s for s in sentences(" ".join(unescape(whose).split()))]
    assert said and not {s for s in said if said.count(s) > 1}, said


def test_the_front_pages_figures_point_to_how_the_quotes_are_counted_once(data):
    """Issue 22's density finding: the figure '38 citater' said 'Hvordan bogen tæller dem, står under tallene.' over
    the list of counts, which ends in 'Hvordan bogen tæller citaterne, står i kapitlet …'. The block says it once."""
    said = " ".join(unescape(TAG.sub(" ", str(front_page.key_figures(data)))).split())
    assert said.count("Hvordan bogen tæller") == 1, said


def _whose_line(html: str) -> str:
    """The block's one line over its cards (markup.folded_note's summary, or its plain line)."""
    found = re.search(r'class="kr-whose[^"]*"[^>]*>(.*?)</(?:summary|p)>', html, re.S)
    return " ".join(unescape(TAG.sub(" ", found.group(1))).split()) if found else ""


def test_an_initiative_block_of_one_source_says_whose_once_and_a_mixed_one_marks_each_value(data):
    """Reader 22: '(redaktionens titel)', '(redaktionens samling)' and '(redaktionens læsning)' stood on every card of
    a profile whose titles, organisations and status were all the editors'. Where every card's value of a field has
    one source, the line over the cards says it and no card does; where the block mixes sources (a title the report
    gives beside one the editors gave), each marked value keeps its mark. Every municipality's block, and the whole
    list the filter arranges (its views reorder these cards, the cards are the same in each)."""
    problems = []
    for code in [filters.ALL, *data.municipalities["kommunekode"]]:
        html = str(cards.initiative_list(data, code))
        line, text = _whose_line(html), unescape(TAG.sub(" ", html.split("</details>", 1)[-1]))
        rows = list(filters.initiatives(data, code).itertuples())
        # A card without a status says why as its status unless its list says it once before the cards (ADR 109).
        said_before = bool(cards.statuses_said(data, filters.initiatives(data, code)))
        given = 0
        # A title keeps its short mark on every card (ADR 32; tests/test_faithful_counts_titles_and_citations.py checks it).
        for field in [f for f in cards.INITIATIVE_MARKED if f != "title"]:
            # A card the editors found nothing for in a field shows none (ADR 87): it counts for no mark.
            shown = [dict(cards.initiative_facts(data, r, said_before)).get(field, NOT_STATED) for r in rows]
            # A card without a status says in full words that the editors give none (ADR 121, reading32 #11): not a
            # second source of the status beside the editors' reading, so it mixes no marks; it stands on each such card.
            none_given = [v for v in shown if isinstance(v, cards.Sourced) and v.mark == provenance.NO_STATUS_GIVEN]
            given += len(none_given)
            shown = [v for v in shown if all(v is not n for n in none_given)]
            marks = [v.mark if isinstance(v, cards.Sourced) else "" for v in shown if str(v) != NOT_STATED]
            for mark in {m for m in marks if m}:
                said = text.count(f"({mark})")
                if set(marks) == {mark}:
                    if said or mark.split(" ", 1)[1] not in line.lower():
                        problems.append(f"{code} {field}: one source, {said} marks on the cards, line {line!r}")
                elif said != marks.count(mark):
                    problems.append(f"{code} {field}: mixed, {said} of {marks.count(mark)} values marked")
        if unescape(TAG.sub(" ", html)).count(provenance.owner_mark(provenance.NO_STATUS_GIVEN)) != given:
            problems.append(f"{code}: {given} cards without a status, not each saying the editors give none")
    assert not problems, "\n".join(problems)


def test_a_lists_head_counts_each_set_once_in_every_view(data):
    """Reader 22: with a municipality chosen, a list's head said '3 citater, heraf … 2 uden kommune, hverken angivet i
    rapporten eller udledt af redaktionen', then the chosen group's heading, then '2 citater uden kommune, hverken
    angivet i rapporten eller udledt af redaktionen.': three count lines, one set counted twice. The summary counts the
    list where nothing is chosen; in a chosen view it gives way to the group headings (data-kr-chosen="false").
    Every list, every municipality, the switch on and off."""
    problems = []
    for name, (section, _) in list_sections(data).items():
        island = json.loads(VIEWS_ISLAND.search(section).group(1))
        summary = re.search(r'<p class="kr-list-summary"([^>]*)>(.*?)</p>', section, re.S)
        for key, view in island["views"].items():
            chosen = key.split("|")[0] != filters.ALL
            shown = summary and not (chosen and 'data-kr-chosen="false"' in summary.group(1))
            texts = [summary.group(2)] if shown else []
            texts += [heading for group, heading, _ in view["groups"] if group != "all"]
            said = [words for text in texts for _, _, words in untied_counts(text)]
            problems += [f"{name} [{key}]: {texts}" for words in set(said) if said.count(words) > 1]
            if chosen and shown:
                problems.append(f"{name} [{key}]: the summary stands over the chosen view's headings")
    assert not problems, "\n".join(problems[:10])


def test_the_front_page_leads_with_the_reports_own_figures_each_with_its_section_then_the_books_counts(data):
    """Reader 22: 'Bogens tal' gave no number a consultant could quote as the report's: every figure was the book's
    count. The report's own figures come first (the municipalities, the period, the workshops and pitstops, the
    ingredients), each counted from the rows that hold it and linked to the section of the report it stands in; the
    book's counts follow under a line that says they are the book's."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(front_page.key_figures(data).markup, "html.parser")
    leads = [" ".join(p.get_text(" ").split()) for p in soup.select("p.kr-figures-lead")]
    report, book = soup.select("ul.kr-key-figures")
    assert leads[0].startswith("Rapportens egne tal") and leads[1].startswith("Bogens"), leads
    events, facts = data.programme_events, dict(zip(data.programme_facts["fact_id"], data.programme_facts["value"], strict=True))
    expected = [
        (str(len(data.municipalities)), "de-deltagende-kommuner"),
        (facts["periode-varighed"], "kulturens-rige"),
        (str(int((events["kind"] == "workshop").sum())), "kulturens-rige"),
        (str(int((events["kind"] == "pitstop").sum())), "kulturens-rige"),
        (str(len(data.ingredients)), "ingrediensliste"),
    ]
    pages = dict(zip(data.sections["section_id"], data.sections["book_page"], strict=True))
    titles = dict(zip(data.sections["section_id"], data.sections["title"], strict=True))
    shown = []
    for item in report.select("li"):
        link = item.select_one(".kr-figure-source a")
        shown.append((item.select_one(".kr-figure-number").get_text(), link and link["href"].split("#")[0], link and link.get_text()))
    assert shown == [(n, f"{pages[s]}.html", f"Rapportens afsnit »{titles[s]}«") for n, s in expected], shown
    assert [li.select_one(".kr-figure-number").get_text() for li in book.select("li")] == [
        str(int((data.initiatives["part_of"] == "").sum())),  # a project's parts count with it (initiatives.part_of)
        str(len(data.quotes)),
    ]


def _in_position(html: str, inferred: bool):
    """The markup as a reader sees it with the inferred switch in one position: the other position's parts left out
    (highlight.by_switch, the cards' ties; kr-state.js KR.showInferred)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for part in soup.select(f'[data-kr-inferred="{"off" if inferred else "on"}"]'):
        part.decompose()
    return soup


def test_every_profile_and_list_summary_says_true_things_in_both_positions_of_the_inferred_switch(data):
    """The s17 reading, #1 (ADR 33): with the switch off (the default) no card shows an inferred tie, and every
    profile's quotes and ingredients and every list's summary still says something, as prose, without counting a set
    twice; a municipality whose quotes are all inferred says how many and how to show them."""
    parts = {
        f"profil {code}": cards.quotes_for_municipality(data, code).markup + lists.municipality_ingredients(data, code).markup
        for code in data.municipalities["kommunekode"]
    }
    parts |= {name: html for name, (html, _tallies) in list_sections(data).items()}
    inferred = data.quotes.loc[data.quotes["attribution"] == "inferred", "kommunekode"].value_counts()
    problems = []
    for name, html in parts.items():
        for position in (True, False):
            soup = _in_position(html, position)
            texts = [" ".join(p.get_text(" ").split()) for p in soup.select(".kr-list-intro, .kr-empty-note, .kr-list-summary")]
            if name.startswith("profil"):
                problems += [f"{name} {position}: no words" for _ in [1] if not any(texts)]
            for text in texts:
                problems += [f"{name} {position}: {what}: {text!r}" for what in junk_in(text)]
                said = sentences(text)
                problems += [f"{name} {position}: said twice: {s!r}" for s in {s for s in said if said.count(s) > 1}]
            why = [d for d in soup.select("details.kr-rationale > summary") if d.get_text(strip=True) == "Hvorfor udledt?"]
            if not position and (soup.select(".kr-attribution-inferred") or why):
                problems.append(f"{name}: an inferred tie shows with the switch off")
        code = name.removeprefix("profil ")
        if name.startswith("profil") and code in inferred:
            off = " ".join(_in_position(html, False).get_text(" ").split())
            if f"{views.QUOTE.count(int(inferred[code]))} har en tilknytning til kommunen udledt af redaktionen" not in off:
                problems.append(f"{name}: the switch off does not say how many ties are inferred")
    assert not problems, "\n".join(problems[:20])
