"""scripts/benchmark.py rewrites only its own part of BENCHMARKS.md: sections others wrote after it are kept."""

from __future__ import annotations

import pytest

from support.scripts import script


@pytest.fixture(scope="module")
def benchmark():
    return script("benchmark")


def test_the_generated_part_is_replaced_and_what_follows_it_is_kept(benchmark):
    by_hand = "## REFI-QDA import\n\nWritten by hand.\n"
    old = benchmark.splice("", "# Benchmarks\n\nold figures\n") + "\n" + by_hand
    new = benchmark.splice(old, "# Benchmarks\n\nnew figures\n")
    assert "new figures" in new and "old figures" not in new
    assert new.endswith(by_hand)
    assert new.count(benchmark.GENERATED_START) == 1 and new.count(benchmark.GENERATED_END) == 1


def test_a_file_without_markers_keeps_all_its_text_after_the_generated_part(benchmark):
    new = benchmark.splice("## Written by hand\n\nkept\n", "# Benchmarks\n")
    assert new.startswith(benchmark.GENERATED_START)
    assert new.endswith("## Written by hand\n\nkept\n")


def test_the_input_limits_section_is_replaced_in_place_and_the_sections_after_it_are_kept():
    """benchmark_input_limits.py --write cut BENCHMARKS.md off at its heading: the sections written after it (the
    validator's caps, later sessions) were deleted."""
    limits = script("benchmark_input_limits")
    text = f"# Benchmarks\n\n## Before\n\nkept\n\n{limits.HEADING}\n\nold figures\n\n## After\n\nkept too\n"
    new = f"{limits.HEADING}\n\nnew figures\n"
    assert limits.spliced(text, new) == f"# Benchmarks\n\n## Before\n\nkept\n\n{new}\n## After\n\nkept too\n"
    assert limits.spliced("# Benchmarks\n", new) == f"# Benchmarks\n\n{new}"


def test_the_throttled_charts_are_measured_for_a_reader_who_scrolls_at_once_and_one_who_reads_first(benchmark, tmp_path, monkeypatch):
    """Issue 24 item 4: BENCHMARKS.md gives both readings, each labelled; the first chart differs by seconds between
    them, and one unlabelled figure read as the other."""
    stand_in = tmp_path / "measure.py"
    stand_in.write_text("import sys\nprint('ran with', ' '.join(sys.argv[2:]))\n", encoding="utf-8")
    monkeypatch.setattr(benchmark, "THROTTLED_SCRIPT", stand_in)
    output = benchmark.charts_throttled(tmp_path)
    at_once, read_first = output.split("\n\n")
    assert at_once.startswith("scrolled at once (--read 0; load ") and at_once.endswith("ran with --read 0")
    assert read_first.startswith("after 5 s of reading the top of the page (--read 5; load ") and read_first.endswith("ran with --read 5")
