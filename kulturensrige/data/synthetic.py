"""Synthetic data at national scale, for benchmarks and scale tests only; it never ships as content.

All 98 Danish municipalities (official codes and names from kulturensrige/data/danske-kommuner.csv), the
report's vocabularies, sections and organisations taken unchanged from a data folder, and a chosen
number of initiatives and quotes whose every text says it is synthetic ("Syntetisk citat nr. …").
The same seed gives the same files, byte for byte. The result is validated before it is written.
"""

from __future__ import annotations

import csv
import os
import random
from collections import Counter
from pathlib import Path

import pandas as pd

from kulturensrige.data.csv_reading import RawTable, thousands
from kulturensrige.data.folder_writing import check_folder, csv_text, refuse_output, write_folder
from kulturensrige.data.loading import REPO_ROOT, data_dir
from kulturensrige.data.municipality_codes import LIST_FILE
from kulturensrige.data.pages import slug
from kulturensrige.data.problems import DataError
from kulturensrige.data.schema import BY_ANALYST, BY_EDITORS, FOLDER_SOURCE, LIST_SEPARATOR, NOT_STATED, TABLES
from kulturensrige.data.validation import BUILD_LIMIT, max_rows, read_folder, validate_tables

MUNICIPALITY_LIST = LIST_FILE
SHIPPED_DATA = REPO_ROOT / "data"
DEFAULT_QUOTES = 10_000
DEFAULT_INITIATIVES = 1_000
# Quotes of these kinds need more than one row (exchanges) or a work cited; synthetic quotes are plain.
SKIPPED_QUOTE_KINDS = {"litteratur", "ordveksling", "ordveksling-uden-navn"}
WORDS = (
    "vi",
    "vores",
    "fællesskab",
    "kultur",
    "sundhed",
    "borgere",
    "musik",
    "dans",
    "biblioteket",
    "sammen",
    "glæde",
    "mod",
    "trivsel",
    "rum",
    "tid",
    "lære",
    "prøve",
    "gruppen",
    "kommunen",
    "frivillige",
    "værested",
    "sang",
    "fortælling",
    "oplevelse",
    "tryghed",
    "relationer",
    "nysgerrighed",
    "invitation",
    "samarbejde",
    "forening",
    "aktionslæring",
    "ensomhed",
    "hverdag",
    "nærvær",
    "kunst",
    "værksted",
    "idé",
    "handling",
    "refleksion",
    "forandring",
)


def read_municipality_list(path: Path = MUNICIPALITY_LIST) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def synthetic_files(
    base: dict[str, RawTable],
    kommuner: list[dict[str, str]],
    *,
    quotes: int = DEFAULT_QUOTES,
    initiatives: int = DEFAULT_INITIATIVES,
    seed: int = 1,
) -> dict[str, str]:
    """The CSV text of every table: the base folder's tables, with the three generated ones replaced."""
    rng = random.Random(seed)
    text = {name: raw.frame.astype(str) for name, raw in base.items()}
    keys = {name: sorted(text[name][TABLES[name].key]) for name in text}
    slips = text["report_slips"]
    rows: dict[str, list[dict[str, str]]] = {
        "municipalities": _municipalities(rng, kommuner, text, keys),
        "initiatives": _initiatives(rng, initiatives, kommuner, text, keys),
        "quotes": _quotes(rng, quotes, kommuner, text, keys),
        "options": _options(text["options"]),
        # The made-up quotes hold none of the report's slips (report_slips.csv, ADR 89); the questions' and pages' stay.
        "report_slips": [dict(zip(slips.columns, r, strict=True)) for r in slips[slips["table"] != "quotes"].values.tolist()],
    }
    files = {}
    for name, table in TABLES.items():
        if name in rows:
            files[table.file] = csv_text(table.columns, [[r.get(c, "") for c in table.columns] for r in rows[name]])
        else:
            files[table.file] = csv_text(table.columns, text[name].reindex(columns=table.columns).values.tolist())
    return files


