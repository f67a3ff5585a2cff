"""Reading s24, F5 (ADR 70): the editors' paraphrase was marked on some pages and not on others: an ingredient page's
lead paragraph and a profile's lead and outcome carried "(red.)", while Baggrund, Kulturens Rige, Værdiskabelser,
Evalueringsdesign, Afsluttende betragtninger and an ingredient page's later paragraphs, the same kind of retelling,
carried none; a reader could not learn the rule. Now every reading page says once, after its first paragraph (ADR 79),
and every PDF on its cover, that the text is the editors' retelling and the report's words stand in »…« (provenance.retelling_rule);
a retelling carries no mark of its own, and a mark stands only by what the editors added, grouped or judged."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.data import provenance
from support.checks import each
from test_pdf import REPO, pdf_text, squeeze
from test_pdf import report_site as report_site  # the fixture: the built book with its PDFs, printed once per run

ANALYSTS = ("om-data/", "genindex", "search", "_")
# The editors' own statement, not a retelling: it has no rule (reading 30, #8; docs/adr/0110).
OWN_STATEMENTS = ("tilgaengelighed.html",)
# The editors' retellings as a page and a PDF showed their marks before ADR 70.
RETELLING_MARKS = ("redaktionens gengivelse og ord", "redaktionens ord", "redaktionens sammenfatning")


def page_problems(site: Path, data) -> list[str]:
    rule, found = provenance.retelling_rule(data.options), []
    for page in sorted(site.rglob("*.html")):
        name = str(page.relative_to(site))
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article.bd-article")
        if name.startswith(ANALYSTS) or article is None:
            continue
        said = [p.get_text() for p in article.select(".kr-retelling-rule")]
        if name in OWN_STATEMENTS:
            found += [f"{name}: the editors' own statement called a retelling"] if said else []
            continue
        title = article.select_one("h1")
        # Once, after the page's first paragraph of running text under its title (ADR 79: under the title it filled the
        # phone's first screen with small print; tests/test_a_reader_finds_the_page_and_its_explanations_where_they_look.py).
        if said != [rule] or title is None or title.find_next("p", class_="kr-retelling-rule") is None:
            found.append(f"{name}: the rule not said once after the title {said}")
        for lead in article.select("p.kr-lead"):
            if lead.select(".kr-by"):
                found.append(f"{name}: a retelling marked: {lead.get_text()[-60:]}")
        for mark in article.select(".kr-by[title]"):
            if mark["title"] in RETELLING_MARKS:
                found.append(f"{name}: a retelling marked „{mark['title']}“")
    return found


def paper_problems(site: Path) -> list[str]:
    data, found = load(REPO / "data"), []
    rule = squeeze(provenance.retelling_rule(data.options))
    texts = {"kulturens-rige": pdf_text(site / "pdf" / "kulturens-rige.pdf", "Kulturens Rige")}
    for row in data.municipalities.itertuples():
        texts[row.slug] = pdf_text(site / "pdf" / f"kulturens-rige-{row.slug}.pdf", f"Kulturens Rige – {row.name}")
    for name, text in texts.items():
        if rule not in text:
            found.append(f"{name}: no rule")
        for mark in RETELLING_MARKS:
            if squeeze(provenance.owner_mark(mark)) in text:
                found.append(f"{name}: ({mark})")
        for row in data.municipalities.itertuples():
            if squeeze(row.summary) + squeeze("(redaktionens") in text:
                found.append(f"{name}: {row.name}'s summary marked")
    return found


@pytest.mark.build
def test_every_reading_page_says_once_after_its_first_paragraph_that_its_text_is_the_editors_retelling(built_site: Path, data):
    assert not page_problems(built_site, data)


@pytest.mark.build
@pytest.mark.long
def test_every_pdf_says_the_rule_on_its_cover_and_marks_no_retelling(report_site: Path):
    assert not paper_problems(report_site)


def test_the_rule_is_one_sentence_from_the_data_and_covers_the_retellings(data):
    assert "»…«" in provenance.retelling_rule(data.options)
    for value in each(sorted(provenance.RETELLINGS)):
        assert provenance.is_retelling(data.options, value), value
