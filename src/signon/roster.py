"""The roster: organizations and coalitions kept across letters (``orgs.toml``).

Layout on disk (canonical: entries sorted by id, keys in a fixed order, one
table per entry, so that a change is a small git diff)::

    retired_ids = ["old-id"]          # ids once used, never handed out again

    [redirects]                       # ids merged or renamed: they still resolve
    hfhr-2 = "hfhr"

    [orgs.alpha-rights]
    name = "Alpha Rights"
    country = "Norway"
    aliases = ["Alfa Rettigheter"]

    [coalitions.kappa-house]
    name = "Kappa House"
    members = ["gamma-centre", "delta-forum"]
    heading = "on behalf of the following NGOs"
    counts = false
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, MutableMapping, ValuesView
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from signon.errors import RefusedInput, Remedy, WorkspaceFileError
from signon.text import ID_PATTERN, check_id, fold, slugify, validate

Kind = Literal["organization", "coalition"]
DEFAULT_HEADING = "on behalf of the following organizations"

# Keys in the order they are written; anything else found in a table is kept
# (after these) so that fields added by hand or by a newer signon survive.
_ORG_KEYS = ("name", "acronym", "country", "city", "aliases", "names", "email", "website",
             "tags", "notes", "distinct_from")
_COALITION_KEYS = (*_ORG_KEYS, "members", "heading", "counts")
_TEXT_FIELDS = ("acronym", "country", "city", "email", "website", "notes", "heading")


@dataclass
class Entry:
    """An organization or a coalition (kind tells which); ids share one namespace."""

    id: str
    name: str
    kind: Kind = "organization"
    acronym: str = ""
    country: str = ""
    city: str = ""
    aliases: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # name per language code
    email: str = ""
    website: str = ""
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    members: list[str] = field(default_factory=list)
    heading: str = ""
    counts: bool = False
    # Ids a person said are other organizations (added with force beside a same-named
    # entry): duplicate reports leave those pairs alone.
    distinct: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_coalition(self) -> bool:
        return self.kind == "coalition"

    @property
    def heading_phrase(self) -> str:
        return self.heading or DEFAULT_HEADING

    def all_names(self) -> list[str]:
        """Every name this entry is known by: the name, aliases, acronym, translations."""
        out = [self.name, *self.aliases, *self.names.values()]
        if self.acronym:
            out.append(self.acronym)
        return out

    def display_name(self, language: str | None = None) -> str:
        if language:
            for code in (language, language.replace("_", "-").split("-")[0]):
                if code in self.names:
                    return self.names[code]
        return self.name

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country or None,
            "city": self.city or None,
            "acronym": self.acronym or None,
            "aliases": list(self.aliases),
            "names": dict(self.names),
            "email": self.email or None,
            "website": self.website or None,
            "tags": list(self.tags),
            "notes": self.notes or None,
        }
        if self.is_coalition:
            data["members"] = list(self.members)
            data["heading"] = self.heading_phrase
            data["counts"] = self.counts
        return data

    def to_toml(self) -> dict[str, Any]:
        # Spelled out rather than looped over field names: every write and every
        # "did anything change?" test runs this for each of up to 10,000+ entries.
        table: dict[str, Any] = {"name": self.name}
        if self.acronym:
            table["acronym"] = self.acronym
        if self.country:
            table["country"] = self.country
        if self.city:
            table["city"] = self.city
        if self.aliases:
            table["aliases"] = self.aliases
        if self.names:
            table["names"] = dict(sorted(self.names.items()))
        if self.email:
            table["email"] = self.email
        if self.website:
            table["website"] = self.website
        if self.tags:
            table["tags"] = self.tags
        if self.notes:
            table["notes"] = self.notes
        if self.distinct:
            table["distinct_from"] = self.distinct
        if self.kind == "coalition":
            if self.members:
                table["members"] = self.members
            if self.heading:
                table["heading"] = self.heading
            if self.counts:
                table["counts"] = True
        if self.extra:
            table.update(self.extra)
        return table


_SIMPLE_KEYS = frozenset({"name", "acronym", "country", "city", "email", "website", "notes"})


def _header_line(text: str | None, table: str, eid: str) -> int | None:
    """The line of ``[table.eid]`` in ``text``, for messages (None when not found)."""
    if not text:
        return None
    key = re.escape(eid) if re.fullmatch(r"[A-Za-z0-9_-]+", eid) else None
    quoted = "[\"']" + re.escape(eid) + "[\"']"
    pattern = rf"^[ \t]*\[[ \t]*{table}[ \t]*\.[ \t]*(?:{quoted}{'|' + key if key else ''})[ \t]*\]"
    m = re.search(pattern, text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _entry_from_toml(eid: str, kind: Kind, table: Any, display: str,
                     text: str | None = None) -> Entry:
    section = "coalitions" if kind == "coalition" else "orgs"
    fix = "; fix it in orgs.toml and run the command again"

    def bad(problem: str) -> WorkspaceFileError:
        # Located only on failure: searching the text costs time on a large roster.
        line = _header_line(text, section, eid)
        where = f"{display}:{line}:" if line else f"{display}:"
        return WorkspaceFileError(f"{where} [{section}.{eid}] {problem}")

    if not isinstance(table, dict):
        raise bad(f"is not a table; write it as [{section}.{eid}] followed by name = \"…\"")
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise bad("has no name; add name = \"…\" to it and run the command again")
    if _SIMPLE_KEYS.issuperset(table) and all(type(v) is str for v in table.values()):
        # The common entry (name, country, city… all text) needs no field-by-field checks.
        return Entry(id=eid, kind=kind, **table)
    entry = Entry(id=eid, name=name, kind=kind)
    known = _COALITION_KEYS if kind == "coalition" else _ORG_KEYS
    for key, value in table.items():
        if key == "name":
            continue
        if key == "members" and kind != "coalition":
            raise bad(f"has members but is not a coalition; move it under [coalitions.{eid}] "
                      "and run the command again")
        if key not in known:
            # Kept as found (and written back): fields added by hand or by a newer
            # signon, and coalition-only keys on an organization, are never dropped.
            entry.extra[key] = value
        elif key in _TEXT_FIELDS:
            if not isinstance(value, str):
                raise bad(f"{key} must be a string{fix}")
            setattr(entry, key, value)
        elif key in ("aliases", "tags", "members", "distinct_from"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise bad(f"{key} must be a list of strings{fix}")
            setattr(entry, "distinct" if key == "distinct_from" else key, list(value))
        elif key == "names":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise bad(f"names must map language codes to names (be = \"…\"){fix}")
            entry.names = dict(value)
        elif key == "counts":
            if not isinstance(value, bool):
                raise bad(f"counts must be true or false{fix}")
            entry.counts = value
    return entry


class LazyEntries(MutableMapping[str, Entry]):
    """The roster's entries by id, each made into an :class:`Entry` when first used.

    A command reads the whole roster and touches a part of it (``check`` on a 100,000-entry
    roster, the 50,000 a letter names): making every :class:`Entry` was ~5 µs each, most
    of reading a roster.  A value is kept as the table parsed from ``orgs.toml`` (or, read
    from the cache, a plain organization's (name, country) pair) until it is looked up;
    only tables whose every check was already passed are held so (see
    :meth:`Roster.from_toml`), so making one later never fails.  Iteration order is the
    file's, as for a dict.
    """

    __slots__ = ("_coalitions", "_data", "_pending")

    def __init__(self, data: dict[str, Any], coalitions: frozenset[str], pending: int) -> None:
        self._data = data  # id -> Entry, or the checked table it is made from
        self._coalitions = coalitions  # ids of tables under [coalitions]
        self._pending = pending  # how many values are still tables

    def _make(self, eid: str, table: dict[str, Any] | tuple[str, str]) -> Entry:
        kind: Kind = "coalition" if eid in self._coalitions else "organization"
        if isinstance(table, tuple):  # a plain organization, (name, country)
            entry = Entry(id=eid, kind=kind, name=table[0], country=table[1])
        elif _SIMPLE_KEYS.issuperset(table):  # checked: all text, nothing to convert
            entry = Entry(id=eid, kind=kind, **table)
        else:
            entry = _entry_from_toml(eid, kind, table, "")
        self._data[eid] = entry
        self._pending -= 1
        return entry

    def __getitem__(self, eid: str) -> Entry:
        value = self._data[eid]
        if value.__class__ is dict or value.__class__ is tuple:
            return self._make(eid, value)
        return value  # type: ignore[no-any-return]

    def get(self, eid: str, default: Any = None) -> Any:
        value = self._data.get(eid, default)
        if value.__class__ is dict or value.__class__ is tuple:
            return self._make(eid, value)
        return value

    def __contains__(self, eid: object) -> bool:
        return eid in self._data

    def plain_organization(self, eid: str) -> tuple[str, str] | None:
        """The name and country of organization ``eid`` while it is still its checked
        table (every field text, no names in other languages), without making its Entry;
        None when it is made, a coalition or not in the roster.  A letter prints 50,000
        such names, and making their entries was half of building its list."""
        value = self._data.get(eid)
        if value.__class__ is tuple:
            return value
        # A roster known to pass its checks holds every table, not only simple ones: one
        # with names in other languages (or aliases…) is printed from its Entry.
        if (value.__class__ is dict and eid not in self._coalitions
                and _SIMPLE_KEYS.issuperset(value)):
            return value["name"], value.get("country", "")
        return None

    def __setitem__(self, eid: str, entry: Entry) -> None:
        if self._data.get(eid).__class__ in (dict, tuple):
            self._pending -= 1
        self._data[eid] = entry

    def __delitem__(self, eid: str) -> None:
        if self._data[eid].__class__ in (dict, tuple):
            self._pending -= 1
        del self._data[eid]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def values(self) -> ValuesView[Entry]:
        if self._pending:
            for eid, value in self._data.items():
                if value.__class__ is dict or value.__class__ is tuple:
                    self._make(eid, value)
        return self._data.values()

    def __repr__(self) -> str:
        return f"LazyEntries({len(self._data)} entries, {self._pending} not yet made)"


class Roster:
    """All entries of ``orgs.toml`` in memory, with the lookups the commands need."""

    def __init__(self, entries: Iterable[Entry] = (), retired: Iterable[str] = (),
                 extra: dict[str, Any] | None = None,
                 redirects: dict[str, str] | None = None) -> None:
        self.entries: MutableMapping[str, Entry] = {e.id: e for e in entries}
        self.retired: set[str] = set(retired)
        # Old id → the id it became (merge, rename): old references keep resolving, and
        # the old id is never handed out again.
        self.redirects: dict[str, str] = dict(redirects or {})
        # Top-level keys signon does not know, kept and written back unchanged.
        self.extra: dict[str, Any] = dict(extra or {})
        self._fold_index: dict[str, list[tuple[str, str]]] | None = None
        # Results signon.identity computed for this roster as it stands (cleared on change).
        self.identity_cache: dict[str, Any] = {}

    # -- reading -----------------------------------------------------------
    @classmethod
    def from_toml(cls, data: dict[str, Any], *, display: str = "orgs.toml",
                  text: str | None = None, checked: bool = False) -> Roster:
        """The roster in parsed ``orgs.toml`` data (``text``, when given, locates errors).

        ``checked``: this very data passed every check before (the caller knows it by
        content, see :func:`read_roster`), so only its shape is trusted, not re-checked.
        """
        table_of: dict[str, Any] = {}
        coalitions: list[str] = []
        pending = 0
        for table, kind in (("orgs", "organization"), ("coalitions", "coalition")):
            section = data.get(table, {})
            if not isinstance(section, dict):
                raise WorkspaceFileError(
                    f"{display}: {table} must be a table of entries ([{table}.ID] headers); "
                    "fix it and run the command again"
                )
            if kind == "coalition":
                coalitions = list(section)
                if not table_of.keys().isdisjoint(coalitions):
                    eid = next(c for c in coalitions if c in table_of)
                    raise WorkspaceFileError(
                        f"{display}: id {eid!r} is both an organization and a coalition; "
                        "rename one of them and run the command again"
                    )
            if checked:
                table_of.update(section)
                pending += len(section)
                continue
            simple = _SIMPLE_KEYS.issuperset
            match = ID_PATTERN.match
            for eid, body in section.items():
                if not match(eid):  # edited by hand: ids end up in commands and paths
                    line = _header_line(text, table, eid)
                    raise WorkspaceFileError(
                        f"{display}:{line or 1}: [{table}.{eid}] is not a valid id; use "
                        "lower-case letters, digits, '-', '.' or '_' and run the command again"
                    )
                if (body.__class__ is dict and simple(body)
                        and all(v.__class__ is str for v in body.values())
                        and body.get("name", "").strip()):
                    table_of[eid] = body  # made into an Entry when first used
                    pending += 1
                else:
                    table_of[eid] = _entry_from_toml(eid, kind, body, display,  # type: ignore[arg-type]
                                                     text)
        retired = data.get("retired_ids", [])
        if not isinstance(retired, list) or not all(isinstance(r, str) for r in retired):
            raise WorkspaceFileError(
                f"{display}: retired_ids must be a list of ids in quotes; fix it and run again"
            )
        redirects = data.get("redirects", {})
        if not isinstance(redirects, dict) or not all(
                isinstance(v, str) for v in redirects.values()):
            raise WorkspaceFileError(
                f"{display}: [redirects] must map old ids to ids (old = \"new\"); fix it and "
                "run again"
            )
        extra = {k: v for k, v in data.items()
                 if k not in ("orgs", "coalitions", "retired_ids", "redirects")}
        roster = cls((), retired, extra, redirects)
        roster.entries = LazyEntries(table_of, frozenset(coalitions), pending)
        return roster

    def to_toml(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.retired:
            data["retired_ids"] = sorted(self.retired)
        data.update(self.extra)
        if self.redirects:
            data["redirects"] = dict(sorted(self.redirects.items()))
        ordered = sorted(self.entries.values(), key=lambda e: e.id)
        data["orgs"] = {e.id: e.to_toml() for e in ordered if not e.is_coalition}
        data["coalitions"] = {e.id: e.to_toml() for e in ordered if e.is_coalition}
        return data

    def dumps(self) -> str:
        """The canonical text of ``orgs.toml``: tomli-w's layout (written by a faster
        writer that is held byte-identical to tomli-w by a property test)."""
        from signon.tomlwrite import dumps_roster

        return dumps_roster(self.to_toml())

    # -- lookups -----------------------------------------------------------
    def __contains__(self, eid: object) -> bool:
        return eid in self.entries

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, eid: str) -> Entry:
        try:
            return self.entries[eid]
        except KeyError:
            raise self.unknown_id(eid) from None

    def follow(self, eid: str) -> str:
        """The id ``eid`` became through merges and renames (``eid`` itself if none)."""
        seen = {eid}
        while eid in self.redirects:
            eid = self.redirects[eid]
            if eid in seen:  # a loop written by hand: stop rather than spin
                break
            seen.add(eid)
        return eid

    def is_taken(self, eid: str) -> bool:
        """Whether ``eid`` is in use, retired or a redirect: never to be handed out."""
        return eid in self.entries or eid in self.retired or eid in self.redirects

    def unknown_id(self, eid: str, what: str = "") -> RefusedInput:
        """The error for an id the roster does not hold, with the closest one it does."""
        import difflib

        close = difflib.get_close_matches(eid, list(self.entries), n=1, cutoff=0.75)
        if close:  # a question inside parentheses, so that a message may go on after it
            return RefusedInput(f"{what}unknown id {eid!r} (did you mean {close[0]!r}?)")
        return RefusedInput(f"{what}unknown id {eid!r}; look it up in the roster's list",
                            remedies=[Remedy("orgs")])

    def _index(self) -> dict[str, list[tuple[str, str]]]:
        if self._fold_index is None:
            index: dict[str, list[tuple[str, str]]] = {}
            for entry in self.entries.values():
                for name in entry.all_names():
                    key = fold(name)
                    if key:
                        index.setdefault(key, []).append((entry.id, name))
            self._fold_index = index
        return self._fold_index

    def invalidate(self) -> None:
        self._fold_index = None
        self.identity_cache.clear()

    def matches(self, *names: str) -> list[tuple[Entry, str]]:
        """Entries known by any of ``names`` after normalization, with the name that matched."""
        found: dict[str, tuple[Entry, str]] = {}
        index = self._index()
        for name in names:
            for eid, matched in index.get(fold(name), ()):
                found.setdefault(eid, (self.entries[eid], matched))
        return list(found.values())

    def coalitions_of(self, eid: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.is_coalition and eid in e.members]

    def expand(self, eid: str) -> list[str]:
        """Ids of the organizations a coalition stands for, recursively (cycle-safe)."""
        out: list[str] = []
        seen: set[str] = set()
        stack = [eid]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            entry = self.entries.get(current)
            if entry is None:
                continue
            if entry.is_coalition:
                stack.extend(reversed(entry.members))
                if entry.counts and current != eid:
                    out.append(current)
            else:
                out.append(current)
        return out

    def descendants(self, eid: str) -> set[str]:
        """Every id printed under a coalition, at any depth (cycle-safe)."""
        out: set[str] = set()
        stack = list(self.entries[eid].members) if eid in self.entries else []
        while stack:
            current = stack.pop()
            if current in out:
                continue
            out.add(current)
            entry = self.entries.get(current)
            if entry is not None and entry.is_coalition:
                stack.extend(entry.members)
        return out

    def cycle_through(self, eid: str) -> list[str] | None:
        """A membership path that leads from ``eid`` back to itself, if any."""
        path: list[str] = []
        on_path: set[str] = set()
        done: set[str] = set()

        def visit(node: str) -> list[str] | None:
            entry = self.entries.get(node)
            if entry is None or not entry.is_coalition or node in done:
                return None
            path.append(node)
            on_path.add(node)
            for member in entry.members:
                if member in on_path:
                    return [*path[path.index(member):], member]
                found = visit(member)
                if found:
                    return found
            path.pop()
            on_path.discard(node)
            done.add(node)
            return None

        return visit(eid)

    def cycles(self) -> list[list[str]]:
        seen: set[frozenset[str]] = set()
        out = []
        for entry in self.entries.values():
            if entry.is_coalition:
                cycle = self.cycle_through(entry.id)
                if cycle and frozenset(cycle) not in seen:
                    seen.add(frozenset(cycle))
                    out.append(cycle)
        return out

    # -- changes -----------------------------------------------------------
    def new_id(self, name: str) -> str:
        """A fresh id derived from ``name``; never one in use or once used."""
        base = slugify(name)
        candidate, n = base, 1
        while self.is_taken(candidate):
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def claim_id(self, eid: str | None, name: str) -> str:
        if not eid:
            return self.new_id(name)
        check_id(eid)
        if eid in self.entries:
            raise RefusedInput(
                f"id {eid!r} is already used by {self.entries[eid].name!r}; choose another id"
            )
        if eid in self.redirects:
            raise RefusedInput(
                f"id {eid!r} now stands for {self.follow(eid)!r} (merged or renamed) and is "
                "never reused, so that old letters and exports stay unambiguous; choose another id"
            )
        if eid in self.retired:
            raise RefusedInput(
                f"id {eid!r} belonged to a removed entry and is retired so that old letters "
                "and exports stay unambiguous; choose another id"
            )
        return eid

    def refuse_duplicates(self, entry: Entry, names: Iterable[str] | None = None) -> None:
        """Refuse ``entry`` if its name, aliases or translations (or ``names``) are another
        entry's after folding, in the same country or where one has none (see
        :mod:`signon.identity`; the refusal's ``override`` is ``"force"``)."""
        from signon.identity import screen

        screen(self, entry, names)

    def add(self, entry: Entry, *, force: bool = False) -> Entry:
        if entry.id in self.entries:
            raise RefusedInput(f"id {entry.id!r} is already in the roster; choose another id")
        if not force:
            self.refuse_duplicates(entry)
        if entry.is_coalition:
            self._check_members(entry.id, entry.members)
        self.entries[entry.id] = entry
        self.invalidate()
        if entry.is_coalition:
            self._refuse_cycle(entry.id)
        return entry

    def _check_members(self, cid: str, members: Iterable[str]) -> None:
        for member in members:
            if member == cid:
                raise RefusedInput(
                    f"coalition {cid!r} cannot be a member of itself; "
                    f"leave {cid!r} out of the members"
                )
            if member not in self.entries:
                raise self.unknown_id(member, "member: ")

    def _refuse_cycle(self, cid: str) -> None:
        cycle = self.cycle_through(cid)
        if cycle:
            raise RefusedInput(
                "that would make a coalition a member of itself ("
                + " → ".join(cycle)
                + "); remove one of those memberships instead"
            )

    def add_members(self, cid: str, members: list[str]) -> list[str]:
        coalition = self.get(cid)
        if not coalition.is_coalition:
            raise RefusedInput(
                f"{cid!r} is an organization, not a coalition; create a coalition for them",
                remedies=[Remedy("add-coalition", ("NAME",), (("member", "…"),))],
            )
        self._check_members(cid, members)
        added = [m for m in dict.fromkeys(members) if m not in coalition.members]
        coalition.members.extend(added)
        self._refuse_cycle(cid)
        return added

    def remove_members(self, cid: str, members: list[str]) -> list[str]:
        coalition = self.get(cid)
        if not coalition.is_coalition:
            raise RefusedInput(
                f"{cid!r} is an organization, not a coalition, so it has no members; "
                "check the id",
                remedies=[Remedy("show", (cid,))],
            )
        members = list(dict.fromkeys(members))
        missing = [m for m in members if m not in coalition.members]
        if missing:
            raise RefusedInput(
                f"{missing[0]!r} is not a member of {cid!r}; its members are: "
                + (", ".join(coalition.members) or "none")
            )
        coalition.members = [m for m in coalition.members if m not in set(members)]
        return members

    def remove(self, eid: str, *, letters: Iterable[str] = ()) -> Entry:
        entry = self.get(eid)
        parents = [c.id for c in self.coalitions_of(eid)]
        letters = list(letters)
        if letters:
            also = (" and is a member of coalition " + ", ".join(parents)) if parents else ""
            raise RefusedInput(
                f"{eid!r} is named in the signatures of letter {', '.join(letters)}{also}; "
                "a letter keeps every signature on record (withdrawals too), so the entry "
                "must stay — change it, or merge it into the entry it duplicates",
                remedies=[Remedy("edit-org", (eid,)), Remedy("merge", ("KEEP", eid))],
            )
        if parents:
            raise RefusedInput(
                f"{eid!r} is a member of coalition {', '.join(parents)}; "
                "remove it from there first",
                remedies=[Remedy("remove-members", (c, eid)) for c in parents],
                remedies_needed="all",
            )
        del self.entries[eid]
        self.retired.add(eid)
        self.invalidate()
        return entry


