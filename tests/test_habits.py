"""The habits' own files agree with the Makefile: pre-commit runs make lint's checks, CONTRIBUTING names real
targets, and every decision record says its context, decision and cost."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

from support.checks import each

REPO = Path(__file__).resolve().parent.parent
DECISIONS = (
    "jupyter-book-1",
    "chromium-for-the-pdfs",
    "highlight-rather-than-hide",
    "the-anonymity-rule",
    "the-full-lock",
    "the-browser-decides-nothing",
    "a-layered-package-with-an-import-contract",
    "one-build-per-site-folder",
    "official-municipality-codes",
    "parts-of-a-page-in-files-beside-it",
    "content-security-policy",
    "data-limits",
    "whose-word-one-provenance-model",
    "tables-of-marks-for-sparse-counts",
    "data-folders-stored-as-typed",
    "whose-word-in-a-download",
    "hyphenation-decided-at-build-time",
    "the-formula-guard-read-back",
    "the-address-says-the-choice",
    "chart-legends-from-the-model",
    "whose-marks-in-light-type",
    "once-the-output-is-in-place",
    "the-edition-printed-once-its-contents-again",
    "chart-colours-for-each-theme",
    "jupyter-book-executes-nothing",
    "no-choice-no-parameter",
    "whose-word-once-over-a-block",
    "what-a-csv-cell-holds",
    "profiles-made-in-the-build",
    "the-reports-role-shown-nowhere",
    "whose-word-once-where-a-block-agrees",
    "an-editors-title-marked-on-its-card",
    "inferred-ties-off-by-default",
    "kernels-over-unix-sockets",
    "blank-space-at-a-values-edges",
    "a-profile-opened-afresh-chooses-its-municipality",
    "a-qda-source-outside-its-project-is-refused",
    "whose-word-keyed-once-on-a-page",
    "whose-word-once-per-thing-and-the-mark-explains-itself",
    "a-build-written-beside-the-site-and-tied-to-its-command",
    "a-project-and-its-parts-are-one-initiative",
    "plotly-js-built-for-the-book",
    "a-data-folders-tables-are-its-own-files",
    "whose-word-once-per-table-and-after-the-content",
    "the-reports-guillemets-and-the-books-own-terms",
    "the-whole-book-pdf-is-the-readers-book",
    "a-figures-note-says-whose-its-reasons-stand-at-the-end",
    "hidden-rows-columns-and-sheets-are-refused",
    "a-qda-round-trip-gives-back-what-it-was-given",
    "the-data-mark-the-reports-words-and-one-form-cites-a-page",
    "whose-word-once-per-block-and-only-an-editors-title-marked",
    "the-bar-lays-nothing-over-the-page",
    "a-tables-marks-open-their-cards-under-their-row",
    "a-municipalitys-page-changes-no-choice",
    "an-editors-title-carries-its-own-mark-everywhere",
    "paper-breaks-a-name-after-its-hyphen-and-prints-no-web-choice",
    "the-bar-is-learnt-once",
    "an-exit-status-says-what-to-fix",
    "on-a-phone-a-table-of-marks-is-a-line-a-row-and-a-choice-adds-no-column",
    "a-cards-labels-are-said-whose-once-per-list-in-every-medium",
    "an-edition-prints-as-a-report-not-as-the-web-page",
    "the-method-is-said-once-where-the-reader-meets-it",
    "a-page-says-each-thing-once-a-quote-in-full-on-its-sections-page-a-fact-in-one-sentence",
    "a-phone-meets-the-way-in-first-and-nothing-moves-under-the-reader",
    "an-edition-is-set-as-a-printed-report-with-a-book-face-for-its-text",
    "a-page-opens-with-its-own-words-and-says-why-where-the-reader-looks",
    "the-one-output-guard-replaces-a-link-refuses-proc-and-written-data-folders-carry-the-formula-guard",
    "every-value-is-marked-lightly-and-keyed-once-per-page-and-chapter",
    "a-phones-bar-is-one-line-with-an-i-and-the-panel-speaks-of-what-the-page-holds",
    "a-data-folder-is-the-reports-only-when-it-says-so",
    "a-card-shows-no-status-the-editors-could-not-read-and-a-page-says-an-absence-once",
    "a-municipalitys-edition-says-which-pages-are-its-own-and-which-all-share",
    "the-reports-slips-are-listed-once-and-noted-after-each-quote-that-holds-them",
    "a-profile-gives-what-the-municipality-did-first-and-an-edition-one-note-before-its-contents",
    "at-a-pages-top-the-open-panel-makes-room-and-the-title-stands-under-it",
    "one-question-one-date-form-one-spelling-policy-and-one-citation-form-in-every-medium",
    "an-outcome-in-the-editors-words-carries-their-mark-and-a-heading-says-only-what-is-true",
    "the-pointer-to-om-kilderne-follows-its-note-and-a-guide-point-is-one-sentence",
    "a-profile-ends-on-its-municipality-and-a-tables-rows-name-their-columns-alike",
    "the-whole-book-prints-a-municipalitys-opening-with-its-first-card-and-its-boilerplate-once",
    "the-front-page-says-once-that-the-report-ties-no-quote-to-a-municipality",
    "a-name-correction-says-its-kind-and-a-profile-says-only-what-holds-for-its-organisations",
    "a-mark-on-the-value-says-whose-it-is-and-no-sentence-says-it-again",
    "the-overviews-cards-come-first-and-a-chosen-line-is-framed-as-a-card",
    "an-editions-own-part-prints-no-table-of-the-others-and-the-whole-book-the-guide-once",
    "a-search-hit-shows-its-word-or-says-where-it-stands-an-analysts-page-says-so-and-the-list-is-tight",
    "an-organisations-relation-and-an-untold-outcome-are-worded-as-the-report-says-them",
    "a-first-level-chapter-begins-a-page-and-what-closes-every-profile-is-printed-once",
    "a-page-says-once-that-no-quote-is-tied-and-the-front-page-cites-in-short",
    "a-tables-rows-of-the-chosen-municipality-come-first-on-the-page-as-in-its-edition",
    "a-tables-title-goes-with-its-table-and-a-readers-edition-names-its-data-in-its-properties",
    "the-report-says-nothing-in-one-form-and-a-card-without-a-status-says-why",
    "a-starting-point-is-told-once-and-the-three-quotation-marks-mean-one-thing-each",
    "an-analysts-folder-is-told-of-each-row-that-credits-the-editors-and-a-chapter-words-whose-from-the-folder",
    "a-card-without-a-status-says-ikke-angivet-i-rapporten-and-bookkeeping-is-said-once",
    "a-mark-opens-a-key-that-says-first-what-this-mark-marks",
    "a-core-chapter-begins-a-page-and-the-chapter-before-is-set-closer-first",
    "a-profiles-bar-says-its-select-is-the-rest-of-the-books-and-a-note-stands-where-it-tells-something",
    "a-code-is-its-labels-slug-a-lead-says-its-rows-words-and-a-part-leaves-the-wholes-places-to-it",
    "a-far-tables-rows-take-the-choices-order-as-it-comes-near-and-only-rows-out-of-place-move",
    "a-cards-missing-status-says-the-editors-give-none-alike-on-page-and-paper",
    "on-a-phone-the-comparison-reads-facet-by-facet-and-at-a-desk-it-takes-the-rails-width",
    "a-profile-gives-its-result-first-as-its-edition-and-a-page-says-the-excel-tip-once-at-its-end",
)


def _recipe(target: str) -> list[str]:
    """The commands of a Makefile target, with $(BIN) as the venv's folder."""
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    block = re.search(rf"^{target}:[^\n]*\n((?:\t[^\n]*\n)+)", text, re.M)
    assert block, target
    return [line.strip().replace("$(BIN)", ".venv/bin") for line in block.group(1).splitlines()]


