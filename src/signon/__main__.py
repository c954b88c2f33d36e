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
    from signon.cli import run

    run()


if __name__ == "__main__":
    main()
