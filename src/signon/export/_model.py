"""What every format prints: the composed list flattened into lines, and text clean-up.

Each format walks the same :class:`Line` sequence (taken from the one
:class:`~signon.counting.SignatoryList` that ``compose`` prints), so no format
can drop, double or reorder a name that another holds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from signon.compose import Composed
from signon.counting import Node
from signon.letter import Individual

# XML 1.0 can carry only these characters; anything else (C0 controls, lone
# surrogates, U+FFFE/U+FFFF) would make lxml refuse the document or Word
# call it corrupt, so it is dropped from every XML and HTML output.  Written as the
# characters refused: the class of those allowed, spanning U+10000..U+10FFFF, took
# ~7 ms to compile on every command that prints a list.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Runs of whitespace, but not the no-break spaces: those hold "2011 г." and
# "Signataires :" together on purpose, as they do in the plain-text letter.
_SPACES = re.compile(r"[^\S\u00a0\u2007\u202f]+")


def entry_label(node: Node, show_countries: bool) -> str:
    """How a name is printed: "Name (Country)", coalitions with their heading phrase.

    The country is left out where the name already says it ("…, Lithuania") and for a
    member in its coalition's country, as coordinators write the list by hand.
    """
    label = node.name
    country = node.country
    if (show_countries and country and country != node.parent_country
            and not _names_country(label, country)):
        label = f"{label} ({country})"
    if node.is_coalition:
        label = f"{label} ({node.heading}):"
    return label


def _names_country(name: str, country: str) -> bool:
    # Whole words only: "Belarusian Association" does not say "Belarus", "Woman" not "Oman".
    if name.isascii() and country.isascii() and country.lower() not in name.lower():
        # In ASCII, ignoring case is lowering both: no match is possible.  The pattern's
        # search, ~1 µs a name, was a third of printing a list.
        return False
    return _country_pattern(country).search(name) is not None


@lru_cache(maxsize=512)
def _country_pattern(country: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(country)}(?!\w)", re.IGNORECASE)


def individual_label(person: Individual) -> str:
    return ", ".join(part for part in (person.name, person.title, person.affiliation) if part)


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)


def one_line(text: str, *, strip: bool = True) -> str:
    """A name as one line: XML-safe, tabs and line breaks (hand-edited TOML) as single spaces."""
    if text.isprintable() and "  " not in text:
        # The common case, checked in C: every character XML rejects and every whitespace
        # but the ASCII space is "not printable", so there is nothing to replace.
        return text.strip() if strip else text
    flat = _SPACES.sub(" ", xml_safe(text))
    return flat.strip() if strip else flat


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character is Hebrew/Arabic-script (RTL)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "ug", "ur", "yi"}
)


def language_tag(language: str) -> str:
    """BCP 47 form of the letter's language code (``pt_BR`` → ``pt-BR``)."""
    return language.replace("_", "-") or "en"


def language_is_rtl(language: str) -> bool:
    return language_tag(language).split("-")[0].lower() in RTL_LANGUAGES


@dataclass(frozen=True)
class Line:
    """One printed name of the list."""

    label: str  # exactly as compose prints it: "Name (Country)", "Name (…):"
    name: str  # the bare name, the part of the label that may be right-to-left
    kind: str  # "organization", "coalition" or "individual"
    depth: int  # 0: top-level entry; members of a coalition one deeper than it
    node: Node | None = None
    person: Individual | None = None
    top: Node | None = None  # the top-level entry whose signature brings this name

    def parts(self) -> tuple[str, str]:
        """The label on one line, split into the name and what follows (" (Country)"…).

        Printed separately so that a right-to-left name cannot pull the country or
        the heading phrase into its direction; joined they are ``one_line(label)``.
        """
        label = one_line(self.label)
        name = one_line(self.name)
        if name and label.startswith(name):
            return name, label[len(name) :]
        return label, ""


def organization_lines(composed: Composed) -> Iterator[Line]:
    show = composed.show_countries
    for entry in composed.signatories.entries:
        for node, depth in entry.walk():
            yield Line(
                label=entry_label(node, show),
                name=node.name,
                kind=node.kind,
                depth=depth,
                node=node,
                top=entry,
            )


def individual_lines(composed: Composed) -> Iterator[Line]:
    for person in composed.signatories.individuals:
        yield Line(
            label=individual_label(person),
            name=person.name,
            kind="individual",
            depth=0,
            person=person,
        )


def section_heading(label: str) -> str:
    """ "Regional" → "Regional:", the way a group's heading is printed over its names."""
    return label if label.endswith(":") else label + ":"


def individuals_heading(composed: Composed) -> str:
    """The line above the individuals (as compose prints it; settable in the front matter)."""
    return str(composed.text.front.extra.get("individuals_heading", "Individuals:"))


def list_lines(composed: Composed) -> list[Line]:
    """Every listed name in compose's order: organizations (depth-first), then individuals."""
    return [*organization_lines(composed), *individual_lines(composed)]


def has_signatories(composed: Composed) -> bool:
    """Whether the letter has a list to print: names, or only the unnamed line."""
    listed = composed.signatories
    return bool(listed.entries or listed.individuals or listed.unnamed_organizations)
