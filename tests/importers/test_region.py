"""Finding the signatory region (importers/region.py): judging blocks, scoring runs, joining
the parts of one list, page furniture, and the --start / --end hints."""

from __future__ import annotations

from pathlib import Path

import pytest

from signon.errors import RefusedInput
from signon.importers.listparse import find_region
from signon.importers.sources import read_document

from .helpers import FIXTURES, excerpt, parse, read, shape


def test_start_and_end_override_detection(tmp_path: Path) -> None:
    # A list the detector would not take (two lines only, person-like names) is read when
    # its bounds are given; the announcing line stays in the body.
    path = tmp_path / "letter.txt"
    path.write_text(
        "Letter\n\nWe call for the release of Ales Bialiatski. He must be freed.\n\n"
        "With the support of:\n\nCivic Belarus\nEuropean Exchange\n\n"
        "Thank you for reading this letter to the end.\n",
        encoding="utf-8",
    )
    parsed, body = parse(path, start="With the support of", end="Thank you")
    assert [e.name for e in parsed.entries] == ["Civic Belarus", "European Exchange"]
    assert "With the support of:" in body and "Thank you for reading" in body
    parsed, _ = parse(path, start="Civic Belarus", end="European Exchange")
    assert [e.name for e in parsed.entries] == ["Civic Belarus", "European Exchange"]


def test_start_text_not_found_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RefusedInput, match="the start line 'Nowhere' does not occur") as err:
        parse(FIXTURES / "numbered.txt", start="Nowhere")
    # The library names the keyword argument, never a flag; the CLI maps it to --start.
    assert err.value.hint == (("start", "TEXT"),)
    assert "--" not in str(err.value)


def test_a_file_without_a_list_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "prose.txt"
    path.write_text(
        "A title\n\nThis letter has no list. It is only prose, written in long "
        "sentences that no one would take for the name of an organization.\n",
        encoding="utf-8",
    )
    with pytest.raises(RefusedInput, match="could not find a list of signatories") as err:
        parse(path)
    assert err.value.hint == (("start", "TEXT"), ("end", "TEXT"))


def test_decoy_list_of_people_is_not_the_list(tmp_path: Path) -> None:
    path = tmp_path / "decoy.txt"
    path.write_text(
        "Letter\n\nThe following journalists are in prison:\n\n- Andrzej Poczobut\n"
        "- Ihar Losik\n- Katsiaryna Andreyeva\n- Maryna Zolatava\n\nWe call for their "
        "release, and for the release of all political prisoners in Belarus.\n\n"
        "Belarusian Association of Journalists\nPEN Belarus\nCivil Rights Defenders (Sweden)\n",
        encoding="utf-8",
    )
    parsed, body = parse(path)
    assert [e.name for e in parsed.entries] == [
        "Belarusian Association of Journalists",
        "PEN Belarus",
        "Civil Rights Defenders",
    ]
    assert "- Ihar Losik" in body


def test_numbered_demands_after_an_undersigned_cue_are_not_the_list() -> None:
    # "we, the undersigned organisations, urge your delegation to:" introduces demands (with
    # a nested decoy list of the detained); the list follows "Sincerely,".  The footer after
    # the horizontal rule is page furniture, not an organization.
    parsed, body = parse(FIXTURES / "demands-then-closing.md")
    assert shape(parsed) == [
        ("Viasna Human Rights Centre", ""),
        ("Human Rights House Foundation", "Norway"),
        ("Civil Rights Defenders", "Sweden"),
        ("DefendDefenders (East and Horn of Africa Human Rights Defenders Project)", "Uganda"),
        ("Article 19", ""),
        ("Front Line Defenders", ""),
        ("International Service for Human Rights (ISHR)", ""),
    ]
    assert "1. **Renew** the mandate" in body
    assert "   - Ales Bialiatski (Viasna)" in body
    assert body.index("Sincerely,") < body.index("{{ signatories }}")
    assert "Published by" not in body


@pytest.mark.parametrize("rule", ["---", "***", "___", "<hr>"])
def test_a_horizontal_rule_ends_the_list(tmp_path: Path, rule: str) -> None:
    source = tmp_path / ("letter.md" if rule != "<hr>" else "letter.html")
    names = ["Viasna Human Rights Centre", "Article 19", "Front Line Defenders"]
    if rule == "<hr>":
        items = "".join(f"<li>{n}</li>" for n in names)
        source.write_text(
            "<html><body><p>We, the undersigned organizations, write to you.</p>"
            f"<p>Signatories:</p><ul>{items}</ul><hr><ul><li>Amnesty International Office"
            "</li></ul></body></html>",
            encoding="utf-8",
        )
    else:
        items = "\n".join(f"- {n}" for n in names)
        source.write_text(
            "We, the undersigned organizations, write to you.\n\nSignatories:\n\n"
            f"{items}\n\n{rule}\n\n- Amnesty International Office\n",
            encoding="utf-8",
        )
    parsed, _ = parse(source)
    assert [e.name for e in parsed.entries] == names