def make_entry(
    roster: Roster,
    name: str,
    *,
    kind: Kind = "organization",
    eid: str | None = None,
    country: str = "",
    city: str = "",
    acronym: str = "",
    aliases: Iterable[str] = (),
    email: str = "",
    website: str = "",
    notes: str = "",
    tags: Iterable[str] = (),
    members: Iterable[str] = (),
    heading: str = "",
    counts: bool = False,
) -> Entry:
    """Validate user input into a new :class:`Entry` with a fresh id (not yet added)."""
    clean_name = validate("name", name)
    aliases = list(aliases)
    entry = Entry(
        id=roster.claim_id(eid, _id_source(clean_name, acronym, aliases)),
        name=clean_name,
        kind=kind,
        country=_optional("country", country),
        city=_optional("city", city),
        acronym=_optional("acronym", acronym),
        aliases=_unique(validate(f"alias[{i}]", a) for i, a in enumerate(aliases, 1))
        if aliases else [],
        email=_check_email(_optional("email", email)),
        website=_optional("website", website),
        notes=_optional("notes", notes, multiline=True),
        tags=_unique(validate("tag", t) for t in tags) if tags else [],
        members=list(dict.fromkeys(members)),
        heading=_clean_heading(_optional("heading", heading)) if heading else "",
        counts=counts,
    )
    return entry


