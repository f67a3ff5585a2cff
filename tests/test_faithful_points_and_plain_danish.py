"""What the fifth line-by-line reading found in the book's own prose (issue 21): a sentence that turned the report's
point round, a figure said to order what the report does not, a quotation without its page, and Danish that stumbled.
Each test reads the book and checks it against the report."""

from __future__ import annotations

import json
import re
from pathlib import Path

from report_source import collapse, repair_hyphenation

BOOK = Path(__file__).resolve().parent.parent / "book"


def prose(notebook: str) -> str:
    cells = json.loads((BOOK / notebook).read_text(encoding="utf-8"))["cells"]
    return " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def test_the_lack_of_time_for_relations_is_said_to_be_everyday_practice_not_kulturens_riges(report_text: str):
    """Reading 15, #1: 'Den manglende tid er ikke særegen for Kulturens Rige' said the time lacked in the programme;
    the report says everyday practice lacks it, and not only in the participating municipalities (the programme made
    the time)."""
    report = collapse(repair_hyphenation(report_text))
    assert "er ikke enestående for kommunerne, der har deltaget i Kulturens Rige" in report
    said = prose("ingredienser/etablering-af-vi.ipynb")
    assert "manglende tid er ikke særegen for Kulturens Rige" not in said
    # Reading32, #13: one „kun“, not two.
    assert "Også uden for Kulturens Rige levner hverdagen kun lidt plads til relationsarbejde" in said


def test_figure_1_is_not_said_to_order_the_pitstops():
    """Reading 15, #6: 'Figuren viser forløbets begivenheder i rækkefølge' while the report gives no place in the order
    for the pitstops (the figure's note says so)."""
    said = prose("kulturens-rige.ipynb")
    assert "begivenheder i rækkefølge" not in said
    assert "de fælles workshops i rækkefølge og pitstoppene på en linje for sig" in said


def test_a_quotation_from_the_literature_keeps_its_page_and_its_source_is_an_inspiration(report_text: str):
    """Reading 15, #8 and #9: Jensen's words lost the page the report gives ('Jensen 2022: 24'), and 'er inspireret af'
    became 'bygger på'."""
    report = collapse(repair_hyphenation(report_text))
    assert "(Jensen 2022: 24)" in report and "er inspireret af Patton (2017)" in report
    assert "til et egentligt projekt« {cite:p}`jensen2022{24}`" in prose("vaerdiskabelser.ipynb")
    design = prose("evalueringsdesign.ipynb")
    assert "er inspireret af {cite:t}`patton2017`" in design and "bygger på {cite:t}`patton2017`" not in design


def test_the_chapters_sentences_that_stumbled_read_plainly():
    """Reading 15, #12, #13 and #15: 'miljøer, der støtter (Barry 2019)' supported nothing; 'peger en retning' lacked
    its 'ud'; the opening of Afsluttende betragtninger was a chain of clauses; Leg, mod og læring spliced a quotation's
    fragment into its own clause."""
    assert "miljøer, der støtter {cite" not in prose("baggrund.ipynb")
    closing = prose("afsluttende-betragtninger.ipynb")
    assert not re.search(r"(?<!ud)peger en retning for", closing) and "Kapitlet begynder på Arken" not in closing
    assert "rapporten lader deltageren fortsætte" not in prose("ingredienser/leg-mod-og-laering.ipynb")


def test_an_outcome_still_in_the_making_is_said_to_be_under_way(data, report_text: str):
    """Reading 15, #7: under 'Hvad forløbet førte til' the word roll read as a result; the report says the group is
    working on it."""
    assert "Aktionslæringsgruppen arbejder på at opstille en ordrulle" in collapse(repair_hyphenation(report_text))
    outcome = data.municipalities.set_index("slug").loc["koege", "outcome"]
    assert "aktionslæringsgruppen arbejder på en flytbar ordrulle" in outcome


def test_the_spark_page_says_the_coordinator_point_once(data):
    """Reading 15, #14: the ingredient's description and its attention point both said that an engaged coordinator
    matters, and that few had the task imposed."""
    description = data.ingredients.set_index("ingredient_id").loc["gnist-og-flamme", "description"]
    points = " ".join(data.attention_points.loc[data.attention_points["ingredient_id"] == "gnist-og-flamme", "text"])
    for said in ("tovholder", "pålagt"):
        assert (said in description) + (said in points) == 1, said
