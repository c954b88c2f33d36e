"""Import commands: import-letter (an existing letter) and import-csv (form responses)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from signon.cli._common import (
    OrganizationsOpt,
    PeopleOpt,
    app,
    get_console,
    get_err_console,
    list_holds,
    print_json,
    say,
    state,
    with_flags,
    ws,
)
from signon.text import printable

if TYPE_CHECKING:
    from signon.importers.form_csv import CsvImport, Decision, Held
    from signon.importers.letter_import import LetterImport

FileArg = Annotated[
    Path, typer.Argument(metavar="FILE", help="The file to import.", show_default=False)
]
DryRunOpt = Annotated[
    bool, typer.Option("--dry-run", help="Show what would be created and signed; change nothing.")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


@app.command("import-letter")
def import_letter(
    file: FileArg,
    slug: Annotated[
        str,
        typer.Option(
            "--slug",
            metavar="SLUG",
            help="Name of the new letter (its folder under letters/).",
            show_default=False,
        ),
    ],
    start: Annotated[
        str | None,
        typer.Option(
            "--start",
            metavar="TEXT",
            help="A few words of the list's first "
            "line (or of the line announcing it), when the list "
            "is not found on its own.",
            show_default=False,
        ),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option(
            "--end",
            metavar="TEXT",
            help="A few words of the list's last line (or of the first line after it).",
            show_default=False,
        ),
    ] = None,
    dry_run: DryRunOpt = False,
    as_json: JsonOpt = False,
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            metavar="TITLE",
            help="The letter's title (default: the file's title or first line).",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            help="The letter's date, YYYY-MM-DD (default: the first date in its text, else today).",
            show_default=False,
        ),
    ] = None,
    language: Annotated[
        str | None, typer.Option("--language", metavar="LANG", help="Language code of the "
                                 "letter (default: found from its text, else en).",
                                 show_default=False)
    ] = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Print what each line or block of the file became (body, section, "
            "organization, individual, coalition, furniture, left out) and why.",
        ),
    ] = False,
    all_names: Annotated[
        bool, typer.Option("--all", help="With --dry-run: every name, not the first of each.")
    ] = False,
    people: PeopleOpt = False,
    organizations: OrganizationsOpt = False,
) -> None:
    """Read a letter (.txt, .md, .html, .docx, .pdf) and its signatory list into the roster
    and a new letter."""
    from signon.importers.letter_import import import_letter as run

    result = run(
        ws(),
        file,
        slug,
        start=start,
        end=end,
        title=title,
        date=date,
        language=language,
        holds=list_holds(people, organizations),
        dry_run=dry_run,
        drop_comments=state.drop_comments,
    )
    if as_json:
        print_json(result.to_json())
        return
    if explain:
        _explain(result)
    if dry_run:
        _preview(result, every=all_names)
    _letter_summary(result)


WIDTH = 80
FIRST = 5  # names shown per section in a dry run without --all


def _cut(text: str, width: int) -> str:
    from signon.text import printable

    text = printable(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _explain(result: LetterImport) -> None:
    for part in result.explained:
        where = f"{part.line:>5}" if part.line else "    ·"
        head = f"{where} {part.role:<12} "
        say(head + _cut(part.text, WIDTH - len(head)))
        say(" " * len(head) + _cut(f"↳ {part.why}", WIDTH - len(head)))


def _preview(result: LetterImport, *, every: bool) -> None:
    """The list in 80 columns: the first names of each section, then what was left out."""
    groups: dict[str, list[str]] = {}
    for row in result.rows:
        place = f" ({row.country})" if row.country and row.depth == 0 else ""
        mark = "new" if row.status == "new" else "matched"
        name = "  " * row.depth + ("• " if row.depth else "") + row.name + place
        line = f"{row.line:>5}  " if row.line else "       "
        groups.setdefault(row.section or "Organizations", []).append(
            line + _cut(name, WIDTH - len(line) - 9).ljust(WIDTH - len(line) - 9) + " " + mark
        )
    for person in result.individuals:
        label = f"{person.name}, {person.title or person.affiliation}".rstrip(", ")
        groups.setdefault(person.section or "Individuals", []).append(
            "       " + _cut(label, WIDTH - 7)
        )
    for section, lines in groups.items():
        say(_cut(f"{section}: {len(lines)} names", WIDTH))
        shown = lines if every else lines[:FIRST]
        for text in shown:
            say(text)
        if len(lines) > len(shown):
            say(f"       … and {len(lines) - len(shown)} more (--all shows every name)")
    left = result.left_out()
    if left:
        say(f"left out inside the list: {len(left)}")
        for part in left:
            where = f"{part.line:>5}  " if part.line else "       "
            say(where + _cut(f"{part.text!r}: {part.why}", WIDTH - len(where)))


def _letter_table(result: LetterImport) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(f"{result.source}: {len(result.rows)} names"), title_justify="left")
    for column in ("line", "name", "kind", "country", "city", "under", "roster id", ""):
        table.add_column(column, justify="right" if column == "line" else "left")
    for row in sorted(result.rows, key=lambda r: r.line):
        status = Text(row.status, style="green" if row.status == "new" else "dim")
        table.add_row(
            str(row.line or ""),
            Text(row.name),
            row.kind,
            Text(row.country),
            Text(row.city),
            Text(row.parent),
            Text(row.id),
            status,
        )
    get_console().print(table)
    if result.individuals:
        people = Table(title=Text(f"{len(result.individuals)} individuals"), title_justify="left")
        for column in ("name", "title", "affiliation"):
            people.add_column(column)
        for person in result.individuals:
            people.add_row(Text(person.name), Text(person.title), Text(person.affiliation))
        get_console().print(people)


def _letter_summary(result: LetterImport) -> None:
    from rich.text import Text

    counts = result.check.counts
    verb = "would import" if result.dry_run else "imported"
    # Each line fits 80 columns: the counts, the roster, then the title on its own.
    say(_cut(f"{verb} {result.source} as letters/{result.slug}:", WIDTH))
    say(
        f"  {counts.organizations} organizations, {counts.entries} entries, {counts.names} "
        f"names, {counts.individuals} individuals, {result.coalitions} coalitions"
    )
    say(
        f"  roster: {len(result.new_ids)} new, {len(result.matched_ids)} matched; "
        f"date {result.date}"
    )
    say(_cut(f"  title {result.title!r}", WIDTH))
    console = get_console()
    # A dry run is read in a terminal: its long lines wrap at 80 columns.
    wrap = {"width": WIDTH} if result.dry_run else {"soft_wrap": True}
    for claim in result.check.claims:
        line = Text(
            f"  claim {claim.where} {claim.text!r} → {claim.counted} {claim.rule} "
        )
        line.append(
            "holds" if claim.ok else "does NOT hold", style="green" if claim.ok else "bold red"
        )
        console.print(line, **wrap)
    for finding in result.findings():
        where = f"{finding['file']}:{finding['line']}: " if finding.get("line") else ""
        if str(finding["message"]).startswith(str(finding.get("file") or "\0")):
            where = ""  # check's own findings name their place already
        line = Text(
            f"  {finding['severity']} ", style="red" if finding["severity"] == "error" else "yellow"
        )
        line.append(f"{finding['code']}: {where}{finding['message']}")
        console.print(line, **wrap)
    if result.dry_run:
        say("dry run: nothing was changed")
    else:
        say(f"next: read letters/{result.slug}/letter.md, then `signon check {result.slug}`")


@app.command("import-csv")
def import_csv(
    file: FileArg,
    letter: Annotated[
        str,
        typer.Option(
            "--letter", metavar="SLUG", help="The letter they sign (its slug).", show_default=False
        ),
    ],
    column: Annotated[
        list[str] | None,
        typer.Option(
            "--column",
            metavar="FIELD=HEADER",
            help="FIELD=HEADER: the column that holds FIELD (organization, country, "
            "city, name, first_name, last_name, title, email, website, timestamp, consent); "
            "repeat for several.",
            show_default=False,
        ),
    ] = None,
    dry_run: DryRunOpt = False,
    as_json: JsonOpt = False,
    date_format: Annotated[
        str | None,
        typer.Option(
            "--date-format",
            metavar="FORMAT",
            help="strptime format of the timestamps, e.g. '%d/%m/%Y %H:%M:%S' "
            "(default: found from the values).",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            help="Signature date, YYYY-MM-DD, for responses without a timestamp (default: today).",
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar, even for a large file.")
    ] = False,
    review: Annotated[
        bool,
        typer.Option(
            "--review",
            help="Ask row by row about rows that look like junk or like an existing entry "
            "(accept / match to an entry / skip); without a terminal they are listed and "
            "left out.",
        ),
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", help="Sign every row as read, without holding any back.")
    ] = False,
) -> None:
    """Sign form responses (a CSV export, e.g. from Google Forms) on a letter. Rows that look
    like junk, or like an existing entry, are held until a person decides (--review)."""
    import sys

    from signon.importers.form_csv import import_csv as run

    state.quiet = state.quiet or quiet
    ask = _ask if review and sys.stdin.isatty() and not as_json else None
    with _progress() as progress:
        result = run(
            ws(),
            file,
            letter,
            overrides=column or [],
            date_format=date_format,
            date=date,
            dry_run=dry_run,
            drop_comments=state.drop_comments,
            progress=progress,
            sign_all=yes,
            review=ask,
        )
    if as_json:
        print_json(result.to_json())
        return
    if dry_run:
        _csv_table(result)
    _csv_summary(result)


def _ask(held: Held) -> Decision:
    """One held row, decided at the terminal."""
    from signon.importers.form_csv import Decision

    where = f" ({held.country})" if held.country else ""
    sys_err = get_err_console()
    sys_err.print(f"row {held.row}: {printable(held.organization)!r}{printable(where)} "
                  f"{printable(held.reason)}", soft_wrap=True)
    for n, entry in enumerate(held.candidates, 1):
        country = f", {entry.country}" if entry.country else ""
        sys_err.print(f"  {n}. {printable(entry.id)}: {printable(entry.name + country)}",
                      soft_wrap=True)
    choice = typer.prompt("  [a]ccept as written, [m]atch to an entry, [s]kip", default="s",
                          err=True).strip().lower()
    if choice.startswith("a"):
        return Decision("accept")
    if choice.startswith("m"):
        default = held.candidates[0].id if held.candidates else None
        target = typer.prompt("  which entry (number, id or name)", default=default, err=True)
        if target.isdigit() and 1 <= int(target) <= len(held.candidates):
            target = held.candidates[int(target) - 1].id
        return Decision("match", target)
    return Decision("skip")


class _progress:
    """A rich progress bar on stderr for large files; nothing for small ones or pipes."""

    THRESHOLD = 500

    def __init__(self) -> None:
        self.bar: object | None = None
        self.task: object | None = None

    def __enter__(self) -> _progress:
        return self

    def __call__(self, done: int, total: int) -> None:
        console = get_err_console()
        if total < self.THRESHOLD or state.quiet or not console.is_terminal:
            return
        from rich.progress import Progress

        if self.bar is None:
            bar = Progress(console=console, transient=True)
            bar.start()
            self.bar = bar
            self.task = bar.add_task("matching organizations", total=total)
        assert isinstance(self.bar, Progress)
        self.bar.update(self.task, completed=done)  # type: ignore[arg-type]

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            from rich.progress import Progress

            assert isinstance(self.bar, Progress)
            self.bar.stop()


def _csv_table(result: CsvImport) -> None:
    from rich.text import Text

    from signon.cli.render import Column, plural, preview_table, print_table, text

    name = Column("organization", flexible=True, min_width=20)
    eid = Column("roster id", key=True)
    status = Column("")
    country = Column("country", priority=1, flexible=True, min_width=10)
    signer = Column("signer", priority=2, flexible=True, min_width=14)
    for row_name, row_country, row_id, row_status, row_signer in result.rows:
        name.cells.append(text(row_name))
        country.cells.append(text(row_country))
        eid.cells.append(text(row_id))
        status.cells.append(Text(row_status, style="green" if row_status == "new" else "dim"))
        signer.cells.append(text(row_signer))
    print_table(preview_table(
        get_console(), [name, country, eid, status, signer],
        title=f"{result.source}: {plural(len(result.rows), 'organization')}",
        more="organizations"))


def _csv_summary(result: CsvImport) -> None:
    from signon.cli.render import plural

    verb = "would sign" if result.dry_run else "signed"
    say(
        f"{result.letter}: {verb} {plural(len(result.signed), 'organization')}"
        + (f", renewed {len(result.renewed)}" if result.renewed else "")
        + (f"; {len(result.already)} had already signed" if result.already else "")
    )
    say(
        f"  {plural(result.responses, 'response')}, "
        f"{plural(result.merged, 're-submission')} merged; roster: "
        f"{len(result.new_ids)} new, {len(result.matched_ids)} matched"
    )
    columns = ", ".join(f"{f}={h!r}" for f, h in result.columns.items())
    say(f"  columns: {columns}")
    for skip in result.skipped:
        say(f"  row {skip['row']}: {skip['reason']}")
    if result.held:
        rows = "1 row" if len(result.held) == 1 else f"{len(result.held)} rows"
        say(f"  held, not signed: {rows} for a person to decide "
            "(`--review` in a terminal, or `--yes` to sign them as read):")
        for held in result.held:
            say(f"    row {held['row']}: {printable(held['organization'])!r} "
                f"{printable(held['reason'])}")
    for item in result.notes:
        where = f"row {item['row']}: " if item.get("row") else ""
        say(f"  {where}{with_flags(item['message'], item.get('hint', ()))}")
    c = result.counts
    if c:
        say(
            f"  now {c['organizations']} organizations, {c['entries']} entries, {c['names']} "
            f"names, {c['individuals']} individuals"
        )
    if result.dry_run:
        say("dry run: nothing was changed")
