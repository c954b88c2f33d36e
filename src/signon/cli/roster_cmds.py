"""Roster commands: init, add-org, add-coalition, add/remove-members, edit-org, remove-org,
orgs, show."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from signon.cli._common import app, get_console, note, print_json, say, state, ws
from signon.text import printable

if TYPE_CHECKING:
    from signon.identity import Match
    from signon.roster import Entry

IdArg = Annotated[str, typer.Argument(metavar="ID", help="Roster id (see `signon orgs`), or "
                                      "an acronym, alias or name of the entry.",
                                      show_default=False)]
CoalitionArg = Annotated[str, typer.Argument(metavar="ID", help="The coalition's id (or "
                                             "acronym, alias, name).", show_default=False)]
ForceOpt = Annotated[bool, typer.Option("--force", help="Go ahead even if the name is an "
                                        "existing entry's once case, accents, script and "
                                        "punctuation are set aside (they are then recorded "
                                        "as different organizations).")]
CountryOpt = Annotated[str, typer.Option("--country", metavar="COUNTRY",
                                         help="Country, e.g. Norway.")]
AliasOpt = Annotated[list[str] | None, typer.Option("--alias", metavar="NAME",
                                                    help="Another name or spelling "
                                                    "(repeat for several).", show_default=False)]
IdOpt = Annotated[str | None, typer.Option("--id", metavar="ID", help="The id to use (default: "
                                           "derived from the name).", show_default=False)]
DropCommentsOpt = Annotated[bool, typer.Option(
    "--drop-comments", help="Rewrite orgs.toml even though that drops its hand-written # "
    "comments (same as `signon --drop-comments …`).")]
NoteOpt = Annotated[str, typer.Option("--note", metavar="TEXT", help="A remark kept in notes.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="Folder for the new workspace "
                                              "(default: the current folder).",
                                              show_default=False)] = Path("."),
) -> None:
    """Create a workspace: DIR/orgs.toml and DIR/letters/ (never overwrites)."""
    from signon.workspace import init_workspace

    workspace = init_workspace(directory)
    say(f"created workspace {workspace.root} (orgs.toml, letters/)")


@app.command("add-org")
def add_org(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The organization's name, as it "
                                        "should be printed.", show_default=False)],
    id: IdOpt = None,
    country: CountryOpt = "",
    city: Annotated[str, typer.Option("--city", metavar="CITY", help="City.")] = "",
    acronym: Annotated[str, typer.Option("--acronym", metavar="TEXT",
                                         help="Acronym, e.g. IPHR.")] = "",
    alias: AliasOpt = None,
    email: Annotated[str, typer.Option("--email", metavar="ADDRESS", help="Contact e-mail.")] = "",
    website: Annotated[str, typer.Option("--website", metavar="URL", help="Website.")] = "",
    note: NoteOpt = "",
    tag: Annotated[list[str] | None, typer.Option("--tag", metavar="TAG", help="A tag (repeat "
                                                  "for several).", show_default=False)] = None,
    force: ForceOpt = False,
    drop_comments: DropCommentsOpt = False,
) -> None:
    """Add an organization to the roster (a likely duplicate is refused or warned about)."""
    added = ws().add_org(name, eid=id, country=country, city=city, acronym=acronym,
                         aliases=alias or (), email=email, website=website, notes=note,
                         tags=tag or (), force=force,
                         drop_comments=drop_comments or state.drop_comments)
    say(f"added {added.entry.id}: {printable(added.entry.name)}")
    warn_resemblances(added.entry, added.resemblances)


@app.command("add-coalition")
def add_coalition(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The coalition's name, as printed "
                                        "above its members.", show_default=False)],
    member: Annotated[list[str] | None, typer.Option("--member", metavar="ID", help="Member: "
                                                     "an organization or coalition by id, "
                                                     "acronym, alias or name (repeat for "
                                                     "several).", show_default=False)] = None,
    id: IdOpt = None,
    country: CountryOpt = "",
    alias: AliasOpt = None,
    heading: Annotated[str, typer.Option("--heading", metavar="TEXT",
                                         help='Phrase after the name, default "on behalf of '
                                         'the following organizations".')] = "",
    counts: Annotated[bool, typer.Option("--counts", help="Count the coalition itself as a "
                                         "signatory organization (default: only its members).")
                      ] = False,
    note: NoteOpt = "",
    force: ForceOpt = False,
    drop_comments: DropCommentsOpt = False,
) -> None:
    """Add a coalition that signs on behalf of its members."""
    added = ws().add_coalition(name, members=member or (), eid=id, country=country,
                               aliases=alias or (), heading=heading, counts=counts,
                               notes=note, force=force,
                               drop_comments=drop_comments or state.drop_comments)
    entry = added.entry
    warn_resemblances(entry, added.resemblances)
    count = len(entry.members)
    say(f"added coalition {entry.id}: {printable(entry.name)} "
        f"({count} member{'' if count == 1 else 's'})")


@app.command("add-members")
def add_members(
    coalition: CoalitionArg,
    members: Annotated[list[str], typer.Argument(metavar="MEMBER...", help="Members to add: "
                                                 "ids, acronyms, aliases or names.",
                                                 show_default=False)],
    drop_comments: DropCommentsOpt = False,
) -> None:
    """Add members to a coalition (cycles are refused)."""
    coalition, added = ws().add_members(coalition, members,
                                        drop_comments=drop_comments or state.drop_comments)
    from signon.cli.render import plural

    say(f"{coalition}: added {plural(len(added), 'member')}"
        + (f": {', '.join(added)}" if added else ""))


@app.command("remove-members")
def remove_members(
    coalition: CoalitionArg,
    members: Annotated[list[str], typer.Argument(metavar="MEMBER...", help="Members to "
                                                 "remove: ids, acronyms, aliases or names.",
                                                 show_default=False)],
    drop_comments: DropCommentsOpt = False,
) -> None:
    """Remove members from a coalition."""
    coalition, removed = ws().remove_members(
        coalition, members, drop_comments=drop_comments or state.drop_comments)
    from signon.cli.render import plural

    say(f"{coalition}: removed {plural(len(removed), 'member')}: {', '.join(removed)}")


def warn_resemblances(entry: Entry, found: list[Match]) -> None:
    """One stderr line per roster entry that ``entry`` looks like (the reason included)."""
    for match in found:
        other = match.entry
        where = f", {other.country}" if other.country else ""
        if match.refused:
            note(f"warning: {printable(entry.id)} has the name of {printable(other.id)} "
                 f"({printable(other.name)}{printable(where)}); added anyway, as asked")
            continue
        note(f"warning: {printable(match.name)!r} looks like {printable(other.id)} "
             f"({printable(match.matched)!r}{printable(where)}): {match.likeness.reason}; if "
             f"they are one organization, `signon merge {other.id} {entry.id}`")


def _opt(flag: str, metavar: str, help: str) -> Any:
    return typer.Option(flag, metavar=metavar, help=help, show_default=False)


@app.command("edit-org")
def edit_org(
    id: IdArg,
    name: Annotated[str | None, _opt("--name", "NAME", "New name.")] = None,
    country: Annotated[str | None, _opt("--country", "COUNTRY", "New country ('' clears it).")]
    = None,
    city: Annotated[str | None, _opt("--city", "CITY", "New city.")] = None,
    acronym: Annotated[str | None, _opt("--acronym", "TEXT", "New acronym.")] = None,
    alias: Annotated[list[str] | None, _opt("--alias", "NAME", "Add an alias (repeat for "
                                             "several).")] = None,
    remove_alias: Annotated[list[str] | None, _opt("--remove-alias", "NAME", "Drop an alias.")]
    = None,
    email: Annotated[str | None, _opt("--email", "ADDRESS", "New e-mail.")] = None,
    website: Annotated[str | None, _opt("--website", "URL", "New website.")] = None,
    note: Annotated[str | None, _opt("--note", "TEXT", "Replace the notes.")] = None,
    tag: Annotated[list[str] | None, _opt("--tag", "TAG", "Add a tag.")] = None,
    remove_tag: Annotated[list[str] | None, _opt("--remove-tag", "TAG", "Drop a tag.")] = None,
    name_in: Annotated[list[str] | None, _opt("--name-in", "LANG=NAME", "Name in a language, "
                                               "e.g. be=Беларускі ПЕН; LANG= drops it.")] = None,
    heading: Annotated[str | None, _opt("--heading", "TEXT", "Coalitions: heading phrase.")]
    = None,
    counts: Annotated[bool | None, typer.Option("--counts/--no-counts", help="Coalitions: "
                                                "whether the coalition itself counts.",
                                                show_default=False)] = None,
    new_id: Annotated[str | None, _opt("--id", "NEW", "A new id: every letter, coalition and "
                                        "export record follows; the old id keeps resolving "
                                        "and is never reused.")] = None,
    force: ForceOpt = False,
    drop_comments: DropCommentsOpt = False,
) -> None:
    """Change an organization's or coalition's fields (or its id, with --id)."""
    from signon.errors import RefusedInput

    names: dict[str, str] = {}
    for item in name_in or ():
        lang, sep, value = item.partition("=")
        if not sep or not lang.strip():
            raise RefusedInput(f"--name-in {item!r} is not LANG=NAME; write it as e.g. be=Назва")
        names[lang.strip()] = value
    changes = [name, country, city, acronym, alias, remove_alias, email, website, note, tag,
               remove_tag, name_in, heading, counts]
    done = ws().edit_org(
        id, name=name, country=country, city=city, acronym=acronym, email=email,
        website=website, notes=note, heading=heading, counts=counts,
        add_aliases=alias or (), remove_aliases=remove_alias or (), add_tags=tag or (),
        remove_tags=remove_tag or (), names=names or None, new_id=new_id, force=force,
        drop_comments=drop_comments or state.drop_comments)
    eid = done.renamed.keep if done.renamed else done.entry.id
    if new_id is None or any(c is not None for c in changes):
        old = done.renamed.merged[0] if done.renamed else eid
        say(f"{old}: " + (f"changed {', '.join(done.changed)}" if done.changed
                          else "nothing to change"))
    warn_resemblances(done.entry, done.resemblances)
    if done.renamed is not None:
        from signon.cli.identity_cmds import _merge_summary

        _merge_summary(done.renamed, "rename")


@app.command("remove-org")
def remove_org(id: IdArg, drop_comments: DropCommentsOpt = False) -> None:
    """Remove an organization or coalition (refused while a letter or coalition refers to it)."""
    entry = ws().remove_org(id, drop_comments=drop_comments or state.drop_comments)
    say(f"removed {printable(entry.id)}: {printable(entry.name)}")


def _matches(entry: Entry, country: str | None, search: str | None) -> bool:
    from signon.text import fold

    if country and fold(entry.country) != fold(country):
        return False
    return not search or any(fold(search) in fold(n) for n in (*entry.all_names(), entry.id))


@app.command("orgs")
def orgs(
    country: Annotated[str | None, _opt("--country", "COUNTRY", "Only this country.")] = None,
    search: Annotated[str | None, _opt("--search", "TEXT", "Only entries whose name, alias or "
                                       "id contains this (case-insensitive).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List the roster."""
    roster = ws().roster()
    entries = [e for e in roster if _matches(e, country, search)]
    if as_json:
        print_json([e.to_json() for e in entries])
        return
    if not len(roster):
        say("the roster is empty; add an organization with `signon add-org NAME`")
        return
    if not entries:
        say(f"none of the {len(roster)} roster entries matches")
        return
    from signon.cli.render import orgs_table, print_table

    print_table(orgs_table(get_console(), entries, len(roster)))


