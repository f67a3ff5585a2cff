"""REFI-QDA import and export: quotes from a hand-written project, the round trip, and every bad input.

The project is kept readable in tests/fixtures/qdpx/otte-kommuner/ (project.qde and its sources) and
zipped here; each broken variant changes one thing in a copy of it.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from kulturensrige import load
from kulturensrige.data import refiqda
from kulturensrige.data.csv_reading import read_csv
from kulturensrige.data.problems import DataError
from kulturensrige.data.schema import TABLES, YES
from kulturensrige.edition import editions
from kulturensrige.render import cards, highlight, lists
from kulturensrige.rules import views
from support.builds import build_book
from support.checks import each
from support.scripts import script

REPO = Path(__file__).resolve().parent.parent
export_qdpx = script("export_qdpx")
import_qdpx = script("import_qdpx")
FIXTURES = Path(__file__).parent / "fixtures" / "qdpx"
PROJECT = FIXTURES / "otte-kommuner"
CODES = FIXTURES / "koder.csv"
DOCUMENTS = FIXTURES / "dokumenter.csv"
EXAMPLE_CODES = REPO / "templates" / "koder-eksempel.csv"
INTERVIEW = "sources/5a1d0000-0000-4000-8000-000000000001.txt"
INTERVIEW_TEXT = (PROJECT / INTERVIEW).read_text(encoding="utf-8")


def pack(dest: Path, change: Callable[[dict[str, bytes]], None] | None = None) -> Path:
    """The fixture project as a .qdpx, after `change` has edited its files (path in zip -> bytes)."""
    files = {p.relative_to(PROJECT).as_posix(): p.read_bytes() for p in sorted(PROJECT.rglob("*")) if p.is_file()}
    if change is not None:
        change(files)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return dest


def run_import(project: Path, out: Path, capsys: pytest.CaptureFixture, *extra: str, codes: Path = CODES) -> tuple[int, str, str]:
    code = import_qdpx.main([str(project), "--codes", str(codes), "--out", str(out), *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, refiqda.ImportSummary]:
    folder = tmp_path_factory.mktemp("qdpx")
    out = folder / "otte-kommuner"
    summary = refiqda.import_project(pack(folder / "projekt.qdpx"), CODES, out, documents=DOCUMENTS)
    return out, summary


def test_coded_passages_become_verbatim_quotes_with_mapped_ingredients(imported):
    out, _ = imported
    quotes = load(out).quotes.set_index("text")
    source = (PROJECT / INTERVIEW).read_text(encoding="utf-8")
    sung = "Vi åbnede biblioteket om aftenen, og folk kom for at synge sammen."
    assert source[30:96] == sung  # character offsets, not bytes: 'å' comes before the passage
    # the nested code "Fællessang" by its own name, and the same passage coded twice, merged into one quote
    assert quotes.loc[sung, "ingredient_ids"] == ("etablering-af-vi", "gnist-og-flamme")
    # a code given by its guid (in braces and upper case) in the code map
    assert quotes.loc["Nu tør vi prøve noget nyt hver måned.", "ingredient_ids"] == ("leg-mod-og-laering",)
    assert "Det var svært at finde tid i hverdagen." not in quotes.index  # coded "Barrierer" (skipped) and "Tid" (not in map)
    assert len(quotes) == 5


def test_a_passage_coded_in_a_qda_program_is_tied_to_its_ingredients_by_the_qda_project(imported):
    """A tie coded in the QDA tool is the QDA project's, never the report's: the card and the download say so."""
    from kulturensrige.data.publishing import published_files
    from kulturensrige.render import cards

    out, _ = imported
    data = load(out)
    tied = data.quotes[data.quotes["ingredient_ids"].map(bool)]
    assert set(tied["ingredient_source"]) == set(tied["ingredient_tie"]) == {"qda-projekt"}
    assert "Koblingen til ingredienserne: kodet i QDA-projektet." in cards.quote_card(data, tied.iloc[[0]])
    assert "rapporten bruger" not in cards.ingredient_intro(data, "etablering-af-vi").casefold()
    # The download words the source as the card does (provenance.ingredient_tie; reading 25, finding 5).
    assert ",kodet i QDA-projektet," in published_files(data)["quotes.csv"]


def test_municipality_and_role_come_from_cases_then_from_the_document_list(imported):
    out, _ = imported
    quotes = load(out).quotes.set_index("text")
    odense = quotes.loc["Vi åbnede biblioteket om aftenen, og folk kom for at synge sammen."]
    assert (odense.kommunekode, odense.attribution, odense.speaker_role) == ("461", "stated", "Bibliotekar")  # "Odense Kommune"
    koege = quotes.loc["Vi mødtes på tværs af forvaltningerne for første gang."]  # inline text, IntegerValue 259
    assert (koege.kommunekode, koege.speaker_role, koege.cleared) == ("259", "Sundhedskonsulent", YES)  # SelectionRef case
    field = quotes.loc["Deltagerne grinede, da musikken gik i gang, og stemningen løftede sig."]
    assert (field.kommunekode, field.speaker_role, field.speaker_category) == ("751", "Evaluator", "evaluator")  # DOCS.csv
    loose = quotes.loc["Gruppen blev til et vi over kaffen."]
    assert (loose.kommunekode, loose.attribution, loose.speaker_role) == ("", "not stated", "ikke angivet")


def test_the_summary_counts_what_was_read_made_and_skipped(imported):
    _, summary = imported
    assert summary.sources == 4 and dict(summary.not_text) == {"PDF": 1, "lyd": 1}
    assert (summary.passages, summary.quotes, summary.merged) == (7, 5, 1)
    assert dict(summary.skipped) == {refiqda.SKIP_UNMAPPED: 1, refiqda.SKIP_NOT_TEXT: 1}
    assert summary.unmapped_codes == ["Tid"]
    assert summary.new_municipalities == ["Odense (461)"]
    text = "\n".join(summary.lines())
    assert "Nye kommuner: Odense (461)" in text and "Koder, som kodekortet ikke nævner: Tid" in text


def test_the_eighth_municipality_is_added_from_the_official_list(imported):
    out, _ = imported
    data = load(out)
    odense = data.municipalities.set_index("kommunekode").loc["461"]
    assert (odense["name"], odense["slug"], odense["region"]) == ("Odense", "odense", "Region Syddanmark")
    assert odense["outcome"] == "ikke angivet" and len(data.municipalities) == 8


def test_a_card_says_who_stated_the_municipality_the_analyst_or_the_report(imported, tied_folder: Path):
    out, _ = imported
    data = load(out)
    odense = data.quotes[data.quotes["kommunekode"] == "461"].iloc[[0]]
    card = cards.quote_card(data, odense)
    assert '<strong>Odense</strong> <span class="kr-attribution">(angivet af analytikeren i QDA-projektet)</span>' in card
    assert "rapporten" not in card
    assert editions.quote_item(data, odense, "461")["attribution"] == "angivet af analytikeren i QDA-projektet"
    loose = data.quotes[data.quotes["kommunekode"] == ""].iloc[[0]]
    assert "Kommune: ikke angivet i QDA-projektet" in cards.quote_card(data, loose)
    intro = cards.attribution_intro(data.quotes[data.quotes["kommunekode"] == "461"], "qda-projekt")
    assert intro == "2 citater er knyttet til kommunen, angivet af analytikeren i QDA-projektet."
    report = load(tied_folder)
    untied = report.quotes[(report.quotes["attribution"] == "not stated") & (report.quotes["reference_key"] == "")].iloc[[0]]
    assert "Kommune: ikke angivet i rapporten" in cards.quote_card(report, untied)
    inferred = report.quotes[report.quotes["attribution"] == "inferred"].iloc[[0]]
    assert "(udledt af redaktionen)" in cards.quote_card(report, inferred)


def test_a_lists_headings_credit_the_qda_project_not_the_report(imported):
    out, _ = imported
    data = load(out)
    items = views.quote_items(cards.group_turns(data.quotes))
    bare = next(code for code in data.municipalities["kommunekode"] if code not in set(data.quotes["kommunekode"]))
    view = highlight.list_view(data, items, views.QUOTE, bare, include_inferred=False)
    text = " ".join([view["status"], *(heading for _, heading, _ in view["groups"])])
    assert "QDA-projektet knytter ingen citater i dette afsnit til" in text and "uden kommune angivet i QDA-projektet" in text
    assert "rapporten" not in text.lower()
    assert "QDA-projektet knytter ingen citater til" in str(lists.municipality_ingredients(data, bare))


def test_an_option_value_that_does_not_fit_its_option_is_refused(tmp_path: Path):
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    options = folder / "options.csv"
    options.write_text(options.read_text(encoding="utf-8") + "kommune_angivet_af,til,\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(folder)
    assert [str(p) for p in caught.value.problems] == [
        (
            "data/options.csv, række 4, kolonne value: 'til' — passer ikke til kommune_angivet_af; "
            "tilladt: rapporten, redaktionen, analytiker, qda-projekt"
        )
    ]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils mangler (scripts/install_pdf_tools.sh)")
@pytest.mark.browser  # printed by Chromium
def test_the_imported_eighth_municipality_gets_its_pdf_edition(imported, tmp_path: Path):
    from test_pdf import municipality_pdfs, pdf_text, squeeze

    out, _ = imported
    data = load(out)
    path = municipality_pdfs(out, tmp_path / "pdf", ["461"])["461"]
    assert path.name == "kulturens-rige-odense.pdf"
    text = pdf_text(path, "Kulturens Rige – Odense")
    assert squeeze("Udgaven for Odense") in text and squeeze("Kommunekode461") in text
    odense = data.quotes[data.quotes["kommunekode"] == "461"]
    assert len(odense) == 2
    for quote in odense.itertuples():
        assert squeeze(quote.text) in text
    assert squeeze("Kommune: Odense (angivet af analytikeren i QDA-projektet)") in text
    assert squeeze("(angivet i rapporten)") not in text  # (the report does say nothing of Odense's outcome: "ikke angivet i rapporten")
    assert "Bibliotekar" not in text  # the anonymity rule: the speaker category, not the exact role


def test_export_then_import_gives_back_the_same_quotes_and_attributions(tmp_path: Path, capsys, tied_folder: Path):
    project = tmp_path / "kulturens-rige.qdpx"
    assert export_qdpx.main(["--data", str(tied_folder), "--out", str(project)]) == 0
    code, out, err = run_import(project, tmp_path / "tilbage", capsys, codes=EXAMPLE_CODES)
    assert code == 0, err

    def facts(folder: Path) -> set[tuple]:
        q = load(folder).quotes
        q = q[q["ingredient_ids"].map(bool)]  # a quote is coded by its ingredients; one without any is not a coded passage
        return set(
            zip(
                q["text"], q["ingredient_ids"], q["kommunekode"], q["attribution"], q["attribution_rationale"], q["shown_role"], strict=True
            )
        )

    assert facts(tmp_path / "tilbage") == facts(tied_folder)
    # The example code map does not take the quotes without an ingredient: the summary names each one and why.
    data = load(tied_folder)
    without = data.quotes.loc[~data.quotes["ingredient_ids"].map(bool), "quote_id"]
    assert "Koder, som kodekortet ikke nævner: Citat uden ingrediens" in out
    assert f"Passager sprunget over: {len(without)}" in out
    for quote_id in without:
        assert re.search(rf"  - kilden '[^']+', markering {quote_id} \(tegn \d+–\d+\): {refiqda.SKIP_UNMAPPED}", out), quote_id


def _canonical(path: Path) -> list[list[str]]:
    """The cells as the book reads them: a hand-written file as it stands, a written one without its guard (ADR 80)."""
    raw, problems = read_csv(path, path.name)
    assert raw is not None and not problems, problems
    return [list(raw.frame.columns), *raw.frame.values.tolist()]


def test_the_round_trip_of_data_with_the_exported_code_map_is_lossless(tmp_path: Path, capsys, tied_folder: Path):
    """export_qdpx then import_qdpx with the code map the export wrote gives back data/, cell for cell, apart from
    the one documented difference (the chapter "Data og genkørsel"): the roles the anonymity rule kept out of the
    export come back as the speaker category shown instead, and the captions as the rule shows them (without the
    role), and the summary names those quotes. Who stated the municipalities (options.csv) and the reason an untied
    quote stays untied come back as they were (docs/adr/0053)."""
    project = tmp_path / "kulturens-rige.qdpx"
    assert export_qdpx.main(["--data", str(tied_folder), "--out", str(project)]) == 0
    code, out, err = run_import(project, tmp_path / "tilbage", capsys, codes=tmp_path / "kulturens-rige-koder.csv")
    assert code == 0, err
    back, data = tmp_path / "tilbage", load(tied_folder)
    assert "Passager sprunget over: 0" in out and "Koder, som kodekortet ikke nævner: ingen" in out
    for table in TABLES.values():
        original, returned = _canonical(tied_folder / table.file), _canonical(back / table.file)
        if table.name == "quotes":
            for column, shown_column in (("speaker_role", "shown_role"), ("caption", "shown_caption")):
                at = original[0].index(column)
                shown = dict(zip(data.quotes["quote_id"], data.quotes[shown_column], strict=True))
                original = [row if n == 0 else [*row[:at], shown[row[0]], *row[at + 1 :]] for n, row in enumerate(original)]
        assert returned == original, table.file
    hidden = data.quotes[data.quotes["shown_role"] != data.quotes["speaker_role"]]
    tied = data.quotes[data.quotes["kommunekode"].map(bool) & (data.quotes["cleared"] != YES)]
    assert len(hidden) == len(tied) > 0  # the difference did occur: each tied, uncleared quote's role was held back
    named = [line for line in out.splitlines() if line.startswith("Roller, som anonymitetsreglen holdt ude af eksporten")]
    assert len(named) == 1 and named[0].endswith(": " + ", ".join(sorted(hidden["quote_id"]))), out


def test_the_export_is_a_valid_project_that_the_import_reads_and_is_reproducible(tmp_path: Path):
    first, second = tmp_path / "a.qdpx", tmp_path / "b.qdpx"
    refiqda.export_project(REPO / "data", first)
    refiqda.export_project(REPO / "data", second)
    assert first.read_bytes() == second.read_bytes()
    project = refiqda.read_project(first)
    data = load(REPO / "data")
    assert len(project.passages) == len(data.quotes)  # a quote without an ingredient too, coded "Citat uden ingrediens"
    assert {p.text for p in project.passages} <= set(data.quotes["text"])


def test_an_exported_role_follows_the_anonymity_rule(tmp_path: Path):
    data = load(REPO / "data")
    tied = data.quotes[data.quotes["kommunekode"] != ""]
    assert (tied["shown_role"] != tied["speaker_role"]).all()  # none of the report's tied quotes is cleared
    project = refiqda.read_project(pack_export(tmp_path / "k.qdpx"))
    for q in tied.itertuples():
        roles = {case["rolle"] for case in project.selection_cases[refiqda._uuid("quote", q.quote_id)] if "rolle" in case}
        assert roles == {q.shown_role}, q.quote_id


def pack_export(path: Path) -> Path:
    refiqda.export_project(REPO / "data", path)
    return path


def _replace(name: str, old: bytes, new: bytes) -> Callable[[dict[str, bytes]], None]:
    def change(files: dict[str, bytes]) -> None:
        assert old in files[name]
        files[name] = files[name].replace(old, new, 1)

    return change


def _remove(name: str) -> Callable[[dict[str, bytes]], None]:
    return lambda files: files.pop(name)


def _doctype(declaration: bytes) -> Callable[[dict[str, bytes]], None]:
    return _replace("project.qde", b"<Project ", declaration + b"\n<Project ")


def _named_alike(*selections: bytes) -> Callable[[dict[str, bytes]], None]:
    """The fixture's selections ...0<n> given the same name, one a quote id can be."""

    def change(files: dict[str, bytes]) -> None:
        for number in selections:
            guid = b'guid="5e1e0000-0000-4000-8000-000000000' + number + b'"'
            assert guid in files["project.qde"]
            files["project.qde"] = files["project.qde"].replace(guid, guid + b' name="eget-navn"', 1)

    return change


