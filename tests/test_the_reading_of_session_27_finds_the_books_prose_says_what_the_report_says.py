"""Reading27, #7: three small shifts in meaning in the book's own prose. The rainbow sign at Arken was said to have
asked its question at the fourth workshop (the report: the sign on Arken, where the workshop was held, asks it); the
groups were said to take the creative processes „med hjem“ (the report: they brought them in between the workshops,
into their own meetings); March mod ensomhed's description was a clumsy sentence („Det, Køge Kommune deltog i, da …“).
Each test reads the book's words and the report's."""

from __future__ import annotations

import json
from pathlib import Path

from report_source import collapse, repair_hyphenation

BOOK = Path(__file__).resolve().parent.parent / "book"


def markdown(page: str) -> str:
    """A chapter's Markdown cells as one text, its line breaks collapsed."""
    cells = json.loads((BOOK / page).read_text(encoding="utf-8"))["cells"]
    return " ".join(" ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown").split())


def test_the_closing_chapter_says_the_sign_on_arken_asks_its_question_not_the_workshop(report_text: str):
    report = collapse(repair_hyphenation(report_text))
    assert "spørger regnbueskiltet på Arken, hvor fjerde fælles workshops" in report
    text = markdown("afsluttende-betragtninger.ipynb")
    assert "Ved den fjerde fælles workshop" not in text
    assert "Regnbueskiltet på Arken, hvor den fjerde fælles workshop blev holdt, stiller det spørgsmål" in text


def test_the_groups_bring_the_creative_processes_into_their_meetings_between_the_workshops(report_text: str):
    report = collapse(repair_hyphenation(report_text))
    assert "bringe de kreative processer ind mellem workshopperne" in report
    text = markdown("ingredienser/faelles-fundamenter.ipynb")
    assert "med hjem" not in text
    assert "bringe de kreative processer ind i deres egne møder mellem workshopperne" in text


def test_march_mod_ensomhed_is_described_as_the_report_tells_it_in_plain_danish(data, report_text: str):
    report = collapse(repair_hyphenation(report_text))
    assert "kommunens deltagelse i March mod ensomhed arrangeret og afholdt eventet ”Gang i gården”" in report
    described = data.organisations.set_index("organisation_id").at["march-mod-ensomhed", "description"]
    assert not described.startswith("Det, ")
    assert described.startswith("Køge Kommune deltog i March mod ensomhed og holdt i den forbindelse eventet ”Gang i gården”")
    assert described.endswith("rapporten siger ikke, hvad March mod ensomhed er.")
