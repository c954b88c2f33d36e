"""Issue 9 item 6: a name the letter printed is kept when it matches an entry by another of
its names; and a list cell that names nobody is left out, not the end of the import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

Cli = Callable[..., Any]

LETTER = """Joint letter

We, the undersigned organizations, call for the release of all political prisoners.

Signed:

Reporters Without Borders
VIASNA
Alpha Rights
Beta Watch
"""


def _roster(cli: Cli) -> None:
    assert cli("add-org", "Reporters sans frontières", "--id", "rsf", "--country", "France",
               "--alias", "Reporters Without Borders").exit_code == 0
    assert cli("add-org", "Viasna", "--country", "Belarus").exit_code == 0
    assert cli("add-org", "Alpha Rights", "--id", "alpha", "--country", "Norway").exit_code == 0


def test_a_name_matched_by_alias_is_printed_as_the_letter_printed_it(
        workspace: Path, cli: Cli, tmp_path: Path) -> None:
    _roster(cli)
    source = tmp_path / "letter.txt"
    source.write_text(LETTER, encoding="utf-8")
    result = cli("import-letter", str(source), "--slug", "l")
    assert result.exit_code == 0, result.stderr
    record = (workspace / "letters" / "l" / "signatures.toml").read_text(encoding="utf-8")
    # Matched by its alias: the letter keeps "Reporters Without Borders"; matched by its
    # own name in other capitals: the roster's spelling is the better one.
    assert 'id = "rsf", date = ' in record and 'printed = "Reporters Without Borders"' in record
    assert record.count("printed =") == 1
    composed = cli("compose", "l").stdout
    assert "Reporters Without Borders (France)" in composed
    assert "Viasna (Belarus)" in composed and "VIASNA" not in composed
    assert "Reporters sans frontières" not in composed
    orgs = cli("orgs", "--json").stdout
    assert '"name": "Reporters sans frontières"' in orgs  # the roster keeps its own name


def test_the_printed_name_survives_export_and_import(workspace: Path, cli: Cli,
                                                     tmp_path: Path) -> None:
    _roster(cli)
    source = tmp_path / "letter.txt"
    source.write_text(LETTER, encoding="utf-8")
    assert cli("import-letter", str(source), "--slug", "l").exit_code == 0
    assert cli("export", "l", "--txt", "-o", str(tmp_path / "sent.txt")).exit_code == 0
    again = cli("import-letter", str(tmp_path / "sent.txt"), "--slug", "again")
    assert again.exit_code == 0, again.stderr
    assert cli("compose", "again").stdout.count("Reporters Without Borders (France)") == 1
    assert cli("orgs", "--json").stdout.count('"id": "rsf"') == 1  # matched, not created


def test_a_table_cell_that_names_nobody_is_left_out_and_said(workspace: Path, cli: Cli,
                                                             tmp_path: Path) -> None:
    # A real letter's table (the NGI open letter, 2024) has rows whose cells are "-".
    source = tmp_path / "table.md"
    source.write_text(
        "Open letter\n\nWe, the undersigned, ask the Commission to keep funding free "
        "software.\n\n| Name | Type | Link |\n|---|---|---|\n| Alpha Rights | Association | "
        "https://a.org |\n| - | Individual | - |\n| Beta Watch | NGO | - |\n"
        "| Gamma Centre | NGO | https://g.org |\n", encoding="utf-8")
    result = cli("import-letter", str(source), "--slug", "t", "--start", "We, the undersigned")
    assert result.exit_code == 0, result.stderr
    assert "left out '-': it holds no letter or digit, so it names nobody" in (
        result.stdout + result.stderr)
    assert cli("check", "t", "--json").stdout.count('"organizations": 3') == 1


def test_check_flags_a_printed_name_edited_by_hand_with_control_characters(
        small_letter: Path, cli: Cli) -> None:
    path = small_letter / "letters" / "demo" / "signatures.toml"
    text = path.read_text(encoding="utf-8")
    edited = '{ id = "a", date = "2024-03-02", printed = "Alpha\\u202eRights" }'
    path.write_text(text.replace('{ id = "a", date = "2024-03-02" }', edited), encoding="utf-8")
    result = cli("check", "demo")
    assert result.exit_code == 1
    assert ("error control-character: letters/demo/signatures.toml: the name printed for a "
            "'Alpha\\\\u202eRights' holds control or bidi characters") in result.stdout
