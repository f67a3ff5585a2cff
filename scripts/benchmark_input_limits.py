"""Measure what hostile and oversized input costs: every case must import or be refused within 1 GB and 60 s.

Builds the inputs in a work folder (zip bomb, far-away cell, workbooks just under the unpacked-size limit in
several shapes, 50 MB CSV files), runs the real command-line scripts on each under /usr/bin/time -v, and prints
a Markdown section with the median peak memory and wall time of several runs.

Usage: python scripts/benchmark_input_limits.py [--runs 3] [--work /tmp/kr-input-limits] [--write]
With --write the section replaces its own part of BENCHMARKS.md (from its heading to the next); the rest is kept.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from kulturensrige import cli
from kulturensrige.data.csv_reading import MAX_ROWS
from kulturensrige.data.folder_writing import csv_text, destination_problem
from kulturensrige.data.schema import TABLES
from kulturensrige.data.spreadsheet import MAX_UNPACKED_MB
from kulturensrige.data.tether import tethered
from kulturensrige.data.validation import read_folder
from kulturensrige.data.workbook import build_workbook, save_workbook

ROOT = Path(__file__).resolve().parent.parent

PYTHON = sys.executable
HEADING = "## Hostile and oversized input"
MARKER = "BENCHMARK-MARKER"
MB = 2**20


def exported_with_marker(work: Path) -> Path:
    """data/ as a workbook, with a marker in quotes!C2 so the quotes sheet's XML part can be found."""
    raws, _ = read_folder(ROOT / "data")
    book = build_workbook(raws)
    book["quotes"]["C2"].value = MARKER
    path = work / "eksport.xlsx"
    save_workbook(book, path, overwrite=True)
    return path


def repacked(source: Path, out: Path, write_sheet: Callable[[io.BufferedWriter, bytes], None]) -> Path:
    """`source` with the quotes sheet's XML part written by `write_sheet(stream, original_xml)`, streamed."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if MARKER.encode() in data and info.filename.startswith("xl/worksheets/"):
                with zout.open(info.filename, "w", force_zip64=True) as stream:
                    write_sheet(stream, data)
            else:
                zout.writestr(info, data)
    return out


def bomb(gigabytes: int) -> Callable:
    def write(stream, xml: bytes) -> None:
        head, tail = xml.split(b"<sheetData>", 1)
        stream.write(head + b"<sheetData>")
        chunk = b" " * (64 * MB)
        for _ in range(gigabytes * 16):
            stream.write(chunk)
        stream.write(tail)

    return write


def far_away_blank(stream, xml: bytes) -> None:
    blank = b'<row r="1048576"><c r="O1048576" t="inlineStr"><is><t xml:space="preserve"> </t></is></c></row>'
    stream.write(xml.replace(b"</sheetData>", blank + b"</sheetData>"))


def _cell(ref: str, text: str) -> bytes:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


def copied(row: dict[str, str], copy: int) -> dict[str, str]:
    """A quote's copy number `copy` with its own id, position and exchange (copy 0 is the quote itself)."""
    if copy == 0:
        return row
    return {
        **row,
        "quote_id": f"{row['quote_id']}-k{copy}",
        "position": str(int(row["position"]) + 1000 * copy),
        "exchange_id": f"{row['exchange_id']}-k{copy}" if row["exchange_id"] else "",
    }


def valid_quote_rows(limit: int) -> Callable:
    """Copies of data/'s quotes, each with its own id, position and exchange, until the XML is near the limit."""
    rows = list(csv.DictReader(io.StringIO((ROOT / "data" / "quotes.csv").read_text(encoding="utf-8"), newline="")))
    columns = TABLES["quotes"].columns
    letters = [chr(ord("A") + i) for i in range(len(columns))]

    def write(stream, xml: bytes) -> None:
        head = xml.split(b"<sheetData>", 1)[0]
        stream.write(head + b"<sheetData>")
        written = stream.write(b'<row r="1">' + b"".join(_cell(f"{c}1", n) for c, n in zip(letters, columns, strict=True)) + b"</row>")
        number, copy = 2, 0
        while written < limit:
            for row in rows:
                values = copied(row, copy)
                cells = b"".join(_cell(f"{c}{number}", values[n]) for c, n in zip(letters, columns, strict=True) if values[n])
                written += stream.write(f'<row r="{number}">'.encode() + cells + b"</row>")
                number += 1
                if written >= limit:
                    break
            copy += 1
        stream.write(b"</sheetData></worksheet>")

    return write


def blank_rows(limit: int) -> Callable:
    """A million-row sheet of styled but empty cells: what formatting whole columns leaves behind."""

    def write(stream, xml: bytes) -> None:
        head, tail = xml.split(b"</sheetData>", 1)
        written, number = stream.write(head), 1000
        while written < limit and number <= 1_048_576:
            written += stream.write(f'<row r="{number}"><c r="A{number}" s="1"/><c r="B{number}" s="1"/></row>'.encode())
            number += 1
        stream.write(b"</sheetData>" + tail)

    return write


