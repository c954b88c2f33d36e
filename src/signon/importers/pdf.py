"""Text PDFs into blocks: each page's lines, read with PDFium, then the plain-text rules.

A PDF has no paragraphs, only positioned runs of text.  Runs on one baseline
are one line; lines further apart than the page's usual line spacing have a
blank line between them, which is how the text reader tells paragraphs and lists apart.  A page
number alone at the top or the bottom of a page is the page's furniture.  A
PDF without a text layer (a scan) is refused: reading it would need OCR.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from signon.errors import RefusedInput
from signon.importers.blocks import Document

# pdfium's load errors (FPDF_ERR_*): 3 a damaged file, 4 a password, 5 a security handler.
_ERR_PASSWORD = (4, 5)
# Lines further apart than this many times the page's line spacing have a blank line between.
_PARAGRAPH_GAP = 1.4
# Runs whose vertical centres differ by less than this share of their height share a line.
_SAME_LINE = 0.5
# Characters further apart than this share of their height are in different runs.
_RUN_GAP = 0.6
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$", re.I
)


@dataclass
class _Run:
    left: float
    bottom: float
    right: float
    top: float
    text: str

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 0.1)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


# Runs of one line further apart than this many of their characters are cells of a table
# (a signatory table saved as PDF); words of a justified line are never this far apart.
_CELL_GAP = 3.0
# A wrapped cell's line starts within this many points of its column.
_COLUMN_SLACK = 3.0


def _cells(parts: list[_Run]) -> list[list[_Run]]:
    """A line's runs grouped into the cells of a table row (one group for a line of text)."""
    cells = [[parts[0]]]
    for prev, run in itertools.pairwise(parts):
        width = max((prev.right - prev.left) / max(len(prev.text), 1), 0.1)
        if run.left - prev.right > _CELL_GAP * width:
            cells.append([run])
        else:
            cells[-1].append(run)
    return cells


def _continues_cells(cells: list[list[_Run]], columns: list[float]) -> bool:
    """Whether a line holds only text under the later columns of the row above it."""
    first = columns[0]
    lefts = [cell[0].left for cell in cells]
    return all(
        left > first + _COLUMN_SLACK
        and any(abs(left - column) <= _COLUMN_SLACK for column in columns[1:])
        for left in lefts
    )


def _runs(page: Any) -> list[_Run]:
    """The page's runs of text: characters next to each other on one baseline.

    Built from PDFium's characters and their boxes (one call for the text, one per
    character for its box), not from its text rectangles: the text bounded by a rectangle
    also takes the neighbouring characters of kerned text ("African W Wo Women's").
    """
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        boxes = [textpage.get_charbox(i, loose=True) for i in range(len(text))]
    finally:
        textpage.close()
    runs: list[_Run] = []
    current: _Run | None = None
    for char, (left, bottom, right, top) in zip(text, boxes, strict=True):
        if char in "\r\n\x00\ufffe":
            current = None
            continue
        if char.isspace():
            if current is not None and not current.text.endswith(" "):
                current.text += " "
            continue
        if current is not None:
            height = current.height
            same_line = abs((top + bottom) / 2 - current.middle) < _SAME_LINE * height
            # A gap wider than a space of this size of type ends the run (a cell's edge).
            near = -height < left - current.right < _RUN_GAP * height
            if same_line and near:
                current.text += char
                current.right = max(current.right, right)
                current.top, current.bottom = max(current.top, top), min(current.bottom, bottom)
                continue
        current = _Run(left, bottom, right, top, char)
        runs.append(current)
    for run in runs:
        run.text = " ".join(run.text.split())
    return [run for run in runs if run.text]


def _page_lines(page: Any) -> list[str]:
    """The page's lines, top to bottom, with "" where a paragraph ends."""
    runs = _runs(page)
    # Lines by where the runs stand, not by the order PDFium gives them: a table's cells
    # may come column by column.
    runs.sort(key=lambda r: -r.middle)
    lines: list[list[_Run]] = []
    for run in runs:
        first = lines[-1][0] if lines else None
        if first is not None and abs(run.middle - first.middle) < _SAME_LINE * first.height:
            lines[-1].append(run)
        else:
            lines.append([run])
    for parts in lines:
        parts.sort(key=lambda r: r.left)
    tops = [max(r.top for r in parts) for parts in lines]
    pitches = sorted(a - b for a, b in itertools.pairwise(tops) if a > b)
    # The page's line spacing: most lines of a letter are lines of a paragraph or a list.
    pitch = pitches[len(pitches) // 4] if pitches else 0.0
    # Each line keeps its indentation, in spaces of the page's usual character width, so
    # that the text rules see a bullet's wrapped line hang under its text.
    widths = sorted((r.right - r.left) / len(r.text) for r in runs if len(r.text) > 3)
    space = widths[len(widths) // 2] if widths else 5.0
    margin = min((parts[0].left for parts in lines), default=0.0)
    out: list[str] = []
    columns: list[float] = []  # where the cells of the table row above begin
    for n, parts in enumerate(lines):
        gap = bool(n and pitch and tops[n - 1] - tops[n] > _PARAGRAPH_GAP * pitch)
        cells = _cells(parts)
        if not gap and columns and out and _continues_cells(cells, columns):
            # A cell's text wrapped onto the next line ("Fullstack разработчица, Namaste" /
            # "Technologies"): back into its cell of the row above.
            row = out[-1].split("\t")
            for cell in cells:
                k = min(range(len(columns)), key=lambda c: abs(columns[c] - cell[0].left))
                row[k] = f"{row[k]} {' '.join(r.text for r in cell)}".strip()
            out[-1] = "\t".join(row)
            continue
        if gap:
            out.append("")
        indent = " " * max(0, round((parts[0].left - margin) / space))
        out.append(indent + "\t".join(" ".join(r.text for r in cell) for cell in cells))
        columns = [cell[0].left for cell in cells] if len(cells) > 1 else []
    while out and _PAGE_NUMBER.match(out[-1].strip()):
        out.pop()
    while out and _PAGE_NUMBER.match(out[0].strip()):
        out.pop(0)
    return out


def pdf_text(data: bytes, name: str) -> str:
    """The text of a PDF, one line per printed line, a blank line between paragraphs and
    pages; :class:`RefusedInput` (exit 3) for a locked, damaged or scanned PDF."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if getattr(err, "err_code", None) in _ERR_PASSWORD:
            raise RefusedInput(
                f"{name} is password-protected; save a copy without the password (in a PDF "
                "viewer: print to PDF) and run the command again"
            ) from None
        raise RefusedInput(
            f"{name} is not a readable PDF (it is damaged or not a PDF); open it in a PDF "
            "viewer and save or print it to a new PDF"
        ) from None
    try:
        pages = [_page_lines(document[n]) for n in range(len(document))]
    finally:
        document.close()
    if not any(pages):
        raise RefusedInput(
            f"{name} has no text layer (it is a scanned image); run it through OCR or "
            "copy the letter into a .txt or .docx file"
        )
    return "\n\n".join("\n".join(lines) for lines in pages if lines)


def read_pdf(data: bytes, *, name: str = "") -> Document:
    from signon.importers.txt import read_txt

    return read_txt(pdf_text(data, name), name=name)
