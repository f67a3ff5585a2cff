"""The live explorer: ipywidgets on the book's own filters and cards, for JupyterLab or Voilà.

The static book can only swap what was computed at build time; with a kernel the reader can combine
every filter freely and an analyst can point the explorer at a new data folder. Everything it shows
comes from `filters` and `cards`, so the explorer and the book cannot disagree about what matches.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace

import ipywidgets as widgets

from kulturensrige.data import provenance
from kulturensrige.data.loading import Dataset, data_dir, load
from kulturensrige.data.problems import DataError
from kulturensrige.explorer.folders import checked_folder, shown_folder, shown_line
from kulturensrige.render import cards, highlight
from kulturensrige.render.markup import esc, without_book_links
from kulturensrige.rules import filters, statistics, views
from kulturensrige.words import plural

Options = list[tuple[str, str]]
WRAP = {"flex_flow": "row wrap"}  # controls wrap onto new lines on a phone instead of running off the screen

# The book's stylesheet is not loaded in JupyterLab or Voilà; these few rules keep the cards readable.
STYLE = """<style>
.kr-explorer .kr-card{border:1px solid #c8c8c8;border-radius:6px;padding:.6em 1em;margin:.6em 0;background:#fff}
.kr-explorer .kr-quote-text{margin:0 0 .4em;font-style:italic}
.kr-explorer .kr-badges{list-style:none;padding:0;margin:.3em 0;display:flex;flex-wrap:wrap;gap:.4em}
.kr-explorer .kr-card-kicker,.kr-explorer .kr-card-footer{font-size:.9em;color:#444}
.kr-explorer .kr-explorer-count{font-weight:bold;font-size:1.1em}
.kr-explorer .kr-explorer-problems{color:#8a1010}
</style>"""


def vocabulary_options(data: Dataset, table: str, key: str, label: str, everything: str) -> Options:
    """(label, id) pairs of a vocabulary table, 'no restriction' first: the UI lists what the data holds."""
    frame = data.tables[table]
    return [(everything, "")] + list(zip(frame[label].astype(str), frame[key].astype(str), strict=True))


def control_options(data: Dataset) -> dict[str, Options]:
    """Every dropdown's options, read from the data tables and nothing else."""
    return {
        "kommune": filters.municipality_options(data),
        "ingredient": vocabulary_options(data, "ingredients", "ingredient_id", "name", "Alle ingredienser"),
        "speaker": vocabulary_options(data, "speaker_categories", "speaker_category_id", "label", "Alle talere"),
        "kind": kind_options(data),
    }


def kind_options(data: Dataset) -> Options:
    """The quote kinds, each label marked where it is the editors' as a printed card marks it: two kinds are both
    'Ordveksling', the report's and the editors' (reading 21, finding 2), and a list must tell them apart."""
    kinds = data.tables["quote_kinds"]
    labels = [provenance.kind_label(data.options, label, given) for label, given in zip(kinds["label"], kinds["label_source"], strict=True)]
    return [("Alle slags citater", "")] + list(zip(labels, kinds["quote_kind_id"].astype(str), strict=True))


def count_line(status: str, initiatives: str, name: str) -> str:
    """The one sentence a test or a reader checks first: the quotes as the book's filter counts them
    (highlight.list_view, each turn of an exchange a quote), then the chosen municipality's initiatives as the book
    counts them (statistics.initiative_count)."""
    return f"{status} {name[:1].upper() + name[1:]}: {initiatives}."


def results_html(data: Dataset, selection: filters.QuoteFilter) -> tuple[str, str]:
    """(count line, cards) for one selection, rendered by the same card functions as the book.

    Without the book around it, a card's links to book pages would lead nowhere: they show as text."""
    with without_book_links():
        return _results_html(data, selection)


def _results_html(data: Dataset, selection: filters.QuoteFilter) -> tuple[str, str]:
    # As in the book, the municipality highlights and never hides; the other choices narrow the quotes.
    narrowed = filters.quotes(data, replace(selection, kommunekode=filters.ALL, include_inferred=True))
    groups = cards.group_turns(narrowed)
    view = highlight.list_view(data, views.quote_items(groups), views.QUOTE, selection.kommunekode, selection.include_inferred)
    parts = []
    for _group, heading, positions in view["groups"]:
        shown = "".join(cards.quote_card(data, groups[i], include_inferred=selection.include_inferred) for i in positions)
        # Every group open, other municipalities' too: a choice highlights, it never folds anything away.
        parts.append((f'<p class="kr-group-heading">{esc(heading)}</p>' if heading else "") + shown)
    quote_part = "".join(parts) if len(narrowed) else '<p class="kr-explorer-empty">Ingen citater matcher valget.</p>'
    initiatives = statistics.initiative_count(filters.initiatives(data, selection.kommunekode))
    name = filters.municipality_name(data, selection.kommunekode)
    body = (
        f"<h3>Citater</h3>{quote_part}"
        f"<h3>Indsatser i {esc(name)}</h3>"
        '<p class="kr-explorer-note">Indsatserne filtreres kun efter kommune.</p>'
        f"{cards.initiative_list(data, selection.kommunekode)}"
    )
    return count_line(view["status"], initiatives, name), body


def problems_html(folder: str, problems: Sequence[object]) -> str:
    """Validation messages, one per line and escaped, instead of a traceback."""
    lines = "".join(f"<li>{esc(p)}</li>" for p in problems)
    return (
        f"<p><strong>Data i {esc(folder)} kan ikke bruges ({plural(len(problems), 'problem', 'problemer')}):</strong></p>"
        f'<ul class="kr-explorer-problems">{lines}</ul>'
    )


def unexpected_line(error: Exception) -> str:
    """One Danish line for a failure the validator has no words for (a bug, or a file it never foresaw): what
    happened, shortened to one line, and where the analyst gets the whole story."""
    said = " ".join(str(error).split())
    said = said if len(said) <= 200 else said[:199] + "…"
    return (
        f"mappen kunne ikke indlæses på grund af en uventet fejl ({type(error).__name__}{': ' + said if said else ''}); "
        "kør python scripts/validate_data.py med mappen for at se alle problemer, og meld fejlen, hvis den står der også"
    )


def loaded_line(data: Dataset, lead: str) -> str:
    """Which folder the cards come from, by its name, with its fingerprint, so two sessions can be told apart; a served
    explorer showed the server's absolute path here."""
    return f'<p class="kr-explorer-loaded">{esc(lead)} {esc(data.folder.name)} (fingeraftryk {esc(data.fingerprint)})</p>'


def _dropdown(description: str, css: str) -> widgets.Dropdown:
    control = widgets.Dropdown(description=description, style={"description_width": "initial"})
    control.add_class(css)
    return control


def _html(css: str) -> widgets.HTML:
    output = widgets.HTML()
    output.add_class(css)
    return output


class Explorer:
    """The widgets and the one dataset they show; `widget` is what a notebook displays."""

    def __init__(self, folder: str | os.PathLike | None = None):
        self.data: Dataset | None = None
        self._quiet = False
        self.kommune = _dropdown("Kommune", "kr-explorer-kommune")
        self.ingredient = _dropdown("Ingrediens", "kr-explorer-ingredient")
        self.speaker = _dropdown("Talerkategori", "kr-explorer-speaker")
        self.kind = _dropdown("Slags citat", "kr-explorer-kind")
        self.search = widgets.Text(description="Søg", placeholder="ord i citat eller rolle")
        self.search.add_class("kr-explorer-search")
        self.include_inferred = widgets.Checkbox(value=views.INFERRED_BY_DEFAULT, description=highlight.SWITCH_LABEL, indent=False)
        self.include_inferred.add_class("kr-explorer-inferred")
        self.folder = widgets.Text(description="Datamappe", value=shown_folder(data_dir(folder)), continuous_update=False)
        self.folder.add_class("kr-explorer-folder")
        self.load_button = widgets.Button(description="Indlæs", tooltip="Indlæs og valider data fra mappen")
        self.load_button.add_class("kr-explorer-load")
        self.status = _html("kr-explorer-status")
        self.problems = _html("kr-explorer-problems-box")
        self.count = _html("kr-explorer-count-box")
        self.output = _html("kr-explorer-output")
        self.widget = self._layout()
        for control in (self.kommune, self.ingredient, self.speaker, self.kind, self.search, self.include_inferred):
            control.observe(self._on_change, names="value")
        self.load_button.on_click(lambda _button: self.reload())
        self.reload()

    def _layout(self) -> widgets.VBox:
        filters_row = widgets.HBox([self.kommune, self.ingredient, self.speaker, self.kind], layout=WRAP)
        search_row = widgets.HBox([self.search, self.include_inferred], layout=WRAP)
        data_row = widgets.HBox([self.folder, self.load_button], layout=WRAP)
        box = widgets.VBox([widgets.HTML(STYLE), data_row, self.status, self.problems, filters_row, search_row, self.count, self.output])
        box.add_class("kr-explorer")
        return box

    def selection(self) -> filters.QuoteFilter:
        """The controls' state as the filter the book uses."""
        return filters.QuoteFilter(
            kommunekode=self.kommune.value or filters.ALL,
            include_inferred=bool(self.include_inferred.value),
            ingredient_id=self.ingredient.value or "",
            speaker_category=self.speaker.value or "",
            kind=self.kind.value or "",
            search=self.search.value.strip(),
        )

    def reload(self) -> None:
        """Load the folder in the text field; on a data problem keep the last good data and list the problems."""
        folder = self.folder.value.strip() or None
        try:
            data = load(checked_folder(folder))
        except DataError as error:
            self._show_problems(folder or "data", error.problems)
            return
        except OSError as error:  # unreadable folder: still a message, not a traceback
            self._show_problems(folder or "data", [f"{error.strerror or error}"])
            return
        except Exception as error:  # whatever else a folder provokes: a reader of the page gets a line, never a traceback
            self._show_problems(folder or "data", [unexpected_line(error)])
            return
        self.data = data
        self.problems.value = ""
        self.status.value = loaded_line(data, "Data fra mappen")
        self._set_options(control_options(data))
        self.render()

    def _show_problems(self, folder: str, problems: Sequence[object]) -> None:
        self.problems.value = problems_html(folder, [shown_line(str(p)) for p in problems])
        if self.data is None:
            self.status.value = '<p class="kr-explorer-loaded">Ingen data indlæst.</p>'
            self.count.value = ""
            self.output.value = ""
        else:
            self.status.value = loaded_line(self.data, "Viser fortsat data fra mappen")

    def _set_options(self, options: dict[str, Options]) -> None:
        """New option lists, keeping each choice that still exists in the new data; renders once, not per control."""
        self._quiet = True
        try:
            for name, choices in options.items():
                control: widgets.Dropdown = getattr(self, name)
                previous = control.value
                control.options = choices
                values = [value for _label, value in choices]
                control.value = previous if previous in values else values[0]
        finally:
            self._quiet = False

    def _on_change(self, _change: dict) -> None:
        if not self._quiet:
            self.render()

    def render(self) -> None:
        """Write the cards, then the count line: the count changes last, so whoever waits for it sees matching cards."""
        if self.data is None:
            return
        line, body = results_html(self.data, self.selection())
        self.output.value = f'<div class="kr-explorer-results" data-testid="kr-explorer-results">{body}</div>'
        self.count.value = f'<p class="kr-explorer-count" data-testid="kr-explorer-count" role="status">{esc(line)}</p>'


def explorer(data_dir: str | os.PathLike | None = None) -> widgets.Widget:
    """The explorer for a notebook cell: filters, data folder and cards, ready to display."""
    return Explorer(data_dir).widget
