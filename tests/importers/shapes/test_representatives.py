"""People signing for their organizations (importers/shapes/representatives.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from signon.importers.shapes import representatives
from signon.importers.shapes.representatives import (
    on_behalf,
    org_and_signer,
    prose_says_organizations,
)

from ..helpers import excerpt, people, read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jorge Fuertes, presidente, en nombre de «Asociación Alfa»",
         ("Asociación Alfa", "Jorge Fuertes, presidente")),
        ("Jane Doe, on behalf of the Beta Watch Foundation",
         ("Beta Watch Foundation", "Jane Doe")),
        # Not a person signing: a coalition heading, an organization for its members.
        ("Human Rights House Baku (on behalf of the following NGOs):", None),
        ("Gamma Network, on behalf of its 40 member organisations", None),
        # "ORG: its representative, on behalf of …" is read elsewhere (the colon rule).
        ("HISPALINUX: Jorge Fuertes, presidente, en nombre de “Asociación Española”", None),
    ],
)
def test_on_behalf(text: str, expected: tuple[str, str] | None) -> None:
    assert on_behalf(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe, Executive Director, Alpha Rights Project",
         ("Alpha Rights Project", "Jane Doe, Executive Director")),
        ("Jane Doe, Executive Director, Alpha Rights Project, Norway",
         ("Alpha Rights Project", "Jane Doe, Executive Director")),
        ("Rosana Grinberg, Presidente do FNECDC", ("FNECDC", "Rosana Grinberg, Presidente")),
        ("John Smith, Professor of Law, Harvard University",
         ("Harvard University", "John Smith, Professor of Law")),
        # A person and a place, a person and an organization without a role, an
        # organization and its country: none is a person signing for an organization.
        ("Jane Doe, Lawyer, Kyiv", None),
        ("Jane Doe, Amnesty International", None),
        ("Acceso Libre, Venezuela", None),
    ],
)
def test_org_and_signer(text: str, expected: tuple[str, str] | None) -> None:
    assert org_and_signer(text) == expected


def test_what_the_prose_calls_its_signers() -> None:
    assert prose_says_organizations("We, the undersigned organizations, urge you to act.")
    assert prose_says_organizations("Mais de 60 entidades enviam carta contra o PL")
    assert prose_says_organizations("Les organisations signataires demandent")
    # People too, or nobody: not a letter of organizations only.
    assert not prose_says_organizations("We, the undersigned organizations and individuals")
    assert not prose_says_organizations("We, 120 scholars, urge the undersigned minister")
    assert not prose_says_organizations("We urge you to act.")


def test_signature_blocks_are_the_organizations_signed_for(tmp_path: Path) -> None:
    # "Rosana Grinberg<br />Presidente do FNECDC" under "Assinam esta carta:", in a
    # letter "assinada por mais de 60 entidades": FNECDC, signed by Rosana Grinberg.
    path = excerpt(tmp_path, "pt-mst-rotulagem-transgenicos", (1, 12), (99, 100), (110, 125))
    parsed = read(path, start="Assinam esta carta:")
    signed = [(e.name, e.signer) for e in parsed.entries]
    assert signed[0] == ("FNECDC", "Rosana Grinberg, Presidente")
    # "Gisela Simona" over "Presidente do Brasilcon Presidente do ProconsBrasil" (two
    # columns run together) is one signature still, of an organization wrongly named.
    assert signed[1][1] == "Gisela Simona, Presidente"
    assert [e.name for e in parsed.entries][2:] == [
        "ActionAid Brasil",
        "Articulação dos Empregados(as) rurais - ADERE",
        "Articulação dos Povos Indígenas do Brasil – APIB",
        "Articulação Nacional de Agroecologia – ANA",
    ]
    assert people(parsed) == []


# A hard line break (a backslash at the end of a line, CommonMark) in each signature block.
SIGNED = """Letter to the Committee

Dear Chair,

{prose}

Sincerely,

Jane Doe\\
Executive Director, Alpha Rights Project

John Smith\\
President, Beta Watch

Maria Garcia, Policy Director, Gamma Centre for Justice

Ahmed Khan\\
Director of Programs at Delta Network
"""


def test_a_letter_of_organizations_signed_by_their_people(tmp_path: Path) -> None:
    path = tmp_path / "letter.md"
    path.write_text(SIGNED.format(prose="We, the undersigned organizations, urge you to act."),
                    encoding="utf-8")
    parsed = read(path)
    assert [(e.name, e.signer) for e in parsed.entries] == [
        ("Alpha Rights Project", "Jane Doe, Executive Director"),
        ("Beta Watch", "John Smith, President"),
        ("Gamma Centre for Justice", "Maria Garcia, Policy Director"),
        ("Delta Network", "Ahmed Khan, Director of Programs"),
    ]
    assert people(parsed) == []


def test_a_letter_of_people_keeps_them_people(tmp_path: Path) -> None:
    # The prose does not call its signers organizations: each is a person, with a title
    # and an affiliation.
    path = tmp_path / "letter.md"
    path.write_text(SIGNED.format(prose="We urge you to act."), encoding="utf-8")
    parsed = read(path)
    assert parsed.entries == []
    assert people(parsed)[:3] == [
        ("Jane Doe", "Executive Director", "Alpha Rights Project"),
        ("John Smith", "President", "Beta Watch"),
        ("Maria Garcia", "Policy Director", "Gamma Centre for Justice"),
    ]


def test_the_module_names_corpus_letters_that_show_it() -> None:
    assert "pt-mst-rotulagem-transgenicos" in (representatives.__doc__ or "")


def test_an_organization_and_the_person_who_answers_for_it(tmp_path: Path) -> None:
    # it-frontiere-digitali-liberta-rete: "[Associazione Liber Liber](…), Referente: Marco
    # Calvo", numbered; after the list a bold line over prose, "**Cos’è Frontiere
    # Digitali**", which heads what follows.
    parsed = read(excerpt(tmp_path, "it-frontiere-digitali-liberta-rete", (28, 76)))
    by_name = {e.name: e.signer for e in parsed.entries}
    assert by_name["Associazione Liber Liber"] == "Marco Calvo"
    assert by_name["Unione degli Studenti (U.d.S.)"] == "Mauro Di Palma"
    assert len(parsed.entries) == 20 and parsed.individuals == []
    assert not any(n.startswith("Cos’è") for n in by_name)
