"""Reading 28, finding 2: on Evalueringsdesign the report's own words, its guiding question (rapport:355-357) and
the three questions behind the cross-cutting analyses (rapport:366-374), stood without »…«, the single guiding
question as a one-item „1.“ list, while the same page's Datagrundlag put the report's words in »…«. Each question
stands in »…«, verbatim, and one question is no numbered list: on the page and in the whole-book PDF alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige.render import lists
from support.checks import each
from test_pdf import pdf_text, squeeze
from test_pdf import report_site as report_site  # the fixture: the built book with its PDFs, printed once per run


def _said(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "html.parser")


def test_each_evaluation_question_stands_in_guillemets_and_one_question_is_no_numbered_list(data):
    for kind, questions in each(list(data.evaluation_questions.groupby("kind"))):
        shown = _said(str(lists.evaluation_questions(data, kind)))
        text = " ".join(shown.get_text(" ").split())
        for question in questions["text"]:
            assert f"»{question}«" in text, (kind, question[:40], text[:200])
        if len(questions) == 1:
            assert not shown.select("ol, ul, li"), (kind, str(shown)[:200])
        else:
            assert len(shown.select("ol > li")) == len(questions), kind


@pytest.mark.build
def test_the_evaluation_design_page_and_the_pdf_put_the_reports_questions_in_guillemets(data, built_site: Path, report_site: Path):
    page = BeautifulSoup((built_site / "evalueringsdesign.html").read_text(encoding="utf-8"), "html.parser")
    article = page.select_one("article.bd-article")
    assert article is not None
    text = " ".join(article.get_text(" ").split())
    printed = pdf_text(report_site / "pdf" / "kulturens-rige.pdf", "Kulturens Rige")
    for question in each(list(data.evaluation_questions["text"])):
        assert f"»{question}«" in text, question[:40]
        assert squeeze(f"»{question}«") in printed, question[:40]
    guiding = data.evaluation_questions[data.evaluation_questions["kind"] == "overordnet"]["text"].iloc[0]
    assert not [li for li in article.select("li") if guiding in li.get_text(" ")], "the guiding question is a list item"
