"""The line that ends a list with the signatories who asked not to be named.

signon's own exports close an organization list with "and 5 organizations that
asked not to be named" (in the letter's language, with its plural forms:
``letterlocale_data.UNNAMED_LINES``), or with the letter's own ``unnamed_line``
from its front matter.  Re-importing such an export must not read that line as an
organization: it says how many signed without a name, which the import cannot turn
into roster entries but which the letter's claims count.

The patterns are built from the same data the exports print from, every language
and every plural form, with any number in place of ``{n}`` (and, for a front-matter
line, a number in words in place of ``{words}``).

The region stage (``importers/region.py``) asks this reader of every block whether it is
such a line; the pipeline counts it and imports no name from it.  No letter of
tests/corpus/ prints one (they are signon's own); tests/importers/shapes/test_unnamed.py
reads the lines the exports print.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from signon.letterlocale_data import UNNAMED_LINES

if TYPE_CHECKING:
    from signon.counting import SignatoryList

# Digits as a person or a locale writes a count: "5", "1,200", "1 200", "1.200".
_NUMBER = r"(?P<n>\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+)"
_WORDS = r"(?P<words>[^\W\d_][^\W\d_\s-]*(?:[\s-]+[^\W\d_][^\W\d_\s-]*){0,5})"
# Around the line: a bullet, brackets, emphasis, a final full stop.
_EDGE = r"[\s(\[*_…\-–—•·.,;:)\]]*"


@dataclass(frozen=True)
class Unnamed:
    """One unnamed line: how many it counts, and the line as printed."""

    count: int
    text: str
    index: int = -1  # the document block it was read from


def _pattern(template: str) -> re.Pattern[str] | None:
    """A template ("and {n} organizations that asked not to be named") as an anchored
    pattern; None when it has no number to read."""
    template = " ".join(template.split())
    if "{n}" not in template and "{words}" not in template:
        return None
    parts = re.split(r"(\{n\}|\{words\})", template)
    out = []
    seen: set[str] = set()
    for part in parts:
        if part in ("{n}", "{words}"):
            if part in seen:  # a template printing the number twice: read the first
                out.append(r"\S+(?:\s+\S+){0,5}?")
                continue
            seen.add(part)
            out.append(_NUMBER if part == "{n}" else _WORDS)
        else:
            # Spaces match any run of spaces; a comma may lose or gain the spaces around it.
            for token in re.split(r"(\s*,\s*|\s+)", part):
                if "," in token:
                    out.append(r"\s*,\s*")
                elif token.isspace():
                    out.append(r"\s+")
                elif token:
                    out.append(re.escape(token))
    return re.compile(rf"^{_EDGE}{''.join(out)}{_EDGE}$", re.IGNORECASE)


_TAIL_EDGE = "()[]*_….,;:-–—•· \t"


def _tail(text: str) -> str:
    """The last word of a line, lower case, without the punctuation around it."""
    words = text.rstrip(_TAIL_EDGE).rsplit(None, 1)
    return words[-1].lower().strip(_TAIL_EDGE) if words else ""


def _defaults() -> list[str]:
    return [template for forms in UNNAMED_LINES.values() for template in forms.values()]


class UnnamedReader:
    """Tells an unnamed line from a name: the default lines, plus the given templates (a
    workspace's ``unnamed_line`` settings)."""

    def __init__(self, templates: Iterable[str] = (), language: str = "en") -> None:
        every = list(dict.fromkeys([*_defaults(), *templates]))
        self.patterns = tuple(p for p in map(_pattern, every) if p is not None)
        self.language = language
        # Every line of a list is asked: how it ends (one C-level endswith) rules out all
        # but the lines that end as some template ends.
        tails = {_tail(t) for t in every if "{" in t}
        self.tails: tuple[str, ...] | None = tuple(
            {form for tail in tails for form in (tail, tail.upper(), tail.capitalize())}
        )
        if any("{" in tail for tail in tails):
            self.tails = None  # a template ending in its number: no word to look for

    def read(self, text: str, *, index: int = -1) -> Unnamed | None:
        """The unnamed line ``text`` is, or None."""
        if len(text) > 300 or (
            self.tails is not None and not text.rstrip(_TAIL_EDGE).endswith(self.tails)
        ):
            return None
        for pattern in self.patterns:
            m = pattern.match(text)
            if m is None:
                continue
            count = self._count(m)
            if count is not None and count > 0:
                return Unnamed(count, text, index)
        return None

    def _count(self, m: re.Match[str]) -> int | None:
        groups = m.groupdict()
        if groups.get("n"):
            return int(re.sub(r"\D", "", groups["n"]))
        words = groups.get("words")
        if not words:
            return None
        from signon.claims import find_claims

        # The claim reader knows the number words of every language signon writes in.
        for claim in find_claims(f"{words} organizations", language=self.language):
            return claim.value
        return None


def workspace_templates(root: Path) -> list[str]:
    """Every ``unnamed_line`` a letter of the workspace at ``root`` sets in its front matter
    (a string, or a table of plural forms): its exports print those lines instead."""
    from signon.errors import WorkspaceFileError
    from signon.letter import split_front_matter

    out: list[str] = []
    letters = root / "letters"
    if not letters.is_dir():
        return out
    for path in sorted(letters.glob("*/letter*.md")):
        try:
            text = path.read_text(encoding="utf-8")
            front, _, _ = split_front_matter(text, display=str(path))
            value = tomllib.loads(front).get("unnamed_line")
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, WorkspaceFileError):
            # A letter that does not parse is `check`'s to report, not the import's.
            continue
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            out += [v for v in value.values() if isinstance(v, str)]
    return out


def with_unnamed(listing: SignatoryList, count: int) -> SignatoryList:
    """``listing`` with ``count`` more signatories who asked not to be named, counted as
    signon counts its own unnamed signatures: one organization, one entry, one name each."""
    if count <= 0:
        return listing
    counts = dataclasses.replace(
        listing.counts,
        organizations=listing.counts.organizations + count,
        entries=listing.counts.entries + count,
        names=listing.counts.names + count,
    )
    return dataclasses.replace(
        listing,
        counts=counts,
        unnamed=listing.unnamed + count,
        unnamed_organizations=listing.unnamed_organizations + count,
    )
