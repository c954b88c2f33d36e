"""The entry point builds only the command it runs; it must behave as the whole app does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import signon.cli as cli


def test_the_command_table_names_every_registered_command_and_its_module() -> None:
    app = cli.load_all()
    registered = {cli.command_name(c): c.callback.__module__.rsplit(".", 1)[1]
                  for c in app.registered_commands}
    assert registered == cli.COMMANDS
    assert set(cli.COMMANDS.values()) == set(cli.MODULES)


def test_the_help_table_is_each_commands_own_help_in_order() -> None:
    from typer.main import get_command

    group = get_command(cli.load_all())
    built = {name: group.commands[name].help  # type: ignore[attr-defined]
             for name in group.list_commands(None)}  # type: ignore[attr-defined]
    assert list(cli.HELP) == list(cli.COMMANDS) == list(built)
    assert built == cli.HELP


@pytest.mark.parametrize(("args", "expected"), [
    (["check", "big"], "check"),
    (["-W", "ws", "add-org", "X"], "add-org"),
    (["--workspace", "ws", "--drop-comments", "edit-org", "a"], "edit-org"),
    (["--workspace=ws", "orgs", "--help"], "orgs"),
    (["-Wws", "show", "a"], "show"),
    ([], None),
    (["--help"], None),
    (["-h", "check"], None),  # the group's help lists every command
    (["--show-completion"], None),
    (["chek"], None),  # click's "Did you mean 'check'?" needs them all
    (["--", "check"], None),
    (["-W"], None),
])
def test_invoked_command(args: list[str], expected: str | None) -> None:
    assert cli.invoked_command(args) == expected


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        cli.run(args)
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0), out, err


@pytest.mark.parametrize("args", [
    ["orgs", "--help"], ["add-org", "--help"], ["check", "--json"], ["orgs", "--json"],
    ["check", "nosuch"], ["add-org"], ["chek"], ["--help"], ["-h"], [],
])
def test_running_one_command_gives_what_the_whole_app_gives(
        args: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.main import get_command

    (tmp_path / "orgs.toml").write_text('[orgs.a]\nname = "Alpha"\n', encoding="utf-8")
    (tmp_path / "letters").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("_SIGNON_COMPLETE", raising=False)
    lazy = _run(args, capsys)
    with pytest.raises(SystemExit) as exit_info:
        get_command(cli.load_all())(args, prog_name="signon")
    out, err = capsys.readouterr()
    code = exit_info.value.code
    assert lazy == ((code if isinstance(code, int) else 0), out, err)
    assert len(cli.load_all().registered_commands) == len(cli.COMMANDS)  # restored after run


def _run_in_process(args: list[str], shown: str, cwd: Path,
                    env: dict[str, str] | None = None) -> tuple[str, str]:
    """Run ``signon ARGS`` in a fresh interpreter; stdout, and ``shown`` (an expression
    over ``sys.modules``) evaluated after it, as stderr."""
    import subprocess
    import sys

    script = (f"import sys\nfrom signon.cli import run\ntry:\n    run({args!r})\n"
              f"except SystemExit:\n    pass\nprint({shown}, file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", script], cwd=cwd, capture_output=True,
                          text=True, env=env if env is not None else
                          {**os.environ, "NO_COLOR": "1"})
    return proc.stdout, proc.stderr.strip()


_COMMAND_MODULES = "sorted(m for m in sys.modules if m.endswith('_cmds'))"


def test_a_command_loads_only_its_own_module(tmp_path: Path) -> None:
    (tmp_path / "orgs.toml").write_text('[orgs.a]\nname = "Alpha"\n', encoding="utf-8")
    out, loaded = _run_in_process(["orgs", "--json"], _COMMAND_MODULES, tmp_path)
    assert '"id": "a"' in out
    assert loaded == "['signon.cli.roster_cmds']"


def test_the_groups_help_loads_no_command(tmp_path: Path) -> None:
    out, loaded = _run_in_process(["--help"], _COMMAND_MODULES, tmp_path)
    assert "import-letter    Read a letter" in out
    assert loaded == "[]"


def test_check_into_a_pipe_loads_no_rich(small_letter: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    out, loaded = _run_in_process(["check", "demo"], "'rich' in sys.modules", small_letter, env)
    assert out.startswith("✓ demo: 5 organizations")
    assert loaded == "False"
    out, loaded = _run_in_process(["check", "demo"], "'rich' in sys.modules", small_letter,
                                  {**env, "FORCE_COLOR": "1"})
    assert "\x1b[" in out and loaded == "True"


@pytest.mark.parametrize(("args", "hoisted"), [
    (["check", "--workspace", "ws", "demo"], ["--workspace", "ws", "check", "demo"]),
    (["add-org", "X", "-W", "ws"], ["-W", "ws", "add-org", "X"]),
    (["orgs", "--json", "--workspace=ws"], ["--workspace=ws", "orgs", "--json"]),
    (["-W", "ws", "orgs"], ["-W", "ws", "orgs"]),
    (["--workspace", "check", "orgs"], ["--workspace", "check", "orgs"]),  # a folder "check"
    (["add-org", "--", "-W", "x"], ["add-org", "--", "-W", "x"]),  # a name after --
    (["orgs", "-W"], ["orgs", "-W"]),  # no value: click says so
    (["nosuch", "-W", "ws"], ["nosuch", "-W", "ws"]),
])
def test_a_workspace_given_after_the_command_goes_to_the_group(
        args: list[str], hoisted: list[str]) -> None:
    assert cli.hoist_workspace(args) == hoisted


def test_workspace_after_the_command_works_end_to_end(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from signon.workspace import init_workspace

    init_workspace(tmp_path / "ws")
    assert _run(["add-org", "Alpha Rights", "--workspace", str(tmp_path / "ws")], capsys) == (
        0, "added alpha-rights: Alpha Rights\n", "")
    assert '"id": "alpha-rights"' in _run(["orgs", "--json", "-W", str(tmp_path / "ws")],
                                         capsys)[1]


def test_a_reader_that_goes_away_is_no_error(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "orgs.toml").write_text("", encoding="utf-8")
    (tmp_path / "letters").mkdir()
    names = "".join(f"Organization number {i}\n" for i in range(3000))
    (tmp_path / "list.txt").write_text(f"Letter\n\nWe ask.\n\nSigned:\n\n{names}",
                                       encoding="utf-8")
    # `signon import-letter … --explain | head -c 10`: the reader closes the pipe after a
    # few bytes, while signon still has thousands of lines to write, one at a time.
    proc = subprocess.Popen([sys.executable, "-m", "signon", "import-letter", "list.txt",
                             "--slug", "l", "--dry-run", "--explain"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert len(proc.stdout.read(10)) == 10
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) in (0, 141)
    assert err == ""