def _optional(field: str, value: str, *, multiline: bool = False) -> str:
    # An empty optional field is valid as it is: an importer makes thousands of entries,
    # most fields empty, and validate costs microseconds each.
    return validate(field, value, multiline=multiline) if value else ""


def _is_latin(text: str) -> bool:
    if text.isascii():
        return any(map(str.isalpha, text))
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(map(_latin_letter, letters))


@functools.cache
def _latin_letter(ch: str) -> bool:
    # Cached: a list repeats a few hundred letters thousands of times.
    import unicodedata

    return ch.isascii() or "LATIN" in unicodedata.name(ch, "")


def _id_source(name: str, acronym: str, aliases: list[str]) -> str:
    """What an id is derived from: the name, or for a name in Arabic, Cyrillic or another
    script, its acronym or a Latin alias (an English name) when there is one, so that the id
    reads as people say it ("hrc" rather than "mrkz-hqwq-alinsan")."""
    if _is_latin(name):
        return name
    for candidate in (acronym, *aliases):
        if candidate.strip() and _is_latin(candidate):
            return candidate
    return name


def _clean_heading(heading: str) -> str:
    # People paste the heading as printed: "(on behalf of the following NGOs):". Only the
    # brackets around it and a colon after it go: "…members (listed below)" keeps its own.
    text = heading.strip().removesuffix(":").strip()
    if text.startswith("(") and text.endswith(")") and "(" not in text[1:-1]:
        text = text[1:-1].strip()
    return text.removesuffix(":").strip()


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(fold(value), value)
    return list(seen.values())


