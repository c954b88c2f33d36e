"""Telling the people among a list's entries from the organizations.

A list that does not say what it holds (no "Individuals" heading, no line announcing
organizations, no ``--people`` / ``--organizations``) has each of its lines judged by
``people.person_score``; in a list where most lines are shaped like people's names, a
line needs less to be read as a person.  A companies' letter is read first
(``shapes/company_heads.py``): its "Person, title, Company" lines are the companies,
signed by those people, not people.
"""

from __future__ import annotations

from signon.importers.blocks import Document
from signon.importers.model import ParsedEntry, ParsedPerson
from signon.importers.names import parse_person, signs_for
from signon.importers.people import (
    THRESHOLDS,
    given_with_role,
    name_part,
    organization_evidence,
    person_score,
    person_shape,
)
from signon.importers.shapes.company_heads import company_and_signer, signed_by_heads
from signon.importers.shapes.representatives import (
    prose_says_organizations,
    sign_for_organizations,
)


def people_and_organizations(
    found: list[ParsedEntry], section: str, doc: Document, first: int
) -> tuple[list[ParsedEntry], list[ParsedPerson]]:
    """The organizations and the people among ``found``, entries of a part of the list
    that does not say what it holds (``first``: the list's first block in ``doc``)."""
    prose = prose_before(doc, first)
    if signed_by_heads(found, prose):
        sign_by_heads(found)
        return found, []
    # "X, on behalf of Org" is Org's signature; so is "Jane Doe, Director, Org" in a letter
    # whose prose calls its signers organizations.
    sign_for_organizations(found, declared=prose_says_organizations(prose))
    return split_people(found, section)


def read_person(text: str, line: int, section: str, index: int = -1) -> ParsedPerson:
    person = parse_person(text)
    return ParsedPerson(person.name, person.title, person.affiliation, line, section, index=index)


def prose_before(doc: Document, first: int) -> str:
    """The title and the prose above the list, where a letter says who its signers are."""
    return " ".join([doc.title, *(b.text for b in doc.blocks[:first] if b.kind != "row")])


def sign_by_heads(found: list[ParsedEntry]) -> None:
    """Each "Person, title, Company" line of a companies' letter: the company, signed by
    the person (importers/shapes/company_heads.py)."""
    for entry in found:
        if entry.kind == "coalition":
            continue
        head, _ = name_part(entry.printed)
        if not person_shape(head) and "(" not in entry.printed:
            continue  # "PingWings, http://…": the company alone
        company, signer = company_and_signer(entry.printed, head)
        if company:
            entry.name, entry.signer = company, signer
            entry.why = (f"the company {company!r}, signed by {signer!r} (the letter's "
                         "signers are companies)")


def split_people(
    found: list[ParsedEntry], section: str
) -> tuple[list[ParsedEntry], list[ParsedPerson]]:
    """The people among the entries of a list that does not say what it holds.

    Each line is judged (people.person_score); in a list where most lines are
    name-shaped, a line needs less to be read as a person.
    """
    plain = [e for e in found if e.kind != "coalition"]
    if not plain:
        return found, []
    scores = {id(e): person_score(e.printed) for e in plain}
    shaped = sum(score >= THRESHOLDS["person"] for score in scores.values())
    people_list = shaped >= THRESHOLDS["people_list"] * len(plain)
    mostly = (
        len(plain) >= THRESHOLDS["mostly_people_lines"]
        and shaped >= THRESHOLDS["mostly_people"] * len(plain)
    )
    bar = THRESHOLDS["person_in_people_list"] if people_list else THRESHOLDS["person"]
    entries: list[ParsedEntry] = []
    persons: list[ParsedPerson] = []
    for entry in found:
        if entry.kind == "coalition" or entry.signer:  # a signer's organization is one
            entries.append(entry)
            continue
        is_person = not signs_for(entry.printed) and (
            scores[id(entry)] >= bar
            or (
                mostly
                and (not organization_evidence(entry.printed) or given_with_role(entry.printed))
            )
        )
        if is_person:
            person = read_person(entry.printed, entry.line, section, entry.index)
            person.why = (
                "reads as a person's name, in a list of people"
                if people_list
                else "reads as a person's name (a given name, a title or a role)"
            )
            if entry.country and not person.affiliation and not person.title:
                # "Amina Yusuf - Kenya": the country is all the letter says about her.
                person.name, person.country = entry.name, entry.country
                person.affiliation = entry.country
            persons.append(person)
        else:
            entries.append(entry)
    return entries, persons
