"""The ``signon`` command line: thin wrappers that parse, call the library, render with rich.

Commands live in one module per area (roster, letters, export, import,
workflow); importing them registers them on :data:`app`.  Heavy libraries
(python-docx, Jinja2, markdown-it) are imported inside the commands that use
them, so start-up stays close to Typer's own.
"""

from __future__ import annotations

from signon.cli import (  # noqa: F401  (imported for their @app.command registrations)
    export_cmds,
    import_cmds,
    letter_cmds,
    roster_cmds,
    workflow_cmds,
)
from signon.cli._common import app


def run() -> None:
    app(prog_name="signon")


__all__ = ["app", "run"]
