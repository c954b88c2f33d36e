"""Companies signed by their heads (importers/shapes/company_heads.py), on real letters' lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from signon.importers.listparse import ParsedEntry, parse_list
from signon.importers.shapes.company_heads import company_and_signer, signed_by_heads
from signon.importers.sources import read_document

from ..helpers import excerpt


@pytest.mark.parametrize(
    ("text", "person", "company", "signer"),
    [
        # tests/corpus/fr-ffii-editeurs-chirac, fr-ffii-betic-entreprises, de-ffii-nl-firmen
        ("Jacques Le Marois (Président Mandrakesoft)", "Jacques Le Marois", "Mandrakesoft",
         "Jacques Le Marois, Président"),
        ("Hervé Eychenne (Directeur technique KDX Ingénierie)", "Hervé Eychenne",
         "KDX Ingénierie", "Hervé Eychenne, Directeur technique"),
        ("Bruno Berthelet, Didier Moiselet et Stéphane Plichon (Directeurs Hasgard)",
         "Bruno Berthelet", "Hasgard",
         "Bruno Berthelet, Didier Moiselet et Stéphane Plichon, Directeurs"),
        ("Pierre De Muelenaere - President & CEO IRIS Group", "Pierre De Muelenaere",
         "IRIS Group", "Pierre De Muelenaere, President & CEO"),
        ("Toon Vanagt - Managing Partner Casius Operations", "Toon Vanagt",
         "Casius Operations", "Toon Vanagt, Managing Partner"),
        ("O. Feringa, SolidCode BV, Utrecht, http://www.solidcode.net/", "O. Feringa",
         "SolidCode BV", "O. Feringa"),
        ("Bas van den Berg, directeur van Artefact Software & Consultancy, http://www.artefact.nl",
         "Bas van den Berg", "Artefact Software & Consultancy", "Bas van den Berg, directeur van"),
        ("Harmen van der Wal, http://www.harmwal.nl, Software ontwikkeling en advies, Maastricht",
         "Harmen van der Wal", "Software ontwikkeling en advies", "Harmen van der Wal"),
    ],
)
def test_company_and_signer(text: str, person: str, company: str, signer: str) -> None:
    assert company_and_signer(text, person) == (company, signer)


def _entries(*lines: str) -> list[ParsedEntry]:
    return [ParsedEntry(line, line) for line in lines]


def test_only_a_letter_whose_prose_calls_its_signers_companies_is_read_so() -> None:
    heads = _entries("Laurent Minguet - CEO EVS", "José Zurstrassen - CTO Keytrade Bank",
                     "Benoit Lips - CEO DAD")
    assert signed_by_heads(heads, "Les entreprises TIC belges, représentée par les signataires")
    assert not signed_by_heads(heads, "We, the undersigned organizations, urge you")
    people = _entries("Jane Roe, Professor of Law", "John Doe, journalist",
                      "Ann Lee, Executive Director, Amnesty")
    assert not signed_by_heads(people, "Tech companies must stop this")


def test_a_companies_letter_imports_each_company_once_with_its_signer(tmp_path: Path) -> None:
    # The closing "Veuillez agréer, …" announces 26 bullets "Person (Title Company)"; KDX
    # Ingénierie is printed twice (two titles of one man): 25 companies, no individuals.
    path = excerpt(tmp_path, "fr-ffii-editeurs-chirac", (1, 92))
    parsed = parse_list(read_document(path))
    assert parsed.individuals == []
    names = [e.name for e in parsed.entries]
    assert len(names) == 26 and len(set(names)) == 25
    assert names[0] == "Mandrakesoft" and parsed.entries[0].signer == (
        "Jacques Le Marois, Président")
    assert not any("Veuillez" in e.printed for e in parsed.entries)


def test_a_hint_matches_whole_words_before_parts_of_words(tmp_path: Path) -> None:
    # --end "== Contact ==" is the heading "Contact", not the line "… CEO ContactOffice
    # Group" above it.
    path = excerpt(tmp_path, "fr-ffii-betic-entreprises", (1, 16), (118, 135))
    parsed = parse_list(read_document(path), start="== Signataires ==", end="== Contact ==")
    assert [e.name for e in parsed.entries][-2:] == ["InternetOfficer", "Rendez-Vous Group"]
    assert len(parsed.entries) == 10
