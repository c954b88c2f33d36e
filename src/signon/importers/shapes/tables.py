"""Tables: Markdown pipe and pandoc grid tables, HTML tables, tab-separated columns.

A table is read by its columns.  A header row names their roles ("No. | Name of
organization | Country"): the name column, the country and city columns, a row number,
or a column of people's names, which makes the table a list of individuals ("Individual
Name | Profession/Affiliation", "Фамилия и имя | Должность, компания").  A table without
a header has its roles inferred from its cells; its name column is the one whose cells
read best as names over the whole table, so a description column is never the name
("1 | Africa Development Interchange Network (ADIN) | ADIN is a non-profit NGO that …").
A row whose only cell names a group ("Regional") is a section of the list; cells the
source's markup names (HTML signature cards) are read by those names.

Corpus letters that show it: tests/corpus/en-owinfs-walker-process (number | name |
description, then name | country), tests/corpus/es-owinfs-transformar-omc.
"""

from __future__ import annotations

import re

from signon.importers.blocks import Block
from signon.importers.countries import is_city, is_country
from signon.importers.model import Line, Note
from signon.importers.names import (
    Place,
    ends_sentence,
    name_score,
    org_words,
    section_kind,
    strip_marker,
)
from signon.importers.people import THRESHOLDS, is_group_label


def row_name(block: Block, column: int | None = None) -> str:
    """The cell of a row that holds the name: the table's name column when it has one."""
    if column is not None and column < len(block.cells) and block.cells[column]:
        return block.cells[column]
    cells = [c for c in block.cells if c]
    if not cells:
        return ""
    return max(cells, key=len)


_HEADER_WORDS = {
    "name": re.compile(
        r"organi[sz]ation|organi[sz]acion|organisation|\bname\b|signator|\bngo\b|"
        r"\bgroup\b|entity|institution|\borg\b|\bnom\b|nombre|название|назва|"
        r"организац|організац|signed\s+by",
        re.I,
    ),
    "country": re.compile(r"countr|\bpays\b|pa[ií]s|\bland\b|страна|країна|краіна|\bstate\b", re.I),
    "city": re.compile(
        r"\bcity\b|\btown\b|ville|ciudad|город|місто|горад|location|\bplace\b|"
        r"based\s+in",
        re.I,
    ),
    "index": re.compile(r"^(?:#|no\.?|nr\.?|n°|№|number|num\.?|s/?n|item)$", re.I),
    # A column of people's names: the table lists individuals.
    "person": re.compile(
        r"individual|full\s+name|first\s+name|surname|family\s+name|\bperson|фамили|"
        r"\bимя\b|\bім'я|nom\s+et\s+pr[ée]nom|pr[ée]nom|apellido|vorname|nachname",
        re.I,
    ),
}


_INDEX_CELL = re.compile(r"^\(?\d{1,4}[.)]?$")


def _header_roles(cells: list[str]) -> dict[int, str]:
    roles: dict[int, str] = {}
    for n, cell in enumerate(cells):
        for role in ("index", "person", "country", "city", "name"):
            if _HEADER_WORDS[role].search(cell.strip()) and role not in roles.values():
                roles[n] = role
                break
    return roles


def is_header_row(block: Block) -> bool:
    if any(_INDEX_CELL.match(c) for c in block.cells):
        # A row's number ("26 | Positive Group Effect Foundation"): a header says "#" or "No.".
        return False
    roles = _header_roles(block.cells)
    if {"name", "country", "person"} & set(roles.values()):
        return all(len(c.split()) <= 6 for c in block.cells)
    return False


def _label_row(row: Block) -> bool:
    cells = [c for c in row.cells if c]
    return (
        len(cells) == 1
        and len(row.cells) > 1
        and (is_group_label(cells[0]) or bool(section_kind(cells[0])))
    )


def _infer_roles(rows: list[list[str]]) -> tuple[dict[int, str], list[int]]:
    """Column roles of a table without a header row; the name columns of a grid of names."""
    width = max((len(r) for r in rows), default=0)
    roles: dict[int, str] = {}
    columns = [[r[n] for r in rows if n < len(r) and r[n]] for n in range(width)]
    for n, values in enumerate(columns):
        if not values:
            continue
        if all(_INDEX_CELL.match(v) for v in values):
            roles[n] = "index"
        elif sum(is_country(v) for v in values) >= THRESHOLDS["column_share"] * len(values):
            roles[n] = "country"
        elif sum(is_city(v) for v in values) >= THRESHOLDS["column_share"] * len(values):
            roles[n] = "city"
    rest = [n for n in range(width) if n not in roles and columns[n]]
    orgish = [
        n
        for n in rest
        if sum(_cell_name_likeness(v) >= 0.9 and org_words(v) > 0 for v in columns[n])
        >= THRESHOLDS["column_share"] * len(columns[n])
    ]
    if len(orgish) >= 2 and not roles:
        return roles, orgish
    if rest:
        roles[_name_column({n: columns[n] for n in rest})] = "name"
    return roles, []


def _cell_name_likeness(text: str) -> float:
    """How much one table cell reads as a signatory's name, 0 to 1: 0 for a description
    ("ADIN is a non-profit NGO that …"), a sentence or a number."""
    words = len(text.split())
    if words > THRESHOLDS["name_cell_words"] or (
        words > THRESHOLDS["sentence_cell_words"] and ends_sentence(text)
    ):
        return 0.0
    return min(name_score(text, in_list=True), 1.0)


