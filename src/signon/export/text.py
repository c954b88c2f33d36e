"""Plain text: the letter as ``signon compose`` prints it and e-mail carries it.

The Markdown body loses its markup and is wrapped; the list is printed as coordinators
type it (coalition headings over bulleted members); the .txt export is these bytes.
"""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

from signon.compose import Composed
from signon.export._model import entry_label, individual_label, one_line, section_heading
from signon.letterlocale import unnamed_line
from signon.text import has_controls, printable

if TYPE_CHECKING:  # markdown_walk is loaded only for a body that is more than prose
    from signon.markdown_walk import Block, Link, Span

WRAP = 76


def list_as_text(composed: Composed, *, width: int = WRAP) -> str:
    """The signatory list as coordinators type it: coalitions head their bulleted members."""
    show = composed.show_countries
    blocks: list[list[str]] = []
    run: list[str] = []
    section = ""
    for entry in composed.signatories.entries:
        label = entry.signature.section if entry.signature else ""
        if label and label != section:
            # An imported list's groups ("Regional", "National") keep their headings.
            if run:
                blocks.append(run)
            run = [section_heading(label)]
        section = label or section
        if entry.is_coalition:
            if run:
                blocks.append(run)
                run = []
            lines = _wrap(entry_label(entry, show), width, "", "  ")
            for node, depth in entry.walk():
                if node is entry:
                    continue
                indent = "  " * depth
                lines += _wrap(entry_label(node, show), width, f"{indent}• ", f"{indent}  ")
            blocks.append(lines)
        else:
            text = entry_label(entry, show)
            if width <= 0 or len(text) <= width:  # most names: one line, no call
                run.append(text)
            else:
                run += _wrap(text, width, "", "  ")
    hidden = one_line(unnamed_line(composed))
    if hidden:
        # "and 5 organizations that asked not to be named" ends the organizations: under
        # the plain entries it follows, or as a block of its own after a coalition.
        run += _wrap(hidden, width, "", "  ")
    if run:
        blocks.append(run)
    people = composed.signatories.individuals
    if people:
        heading = str(composed.text.front.extra.get("individuals_heading", "Individuals:"))
        if people[0].section and "individuals_heading" not in composed.text.front.extra:
            heading = section_heading(people[0].section)
        lines = [heading]
        for person in people:
            lines += _wrap(individual_label(person), width, "", "  ")
        blocks.append(lines)
    return "\n\n".join("\n".join(block) for block in blocks)


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    if width <= 0 or len(first) + len(text) <= width:
        return [first + text]
    return textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or [first]


# Prose in which Markdown can find nothing to do: no character it gives a meaning to
# (emphasis, code, links, entities, escapes, HTML, headings, quotes, setext lines), no
# line that could open a block (a list item, indented code) or end in a hard break.
# Such text (most letters' opening sentence) is its paragraphs, the lines of each joined
# by a space as markdown-it joins soft breaks; read here, it spares loading markdown-it
# (~30 ms, a fifth of `compose` on a large letter).  A property test holds the two equal.
# Named as the ASCII characters refused (all others are let through when printable): a
# class of the characters allowed, spanning U+0080..U+10FFFF, took 5 ms to compile.
_MARKUP = re.compile(r"[\x00-\x09\x0b-\x1f#&*+<=>\[\\\]^_`{|}~\x7f]")
_BLOCK_LINE = re.compile(r"^(?:[ -]|[0-9]+[.)])| $", re.MULTILINE)


def prose_paragraphs(markdown: str) -> list[str] | None:
    """The paragraphs of ``markdown`` when it is plain prose (see _MARKUP), else None."""
    if (_MARKUP.search(markdown) is not None or _BLOCK_LINE.search(markdown) is not None
            or not markdown.replace("\n", " ").isprintable()):
        return None
    runs = re.split(r"\n{2,}", markdown.strip("\n"))
    return [run.replace("\n", " ") for run in runs if run]


def markdown_to_text(markdown: str, *, width: int = WRAP) -> str:
    """Plain text for e-mail from the Markdown body: no markup characters, wrapped paragraphs."""
    prose = prose_paragraphs(markdown)
    if prose is not None:
        return "\n\n".join(_wrap_paragraph(p, width, "", "") for p in prose).strip("\n")
    return markdown_blocks_to_text(markdown, width=width)