@app.command("show")
def show(
    id: IdArg,
    as_json: JsonOpt = False,
    include_unnamed: Annotated[bool, typer.Option(
        "--include-unnamed", help="Also list the letters it signed asking not to be named "
        "(default: only how many).")] = False,
) -> None:
    """One entry: its fields, its coalitions and every letter it signed."""
    from signon.identity import resolve_id
    from signon.signing import letters_signed

    workspace = ws()
    roster = workspace.roster()
    asked, id = id, resolve_id(roster, id)
    if roster.follow(asked) == id and asked != id:
        note(f"{asked} was merged into or renamed to {id}")
    entry = roster.get(id)
    signed = letters_signed(workspace.root, roster, id, workspace.letter_slugs())
    # Signed asking not to be named: private to the coordinator who asks for them, so
    # that a `show` pasted into an e-mail does not tell which letters those were.
    private = sum(1 for s in signed if s["unnamed"] and not s["withdrawn"])
    if not include_unnamed:
        signed = [s for s in signed if not s["unnamed"]]
    coalitions = [c.id for c in roster.coalitions_of(id)]
    if as_json:
        data = entry.to_json()
        data["coalitions"] = coalitions
        data["letters"] = [s["letter"] for s in signed if not s["withdrawn"]]
        data["signatures"] = signed
        data["unnamed_signatures"] = private
        print_json(data)
        return
    from signon.cli.render import print_table, show_table

    rows: list[tuple[str, str, bool]] = []
    for key, value in entry.to_json().items():
        if value in (None, [], {}, ""):
            continue
        if isinstance(value, bool):
            value = "yes" if value else "no"
        elif key == "members":
            value = ", ".join(
                f"{m} ({roster.entries[m].name})" if m in roster.entries else f"{m} (unknown id)"
                for m in value
            )
        elif isinstance(value, list):
            value = ", ".join(value)
        elif isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items())
        rows.append((key, str(value), key == "notes"))
    rows.append(("coalitions", ", ".join(coalitions) or "none", False))
    letters_text = [
        s["letter"] + (f" (via {s['via']})" if s["via"] else "")
        + (" (unnamed)" if s["unnamed"] else "")
        + (f" (withdrawn {s['withdrawn']})" if s["withdrawn"] else "")
        for s in signed
    ]
    if private and not include_unnamed:
        from signon.cli.render import plural

        letters_text.append(("and " if letters_text else "")
                            + f"{plural(private, 'letter')} signed unnamed "
                            "(--include-unnamed lists them)")
    rows.append(("letters", ", ".join(letters_text) or "none", False))
    print_table(show_table(get_console(), rows))
