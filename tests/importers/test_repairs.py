"""Repairs after the list is read (importers/repairs.py): duplicates reported, a bilingual
list's translations read once (nameless entries left out: test_printed_names.py)."""

from __future__ import annotations

from pathlib import Path

from .helpers import excerpt, parse, read


def test_duplicates_within_the_list_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "dup.txt"
    path.write_text(
        "Letter\n\nWe, 3 organizations, call for his release.\n\n"
        "Moscow Helsinki Group\nPeople in Need (Czech Republic)\n"
        "MOSCOW  HELSINKI GROUP\n",
        encoding="utf-8",
    )
    parsed, _ = parse(path)
    assert [n.code for n in parsed.notes] == ["duplicate-in-list"]
    assert parsed.notes[0].line == 7


def test_a_bilingual_list_reads_each_name_once(tmp_path: Path) -> None:
    # The letter is bilingual, each paragraph in English, then in Chinese; after "Signed by:"
    # / "连署团体:", every organization too.
    path = excerpt(tmp_path, "en-ohs-network-ilabour", (60, 122))
    parsed = read(path)
    names = [e.name for e in parsed.entries]
    assert len(names) == 10
    assert names[:2] == [
        "Asian Network for the Rights of Occupational and Environmental Victims (ANROEV)",
        "Scottish Hazards Centre",
    ]
    said = next(e for e in parsed.explained if e.text == "苏格兰职业危害中心")
    assert said.role == "translation"
    assert "Scottish Hazards Centre" in said.why
    assert sum(n.code == "import-translation" for n in parsed.notes) == 10


def test_names_of_two_scripts_in_a_letter_of_one_are_all_signatories(tmp_path: Path) -> None:
    # The same list under an English-only text: names may alternate scripts by chance.
    path = excerpt(tmp_path, "en-ohs-network-ilabour", (60, 60), (64, 64), (80, 80), (84, 122))
    assert len(read(path).entries) == 20


def test_a_person_printed_twice_at_one_place_is_one_individual(tmp_path: Path) -> None:
    # pt-mst-solidariedade-internacional: under "Indivíduos" (a Portuguese heading of
    # people), "Miguel Tinker Salas, …, Pomona College (USA)" and later "…, Pomona College";
    # "Gary Prevost" at "St. John's University" and "College of St. Benedict/St. John's
    # University"; "Nora Hamilton, …, USC" twice alike.  36 lines, 33 people.
    from signon.importers.letter_import import import_letter
    from signon.workspace import init_workspace

    source = excerpt(tmp_path, "pt-mst-solidariedade-internacional", (80, 122))
    parsed = read(source)
    assert parsed.sections == ["Indivíduos"]
    assert len(parsed.individuals) == 36 and not parsed.entries
    twice = [n.message for n in parsed.notes if n.code == "duplicate-in-list"]
    assert len(twice) == 3
    assert twice[0].startswith("individual 'Gary Prevost' is listed twice at the same place: "
                               "'Gary Prevost, political science professor at St. John’s ")
    result = import_letter(init_workspace(tmp_path / "ws"), source, "l", dry_run=True)
    assert result.check.counts.individuals == 33
