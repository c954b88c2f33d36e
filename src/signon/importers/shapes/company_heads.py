"""Companies signed by their heads: "Jacques Le Marois (Président Mandrakesoft)".

A letter from companies lists each signature by the person who heads the company, with
a title and the company's name ("Laurent Minguet - CEO EVS", "O. Feringa, SolidCode BV,
Utrecht"). Read one line at a time, such a line is a person with an affiliation; read as
the letter means it, it is the company's signature, signed by that person. The letter
says which: its prose speaks of its signers as companies ("Fünfundzwanzig niederländische
Firmen", "Nous dirigeons des sociétés"), and most lines of its list name a head's title
or a company's legal form. Only then are the lines read as companies; a letter of
organizations with people under them ("Jane Roe, Executive Director, Amnesty") is not
touched, since its prose does not speak of companies.

This is a reading of the entries, not a block reader: the classification stage
(``importers/classify.py``) asks it first, for each part of a list that does not say
what it holds.  Corpus letters that show it: tests/corpus/fr-ffii-editeurs-chirac
(" * Jacques Le Marois (Président Mandrakesoft)"), tests/corpus/de-ffii-nl-firmen
(" * O. Feringa, SolidCode BV, Utrecht, http://www.solidcode.net/").
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from signon.importers.countries import is_place
from signon.importers.names import words_pattern
from signon.importers.wordlists import COMPANY_NOUNS, HEAD_TITLES, LEGAL_FORMS, ROLE_WORDS

if TYPE_CHECKING:
    from signon.importers.model import ParsedEntry

# The share of a list's lines that must name a head's title or a legal form.
HEADS_SHARE = 0.5

_COMPANY_NOUN = re.compile(rf"\b(?:{words_pattern(COMPANY_NOUNS)})\b", re.IGNORECASE)
_HEAD_TITLE = re.compile(rf"(?<!\w)(?:{words_pattern(HEAD_TITLES)})(?!\w)", re.IGNORECASE)
_LEGAL_FORM = re.compile(rf"(?<!\w)(?:{words_pattern(LEGAL_FORMS)})(?!\w)", re.IGNORECASE)
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.\w+", re.IGNORECASE)
_PARTS = re.compile(r",\s+|\s+[-–—]\s+|\s*[()]\s*")
_PAREN = re.compile(r"\(([^()]+)\)")


@functools.cache
def _lead() -> re.Pattern[str]:
    """Titles before the company, and the word that links them to it ("Directeur technique
    KDX Ingénierie", "directeur van Artefact", "co-gérants de Les Développements Durables").

    Compiled when first asked (~12 ms, the importer's largest pattern): only a letter of
    companies signed by their heads needs it."""
    return re.compile(
        rf"^(?:(?:{words_pattern(HEAD_TITLES + ROLE_WORDS)})(?!\w)\.?,?\s*"
        r"(?:(?:&|and|et|und)\s+)?)+"
        r"(?:(?:de|d'|d’|du|des|van|of|at|bei|von|der|chez)\s+)?",
        re.IGNORECASE,
    )


def heads_a_company(text: str) -> bool:
    """Whether a line names a head's title or a company's legal form."""
    return bool(_HEAD_TITLE.search(text) or _LEGAL_FORM.search(text))


def signed_by_heads(entries: list[ParsedEntry], prose: str) -> bool:
    """Whether the list's lines are companies signed by their heads (see the module)."""
    if len(entries) < 3 or not _COMPANY_NOUN.search(prose):
        return False
    heads = sum(heads_a_company(e.printed) for e in entries)
    return heads >= HEADS_SHARE * len(entries)


def company_and_signer(text: str, person: str) -> tuple[str, str]:
    """("Mandrakesoft", "Jacques Le Marois, Président") for "Jacques Le Marois (Président
    Mandrakesoft)"; the company is the first part after the person's name that is not only
    a title, a place or an address. ("", "") when no part is left."""
    rest = text[len(person):] if text.startswith(person) else text
    # Several heads of one company name it in brackets: "Bruno Berthelet, Didier Moiselet
    # et Stéphane Plichon (Directeurs Hasgard)".
    inside = _PAREN.search(rest)
    if inside and _HEAD_TITLE.match(inside.group(1).strip()):
        person = (person + rest[: inside.start()]).strip(" ,")
        rest = inside.group(1)
    title = ""
    for part in _PARTS.split(_URL.sub(" ", rest)):
        part = part.strip(" ,;.")
        if not part:
            continue
        lead = _lead().match(part)
        if lead and not title:
            title = lead.group().strip(" ,.")
        company = part[lead.end():].strip() if lead else part
        if not company or company[:1].islower() or is_place(company):
            continue
        return company, f"{person}, {title}" if title else person
    return "", ""

