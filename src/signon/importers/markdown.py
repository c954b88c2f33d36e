"""Markdown into blocks: headings, paragraphs, nested lists, tables, embedded HTML.

Parsed with markdown-it (CommonMark plus tables), which also decodes
entities and backslash escapes.  Each block keeps its source lines so that the
letter's body can be copied into letter.md as the author wrote it.
"""

from __future__ import annotations

import re
from typing import Any

from signon.importers.blocks import Block, Document, clean
from signon.importers.people import person_shape
from signon.importers.txt import RawLine, find_title_and_meta, lines_to_blocks


def _inline_lines(token: Any) -> list[str]:
    """The inline token's text, split at soft and hard line breaks (<br> too)."""
    lines = [""]
    bold_head = False  # the line so far is one bold span: a name ("**Ana García** activista")
    for child in token.children or []:
        kind = child.type
        if kind == "strong_open":
            bold_head = not lines[-1].strip()
        elif kind == "strong_close" and bold_head:
            lines[-1] += "\x00"  # where the bold name ends; see below
            bold_head = False
        if kind in ("text", "code_inline"):
            text = child.content
            if lines[-1].endswith("\x00"):
                # A description after a bold name is what follows the name, as a comma
                # would say: "**Ana García** activista" = "Ana García, activista", and
                # "**Ada Parellada Garrell** Restauradora" (a person's name: "**Amnesty**
                # International" is one name in part bold).
                lines[-1] = lines[-1][:-1]
                if text[:1] == " " and (
                    text[1:2].islower() or (text[1:2].isalpha() and person_shape(lines[-1]))
                ):
                    text = "," + text
            lines[-1] += text
        elif kind in ("softbreak", "hardbreak") or (
            kind == "html_inline" and child.content.lower().startswith("<br")
        ):
            lines.append("")
        # An image's alt text ("Logo of the coalition") is no part of the letter's words.
    return [line.replace("\x00", "") for line in lines]


def _inline_text(token: Any) -> str:
    return clean(" ".join(_inline_lines(token)))


_GRID_BORDER = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_GRID_ROW = re.compile(r"^\s*\|.*\|\s*$")


_LINK_TARGET = re.compile(r"\]\(([^()]*)\)")
_PARAGRAPH_TAG = re.compile(r"</?p\b[^>]*>", re.IGNORECASE)


def _grid_cell(parts: list[str]) -> str:
    """One grid-table cell's text: its Markdown read (links as their text, images gone, the
    stray <p> of a converted page dropped).  A cell that gives a short first line, a hard
    line break, then a description ("[AK DATEN E.V.](…) - Germany\\" / "AK DATEN is a
    NGO…") is that first line: the description is no part of the name."""
    raw = "\n".join(parts)
    if not any(ch in raw for ch in "[]<>\\*_`"):
        return clean(" ".join(parts))
    from markdown_it import MarkdownIt

    raw = _PARAGRAPH_TAG.sub("", raw)
    # The cell's width wrapped link targets across lines: a URL holds no spaces.
    raw = _LINK_TARGET.sub(lambda m: "](" + "".join(m.group(1).split()) + ")", raw)
    lines = [""]
    for token in MarkdownIt("commonmark").parse(raw.strip()):
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                lines[-1] += child.content
            elif child.type == "softbreak":
                lines[-1] += " "  # the cell's width, not the author, broke the line
            elif child.type == "hardbreak":
                lines.append("")
        lines.append("")
    lines = [clean(line) for line in lines if clean(line)]
    if len(lines) > 1 and len(lines[0].split()) <= 12 and len(" ".join(lines[1:]).split()) > 6:
        return lines[0]
    return clean(" ".join(lines))


