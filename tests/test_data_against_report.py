"""The data says what the report says: every quotation verbatim, nothing broken, nothing missing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from kulturensrige import load
from kulturensrige.data.schema import NOT_STATED, TABLES
from kulturensrige.render import front_page
from report_source import collapse, core, quotations, repair_hyphenation
from support.checks import each


def test_every_quotation_in_the_report_is_in_the_data_once(report_text, data):
    in_report = sorted(quotations(report_text))
    in_data = sorted(core(t) for t in data.quotes["text"])
    missing = set(in_report) - set(in_data)
    extra = set(in_data) - set(in_report)
    assert not missing, f"citater i rapporten, som mangler i data: {sorted(missing)}"
    assert not extra, f"citater i data, som ikke står i rapporten: {sorted(extra)}"
    assert in_report == in_data


def test_quote_text_is_verbatim_in_the_repaired_report(report_text, data):
    report = core(collapse(repair_hyphenation(report_text)))
    for quote in each(data.quotes.itertuples()):
        assert core(quote.text) in report, quote.quote_id


def test_captions_as_printed_appear_in_the_report(report_text, data):
    report = collapse(repair_hyphenation(report_text))
    for quote in each(data.quotes.itertuples()):
        if quote.caption and not quote.reference_key:
            assert quote.caption in report, quote.quote_id


LINE_BREAK_HYPHEN = re.compile(r"\b([a-zæøå]{2,})- (?!og\b|eller\b|samt\b|til\b)([a-zæøå]{2,})")


@pytest.mark.parametrize("name", list(TABLES))
def test_no_text_still_carries_a_line_break_hyphen(name):
    frame = load().tables[name]
    for column in each(frame.columns):
        for value in frame[column].astype(str):
            assert not LINE_BREAK_HYPHEN.search(value), f"{name}.{column}: {value[:80]}"
            assert "\u00ad" not in value, f"{name}.{column} har en blød bindestreg"


def test_real_hyphens_are_kept(data):
    names = set(data.municipalities["name"])
    assert any("-" in n for n in names), "Høje-Taastrup og Ringkøbing-Skjern skal beholde bindestregen"
    assert any("kultur- og" in t for t in data.quotes["speaker_role"]) or any("kultur- og" in t for t in data.quotes["text"])


def test_every_municipality_has_at_least_one_initiative(data):
    counts = data.initiatives["kommunekode"].value_counts()
    lacking = [m for m in data.municipalities["name"] if counts.get(data.municipalities.set_index("name").at[m, "kommunekode"], 0) == 0]
    assert not lacking


def test_every_ingredient_is_substantiated_by_a_quote(data):
    used = {i for ids in data.quotes["ingredient_ids"] for i in ids}
    assert set(data.ingredients["ingredient_id"]) <= used


def test_municipality_names_as_printed_are_the_reports(report_text, data):
    report = collapse(repair_hyphenation(report_text))
    for row in each(data.municipalities.itertuples()):
        assert row.name_in_report in report, row.name_in_report


def test_the_misspelled_municipality_keeps_its_official_name(report_text, data):
    misspelled = data.municipalities[data.municipalities["name"] != data.municipalities["name_in_report"]]
    assert not misspelled.empty, "rapporten staver én kommune forkert; data skal have begge stavemåder"
    for row in misspelled.itertuples():
        assert row.name_in_report in report_text


def test_every_cited_work_appears_in_the_report(report_text, data):
    report = collapse(repair_hyphenation(report_text))
    for ref in each(data.references.itertuples()):
        author = re.split(r"[ (]", ref.citation)[0]
        year = re.search(r"\d{4}|u\.å\.", ref.citation).group(0)
        assert author in report and year in report, ref.citation


def test_inferred_attributions_are_few_and_reasoned(data):
    inferred = data.quotes[data.quotes["attribution"] == "inferred"]
    assert (inferred["attribution_rationale"].str.len() > 40).all()
    assert len(inferred) < len(data.quotes) / 2, "de fleste citater har ingen kommune i rapporten"


def test_no_invented_dates_in_the_programme(report_text, data):
    for event in each(data.programme_events.itertuples()):
        if event.date != "ikke angivet":
            year = event.date[:4]
            assert year in report_text, event.event_id


# -- the book's own prose and the data added for readers, checked against the report's words -----------------

BOOK = Path(__file__).resolve().parent.parent / "book"


def _markdown(page: str) -> str:
    """The prose of one chapter: its markdown cells (notebook) or its text (.md), whitespace collapsed."""
    path = BOOK / page
    if path.suffix == ".md":
        return collapse(path.read_text(encoding="utf-8"))
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return collapse(" ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown"))


def _report_chapters() -> list[str]:
    """The notebooks of the part 'Rapporten' in book/_toc.yml (the chapters that retell the report)."""
    toc = yaml.safe_load((BOOK / "_toc.yml").read_text(encoding="utf-8"))
    part = next(p for p in toc["parts"] if p["caption"] == "Rapporten")
    files = []

    def walk(entries):
        for entry in entries:
            if "file" in entry:
                files.append(entry["file"] + ".ipynb")
            walk(entry.get("sections", []))

    walk(part["chapters"])
    return files


@pytest.fixture(scope="module")
def report(report_text) -> str:
    return collapse(repair_hyphenation(report_text))


def _interface_text() -> str:
    """What the book's own interface says (package and page scripts): a » « around one of its labels is no quotation."""
    root = BOOK.parent
    return " ".join(p.read_text(encoding="utf-8") for p in [*root.glob("kulturensrige/**/*.py"), *root.glob("book/_static/*.js")])


