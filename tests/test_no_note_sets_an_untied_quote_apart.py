"""The s20 reading, #3: quotes.csv gave six of the 38 untied quotes (q005-q008, q036, q037) the note "Ikke knyttet til
en kommune: …", the very six whose municipality the editors could work out. The inference rule says why once for all
(schema.INFERENCE_RULE, DATAORDBOG.md, the data chapter); no untied quote carries a note of its own (docs/adr/0033)."""

from __future__ import annotations

import csv
import io

from support.checks import each


def test_no_untied_quote_carries_a_reason_in_the_data_or_in_the_published_quotes_csv(data, data_downloads):
    untied = data.quotes[data.quotes["kommunekode"] == ""]
    for row in each(untied.itertuples()):
        assert row.attribution_rationale == "", row.quote_id
    published = csv.DictReader(io.StringIO(data_downloads["quotes.csv"].lstrip("\ufeff"), newline=""))
    for row in each([r for r in published if r["kommunekode"] == ""]):
        assert row["attribution_rationale"] == "", row["quote_id"]
