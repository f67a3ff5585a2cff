"""The built book: every page of the toc, every quote on a page, nothing loaded from outside, no tracebacks."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.render import front_page
from kulturensrige.words import count_word
from support.checks import each

pytestmark = pytest.mark.build
REPO = Path(__file__).resolve().parent.parent


def toc_pages(data) -> list[str]:
    """Every page the table of contents names, with its glob expanded as the build does."""
    toc = yaml.safe_load((REPO / "book" / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]

    def walk(entries):
        for entry in entries:
            if "file" in entry:
                pages.append(entry["file"])
            if "glob" in entry:
                pages.extend(f"kommuner/profil-{slug}" for slug in sorted(data.municipalities["slug"]))
            walk(entry.get("sections", []))

    for part in toc["parts"]:
        walk(part["chapters"])
    return pages


def html_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "_sources" not in p.parts and "_static" not in p.parts]


@pytest.fixture(scope="module")
def soups(built_site: Path) -> dict[str, BeautifulSoup]:
    return {str(p.relative_to(built_site)): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in html_pages(built_site)}


def test_every_page_of_the_toc_exists(built_site: Path):
    for page in each(toc_pages(load())):
        assert (built_site / f"{page}.html").is_file(), page


def test_every_quote_in_the_data_appears_on_a_page(soups):
    text = " ".join(re.sub(r"\s+", " ", s.get_text(" ")) for s in soups.values())
    for quote in each(load().quotes.itertuples()):
        assert re.sub(r"\s+", " ", quote.text) in text, quote.quote_id


def _resource_urls(soup: BeautifulSoup) -> list[str]:
    urls = [tag.get("src") for tag in soup.find_all(["script", "img", "iframe", "audio", "video", "source"]) if tag.get("src")]
    urls += [tag.get("href") for tag in soup.find_all("link") if tag.get("href")]
    urls += re.findall(r"url\(([^)]+)\)", " ".join(s.get_text() for s in soup.find_all("style")))
    return urls


def test_no_page_loads_anything_from_outside_the_book(soups):
    for name, soup in each(soups.items()):
        outside = [u for u in _resource_urls(soup) if re.match(r"^(https?:)?//", u.strip("'\""))]
        assert not outside, f"{name} henter {outside}"


def test_no_page_contains_a_python_traceback(soups):
    for name, soup in each(soups.items()):
        text = soup.get_text(" ")
        assert "Traceback (most recent call last)" not in text, name
        assert not soup.select(".output.traceback, .output.error, .cell_output .stderr"), name


def test_no_page_shows_markdown_code_marks_as_text(soups):
    """A sentence written once for the dictionary file (Markdown) and a page must reach the page as <code>, not as
    backticks (the data chapter's sources lead once showed `kilde` to readers)."""
    hidden = {"script", "style", "template", "code", "pre"}
    for name, soup in each(soups.items()):
        shown = [t for t in soup.find_all(string=True) if not {p.name for p in t.parents} & hidden]
        assert "`" not in " ".join(shown), name


def test_every_page_is_marked_danish(soups):
    for name, soup in each(soups.items()):
        assert soup.html.get("lang") == "da", name


def test_plotly_is_fetched_from_the_book_by_the_chart_script_only_where_charts_are(soups, built_site: Path):
    """No page loads plotly.js at load: kr-charts.js fetches the book's copy after it, once the reader has begun."""
    assert (built_site / "_static" / "plotly.min.js").is_file()
    for name, soup in soups.items():
        scripts = [s.get("src", "").split("?")[0] for s in soup.find_all("script")]
        assert not [s for s in scripts if "plotly" in s], name
        if soup.select(".kr-plot"):
            assert [s for s in scripts if s.endswith("_static/kr-charts.js")], name
        assert "Plotly.newPlot" not in " ".join(s.get_text() for s in soup.find_all("script") if not s.get("src")), name


def test_every_page_keeps_the_filters_place_inside_its_content_so_nothing_moves(soups):
    """The filter appears in a place the build kept; without one it would push the page down (layout shift)."""
    for name, soup in each(soups.items()):
        slot = soup.select_one(".kr-filter-slot")
        assert slot is not None and slot.find_parent(class_=["bd-article", "bd-search-container"]) is not None, name


def test_the_theme_switch_is_named_in_danish(built_site: Path):
    """Read from the markup: html.parser loses the theme's header buttons inside its unclosed elements."""
    pages = {p.name: p.read_text(encoding="utf-8") for p in html_pages(built_site)}
    buttons = [(name, b) for name, html in pages.items() for b in re.findall(r"<button[^>]*theme-switch-button[^>]*>", html)]
    for name, button in each(buttons):
        assert 'aria-label="Skift mellem lyst og mørkt tema"' in button, name
    for name, html in each(pages.items()):
        assert "light/dark" not in html, name


def test_figure_variants_cover_every_municipality(soups):
    data = load()
    for name, soup in each(soups.items()):
        for figure in soup.select("figure.kr-figure[data-kr-filterable=true]"):
            variants = json.loads(figure.select_one("script.kr-figure-json").string)["variants"]
            assert {"alle", *data.municipalities["kommunekode"]} <= set(variants), (name, figure.get("id"))


def test_charts_have_a_title_and_a_text_alternative(soups):
    for name, soup in each(soups.items()):
        for figure in soup.select("figure.kr-figure"):
            assert figure.select_one("figcaption").get_text(strip=True), name
            assert figure.select_one(".kr-alt p").get_text(strip=True), name
            assert figure.select_one(".kr-figure-data table"), name


def test_readers_see_no_code_but_a_line_on_how_the_page_is_made(soups):
    """No code cell or code toggle on any page; every chapter made from a notebook links to it and its tables."""
    made = 0
    for name, soup in soups.items():
        assert not soup.select(".cell_input, details.hide"), name
        line = soup.select_one("details.kr-made")
        if line is None:
            continue
        assert not line.has_attr("open") and line.select_one("summary").get_text(strip=True) == "Sådan er siden lavet", name
        # The line is the fold's last paragraph: an auditor's lines (a profile's kommunekode) stand before it (ADR 112).
        said = re.match(r"Siden skrives ud fra bogens data( om | i |, )", line.select("p")[-1].get_text())
        assert said, name
        made += 1
        links = [a["href"] for a in line.select("a")]
        assert any(h.endswith(f"_sources/{name.removesuffix('.html')}.ipynb") for h in links), name
        # Each table read is linked as published CSV; a page that reads them all links the data dictionary. A page that
        # reads none (the messages' catalogue, made from the validator's own examples) says only its notebook.
        if said.group(1) != ", ":
            assert any("_static/data/" in h and h.endswith(".csv") for h in links) or any(h.endswith("#dataordbog") for h in links), name
    assert made >= 14


def test_no_committed_notebook_carries_outputs():
    tracked = subprocess.run(["git", "ls-files", "*.ipynb"], capture_output=True, text=True, cwd=REPO).stdout.split()
    assert tracked
    for path in tracked:
        notebook = json.loads((REPO / path).read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                assert not cell.get("outputs") and cell.get("execution_count") is None, path


def test_the_editions_code_stands_only_in_the_analysts_foot_line_with_what_it_is(soups):
    """Every foot says when the book was built; 'Udgave bb70c7653d' there read as a stray code, and in the front
    page's note on citing as build jargon (issue 22): the code stands only in »Sådan er siden lavet«, said with what
    it is, and the note asks a citer for the date."""
    data = load()
    for name, soup in each(soups.items()):
        stamp = soup.select_one(".kr-provenance")
        assert stamp is not None, name
        assert stamp.get_text().startswith("Bygget ") and data.fingerprint not in stamp.get_text(), name
    # The one form of citing (read21d, front_page.citing): the note asks for the day, and the example gives the day the
    # foot gives, whole, to copy (reader 26, #6: "[datoen nederst på siden]" left the reader to fill it in).
    # The front page gives the citation and its example; the note that asks for the day stands with the rest of citing
    # in the data chapter, behind the front page's one link (reader 29, F5).
    chapter = soups[f"{front_page.EDITORS_PAGE}.html"]
    built_on = re.match(r"Bygget (\d+\. \w+ \d{4})\.", soups["index.html"].select_one(".kr-provenance").get_text())
    for soup in (soups["index.html"], chapter):
        note = " ".join(p.get_text() for p in soup.select(".kr-citation-note"))
        assert built_on and f"netudgave af bogen, {built_on[1]}." in note, note
        assert front_page.WEB_DATE not in note
        assert data.fingerprint not in note
    assert "Nævn også den dag, den er lavet" in " ".join(p.get_text() for p in chapter.select(".kr-citation-note"))
    assert soups["index.html"].select(f".kr-citation-note a[href='{front_page.EDITORS_PAGE}.html#{front_page.CITING_ANCHOR}']")
    made = soups["index.html"].select_one("details.kr-made").get_text(" ")
    assert f"Udgavens kendetegn er {data.fingerprint}, en kode, der skifter, når bogens data ændres." in made


def test_the_front_page_says_what_this_is_and_where_to_start(soups):
    """Its first block, from data: the ingredients and municipalities linked, a link to the findings saying how many
    there are (it no longer quotes the first, which the findings' section quoted again a screen below: issue 22), where
    to start, the citation; the page holds every finding and the citation's note."""
    data = load()
    front = soups["index.html"].select_one(".kr-front")
    assert front is not None
    links = {a["href"] for a in front.select("a")}
    pages = dict(zip(data.sections["section_id"], data.sections["book_page"], strict=True))
    assert {f"{pages[i]}.html" for i in data.ingredients["section_id"]} <= links
    assert {f"kommuner/profil-{slug}.html" for slug in data.municipalities["slug"]} <= links
    assert len(front.select(".kr-starts a")) >= 3
    to_findings = front.select_one(f"#forside-fund ~ p a[href='#{front_page.FINDINGS_ID}']")
    assert to_findings is not None and count_word(len(data.findings)).capitalize() in to_findings.get_text()
    assert not any(f"»{finding}«" in front.get_text(" ", strip=True) for finding in data.findings["report_text"])

    def section(target: str):
        """The section a first-screen link leads to (Sphinx puts a MyST target's id on it or just inside it)."""
        element = soups["index.html"].find(id=target)
        return element if element.name == "section" else element.find_parent("section")

    findings = section(front_page.FINDINGS_ID).select_one(".kr-findings").get_text(" ", strip=True)
    assert all(f"»{finding}«" in findings for finding in data.findings["report_text"])
    report = data.publication.iloc[0]
    below = section(front_page.CITE_ID).select_one(".kr-citation")
    for citation in (front.select_one(".kr-citation"), below):
        assert report.publisher in citation.get_text(" ", strip=True) and report.title in citation.get_text(" ", strip=True)


def test_no_page_holds_an_id_twice_and_a_municipalitys_page_holds_only_ids_its_name_may_not_take(data, soups):
    """Ids the data puts on a page (citat-<quote_id>, indsats-<initiative_id>, a municipality's name as its page's
    title) never meet the book's own (pages.PROFILE_PAGE_IDS, PAGE_ID_FAMILIES): the validator refuses a name whose
    title id the book uses there, and this keeps that list true to the pages the build writes."""
    from kulturensrige.data.pages import heading_id, page_id_taken, profile_page

    for name, soup in each(soups.items()):
        ids = [tag["id"] for tag in soup.find_all(id=True)]
        assert sorted({i for i in ids if ids.count(i) > 1}) == [], name
    for row in each(data.municipalities.itertuples()):
        page = f"{profile_page(row.slug)}.html"
        ids = {tag["id"] for tag in soups[page].find_all(id=True)}
        title = heading_id(row.name)
        assert title in ids and not page_id_taken(title), (page, title)
        assert sorted(i for i in ids - {title} if not page_id_taken(i)) == [], page


def test_the_explorers_page_is_named_for_what_it_needs_and_says_first_what_works_without_it(soups):
    """'Udforsk data live' in the menu promised a live explorer the static book does not have (it needs `make
    explorer`): no page's menu says 'live', and the page says what a reader can do without installing anything, then
    what needs the command, before it describes the explorer."""
    for name, soup in each(soups.items()):
        menu = " ".join(a.get_text(" ", strip=True) for a in soup.select(".bd-sidebar-primary a"))
        assert "live" not in menu.lower(), name
    page = soups["om-data/udforsker.html"]
    assert page.h1.get_text(" ", strip=True).startswith("Udforsk data på din egen computer")
    headings = [h.get_text(" ", strip=True).rstrip("#").strip() for h in page.select("article h2")]
    assert headings[:3] == [
        "Hvad du kan uden at installere noget",
        "Hvad der kræver et program på din egen computer",
        "Hvad udforskeren er",
    ]


def test_only_the_front_pages_title_is_marked_as_the_front_pages(soups):
    """lesning.css sets it smaller on a phone by this class (a `:has()` on the article did it, at a cost, test_css.py)."""
    marked = sorted(name for name, soup in soups.items() if soup.select("h1.kr-front-title"))
    assert marked == ["index.html"]


def test_the_municipality_overview_gives_each_municipalitys_essentials_and_leaves_the_rest_to_its_profile(data, soups):
    """Issue 22: at 375 px 'De deltagende kommuner' was 18,600 px, for it repeated every initiative the profiles hold.
    It shows each municipality's card, linked to its profile, and no initiative card; every initiative still stands
    on its municipality's profile, and nothing on the overview is folded away."""
    overview = soups["kommuner/oversigt.html"]
    assert not overview.select(".kr-initiative"), "the initiatives stand on the profiles"
    assert not overview.select(".kr-municipality-card details, .kr-municipality-list details")
    for row in each(list(data.municipalities.itertuples())):
        card = overview.select_one(f'.kr-municipality-card[data-kommune="{row.kommunekode}"]')
        assert card.select_one(f'a[href$="profil-{row.slug}.html"]'), row.slug
        assert " ".join(row.summary.split()) in " ".join(card.get_text(" ").replace("\u00ad", "").split()), row.slug
        profile = soups[f"kommuner/profil-{row.slug}.html"]
        for initiative in data.initiatives.loc[data.initiatives["kommunekode"] == row.kommunekode, "initiative_id"]:
            assert profile.select_one(f"#indsats-{initiative}"), (row.slug, initiative)
