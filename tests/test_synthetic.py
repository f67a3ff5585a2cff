"""Synthetic national-scale data: valid against the schema, reproducible from its seed, clearly synthetic."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from kulturensrige import load
from kulturensrige.data import provenance, synthetic
from kulturensrige.data.csv_reading import thousands
from kulturensrige.data.folder_writing import csv_text
from kulturensrige.data.schema import BY_ANALYST, TABLES
from kulturensrige.data.synthetic import MUNICIPALITY_LIST, generate
from kulturensrige.data.validation import BUILD_LIMIT, max_rows
from support.scripts import run_script

REPO = Path(__file__).resolve().parent.parent
GENERATE = "generate_synthetic"  # scripts/generate_synthetic.py, run in this process (conftest.run_script)


def as_written(path: Path) -> bytes:
    """A file of data/ (written by hand) as a command writes it: guarded and marked (folder_writing.csv_text, ADR 80)."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    return csv_text(rows[0], rows[1:]).encode()


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_municipality_list_has_all_98_with_official_codes():
    with MUNICIPALITY_LIST.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 98 and len({r["kommunekode"] for r in rows}) == 98
    assert len({r["region"] for r in rows}) == 5
    shipped = load(REPO / "data").municipalities
    listed = {r["kommunekode"]: r["name"] for r in rows}
    assert all(listed[code] == name for code, name in zip(shipped["kommunekode"], shipped["name"], strict=True))


def test_generated_data_is_valid_reproducible_and_synthetic(tmp_path: Path):
    first = tmp_path / "a"
    result = run_script(GENERATE, "--out", str(first), "--quotes", "300", "--initiatives", "150", "--seed", "7")
    assert result.returncode == 0, result.stderr
    again = generate(tmp_path / "b", quotes=300, initiatives=150, seed=7)
    other = generate(tmp_path / "c", quotes=300, initiatives=150, seed=8)
    assert files(first) == files(again)
    assert files(first) != files(other)

    data = load(first)
    assert len(data.municipalities) == 98 and len(data.quotes) == 300 and len(data.initiatives) == 150
    assert set(data.municipalities["kommunekode"]) >= set(load(REPO / "data").municipalities["kommunekode"])
    assert (data.initiatives.groupby("kommunekode").size() >= 1).sum() == 98
    assert data.quotes["text"].str.startswith("Syntetisk citat nr. ").all()
    assert data.initiatives["title"].str.startswith("Syntetisk indsats nr. ").all()
    assert data.municipalities["summary"].str.startswith("Syntetisk resumé").all()
    assert set(data.quotes["attribution"]) == {"stated", "inferred", "not stated"}
    # Made-up quotes and ties are nobody's but whoever made the folder: a book on them never credits the report.
    assert provenance.folder_source(data.options) == BY_ANALYST
    for table in ("sections", "ingredients", "target_groups", "speaker_categories"):
        assert files(first)[f"{table}.csv"] == as_written(REPO / "data" / f"{table}.csv")


def test_it_never_writes_into_data(tmp_path: Path):
    before = files(REPO / "data")
    with pytest.raises(ValueError):
        generate(REPO / "data", quotes=10, initiatives=10, overwrite=True)
    with pytest.raises(ValueError):
        generate(REPO / "data" / "syntetisk", quotes=10, initiatives=10)
    assert files(REPO / "data") == before


@pytest.mark.parametrize(("option", "what", "allowed"), [("--quotes", "citater", "1–10.000"), ("--initiatives", "indsatser", "1–1.000")])
@pytest.mark.parametrize("count", ["-1", "0"])
def test_a_count_below_one_is_refused_with_the_range_allowed(option: str, what: str, allowed: str, count: str, tmp_path: Path):
    """--quotes -1 was answered with the upper limit ("validatoren tillader højst 10.000 rækker"), not with what is allowed."""
    result = run_script(GENERATE, "--out", str(tmp_path / "syntetisk"), option, count)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"Intet er skrevet: {count} {what} kan ikke laves; tilladt er {allowed}."]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("option", "table", "count"), [("--quotes", "quotes", 10**9), ("--quotes", "quotes", None), ("--initiatives", "initiatives", None)]
)
def test_counts_past_the_validators_caps_are_refused_before_anything_is_generated(
    option: str, table: str, count: int | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A billion quotes once grew past 2 GB, and one past the cap was refused only after it was all made."""
    count = count if count is not None else max_rows(table) + 1
    monkeypatch.setattr(synthetic, "synthetic_files", lambda *args, **kwargs: pytest.fail("generated before the check"))
    result = run_script(GENERATE, "--out", str(tmp_path / "syntetisk"), option, str(count))
    assert result.returncode == 2
    limit = f"validatoren tillader højst {thousands(max_rows(table))} rækker i {TABLES[table].file}, {BUILD_LIMIT}"
    assert result.stderr.splitlines() == [
        f"Intet er skrevet: {thousands(count)} {'citater' if table == 'quotes' else 'indsatser'} kan ikke laves; {limit}."
    ]
    assert list(tmp_path.iterdir()) == []
