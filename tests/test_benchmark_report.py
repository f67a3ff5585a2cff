"""scripts/benchmark.py rewrites only its own part of BENCHMARKS.md: sections others wrote after it are kept."""

from __future__ import annotations

import dataclasses

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


class _Reached(Exception):
    """Raised by the stand-in for Lighthouse: the run got as far as measuring it."""


def test_a_full_run_reaches_lighthouse_with_the_measuring_function_not_a_value_named_like_it(benchmark, monkeypatch, tmp_path):
    """`make benchmark` ended in "TypeError: 'NoneType' object is not callable" after nine minutes of builds and PDFs:
    main() named the Lighthouse figures read from --lighthouse-json `lighthouse`, hiding the function that measures
    them. The builds and measurements before it are stood in for; the run must call the measuring function."""
    build = benchmark.Build("report", "data", 7, 15, 38, 1.0, 1.0, 1, [])
    monkeypatch.setattr(benchmark, "generate", lambda *a, **k: None)
    monkeypatch.setattr(benchmark, "run_scenario", lambda name, *a, **k: dataclasses.replace(build, name=name))
    monkeypatch.setattr(benchmark, "filter_latency", lambda site: ("", ""))
    monkeypatch.setattr(benchmark, "charts_throttled", lambda site: "")
    monkeypatch.setattr(benchmark, "pdf_editions", lambda *a: "")

    def measured(*args):
        raise _Reached

    monkeypatch.setattr(benchmark, "lighthouse", measured)
    with pytest.raises(_Reached):
        benchmark.main(["--work", str(tmp_path / "work"), "--output", str(tmp_path / "BENCHMARKS.md")])
