"""Helpers for the importer tests: parse a fixture, build Word files with real lists."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from signon.importers.body import body_markdown
from signon.importers.listparse import ParsedList, parse_list
from signon.importers.sources import read_document

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SEED = Path(__file__).resolve().parents[3] / "shared" / "examples" / "bialiatski-2011.txt"
# The seed lives in ../shared beside the repository (as in CI); elsewhere its tests skip.
needs_seed = pytest.mark.skipif(
    not SEED.exists(), reason="the seed letter ../shared/examples/ is not beside the repo"
)


def parse(path: Path, **bounds: str) -> tuple[ParsedList, str]:
    """The parsed list of ``path`` and the body letter.md would get."""
    doc = read_document(path)
    parsed = parse_list(doc, **bounds)  # type: ignore[arg-type]
    return parsed, body_markdown(doc, parsed.start, parsed.end, parsed.furniture)


def read(path: Path, **bounds: str) -> ParsedList:
    """The parsed list of ``path`` (a corpus excerpt, a fixture)."""
    return parse_list(read_document(path), **bounds)  # type: ignore[arg-type]


def orgs(parsed: ParsedList) -> list[tuple[str, str]]:
    """(name, country) of every entry, members included."""
    return [(e.name, e.country) for e in parsed.walk()]


def people(parsed: ParsedList) -> list[tuple[str, str, str]]:
    """(name, title, affiliation) of every individual."""
    return [(p.name, p.title, p.affiliation) for p in parsed.individuals]


def shape(parsed: ParsedList) -> list[Any]:
    """The list as plain data: (name, country) for organizations, and coalitions with members."""

    def one(entry: Any) -> Any:
        if entry.kind == "coalition":
            return (entry.name, entry.country, [one(m) for m in entry.members])
        return (entry.name, entry.country)

    return [one(e) for e in parsed.entries]


def set_numbering(paragraph: Any, num_id: int, ilvl: int) -> None:
    """Give a python-docx paragraph direct list numbering (w:numPr with w:ilvl), as Word does."""
    ppr = paragraph._p.get_or_add_pPr()
    numpr = ppr.get_or_add_numPr()
    numpr.get_or_add_ilvl().val = ilvl
    numpr.get_or_add_numId().val = num_id


def bullet_num_id(document: Any) -> int:
    """The numbering id python-docx's default template uses for its "List Bullet" style."""
    style = document.styles["List Bullet"]
    return int(style.element.pPr.numPr.numId.val)


def excerpt(tmp_path: Path, letter: str, *lines: tuple[int, int]) -> Path:
    """The given 1-based, inclusive line ranges of the letter's source, in one file."""
    source = next((CORPUS / letter).glob("source.*"))
    published = source.read_bytes().splitlines(keepends=True)
    out = tmp_path / f"{letter}{source.suffix}"
    out.write_bytes(b"".join(b"".join(published[a - 1 : b]) for a, b in lines))
    return out
