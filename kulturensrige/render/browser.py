"""kr-data.js: everything the browser script needs from the build, published once; the browser decides nothing."""

from __future__ import annotations

import json
from collections.abc import Iterable

from kulturensrige.data.loading import Dataset
from kulturensrige.render import cards
from kulturensrige.render.highlight import SETTINGS, SWITCH_LABEL, compare_sentences, page_sentences, switch_words
from kulturensrige.render.markup import METHOD_NOTES, render, side_file, side_json
from kulturensrige.rules import attribution, filters, statistics, views
from kulturensrige.rules.views import ALL, PAGE_SIZE, states
from kulturensrige.words import NAME_DROPS, NAME_FOLDS

SEARCH_COUNT = "Search finished, found ${resultCount} page(s) matching the search query."
# Sphinx's searchtools.js says this when nothing is found; its Danish catalog ends "… og at du har valgt nok
# kategorier", and the book's search has no categories to choose.
SEARCH_NONE = (
    "Your search did not match any documents. Please make sure that all words are spelled correctly and that you've "
    "selected enough categories."
)


def browser_data(data: Dataset) -> dict:
    """Everything the browser script needs from the build, published once (window.KR_DATA)."""
    options = [
        {"code": code, "slug": slug, "name": name}
        for code, slug, name in data.municipalities[["kommunekode", "slug", "name"]].itertuples(index=False)
    ]
    return {
        "all": ALL,
        # The views' names (views.state_keys) and which stand in for which (views.nearest_views): the browser
        # looks them up and builds no name itself.
        "keys": views.state_keys(data),
        "nearest": views.nearest_views(data),
        # The inferred switch's position on a page opened afresh (docs/adr/0033): its address says otherwise only.
        "inferredByDefault": views.INFERRED_BY_DEFAULT,
        # Whether the data hold an inferred tie: without one there is no switch, and no address turns it on.
        "switchable": views.switchable(data),
        "pageSize": PAGE_SIZE,
        "cardFields": cards.CARD_FIELDS,
        "kommuner": options,
        # How a ?kommune= value is matched (the address a reader types: 'århus'): the build's table of every spelling
        # it knows, folded, and the folding rule itself, for the value typed (words.folded_name).
        "spellings": filters.spellings(data),
        "fold": {"pairs": [list(pair) for pair in NAME_FOLDS], "drops": NAME_DROPS},
        # The status sentences of 'no municipality' in both positions of the inferred switch; a chosen
        # municipality's wait in the file of the switch's position (SENTENCE_FILES), loaded when first wanted.
        "sentences": {key: page_sentences(data)[key] for key in views.state_keys(data)[ALL]},
        "sentenceFiles": {("on" if inferred else "off"): SENTENCE_FILES[inferred] for inferred in sentence_positions(data)},
        "themeNames": theme_names("light") | theme_names("dark"),
        "themeWords": theme_words(),
        "compare": compare_sentences(data),
        "switchWords": switch_words(data),
        "more": "Vis flere kort",
        # Sphinx's search leaves its count line in English (its Danish catalog has none); Sphinx fills in the number.
        # Its no-hit line, in plain Danish about this book's search.
        "searchMessages": {
            SEARCH_COUNT: "Sider fundet: ${resultCount}.",
            SEARCH_NONE: "Søgningen fandt ingen sider. Tjek stavemåden, eller prøv med færre eller andre ord.",
        },
        # Opened as a file, the search lists the pages but cannot read them for snippets (the browser refuses a fetch
        # over file://, and the patched searchtools.js tries none): said once on the search page.
        "searchOffline": (
            "Bogen er åbnet som filer, så søgningen viser sidernes titler, men ingen uddrag fra dem: en side, der er åbnet "
            "som fil, må ikke læse bogens andre sider. Start bogen med „make serve“, og søg på http://localhost:8000, "
            "så står et uddrag under hvert resultat."
        ),
        # A part of a page waits in a file beside it (book/extension.py side_files); if the browser cannot load it:
        "sideMissing": (
            "Denne del af siden kunne ikke hentes. Bogens filer skal ligge samlet, som bygningen skrev dem; "
            "åbn bogen med „make serve“ og http://localhost:8000 i browseren, eller fra en webserver."
        ),
        "control": str(
            render(
                "control.html.j2",
                options=filters.municipality_options(data),
                help=attribution.filter_help(statistics.quote_tally(data), data.options),
                checked=views.INFERRED_BY_DEFAULT,
                switchable=views.switchable(data),
                switch_label=SWITCH_LABEL,
                settings=SETTINGS if views.switchable(data) else ABOUT_THE_CHOICE,
                toggle_name=toggle_name(data),
                untied=cards.untied_by_page(data),
            )
        ),
    }


