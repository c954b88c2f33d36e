"""Nesting: coalition headings and their members, the structure of the list's lines.

A coalition is printed as a heading that says it signs for others, with its members
under it, deeper:

    Helsinki Foundation for Human Rights (Poland) (on behalf of the following NGOs):

      • Grupa Horyzont
      • Komitet Helsiński

A line ending in ":" over deeper lines is a coalition by its layout ("Human Rights House
Network:").  When nothing is deeper, the members are the rest of the heading's own group
of lines, or the next group.  A heading printed among the members of another coalition
and followed by more members at the same depth (the seed's "• Human Rights House Tbilisi
(on behalf of the following NGOs):" under Human Rights House Sarajevo) was printed one
level too deep: it is repaired into a coalition of its own at the top level, and the
repair is noted.

Letters that show it: the seed, ../shared/examples/bialiatski-2011.txt (no letter of
tests/corpus/ prints coalitions).
"""

from __future__ import annotations

from signon.importers.model import Line, Note, ParsedEntry
from signon.importers.names import coalition_heading, ends_sentence, split_place


def _entry(line: Line) -> ParsedEntry:
    text = line.text.strip()
    if not ends_sentence(text) or text.endswith(".."):
        text = text.rstrip(";,").strip()
    else:
        text = text.rstrip(";,.").strip()
    heading = coalition_heading(text)
    if heading is None and text.endswith(":"):
        heading = (text[:-1].strip(), "")
    if heading is not None:
        printed, phrase = heading
        place = line.place or split_place(printed)
        return ParsedEntry(
            name=place.name,
            printed=printed,
            kind="coalition",
            country=place.country,
            city=place.city,
            heading=phrase,
            line=line.line,
            index=line.index,
        )
    place = line.place or split_place(text)
    return ParsedEntry(
        name=place.name or text,
        printed=text,
        country=place.country,
        city=place.city,
        line=line.line,
        index=line.index,
    )


def _is_heading(line: Line, lines: list[Line], i: int) -> bool:
    if line.section:
        return False
    if coalition_heading(line.text):
        return True
    # "Network X:" over deeper entries (judged a coalition by its layout).
    return (
        line.text.endswith(":")
        and i + 1 < len(lines)
        and lines[i + 1].depth > line.depth
        and not lines[i + 1].section
    )


class _Parser:
    def __init__(self, lines: list[Line], notes: list[Note]) -> None:
        self.lines = lines
        self.notes = notes

    def sequence(
        self, lo: int, hi: int, parent: ParsedEntry | None
    ) -> tuple[list[ParsedEntry], list[ParsedEntry]]:
        """Entries in lines[lo:hi]; plus coalitions that were mis-nested there (to promote)."""
        lines = self.lines
        out: list[ParsedEntry] = []
        promoted: list[ParsedEntry] = []
        i = lo
        while i < hi:
            line = lines[i]
            if not _is_heading(line, lines, i):
                out.append(_entry(line))
                i += 1
                continue
            coalition = _entry(line)
            j = i + 1
            if j < hi and lines[j].depth > line.depth:
                # The first member sets the members' depth: an entry less deep than it (a
                # top-level bullet after members in a deeper list style) ends the coalition.
                floor = lines[j].depth
                while j < hi and lines[j].depth >= floor:
                    j += 1
                members, inner_promoted = self.sequence(i + 1, j, coalition)
                coalition.members = members
                out.append(coalition)
                if parent is None:  # repaired coalitions follow the one they were printed in
                    out += inner_promoted
                else:
                    promoted += inner_promoted
            elif parent is not None:
                # A heading among the members of ``parent``, followed by more members at the
                # same depth: printed one level too deep (the seed's Tbilisi).
                while (
                    j < hi and lines[j].depth == line.depth and not _is_heading(lines[j], lines, j)
                ):
                    j += 1
                members, inner = self.sequence(i + 1, j, coalition)
                coalition.members = members
                promoted += [coalition, *inner]
                self.notes.append(
                    Note(
                        "import-repair",
                        f"{coalition.printed!r} was printed as a member of {parent.printed!r}; "
                        f"imported as a coalition of its own with the {len(members)} "
                        f"entr{'y' if len(members) == 1 else 'ies'} after it",
                        line.line or None,
                    )
                )
            else:
                j = self._flat_members_end(i, hi)
                members, inner = self.sequence(i + 1, j, coalition)
                coalition.members = members
                out.append(coalition)
                out += inner
            if not coalition.members:
                self.notes.append(
                    Note(
                        "import-empty-coalition",
                        f"{coalition.printed!r} is printed as a coalition but no members follow it",
                        line.line or None,
                    )
                )
            i = j
        return out, promoted

    def _flat_members_end(self, i: int, hi: int) -> int:
        """Members at the heading's own depth: the rest of its group, or the next group."""
        lines = self.lines
        heading = lines[i]
        j = i + 1
        if j >= hi or lines[j].depth != heading.depth:
            return j
        group = heading.group if lines[j].group == heading.group else lines[j].group
        while (
            j < hi
            and lines[j].group == group
            and lines[j].depth == heading.depth
            and not _is_heading(lines[j], lines, j)
        ):
            j += 1
        return j


def nest(lines: list[Line], notes: list[Note]) -> list[ParsedEntry]:
    """The entries the lines print: coalitions with their members, in the list's order."""
    return _Parser(lines, notes).sequence(0, len(lines), None)[0]