def _options(options: pd.DataFrame) -> list[dict[str, str]]:
    """The base folder's options, with the folder's source set to the analyst's: the made-up quotes and ties are not
    the report's, and a book built on them must not say 'angivet i rapporten' (data/provenance.py)."""
    kept = [
        {"option_id": i, "value": v, "note": n}
        for i, v, n in zip(options["option_id"], options["value"], options["note"], strict=True)
        if i != FOLDER_SOURCE
    ]
    return [*kept, {"option_id": FOLDER_SOURCE, "value": BY_ANALYST, "note": "Syntetiske data til skalatest, ikke rapportens."}]


def _most_common_parent(text: dict, sections: list[str]) -> str:
    parents = dict(zip(text["sections"]["section_id"], text["sections"]["parent_id"], strict=True))
    counted = Counter(parents.get(s) or s for s in sections)
    return counted.most_common(1)[0][0]


def _sample(rng: random.Random, ids: list[str], low: int, high: int) -> str:
    return LIST_SEPARATOR.join(rng.sample(ids, min(len(ids), rng.randint(low, high))))


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def _municipalities(rng: random.Random, kommuner: list[dict[str, str]], text: dict, keys: dict) -> list[dict[str, str]]:
    section = _most_common_parent(text, list(text["municipalities"]["section_id"]))
    return [
        {
            "kommunekode": k["kommunekode"],
            "slug": slug(k["name"]),
            "name": k["name"],
            "name_in_report": k["name"],
            "region": k["region"],
            "starting_point": rng.choice(keys["starting_points"]),
            "outcome": NOT_STATED if rng.random() < 0.5 else f"Syntetisk resultat for {k['name']}, genereret til skalatest.",
            "summary": f"Syntetisk resumé for {k['name']}: genereret til skalatest, ikke fra rapporten. " + _sentence(rng, 20, 60),
            "section_id": section,
        }
        for k in kommuner
    ]


def _initiatives(rng: random.Random, count: int, kommuner: list[dict[str, str]], text: dict, keys: dict) -> list[dict[str, str]]:
    codes = [k["kommunekode"] for k in kommuner]
    names = {k["kommunekode"]: k["name"] for k in kommuner}
    section = _most_common_parent(text, list(text["initiatives"]["section_id"]))
    organisations = text["organisations"]
    positions: Counter[str] = Counter()
    rows = []
    for i in range(1, count + 1):
        code = codes[(i - 1) % len(codes)] if i <= len(codes) else rng.choice(codes)  # every municipality gets one first
        positions[code] += 1
        local = sorted(organisations.loc[organisations["kommunekode"].isin(["", code]), "organisation_id"])
        rows.append(
            {
                "initiative_id": f"syntetisk-indsats-{i:05d}",
                "kommunekode": code,
                "position": str(positions[code]),
                "title": f"Syntetisk indsats nr. {i}",
                "title_basis": "inferred",
                "kind": rng.choice(keys["initiative_kinds"]),
                "description": f"Syntetisk indsats i {names[code]}, genereret til skalatest. " + _sentence(rng, 15, 60),
                "target_group_ids": _sample(rng, keys["target_groups"], 1, 2),
                "art_form_ids": _sample(rng, keys["art_forms"], 1, 4),
                "setting_ids": _sample(rng, keys["settings"], 0, 2),
                "organisation_ids": _sample(rng, local, 0, 2),
                "status": rng.choice(keys["statuses"]),
                "section_id": section,
            }
        )
    return rows