def _name_column(columns: dict[int, list[str]]) -> int:
    """The column of names among a table's columns (their non-empty cells, each).

    Judged over the whole column, not row by row: a "number | name | description" table
    has its longest cell in the description, which is never a name.  Of the columns that
    read as names about as well as the best, the one with the longest cells (the name
    beside its acronym or its city).
    """

    def likeness(n: int) -> float:
        return sum(_cell_name_likeness(v) for v in columns[n]) / len(columns[n])

    def length(n: int) -> float:
        return sum(len(v) for v in columns[n]) / len(columns[n])

    shares = {n: likeness(n) for n in columns}
    best = max(shares.values())
    close = [n for n in columns if shares[n] >= best - THRESHOLDS["name_column_margin"]]
    return max(close, key=length)


def name_columns(blocks: list[Block]) -> dict[int, int]:
    """For each table row of the document (by index), the column that holds its name."""
    out: dict[int, int] = {}
    i = 0
    while i < len(blocks):
        if blocks[i].kind != "row":
            i += 1
            continue
        j = i
        while j < len(blocks) and blocks[j].kind == "row" and blocks[j].group == blocks[i].group:
            j += 1
        rows = blocks[i:j]
        if len(rows) >= 2 and not all(r.roles for r in rows):
            column = _table_column(rows)
            if column is not None:
                out.update(dict.fromkeys(range(i, j), column))
        i = j
    return out


def _table_column(rows: list[Block]) -> int | None:
    """The name column of one table, as its header names it or as its cells read."""
    header = next((r for r in rows[:2] if is_header_row(r)), None)
    data = [r for r in rows if r is not header and sum(bool(c) for c in r.cells) >= 2]
    if header is not None:
        roles = _header_roles(header.cells)
        for role in ("person", "name"):
            if role in roles.values():
                return next(n for n, r in roles.items() if r == role)
    if not data:
        return None
    roles, grid = _infer_roles([r.cells for r in data])
    if grid:
        return None
    return next((n for n, r in roles.items() if r == "name"), None)


def _table_lines(rows: list[Block]) -> list[Line]:
    out: list[Line] = []
    if rows and all(r.roles for r in rows):
        # Cells the source's markup names (HTML signature cards, "<cite>Name</cite>, …"):
        # a name beside an affiliation or a title is a person signing.
        people = any({"affiliation", "title"} & set(r.roles) for r in rows)
        for row in rows:
            parts = list(zip(row.roles, row.cells, strict=True))
            name = next(c for role, c in parts if role == "name")
            line = Line(name, row.depth, row.group, row.line, src=row)
            if people:
                title = ", ".join(c for role, c in parts if role == "title")
                rest = ", ".join(c for role, c in parts if role not in ("name", "title"))
                line.person = (title, rest)
            out.append(line)
        return out
    header = next((r for r in rows[:2] if is_header_row(r)), None)
    data = [r for r in rows if r is not header and any(c for c in r.cells)]
    labels = {id(r) for r in data if _label_row(r)}
    if labels:
        # A row whose only cell names a group ("Regional"): a section of the list.
        chunk: list[Block] = []
        for row in rows:
            if id(row) in labels:
                if chunk:
                    out += _table_lines(chunk)
                    chunk = [header] if header is not None else []
                text = next(c for c in row.cells if c)
                out.append(Line(text, row.depth, row.group, row.line, section="label", src=row))
            else:
                chunk.append(row)
        if chunk and any(r is not header for r in chunk):
            out += _table_lines(chunk)
        return out
    if header is not None:
        roles = _header_roles(header.cells)
        grid: list[int] = []
        if "name" not in roles.values():
            inferred, grid = _infer_roles([r.cells for r in data])
            roles.update({n: role for n, role in inferred.items() if n not in roles})
    else:
        roles, grid = _infer_roles([r.cells for r in data])
    col = {role: n for n, role in roles.items()}
    if "person" in col:
        for row in data:
            cells = row.cells
            at = col["person"]
            name = cells[at] if at < len(cells) else ""
            if not name:
                continue
            others = [c for n, c in enumerate(cells) if n != at and c and roles.get(n) != "index"]
            title = others[0] if len(others) > 1 else ""
            affiliation = ", ".join(others[1:] if len(others) > 1 else others)
            out.append(
                Line(name, row.depth, row.group, row.line, person=(title, affiliation), src=row)
            )
        return out
    for row in data:
        cells = row.cells
        if grid:
            for n in grid:
                if n < len(cells) and cells[n]:
                    out.append(Line(cells[n], row.depth, row.group, row.line, src=row))
            continue
        name = cells[col["name"]] if "name" in col and col["name"] < len(cells) else ""
        if not name:
            continue  # a blank or decorative row
        marker, rest, _ = strip_marker(name)
        country = cells[col["country"]] if "country" in col and col["country"] < len(cells) else ""
        city = cells[col["city"]] if "city" in col and col["city"] < len(cells) else ""
        place = None
        if country or city:
            if city and not country and "," in city:
                maybe_city, _, maybe_country = city.rpartition(",")
                if is_country(maybe_country):
                    city, country = maybe_city.strip(), maybe_country.strip()
            if city and not country and is_country(city):
                city, country = "", city
            place = Place(name=rest, country=country, city=city)
        out.append(
            Line(rest, row.depth + (2 if marker else 0), row.group, row.line, place=place, src=row)
        )
    return out


def span(blocks: list[Block], i: int, end: int) -> int:
    """One past the last row of the table that begins at block ``i`` (``i`` if none)."""
    j = i
    while j < end and blocks[j].kind == "row" and blocks[j].group == blocks[i].group:
        j += 1
    return j


def read(blocks: list[Block], i: int, j: int, notes: list[Note]) -> list[Line]:
    """The lines of the table in ``blocks[i:j]``, each with the index of its row."""
    where = {id(blocks[k]): k for k in range(i, j)}
    out = _table_lines(blocks[i:j])
    for line in out:
        line.index = where.get(id(line.src), i)
    return out
