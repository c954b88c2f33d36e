"""The signatory list of a letter and its four counts.

The list is built once from the roster and the signature record: top-level
entries in the letter's order, coalitions expanded into their members
(recursively), withdrawn signatures left out.  Every format and every count is
taken from this one structure, so they cannot disagree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from signon.collation import sort_key
from signon.letter import Individual, Letter, Signature
from signon.roster import DEFAULT_HEADING, Entry, LazyEntries, Roster


@dataclass
class Node:
    """One printed name: an organization, or a coalition with its members below it."""

    id: str
    name: str
    kind: str
    country: str = ""
    heading: str = ""  # coalitions: "on behalf of the following NGOs"
    counts: bool = False  # coalitions: whether the coalition itself counts
    children: list[Node] = field(default_factory=list)
    signature: Signature | None = None  # top-level entries only
    parent: str = ""  # id of the coalition this node is printed under
    parent_country: str = ""  # that coalition's country: a member in the same one needs no suffix

    @property
    def is_coalition(self) -> bool:
        return self.kind == "coalition"

    def walk(self, depth: int = 0) -> Iterator[tuple[Node, int]]:
        yield self, depth
        for child in self.children:
            yield from child.walk(depth + 1)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "name": self.name, "kind": self.kind,
                                "country": self.country or None}
        if self.is_coalition:
            data["heading"] = self.heading
            data["members"] = [c.to_json() for c in self.children]
        return data


@dataclass(frozen=True)
class Counts:
    organizations: int
    entries: int
    names: int
    individuals: int

    def as_dict(self) -> dict[str, int]:
        return {"organizations": self.organizations, "entries": self.entries,
                "names": self.names, "individuals": self.individuals}

    def get(self, rule: str) -> int:
        return int(self.as_dict()[rule])

    def summary(self) -> str:
        """"80 organizations, 46 entries, 87 names, 1 individual"."""
        singular = {"organizations": "organization", "entries": "entry", "names": "name",
                    "individuals": "individual"}
        return ", ".join(f"{n} {word if n != 1 else singular[word]}"
                         for word, n in self.as_dict().items())


@dataclass
class SignatoryList:
    entries: list[Node]
    individuals: list[Individual]
    counts: Counts
    unknown_ids: list[str] = field(default_factory=list)
    duplicates: dict[str, list[str]] = field(default_factory=dict)  # id -> where it appears
    cycles: list[list[str]] = field(default_factory=list)
    # Signatories that asked not to be named: in the counts, never in ``entries``, so that
    # no format can print them.  ``unnamed`` counts their entries, ``unnamed_organizations``
    # the organizations they bring that the list does not already hold.
    unnamed: int = 0
    unnamed_organizations: int = 0
    # Every id printed (at any depth), once each, in list order: what check looks at.
    listed: list[str] = field(default_factory=list)
    # The coalitions among them, which check looks at closely.
    listed_coalitions: set[str] = field(default_factory=set)

    def walk(self) -> Iterator[tuple[Node, int]]:
        for entry in self.entries:
            yield from entry.walk()

    def organization_ids(self) -> list[str]:
        """Distinct ids counted as organizations, in list order."""
        seen: dict[str, None] = {}
        for node, _ in self.walk():
            if not node.is_coalition or node.counts:
                seen.setdefault(node.id, None)
        return list(seen)


def build_list(letter: Letter, roster: Roster, *, language: str | None = None) -> SignatoryList:
    """Build the ordered, expanded list of ``letter``'s current signatories."""
    lang = language or letter.front.language
    unknown: list[str] = []
    cycles: list[list[str]] = []
    expanded: set[str] = set()
    top: list[Node] = []
    left = letter.record.left_coalition()
    hidden: list[Entry] = []
    active = letter.record.active()
    # An organization that asked not to be named is not printed under a coalition either.
    left |= {sig.id for sig in active if sig.unnamed}
    entries = roster.entries
    plain = entries.plain_organization if isinstance(entries, LazyEntries) else None
    for sig in active:
        if plain is not None and not sig.unnamed:
            # Most signatures: an organization still held as its table, printed from
            # it without making its Entry.
            found = plain(sig.id)
            if found is not None:
                node = Node(sig.id, sig.printed or found[0], "organization", found[1], "",
                            False, [], sig, "", "")
                top.append(node)
                continue
        entry = entries.get(sig.id)
        if entry is None:
            unknown.append(sig.id)
            continue
        if sig.unnamed:
            hidden.append(entry)
            continue
        if entry.kind == "coalition":
            node = _node(entry, roster, lang, path=(), cycles=cycles, expanded=expanded,
                         left=left, plain=plain)
        else:  # most signatures: one organization, no call needed
            node = Node(entry.id, entry.display_name(lang) if entry.names else entry.name,
                        entry.kind, entry.country, "", False, [], None, "", "")
        if sig.printed:
            node.name = sig.printed
        node.signature = sig
        top.append(node)

    order = letter.front.order
    if order in ("name", "country"):
        key = sort_key(lang)
        if order == "name":
            def node_key(n: Node) -> Any:
                return key(n.name)
        else:
            def node_key(n: Node) -> Any:
                # Entries without a country go last, not first.
                return (not n.country, key(n.country), key(n.name))
        _sort(top, node_key)

    # One pass over every printed node, without a generator per node: at 50,000
    # signatures the recursive walk was a third of this function.
    # Where each id is printed first; a list of places only for the few printed again
    # (a list per name was 50,000 more objects for the garbage collector to walk).
    first: dict[str, str] = {}
    again: dict[str, list[str]] = {}
    names = 0
    orgs: set[str] = set()
    coalitions: set[str] = set()
    stack = top[::-1]
    while stack:
        node = stack.pop()
        names += 1
        where = first.get(node.id)
        if where is None:
            first[node.id] = node.parent or "(top level)"
        elif node.id in again:
            again[node.id].append(node.parent or "(top level)")
        else:
            again[node.id] = [where, node.parent or "(top level)"]
        if node.kind != "coalition":
            orgs.add(node.id)
        else:
            coalitions.add(node.id)
            if node.counts:
                orgs.add(node.id)
        if node.children:
            stack.extend(reversed(node.children))
    # In the order of their first place in the list, as check reports them.
    duplicates = {eid: again[eid] for eid in first if eid in again} if again else {}
    individuals = letter.record.active_individuals()
    # Unnamed signatories count by the letter's rule like any other, one entry and one
    # name each (a coalition its organizations), and are never listed.
    unnamed_orgs: set[str] = set()
    for entry in hidden:
        unnamed_orgs.update(roster.expand(entry.id) if entry.is_coalition else [entry.id])
    unnamed_orgs -= orgs
    counts = Counts(organizations=len(orgs) + len(unnamed_orgs), entries=len(top) + len(hidden),
                    names=names + len(hidden), individuals=len(individuals))
    return SignatoryList(entries=top, individuals=individuals, counts=counts,
                         unknown_ids=unknown, duplicates=duplicates, cycles=cycles,
                         unnamed=len(hidden), unnamed_organizations=len(unnamed_orgs),
                         listed=list(first), listed_coalitions=coalitions)


