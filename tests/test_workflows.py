"""The GitHub workflows pass actionlint and zizmor (offline) with no findings."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_actionlint_finds_nothing() -> None:
    result = run(str(BIN / "actionlint"), *sorted(str(p) for p in WORKFLOWS.glob("*.yml")))
    assert (result.returncode, result.stdout) == (0, "")


def test_zizmor_offline_finds_nothing() -> None:
    result = run(str(BIN / "zizmor"), "--offline", "--persona", "pedantic", str(WORKFLOWS))
    assert result.returncode == 0, result.stdout
    assert "No findings to report" in result.stdout


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    uses = re.findall(r"uses: (\S+)(.*)", "".join(p.read_text() for p in WORKFLOWS.glob("*.yml")))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), (action, comment)


def test_pull_requests_validate_changed_pages_and_never_use_pull_request_target() -> None:
    workflow = yaml.safe_load((WORKFLOWS / "pull-request.yml").read_text())
    steps = [step.get("run", "") for step in workflow["jobs"]["check"]["steps"]]
    assert workflow[True] == {"pull_request": None}  # PyYAML reads the key 'on' as true
    assert (
        '.venv/bin/newsarchive validate --changed-since "origin/${BASE_REF}" --format github'
        in steps
    )
    assert ".venv/bin/newsarchive build --strict" in steps
    assert workflow["permissions"] == {"contents": "read"}


def test_only_the_deploy_job_can_write_pages() -> None:
    workflow = yaml.safe_load((WORKFLOWS / "pages.yml").read_text())
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}


def test_pre_commit_hook_validates_changed_pages() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    (hook,) = config["repos"][0]["hooks"]
    assert hook["entry"] == ".venv/bin/newsarchive validate"
    assert (hook["files"], hook["pass_filenames"]) == (r"^docs/articles/.*\.md$", True)
    result = run(str(BIN / "pre-commit"), "validate-config", ".pre-commit-config.yaml")
    assert result.returncode == 0, result.stdout
