"""Reader31, #2 (ADR 112): a profile ended in „30 af de 38 citater står under de fire ingredienser: … ; på de samme
sider står guidens råd …“ and „Kommunekode: 259 (red.)“; kommuner/oversigt said „Herunder står, hvis ord region,
udgangspunkt og resumé på kortene er, og hvor de kommer fra:“ and „Hvor kolonnerne Kommunekode og Region kommer fra,
står her: (red.) Hvorfor?“. Each is said once and shortly; the code and where the table's columns come from fold under
„Sådan er siden lavet“, marked as before; no quote, initiative or municipality card is folded."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from kulturensrige.book import profiles
from kulturensrige.data import provenance
from kulturensrige.data.pages import profile_page
from kulturensrige.render import guide, lists
from support.checks import each

REPO = Path(__file__).resolve().parents[1]


def _text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True).split())


def test_a_profile_gives_its_code_in_the_fold_and_ends_in_one_short_line_without_counts(data):
    holder = provenance.folder_words(data.options).holder
    for row in each(list(data.municipalities.itertuples())):
        with profiles.as_page(REPO / "book", profile_page(row.slug)):
            parts = [str(part) for part in profiles.profile_parts(data, row.name, row.kommunekode, holder)]
        page = BeautifulSoup("".join(parts), "html.parser")
        fold = page.select_one("details.kr-made")
        outside = _text("".join(parts).replace(str(fold), ""))
        assert "Kommunekode" not in outside, row.name
        assert f"Kommunekode: {row.kommunekode} (red.)" in _text(fold), row.name
        # What the reader came for is not folded: the initiatives and the facts stand outside the fold.
        assert not fold.select(".kr-initiative-list, .kr-profile-facts, .kr-advice"), row.name
    last = _text(guide.where_the_rest_stands(data))
    # ADR 112 as amended: no count; the guide's clause last, so the whole book can point it at its one checklist
    # (a first clause „Citater og guidens råd som tjekliste …“ printed there that the checklist stood on these pages).
    assert not re.search(r"\d+ af de \d+", last), last
    assert last.startswith("Citaterne står på siderne om") and last.rstrip(" .").endswith("„I guiden“ (red.)"), last


def test_the_municipality_overview_says_whose_the_cards_words_are_once_and_folds_where_its_columns_come_from(data):
    cells = json.loads((REPO / "book" / "kommuner" / "oversigt.ipynb").read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]) for c in cells]
    said = "\n".join(s for s, c in zip(sources, cells, strict=True) if c["cell_type"] == "markdown")
    assert "Herunder står" not in said and "Hvor kolonnerne" not in said and "og hvor de kommer fra" not in said, said
    # The columns' whose note is the page's fold's, not a „(red.) Hvorfor?“ of its own before the table.
    code = [s for s, c in zip(sources, cells, strict=True) if c["cell_type"] == "code"]
    assert not any(s.startswith('lists.whose(data, "municipalities.kommunekode"') for s in code), code
    assert any("how_made(data, columns)" in s and "whose_in_full" in s for s in code), code
    columns = _text(lists.whose_in_full(data, "Kolonnerne Kommunekode og Region", "municipalities.kommunekode", "municipalities.region"))
    assert columns.startswith("Kolonnerne Kommunekode og Region: redaktionens") and "kommunekoder" in columns, columns
