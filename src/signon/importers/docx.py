"""Word (.docx) into blocks, read with python-docx: paragraphs, real lists, tables.

A list paragraph is one with numbering (``w:numPr``) of its own or from its
style ("List Bullet 2"); its level (``w:ilvl``) is its depth, its numbering
format tells bullets from numbers.  Line breaks inside a paragraph
(Shift+Enter, a common way to type a list in Word) split it into lines.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from signon.errors import RefusedInput
from signon.importers.blocks import Block, Document, clean
from signon.importers.txt import find_title_and_meta, lines_to_blocks, raw_line

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVEL_IN_NAME = re.compile(r"(\d+)\s*$")


def _val(element: Any, tag: str) -> str | None:
    child = element.find(_W + tag) if element is not None else None
    return None if child is None else child.get(_W + "val")


class _Numbering:
    """numId → (abstract numbering's level → format), read once."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, int], str] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, str]] = {}
        for node in root.findall(_W + "abstractNum"):
            levels = {}
            for lvl in node.findall(_W + "lvl"):
                levels[int(lvl.get(_W + "ilvl", "0"))] = _val(lvl, "numFmt") or "bullet"
            abstract[node.get(_W + "abstractNumId", "")] = levels
        for num in root.findall(_W + "num"):
            levels = abstract.get(_val(num, "abstractNumId") or "", {})
            for ilvl, fmt in levels.items():
                self.formats[(num.get(_W + "numId", ""), ilvl)] = fmt

    def marker(self, num_id: str, ilvl: int) -> str:
        fmt = self.formats.get((num_id, ilvl), "bullet")
        return "bullet" if fmt in ("bullet", "none") else "number"


def _style_numbering(style: Any) -> tuple[str, int] | None:
    """(numId, level) a paragraph style gives its paragraphs ("List Bullet 2")."""
    seen = 0
    while style is not None and seen < 10:
        ppr = style.element.find(_W + "pPr")
        numpr = ppr.find(_W + "numPr") if ppr is not None else None
        if numpr is not None:
            num_id = _val(numpr, "numId") or ""
            level = _val(numpr, "ilvl")
            if level is None:
                m = _LEVEL_IN_NAME.search(style.name or "")
                level = str(int(m.group(1)) - 1) if m else "0"
            return (num_id, int(level)) if num_id != "0" else None
        style = style.base_style
        seen += 1
    return None


def _paragraph_list(paragraph: Any, numbering: _Numbering) -> tuple[str, int] | None:
    """(marker, level) when the paragraph is a list item."""
    ppr = paragraph._p.pPr
    numpr = ppr.numPr if ppr is not None else None
    if numpr is not None and numpr.numId is not None and numpr.numId.val != 0:
        level = numpr.ilvl.val if numpr.ilvl is not None else 0
        return numbering.marker(str(numpr.numId.val), int(level)), int(level)
    try:
        style = paragraph.style
    except (KeyError, ValueError):
        return None
    found = _style_numbering(style)
    if found is not None:
        return numbering.marker(*found), found[1]
    name = (style.name or "") if style is not None else ""
    if name.startswith(("List Bullet", "List Number", "List Paragraph")):
        m = _LEVEL_IN_NAME.search(name)
        level = int(m.group(1)) - 1 if m else 0
        return ("number" if "Number" in name else "bullet"), level
    return None


def _style_name(paragraph: Any) -> str:
    try:
        return str(paragraph.style.name or "")
    except (KeyError, ValueError, AttributeError):
        return ""


# Paragraph styles of a document's metadata printed under its title (Word's "Subtitle";
# pandoc writes a Markdown post's front matter as "Subtitle", "Author", "Date"): the
# letter's furniture, never its signatories.
_META_STYLES = frozenset(["Subtitle", "Author", "Date", "Abstract Title"])


def _heading_level(paragraph: Any) -> int:
    name = _style_name(paragraph)
    if name == "Title":
        return 1
    m = re.match(r"Heading\s+(\d)", name)
    return int(m.group(1)) if m else 0


def _indent_depth(paragraph: Any) -> int:
    try:
        indent = paragraph.paragraph_format.left_indent
    except (ValueError, AttributeError):
        return 0
    return int(indent.pt // 18) if indent else 0


MAX_UNPACKED = 100 * 1024 * 1024  # a real letter's parts unpack to a few megabytes


def _check_package(path: Path, name: str) -> None:
    """Refuse an encrypted, broken or bomb-like .docx before python-docx unpacks it."""
    import zipfile

    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise RefusedInput(
            f"{name} is password-protected or an old .doc file; remove the password (or save "
            "it as .docx) in Word and run the command again"
        )
    try:
        with zipfile.ZipFile(path) as package:
            total = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise RefusedInput(
            f"{name} is not a Word .docx file (it is damaged or not a zip package); open it in "
            "Word or LibreOffice and save it as .docx"
        ) from None
    if total > MAX_UNPACKED:
        raise RefusedInput(
            f"{name} unpacks to {total // (1024 * 1024)} MB, more than the "
            f"{MAX_UNPACKED // (1024 * 1024)} MB a letter can hold; save the letter alone as .docx"
        )


def read_docx(path: Path, *, name: str = "") -> Document:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _check_package(path, name or path.name)
    try:
        document = docx.Document(str(path))
    except Exception as err:  # python-docx raises many kinds for a damaged file; all mean that
        if isinstance(err, (MemoryError, RecursionError)):
            raise
        raise RefusedInput(
            f"{name or path.name} is not a Word .docx file ({err}); open it in Word or "
            "LibreOffice and save it as .docx"
        ) from None
    numbering = _Numbering(document)
    blocks: list[Block] = []
    group = 0
    was_list = False
    title_index: int | None = None
    meta: set[int] = set()
    date = ""
    for element in document.element.body.iterchildren():
        if element.tag == _W + "tbl":
            group += 1
            table = Table(element, document)
            for row in table.rows:
                texts: list[str] = []
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is listed once per column
                        continue
                    seen.add(id(cell._tc))
                    texts.append(clean(cell.text))
                blocks.append(
                    Block("row", " | ".join(t for t in texts if t), group=group, cells=texts)
                )
            group += 1
            was_list = False
            continue
        if element.tag != _W + "p":
            continue
        paragraph = Paragraph(element, document)
        text = paragraph.text
        if not clean(text):
            group += 1
            continue
        style = _style_name(paragraph)
        if style in _META_STYLES:
            if style == "Date" and not date:
                from signon.importers.dates import parse_date

                date = parse_date(clean(text)[:10]) or parse_date(clean(text)) or ""
            meta.add(len(blocks))
            blocks.append(Block("para", clean(text), group=group))
            group += 1
            was_list = False
            continue
        level = _heading_level(paragraph)
        if level:
            if level == 1 and title_index is None and not blocks:
                title_index = len(blocks)
            blocks.append(Block("heading", clean(text), group=group + 1, level=level))
            group += 2
            was_list = False
            continue
        listed = _paragraph_list(paragraph, numbering)
        if listed is not None:
            if not was_list:
                group += 1
            marker, ilvl = listed
            blocks.append(
                Block("item", clean(text), depth=2 * (ilvl + 1), group=group, marker=marker)
            )
            was_list = True
            continue
        if was_list:
            group += 1
        was_list = False
        # Text typed as a list ("·<TAB>Name", "o<TAB>Member") reads as the list it shows.
        lines = [raw for t in text.split("\n") if (raw := raw_line(t, 0)).text]
        made = lines_to_blocks(lines, group, base_depth=_indent_depth(paragraph))
        blocks += made
        if len(made) > 1:
            group += 1
    doc = Document(blocks=blocks, name=name, title_index=title_index, date=date,
                   meta_indexes=meta)
    if title_index is not None:
        doc.title = blocks[title_index].text
    else:
        core_title = (document.core_properties.title or "").strip()
        doc.title = clean(core_title)
        if blocks and doc.title and blocks[0].text == doc.title:
            doc.title_index = 0
    find_title_and_meta(doc, first_line_title=False)
    return doc
