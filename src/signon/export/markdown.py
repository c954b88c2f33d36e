"""Markdown: the title, the letter's own Markdown body, and the list as nested bullet lists.

Names are data: every character that Markdown would read as markup is
backslash-escaped, so "*Stars* & [Co]" prints as written on GitHub, in pandoc
and in any CommonMark renderer.
"""

from __future__ import annotations

import re

from signon.compose import Composed
from signon.export._model import (
    has_signatories,
    individual_lines,
    individuals_heading,
    one_line,
    organization_lines,
    section_heading,
)
from signon.letterlocale import list_labels, unnamed_line, written_date

# Inline markup (emphasis, code, links, autolinks/HTML, GFM tables and strikethrough).
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
# An entity reference would print as the character it names.
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# Block markup a line may start with: headings, quotes, list markers, rules.
_LEADING = re.compile(r"^([#>+\-=])")
_ORDERED = re.compile(r"^(\d+)([.)])")


def escape(text: str) -> str:
    """``text`` as literal Markdown on one line."""
    text = _INLINE.sub(r"\\\1", one_line(text))
    text = _ENTITY.sub(r"\\&", text)
    text = _LEADING.sub(r"\\\1", text)
    return _ORDERED.sub(r"\1\\\2", text)


def item(text: str) -> str:
    # A name with no printable character (control characters only, from a hand-edited
    # orgs.toml) still holds its place: an empty "- " line would end the list instead.
    return escape(text) or "&#160;"


def list_markdown(composed: Composed, label: str = "") -> str:
    blocks: list[str] = [escape(label)] if label else []
    items: list[str] = []
    section = ""
    for line in organization_lines(composed):
        group = line.top.signature.section if line.top and line.top.signature else ""
        if group and group != section and line.depth == 0:
            # An imported list's groups ("Regional", "National") keep their headings.
            if items:
                blocks.append("\n".join(items))
                items = []
            blocks.append(escape(section_heading(group)))
            section = group
        items.append(f"{'  ' * line.depth}- {item(line.label)}")
    hidden = unnamed_line(composed)
    if hidden:
        items.append(f"- {item(hidden)}")
    if items:
        blocks.append("\n".join(items))
    people = [f"- {item(line.label)}" for line in individual_lines(composed)]
    if people:
        persons = composed.signatories.individuals
        heading = individuals_heading(composed)
        if persons[0].section and "individuals_heading" not in composed.text.front.extra:
            heading = section_heading(persons[0].section)
        blocks.append(escape(heading))
        blocks.append("\n".join(people))
    return "\n\n".join(blocks)


def render(composed: Composed) -> bytes:
    chunks: list[str] = []
    if composed.title:
        chunks.append(f"# {escape(composed.title)}")
    meta = []
    if composed.date:
        meta.append(escape(written_date(composed)))
    meta += [f"To: {escape(r)}" for r in composed.recipients]
    if meta:
        # A trailing backslash is CommonMark's visible hard line break.
        chunks.append("\\\n".join(meta))
    has_list = has_signatories(composed)
    labels = list_labels(composed)
    parts = composed.body_parts()
    for n, part in enumerate(parts):
        if part.strip():
            chunks.append(part.strip("\n"))
        if n < len(parts) - 1 and has_list:
            chunks.append(list_markdown(composed, labels[n]))
    text = "\n\n".join(chunks)
    return (re.sub(r"\n{3,}", "\n\n", text).rstrip() + "\n").encode("utf-8")
