"""Reading a letter file of any supported format into a :class:`Document`."""

from __future__ import annotations

from pathlib import Path

from signon.errors import RefusedInput
from signon.importers.blocks import Document

FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}


def read_bytes(path: Path) -> bytes:
    from signon.fileio import read_input

    # Capped: /dev/zero or a pipe that never ends must be refused, not read for ever.
    return read_input(path, what="letter's file")


def read_document(path: Path) -> Document:
    """The file's blocks, title and metadata; the format is taken from its extension."""
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise RefusedInput(
            f"{path.name}: signon imports .txt, .md, .html, .docx and .pdf letters; save it in "
            "one of those formats (a .doc or .odt: open it and save as .docx)"
        )
    name = path.name
    if kind == "docx":
        from signon.importers.docx import read_docx

        read_bytes(path)  # the same messages as the other formats for a missing file
        return read_docx(path, name=name)
    data = read_bytes(path)
    if kind == "pdf":
        from signon.importers.pdf import read_pdf

        return read_pdf(data, name=name)
    if kind == "html":
        from signon.charsets import decode_html
        from signon.importers.html import read_html

        # The declared charset is read by the web's rules: an unknown or lying one is
        # ignored or refused, never handed to Python's codec registry.
        return read_html(decode_html(data, name), name=name)
    from signon.importers.txt import decode

    text = decode(data, name)
    if kind == "md":
        from signon.importers.markdown import read_markdown

        return read_markdown(text, name=name)
    from signon.importers.txt import read_txt

    return read_txt(text, name=name)
