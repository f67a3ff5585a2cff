"""Reading 27, #4: the report writes its small guide as one paragraph of six sentences (src L793–798); the book made
the fifth sentence, »Skab en fælles fortælling om, at I øver jer sammen og skab plads til leg og kreativitet.«, two of
its checklist's points, while kilder.csv calls the points' order the report's. Each point is one whole sentence of the
guide, so the points, in their order, are the guide's paragraph, word for word (ADR 94)."""

from __future__ import annotations

from report_source import paragraphs


def test_the_guides_points_in_their_order_are_the_reports_guide_sentence_by_sentence(data, report_text: str):
    points = list(data.guide_recommendations.sort_values("position")["report_text"])
    guide = [p for p in paragraphs(report_text) if p.startswith(points[0])]
    assert len(guide) == 1, guide
    assert " ".join(points) == guide[0]
    for point in points:  # a whole sentence: it opens as one and closes as one (the guide's slip »forløbet?« inside)
        assert point[:1].isupper() and point.endswith("."), point
