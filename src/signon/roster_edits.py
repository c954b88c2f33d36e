"""Changes to the roster as a coordinator asks for them: add an organization or a
coalition, edit or remove an entry, change a coalition's members.

Each operation locks ``orgs.toml``, takes entries by id, acronym, alias or name
(:mod:`signon.identity`), refuses a likely duplicate unless forced, and returns what it
did, including the entries the result looks like (warnings for the caller to show).
:class:`~signon.workspace.Workspace` exposes them; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from signon.errors import RefusedInput
from signon.roster import Entry, check_language, edit_entry, make_entry
from signon.text import fold

if TYPE_CHECKING:
    from signon.identity import Match
    from signon.identity.merge import MergeResult
    from signon.workspace import Workspace


@dataclass
class OrgChange:
    """What an operation did to one entry."""

    entry: Entry
    changed: list[str] = field(default_factory=list)  # the fields edit_org changed
    resemblances: list[Match] = field(default_factory=list)  # entries it looks like
    renamed: MergeResult | None = None  # edit_org with a new id: what moved


def add_org(ws: Workspace, name: str, *, force: bool = False, drop_comments: bool = False,
            **fields: Any) -> OrgChange:
    """Add an organization (``fields`` as :func:`signon.roster.make_entry` takes them)."""
    from signon.identity import screen

    with ws.edit_roster(drop_comments=drop_comments) as roster:
        entry = make_entry(roster, name, **fields)
        found = screen(roster, entry, force=force)
        roster.add(entry, force=True)
    return OrgChange(entry, resemblances=found)


def add_coalition(ws: Workspace, name: str, *, members: Sequence[str] = (),
                  force: bool = False, drop_comments: bool = False,
                  **fields: Any) -> OrgChange:
    """Add a coalition of ``members`` (ids, acronyms, aliases or names)."""
    from signon.identity import resolve_ids, screen

    with ws.edit_roster(drop_comments=drop_comments) as roster:
        # A member that names nothing is left to make_entry, whose refusal suggests the
        # id meant.
        ids = resolve_ids(roster, members, keep_unknown=True)
        entry = make_entry(roster, name, kind="coalition", members=ids, **fields)
        found = screen(roster, entry, force=force)
        roster.add(entry, force=True)
    return OrgChange(entry, resemblances=found)


def change_members(ws: Workspace, coalition: str, members: Sequence[str], *, add: bool,
                   drop_comments: bool = False) -> tuple[str, list[str]]:
    """Add (or remove) ``members`` of ``coalition``: its id and the members that changed."""
    from signon.identity import resolve_ids

    with ws.edit_roster(drop_comments=drop_comments) as roster:
        cid, *ids = resolve_ids(roster, [coalition, *members], keep_unknown=True)
        changed = roster.add_members(cid, ids) if add else roster.remove_members(cid, ids)
    return cid, changed


def edit_org(ws: Workspace, ref: str, *, new_id: str | None = None, force: bool = False,
             drop_comments: bool = False, add_aliases: Sequence[str] = (),
             remove_aliases: Sequence[str] = (), add_tags: Sequence[str] = (),
             remove_tags: Sequence[str] = (), names: Mapping[str, str] | None = None,
             **fields: Any) -> OrgChange:
    """Change an entry's fields (``name``, ``country``, ``city``, ``acronym``, ``email``,
    ``website``, ``notes``, ``heading``, ``counts``; None leaves one as it is), its aliases
    and tags, its ``names`` in languages (an empty name drops that language), and with
    ``new_id`` its id, in every letter, coalition and export record (the old id keeps
    resolving).  A new name that is another entry's is refused unless ``force``."""
    from signon.identity import resolve_id, screen

    with ws.edit_roster(drop_comments=drop_comments) as roster:
        eid = resolve_id(roster, ref)
        entry = roster.get(eid)
        before = {fold(n) for n in (entry.name, *entry.aliases, *entry.names.values())}
        changed = edit_entry(
            entry, **fields,
            aliases=_edited_list(eid, "alias", entry.aliases, add_aliases, remove_aliases),
            tags=_edited_list(eid, "tag", entry.tags, add_tags, remove_tags),
            names=_edited_names(entry, names) if names else None,
        )
        new_names = [n for n in (entry.name, *entry.aliases, *entry.names.values())
                     if fold(n) not in before]
        found = screen(roster, entry, new_names, force=force) if new_names else []
    change = OrgChange(entry, changed, found)
    if new_id is not None:
        from signon.identity.merge import rename

        change.renamed = rename(ws.root, eid, new_id, drop_comments=drop_comments)
    return change


def remove_org(ws: Workspace, ref: str, *, drop_comments: bool = False) -> Entry:
    """Remove an entry; refused while a letter or a coalition refers to it."""
    from signon.identity import resolve_id
    from signon.letter import letters_referring

    with ws.edit_roster(drop_comments=drop_comments) as roster:
        eid = resolve_id(roster, ref)
        letters = letters_referring(ws.root, ws.letter_slugs(), eid)
        return roster.remove(eid, letters=letters)


def _edited_list(eid: str, what: str, current: list[str], add: Sequence[str],
                 drop: Sequence[str]) -> list[str] | None:
    """``current`` without ``drop`` (matched loosely, as names are) and with ``add``."""
    if not add and not drop:
        return None
    have = {fold(c) for c in current}
    unknown = [d for d in drop if fold(d) not in have]
    if unknown:
        plural = what + ("es" if what.endswith("s") else "s")
        raise RefusedInput(f"{eid!r} has no {what} {unknown[0]!r} to drop; its {plural} are: "
                           + (", ".join(current) or "none"))
    dropped = {fold(d) for d in drop}
    return [c for c in current if fold(c) not in dropped] + list(add)


def _edited_names(entry: Entry, changes: Mapping[str, str]) -> dict[str, str]:
    """``entry``'s names in languages with ``changes`` made (an empty name drops one)."""
    names = dict(entry.names)
    for lang, value in changes.items():
        lang = check_language(lang.strip())
        if value.strip():
            names[lang] = value
        elif names.pop(lang, None) is None:
            raise RefusedInput(f"{entry.id!r} has no name in {lang!r} to drop; its languages "
                               "are: " + (", ".join(sorted(entry.names)) or "none"))
    return names
