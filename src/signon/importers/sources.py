"""Reading a letter file of any supported format into a :class:`Document`."""

from __future__ import annotations

from pathlib import Path

from signon.errors import IOFailure, RefusedInput
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
}


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise RefusedInput(f"{path} does not exist; check the file name") from None
    except IsADirectoryError:
        raise RefusedInput(f"{path} is a folder; give the letter's file") from None
    except OSError as err:
        raise IOFailure(f"cannot read {path}: {err.strerror}; check its permissions") from None


def read_document(path: Path) -> Document:
    """The file's blocks, title and metadata; the format is taken from its extension."""
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise RefusedInput(
            f"{path.name}: signon imports .txt, .md, .html and .docx letters; save it in one of "
            "those formats (a .doc or .odt: open it and save as .docx)"
        )
    name = path.name
    if kind == "docx":
        from signon.importers.docx import read_docx

        read_bytes(path)  # the same messages as the other formats for a missing file
        return read_docx(path, name=name)
    data = read_bytes(path)
    if kind == "html":
        from signon.importers.html import charset_of, read_html
        from signon.importers.txt import decode

        charset = charset_of(data)
        if charset not in ("utf-8", "utf8"):
            try:
                text = data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                text = decode(data, name)
        else:
            text = decode(data, name)
        return read_html(text, name=name)
    from signon.importers.txt import decode

    text = decode(data, name)
    if kind == "md":
        from signon.importers.markdown import read_markdown

        return read_markdown(text, name=name)
    from signon.importers.txt import read_txt

    return read_txt(text, name=name)
