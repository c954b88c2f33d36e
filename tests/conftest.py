"""Shared fixtures: real workspaces on disk and a CliRunner with a fixed terminal."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
import typer
import typer.main
import typer.testing
from typer.testing import CliRunner

# Whole-output comparisons need the same terminal everywhere: fixed width, no colour.
os.environ["COLUMNS"] = "120"
os.environ["NO_COLOR"] = "1"
os.environ.pop("FORCE_COLOR", None)
os.environ.pop("SIGNON_WORKSPACE", None)
# The parse cache is exercised by its own tests; elsewhere it must not hide a parse.
os.environ["SIGNON_NO_CACHE"] = "1"

# Typer builds the whole click command tree (~40 ms for signon's commands) on every
# CliRunner.invoke; thousands of invocations made that most of the suite's time.  The
# tree is built from the app's declarations only, so one build serves every test.
_commands: dict[int, object] = {}


def _built_once(app: typer.Typer) -> object:
    key = id(app)
    if key not in _commands:
        _commands[key] = typer.main.get_command(app)
    return _commands[key]


typer.testing._get_command = _built_once  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "examples" / "bialiatski-2011.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_sessionstart(session: pytest.Session) -> None:
    # signon's own modules, compiled once before the workers start: with
    # PYTHONDONTWRITEBYTECODE=1 (this machine, CI) nothing is cached on import, and each of
    # the suite's signon subprocesses compiled them again (uv compiles only site-packages).
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        import compileall

        compileall.compile_dir(ROOT / "src" / "signon", quiet=1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Heavy tests first: with xdist the run then ends when the many quick tests do,
    # not when a 20-second test that happened to be collected last does.
    items.sort(key=lambda item: item.get_closest_marker("heavy") is None)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def cli(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> Callable[..., object]:
    """Run ``signon ARGS`` in-process; returns the click Result (stdout/stderr separate)."""
    from signon.cli import app

    def invoke(*args: str, cwd: Path | None = None, input: str | None = None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty workspace made by `signon init`, and the current folder."""
    from signon.workspace import init_workspace

    ws = init_workspace(tmp_path / "ws").root
    monkeypatch.chdir(ws)
    return ws


@pytest.fixture
def small_letter(workspace: Path, cli: Callable[..., object]) -> Path:
    """Five organizations; coalition k (c, d, e) signs with a and b on letter "demo"."""
    for oid, name, country in [("a", "Alpha Rights", "Norway"), ("b", "Beta Watch", "Poland"),
                               ("c", "Gamma Centre", "Georgia"), ("d", "Delta Forum", "Armenia"),
                               ("e", "Östgruppen", "Sweden")]:
        assert cli("add-org", name, "--id", oid, "--country", country).exit_code == 0
    assert cli("add-coalition", "Kappa House", "--id", "k", "--member", "c", "--member", "d",
               "--member", "e").exit_code == 0
    assert cli("new-letter", "demo", "--title", "Demo letter",
               "--date", "2024-03-01").exit_code == 0
    assert cli("sign", "demo", "a", "b", "k", "--date", "2024-03-02").exit_code == 0
    return workspace