def _windows_line_breaks(*sources: str) -> Callable[[dict[str, bytes]], None]:
    """The sources converted to CRLF after coding, as an editor or git on Windows does; the positions are left."""

    def change(files: dict[str, bytes]) -> None:
        for name in sources:
            files[name] = files[name].replace(b"\n", b"\r\n")

    return change


def _coded_in_crlf(files: dict[str, bytes]) -> None:
    """Every source written with CRLF, and each position counted in it as REFI-QDA counts (a CRLF as two)."""
    lf = {f"internal://{Path(n).name}": files[n].decode("utf-8") for n in files if n.startswith("sources/")}
    _windows_line_breaks(*(n for n in files if n.startswith("sources/")))(files)
    qde = files["project.qde"].decode("utf-8")
    sources = re.split(r"(<TextSource [^>]*>)", qde)
    for i in range(1, len(sources), 2):
        path = re.search(r'plainTextPath="([^"]*)"', sources[i])
        text = lf.get(path.group(1) if path else "", "")

        def shifted(found: re.Match, text: str = text) -> str:
            return f'{found.group(1)}="{int(found.group(2)) + text.count(chr(10), 0, int(found.group(2)))}"'

        sources[i + 1] = re.sub(r"(startPosition|endPosition)=\"(\d+)\"", shifted, sources[i + 1].split("</TextSource>")[0]) + (
            "</TextSource>" + sources[i + 1].split("</TextSource>", 1)[1] if "</TextSource>" in sources[i + 1] else ""
        )
    files["project.qde"] = "".join(sources).encode("utf-8")