def _quotes(rng: random.Random, count: int, kommuner: list[dict[str, str]], text: dict, keys: dict) -> list[dict[str, str]]:
    codes = [k["kommunekode"] for k in kommuner]
    sections = list(text["quotes"]["section_id"])  # report's mix: sections with many quotes get many
    kinds = [k for k in keys["quote_kinds"] if k not in SKIPPED_QUOTE_KINDS]
    categories = [c for c in keys["speaker_categories"] if c not in SKIPPED_QUOTE_KINDS]
    rows = []
    for i in range(1, count + 1):
        draw = rng.random()
        attribution = "stated" if draw < 0.5 else "inferred" if draw < 0.7 else "not stated"
        role = f"Syntetisk taler {rng.randint(1, 40)}"
        rows.append(
            {
                "quote_id": f"syntetisk-citat-{i:05d}",
                "position": str(i),
                "text": f"Syntetisk citat nr. {i}: " + _sentence(rng, 10, 110),
                "speaker_role": role,
                "caption": role,
                "speaker_category": rng.choice(categories),
                "kind": rng.choice(kinds),
                "turn": "1",
                "section_id": rng.choice(sections),
                "ingredient_ids": _sample(rng, keys["ingredients"], 0, 2),
                "kommunekode": "" if attribution == "not stated" else rng.choice(codes),
                "attribution": attribution,
                "attribution_rationale": "Syntetisk begrundelse, genereret til skalatest." if attribution == "inferred" else "",
            }
        )
        # A tie of each other source, by the quote's number (no draw, so the rest of the data stays as it was); the rest
        # are left empty, the folder's own source, as an analyst leaves them (the national data must stay within its size).
        tie = (BY_EDITORS if i % 50 == 0 else BY_ANALYST if i % 50 == 1 else "") if rows[-1]["ingredient_ids"] else ""
        rows[-1]["ingredient_source"] = tie
        rows[-1]["ingredient_rationale"] = "Syntetisk begrundelse." if tie == BY_EDITORS else ""
    return rows


# The rows a synthetic folder is made with, as a message names them.
ROWS_NAMED = {"quotes": "citater", "initiatives": "indsatser"}


def check_count(name: str, count: int) -> None:
    """Refuse a count of `name` rows before anything is made: a billion quotes would fill the memory long before the
    validator said no, and -1 was answered with the upper limit."""
    low, high, what = TABLES[name].min_rows, max_rows(name), ROWS_NAMED[name]
    if count < low:
        raise ValueError(f"{thousands(count)} {what} kan ikke laves; tilladt er {thousands(low)}–{thousands(high)}")
    if count > high:
        limit = f"validatoren tillader højst {thousands(high)} rækker i {TABLES[name].file}, {BUILD_LIMIT}"
        raise ValueError(f"{thousands(count)} {what} kan ikke laves; {limit}")


def generate(
    out: Path,
    *,
    quotes: int = DEFAULT_QUOTES,
    initiatives: int = DEFAULT_INITIATIVES,
    seed: int = 1,
    base: Path | None = None,
    municipality_list: Path = MUNICIPALITY_LIST,
    overwrite: bool = False,
) -> Path:
    """Write a synthetic data folder at `out` (validated first); never into the shipped data/."""
    check_count("quotes", quotes)
    check_count("initiatives", initiatives)
    out = Path(os.path.abspath(out))
    shipped = SHIPPED_DATA.resolve()
    real = Path(os.path.realpath(out))  # never raises on a symlink loop, which refuse_output then names
    if real == shipped or shipped in real.parents:
        raise ValueError(f"syntetiske data skrives aldrig i {shipped}")
    refuse_output(out, folder=True, overwrite=overwrite)
    base_dir = data_dir(base) if base is not None else shipped
    raws, problems = read_folder(base_dir)
    if not problems:
        problems = validate_tables(raws, {n: f"{base_dir.name}/{TABLES[n].file}" for n in raws})[1]
    if problems:
        raise DataError(problems)
    files = synthetic_files(raws, read_municipality_list(municipality_list), quotes=quotes, initiatives=initiatives, seed=seed)
    write_folder(files, out, overwrite=overwrite, check=check_folder)
    return out
