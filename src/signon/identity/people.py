"""When two individual signatures are one person.

A letter lists people by name and affiliation.  The same name with the same affiliation
(folded) is one person signing twice.
The same name at two affiliations is one person when the affiliations share a word that
names the place itself ("Pomona College (USA)" / "Pomona College"; "St. John's University"
/ "College of St. Benedict/St. John's University"): lists print a person's affiliation
once in full and once in short.  The same name at places that share nothing is two
people, as two "Maria Silva" in a Brazilian list may well be; so is the same name once
with an affiliation and once without, which says nothing either way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, TypeVar

from signon.identity.data import AFFILIATION_COMMON_WORDS, SMALL_WORDS
from signon.identity.fold import token_key


def person_key(name: str) -> str:
    """The key two signatures of one person share (their affiliations decide the rest):
    "Łukasz Nowak" and "lukasz  nowak" are one name."""
    return token_key(name)


def _place_words(affiliation: str) -> set[str]:
    return {
        w for w in token_key(affiliation).split()
        if len(w) >= 4 and w not in AFFILIATION_COMMON_WORDS and w not in SMALL_WORDS
        and not w.isdigit()
    }


def same_person(name: str, affiliation: str, other_name: str, other_affiliation: str) -> bool:
    """Whether two signatures (name, affiliation) are one person signing twice."""
    if person_key(name) != person_key(other_name):
        return False
    if token_key(affiliation) == token_key(other_affiliation):
        return True
    return not _place_words(affiliation).isdisjoint(_place_words(other_affiliation))


class _Signature(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def affiliation(self) -> str: ...


S = TypeVar("S", bound=_Signature)


def with_earlier(people: Iterable[S]) -> Iterator[tuple[S, S | None]]:
    """Each signature with the earlier one of the same person it repeats (None for the
    first): one pass, each name compared only with the signatures of that name."""
    seen: dict[str, list[S]] = {}
    for person in people:
        same = seen.setdefault(person_key(person.name), [])
        first = next((o for o in same if same_person(
            o.name, o.affiliation, person.name, person.affiliation)), None)
        if first is None:
            same.append(person)
        yield person, first
