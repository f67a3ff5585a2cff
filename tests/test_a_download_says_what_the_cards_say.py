"""The s26 fidelity reading (reading26r2), the download findings given to words26c: a published CSV says a value in
the words the pages give it, or says plainly which file holds those words."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kulturensrige import load
from kulturensrige.book.extension import write_downloads
from kulturensrige.data import provenance
from kulturensrige.data.column_guide import column_rows
from kulturensrige.data.publishing import SOURCES_FILE
from kulturensrige.data.schema import TABLES


def _rows(published: dict[str, str], name: str, key: str) -> dict[str, dict[str, str]]:
    return {r[key]: r for r in csv.DictReader(io.StringIO(published[name], newline=""))}


def test_initiatives_csv_says_each_status_in_the_cards_words_and_reads_back_as_its_id(data, data_downloads, tmp_path: Path):
    """Finding 2: the pages, the PDFs and kilder.csv promise that the downloads say „kan ikke læses ud af rapporten“
    for an initiative without a status, but initiatives.csv held the ids (`ikke-angivet`, `gennemfoert`). The column
    now says the status as the cards do, and a download read back as a data folder gives the ids again."""
    published = data_downloads
    rows = _rows(published, "initiatives.csv", "initiative_id")
    labels = dict(zip(data.statuses["status_id"], data.statuses["label"], strict=True))
    for row in data.initiatives.itertuples():
        said = rows[row.initiative_id]["status"]
        if labels[row.status] == "ikke angivet":
            # ADR 109 (reading 30, #2): the one form of every cell where the report says nothing.
            assert said == provenance.no_status(data.options) == "ikke angivet i rapporten", row.initiative_id
        else:
            assert said == labels[row.status], row.initiative_id
    assert rows["koege-gang-i-gaarden"]["status"] == "Gennemført"
    write_downloads(published, tmp_path / "hentet")
    back = load(tmp_path / "hentet")
    assert dict(zip(back.initiatives["initiative_id"], back.initiatives["status"], strict=True)) == dict(
        zip(data.initiatives["initiative_id"], data.initiatives["status"], strict=True)
    )


def test_kilder_csv_and_the_dictionary_say_a_vocabulary_column_holds_the_id_and_where_its_word_stands(data, data_downloads):
    """Finding 3: initiatives.csv's kind read `aktion` and municipalities.csv's starting_point `forudbestemt-projekt`,
    while the cards say „Prøvehandling“ and „Prædefineret projekt“: a reader filtering the download could not match
    what they saw. The ids are join keys, so they stay; kilder.csv and the data dictionary say plainly that the column
    holds the id and that the word the pages show stands in the vocabulary's label, with a pair from the data. Since
    brief facts32, #2, each id is its label's slug (`proevehandling`), so the pair is the new id's."""
    sources = {(r["fil"], r["kolonne"]): r["begrundelse"] for r in csv.DictReader(io.StringIO(data_downloads[SOURCES_FILE], newline=""))}
    guide = {row["Kolonne"]: row["Tilladte værdier"] for row in column_rows(TABLES["initiatives"])}
    guide |= {f"m.{row['Kolonne']}": row["Tilladte værdier"] for row in column_rows(TABLES["municipalities"])}
    for file, column, said_in_guide, vocabulary, key in (
        ("initiatives.csv", "kind", guide["kind"], "initiative_kinds", "initiative_kind_id"),
        ("municipalities.csv", "starting_point", guide["m.starting_point"], "starting_points", "starting_point_id"),
    ):
        said = sources[(file, column)]
        assert f"{key} fra {vocabulary}.csv" in said and "label" in said, said
        assert f"{key} fra {vocabulary}.csv" in said_in_guide and "label" in said_in_guide, said_in_guide
        labels = dict(zip(data.tables[vocabulary][key], data.tables[vocabulary]["label"], strict=True))
        first = data.tables[file.removesuffix(".csv")][column].iloc[0]
        assert f"{first} = „{labels[first]}“" in said, said
    assert "proevehandling = „Prøvehandling“" in sources[("initiatives.csv", "kind")]


