"""The table reader (importers/shapes/tables.py): header roles, the name column, rows."""

from __future__ import annotations

from pathlib import Path

from signon.importers.blocks import Block
from signon.importers.shapes import tables
from signon.importers.sources import read_document

from ..helpers import FIXTURES, excerpt, orgs, parse, people, read, shape

SHAPES = FIXTURES / "shapes"


def test_markdown_table_with_header_index_column_and_blank_row() -> None:
    parsed, body = parse(FIXTURES / "table.md")
    assert shape(parsed) == [
        ("Civil Rights Defenders", "Sweden"),
        ("Danish Institute for Human Rights", "Denmark"),
        ("International Partnership for Human Rights (IPHR)", "Belgium"),
        ("LIbereco – Partnership for Human Rights", "Germany"),
        ('Non-governmental organization "Interaction"', "Moldova"),
        ("Östgruppen – the Swedish Initiative for Democracy and Human Rights", "Sweden"),
    ]
    # Markdown bodies are copied as written, emphasis included; text after the list stays.
    assert "**Six organizations** sign" in body
    assert body.rstrip().endswith("*Contact: the Human Rights House Network.*")
    assert "| Organization |" not in body


def test_html_table_with_multiline_cells_entities_and_header() -> None:
    parsed, body = parse(FIXTURES / "table.html")
    assert shape(parsed) == [
        ('Association of Female Citizens "Renaissance"', "Bosnia and Herzegovina"),
        ("Helsinki Committee for Human Rights in Bosnia and Herzegovina", "Bosnia and Herzegovina"),
        ("Women’s Association for Rational Development (WARD)", "Azerbaijan"),
        ("Union of the Committees of Soldiers’ Mothers of Russia", "Russian Federation"),
        ("B.a.B.e. & friends", "Croatia"),
    ]
    assert "Home" not in body and "About us" not in body  # <nav>
    assert "©" not in body  # <footer>
    assert "24 November 2011" in body  # &nbsp; became spaces


def test_tab_separated_columns_are_a_table() -> None:
    parsed, _ = parse(FIXTURES / "tab-columns.txt")
    assert shape(parsed) == [
        ("Article 19", "United Kingdom"),
        ("Civil Rights Defenders", "Sweden"),
        ("European Federation of Journalists", "Belgium"),
        ("Reporters Without Borders, RSF", "France"),
    ]


def test_pandoc_grid_table() -> None:
    parsed, body = parse(SHAPES / "grid.md")
    assert orgs(parsed) == [
        ("Amnesty International", "UK"),
        ("Human Rights Watch", "USA"),
        ("Front Line Defenders", "Ireland"),
    ]
    assert "+----" not in body


def test_table_of_people_after_a_table_of_organizations(tmp_path: Path) -> None:
    path = tmp_path / "tables.md"
    path.write_text(
        "# Letter\n\nWe, the undersigned, ask you to act.\n\n"
        "| Organisation | Country |\n|---|---|\n| Amnesty International | UK |\n"
        "| Human Rights Watch | USA |\n\n"
        "| Individual Name | Profession/Affiliation |\n|---|---|\n"
        "| Jane Roe | Professor, University of Oslo |\n| John Smith | Journalist |\n\n"
        "| Фамилия и имя | Должность, компания |\n|---|---|\n| Иван Петров | журналист |\n",
        encoding="utf-8",
    )
    parsed, _ = parse(path)
    assert orgs(parsed) == [("Amnesty International", "UK"), ("Human Rights Watch", "USA")]
    assert people(parsed) == [
        ("Jane Roe", "", "Professor, University of Oslo"),
        ("John Smith", "", "Journalist"),
        ("Иван Петров", "", "журналист"),
    ]


def test_a_table_row_naming_a_group_is_a_section(tmp_path: Path) -> None:
    path = tmp_path / "groups.html"
    path.write_text(
        "<h1>Letter</h1><p>We, the undersigned organisations, urge you to act now.</p>"
        "<table><tr><th>Organisation</th><th>Country</th></tr>"
        "<tr><td>Global</td><td></td></tr>"
        "<tr><td>Amnesty International</td><td>UK</td></tr>"
        "<tr><td>Human Rights Watch</td><td>USA</td></tr>"
        "<tr><td>Regional</td><td></td></tr>"
        "<tr><td>East Africa Law Society</td><td>Tanzania</td></tr></table>",
        encoding="utf-8",
    )
    parsed, _ = parse(path)
    assert [(e.section, e.name, e.country) for e in parsed.entries] == [
        ("Global", "Amnesty International", "UK"),
        ("Global", "Human Rights Watch", "USA"),
        ("Regional", "East Africa Law Society", "Tanzania"),
    ]


