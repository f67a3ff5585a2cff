"""Generate synthetic data at national scale (98 municipalities) for benchmarks and scale tests.

Usage: python scripts/generate_synthetic.py --out DIR [--quotes 10000] [--initiatives 1000] [--seed 1]
                                            [--data BASE_DIR] [--overwrite]

Vocabularies, sections and organisations come unchanged from BASE_DIR (default data/); municipalities
come from kulturensrige/data/danske-kommuner.csv; every generated text says it is synthetic. The same seed gives
the same files. The folder is validated before it is written, and data/ is never written to.
"""

from __future__ import annotations

import time
from pathlib import Path

from kulturensrige import cli
from kulturensrige.data.folder_writing import destination_problem
from kulturensrige.data.interruption import said
from kulturensrige.data.loading import data_dir
from kulturensrige.data.synthetic import DEFAULT_INITIATIVES, DEFAULT_QUOTES, SHIPPED_DATA, generate


@cli.stops_on_problems("Intet er skrevet: {count} problem(er).")
def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(description="Lav syntetiske data i national skala (kun til benchmark og skalatest).")
    parser.add_argument("--out", required=True, help="datamappen, der skal skrives")  # as typed: Path("") is "."
    parser.add_argument("--quotes", type=cli.whole, default=DEFAULT_QUOTES, help=f"antal citater (standard {DEFAULT_QUOTES})")
    parser.add_argument(
        "--initiatives", type=cli.whole, default=DEFAULT_INITIATIVES, help=f"antal indsatser (standard {DEFAULT_INITIATIVES})"
    )
    parser.add_argument("--seed", type=cli.whole, default=1, help="frø til tilfældighedsgeneratoren (standard 1)")
    parser.add_argument(
        "--data",
        type=cli.input_name("mappen, ordlister og afsnit hentes fra", Path),
        default=None,
        help="mappen, ordlister og afsnit hentes fra (standard data/)",
    )
    parser.add_argument("--overwrite", action="store_true", help="erstat en eksisterende mappe")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    base = data_dir(args.data) if args.data is not None else SHIPPED_DATA
    refused = destination_problem(args.out, folder=True, overwrite=args.overwrite, reading=[base, SHIPPED_DATA])
    if refused is not None:
        return cli.refused(refused)
    try:
        out = generate(
            Path(args.out), quotes=args.quotes, initiatives=args.initiatives, seed=args.seed, base=args.data, overwrite=args.overwrite
        )
    except ValueError as exc:  # a count out of range, or the shipped folder as --out: the arguments' values
        return cli.bad_argument(f"Intet er skrevet: {exc}.")
    said(
        f"Syntetiske data skrevet i {out}: {args.quotes} citater, {args.initiatives} indsatser, frø {args.seed} "
        f"({time.perf_counter() - start:.1f} s)."
    )
    return 0


if __name__ == "__main__":
    cli.run(main)
