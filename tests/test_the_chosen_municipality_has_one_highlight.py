"""Issue 22, reader #8: the chosen municipality stood out in several colours at once (a pink frame on the side-by-side
card, an orange frame with a brown fill on the heat table's column that took the blue from its cells, a pink box round
the front page's link). One highlight: every edge that marks the choice is --kr-chosen-edge, which stands at least 3:1
from the page in both themes and is not the focus ring's accent, and the heat table's column is only faintly tinted."""

from __future__ import annotations

import re
from pathlib import Path

from kulturensrige.render import charts
from support.checks import each

STATIC = Path(__file__).resolve().parent.parent / "book" / "_static"
SHEETS = ("kommunefilter.css", "lesning.css")


def rules() -> list[tuple[str, str]]:
    """(selector, declarations) of every rule of the book's stylesheets, comments out, media blocks opened."""
    found = []
    for name in SHEETS:
        text = re.sub(r"/\*.*?\*/", "", (STATIC / name).read_text(encoding="utf-8"), flags=re.S)
        found += [(sel.strip(), body) for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text)]
    return found


def _edge(theme_selector: str) -> str:
    for selector, body in rules():
        if selector == theme_selector and (m := re.search(r"--kr-chosen-edge:\s*(#[0-9a-fA-F]{6})", body)):
            return m.group(1)
    raise AssertionError(f"--kr-chosen-edge is not set in {theme_selector}")


def test_every_edge_that_marks_the_choice_is_the_one_highlight_colour():
    checked = 0
    for selector, body in each(rules()):
        # A rule on the cells that are not chosen (:not(.kr-chosen)) draws the receding marks' edge (phone26, reader 26 #4),
        # not the choice's: it must never wear the highlight, so the chosen column stays the one thing in that colour.
        chosen = re.search(r"\.kr-chosen(?![\w-])", re.sub(r":not\([^()]*\)", "", selector))
        if not chosen and not re.search(r"\.kr-chosen(?![\w-])", selector):
            continue
        # A border's radius is its shape, not an edge's colour (the front page's chosen line, ADR 101).
        for prop, value in re.findall(r"(border(?!-radius)[\w-]*|outline|box-shadow)\s*:\s*([^;]+)", body):
            if "var(" in value or "#" in value:
                if not chosen:
                    assert "--kr-chosen-edge" not in value and "--pst-color-accent" not in value, (selector, prop, value)
                    continue
                checked += 1
                assert "--pst-color-accent" not in value and "var(--kr-chosen-edge)" in value, (selector, prop, value)
    assert checked >= 6


def test_the_highlight_stands_from_the_page_in_both_themes_and_apart_from_the_focus_ring():
    for theme, selector in (("light", ":root"), ("dark", 'html[data-theme="dark"]')):
        edge = _edge(selector)
        assert charts.contrast(edge, charts.THEME_BACKGROUNDS[theme]) >= 3, (theme, edge)
        assert edge.lower() != "#c132af"


def test_the_chosen_column_of_a_heat_table_is_a_faint_tint_that_leaves_its_marks_blue():
    tints = [int(p) for _, body in rules() for p in re.findall(r"--kr-chosen-column:\s*color-mix\([^,]+,\s*#\w+\s+(\d+)%", body)]
    assert tints and max(tints) <= 12, tints
    marked = [body for selector, body in rules() if "td.kr-marked.kr-chosen > .kr-mark" in selector]
    assert marked and "var(--kr-chosen-edge)" in marked[0]


def test_a_bar_charts_chosen_parts_carry_the_highlight_edge_apart_from_the_muted_rest(data):
    """On the dark page the organisation chart's chosen parts and the muted rest were two greens hard to tell apart:
    the chosen parts carry the highlight's edge (charts.MARK, the heatmaps' frame), 3:1 from the page in both themes."""
    chart = charts.partners_by_kind(data)
    edged = 0
    for view, variant in each(list(chart.variants.items())):
        for trace in variant.figure["data"]:
            line = trace.get("marker", {}).get("line", {})
            if trace.get("showlegend") is False:  # the muted rest: no edge
                assert line.get("color") != charts.MARK, view
            elif any(trace.get("x", [])) and "customdata" in trace and line.get("color") == charts.MARK:
                edged += 1
    assert edged >= len(data.municipalities)
    for theme in ("light", "dark"):
        assert charts.contrast(charts.MARK, charts.THEME_BACKGROUNDS[theme]) >= 3, theme