def many_shared_strings(source: Path, out: Path, limit: int) -> Path:
    """A shared-string table of millions of one-letter strings: the part read into memory before any sheet."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" '
                    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            zout.writestr(info, data)
        count = limit // 17
        with zout.open("xl/sharedStrings.xml", "w", force_zip64=True) as stream:
            stream.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            block = b"<si><t>a</t></si>" * 65536
            for _ in range(count // 65536):
                stream.write(block)
            stream.write(b"</sst>")
    return out


def styled(source: Path, out: Path, cell_format: bytes, count: int) -> Path:
    """`source` with `count` copies of `cell_format` among the cell formats of xl/styles.xml, a part openpyxl reads whole."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/styles.xml":
                data = data.replace(b"</cellXfs>", cell_format * count + b"</cellXfs>", 1)
            zout.writestr(info, data)
    return out


# The largest cell format Excel writes, with its alignment and protection; Excel allows 65,490 of them.
EXCEL_CELL_FORMAT = (
    b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1" xfId="0"><alignment vertical="top" '
    b'wrapText="1"/><protection locked="1"/></xf>'
)


def csv_folder(work: Path, name: str, target_mb: int, tiny: bool, rows_wanted: int | None = None) -> Path:
    """data/ with quotes.csv grown to `target_mb` (or `rows_wanted` rows): valid copies, or (tiny) one-letter fields."""
    folder = work / name
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(ROOT / "data", folder)
    columns = TABLES["quotes"].columns
    rows = list(csv.DictReader(io.StringIO((ROOT / "data" / "quotes.csv").read_text(encoding="utf-8"), newline="")))
    out: list[list[str]] = []
    size, copy = 0, 0
    while size < target_mb * MB:
        for row in rows:
            values = ["a"] * len(columns) if tiny else [copied(row, copy)[c] for c in columns]
            out.append(values)
            size += sum(len(v.encode()) + 1 for v in values)
            if size >= target_mb * MB or len(out) == rows_wanted:
                size = target_mb * MB
                break
        copy += 1
    (folder / "quotes.csv").write_text(csv_text(columns, out), encoding="utf-8")
    return folder