def _grid_tables(text: str) -> tuple[str, list[tuple[int, list[Block]]]]:
    """Pandoc grid tables (+---+---+ borders): their rows, and the text without them.

    markdown-it does not read them; their lines are blanked (so that every other
    block keeps its line numbers) and the rows are put back in their place.
    """
    lines = text.split("\n")
    if not any(_GRID_BORDER.match(line) for line in lines):
        return text, []
    tables: list[tuple[int, list[Block]]] = []
    i = 0
    while i < len(lines):
        if not _GRID_BORDER.match(lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines) and (_GRID_BORDER.match(lines[j]) or _GRID_ROW.match(lines[j])):
            j += 1
        if j - i < 3:
            i = j
            continue
        rows: list[Block] = []
        cells: list[list[str]] = []
        first = i
        header = False
        for n in range(i, j + 1):
            line = lines[n] if n < j else "+"
            if n == j or _GRID_BORDER.match(line):
                if cells:
                    texts = [_grid_cell(parts) for parts in cells]
                    rows.append(
                        Block(
                            "row",
                            " | ".join(t for t in texts if t),
                            cells=texts,
                            header=header,
                            line=first + 1,
                            span=(first, n),
                        )
                    )
                cells = []
                header = False
                first = n + 1
                if n < j and "=" in line and rows:
                    rows[-1].header = True
                continue
            parts = [p.strip() for p in line.strip().strip("|").split("|")]
            if not cells:
                cells = [[] for _ in parts]
            for k, part in enumerate(parts[: len(cells)]):
                if part:
                    cells[k].append(part)
        for n in range(i, j):
            lines[n] = ""
        tables.append((i, rows))
        i = j
    return "\n".join(lines), tables


# A site generator's front matter: YAML between "---" lines, TOML between "+++" lines, or
# Pelican / MultiMarkdown "Key: value" lines from the first line to the first blank one.
_FENCES = ("---", "+++")
_META_LINE = re.compile(r"^(?P<key>[A-Za-z][\w-]{0,30}):[ \t]*(?P<value>.*)$")
_META_KEYS = frozenset(
    (
        "title",
        "date",
        "author",
        "authors",
        "category",
        "categories",
        "tags",
        "slug",
        "status",
        "summary",
        "lang",
        "modified",
        "layout",
        "subtitle",
        "template",
        "save_as",
        "url",
    )
)


def _front_matter(text: str) -> tuple[str, dict[str, str]]:
    """The text with its front matter blanked (line numbers kept), and the front matter's
    scalar "key: value" pairs (title, date…), lower-case keys."""
    lines = text.split("\n")
    end = 0
    if lines and lines[0].strip() in _FENCES:
        fence = lines[0].strip()
        end = next((n + 1 for n in range(1, len(lines)) if lines[n].strip() == fence), 0)
    elif (first := _META_LINE.match(lines[0])) and first["key"].lower() in _META_KEYS:
        end = next((n for n, line in enumerate(lines) if not line.strip()), len(lines))
        if not all(_META_LINE.match(line) or line.startswith((" ", "\t")) for line in lines[:end]):
            end = 0
    if not end:
        return text, {}
    found: dict[str, str] = {}
    for line in lines[:end]:
        m = _META_LINE.match(line.strip())
        if m:
            value = m["value"].strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            found.setdefault(m["key"].lower(), value)
    return "\n" * (end - 1) + "\n" + "\n".join(lines[end:]), found


