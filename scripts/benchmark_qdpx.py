"""Time and memory of the REFI-QDA import at scale: a generated project with N coded passages.

Usage: python scripts/benchmark_qdpx.py [--passages 10000] [--runs 5]

Writes a synthetic project (100 text sources, one case per source with `kommune` and `rolle`, every
passage coded with one to two of the four ingredients, a tenth of them coded twice), then runs
`scripts/import_qdpx.py` on it under `/usr/bin/time -v` and prints the median wall time and peak
memory (maximum resident set size) of the runs. Every text says it is synthetic.
"""

from __future__ import annotations

import os
import random
import re
import statistics
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from kulturensrige import cli
from kulturensrige.data.synthetic import WORDS, check_count, read_municipality_list

ROOT = Path(__file__).resolve().parent.parent

INGREDIENTS = ["Etablering af ”vi”", "Fælles fundamenter", "Leg, mod og læring", "Gnist og flamme"]
SOURCES = 100


def guid(kind: int, n: int) -> str:
    return f"{kind:08x}-0000-4000-8000-{n:012x}"


def project_files(passages: int, seed: int = 1) -> dict[str, bytes]:
    """project.qde and the sources of a synthetic project with `passages` coded passages."""
    rng = random.Random(seed)
    kommuner = read_municipality_list()
    codes = "".join(f'<Code guid="{guid(1, i)}" name={quoteattr(name)} isCodable="true"/>' for i, name in enumerate(INGREDIENTS))
    variables = '<Variable guid="{}" name="kommune" typeOfVariable="Text"/><Variable guid="{}" name="rolle" typeOfVariable="Text"/>'
    cases, sources, files, n = [], [], {}, 0
    per_source = -(-passages // SOURCES)
    for s in range(SOURCES):
        kommune = kommuner[s % len(kommuner)]["name"]
        cases.append(
            f'<Case guid="{guid(2, s)}" name={quoteattr(kommune)}>'
            f'<VariableValue><VariableRef targetGUID="{guid(3, 0)}"/><TextValue>{escape(kommune)}</TextValue></VariableValue>'
            f'<VariableValue><VariableRef targetGUID="{guid(3, 1)}"/><TextValue>Syntetisk rolle {s % 7}</TextValue></VariableValue>'
            f'<SourceRef targetGUID="{guid(4, s)}"/></Case>'
        )
        text, selections = [], []
        offset = 0
        for _ in range(min(per_source, passages - n)):
            n += 1
            sentence = f"Syntetisk passage nr. {n}: " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 60))) + "."
            start = offset + (1 if text else 0)
            text.append(sentence)
            offset = start + len(sentence)
            chosen = rng.sample(range(len(INGREDIENTS)), rng.randint(1, 2))
            for twice in range(2 if rng.random() < 0.1 else 1):
                codings = "".join(
                    f'<Coding guid="{guid(5, n * 10 + twice * 5 + c)}"><CodeRef targetGUID="{guid(1, c)}"/></Coding>' for c in chosen
                )
                position = f'startPosition="{start}" endPosition="{offset}"'
                selections.append(f'<PlainTextSelection guid="{guid(6 + twice, n)}" {position}>{codings}</PlainTextSelection>')
        files[f"sources/{guid(4, s)}.txt"] = "\n".join(text).encode("utf-8")
        path = f"internal://{guid(4, s)}.txt"
        sources.append(
            f'<TextSource guid="{guid(4, s)}" name="Syntetisk kilde {s}" plainTextPath="{path}">{"".join(selections)}</TextSource>'
        )
    files["project.qde"] = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="Syntetisk projekt">'
        f"<CodeBook><Codes>{codes}</Codes></CodeBook><Variables>{variables.format(guid(3, 0), guid(3, 1))}</Variables>"
        f"<Cases>{''.join(cases)}</Cases><Sources>{''.join(sources)}</Sources></Project>"
    ).encode()
    return files


def write_project(path: Path, passages: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in project_files(passages).items():
            archive.writestr(name, content)


def timed_import(project: Path, codes: Path, out: Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak resident memory in MB) of one import, from /usr/bin/time -v.

    CPU time (user + system) is printed beside the wall time: on a shared machine the wall time
    mostly measures the other processes."""
    command = ["/usr/bin/time", "-v", sys.executable, str(ROOT / "scripts" / "import_qdpx.py"), str(project)]
    result = cli.run_command(
        [*command, "--codes", str(codes), "--out", str(out), "--overwrite"], "; intet er målt", capture_output=True, text=True
    )
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    hours, minutes, seconds = (float(g) if g else 0.0 for g in wall.groups())
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", result.stderr).group(1)) for kind in ("User", "System"))
    return hours * 3600 + minutes * 60 + seconds, cpu, peak / 1024


def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(description="Mål tid og hukommelse for REFI-QDA-importen.")
    # Each coded passage becomes a quote: as many as a data folder may hold.
    parser.add_argument("--passages", type=cli.rows(lambda n: check_count("quotes", n)), default=10_000)
    parser.add_argument("--runs", type=cli.runs, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kr-qdpx-") as folder:
        project, codes = Path(folder) / "syntetisk.qdpx", Path(folder) / "koder.csv"
        write_project(project, args.passages)
        codes.write_text((ROOT / "templates" / "koder-eksempel.csv").read_text(encoding="utf-8"), encoding="utf-8")
        runs = [timed_import(project, codes, Path(folder) / "data") for _ in range(args.runs)]
        size = project.stat().st_size / 1024 / 1024
    walls, cpus, peaks = ([r[i] for r in runs] for i in range(3))
    print(f"{args.passages} kodede passager ({size:.1f} MB .qdpx), {args.runs} kørsler:")
    print(f"  tid: median {statistics.median(walls):.2f} s (min {min(walls):.2f}, max {max(walls):.2f})")
    print(f"  CPU-tid (user + system): median {statistics.median(cpus):.2f} s (min {min(cpus):.2f}, max {max(cpus):.2f})")
    print(f"  belastning (load average, 1 min) ved slut: {os.getloadavg()[0]:.1f} på {os.cpu_count()} kerner")
    print(f"  hukommelse (maks. RSS): median {statistics.median(peaks):.0f} MB (min {min(peaks):.0f}, max {max(peaks):.0f})")
    return 0


if __name__ == "__main__":
    cli.run(main)
