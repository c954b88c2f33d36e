"""PDF letters: a text PDF reads like the text it prints; locked, damaged, scanned: exit 3."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fpdf import FPDF
from typer.testing import CliRunner

from signon.cli import app
from signon.errors import RefusedInput
from signon.importers.listparse import parse_list
from signon.importers.pdf import pdf_text, read_pdf

NAMES = ["Amnesty International", "Human Rights Watch", "Front Line Defenders"]


def _letter(*, password: str = "", text: bool = True) -> bytes:
    pdf = FPDF()
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    if text:
        pdf.multi_cell(
            0,
            6,
            "Joint letter\n\nWe, the undersigned organizations, call for the "
            "release of all defenders held for their work.\n\nSigned,\n",
        )
        for name in NAMES:
            pdf.cell(0, 6, name, new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 6, "1", new_x="LMARGIN", new_y="NEXT")  # the page number
    else:
        pdf.rect(20, 20, 100, 50, style="F")  # a scan: an image, no text layer
    return bytes(pdf.output())


def test_a_text_pdf_reads_as_paragraphs_and_a_list() -> None:
    text = pdf_text(_letter(), "letter.pdf")
    assert text.split("\n\n") == [
        "Joint letter",
        "We, the undersigned organizations, call for the release of all defenders held for "
        "their work.",
        "Signed,",
        "\n".join(NAMES),
    ]
    parsed = parse_list(read_pdf(_letter(), name="letter.pdf"))
    assert [e.name for e in parsed.entries] == NAMES


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_letter(password="secret"), "letter.pdf is password-protected"),
        (b"%PDF-1.4\n1 0 obj <<>> broken", "letter.pdf is not a readable PDF"),
        (_letter(text=False), "letter.pdf has no text layer (it is a scanned image)"),
    ],
)
def test_locked_damaged_and_scanned_pdfs_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(RefusedInput, match="^" + re.escape(message)):
        pdf_text(data, "letter.pdf")


def test_import_of_a_scanned_pdf_exits_3_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "orgs.toml").write_text("", encoding="utf-8")
    (tmp_path / "letters").mkdir()
    source = tmp_path / "scan.pdf"
    source.write_bytes(_letter(text=False))
    result = CliRunner().invoke(
        app, ["--workspace", str(tmp_path), "import-letter", str(source), "--slug", "x"]
    )
    assert result.exit_code == 3
    assert result.stderr == (
        "error: scan.pdf has no text layer (it is a scanned image); run it through OCR or "
        "copy the letter into a .txt or .docx file\n"
    )
    assert list((tmp_path / "letters").iterdir()) == []