def measure(command: list[str], runs: int, out: Path | None = None) -> dict:
    """Median and maximum peak memory and wall time of `runs` runs; `out` is removed before each run."""
    rss, wall, codes, first = [], [], set(), ""
    for _ in range(runs):
        if out is not None:
            shutil.rmtree(out, ignore_errors=True)
        result = subprocess.run(tethered(["/usr/bin/time", "-v", *command]), capture_output=True, text=True, cwd=ROOT)
        stats = result.stderr
        rss.append(int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", stats).group(1)) / 1024)
        h, m, s = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", stats).groups()
        wall.append(int(h or 0) * 3600 + int(m) * 60 + float(s))
        codes.add(int(re.search(r"Exit status: (\d+)", stats).group(1)))
        lines = [line for line in stats.splitlines() if line and not line.startswith("\t") and "Command being timed" not in line]
        first = lines[0] if lines else result.stdout.splitlines()[0]
    return {
        "rss": statistics.median(rss),
        "wall": statistics.median(wall),
        "max_rss": max(rss),
        "max_wall": max(wall),
        "codes": codes,
        "first": first,
    }


def spliced(text: str, section: str) -> str:
    """BENCHMARKS.md with its section (from HEADING to the next heading of its level) replaced by `section`, or with
    `section` added at the end; the sections after it are kept (they were cut off when it was no longer the last)."""
    before, found, after = text.partition(HEADING)
    if not found:
        return f"{text.rstrip()}\n\n{section}"
    following = after.find("\n## ")
    rest = after[following + 1 :] if following >= 0 else ""
    return f"{before.rstrip()}\n\n{section}" + (f"\n{rest}" if rest else "")


def markdown(cases: list, runs: int) -> str:
    """The section for BENCHMARKS.md: how it was measured, the limits, and one row per input."""
    lines = [
        HEADING,
        "",
        "Written by `scripts/benchmark_input_limits.py --write` (not by `scripts/benchmark.py`).",
        "",
        (
            f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; {os.cpu_count()} CPUs shared with other work; "
            f"Python {platform.python_version()}"
        ),
        f"- Each input run {runs} times under `/usr/bin/time -v`; the table gives the median, the slowest run in brackets.",
        (
            f"- Limits: a workbook may unpack to {MAX_UNPACKED_MB} MB (the national-scale export of 10,000 quotes unpacks to 14 MB); "
            f"a table may have {MAX_ROWS:,} rows, 100 columns and 2,000,000 fields; at most 20 lines per column are printed."
        ),
        "- Requirement (issue 14): any input of 50 MB or less is imported or refused within 1 GB of memory and 60 s.",
        "",
        "| Input | Size on disk | Command | Exit | Peak memory (RSS) | Wall time | First line printed |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, path, script, m, extra in cases:
        size = extra if isinstance(extra, int) else path.stat().st_size
        first = m["first"].replace("|", "\\|").replace(str(path.parent) + "/", "")
        if len(first) > 110:
            first = first[:109] + "…"
        lines.append(
            f"| {label} | {size / MB:.1f} MB | `{script}` | {', '.join(map(str, sorted(m['codes'])))} | "
            f"{m['rss']:.0f} MB ({m['max_rss']:.0f}) | {m['wall']:.1f} s ({m['max_wall']:.1f}) | {first} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(description="Mål hukommelse og tid for fjendtlige og meget store inddata.")
    parser.add_argument("--runs", type=cli.runs, default=3)
    parser.add_argument("--work", default="/tmp/kr-input-limits")  # as typed: Path("") is "."
    parser.add_argument("--write", action="store_true", help="skriv afsnittet sidst i BENCHMARKS.md")
    parser.add_argument("--only", default="", help="mål kun de inddata, hvis navn rummer denne tekst")
    args = parser.parse_args(argv)
    # The inputs are written into the work folder, and the commands measured run from the repository: only a new
    # folder or one this command made, named absolutely (sec25d: `--work ""` wrote 20 MB into the working folder, and
    # every command, run from the repository, said its relative input did not exist).
    if (refused := destination_problem(args.work, folder=True, overwrite=True, names={"eksport.xlsx"}, into=True)) is not None:
        return cli.refused(refused)
    work = Path(args.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    base = exported_with_marker(work)
    limit = MAX_UNPACKED_MB * MB - 2 * MB
    inputs = {
        "zip bomb (8 GB of blanks in the quotes sheet)": lambda: repacked(base, work / "bombe.xlsx", bomb(8)),
        "one blank cell in O1048576 of quotes": lambda: repacked(base, work / "fjern-celle.xlsx", far_away_blank),
        f"valid quotes up to {MAX_UNPACKED_MB - 2} MB unpacked": lambda: repacked(
            base, work / "mange-citater.xlsx", valid_quote_rows(limit)
        ),
        f"blank styled rows up to {MAX_UNPACKED_MB - 2} MB unpacked": lambda: repacked(
            base, work / "tomme-raekker.xlsx", blank_rows(limit)
        ),
        f"one-letter shared strings, {MAX_UNPACKED_MB - 2} MB unpacked": lambda: many_shared_strings(
            base, work / "delte-tekster.xlsx", limit
        ),
        "5,000,000 empty cell formats (<xf/>) in xl/styles.xml": lambda: styled(base, work / "typografier.xlsx", b"<xf/>", 5_000_000),
        "65,490 cell formats in xl/styles.xml, Excel's own limit": lambda: styled(
            base, work / "excel-typografier.xlsx", EXCEL_CELL_FORMAT, 65_490
        ),
    }
    cases = []
    for label, make in inputs.items():
        if args.only not in label:
            continue
        path = make()  # only the inputs measured are made: the bomb alone writes 8 GB through the compressor
        out = work / "ud"
        command = [PYTHON, "scripts/import_workbook.py", str(path), "--out", str(out)]
        cases.append((label, path, "import_workbook.py", measure(command, args.runs, out), None))
        shutil.rmtree(out, ignore_errors=True)
    for label, make_folder in {
        "50 MB quotes.csv of valid quotes": lambda: csv_folder(work, "csv-gyldig", 50, tiny=False),
        "50 MB quotes.csv of one-letter fields": lambda: csv_folder(work, "csv-smaa-felter", 50, tiny=True),
        f"quotes.csv at the row limit: {MAX_ROWS:,} valid quotes": lambda: csv_folder(
            work, "csv-graense", 80, tiny=False, rows_wanted=MAX_ROWS
        ),
        f"quotes.csv at the row limit: {MAX_ROWS:,} rows of one-letter fields": lambda: csv_folder(
            work, "csv-graense-smaa", 50, tiny=True, rows_wanted=MAX_ROWS
        ),
    }.items():
        if args.only not in label:
            continue
        folder = make_folder()
        size = sum(p.stat().st_size for p in folder.iterdir())
        cases.append((label, folder, "validate_data.py", measure([PYTHON, "scripts/validate_data.py", str(folder)], args.runs), size))
    section = markdown(cases, args.runs)
    print(section)
    if args.write:
        path = ROOT / "BENCHMARKS.md"
        path.write_text(spliced(path.read_text(encoding="utf-8"), section), encoding="utf-8")
    return 0


if __name__ == "__main__":
    cli.run(main)