@pytest.mark.parametrize("page", _report_chapters())
def test_every_quotation_in_a_chapters_prose_is_verbatim_in_the_report(report, page):
    """A chapter in the book's own words quotes the report only between » «, and then word for word."""
    interface = _interface_text()
    quoted = re.findall(r"»([^«]+)«", _markdown(page))
    unfaithful = [q for q in quoted if not (core(q) in core(report) or q in interface)]
    assert not unfaithful, f"{page}: {unfaithful}"


# Content the report has that the chapters must carry, each with the chapter that carries it (issue 10).
REPORT_CONTENT = [
    ("sunde, lærende, bæredygtige og kreative byer – og borgere", "kulturens-rige.ipynb"),
    ("at udvikle en læringskultur og kapacitet til at tackle fremtidige udfordringer", "ingredienser/etablering-af-vi.ipynb"),
    ("kulturens fællesskabende effekter", "ingredienser/faelles-fundamenter.ipynb"),
    ("keramik", "ingredienser/faelles-fundamenter.ipynb"),
    ("fire frivillige", "ingredienser/gnist-og-flamme.ipynb"),
    ("ikke er målbar i gængs forstand", "vaerdiskabelser.ipynb"),
    ("fra en idé om et tværfagligt og/eller tværsektorielt projekt til et egentligt projekt", "vaerdiskabelser.ipynb"),
]


@pytest.mark.parametrize(("words", "page"), REPORT_CONTENT)
def test_the_chapters_carry_what_the_report_says(report, words, page):
    assert words in report, f"rapporten siger ikke: {words}"
    assert words in _markdown(page), f"{page} mangler: {words}"


# Wordings that strayed from the report (issue 10) and must not come back.
STRAYED = [
    ("en række af netværkets medlemskommuner", "baggrund.ipynb"),
    ("udvikle noget fra bunden", "vaerdiskabelser.ipynb"),
    ("Bogen viser rapportens tekst", "tilgaengelighed.md"),
]


@pytest.mark.parametrize(("words", "page"), STRAYED)
def test_wordings_that_strayed_from_the_report_are_gone(words, page):
    assert words not in _markdown(page)


def test_the_number_of_municipalities_invited_is_the_reports(report):
    invited = re.search(r"inviterede Sund By Netværket.*? (\w+) medlemskommuner", report).group(1)
    assert f"{invited} af netværkets medlemskommuner" in _markdown("baggrund.ipynb")


def test_the_fun_is_one_project_leaders_remark_not_the_reports_finding(report, data):
    remark = "fordi de synes, det er sjovt"
    assert re.search(r"Projektleder: [^”]*" + remark, report), "bemærkningen er en projektleders"
    text = " ".join(data.ingredients["description"]) + " " + _markdown("ingredienser/gnist-og-flamme.ipynb")
    assert "sjovt og vigtigt" not in text
    assert f"projektleder siger om deltagerne, at de har været med, »{remark}«" in text
    assert "fåtallet af deltagerne" in report and "kun få" in text.lower()


