"""Reading 28, finding 6: q003 „Fællesskabskonsulent, sundhedsafdeling“ (rapport:223) stood under Sundhedsområdet,
the other fællesskabskonsulenter (q008, q019, q028) under Fællesskab og frivillighed, with nothing saying why. The
rule stands in speaker_categories.csv's descriptions: where the report names a department by the role, the
department decides the group. Every quote whose role is grouped apart from the same role elsewhere names a
department its group's description speaks of; no count changes (q003 underpins no ingredient)."""

from __future__ import annotations

import csv
import io

from support.checks import each


def _base(role: str) -> str:
    """The role without what the report adds after a comma or before it („kommunal“): „fællesskabskonsulent“."""
    return role.split(",")[0].lower().removeprefix("kommunal ").strip()


def test_a_role_grouped_apart_from_the_same_role_elsewhere_names_a_department_its_groups_description_speaks_of(data):
    quotes = data.quotes[data.quotes["speaker_role"] != "ikke angivet"]
    descriptions = dict(zip(data.speaker_categories["speaker_category_id"], data.speaker_categories["description"], strict=True))
    by_role: dict[str, set[str]] = {}
    for row in quotes.itertuples():
        by_role.setdefault(_base(row.speaker_role), set()).add(row.speaker_category)
    split = {role for role, categories in by_role.items() if len(categories) > 1}
    assert "fællesskabskonsulent" in split
    checked = 0
    for row in each([r for r in quotes.itertuples() if _base(r.speaker_role) in split and "afdeling" in r.speaker_role.lower()]):
        checked += 1
        department = row.speaker_role.split(",")[1].strip().lower()
        assert department in descriptions[row.speaker_category].lower(), (row.quote_id, descriptions[row.speaker_category])
        others = {c for c in by_role[_base(row.speaker_role)] if c != row.speaker_category}
        for other in others:
            assert "afdeling" in descriptions[other], (other, descriptions[other])
    assert checked >= 1
    for role in each(sorted(split)):
        named = quotes[quotes["speaker_role"].map(_base) == role]
        plain = named[~named["speaker_role"].str.lower().str.contains("afdeling")]
        assert plain["speaker_category"].nunique() == 1, (role, list(plain["speaker_category"]))


def test_the_downloaded_speaker_categories_carry_the_rule(data, data_downloads):
    rows = {r["speaker_category_id"]: r for r in csv.DictReader(io.StringIO(data_downloads["speaker_categories.csv"], newline=""))}
    assert "sundhedsafdelingen" in rows["sundhed"]["description"]
    assert "afdeling" in rows["faellesskab-frivillighed"]["description"]