# A page written for analysts says so on its <body> (book/extension.py), where its snippets' rule finds it (NOT_PROSE).
AUDIENCE_ATTRIBUTE, ANALYSTS = "data-kr-audience", "analytikere"


def search_first(data: Dataset, later: Iterable[str]) -> dict:
    """With a municipality chosen, the search puts the pages about it (views.pages_about) first, each group in Sphinx's
    order, and says so above them where one is among them (else that none is: `noneNote`); the pages written for
    analysts (`later`: field names, CSV examples and recipes) come after every reader's page that matches, each
    labelled as theirs (`laterLabel`); the rest keep Sphinx's order. Only the search page carries it
    (book/extension.py), in a JSON island: in kr-data.js every page would load it. The browser adds `ahead` to the
    score of a page about the choice and takes `behind` from an analysts' page's (kr-filter.js). A result whose
    page's prose holds no searched word says where the word stands instead of a snippet (`hitOnly`)."""
    return {
        "pages": {key: views.pages_about(data, code, inferred) for key, code, inferred in states(data) if code != ALL},
        "note": "Sider om den valgte kommune står først.",
        # Where no page about the choice is among the results, the note says so instead (reader review 23, #7).
        "noneNote": "Ingen af siderne om den valgte kommune er blandt resultaterne.",
        "later": list(later),
        "ahead": SEARCH_AHEAD,
        "behind": SEARCH_BEHIND,
        "notProse": NOT_PROSE,
        # An analysts' page among the results says whom it is written for (reader 28, F6), by its title.
        "laterLabel": "Til analytikere",
        "hitOnly": HIT_ONLY,
    }


# Where a page's prose holds none of the searched words, its snippet says where they stand instead of showing a
# paragraph without them (reader 28, F6: „Dataordbog“ showed its opening over a hit in an example value). The browser
# tries the page's title (the result's own heading), then each part a snippet is never cut from (NOT_PROSE), in order;
# `elsewhere` where none holds a word: a part the page hides until the reader chooses or opens it (a comparison's
# column, a closed pop-up, the initiatives behind a number, the other view of a sentence).
HIT_ONLY = {
    "title": "Søgeordet står kun i sidens titel.",
    "parts": [
        [f'[{AUDIENCE_ATTRIBUTE}="{ANALYSTS}"] table', "Søgeordet står kun i sidens tabeller."],
        ["pre, .highlight", "Søgeordet står kun i sidens kodeeksempler."],
        [", ".join(f"details.{css}" for css in METHOD_NOTES), "Søgeordet står kun i en af sidens foldede noter om metoden."],
    ],
    "elsewhere": "Søgeordet står kun i en del af siden, der vises, når du vælger eller åbner den.",
}


# What a result's snippet is never cut from: code (commands, file and column names, `?kommune=`) on any page, and the
# tables of a page written for analysts (the data dictionary, the messages' catalogue), whose example values matched
# a reader's ordinary words ("ensomhed" in an organisation's slug; issue 22), and the method notes' folds (METHOD_NOTES).
# The snippet comes from the page's prose. Nor from the word the front page shows after the chosen municipality's
# name only (front_page.CHOSEN_WORD): in a snippet it stood after every name, "Køge (valgt) holdt eventet …" (reader 25).
NOT_PROSE = ", ".join(
    ["pre", ".highlight", f'[{AUDIENCE_ATTRIBUTE}="{ANALYSTS}"] table', *(f"details.{css}" for css in METHOD_NOTES), ".kr-chosen-word"]
)


# Sphinx's highest score for a page is a few hundred (a title match 15 a term, an object's more): a thousand puts every
# page about the choice above every other (reader 25 r2, #4: only first among equals, Guldborgsund's profile stood
# above Egedal's for »mental sundhed«, as its name holds »sund«), and the analysts' pages go below any score Sphinx
# gives, about the choice or not (Sphinx ranked them above the municipalities' pages for »Gang i gården«).
SEARCH_AHEAD, SEARCH_BEHIND = 1000, 10000


# The theme's button (pydata-sphinx-theme) steps through its modes in an order set by the device's preference: from
# following the device to the other look, then to the same look as the device, then back to following it.
THEME_STEPS = {"light": ["auto", "dark", "light"], "dark": ["auto", "light", "dark"]}
THEME_WORDS = {"light": "lyst", "dark": "mørkt"}


