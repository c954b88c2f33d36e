"""Helpers for tests that edit letters (importable as a plain module, unlike conftest)."""

from __future__ import annotations

import re
from pathlib import Path


def set_body(ws: Path, slug: str, body: str) -> None:
    """Keep the front matter of letters/SLUG/letter.md, replace the body."""
    path = ws / "letters" / slug / "letter.md"
    text = path.read_text(encoding="utf-8")
    m = re.match(r"(\+\+\+\n.*?\n\+\+\+\n)", text, re.S)
    assert m, "letter.md has no front matter"
    path.write_text(m.group(1) + "\n" + body, encoding="utf-8")