def test_kilder_csv_names_the_words_quotes_csv_writes_for_a_tie_to_an_ingredient_not_codes_it_never_holds(data, data_downloads):
    """Finding 18: kilder.csv said a tie is „rapportens (rapporten)“ or „redaktionens læsning, ikke rapportens
    (redaktionen)“, but quotes.csv's ingredient_source holds „rapportens egen“ and „redaktionens læsning, ikke
    rapportens“: the codes in parentheses stand in no file a reader gets. kilder.csv names each word the file holds."""
    published = data_downloads
    said = {
        r["kolonne"]: r["begrundelse"] for r in csv.DictReader(io.StringIO(published[SOURCES_FILE], newline="")) if r["fil"] == "quotes.csv"
    }["ingredient_source"]
    held = {r["ingredient_source"] for r in csv.DictReader(io.StringIO(published["quotes.csv"], newline=""))} - {""}
    assert held == {"rapportens egen", "redaktionens læsning, ikke rapportens"}
    for word in held:
        assert f"„{word}“" in said, said
    assert "(rapporten)" not in said and "(redaktionen)" not in said, said


def test_the_editors_data_folder_is_called_the_books_data_not_the_reports():
    """Finding 19: Data og genkørsel said „rapportens egne data som regneark“ and „start fra rapportens egne data“, and
    the dictionary „i rapportens data er den redaktionens læsning“, though options.csv says the folder is „sat op af
    bogens redaktion“: calling it the report's data blurred the line the book draws everywhere else."""
    repo = Path(__file__).resolve().parent.parent
    for text in (
        (repo / "book" / "om-data" / "genkoersel.ipynb").read_text(encoding="utf-8"),
        (repo / "data" / "DATAORDBOG.md").read_text(encoding="utf-8"),
        str(TABLES["initiatives"].schema.columns["status"].description),
        (repo / "kulturensrige" / "render" / "error_catalogue.py").read_text(encoding="utf-8"),
    ):
        assert "rapportens egne data" not in text and "rapportens data" not in text
    assert "bogens egne data (rapportens indhold, sat op af redaktionen)" in (repo / "book" / "om-data" / "genkoersel.ipynb").read_text(
        encoding="utf-8"
    )


def test_an_organisation_the_report_gives_no_name_says_so_in_organisations_csv_and_reads_back_empty(data, data_downloads, tmp_path: Path):
    """Finding 17: organisations.csv left name_in_report empty for the men's association behind Egedal's workshop,
    where the book promises „ikke angivet“ wherever the report says nothing. The download says it in the folder's
    words, and read back as a data folder the cell is empty again."""
    published = data_downloads
    rows = _rows(published, "organisations.csv", "organisation_id")
    nameless = data.organisations.loc[data.organisations["name_in_report"] == "", "organisation_id"]
    assert list(nameless) == ["egedal-genbrugsvaerkstedets-forening"]
    assert rows["egedal-genbrugsvaerkstedets-forening"]["name_in_report"] == "ikke angivet i rapporten"
    assert "" not in {r["name_in_report"] for r in rows.values()}
    write_downloads(published, tmp_path / "hentet")
    back = load(tmp_path / "hentet").organisations.set_index("organisation_id")
    assert back.at["egedal-genbrugsvaerkstedets-forening", "name_in_report"] == ""


def test_the_outcome_for_all_groups_is_said_of_the_action_learning_groups_on_the_profiles_and_in_programme_facts(data):
    """Finding 7 (second part): programme_facts.csv said „Hvad forløbet førte til i alle syv kommuner: »for alle
    aktionslæringsgruppernes vedkommende …«“ and the profiles „Om alle grupperne, ikke kun Køges …“: the report
    (l.267) speaks of the action-learning groups, so both say „alle aktionslæringsgrupper“ (reading26r2, #7, as the
    brief of words27 words it: no definite form where the book speaks of the groups in general)."""
    from kulturensrige.render import lists

    fact = data.tables["programme_facts"].set_index("fact_id").at["nye-samarbejdsrelationer", "description"]
    assert fact.startswith("Hvad forløbet førte til for alle aktionslæringsgrupper: »"), fact
    assert lists.all_groups_said(data, "Køge").startswith("Rapporten siger, at der »for alle aktionslæringsgruppernes vedkommende")
