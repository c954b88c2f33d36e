"""The language of a letter, found from its text when the user does not give it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from signon.importers.language import detect_language
from signon.importers.letter_import import _letter_language
from signon.importers.sources import read_document

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.parametrize(("letter", "language"), [
    ("de-fff-ortsgruppen", "de"), ("de-okf-uploadfilter", "de"),
    ("fr-onestlatech-extreme-droite", "fr"), ("es-lisi-propuestas", "es"),
    ("pt-mst-carta-da-terra", "pt"), ("ru-it-case-212", "ru"), ("it-acta-no-al-segreto", "it"),
    ("en-drw-assange", "en"), ("en-owinfs-ldc-trips", "en"),
])
def test_real_letters_are_found_in_their_language(letter: str, language: str) -> None:
    [source] = (CORPUS / letter).glob("source.*")
    assert _letter_language(read_document(source)) == language


def test_a_short_or_mixed_text_is_not_guessed() -> None:
    assert detect_language("") is None
    assert detect_language("12 345\n6789") is None
    # Lone surrogates (a broken paste) do not stop the detector.
    assert detect_language("Wir, die unterzeichnenden Organisationen, fordern die "
                           "Freilassung aller politischen Gefangenen. \ud800 " * 5) == "de"


def test_an_unknown_language_falls_back_to_english(tmp_path: Path) -> None:
    source = tmp_path / "list.txt"
    source.write_text("Signed:\n\nAlpha Rights\nBeta Watch\nGamma Centre\n")
    assert _letter_language(read_document(source)) == "en"


def test_check_file_reads_a_german_letters_claims_in_german(cli: object,
                                                            tmp_path: Path) -> None:
    source = tmp_path / "brief.md"
    source.write_text(
        "# Offener Brief\n\nWir, mehr als 2 Organisationen aus ganz Europa, fordern die "
        "Bundesregierung auf, die Pressefreiheit zu schützen und die Verfolgung von "
        "Journalistinnen und Journalisten sofort zu beenden. Wir bitten Sie, sich dafür "
        "einzusetzen.\n\nUnterzeichnende:\n\n- Amnesty International Deutschland\n"
        "- Reporter ohne Grenzen\n- Digitalcourage e.V.\n")
    result = cli("check", str(source), "--json")  # type: ignore[operator]
    data = json.loads(result.stdout)
    assert [(c["text"], c["qualifier"], c["language"], c["ok"]) for c in data["claims"]] == [
        ("mehr als 2 Organisationen", "more-than", "de", True)]
    english = json.loads(cli("check", str(source), "--json", "--language",  # type: ignore[operator]
                             "en").stdout)
    assert [c["language"] for c in english["claims"]] in ([], ["en"])


def test_an_imported_letter_keeps_the_language_found(cli: object, workspace: Path,
                                                     tmp_path: Path) -> None:
    source = tmp_path / "lettre.txt"
    source.write_text(
        "Lettre ouverte\n\nNous, organisations soussignées, demandons la libération "
        "immédiate de tous les défenseurs des droits humains détenus arbitrairement et "
        "la fin des poursuites engagées contre eux.\n\nSignataires :\n\nAlpha Droits\n"
        "Beta Veille\nGamma Centre\n")
    assert cli("import-letter", str(source), "--slug", "lettre").exit_code == 0  # type: ignore[operator]
    front = (workspace / "letters" / "lettre" / "letter.md").read_text(encoding="utf-8")
    assert 'language = "fr"' in front
