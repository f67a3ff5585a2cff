"""The sidebar's chapter list on every page: its own entry marked current, its chapters open, every link to its page.

The build renders the list once and marks it for each page (kulturensrige/book/extension.py, SidebarOnce); these are
the marks Sphinx and the theme would set, checked on the built pages at every folder depth.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.build

NOT_PAGES = ("_static/", "_sources/")


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith(NOT_PAGES))


def _entries(page: Path):
    """The chapter list's links on a page, in order (the home link above the list is not one of them)."""
    nav = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("nav.bd-docs-nav")
    assert nav is not None, f"{page}: ingen sidebjælke"
    return [a for a in nav.select("ul.bd-sidenav li > a.reference") if not a.find_parent("ul", class_="bd-sidenav__home-link")]


def _target(page: Path, href: str) -> Path:
    return page.resolve() if href == "#" else (page.parent / unquote(urlsplit(href).path)).resolve()


def test_sidebar_marks_each_page_and_its_chapters_and_links_every_entry_to_its_page(built_site: Path):
    pages = _pages(built_site)
    listed = None
    nested = 0
    for page in pages:
        where = page.relative_to(built_site).as_posix()
        entries = _entries(page)
        targets = [_target(page, a["href"]) for a in entries]
        assert all(t.is_file() for t in targets), f"{where}: et link i sidebjælken peger på en side, der ikke findes"
        # The same entry leads to the same page from every page, whatever the folder it is in.
        listed = listed or targets
        assert targets == listed, f"{where}: sidebjælkens links fører andre steder hen end fra de andre sider"
        own = [a for a in entries if a["href"] == "#"]
        current = [a for a in entries if "current" in a.get("class", [])]
        assert own == current, f"{where}: sidens eget punkt skal være det eneste markerede og pege på '#'"
        if page.resolve() not in listed:
            assert not own, f"{where}: en side uden for indholdsfortegnelsen har et markeret punkt"
            continue
        assert len(own) == 1, f"{where}: siden skal stå én gang i sidebjælken"
        chain = [li for li in own[0].parents if li.name == "li"]
        nav = own[0].find_parent("nav")
        assert set(nav.select("li.current")) == set(chain), f"{where}: kun sidens punkt og dets kapitler er markeret"
        for li in chain:
            assert li["class"][1:3] == ["current", "active"], f"{where}: {li['class']}"
            toggle = li.find("details", recursive=False)
            assert toggle is None or toggle.has_attr("open"), f"{where}: kapitlet over siden er ikke foldet ud"
        assert all(not d.has_attr("open") for d in nav.select("details") if d.parent not in chain), where
        assert set(nav.select("ul.current")) == {ul for ul in own[0].parents if ul.name == "ul"}, where
        nested += len(chain) > 1
    assert listed and nested, "ingen side ligger under et kapitel: testen har intet at kontrollere"


def test_the_profiles_stand_in_the_sidebar_and_next_links_in_the_datas_order(built_site: Path, data):
    """The report's order, as the filter, the front page and the charts list the municipalities (the contents' glob
    put them alphabetically: Aarhus first, where the report begins with Egedal)."""
    wanted = [built_site / "kommuner" / f"profil-{slug}.html" for slug in data.municipalities["slug"]]
    targets = [t for t in (_target(built_site / "index.html", a["href"]) for a in _entries(built_site / "index.html")) if t in wanted]
    assert targets == [p.resolve() for p in wanted]
    for page, following in zip(wanted, wanted[1:], strict=False):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert _target(page, soup.select_one("a.right-next")["href"]) == following.resolve(), page.name