INLINE = "<PlainTextContent>Sundhedskonsulenten fortalte: Vi mødtes på tværs af forvaltningerne for første gang.</PlainTextContent>"
INLINE_QUOTE = "Vi mødtes på tværs af forvaltningerne for første gang."


def _inline_crlf(counted_as: str) -> Callable[[dict[str, bytes]], None]:
    """The inline text of 'Interview, sundhedskonsulent' with two Windows line breaks typed into project.qde before its
    passage and a sentence after it, whose positions count a CRLF as two characters (REFI-QDA's count, 'to-tegn') or as one ('et-tegn')."""
    before = len("Sundhedskonsulenten fortalte:") + (4 if counted_as == "to-tegn" else 2)
    crlf = INLINE.replace("fortalte: Vi", "fortalte:\r\n\r\nVi").replace("gang.", "gang. Og det blev ved.").encode()
    positions = f'startPosition="{before}" endPosition="{before + len(INLINE_QUOTE)}"'.encode()
    return lambda files: (
        _replace("project.qde", INLINE.encode(), crlf)(files),
        _replace("project.qde", b'startPosition="30" endPosition="84"', positions)(files),
    )


BOMB = (
    b'<!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
)
EXTERNAL = b'<!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
DUPLICATE = b'<Code guid="c0de0000-0000-4000-8000-000000000006" name="Tid"'
# Named as what is refused, not as damage (issue 25): the DOCTYPE stops the parser before any entity is declared.
SECURITY = "project.qde — indeholder en DTD-erklæring (<!DOCTYPE Project>), som ikke er tilladt: et REFI-QDA-projekt har ingen"

BAD_PROJECTS = {
    "no_project_file": (_remove("project.qde"), "har ingen project.qde"),
    "dtd": (_doctype(b"<!DOCTYPE Project>"), SECURITY),
    "entity_bomb": (_doctype(BOMB), SECURITY),
    "external_entity": (_doctype(EXTERNAL), SECURITY),
    "wrong_namespace": (_replace("project.qde", b'xmlns="urn:QDA-XML:project:1.0"', b'xmlns="urn:QDA-XML:codebook:1.0"'), "navnerummet"),
    "source_missing": (_remove(INTERVIEW), "mangler i zip-filen"),
    "start_after_end": (
        _replace("project.qde", b'startPosition="137" endPosition="174"', b'startPosition="174" endPosition="137"'),
        "mindre end endPosition",
    ),
    "not_utf8": (_replace(INTERVIEW, "åbnede".encode(), "åbnede".encode("cp1252")), "er ikke UTF-8"),
    # Hostile round 13, #15: a NUL in a passage was said to make "the file" binary, "not CSV text"; one outside the
    # passages, or a second byte order mark, was taken as a character, and every later passage lost its last one.
    "nul_in_a_passage": (
        _replace(INTERVIEW, "åbnede".encode(), "åb\0nede".encode()),
        f"tekstfilen {INTERVIEW} har NUL-tegnet (U+0000) ved tegn 35, som ingen ren tekst har (er filen gemt som UTF-16?)",
    ),
    "nul_before_the_passages": (
        lambda files: files.__setitem__(INTERVIEW, b"\0" + files[INTERVIEW]),
        f"tekstfilen {INTERVIEW} har NUL-tegnet (U+0000) ved tegn 0",
    ),
    "two_byte_order_marks": (
        lambda files: files.__setitem__(INTERVIEW, b"\xef\xbb\xbf\xef\xbb\xbf" + files[INTERVIEW]),
        (
            f"tekstfilen {INTERVIEW}: filen begynder med to byte order marks (U+FEFF U+FEFF); kun ét er tilladt, da det "
            "andet ville blive læst som tekst, og hver markering ville flytte ét tegn; gem filen igen som UTF-8"
        ),
    ),
    "duplicate_guid": (_replace("project.qde", DUPLICATE, DUPLICATE.replace(b"006", b"005")), "skal være entydig"),
    # Two selections sharing a guid are named by their places, not twice by their kind (hostile round s24, H6).
    "two_selections_share_a_guid": (
        _replace("project.qde", b'guid="5e1e0000-0000-4000-8000-000000000013"', b'guid="5e1e0000-0000-4000-8000-000000000012"'),
        "bruges af både PlainTextSelection (tegn 30–96) og PlainTextSelection (tegn 97–136)",
    ),
    "unknown_municipality": (
        _replace("project.qde", b"<TextValue>Odense Kommune</TextValue>", b"<TextValue>Atlantis</TextValue>"),
        "ukendt kommune",
    ),
    "broken_xml": (_replace("project.qde", b"</Project>", b"</Projekt>"), "ikke gyldig XML"),
    # Hostile round 10, #12: a selection renamed to another's name took that quote's id (and could give it its text).
    "two_selections_one_id": (_named_alike(b"014", b"021"), "2 markeringer hedder 'eget-navn'"),
    # Hostile round 12, #5: a selection named as the id another gets from its guid took it, and the duplicate id was
    # said of the other passage only.
    "a_name_that_is_anothers_generated_id": (
        _replace(
            "project.qde",
            b'guid="5e1e0000-0000-4000-8000-000000000014"',
            b'guid="5e1e0000-0000-4000-8000-000000000014" name="qda-5e1e0000-0000-4000-8000-000000000021"',
        ),
        (
            "markeringen (kilden 'Interview, bibliotekar', tegn 137–174, guid 5e1e0000-0000-4000-8000-000000000014) hedder "
            "'qda-5e1e0000-0000-4000-8000-000000000021', som er det id, markeringen (kilden"
        ),
    ),
    # ... and a source converted to Windows line breaks after coding shifted every passage after the first break.
    "windows_line_breaks_undecided": (_windows_line_breaks(INTERVIEW), "kilden har Windows-linjeskift (CRLF)"),
    # Hostile round 16, #4: an XML parser reads a CRLF typed into an inline text as one line feed, so positions counted
    # as stored cut the quote two characters on ("sang sammen hver torsdag. O"), and the import said it was valid.
    "inline_text_with_windows_line_breaks": (
        _inline_crlf("to-tegn"),
        (
            "projekt.qdpx: kilden 'Interview, sundhedskonsulent' — 1 markering (fx 5e1e0000-0000-4000-8000-000000000021, tegn "
            "33–87): kilden har Windows-linjeskift (CRLF), og positionerne giver en anden tekst"
        ),
    ),
    # Hostile round 16, #6: a selection without a guid, or with more after it, was read, and the case that names it
    # (here the one that clears it) no longer matched, without a word; positions went through int(), which takes a
    # sign, blank space, underscores and digits of other scripts.
    "selection_without_a_guid": (
        _replace("project.qde", b'PlainTextSelection guid="5e1e0000-0000-4000-8000-000000000021" ', b"PlainTextSelection "),
        "PlainTextSelection (tegn 30–84) har ingen guid; REFI-QDA kræver en GUID som 5a1d0000-0000-4000-8000-000000000001",
    ),
    "selection_guid_with_more_after_it": (
        _replace("project.qde", b'guid="5e1e0000-0000-4000-8000-000000000021"', b'guid="5e1e0000-0000-4000-8000-000000000021 x"'),
        "'5e1e0000-0000-4000-8000-000000000021 x' — PlainTextSelection (tegn 30–84) har en guid, der ikke er en GUID",
    ),
    "position_with_a_plus_sign": (
        _replace("project.qde", b'startPosition="137" endPosition="174"', b'startPosition="+137" endPosition="174"'),
        (
            "'+137–174' — markering 5e1e0000-0000-4000-8000-000000000014: startPosition og endPosition skal være hele tal "
            "skrevet med cifrene 0-9, uden fortegn, mellemrum og understregning"
        ),
    ),
    "position_with_blanks_and_an_underscore": (
        _replace("project.qde", b'startPosition="137" endPosition="174"', b'startPosition="137" endPosition=" 17_4 "'),
        "'137– 17_4 ' — markering 5e1e0000-0000-4000-8000-000000000014: startPosition og endPosition skal være hele tal",
    ),
    "position_in_arabic_indic_digits": (
        _replace("project.qde", b'startPosition="137" endPosition="174"', 'startPosition="١٣٧" endPosition="١٧٤"'.encode()),
        "'١٣٧–١٧٤' — markering 5e1e0000-0000-4000-8000-000000000014: startPosition og endPosition skal være hele tal",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_PROJECTS))
