"""The line reader (importers/shapes/lines.py): plain lines, bullets, numbered items,
section headings and group labels, and names wrapped onto a line of their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from signon.importers.listparse import Note
from signon.importers.shapes import lines
from signon.importers.sources import read_document

from ..helpers import FIXTURES, excerpt, parse, read, shape

SHAPES = FIXTURES / "shapes"


def test_each_line_is_a_name_and_a_heading_is_a_section(tmp_path: Path) -> None:
    # "**Organisations**" over "Name, Country" lines, one a line.
    blocks = read_document(excerpt(tmp_path, "en-drw-assange", (20, 25))).blocks
    assert lines.span(blocks, 0, len(blocks)) == 1
    notes: list[Note] = []
    read_lines = lines.read(blocks, 0, len(blocks), notes)
    assert notes == []
    assert [(ln.text, ln.section, ln.index) for ln in read_lines] == [
        ("Organisations", "organizations", 0),
        ("Acceso Libre, Venezuela", "", 1),
        ("ACI Participa, Honduras", "", 2),
        ("ActiveWatch-Media Monitoring Agency, Romania", "", 3),
        ("Acção Académica para o Desenvolvimento das Comunidades Rurais, Mozambique", "", 4),
    ]


def test_a_line_beginning_with_a_lower_case_do_continues_the_name_above(
    tmp_path: Path,
) -> None:
    # "Margarida … professora doutora em Filosofia" / "do Direito, conselheira do CEDCA".
    blocks = read_document(excerpt(tmp_path, "pt-mst-lei-antiterrorismo", (143, 170))).blocks
    notes: list[Note] = []
    joined = lines.rejoin_wrapped(lines.read(blocks, 0, len(blocks), notes), notes)
    texts = [ln.text for ln in joined]
    assert len(texts) == len(blocks) - 1
    margarida = next(t for t in texts if t.startswith("Margarida"))
    assert margarida.endswith("em Filosofia do Direito, conselheira do CEDCA pela OAB/RJ")
    assert not any(t.startswith("do Direito") for t in texts)
    assert [n.code for n in notes] == ["import-repair"]


def test_a_paragraph_ending_in_a_lower_case_de_goes_on_in_the_next(tmp_path: Path) -> None:
    # One <p> a line: "… Comercialização e Industrialização de" / "Biocombustíveis …".
    blocks = read_document(excerpt(tmp_path, "pt-mst-rotulagem-transgenicos", (166, 174))).blocks
    notes: list[Note] = []
    joined = lines.rejoin_wrapped(lines.read(blocks, 0, len(blocks), notes), notes)
    assert [ln.text for ln in joined] == [
        "Cooperativa Grande Sertão",
        "Cooperativa Mista de Produção Camponesa – CPC",
        "Cooperativa Mista de Produção, Comercialização e Industrialização de "
        "Biocombustíveis e Produtos Agropecuários do Brasil – Oestebio",
    ]
    assert [n.code for n in notes] == ["import-repair"]


def test_a_name_ending_in_a_capital_word_is_not_joined_to_the_next(tmp_path: Path) -> None:
    # "… do Estado de São Paulo – A" or "Plan International": only lower-case
    # connectives ("de", "of", "and") leave a name unfinished.
    path = tmp_path / "list.txt"
    path.write_text("Signatories:\n\nRede do Brasil – A\n\nBeta Watch\n\nAlpha of\n\nGamma\n",
                    encoding="utf-8")
    blocks = read_document(path).blocks[1:]
    notes: list[Note] = []
    joined = lines.rejoin_wrapped(lines.read(blocks, 0, len(blocks), notes), notes)
    assert [ln.text for ln in joined] == ["Rede do Brasil – A", "Beta Watch", "Alpha of Gamma"]


def test_numbered_list() -> None:
    parsed, body = parse(FIXTURES / "numbered.txt")
    assert [e.name for e in parsed.entries] == [
        "Armenian Helsinki Association",
        "Helsinki Citizens' Assembly Vanadzor",
        "Youth Human Rights Movement",
        "Ukrainian Helsinki Human Rights Union",
        "NGO M'ART",
        "Vinnytsya Human Rights Group",
    ]
    assert parsed.entries[2].country == "Russian Federation"
    assert "Dear Minister," in body


def test_word_bullets_pasted_as_text() -> None:
    # "·<TAB>Name" is Word's first level, "o<TAB>Name" its second: a coalition with members.
    parsed, body = parse(FIXTURES / "word-bullets.txt")
    assert shape(parsed)[:2] == [
        (
            "Human Rights House Baku",
            "",
            [("Legal Education Society", ""), ("Society for Humanitarian Research", "")],
        ),
        ("Lawyers for Lawyers, Foundation", "Netherlands"),
    ]
    assert len(parsed.walk()) == 7
    assert "Legal Education Society" not in body


@pytest.mark.parametrize(
    ("bullet", "second"),
    [("·", "o"), ("\uf0b7", "\uf0a7"), ("\uf0b7", "§"), ("•", "\uf0d8")],
)
def test_word_bullet_symbols_before_a_tab(tmp_path: Path, bullet: str, second: str) -> None:
    source = tmp_path / "letter.txt"
    source.write_text(
        "We, the undersigned organizations, write to you.\n\nSignatories:\n\n"
        f"{bullet}\tHuman Rights House Oslo (on behalf of the following NGOs):\n"
        f"{second}\tFIAN Norway\n{second}\tNorwegian Helsinki Committee\n"
        f"{bullet}\tArticle 19\n{bullet}\tFront Line Defenders\n",
        encoding="utf-8",
    )
    parsed, _ = parse(source)
    assert shape(parsed) == [
        (
            "Human Rights House Oslo",
            "",
            [("FIAN Norway", ""), ("Norwegian Helsinki Committee", "")],
        ),
        ("Article 19", ""),
        ("Front Line Defenders", ""),
    ]


def test_word_bullets_typed_in_docx_paragraphs(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("We, the undersigned organizations, write to you.")
    document.add_paragraph("Signatories:")
    for text in (
        "·\tHuman Rights House Oslo (on behalf of the following NGOs):",
        "o\tFIAN Norway",
        "o\tNorwegian Helsinki Committee",
        "·\tArticle 19",
    ):
        document.add_paragraph(text)
    path = tmp_path / "letter.docx"
    document.save(str(path))
    parsed, _ = parse(path)
    assert shape(parsed) == [
        (
            "Human Rights House Oslo",
            "",
            [("FIAN Norway", ""), ("Norwegian Helsinki Committee", "")],
        ),
        ("Article 19", ""),
    ]


def test_a_tab_before_the_country_in_a_bulleted_line(tmp_path: Path) -> None:
    source = tmp_path / "letter.txt"
    source.write_text(
        "We, the undersigned organizations, write to you.\n\nSignatories:\n\n"
        "•\tArticle 19\tUnited Kingdom\n•\tFront Line Defenders\tIreland\n"
        "•\tCivil Rights Defenders\n",
        encoding="utf-8",
    )
    parsed, _ = parse(source)
    assert shape(parsed) == [
        ("Article 19", "United Kingdom"),
        ("Front Line Defenders", "Ireland"),
        ("Civil Rights Defenders", ""),
    ]


def test_group_labels_are_sections_and_two_lists_are_read() -> None:
    parsed, _ = parse(SHAPES / "ol-two.html")
    assert parsed.sections == ["International", "National"]
    assert [(e.section, e.name) for e in parsed.entries] == [
        ("International", "Amnesty International"),
        ("International", "Human Rights Watch"),
        ("International", "Front Line Defenders"),
        ("National", "Kenya Human Rights Commission"),
        ("National", "Legal Resources Foundation"),
        ("National", "Centre for Civic Action"),
    ]


def test_number_alone_on_a_line_before_its_name() -> None:
    parsed, _ = parse(SHAPES / "number-alone.html")
    assert [e.name for e in parsed.entries] == [
        "Amnesty International",
        "Human Rights Watch",
        "Front Line Defenders",
        "Kenya Human Rights Commission",
    ]


def test_a_country_label_gives_its_country_to_the_entries_under_it(tmp_path: Path) -> None:
    path = tmp_path / "by-country.txt"
    path.write_text(
        "Appeal\n\nWe, the undersigned organisations, urge you to act now.\n\n"
        "Signatories:\n\nUkraine:\nCentre for Civil Liberties\nZMINA Human Rights Centre\n\n"
        "Poland:\nHelsinki Foundation for Human Rights\n",
        encoding="utf-8",
    )
    parsed, _ = parse(path)
    assert [(e.section, e.name, e.country) for e in parsed.entries] == [
        ("Ukraine", "Centre for Civil Liberties", "Ukraine"),
        ("Ukraine", "ZMINA Human Rights Centre", "Ukraine"),
        ("Poland", "Helsinki Foundation for Human Rights", "Poland"),
    ]


def test_titles_before_a_name_and_a_name_wrapped_onto_a_line_of_its_own(tmp_path: Path) -> None:
    # The individuals after the organizations, one a <br /> line: "Deputado Chico Alencar -
    # PSOL/RJ" (a title before the name), and "Margarida … em Filosofia" / "do Direito,
    # conselheira do CEDCA pela OAB/RJ" (one person wrapped over two lines).
    path = excerpt(tmp_path, "pt-mst-lei-antiterrorismo", (80, 84), (143, 170))
    parsed = read(path)
    people = {p.name: f"{p.title} {p.affiliation}".strip() for p in parsed.individuals}
    assert people["Deputado Chico Alencar"] == "PSOL/RJ"
    margarida = next(p for p in parsed.individuals if p.name.startswith("Margarida"))
    assert "do Direito" in f"{margarida.title} {margarida.affiliation}"
    assert not any(e.name.startswith("do Direito") for e in parsed.entries)
    assert not any(p.name.startswith("do Direito") for p in parsed.individuals)
    assert any("do Direito, conselheira" in n.message for n in parsed.notes)


def test_a_german_association_s_e_v_ends_no_sentence(tmp_path: Path) -> None:
    # "Bitkom (Bundesverband …, Telekommunikation und neue Medien e. V.)": a name, not
    # prose; it had split the list, losing "Amadeu-Antonio-Stiftung" above it.
    parsed = read(excerpt(tmp_path, "de-okf-deklaration-meinungsfreiheit", (26, 36)))
    names = [e.name for e in parsed.entries]
    assert "Amadeu-Antonio-Stiftung" in names
    assert any(n.startswith("Bitkom (Bundesverband") for n in names)


def test_an_italian_closing_is_no_signatory(tmp_path: Path) -> None:
    # "In Fede," closes the letter; the signatures follow it.
    parsed = read(excerpt(tmp_path, "it-noiapp-lettera-pisano", (40, 46)))
    names = [p.name for p in parsed.individuals]
    assert len(names) == 3 and not parsed.entries
    assert names[0].startswith("Michele Sciabarrà")
    assert not any("Fede" in n for n in names)
