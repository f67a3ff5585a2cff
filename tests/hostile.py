"""Hostile input: attack strings for every text field the book shows, as a small overlay on data/.

The overlay in tests/fixtures/hostile/ is written from this module (`python tests/hostile.py`); a test
checks that the committed files are current. Each overlay CSV holds a table's header and only the rows
that change: a row whose key already exists in data/ replaces that row, any other row is added. So the
fixture follows data/ as it grows, and every attack sits in a row the book shows on some page.

Every payload that could run script sets `window.__pwned`; the browser test checks the flag stays unset.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from kulturensrige.data.schema import TABLES
from support.folders import csv_text

REPO = Path(__file__).resolve().parent.parent

FIXTURE = Path(__file__).parent / "fixtures" / "hostile"
FLAG = "__pwned"

# One entry per attack; most would set window.__pwned if any layer (HTML, Markdown/MyST, JSON island,
# plotly label, JavaScript) passed them through unescaped.
PAYLOADS: tuple[str, ...] = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '"><svg onload="window.__pwned=1">',
    "'><svg/onload=window.__pwned=1>",
    "</script><script>window.__pwned=1</script>",
    "</template><img src=x onerror=window.__pwned=1>",
    "</textarea></title></style><script>window.__pwned=1</script>",
    '<a href="javascript:window.__pwned=1">klik</a>',
    "javascript:window.__pwned=1",
    "[link](javascript:window.__pwned=1)",
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    "<details open ontoggle=window.__pwned=1>",
    "<b>ikke fed</b> <i>ikke kursiv</i> <br> ny linje?",
    "**fed** _kursiv_ `kode` ~~slettet~~",
    "{raw}`html <script>window.__pwned=1</script>`",
    "{eval-rst}`.. raw:: html`",
    "\n```{raw} html\n<script>window.__pwned=1</script>\n```\n",
    "\n```{eval-rst}\n.. raw:: html\n\n   <script>window.__pwned=1</script>\n```\n",
    "\n:::{note}\nMyST-boks\n:::\n",
    "$$x^2$$ {{ jinja }} {% raw %} %{x} ${x}",
    "&lt;b&gt;entitet&lt;/b&gt; &amp; &quot; &#60;i&#62;",
    "<!-- kommentar --> <![CDATA[x]]>",
    # What the validator keeps of the characters that print as nothing (docs/adr/0031): the joiners and a soft hyphen.
    "nul\u200dbredde\u200c sam\u00admen",
)
ATTACK = " ".join(PAYLOADS)

# Single-line names with Markdown/MyST/HTML specials: they become a page title and chart axis labels.
MUNICIPALITY_NAME = (
    'Køge <b>fed</b> <img src=x onerror="window.__pwned=1"> **fed** _kursiv_ [link](javascript:window.__pwned=1) '
    "{raw}`html` $x$ &lt;b&gt; &amp; # | \\ ~ ! ^ % = </script>"
)
INGREDIENT_NAME = "Etablering af <i>vi</i> <img src=x onerror=window.__pwned=1> *vi* &amp; {sub}`x`"
# The whole attack in a municipality name: line breaks included, for the generated profile page's title.
HOSTILE_MUNICIPALITY = "990"
LONG_QUOTE_LENGTH = 100_000
# A book_page that would be a javascript: URL if it reached an href as it stands.
HOSTILE_BOOK_PAGE = 'javascript:window.__pwned=1//"><img src=x onerror="window.__pwned=1">'
# The data folder's name shows in every page's footer; the test copies data/ to a folder of this name.
FOLDER_NAME = "hostile <img src=x onerror=window.__pwned=1>"


def attack(label: str) -> str:
    return f"{label}: {ATTACK}"


def long_quote() -> str:
    unit = "Et meget langt citat. " + ATTACK + " "
    text = (unit * (LONG_QUOTE_LENGTH // len(unit) + 1))[: LONG_QUOTE_LENGTH - 1]
    return text.rstrip() + "." * (LONG_QUOTE_LENGTH - len(text.rstrip()))


def _row(table: str, /, **values: str) -> dict[str, str]:
    """A full row: every text column not given carries the attack, labelled with table and column."""
    spec = TABLES[table]
    row = {}
    for column in spec.columns:
        if column in values:
            row[column] = values[column]
        elif spec.kind_of(column) == "text":
            row[column] = attack(f"{table}.{column}")
        else:
            raise KeyError(f"{table}.{column} needs a value")
    return row


def overlay_rows() -> dict[str, list[dict[str, str]]]:
    ingredients = "etablering-af-vi;faelles-fundamenter;leg-mod-og-laering;gnist-og-flamme"
    quote = {
        "speaker_category": "hostile-taler",
        "kind": "hostile-citattype",
        "exchange_id": "",
        "turn": "1",
        "ingredient_ids": ingredients,
        "ingredient_source": "rapporten",
        "ingredient_rationale": "",
        "attribution_rationale": "",
        "reference_key": "",
        "cleared": "ja",  # cleared, so the hostile role text itself reaches every page beside its municipality
    }

    def q(**values: str) -> dict[str, str]:
        return _row("quotes", **{**quote, **values})

    return {
        "sections": [
            _row("sections", section_id="baggrund", parent_id="", position="1", book_page="baggrund"),
            # The validator refuses a page the book does not have (HOSTILE_BOOK_PAGE: tests/test_hostile_input.py), so the
            # hostile section is presented on a real page; page_link's encoding stays tested on its own.
            _row("sections", section_id="hostile-afsnit", parent_id="", position="99", book_page="baggrund"),
        ],
        "municipalities": [
            _row(
                "municipalities",
                kommunekode="259",
                slug="koege",
                name=MUNICIPALITY_NAME,
                starting_point="hostile-udgangspunkt",
                section_id="koege",
            ),
            _row(
                "municipalities",
                kommunekode=HOSTILE_MUNICIPALITY,
                slug="hostile-kommune",
                starting_point="fra-bunden",
                section_id="de-deltagende-kommuner",
            ),
        ],
        "starting_points": [_row("starting_points", starting_point_id="hostile-udgangspunkt")],
        "initiatives": [
            _row(
                "initiatives",
                initiative_id=f"hostile-indsats-{code}",
                kommunekode=code,
                position="99",
                title_basis="inferred",
                kind="hostile-type",
                part_of="",
                target_group_ids="hostile-maalgruppe",
                art_form_ids="hostile-kunstform",
                setting_ids="hostile-sted",
                organisation_ids="hostile-organisation",
                status="hostile-status",
                section_id="koege",
            )
            for code in ("259", HOSTILE_MUNICIPALITY)
        ],
        "initiative_kinds": [_row("initiative_kinds", initiative_kind_id="hostile-type")],
        "statuses": [_row("statuses", status_id="hostile-status")],
        "target_groups": [_row("target_groups", target_group_id="hostile-maalgruppe")],
        "art_forms": [_row("art_forms", art_form_id="hostile-kunstform", kind="kunstform")],
        "settings": [_row("settings", setting_id="hostile-sted")],
        "organisations": [
            _row(
                "organisations",
                organisation_id="hostile-organisation",
                name_official="nej",
                # A relation puts the organisation's name in the profile's sentence on what the report calls it (ADR 98).
                relation="kommunen-deltog-i",
                kind="hostile-organisationstype",
                kind_by_knowledge="ja",
                kommunekode="259",
            )
        ],
        "organisation_kinds": [_row("organisation_kinds", organisation_kind_id="hostile-organisationstype")],
        "quotes": [
            q(
                quote_id="hostile-1",
                position="901",
                section_id="baggrund",
                # A cited work belongs to no municipality (the validator forbids a kommunekode beside reference_key).
                kommunekode="",
                attribution="not stated",
                reference_key="hostile-ref",
            ),
            q(
                quote_id="hostile-2",
                position="902",
                section_id="aktionslaering",
                kommunekode=HOSTILE_MUNICIPALITY,
                attribution="inferred",
                attribution_rationale=attack("quotes.attribution_rationale"),
                ingredient_source="redaktionen",
                ingredient_rationale=attack("quotes.ingredient_rationale"),
            ),
            q(quote_id="hostile-3", position="903", section_id="broer-stier-og-siloer", kommunekode="", attribution="not stated"),
            *[
                q(
                    quote_id=f"hostile-{3 + turn}",
                    position=f"{903 + turn}",
                    section_id="stjernestunder",
                    exchange_id=attack("quotes.exchange_id"),
                    turn=str(turn),
                    kommunekode="259",
                    attribution="stated",
                )
                for turn in (1, 2)
            ],
            q(
                quote_id="hostile-lang",
                position="906",
                section_id="afsluttende-betragtninger",
                text=long_quote(),
                kommunekode=HOSTILE_MUNICIPALITY,
                attribution="stated",
            ),
        ],
        "speaker_categories": [_row("speaker_categories", speaker_category_id="hostile-taler")],
        "quote_kinds": [_row("quote_kinds", quote_kind_id="hostile-citattype", label_source="redaktionen", without_speaker="nej")],
        "ingredients": [
            _row("ingredients", ingredient_id="etablering-af-vi", number="1", name=INGREDIENT_NAME, section_id="etablering-af-vi")
        ],
        "attention_points": [
            _row(
                "attention_points",
                attention_point_id="hostile-punkt",
                ingredient_id="etablering-af-vi",
                position="99",
                basis="inferred",
                section_id="hostile-afsnit",
            )
        ],
        "six_ps": [_row("six_ps", p_id="people", position="1", section_id="aktionslaering")],
        "programme_events": [
            _row(
                "programme_events",
                event_id="workshop-1",
                kind="workshop",
                number="1",
                mode="fysisk",
                mode_basis="inferred",
                date="2022-01",
                section_id="kulturens-rige",
            ),
            _row(
                "programme_events",
                event_id="pitstop-1",
                kind="pitstop",
                number="1",
                mode="virtuel",
                mode_basis="stated",
                date="ikke angivet",
                section_id="kulturens-rige",
            ),
        ],
        "programme_facts": [
            _row("programme_facts", fact_id="virtuelle-workshops", section_id="kulturens-rige"),
            _row("programme_facts", fact_id="hostile-faktum", section_id="kulturens-rige"),
        ],
        "action_learning_steps": [_row("action_learning_steps", step_id="identificer", position="1", section_id="aktionslaering")],
        "resource_persons": [_row("resource_persons", person_id="hostile-person", facilitator="ja", section_id="hostile-afsnit")],
        "group_composition": [
            _row("group_composition", role_id="hostile-rolle", position="99", min_count="0", section_id="aktionslaering")
        ],
        "evaluation_sources": [_row("evaluation_sources", source_id="hostile-kilde", position="99", section_id="evalueringsdesign")],
        "evaluation_questions": [
            _row(
                "evaluation_questions", question_id=f"hostile-spoergsmaal-{kind}", position="99", kind=kind, section_id="evalueringsdesign"
            )
            for kind in ("overordnet", "tvaergaaende")
        ],
        "guide_recommendations": [
            _row(
                "guide_recommendations",
                recommendation_id="hostile-anbefaling",
                position="99",
                ingredient_ids=ingredients,
                section_id="hostile-afsnit",
            )
        ],
        "figure4_words": [_row("figure4_words", position="99", section_id="etablering-af-vi")],
        "figures": [
            _row("figures", figure_id=f"figur-{n}", number=str(n), section_id=section)
            for n, section in enumerate(["kulturens-rige", "aktionslaering", "aktionslaering", "etablering-af-vi"], start=1)
        ],
        "references": [_row("references", reference_key="hostile-ref", section_ids="baggrund", language="en")],
        # The hostile municipality's code and its name full of attacks are no official ones: the check is off.
        "options": [_row("options", option_id="anonymitet", value="til"), _row("options", option_id="kommunekoder", value="egne")],
        "findings": [_row("findings", finding_id="hostile-fund", position="99", section_id="hostile-afsnit")],
        "publication": [_row("publication", publication_id="kulturens-rige", year="ikke angivet", section_id="baggrund")],
        # A slip of the report's is a word its row's text holds (ADR 89): the attack itself, in hostile-1's text.
        "report_slips": [
            _row("report_slips", slip_id="hostile-slip", word=ATTACK, table="quotes", row_id="hostile-1", page="", report_line="1")
        ],
    }


def overlay_files() -> dict[str, str]:
    return {
        f"{TABLES[name].file}": csv_text(TABLES[name].columns, [[r[c] for c in TABLES[name].columns] for r in rows])
        for name, rows in overlay_rows().items()
    }


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def hostile_data(dest: Path, base: Path = REPO / "data", overlay: Path = FIXTURE) -> Path:
    """A copy of `base` with the overlay laid over it: rows with an existing key replace it, others are added."""
    shutil.copytree(base, dest)
    for extra in sorted(overlay.glob("*.csv")):
        table = next(t for t in TABLES.values() if t.file == extra.name)
        rows = _rows((dest / extra.name).read_text(encoding="utf-8"))
        index = {r[table.key]: i for i, r in enumerate(rows)}
        for new in _rows(extra.read_text(encoding="utf-8")):
            if new[table.key] in index:
                rows[index[new[table.key]]] = new
            else:
                rows.append(new)
        # A column an older file may leave out (schema: optional_column) is empty in a row that leaves it out.
        (dest / extra.name).write_text(csv_text(table.columns, [[r.get(c, "") for c in table.columns] for r in rows]), encoding="utf-8")
    return dest


if __name__ == "__main__":
    FIXTURE.mkdir(parents=True, exist_ok=True)
    for name, text in overlay_files().items():
        (FIXTURE / name).write_text(text, encoding="utf-8")
    print(f"{len(overlay_files())} filer skrevet i {FIXTURE}")
