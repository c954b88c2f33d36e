"""What each block of the source became, and why (``import-letter --explain``)."""

from __future__ import annotations

from signon.importers.blocks import Document
from signon.importers.model import Explained, Line, ParsedList
from signon.importers.region import Judged


def explain(
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
            elif node is entry and node.why:
                said[node.index] = ("organization", node.why)
            elif node is entry:
                said[node.index] = ("organization", f"a name{place}")
            else:
                said[node.index] = ("member", f"a member of {entry.printed!r}{place}")
    for person in parsed.individuals:
        if person.index >= 0:
            said.setdefault(person.index, ("individual", person.why or "a person's name"))
    for line in lines:
        for index in line.joined:
            said.setdefault(index, ("continued", "read as one with the line above it"))
    for note in parsed.notes:
        if note.code == "import-skipped" and note.index >= 0:
            said[note.index] = ("left out", "no letter or digit: it names nobody"
                                if note.message.startswith("left out") else
                                "a paragraph of prose inside the list")
    for unnamed in parsed.unnamed:
        said[unnamed.index] = (
            "unnamed",
            f"{unnamed_phrase(unnamed.count)}, not named: counted, not imported",
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


def unnamed_phrase(count: int) -> str:
    return f"{count} organization" if count == 1 else f"{count} organizations"
