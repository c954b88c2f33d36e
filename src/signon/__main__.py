"""Entry point for ``signon`` and ``python -m signon``."""

from __future__ import annotations

import sys


def main() -> None:
    # `signon --version` is run by scripts and shell prompts; answering it before
    # Typer, rich and their dependencies load keeps it near bare-interpreter speed.
    if sys.argv[1:] == ["--version"]:
        from signon import __version__

        sys.stdout.write(f"signon {__version__}\n")
        return
    import gc

    # Reading a roster makes a few objects per organization and frees almost none, so
    # Python's collector, at its default of every 700 new objects, walks the growing heap
    # again and again: about a third of `check` on a 100,000-organization roster.  A
    # command is a short process that makes few cycles; collect rarely (library users
    # keep their own settings: this is the command line's choice only).
    gc.set_threshold(100_000, 50, 100)
    from signon.cli import run

    run()


if __name__ == "__main__":
    main()
