"""The ``signon`` command line: thin wrappers that parse, call the library, render with rich.

Commands live in one module per area (roster, letters, export, import,
workflow); importing them registers them on :data:`app`.  Heavy libraries
(python-docx, Jinja2, markdown-it) are imported inside the commands that use
them, so start-up stays close to Typer's own.

``signon CMD …`` from a shell (:func:`run`) imports only CMD's module and has
Typer build only CMD: turning all 23 commands into click commands costs ~25 ms
and their modules ~10 ms, on every run, for commands that are not used.
``from signon.cli import app`` still gives the whole app.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from signon.cli._common import SignonTyper

# In the order `signon --help` lists them: the roster, then letters, then output,
# import and the workflow around them.
MODULES = ("roster_cmds", "identity_cmds", "letter_cmds", "export_cmds", "import_cmds",
           "workflow_cmds")

# Which module registers each command (a test holds this equal to the registrations).
COMMANDS = {
    "init": "roster_cmds", "add-org": "roster_cmds", "add-coalition": "roster_cmds",
    "add-members": "roster_cmds", "remove-members": "roster_cmds", "edit-org": "roster_cmds",
    "remove-org": "roster_cmds", "orgs": "roster_cmds", "show": "roster_cmds",
    "duplicates": "identity_cmds", "merge": "identity_cmds",
    "new-letter": "letter_cmds", "sign": "letter_cmds", "withdraw": "letter_cmds",
    "sign-individual": "letter_cmds", "letters": "letter_cmds", "check": "letter_cmds",
    "compose": "letter_cmds",
    "export": "export_cmds",
    "import-letter": "import_cmds", "import-csv": "import_cmds",
    "stats": "workflow_cmds", "diff": "workflow_cmds",
}

# Each command's help, for `signon --help`, which lists every command without importing
# and building them all (a test holds this equal to the commands' own help).
HELP = {
    "init": (
        "Create a workspace: DIR/orgs.toml and DIR/letters/ (never overwrites)."
    ),
    "add-org": (
        "Add an organization to the roster (a likely duplicate is refused or warned "
        "about)."
    ),
    "add-coalition": (
        "Add a coalition that signs on behalf of its members."
    ),
    "add-members": (
        "Add members to a coalition (cycles are refused)."
    ),
    "remove-members": (
        "Remove members from a coalition."
    ),
    "edit-org": (
        "Change an organization's or coalition's fields (or its id, with --id)."
    ),
    "remove-org": (
        "Remove an organization or coalition (refused while a letter or coalition refers "
        "to it)."
    ),
    "orgs": (
        "List the roster."
    ),
    "show": (
        "One entry: its fields, its coalitions and every letter it signed."
    ),
    "duplicates": (
        "Likely duplicate pairs across the roster, best first, with score, reason and "
        "the\nletters each signed."
    ),
    "merge": (
        "Fold duplicates into KEEP in every letter, coalition and export history; their "
        "names\nbecome KEEP's aliases and their ids keep resolving to KEEP."
    ),
    "new-letter": (
        "Scaffold letters/SLUG/letter.md (front matter and a body to edit)."
    ),
    "sign": (
        "Record that organizations or coalitions signed a letter."
    ),
    "withdraw": (
        "Withdraw signatures: kept on record with the date, dropped from the list and "
        "counts."
    ),
    "sign-individual": (
        "Record an individual signatory (counted apart from organizations)."
    ),
    "letters": (
        "The letters of this workspace with their counts and check status."
    ),
    "check": (
        "Check counts, claims, duplicates, coalitions and templates; exit 1 on errors."
    ),
    "compose": (
        "The finished letter as plain text (refused while check finds errors in it)."
    ),
    "export": (
        "Write a letter as Word, PDF, HTML, Markdown, plain text and/or CSV."
    ),
    "import-letter": (
        "Read a letter (.txt, .md, .html, .docx, .pdf) and its signatory list into the "
        "roster\nand a new letter."
    ),
    "import-csv": (
        "Sign form responses (a CSV export, e.g. from Google Forms) on a letter. Rows "
        "that look\nlike junk, or like an existing entry, are held until a person decides "
        "(--review)."
    ),
    "stats": (
        "Counts by country, by coalition and by kind, largest first."
    ),
    "diff": (
        "Organizations and individuals added, withdrawn or renamed since a date or the "
        "last export."
    ),
}

# Options of the group itself that take a value, and those that need every command
# (the group's help lists them all; completion offers them all).
_VALUE_OPTIONS = frozenset({"--workspace", "-W"})
_NEEDS_ALL = frozenset({"-h", "--help", "--install-completion", "--show-completion"})


def load_all() -> SignonTyper:
    """The app with every command registered."""
    for module in MODULES:
        importlib.import_module(f"signon.cli.{module}")
    from signon.cli._common import app

    return app


def invoked_command(args: Sequence[str]) -> str | None:
    """The command ``args`` run, when it is certain that no other is needed."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in _NEEDS_ALL:
            return None
        if arg in _VALUE_OPTIONS:
            i += 2
            continue
        if arg == "--":
            return None  # rare enough to leave to click
        if arg.startswith("-"):
            i += 1
            continue
        return arg if arg in COMMANDS else None  # a typo: click suggests the near ones
    return None


def hoist_workspace(args: Sequence[str]) -> list[str]:
    """``args`` with a ``--workspace DIR`` (``-W DIR``) typed after the command moved
    before it, where the group takes it: `signon check --workspace ws demo` works as
    `signon --workspace ws check demo` does.  Nothing after ``--`` is touched."""
    args = list(args)
    command = next((i for i, a in enumerate(args) if a in COMMANDS), None)
    if command is None:
        return args
    head, tail, moved = args[:command + 1], args[command + 1:], []
    kept: list[str] = []
    i = 0
    while i < len(tail):
        arg = tail[i]
        if arg == "--":
            kept += tail[i:]
            break
        if arg in _VALUE_OPTIONS and i + 1 < len(tail):
            moved += tail[i:i + 2]
            i += 2
            continue
        if arg.startswith("--workspace="):
            moved.append(arg)
        else:
            kept.append(arg)
        i += 1
    return [*moved, *head, *kept] if moved else args


def run(args: Sequence[str] | None = None) -> None:
    argv = hoist_workspace(sys.argv[1:] if args is None else args)
    completing = bool(os.environ.get("_SIGNON_COMPLETE"))
    name = None if completing else invoked_command(argv)
    if name is None and (completing or not _top_help(argv)):
        load_all()(args=argv, prog_name="signon")
        return
    from signon.cli._common import SignonGroup, app

    if name is None:  # the group's own help: every command listed, none built
        SignonGroup.listing = HELP
    else:
        importlib.import_module(f"signon.cli.{COMMANDS[name]}")
    every = app.registered_commands
    app.registered_commands = [c for c in every if command_name(c) == name]
    try:
        app(args=argv, prog_name="signon")
    finally:
        app.registered_commands = every
        SignonGroup.listing = None


def _top_help(args: Sequence[str]) -> bool:
    """Whether ``args`` ask for the group's help and nothing else (``signon``, ``signon -h``)."""
    return not args or (len(args) == 1 and args[0] in ("-h", "--help"))


def command_name(info: Any) -> str:
    """The name Typer gives a registered command (its function's name, dashed)."""
    return str(info.name or info.callback.__name__.replace("_", "-"))


def __getattr__(name: str) -> Any:
    # `from signon.cli import app` (tests, scripts) gets every command; the entry point
    # above imports this package without paying for them.
    if name == "app":
        return load_all()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["COMMANDS", "MODULES", "app", "command_name", "invoked_command", "load_all", "run"]
