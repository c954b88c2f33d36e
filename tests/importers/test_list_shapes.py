"""The list shapes of issue 9, each seen on a real letter, on a small fixture of that shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from signon.importers.listparse import ParsedList
from signon.importers.people import is_group_label, person_score

from .helpers import FIXTURES, parse

SHAPES = FIXTURES / "shapes"


def _orgs(parsed: ParsedList) -> list[tuple[str, str]]:
    return [(e.name, e.country) for e in parsed.walk()]


def _people(parsed: ParsedList) -> list[tuple[str, str, str]]:
    return [(p.name, p.title, p.affiliation) for p in parsed.individuals]


def test_name_dash_country_after_signed_mixes_people_and_organizations() -> None:
    parsed, body = parse(SHAPES / "signed-dash.txt")
    assert _orgs(parsed) == [("Article 19 Eastern Africa", "Kenya")]
    # Known given names make the list a list of people; "Reporters Sans Frontieres" is
    # shaped like a name and taken as one there (a known limit, said in README).
    assert [p[0] for p in _people(parsed)] == [
        "Amina Yusuf",
        "Jean Dupont",
        "Reporters Sans Frontieres",
        "Maria Garcia",
        "Peter Novak",
        "Ana Silva",
    ]
    assert _people(parsed)[0] == ("Amina Yusuf", "", "Kenya")
    assert "Signed," in body and "Amina" not in body


def test_individuals_section_with_roles_and_bold_names() -> None:
    parsed, _ = parse(SHAPES / "individuals.md")
    assert [e.name for e in parsed.entries] == ["Amnesty International", "Human Rights Watch"]
    assert _people(parsed) == [
        ("Jane Roe", "Professor of Law", "University of Oslo, Norway"),
        ("John Smith", "journalist", ""),
        ("Ales Bialiatski", "", ""),
    ]
    assert parsed.sections == ["Organisations", "Individuals"]


def test_plain_lines_of_personal_names_are_individuals() -> None:
    parsed, _ = parse(SHAPES / "people-plain.txt")
    assert parsed.entries == []
    assert [p.name for p in parsed.individuals] == [
        "Jane Roe",
        "John Smith",
        "Maria Garcia",
        "Ales Bialiatski",
        "Anna Kowalska",
    ]


def test_image_alt_text_and_footer_links_are_left_out() -> None:
    parsed, body = parse(SHAPES / "junk.md")
    assert [e.name for e in parsed.entries] == [
        "Amnesty International",
        "Human Rights Watch",
        "Front Line Defenders",
    ]
    assert "See the full list" not in body and "For more information" not in body


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Global", True),
        ("Regional and International Organizations", True),
        ("National Organizations:", True),
        ("Africa", True),
        ("Global Witness", False),
        ("International Rescue Committee", False),
        ("and", False),
    ],
)
def test_group_labels(text: str, label: bool) -> None:
    assert is_group_label(text) is label


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Jane Roe", True),
        ("Dr. Kwame Mensah", True),
        ("Ales Bialiatski, human rights defender", True),
        ("Дмитрий Иванов", True),
        ("Amnesty International", False),
        ("Article 19", False),
        ("Pro Asyl", False),
        ("Human Rights Watch", False),
        ("Viasna", False),
        ("Pamela Anderson / Actress", True),
        ("Dr Sue Wareham OAM", True),
        ("Emeritus Professor Joseph A. Camilleri OAM", True),
        ("kiara <kiara@bij1.org>", True),
        ("Irenes (@IreneKnapp)", True),
        ("Mozilla Foundation (@mozilla)", False),
        # Lines of real letters (tests/corpus: de-ogn-forderungen, fr-onestlatech-extreme-droite,
        # pt-mst-lei-antiterrorismo)
        ("Damian Paderta – Digitalberater, Nozilla", True),
        ("John H. Weitzmann, Teamleiter Politik und Recht, Wikimedia Deutschland", True),
        ("Johanna zum Felde, Wissenschaftliche Mitarbeiterin, Freie Universität Berlin", True),
        ("Rodolphe Robles, administrateur système", True),
        ("Yoann Henrio, développeur web freelance", True),
        ("Mathieu de fairness.coop", True),
        ("Esther Solano Gallego, Unifesp", True),
        ("Margarida Maria Seabra Prado de Mendonça- advogada, professora doutora", True),
        ("Le Mouton Numérique", False),
        ("La Première Ligne", False),
        ("Collectif Changer de Cap - Groupe Numérique", False),
        ("Verein für Kinder- und Jugendhilfe", False),
        ("Jacques Le Marois", True),
    ],
)
def test_person_score(text: str, person: bool) -> None:
    assert (person_score(text) >= 1.0) is person


def test_a_list_mostly_of_people_reads_its_odd_lines_as_people_too(tmp_path: Path) -> None:
    path = tmp_path / "people.md"
    names = [
        "Jane Roe",
        "John Smith",
        "Maria Garcia",
        "Peter Novak",
        "Anna Kowalska",
        "Ana Silva",
        "Father John Pettit OCSO",
        "sbi",
        "Daniel-Nikpayuk",
        "EFF",
    ]
    path.write_text(
        "# Letter\n\nWe ask you to act.\n\nSigned,\n\n" + "".join(f"- {n}\n" for n in names),
        encoding="utf-8",
    )
    parsed, _ = parse(path)
    # An acronym alone is an organization's name even among people.
    assert [e.name for e in parsed.entries] == ["EFF"]
    assert [p.name for p in parsed.individuals] == names[:-1]


def test_a_bold_name_then_a_lower_case_description_reads_as_name_and_role() -> None:
    # Spanish and French lists print the name in bold and the role after it, no comma.
    from signon.importers.markdown import read_markdown

    doc = read_markdown("Firman:\n\n- **Ana García** activista de XR Madrid\n"
                        "- **Pedro Ruiz**, abogado\n- **Amnesty** International\n")
    assert [b.text for b in doc.blocks] == [
        "Firman:", "Ana García, activista de XR Madrid", "Pedro Ruiz, abogado",
        "Amnesty International",
    ]
    assert person_score(doc.blocks[1].text) >= 1.0
