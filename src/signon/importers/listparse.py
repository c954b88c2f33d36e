"""The letter importer's list reader: the pipeline from a document to its signatory list.

``parse_list`` runs the stages in order, each in its own module:

1. the rewrites of ``shapes`` (a list written as one sentence into items);
2. ``region``: the signatory region found among the blocks (or bounded by the user);
3. the block readers of ``shapes`` (tables, then any other line) into lines, and the
   line repairs (a name wrapped onto a line of its own);
4. here: the lines split into parts at their section headings and group labels; a part
   under "Individuals" is people, a table column of people's names is people;
5. ``shapes/coalitions``: each other part nested into entries and coalitions;
6. ``repairs``: a bilingual list's translations folded; ``classify``: in a part that does
   not say what it holds, the people told from the organizations (or a companies' letter
   read as companies signed by their heads);
7. ``repairs``: nameless entries left out, countries inherited, duplicates reported;
   ``explain``: what every block became.

``shapes/__init__.py`` says how to add a shape.
"""

from __future__ import annotations

from signon.importers import shapes
from signon.importers.blocks import Document
from signon.importers.classify import people_and_organizations, read_person
from signon.importers.explain import explain, unnamed_phrase
from signon.importers.model import (
    Explained,
    Kind,
    Note,
    ParsedEntry,
    ParsedList,
    ParsedPerson,
)
from signon.importers.names import name_score, org_words
from signon.importers.people import label_country
from signon.importers.region import announces_organizations, find_region, locate
from signon.importers.repairs import (
    drop_nameless,
    fold_translations,
    inherit_countries,
    prose_scripts,
    report_duplicates,
)
from signon.importers.shapes import coalitions
from signon.importers.shapes.representatives import sign_for_organizations
from signon.importers.shapes.unnamed import Unnamed, UnnamedReader

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
                f"{line_said.text!r}: {unnamed_phrase(line_said.count)} asked not to be "
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
    bilingual = prose_scripts(doc.blocks[:first])
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
                person = read_person(line.text, line.line, label, line.index)
                person.why = f"under the heading {label!r}" if label else "in a list of people"
                individuals.append(person)
        elif part:
            found = coalitions.nest(part, notes)
            found = fold_translations(found, notes, translated, bilingual)
            for entry in found:
                if group_country and not entry.country:
                    entry.country, entry.inherited = group_country, True
            if not declared:
                found, persons = people_and_organizations(found, label, doc, first)
                individuals += persons
            else:
                sign_for_organizations(found, declared=True)
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
    entries = drop_nameless(entries, notes)
    inherit_countries(entries, "")
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
    report_duplicates(parsed)
    parsed.explained = explain(doc, parsed, judged, lines, translated)
    return parsed