def test_pre_commit_runs_every_check_of_make_lint_with_the_same_pinned_tools():
    checks = [c for c in _recipe("lint") if not c.startswith("bash scripts/install")]
    hooks = [h for repo in yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"] for h in repo["hooks"]]
    repos = {repo["repo"] for repo in yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"]}
    assert repos == {"local"}, "no hook repository is fetched"
    entries = [hook["entry"] for hook in hooks]

    def words(command: str) -> list[str]:
        """The tool and its subcommand: options and the path `.` aside."""
        return [w for w in command.split() if not w.startswith("-") and w != "."]

    missing = [check for check in each(checks) if words(check) not in [words(entry)[: len(words(check))] for entry in entries]]
    assert not missing
    assert all(re.match(r"(\.venv/bin/|node_modules/\.bin/|node scripts/)", entry) for entry in entries), entries


def test_contributing_names_only_make_targets_that_exist():
    targets = set(re.findall(r"^([\w-]+):", (REPO / "Makefile").read_text(encoding="utf-8"), re.M))
    named = set(re.findall(r"`make ([\w-]+)", (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")))
    assert named and named <= targets, named - targets


def test_every_decision_record_says_its_context_decision_and_cost():
    records = sorted((REPO / "docs" / "adr").glob("*.md"))
    assert [re.sub(r"^\d{4}-", "", p.stem) for p in records] == list(DECISIONS)
    for record in each(records):
        headings = re.findall(r"^## (.+)$", record.read_text(encoding="utf-8"), re.M)
        assert headings == ["Context", "Decision", "Cost"], record.name


# A line git writes into a file when a merge or rebase stops on a conflict.
CONFLICT_MARKER = re.compile(r"^(<{7} |={7}$|>{7} )", re.M)


def test_no_tracked_file_holds_a_merge_conflicts_markers():
    """A fixture once kept both sides of a conflict and its tests still passed, reading either."""
    tracked = subprocess.run(["git", "ls-files", "-z"], capture_output=True, text=True, cwd=REPO, check=True).stdout.split("\0")
    for name in each(filter(None, tracked)):
        path = REPO / name
        text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
        assert not CONFLICT_MARKER.search(text), f"{name}: {CONFLICT_MARKER.search(text)[0]!r}"
