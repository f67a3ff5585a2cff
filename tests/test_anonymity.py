"""The anonymity rule: a quote tied to a municipality shows its speaker category unless it is cleared."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

from kulturensrige import load
from kulturensrige.data.csv_reading import MAX_CELL_LINES
from kulturensrige.render import cards
from support.checks import each
from support.folders import (
    csv_text,  # a hand-edited folder, as data/ is written
    with_inferred_ties,
)
from support.scripts import run_script

REPO = Path(__file__).resolve().parent.parent


def _edit(folder: Path, name: str, change) -> None:
    path = folder / name
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    change(rows)
    path.write_text(csv_text(rows[0], rows[1:]), encoding="utf-8")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """data/ with the editors' three former inferred ties: the report's data tie no quote (ADR 33, second addendum)."""
    return with_inferred_ties(tmp_path / "data")


def test_a_quote_tied_to_a_municipality_shows_its_category_not_its_role(tied_data):
    data = tied_data
    labels = dict(zip(data.speaker_categories["speaker_category_id"], data.speaker_categories["label"], strict=True))
    tied = data.quotes[data.quotes["kommunekode"] != ""]
    assert len(tied) and (tied["shown_role"] == tied["speaker_category"].map(labels)).all()
    for q in each(tied.itertuples()):
        assert q.speaker_role.casefold() not in q.shown_caption.casefold(), q.quote_id
    free = data.quotes[data.quotes["kommunekode"] == ""]
    assert (free["shown_role"] == free["speaker_role"]).all() and (free["shown_caption"] == free["caption"]).all()


def test_the_card_of_a_tied_quote_never_names_its_exact_role(tied_data):
    data = tied_data
    for q in each(data.quotes[data.quotes["kommunekode"] != ""].itertuples()):
        card = cards.quote_card(data, data.quotes[data.quotes["quote_id"] == q.quote_id])
        others = data.quotes[(data.quotes["quote_id"] != q.quote_id)]
        if q.speaker_role not in set(others["shown_role"]):  # the same words may be another, untied quote's role
            assert q.speaker_role not in card, q.quote_id
        assert q.shown_role in card


def test_a_cleared_row_shows_its_exact_role(copy: Path):
    tied = next(r for r in csv.DictReader((copy / "quotes.csv").open(encoding="utf-8")) if r["kommunekode"])

    def clear(rows: list[list[str]]) -> None:
        column, key = rows[0].index("cleared"), rows[0].index("quote_id")
        next(r for r in rows[1:] if r[key] == tied["quote_id"])[column] = "ja"

    _edit(copy, "quotes.csv", clear)
    quote = load(copy).quotes.set_index("quote_id").loc[tied["quote_id"]]
    assert quote.shown_role == tied["speaker_role"] and quote.shown_caption == tied["caption"]


def test_the_rule_is_set_per_data_folder_and_on_without_the_options_file(copy: Path):
    _edit(copy, "options.csv", lambda rows: rows[1].__setitem__(1, "fra"))
    quotes = load(copy).quotes
    assert (quotes["shown_role"] == quotes["speaker_role"]).all()
    (copy / "options.csv").unlink()
    tied = load(copy).quotes.query("kommunekode != ''")
    assert (tied["shown_role"] != tied["speaker_role"]).all()


def test_an_older_quotes_file_without_the_cleared_column_still_loads(copy: Path):
    def drop(rows: list[list[str]]) -> None:
        column = rows[0].index("cleared")
        for row in rows:
            del row[column]

    _edit(copy, "quotes.csv", drop)
    assert set(load(copy).quotes["cleared"]) == {""}


def test_a_wrong_cleared_value_names_what_is_allowed(copy: Path):
    _edit(copy, "quotes.csv", lambda rows: rows[1].__setitem__(rows[0].index("cleared"), "måske"))
    result = run_script("validate_data", str(copy))
    assert result.returncode == 1
    assert "række 2, kolonne cleared: 'måske' — skal være ja, nej eller tom (= nej)" in result.stderr.splitlines()[0]


def test_the_validator_warns_once_per_role_that_occurs_once_in_a_municipality(tied_folder: Path):
    result = run_script("validate_data", str(tied_folder))
    assert result.returncode == 0
    warnings = [line for line in result.stderr.splitlines() if "advarsel" in line]
    data = load(tied_folder)
    tied = data.quotes[data.quotes["kommunekode"] != ""]
    once = tied.groupby(["kommunekode", "speaker_role"]).size()
    assert len(warnings) == int((once == 1).sum()) > 0
    assert all(line.startswith("data/quotes.csv, række ") and "kolonne speaker_role" in line for line in warnings)


def test_warnings_are_capped_as_errors_are_with_a_last_line_counting_the_rest(copy: Path):
    """A folder whose every quote had a role of its own in a municipality printed one warning per row (1,169 lines)."""
    tied: list[int] = []  # the spreadsheet rows (header = row 1) of the quotes given a municipality

    def own_roles(rows: list[list[str]]) -> None:
        header = rows[0]
        for number, row in enumerate(rows[1:], start=1):
            start = number + 1  # a message names the row as a spreadsheet shows it, whatever line breaks a text holds
            if row[header.index("reference_key")]:
                continue  # a quote from a cited work has no municipality
            tied.append(start)
            row[header.index("speaker_role")] = f"Rolle nr. {number}"
            row[header.index("kommunekode")] = "259"
            row[header.index("attribution")] = "stated"
            row[header.index("attribution_rationale")] = ""

    _edit(copy, "quotes.csv", own_roles)
    quotes = len(tied)
    result = run_script("validate_data", str(copy))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "advarsel" in line]
    assert len(warnings) == MAX_CELL_LINES + 1 < quotes + 1
    assert warnings[-1] == (
        f"{copy.name}/quotes.csv, række {tied[MAX_CELL_LINES]}, kolonne speaker_role — advarsel: denne og "
        f"{quotes - MAX_CELL_LINES - 1} rækker mere har også en rolle, der kun står én gang i sin kommune og kan pege på én person"
    )


def test_a_tied_quotes_caption_keeps_the_reports_words_before_the_role(tmp_path: Path):
    """The three stjernestund captions were held back whole while they were tied; what precedes 'fortalt af <rolle>'
    names no one. The data no longer ties them (ADR 33's addendum), so a copy ties them as it did."""
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    quotes = pd.read_csv(folder / "quotes.csv", dtype=str, keep_default_na=False)
    stars = quotes["kind"] == "stjernestund"
    quotes.loc[stars, "kommunekode"] = ["259", "751", "240"]
    quotes.loc[stars, "attribution"] = "inferred"
    quotes.loc[stars, "attribution_rationale"] = "Fortællingen beskriver en aktivitet, som rapporten beskriver hos kommunen."
    quotes.to_csv(folder / "quotes.csv", index=False)
    data = load(folder)
    stars = data.quotes[data.quotes["kind"] == "stjernestund"]
    assert len(stars) == 3 and (stars["kommunekode"] != "").all()
    page = str(cards.quotes_in_section(data, "stjernestunder"))
    for q in each(stars.itertuples()):
        assert q.shown_caption and q.caption.startswith(q.shown_caption), q.quote_id
        assert f"{q.shown_caption} · {q.shown_role}" in page and q.speaker_role not in page, q.quote_id