def test_a_bad_project_gets_one_clear_line_and_writes_nothing(case: str, tmp_path: Path, capsys):
    change, expected = BAD_PROJECTS[case]
    out = tmp_path / "ud"
    code, stdout, err = run_import(pack(tmp_path / "projekt.qdpx", change), out, capsys)
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 2 and expected in lines[0], err
    assert "Traceback" not in err and not out.exists() and stdout == ""
    assert list(tmp_path.iterdir()) == [tmp_path / "projekt.qdpx"]  # no staging folder left behind


def test_a_passage_outside_its_text_is_refused_in_one_line_naming_it_and_nothing_is_written(tmp_path: Path, capsys):
    """Hostile review s23, F2: a selection past the end of its text was skipped with exit 0, and `import_qdpx … &&
    make book` published a book one quote short. Each such passage is one line (source, selection, offsets, the
    text's length, what is allowed), exit status 2, nothing written."""
    outside = _replace("project.qde", b'startPosition="137" endPosition="174"', b'startPosition="137" endPosition="999"')
    out = tmp_path / "ud"
    code, stdout, err = run_import(pack(tmp_path / "projekt.qdpx", outside), out, capsys, "--documents", str(DOCUMENTS))
    lines = err.splitlines()
    assert code == 2 and len(lines) == 1, err
    assert "kilden 'Interview, bibliotekar'" in lines[0] and "5e1e0000-0000-4000-8000-000000000014" in lines[0]
    assert "tegn 137–999, men teksten har" in lines[0] and "endPosition højst" in lines[0]
    assert "Traceback" not in err and stdout == "" and not out.exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "projekt.qdpx"]


