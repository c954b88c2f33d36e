"""What every command shares: the app, consoles, the workspace option, error display.

Library code raises :class:`~signon.errors.SignonError`; :class:`SignonGroup`
turns it into one sentence on stderr and the SPEC's exit code, so no command
needs its own try/except and no user ever sees a traceback.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from signon.errors import IOFailure, LetterHasErrors, NotAWorkspace, Remedy, SignonError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from signon.workspace import Workspace


def _no_color() -> bool:
    return bool(os.environ.get("NO_COLOR"))


# rich costs ~60 ms to import; commands that only print a line never load it.
@cache
def get_console() -> Console:
    from rich.console import Console

    # Names are data: consoles never interpret [bold]-style markup or emoji codes in them.
    return Console(markup=False, emoji=False, highlight=False, no_color=_no_color())


@cache
def get_err_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, markup=False, emoji=False, highlight=False,
                   no_color=_no_color())


def print_styled(parts: Sequence[tuple[str, str]], *, err: bool = False) -> None:
    """One line of ``(text, style)`` parts: in colour through rich on a terminal; else as
    the plain text rich would write there, without loading rich (~60 ms)."""
    stream = sys.stderr if err else sys.stdout
    if not (stream.isatty() or os.environ.get("FORCE_COLOR")):
        from signon.text import printable

        stream.write(printable("".join(text for text, _ in parts)) + "\n")
        return
    from rich.text import Text

    line = Text()
    for text, style in parts:
        line.append(text, style=style or None)
    (get_err_console() if err else get_console()).print(line, soft_wrap=True)


class State:
    workspace: str | None = None
    drop_comments: bool = False
    quiet: bool = False


state = State()


def show_error(message: str) -> None:
    if sys.stderr.isatty() and not _no_color():
        from rich.text import Text

        text = Text("error: ", style="bold red")
        text.append(message)
        get_err_console().print(text, soft_wrap=True)
    else:
        sys.stderr.write(f"error: {message}\n")


def with_flags(message: str, hint: Iterable[tuple[str, str]]) -> str:
    """A library message that names keyword arguments (``hint``), with this CLI's flags."""
    flags = " and ".join(
        f"--{keyword.replace('_', '-')} {value}".rstrip() for keyword, value in hint
    )
    return f"{message.rstrip('.')} (with {flags})" if flags else message


_PLAIN_ARG = re.compile(r"[\w.…/:=@+,-]+")


def command_text(remedy: Remedy) -> str:
    """The command line that carries out ``remedy`` (`signon merge a b`)."""
    words = ["signon", remedy.operation, *remedy.args]
    for keyword, value in remedy.options:
        words += [f"--{keyword.replace('_', '-')}", value] if value else [f"--{keyword}"]
    import shlex

    return " ".join(w if _PLAIN_ARG.fullmatch(w) else shlex.quote(w) for w in words)


def with_remedies(message: str, remedies: Iterable[Remedy], needed: str = "any") -> str:
    """A library message, with the commands that do what it asks (any one of them, or all
    when ``needed`` is ``"all"``)."""
    commands = (" and " if needed == "all" else " or ").join(
        f"`{command_text(r)}`" for r in remedies)
    return f"{message} ({commands})" if commands else message


def error_text(err: SignonError) -> str:
    """The library's sentence, with the commands that fix it and the flag that overrides
    it when there are."""
    message = with_remedies(str(err), err.remedies, err.remedies_needed)
    if err.argument and message.startswith(err.argument + " "):
        message = f"--{err.argument.replace('_', '-')}{message[len(err.argument):]}"
    if isinstance(err, NotAWorkspace):
        message += (f"; create one with `signon init {err.folder}`" if err.named else
                    "; run `signon init` to create a workspace here, or pass --workspace DIR")
    message = with_flags(message, err.hint)
    if err.override:
        flag = "--" + err.override.replace("_", "-")
        if message.endswith("?"):  # "?;" reads badly: the question ends its sentence
            message = f"{message} Run again with {flag} to go ahead anyway"
        else:
            message = f"{message.rstrip('.')}; run again with {flag} to go ahead anyway"
    return message


class SignonGroup(TyperGroup):
    """Maps signon's exceptions to exit codes and one-line messages."""

    # Each command's help, set by the entry point when `signon --help` lists the
    # commands without building them (signon.cli.HELP).
    listing: ClassVar[dict[str, str] | None] = None

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        if self.commands or not self.listing:
            super().format_commands(ctx, formatter)
            return
        from gettext import gettext as _

        # Laid out as TyperGroup lays out built commands, each with the first sentence of
        # its help (PlainUsageCommand.get_short_help_str).
        rows = [(name, first_sentence(text)) for name, text in self.listing.items()]
        with formatter.section(_("Commands")):
            formatter.write_dl(rows)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except SignonError as err:
            if isinstance(err, LetterHasErrors):  # show what check found, then the refusal
                from signon.cli.report import print_check_report

                for result in err.results:
                    print_check_report(result, err=True)
            show_error(error_text(err))
            raise typer.Exit(err.exit_code) from None
        except KeyboardInterrupt:
            show_error("interrupted; nothing was half-written")
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # The reader went away (`signon orgs | head -1`): nothing more to say to it,
            # and no error either.  Later writes, at exit, go nowhere.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(141) from None
        except OSError as err:
            failure = IOFailure(f"{err.strerror or err}: {err.filename or ''}".rstrip(": "))
            show_error(f"{failure}; check the path, its permissions and free disk space")
            raise typer.Exit(failure.exit_code) from None