def test_the_bukdal_citation_covers_what_the_report_cites_it_for(report):
    """The report cites (Bukdal 2021) for one sentence: a high level of generality suits complex problems."""
    cited = next(s for s in re.split(r"(?<=\.) ", report) if "(Bukdal 2021)" in s)
    assert "komplekse problemer" in cited
    book = next(s for s in re.split(r"(?<=\.) ", _markdown("evalueringsdesign.ipynb")) if "{cite:p}`bukdahl2021`" in s)
    assert "komplekse problemer" in book and "interviewcitater" not in book


def test_front_page_findings_are_the_reports_words(report, data):
    assert len(data.findings) >= 2
    for finding in data.findings.itertuples():
        assert finding.report_text in report, finding.finding_id


def test_the_publication_is_cited_as_the_report_names_it(report, data):
    publication = data.publication.iloc[0]
    assert publication.title in report and publication.publisher in report
    if publication.year == NOT_STATED:
        assert publication.year_note, "et år, rapporten ikke angiver, skal have en forklaring"
    else:
        assert publication.year in report


def test_only_the_attention_points_the_report_names_are_marked_as_the_reports(report, data):
    """The report names one attention point itself ("Et opmærksomhedspunkt ..."); the rest is the editors' reading."""
    named = len(re.findall(r"Et opmærksomhedspunkt", report))
    stated = data.attention_points[data.attention_points["basis"] == "stated"]
    assert len(stated) == named
    for point in stated.itertuples():
        words = re.findall(r"”([^”“]+)”", point.text)
        assert words and all(core(w) in core(report) for w in words), point.attention_point_id


def test_printed_quotations_are_the_rows_with_exchanges_counted_once(data):
    """The front page says the book counts fewer printed quotations than the data has rows: exchanges are split into
    turns (the count is the book's; the report states none)."""
    quotes = data.quotes
    printed = int((quotes["exchange_id"] == "").sum()) + quotes.loc[quotes["exchange_id"] != "", "exchange_id"].nunique()
    html = front_page.quote_counting(data).markup
    assert f"<li>{printed} citater står i rapporten, hvor hver ordveksling tæller som ét; det er de samme {len(quotes)}" in html
    assert printed < len(quotes)


# Ties to an ingredient the report makes outside the ingredient's own section, each with the report's words for it,
# which stand beside the quote: "Og her bliver modet understøttet af ingrediensen ”etablering af ’vi’”:" (q029), "citatet
# berører også den fjerde og sidste ingrediens, der har fået navnet ”gnist og flamme”" (q030).
REPORT_TIES_OUTSIDE_THE_SECTION = {
    ("q029", "etablering-af-vi"): "bliver modet understøttet af ingrediensen",
    ("q030", "gnist-og-flamme"): "citatet berører også den fjerde og sidste ingrediens",
}


def _section_at(report_text: str, titles: dict[str, str], start: int) -> str:
    """The section a place in the report stands in: the last heading line (a section's title alone) before it."""
    headings = [
        (m.start(), titles[m.group(1)]) for m in re.finditer(r"^[ \t]*(.+?)[ \t]*$", report_text[:start], re.M) if m.group(1) in titles
    ]
    return headings[-1][1] if headings else ""


def test_every_tie_to_an_ingredient_credited_to_the_report_is_the_reports(report_text, data):
    """Reading 10, finding 6: q005 stands in "Broer, stier og krakelerede siloer" and the report only says the theme is
    unfolded under ingredient one; it was shown as a quote "rapporten bruger" for Etablering af "vi". A tie is the
    report's only where the quote stands in the ingredient's section or the report ties it in words beside the quote;
    any other tie is the editors' reading, with its reason."""
    titles = dict(zip(data.sections["title"], data.sections["section_id"], strict=True))
    sections = dict(zip(data.ingredients["ingredient_id"], data.ingredients["section_id"], strict=True))
    checked = []
    for quote in data.quotes[data.quotes["ingredient_ids"].map(bool)].itertuples():
        words = quote.text.replace("[…]", "").split()[:5]
        found = re.search(r"\s+".join(re.escape(w) for w in words), report_text)
        assert found, quote.quote_id
        stands_in = _section_at(report_text, titles, found.start())
        assert stands_in == quote.section_id, quote.quote_id
        for ingredient_id in quote.ingredient_ids:
            said = REPORT_TIES_OUTSIDE_THE_SECTION.get((quote.quote_id, ingredient_id))
            beside = collapse(repair_hyphenation(report_text[max(0, found.start() - 600) : found.start() + len(quote.text) + 1200]))
            the_reports = stands_in == sections[ingredient_id] or (said is not None and said in beside)
            checked.append((quote.quote_id, ingredient_id, quote.ingredient_source, the_reports))
            if quote.ingredient_source == "rapporten":
                assert the_reports, (quote.quote_id, ingredient_id)
            else:
                assert quote.ingredient_source == "redaktionen" and quote.ingredient_rationale, quote.quote_id
    assert ("q005", "etablering-af-vi", "redaktionen", False) in checked
    assert {(q, i) for q, i, _, ok in checked if ok and (q, i) in REPORT_TIES_OUTSIDE_THE_SECTION} == set(REPORT_TIES_OUTSIDE_THE_SECTION)


