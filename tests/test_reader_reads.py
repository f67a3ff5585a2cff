"""Issue 22 (phone22g): what a reader reads. Nothing of the findings folded away, no empty disclosure, the report's own
wording in view, whose word it is said once per block, plain Danish where a reader reads, and a PDF whose cover is
the report's."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from support.checks import each


def _soup(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts and "_sources" not in p.parts)


def test_no_summary_on_any_page_is_empty_in_any_view(built_site: Path):
    """The reviewer met a closed disclosure with an empty summary (the sidebar's chapter toggles: a chevron and an
    aria-label). Every <summary> says in text what it opens, and says it in every view: text that only a variant
    span holds (data-variant) would be empty in the others."""
    for page in each(_pages(built_site)):
        for summary in _soup(page).select("summary"):
            for variant in summary.select("[data-variant]"):
                variant.decompose()
            assert summary.get_text(strip=True), (page.relative_to(built_site), str(summary)[:200])


def test_the_reports_wording_stands_open_under_each_guide_item(built_site: Path, data):
    """The report's own wording under each of the guide's items is the report's content, not a method note: it stands
    in view as a quote, never behind a closed »Rapportens ordlyd« (7 of them on afsluttende-betragtninger)."""
    soup = _soup(built_site / "afsluttende-betragtninger.html")
    main = soup.select_one("main")
    items = main.select(".kr-check-item")
    assert len(items) == len(data.guide_recommendations)
    for item, text in each(list(zip(items, data.guide_recommendations.sort_values("position")["report_text"], strict=True))):
        assert item.find_parent("details") is None and not item.select("details")
        assert f"»{text}«" in item.get_text(), text


# The only disclosures a reader meets in the reading column (ADR 3): method notes that qualify a finding that is whole
# without them, each one line: whose the block is and why (Hvorfor?), a figure's method (Om figuren), why an editors'
# tie (Hvorfor udledt?, Hvorfor denne kobling?), a chart's numbers as a table, and how the page was made.
METHOD_NOTES = {"kr-note-about", "kr-figure-about", "kr-rationale", "kr-figure-data", "kr-made"}


def test_only_method_notes_fold_in_the_reading_column(built_site: Path):
    """A finding, a quote or the report's own wording is never behind a closed disclosure: every <details> in the
    reading column is one of the method notes ADR 3 lets fold."""
    for page in each(_pages(built_site)):
        main = _soup(page).select_one("main")
        for details in main.select("details") if main else []:
            assert METHOD_NOTES & set(details.get("class", [])), (page.relative_to(built_site), str(details)[:160])
