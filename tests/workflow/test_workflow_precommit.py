"""The pre-commit hook, run by pre-commit itself on a coalition's git repository.

A coalition's ``.pre-commit-config.yaml`` names a clone of this repository at
its HEAD commit (so the hook is the committed one); pre-commit installs signon
from it into its own virtualenv once (~4 s with pre-commit-uv, which fetches
signon's dependencies from PyPI or uv's cache) and runs ``signon check`` on the
coalition's repository at each run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
Cli = Callable[..., Any]

pytestmark = pytest.mark.skipif(shutil.which("git") is None,
                                reason="git is not installed: pre-commit hooks need git")

GIT_ENV = {"GIT_AUTHOR_NAME": "Coordinator", "GIT_AUTHOR_EMAIL": "coord@example.org",
           "GIT_COMMITTER_NAME": "Coordinator", "GIT_COMMITTER_EMAIL": "coord@example.org"}


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def git(cwd: Path, env: dict[str, str], *args: str) -> None:
    result = run(["git", *args], cwd, env)
    assert result.returncode == 0, result.stderr


@pytest.mark.heavy
def test_hook_refuses_a_wrong_count_and_passes_once_fixed(tmp_path: Path, cli: Cli,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "NO_COLOR": "1"}
    env.pop("SIGNON_WORKSPACE", None)

    # The hook repository: this one, cloned at HEAD (pre-commit installs from a git rev).
    hooks = tmp_path / "signon"
    result = run(["git", "clone", "--quiet", str(ROOT), str(hooks)], tmp_path, env)
    assert result.returncode == 0, f"cannot clone {ROOT}: {result.stderr}"
    assert (hooks / ".pre-commit-hooks.yaml").is_file(), ".pre-commit-hooks.yaml is not committed"

    # The coalition's repository: a workspace whose letter claims 3 organizations; 2 signed.
    repo = tmp_path / "coalition"
    repo.mkdir()
    git(repo, env, "init", "--quiet")
    monkeypatch.chdir(repo)
    assert cli("init", ".").exit_code == 0
    for oid, name in (("a", "Alpha Rights"), ("b", "Beta Watch"), ("c", "Gamma Centre")):
        assert cli("add-org", name, "--id", oid).exit_code == 0
    assert cli("new-letter", "appeal", "--date", "2024-03-01").exit_code == 0
    letter = repo / "letters" / "appeal" / "letter.md"
    text = letter.read_text(encoding="utf-8")
    front = text[: text.index("+++", 3) + 4]
    letter.write_text(front + "\n3 organizations call on the government.\n\n{{ signatories }}\n",
                      encoding="utf-8")
    assert cli("sign", "appeal", "a", "b").exit_code == 0
    git(repo, env, "add", "-A")
    git(repo, env, "commit", "--quiet", "-m", "letter")

    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hooks, capture_output=True,
                          text=True, check=True).stdout.strip()
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hooks}\n  rev: {head}\n  hooks:\n  - id: signon-check\n",
        encoding="utf-8")
    git(repo, env, "add", ".pre-commit-config.yaml")
    pre_commit = [sys.executable, "-m", "pre_commit", "run", "--color", "never"]
    failed = run([*pre_commit, "--all-files"], repo, env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "signon check" in failed.stdout and "Failed" in failed.stdout
    line = front.count("\n") + 2  # the claim's line: after the front matter and a blank line
    assert (f"letters/appeal/letter.md:{line}: the letter says '3 organizations' "
            "(3 organizations) but 2 organizations signed") in failed.stdout

    # The third organization signs; pre-commit checks what is staged.
    assert cli("sign", "appeal", "c").exit_code == 0
    git(repo, env, "add", "-A")
    passed = run([*pre_commit, "--all-files"], repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "signon check" in passed.stdout and "Passed" in passed.stdout

    # A commit that touches neither orgs.toml nor letters/ does not run the check.
    (repo / "README.md").write_text("Our letters\n", encoding="utf-8")
    git(repo, env, "add", "README.md")
    skipped = run([*pre_commit, "--files", "README.md"], repo, env)
    assert skipped.returncode == 0, skipped.stdout + skipped.stderr
    assert "(no files to check)" in skipped.stdout and "Skipped" in skipped.stdout