def _the_reports_title(title: str, report: str) -> bool:
    """Whether a title is the report's words as a heading of its own: a name in quotation marks (”Gang i gården”,
    ’Rødder’) or an item of a numbered list of initiatives ("2) Fem foreningsdage i Slagslunde", "1) Et
    foreningsklippekort"), the first letter a capital and a leading article dropped."""
    name = title.lstrip('”’"')
    if re.search(rf"[”’\"]{re.escape(name.split()[0].rstrip('”’'))}", report) and title in report:
        return True
    item = rf"\d\) (?:[Ee][nt] )?(?i:{re.escape(title[0])}){re.escape(title[1:])}(?=[ .,;(]|$)"
    return re.search(item, report) is not None


def test_an_initiative_title_is_the_reports_exactly_when_it_is_the_reports_name_or_list_item(report_text, data):
    """Reading s24, F4 (changing reading 14's finding 19, which called a numbered part of the report's list a
    description): »Fem foreningsdage i Slagslunde«, »Genbrugsværksted i Stenløse kulturhus«, »kulturworkshops i
    skoletiden for alle 1.g’ere«, »6-ugers gruppebaseret forløb« and »Et foreningsklippekort« are the report's own
    words for its numbered initiatives, yet carried "(red.)" and the key "rapporten giver ikke indsatsen et navn". A
    title is the report's exactly where it is a name the report prints in quotation marks or an item of its numbered
    list (capital first letter, no leading article); every other title the editors formed, and its key is true of it."""
    report = collapse(repair_hyphenation(report_text))
    for row in each(data.initiatives.itertuples()):
        assert (row.title_basis == "stated") == _the_reports_title(row.title, report), row.initiative_id
        assert row.title.lstrip('”’"')[0].isupper() or row.title[0].isdigit(), row.title
    stated = set(data.initiatives.loc[data.initiatives["title_basis"] == "stated", "title"])
    assert {"Fem foreningsdage i Slagslunde", "Foreningsklippekort", "6-ugers gruppebaseret forløb"} <= stated


def test_the_reports_own_attention_point_is_its_wording_and_stands_in_quotation_marks(report_text, data):
    """Reading 11, finding 1: the point the page introduces with "Rapporten nævner selv dette opmærksomhedspunkt:" was
    the editors' paraphrase. A stated point is the report's sentence as printed, and the page quotes it."""
    from kulturensrige.render import guide

    report = collapse(repair_hyphenation(report_text))
    stated = data.attention_points[data.attention_points["basis"] == "stated"]
    for point in each(stated.itertuples()):
        # The data mark the report's words in every row (schema.POINT_MARKS); the page shows the text as it stands.
        assert point.text.startswith("»") and point.text.endswith("«"), point.attention_point_id
        assert point.text[1:-1] in report, point.attention_point_id
        groups = guide.attention_point_groups(data, point.ingredient_id)
        assert (point.text, point.section_id) in groups[0].points


def test_every_evaluation_question_is_the_reports_wording(report_text, data):
    """Reading 11, finding 2: kilder.csv calls evaluation_questions.csv's text the report's, and the guiding question
    was the editors' rewording into a question. Every question now stands as the report writes it."""
    report = collapse(repair_hyphenation(report_text))
    for question in each(data.evaluation_questions.itertuples()):
        assert question.text in report, question.question_id