def _check_email(email: str) -> str:
    if email and ("@" not in email or " " in email):
        raise RefusedInput(f"email {email!r} is not an e-mail address; give it as name@example.org")
    return email


def edit_entry(entry: Entry, **changes: Any) -> list[str]:
    """Apply validated field changes to ``entry``; returns the names of the fields changed."""
    changed = []
    for key, value in changes.items():
        if value is None:
            continue
        if key in ("aliases", "tags"):
            # Named as make_entry names them ("alias[2]", "tag"): one refusal reads alike
            # from add-org and edit-org.
            value = _unique(validate(f"alias[{i}]" if key == "aliases" else "tag", v)
                            for i, v in enumerate(value, 1))
        elif key == "names":
            value = {check_language(lang): validate(f"name[{lang}]", v)
                     for lang, v in value.items()}
        elif key == "counts":
            value = bool(value)
        elif key == "name":
            value = validate("name", value)
        elif key == "email":
            value = _check_email(validate("email", value))
        elif key == "heading":
            value = _clean_heading(validate("heading", value))
        else:
            value = validate(key, value, multiline=key == "notes")
        if key in ("heading", "counts") and not entry.is_coalition:
            raise RefusedInput(
                f"{key} applies to coalitions only and {entry.id!r} is an organization; "
                "leave it out", argument=key,
            )
        if getattr(entry, key) != value:
            setattr(entry, key, value)
            changed.append(key)
    return changed


