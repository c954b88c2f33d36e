"""The "and 5 organizations that asked not to be named" line of signon's own exports.

Exported letters end their list with that line (issue 10); imported back, or checked with
`signon check FILE`, the line is no organization: it counts the signatories who signed
without a name, toward the count the letter states.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from signon.importers.shapes.unnamed import UnnamedReader
from signon.letterlocale import summary_line
from signon.letterlocale_data import UNNAMED_LINES

Cli = Callable[..., Any]
FORMATS = ("txt", "md", "html", "docx")
NAMED = [
    "Amnesty International",
    "Human Rights Watch",
    "Front Line Defenders",
    "Kenya Human Rights Commission",
    "Legal Resources Foundation",
    "Centre for Civic Action",
    "Helsinki Foundation for Human Rights",
]
HIDDEN = [
    "Quiet Rights Centre",
    "Silent Press Union",
    "Unseen Youth Network",
    "Private Legal Aid Society",
    "Discreet Women's Forum",
]


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


def _letter(cli: Cli, workspace: Path, *, language: str = "en", front: str = "") -> None:
    for name in NAMED + HIDDEN:
        assert cli("add-org", name).exit_code == 0
    assert (
        cli(
            "new-letter",
            "civic",
            "--title",
            "Open letter on civic space",
            "--date",
            "2026-11-30",
            "--language",
            language,
        ).exit_code
        == 0
    )
    path = workspace / "letters" / "civic" / "letter.md"
    head = path.read_text(encoding="utf-8").split("+++")[1]
    noun = {"en": "organizations", "fr": "organisations", "ru": "организаций"}[language]
    path.write_text(
        f"+++{head}{front}+++\n\n{{{{ count }}}} {noun} call on the government to protect "
        "civic space.\n\nSigned,\n\n{{ signatories }}\n",
        encoding="utf-8",
    )
    by_name = {o["name"]: o["id"] for o in json.loads(cli("orgs", "--json").stdout)}
    assert cli("sign", "civic", *[by_name[n] for n in NAMED]).exit_code == 0
    assert cli("sign", "civic", *[by_name[n] for n in HIDDEN], "--unnamed").exit_code == 0
    assert cli("check", "civic").exit_code == 0


@pytest.mark.heavy
def test_exports_check_and_import_back_with_the_unnamed_counted(workspace: Path, cli: Cli) -> None:
    _letter(cli, workspace)
    out = workspace / "out"
    assert cli("export", "civic", *[f"--{f}" for f in FORMATS], "-o", f"{out}/").exit_code == 0
    for fmt in FORMATS:
        exported = out / f"civic.{fmt}"
        result = cli("check", str(exported), "--json")
        data = json.loads(result.stdout)
        assert result.exit_code == 0, (fmt, data)
        assert data["counts"]["organizations"] == 12, fmt
        assert [(c["value"], c["ok"]) for c in data["claims"]] == [(12, True)], fmt
        notes = [f for f in data["findings"] if f["code"] == "import-unnamed"]
        assert len(notes) == 1 and "5 organizations asked not to be named" in notes[0]["message"]

        imported = json.loads(
            cli(
                "import-letter", str(exported), "--slug", f"back-{fmt}", "--dry-run", "--json"
            ).stdout
        )
        assert imported["counts"]["organizations"] == 12, fmt
        assert len(imported["matched_orgs"]) == len(NAMED) and not imported["new_orgs"], fmt
        assert imported["left_out"] == [], fmt

        explained = cli(
            "import-letter", str(exported), "--slug", f"back-{fmt}", "--dry-run", "--explain"
        ).stdout
        line = next(ln for ln in explained.splitlines() if "asked not to be named" in ln)
        assert " unnamed " in line, (fmt, line)
        assert "5 organizations, not named: counted, not imported" in explained, fmt


@pytest.mark.parametrize("language", ["fr", "ru"])  # 5: French "other", Russian "many"
def test_the_line_of_the_letters_language_with_its_plural_form(
    workspace: Path, cli: Cli, language: str
) -> None:
    _letter(cli, workspace, language=language)
    exported = workspace / "civic.txt"
    assert cli("export", "civic", "--txt", "-o", str(exported)).exit_code == 0
    text = exported.read_text(encoding="utf-8")
    assert summary_line(len(HIDDEN), language) in text
    data = json.loads(cli("check", str(exported), "--json").stdout)
    assert data["counts"]["organizations"] == len(NAMED) + len(HIDDEN)


def test_a_workspace_unnamed_line_is_recognized_on_import(workspace: Path, cli: Cli) -> None:
    _letter(cli, workspace, front='unnamed_line = "plus {n} groups that prefer anonymity"\n')
    exported = workspace / "civic.md"
    assert cli("export", "civic", "--md", "-o", str(exported)).exit_code == 0
    assert "plus 5 groups that prefer anonymity" in exported.read_text(encoding="utf-8")
    imported = json.loads(
        cli("import-letter", str(exported), "--slug", "back", "--dry-run", "--json").stdout
    )
    assert imported["counts"]["organizations"] == 12
    assert not imported["new_orgs"]
    assert [c["ok"] for c in imported["claims"]] == [True]