def test_an_export_whose_sources_were_converted_to_windows_line_breaks_imports_its_quotes_unshifted(tmp_path: Path, capsys):
    """The export stores a digest of each quote's text, so a source converted to CRLF after it (hostile round 10, #12:
    29 of 38 quotes came back shifted, without a word) is read with a line break counted as one, as it was written."""
    project = tmp_path / "kulturens-rige.qdpx"
    assert export_qdpx.main(["--data", str(REPO / "data"), "--out", str(project), "--codes", str(tmp_path / "koder.csv")]) == 0
    with zipfile.ZipFile(project) as archive:
        files = {info.filename: archive.read(info) for info in archive.infolist()}
    _windows_line_breaks(*(n for n in files if n.startswith("sources/")))(files)
    with zipfile.ZipFile(project, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    code, out, err = run_import(project, tmp_path / "tilbage", capsys, codes=tmp_path / "koder.csv")
    assert code == 0, err
    texts = dict(zip(load(REPO / "data").quotes["quote_id"], load(REPO / "data").quotes["text"], strict=True))
    assert dict(zip(load(tmp_path / "tilbage").quotes["quote_id"], load(tmp_path / "tilbage").quotes["text"], strict=True)) == texts
    assert "Passager læst med et Windows-linjeskift talt som ét tegn" in out


def test_an_export_whose_source_was_edited_in_front_of_its_passages_says_so_in_one_line(tmp_path: Path, capsys):
    """Hostile round 12, #6: words typed at the top of an exported source (no CRLF) shifted every passage after them,
    and the import said nothing, though the export's digest of each quote's text no longer matched. The quotes are
    read as the positions give them (a passage re-coded in the QDA program has a stale digest too), and each such
    source gets one line saying how many passages differ, the first, and what to do."""
    project = tmp_path / "kulturens-rige.qdpx"
    assert export_qdpx.main(["--data", str(REPO / "data"), "--out", str(project), "--codes", str(tmp_path / "koder.csv")]) == 0
    with zipfile.ZipFile(project) as archive:
        files = {info.filename: archive.read(info) for info in archive.infolist()}
    qde = files["project.qde"].decode("utf-8")
    edited = next(n for n in sorted(files) if n.startswith("sources/") and f"internal://{Path(n).name}" in qde)
    files[edited] = "Tilføjet bagefter. ".encode() + files[edited]
    with zipfile.ZipFile(project, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    code, out, err = run_import(project, tmp_path / "tilbage", capsys, codes=tmp_path / "koder.csv")
    assert code == 0 and "Traceback" not in err, err
    changed = [line for line in err.splitlines() if "giver en anden tekst end den, projektet blev eksporteret med" in line]
    assert len(changed) == 1 and changed[0].startswith("kulturens-rige.qdpx: kilden "), err
    assert "er kilden ændret foran dem, er citaterne forskudt: se dem efter, og ret markeringerne i QDA-programmet" in changed[0]
    assert re.search(r"— \d+ markering(er)? \(fx [a-z0-9-]+, tegn \d+–\d+\) giver", changed[0]), changed[0]


@pytest.mark.parametrize(("change", "reading"), [(_windows_line_breaks(INTERVIEW), "et-tegn"), (_coded_in_crlf, "to-tegn")])
def test_windows_line_breaks_are_counted_as_the_analyst_says_and_the_quotes_keep_one_line_feed(change, reading, tmp_path: Path, capsys):
    """Without the export's digest nothing in the file says how its positions count a CRLF: --linjeskift does, for a
    source converted after coding (et-tegn) as for one a Windows tool coded as stored (to-tegn, REFI-QDA's count)."""
    plain = tmp_path / "lf"
    assert run_import(pack(tmp_path / "lf.qdpx"), plain, capsys, "--documents", str(DOCUMENTS))[0] == 0
    code, _, err = run_import(
        pack(tmp_path / "crlf.qdpx", change), tmp_path / "crlf", capsys, "--documents", str(DOCUMENTS), "--linjeskift", reading
    )
    assert code == 0, err
    assert sorted(load(tmp_path / "crlf").quotes["text"]) == sorted(load(plain).quotes["text"])


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path, capsys):
    project = tmp_path / "projekt.qdpx"
    project.write_text("<Project/>", encoding="utf-8")
    code, _, err = run_import(project, tmp_path / "ud", capsys)
    assert code == 1 and "ikke en zip-fil" in err.splitlines()[0] and not (tmp_path / "ud").exists()


def test_a_zip_that_expands_beyond_the_limit_is_refused(tmp_path: Path, capsys):
    project = pack(tmp_path / "projekt.qdpx")
    with zipfile.ZipFile(project, "a", zipfile.ZIP_DEFLATED) as archive, archive.open("sources/stor.txt", "w", force_zip64=True) as stream:
        chunk = b"\0" * (1 << 20)
        for _ in range(refiqda.MAX_EXPANDED_BYTES // len(chunk) + 1):
            stream.write(chunk)
    assert project.stat().st_size < 2 * 1024 * 1024
    code, _, err = run_import(project, tmp_path / "ud", capsys)
    assert code == 1 and "grænsen er 200 MB" in err.splitlines()[0] and not (tmp_path / "ud").exists()


def test_a_bad_code_map_names_row_column_and_allowed_values(tmp_path: Path, capsys):
    codes = tmp_path / "koder.csv"
    codes.write_text("code,ingredient_id\nFællessang,faellesskab\n", encoding="utf-8")
    code, _, err = run_import(pack(tmp_path / "projekt.qdpx"), tmp_path / "ud", capsys, codes=codes)
    assert code == 1 and err.splitlines()[0].startswith("koder.csv, række 2, kolonne ingredient_id: 'faellesskab' — ukendt ingrediens")


def test_an_existing_folder_is_replaced_only_with_overwrite(tmp_path: Path, capsys):
    out = tmp_path / "ud"
    out.mkdir()
    project = pack(tmp_path / "projekt.qdpx")
    code, _, err = run_import(project, out, capsys)
    assert code == 2 and "findes allerede" in err and list(out.iterdir()) == []
    code, stdout, _ = run_import(project, out, capsys, "--overwrite", "--documents", str(DOCUMENTS))
    assert code == 0 and "Nye kommuner: Odense (461)" in stdout


def test_the_example_code_map_names_the_four_ingredients():
    with EXAMPLE_CODES.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    data = load(REPO / "data")
    mapped = {r["code"]: r["ingredient_id"] for r in rows if r["ingredient_id"]}
    assert set(mapped.values()) == set(data.ingredients["ingredient_id"])
    assert set(mapped) == set(data.ingredients["name"])  # the export's code names, so the round trip needs nothing else


def test_the_scripts_run_from_the_command_line(tmp_path: Path):
    project = tmp_path / "k.qdpx"
    export = subprocess.run([sys.executable, "scripts/export_qdpx.py", "--out", str(project)], cwd=REPO, capture_output=True, text=True)
    assert export.returncode == 0, export.stderr
    result = subprocess.run(
        [sys.executable, "scripts/import_qdpx.py", str(project), "--codes", str(EXAMPLE_CODES), "--out", str(tmp_path / "d")],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and "Citater dannet: 30" in result.stdout, result.stderr
    assert list(csv.reader(io.StringIO((tmp_path / "d" / "quotes.csv").read_text(encoding="utf-8"))))[0][-1] == "cleared"


@pytest.mark.long
@pytest.mark.build
def test_the_imported_eighth_municipality_reaches_the_book(imported, tmp_path_factory: pytest.TempPathFactory):
    out, _ = imported
    site = build_book(out, tmp_path_factory.mktemp("site-qdpx"))
    data = load(out)
    profile = (site / "kommuner" / "profil-odense.html").read_text(encoding="utf-8")
    assert "Odense" in profile
    for q in data.quotes[data.quotes["kommunekode"] == "461"].itertuples():
        assert html.escape(q.text, quote=False) in profile
    assert "(angivet af analytikeren i QDA-projektet)" in profile and "(angivet i rapporten)" not in profile
    # the anonymity rule: Odense's quotes show their category, not "Bibliotekar"; Køge's cleared quote shows its role
    assert "Bibliotekar" not in profile
    koege = (site / "kommuner" / "profil-koege.html").read_text(encoding="utf-8")
    assert "Sundhedskonsulent" in koege and html.escape("Vi mødtes på tværs af forvaltningerne", quote=False) in koege
    chapter = (site / "om-data" / "genkoersel.html").read_text(encoding="utf-8")
    assert "Anonymitet: rolle og kommune sammen" in chapter and "koder-eksempel.csv" in chapter


def test_the_data_chapter_names_the_real_tool_fixture_and_the_skip_rule():
    notebook = json.loads((REPO / "book" / "om-data" / "genkoersel.ipynb").read_text(encoding="utf-8"))
    cell = next("".join(c["source"]) for c in notebook["cells"] if c.get("id") == "qda-arbejdsgang")
    for folder in re.findall(r"`(tests/fixtures/qdpx/[^`]+)`", cell):
        assert (REPO / folder).is_dir(), folder
    assert "`tests/fixtures/qdpx/exegete/`" in cell and "Exegete 0.15.1a1" in (FIXTURES / "README.md").read_text(encoding="utf-8")
    assert "position ligger uden for kildens tekst" in cell and "slutter før den begynder" in cell


def test_the_data_chapter_shows_the_shipped_example_code_map():
    notebook = json.loads((REPO / "book" / "om-data" / "genkoersel.ipynb").read_text(encoding="utf-8"))
    cell = next("".join(c["source"]) for c in notebook["cells"] if c.get("id") == "qda-arbejdsgang")
    shown = re.search(r"```text\n(.*?)\n *```", cell, re.S).group(1)
    assert [line.strip() for line in shown.splitlines()] == EXAMPLE_CODES.read_text(encoding="utf-8").splitlines()


def test_the_export_names_no_role_the_anonymity_rule_holds_back(tmp_path: Path, tied_folder: Path):
    """A tied quote's printed caption ("... fortalt af <rolle>", or the role alone) went into the export's stored
    cells, so the project named the role beside the municipality."""
    project = tmp_path / "kulturens-rige.qdpx"
    refiqda.export_project(tied_folder, project)
    with zipfile.ZipFile(project) as z:
        qde = z.read("project.qde").decode("utf-8")
    data = load(tied_folder)
    held_back = data.quotes[data.quotes["shown_role"] != data.quotes["speaker_role"]]
    assert len(held_back)
    for q in each(held_back.itertuples()):
        if q.speaker_role not in set(data.quotes.loc[data.quotes["quote_id"] != q.quote_id, "shown_role"]):  # not another's
            assert q.speaker_role not in qde, q.quote_id


def test_a_problem_in_an_imported_passage_names_its_source_and_selection_not_a_csv_row(tmp_path, capsys):
    """A control character in a coded passage was reported as 'ud/quotes.csv, række 10', a file never written."""
    sung = "aftenen, og folk kom for at synge"
    change = _replace(INTERVIEW, sung.encode(), sung.replace(",", "\x0b").encode())  # same length: offsets hold
    code, _, err = run_import(pack(tmp_path / "projekt.qdpx", change), tmp_path / "ud", capsys)
    assert code == 1 and "Traceback" not in err, err
    first = err.splitlines()[0]
    assert first.startswith("projekt.qdpx, kilden 'Interview, bibliotekar', markering ") and "(tegn 30–96)" in first, first
    assert "quotes.csv" not in err and "\x0b" not in err
    assert not (tmp_path / "ud").exists()


def test_a_selections_name_is_printed_as_one_line_without_its_control_or_direction_characters():
    """A name 'q001\\nDatamappen … er gyldig.\\u202e…' printed a forged success line in the import's summary."""
    from kulturensrige.data.refiqda import Passage, Project, _passage_place

    project = Project(source_names={"s": "Baggrund"})
    forged = "q001\nDatamappen /tmp/x er skrevet og er gyldig.\u202ekcah"
    place = _passage_place(project, Passage("g", forged, "s", 0, 9, "tekst", ()))
    assert "\n" not in place and "\u202e" not in place and "q001\\nDatamappen" in place, place


def _exported(tmp_path: Path, change) -> Path:
    """data/ exported as a project, its project.qde changed by `change`, and packed again."""
    project = tmp_path / "kulturens-rige.qdpx"
    assert export_qdpx.main(["--data", str(REPO / "data"), "--out", str(project), "--codes", str(tmp_path / "koder.csv")]) == 0
    with zipfile.ZipFile(project) as archive:
        files = {info.filename: archive.read(info) for info in archive.infolist()}
    qde = files["project.qde"].decode("utf-8")
    files["project.qde"] = change(qde).encode("utf-8")
    assert files["project.qde"] != qde.encode("utf-8"), "the change found nothing to change"
    with zipfile.ZipFile(project, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return project


def test_a_digest_written_in_capitals_is_the_same_digest_and_warns_of_nothing(tmp_path: Path, capsys):
    """Hostile round 13, #10: the export's text digest in upper-case hex gave the warning that the text had changed."""
    project = _exported(tmp_path, lambda qde: re.sub(r'("text_sha256": ")([0-9a-f]{64})', lambda m: m[1] + m[2].upper(), qde))
    code, _, err = run_import(project, tmp_path / "tilbage", capsys, codes=tmp_path / "koder.csv")
    assert code == 0 and "giver en anden tekst" not in err, err


def test_a_description_nested_too_deep_to_read_is_refused_in_one_line_not_a_traceback(tmp_path: Path, capsys):
    """Hostile round 13, #1: a description 'kulturensrige:[[[…' 200,000 deep ended in a RecursionError traceback. It is
    no JSON object the export wrote, so it is refused, as any other unreadable description behind the marker."""
    deep = "[" * 200_000 + "]" * 200_000
    project = _exported(
        tmp_path,
        lambda qde: re.sub(
            r"<Description>kulturensrige:[^<]*</Description>", f"<Description>kulturensrige:{deep}</Description>", qde, count=1
        ),
    )
    code, _, err = run_import(project, tmp_path / "tilbage", capsys, codes=tmp_path / "koder.csv")
    assert "Traceback" not in err and "RecursionError" not in err, err[-500:]
    assert code == 1 and "men resten er ikke et JSON-objekt" in err.splitlines()[0], err[:500]


def test_a_field_stored_twice_in_a_description_is_refused_naming_the_field_and_both_values(tmp_path: Path, capsys):
    """Hostile round 19, #4: '{"caption": "WHO 2022", "caption": "<script>…"}' silently took the last caption."""
    project = _exported(tmp_path, lambda qde: qde.replace('kulturensrige:{"', 'kulturensrige:{"caption": "WHO 2022", "', 1))
    code, _, err = run_import(project, tmp_path / "tilbage", capsys, codes=tmp_path / "koder.csv")
    assert code == 1, err
    [line] = [line for line in err.splitlines() if "feltet caption" in line]
    assert line.endswith("står mere end én gang i beskrivelsen, så det er uklart, hvilken værdi der gælder; behold kun én"), line
    assert '\'"WHO 2022" / ' in line, line
    assert not (tmp_path / "tilbage").exists()


def test_each_field_a_description_holds_that_the_export_never_writes_is_refused_in_a_line_naming_it(tmp_path: Path, capsys):
    """Hostile round 19, #4: "cleared", "kommunekode" and "text" in a selection's description were dropped without a
    word, though whoever wrote them meant them to change the quote. One line each, saying which fields are read."""
    extra = '"cleared": "ja", "kommunekode": "259", "text": "FORFALSKET", '
    project = _exported(tmp_path, lambda qde: qde.replace('kulturensrige:{"', "kulturensrige:{" + extra + '"', 1))
    code, _, err = run_import(project, tmp_path / "tilbage", capsys, codes=tmp_path / "koder.csv")
    assert code == 1, err
    lines = err.splitlines()[:-1]
    assert [re.search(r"feltet (\w+):", line)[1] for line in lines] == ["cleared", "kommunekode", "text"], err
    for line in each(lines):
        assert "er ikke et af de felter, eksporten skriver her (position, caption, kind," in line, line
    assert not (tmp_path / "tilbage").exists()


@pytest.mark.parametrize(("value", "kind"), [("42", "et tal"), ('["a", "b"]', "en liste"), ("null", "null"), ("true", "en sandhedsværdi")])
def test_a_stored_field_that_is_not_text_is_refused_naming_selection_field_and_value(tmp_path: Path, capsys, value: str, kind: str):
    """Hostile round 15: a caption stored as a number or a list in the selection's kulturensrige: JSON was dropped
    without a word, and the quote lost its caption. It is one line (file, source, selection, field, value, what is
    allowed), and nothing is written."""
    project = _exported(tmp_path, lambda qde: re.sub(r'"caption": "[^"]*"', f'"caption": {value}', qde, count=1))
    out = tmp_path / "tilbage"
    code, _, err = run_import(project, out, capsys, codes=tmp_path / "koder.csv")
    first, *rest = err.splitlines()
    assert code == 1 and len(rest) == 1 and not out.exists(), err
    assert re.fullmatch(
        rf"kulturens-rige\.qdpx: kilden '[^']+', markering [0-9a-f-]+, feltet caption: '{re.escape(value)}' — skal være tekst i "
        rf"anførselstegn \(en JSON-streng\), ikke {kind}; skriv værdien i anførselstegn",
        first,
    ), first


def test_a_codes_file_larger_than_a_data_folder_is_refused_in_one_line_without_reading_it_whole(tmp_path: Path, capsys):
    """Hostile round 13, #3: --codes and --documents were read whole: a 5 GB file ended in a MemoryError traceback."""
    codes = tmp_path / "koder.csv"
    with codes.open("wb") as f:
        f.truncate(5_000_000_000)  # sparse: no disk used
    code, _, err = run_import(pack(tmp_path / "p.qdpx"), tmp_path / "ud", capsys, codes=codes)
    assert code != 0 and "Traceback" not in err, err
    assert err.splitlines()[0] == "koder.csv — filen fylder over 7,7 MB, mere end en datamappe må", err


def test_a_code_map_naming_no_code_of_the_project_gets_lines_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture):
    """Hostile round 15, #4: a code map whose codes match nothing in the project (a typo), or one with its header
    only, ended in KeyError: 'quote_id' while the problems were being named by their passages."""
    codes = tmp_path / "koder.csv"
    codes.write_text("code,ingredient_id\nFindes ikke,etablering-af-vi\n", encoding="utf-8")
    out = tmp_path / "ud"
    code, stdout, stderr = run_import(pack(tmp_path / "p.qdpx"), out, capsys, codes=codes)
    assert code != 0 and "Traceback" not in stdout + stderr and stderr.strip(), stderr
    assert not out.exists()


@pytest.mark.parametrize("flag", ["--codes", "--documents"])
def test_a_code_map_or_document_list_that_is_a_folder_is_said_to_be_one(flag: str, tmp_path: Path, capsys: pytest.CaptureFixture):
    """Hostile round 15, #12: `--codes nb`, an existing folder, was answered 'kodekortet findes ikke'."""
    folder = tmp_path / "nb"
    folder.mkdir()
    extra = ("--documents", str(folder)) if flag == "--documents" else ()
    codes = folder if flag == "--codes" else CODES
    code, stdout, stderr = run_import(pack(tmp_path / "p.qdpx"), tmp_path / "ud", capsys, *extra, codes=codes)
    assert code != 0 and "mappe" in stderr and "findes ikke" not in stderr, stderr


def test_a_text_source_named_with_a_windows_separator_is_read(tmp_path: Path, capsys: pytest.CaptureFixture):
    """Hostile round 15, #3: a plainTextPath 'internal://sub\\<guid>.txt' found its member (sources/sub/<guid>.txt)
    and then ended in a KeyError traceback, as reading did not turn the '\\' into '/' as finding did."""
    guid = INTERVIEW.removeprefix("sources/").removesuffix(".txt")

    def in_a_subfolder(files: dict[str, bytes]) -> None:
        files[f"sources/sub/{guid}.txt"] = files.pop(INTERVIEW)
        files["project.qde"] = files["project.qde"].replace(f"internal://{guid}.txt".encode(), f"internal://sub\\{guid}.txt".encode())

    code, stdout, stderr = run_import(pack(tmp_path / "p.qdpx", in_a_subfolder), tmp_path / "ud", capsys)
    assert code == 0 and "Traceback" not in stdout + stderr, stderr


@pytest.mark.parametrize(
    "path",
    [
        "file:///etc/passwd",
        "absolute:///etc/hostname",
        "/etc/passwd",
        "C:\\Projekter\\ekstern.txt",
        "relative://../ekstern.txt",
        "internal://../../etc/passwd",
        "internal:///etc/passwd",
    ],
)
def test_a_text_source_that_points_outside_the_project_is_refused_in_one_line_and_nothing_is_written(
    path: str, tmp_path: Path, capsys: pytest.CaptureFixture
):
    """Hostile review 18, #3: a source at file:///etc/passwd was skipped and counted, exit 0, and the data written
    without one of the project's quotes. A path outside the project asks the importer to read its own disk: refused."""
    guid = INTERVIEW.removeprefix("sources/").removesuffix(".txt")
    outside = _replace("project.qde", f'plainTextPath="internal://{guid}.txt"'.encode(), f'plainTextPath="{html.escape(path)}"'.encode())
    code, stdout, stderr = run_import(pack(tmp_path / "p.qdpx", outside), tmp_path / "ud", capsys)
    assert (code, stdout) == (2, ""), stderr
    assert stderr.splitlines() == [f"p.qdpx: kilden 'Interview, bibliotekar', plainTextPath: {path!r} — {refiqda.OUTSIDE_THE_PROJECT}"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.qdpx"]


def _coded(source: str, spans: list[tuple[int, int]], code: str, first: int = 1000) -> Callable[[dict[str, bytes]], None]:
    """Selections of the fixture's interview at `spans`, coded with `code` (a guid's last digits), each with a guid of its own."""

    def change(files: dict[str, bytes]) -> None:
        selections = "".join(
            f'<PlainTextSelection guid="5e1e0000-0000-4000-8000-{first + n:012d}" startPosition="{start}" endPosition="{end}">'
            f'<Coding guid="c0d10000-0000-4000-8000-{first + n:012d}"><CodeRef targetGUID="c0de0000-0000-4000-8000-{code}"/></Coding>'
            "</PlainTextSelection>"
            for n, (start, end) in enumerate(spans)
        )
        anchor = b'<PlainTextSelection guid="5e1e0000-0000-4000-8000-000000000014"'
        files["project.qde"] = files["project.qde"].replace(anchor, selections.encode() + anchor, 1)
        files[INTERVIEW] = source.encode()

    return change


def _long_source(size: int) -> str:
    """The fixture's interview, and words after it to `size` characters."""
    return (INTERVIEW_TEXT + "Vi sang sammen hver torsdag. " * (size // 29 + 1))[:size]


def test_selections_longer_than_a_quote_are_refused_in_one_line_before_their_text_is_cut(tmp_path: Path):
    """Hostile round 16, #2: 400 overlapping selections of a 30 MB source each cut up to 30 MB (12 GB in all) before the
    folder's limit was checked, and the import ended in a MemoryError. Under a 1.5 GB address-space limit they are now
    refused in one line; a selection coded with a code the code map ties to nothing (a whole transcript coded by
    case) is never cut, and is not among them."""
    size = 30_000_000
    text = _long_source(size)
    change = _coded(text, [(i, size) for i in range(400)], "000000000003")
    whole = _coded(text, [(0, size)], "000000000005", first=2000)  # Barrierer: tied to no ingredient
    project = pack(tmp_path / "stor.qdpx", lambda files: (change(files), whole(files)))
    assert project.stat().st_size < 1_000_000
    out = tmp_path / "ud"
    command = ["prlimit", "--as=1500000000", sys.executable, str(REPO / "scripts" / "import_qdpx.py"), str(project)]
    result = subprocess.run([*command, "--codes", str(CODES), "--out", str(out)], capture_output=True, text=True, timeout=120)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and "Traceback" not in result.stderr and len(lines) == 2, result.stderr
    assert lines[0] == (
        "stor.qdpx: kilden 'Interview, bibliotekar' — 400 markeringer (fx 5e1e0000-0000-4000-8000-000000001000, tegn "
        "0–30000000: 30.000.000 tegn) er længere, end et citat må være: højst 131.072 tegn, det længste felt, CSV-læseren "
        "tillader; del dem op i QDA-programmet"
    )
    assert not out.exists()


def test_passages_that_together_hold_more_text_than_a_data_folder_are_refused_as_they_are_cut(tmp_path: Path, capsys):
    """Each passage under the longest cell, but together more than the folder's limit: refused once the passages cut
    so far pass it, in the folder limit's own words, before the rest are cut."""
    span = 100_000
    count = refiqda.MAX_FOLDER_BYTES // span + 1
    text = _long_source(span * count)
    project = pack(tmp_path / "stor.qdpx", _coded(text, [(n * span, (n + 1) * span) for n in range(count)], "000000000003"))
    code, stdout, err = run_import(project, tmp_path / "ud", capsys)
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 2 and stdout == "", err
    assert lines[0] == (
        "stor.qdpx: project.qde — de kodede passager, der bliver citater, fylder over 7,7 millioner tegn; højst 7,7 MB er "
        "tilladt, så bogen kan bygges inden for 2 GB hukommelse og 10 minutter"
    )
    assert not (tmp_path / "ud").exists()


@pytest.mark.parametrize("reading", ["to-tegn", "et-tegn"])
def test_an_inline_text_with_windows_line_breaks_is_cut_as_the_analyst_says(reading: str, tmp_path: Path, capsys):
    """Hostile round 16, #4: the CRLF that project.qde holds in an inline text is counted as --linjeskift says, as in a
    source file; the quote is the passage, with no character of the text before it or after it."""
    project = pack(tmp_path / "projekt.qdpx", _inline_crlf(reading))
    code, _, err = run_import(project, tmp_path / "ud", capsys, "--linjeskift", reading)
    assert code == 0, err
    assert INLINE_QUOTE in set(load(tmp_path / "ud").quotes["text"])


@pytest.mark.parametrize(
    ("reference", "target"),
    [("SelectionRef", "5e1e0000-0000-4000-8000-000000000021"), ("SourceRef", "5a1d0000-0000-4000-8000-000000000002")],
)
def test_a_case_pointing_at_a_guid_no_element_has_is_refused_naming_the_guid_and_the_case(
    reference: str, target: str, tmp_path: Path, capsys: pytest.CaptureFixture
):
    """Issue 25, #6: a case whose SelectionRef named a selection that is not there was left out without a word, and
    the passage it should have cleared for publication came in as not cleared."""
    missing = "dead0000-0000-4000-8000-000000000099"

    def dangle(files: dict[str, bytes]) -> None:
        old = f'<{reference} targetGUID="{target}"/>'.encode()
        assert old in files["project.qde"]
        files["project.qde"] = files["project.qde"].replace(old, f'<{reference} targetGUID="{missing}"/>'.encode())

    code, out, err = run_import(pack(tmp_path / "projekt.qdpx", dangle), tmp_path / "ud", capsys)
    assert code == 1 and out == "", err
    assert f"Case '{'Frigivet til offentliggørelse' if reference == 'SelectionRef' else 'Køge, sundhed'}' har en {reference}" in err
    assert f"henviser til guid'en {missing}, som intet element i projektet har" in err.splitlines()[0]
    assert not (tmp_path / "ud").exists()


PROJECT_CODES = "'Barrierer', 'Etablering af ”vi”', 'Fælles fundamenter', 'Fællessang', 'Gnist og flamme', 'Mod til at prøve', 'Tid'"


def test_a_code_map_naming_none_of_the_projects_codes_names_each_row_and_the_codes_allowed(tmp_path: Path, capsys):
    """Issue 25: a code map made for another project gave only 'quotes.csv — tabellen er tom'."""
    codes = tmp_path / "koder.csv"
    codes.write_text("code,ingredient_id\nIngen sådan kode,etablering-af-vi\n{C0DE0000-0000-4000-8000-00000000FFFF},\n", encoding="utf-8")
    code, out, err = run_import(pack(tmp_path / "projekt.qdpx"), tmp_path / "ud", capsys, codes=codes)
    allowed = f"ingen kode i projekt.qdpx har det navn eller den guid; projektets koder: {PROJECT_CODES}"
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"koder.csv, række 2, kolonne code: 'Ingen sådan kode' — {allowed}",
        f"koder.csv, række 3, kolonne code: '{{C0DE0000-0000-4000-8000-00000000FFFF}}' — {allowed}",
        "2 problem(er) fundet; intet er skrevet.",
    ]
    assert not (tmp_path / "ud").exists()


def test_a_code_map_row_naming_no_code_of_the_project_is_refused_naming_the_nearest_code(tmp_path: Path, capsys):
    """Hostile review 22, #3: with one typo (`Gnist og flame`) the import wrote 31 of 38 quotes and said only that the
    code was not in the map; the row that matched nothing was never named."""
    codes = tmp_path / "koder.csv"
    codes.write_text(CODES.read_text(encoding="utf-8").replace("Gnist og flamme", "Gnist og flame"), encoding="utf-8")
    code, out, err = run_import(pack(tmp_path / "projekt.qdpx"), tmp_path / "ud", capsys, codes=codes)
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        (
            "koder.csv, række 6, kolonne code: 'Gnist og flame' — ingen kode i projekt.qdpx har det navn eller den guid; "
            "nærmest er 'Gnist og flamme'; ret navnet, eller slet rækken"
        ),
        "1 problem(er) fundet; intet er skrevet.",
    ]
    assert not (tmp_path / "ud").exists()


def test_a_code_map_with_only_its_header_is_said_to_have_no_rows(tmp_path: Path, capsys):
    """Hostile review 22, #4: it was 'ud/quotes.csv — tabellen er tom', a file of an output that was never written."""
    codes = tmp_path / "koder.csv"
    codes.write_text("code,ingredient_id\n", encoding="utf-8")
    code, out, err = run_import(pack(tmp_path / "projekt.qdpx"), tmp_path / "ud", capsys, codes=codes)
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "koder.csv — kodekortet har ingen rækker under overskriften; skriv én række pr. kode (code, ingredient_id)",
        "1 problem(er) fundet; intet er skrevet.",
    ]
    assert not (tmp_path / "ud").exists()


def test_a_code_map_tying_none_of_the_projects_codes_to_an_ingredient_says_so(tmp_path: Path, capsys):
    codes = tmp_path / "koder.csv"
    codes.write_text("code,ingredient_id\nFællessang,\nBarrierer,\n", encoding="utf-8")
    code, out, err = run_import(pack(tmp_path / "projekt.qdpx"), tmp_path / "ud", capsys, codes=codes)
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "koder.csv, kolonne ingredient_id — kodekortet knytter ingen af projektets koder til en ingrediens (de koder, det "
        "nævner, har et tomt ingredient_id); skriv et ingredient_id eller ingen ud for mindst én af dem: " + PROJECT_CODES,
        "1 problem(er) fundet; intet er skrevet.",
    ]
    assert not (tmp_path / "ud").exists()


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("mappe", "mappe — er en mappe, ikke en fil; angiv projektfilen (.qdpx)"),
        ("n" * 300, f"{'n' * 300}: navnet er for langt; kommandoen er stoppet."),
    ],
)
def test_a_project_that_is_a_folder_or_a_name_too_long_is_said_as_such_not_as_no_zip(given: str, said: str, tmp_path: Path, capsys):
    """Issue 25's hostile round: both were 'filen er ikke en zip-fil'."""
    (tmp_path / "mappe").mkdir()
    code, out, err = run_import(tmp_path / given, tmp_path / "ud", capsys)
    assert (code, out) == (1, "") and err.splitlines()[0].endswith(said), err
    assert not (tmp_path / "ud").exists()