_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*\Z")


def check_language(code: str) -> str:
    """A language code as in letter front matter: "be", "pl", "pt-BR", "sr-Latn"."""
    if not _LANGUAGE.match(code):
        raise RefusedInput(
            f"{code!r} is not a language code; use a code such as be, pl or pt-BR"
        )
    return code


def same_as_read(table: dict[str, Any], data: dict[str, Any]) -> bool:
    """Whether ``table`` (a roster's :meth:`Roster.to_toml`) says what ``data`` (the parsed
    file it was read from) said, however the file was laid out by hand.

    Equal to ``table == Roster.from_toml(data).to_toml()``, but only the entries that
    differ as parsed are made canonical, so that a change to one entry of a large
    roster (or an added or removed id, decided at once) costs little.
    """
    if table == data:
        return True
    sections = (("orgs", "organization"), ("coalitions", "coalition"))
    for section, _ in sections:
        if table.get(section, {}).keys() != data.get(section, {}).keys():
            return False
    rest = {k: v for k, v in data.items() if k not in ("orgs", "coalitions")}
    head = {k: v for k, v in table.items() if k not in ("orgs", "coalitions")}
    canonical_head = Roster.from_toml(rest).to_toml()
    del canonical_head["orgs"], canonical_head["coalitions"]
    if head != canonical_head:
        return False
    for section, kind in sections:
        new, old = table.get(section, {}), data.get(section, {})
        for eid, body in new.items():
            if body != old[eid]:
                canonical = _entry_from_toml(eid, kind, old[eid], "")  # type: ignore[arg-type]
                if body != canonical.to_toml():
                    return False
    return True


