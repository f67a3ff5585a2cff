"""The data says what the report says: every quotation verbatim, nothing broken, nothing missing."""

from __future__ import annotations

import re

import pytest
from report_source import collapse, core, quotations, repair_hyphenation

from kulturensrige import load
from kulturensrige.schema import TABLES


@pytest.fixture(scope="module")
def data():
    return load()


def test_every_quotation_in_the_report_is_in_the_data_once(report_text, data):
    in_report = sorted(quotations(report_text))
    in_data = sorted(core(t) for t in data.quotes["text"])
    missing = set(in_report) - set(in_data)
    extra = set(in_data) - set(in_report)
    assert not missing, f"citater i rapporten, som mangler i data: {sorted(missing)}"
    assert not extra, f"citater i data, som ikke står i rapporten: {sorted(extra)}"
    assert in_report == in_data


def test_quote_text_is_verbatim_in_the_repaired_report(report_text, data):
    report = core(collapse(repair_hyphenation(report_text)))
    for quote in data.quotes.itertuples():
        assert core(quote.text) in report, quote.quote_id


def test_captions_as_printed_appear_in_the_report(report_text, data):
    report = collapse(repair_hyphenation(report_text))
    for quote in data.quotes.itertuples():
        if quote.caption and not quote.reference_key:
            assert quote.caption in report, quote.quote_id


LINE_BREAK_HYPHEN = re.compile(r"\b([a-zæøå]{2,})- (?!og\b|eller\b|samt\b|til\b)([a-zæøå]{2,})")


@pytest.mark.parametrize("name", list(TABLES))
def test_no_text_still_carries_a_line_break_hyphen(name):
    frame = load().tables[name]
    for column in frame.columns:
        for value in frame[column].astype(str):
            assert not LINE_BREAK_HYPHEN.search(value), f"{name}.{column}: {value[:80]}"
            assert "\u00ad" not in value, f"{name}.{column} har en blød bindestreg"


def test_real_hyphens_are_kept(data):
    names = set(data.municipalities["name"])
    assert any("-" in n for n in names), "Høje-Taastrup og Ringkøbing-Skjern skal beholde bindestregen"
    assert any("kultur- og" in t for t in data.quotes["speaker_role"]) or any("kultur- og" in t for t in data.quotes["text"])


def test_every_municipality_has_at_least_one_initiative(data):
    counts = data.initiatives["kommunekode"].value_counts()
    lacking = [m for m in data.municipalities["name"] if counts.get(data.municipalities.set_index("name").at[m, "kommunekode"], 0) == 0]
    assert not lacking


def test_every_ingredient_is_substantiated_by_a_quote(data):
    used = {i for ids in data.quotes["ingredient_ids"] for i in ids}
    assert set(data.ingredients["ingredient_id"]) <= used


def test_municipality_names_as_printed_are_the_reports(report_text, data):
    report = collapse(repair_hyphenation(report_text))
    for row in data.municipalities.itertuples():
        assert row.name_in_report in report, row.name_in_report


def test_the_misspelled_municipality_keeps_its_official_name(report_text, data):
    misspelled = data.municipalities[data.municipalities["name"] != data.municipalities["name_in_report"]]
    assert not misspelled.empty, "rapporten staver én kommune forkert; data skal have begge stavemåder"
    for row in misspelled.itertuples():
        assert row.name_in_report in report_text


def test_every_cited_work_appears_in_the_report(report_text, data):
    report = collapse(repair_hyphenation(report_text))
    for ref in data.references.itertuples():
        author = re.split(r"[ (]", ref.citation)[0]
        year = re.search(r"\d{4}|u\.å\.", ref.citation).group(0)
        assert author in report and year in report, ref.citation


def test_inferred_attributions_are_few_and_reasoned(data):
    inferred = data.quotes[data.quotes["attribution"] == "inferred"]
    assert (inferred["attribution_rationale"].str.len() > 40).all()
    assert len(inferred) < len(data.quotes) / 2, "de fleste citater har ingen kommune i rapporten"


def test_no_invented_dates_in_the_programme(report_text, data):
    for event in data.programme_events.itertuples():
        if event.date != "ikke angivet":
            year = event.date[:4]
            assert year in report_text, event.event_id
