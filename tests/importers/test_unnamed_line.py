"""The "and 5 organizations that asked not to be named" line of signon's own exports.

Exported letters end their list with that line (issue 10); imported back, or checked with
`signon check FILE`, the line is no organization: it counts the signatories who signed
without a name, toward the count the letter states.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from signon.importers.unnamed import UnnamedReader
from signon.letterlocale import summary_line
from signon.letterlocale_data import UNNAMED_LINES


@pytest.mark.parametrize("language", sorted(UNNAMED_LINES))
def test_every_language_and_plural_form_is_read_with_its_number(language: str) -> None:
    reader = UnnamedReader()
    for n in (1, 2, 3, 4, 5, 11, 12, 21, 22, 25, 101, 1000, 12345):
        line = summary_line(n, language)  # exactly what the exports print
        found = reader.read(line)
        assert found is not None and found.count == n, line


def test_a_front_matter_line_is_read_when_the_workspace_sets_it() -> None:
    assert UnnamedReader().read("5 further groups signed anonymously") is None
    reader = UnnamedReader(["{n} further groups signed anonymously"])
    found = reader.read("5 further groups signed anonymously")
    assert found is not None and found.count == 5
    words = UnnamedReader(["and {words} more that asked to stay anonymous"])
    found = words.read("and twelve more that asked to stay anonymous")
    assert found is not None and found.count == 12


def test_names_and_sentences_are_no_unnamed_line() -> None:
    reader = UnnamedReader()
    for text in [
        "Amnesty International",
        "and 5 organizations that asked to be named first",
        "Committee of 5 organizations",
        "11.11.11",
    ]:
        assert reader.read(text) is None, text


@pytest.mark.parametrize("language", ["en", "de", "pl"])
def test_the_line_ends_the_list_and_is_explained(tmp_path: Path, language: str) -> None:
    from signon.importers.body import body_markdown
    from signon.importers.listparse import parse_list
    from signon.importers.sources import read_document

    path = tmp_path / "letter.txt"
    path.write_text(
        "We urge the government to protect civic space.\n\nSigned,\n\n"
        "Amnesty International\nHuman Rights Watch\nFront Line Defenders\n"
        + summary_line(22, language)
        + "\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    parsed = parse_list(doc)
    assert [e.name for e in parsed.entries] == [
        "Amnesty International",
        "Human Rights Watch",
        "Front Line Defenders",
    ]
    assert parsed.unnamed_count == 22
    said = next(e for e in parsed.explained if e.text == summary_line(22, language))
    assert (said.role, said.why) == (
        "unnamed",
        "22 organizations, not named: counted, not imported",
    )
    assert [n.code for n in parsed.notes] == ["import-unnamed"]
    assert summary_line(22, language) not in body_markdown(
        doc, parsed.start, parsed.end, parsed.furniture
    )
