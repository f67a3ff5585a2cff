"""Issue 21, done when: the "Data og genkørsel" chapter and data/DATAORDBOG.md describe the sources and the inference
rule. The earlier checks asked only that the dictionary hold the rule and that the chapter's notebook call the
function; this one reads what an analyst reads: the dictionary file and the built chapter."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige.data.schema import INFERENCE_RULE, SOURCE_MEANINGS
from support.checks import each

REPO = Path(__file__).resolve().parent.parent


def _said(text: str) -> str:
    return " ".join(text.replace("\xad", "").split())


def test_the_data_dictionary_names_every_source_with_its_meaning_and_the_inference_rule():
    dictionary = _said((REPO / "data" / "DATAORDBOG.md").read_text(encoding="utf-8"))
    assert "## Hvem siger det: kilder" in dictionary
    for source, meaning in each(SOURCE_MEANINGS.items()):
        assert f"- `{source}`: {meaning}." in dictionary, source
    assert f"### Reglen for en udledt kommune {INFERENCE_RULE}" in dictionary


@pytest.mark.build
def test_the_built_data_chapter_names_every_source_with_its_meaning_and_the_inference_rule(built_site: Path):
    page = BeautifulSoup((built_site / "om-data" / "genkoersel.html").read_text(encoding="utf-8"), "html.parser")
    chapter = _said(page.select_one("main, article, body").get_text(" "))
    for source, meaning in each(SOURCE_MEANINGS.items()):
        assert f"{source} : {meaning}." in chapter or f"{source}: {meaning}." in chapter, source
    rule = page.select_one(".kr-inference-rule")
    assert rule is not None and _said(rule.get_text(" ")) == _said(INFERENCE_RULE)
