"""A new reader's findings against the report (read21d, issue 21): counts that say what they count, whose title a
card carries, the order of the report's citations, what Figure 1 rests on, and tables that print whole words."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from kulturensrige.data.folder_writing import csv_text
from kulturensrige.data.schema import TABLES
from kulturensrige.explorer import app
from kulturensrige.render import cards, front_page
from kulturensrige.rules import filters, statistics
from report_source import collapse
from support.checks import each
from support.scripts import run_script


def _citation_groups(page: Path) -> list[list[str]]:
    """Each in-text citation of two or more works on a built page, as the works' printed citations in page order."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    groups = []
    for group in soup.select("span.bibtex-citation"):
        cited = [a.get_text(" ", strip=True) for a in group.select("a")]
        if len(cited) > 1:
            groups.append(cited)
    return groups


def test_a_citation_of_several_works_names_them_in_the_reports_order(built_site: Path, report_text: str):
    """Baggrund printed "(GBD … 2022, Sundhedsstyrelsen 2022)" and "(Fancourt og Finn 2019, Jensen 2022, Santini et al.
    2023)": sphinxcontrib-bibtex ordered a group as its reference list. The report names them the other way round."""
    report = collapse(report_text)
    groups = [g for page in sorted(built_site.rglob("*.html")) for g in _citation_groups(page)]
    for group in each(groups):
        places = [report.find(collapse(group[0]))]
        for cited in group[1:]:
            # "(Sund By Netværket 2019, u.å.)": a work after one of the same author is named by its year alone.
            found = report.find(collapse(cited), places[-1])
            places.append(found if found > -1 else report.find(f", {cited.split()[-1]}", places[-1]))
        assert -1 not in places and places == sorted(places), group


def test_the_reports_components_of_a_project_are_parts_of_it_in_the_data(data, report_text: str):
    """#1: the report says Rudersdal's project "indeholder to komponenter"; the data says which rows they are, so the
    book can count the project once."""
    assert "Projektet indeholder to komponenter" in collapse(report_text)
    parts = data.initiatives.loc[data.initiatives["part_of"] != "", ["initiative_id", "part_of"]]
    assert sorted(map(tuple, parts.to_numpy())) == [
        ("rudersdal-6-ugers-gruppeforloeb", "rudersdal-kulturligvis"),
        ("rudersdal-ledsagerordning", "rudersdal-kulturligvis"),
    ]


def test_the_front_page_counts_a_project_and_its_components_as_one_initiative_and_says_so(data):
    """#1: "15 indsatser" under "Bogens egen optælling" counted Rudersdal's project and its two components as three."""
    shown = BeautifulSoup(str(front_page.key_figures(data)), "html.parser")
    counted = next(li for li in shown.select(".kr-key-figures li") if li.get_text(" ", strip=True).split()[1] == "indsatser")
    wholes = len(data.initiatives) - 2
    assert counted.select_one(".kr-figure-number").get_text() == str(wholes)
    explained = counted.select_one(".kr-figure-explained").get_text()
    assert "Heraf 1 med 2 dele på hvert sit kort." in explained, explained
    by_kind = re.search(r"\(([^;]*);", explained)
    assert by_kind and sum(int(n) for n in re.findall(r"\d+", by_kind.group(1))) == wholes, explained


def test_a_profile_an_edition_and_the_explorer_count_rudersdals_project_once_with_its_parts(data):
    """#1: Rudersdal's profile, its printed edition (statistics.initiative_count) and the explorer said "3 indsatser"."""
    said = "1 indsats og dens 2 dele på hvert sit kort"
    assert f"{said}." in str(cards.initiative_list(data, "230"))
    assert statistics.initiative_count(data.initiatives[data.initiatives["kommunekode"] == "230"]) == said
    line, _ = app.results_html(data, filters.QuoteFilter(kommunekode="230"))
    assert line.endswith(f"Rudersdal: {said}.")
    assert f"{len(data.initiatives) - 2} indsatser, heraf 1 med 2 dele på hvert sit kort." in str(cards.initiative_list(data))


def test_a_part_of_another_municipalitys_initiative_or_of_itself_is_refused_in_one_line_each(tmp_path: Path):
    folder = shutil.copytree(Path(__file__).resolve().parent.parent / "data", tmp_path / "data")
    table = TABLES["initiatives"]
    rows = list(csv.DictReader(io.StringIO((folder / table.file).read_text(encoding="utf-8"), newline="")))
    rows[0]["part_of"] = "rudersdal-kulturligvis"  # Køge's event, part of Rudersdal's project
    rows[1]["part_of"] = rows[1]["initiative_id"]
    (folder / table.file).write_text(csv_text(table.columns, [[r[c] for c in table.columns] for r in rows]), encoding="utf-8")
    result = run_script("validate_data", str(folder))
    lines = [line for line in result.stderr.splitlines() if "part_of" in line]
    assert result.returncode == 1 and len(lines) == 2, result.stderr
    assert "række 2" in lines[0] and "samme kommune" in lines[0]
    assert "række 3" in lines[1] and "del af sig selv" in lines[1]
