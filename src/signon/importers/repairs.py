"""Repairs of the list's structure after it is read, each said in a note.

Entries that name nobody ("*", "-" alone, a table's "-" cell) are left out; a member
printed without a country is in its coalition's country; the same name listed twice is
reported (it is one roster entry); a bilingual letter's second name of each pair, its
translation, is read once.
"""

from __future__ import annotations

import unicodedata

from signon.identity.people import with_earlier
from signon.importers.blocks import Block
from signon.importers.model import Note, ParsedEntry, ParsedList, ParsedPerson
from signon.importers.people import THRESHOLDS
from signon.text import fold


def _script(text: str) -> str:
    """The writing system most of ``text``'s letters are in ("LATIN", "CJK", "CYRILLIC")."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            script = "LATIN" if ch.isascii() else unicodedata.name(ch, "?").split(" ", 1)[0]
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.__getitem__, default="")


def prose_scripts(blocks: list[Block]) -> set[str]:
    """The scripts a letter's text is written in: each with at least two paragraphs."""
    counts: dict[str, int] = {}
    for block in blocks:
        if block.kind == "para" and len(block.text) >= 20:
            script = _script(block.text)
            counts[script] = counts.get(script, 0) + 1
    return {script for script, n in counts.items() if n >= 2}


def fold_translations(
    found: list[ParsedEntry], notes: list[Note], translated: dict[int, str], bilingual: set[str]
) -> list[ParsedEntry]:
    """A bilingual letter prints every name twice, then in its second script ("Scottish
    Hazards Centre" / "苏格兰职业危害中心"): each second name is the first's translation,
    not another signatory.  Only a list that alternates the two scripts throughout, in a
    letter whose text is written in both (names of two scripts can alternate by chance)."""
    if len(found) < THRESHOLDS["bilingual_names"] or len(found) % 2 or len(bilingual) < 2:
        return found
    if any(e.kind == "coalition" for e in found):
        return found
    first = {_script(e.printed) for e in found[0::2]}
    second = {_script(e.printed) for e in found[1::2]}
    if len(first) != 1 or len(second) != 1 or first == second or not first | second <= bilingual:
        return found
    for original, translation in zip(found[0::2], found[1::2], strict=True):
        translated[translation.index] = original.printed
        notes.append(
            Note(
                "import-translation",
                f"{translation.printed!r} is printed after {original.printed!r} as its "
                "translation (the list gives every name in two scripts); read once",
                translation.line or None,
                index=translation.index,
            )
        )
    return found[0::2]


def inherit_countries(entries: list[ParsedEntry], country: str) -> None:
    # A member printed without a country is in its coalition's country: lists are written
    # that way by hand ("Helsinki Foundation for Human Rights (Poland)" over Polish
    # members), and `signon compose` prints them so.
    for entry in entries:
        if not entry.country and country:
            entry.country = country
            entry.inherited = True
        if entry.kind == "coalition":
            inherit_countries(entry.members, entry.country)


def drop_nameless(entries: list[ParsedEntry], notes: list[Note]) -> list[ParsedEntry]:
    """``entries`` without those whose name holds no letter or digit ("*", "-" alone, a
    table's "-" cell): they name nobody, so each is left out, and said so, rather than
    stopping the import or standing for a signatory."""
    kept = []
    for entry in entries:
        if not any(ch.isalnum() for ch in entry.name):
            notes.append(Note("import-skipped", f"left out {entry.printed!r}: it holds no "
                              "letter or digit, so it names nobody", entry.line or None,
                              index=entry.index))
            continue
        if entry.members:
            entry.members = drop_nameless(entry.members, notes)
        kept.append(entry)
    return kept


def report_duplicates(parsed: ParsedList) -> None:
    seen: dict[str, ParsedEntry] = {}
    for entry in parsed.walk():
        key = fold(entry.name)
        other = seen.get(key)
        if other is None:
            seen[key] = entry
            continue
        where = f" (line {other.line})" if other.line else ""
        parsed.notes.append(
            Note(
                "duplicate-in-list",
                f"{entry.printed!r} is listed again; it is the same name as {other.printed!r}"
                f"{where}, so both are one roster entry",
                entry.line or None,
            )
        )
    for person, first in with_earlier(parsed.individuals):
        if first is None:
            continue
        where = f" (line {first.line})" if first.line else ""
        also = "" if fold(first.affiliation) == fold(person.affiliation) else (
            f" at the same place: {_as_printed(first)}{where} and {_as_printed(person)}")
        parsed.notes.append(
            Note(
                "duplicate-in-list",
                f"individual {person.name!r} is listed twice{also}; kept once",
                person.line or None,
            )
        )


def _as_printed(person: ParsedPerson) -> str:
    return repr(", ".join(p for p in (person.name, person.title, person.affiliation) if p))
