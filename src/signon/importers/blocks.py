"""The one shape every source format is turned into: a document of blocks.

Each reader (text, Markdown, HTML, Word) produces the same thing, so that
finding and parsing the signatory list is written once.  A block is one line
of a list, one paragraph of prose, a heading or a table row.  ``depth`` ranks
how far a block is indented or nested (only comparisons between depths mean
anything), and ``group`` numbers runs of blocks that belong together (one
<ul>, lines not separated by a blank line, one table), which is how a coalition
heading knows where its members end.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "para", "item", "row"]

# Characters people paste that make equal names differ or that the roster refuses.
_DROP = dict.fromkeys(
    map(
        ord,
        "\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a\u202b\u202c\u202d\u202e"
        "\u2066\u2067\u2068\u2069\u200e\u200f",
    ),
    None,
)
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """One line of text as stored: NFC, invisible characters gone, spaces single."""
    if text.isascii() and text.isprintable() and "  " not in text:
        return text.strip()  # the common case, ~10x faster: nothing to normalize
    text = unicodedata.normalize("NFC", text).translate(_DROP)
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", " "))
    return _SPACES.sub(" ", text).strip()


@dataclass
class Block:
    kind: BlockKind
    text: str  # cleaned; for rows the non-empty cells joined by " | "
    depth: int = 0
    group: int = 0
    marker: str = ""  # "bullet", "number" or "" for list items
    cells: list[str] = field(default_factory=list)  # rows only
    header: bool = False  # rows: <th> cells
    level: int = 0  # headings: 1 for a title, 2… below
    line: int = 0  # 1-based line in the source, 0 when unknown
    span: tuple[int, int] = (0, 0)  # Markdown sources: its source lines, 0-based, end excluded
    prose_lines: int = 1  # paragraphs: how many source lines were joined
    continues: bool = False  # a further line of the same source paragraph (<br>, no blank line)
    rule_before: bool = False  # a horizontal rule (---, <hr>) comes right before this block
    # Rows: what the source's markup says each cell holds ("name", "affiliation", "title",
    # "place", "" for unnamed), for cells whose markup says it (HTML signature cards).
    roles: list[str] = field(default_factory=list)
    # A group label by its place ("des médias :" before the names it groups), which its
    # words alone would not say.
    label: bool = False


@dataclass
class Document:
    """A source file read into blocks, with what its format says about the letter."""

    blocks: list[Block]
    title: str = ""
    title_index: int | None = None  # the block that is the title, left out of the body
    date: str = ""  # ISO date, when the format states one (a <time>, a meta line)
    recipients: list[str] = field(default_factory=list)
    meta_indexes: set[int] = field(default_factory=set)  # date/recipient lines under the title
    markdown: str = ""  # a Markdown source, whose lines (block.span) go into the body as is
    name: str = ""  # the file's name, for messages
    # What reading changed, for the import's notes: (line, message).
    repairs: list[tuple[int, str]] = field(default_factory=list)


_INVISIBLE = frozenset(chr(c) for c in _DROP)


def stray_characters(line: str) -> list[tuple[int, str]]:
    """(1-based column, message) for each control or bidi character in one source line."""
    if line.isprintable():
        return []
    out: list[tuple[int, str]] = []
    for column, ch in enumerate(line, 1):
        if ch == "\t" or ch.isprintable():
            continue
        code = f"U+{ord(ch):04X}"
        if ch in _INVISIBLE:
            out.append((column, f"the invisible character {code} was removed"))
        elif _CONTROL.match(ch):
            out.append((column, f"the control character {code} was read as a space"))
    return out
