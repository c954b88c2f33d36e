"""Finding the signatory list among a document's blocks, and reading its structure.

Finding: every block is judged on its own (a name? a section heading? a line
that announces the list, or a list of something else?), runs of name-like
blocks are scored, and the best run wins.  The score favours runs announced as
signatories, runs with coalition headings and organization words, and the
list at the end of the letter; it penalizes lists announced as the detained or
the victims, lists of person-like names outside an "Individuals" section, and
anything after page furniture ("Related articles").  ``--start``/``--end``
replace all of this with the user's own bounds.

Reading: entries at the top, coalitions with the entries nested under them
(deeper, or in the heading's own group when nothing is deeper), sections
that switch between organizations and individuals, tables by their columns.
A coalition heading printed among the members of another coalition and
followed by entries at the same depth (the seed's Tbilisi) is repaired into a
coalition of its own at the top level, and reported.
"""

from __future__ import annotations

import unicodedata

from signon.importers import shapes
from signon.importers.blocks import Block, Document
from signon.importers.company_heads import company_and_signer, signed_by_heads
from signon.importers.model import (
    Explained,
    Kind,
    Line,
    Note,
    ParsedEntry,
    ParsedList,
    ParsedPerson,
)
from signon.importers.names import (
    name_score,
    org_words,
    parse_person,
    signs_for,
)
from signon.importers.people import (
    THRESHOLDS,
    given_with_role,
    label_country,
    name_part,
    organization_evidence,
    person_score,
    person_shape,
)
from signon.importers.region import Judged, announces_organizations, find_region, locate
from signon.importers.shapes import coalitions
from signon.importers.unnamed import Unnamed, UnnamedReader
from signon.text import fold

__all__ = [
    "Explained",
    "Kind",
    "Note",
    "ParsedEntry",
    "ParsedList",
    "ParsedPerson",
    "find_region",
    "parse_list",
]


# ------------------------------------------------------------------ judging blocks


# ------------------------------------------------------------------ tables


# ------------------------------------------------------------------ structure


def parse_list(
    doc: Document,
    *,
    start: str | None = None,
    end: str | None = None,
    unnamed: UnnamedReader | None = None,
    holds: str | None = None,
) -> ParsedList:
    """The signatory list of ``doc``.  ``unnamed`` reads the lines that count signatories
    who asked not to be named (default: the lines signon's exports print).  ``holds``
    ("organizations" or "individuals"): what the whole list holds, as the user declares
    it, over every guess and heading."""
    reader = unnamed or UnnamedReader()
    for rewrite in shapes.REWRITES:
        rewrite.rewrite(doc)
    first, stop, furniture, judged = locate(doc, start, end, reader)
    title = doc.title_index
    if (
        title is not None
        and not start
        and all(i == title or i in doc.meta_indexes for i in range(first))
        and org_words(doc.blocks[title].text)
        and name_score(doc.blocks[title].text) >= 1.0
    ):
        # A file that is only a list: its first line was taken for a title but is a name.
        doc.title_index, doc.title = None, ""
        first = title
    notes = [Note("import-control-character", message, line) for line, message in doc.repairs]
    unnamed_lines: list[Unnamed] = []
    for i in range(first, stop):
        if judged[i].role != "unnamed":
            continue
        line_said = reader.read(doc.blocks[i].text, index=i)
        assert line_said is not None  # judged so by the same reader
        unnamed_lines.append(line_said)
        notes.append(
            Note(
                "import-unnamed",
                f"{line_said.text!r}: {_unnamed_phrase(line_said.count)} asked not to be "
                "named; counted toward the letter's claims, but there are no names to import "
                "(sign them as unnamed once known, to keep the count)",
                doc.blocks[i].line or None,
                index=i,
            )
        )
    gaps = {i for i in range(first, stop) if judged[i].role in ("gap", "unnamed")}
    lines = shapes.read_lines(doc.blocks, first, stop, notes, gaps)
    entries: list[ParsedEntry] = []
    individuals: list[ParsedPerson] = []
    sections: list[str] = []
    section = holds or "organizations"
    # the list (or this part of it) says what it holds: a section heading, or the line
    # announcing it ("le seguenti organizzazioni", "the undersigned organizations")
    declared = holds is not None or announces_organizations(doc, judged, first)
    label = ""
    group_country = ""  # a label that is a country: the entries under it are there
    translated: dict[int, str] = {}  # block index -> the name it translates
    bilingual = _prose_scripts(doc.blocks[:first])
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and not lines[j].section:
            j += 1
        part = lines[i:j]
        # A table's column of people's names, unless the user says the list holds none.
        people = [ln for ln in part if ln.person is not None and holds != "organizations"]
        part = [ln for ln in part if ln.person is None or holds == "organizations"]
        for line in people:
            assert line.person is not None
            individuals.append(
                ParsedPerson(
                    line.text,
                    *line.person,
                    line=line.line,
                    section=label,
                    index=line.index,
                    why="in a table column of people's names",
                )
            )
        if section == "individuals":
            for line in part:
                person = _person(line.text, line.line, label, line.index)
                person.why = f"under the heading {label!r}" if label else "in a list of people"
                individuals.append(person)
        elif part:
            found = coalitions.nest(part, notes)
            found = _fold_translations(found, notes, translated, bilingual)
            for entry in found:
                if group_country and not entry.country:
                    entry.country, entry.inherited = group_country, True
            if not declared and signed_by_heads(found, _prose_before(doc, first)):
                _sign_by_heads(found)
            elif not declared:
                found, persons = _split_people(found, label)
                individuals += persons
            for entry in found:
                entry.section = label
            entries += found
        if j < len(lines):
            head = lines[j]
            if head.section == "label":
                label = head.text.strip().strip("*_:").strip()
                group_country = label_country(head.text)
            else:
                section = holds or head.section
                declared = True
                group_country = ""
                label = head.text.strip().rstrip(":").strip()
            if label and label not in sections:
                sections.append(label)
        i = j + 1
    entries = _drop_nameless(entries, notes)
    _inherit_countries(entries, "")
    parsed = ParsedList(
        entries=entries,
        individuals=individuals,
        notes=notes,
        start=first,
        end=stop,
        furniture=furniture,
        sections=sections,
        unnamed=unnamed_lines,
    )
    _report_duplicates(parsed)
    parsed.explained = _explain(doc, parsed, judged, lines, translated)
    return parsed


