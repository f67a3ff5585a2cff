"""An ingredient page opens with its tagline, not with a sentence the tagline repeats: »Den er en legende og modig
indstilling til arbejdet.« stood two lines above »En legende og modig indstilling, hvor man tør …«, and »Den handler
om engagementet.« above gnist-og-flamme's tagline; "Den er …" is stiff Danish besides (reading 25, finding 8). The
page's own prose follows the ingredient's description, which the data give."""

from __future__ import annotations

import json
import re
from pathlib import Path

from support.checks import each

PAGES = sorted((Path(__file__).resolve().parent.parent / "book" / "ingredienser").glob("*.ipynb"))


def _cells(path: Path) -> list[tuple[str, str]]:
    return [(c["cell_type"], "".join(c["source"])) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]]


def test_no_prose_stands_between_an_ingredients_place_and_its_description():
    pages = [p for p in PAGES if any("lists.ingredient_description" in s for _, s in _cells(p))]
    assert len(pages) == 4
    for page in each(pages):
        cells = _cells(page)
        described = next(i for i, (_, s) in enumerate(cells) if "lists.ingredient_description" in s)
        before = [s for kind, s in cells[:described] if kind == "markdown" and not s.startswith("# ")]
        assert before == [], page.name


def test_no_paragraph_of_an_ingredient_page_opens_with_a_bare_den():
    for page in each(PAGES):
        prose = [s for kind, s in _cells(page) if kind == "markdown"]
        assert not [s for s in prose if re.match(r"Den (er|handler om) ", s)], page.name
