"""People signing for their organizations: "Jane Doe, Executive Director, Alpha Rights".

A letter of organizations often prints, for each, the person who signs for it:

    Jorge Fuertes, presidente, en nombre de «Asociación Alfa»    (on behalf of)
    Jane Doe, Executive Director, Alpha Rights Project           (person, role, organization)
    Rosana Grinberg                                              (a signature block: the
    Presidente do FNECDC                                          two lines of one paragraph)

The signatory is the organization, signed by that person: the organization becomes the
entry (its roster name is "Asociación Alfa", not the line), and "Jorge Fuertes,
presidente" its signer.  An "on behalf of" line says so itself, wherever it stands.  A
"person, role, organization" line says so only in a part of the list that holds
organizations (under an "Organizations" heading, after a line announcing organizations,
with ``--organizations``) or in a letter whose prose calls its signers organizations
("We, the undersigned organizations", "Mais de 60 entidades") and not people too;
elsewhere, as in a letter of scholars, it is a person with a title and an affiliation.
A signature block is joined into one line by :func:`join_signature_blocks`, a line repair,
and then read as the line it stands for.

Corpus letters that show it: tests/corpus/pt-mst-rotulagem-transgenicos (signature
blocks of its four lead organizations; two of them set in two columns run together,
"Bruno Miragem Gisela Simona" over "Presidente do Brasilcon Presidente do ProconsBrasil",
which no rule here takes apart).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from signon.importers.countries import is_place
from signon.importers.model import Line, Note
from signon.importers.names import SIGNS_FOR, is_acronym, org_words, words_pattern
from signon.importers.people import THRESHOLDS, is_role, name_part, person_score, person_shape
from signon.importers.wordlists import (
    ORG_SECTION_NOUNS,
    PERSON_SECTION_HINTS,
    PERSON_SECTION_NOUNS,
    SIGNATORY_CUES,
)

if TYPE_CHECKING:
    from signon.importers.model import ParsedEntry

_SIGNING = rf"(?:undersigned|signatory|signing|signed\s+by|{words_pattern(SIGNATORY_CUES)})"
_NUMBER = r"\d[\d.,]*"
# "the undersigned organizations", "organisations signataires", "Mais de 60 entidades".
_ORG_SIGNERS = re.compile(
    rf"\b(?:{_SIGNING}|{_NUMBER})\W+(?:\w+\W+){{0,3}}?(?:{words_pattern(ORG_SECTION_NOUNS)})\b"
    rf"|\b(?:{words_pattern(ORG_SECTION_NOUNS)})\W+(?:\w+\W+){{0,2}}?{_SIGNING}\b",
    re.IGNORECASE,
)
_PERSON_SIGNERS = re.compile(
    rf"\b(?:{_SIGNING}|{_NUMBER})\W+(?:\w+\W+){{0,3}}?"
    rf"(?:{words_pattern(PERSON_SECTION_NOUNS)}|{words_pattern(PERSON_SECTION_HINTS)})",
    re.IGNORECASE,
)
_PARTS = re.compile(r",\s+|\s+[-–—]\s+|\s*[()]\s*")
# The words linking a role to its organization: "Presidente do FNECDC", "Director of
# Programs at Beta Watch".
_LINK = re.compile(r"\s+(?:of|at|for|de|do|da|dos|das|del|della|di|du|des|der|von|bei|chez)"
                   r"\s+(?=[A-ZÀ-ÝА-ЯЁ«\"“])")
_QUOTES = "\"'“”«»„‘’"


def prose_says_organizations(prose: str) -> bool:
    """Whether the letter calls its signers organizations, and not people too."""
    return bool(_ORG_SIGNERS.search(prose)) and not _PERSON_SIGNERS.search(prose)


def on_behalf(text: str) -> tuple[str, str] | None:
    """("Asociación Alfa", "Jorge Fuertes, presidente") for "Jorge Fuertes, presidente, en
    nombre de «Asociación Alfa»"; None unless a person signs for a named organization."""
    m = SIGNS_FOR.search(text)
    if not m:
        return None
    signer = text[: m.start()].strip(" ,;:-–—(")
    org = text[m.end() :].strip(" ,;:.)").lstrip("-–— ")
    org = org.removeprefix("the ").removeprefix("The ").strip(_QUOTES + " ")
    if not signer or not org or not org[:1].isupper() or not person_shape(name_part(signer)[0]):
        return None
    return org, signer


