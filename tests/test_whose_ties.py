"""Whose tie is it: a quote's ingredients, and the counts of ties, say whose word they are (issue 21)."""

from __future__ import annotations

import dataclasses
import re

from kulturensrige.rules import attribution, statistics


def test_the_tie_count_words_the_one_quote_tally_and_counts_nothing_itself(data):
    """lists.tie_counts recounted the 36 quotes the tally already gives: the sentence is worded from the tally alone,
    so a tally that says otherwise changes the sentence and the two can never disagree."""
    tally = statistics.quote_tally(data)
    said = attribution.tie_counts(tally, data.options)
    assert f"Bogen tæller {tally.own} citater fra evalueringen selv" in said
    assert f"for {tally.inferred} citater er kommunen udledt af redaktionen" in said
    other = dataclasses.replace(tally, total=tally.total + 10, inferred=tally.inferred + 1)
    said = attribution.tie_counts(other, data.options)
    assert f"Bogen tæller {tally.own + 10} citater" in said and f"for {tally.inferred + 1} citater" in said
    help_text = attribution.filter_help(dataclasses.replace(tally, stated=3), data.options)
    assert re.match(r"3 citater er knyttet til en kommune", help_text), help_text
