"""Figure 1's table said 'rapporten angiver ikke formen' for the start and end of the project period and 'ikke
stedet' for the virtual pitstops, as if the report left out what does not exist (reading 21, finding 7): a period's
start has no form and a virtual meeting no place. The data say 'ikke relevant' there, and the table says so."""

from __future__ import annotations

import pandas as pd

from kulturensrige.data.schema import NOT_APPLICABLE
from kulturensrige.render import charts
from support.checks import each


def _table(data) -> pd.DataFrame:
    return next(iter(charts.programme_timeline(data).variants.values())).table


def test_a_period_mark_has_no_form_or_place_and_a_virtual_pitstop_no_place(data):
    table = _table(data).set_index(_table(data).columns[0])
    form, place = table.columns[0], table.columns[2]
    for title in each(["Projektperiodens start", "Projektperiodens slut"]):
        assert table.at[title, form] == NOT_APPLICABLE and table.at[title, place] == NOT_APPLICABLE, title
    for title in each([t for t in table.index if t.startswith("Virtuelt pitstop")]):
        assert table.at[title, place] == NOT_APPLICABLE and "ikke angivet" not in table.at[title, place]
    # What the report does leave out is still said to be its absence: the workshops' places it does not give, in the
    # one form of an absence (ADR 109, reading 30, #2).
    assert table.loc["Fælles workshop 1", place] == "ikke angivet i rapporten"
