"""Fixtures for the export tests: a letter with every shape the list can take."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

BODY = """\
{{ count }} organizations call on the **Government** to release *Ales Bialiatski*.

## Our demands

1. Release him [now](https://example.org/release?a=1&b=2).
2. Drop the charges.

{{ signatories }}

Contact: <coord@example.org>
"""


def set_front(ws: Path, slug: str, **values: str) -> None:
    """Replace ``key = …`` lines of the front matter (values are TOML literals)."""
    path = ws / "letters" / slug / "letter.md"
    text = path.read_text(encoding="utf-8")
    for key, literal in values.items():
        text, n = re.subn(rf"(?m)^{key} = .*$", f"{key} = {literal}", text, count=1)
        if not n:
            text = text.replace("+++\n", f"+++\n{key} = {literal}\n", 1)
    path.write_text(text, encoding="utf-8")


def _build(ws: Path) -> None:
    """small_letter's workspace plus RTL names, a nested coalition, hostile names, individuals."""
    from readback import set_body
    from typer.testing import CliRunner

    from signon.cli import app

    runner = CliRunner()

    def ok(*args: str) -> None:
        result = runner.invoke(app, ["-W", str(ws), *args], catch_exceptions=False)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)

    runner.invoke(app, ["init", str(ws)], catch_exceptions=False)
    for oid, name, country in [
        ("a", "Alpha Rights", "Norway"),
        ("b", "Beta Watch", "Poland"),
        ("c", "Gamma Centre", "Georgia"),
        ("d", "Delta Forum", "Armenia"),
        ("e", "Östgruppen", "Sweden"),
        ("cairo", "مركز القاهرة لدراسات حقوق الإنسان", "Egypt"),
        ("hebrew", "עמותת זכויות", "Israel"),
        ("z", "Zeta & Sons", "Chile"),
        ("y", "Ypsilon Forum", "Peru"),
    ]:
        ok("add-org", name, "--id", oid, "--country", country)
    ok("add-org", '=HYPERLINK("http://x.invalid","y")', "--id", "formula")
    ok("add-org", "<script>alert(1)</script> *Org* [x](y) {{ 7*7 }}", "--id", "markup")
    ok("add-org", "Omega Union", "--id", "omega")
    ok(
        "add-coalition",
        "Kappa House",
        "--id",
        "k",
        "--member",
        "c",
        "--member",
        "d",
        "--member",
        "e",
    )
    ok("add-coalition", "Inner Circle", "--id", "inner", "--member", "cairo", "--member", "y")
    ok(
        "add-coalition",
        "Outer Network",
        "--id",
        "outer",
        "--member",
        "inner",
        "--member",
        "omega",
        "--heading",
        "on behalf of the following NGOs",
    )
    ok("new-letter", "demo", "--title", "Demo letter", "--date", "2024-03-01")
    ok("sign", "demo", "a", "b", "k", "--date", "2024-03-02")
    ok("sign", "demo", "outer", "hebrew", "formula", "markup")
    ok("sign", "demo", "z", "--signer", "Ana Z, Director")
    ok("sign-individual", "demo", "Jane Doe", "--title", "Professor", "--affiliation", "Uni X")
    ok("sign-individual", "demo", "--", "-Minus Person")
    set_body(ws, "demo", BODY)
    set_front(ws, "demo", recipients='["President X", "Minister Y"]')


@pytest.fixture(scope="session")
def rich_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("rich") / "ws"
    _build(ws)
    return ws


@pytest.fixture
def rich_letter(rich_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the rich workspace, and the current folder.

    Kappa House (c, d, e) with a and b as in small_letter; Outer Network holds
    Inner Circle (an Arabic-named member and another) and Omega Union; a
    Hebrew name, a formula, markup and a Jinja-looking name sign at the top
    level; two individuals, one whose name starts with "-".
    """
    ws = tmp_path / "ws"
    shutil.copytree(rich_template, ws)
    monkeypatch.chdir(ws)
    return ws