def _script(text: str) -> str:
    """The writing system most of ``text``'s letters are in ("LATIN", "CJK", "CYRILLIC")."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            script = "LATIN" if ch.isascii() else unicodedata.name(ch, "?").split(" ", 1)[0]
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.__getitem__, default="")


def _prose_scripts(blocks: list[Block]) -> set[str]:
    """The scripts a letter's text is written in: each with at least two paragraphs."""
    counts: dict[str, int] = {}
    for block in blocks:
        if block.kind == "para" and len(block.text) >= 20:
            script = _script(block.text)
            counts[script] = counts.get(script, 0) + 1
    return {script for script, n in counts.items() if n >= 2}


def _fold_translations(
    found: list[ParsedEntry], notes: list[Note], translated: dict[int, str], bilingual: set[str]
) -> list[ParsedEntry]:
    """A bilingual letter prints every name twice, then in its second script ("Scottish
    Hazards Centre" / "苏格兰职业危害中心"): each second name is the first's translation,
    not another signatory.  Only a list that alternates the two scripts throughout, in a
    letter whose text is written in both (names of two scripts can alternate by chance)."""
    if len(found) < 6 or len(found) % 2 or len(bilingual) < 2:
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


def _explain(
    doc: Document,
    parsed: ParsedList,
    judged: list[Judged],
    lines: list[Line],
    translated: dict[int, str],
) -> list[Explained]:
    said: dict[int, tuple[str, str]] = {
        index: ("translation", f"the translation of {name!r} printed before it")
        for index, name in translated.items()
    }
    for line in lines:
        if line.section and line.index >= 0:
            if line.section == "label":
                said[line.index] = ("section", "a group label: the names after it are its section")
            else:
                said[line.index] = ("section", f"a heading: the names after it are {line.section}")
    for entry in parsed.entries:
        for node in entry.walk():
            if node.index < 0 or node.index in said:
                continue
            place = f" in {node.country}" if node.country and not node.inherited else ""
            if node.kind == "coalition":
                said[node.index] = (
                    "coalition",
                    f"a coalition heading; {len(node.members)} members follow{place}",
                )
            elif node is entry and node.signer:
                said[node.index] = (
                    "organization",
                    f"the company {node.name!r}{place}, signed by {node.signer!r} "
                    "(the letter's signers are companies)",
                )
            elif node is entry:
                said[node.index] = ("organization", f"a name{place}")
            else:
                said[node.index] = ("member", f"a member of {entry.printed!r}{place}")
    for person in parsed.individuals:
        if person.index >= 0:
            said.setdefault(person.index, ("individual", person.why or "a person's name"))
    for note in parsed.notes:
        if note.code == "import-skipped" and note.index >= 0:
            said[note.index] = ("left out", "no letter or digit: it names nobody"
                                if note.message.startswith("left out") else
                                "a paragraph of prose inside the list")
    for unnamed in parsed.unnamed:
        said[unnamed.index] = (
            "unnamed",
            f"{_unnamed_phrase(unnamed.count)}, not named: counted, not imported",
        )
    out: list[Explained] = []
    for i, block in enumerate(doc.blocks):
        if i == doc.title_index:
            role, why = "title", "the letter's title (into the front matter)"
        elif i in doc.meta_indexes:
            role, why = "meta", "a date or recipient line under the title"
        elif i < parsed.start:
            role, why = "body", "before the list"
            if judged[i].role == "cue":
                why = "before the list; announces it"
            elif judged[i].role == "decoy":
                why = "before the list; announces a list of something else"
        elif i < parsed.end:
            role, why = said.get(i, ("left out", "inside the list, but not a name"))
        elif i < parsed.furniture:
            role, why = "body", "after the list"
        else:
            role, why = "furniture", "page furniture after the letter (left out)"
        if role == "left out" and not block.text:
            continue
        out.append(Explained(i, block.line, block.text, role, why))
    return out