# The default coalition heading in the languages letters are translated into, so a
# Belarusian letter does not print "(on behalf of the following organizations)".
# A heading set in the roster is printed as written, in every language.
_DEFAULT_HEADINGS = {
    "be": "ад імя наступных арганізацый",
    "de": "im Namen der folgenden Organisationen",
    "es": "en nombre de las siguientes organizaciones",
    "fr": "au nom des organisations suivantes",
    "pl": "w imieniu następujących organizacji",
    "ru": "от имени следующих организаций",
    "uk": "від імені таких організацій",
}


def default_heading(language: str) -> str:
    base = language.replace("_", "-").split("-")[0].lower()
    return _DEFAULT_HEADINGS.get(base, DEFAULT_HEADING)


MAX_DEPTH = 32  # coalitions of coalitions… no real list nests deeper than a few levels


def _node(entry: Entry, roster: Roster, lang: str, *, path: tuple[str, ...],
          cycles: list[list[str]], expanded: set[str], parent: Entry | None = None,
          left: set[str] | None = None,
          plain: Callable[[str], tuple[str, str] | None] | None = None) -> Node:
    # Positional, and the name looked up only for an entry named in several languages:
    # this runs once per printed name.
    node = Node(entry.id, entry.display_name(lang) if entry.names else entry.name,
                entry.kind, entry.country, "", False, [], None,
                parent.id if parent else "", parent.country if parent else "")
    if entry.kind == "coalition":
        node.heading = entry.heading or default_heading(lang)
        node.counts = entry.counts
        # A coalition reached a second time (a hand-made roster where two coalitions share
        # a sub-coalition) is listed but not expanded again: it is a duplicate either way,
        # and expanding every path would grow exponentially with the nesting.
        if entry.id in expanded or len(path) >= MAX_DEPTH:
            if len(path) >= MAX_DEPTH:
                cycles.append([*path, entry.id])
            return node
        expanded.add(entry.id)
        inner = (*path, entry.id)
        for member in entry.members:
            if member in inner:
                cycles.append([*inner[inner.index(member):], member])
                continue
            if left and member in left:
                continue  # withdrew from this letter, while its coalition still signs
            found = plain(member) if plain is not None else None
            if found is not None:  # an organization still held as its table
                node.children.append(Node(member, found[0], "organization", found[1], "",
                                          False, [], None, entry.id, entry.country))
                continue
            child = roster.entries.get(member)
            if child is None:
                continue  # reported by check as unknown-id in the roster
            node.children.append(_node(child, roster, lang, path=inner, cycles=cycles,
                                       expanded=expanded, parent=entry, left=left,
                                       plain=plain))
    return node


def _sort(nodes: list[Node], key: Any) -> None:
    nodes.sort(key=key)
    for node in nodes:
        if node.children:
            _sort(node.children, key)


def occurrence_counter(signatories: SignatoryList) -> Counter[str]:
    return Counter(node.id for node, _ in signatories.walk())