# The largest roster signon reads: every command parses and checks every entry, some
# 22 µs each on this project's 2-core benchmark machine, so a 20 MB roster (about 200,000
# organizations) costs a few seconds per command and a 40 MB one tens of seconds
# (bench/bench_roster.py).  SIGNON_MAX_ROSTER_MB raises it for whoever accepts the wait.
DEFAULT_ROSTER_LIMIT_MB = 20


def roster_limit() -> int:
    """The largest ``orgs.toml`` signon reads, in bytes (SIGNON_MAX_ROSTER_MB, in MB)."""
    import math
    import os

    raw = os.environ.get("SIGNON_MAX_ROSTER_MB", "").strip()
    if not raw:
        return DEFAULT_ROSTER_LIMIT_MB * 1024 * 1024
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise RefusedInput(f"SIGNON_MAX_ROSTER_MB={raw!r} is not a size in MB; set it to e.g. "
                           f"40 (or unset it for the default of {DEFAULT_ROSTER_LIMIT_MB} MB)")
    return int(value * 1024 * 1024)


def load_roster_toml(path: Path, *, display: str = "orgs.toml") -> tuple[dict[str, Any], str]:
    """The parsed roster and its text; a roster past :func:`roster_limit` is refused
    before it is read, rather than costing tens of seconds on every command."""
    text = _roster_text(path, display)
    return _parse(text, display), text