def theme_names(prefers: str) -> dict[str, str]:
    """The theme button's name and tooltip for each mode on a device that prefers `prefers`: the mode in use, then what
    a tap switches to. A tap from the device's own look to following the device changes nothing visible; the name
    says so instead of leaving it a dead tap."""
    steps = THEME_STEPS[prefers]
    now = {"auto": f"følger enheden ({THEME_WORDS[prefers]})", **THEME_WORDS}
    then = {"auto": f"at følge enheden (også {THEME_WORDS[prefers]})", **THEME_WORDS}
    return {f"{mode}|{prefers}": f"Farvetema: {now[mode]}. Skift til {then[steps[(i + 1) % 3]]}." for i, mode in enumerate(steps)}


def theme_words() -> dict[str, str]:
    """The theme in use, in a word shown on its button: a phone has no tooltip, and the icon alone did not say which of
    the three themes was on (issue 22). The word is the start of the button's name (theme_names), as WCAG 2.5.3 asks."""
    return {"auto": "Følger enheden", **{mode: word.capitalize() for mode, word in THEME_WORDS.items()}}


SCRIPT_START = "window.KR_DATA = "
SCRIPT = "kr-data.js"
# The status sentences of each municipality's views, one file per position of the inferred switch, beside kr-data.js
# in _static/: at national scale they were 156 kB of kr-data.js, which every page loads (BENCHMARKS.md, session 19).
# kr-state.js (KR.sentencesOf) loads a file the first time a page shows a municipality in that position, as a script
# (markup.side_file), so it loads from file:// too.
SENTENCE_FILES = {True: "kr-data-udledte.js", False: "kr-data-uden-udledte.js"}


# The panel's button where it holds no setting, only the status about the choice (no inferred tie in the data). Not
# "Om valget": to a municipal reader "valget" is first the election (reader review s24, #8). "Om …": a bare
# „Fremhævning“ read as a menu of settings, and the panel holds words only (reader 25, #4; docs/adr/0079).
ABOUT_THE_CHOICE = "Om fremhævning"


def toggle_name(data: Dataset) -> str:
    """The panel button's name read out: 'Fremhævning og indstillinger' only where the panel holds the switch
    (views.switchable); the report's data tie no quote, and the name promised settings that were not there (issue 22)."""
    return f"Fremhævning og {SETTINGS.lower()}" if views.switchable(data) else ABOUT_THE_CHOICE


def sentence_positions(data: Dataset) -> tuple[bool, ...]:
    """The switch positions a reader can reach, so the ones whose sentence file is written: off only, where the data
    hold no inferred tie (views.switchable)."""
    return (True, False) if views.switchable(data) else (False,)


def browser_script(data: Dataset) -> str:
    """kr-data.js: the constants and sentences, as a script that also works from file://."""
    return script_text(browser_data(data))


def browser_files(data: Dataset) -> dict[str, str]:
    """Every file of _static/ the browser reads the build's words from: kr-data.js and the sentence files."""
    return {SCRIPT: browser_script(data)} | {name: sentence_file_text(part) for name, part in municipality_sentences(data).items()}


def municipality_sentences(data: Dataset) -> dict[str, dict[str, dict[str, str]]]:
    """Each sentence file's views: every municipality's, in the file of its switch position (SENTENCE_FILES)."""
    sentences = page_sentences(data)
    positions = sentence_positions(data)
    parts: dict[str, dict[str, dict[str, str]]] = {SENTENCE_FILES[inferred]: {} for inferred in positions}
    for key, code, inferred in states(data):
        if code != ALL and inferred in positions:
            parts[SENTENCE_FILES[inferred]][key] = sentences[key]
    return parts


def _safe_json(payload: dict) -> str:
    """JSON that cannot end a script early, whatever text it carries."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def script_text(payload: dict) -> str:
    """kr-data.js for a payload."""
    return f"{SCRIPT_START}{_safe_json(payload)};\n"


def script_payload(script: str) -> dict:
    """The payload of a kr-data.js that script_text wrote."""
    return json.loads(script.removeprefix(SCRIPT_START).rstrip().removesuffix(";"))


def sentence_file_text(part: dict[str, dict[str, str]]) -> str:
    """A sentence file for its views' sentences."""
    return side_file(_safe_json(part))


def sentence_file_part(text: str) -> dict[str, dict[str, str]]:
    """The views' sentences of a sentence file's text (the PDF step adds the editions' links to them)."""
    return json.loads(side_json(text))
