"""The nesting stage (importers/shapes/coalitions.py): coalition headings ("X (on behalf of
the following NGOs):") with their members, and a heading printed one level too deep."""

from __future__ import annotations

from pathlib import Path

from signon.importers.listparse import Note, find_region
from signon.importers.shapes import coalitions, read_lines
from signon.importers.sources import read_document

from ..helpers import FIXTURES, SEED, needs_seed, parse, shape


@needs_seed
def test_members_nest_under_their_heading_and_a_heading_too_deep_is_repaired() -> None:
    # The seed's lines as the readers hand them on, nested on their own: "Helsinki
    # Foundation for Human Rights (Poland) (on behalf of the following NGOs):" over four
    # deeper bullets; "• Human Rights House Tbilisi (on behalf of …):" printed among the
    # members of Human Rights House Sarajevo, followed by its own three.
    doc = read_document(SEED)
    first, stop, _ = find_region(doc)
    notes: list[Note] = []
    entries = coalitions.nest(read_lines(doc.blocks, first, stop, notes, set()), notes)
    by_name = {e.name: e for e in entries}
    poland = by_name["Helsinki Foundation for Human Rights"]
    assert (poland.kind, poland.country) == ("coalition", "Poland")
    assert poland.heading == "on behalf of the following NGOs"
    assert [m.name for m in poland.members] == [
        "Grupa Horyzont",
        "Komitet Helsiński",
        'Stowarzyszenie Młodych Dziennikarzy "Polis"',
        "Helsińska Fundacja Praw Człowieka",
    ]
    sarajevo = by_name["Human Rights House Sarajevo"]
    assert len(sarajevo.members) == 6
    tbilisi = by_name["Human Rights House Tbilisi"]
    assert entries.index(tbilisi) == entries.index(sarajevo) + 1
    assert len(tbilisi.members) == 3
    assert tbilisi.members[0].name == "Article 42 of the Constitution"
    assert [(n.code, n.line) for n in notes] == [("import-repair", 64)]


def test_bullets_with_a_nested_coalition() -> None:
    parsed, body = parse(FIXTURES / "bullets.txt")
    assert shape(parsed) == [
        (
            "Human Rights House Oslo",
            "",
            [
                ("FIAN Norway", ""),
                ("Health and Human Rights Info", ""),
                ("Norwegian Helsinki Committee", ""),
            ],
        ),
        ("Article 19", "United Kingdom"),
        ("Index on Censorship", "United Kingdom"),
        ("People in Need", "Czech Republic"),
        ("Civic Belarus", "Czech Republic"),
        ("European Exchange", "Germany"),
    ]
    assert parsed.entries[0].heading == "on behalf of the following NGOs"
    assert body.startswith("More than 10 organizations condemn")


def test_wrapped_names_as_compose_prints_them() -> None:
    parsed, _ = parse(FIXTURES / "wrapped.txt")
    assert shape(parsed) == [
        (
            "Association for the Protection of Women's Rights after D. Aliyeva of the Republic "
            "of Azerbaijan (APWR)",
            "",
        ),
        (
            "Russian Research Center for Human Rights",
            "",
            [
                (
                    "The Georgian Centre for Psychosocial and Medical Rehabilitation of "
                    "Torture Victims (GCRT)",
                    "",
                ),
                ("Moscow Centre for Prison Reform", ""),
            ],
        ),
        ("Ukrainian Women Bar Association", ""),
    ]
    assert parsed.entries[1].heading == "on behalf of the following organizations"


@needs_seed
def test_seed_letter_structure() -> None:
    parsed, body = parse(SEED)
    names = parsed.walk()
    coalitions = [e for e in parsed.entries if e.kind == "coalition"]
    assert len(parsed.entries) == 46 and len(names) == 87
    assert sum(e.kind == "organization" for e in names) == 80
    assert [c.name for c in coalitions] == [
        "Human Rights House Baku",
        "Human Rights House Oslo",
        "Helsinki Foundation for Human Rights",
        "Human Rights House Sarajevo",
        "Human Rights House Tbilisi",
        "Russian Research Center for Human Rights",
        "Human Rights House Zagreb",
    ]
    tbilisi = coalitions[4]
    assert [m.name for m in tbilisi.members] == [
        "Article 42 of the Constitution",
        "The Georgian Centre for Psychosocial and Medical Rehabilitation of Torture Victims (GCRT)",
        "The Human Rights Centre (HRIDC)",
    ]
    assert len(coalitions[3].members) == 6  # Sarajevo keeps its own six
    assert [n.code for n in parsed.notes] == ["import-repair"]
    assert parsed.notes[0].line == 64
    assert "Related articles" not in body and "August 14, 2020" not in body
    assert body.startswith("78 human rights organizations")


def test_a_coalition_heading_is_kept_as_written(tmp_path: Path) -> None:
    from signon.roster import Roster, make_entry

    path = tmp_path / "heading.txt"
    path.write_text(
        "Appeal\n\nWe, the undersigned organisations, urge you to act now.\n\nSignatories:\n\n"
        "Human Rights House Network, on behalf of its members (listed below):\n"
        "    Human Rights House Oslo\n    Human Rights House Zagreb\nArticle 19\n",
        encoding="utf-8",
    )
    parsed, _ = parse(path)
    coalition = parsed.entries[0]
    assert coalition.kind == "coalition"
    assert coalition.heading == "on behalf of its members (listed below)"
    assert [m.name for m in coalition.members] == [
        "Human Rights House Oslo",
        "Human Rights House Zagreb",
    ]
    entry = make_entry(Roster(), "X", kind="coalition", heading=coalition.heading)
    assert entry.heading == "on behalf of its members (listed below)"
    assert make_entry(Roster(), "Y", heading="(on behalf of the NGOs):").heading == (
        "on behalf of the NGOs"
    )
