"""What the list reader returns, and the line between its stages.

:class:`ParsedList` is the list as read: its entries (organizations and coalitions with
their members), its individuals, the notes on what was repaired, and what every block of
the source became (:class:`Explained`, for ``--explain``).  :class:`Line` is one line of
the signatory region as a shape reader (``importers/shapes/``) hands it on: the text of
a name, or a section heading, with its depth, and whatever the shape itself already knew
(a table's country column, a table of people's title and affiliation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from signon.importers.blocks import Block
from signon.importers.names import Place

if TYPE_CHECKING:
    from signon.importers.shapes.unnamed import Unnamed


@dataclass
class Line:
    """One line of the signatory region, as a shape reader read it."""

    text: str
    depth: int
    group: int
    line: int
    section: str = ""  # "organizations", "individuals", or "label" (a group label)
    place: Place | None = None  # a table's own country/city columns
    person: tuple[str, str] | None = None  # a table of people: (title, affiliation)
    src: Block | None = None  # the block it was read from (for --explain)
    index: int = -1  # that block's index in the document
    # The indexes of the blocks a line repair read into this one (a wrapped name's rest).
    joined: list[int] = field(default_factory=list)


Kind = Literal["organization", "coalition"]


@dataclass
class ParsedEntry:
    name: str  # as it will be stored (a known trailing place split off)
    printed: str  # as the letter prints it
    kind: Kind = "organization"
    country: str = ""
    city: str = ""
    heading: str = ""  # coalitions: "on behalf of the following NGOs"
    members: list[ParsedEntry] = field(default_factory=list)
    line: int = 0
    inherited: bool = False  # country not printed: taken from the coalition above it
    section: str = ""  # the group label it is printed under ("Regional", "Organisations")
    index: int = -1  # the document block it was read from
    signer: str = ""  # the person who signed for it ("Jacques Le Marois, Président")
    why: str = ""  # what made the line this organization's signature, for --explain

    def walk(self) -> list[ParsedEntry]:
        out = [self]
        for member in self.members:
            out += member.walk()
        return out


@dataclass
class ParsedPerson:
    name: str
    title: str = ""
    affiliation: str = ""
    line: int = 0
    section: str = ""
    country: str = ""
    index: int = -1
    why: str = ""  # what made it a person, for --explain


@dataclass
class Note:
    """Something the import repaired or noticed; reported with the check's findings."""

    code: str
    message: str
    line: int | None = None
    severity: str = "warning"
    index: int = -1  # the block it is about, when there is one


@dataclass
class Explained:
    """What one block of the source became, and why (``import-letter --explain``)."""

    index: int
    line: int
    text: str
    # title, meta, body, section, organization, coalition, member, individual, continued
    # (the rest of the line above it, read as one with it), left out, furniture
    role: str
    why: str


@dataclass
class ParsedList:
    entries: list[ParsedEntry]
    individuals: list[ParsedPerson]
    notes: list[Note]
    start: int  # first block of the list
    end: int  # one past its last block
    furniture: int  # first block of page furniture after the list (len(blocks) if none)
    sections: list[str] = field(default_factory=list)  # group labels, in the list's order
    explained: list[Explained] = field(default_factory=list)  # what each block became
    # "and 5 organizations that asked not to be named": counted, never names
    unnamed: list[Unnamed] = field(default_factory=list)

    @property
    def unnamed_count(self) -> int:
        return sum(u.count for u in self.unnamed)

    def walk(self) -> list[ParsedEntry]:
        out: list[ParsedEntry] = []
        for entry in self.entries:
            out += entry.walk()
        return out