def test_a_plain_text_rule_ends_the_list(tmp_path: Path) -> None:
    source = tmp_path / "letter.txt"
    source.write_text(
        "We, the undersigned organizations, write to you.\n\nSignatories:\n\n"
        "Viasna Human Rights Centre\nArticle 19\nFront Line Defenders\n\n---\n\n"
        "Amnesty International Office\n",
        encoding="utf-8",
    )
    parsed, _ = parse(source)
    assert [e.name for e in parsed.entries] == [
        "Viasna Human Rights Centre",
        "Article 19",
        "Front Line Defenders",
    ]


def test_a_line_written_like_its_neighbours_stays_in_the_list(tmp_path: Path) -> None:
    path = tmp_path / "scholars.md"
    path.write_text(
        "# Letter\n\nWe ask you to act.\n\nWith urgency,\n\n"
        "Jane Roe, Professor of Sociology, University of Oslo\n\n"
        "john smith, Lecturer, State Univ. San Marcos\n\n"
        "Maria Garcia, Professor of Law, Temple University\n\n"
        "Peter Novak, Author. Wrote the book. Won a prize.\n\n"
        "Anna Kowalska, Associate Professor of History, Brown University\n",
        encoding="utf-8",
    )
    parsed, _ = parse(path)
    assert [p.name for p in parsed.individuals] == [
        "Jane Roe",
        "john smith",
        "Maria Garcia",
        "Peter Novak",
        "Anna Kowalska",
    ]


def test_two_parts_of_one_list_are_joined(tmp_path: Path) -> None:
    path = tmp_path / "parts.md"
    path.write_text(
        "# Letter\n\nWe ask you to act.\n\nSigned,\n\n### Organizations\n\n"
        "1. Calyx Institute\n1. Free Software Foundation Europe\n1. X.org Foundation\n\n"
        "Some organizations have published their own statements.\n\n### Individuals\n\n"
        + "".join(
            f"1. {n} (Debian)\n"
            for n in ["Jane Roe", "John Smith", "Ana Silva", "Maria Garcia", "Peter Novak"]
        ),
        encoding="utf-8",
    )
    parsed, _ = parse(path)
    assert [e.name for e in parsed.entries] == [
        "Calyx Institute",
        "Free Software Foundation Europe",
        "X.org Foundation",
    ]
    assert len(parsed.individuals) == 5
    assert parsed.sections == ["Organizations", "Individuals"]


def test_endnotes_between_two_lists_of_signers_are_left_out(tmp_path: Path) -> None:
    people = ["Jane Roe", "John Smith", "Ana Silva", "Maria Garcia", "Peter Novak"]
    later = ["Anna Kowalska", "Jean Dupont", "Amina Yusuf", "Kwame Mensah", "Lena Berg"]
    path = tmp_path / "endnotes.md"
    path.write_text(
        "# Letter\n\nWe ask you to act.\n\nWith urgency,\n\n"
        + "".join(f"{n}, Professor of Sociology, Temple University\n\n" for n in people)
        + "## Endnotes\n\n[1] Data from the Department of Education, 2012\n\n"
        "[2] https://example.org/report\n\n[3] Ibid, page 4\n\n"
        + "".join(f"{n}, Lecturer, Brown University\n\n" for n in later),
        encoding="utf-8",
    )
    parsed, _ = parse(path)
    assert parsed.entries == []
    assert [p.name for p in parsed.individuals] == people + later


def test_top_of_page_link_is_page_furniture(tmp_path: Path) -> None:
    # The signature page ends its <ol> with a "Top of page" link: not an organization, with
    # or without the --end hint the coordinator would give.
    path = excerpt(tmp_path, "en-mozilla-ai-safety", (20, 32), (1847, 1855))
    for bounds in ({}, {"end": "Top of page"}):
        parsed = read(path, **bounds)
        assert parsed.entries == [], bounds
        assert [p.name for p in parsed.individuals] == [
            "Camille François",
            "Mark Surman",
            "Deborah Raji",
            "Joel Tabak",
            "Philip Dawson",
            "John Sotiropoulos",
            "Marco Castelluccio",
        ]
        top = next(e for e in parsed.explained if e.text == "Top of page")
        assert top.role == "furniture"