@pytest.mark.parametrize("value", ["²", "①", "9" * 5000], ids=["superscript-two", "circled-one", "five-thousand-digits"])
def test_a_position_of_digits_int_cannot_read_is_one_line_not_a_traceback(tmp_path: Path, capsys, value: str):
    """Hostile round 20, #2: str.isdigit takes '²' and '①', and int() refuses them and numbers over 4,300 digits: the
    import ended in a ValueError. Such a position is not a number: validation names it in one line."""
    project = _exported(tmp_path, lambda qde: re.sub(r'"position": "[^"]*"', f'"position": "{value}"', qde, count=1))
    code, _, err = run_import(project, tmp_path / "tilbage", capsys, codes=tmp_path / "koder.csv")
    assert code == 1, err
    assert "Traceback" not in err and "position" in err, err
    assert not (tmp_path / "tilbage").exists()


def test_a_code_the_map_gives_two_ingredients_is_named_in_the_summary(tmp_path: Path, capsys):
    """A code on two rows of the map codes every quote with both ingredients; a repeated row is more often a slip than
    a choice, so the summary names the code and its ingredients instead of passing it over (hostile round s24, H4)."""
    codes = tmp_path / "koder.csv"
    codes.write_text(CODES.read_text(encoding="utf-8") + "Gnist og flamme,leg-mod-og-laering\n", encoding="utf-8")
    code, out, _ = run_import(pack(tmp_path / "projekt.qdpx"), tmp_path / "ud", capsys, codes=codes)
    assert code == 0
    assert "kodekortet giver mere end én ingrediens" in out
    assert "Gnist og flamme (gnist-og-flamme, leg-mod-og-laering)" in out
    code, out, _ = run_import(pack(tmp_path / "igen.qdpx"), tmp_path / "ud2", capsys)
    assert code == 0
    assert "mere end én ingrediens" not in out