# "Associazione Liber Liber, Referente: Marco Calvo": an organization and the person who
# answers for it.
_CONTACT_PERSON = re.compile(
    r"^(?P<org>[^:]+?)\s*[,:;–—-]?\s+(?P<word>referente|contatto|contact(?:o)?|contato|"
    r"ansprechpartner(?:in)?|responsable|representative|rappresentante|representante)"
    r"\s*:?\s+(?P<person>[^,:;]+)$",
    re.IGNORECASE,
)


def org_and_contact(text: str) -> tuple[str, str] | None:
    """("Associazione Liber Liber", "Marco Calvo") for "Associazione Liber Liber,
    Referente: Marco Calvo"; None unless a personal name follows the word."""
    m = _CONTACT_PERSON.match(text)
    if m is None:
        return None
    org, person = m.group("org").strip(" ,;:"), m.group("person").strip(" .")
    if not org[:1].isupper() or person_shape(person) < 1.0:
        return None
    return org, person


def org_and_signer(text: str) -> tuple[str, str] | None:
    """("Alpha Rights Project", "Jane Doe, Executive Director") for "Jane Doe, Executive
    Director, Alpha Rights Project, Norway"; None unless the line is a person's name, a
    role, then an organization."""
    head, rest = name_part(text)
    if not rest or person_shape(head) < 1.0:
        return None
    parts = [p.strip(" ,;.") for p in _PARTS.split(rest)]
    parts = [p for p in parts if p]
    if not parts or not is_role(parts[0]):
        return None
    titles: list[str] = []
    for n, part in enumerate(parts):
        linked = _linked(part) if n == len(parts) - 1 else None
        if linked:
            role, org = linked
            return org.strip(_QUOTES), ", ".join([head, *titles, role])
        if is_role(part):
            titles.append(part)
            continue
        if is_place(part) or part[:1].islower():
            return None  # "Jane Doe, Lawyer, Kyiv": a person and her place
        return part.strip(_QUOTES), ", ".join([head, *titles])
    return None


def _linked(part: str) -> tuple[str, str] | None:
    """(role, organization) of "Presidente do FNECDC", "Director of Programs at Beta
    Watch": the last link after which an organization is named (an organization word, an
    acronym: "Programs" is not one), else the first; None for a role alone or a place."""
    splits = [(part[: m.start()], part[m.end() :]) for m in _LINK.finditer(part)]
    splits = [(role, org) for role, org in splits if is_role(role) and not is_place(org)]
    for role, org in reversed(splits):
        if org_words(org) or is_acronym(org.split()[0]):
            return role, org
    return splits[0] if splits else None


def sign_for_organizations(entries: list[ParsedEntry], *, declared: bool) -> None:
    """Each line of ``entries`` that is a person signing for an organization: that
    organization, signed by the person.  ``declared``: the part holds organizations, so a
    "person, role, organization" line is one too (an "on behalf of" line always is)."""
    for entry in entries:
        if entry.kind == "coalition" or entry.signer:
            continue
        found = (
            on_behalf(entry.printed)
            or org_and_contact(entry.printed)
            or (org_and_signer(entry.printed) if declared else None)
        )
        if found:
            entry.name, entry.signer = found
            entry.why = (f"the organization {entry.name!r}, signed by {entry.signer!r} "
                         "(a person signing for it)")


def _title_line(text: str) -> bool:
    """ "Executive Director, Alpha Rights Project", "Presidente do FNECDC": a line that begins
    with a title, not a person with a title ("Professor Robert Sparrow") nor an
    organization whose name holds a role word ("Federation of … Trade Unions")."""
    role = _LINK.split(_PARTS.split(text, maxsplit=1)[0], maxsplit=1)[0]
    return is_role(role) and not org_words(role) and person_score(text) < THRESHOLDS["person"]


def join_signature_blocks(lines: list[Line], notes: list[Note]) -> list[Line]:
    """A person's name over "Role, Organization" in one paragraph (a signature block) as one
    line, "Name, Role, Organization", read as that line is."""
    out: list[Line] = []
    for line in lines:
        before = out[-1] if out else None
        if (
            before is not None
            and not line.section
            and not before.section
            and line.person is None
            and before.person is None
            and before.group == line.group
            and before.depth == line.depth
            and "," not in before.text
            and person_shape(before.text) >= 1.0
            and _title_line(line.text)
        ):
            # The layout of the list, not a printing error: no note (explained as joined).
            before.text = f"{before.text}, {line.text}"
            before.joined += [line.index, *line.joined]
            continue
        out.append(line)
    return out
