"""CSV of the signatories: one row per printed name, safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return is
run as a formula by Excel, LibreOffice and Google Sheets (``=HYPERLINK(…)``
in an organization's name is a classic phishing vector).  Following OWASP's
CSV-injection guidance such cells get a leading single quote, which
spreadsheets show as text and hide.  Names are first flattened to one line
(:func:`signon.export._model.one_line`), as in every other format.
"""

from __future__ import annotations

import csv
import io

from signon.compose import Composed
from signon.export._model import list_lines, one_line
from signon.letterlocale import unnamed_line

HEADER = (
    "id",
    "name",
    "country",
    "coalition",
    "kind",
    "signed",
    "signer",
    "depth",
    "title",
    "affiliation",
)
# OWASP's list, plus the full-width forms some spreadsheets also accept, and a
# line feed, which a few importers treat like a carriage return.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
BOM = "\ufeff"


def neutralize(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def cell(text: str) -> str:
    """A text cell as every other format prints it (one line: no control characters, tabs,
    line breaks or doubled spaces), then made safe from formula injection."""
    return neutralize(one_line(text))


def rows(composed: Composed) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    hidden = unnamed_line(composed)
    for line in list_lines(composed):
        if hidden and line.person is not None:
            out.append(_unnamed_row(hidden))
            hidden = ""
        if line.node is not None:
            node = line.node
            top = line.top.signature if line.top is not None else None
            # Members sign through their coalition: its date applies, its signer does not.
            signer = top.signer if top is not None and line.depth == 0 else ""
            out.append(
                (
                    node.id,
                    node.name,
                    node.country,
                    node.parent,
                    node.kind,
                    top.date if top is not None else "",
                    signer,
                    str(line.depth),
                    "",
                    "",
                )
            )
        elif line.person is not None:
            person = line.person
            out.append(
                (
                    "",
                    person.name,
                    "",
                    "",
                    "individual",
                    person.date,
                    "",
                    "0",
                    person.title,
                    person.affiliation,
                )
            )
    if hidden:
        out.append(_unnamed_row(hidden))
    return out


def _unnamed_row(line: str) -> tuple[str, ...]:
    # One row where the organizations end, so that a coordinator adding up the sheet
    # sees why it holds fewer rows than the letter's count; no id, country, date or
    # signer, which could tell who they are.
    return ("", line, "", "", "unnamed", "", "", "0", "", "")


def render(composed: Composed, *, bom: bool = False) -> bytes:
    buffer = io.StringIO()
    # Every cell quoted, CRLF line ends: RFC 4180, which Excel expects.
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows(composed):
        writer.writerow([cell(text) for text in row])
    return ((BOM if bom else "") + buffer.getvalue()).encode("utf-8")
