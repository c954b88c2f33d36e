"""``signon check FILE``: a letter file audited without a workspace, nothing written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from importers.helpers import CORPUS, FIXTURES, SEED, needs_seed
from signon.audit import audit_file

DRAFT = """Joint letter on the new NGO law

Dear Minister,

We, the three undersigned organizations, ask you to withdraw the draft law.

Signed,

Alpha Rights (Norway)
Beta Watch (Poland)
Gamma Centre (Georgia)
"""


@pytest.fixture
def nowhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder that is not a workspace (no orgs.toml here or above), as the cwd."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*"))


@needs_seed
def test_seed_audited_without_a_workspace(nowhere: Path, cli: Any) -> None:
    shutil.copy(SEED, nowhere / "draft.txt")
    result = cli("check", "draft.txt")
    assert result.exit_code == 1
    assert result.stdout == (
        "✗ draft.txt: 80 organizations, 46 entries, 87 names, 0 individuals\n"
        "  claim draft.txt:3 '78 human rights organizations' → 80 organizations does NOT "
        "hold\n"
        "  error claim-mismatch: draft.txt:3: the letter says '78 human rights organizations' "
        "but the list holds 80 organizations; correct the number\n"
        "  warning import-repair: draft.txt:64: 'Human Rights House Tbilisi' was printed as a "
        "member of 'Human Rights House Sarajevo'; imported as a coalition of its own with the 3 "
        "entries after it\n"
    )
    assert _files(nowhere) == ["draft.txt"]


@needs_seed
def test_seed_audit_json_is_checks_json(nowhere: Path, cli: Any) -> None:
    shutil.copy(SEED, nowhere / "draft.txt")
    result = cli("check", "draft.txt", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["letter"] == "draft.txt" and data["ok"] is False
    assert data["counts"] == {"organizations": 80, "entries": 46, "names": 87,
                              "individuals": 0}
    [claim] = data["claims"]
    assert (claim["value"], claim["qualifier"], claim["counted"], claim["ok"], claim["line"],
            claim["file"]) == (78, "exact", 80, False, 3, "draft.txt")
    assert [f["code"] for f in data["findings"]] == ["claim-mismatch", "import-repair"]
    assert _files(nowhere) == ["draft.txt"]


def test_a_right_draft_passes(nowhere: Path, cli: Any) -> None:
    (nowhere / "draft.txt").write_text(DRAFT, encoding="utf-8")
    result = cli("check", "draft.txt")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines()[:2] == [
        "✓ draft.txt: 3 organizations, 3 entries, 3 names, 0 individuals",
        "  claim draft.txt:5 'three undersigned organizations' → 3 organizations holds",
    ]
    assert _files(nowhere) == ["draft.txt"]


def test_a_wrong_draft_in_markdown_fails(nowhere: Path, cli: Any) -> None:
    text = DRAFT.replace("three", "four")
    for name in ("Alpha Rights", "Beta Watch", "Gamma Centre"):
        text = text.replace(name, f"* {name}")
    (nowhere / "draft.md").write_text(text, encoding="utf-8")
    result = cli("check", "draft.md", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [(c["value"], c["counted"], c["ok"]) for c in data["claims"]] == [(4, 3, False)]


def test_audit_inside_a_workspace_touches_nothing(small_letter: Path, cli: Any) -> None:
    before = {p: p.read_bytes() for p in small_letter.rglob("*") if p.is_file()}
    (small_letter / "draft.txt").write_text(DRAFT, encoding="utf-8")
    assert cli("check", "./draft.txt").exit_code == 0
    after = {p: p.read_bytes() for p in small_letter.rglob("*") if p.is_file()}
    after.pop(small_letter / "draft.txt")
    assert after == before


def test_several_files_print_a_list(nowhere: Path, cli: Any) -> None:
    (nowhere / "a.txt").write_text(DRAFT, encoding="utf-8")
    (nowhere / "b.txt").write_text(DRAFT.replace("three", "five"), encoding="utf-8")
    result = cli("check", "a.txt", "b.txt", "--json")
    assert result.exit_code == 1
    assert [(d["letter"], d["ok"]) for d in json.loads(result.stdout)] == [
        ("a.txt", True), ("b.txt", False)]


def test_start_and_end_bound_the_list(nowhere: Path, cli: Any) -> None:
    (nowhere / "draft.txt").write_text(
        DRAFT + "\nPress contact\nJane Roe, press officer\n", encoding="utf-8")
    result = cli("check", "draft.txt", "--json", "--start", "Signed", "--end", "Press contact")
    assert json.loads(result.stdout)["counts"]["organizations"] == 3


def test_fixtures_read_as_import_reads_them() -> None:
    audit = audit_file(FIXTURES / "sections.txt")
    assert audit.check.counts.organizations > 0
    assert audit.path.name == "sections.txt"


def test_missing_file_is_refused(nowhere: Path, cli: Any) -> None:
    result = cli("check", "missing.txt")
    assert result.exit_code == 3
    assert result.stderr == "error: missing.txt does not exist; check the file name\n"


def test_letters_and_files_are_not_mixed(small_letter: Path, cli: Any) -> None:
    (small_letter / "draft.txt").write_text(DRAFT, encoding="utf-8")
    assert cli("check", "demo", "draft.txt").exit_code == 2


def test_start_applies_to_files_only(small_letter: Path, cli: Any) -> None:
    assert cli("check", "demo", "--start", "Signed").exit_code == 2


def test_a_claim_printed_twice_points_at_each_of_its_lines(nowhere: Path, cli: Any) -> None:
    # de-fff-ortsgruppen says "30 Fridays For Future Ortsgruppen" in its first paragraph
    # (line 15) and again further down (line 37).
    shutil.copy(CORPUS / "de-fff-ortsgruppen" / "source.md", nowhere / "fff.md")
    result = cli("check", "fff.md")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines()[:3] == [
        "✓ fff.md: 30 organizations, 30 entries, 30 names, 0 individuals",
        "  claim fff.md:15 '30 Fridays For Future Ortsgruppen' → 30 organizations holds",
        "  claim fff.md:37 '30 Fridays For Future Ortsgruppen' → 30 organizations holds",
    ]


def test_a_word_draft_with_its_list_in_one_paragraph(nowhere: Path, cli: Any) -> None:
    # Word keeps a sentence of names ("A, B, …, Y und Z.") as one paragraph, unwrapped;
    # a .docx has no lines, so a claim is shown with the file's name alone.
    import docx

    source = (CORPUS / "de-fff-ortsgruppen" / "source.md").read_text(encoding="utf-8")
    sentence = " ".join(source.splitlines()[48:53]).strip()  # lines 49-53
    assert sentence.startswith("Die Fridays For Future Ortsgruppen Gießen,")
    document = docx.Document()
    document.add_paragraph("Offener Brief")
    document.add_paragraph("30 Fridays For Future Ortsgruppen erklären sich solidarisch.")
    document.add_paragraph(sentence)
    document.save(str(nowhere / "brief.docx"))
    result = cli("check", "brief.docx", "--language", "de")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines()[:2] == [
        "✓ brief.docx: 30 organizations, 30 entries, 30 names, 0 individuals",
        "  claim brief.docx '30 Fridays For Future Ortsgruppen' → 30 organizations holds",
    ]


def test_a_claim_written_with_html_entities_is_quoted_as_it_reads(nowhere: Path,
                                                                     cli: Any) -> None:
    # As a Jekyll post on a Portuguese site holds its body (pt-mst-florestas-offsets).
    (nowhere / "post.md").write_text(
        "# Carta\n\n<p>As 3 organiza&ccedil;&otilde;es abaixo pedem a retirada do"
        " projeto.</p>\n\n<p>Assinam:</p>\n\n<p>Alpha Direitos</p>\n<p>Beta Terra</p>\n",
        encoding="utf-8",
    )
    result = cli("check", "post.md")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1:3] == [
        "  claim post.md:3 '3 organizações' → 2 organizations does NOT hold",
        "  error claim-mismatch: post.md:3: the letter says '3 organizações' but the list "
        "holds 2 organizations; correct the number",
    ]