def _parse(text: str, display: str) -> dict[str, Any]:
    from signon.fileio import parse_toml

    return parse_toml(text, display=display)


def _roster_text(path: Path, display: str) -> str:
    from signon.fileio import read_text

    limit = roster_limit()
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # missing or unreadable: reading it says which, as for any file
    if size > limit:
        mb = 1024 * 1024
        raise WorkspaceFileError(
            f"{display} is {size / mb:.0f} MB, more than the {limit / mb:g} MB (about "
            f"{round(limit / 100, -4):,.0f} organizations) signon reads, past which every "
            "command would take tens of seconds; split the roster into several workspaces, "
            "or raise the limit with SIGNON_MAX_ROSTER_MB")
    return read_text(path, display=display)


def read_roster(path: Path, *, display: str = "orgs.toml") -> tuple[Roster, str]:
    """The roster in ``path`` and its text, to read (an edit reads the parsed data, see
    :func:`load_roster_toml`).  A large roster read before comes from the parse cache
    with each plain organization as a (name, country) pair: most organizations are
    that, and marshal loads 10,000 pairs in ~5 ms against ~7.5 for as many tables."""
    from signon.parsecache import MIN_SIZE, cache_dir, cached_result

    text = _roster_text(path, display)
    if len(text) < MIN_SIZE or cache_dir() is None:
        return roster_from(_parse(text, display), text, display=display), text
    made: list[Roster] = []

    def pairs() -> dict[str, Any]:
        data = _parse(text, display)
        made.append(roster_from(data, text, display=display))  # stored only once checked
        return {"data": _pairs(data)}  # apart from the "kind" the cache adds

    cached = cached_result(f"roster-pairs-{_checks_version()}", text, pairs)
    if made:
        return made[0], text
    return Roster.from_toml(cached["data"], display=display, text=text, checked=True), text


