"""Plain text into blocks, and the line rules every format shares.

Text copied from a web page or written by ``signon compose`` holds three kinds
of line runs: prose paragraphs (hard-wrapped or not), lists of names one per
line (with or without bullets or numbers), and names wrapped onto an indented
continuation line.  :func:`lines_to_blocks` tells them apart.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from signon.errors import RefusedInput
from signon.importers.blocks import Block, Document, clean, stray_characters
from signon.importers.countries import is_place
from signon.importers.names import (
    ends_sentence,
    is_date_line,
    name_score,
    strip_marker,
)
from signon.importers.wordlists import WRAP_ENDINGS

_WRAP_ENDINGS = frozenset(WRAP_ENDINGS)


def decode(data: bytes, name: str) -> str:
    """UTF-8 with or without a byte-order mark; anything else is refused with what to do."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise RefusedInput(
            f'{name} is UTF-16 text; save it as UTF-8 (in Excel: "CSV UTF-8"; in an editor: '
            "Save As… → Encoding: UTF-8) and run the command again"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00", 0, 65536)
    if nul >= 0:
        raise RefusedInput(
            f"{name} holds binary data, not text (a NUL byte at {nul + 1}); "
            "give the letter's own .txt, .md, .html or .docx file"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        guess = "Windows-1252/Latin-1" if _mostly_latin1(data) else "another encoding"
        raise RefusedInput(
            f"{name}:{line}: the file is not UTF-8 (byte 0x{data[err.start]:02X}; it looks like "
            f"{guess}); save it as UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8 {name} > "
            f"utf8-{name}`, and run the command again"
        ) from None


def _mostly_latin1(data: bytes) -> bool:
    high = [b for b in data if b >= 0x80]
    return bool(high) and all(
        b >= 0xA0
        or b in (0x80, 0x8A, 0x8C, 0x8E, 0x92, 0x93, 0x94, 0x96, 0x97, 0x9A, 0x9C, 0x9E, 0x9F)
        for b in high
    )


@dataclass
class RawLine:
    indent: int
    text: str  # cleaned, indentation removed
    line: int  # 1-based
    cells: list[str] = field(default_factory=list)  # a line of tab-separated cells, cleaned


# Word's bullets pasted as text: a symbol, then a tab.  "o" and "§" (and the Symbol and
# Wingdings font's private-use characters) are Word's second and third levels.
_WORD_BULLET = re.compile(r"^([ \t]*)([·•o§▪\uf0b7\uf0a7\uf0d8\uf0fc\uf076])\t+")
_WORD_LEVEL = {"o": 1, "§": 2, "\uf0a7": 2, "\uf0d8": 1, "\uf0fc": 2, "\uf076": 2, "▪": 2}
_TABS = re.compile(r"\t+")


def raw_line(line: str, number: int) -> RawLine:
    line = line.replace("\u00a0", " ").replace("\u3000", " ")
    m = _WORD_BULLET.match(line)
    if m:
        level = _WORD_LEVEL.get(m.group(2), 0)
        line = m.group(1) + "    " * level + ("◦ " if level else "• ") + line[m.end() :]
    lead = len(line) - len(line.lstrip(" \t"))
    cells = [clean(c) for c in _TABS.split(line[lead:].rstrip(" \t"))]
    if len(cells) > 1 and all(cells):
        # Cells between tabs (a table copied from Word or a sheet): kept apart, and joined
        # for a line that turns out not to be a table row ("Name<TAB>Country" in a list).
        joiner = " – " if is_place(cells[-1]) else " "
        line = line[:lead] + joiner.join(cells)
    else:
        cells = []
    expanded = line.expandtabs(4)
    stripped = expanded.lstrip(" ")
    text = clean(stripped)
    if m or strip_marker(text)[0]:
        cells = []  # a list item, not a table row
    return RawLine(indent=len(expanded) - len(stripped), text=text, line=number, cells=cells)



_TERMINAL = (".", ":", ";", "!", "?")
_WRAPPED = 30  # shortest line a hard-wrapping editor breaks (e-mail wraps at 72-78)


def is_prose(lines: list[str]) -> bool:
    """Whether several lines with no list markers are one wrapped paragraph, not a list."""
    if len(lines) < 2:
        return False
    flows = 0  # a line that goes on with a lower-case word where the one before did not end
    for prev, nxt in itertools.pairwise(lines):
        word = nxt.lstrip("\"'“„«‘(").split(" ", 1)[0].rstrip(",;:")
        # Wrapped prose breaks long lines; a short line before a lower-case one is a list's
        # (or a stray character made the next line start in lower case).
        if (
            word[:1].islower()
            and word.isalpha()
            and not prev.endswith(_TERMINAL)
            and len(prev) >= _WRAPPED
        ):
            flows += 1
    if flows * 2 >= len(lines) - 1:
        return True
    names = sum(name_score(t) >= 0.9 for t in lines)
    if names >= len(lines) * 0.6:
        return False
    if flows >= max(1, (len(lines) - 1) // 3):
        return True
    # Hard-wrapped prose: long lines ending in a sentence.
    long_lines = sum(len(t) >= 55 for t in lines[:-1])
    return long_lines >= (len(lines) - 1) * 0.8 and ends_sentence(" ".join(lines))


@dataclass
class _Item:
    block: Block
    indent: int
    text_col: int
    last_len: int


def lines_to_blocks(
    lines: list[RawLine], group: int, *, base_depth: int = 0, kind: str = "para"
) -> list[Block]:
    """One run of consecutive non-blank lines: a paragraph, or list lines with continuations."""
    if not lines:
        return []
    lines = _join_lone_numbers(lines)
    split = _table_part(lines)
    if split is not None:
        # A table under a line of text with no blank line between ("Подписавшиеся" over
        # its table, in a PDF): the text, then the table, each read as itself.
        a, b = split
        return [
            *lines_to_blocks(lines[:a], group, base_depth=base_depth, kind=kind),
            *lines_to_blocks(lines[a:b], group, base_depth=base_depth, kind=kind),
            *lines_to_blocks(lines[b:], group, base_depth=base_depth, kind=kind),
        ]
    if len(lines) >= 2 and all(r.cells for r in lines):
        # Tab-separated columns on every line: a table, read by its columns.
        return [
            Block(
                "row",
                " | ".join(r.cells),
                depth=base_depth,
                group=group,
                cells=list(r.cells),
                line=r.line,
            )
            for r in lines
        ]
    markers = [strip_marker(r.text) for r in lines]
    # A hanging indent (later lines deeper than the first) is a wrapped list entry; prose is
    # flush or indents its first line only.
    hanging = any(r.indent > lines[0].indent for r in lines[1:])
    if not hanging and not any(m[0] for m in markers) and is_prose([r.text for r in lines]):
        text = clean(" ".join(r.text for r in lines))
        return [
            Block(
                "para",
                text,
                depth=base_depth + lines[0].indent,
                group=group,
                line=lines[0].line,
                prose_lines=len(lines),
            )
        ]
    items: list[_Item] = []
    for raw, (marker, rest, width) in zip(lines, markers, strict=True):
        if not marker and items and _continues(items[-1], raw):
            prev = items[-1]
            prev.block.text = clean(prev.block.text + " " + raw.text)
            prev.last_len = raw.indent + len(raw.text)
            continue
        if marker:
            block = Block(
                "item",
                clean(rest),
                depth=base_depth + raw.indent + 2,
                group=group,
                marker=marker,
                line=raw.line,
            )
            items.append(_Item(block, raw.indent, raw.indent + width, raw.indent + len(raw.text)))
        else:
            # A stray space or two before a line is copy-and-paste noise (the seed's
            # " Human Rights House Sarajevo"); a real indent is a tab or four spaces.
            block = Block(
                "para" if kind == "para" else "item",
                raw.text,
                depth=base_depth + raw.indent // 4 * 4,
                group=group,
                line=raw.line,
            )
            items.append(_Item(block, raw.indent, raw.indent, raw.indent + len(raw.text)))
    made = [i.block for i in items]
    for block in made[1:]:
        block.continues = True
    return made


def _table_part(lines: list[RawLine]) -> tuple[int, int] | None:
    """(start, end) of the one run of at least three tab-celled lines inside ``lines``
    that also holds other lines; None when there is none (or the whole run is a table)."""
    best: tuple[int, int] | None = None
    i = 0
    while i < len(lines):
        if not lines[i].cells:
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].cells:
            j += 1
        if j - i >= 3 and (best is None or j - i > best[1] - best[0]):
            best = (i, j)
        i = j
    if best is None or best == (0, len(lines)):
        return None
    return best


_LONE_NUMBER = re.compile(r"^\(?\d{1,4}[.)]$")


def _join_lone_numbers(lines: list[RawLine]) -> list[RawLine]:
    """ "12." alone on a line, its name on the next (after a <br>): one numbered line."""
    if not any(_LONE_NUMBER.match(r.text) for r in lines):
        return lines
    out: list[RawLine] = []
    i = 0
    while i < len(lines):
        raw = lines[i]
        if _LONE_NUMBER.match(raw.text) and i + 1 < len(lines) and lines[i + 1].text:
            nxt = lines[i + 1]
            out.append(RawLine(raw.indent, f"{raw.text} {nxt.text}", raw.line))
            i += 2
            continue
        out.append(raw)
        i += 1
    return out


def _continues(prev: _Item, raw: RawLine) -> bool:
    """A name wrapped onto the next line (as `signon compose` and e-mail clients do)."""
    if prev.block.text.endswith(":") or not raw.text:
        return False
    if strip_marker(raw.text)[0]:
        return False
    if prev.block.marker:
        return raw.indent >= prev.text_col and raw.indent > prev.indent
    # A plain line: the continuation is indented under it, and the line before was long
    # enough that wrapping was needed; or the line before cannot end where it does ("…
    # facenti capo al" / "Network di Frontiere Digitali", a PDF's wrapped line).
    if prev.last_len >= _WRAPPED and not raw.text[:1].isdigit():
        last = prev.block.text.rsplit(None, 1)[-1]
        if last in _WRAP_ENDINGS:  # lower case only: "Rede … do Brasil – A" is a name
            return True
    return raw.indent > prev.indent and prev.last_len >= 40


# A wiki's heading ("== Unterzeichner ==", MoinMoin and MediaWiki pages saved as text).
_WIKI_HEADING = re.compile(r"^(={1,6})\s*([^=\s](?:.*[^=\s])?)\s*\1$")
_RULE = re.compile(r"^(?:([-_*=~])\s*\1\s*\1[\s\-_*=~]*|[─━—]{3,})$")


def read_txt(text: str, *, name: str = "") -> Document:
    lines = text.splitlines()
    blocks: list[Block] = []
    run: list[RawLine] = []
    group = 0
    rules: set[int] = set()  # indexes of the blocks that follow a horizontal rule
    repairs: list[tuple[int, str]] = []
    for number, line in enumerate(lines, 1):
        for column, message in stray_characters(line):
            repairs.append((number, f"column {column}: {message}"))
        raw = raw_line(line, number)
        rule = bool(_RULE.match(raw.text))
        heading = _WIKI_HEADING.match(raw.text) if not rule else None
        if raw.text and not rule and not heading:
            run.append(raw)
            continue
        if run:
            blocks += lines_to_blocks(run, group)
            group += 1
            run = []
        if rule:
            rules.add(len(blocks))
        elif heading:
            level = len(heading.group(1))
            blocks.append(Block("heading", clean(heading.group(2)), level=level, group=group,
                                line=number))
            group += 1
    if run:
        blocks += lines_to_blocks(run, group)
    for index in rules:
        if index < len(blocks):
            blocks[index].rule_before = True
    doc = Document(blocks=blocks, name=name, repairs=repairs)
    find_title_and_meta(doc)
    return doc


_RECIPIENT = re.compile(r"^(?:to|attn|attention|cc)\s*:\s*(.+)$", re.IGNORECASE)


def find_title_and_meta(doc: Document, *, first_line_title: bool = True) -> None:
    """The title (a short first line), then date and "To:" lines right under it."""
    blocks = doc.blocks
    if not blocks:
        return
    start = 0
    if doc.title_index is None and first_line_title:
        first = blocks[0]
        if (
            first.kind in ("para", "heading")
            and len(first.text) <= 200
            and not ends_sentence(first.text)
            and first.prose_lines == 1
            and len(blocks) > 1
            and not first.text.endswith(":")
        ):
            doc.title_index = 0
            doc.title = doc.title or first.text
    if doc.title_index is not None:
        start = doc.title_index + 1
    i = start
    while i < len(blocks) and i < start + 6:
        block = blocks[i]
        m = _RECIPIENT.match(block.text)
        if block.kind != "para" or not (is_date_line(block.text) or m):
            break
        if m:
            doc.recipients.append(m.group(1).strip())
        elif not doc.date:
            doc.date = block.text
        doc.meta_indexes.add(i)
        i += 1
