"""The one-sentence list reader (importers/shapes/sentence.py): "A, B, C und D." into one
list item a name, before the region is looked for."""

from __future__ import annotations

from pathlib import Path

from signon.importers.shapes import sentence
from signon.importers.sources import read_document

from ..helpers import FIXTURES, excerpt, parse, read

SHAPES = FIXTURES / "shapes"


def test_a_wrapped_sentence_of_names_becomes_one_item_a_name(tmp_path: Path) -> None:
    # "Die Fridays For Future Ortsgruppen Gießen, Göttingen, …, Neuburg" / "und Hannover.",
    # after two paragraphs of prose, which stay paragraphs.
    doc = read_document(excerpt(tmp_path, "de-fff-ortsgruppen", (43, 53)))
    prose = doc.blocks[:2]
    sentence.split_lists(doc)
    assert doc.blocks[:2] == prose
    items = doc.blocks[2:]
    assert {b.kind for b in items} == {"item"}
    assert [b.text for b in items][1:4] == ["Göttingen", "Karlsruhe", "Regensburg"]
    assert [b.text for b in items][-2:] == ["Neuburg", "Hannover"]
    assert len(items) == 30


def test_a_cue_keeps_its_line_and_the_names_after_it_become_items(tmp_path: Path) -> None:
    # "**Unterzeichnet von:**" and, on the paragraph's next line, "BUND Göttingen,
    # Extinction Rebellion Göttingen, …" without a final "und".
    doc = read_document(excerpt(tmp_path, "de-goe-klimagruppen", (20, 36)))
    sentence.split_lists(doc)
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[1] == ("para", "Unterzeichnet von:")
    assert kinds[2] == ("item", "BUND Göttingen")
    assert kinds[9] == ("para", "Nachträglich unterzeichnet von:")
    assert sum(kind == "item" for kind, _ in kinds) == 7


def test_one_sentence_list() -> None:
    parsed, body = parse(SHAPES / "sentence.txt")
    assert [e.name for e in parsed.entries] == [
        "Pro Asyl",
        "Flüchtlingsrat Berlin",
        "Amnesty International Deutschland",
        "Seebrücke Hamburg",
    ]
    assert "Unterzeichner:" in body


def test_a_sentence_of_names_wrapped_over_lines(tmp_path: Path) -> None:
    # "Die Fridays For Future Ortsgruppen Gießen, Göttingen, …, Neuburg" / "und Hannover.":
    # one sentence over five source lines, each ending in a comma, the last begun by "und".
    path = excerpt(tmp_path, "de-fff-ortsgruppen", (43, 53))
    names = [e.name for e in read(path).entries]
    assert len(names) == 30
    assert names[1:3] == ["Göttingen", "Karlsruhe"]
    assert names[-3:] == ["Altkreis Halle Westfalen", "Neuburg", "Hannover"]


def test_a_cue_then_the_names_on_the_next_line_and_a_later_signers_section(
    tmp_path: Path,
) -> None:
    # "**Unterzeichnet von:**" with the comma list on the paragraph's next line (no final
    # "und"), logos, then "**Nachträglich unterzeichnet von:**" (signed later) and one name.
    path = excerpt(tmp_path, "de-goe-klimagruppen", (20, 36))
    parsed = read(path)
    assert [e.name for e in parsed.entries] == [
        "BUND Göttingen",
        "Extinction Rebellion Göttingen",
        "Extinction Rebellion Familien Göttingen",
        "GöttingenZero",
        "Göttingen im Wandel",
        "NaturFreunde Göttingen e.V.",
        "Parents for Future Göttingen",
        "Students for Future Göttingen",
    ]
    assert parsed.sections == ["Nachträglich unterzeichnet von"]


def test_a_portuguese_cue_and_a_sentence_list_without_a_final_and(tmp_path: Path) -> None:
    # "Assinam esta Carta: A (JusDh), B (Sindjornal), …, Coletivo Margarida Alves de
    # Assessoria Popular." One name holds a comma ("…em Saúde, Trabalho e Previdência…"),
    # which splits in two: 19 names for 18 organizations, as the manifest allows.
    path = excerpt(tmp_path, "pt-mst-justica-que-queremos", (68, 75))
    names = [e.name for e in read(path).entries]
    assert len(names) == 19
    assert names[0] == "Articulação Justiça e Direitos Humanos (JusDh)"
    assert names[-1] == "Coletivo Margarida Alves de Assessoria Popular"


def test_one_paragraph_of_names_needs_a_lists_worth_of_them(tmp_path: Path) -> None:
    # Unwrapped (as Word keeps it), a sentence of 8 names or more is a list; a sentence
    # naming a few countries in the letter's prose is prose.
    names = ", ".join(f"Ortsgruppe {city}" for city in
                      ("Gießen", "Göttingen", "Karlsruhe", "Regensburg", "Nürnberg", "Kiel",
                       "Bonn")) + " und Ortsgruppe Hannover."
    prose = "Wir rufen Deutschland, Frankreich, Italien, Spanien und Polen auf."
    path = tmp_path / "brief.txt"
    path.write_text(f"Offener Brief\n\n{prose}\n\n{names}\n", encoding="utf-8")
    doc = read_document(path)
    sentence.split_lists(doc)
    assert [(b.kind, b.text) for b in doc.blocks][1] == ("para", prose)
    items = [b.text for b in doc.blocks if b.kind == "item"]
    assert items[0] == "Ortsgruppe Gießen" and items[-1] == "Ortsgruppe Hannover"
    assert len(items) == 8


def test_items_each_a_label_and_its_names_become_labels_and_items(tmp_path: Path) -> None:
    # "- des médias : [20 Minutes](…), [Dauphiné Libéré](…), …, [Libé](…)...": four
    # bullets, each a group of the list and its names, ending in "...".
    parsed = read(excerpt(tmp_path, "fr-tcrouzet-appel-debat-2007", (19, 27)))
    assert parsed.sections == [
        "des médias citoyens", "des médias", "des blogeurs", "des associations"]
    by_section = {s: [e.name for e in parsed.entries if e.section == s] for s in parsed.sections}
    assert by_section["des médias"] == [
        "20 Minutes", "Dauphiné Libéré", "Marianne2007.info", "Les Echos", "Libé"]
    assert by_section["des associations"] == ["Humains Associés", "Débat 2007"]
    people = {p.name for p in parsed.individuals}
    assert {"Sylvain Attal", "Thierry Crouzet", "Nicolas Voisin"} <= people
    assert len(parsed.entries) + len(parsed.individuals) == 19


def test_one_item_with_a_colon_and_commas_stays_one_item(tmp_path: Path) -> None:
    # Alone in its list, "label : A, B" may be a sentence: it is left as written.
    source = tmp_path / "letter.md"
    source.write_text("Signed:\n\n- Alpha Rights\n- Beta Watch\n"
                      "- Gamma Centre: Delta Group, Epsilon Network\n", encoding="utf-8")
    doc = read_document(source)
    before = [b.text for b in doc.blocks]
    sentence.split_lists(doc)
    assert [b.text for b in doc.blocks] == before
