"""Help and messages that read well: metavars, whole-sentence summaries, who was recorded."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from signon.cli import app

Cli = Callable[..., Any]


def commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def help_of(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], terminal_width=80)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_summary_is_a_whole_sentence() -> None:
    text = help_of()
    listing = text[text.index("Commands:") :].splitlines()[1:]
    summaries: dict[str, str] = {}
    current = ""
    for line in listing:
        m = re.match(r"  (\S+)\s+(.*)", line)
        if m and not line.startswith("    "):
            current = m.group(1)
            summaries[current] = m.group(2)
        elif line.strip():
            summaries[current] += " " + line.strip()
    assert sorted(summaries) == commands()
    for name, summary in summaries.items():
        assert summary[0].isupper() and summary.endswith("."), (name, summary)
        assert "..." not in summary, (name, summary)


@pytest.mark.parametrize("command", commands())
def test_metavars_and_arguments(command: str) -> None:
    text = help_of(command)
    assert "<" not in re.sub(r"<[^>]*@[^>]*>", "", text), text  # no <str>, <int range>, <path>
    usage = text.splitlines()[0]
    args = usage.split("[OPTIONS]", 1)[1].split()
    for arg in args:
        assert arg.strip("[].") == arg.strip("[].").upper(), usage
    if "Arguments:" in text:
        block = text.split("Arguments:", 1)[1].split("\n\n", 1)[0]
        for line in block.splitlines():
            if re.match(r"  \S", line):
                name = line.split()[0]
                assert name == name.upper(), (command, line)
    assert "(s)" not in text and "?;" not in text


def test_option_metavars_say_what_the_value_is() -> None:
    assert "  --date DATE " in help_of("sign")
    assert "  --signer TEXT " in help_of("sign")
    assert "  -o, --output PATH " in help_of("compose")
    assert "  --width N " in help_of("compose")
    assert "  --top N " in help_of("stats")
    assert "  --paper SIZE " in help_of("export")


def test_sign_and_withdraw_say_who(small_letter: Path, cli: Cli) -> None:
    assert cli("add-org", "Omega Union", "--id", "omega").exit_code == 0
    result = cli("sign", "demo", "omega")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "demo: recorded Omega Union (omega)\n",
        "",
    )
    result = cli("sign-individual", "demo", "Jane Doe")
    assert result.stdout == "demo: Jane Doe signed as an individual\n"
    result = cli("withdraw", "demo", "omega", "b", "--individual", "Jane Doe")
    assert result.stdout == (
        "demo: withdrew Omega Union (omega), Beta Watch (b) and Jane Doe "
        "(kept on record, dropped from the list)\n"
    )
    result = cli("sign", "demo", "a", "b")
    assert (result.stdout, result.stderr) == (
        "demo: Beta Watch (b) signed again after withdrawing\n",
        "a had already signed demo\n",
    )


def test_an_unknown_id_reads_as_sentences(small_letter: Path, cli: Cli) -> None:
    assert cli("add-org", "Omega Union", "--id", "omega").exit_code == 0
    result = cli("sign", "demo", "omegaa")
    assert (result.exit_code, result.stderr) == (
        3,
        "error: unknown id 'omegaa' (did you mean 'omega'?); nothing was recorded\n",
    )
    result = cli("sign", "demo", "zzz")
    assert result.stderr == (
        "error: unknown id 'zzz'; look it up in the roster's list; nothing was recorded "
        "(`signon orgs`)\n"
    )


def test_add_members_counts_in_words(small_letter: Path, cli: Cli) -> None:
    assert cli("add-org", "Omega Union", "--id", "omega").exit_code == 0
    assert cli("add-members", "k", "omega").stdout == "k: added 1 member: omega\n"
    assert cli("remove-members", "k", "omega").stdout == "k: removed 1 member: omega\n"


def test_new_letter_prints_the_real_path(workspace: Path, cli: Cli) -> None:
    result = cli("new-letter", "appeal")
    assert result.stdout == (
        "created letters/appeal/letter.md: edit the body, then `signon sign appeal ID…`\n"
    )
    assert (workspace / "letters" / "appeal" / "letter.md").read_text("utf-8").endswith("}}\n")
    (workspace / "sub").mkdir()
    result = cli("new-letter", "second", cwd=workspace / "sub")
    assert result.stdout.startswith(f"created {workspace}/letters/second/letter.md: ")


def test_show_completion_without_an_interactive_shell(tmp_path: Path) -> None:
    # As from a script or an installer: no terminal, no shell as the parent process.
    env = {k: v for k, v in os.environ.items() if k not in ("SHELL", "COLUMNS")}
    done = subprocess.run(
        [sys.executable, "-m", "signon", "--show-completion", "bash"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("_signon_completion() {")
    assert "complete -o default -F _signon_completion signon" in done.stdout
