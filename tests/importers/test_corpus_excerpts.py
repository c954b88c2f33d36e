"""Each importer fix on a small excerpt of the real letter that showed the fault.

An excerpt is a few line ranges of a letter in tests/corpus/, copied byte for byte (the
letters are stored as published), so the test reads exactly what the publisher printed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from signon.importers.listparse import parse_list
from signon.importers.names import section_kind
from signon.importers.sources import read_document

from .helpers import excerpt, read


def test_romance_section_headings_put_the_qualifier_after_the_noun(tmp_path: Path) -> None:
    # "Organizaciones Nacionales" is a section of organizations: "Anders Handeln Austria",
    # shaped like a person's name, is an organization under it.
    path = excerpt(tmp_path, "es-owinfs-transformar-omc", (162, 200), (511, 560), (730, 760))
    parsed = read(path)
    assert parsed.sections == [
        "Organizaciones Internacionales y Regionales",
        "Organizaciones Nacionales",
    ]
    assert [e.name for e in parsed.entries][-2:] == [
        "Anders Handeln Austria",
        "Arbeiterkammer Österreich",
    ]
    assert parsed.individuals == []


def test_portuguese_section_headings_keep_one_list(tmp_path: Path) -> None:
    # "Organizações Internacionais" / "Organizações Nacionais" (<i> paragraphs) between two
    # <ol>: both lists are the signatories, without hints.
    path = excerpt(tmp_path, "pt-owinfs-unctad13", (215, 239), (325, 360), (455, 466))
    parsed = read(path)
    assert parsed.sections == ["Organizações Internacionais", "Organizações Nacionais"]
    names = [e.name for e in parsed.entries]
    assert names[0] == "ACORD"
    assert "World Democratic Governance project association – WDGpa" in names
    assert ("Enda Tiers Monde", "Senegal") in [(e.name, e.country) for e in parsed.entries]
    assert parsed.individuals == []


def test_section_headings_of_every_corpus_language() -> None:
    for heading in [
        "Organizaciones Nacionales :",
        "Organizaciones y redes regionales e internacionales",
        "Organisations Régionales et Internationales",
        "Organizações Nacionais",
        "International and Regional Organizations and Networks",
        "National organizations:",
    ]:
        assert section_kind(heading) == "organizations", heading
    # Plurals only: a name stays a name.
    assert section_kind("Regional Network (RN)") == ""
    assert section_kind("Organizaciones europeas") == ""


def test_a_line_announcing_organizations_says_what_the_list_holds(tmp_path: Path) -> None:
    # "Ne sottoscrivono i contenuti le seguenti organizzazioni …": an Italian cue that names
    # organizations, so "Agorà Digitale" and "Les Liens Invisibles", shaped like people's
    # names, are organizations of that list.
    path = excerpt(tmp_path, "it-acta-no-al-segreto", (45, 76))
    parsed = read(path)
    names = [e.name for e in parsed.entries]
    assert parsed.individuals == []
    assert len(names) == 30
    assert names[0] == "Agorà Digitale"
    assert "Les Liens Invisibles" in names


def test_portuguese_roles_after_a_dash_make_people(tmp_path: Path) -> None:
    # One list, organizations and people interleaved: "Celio Turino - historiador",
    # "Stella Senra – Professora Aposentada" are people (roles of ROLE_WORDS, in Portuguese).
    path = excerpt(tmp_path, "pt-mst-punicao-torturadores", (84, 167))
    parsed = read(path)
    people = {p.name: p.title for p in parsed.individuals}
    assert len(people) == 13
    assert people["Celio Turino"] == "historiador"
    assert people["Juliana Cardoso"] == "vereadora SP"
    assert people["Stella Senra"] == "Professora Aposentada"
    assert len(parsed.entries) == 24
    assert "Levante Popular da Juventude" in [e.name for e in parsed.entries]


def test_a_person_signing_on_behalf_of_an_organization_is_its_signature(tmp_path: Path) -> None:
    # "HISPALINUX: Jorge Fuertes, presidente, en nombre de “Asociación …”": the association
    # signs, through its president.
    path = excerpt(tmp_path, "es-lisi-propuestas", (36, 65))
    parsed = read(path)
    signed = [e.printed for e in parsed.entries]
    assert signed[0].startswith("HISPALINUX: Jorge Fuertes, presidente, en nombre de")
    # 27 lines, each "ORG: representative, role, …"; "Legalventure: José María Lancho,
    # presidente, “Asociación Legalventure”" says no "en nombre de", but the colon after
    # the organization's name says the same.
    assert len(signed) == 27
    assert parsed.individuals == []


def test_pelican_metadata_lines_are_front_matter_not_a_list(tmp_path: Path) -> None:
    # "Title: …", "Date: …", "Category: …", "Tags: …" above a Pelican post: its front matter.
    path = excerpt(tmp_path, "it-acta-minaccia-globale", (1, 8), (61, 98))
    doc = read_document(path)
    assert doc.title == "ACTA: Una minaccia globale alla Libertà (Open Letter)"
    assert doc.date == "2009-12-10"
    parsed = parse_list(doc)
    assert not any("Category" in e.name or "Tags" in e.name for e in parsed.entries)


def test_jekyll_front_matter_is_not_the_letters_text(tmp_path: Path) -> None:
    path = excerpt(tmp_path, "de-fff-ortsgruppen", (1, 53))
    doc = read_document(path)
    assert doc.date == "2023-04-24"
    assert not any(b.text.startswith("layout:") for b in doc.blocks)
    assert len(parse_list(doc).entries) == 30


def test_a_handle_or_an_address_after_a_name_makes_a_person(tmp_path: Path) -> None:
    # "Haydon Welsh (haydonwelsh@proton.me)", "Xe Iaso (@Xe)" among handles and nicknames.
    path = excerpt(tmp_path, "en-nix-open-letter-signatures", (1, 60), (160, 169))
    parsed = read(path)
    assert parsed.entries == []
    people = [p.name for p in parsed.individuals]
    assert len(people) == 54 + 7
    assert "Haydon Welsh" in people and "Xe Iaso" in people


def test_german_legal_suffix_and_a_lower_case_name_in_a_list_of_paragraphs(
    tmp_path: Path,
) -> None:
    # After "Mit freundlichen Grüßen", one name a paragraph: "Bitkom e. V." (the suffix
    # written with a space ends no sentence) … "eco – Verband der Internetwirtschaft e. V."
    # (a name in lower case, between two names) and "Jugendpresse Deutschland".
    path = excerpt(tmp_path, "de-okf-uploadfilter", (53, 87))
    names = [e.name for e in read(path).entries]
    assert len(names) == 15
    assert names[:2] == ["Open Knowledge Foundation Deutschland e. V.", "Bitkom e. V."]
    assert names[-2:] == ["eco – Verband der Internetwirtschaft e. V.", "Jugendpresse Deutschland"]


def test_a_wiki_heading_in_a_text_file_is_a_heading_that_can_announce_the_list(
    tmp_path: Path,
) -> None:
    # A MoinMoin page saved as text: "== Kontakt ==" over a contact person, then
    # "== Unterzeichner ==" (German: signatories) over " * Person, Company, …, http://…"
    # bullets whose lines are long and linked.  The list is the bullets, read by their heads.
    path = excerpt(tmp_path, "de-ffii-nl-firmen", (1, 40))
    doc = read_document(path)
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert headings == ["Kontakt", "Erklärung (niederländisch):", "Unterzeichner"]
    parsed = parse_list(doc)
    lines = sorted([e.line for e in parsed.entries] + [p.line for p in parsed.individuals])
    assert lines == list(range(17, 41))  # the 24 bullets, and not the contact above them


def test_a_reference_with_a_year_and_a_link_is_not_a_name(tmp_path: Path) -> None:
    # Endnotes above "Signatories": "UNDP (2020), COVID-19 and Human Development: …, http…"
    # are an <ol> of linked lines too, but their heads hold a year.
    from signon.importers.names import name_score

    assert name_score("UNDP (2020), COVID-19 and Human Development, http://hdr.undp.org",
                      in_list=True) == 0
    assert name_score("O. Feringa, SolidCode BV, Utrecht, http://www.solidcode.net/",
                      in_list=True) > 0
    assert name_score("O. Feringa, SolidCode BV, Utrecht, http://www.solidcode.net/") == 0


@pytest.mark.parametrize(("heading", "kind"), [
    ("CIDADÃOS", "individuals"), ("PARLAMENTARES", "individuals"), ("Citizens:", "individuals"),
    ("Indivíduos:", "individuals"),
    # inside a longer line the word describes something else
    ("des médias citoyens :", ""),
])
def test_headings_of_people(heading: str, kind: str) -> None:
    assert section_kind(heading) == kind


def test_an_editor_s_credit_after_the_list_and_an_x_de_y_organization(tmp_path: Path) -> None:
    # pt-mst-florestas-offsets: "Terra de Direitos" ("Terra" is also a given name) among
    # the organizations, and "Editado por Geanini Hackbardt" under the list.
    path = tmp_path / "letter.txt"
    path.write_text("Carta\n\nAs organizações abaixo defendem as florestas.\n\nAssinam:\n\n"
                    "Amigos da Terra Brasil\nTerra de Direitos\nFASE\nVia Campesina Brasil\n\n"
                    "Editado por Geanini Hackbardt\n", encoding="utf-8")
    parsed = read(path)
    assert [e.name for e in parsed.entries] == [
        "Amigos da Terra Brasil", "Terra de Direitos", "FASE", "Via Campesina Brasil"]
    assert parsed.individuals == []


@pytest.mark.parametrize(("text", "person"), [
    # it-noiapp-lettera-pisano, pt-mst-movimento-social-nao-e-crime
    ("Orizio Pierangelo - Full Stack developer", ("Orizio Pierangelo", "Full Stack developer", "")),
    ("Adelaide Gonçalves - professorada Universidade Federal do Ceará",
     ("Adelaide Gonçalves", "", "professorada Universidade Federal do Ceará")),
    ("Amina Yusuf - Kenya", ("Amina Yusuf", "", "Kenya")),
    ("Jean-Pierre Dubois, Professor, Université de Lyon",
     ("Jean-Pierre Dubois", "Professor", "Université de Lyon")),
])
def test_a_person_s_name_role_and_place(text: str, person: tuple[str, str, str]) -> None:
    from signon.importers.names import parse_person

    got = parse_person(text)
    assert (got.name, got.title, got.affiliation) == person
