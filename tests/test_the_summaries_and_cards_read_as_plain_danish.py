"""Danish a reader would copy, found wrong in the second line-by-line reading of session 25 (finding 5): Høje-Taastrup's
summary left "er" dangling ("voksne på 50-70 år i risiko for ensomhed eller er sårbare eller udsatte"), the Rødder
card said "er" twice ("I projektet er også »… er tænkt med«"), Aarhus' summary and card ran two main clauses together
without a comma ("… og handlemuligheder og kunstpædagoger … har faciliteret dem"), and Evalueringsdesign set two
brackets in a row ("(Bukdahl 2021) (rapporten skriver her …)")."""

from __future__ import annotations

import json
import re
from pathlib import Path

from report_source import collapse, repair_hyphenation
from support.checks import each

REPO = Path(__file__).resolve().parent.parent


def test_hoeje_taastrups_target_group_is_one_relative_clause(data, report_text: str):
    assert "som er i risiko for at udvikle ensomhed, eller er sårbare eller udsatte" in collapse(repair_hyphenation(report_text))
    summary = data.municipalities.set_index("slug").at["hoeje-taastrup", "summary"]
    assert "voksne på 50-70 år, der er i risiko for ensomhed eller er sårbare eller udsatte" in summary, summary


def test_the_roedder_card_says_er_once_and_quotes_the_report_verbatim(data, report_text: str):
    report = collapse(repair_hyphenation(report_text))
    description = data.initiatives.set_index("initiative_id").at["guldborgsund-roedder", "description"]
    sentence = next(s for s in re.split(r"(?<=\.) ", description) if "Storstrøms" in s)
    assert len(re.findall(r"\ber\b", sentence)) == 1, sentence
    for quoted in each(re.findall(r"»([^«]*)«", sentence)):
        assert quoted in report, quoted


def test_aarhus_two_main_clauses_are_parted_by_a_comma(data):
    texts = [data.municipalities.set_index("slug").at["aarhus", "summary"]]
    texts += list(data.initiatives.loc[data.initiatives["kommunekode"] == "751", "description"])
    assert any("kunstpædagoger fra lokale kunstfaglige skoler" in t for t in texts)
    for text in each(texts):
        assert "handlemuligheder og kunstpædagoger" not in text, text


def test_no_citation_in_the_pages_prose_is_followed_by_a_second_bracket():
    for path in each(sorted((REPO / "book").rglob("*.ipynb"))):
        if "_build" in path.parts:
            continue
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        prose = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        assert not re.search(r"\{cite:p\}`[^`]*`\s*\(", prose), path.name