def read_markdown(text: str, *, name: str = "") -> Document:
    from markdown_it import MarkdownIt

    from signon.importers.html import read_html_fragment

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    body_text, front = _front_matter(text)
    parsed_text, grids = _grid_tables(body_text)
    tokens = md.parse(parsed_text)
    blocks: list[Block] = []
    group = 0
    list_depth = 0
    quote = 0
    row: list[str] | None = None
    row_header = False
    row_line = 0
    item_marker: list[str] = []
    in_item_para = False
    title_index: int | None = None
    rules: set[int] = set()  # indexes of the blocks that follow a horizontal rule
    for i, tok in enumerate(tokens):
        kind = tok.type
        span = tok.map or [0, 0]
        if kind == "heading_open":
            inline = tokens[i + 1]
            level = int(tok.tag[1])
            blocks.append(
                Block(
                    "heading",
                    _inline_text(inline),
                    depth=quote,
                    group=group,
                    level=level,
                    line=span[0] + 1,
                    span=(span[0], span[1]),
                )
            )
            if (
                level == 1
                and title_index is None
                and not any(b.kind != "heading" for b in blocks[:-1])
            ):
                title_index = len(blocks) - 1
            group += 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            if list_depth == 0:
                group += 1
            list_depth += 1
            item_marker.append("bullet" if kind == "bullet_list_open" else "number")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
            item_marker.pop()
            if list_depth == 0:
                group += 1
        elif kind == "list_item_open":
            in_item_para = True
        elif kind == "paragraph_open" and list_depth and in_item_para:
            inline = tokens[i + 1]
            blocks.append(
                Block(
                    "item",
                    _inline_text(inline),
                    depth=quote + 2 * list_depth,
                    group=group,
                    marker=item_marker[-1],
                    line=span[0] + 1,
                    span=(span[0], span[1]),
                )
            )
            in_item_para = False
        elif kind == "paragraph_open" and not list_depth:
            inline = tokens[i + 1]
            lines = [
                RawLine(0, clean(t), span[0] + 1 + n)
                for n, t in enumerate(_inline_lines(inline))
                if clean(t)
            ]
            made = lines_to_blocks(lines, group, base_depth=quote)
            for block in made:
                # One block per source line unless prose: each keeps its own lines.
                block.span = (block.line - 1, block.line) if len(made) > 1 else (span[0], span[1])
            blocks += made
            group += 1
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "table_open":
            group += 1
        elif kind == "tr_open":
            row, row_header, row_line = [], False, span[0] + 1
        elif kind in ("th_open", "td_open") and row is not None:
            row_header = row_header or kind == "th_open"
            row.append(_inline_text(tokens[i + 1]))
        elif kind == "tr_close" and row is not None:
            blocks.append(
                Block(
                    "row",
                    " | ".join(c for c in row if c),
                    depth=quote,
                    group=group,
                    cells=row,
                    header=row_header,
                    line=row_line,
                    span=(row_line - 1, row_line),
                )
            )
            row = None
        elif kind == "table_close":
            group += 1
        elif kind in ("fence", "code_block"):
            blocks.append(
                Block(
                    "para",
                    clean(tok.content),
                    depth=quote,
                    group=group,
                    line=span[0] + 1,
                    span=(span[0], span[1]),
                    prose_lines=max(tok.content.count("\n"), 1),
                )
            )
            group += 1
        elif kind == "html_block":
            inner = read_html_fragment(tok.content, first_group=group + 1)
            for block in inner:
                block.line = span[0] + 1
                block.span = (span[0], span[1])
            blocks += inner
            group = max((b.group for b in inner), default=group) + 1
        elif kind == "hr":
            group += 1
            rules.add(len(blocks))
    for index in rules:
        if index < len(blocks):
            blocks[index].rule_before = True
    for at, rows in reversed(grids):
        where = next((n for n, b in enumerate(blocks) if b.span[0] > at), len(blocks))
        group = max((b.group for b in blocks), default=0) + 1 + at
        for grid_row in rows:
            grid_row.group = group
        blocks[where:where] = rows
        if title_index is not None and where <= title_index:
            title_index += len(rows)
    doc = Document(blocks=blocks, name=name, markdown=text, title_index=title_index)
    if title_index is not None:
        doc.title = blocks[title_index].text
    elif front.get("title"):
        doc.title = clean(front["title"])
    date = re.match(r"\d{4}-\d{2}-\d{2}", front.get("date", ""))
    if date:
        doc.date = date.group()
    find_title_and_meta(doc, first_line_title=False)
    return doc