def _pairs(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with each plain organization (a name and maybe a country) as the pair
    (name, country), which marshal loads faster than a table of two keys."""
    orgs = {}
    for eid, body in data.get("orgs", {}).items():
        name = body.get("name")
        country = body.get("country", "")
        plain = (_PLAIN_KEYS.issuperset(body) and name.__class__ is str
                 and country.__class__ is str)
        orgs[eid] = (name, country) if plain else body
    return {**data, "orgs": orgs}


_PLAIN_KEYS = frozenset({"name", "country"})


@functools.cache
def _checks_version() -> str:
    """A digest of the code that checks a roster: a text checked by other code is checked again."""
    from signon.parsecache import blake2b

    digest = blake2b(digest_size=12)
    for module in (__file__, Path(__file__).with_name("text.py")):
        digest.update(Path(module).read_bytes())
    return digest.hexdigest()


def roster_from(data: dict[str, Any], text: str, *, display: str = "orgs.toml") -> Roster:
    """:meth:`Roster.from_toml` of ``data`` parsed from ``text``, checking each entry only
    the first time this exact text is read: that it passed is kept in the parse cache,
    keyed by the text and by the checking code (~15 ms saved per 10,000 entries)."""
    from signon.parsecache import cached_result

    made: list[Roster] = []

    def check() -> dict[str, Any]:
        made.append(Roster.from_toml(data, display=display, text=text))
        return {"checked": True}  # stored only when no check failed

    cached_result(f"roster-checked-{_checks_version()}", text, check)
    if made:
        return made[0]
    return Roster.from_toml(data, display=display, text=text, checked=True)