def test_an_end_hint_inside_an_html_comment_ends_the_list_there(tmp_path: Path) -> None:
    # The hint a coordinator copies, "Insert your signature above here", is in a comment
    # ("<!-- … >", not even closed): no block holds it, the source does.
    path = excerpt(tmp_path, "en-nix-open-letter-signatures", (1, 60), (160, 169))
    parsed = read(path, end="Insert your signature above here")
    assert len(parsed.individuals) == 61
    assert not any("dozen others" in p.name for p in parsed.individuals)


def test_the_region_begins_after_the_line_announcing_it(tmp_path: Path) -> None:
    # "Signatories" after the letter's prose, then "**Organisations**" and its names: the
    # section heading is the region's first block; a start hint that is a name begins at it.
    doc = read_document(excerpt(tmp_path, "en-drw-assange", (10, 30)))
    texts = [b.text for b in doc.blocks]
    first, stop, furniture = find_region(doc)
    assert texts[first - 1 : first + 2] == [
        "Signatories",
        "Organisations",
        "Acceso Libre, Venezuela",
    ]
    assert stop == furniture == len(texts)
    hinted, _, _ = find_region(doc, start="ACI Participa")
    assert texts[hinted] == "ACI Participa, Honduras"


def test_names_ending_in_a_stray_full_stop_stay_in_the_list(tmp_path: Path) -> None:
    # pt-mst-movimento-social-nao-e-crime: "Fórum de Mulheres de Imperatriz, Centro de
    # Promoção … Pé.Josimo." among the organizations; "Adelson Fernandes Moreira, professor
    # de Física do CEFET-MG." and "Alexandre Guedes - Adv. OAB/PB - 5546- REJUDH." one after
    # the other among the people.  Each had ended the list there.
    orgs = read(excerpt(tmp_path, "pt-mst-movimento-social-nao-e-crime", (166, 190)))
    names = [e.name for e in orgs.entries]
    assert any(n.startswith("Fórum de Mulheres de Imperatriz") for n in names)
    assert "Frente Povo Sem Medo" in names
    people = read(excerpt(tmp_path, "pt-mst-movimento-social-nao-e-crime", (250, 274)))
    assert [p.name.split(" - ")[0] for p in people.individuals][5:9] == [
        "Adelaide Gonçalves", "Adelson Fernandes Moreira", "Alexandre Guedes",
        "Ana Amelia Melo"]


def test_a_sentence_between_the_title_and_a_list_is_no_name(tmp_path: Path) -> None:
    # A line ending in a full stop is taken for a name only inside the list.
    path = tmp_path / "letter.txt"
    path.write_text("Letter\n\nWe write to you as we did in 2011.\n\nAlpha Rights\n"
                    "Beta Watch\nGamma Centre\n", encoding="utf-8")
    assert [e.name for e in read(path).entries] == ["Alpha Rights", "Beta Watch", "Gamma Centre"]


@pytest.mark.parametrize(("text", "inside"), [
    ("We call for his release. The government must act", True),
    ("Celi Taffarel, Professora Dra. Titular FACED UFBA, Coordenadora dos Grupos", False),
    ("Lígia Chiappini, Prof. De Literatura e Cultura Brasileira", False),
    ("Chaos Computer Club e. V. Berlin", False),
])
def test_a_title_abbreviated_ends_no_sentence(text: str, inside: bool) -> None:
    from signon.importers.names import _sentence_inside

    assert _sentence_inside(text) is inside


def test_a_plain_text_list_may_end_with_a_line_after_a_coalition(tmp_path: Path) -> None:
    # Found by the export → import property test: the last organization, after an
    # indented coalition member and a blank line, over the closing prose.
    path = tmp_path / "letter.txt"
    path.write_text(
        "Letter\n\nWe write about the sentencing of a defender.\n\nSigned by:\n\n"
        "Human Rights Centre (HRC)\nAlpha Rights\n\n"
        "Pravozashchitny Tsentr (on behalf of the following organizations):\n"
        "  • Beta Watch\n\nSpilka Yurystiv\n\n"
        "Contact: the coordinators of this letter, by e-mail.\n", encoding="utf-8")
    names = [e.name for e in read(path).walk()]
    assert names[-1] == "Spilka Yurystiv"
