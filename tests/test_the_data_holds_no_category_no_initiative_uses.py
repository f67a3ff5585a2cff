"""The book's vocabularies of target groups, art forms and settings hold only what the report's initiatives use: a
category no initiative names was a row in a download and in the data dictionary's example that the report never
gives ("Seniorer, Ældre borgere."). The charts skip such a category anyway; an analyst who needs a new one adds it
(the README's "Ny kommune" recipe adds its own target group)."""

from __future__ import annotations

from support.checks import each
from test_recipes import recipe, table

VOCABULARIES = (
    ("target_groups", "target_group_id", "target_group_ids"),
    ("art_forms", "art_form_id", "art_form_ids"),
    ("settings", "setting_id", "setting_ids"),
)


def test_every_target_group_art_form_and_setting_in_the_data_is_named_by_an_initiative(data):
    for vocabulary, key, column in each(VOCABULARIES):
        used = {i for ids in data.initiatives[column] for i in ids}
        unused = set(data.tables[vocabulary][key]) - used
        assert not unused, (vocabulary, sorted(unused))


def test_the_new_municipality_recipe_adds_the_target_group_its_initiative_names(data):
    steps = recipe("Ny kommune")
    groups_step, initiative_step = steps.split("arket `target_groups`", 1)[1].split("arket `initiatives`", 1)
    added = {row[1] for row in table(groups_step) if row[0] == "target_group_id"}
    named = next(row[1] for row in table(initiative_step) if row[0] == "target_group_ids")
    assert set(named.split(";")) <= added
    assert not added & set(data.tables["target_groups"]["target_group_id"])
