"""Roster commands: init, add-org, add-coalition, add/remove-members, edit-org, remove-org, orgs, show."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from signon.cli._common import app, get_console, print_json, say, state, ws
from signon.roster import Entry, Roster, edit_entry, make_entry
from signon.workspace import Workspace, init_workspace

IdArg = Annotated[str, typer.Argument(help="Roster id (see `signon orgs`).", show_default=False)]
ForceOpt = Annotated[bool, typer.Option("--force", help="Add even if it looks like an existing "
                                        "entry (same name or alias after normalization).")]
CountryOpt = Annotated[str, typer.Option("--country", help="Country, e.g. Norway.")]
AliasOpt = Annotated[list[str] | None, typer.Option("--alias", help="Another name or spelling "
                                                    "(repeat for several).", show_default=False)]
IdOpt = Annotated[str | None, typer.Option("--id", help="The id to use (default: derived from "
                                           "the name).", show_default=False)]


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder for the new workspace.")] = Path("."),
) -> None:
    """Create a workspace: DIR/orgs.toml and DIR/letters/ (never overwrites)."""
    workspace = init_workspace(directory)
    say(f"created workspace {workspace.root} (orgs.toml, letters/)")


@app.command("add-org")
def add_org(
    name: Annotated[str, typer.Argument(help="The organization's name, as it should be printed.")],
    id: IdOpt = None,
    country: CountryOpt = "",
    city: Annotated[str, typer.Option("--city", help="City.")] = "",
    acronym: Annotated[str, typer.Option("--acronym", help="Acronym, e.g. IPHR.")] = "",
    alias: AliasOpt = None,
    email: Annotated[str, typer.Option("--email", help="Contact e-mail.")] = "",
    website: Annotated[str, typer.Option("--website", help="Website.")] = "",
    note: Annotated[str, typer.Option("--note", help="A remark kept in notes.")] = "",
    tag: Annotated[list[str] | None, typer.Option("--tag", help="A tag (repeat for several).",
                                                  show_default=False)] = None,
    force: ForceOpt = False,
) -> None:
    """Add an organization to the roster."""
    with ws().edit_roster(drop_comments=state.drop_comments) as roster:
        entry = make_entry(roster, name, eid=id, country=country, city=city, acronym=acronym,
                           aliases=alias or (), email=email, website=website, notes=note,
                           tags=tag or ())
        roster.add(entry, force=force)
    say(f"added {entry.id}: {entry.name}")


@app.command("add-coalition")
def add_coalition(
    name: Annotated[str, typer.Argument(help="The coalition's name, as printed above its members.")],
    member: Annotated[list[str] | None, typer.Option("--member", help="Member id, organization or "
                                                     "coalition (repeat for several).",
                                                     show_default=False)] = None,
    id: IdOpt = None,
    country: CountryOpt = "",
    alias: AliasOpt = None,
    heading: Annotated[str, typer.Option("--heading", help='Phrase after the name, default '
                                         '"on behalf of the following organizations".')] = "",
    counts: Annotated[bool, typer.Option("--counts", help="Count the coalition itself as a "
                                         "signatory organization (default: only its members).")
                      ] = False,
    note: Annotated[str, typer.Option("--note", help="A remark kept in notes.")] = "",
    force: ForceOpt = False,
) -> None:
    """Add a coalition that signs on behalf of its members."""
    with ws().edit_roster(drop_comments=state.drop_comments) as roster:
        entry = make_entry(roster, name, kind="coalition", eid=id, country=country,
                           aliases=alias or (), members=member or (), heading=heading,
                           counts=counts, notes=note)
        roster.add(entry, force=force)
    say(f"added coalition {entry.id}: {entry.name} ({len(entry.members)} members)")


@app.command("add-members")
def add_members(
    coalition: IdArg,
    members: Annotated[list[str], typer.Argument(help="Ids to add.", show_default=False)],
) -> None:
    """Add members to a coalition (cycles are refused)."""
    with ws().edit_roster(drop_comments=state.drop_comments) as roster:
        added = roster.add_members(coalition, members)
    say(f"{coalition}: added {len(added)} member(s)" + (f": {', '.join(added)}" if added else ""))


@app.command("remove-members")
def remove_members(
    coalition: IdArg,
    members: Annotated[list[str], typer.Argument(help="Ids to remove.", show_default=False)],
) -> None:
    """Remove members from a coalition."""
    with ws().edit_roster(drop_comments=state.drop_comments) as roster:
        removed = roster.remove_members(coalition, members)
    say(f"{coalition}: removed {len(removed)} member(s): {', '.join(removed)}")


@app.command("edit-org")
def edit_org(
    id: IdArg,
    name: Annotated[str | None, typer.Option("--name", help="New name.", show_default=False)]
    = None,
    country: Annotated[str | None, typer.Option("--country", help="New country.",
                                                show_default=False)] = None,
    city: Annotated[str | None, typer.Option("--city", help="New city.", show_default=False)]
    = None,
    acronym: Annotated[str | None, typer.Option("--acronym", help="New acronym.",
                                                show_default=False)] = None,
    alias: AliasOpt = None,
    remove_alias: Annotated[list[str] | None, typer.Option("--remove-alias", help="Alias to "
                                                           "drop.", show_default=False)] = None,
    email: Annotated[str | None, typer.Option("--email", help="New e-mail.", show_default=False)]
    = None,
    website: Annotated[str | None, typer.Option("--website", help="New website.",
                                                show_default=False)] = None,
    note: Annotated[str | None, typer.Option("--note", help="Replace the notes.",
                                             show_default=False)] = None,
    name_in: Annotated[list[str] | None, typer.Option("--name-in", help="Name in a language, "
                                                      "as LANG=NAME (e.g. be=Беларускі ПЕН).",
                                                      show_default=False)] = None,
    heading: Annotated[str | None, typer.Option("--heading", help="Coalitions: heading phrase.",
                                                show_default=False)] = None,
    counts: Annotated[bool | None, typer.Option("--counts/--no-counts", help="Coalitions: "
                                                "whether the coalition itself counts.",
                                                show_default=False)] = None,
    force: ForceOpt = False,
) -> None:
    """Change an organization's or coalition's fields."""
    from signon.errors import RefusedInput

    with ws().edit_roster(drop_comments=state.drop_comments) as roster:
        entry = roster.get(id)
        aliases = None
        if alias or remove_alias:
            dropped = set(remove_alias or ())
            unknown = dropped - set(entry.aliases)
            if unknown:
                raise RefusedInput(f"{id!r} has no alias {sorted(unknown)[0]!r}; its aliases are: "
                                   + (", ".join(entry.aliases) or "none"))
            aliases = [a for a in entry.aliases if a not in dropped] + list(alias or ())
        names = None
        if name_in:
            names = dict(entry.names)
            for item in name_in:
                lang, sep, value = item.partition("=")
                if not sep or not lang.strip():
                    raise RefusedInput(f"--name-in {item!r} is not LANG=NAME; e.g. be=Назва")
                names[lang.strip()] = value
        changed = edit_entry(entry, name=name, country=country, city=city, acronym=acronym,
                             aliases=aliases, email=email, website=website, notes=note,
                             names=names, heading=heading, counts=counts)
        if (name is not None or aliases is not None) and not force:
            roster.invalidate()
            roster.refuse_duplicates(entry)
    say(f"{id}: " + (f"changed {', '.join(changed)}" if changed else "nothing to change"))


@app.command("remove-org")
def remove_org(id: IdArg) -> None:
    """Remove an organization or coalition (refused while a letter or coalition refers to it)."""
    from signon.letter import letters_referring

    workspace = ws()
    with workspace.edit_roster(drop_comments=state.drop_comments) as roster:
        letters = letters_referring(workspace.root, workspace.letter_slugs(), id)
        entry = roster.remove(id, letters=letters)
    say(f"removed {id}: {entry.name}")


def _matches(entry: Entry, country: str | None, search: str | None) -> bool:
    from signon.text import fold

    if country and fold(entry.country) != fold(country):
        return False
    return not search or any(fold(search) in fold(n) for n in (*entry.all_names(), entry.id))


@app.command("orgs")
def orgs(
    country: Annotated[str | None, typer.Option("--country", help="Only this country.",
                                                show_default=False)] = None,
    search: Annotated[str | None, typer.Option("--search", help="Only names, aliases or ids "
                                               "containing this (case and accents as typed).",
                                               show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """List the roster."""
    from rich.table import Table
    from rich.text import Text

    roster = ws().roster()
    entries = [e for e in roster if _matches(e, country, search)]
    if as_json:
        print_json([e.to_json() for e in entries])
        return
    table = Table(title=f"{len(entries)} of {len(roster)} roster entries", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("name")
    table.add_column("country")
    table.add_column("kind")
    for entry in entries:
        kind = f"coalition ({len(entry.members)})" if entry.is_coalition else "organization"
        table.add_row(Text(entry.id), Text(entry.name), Text(entry.country), kind)
    get_console().print(table)


def letters_signed(workspace: Workspace, roster: Roster, eid: str) -> list[dict[str, Any]]:
    """Letters ``eid`` signed, directly or through a coalition, with how."""
    from signon.letter import letter_references

    out = []
    for slug, record in letter_references(workspace.root, workspace.letter_slugs()).items():
        for sig in record.signatures:
            via = None
            if sig.id == eid:
                via = ""
            elif sig.id in roster.entries and eid in roster.descendants(sig.id):
                via = sig.id
            if via is not None:
                out.append({"letter": slug, "via": via or None, "date": sig.date or None,
                            "withdrawn": sig.withdrawn or None})
                break
    return out


@app.command("show")
def show(
    id: IdArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """One entry: its fields, its coalitions and every letter it signed."""
    from rich.table import Table
    from rich.text import Text

    workspace = ws()
    roster = workspace.roster()
    entry = roster.get(id)
    signed = letters_signed(workspace, roster, id)
    coalitions = [c.id for c in roster.coalitions_of(id)]
    if as_json:
        data = entry.to_json()
        data["coalitions"] = coalitions
        data["letters"] = [s["letter"] for s in signed if not s["withdrawn"]]
        data["signatures"] = signed
        print_json(data)
        return
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    for key, value in entry.to_json().items():
        if value in (None, [], {}, ""):
            continue
        if isinstance(value, list):
            value = ", ".join(value)
        elif isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items())
        table.add_row(key, Text(str(value)))
    table.add_row("coalitions", Text(", ".join(coalitions) or "none"))
    letters_text = [
        s["letter"] + (f" (via {s['via']})" if s["via"] else "")
        + (f" (withdrawn {s['withdrawn']})" if s["withdrawn"] else "")
        for s in signed
    ]
    table.add_row("letters", Text(", ".join(letters_text) or "none"))
    get_console().print(table)
