"""Workflow commands: ``stats`` and ``diff``.

The library modules (signon.stats, signon.diff) are imported inside the
commands so that other commands do not pay for them at start-up.
"""

from __future__ import annotations

from typing import Annotated

import typer

from signon.cli._common import app, get_console, note, print_json, ws


def complete_letter(incomplete: str) -> list[str]:
    """Shell completion: the letters of the workspace found from the current folder."""
    from signon.errors import SignonError
    from signon.workspace import find_workspace

    try:
        slugs = find_workspace().letter_slugs()
    except SignonError:  # not in a workspace: nothing to offer, never an error mid-typing
        return []
    return [slug for slug in slugs if slug.startswith(incomplete)]


LetterArg = Annotated[str, typer.Argument(help="The letter's slug (its folder under letters/).",
                                          show_default=False, autocompletion=complete_letter)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
LangOpt = Annotated[str | None, typer.Option("--lang", help="Show names (and order them) as in "
                                             "the letter's version in this language.",
                                             show_default=False)]


@app.command()
def stats(
    letter: LetterArg,
    as_json: JsonOpt = False,
    lang: LangOpt = None,
    top: Annotated[int, typer.Option("--top", min=0, help="Show at most this many countries "
                                     "and coalitions, largest first (0: all; --json has all).")]
    = 20,
    include_unnamed: Annotated[bool, typer.Option(
        "--include-unnamed", help="Tally the organizations that asked not to be named by "
        "country and coalition too (default: counted, in no row).")] = False,
) -> None:
    """Counts by country, by coalition and by kind, largest first."""
    from signon.cli.render import print_table, stats_renderables
    from signon.letter import load_letter
    from signon.stats import compute_stats

    workspace = ws()
    loaded = load_letter(workspace.root, letter)
    language = loaded.text_for(lang).front.language if lang else None
    result = compute_stats(loaded, workspace.roster(), language=language,
                           include_unnamed=include_unnamed)
    if as_json:
        print_json(result.to_json())
        return
    console = get_console()
    for n, renderable in enumerate(stats_renderables(result, top=top,
                                                     width=console.size.width)):
        if n:
            print_table("")
        print_table(renderable)


@app.command()
def diff(
    letter: LetterArg,
    since: Annotated[str | None, typer.Option("--since", help="Changes dated on or after this "
                                              "day (YYYY-MM-DD), from the signature record.",
                                              show_default=False)] = None,
    since_export: Annotated[bool, typer.Option("--since-export", help="Changes since the last "
                                               "export (the default when the letter has been "
                                               "exported).")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Organizations and individuals added, withdrawn or renamed since a date or the last export."""
    from signon.cli.render import diff_renderables, print_table
    from signon.diff import compute_diff
    from signon.letter import load_letter

    if since is not None and since_export:
        raise typer.BadParameter("give either --since DATE or --since-export, not both",
                                 param_hint="--since")
    workspace = ws()
    loaded = load_letter(workspace.root, letter)
    result = compute_diff(loaded, workspace.roster(), since=since)
    if as_json:
        print_json(result.to_json())
        return
    if not result.renames_known:
        note("renames are not known when comparing with a date (the roster keeps no history of "
             f"names); `signon diff {letter} --since-export` compares names with the last export")
    for renderable in diff_renderables(result):
        print_table(renderable)
