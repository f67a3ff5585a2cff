"""Issue 21, brief facts32 (reading 31, #5–#8): what the book says of the data comes from the data, a code in a
download is the slug of the word the pages show, and a value is said where and as the report says it."""

from __future__ import annotations

import dataclasses

import pandas as pd
from bs4 import BeautifulSoup

from kulturensrige.data.loading import Dataset
from kulturensrige.render import lists


def _text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ").split())


def _with(data: Dataset, **tables: pd.DataFrame) -> Dataset:
    return dataclasses.replace(data, tables={**data.tables, **tables})


def test_kulturens_riges_lead_says_each_starting_point_in_its_rows_words_an_analysts_new_one_too(data):
    """Brief facts32, #1: the lead's clause for each starting point stood in Python, keyed by the two ids; a starting
    point an analyst added to starting_points.csv stood nowhere in it."""
    lead = _text(lists.starting_points_lead(data))
    for point in data.starting_points.itertuples():
        names = data.municipalities.loc[data.municipalities["starting_point"] == point.starting_point_id, "name"]
        if len(names):
            assert point.lead_clause in lead, point.starting_point_id
    new = {"starting_point_id": "med-radgiver", "label": "Med rådgiver", "description": "Kommunen havde en rådgiver."}
    points = pd.concat([data.starting_points, pd.DataFrame([{**new, "lead_clause": "fik hjælp af en rådgiver"}])], ignore_index=True)
    municipalities = data.municipalities.copy()
    municipalities.loc[municipalities.index[0], "starting_point"] = "med-radgiver"
    first = municipalities.iloc[0]["name"]
    said = _text(lists.starting_points_lead(_with(data, starting_points=points, municipalities=municipalities)))
    assert f"{first} fik hjælp af en rådgiver" in said
    # Without a clause of its own, the group is said with its label, in the book's marks for its terms.
    unworded = points.assign(lead_clause=points["lead_clause"].where(points["starting_point_id"] != "med-radgiver", ""))
    said = _text(lists.starting_points_lead(_with(data, starting_points=unworded, municipalities=municipalities)))
    assert f"{first} havde udgangspunktet „Med rådgiver“" in said
