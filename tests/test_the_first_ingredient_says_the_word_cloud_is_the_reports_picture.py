"""Ingredient 1 said „deltagernes egne ord tegner »et samarbejdsrum præget af åbenhed, …«“, as if the participants had
used those words; the report says a picture of such a space emerges from the word cloud of their three-word answers
(R437–441), and Figure 4's note says which words stand in the cloud is the editors' reading (reading 25 r2, #6). The
description says the picture is the report's reading of the cloud, in the wording reading26r2 #9 made readable
(„de tre ord, hver deltager gav til ordskyen“ for „deltagernes tre ord hver i ordskyen“)."""

from __future__ import annotations

from report_source import collapse, repair_hyphenation


def test_the_first_ingredient_gives_the_cooperation_space_as_the_reports_picture_of_the_word_cloud(data, report_text: str):
    report = collapse(repair_hyphenation(report_text))
    assert "tegner sig et billede af at der er blevet etableret et samarbejdsrum præget af åbenhed" in report
    description = data.ingredients.set_index("ingredient_id").at["etablering-af-vi", "description"]
    assert "deltagernes egne ord tegner" not in description
    assert "ifølge rapporten tegner de tre ord, hver deltager gav til ordskyen (figur 4), et billede af »et samarbejdsrum" in description
