"""Group labels ("Regional", "Civil Society") against names made of the same words."""

from __future__ import annotations

from pathlib import Path

import pytest

from signon.importers.letter_import import import_letter
from signon.importers.people import is_group_label
from signon.workspace import init_workspace


@pytest.mark.parametrize(("text", "label"), [
    ("Regional", True), ("Civil Society", True), ("Civil society organisations", True),
    ("Regional and International Organizations", True), ("National:", True),
    # Found by the export → import property test: a name of label words is no label.
    ("Regional Society", False), ("Society", False), ("Regional Network", False),
])
def test_group_labels(text: str, label: bool) -> None:
    assert is_group_label(text) is label


def _names(tmp_path: Path, lines: str) -> list[tuple[str, str]]:
    tmp_path.mkdir(exist_ok=True)
    source = tmp_path / "letter.txt"
    source.write_text("Joint letter\n\nWe, the undersigned organizations, ask for their "
                      f"release.\n\nSigned by:\n\n{lines}", encoding="utf-8")
    ws = init_workspace(tmp_path / "ws")
    result = import_letter(ws, source, "l", dry_run=True)
    return [(row.name, row.section) for row in result.rows]


def test_a_label_that_ends_the_list_names_nobody_so_it_is_a_name(tmp_path: Path) -> None:
    assert _names(tmp_path, "Alpha Rights\nBeta Watch\nGlobal\n") == [
        ("Alpha Rights", ""), ("Beta Watch", ""), ("Global", "")]


def test_a_label_before_names_is_their_section(tmp_path: Path) -> None:
    assert _names(tmp_path, "Global\nAlpha Rights\nRegional\nBeta Watch\n") == [
        ("Alpha Rights", "Global"), ("Beta Watch", "Regional")]


def _read(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    source = tmp_path / "letter.md"
    source.write_text(text, encoding="utf-8")
    ws = init_workspace(tmp_path / "ws")
    result = import_letter(ws, source, "l", dry_run=True)
    return [(row.name, row.section) for row in result.rows] + [
        (p.name, p.section) for p in result.individuals]


def test_a_short_heading_between_two_lists_labels_the_second_whatever_its_words(
    tmp_path: Path,
) -> None:
    # "### des blogeurs" is in no vocabulary; between two lists it labels the second,
    # which, all people, would not be taken for the list on its own.
    rows = _read(tmp_path, "# Appel\n\nNous appelons les candidats.\n\n"
                 "Parmi les premiers signataires :\n\n### des médias\n\n"
                 "- AgoraVox\n- La Tele Libre\n\n### des blogeurs\n\n"
                 "- Sylvain Attal\n- Thierry Crouzet\n- Nicolas Voisin\n\n"
                 "Pour signer, allez sur le site.\n")
    assert rows == [("AgoraVox", "des médias"), ("La Tele Libre", "des médias"),
                    ("Sylvain Attal", "des blogeurs"), ("Thierry Crouzet", "des blogeurs"),
                    ("Nicolas Voisin", "des blogeurs")]


def test_a_dated_heading_after_the_list_is_news_not_a_label(tmp_path: Path) -> None:
    # de-okf: "# UPDATE 17.05.2017" and a paragraph of links after the signatories.
    rows = _read(tmp_path, "Signed:\n\nAlpha Rights e. V.\n\nBeta Watch e. V.\n\n"
                 "Gamma Centre e. V.\n\n## Update 17.05.2017\n\nEin Kommentar von Jane Doe\n\n"
                 "Ein zweiter Kommentar\n")
    assert [name for name, _ in rows] == ["Alpha Rights e. V.", "Beta Watch e. V.",
                                          "Gamma Centre e. V."]


def test_the_only_label_printed_among_the_names_is_a_name(tmp_path: Path) -> None:
    # pt-mst-solidariedade-internacional: "Organizações:" then "Grassroots International",
    # "Development and Peace", … one a line; no other label anywhere in the list.
    lines = "Grassroots International\nDevelopment and Peace\nAmazon Watch\n"
    assert _names(tmp_path / "a", lines) == [
        ("Grassroots International", ""), ("Development and Peace", ""), ("Amazon Watch", "")]
    # One word, or a label with a colon, still labels what follows it.
    assert _names(tmp_path / "b", "Global\nAlpha Rights\nBeta Watch\n") == [
        ("Alpha Rights", "Global"), ("Beta Watch", "Global")]
    assert _names(tmp_path / "c", "Civil Society:\nAlpha Rights\nBeta Watch\n") == [
        ("Alpha Rights", "Civil Society"), ("Beta Watch", "Civil Society")]