def test_number_name_description_table_takes_the_name_column(tmp_path: Path) -> None:
    # "1 | Africa Development Interchange Network (ADIN) | ADIN is a non-profit NGO that…":
    # the longest cell of each row is the description; the names are the column beside it.
    path = excerpt(tmp_path, "en-owinfs-walker-process", (158, 252), (554, 611))
    parsed = read(path)
    assert [e.name for e in parsed.entries] == [
        "Africa Development Interchange Network (ADIN)",
        "Amnesty International",
        "Arab NGO Network for Development (ANND)",
        "Asia Pacific Forum on Women, Law and Development",
        "Candid Concepts Development",
        "Positive Group Effect Foundation (FGEP)",
        "Free Path Foundation",
        "World of Work Institute (IMT-UNTREF)",
        "Australian Fair Trade and Investment Network",
    ]
    assert parsed.individuals == []


def test_a_numbered_row_whose_name_holds_a_header_word_is_no_header(tmp_path: Path) -> None:
    # Row 26, "Positive Group Effect Foundation (FGEP) | Argentina", right after the heading
    # "National organizations:": "Group" is a header word, but a header has no row number.
    path = excerpt(tmp_path, "en-owinfs-walker-process", (555, 611))
    parsed = read(path, start="National")
    assert [(e.name, e.country) for e in parsed.entries] == [
        ("Positive Group Effect Foundation (FGEP)", "Argentina"),
        ("Free Path Foundation", "Argentina"),
        ("World of Work Institute (IMT-UNTREF)", "Argentina"),
        ("Australian Fair Trade and Investment Network", "Australia"),
    ]


def test_grid_table_cells_read_as_markdown_with_the_description_left_out(tmp_path: Path) -> None:
    # A pandoc grid table: a logo cell, then "[AK DATEN E.V.](…) - Germany\" and a
    # description, the link text and its URL hard-wrapped across the cell's lines.
    path = excerpt(tmp_path, "it-acta-minaccia-globale", (61, 107))
    parsed = read(path)
    assert [(e.name, e.country) for e in parsed.entries] == [
        ("AK DATEN E.V.", "Germany"),
        ("April", "France"),
        ("ASIC", "France"),
        ("Asociación de Internautas", ""),
        ("Bits of Freedom", ""),
    ]


# ------------------------------------------------------------------ the reader on its own


def _rows(path: Path) -> list[Block]:
    return read_document(path).blocks


def test_the_name_column_is_chosen_over_the_whole_table(tmp_path: Path) -> None:
    # "1 | Africa Development Interchange Network (ADIN) | ADIN is a non-profit NGO that…":
    # every row's longest cell is its description; the name column is the second.
    blocks = _rows(excerpt(tmp_path, "en-owinfs-walker-process", (158, 252)))
    rows = [i for i, b in enumerate(blocks) if b.kind == "row"]
    assert set(tables.name_columns(blocks).items()) == {(i, 1) for i in rows}
    assert tables.span(blocks, rows[0], len(blocks)) == rows[-1] + 1
    lines = tables.read(blocks, rows[0], rows[-1] + 1, [])
    assert [(ln.text, ln.index) for ln in lines] == [
        ("Africa Development Interchange Network (ADIN)", rows[0]),
        ("Amnesty International", rows[1]),
        ("Arab NGO Network for Development (ANND)", rows[2]),
        ("Asia Pacific Forum on Women, Law and Development", rows[3]),
        ("Candid Concepts Development", rows[4]),
    ]


def test_a_numbered_row_is_not_a_header_and_the_country_column_is_a_place(
    tmp_path: Path,
) -> None:
    # "26 | Positive Group Effect Foundation (FGEP) | Argentina": "Group" is a header word,
    # but a row with a number is data.
    blocks = _rows(excerpt(tmp_path, "en-owinfs-walker-process", (555, 611)))
    rows = [b for b in blocks if b.kind == "row"]
    assert not any(tables.is_header_row(r) for r in rows)
    lines = tables.read(blocks, blocks.index(rows[0]), len(blocks), [])
    assert [(ln.text, ln.place.country if ln.place else "") for ln in lines] == [
        ("Positive Group Effect Foundation (FGEP)", "Argentina"),
        ("Free Path Foundation", "Argentina"),
        ("World of Work Institute (IMT-UNTREF)", "Argentina"),
        ("Australian Fair Trade and Investment Network", "Australia"),
    ]


def test_a_header_naming_people_makes_each_row_a_person(tmp_path: Path) -> None:
    # "Фамилия и имя | Должность, компания" (name | position, company).
    blocks = _rows(excerpt(tmp_path, "ru-it-case-212", (35, 40)))
    assert tables.is_header_row(blocks[0])
    lines = tables.read(blocks, 0, tables.span(blocks, 0, len(blocks)), [])
    assert [(ln.text, ln.person) for ln in lines] == [
        ("Лобовикова Александра", ("", "Fullstack разработчица, Namaste Technologies")),
        ("Любимов Илья", ("", "Chief People Officer, Serokell")),
        ("Гейнц Роман", ("", "Fullstack разработчик")),
        ("Гарифулина Юлия", ("", "Software Developer, goTRG")),
    ]