# Metavars by what the value is, where a command does not name one: Typer would print
# "<str>" or "<int range>".
_METAVARS = {"date": "DATE", "since": "DATE", "lang": "LANG", "language": "LANG",
             "output": "PATH", "country": "COUNTRY", "slug": "SLUG"}
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|cf|vs)\.$")


def _metavar(param: Any) -> str | None:
    if param.metavar is not None or getattr(param, "is_flag", False):
        return None
    name = (param.name or "").lower()
    if param.param_type_name == "argument":
        return name.upper()
    if name in _METAVARS:
        return _METAVARS[name]
    kind = str(getattr(param.type, "name", ""))
    if kind == "choice":
        return None  # click lists the choices: [a4|letter]
    if kind.startswith(("int", "float")):
        return "N"
    if kind in ("path", "file", "filename"):
        return "PATH"
    return "TEXT"


def first_sentence(text: str) -> str:
    """The help's first sentence, whole (click would cut it at 45 characters with "...")."""
    words = " ".join(text.split("\n\n")[0].split()).split(" ")
    out: list[str] = []
    for word in words:
        out.append(word)
        if word.endswith((".", "!", "?")) and not _ABBREVIATION.search(word):
            break
    return " ".join(out)


class PlainUsageCommand(TyperCommand):
    """A command whose usage line reads ``add-org [OPTIONS] NAME`` (Typer prints ``{name}``).

    Its arguments and options show metavars in capitals (``LETTER``, ``DATE``, ``N``),
    and ``signon --help`` shows the first sentence of its help whole.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            metavar = _metavar(param)
            if metavar is not None:
                param.metavar = metavar

    def get_short_help_str(self, limit: int = 45) -> str:
        if self.short_help or not self.help:
            return str(super().get_short_help_str(limit))
        return first_sentence(self.help)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from typer._click.exceptions import NoSuchOption  # typer vendors click

        typed_args = list(args)  # the parser consumes the list it is given
        try:
            return list(super().parse_args(ctx, args))
        except NoSuchOption as err:
            # "-dash" or "-- Rights --" typed as a name reads as options: say how to pass it.
            typed = next((a for a in typed_args if a.startswith(err.option_name)),
                         err.option_name)
            looks_like_option = re.fullmatch(r"--[a-z][a-z0-9-]*|-[A-Za-z]", typed)
            if not (err.possibilities or looks_like_option) and any(
                    p.param_type_name == "argument" for p in self.get_params(ctx)):
                import shlex

                err.message = (f"{err.message}; if {typed!r} is a value rather than an option, "
                               f"put -- before it: signon {ctx.info_name} -- {shlex.quote(typed)}")
            raise

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                var = param.metavar or (param.name or "").upper()
                if param.nargs != 1 and not var.endswith("..."):
                    var += "..."
                pieces.append(var if param.required else f"[{var}]")
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces


F = TypeVar("F", bound=Callable[..., Any])


class SignonTyper(typer.Typer):
    """Every command gets the plain usage line."""

    def command(self, name: str | None = None, *, cls: Any = None,
                **kwargs: Any) -> Callable[[F], F]:
        decorator: Callable[[F], F] = super().command(name, cls=cls or PlainUsageCommand,
                                                      **kwargs)
        return decorator


app = SignonTyper(
    cls=SignonGroup,
    name="signon",
    help="Compose sign-on letters: keep the roster of organizations and coalitions, record who "
    "signed, state the right count, export Word, text, HTML and CSV.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def version_callback(value: bool) -> None:
    if value:
        from signon import __version__

        sys.stdout.write(f"signon {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_callback(
    workspace: Annotated[
        Path | None,
        typer.Option("--workspace", "-W", metavar="DIR",
                     help="Workspace folder (default: the nearest folder holding orgs.toml, "
                     "or $SIGNON_WORKSPACE).", show_default=False),
    ] = None,
    drop_comments: Annotated[
        bool,
        typer.Option("--drop-comments", help="Allow rewriting orgs.toml even though that drops "
                     "its hand-written # comments."),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=version_callback, is_eager=True,
                     help="Show the version and exit."),
    ] = False,
) -> None:
    state.workspace = str(workspace) if workspace else None
    state.drop_comments = drop_comments


def ws() -> Workspace:
    # Imported here: `signon --help` and completion need no workspace code.
    from signon.workspace import find_workspace

    return find_workspace(state.workspace)


PeopleOpt = Annotated[bool, typer.Option(
    "--people", help="The list holds people only: every name is read as an individual's.")]
OrganizationsOpt = Annotated[bool, typer.Option(
    "--organizations", help="The list holds organizations only: no name is read as a "
    "person's.")]


def list_holds(people: bool, organizations: bool) -> str | None:
    """What --people / --organizations declare the list holds (None: let signon tell)."""
    if people and organizations:
        raise typer.BadParameter("give --people or --organizations, not both")
    return "individuals" if people else "organizations" if organizations else None


def print_json(data: Any) -> None:
    import json  # only the commands that print JSON pay for it

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def say(message: str | Text) -> None:
    """A line on stdout, never interpreted as markup."""
    if isinstance(message, str):
        sys.stdout.write(message + "\n")
    else:
        get_console().print(message, soft_wrap=True)


def note(message: str) -> None:
    """A status line on stderr (kept out of stdout so pipes stay clean); --quiet hides it."""
    if not state.quiet:
        sys.stderr.write(message + "\n")
