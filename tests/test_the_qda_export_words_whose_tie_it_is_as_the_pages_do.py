"""Issue 21, #1: "One function turns a source into its Danish wording, and the pages, cards, status sentences, PDFs,
CSV downloads and QDA export all use it." The export's case variable `kilde` says whose each municipality tie is in
the words a card shows (provenance.words): the editors' inference in the report's folder, the analyst's in theirs,
and never the report where the report ties nothing."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kulturensrige import load
from kulturensrige.data import provenance, refiqda
from kulturensrige.render import cards
from support.folders import with_option

NAMESPACE = {"q": refiqda.NAMESPACE}


def _source_values(data) -> dict[str, str]:
    """The `kilde` variable's value in each municipality case of the exported project, by case name."""
    root = ET.fromstring(refiqda.project_xml(data)[0])
    guid = next(v.get("guid") for v in root.iterfind(".//q:Variables/q:Variable", NAMESPACE) if v.get("name") == refiqda.SOURCE_VARIABLE)
    values = {}
    for case in root.iterfind(".//q:Cases/q:Case", NAMESPACE):
        for value in case.iterfind("q:VariableValue", NAMESPACE):
            if value.find("q:VariableRef", NAMESPACE).get("targetGUID") == guid:
                values[case.get("name")] = value.find("q:TextValue", NAMESPACE).text
    return values


@pytest.mark.parametrize("folder_source", ["rapporten", "analytiker"])
def test_the_qda_exports_source_of_a_tie_is_the_words_its_card_shows(tied_folder: Path, tmp_path: Path, folder_source: str):
    folder = Path(shutil.copytree(tied_folder, tmp_path / "data"))
    if folder_source != "rapporten":
        with_option(folder, "kilde", folder_source)
    data = load(folder)
    values = _source_values(data)
    inferred = data.quotes[data.quotes["attribution"] == "inferred"]
    assert len(inferred) and len(values) >= inferred["kommunekode"].nunique()
    expected = provenance.words(provenance.ties_source(data.options)).tie("inferred")
    assert set(values.values()) == {expected}, values
    # The same words as the quote's card.
    assert f"({expected})" in cards.quote_card(data, inferred.iloc[[0]])
    if folder_source != "rapporten":
        assert not [v for v in values.values() if "rapport" in v], values