def _unnamed_phrase(count: int) -> str:
    return f"{count} organization" if count == 1 else f"{count} organizations"


def _person(text: str, line: int, section: str, index: int = -1) -> ParsedPerson:
    person = parse_person(text)
    return ParsedPerson(person.name, person.title, person.affiliation, line, section, index=index)


def _prose_before(doc: Document, first: int) -> str:
    """The title and the prose above the list, where a letter says who its signers are."""
    return " ".join([doc.title, *(b.text for b in doc.blocks[:first] if b.kind != "row")])


def _sign_by_heads(found: list[ParsedEntry]) -> None:
    """Each "Person, title, Company" line of a companies' letter: the company, signed by
    the person (importers/company_heads.py)."""
    for entry in found:
        if entry.kind == "coalition":
            continue
        head, _ = name_part(entry.printed)
        if not person_shape(head) and "(" not in entry.printed:
            continue  # "PingWings, http://…": the company alone
        company, signer = company_and_signer(entry.printed, head)
        if company:
            entry.name, entry.signer = company, signer


def _split_people(
    found: list[ParsedEntry], section: str
) -> tuple[list[ParsedEntry], list[ParsedPerson]]:
    """The people among the entries of a list that does not say what it holds.

    Each line is judged (people.person_score); in a list where most lines are
    name-shaped, a line needs less to be read as a person.
    """
    plain = [e for e in found if e.kind != "coalition"]
    if not plain:
        return found, []
    scores = {id(e): person_score(e.printed) for e in plain}
    shaped = sum(score >= THRESHOLDS["person"] for score in scores.values())
    people_list = shaped >= THRESHOLDS["people_list"] * len(plain)
    mostly = len(plain) >= 5 and shaped >= THRESHOLDS["mostly_people"] * len(plain)
    bar = THRESHOLDS["person_in_people_list"] if people_list else THRESHOLDS["person"]
    entries: list[ParsedEntry] = []
    persons: list[ParsedPerson] = []
    for entry in found:
        if entry.kind == "coalition":
            entries.append(entry)
            continue
        is_person = not signs_for(entry.printed) and (
            scores[id(entry)] >= bar
            or (
                mostly
                and (not organization_evidence(entry.printed) or given_with_role(entry.printed))
            )
        )
        if is_person:
            person = _person(entry.printed, entry.line, section, entry.index)
            person.why = (
                "reads as a person's name, in a list of people"
                if people_list
                else "reads as a person's name (a given name, a title or a role)"
            )
            if entry.country and not person.affiliation and not person.title:
                # "Amina Yusuf - Kenya": the country is all the letter says about her.
                person.name, person.country = entry.name, entry.country
                person.affiliation = entry.country
            persons.append(person)
        else:
            entries.append(entry)
    return entries, persons


def _inherit_countries(entries: list[ParsedEntry], country: str) -> None:
    # A member printed without a country is in its coalition's country: lists are written
    # that way by hand ("Helsinki Foundation for Human Rights (Poland)" over Polish
    # members), and `signon compose` prints them so.
    for entry in entries:
        if not entry.country and country:
            entry.country = country
            entry.inherited = True
        if entry.kind == "coalition":
            _inherit_countries(entry.members, entry.country)


def _drop_nameless(entries: list[ParsedEntry], notes: list[Note]) -> list[ParsedEntry]:
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
            entry.members = _drop_nameless(entry.members, notes)
        kept.append(entry)
    return kept


def _report_duplicates(parsed: ParsedList) -> None:
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
    people: dict[str, ParsedPerson] = {}
    for person in parsed.individuals:
        key = fold(person.name) + "\x00" + fold(person.affiliation)
        if key in people:
            parsed.notes.append(
                Note(
                    "duplicate-in-list",
                    f"individual {person.name!r} is listed twice; kept once",
                    person.line or None,
                )
            )
        people.setdefault(key, person)
