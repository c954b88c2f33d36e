"""Helpers for the importer tests: parse a fixture, build Word files with real lists."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from signon.importers.body import body_markdown
from signon.importers.listparse import ParsedList, parse_list
from signon.importers.sources import read_document

FIXTURES = Path(__file__).resolve().parent / "fixtures"
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
