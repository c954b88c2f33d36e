"""The exports in the programs people open them with: LibreOffice for Word, Chromium for HTML.

Skipped (with the reason) only when the program is not installed; .ci/run
installs Debian's libreoffice-writer, chromium and poppler-utils.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from readback import expected, html_list
from test_export_docx import make_reference
from test_export_formats import composed_of

from signon.export._model import is_rtl

Cli = Callable[..., Any]

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")

needs_soffice = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice (libreoffice-writer) and pdftotext (poppler-utils) are not installed",
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None or PDFTOTEXT is None,
    reason="Chromium (chromium) and pdftotext (poppler-utils) are not installed",
)


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        [str(PDFTOTEXT), "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout


def ltr_expected(ws: Path) -> list[tuple[str, int]]:
    """The list's labels whose text extraction is reliable (right-to-left ones are not)."""
    orgs, people = expected(composed_of(ws))
    return [
        (label, depth)
        for label, depth in orgs + people
        if not is_rtl(label) and not any(is_rtl(ch) for ch in label)
    ]


def assert_in_order(text: str, labels: list[str]) -> None:
    flat = re.sub(r"\s+", " ", text)
    position = 0
    for label in labels:
        found = flat.find(label, position)
        assert found >= 0, f"{label!r} missing or out of order"
        position = found + len(label)


def line_indents(text: str, items: list[tuple[str, int]]) -> dict[int, set[int]]:
    """Indentation of each item's line (in layout text), grouped by depth."""
    lines = text.splitlines()
    indents: dict[int, set[int]] = {}
    for label, depth in items:
        head = label[:25]
        line = next((ln for ln in lines if head in ln), None)
        assert line is not None, label
        start = line.index(head)
        indents.setdefault(depth, set()).add(start)
    return indents


@needs_soffice
def test_libreoffice_renders_the_docx(rich_letter: Path, cli: Cli) -> None:
    result = cli("export", "demo", "--docx", "--pdf")
    assert result.exit_code == 0, result.stderr
    data = (rich_letter / "demo.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    text = pdf_text(rich_letter / "demo.pdf")
    items = ltr_expected(rich_letter)
    assert_in_order(
        text, ["Demo letter", "To: President X", "Our demands", *[label for label, _ in items]]
    )
    # Members are real list items: LibreOffice draws their bullets, nested deeper by level.
    assert re.search(r"•\s+Gamma Centre \(Georgia\)", text)
    assert re.search(r"•\s+Omega Union", text)
    assert not re.search(r"•\s+Alpha Rights", text)
    indents = line_indents(
        text, [(label, depth) for label, depth in items if label != "Jane Doe, Professor, Uni X"]
    )
    assert max(indents[0]) < min(indents[1]) < min(indents[2])
    # The footer's page number.
    assert re.search(r"(?m)^\s+1\s*$", text)


@needs_soffice
def test_libreoffice_opens_a_reference_based_docx(rich_letter: Path, cli: Cli) -> None:
    make_reference(rich_letter / "letterhead.docx", with_numbering=False)
    result = cli("export", "demo", "--pdf", "--reference-docx", "letterhead.docx")
    assert result.exit_code == 0, result.stderr
    text = pdf_text(rich_letter / "demo.pdf")
    assert "COALITION LETTERHEAD" in text
    assert "REFERENCE BODY TEXT" not in text
    assert_in_order(text, [label for label, _ in ltr_expected(rich_letter)])
    assert re.search(r"•\s+Gamma Centre \(Georgia\)", text)


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@needs_chromium
def test_chromium_renders_the_html(rich_letter: Path, cli: Cli, tmp_path: Path) -> None:
    assert cli("export", "demo", "--html").exit_code == 0
    url = (rich_letter / "demo.html").as_uri()
    # The DOM as the browser built it: the same nested lists the parser test reads.
    dom = _chromium("--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-500:]
    orgs, people, parser = html_list(dom.stdout)
    assert (orgs, people) == expected(composed_of(rich_letter))
    assert "script" not in parser.tags
    # The printed page: every name in order, members indented under their coalition.
    out = tmp_path / "page.pdf"
    printed = _chromium(f"--print-to-pdf={out}", "--no-pdf-header-footer", url)
    assert out.is_file(), printed.stderr[-500:]
    text = pdf_text(out)
    items = ltr_expected(rich_letter)
    assert_in_order(text, ["Demo letter", "Our demands", *[label for label, _ in items]])
    indents = line_indents(
        text, [(label, depth) for label, depth in items if label != "Jane Doe, Professor, Uni X"]
    )
    assert max(indents[0]) < min(indents[1]) < min(indents[2])
