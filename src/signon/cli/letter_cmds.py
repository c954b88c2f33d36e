"""Letter commands: new-letter, sign, withdraw, sign-individual, letters, check, compose."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from signon.cli._common import (
    OrganizationsOpt,
    PeopleOpt,
    app,
    get_console,
    list_holds,
    note,
    print_json,
    say,
    ws,
)
from signon.text import printable

LetterArg = Annotated[
    str, typer.Argument(help="The letter's slug (its folder under letters/).", show_default=False)
]
LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Use the letter's version in this language (letters/SLUG/letter.LANG.md).",
        show_default=False,
    ),
]
DateOpt = Annotated[
    str | None,
    typer.Option("--date", help="Date as YYYY-MM-DD (default: today).", show_default=False),
]


@app.command("new-letter")
def new_letter(
    slug: LetterArg,
    title: Annotated[str, typer.Option("--title", help="The letter's title.")] = "",
    date: DateOpt = None,
    language: Annotated[
        str, typer.Option("--language", help="Language code of the letter, e.g. en, fr, be.")
    ] = "en",
) -> None:
    """Scaffold letters/SLUG/letter.md (front matter and a body to edit)."""
    path = ws().new_letter(slug, title=title, date=date or "", language=language)
    from signon.cli.render import shown_path

    say(f"created {shown_path(path)}: edit the body, then `signon sign {slug} ID…`")


@app.command()
def sign(
    letter: LetterArg,
    ids: Annotated[
        list[str],
        typer.Argument(
            metavar="ID",
            help="Roster ids that sign, or their acronyms, aliases or names (a coalition "
            "signs for its members).",
            show_default=False,
        ),
    ],
    date: DateOpt = None,
    signer: Annotated[
        str, typer.Option("--signer", help='Who signed for them: "Name, Title".')
    ] = "",
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Record the signature even if the organization already signs through a coalition.",
        ),
    ] = False,
    unnamed: Annotated[
        bool,
        typer.Option(
            "--unnamed",
            help="They asked not to be named: counted by the letter's rule, never printed.",
        ),
    ] = False,
) -> None:
    """Record that organizations or coalitions signed a letter."""
    from signon.cli.render import entry_names, in_words

    workspace = ws()
    result = workspace.sign(letter, ids, date=date, signer=signer, force=force,
                            unnamed=unnamed)
    for eid in result.already:
        note(f"{eid} had already signed {letter}")
    roster = workspace.roster()
    said = []
    if result.added:
        said.append(f"recorded {in_words(entry_names(roster, result.added))}")
    if result.renewed:
        said.append(f"{in_words(entry_names(roster, result.renewed))} signed again "
                    "after withdrawing")
    say(f"{letter}: {'; '.join(said) or 'nothing new recorded'}")


@app.command()
def withdraw(
    letter: LetterArg,
    ids: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="ID", help="Roster ids (or acronyms, aliases, names) whose signature is "
            "withdrawn; a member of a coalition that signed withdraws from this letter alone.",
            show_default=False
        ),
    ] = None,
    individual: Annotated[
        list[str] | None,
        typer.Option(
            "--individual", help="Name of an individual signatory to withdraw.", show_default=False
        ),
    ] = None,
    date: DateOpt = None,
) -> None:
    """Withdraw signatures: kept on record with the date, dropped from the list and counts."""
    from signon.cli.render import entry_names, in_words

    workspace = ws()
    workspace.withdraw(letter, ids or [], individuals=individual or [], date=date)
    # All or nothing: every id and name given was withdrawn (or the library refused).
    who = entry_names(workspace.roster(), list(dict.fromkeys(ids or []))) + list(individual or [])
    say(f"{letter}: withdrew {in_words(who)} (kept on record, dropped from the list)")


@app.command("sign-individual")
def sign_individual(
    letter: LetterArg,
    name: Annotated[str, typer.Argument(metavar="NAME", help="The person's name.")],
    title: Annotated[str, typer.Option("--title", help="Title, e.g. Professor.")] = "",
    affiliation: Annotated[str, typer.Option("--affiliation", help="Affiliation.")] = "",
    date: DateOpt = None,
) -> None:
    """Record an individual signatory (counted apart from organizations)."""
    person = ws().sign_individual(letter, name, title=title, affiliation=affiliation,
                                  date=date)
    say(f"{letter}: {person.name} signed as an individual")


@app.command()
def letters(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """The letters of this workspace with their counts and check status."""
    results = ws().check()
    if as_json:
        print_json(
            [
                {"letter": r.letter, "title": r.title, "ok": r.ok, "counts": r.counts.as_dict()}
                for r in results
            ]
        )
        return
    from signon.cli.render import letters_table, print_table

    print_table(letters_table(get_console(), results))


def _is_letter_file(arg: str) -> bool:
    """A check argument naming a file to audit rather than a letter of the workspace
    (slugs never hold a dot or a slash)."""
    if "/" in arg:
        return True
    suffix = Path(arg).suffix.lower()
    if not suffix:  # a slug: the importers (~6 ms to load) are not needed to tell
        return False
    from signon.importers.sources import FORMATS

    return suffix in FORMATS or suffix == ".pdf"


@app.command()
def check(
    letters: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="LETTER|FILE",
            help="Letters to check (default: all), or letter files (.txt, .md, .html, .docx, "
            ".pdf) to audit without importing them; a file needs no workspace.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    start: Annotated[
        str | None,
        typer.Option("--start", metavar="TEXT", show_default=False,
                     help="For a FILE: the list begins after the first line holding TEXT."),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option("--end", metavar="TEXT", show_default=False,
                     help="For a FILE: the list ends before the first line holding TEXT."),
    ] = None,
    language: Annotated[
        str | None,
        typer.Option("--language", metavar="LANG", show_default=False,
                     help="For a FILE: the language its claims are in (default: found from "
                     "its text)."),
    ] = None,
    people: PeopleOpt = False,
    organizations: OrganizationsOpt = False,
) -> None:
    """Check counts, claims, duplicates, coalitions and templates; exit 1 on errors."""
    from signon.cli.report import print_check_report

    files = [arg for arg in letters or [] if _is_letter_file(arg)]
    if files:
        if len(files) != len(letters or []):
            raise typer.BadParameter("check either letters of the workspace or files, not both")
        _audit(files, as_json=as_json, strict=strict, start=start, end=end,
               language=language, holds=list_holds(people, organizations))
        return
    if start is not None or end is not None or language is not None or people or organizations:
        raise typer.BadParameter("--start, --end, --language, --people and --organizations "
                                 "apply to a FILE only")
    workspace = ws()
    results = workspace.check(letters, strict=strict)
    if as_json:
        data = [r.to_json() for r in results]
        print_json(data[0] if len(data) == 1 else data)
    else:
        for r in results:
            print_check_report(r)
        if not results:
            say("no letters yet; create one with `signon new-letter SLUG`")
    if any(r.unreadable for r in results):
        raise typer.Exit(4)  # SPEC: a letter that does not parse is exit 4, after the report
    if not all(r.ok for r in results):
        raise typer.Exit(1)


def _audit(files: list[str], *, as_json: bool, strict: bool, start: str | None,
           end: str | None, language: str | None, holds: str | None) -> None:
    from signon.audit import audit_file
    from signon.cli.report import print_check_report

    audits = [audit_file(Path(f), start=start, end=end, strict=strict, language=language,
                         holds=holds) for f in files]
    if as_json:
        data = [a.to_json() for a in audits]
        print_json(data[0] if len(data) == 1 else data)
    else:
        for audit in audits:
            print_check_report(audit.check)
            for note_ in audit.notes:
                say(f"  {note_.severity} {note_.code}: {printable(note_.message)}")
    if not all(a.ok for a in audits):
        raise typer.Exit(1)


@app.command()
def compose(
    letter: LetterArg,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file instead of standard output.",
            show_default=False,
        ),
    ] = None,
    lang: LangOpt = None,
    width: Annotated[
        int, typer.Option("--width", help="Wrap lines at this width (0: do not wrap).")
    ] = 76,
    force: Annotated[
        bool,
        typer.Option("--force", help="Compose the letter even if check finds errors in it, "
                     "and replace the file given to -o if it exists."),
    ] = False,
) -> None:
    """The finished letter as plain text (refused while check finds errors in it)."""
    import sys

    from signon.cli.report import print_gate_notes
    from signon.export import check_paths, write_output
    from signon.export.text import holds_controls, to_plain_text
    from signon.fileio import is_stream, is_terminal
    from signon.fileio import write_output as write_into

    workspace = ws()
    if output is not None and str(output) == "-":
        output = None  # `-o -`: standard output, as for most Unix tools
    # A FIFO or a terminal (/dev/stdout, a tty) is written straight into, never replaced.
    stream = output is not None and is_stream(output)
    if output is not None and not stream:  # refused before the letter is composed
        check_paths(workspace.root, [("txt", output.absolute())], force=force)
    composed = workspace.compose(letter, language=lang, force=force)
    print_gate_notes(composed)
    text = to_plain_text(composed, width=width)
    if output is None:
        if sys.stdout.isatty():
            # A roster edited by hand may hold escape sequences a terminal would obey
            # (holds_controls first: printable walks a multi-line text character by character).
            text = printable(text, multiline=True) if holds_controls(text) else text
        sys.stdout.write(text)
        return
    if stream:
        if is_terminal(output) and holds_controls(text):
            text = printable(text, multiline=True)
        write_into(output, text)
        return
    write_output(workspace.root, output.absolute(), text.encode("utf-8"), letter=letter,
                 fmt="txt", force=force)
    note(f"wrote {output}")
