"""The library never speaks the command line: what to do next is data (Remedy), and the CLI
shows it as its own commands and flags."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from signon.cli._common import command_text, error_text, with_remedies
from signon.errors import RefusedInput, Remedy
from signon.roster import Roster

SRC = Path(__file__).resolve().parents[1] / "src" / "signon"

# Strings the library writes that are not messages: a command line for LibreOffice, and
# the comment at the top of a signature record, which tells a person editing the file by
# hand which commands change it.
_NOT_MESSAGES = re.compile(r"^--(headless|norestore|nolockcheck|convert-to|outdir)$|\n# `signon")
_CLI_SPEECH = re.compile(r"`signon [a-z]|(?<![\w-])--[a-z][a-z-]*|(?<![\w-])-o\b")


def _message_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value) for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    # An f-string is read whole, each placeholder as "x": f"--{key} …" names a flag.
    in_fstrings = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
                   for part in node.values}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(part.value if isinstance(part, ast.Constant) else "x"
                           for part in node.values)
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in docstrings and id(node) not in in_fstrings):
            text = node.value
        else:
            continue
        if not _NOT_MESSAGES.search(text):
            out.append((node.lineno, text))
    return out


def test_no_library_string_names_a_command_or_a_flag() -> None:
    found = [
        f"{path.relative_to(SRC)}:{line}: {text!r}"
        for path in sorted(SRC.rglob("*.py"))
        if "cli" not in path.relative_to(SRC).parts and path.name != "__main__.py"
        for line, text in _message_strings(path) if _CLI_SPEECH.search(text)
    ]
    assert found == []


def test_the_scan_would_see_a_command_in_a_message(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text('def f(x):\n    """Run `signon check`."""\n'
                      '    raise ValueError(f"bad {x}; run `signon check {x}`")\n'
                      '    raise ValueError(f"--{x} is wrong")\n')
    assert [line for line, text in _message_strings(sample) if _CLI_SPEECH.search(text)] == \
        [3, 4]


@pytest.mark.parametrize(("remedy", "shown"), [
    (Remedy("merge", ("a", "b")), "signon merge a b"),
    (Remedy("add-org", ("…",), (("id", "x-1"),)), "signon add-org … --id x-1"),
    (Remedy("edit-org", ("x",), (("remove_alias", "Old Name"), ("alias", "…"))),
     "signon edit-org x --remove-alias 'Old Name' --alias …"),
    (Remedy("diff", ("l",), (("since", "YYYY-MM-DD"),)), "signon diff l --since YYYY-MM-DD"),
    (Remedy("orgs"), "signon orgs"),
    (Remedy("edit-org", ("x",), (("name", "a;rm -rf ~"),)),
     "signon edit-org x --name 'a;rm -rf ~'"),
])
def test_a_remedy_is_shown_as_the_command_that_does_it(remedy: Remedy, shown: str) -> None:
    assert command_text(remedy) == shown


def test_remedies_are_alternatives_unless_all_are_needed() -> None:
    two = [Remedy("withdraw", ("l", "x")), Remedy("orgs")]
    assert with_remedies("do this", two) == "do this (`signon withdraw l x` or `signon orgs`)"
    assert with_remedies("do this", two, "all") == \
        "do this (`signon withdraw l x` and `signon orgs`)"
    assert with_remedies("do this", []) == "do this"


def test_an_unknown_id_names_the_list_to_look_in() -> None:
    roster = Roster()
    with pytest.raises(RefusedInput) as caught:
        roster.get("nobody")
    err = caught.value
    assert str(err) == "unknown id 'nobody'; look it up in the roster's list"
    assert err.remedies == (Remedy("orgs"),)
    assert error_text(err) == \
        "unknown id 'nobody'; look it up in the roster's list (`signon orgs`)"


def test_a_remedy_serializes_for_json() -> None:
    assert Remedy("add-org", ("…",), (("id", "x"),)).to_json() == \
        {"operation": "add-org", "args": ["…"], "options": {"id": "x"}}


def test_a_reworded_error_keeps_its_remedies_and_override() -> None:
    err = RefusedInput("unknown id 'x'", override="force", hint=[("start", "TEXT")],
                       remedies=[Remedy("orgs")])
    longer = err.reworded(f"{err}; nothing was recorded")
    assert type(longer) is RefusedInput and str(longer) == "unknown id 'x'; nothing was recorded"
    assert (longer.override, longer.hint, longer.remedies) == \
        ("force", (("start", "TEXT"),), (Remedy("orgs"),))


def test_a_message_naming_its_argument_names_the_option_on_the_command_line() -> None:
    from signon.letter import check_date

    with pytest.raises(RefusedInput) as caught:
        check_date("March 1", what="since", argument="since")
    assert str(caught.value) == "since 'March 1' is not a date; write it as YYYY-MM-DD"
    assert error_text(caught.value) == "--since 'March 1' is not a date; write it as YYYY-MM-DD"
