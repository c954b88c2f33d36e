"""Export command: the letter as Word, PDF, HTML, Markdown, plain text or CSV."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from signon.cli._common import app, get_err_console, note, state, ws

if TYPE_CHECKING:
    from signon.export import LetterExport


def _flag(name: str, what: str) -> Any:
    return typer.Option(f"--{name}", help=what)


class _Progress:
    """A progress bar on stderr for --all, shown only once the export has taken a while."""

    DELAY = 0.5  # seconds: quick exports finish before a bar would even be drawn

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled
        self.started = time.monotonic()
        self.done = 0
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, plan: LetterExport) -> None:
        self.done += 1
        if self.bar is None:
            waited = time.monotonic() - self.started
            if not self.enabled or waited < self.DELAY or self.done >= self.total:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(
                TextColumn("exporting"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.description}"),
                console=get_err_console(),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("", total=self.total)
        self.bar.update(self.task, completed=self.done, description=plan.slug)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command()
def export(
    letter: Annotated[
        str | None,
        typer.Argument(
            metavar="LETTER",
            help="The letter's slug (its folder under letters/); omit with --all.",
            show_default=False,
        ),
    ] = None,
    docx: Annotated[bool, _flag("docx", "Word document (.docx).")] = False,
    pdf: Annotated[
        bool,
        _flag(
            "pdf",
            "PDF, converted from the Word document by LibreOffice (needs libreoffice-writer).",
        ),
    ] = False,
    html: Annotated[bool, _flag("html", "Standalone web page (.html).")] = False,
    md: Annotated[bool, _flag("md", "Markdown (.md).")] = False,
    txt: Annotated[bool, _flag("txt", "Plain text, as `signon compose` prints it.")] = False,
    csv: Annotated[bool, _flag("csv", "The signatories as a spreadsheet (.csv).")] = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="File to write (one format), or folder (several formats, --all, or "
            "a name ending in /). Default: SLUG.EXT in the current folder.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Export a letter even if check finds errors in it, and replace existing "
            "files even if signon did not write them (or they were changed since).",
        ),
    ] = False,
    reference_docx: Annotated[
        Path | None,
        typer.Option(
            "--reference-docx",
            metavar="FILE",
            help="Take styles, fonts, margins, header and footer from this "
            "Word file (e.g. the coalition's letterhead).",
            show_default=False,
        ),
    ] = None,
    paper: Annotated[
        str | None,
        typer.Option(
            "--paper",
            metavar="SIZE",
            help="Paper for Word, PDF and printed HTML: a4 or letter (default: the letter's "
            "paper setting, else Letter for regions that use it such as en-US, else A4).",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="LANG",
            help="Export the letter's version in this language "
            "(letters/SLUG/letter.LANG.md); files are named SLUG.LANG.EXT.",
            show_default=False,
        ),
    ] = None,
    all_letters: Annotated[
        bool, typer.Option("--all", help="Export every letter of the workspace.")
    ] = False,
    bom: Annotated[
        bool,
        typer.Option(
            "--bom",
            help="Start the CSV with a UTF-8 byte-order "
            "mark, so that Excel reads accents correctly.",
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress or status lines.")
    ] = False,
) -> None:
    """Write a letter as Word, PDF, HTML, Markdown, plain text and/or CSV."""
    state.quiet = quiet
    formats = [
        name
        for name, chosen in (
            ("docx", docx),
            ("pdf", pdf),
            ("html", html),
            ("md", md),
            ("txt", txt),
            ("csv", csv),
        )
        if chosen
    ]
    if not formats:
        raise typer.BadParameter(
            "choose at least one format: --docx, --pdf, --html, --md, --txt or --csv"
        )
    if all_letters == (letter is not None):
        raise typer.BadParameter("give either a letter's slug or --all")
    if bom and not csv:
        raise typer.BadParameter("--bom applies to --csv only")
    if reference_docx is not None and not (docx or pdf):
        raise typer.BadParameter("--reference-docx applies to --docx and --pdf only")

    from signon.check import refusal
    from signon.cli.report import print_check_report, print_gate_notes
    from signon.export import Options, shown

    workspace = ws()
    slugs = workspace.letter_slugs() if all_letters else [letter or ""]
    if all_letters and not slugs:
        note("no letters to export; create one with `signon new-letter SLUG`")
        return
    if paper is not None:
        from signon.letterlocale import check_paper

        paper = check_paper(paper)
    options = Options(reference_docx=reference_docx, paper=paper, bom=bom)
    plan = workspace.plan_export(
        slugs,
        formats,
        output=output,  # as typed: "out/" is a folder
        language=lang,
        force=force,
        keep_going=all_letters,  # --all exports the clean letters and reports the others
        skip_missing_language=all_letters,
        output_is_folder=all_letters,
        options=options,
    )
    for slug in plan.skipped:
        note(f"skipped {slug}: it has no {lang!r} version (letters/{slug}/letter.{lang}.md)")
    err = get_err_console()
    for result in plan.refused:
        print_check_report(result, err=True)
        err.print(f"not exported: {refusal(result)}; run again with --force to export it "
                  "anyway", soft_wrap=True)
    for planned in plan.plans:
        print_gate_notes(planned.composed)
    progress = _Progress(len(plan.plans), all_letters and not quiet and err.is_terminal)
    try:
        workspace.write_export(plan, force=force, progress=progress, options=options)
    finally:
        progress.close()
    for planned in plan.plans:
        for path in planned.written:
            note(f"wrote {shown(path)}")
    if plan.refused:
        raise typer.Exit(1)
