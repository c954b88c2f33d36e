"""Looking imported names up in the roster: one index, built once, kept up to date.

``Roster.matches`` rebuilds its index after every ``add``; an import that adds
thousands of entries would rebuild it thousands of times.  This index is built
once and told about each entry the import creates, so an import stays linear.
"""

from __future__ import annotations

import re

from signon.roster import Entry, Roster
from signon.text import fold

_BRACKETS = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_ARTICLE = re.compile(r"^(?:the|la|le|les|el|los|las|die|der|das)\s+", re.IGNORECASE)


def loose_key(name: str) -> str:
    """A looser comparison form: no bracketed acronym, no leading article, no spaces."""
    bare = _ARTICLE.sub("", _BRACKETS.sub("", name).strip())
    return fold(bare).replace(" ", "")


def same_place(a: str, b: str) -> bool:
    return not a or not b or fold(a) == fold(b)


class RosterIndex:
    def __init__(self, roster: Roster) -> None:
        self.roster = roster
        self.exact: dict[str, list[str]] = {}
        self._loose: dict[str, list[str]] | None = None
        self.original = frozenset(roster.entries)
        for entry in roster.entries.values():
            self._index(entry)

    def _index(self, entry: Entry) -> None:
        for name in entry.all_names():
            key = fold(name)
            if key:
                ids = self.exact.setdefault(key, [])
                if entry.id not in ids:
                    ids.append(entry.id)

    def add(self, entry: Entry) -> None:
        self._index(entry)

    def lookup(self, *names: str) -> list[Entry]:
        """Entries known by any of ``names`` after normalization, first name's hits first."""
        found: dict[str, Entry] = {}
        for name in names:
            for eid in self.exact.get(fold(name), ()):
                entry = self.roster.entries.get(eid)
                if entry is not None:
                    found.setdefault(eid, entry)
        return list(found.values())

    def resembling(self, name: str, *, exclude: str = "") -> list[Entry]:
        """Entries that were in the roster before the import and nearly share ``name``."""
        if self._loose is None:
            self._loose = {}
            for eid in self.original:
                entry = self.roster.entries.get(eid)
                if entry is None:
                    continue
                for other in entry.all_names():
                    key = loose_key(other)
                    if len(key) >= 4:
                        self._loose.setdefault(key, []).append(eid)
        out: dict[str, Entry] = {}
        for eid in self._loose.get(loose_key(name), ()):
            if eid != exclude and eid in self.roster.entries:
                out.setdefault(eid, self.roster.entries[eid])
        return list(out.values())
