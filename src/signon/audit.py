"""``signon check FILE``: audit a letter file (a partner's draft, last year's letter)
without importing it and without a workspace.

The file is read exactly as ``import-letter`` reads it — the same readers, the same
repairs — into a scratch roster that lives only in memory, and checked as ``check``
checks a letter: counts, claims, duplicates, repairs.  Nothing is written anywhere.
Locations are given in the audited file (``draft.txt:3``), not in the letter folder
an import would create.
"""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from signon.check import ERROR, CheckResult, Finding
from signon.roster import Roster
from signon.text import fold
from signon.workspace import Workspace

_SLUG = "audit"


@dataclass(frozen=True)
class _Scratch(Workspace):
    """A workspace with an empty in-memory roster and no folder on disk."""

    def roster(self) -> Roster:
        return Roster()

    @contextlib.contextmanager
    def edit_roster(self, *, drop_comments: bool = False,
                    dry_run: bool = False) -> Iterator[Roster]:
        yield Roster()


@dataclass
class Audit:
    """The verdict on one file: a check result whose locations are in that file."""

    path: Path
    check: CheckResult
    notes: list[Finding] = field(default_factory=list)  # what the reading repaired or noticed

    @property
    def ok(self) -> bool:
        return self.check.ok and not any(n.severity == ERROR for n in self.notes)

    def to_json(self) -> dict[str, Any]:
        data = self.check.to_json()
        data["ok"] = self.ok
        data["findings"] = [f.to_json() for f in [*self.check.findings, *self.notes]]
        data["file"] = str(self.path)
        return data


def audit_file(path: Path, *, start: str | None = None, end: str | None = None,
               language: str | None = None, holds: str | None = None,
               strict: bool = False) -> Audit:
    """Read ``path`` as ``import-letter`` would and check it; writes nothing."""
    from signon.importers.letter_import import import_letter

    # A root that is never created: the import runs as a dry run against it.
    scratch = _Scratch(Path(f"/nonexistent-signon-audit-{uuid.uuid4().hex}"))
    imported = import_letter(scratch, path, _SLUG, start=start, end=end, language=language,
                             holds=holds, dry_run=True)
    result = imported.check
    result.strict = strict
    result.letter = path.name
    source_lines = _source_lines(path)
    _relocate(result, path.name, source_lines)
    # Where each note points, in its text as in check's findings ("draft.txt:8: …").
    notes = [Finding(code=n.code, severity=n.severity,
                     message=f"{path.name}:{n.line}: {n.message}" if n.line else n.message,
                     line=n.line, file=path.name) for n in imported.notes]
    return Audit(path=path, check=result, notes=notes)


def _source_lines(path: Path) -> list[str]:
    """The file's text lines, markup-free enough to find a claim's words in (a .docx or
    .pdf has no lines of its own to point to)."""
    if path.suffix.lower() not in (".txt", ".text", ".md", ".markdown", ".html", ".htm",
                                   ".xhtml"):
        return []
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return []
    import html

    return [fold(html.unescape(re.sub(r"<[^>]*>|[*_`#>\[\]]", " ", line)))
            for line in text.splitlines()]


def _line_in_source(text: str, lines: list[str], after: int = 0) -> int | None:
    """The first line after line ``after`` that holds ``text`` (1-based)."""
    wanted = fold(text)
    if not wanted:
        return None
    for number in range(after + 1, len(lines) + 1):
        if wanted in lines[number - 1]:
            return number
    return None


def _relocate(result: CheckResult, name: str, lines: list[str]) -> None:
    """Point claims and findings at the audited file instead of the would-be letter.md."""
    letter_file = f"letters/{_SLUG}/letter.md"
    # Claims come in the letter's order: one printed twice is found twice, each in its place.
    last_found: dict[str, int] = {}
    for claim in result.claims:
        if claim.file != letter_file:
            continue
        found = _line_in_source(claim.text, lines, last_found.get(fold(claim.text), 0))
        if found:
            last_found[fold(claim.text)] = found
        old = f"{letter_file}:{claim.line}"
        new = f"{name}:{found}" if found else name
        for finding in result.findings:
            if finding.file == letter_file and finding.line == claim.line:
                if finding.code == "claim-mismatch":
                    # A draft is corrected by hand, not by a placeholder.
                    finding.message = (f"{new}: the letter says {claim.text!r} but the list "
                                       f"holds {claim.counted} {claim.rule}; correct the number")
                else:
                    finding.message = finding.message.replace(old, new)
                finding.line = found
                finding.file = name
        claim.file, claim.line = name, found or 0
    for finding in result.findings:
        if finding.file in (letter_file, f"letters/{_SLUG}/signatures.toml"):
            finding.message = re.sub(rf"letters/{_SLUG}/(?:letter\.md|signatures\.toml)(:\d+)?",
                                     name, finding.message)
            finding.file = name
            finding.line = None
        elif finding.file == "orgs.toml":  # the scratch roster is the file's own list
            finding.message = finding.message.replace("orgs.toml", name, 1)
            finding.file = name