def markdown_blocks_to_text(markdown: str, *, width: int = WRAP) -> str:
    """:func:`markdown_to_text` through markdown-it, whatever the text holds."""
    from signon.markdown_walk import blocks

    out: list[str] = []
    previous: Block | None = None
    for block in blocks(markdown):
        depth = len(block.lists)
        indent = "  " * max(depth - 1, 0)
        qp = "> " * block.quote
        if block.kind == "heading":
            text = _inline_text(block.inline)
            underline = "=" if block.level == 1 else "-"
            out.append(text + "\n" + underline * min(len(text), width))
        elif block.kind == "paragraph" and block.item_start:
            marker = f"{block.number}. " if block.lists[-1].ordered else "• "
            first, rest = qp + indent + marker, qp + indent + " " * len(marker)
            lines = _wrap_paragraph(_inline_text(block.inline), width, first, rest)
            # Items of one list sit together; a nested list continues its parent item.
            if (out and previous is not None and previous.lists
                    and previous.lists[0].key == block.lists[0].key):
                out[-1] += "\n" + lines
            else:
                out.append(lines)
        elif block.kind == "paragraph":
            out.append(_wrap_paragraph(_inline_text(block.inline), width, qp + indent,
                                       qp + indent))
        elif block.kind == "code":
            out.append("\n".join("    " + line for line in block.text.split("\n")))
        elif block.kind == "rule":
            out.append("* * *")
        previous = block if block.kind != "list-end" else None
    return "\n\n".join(out).strip("\n")


def _wrap_paragraph(text: str, width: int, first: str, rest: str) -> str:
    # Hard line breaks in the source are kept; each line is wrapped on its own.
    lines = []
    for n, raw in enumerate(text.split("\n")):
        lines += _wrap(raw, width, first if n == 0 else rest, rest) if raw else [first.rstrip()]
    return "\n".join(lines)


def _inline_text(inline: list[Span | Link]) -> str:
    from signon.markdown_walk import Link

    parts: list[str] = []
    for item in inline:
        if isinstance(item, Link):
            label = "".join(s.text for s in item.spans)
            href = item.href
            parts.append(label if not href or href in (label, f"mailto:{label}")
                         else f"{label} <{href}>")
        else:
            parts.append(item.text)
    return "".join(parts)


def to_plain_text(composed: Composed, *, width: int = WRAP) -> str:
    """The finished letter as plain text: title, date, recipients, body with the list in place."""
    from signon.letterlocale import list_labels, written_date

    head: list[str] = []
    if composed.title:
        head.append(composed.title)
    meta = []
    if composed.date:
        meta.append(written_date(composed))
    if composed.recipients:
        meta += [f"To: {r}" for r in composed.recipients]
    if meta:
        head.append("\n".join(meta))
    listed = list_as_text(composed, width=width)
    labels = list_labels(composed)
    chunks = []
    parts = composed.body_parts()
    for n, part in enumerate(parts):
        rendered = markdown_to_text(part, width=width) if part.strip() else ""
        if rendered:
            chunks.append(rendered)
        if n < len(parts) - 1 and listed:
            chunks += [labels[n], listed] if labels[n] else [listed]
    text = "\n\n".join([*head, *chunks])
    if "\n\n\n" in text:  # found at C speed: the pattern scanned the letter for ~3 ms
        text = re.sub(r"\n{3,}", "\n\n", text)
    text = text.rstrip() + "\n"
    # A hand-edited roster or letter may hold escape sequences: shown, never obeyed.
    # printable() walks a text holding newlines character by character (~0.6 s for a
    # 50,000-name letter), so it runs only when there is something to escape.
    return printable(text, multiline=True) if holds_controls(text) else text


def holds_controls(text: str) -> bool:
    """:func:`signon.text.has_controls` for a whole letter, faster: its pattern searches
    ~10 MB/s of non-ASCII text (0.25 s for a 50,000-name letter), while with newlines
    and tabs set aside ``isprintable`` clears a clean letter at C speed (~20 ms)."""
    if text.replace("\n", " ").replace("\t", " ").isprintable():
        return False  # everything has_controls finds is refused by isprintable
    return any(not line.isprintable() and has_controls(line) for line in text.split("\n"))


def render(composed: Composed, *, width: int = WRAP) -> bytes:
    return to_plain_text(composed, width=width).encode("utf-8")
