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


def run(args: Sequence[str] | None = None) -> None:
    argv = list(sys.argv[1:] if args is None else args)
    name = None if os.environ.get("_SIGNON_COMPLETE") else invoked_command(argv)
    if name is None:
        load_all()(args=argv, prog_name="signon")
        return
    importlib.import_module(f"signon.cli.{COMMANDS[name]}")
    from signon.cli._common import app

    every = app.registered_commands
    app.registered_commands = [c for c in every if command_name(c) == name]
    try:
        app(args=argv, prog_name="signon")
    finally:
        app.registered_commands = every


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
